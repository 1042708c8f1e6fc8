// The forms of the KJH view: one KJH involvement (per child or per Hilfeplan)
// and one decision for an exception (a)–(d) of seed 000 with the Rücksprache
// of the Fachliche Leitung and the agreements of Familie, Frühe Hilfen and
// KJH. The form lists live what the core says is still missing; an
// incomplete decision may be saved (agreements come in one by one).
#include <string>
#include <vector>

#include "core/i18n.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens/kjh_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {

std::vector<cases::CatalogEntry> children(const CaseUi& ui, bool expected_only) {
  std::vector<cases::CatalogEntry> out;
  if (!ui.overview) return out;
  for (const auto& p : ui.overview->persons) {
    const bool expected = p.role == cases::PersonRole::expected_child;
    if (expected_only ? !expected : (p.role != cases::PersonRole::child && !expected)) continue;
    std::string name = p.first_name;
    if (expected) name += " (" + std::string(tr(cases::label(p.role))) + ")";
    out.push_back({"", std::to_string(p.id), name, 0, true});
  }
  return out;
}

bool person_select(const char* test_id, const char* label, std::optional<rules::PersonId>& id,
                   const std::vector<cases::CatalogEntry>& entries, const char* none) {
  std::string code = id ? std::to_string(*id) : std::string();
  if (!select_field(test_id, label, code, entries, none)) return false;
  if (code.empty())
    id.reset();
  else
    id = std::stoll(code);
  return true;
}

bool day_field(const char* test_id, const char* label, rules::Date& day) {
  std::string iso = day.iso();
  if (!date_field(test_id, label, iso, false)) return false;
  if (auto d = rules::Date::from_iso(iso)) day = *d;
  return true;
}

bool day_field(const char* test_id, const char* label, std::optional<rules::Date>& day) {
  std::string iso = day ? day->iso() : std::string();
  if (!date_field(test_id, label, iso, true)) return false;
  day = rules::Date::from_iso(iso);
  return true;
}

bool agreement_fields(const char* test_id, Str party, rules::Agreement& a) {
  const std::string id(test_id);
  ImGui::PushID(test_id);
  const std::string title = format_text(Str::kjh_agreement_of, tr(party));
  ImGui::TextUnformatted(title.c_str());
  bool changed = day_field((id + ".on").c_str(), tr(Str::kjh_agreed_on), a.on);
  changed |=
      text_field((id + ".by").c_str(), tr(Str::kjh_agreed_by), a.by, false, tr(Str::kjh_agreed_by_hint));
  ImGui::PopID();
  return changed;
}

void draw_kjh_involvement_form(ScreenContext& ctx, CaseUi& ui) {
  KjhUi& k = kjh_ui(ui);
  rules::KjhInvolvement& i = k.involvement;
  const bool is_new = i.id == 0;
  form_header(ui, tr(is_new ? Str::kjh_involvement_new : Str::kjh_involvement_edit), "kjh_inv.title");
  bool& d = ui.dirty;
  begin_card("kjh_inv.card");
  d |= person_select("kjh_inv.child", tr(Str::kjh_child), i.child, children(ui, false),
                     tr(Str::kjh_whole_family));
  d |= text_field("kjh_inv.hilfeplan", tr(Str::kjh_hilfeplan), i.hilfeplan, false,
                  tr(Str::kjh_hilfeplan_hint));
  ImGui::TextUnformatted(tr(Str::kjh_kind));
  d |= kind_choices("kjh_inv.kind.",
                    {rules::KjhKind::keine, rules::KjhKind::freiwillige_leistung, rules::KjhKind::abklaerung,
                     rules::KjhKind::verbindlicher_hilfeplan},
                    i.kind);
  d |= day_field("kjh_inv.from", tr(Str::kjh_from), i.from);
  d |= day_field("kjh_inv.ended_on", tr(Str::kjh_ended_on), i.ended_on);
  if (i.kind == rules::KjhKind::abklaerung) {
    ImGui::TextUnformatted(tr(Str::kjh_ergebnis));
    FlowRow row;
    for (auto e : {rules::AbklaerungErgebnis::offen, rules::AbklaerungErgebnis::kein_hilfebedarf,
                   rules::AbklaerungErgebnis::freiwillige_leistung,
                   rules::AbklaerungErgebnis::verbindlicher_hilfeplan}) {
      const char* text = tr(label(e));
      row.next(text);
      const std::string id = "kjh_inv.ergebnis." + std::to_string(static_cast<int>(e));
      if (choice(id.c_str(), text, i.ergebnis == e)) {
        d |= i.ergebnis != e;
        i.ergebnis = e;
      }
    }
  }
  d |= text_field("kjh_inv.fallfuehrung", tr(Str::kjh_fallfuehrung_name), i.fallfuehrung, false,
                  tr(Str::kjh_fallfuehrung_hint));
  muted_text(tr(Str::rules_kjh_fallfuehrung_rule));
  d |= text_area("kjh_inv.note", tr(Str::family_note), i.note, 2);
  end_card();
  ImGui::Spacing();
  const bool save = button("kjh_inv.save", tr(Str::form_save), true);
  bool remove = false;
  if (!is_new) {
    ImGui::SameLine();
    remove = button("kjh_inv.remove", (std::string(BB_ICON_TRASH "  ") + tr(Str::kjh_remove_wrong)).c_str());
  }
  if (!save && !remove) return;
  const int64_t family = ui.family_id;
  const rules::KjhInvolvement in = i;
  if (remove) {
    run_action(
        ctx, ui, Str::action_kjh_involvement,
        [&](store::Store& db) { return store::remove_kjh_involvement(db, in.id); }, Str::kjh_removed,
        CaseView::kjh);
    return;
  }
  run_action(
      ctx, ui, Str::action_kjh_involvement,
      [&](store::Store& db) -> Status {
        if (in.id) return store::edit_kjh_involvement(db, in.id, in);
        return status_of(store::add_kjh_involvement(db, family, in));
      },
      Str::form_saved, CaseView::kjh);
}

