// Focus: KJH involvement and the exceptions of seed 000 ch. 3
// (src/core/kjh_cooperation.h). docs/rules.md "kjh-*".
#include <doctest/doctest.h>

#include <algorithm>

#include "core/kjh_cooperation.h"
#include "rules_test_util.h"

using namespace bb;
using namespace bb::rules;
using namespace bb::rules::test;

namespace {

KjhInvolvement involvement(EntryId id, KjhKind kind, Date from, std::optional<Date> ended = std::nullopt) {
  KjhInvolvement i;
  i.id = id;
  i.child = kChild;
  i.kind = kind;
  i.from = from;
  i.ended_on = ended;
  i.fallfuehrung = "Frau Aydın (KJH Nord)";
  return i;
}

// A complete exception of `kind` decided on `on`.
CooperationException complete(ExceptionKind kind, Date on) {
  CooperationException e;
  e.id = 50;
  e.kind = kind;
  e.decided_on = on;
  e.ruecksprache = {"Frau L. (Fachliche Leitung)", on, true, true, {}};
  e.familie = {on, "Mutter", {}};
  e.fruehe_hilfen = {on, "Familienbegleiterin", {}};
  e.kjh = {on, "Frau Aydın", {}};
  e.unbefristet = true;
  e.ergaenzend_freiwillig = true;
  e.expected_child = kExpected;
  e.begruendung = "Vertrauensbasis, Geschwisterkind mit Behinderung";
  return e;
}

bool has(const std::vector<MissingItem>& v, Missing m) {
  return std::any_of(v.begin(), v.end(), [&](const MissingItem& i) { return i.what == m; });
}
bool lapsed(const KjhAssessment& a, Lapse l) {
  return std::any_of(a.lapsed.begin(), a.lapsed.end(), [&](const LapsedException& x) { return x.why == l; });
}
bool says(const KjhAssessment& a, Str id) {
  return std::any_of(a.explanation.begin(), a.explanation.end(), [&](const Text& t) { return t.id == id; });
}

const Date kPlan = D(2026, 4, 1);
const Date kToday = D(2026, 5, 15);

}  // namespace

TEST_CASE("kjh-1: voluntary KJH services need nothing: no decision, no warning") {
  KjhFacts f;
  f.involvements = {involvement(1, KjhKind::freiwillige_leistung, D(2026, 1, 1))};
  const auto a = assess_kjh(f, kToday);
  CHECK(a.state == BegleitungState::normal);
  CHECK(a.options.empty());
  CHECK(a.missing.empty());
  CHECK(says(a, Str::rules_kjh_voluntary));
  // "none" is no involvement at all
  f.involvements = {involvement(1, KjhKind::keine, D(2026, 1, 1))};
  CHECK(assess_kjh(f, kToday).state == BegleitungState::normal);
  CHECK(says(assess_kjh(f, kToday), Str::rules_kjh_normal));
}

TEST_CASE(
    "kjh-2: a binding Hilfeplan for a family in Begleitung means Entscheidung nötig with what seed 000 "
    "requires") {
  KjhFacts f;
  f.involvements = {involvement(1, KjhKind::freiwillige_leistung, D(2026, 1, 1)),
                    involvement(2, KjhKind::verbindlicher_hilfeplan, kPlan)};
  const auto a = assess_kjh(f, kToday);
  CHECK(a.state == BegleitungState::entscheidung_noetig);
  CHECK(a.options ==
        std::vector<ExceptionKind>{ExceptionKind::b_bleiben_statt_gehen, ExceptionKind::d_einzelfall});
  CHECK(says(a, Str::rules_kjh_hilfeplan_rule));
  CHECK(says(a, Str::rules_kjh_requirements));
  CHECK(says(a, Str::rules_kjh_risks));
  CHECK(says(a, Str::rules_kjh_fallfuehrung_rule));
  // With an unborn child, (c) is offered too.
  f.pregnancies = {{kExpected, std::nullopt}};
  CHECK(assess_kjh(f, kToday).options == std::vector<ExceptionKind>{ExceptionKind::b_bleiben_statt_gehen,
                                                                    ExceptionKind::c_schwangerschaft,
                                                                    ExceptionKind::d_einzelfall});
  // Before the Hilfeplan and after it ended: normal.
  CHECK(assess_kjh(f, kPlan.plus_days(-1)).state == BegleitungState::normal);
  f.involvements[1].ended_on = D(2026, 5, 1);
  CHECK(assess_kjh(f, kToday).state == BegleitungState::normal);
}

