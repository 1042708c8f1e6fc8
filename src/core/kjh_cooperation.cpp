#include "core/kjh_cooperation.h"

#include <algorithm>

namespace bb::rules {

const char* code(KjhKind k) {
  switch (k) {
    case KjhKind::keine:
      return "keine";
    case KjhKind::freiwillige_leistung:
      return "freiwillige_leistung";
    case KjhKind::abklaerung:
      return "abklaerung";
    case KjhKind::verbindlicher_hilfeplan:
      return "verbindlicher_hilfeplan";
  }
  return "?";
}
Str label(KjhKind k) {
  switch (k) {
    case KjhKind::keine:
      return Str::rules_kjh_kind_keine;
    case KjhKind::freiwillige_leistung:
      return Str::rules_kjh_kind_freiwillig;
    case KjhKind::abklaerung:
      return Str::rules_kjh_kind_abklaerung;
    case KjhKind::verbindlicher_hilfeplan:
      return Str::rules_kjh_kind_hilfeplan;
  }
  return Str::err_internal;
}
Str label(AbklaerungErgebnis e) {
  switch (e) {
    case AbklaerungErgebnis::offen:
      return Str::rules_abkl_offen;
    case AbklaerungErgebnis::kein_hilfebedarf:
      return Str::rules_abkl_kein_hilfebedarf;
    case AbklaerungErgebnis::freiwillige_leistung:
      return Str::rules_abkl_freiwillig;
    case AbklaerungErgebnis::verbindlicher_hilfeplan:
      return Str::rules_abkl_hilfeplan;
  }
  return Str::err_internal;
}
const char* code(ExceptionKind k) {
  switch (k) {
    case ExceptionKind::a_fortfuehrung_abklaerung:
      return "a";
    case ExceptionKind::b_bleiben_statt_gehen:
      return "b";
    case ExceptionKind::c_schwangerschaft:
      return "c";
    case ExceptionKind::d_einzelfall:
      return "d";
  }
  return "?";
}
Str label(ExceptionKind k) {
  switch (k) {
    case ExceptionKind::a_fortfuehrung_abklaerung:
      return Str::rules_exc_a;
    case ExceptionKind::b_bleiben_statt_gehen:
      return Str::rules_exc_b;
    case ExceptionKind::c_schwangerschaft:
      return Str::rules_exc_c;
    case ExceptionKind::d_einzelfall:
      return Str::rules_exc_d;
  }
  return Str::err_internal;
}
Str label(BegleitungState s) {
  switch (s) {
    case BegleitungState::normal:
      return Str::rules_state_normal;
    case BegleitungState::ausnahme_gueltig:
      return Str::rules_state_ausnahme;
    case BegleitungState::entscheidung_noetig:
      return Str::rules_state_entscheidung;
  }
  return Str::err_internal;
}
Str text(Missing m) {
  switch (m) {
    case Missing::leitung_wer:
      return Str::rules_missing_leitung_wer;
    case Missing::leitung_datum:
      return Str::rules_missing_leitung_datum;
    case Missing::leitung_freigabe:
      return Str::rules_missing_leitung_freigabe;
    case Missing::zustimmung_familie:
      return Str::rules_missing_familie;
    case Missing::zustimmung_fruehe_hilfen:
      return Str::rules_missing_fruehe_hilfen;
    case Missing::zustimmung_kjh:
      return Str::rules_missing_kjh;
    case Missing::fallfuehrung_name:
      return Str::rules_missing_fallfuehrung;
    case Missing::a_keine_abklaerung:
      return Str::rules_missing_a_abklaerung;
    case Missing::b_ende_oder_unbefristet:
      return Str::rules_missing_b_ende;
    case Missing::b_ergaenzend_freiwillig:
      return Str::rules_missing_b_ergaenzend;
    case Missing::c_keine_schwangerschaft:
      return Str::rules_missing_c_schwangerschaft;
    case Missing::d_begruendung:
      return Str::rules_missing_d_begruendung;
  }
  return Str::err_internal;
}

bool involvement_active_at(const KjhInvolvement& i, Date day) {
  if (i.kind == KjhKind::keine) return false;
  return i.from <= day && (!i.ended_on || day < *i.ended_on);
}

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// The recorded involvements, plus a binding Hilfeplan implied by an Abklärung
// that ended with "verbindlicher Hilfeplan" when no Hilfeplan was recorded
// after it: the rule must not depend on the second record being entered.
std::vector<KjhInvolvement> effective(const KjhFacts& f) {
  std::vector<KjhInvolvement> out = f.involvements;
  for (const auto& i : f.involvements) {
    if (i.kind != KjhKind::abklaerung || !i.ended_on ||
        i.ergebnis != AbklaerungErgebnis::verbindlicher_hilfeplan)
      continue;
    const bool recorded =
        std::any_of(f.involvements.begin(), f.involvements.end(), [&](const KjhInvolvement& h) {
          return h.kind == KjhKind::verbindlicher_hilfeplan && h.from >= i.from;
        });
    if (recorded) continue;
    KjhInvolvement h = i;
    h.kind = KjhKind::verbindlicher_hilfeplan;
    h.from = *i.ended_on;
    h.ended_on.reset();
    h.ergebnis = AbklaerungErgebnis::offen;
    out.push_back(h);
  }
  return out;
}

std::vector<const KjhInvolvement*> active_of(const std::vector<KjhInvolvement>& all, KjhKind kind, Date day) {
  std::vector<const KjhInvolvement*> out;
  for (const auto& i : all)
    if (i.kind == kind && involvement_active_at(i, day)) out.push_back(&i);
  return out;
}

const Pregnancy* pregnancy_of(const KjhFacts& f, const CooperationException& e) {
  if (!e.expected_child) return nullptr;
  for (const auto& p : f.pregnancies)
    if (p.expected_child == *e.expected_child) return &p;
  return nullptr;
}

void push(std::vector<MissingItem>& out, Missing m) { out.push_back({m, Text{text(m), {}, std::nullopt}}); }

}  // namespace