void draw_kjh_exception_form(ScreenContext& ctx, CaseUi& ui) {
  KjhUi& k = kjh_ui(ui);
  rules::CooperationException& e = k.exception;
  const bool is_new = e.id == 0;
  form_header(ui, tr(Str::kjh_exception_title), "kjh_exc.title");
  bool& d = ui.dirty;

  begin_card("kjh_exc.kind.card");
  ImGui::TextUnformatted(tr(Str::kjh_exception_kind));
  d |= kind_choices(
      "kjh_exc.kind.",
      {rules::ExceptionKind::a_fortfuehrung_abklaerung, rules::ExceptionKind::b_bleiben_statt_gehen,
       rules::ExceptionKind::c_schwangerschaft, rules::ExceptionKind::d_einzelfall},
      e.kind);
  d |= day_field("kjh_exc.decided_on", tr(Str::kjh_decided), e.decided_on);
  switch (e.kind) {
    case rules::ExceptionKind::a_fortfuehrung_abklaerung:
      muted_text(tr(Str::rules_kjh_abklaerung_rule));
      break;
    case rules::ExceptionKind::b_bleiben_statt_gehen:
      d |= day_field("kjh_exc.transition_end", tr(Str::kjh_transition_end), e.transition_end);
      d |= check_field("kjh_exc.unbefristet", tr(Str::kjh_unbefristet), e.unbefristet);
      d |= check_field("kjh_exc.ergaenzend", tr(Str::rules_kjh_outside_plan), e.ergaenzend_freiwillig);
      break;
    case rules::ExceptionKind::c_schwangerschaft:
      d |= person_select("kjh_exc.expected_child", tr(Str::kjh_expected_child), e.expected_child,
                         children(ui, true), nullptr);
      muted_text(tr(Str::kjh_c_birth_hint));
      break;
    case rules::ExceptionKind::d_einzelfall:
      d |= text_area("kjh_exc.begruendung", tr(Str::kjh_begruendung), e.begruendung, 3);
      break;
  }
  muted_text(tr(Str::rules_kjh_risks));
  d |= text_area("kjh_exc.risks", tr(Str::kjh_risks_weighed), e.risks_weighed, 2);
  end_card();

  begin_card("kjh_exc.leitung.card");
  ImGui::TextUnformatted(tr(Str::kjh_ruecksprache));
  rules::LeitungRuecksprache& r = e.ruecksprache;
  d |= text_field("kjh_exc.leitung.who", tr(Str::kjh_leitung_who), r.who);
  d |= day_field("kjh_exc.leitung.on", tr(Str::kjh_leitung_on), r.on);
  d |= check_field("kjh_exc.leitung.intervision", tr(Str::kjh_intervision), r.intervision);
  d |= check_field("kjh_exc.leitung.approved", tr(Str::kjh_leitung_approved), r.approved);
  muted_text(tr(Str::kjh_leitung_practice));
  end_card();

  begin_card("kjh_exc.agreements.card");
  muted_text(tr(Str::rules_kjh_requirements));
  d |= agreement_fields("kjh_exc.familie", Str::rules_party_familie, e.familie);
  d |= agreement_fields("kjh_exc.fruehe_hilfen", Str::rules_party_fruehe_hilfen, e.fruehe_hilfen);
  d |= agreement_fields("kjh_exc.kjh", Str::rules_party_kjh, e.kjh);
  end_card();

  // What the core says is still missing, live.
  auto facts = store::load_kjh_facts(*ctx.session->reader(), ui.family_id);
  if (facts.ok()) {
    const auto missing = rules::missing_requirements(e, *facts, today_day());
    begin_card("kjh_exc.missing.card");
    if (missing.empty()) {
      ImGui::TextColored(palette().ok_text, BB_ICON_CHECK "  %s", tr(Str::kjh_exception_complete));
      widget_registry().tag_last_item("kjh_exc.complete", tr(Str::kjh_exception_complete));
    } else {
      ImGui::TextUnformatted(tr(Str::kjh_exception_missing));
      std::vector<rules::Text> lines;
      for (const auto& m : missing) lines.push_back(m.text);
      text_lines(lines, "kjh_exc.missing.", true);
    }
    end_card();
  }

  ImGui::Spacing();
  const bool save = button("kjh_exc.save", tr(Str::form_save), true);
  bool end = false;
  if (!is_new && !e.ended_on) {
    ImGui::SameLine();
    end = button("kjh_exc.end", tr(Str::kjh_exception_end));
  }
  if (!save && !end) return;
  const int64_t family = ui.family_id;
  const rules::CooperationException in = e;
  if (end) {
    run_action(
        ctx, ui, Str::action_kjh_exception,
        [&](store::Store& db) { return store::end_kjh_exception(db, in.id, today_day()); },
        Str::kjh_exception_ended, CaseView::kjh);
    return;
  }
  run_action(
      ctx, ui, Str::action_kjh_exception,
      [&](store::Store& db) -> Status {
        if (in.id) return store::edit_kjh_exception(db, in.id, in);
        return status_of(store::record_kjh_exception(db, family, in));
      },
      Str::form_saved, CaseView::kjh);
}

}  // namespace bb::ui