TEST_CASE("kjh-2b: several involvements at once: a Hilfeplan for one child marks the whole Begleitung") {
  KjhFacts f;
  auto voluntary = involvement(1, KjhKind::freiwillige_leistung, D(2026, 1, 1));
  voluntary.child = kChild;
  auto plan = involvement(2, KjhKind::verbindlicher_hilfeplan, kPlan);
  plan.child = 99;
  plan.hilfeplan = "HP-2026-17";
  f.involvements = {voluntary, plan};
  CHECK(assess_kjh(f, kToday).state == BegleitungState::entscheidung_noetig);
  f.in_begleitung = false;  // no Begleitung: nothing to decide for Frühe Hilfen
  CHECK(assess_kjh(f, kToday).state == BegleitungState::normal);
}

TEST_CASE(
    "kjh-3a: continuing during the Abklärung needs exception (a), valid with Leitung and the three "
    "agreements") {
  KjhFacts f;
  f.involvements = {involvement(1, KjhKind::abklaerung, D(2026, 5, 1))};
  auto a = assess_kjh(f, kToday);
  CHECK(a.state == BegleitungState::entscheidung_noetig);
  CHECK(a.options == std::vector<ExceptionKind>{ExceptionKind::a_fortfuehrung_abklaerung});
  CHECK(says(a, Str::rules_kjh_abklaerung_rule));
  CHECK(says(a, Str::rules_kjh_abklaerung_practice));

  f.exceptions = {complete(ExceptionKind::a_fortfuehrung_abklaerung, D(2026, 5, 5))};
  a = assess_kjh(f, kToday);
  CHECK(a.state == BegleitungState::ausnahme_gueltig);
  CHECK(a.exception_kind == ExceptionKind::a_fortfuehrung_abklaerung);

  // The Leitung's approval is required for (a) too [our decision].
  f.exceptions[0].ruecksprache.approved = false;
  a = assess_kjh(f, kToday);
  CHECK(a.state == BegleitungState::entscheidung_noetig);
  CHECK(a.pending == EntryId{50});
  CHECK(has(a.missing, Missing::leitung_freigabe));
}

TEST_CASE("kjh-3a: an Abklärung ending with kein Hilfebedarf returns to a normal Begleitung") {
  KjhFacts f;
  auto check = involvement(1, KjhKind::abklaerung, D(2026, 5, 1), D(2026, 5, 12));
  check.ergebnis = AbklaerungErgebnis::kein_hilfebedarf;
  f.involvements = {check};
  f.exceptions = {complete(ExceptionKind::a_fortfuehrung_abklaerung, D(2026, 5, 5))};
  CHECK(assess_kjh(f, D(2026, 5, 11)).state == BegleitungState::ausnahme_gueltig);
  const auto a = assess_kjh(f, kToday);
  CHECK(a.state == BegleitungState::normal);
  CHECK(lapsed(a, Lapse::a_abklaerung_beendet));
  CHECK(says(a, Str::rules_lapse_a_beendet));
}

