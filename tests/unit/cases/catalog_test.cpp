// Focus: the configurable lists (issue 5: Zugangsweg, topics, instrument …):
// codes for new entries, entries switched off instead of deleted.
#include "cases_test_util.h"

using namespace bb;
using namespace bb::cases;
using namespace bb::cases::test;

TEST_CASE("catalog-1: a new entry's code is its label folded to ASCII words, unique within the list") {
  std::vector<CatalogEntry> existing = {{"topic", "schlafen", "Schlafen", 1, true}};
  CHECK(new_catalog_code("Schreiambulanz Süd", existing) == "schreiambulanz_sud");
  CHECK(new_catalog_code("Großeltern & Nachbarschaft", existing) == "grosseltern_nachbarschaft");
  CHECK(new_catalog_code("Schlafen", existing) == "schlafen_2");
  existing.push_back({"topic", "schlafen_2", "Schlafen", 2, true});
  CHECK(new_catalog_code("schlafen!", existing) == "schlafen_3");
  CHECK(new_catalog_code("  ", existing).empty());
  CHECK(new_catalog_code("–", existing).empty());
  CHECK(new_catalog_code(std::string(200, 'a'), existing).size() == 30);
}

TEST_CASE("catalog-2: an entry switched off stays for old records and is listed only when asked for") {
  CaseStore cs;
  auto& store = cs.store;
  CatalogEntry e{"access_route", new_catalog_code("Familienzentrum Nord", {}), "Familienzentrum Nord", 50,
                 true};
  REQUIRE(store::set_catalog_entry(store, e).ok());
  FamilyInput f;
  f.family_name = "Ostermann";
  f.access_route = e.code;
  auto id = store::create_family(store, f);
  REQUIRE(id.ok());
  e.active = false;
  REQUIRE(store::set_catalog_entry(store, e).ok());
  auto active = store::load_catalog(store, "access_route");
  REQUIRE(active.ok());
  for (const auto& x : *active) CHECK(x.code != e.code);
  auto all = store::load_catalog(store, "access_route", true);
  REQUIRE(all.ok());
  bool found = false;
  for (const auto& x : *all) found |= x.code == e.code && !x.active;
  CHECK(found);
  auto family = store::load_family(store, *id);
  REQUIRE(family.ok());
  CHECK(family->access_route == e.code);
}
