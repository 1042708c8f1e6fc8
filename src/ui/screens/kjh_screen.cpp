// The KJH view of a family (issue 7, item 3): every KJH involvement (per child
// or per Hilfeplan, several at once), the state of the Begleitung the core
// computes with its explanation of what seed 000 requires, the decision for
// an exception (a)–(d) and what it still lacks, and the Fallführung, which is
// the KJH's and only shown. Also the card on the family overview.
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "store/cooperation_agreements.h"
#include "ui/icons.h"
#include "ui/screens/kjh_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

void reload(ScreenContext& ctx, CaseUi& ui, KjhUi& k) {
  if (!k.stale) return;
  k.stale = false;
  const store::Store& db = *ctx.session->reader();
  auto status = store::kjh_status(db, ui.family_id);
  auto involvements = store::load_kjh_involvements(db, ui.family_id);
  auto exceptions = store::load_kjh_exceptions(db, ui.family_id);
  if (!status.ok() || !involvements.ok() || !exceptions.ok()) {
    k.status.reset();
    ui.notice = !status.ok()         ? status.error().text()
                : !involvements.ok() ? involvements.error().text()
                                     : exceptions.error().text();
    return;
  }
  k.status = std::move(*status);
  k.involvements = std::move(*involvements);
  k.exceptions = std::move(*exceptions);
}

// Who an involvement is about: the child's first name or the Hilfeplan.
std::string subject(const CaseUi& ui, const rules::KjhInvolvement& i) {
  if (i.child && ui.overview)
    for (const auto& p : ui.overview->persons)
      if (p.id == *i.child) return p.first_name;
  if (!i.hilfeplan.empty()) return format_text(Str::kjh_hilfeplan_ref, i.hilfeplan);
  return tr(Str::kjh_whole_family);
}

// A line of personal text with an edit button "<id>.edit" before it; true when tapped.
bool edit_row(const std::string& id, const std::string& line) {
  ImGui::PushID(id.c_str());
  const bool edit = button((id + ".edit").c_str(), BB_ICON_PENCIL, false, touch_target_height());
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextWrapped("%s", line.c_str());
  widget_registry().tag_personal(id.c_str(), line);
  ImGui::PopID();
  return edit;
}

void open_exception(CaseUi& ui, const rules::CooperationException& e) {
  kjh_ui(ui).exception = e;
  go_to(ui, CaseView::kjh_exception_form);
}

void draw_status(KjhUi& k) {
  const rules::KjhAssessment& a = k.status->assessment;
  begin_card("kjh.status.card");
  const bool decide = k.status->needs_decision;
  const ImVec4 colour = decide ? palette().warning_text : palette().accent;
  const std::string state =
      std::string(decide ? BB_ICON_WARNING "  " : BB_ICON_SHIELD "  ") + tr(label(a.state));
  ImGui::TextColored(colour, "%s", state.c_str());
  widget_registry().tag_last_item("kjh.state", tr(label(a.state)));
  text_lines(a.explanation, "kjh.explanation.", false);
  for (size_t i = 0; i < a.lapsed.size(); ++i) {
    const std::string line = a.lapsed[i].text.str();
    ImGui::TextColored(palette().warning_text, "%s", line.c_str());
    widget_registry().tag_personal(indexed("kjh.lapsed.", i).c_str(), line);
  }
  // Fallführung: the KJH's, never an input.
  const std::string lead = std::string(BB_ICON_LOCK "  ") + a.fallfuehrung_text.str();
  ImGui::TextWrapped("%s", lead.c_str());
  widget_registry().tag_personal("kjh.fallfuehrung", a.fallfuehrung_text.str());
  end_card();
}