TEST_CASE(
    "kjh-3a: a binding Hilfeplan after the Abklärung ends (a) and asks for a decision under (b) or (d)") {
  KjhFacts f;
  auto check = involvement(1, KjhKind::abklaerung, D(2026, 3, 1), kPlan);
  check.ergebnis = AbklaerungErgebnis::verbindlicher_hilfeplan;
  f.exceptions = {complete(ExceptionKind::a_fortfuehrung_abklaerung, D(2026, 3, 5))};
  f.pregnancies = {{kExpected, std::nullopt}};  // even with a pregnancy: only (b) or (d)
  SUBCASE("Hilfeplan recorded") {
    f.involvements = {check, involvement(2, KjhKind::verbindlicher_hilfeplan, kPlan)};
  }
  SUBCASE("Hilfeplan only implied by the Abklärung's result") { f.involvements = {check}; }
  const auto a = assess_kjh(f, kToday);
  CHECK(a.state == BegleitungState::entscheidung_noetig);
  CHECK(lapsed(a, Lapse::a_hilfeplan_folgt));
  CHECK(a.options ==
        std::vector<ExceptionKind>{ExceptionKind::b_bleiben_statt_gehen, ExceptionKind::d_einzelfall});
  CHECK(says(a, Str::rules_lapse_a_hilfeplan));
  CHECK(says(a, Str::rules_kjh_options_b_d));
  CHECK_FALSE(a.pending.has_value());  // (a) does not linger as "pending"
}

TEST_CASE(
    "kjh-3b: Bleiben statt gehen is valid only with the Leitung's Rücksprache and all three agreements") {
  struct Row {
    const char* name;
    void (*change)(CooperationException&);
    Missing missing;
  } rows[] = {
      {"Leitung: who", [](CooperationException& e) { e.ruecksprache.who = ""; }, Missing::leitung_wer},
      {"Leitung: when", [](CooperationException& e) { e.ruecksprache.on.reset(); }, Missing::leitung_datum},
      {"Leitung: approval", [](CooperationException& e) { e.ruecksprache.approved = false; },
       Missing::leitung_freigabe},
      {"Familie", [](CooperationException& e) { e.familie.on.reset(); }, Missing::zustimmung_familie},
      {"Frühe Hilfen", [](CooperationException& e) { e.fruehe_hilfen.on.reset(); },
       Missing::zustimmung_fruehe_hilfen},
      {"KJH", [](CooperationException& e) { e.kjh.on.reset(); }, Missing::zustimmung_kjh},
      {"KJH agrees only tomorrow", [](CooperationException& e) { e.kjh.on = kToday.plus_days(1); },
       Missing::zustimmung_kjh},
  };
  KjhFacts f;
  f.involvements = {involvement(1, KjhKind::verbindlicher_hilfeplan, kPlan)};
  f.exceptions = {complete(ExceptionKind::b_bleiben_statt_gehen, kPlan)};
  REQUIRE(missing_requirements(f.exceptions[0], f, kToday).empty());
  REQUIRE(assess_kjh(f, kToday).state == BegleitungState::ausnahme_gueltig);
  for (const auto& r : rows) {
    CAPTURE(r.name);
    auto g = f;
    r.change(g.exceptions[0]);
    const auto missing = missing_requirements(g.exceptions[0], g, kToday);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].what == r.missing);
    CHECK(missing[0].text.in(Lang::de).size() > 10);
    const auto a = assess_kjh(g, kToday);
    CHECK(a.state == BegleitungState::entscheidung_noetig);
    CHECK(a.pending == EntryId{50});
    REQUIRE(a.missing.size() == 1);
    CHECK(a.missing[0].what == r.missing);
    CHECK(says(a, text(r.missing)));
  }
  // Intervision is recorded, not required.
  f.exceptions[0].ruecksprache.intervision = false;
  CHECK(assess_kjh(f, kToday).state == BegleitungState::ausnahme_gueltig);
}

TEST_CASE(
    "kjh-3b: Bleiben statt gehen needs an end date or unbefristet, and is recorded as complementary "
    "voluntary service") {
  KjhFacts f;
  f.involvements = {involvement(1, KjhKind::verbindlicher_hilfeplan, kPlan)};
  auto e = complete(ExceptionKind::b_bleiben_statt_gehen, kPlan);
  struct Row {
    bool unbefristet;
    std::optional<Date> end;
    bool ergaenzend;
    std::vector<Missing> missing;
  } rows[] = {{true, std::nullopt, true, {}},
              {false, D(2026, 12, 31), true, {}},
              {false, std::nullopt, true, {Missing::b_ende_oder_unbefristet}},
              {true, D(2026, 12, 31), true, {Missing::b_ende_oder_unbefristet}},
              {false, D(2026, 3, 1), true, {Missing::b_ende_oder_unbefristet}},  // ends before the decision
              {true, std::nullopt, false, {Missing::b_ergaenzend_freiwillig}}};
  for (const auto& r : rows) {
    e.unbefristet = r.unbefristet;
    e.transition_end = r.end;
    e.ergaenzend_freiwillig = r.ergaenzend;
    std::vector<Missing> got;
    for (const auto& m : missing_requirements(e, f, kToday)) got.push_back(m.what);
    CHECK(got == r.missing);
  }
}

