// Focus: Einwilligungen — active-at semantics, Widerruf, completeness,
// recipient matching (src/core/consent.h). docs/rules.md "consent-*".
#include <doctest/doctest.h>

#include "core/consent.h"
#include "rules_test_util.h"

using namespace bb;
using namespace bb::rules;
using namespace bb::rules::test;

TEST_CASE("consent-1: a consent is active from its date through valid_until, inclusive") {
  auto c = consent(1, Purpose::vermittlung, beratung(), {DataCategory::stammdaten}, D(2026, 3, 1));
  c.valid_until = D(2026, 6, 30);
  struct Row {
    Date day;
    bool active;
  } rows[] = {{D(2026, 2, 28), false},
              {D(2026, 3, 1), true},
              {D(2026, 5, 1), true},
              {D(2026, 6, 30), true},
              {D(2026, 7, 1), false}};
  for (const auto& r : rows) {
    CAPTURE(r.day.iso());
    CHECK(consent_active_at(c, r.day) == r.active);
  }
  c.valid_until.reset();
  CHECK(consent_active_at(c, D(2040, 1, 1)));  // until revoked
}

TEST_CASE("consent-2: revocation takes effect at once: nothing on or after the Widerruf day is covered") {
  auto c = consent(1, Purpose::vermittlung, beratung(), {DataCategory::stammdaten}, D(2026, 3, 1));
  c.revoked_on = D(2026, 4, 10);
  CHECK(consent_active_at(c, D(2026, 4, 9)));
  CHECK_FALSE(consent_active_at(c, D(2026, 4, 10)));
  CHECK_FALSE(consent_active_at(c, D(2026, 4, 11)));
  CHECK_FALSE(consent_covers(c, beratung(), Purpose::vermittlung, DataCategory::stammdaten, D(2026, 4, 10)));
  // Revoked on the day it was given: never active.
  c.revoked_on = D(2026, 3, 1);
  CHECK_FALSE(consent_active_at(c, D(2026, 3, 1)));
}

TEST_CASE(
    "consent-3: an incomplete consent covers nothing (no category, oral without witness, dates reversed)") {
  const auto base = consent(1, Purpose::austausch, jugendamt(), {DataCategory::ziele}, D(2026, 3, 1));
  REQUIRE(consent_problems(base).empty());
  struct Row {
    const char* name;
    void (*change)(Consent&);
    ConsentProblem problem;
  } rows[] = {
      {"no category", [](Consent& c) { c.categories = {}; }, ConsentProblem::keine_kategorien},
      {"oral without witness", [](Consent& c) { c.form = ConsentForm::muendlich; },
       ConsentProblem::muendlich_ohne_zeuge},
      {"oral, witness blank",
       [](Consent& c) {
         c.form = ConsentForm::muendlich;
         c.witness = "  ";
       },
       ConsentProblem::muendlich_ohne_zeuge},
      {"valid_until before given", [](Consent& c) { c.valid_until = D(2026, 2, 1); },
       ConsentProblem::ende_vor_beginn},
      {"revoked before given", [](Consent& c) { c.revoked_on = D(2026, 2, 1); },
       ConsentProblem::widerruf_vor_beginn},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    auto c = base;
    r.change(c);
    auto problems = consent_problems(c);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == r.problem);
    CHECK(std::string(tr(text(r.problem), Lang::de)).size() > 10);
    CHECK_FALSE(consent_active_at(c, D(2026, 3, 5)));
  }
  auto oral = base;
  oral.form = ConsentForm::muendlich;
  oral.witness = "Kollegin B.";
  CHECK(consent_active_at(oral, D(2026, 3, 5)));
}

TEST_CASE(
    "consent-4: a consent for one partner covers only that partner; a consent for a kind covers the kind") {
  const auto specific = partner(RecipientKind::netzwerkpartner, kBeratung);
  const auto other = partner(RecipientKind::netzwerkpartner, kHebammenpraxis);
  const auto any = kind_only(RecipientKind::netzwerkpartner);
  const auto kjh_same_id = partner(RecipientKind::kjh, kBeratung);
  CHECK(consent_recipient_matches(specific, specific));
  CHECK_FALSE(consent_recipient_matches(specific, other));
  CHECK_FALSE(consent_recipient_matches(specific, any));  // "some partner" is not "this partner"
  CHECK_FALSE(consent_recipient_matches(specific, kjh_same_id));
  CHECK(consent_recipient_matches(any, specific));
  CHECK(consent_recipient_matches(any, other));
  CHECK_FALSE(consent_recipient_matches(any, jugendamt()));
}

TEST_CASE("consent-5: a consent covers only its purpose and its categories") {
  auto c = consent(1, Purpose::vermittlung, beratung(), {DataCategory::stammdaten, DataCategory::bedarfe},
                   D(2026, 3, 1));
  const Date day = D(2026, 3, 2);
  CHECK(consent_covers(c, beratung(), Purpose::vermittlung, DataCategory::stammdaten, day));
  CHECK(consent_covers(c, beratung(), Purpose::vermittlung, DataCategory::bedarfe, day));
  CHECK_FALSE(consent_covers(c, beratung(), Purpose::vermittlung, DataCategory::gesundheit, day));
  CHECK_FALSE(consent_covers(c, beratung(), Purpose::informationsrueckfluss, DataCategory::stammdaten, day));
}

TEST_CASE("consent-6: Widerruf records the date once and never before the consent") {
  auto c = consent(1, Purpose::vermittlung, beratung(), {DataCategory::stammdaten}, D(2026, 3, 1));
  auto early = revoke(c, D(2026, 2, 1));
  REQUIRE_FALSE(early.ok());
  CHECK(early.error().is(Str::rules_consent_revoke_before_start));
  CHECK_FALSE(c.revoked_on.has_value());
  REQUIRE(revoke(c, D(2026, 5, 1)).ok());
  CHECK(c.revoked_on == D(2026, 5, 1));
  auto again = revoke(c, D(2026, 6, 1));
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().is(Str::rules_consent_already_revoked));
  CHECK(again.error().arg == "01.05.2026");
  CHECK(c.revoked_on == D(2026, 5, 1));
}

TEST_CASE("rules-date-1: dates convert to and from ISO and compare as days") {
  auto d = Date::from_iso("2024-02-29");
  REQUIRE(d);
  CHECK(d->iso() == "2024-02-29");
  CHECK(d->german() == "29.02.2024");
  CHECK_FALSE(Date::from_iso("2023-02-29"));
  CHECK_FALSE(Date::from_iso("29.02.2024"));
  CHECK(D(2026, 1, 31).plus_months(1) == D(2026, 2, 28));
  CHECK(D(2024, 1, 31).plus_months(1) == D(2024, 2, 29));
  CHECK(D(2026, 11, 15).plus_months(3) == D(2027, 2, 15));
  CHECK(D(2026, 3, 1).plus_days(-1) == D(2026, 2, 28));
  CHECK(age_in_years(D(2000, 6, 15), D(2026, 6, 14)) == 25);
  CHECK(age_in_years(D(2000, 6, 15), D(2026, 6, 15)) == 26);
  CHECK(age_in_months(D(2026, 1, 31), D(2026, 2, 28)) == 0);
  CHECK(age_in_months(D(2026, 1, 31), D(2026, 3, 31)) == 2);
}
