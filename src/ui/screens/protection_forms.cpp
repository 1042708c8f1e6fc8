// The small Kinderschutz forms: a gewichtiger Anhaltspunkt (Österreich:
// Wahrnehmung) — what, when, observed by whom, which child —, support offered
// or used, and whether the family was told about a Mitteilung (or why not).
// Each saves one new entry; a correction is a new entry naming the old one.
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens/kjh_ui.h"
#include "ui/screens/protection_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

// "Dies ist eine Korrektur …" above a form that corrects an entry.
void correction_hint(const rules::EntryMeta& meta) {
  if (!meta.corrects) return;
  ImGui::TextColored(palette().accent, BB_ICON_PENCIL "  %s", tr(Str::cp_ui_correction_hint));
  widget_registry().tag_last_item("cp_form.correction", tr(Str::cp_ui_correction_hint));
}

}  // namespace

void draw_anhaltspunkt_form(ScreenContext& ctx, CaseUi& ui) {
  ProtectionUi& p = protection_ui(ui);
  rules::Anhaltspunkt& a = p.anhaltspunkt;
  const bool at = p.jurisdiction == rules::Jurisdiction::oesterreich;
  cp_form_header(ui, at ? Str::cp_ui_add_wahrnehmung : Str::cp_ui_add_anhaltspunkt, "cp_anh.title");
  correction_hint(a.meta);
  bool& d = ui.dirty;
  begin_card("cp_anh.card");
  d |= text_area("cp_anh.what", tr(at ? Str::cp_ui_what_wahrnehmung : Str::cp_ui_what_anhaltspunkt), a.what,
                 4);
  field_error(ui.errors, "what", "cp_anh.what.error");
  d |= day_field("cp_anh.on", tr(Str::cp_ui_observed_on), a.observed_on);
  d |= text_field("cp_anh.by", tr(Str::cp_ui_observed_by), a.observed_by, false,
                  tr(Str::cp_ui_observed_by_hint));
  d |= person_select("cp_anh.child", tr(Str::kjh_child), a.child, children(ui, false),
                     tr(Str::kjh_whole_family));
  end_card();
  if (button("cp_anh.save", tr(Str::form_save), true)) {
    rules::Anhaltspunkt entry = a;
    entry.meta.recorded_by = recorder(ui);
    cp_action(
        ctx, ui, Str::cp_ui_action_anhaltspunkt,
        [&](store::Store& db) { return status_of(store::record_anhaltspunkt(db, ui.family_id, entry)); },
        Str::form_saved);
  }
}

void draw_support_form(ScreenContext& ctx, CaseUi& ui) {
  ProtectionUi& p = protection_ui(ui);
  rules::SupportOffer& s = p.support;
  cp_form_header(ui, Str::cp_ui_add_support, "cp_sup.title");
  correction_hint(s.meta);
  bool& d = ui.dirty;
  begin_card("cp_sup.card");
  d |= text_area("cp_sup.what", tr(Str::cp_ui_support_what), s.what, 3);
  field_error(ui.errors, "what", "cp_sup.what.error");
  d |= day_field("cp_sup.on", tr(Str::cp_ui_support_on), s.offered_on);
  ImGui::TextUnformatted(tr(Str::cp_ui_support_outcome));
  FlowRow row;
  for (auto o : {rules::SupportOutcome::angeboten, rules::SupportOutcome::angenommen,
                 rules::SupportOutcome::abgelehnt, rules::SupportOutcome::in_anspruch_genommen}) {
    const char* text = tr(rules::label(o));
    row.next(text);
    const std::string id = "cp_sup.outcome." + std::to_string(static_cast<int>(o));
    if (choice(id.c_str(), text, s.outcome == o)) {
      d |= s.outcome != o;
      s.outcome = o;
    }
  }
  d |= text_area("cp_sup.note", tr(Str::ausk_field_note), s.note, 2);
  end_card();
  if (button("cp_sup.save", tr(Str::form_save), true)) {
    rules::SupportOffer entry = s;
    entry.meta.recorded_by = recorder(ui);
    cp_action(
        ctx, ui, Str::cp_ui_action_support,
        [&](store::Store& db) { return status_of(store::record_support(db, ui.family_id, entry)); },
        Str::form_saved);
  }
}

bool informed_fields(const std::string& prefix, rules::FamilyInformed& f) {
  using State = rules::FamilyInformed::State;
  bool changed = false;
  FlowRow row;
  const std::pair<State, Str> states[] = {{State::informiert, Str::cp_ui_informed_yes},
                                          {State::nicht_informiert, Str::cp_ui_informed_no},
                                          {State::offen, Str::cp_ui_informed_open}};
  for (const auto& [state, text] : states) {
    row.next(tr(text));
    const std::string id = prefix + ".state." + std::to_string(static_cast<int>(state));
    if (choice(id.c_str(), tr(text), f.state == state)) {
      changed |= f.state != state;
      f.state = state;
      if (state == State::informiert && !f.on) f.on = today_day();
    }
  }
  if (f.state == State::informiert)
    changed |= day_field((prefix + ".on").c_str(), tr(Str::cp_ui_informed_when), f.on);
  if (f.state == State::nicht_informiert)
    changed |= text_area((prefix + ".reason").c_str(), tr(Str::cp_ui_informed_reason), f.reason_not, 3);
  return changed;
}

void draw_informed_form(ScreenContext& ctx, CaseUi& ui) {
  ProtectionUi& p = protection_ui(ui);
  rules::FamilyInformed& f = p.informed;
  cp_form_header(ui, Str::cp_ui_record_informed, "cp_inf.title");
  muted_text(tr(Str::cp_ui_informed_hint));
  begin_card("cp_inf.card");
  ui.dirty |= informed_fields("cp_inf", f);
  end_card();
  using State = rules::FamilyInformed::State;
  if (button("cp_inf.save", tr(Str::form_save), true)) {
    rules::FamilyInformed entry = f;
    if (entry.state != State::informiert) entry.on.reset();
    if (entry.state != State::nicht_informiert) entry.reason_not.clear();
    const int64_t of = p.informed_of;
    cp_action(
        ctx, ui, Str::cp_ui_action_mitteilung,
        [&](store::Store& db) {
          return status_of(store::record_family_informed(db, of, entry, recorder(ui)));
        },
        Str::form_saved);
  }
}

}  // namespace bb::ui
