// Focus: the fallbezogene Kooperationsvereinbarung of seed 000 ch. 4
// (src/core/cooperation_agreement.h). docs/rules.md "coop-*".
#include <doctest/doctest.h>

#include <algorithm>

#include "core/cooperation_agreement.h"
#include "rules_test_util.h"

using namespace bb;
using namespace bb::rules;
using namespace bb::rules::test;

namespace {
const Date kToday = D(2026, 5, 15);

CooperationAgreement full() {
  CooperationAgreement a;
  a.id = 1;
  a.drafted_on = D(2026, 4, 1);
  a.fh_voluntary_outside_plan = true;
  a.family_is_client = true;
  a.fh_role = "Begleitung rund um Schlaf, Füttern, Bindung";
  a.kjh_role = "Verbindliche Erziehungshilfe nach Hilfeplan";
  a.fallfuehrung = CaseLead::kjh;
  a.fallfuehrung_name = "Frau Aydın";
  a.goals_familie = {"Mehr Ruhe am Abend"};
  a.goals_kjh = {"Sichere Versorgung des Säuglings"};
  a.goals_fh = {"Feinfühligkeit stärken"};
  a.responsibilities = {{"Schlaf und Schreien", Responsible::fruehe_hilfen, "Frau K."}};
  a.companion_core_profession = "Hebamme";
  a.competences_fh = "Säuglingspflege, Stillberatung";
  a.competences_kjh = "Erziehungshilfe, Krisenintervention";
  a.exchange_only_with_consent = true;
  a.no_reporting_duty_stated = true;
  a.communication = "Telefonat nach Absprache mit der Familie";
  a.coordination_interval_days = 42;
  a.anlassfaelle = {"Krankenhausaufenthalt", "Umzug"};
  a.familie = {D(2026, 4, 2), "Mutter", {}};
  a.fruehe_hilfen = {D(2026, 4, 2), "Frau K.", {}};
  a.kjh = {D(2026, 4, 3), "Frau Aydın", {}};
  return a;
}

std::vector<AgreementItem> items(const std::vector<AgreementIssue>& v) {
  std::vector<AgreementItem> out;
  for (const auto& i : v) out.push_back(i.item);
  return out;
}
}  // namespace

TEST_CASE("coop-1: a complete Kooperationsvereinbarung has no issue") {
  const auto issues = validate_agreement(full(), kToday);
  CHECK(issues.empty());
  CHECK_FALSE(blocks(issues));
}

TEST_CASE("coop-2: the three agreements, Fallführung = KJH and the voluntary status block") {
  struct Row {
    const char* name;
    void (*change)(CooperationAgreement&);
    AgreementItem item;
  } rows[] = {
      {"Familie", [](CooperationAgreement& a) { a.familie.on.reset(); }, AgreementItem::zustimmung_familie},
      {"Frühe Hilfen", [](CooperationAgreement& a) { a.fruehe_hilfen.on.reset(); },
       AgreementItem::zustimmung_fruehe_hilfen},
      {"KJH", [](CooperationAgreement& a) { a.kjh.on.reset(); }, AgreementItem::zustimmung_kjh},
      {"KJH in the future", [](CooperationAgreement& a) { a.kjh.on = D(2026, 6, 1); },
       AgreementItem::zustimmung_kjh},
      {"Fallführung FH", [](CooperationAgreement& a) { a.fallfuehrung = CaseLead::fruehe_hilfen; },
       AgreementItem::fallfuehrung_kjh},
      {"Fallführung andere", [](CooperationAgreement& a) { a.fallfuehrung = CaseLead::andere; },
       AgreementItem::fallfuehrung_kjh},
      {"not voluntary", [](CooperationAgreement& a) { a.fh_voluntary_outside_plan = false; },
       AgreementItem::freiwilligkeit},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    auto a = full();
    r.change(a);
    const auto issues = validate_agreement(a, kToday);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].item == r.item);
    CHECK(issues[0].severity == Severity::blocking);
    CHECK(blocks(issues));
  }
}