std::vector<MissingItem> missing_requirements(const CooperationException& e, const KjhFacts& f, Date today) {
  std::vector<MissingItem> out;
  const auto& r = e.ruecksprache;
  if (blank(r.who)) push(out, Missing::leitung_wer);
  if (!r.on || *r.on > today) push(out, Missing::leitung_datum);
  if (!r.approved) push(out, Missing::leitung_freigabe);
  if (!e.familie.given_by(today)) push(out, Missing::zustimmung_familie);
  if (!e.fruehe_hilfen.given_by(today)) push(out, Missing::zustimmung_fruehe_hilfen);
  if (!e.kjh.given_by(today)) push(out, Missing::zustimmung_kjh);

  const auto all = effective(f);
  bool unnamed = false;
  for (const auto& i : all)
    if ((i.kind == KjhKind::abklaerung || i.kind == KjhKind::verbindlicher_hilfeplan) &&
        involvement_active_at(i, today) && blank(i.fallfuehrung))
      unnamed = true;
  if (unnamed) push(out, Missing::fallfuehrung_name);

  switch (e.kind) {
    case ExceptionKind::a_fortfuehrung_abklaerung:
      if (active_of(all, KjhKind::abklaerung, e.decided_on).empty()) push(out, Missing::a_keine_abklaerung);
      break;
    case ExceptionKind::b_bleiben_statt_gehen:
      if (e.unbefristet == e.transition_end.has_value() ||
          (e.transition_end && *e.transition_end < e.decided_on))
        push(out, Missing::b_ende_oder_unbefristet);
      if (!e.ergaenzend_freiwillig) push(out, Missing::b_ergaenzend_freiwillig);
      break;
    case ExceptionKind::c_schwangerschaft: {
      const auto* p = pregnancy_of(f, e);
      if (!p || (p->born_on && *p->born_on <= e.decided_on)) push(out, Missing::c_keine_schwangerschaft);
      break;
    }
    case ExceptionKind::d_einzelfall:
      if (blank(e.begruendung)) push(out, Missing::d_begruendung);
      break;
  }
  return out;
}

