// Focus: the offline offer search ("Beratungsführer", docs/directory.md
// "Search") and the partner list: the same folding as the family search
// (umlauts, ß, case, ae/oe/ue), need, place, age and pregnancy filters.
#include "directory_test_util.h"

using namespace bb;
using namespace bb::directory;
using namespace bb::directory::test;
using bb::cases::test::CaseStore;

namespace {

std::vector<std::string> titles(store::Store& s, const store::OfferQuery& q) {
  auto page = store::search_offers(s, q);
  REQUIRE(page.ok());
  std::vector<std::string> out;
  for (const auto& r : page->rows) out.push_back(r.title);
  return out;
}

store::OfferQuery text(const std::string& t) {
  store::OfferQuery q;
  q.text = t;
  return q;
}

}  // namespace

TEST_CASE("dir-search-1: umlauts, ß and case fold as in the family search, ae/oe/ue too") {
  CaseStore cs;
  auto d = small_directory();
  d.partners[0].offers[0].title = "Väter-Frühstück an der Großen Straße";
  REQUIRE(store::import_directory(cs.store, d).ok());
  for (const char* query : {"Väter", "vater", "VAETER", "frühstück", "fruehstuck", "FRUHSTUCK", "strasse",
                            "Straße", "grosse strasse", "VÄTER FRÜH"}) {
    CAPTURE(query);
    CHECK(titles(cs.store, text(query)) == std::vector<std::string>{"Väter-Frühstück an der Großen Straße"});
  }
  // A partner's name finds its offers; so does the label of its type.
  CHECK(titles(cs.store, text("hebammenpraxis")) == std::vector<std::string>{"Babysprechstunde"});
  CHECK(titles(cs.store, text("Schuldnerberatung")).size() == 1);
  CHECK(titles(cs.store, text("Familienhebamme")) == std::vector<std::string>{"Babysprechstunde"});
  // Topic labels of the catalogue ("Schlafen") are searchable words too.
  CHECK(titles(cs.store, text("schlafen")).size() == 2);
  CHECK(titles(cs.store, text("gibtesnicht")).empty());
}

TEST_CASE("dir-search-2: need, place, age and pregnancy filters combine with the text") {
  CaseStore cs;
  REQUIRE(store::import_directory(cs.store, small_directory()).ok());
  store::OfferQuery q;
  q.need = "schlafen";
  CHECK(titles(cs.store, q) == std::vector<std::string>{"Schlafberatung", "Babysprechstunde"});
  q.place = "muhlheim";  // folded: "Mühlheim am Bach"
  CHECK(titles(cs.store, q) == std::vector<std::string>{"Schlafberatung"});
  q.place = "Mühl";
  CHECK(titles(cs.store, q) == std::vector<std::string>{"Schlafberatung"});
  q.place = "Birkenfeld";
  CHECK(titles(cs.store, q) == std::vector<std::string>{"Babysprechstunde"});
  q = {};
  q.pregnancy = true;
  CHECK(titles(cs.store, q) == std::vector<std::string>{"Babysprechstunde"});
  q = {};
  q.child_age_months = 18;  // outside 0-12 of the Schlafberatung; the others have no limit
  auto t = titles(cs.store, q);
  CHECK(std::find(t.begin(), t.end(), "Schlafberatung") == t.end());
  CHECK(t.size() == 3);
  q.child_age_months = 3;
  CHECK(titles(cs.store, q).size() == 4);
  q = {};
  q.category = Category::psychosozial;
  CHECK(titles(cs.store, q) == std::vector<std::string>{"Schuldnerberatung für Familien"});
  // Paging: total counts all, rows only the page.
  q = {};
  q.limit = 2;
  auto page = store::search_offers(cs.store, q);
  REQUIRE(page.ok());
  CHECK(page->total == 4);
  CHECK(page->rows.size() == 2);
  q.offset = 2;
  CHECK(store::search_offers(cs.store, q)->rows.size() == 2);
}

TEST_CASE("dir-search-3: the partner list filters by category and folded text; Fachkräfte by folded text") {
  CaseStore cs;
  REQUIRE(store::import_directory(cs.store, small_directory()).ok());
  store::PartnerQuery q;
  auto all = store::list_partners(cs.store, q);
  REQUIRE(all.ok());
  CHECK(all->total == 3);
  q.text = "muhlbach";
  auto found = store::list_partners(cs.store, q);
  REQUIRE(found.ok());
  REQUIRE(found->rows.size() == 1);
  CHECK(found->rows[0].name == "Familienzentrum Mühlbach");
  CHECK(found->rows[0].offers == 2);
  CHECK(found->rows[0].category == Category::kinder_jugendhilfe);
  q = {};
  q.category = Category::gesundheit;
  CHECK(store::list_partners(cs.store, q)->rows.at(0).name == "Hebammenpraxis Nowak");
  CHECK(store::list_fachkraefte(cs.store, "HORVÁTH")->size() == 1);
  CHECK(store::list_fachkraefte(cs.store, "kinderschutzzentrum lindenau")->size() == 1);
}
