// Focus: the case summary a consultation takes along (store/case_summary.h):
// filled from the case file with only the current Kinderschutz entries, no
// name of the family in either strength, and pseudonyms that stay the same
// because the key is created once and never replaced.
#include "rules_store_test_util.h"
#include "store/case_summary.h"
#include "store/child_protection.h"

using namespace bb;
using namespace bb::rules;
using namespace bb::rules_store::test;

TEST_CASE(
    "summary-1: current entries only, no names in either strength, pseudonyms stable across summaries") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  Anhaltspunkt a;
  a.what = "Mira wirkt erschöpft";
  a.observed_on = D(2026, 11, 2);
  a.observed_by = "Frau Oberhollenzer";
  auto first = store::record_anhaltspunkt(rs.store, f.id, a);
  REQUIRE(first.ok());
  a.meta.corrects = *first;
  a.what = "Mira wirkt sehr erschöpft";
  REQUIRE(store::record_anhaltspunkt(rs.store, f.id, a).ok());

  auto in = store::case_summary_input(rs.store, f.id);
  REQUIRE(in.ok());
  REQUIRE(in->entries.size() == 1);  // the corrected version does not go out
  CHECK(in->entries[0].text.find("sehr erschöpft") != std::string::npos);

  auto anon = store::case_summary(rs.store, f.id, SummaryStrength::anonymisiert, Lang::de);
  REQUIRE(anon.ok());
  const std::string text = anon->text();
  for (const char* name : {"Mira", "Lina", "Brandtner", "Oberhollenzer"})
    CHECK(text.find(name) == std::string::npos);

  // Pseudonymised needs the key; it is made once and kept.
  CHECK_FALSE(store::case_summary(rs.store, f.id, SummaryStrength::pseudonymisiert, Lang::de).ok());
  REQUIRE(store::ensure_pseudonym_key(rs.store).ok());
  const auto key = store::load_pseudonym_key(rs.store);
  REQUIRE(key.ok());
  REQUIRE(key->has_value());
  CHECK((*key)->size() == 64);
  auto p1 = store::case_summary(rs.store, f.id, SummaryStrength::pseudonymisiert, Lang::de);
  REQUIRE(store::ensure_pseudonym_key(rs.store).ok());
  CHECK(*store::load_pseudonym_key(rs.store) == *key);
  auto p2 = store::case_summary(rs.store, f.id, SummaryStrength::pseudonymisiert, Lang::de);
  REQUIRE(p1.ok());
  REQUIRE(p2.ok());
  CHECK(p1->text() == p2->text());
  CHECK(p1->text().find(pseudonym(**key, f.id, f.mother)) != std::string::npos);
  CHECK(p1->text().find("Mira") == std::string::npos);
}
