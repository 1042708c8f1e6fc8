// The Mitteilung to the Kinder- und Jugendhilfe, worded by jurisdiction:
// Österreich a duty (§ 37 B-KJHG: the concrete suspicion and its reasons, in
// writing, without delay); Deutschland a power (§ 4 Abs. 3 KKG, or the law of
// the companion's field) — never a duty there. Date, recipient (a
// Jugendamt of the network directory), channel, the suspicion or the
// gewichtige Anhaltspunkte, the reasons, what it documents (and nothing
// else), whether the family was informed or why not, and whether consent was
// sought. The core's objections are listed live; blocking ones refuse saving.
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "store/child_protection.h"
#include "store/directory.h"
#include "ui/icons.h"
#include "ui/screens/kjh_ui.h"
#include "ui/screens/protection_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

void load_offices(ScreenContext& ctx, ProtectionUi& p) {
  if (!p.kjh_offices.empty()) return;
  store::PartnerQuery q;
  q.category = directory::Category::kinder_jugendhilfe;
  q.type = "jugendamt";
  auto page = store::list_partners(*ctx.session->reader(), q);
  if (page.ok()) p.kjh_offices = std::move(page->rows);
}

void draw_recipient(ScreenContext& ctx, ProtectionUi& p, rules::Mitteilung& m, bool& d) {
  load_offices(ctx, p);
  ImGui::TextUnformatted(tr(Str::cp_ui_recipient));
  if (p.kjh_offices.empty()) muted_text(tr(Str::cp_ui_no_office));
  FlowRow row;
  for (const auto& office : p.kjh_offices) {
    std::string text = office.name;
    if (!office.town.empty()) text += ", " + office.town;
    row.next(text.c_str());
    const std::string id = "cp_mit.recipient." + std::to_string(office.id);
    if (choice(id.c_str(), text.c_str(), m.recipient.partner == office.id)) {
      d |= m.recipient.partner != office.id;
      m.recipient = {rules::RecipientKind::kjh, office.id, office.name};
    }
  }
}

void draw_content(rules::Mitteilung& m, bool& d) {
  ImGui::TextUnformatted(tr(Str::cp_ui_content));
  FlowRow row;
  for (int i = 0; i < rules::kCategoryCount; ++i) {
    const auto c = static_cast<rules::DataCategory>(i);
    const char* text = tr(rules::label(c));
    row.next(text);
    const std::string id = std::string("cp_mit.content.") + rules::code(c);
    if (choice(id.c_str(), text, m.content.contains(c))) {
      if (m.content.contains(c))
        m.content.remove(c);
      else
        m.content.add(c);
      d = true;
    }
  }
  d |= text_area("cp_mit.content_text", tr(Str::cp_ui_content_text), m.content_text, 3);
}

void draw_consent_sought(rules::Mitteilung& m, bool& d) {
  using S = rules::ConsentSought;
  ImGui::TextUnformatted(tr(Str::cp_ui_consent_sought));
  FlowRow row;
  for (auto s : {S::angestrebt_erteilt, S::angestrebt_verweigert, S::nicht_angestrebt, S::nicht_erfasst}) {
    const char* text = tr(rules::label(s));
    row.next(text);
    const std::string id = "cp_mit.sought." + std::to_string(static_cast<int>(s));
    if (choice(id.c_str(), text, m.consent_sought.result == s)) {
      d |= m.consent_sought.result != s;
      m.consent_sought.result = s;
    }
  }
  if (m.consent_sought.result == S::angestrebt_erteilt || m.consent_sought.result == S::angestrebt_verweigert)
    d |= day_field("cp_mit.sought_on", tr(Str::cp_ui_consent_sought_on), m.consent_sought.on);
  if (m.consent_sought.result == S::nicht_angestrebt)
    d |= text_area("cp_mit.sought_reason", tr(Str::cp_ui_consent_sought_reason),
                   m.consent_sought.reason_not_sought, 2);
}