namespace {

// Whether `e` lapsed by the rules on `today` (independent of completeness).
std::optional<LapsedException> lapse_of(const CooperationException& e, const KjhFacts& f,
                                        const std::vector<KjhInvolvement>& all, Date today) {
  auto make = [&](Lapse why, Text t) { return LapsedException{e.id, e.kind, why, std::move(t)}; };
  if (e.ended_on && today >= *e.ended_on)
    return make(Lapse::beendet, labelled(Str::rules_lapse_beendet, label(e.kind)));
  const auto plans = active_of(all, KjhKind::verbindlicher_hilfeplan, today);
  const bool new_plan = std::any_of(plans.begin(), plans.end(),
                                    [&](const KjhInvolvement* h) { return h->from > e.decided_on; });
  switch (e.kind) {
    case ExceptionKind::a_fortfuehrung_abklaerung:
      if (!plans.empty()) return make(Lapse::a_hilfeplan_folgt, Text{Str::rules_lapse_a_hilfeplan, {}, {}});
      if (active_of(all, KjhKind::abklaerung, today).empty() && e.decided_on <= today)
        return make(Lapse::a_abklaerung_beendet, Text{Str::rules_lapse_a_beendet, {}, {}});
      break;
    case ExceptionKind::b_bleiben_statt_gehen:
      if (e.transition_end && today > *e.transition_end)
        return make(Lapse::b_uebergang_abgelaufen,
                    Text{Str::rules_lapse_b_abgelaufen, e.transition_end->german(), {}});
      if (new_plan)
        return make(Lapse::neuer_hilfeplan, labelled(Str::rules_lapse_neuer_hilfeplan, label(e.kind)));
      break;
    case ExceptionKind::c_schwangerschaft: {
      const auto* p = pregnancy_of(f, e);
      if (p && p->born_on && *p->born_on <= today && *p->born_on > e.decided_on)
        return make(Lapse::c_geburt, Text{Str::rules_lapse_c_geburt, p->born_on->german(), {}});
      if (new_plan)
        return make(Lapse::neuer_hilfeplan, labelled(Str::rules_lapse_neuer_hilfeplan, label(e.kind)));
      break;
    }
    case ExceptionKind::d_einzelfall:
      if (new_plan)
        return make(Lapse::neuer_hilfeplan, labelled(Str::rules_lapse_neuer_hilfeplan, label(e.kind)));
      break;
  }
  return std::nullopt;
}

bool applies_to_plan(ExceptionKind k) { return k != ExceptionKind::a_fortfuehrung_abklaerung; }

}  // namespace