TEST_CASE("kjh-3b: when the transition period is over, a new decision is needed") {
  KjhFacts f;
  f.involvements = {involvement(1, KjhKind::verbindlicher_hilfeplan, kPlan)};
  auto e = complete(ExceptionKind::b_bleiben_statt_gehen, kPlan);
  e.unbefristet = false;
  e.transition_end = D(2026, 6, 30);
  f.exceptions = {e};
  auto a = assess_kjh(f, D(2026, 6, 30));
  CHECK(a.state == BegleitungState::ausnahme_gueltig);
  CHECK(a.explanation[1].in(Lang::de) == "Übergangszeitraum bis 30.06.2026.");
  a = assess_kjh(f, D(2026, 7, 1));
  CHECK(a.state == BegleitungState::entscheidung_noetig);
  CHECK(lapsed(a, Lapse::b_uebergang_abgelaufen));
}

TEST_CASE(
    "kjh-3c: a pregnancy may be accompanied under a Hilfeplan for born children; at the birth (b) or (d) is "
    "needed") {
  KjhFacts f;
  f.involvements = {involvement(1, KjhKind::verbindlicher_hilfeplan, kPlan)};
  f.pregnancies = {{kExpected, std::nullopt}};
  f.exceptions = {complete(ExceptionKind::c_schwangerschaft, kPlan)};
  CHECK(assess_kjh(f, kToday).state == BegleitungState::ausnahme_gueltig);
  f.pregnancies[0].born_on = D(2026, 8, 3);
  CHECK(assess_kjh(f, D(2026, 8, 2)).state == BegleitungState::ausnahme_gueltig);
  const auto a = assess_kjh(f, D(2026, 8, 3));
  CHECK(a.state == BegleitungState::entscheidung_noetig);
  CHECK(lapsed(a, Lapse::c_geburt));
  CHECK(a.options ==
        std::vector<ExceptionKind>{ExceptionKind::b_bleiben_statt_gehen, ExceptionKind::d_einzelfall});
  CHECK(a.explanation[1].in(Lang::de).find("am 03.08.2026 geboren") != std::string::npos);
}

TEST_CASE("kjh-3c: exception (c) needs a pregnancy that has not ended by birth") {
  KjhFacts f;
  f.involvements = {involvement(1, KjhKind::verbindlicher_hilfeplan, kPlan)};
  auto e = complete(ExceptionKind::c_schwangerschaft, kPlan);
  e.expected_child.reset();
  CHECK(has(missing_requirements(e, f, kToday), Missing::c_keine_schwangerschaft));
  e.expected_child = kExpected;
  CHECK(has(missing_requirements(e, f, kToday), Missing::c_keine_schwangerschaft));  // not recorded
  f.pregnancies = {{kExpected, D(2026, 3, 1)}};  // born before the decision
  CHECK(has(missing_requirements(e, f, kToday), Missing::c_keine_schwangerschaft));
  f.pregnancies = {{kExpected, std::nullopt}};
  CHECK(missing_requirements(e, f, kToday).empty());
}

TEST_CASE("kjh-3d: a justified single case needs its reason") {
  KjhFacts f;
  f.involvements = {involvement(1, KjhKind::verbindlicher_hilfeplan, kPlan)};
  auto e = complete(ExceptionKind::d_einzelfall, kPlan);
  e.begruendung = " ";
  f.exceptions = {e};
  auto a = assess_kjh(f, kToday);
  CHECK(a.state == BegleitungState::entscheidung_noetig);
  REQUIRE(a.missing.size() == 1);
  CHECK(a.missing[0].what == Missing::d_begruendung);
  f.exceptions[0].begruendung =
      "Familie lehnt jede andere Hilfe ab; Begleiterin ist einzige Vertrauensperson";
  a = assess_kjh(f, kToday);
  CHECK(a.state == BegleitungState::ausnahme_gueltig);
  CHECK(a.explanation[0].in(Lang::de) ==
        "Die Begleitung wird als Ausnahme „(d) Begründeter Einzelfall“ fortgeführt.");
}