void draw_problems(const rules::Mitteilung& m, rules::Jurisdiction j) {
  const auto problems = rules::validate_mitteilung(m, j, today_day());
  std::vector<rules::Text> blocking, hints;
  for (const auto& p : problems)
    (p.severity == rules::Severity::blocking ? blocking : hints).push_back(p.text);
  if (!blocking.empty()) {
    ImGui::TextColored(palette().warning_text, BB_ICON_WARNING "  %s", tr(Str::cp_ui_blocking));
    text_lines(blocking, "cp_mit.blocking.", true);
  }
  if (!hints.empty()) {
    ImGui::TextUnformatted(tr(Str::coop_warnings));
    text_lines(hints, "cp_mit.hint.", false);
  }
}

}  // namespace

void draw_mitteilung_form(ScreenContext& ctx, CaseUi& ui) {
  ProtectionUi& p = protection_ui(ui);
  rules::Mitteilung& m = p.mitteilung;
  if (!p.jurisdiction) {
    cp_form_header(ui, Str::cp_ui_mitteilung, "cp_mit.title");
    ImGui::TextColored(palette().warning_text, BB_ICON_WARNING "  %s", tr(Str::cp_err_jurisdiction));
    widget_registry().tag_last_item("cp_mit.no_jurisdiction", tr(Str::cp_err_jurisdiction));
    return;
  }
  const rules::Jurisdiction j = *p.jurisdiction;
  const bool at = j == rules::Jurisdiction::oesterreich;
  cp_form_header(ui, at ? Str::cp_ui_mitteilung_title_at : Str::cp_ui_mitteilung_title_de, "cp_mit.title");
  begin_card("cp_mit.guide.card");
  text_lines(rules::mitteilung_guidance(j), "cp_mit.guide.", false);
  end_card();

  bool& d = ui.dirty;
  begin_card("cp_mit.card");
  const std::string norm = format_text(Str::cp_ui_norm, tr(rules::label(m.norm)));
  ImGui::TextColored(palette().accent, BB_ICON_SHIELD "  %s", norm.c_str());
  widget_registry().tag_last_item("cp_mit.norm", norm.c_str());
  if (p.norm_unknown && !at) {
    muted_text(tr(Str::cp_ui_norm_unknown));
    widget_registry().tag_last_item("cp_mit.norm_unknown", tr(Str::cp_ui_norm_unknown));
    d |= kind_choices("cp_mit.norm.",
                      {rules::LegalNorm::de_kkg_4_3, rules::LegalNorm::de_befugnis_arbeitsbereich}, m.norm);
  }
  if (m.norm == rules::LegalNorm::de_befugnis_arbeitsbereich)
    d |= text_field("cp_mit.citation", tr(Str::cp_ui_citation), m.citation);
  d |= day_field("cp_mit.on", tr(Str::cp_ui_mitteilung_on), m.on);
  draw_recipient(ctx, p, m, d);
  ImGui::TextUnformatted(tr(Str::cp_ui_channel));
  d |= kind_choices(
      "cp_mit.channel.",
      {rules::Channel::brief, rules::Channel::fax, rules::Channel::email,
       rules::Channel::verschluesselte_datei, rules::Channel::telefon, rules::Channel::persoenlich},
      m.channel);
  d |= person_select("cp_mit.child", tr(Str::kjh_child), m.child, children(ui, false),
                     tr(Str::kjh_whole_family));
  d |= text_area("cp_mit.suspicion", tr(at ? Str::cp_ui_suspicion_at : Str::cp_ui_suspicion_de), m.suspicion,
                 4);
  d |= text_area("cp_mit.reasons", tr(Str::cp_ui_reasons), m.reasons, 3);
  draw_content(m, d);
  ImGui::TextUnformatted(tr(Str::cp_ui_record_informed));
  d |= informed_fields("cp_mit.informed", m.informed);
  draw_consent_sought(m, d);
  end_card();
  draw_problems(m, j);
  if (button("cp_mit.save", tr(Str::form_save), true)) {
    rules::Mitteilung entry = m;
    entry.meta.recorded_by = recorder(ui);
    if (entry.informed.state != rules::FamilyInformed::State::informiert) entry.informed.on.reset();
    cp_action(
        ctx, ui, Str::cp_ui_action_mitteilung,
        [&](store::Store& db) { return status_of(store::record_mitteilung(db, ui.family_id, entry)); },
        Str::form_saved);
  }
}

}  // namespace bb::ui