TEST_CASE("coop-3: every other item of seed 000 ch. 4 missing is a warning, not a block") {
  struct Row {
    const char* name;
    void (*change)(CooperationAgreement&);
    AgreementItem item;
  } rows[] = {
      {"Auftraggeberin", [](CooperationAgreement& a) { a.family_is_client = false; },
       AgreementItem::familie_auftraggeberin},
      {"Rolle FH", [](CooperationAgreement& a) { a.fh_role = ""; }, AgreementItem::rolle_fh},
      {"Rolle KJH", [](CooperationAgreement& a) { a.kjh_role = ""; }, AgreementItem::rolle_kjh},
      {"Fallführung name", [](CooperationAgreement& a) { a.fallfuehrung_name = ""; },
       AgreementItem::fallfuehrung_name},
      {"Ziele Familie", [](CooperationAgreement& a) { a.goals_familie = {" "}; },
       AgreementItem::ziele_familie},
      {"Ziele KJH", [](CooperationAgreement& a) { a.goals_kjh.clear(); }, AgreementItem::ziele_kjh},
      {"Ziele FH", [](CooperationAgreement& a) { a.goals_fh.clear(); }, AgreementItem::ziele_fh},
      {"Zuständigkeiten", [](CooperationAgreement& a) { a.responsibilities.clear(); },
       AgreementItem::zustaendigkeiten},
      {"Kernberuf", [](CooperationAgreement& a) { a.companion_core_profession = ""; },
       AgreementItem::kernberuf},
      {"Kompetenzen FH", [](CooperationAgreement& a) { a.competences_fh = ""; },
       AgreementItem::kompetenzen_fh},
      {"Kompetenzen KJH", [](CooperationAgreement& a) { a.competences_kjh = ""; },
       AgreementItem::kompetenzen_kjh},
      {"Austausch", [](CooperationAgreement& a) { a.exchange_only_with_consent = false; },
       AgreementItem::austausch_mit_einverstaendnis},
      {"keine Berichtspflicht", [](CooperationAgreement& a) { a.no_reporting_duty_stated = false; },
       AgreementItem::keine_berichtspflicht},
      {"Kommunikation", [](CooperationAgreement& a) { a.communication = ""; }, AgreementItem::kommunikation},
      {"Intervall", [](CooperationAgreement& a) { a.coordination_interval_days.reset(); },
       AgreementItem::abstimmungsintervall},
      {"Intervall 0", [](CooperationAgreement& a) { a.coordination_interval_days = 0; },
       AgreementItem::abstimmungsintervall},
      {"Anlassfälle", [](CooperationAgreement& a) { a.anlassfaelle.clear(); }, AgreementItem::anlassfaelle},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    auto a = full();
    r.change(a);
    const auto issues = validate_agreement(a, kToday);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].item == r.item);
    CHECK(issues[0].severity == Severity::warning);
    CHECK_FALSE(blocks(issues));
    CHECK(issues[0].text.in(Lang::de).size() > 10);
  }
  // An empty agreement: blocking issues come first.
  const auto all = validate_agreement(CooperationAgreement{}, kToday);
  CHECK(all.size() == 4 + 16);  // Fallführung is the KJH's by default
  CHECK(items(all).front() == AgreementItem::zustimmung_familie);
  CHECK(std::is_partitioned(all.begin(), all.end(),
                            [](const AgreementIssue& i) { return i.severity == Severity::blocking; }));
}

TEST_CASE(
    "coop-4: the next coordination is due one interval after the last one (or after all three agreed)") {
  auto a = full();  // in force since 2026-04-03, every 42 days
  CHECK(in_force_since(a) == D(2026, 4, 3));
  CHECK(next_coordination_due(a) == D(2026, 5, 15));
  CHECK_FALSE(coordination_due(a, D(2026, 5, 14)));
  CHECK(coordination_due(a, D(2026, 5, 15)));
  a.last_coordination_on = D(2026, 5, 10);
  CHECK(next_coordination_due(a) == D(2026, 6, 21));
  CHECK_FALSE(coordination_due(a, D(2026, 5, 15)));
  a.coordination_interval_days.reset();
  CHECK_FALSE(next_coordination_due(a).has_value());
  a = full();
  a.kjh.on.reset();
  CHECK_FALSE(next_coordination_due(a).has_value());  // not in force yet
}

TEST_CASE("coop-5: a revised version needs the three agreements again") {
  const auto a = full();
  const auto r = revise(a, D(2026, 6, 1));
  CHECK(r.version == a.version + 1);
  CHECK(r.drafted_on == D(2026, 6, 1));
  CHECK(r.fh_role == a.fh_role);
  CHECK(items(validate_agreement(r, kToday)) ==
        std::vector<AgreementItem>{AgreementItem::zustimmung_familie, AgreementItem::zustimmung_fruehe_hilfen,
                                   AgreementItem::zustimmung_kjh});
}