void draw_decision(CaseUi& ui, KjhUi& k) {
  const rules::KjhAssessment& a = k.status->assessment;
  if (a.pending) {
    // An exception is recorded but lacks something: say exactly what.
    const rules::CooperationException* pending = nullptr;
    for (const auto& e : k.exceptions)
      if (e.id == *a.pending) pending = &e;
    begin_card("kjh.pending.card");
    if (pending) {
      const std::string title = format_text(Str::rules_kjh_pending, tr(label(pending->kind)));
      ImGui::TextColored(palette().warning_text, "%s", title.c_str());
      widget_registry().tag_last_item("kjh.pending", title.c_str());
    }
    for (size_t i = 0; i < k.status->missing.size(); ++i) {
      const std::string line = "•  " + k.status->missing[i].text.str();
      ImGui::TextWrapped("%s", line.c_str());
      widget_registry().tag_personal(indexed("kjh.missing.", i).c_str(), k.status->missing[i].text.str());
    }
    if (pending && button("kjh.pending.complete", tr(Str::kjh_complete_decision), true)) {
      open_exception(ui, *pending);
      end_card();
      return;
    }
    end_card();
  }
  if (a.options.empty()) return;
  ImGui::TextUnformatted(tr(k.status->needs_decision ? Str::kjh_decide : Str::kjh_decide_optional));
  FlowRow row;
  for (auto kind : a.options) {
    const char* text = tr(label(kind));
    row.next(text);
    const std::string id = std::string("kjh.decide.") + rules::code(kind);
    if (button(id.c_str(), text, k.status->needs_decision)) {
      rules::CooperationException e;
      e.kind = kind;
      e.decided_on = today_day();
      if (!k.status->assessment.fallfuehrung.empty()) e.kjh.by = k.status->assessment.fallfuehrung.front();
      open_exception(ui, e);
      return;
    }
  }
}

void draw_involvements(CaseUi& ui, KjhUi& k) {
  ImGui::Spacing();
  heading(tr(Str::kjh_involvements), "kjh.involvements.title");
  if (k.involvements.empty()) muted_text(tr(Str::kjh_involvements_none));
  const rules::Date today = today_day();
  for (size_t i = 0; i < k.involvements.size(); ++i) {
    const auto& inv = k.involvements[i];
    std::string line = subject(ui, inv) + ":  " + tr(label(inv.kind)) + "  ·  " +
                       format_text(Str::kjh_since, inv.from.german());
    if (inv.ended_on) line += "  ·  " + format_text(Str::kjh_until, inv.ended_on->german());
    if (inv.kind == rules::KjhKind::abklaerung && inv.ergebnis != rules::AbklaerungErgebnis::offen)
      line += "  ·  " + std::string(tr(label(inv.ergebnis)));
    if (!inv.fallfuehrung.empty())
      line += "  ·  " + format_text(Str::rules_kjh_fallfuehrung, inv.fallfuehrung);
    if (!rules::involvement_active_at(inv, today)) line += "  ·  " + std::string(tr(Str::kjh_ended));
    if (edit_row(indexed("kjh.involvement.", i), line)) {
      k.involvement = inv;
      go_to(ui, CaseView::kjh_involvement_form);
      return;
    }
  }
  if (button("kjh.add_involvement",
             (std::string(BB_ICON_PLUS "  ") + tr(Str::kjh_add_involvement)).c_str())) {
    k.involvement = rules::KjhInvolvement{};
    k.involvement.kind = rules::KjhKind::abklaerung;
    k.involvement.from = today_day();
    go_to(ui, CaseView::kjh_involvement_form);
  }
}

void draw_exceptions(CaseUi& ui, KjhUi& k) {
  if (k.exceptions.empty()) return;
  ImGui::Spacing();
  heading(tr(Str::kjh_exceptions), "kjh.exceptions.title");
  const auto& a = k.status->assessment;
  for (size_t i = 0; i < k.exceptions.size(); ++i) {
    const auto& e = k.exceptions[i];
    std::string line =
        std::string(tr(label(e.kind))) + "  ·  " + format_text(Str::kjh_decided_on, e.decided_on.german());
    if (a.exception && *a.exception == e.id)
      line += "  ·  " + std::string(tr(Str::kjh_exception_in_force));
    else if (a.pending && *a.pending == e.id)
      line += "  ·  " + std::string(tr(Str::kjh_exception_incomplete));
    else if (e.ended_on)
      line += "  ·  " + format_text(Str::kjh_until, e.ended_on->german());
    if (edit_row(indexed("kjh.exception.", i), line)) {
      open_exception(ui, e);
      return;
    }
  }
}

}  // namespace

KjhUi& kjh_ui(CaseUi& ui) {
  if (!ui.kjh) ui.kjh = std::make_shared<KjhUi>();
  return *ui.kjh;
}

rules::Date today_day() {
  auto d = rules::Date::from_iso(cases::today());
  return d ? *d : rules::Date{};
}

void open_kjh(CaseUi& ui) {
  kjh_ui(ui).stale = true;
  go_to(ui, CaseView::kjh);
}

void open_cooperation_agreement(CaseUi& ui) {
  kjh_ui(ui).agreement_loaded = false;
  go_to(ui, CaseView::cooperation_agreement);
}