TEST_CASE(
    "kjh-4: the missing list names every missing requirement, typed, each with German and English text") {
  KjhFacts f;
  auto plan = involvement(1, KjhKind::verbindlicher_hilfeplan, kPlan);
  plan.fallfuehrung = "";
  f.involvements = {plan};
  CooperationException e;
  e.kind = ExceptionKind::d_einzelfall;
  e.decided_on = kPlan;
  const auto missing = missing_requirements(e, f, kToday);
  std::vector<Missing> got;
  for (const auto& m : missing) got.push_back(m.what);
  CHECK(got == std::vector<Missing>{Missing::leitung_wer, Missing::leitung_datum, Missing::leitung_freigabe,
                                    Missing::zustimmung_familie, Missing::zustimmung_fruehe_hilfen,
                                    Missing::zustimmung_kjh, Missing::fallfuehrung_name,
                                    Missing::d_begruendung});
  for (const auto& m : missing) {
    CHECK(m.text.in(Lang::de) != m.text.in(Lang::en));
    CHECK_FALSE(m.text.in(Lang::en).empty());
  }
}

TEST_CASE("kjh-5: Fallführung is always the KJH's, named by its social worker") {
  KjhFacts f;
  f.involvements = {involvement(1, KjhKind::verbindlicher_hilfeplan, kPlan)};
  auto a = assess_kjh(f, kToday);
  CHECK(a.fallfuehrung == std::vector<std::string>{"Frau Aydın (KJH Nord)"});
  CHECK(a.fallfuehrung_text.in(Lang::de) == "Fallführung: Kinder- und Jugendhilfe (Frau Aydın (KJH Nord))");
  f.involvements[0].fallfuehrung = "";
  a = assess_kjh(f, kToday);
  CHECK(a.fallfuehrung.empty());
  CHECK(a.fallfuehrung_text.in(Lang::de) == "Fallführung: Kinder- und Jugendhilfe");
  f.exceptions = {complete(ExceptionKind::b_bleiben_statt_gehen, kPlan)};
  a = assess_kjh(f, kToday);
  CHECK(a.state == BegleitungState::entscheidung_noetig);
  CHECK(has(a.missing, Missing::fallfuehrung_name));
}

TEST_CASE("kjh-6: a binding Hilfeplan that begins after the decision asks for a new decision") {
  KjhFacts f;
  f.involvements = {involvement(1, KjhKind::verbindlicher_hilfeplan, kPlan)};
  f.exceptions = {complete(ExceptionKind::d_einzelfall, kPlan)};
  REQUIRE(assess_kjh(f, kToday).state == BegleitungState::ausnahme_gueltig);
  auto second = involvement(2, KjhKind::verbindlicher_hilfeplan, D(2026, 5, 1));
  second.child = 99;
  f.involvements.push_back(second);
  const auto a = assess_kjh(f, kToday);
  CHECK(a.state == BegleitungState::entscheidung_noetig);
  CHECK(lapsed(a, Lapse::neuer_hilfeplan));
}

TEST_CASE("kjh-7: an exception ended explicitly or decided in the future carries nothing") {
  KjhFacts f;
  f.involvements = {involvement(1, KjhKind::verbindlicher_hilfeplan, kPlan)};
  f.exceptions = {complete(ExceptionKind::d_einzelfall, kPlan)};
  f.exceptions[0].ended_on = D(2026, 5, 10);
  CHECK(assess_kjh(f, kToday).state == BegleitungState::entscheidung_noetig);
  f.exceptions[0].ended_on.reset();
  f.exceptions[0].decided_on = kToday.plus_days(1);
  CHECK(assess_kjh(f, kToday).state == BegleitungState::entscheidung_noetig);
}