KjhAssessment assess_kjh(const KjhFacts& f, Date today) {
  KjhAssessment out;
  const auto all = effective(f);
  const auto plans = active_of(all, KjhKind::verbindlicher_hilfeplan, today);
  const auto checks = active_of(all, KjhKind::abklaerung, today);
  const auto voluntary = active_of(all, KjhKind::freiwillige_leistung, today);

  // Fallführung: always the KJH; the names of its social workers.
  for (const auto* v : {&plans, &checks})
    for (const auto* i : *v)
      if (!blank(i->fallfuehrung) && std::find(out.fallfuehrung.begin(), out.fallfuehrung.end(),
                                               i->fallfuehrung) == out.fallfuehrung.end())
        out.fallfuehrung.push_back(i->fallfuehrung);
  {
    std::string names;
    for (const auto& n : out.fallfuehrung) names += (names.empty() ? "" : ", ") + n;
    out.fallfuehrung_text = names.empty() ? Text{Str::rules_kjh_fallfuehrung_unnamed, {}, {}}
                                          : Text{Str::rules_kjh_fallfuehrung, names, {}};
  }

  if (!f.in_begleitung) {
    out.explanation.push_back({Str::rules_kjh_not_in_begleitung, {}, {}});
    return out;
  }

  // Exceptions in force, pending and lapsed.
  const CooperationException* in_force = nullptr;
  const CooperationException* pending = nullptr;
  const bool need_plan_exception = !plans.empty();
  const bool need_check_exception = plans.empty() && !checks.empty();
  for (const auto& e : f.exceptions) {
    if (e.decided_on > today) continue;
    if (auto l = lapse_of(e, f, all, today)) {
      if (l->why != Lapse::beendet) out.lapsed.push_back(*l);
      continue;
    }
    const bool relevant = (need_plan_exception && applies_to_plan(e.kind)) ||
                          (need_check_exception && e.kind == ExceptionKind::a_fortfuehrung_abklaerung);
    if (!relevant) continue;
    if (missing_requirements(e, f, today).empty()) {
      if (!in_force || in_force->decided_on <= e.decided_on) in_force = &e;
    } else if (!pending || pending->decided_on <= e.decided_on) {
      pending = &e;
    }
  }

  auto add = [&](Str id) { out.explanation.push_back({id, {}, {}}); };
  if (!need_plan_exception && !need_check_exception) {
    out.state = BegleitungState::normal;
    for (const auto& l : out.lapsed)
      if (l.why == Lapse::a_abklaerung_beendet) out.explanation.push_back(l.text);
    if (!voluntary.empty()) add(Str::rules_kjh_voluntary);
    if (out.explanation.empty()) add(Str::rules_kjh_normal);
    return out;
  }

  if (in_force) {
    out.state = BegleitungState::ausnahme_gueltig;
    out.exception = in_force->id;
    out.exception_kind = in_force->kind;
    out.explanation.push_back(labelled(Str::rules_kjh_exception_valid, label(in_force->kind)));
    if (in_force->kind == ExceptionKind::b_bleiben_statt_gehen) {
      if (in_force->transition_end)
        out.explanation.push_back({Str::rules_kjh_b_until, in_force->transition_end->german(), {}});
      else
        add(Str::rules_kjh_b_unbefristet);
    }
    if (need_plan_exception) add(Str::rules_kjh_outside_plan);
    add(Str::rules_kjh_fallfuehrung_rule);
    return out;
  }

  out.state = BegleitungState::entscheidung_noetig;
  if (need_plan_exception) {
    add(Str::rules_kjh_hilfeplan_rule);
    bool only_b_or_d = false;
    for (const auto& l : out.lapsed) {
      if (l.why == Lapse::a_abklaerung_beendet) continue;
      out.explanation.push_back(l.text);
      if (l.why == Lapse::a_hilfeplan_folgt || l.why == Lapse::c_geburt) only_b_or_d = true;
    }
    out.options = {ExceptionKind::b_bleiben_statt_gehen, ExceptionKind::d_einzelfall};
    const bool unborn = std::any_of(f.pregnancies.begin(), f.pregnancies.end(),
                                    [&](const Pregnancy& p) { return !p.born_on || *p.born_on > today; });
    if (!only_b_or_d && unborn) out.options.insert(out.options.begin() + 1, ExceptionKind::c_schwangerschaft);
    add(only_b_or_d ? Str::rules_kjh_options_b_d : Str::rules_kjh_options_b_c_d);
    add(Str::rules_kjh_requirements);
    add(Str::rules_kjh_risks);
  } else {
    add(Str::rules_kjh_abklaerung_rule);
    add(Str::rules_kjh_abklaerung_practice);
    out.options = {ExceptionKind::a_fortfuehrung_abklaerung};
  }
  add(Str::rules_kjh_fallfuehrung_rule);
  if (pending) {
    out.pending = pending->id;
    out.missing = missing_requirements(*pending, f, today);
    out.explanation.push_back(labelled(Str::rules_kjh_pending, label(pending->kind)));
    for (const auto& m : out.missing) out.explanation.push_back(m.text);
  }
  return out;
}

}  // namespace bb::rules
