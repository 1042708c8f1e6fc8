// Focus: the family list (filters, sorting, paging) and full-text search (issue 5 §6).
#include "cases_test_util.h"

using namespace bb;
using namespace bb::cases;
using namespace bb::cases::test;

namespace {

struct Families {
  CaseStore cs;
  int64_t mueller = 0, oeztuerk = 0, strasser = 0, weber = 0;
  Families() {
    auto m = store::create_family(cs.store, family("Müller"), {person(PersonRole::parent, "Anna")});
    auto o = store::create_family(cs.store, family("Öztürk"), {person(PersonRole::parent, "Zeynep")});
    auto s = store::create_family(cs.store, family("Straßer"), {person(PersonRole::parent, "Lena")});
    auto w = store::create_family(cs.store, family("Weber"), {person(PersonRole::parent, "Julia")});
    REQUIRE((m.ok() && o.ok() && s.ok() && w.ok()));
    mueller = *m, oeztuerk = *o, strasser = *s, weber = *w;
    make_ongoing(cs.store, mueller);
    make_ongoing(cs.store, oeztuerk);
    auto c = contact("2026-11-12", "Treffen in der Bahnhofstraße. Emma SCHLÄFT jetzt besser.");
    c.next_appointment = "2026-11-26T09:00";
    REQUIRE(store::add_contact(cs.store, oeztuerk, c).ok());
    auto c2 = contact("2026-11-05", "Wohnungssuche mit Frau Weber besprochen.", {"wohnen"});
    c2.next_appointment = "2026-12-20";
    REQUIRE(store::add_contact(cs.store, mueller, c2).ok());
    auto w_in = family("Weber");
    w_in.companion = "Petra Lindner";
    REQUIRE(store::edit_family(cs.store, weber, w_in).ok());
  }
  std::vector<int64_t> ids(const store::FamilyListQuery& q) {
    auto page = store::list_families(cs.store, q);
    REQUIRE(page.ok());
    std::vector<int64_t> out;
    for (const auto& r : page->rows) out.push_back(r.id);
    return out;
  }
  std::vector<int64_t> search(const std::string& text) {
    store::FamilyListQuery q;
    q.text = text;
    return ids(q);
  }
};

}  // namespace

TEST_CASE("search-5: search ignores case and umlauts: muller finds Müller, strasse finds Straße") {
  Families fx;
  CHECK(fx.search("muller") == std::vector<int64_t>{fx.mueller});
  CHECK(fx.search("MÜLLER") == std::vector<int64_t>{fx.mueller});
  CHECK(fx.search("Mueller") == std::vector<int64_t>{fx.mueller});
  CHECK(fx.search("oztu") == std::vector<int64_t>{fx.oeztuerk});
  CHECK(fx.search("strasser") == std::vector<int64_t>{fx.strasser});
  CHECK(fx.search("bahnhofstrasse") == std::vector<int64_t>{fx.oeztuerk});  // in a note
  CHECK(fx.search("schlaft") == std::vector<int64_t>{fx.oeztuerk});
  CHECK(fx.search("Schläft") == std::vector<int64_t>{fx.oeztuerk});
  CHECK(fx.search("xylophon").empty());
}

TEST_CASE("search-6: every word must match, in names or notes, and the context shows where") {
  Families fx;
  // "weber" is a family name and appears in a note of the Müller family.
  auto both = fx.search("weber");
  CHECK(both == std::vector<int64_t>{fx.mueller, fx.weber});
  CHECK(fx.search("weber wohnungssuche") == std::vector<int64_t>{fx.mueller});
  CHECK(fx.search("anna wohnung") == std::vector<int64_t>{fx.mueller});
  CHECK(fx.search("anna schlaft").empty());
  auto page = store::search_families(fx.cs.store, "schlaft");
  REQUIRE(page.ok());
  REQUIRE(page->rows.size() == 1);
  CHECK(page->rows[0].family_name == "Öztürk");
  CHECK(page->rows[0].context.rfind("Hausbesuch 12.11.2026: ", 0) == 0);
  CHECK(page->rows[0].context.find("SCHLÄFT") != std::string::npos);
  auto by_name = store::search_families(fx.cs.store, "zeyn");
  REQUIRE(by_name.ok());
  REQUIRE(by_name->rows.size() == 1);
  CHECK(by_name->rows[0].context == "Name: Öztürk, Zeynep");
  // Short terms (1-2 letters) look at names only, so typing "a" does not list every note.
  CHECK(fx.search("an") == std::vector<int64_t>{fx.mueller});
}

TEST_CASE("list-1: the family list filters by status, companion, due reviews and next visit") {
  Families fx;
  store::FamilyListQuery q;
  q.today = kToday;
  q.statuses = {FamilyStatus::laufend};
  CHECK(fx.ids(q) == std::vector<int64_t>{fx.mueller, fx.oeztuerk});
  q.statuses = {FamilyStatus::anfrage, FamilyStatus::abgeschlossen};
  CHECK(fx.ids(q) == std::vector<int64_t>{fx.strasser, fx.weber});
  q = {};
  q.companion = "Petra Lindner";
  CHECK(fx.ids(q) == std::vector<int64_t>{fx.weber});
  q = {};
  q.next_visit_from = kToday;
  q.next_visit_to = add_days(kToday, 7);
  CHECK(fx.ids(q) == std::vector<int64_t>{fx.oeztuerk});
  q.next_visit_to = "2026-12-31";
  CHECK(fx.ids(q) == std::vector<int64_t>{fx.mueller, fx.oeztuerk});
  q = {};
  q.without_next_visit = true;
  CHECK(fx.ids(q) == std::vector<int64_t>{fx.strasser, fx.weber});
  q = {};
  q.statuses = {FamilyStatus::laufend};
  q.text = "schlaft";
  CHECK(fx.ids(q) == std::vector<int64_t>{fx.oeztuerk});
  auto companions = store::list_companions(fx.cs.store);
  REQUIRE(companions.ok());
  CHECK(*companions == std::vector<std::string>{"Petra Lindner", "Sabine Hofer"});
}

TEST_CASE("list-2: sorting ignores umlauts, pages are disjoint and the total counts all matches") {
  Families fx;
  store::FamilyListQuery q;
  CHECK(fx.ids(q) == std::vector<int64_t>{fx.mueller, fx.oeztuerk, fx.strasser, fx.weber});  // m, o, s, w
  q.descending = true;
  CHECK(fx.ids(q) == std::vector<int64_t>{fx.weber, fx.strasser, fx.oeztuerk, fx.mueller});
  q = {};
  q.sort = store::FamilySort::next_appointment;
  CHECK(fx.ids(q) == std::vector<int64_t>{fx.oeztuerk, fx.mueller, fx.strasser, fx.weber});  // nulls last
  q.sort = store::FamilySort::status;
  CHECK(fx.ids(q) == std::vector<int64_t>{fx.strasser, fx.weber, fx.mueller, fx.oeztuerk});
  q = {};
  q.limit = 3;
  auto first = store::list_families(fx.cs.store, q);
  q.offset = 3;
  auto second = store::list_families(fx.cs.store, q);
  REQUIRE((first.ok() && second.ok()));
  CHECK(first->total == 4);
  CHECK(second->total == 4);
  CHECK(first->rows.size() == 3);
  REQUIRE(second->rows.size() == 1);
  CHECK(second->rows[0].id == fx.weber);
}