void text_lines(const std::vector<rules::Text>& lines, const char* prefix, bool warning) {
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string line = lines[i].str();
    if (warning) ImGui::PushStyleColor(ImGuiCol_Text, palette().warning_text);
    ImGui::TextWrapped("%s", line.c_str());
    if (warning) ImGui::PopStyleColor();
    widget_registry().tag_personal(indexed(prefix, i).c_str(), line);
  }
}

bool run_action(ScreenContext& ctx, CaseUi& ui, Str what, const std::function<Status(store::Store&)>& action,
                Str notice, CaseView then) {
  ui.errors.clear();
  const Status st = ctx.session->act_on_store(what, action);
  if (!st.ok()) {
    ui.errors.set(st.error());
    if (ui.errors.general.empty()) ui.errors.general = st.error().text();
    return false;
  }
  ui.notice = tr(notice);
  ui.dirty = false;
  ui.list.stale = true;
  kjh_ui(ui).stale = true;
  kjh_ui(ui).agreement_loaded = false;
  go_to(ui, then);
  return true;
}

void draw_kjh_view(ScreenContext& ctx, CaseUi& ui) {
  KjhUi& k = kjh_ui(ui);
  const std::string back = std::string(BB_ICON_CHEVRON_LEFT "  ") + tr(Str::kjh_back);
  if (button("kjh.back", back.c_str())) {
    go_to(ui, CaseView::overview);
    return;
  }
  heading(tr(Str::kjh_title), "kjh.title");
  if (ui.overview) {
    muted_text(ui.overview->header.c_str());
    widget_registry().tag_personal("kjh.family", ui.overview->header);
  }
  reload(ctx, ui, k);
  if (!ui.notice.empty()) {
    ImGui::TextColored(palette().ok_text, BB_ICON_CHECK "  %s", ui.notice.c_str());
    widget_registry().tag_last_item("kjh.notice", ui.notice.c_str());
  }
  if (!k.status) return;
  draw_status(k);
  draw_decision(ui, k);
  if (ui.view != CaseView::kjh) return;
  draw_involvements(ui, k);
  if (ui.view != CaseView::kjh) return;
  draw_exceptions(ui, k);
  if (ui.view != CaseView::kjh) return;
  ImGui::Spacing();
  if (button("kjh.agreement", (std::string(BB_ICON_HANDSHAKE "  ") + tr(Str::coop_title)).c_str()))
    open_cooperation_agreement(ui);
}

bool draw_kjh_card(ScreenContext& ctx, CaseUi& ui) {
  const store::Store* db = ctx.session->reader();
  auto status = store::kjh_status(*db, ui.family_id);
  auto agreement = store::load_agreement_in_force(*db, ui.family_id);
  ImGui::Spacing();
  begin_card("overview.kjh.card");
  ImGui::TextColored(palette().accent, BB_ICON_SHIELD "  %s", tr(Str::kjh_title));
  if (status.ok()) {
    const auto& a = status->assessment;
    const bool decide = status->needs_decision;
    std::string line = tr(label(a.state));
    if (a.exception_kind) line += ": " + std::string(tr(label(*a.exception_kind)));
    ImGui::TextColored(decide ? palette().warning_text : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s%s",
                       decide ? BB_ICON_WARNING "  " : "", line.c_str());
    widget_registry().tag_last_item("overview.kjh.state", line.c_str());
    if (!a.fallfuehrung.empty()) {
      muted_text(a.fallfuehrung_text.str().c_str());
      widget_registry().tag_personal("overview.kjh.fallfuehrung", a.fallfuehrung_text.str());
    }
  }
  if (agreement.ok() && *agreement) {
    if (auto due = rules::next_coordination_due(**agreement)) {
      const bool overdue = *due < today_day();
      const std::string line = format_text(overdue || rules::coordination_due(**agreement, today_day())
                                               ? Str::coop_coordination_due
                                               : Str::coop_coordination_next,
                                           due->german());
      ImGui::TextColored(
          rules::coordination_due(**agreement, today_day()) ? palette().warning_text : palette().muted_text,
          BB_ICON_CLOCK "  %s", line.c_str());
      widget_registry().tag_personal("overview.kjh.coordination", line);
    }
  }
  bool left = false;
  if (button("overview.kjh", tr(Str::kjh_open))) {
    open_kjh(ui);
    left = true;
  }
  ImGui::SameLine();
  if (!left && button("overview.agreement", tr(Str::coop_title))) {
    open_cooperation_agreement(ui);
    left = true;
  }
  end_card();
  return left;
}

}  // namespace bb::ui
