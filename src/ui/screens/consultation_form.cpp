// The consultation of an insoweit erfahrene Fachkraft (Österreich: the
// Rücksprache, seed 000): the basis by jurisdiction and the companion's core
// profession as the core states it, the choice of an anonymised or a
// pseudonymised case summary — shown in full for review before it leaves the
// app, and printable —, and the consultation recorded. A summary that was
// made is protocolled with the consultation (Offenlegungsprotokoll).
#include <string>

#include "core/i18n.h"
#include "exchange/record_print.h"
#include "imgui.h"
#include "platform/print.h"
#include "store/case_summary.h"
#include "store/child_protection.h"
#include "store/directory.h"
#include "store/disclosures.h"
#include "ui/icons.h"
#include "ui/screens/kjh_ui.h"
#include "ui/screens/protection_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

rules::SummaryStrength strength_of(rules::DataForm f) {
  return f == rules::DataForm::anonymisiert ? rules::SummaryStrength::anonymisiert
                                            : rules::SummaryStrength::pseudonymisiert;
}

void draw_basis(ScreenContext& ctx, CaseUi& ui, ProtectionUi& p, rules::Consultation& c) {
  auto basis = store::consultation_basis_for(*ctx.session->reader(), ui.family_id);
  begin_card("cp_con.basis.card");
  if (!basis.ok()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().warning_text);
    ImGui::TextWrapped(BB_ICON_WARNING "  %s", basis.error().text().c_str());
    ImGui::PopStyleColor();
    widget_registry().tag_last_item("cp_con.basis", basis.error().text().c_str());
    end_card();
    return;
  }
  c.basis = *basis;
  const std::string line = format_text(Str::cp_ui_basis, tr(rules::label(*basis)));
  ImGui::TextColored(palette().accent, BB_ICON_SHIELD "  %s", line.c_str());
  widget_registry().tag_last_item("cp_con.basis", line.c_str());
  if (p.jurisdiction)
    text_lines(rules::consultation_guidance(*p.jurisdiction, p.profession), "cp_con.guide.", false);
  end_card();
}

void draw_summary(ScreenContext& ctx, CaseUi& ui, ProtectionUi& p, rules::Consultation& c) {
  begin_card("cp_con.summary.card");
  ImGui::TextUnformatted(tr(Str::cp_ui_summary_form));
  FlowRow row;
  for (auto f : {rules::DataForm::pseudonymisiert, rules::DataForm::anonymisiert}) {
    const char* text = tr(rules::label(f));
    row.next(text);
    const std::string id = std::string("cp_con.form.") +
                           (f == rules::DataForm::anonymisiert ? "anonymisiert" : "pseudonymisiert");
    if (choice(id.c_str(), text, c.form == f) && c.form != f) {
      c.form = f;
      p.summary.reset();  // a summary of the other strength must not stay on screen
      ui.dirty = true;
    }
  }
  muted_text(tr(c.form == rules::DataForm::anonymisiert ? Str::cp_ui_summary_anon_hint
                                                        : Str::cp_ui_summary_pseudo_hint));
  if (button("cp_con.summary", tr(Str::cp_ui_summary_make))) {
    ui.errors.clear();
    const auto strength = strength_of(c.form);
    Status st;
    if (strength == rules::SummaryStrength::pseudonymisiert)
      st = ctx.session->act_on_store(Str::cp_ui_action_key,
                                     [](store::Store& db) { return store::ensure_pseudonym_key(db); });
    if (st.ok()) {
      auto s = store::case_summary(*ctx.session->reader(), ui.family_id, strength, language());
      if (s.ok())
        p.summary = std::move(*s);
      else
        ui.errors.general = s.error().text();
    } else {
      ui.errors.general = st.error().text();
    }
  }
  if (p.summary) {
    ImGui::Separator();
    for (size_t i = 0; i < p.summary->lines.size(); ++i) {
      ImGui::TextWrapped("%s", p.summary->lines[i].c_str());
      widget_registry().tag_personal(("cp_con.summary." + std::to_string(i)).c_str(), p.summary->lines[i]);
    }
    if (button("cp_con.print", (std::string(BB_ICON_BOOK "  ") + tr(Str::print_action)).c_str()))
      platform::print_html(exchange::summary_document(*p.summary, language()).html(language()));
    muted_text(tr(Str::cp_ui_summary_protocol));
  }
  end_card();
}

// The insoweit erfahrene Fachkräfte of the network directory (Anlage 2):
// one tap fills in who is consulted. True when it did.
bool pick_fachkraft(ScreenContext& ctx, ProtectionUi& p, rules::Consultation& c) {
  if (!p.fachkraefte) {
    auto list = store::list_fachkraefte(*ctx.session->reader());
    p.fachkraefte = list.ok() ? std::move(*list) : std::vector<store::FachkraftRecord>{};
  }
  if (p.fachkraefte->empty()) return false;
  muted_text(tr(Str::child_protection_fachkraefte));
  bool picked = false;
  FlowRow row;
  for (size_t i = 0; i < p.fachkraefte->size(); ++i) {
    const auto& f = (*p.fachkraefte)[i].fachkraft;
    if ((*p.fachkraefte)[i].removed) continue;
    std::string name = f.name;
    if (!f.organisation.empty()) name += ", " + f.organisation;
    row.next(name.c_str());
    if (choice(("cp_con.pick." + std::to_string(i)).c_str(), name.c_str(), c.fachkraft == name)) {
      c.fachkraft = name;
      picked = true;
    }
  }
  return picked;
}

}  // namespace

void draw_consultation_form(ScreenContext& ctx, CaseUi& ui) {
  ProtectionUi& p = protection_ui(ui);
  rules::Consultation& c = p.consultation;
  cp_form_header(ui, Str::cp_ui_consultation, "cp_con.title");
  draw_basis(ctx, ui, p, c);
  draw_summary(ctx, ui, p, c);
  bool& d = ui.dirty;
  begin_card("cp_con.card");
  d |= text_field("cp_con.fachkraft", tr(Str::cp_ui_fachkraft), c.fachkraft, false,
                  tr(Str::cp_ui_fachkraft_hint));
  d |= pick_fachkraft(ctx, p, c);
  d |= day_field("cp_con.on", tr(Str::cp_ui_consulted_on), c.on);
  d |= text_area("cp_con.result", tr(Str::cp_ui_consultation_result), c.result, 3);
  end_card();
  if (button("cp_con.save", tr(Str::form_save), true)) {
    rules::Consultation entry = c;
    entry.meta.recorded_by = recorder(ui);
    const bool shared = p.summary.has_value();
    const int64_t family = ui.family_id;
    cp_action(
        ctx, ui, Str::cp_ui_action_consultation,
        [&](store::Store& db) -> Status {
          auto id = store::record_consultation(db, family, entry);
          if (!id.ok()) return id.error();
          if (!shared) return {};
          // The summary left the app: it goes into the Offenlegungsprotokoll.
          rules::DisclosureRequest rq;
          rq.family = family;
          rq.recipient = {rules::RecipientKind::insoweit_erfahrene_fachkraft, entry.fachkraft_partner,
                          entry.fachkraft};
          rq.purpose = rules::Purpose::fachberatung;
          rq.categories = {rules::DataCategory::kinderschutz};
          rq.channel = rules::Channel::persoenlich;
          rq.form = entry.form;
          return status_of(store::disclose(db, rq, std::nullopt, entry.meta.recorded_by));
        },
        Str::form_saved);
  }
}

}  // namespace bb::ui
