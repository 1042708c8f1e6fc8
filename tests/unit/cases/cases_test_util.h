// Helpers for the case-documentation tests: a fresh store (cheap test KDF)
// with the clock fixed, so dates and timestamps are predictable.
#pragma once

#include <doctest/doctest.h>

#include "../store/store_test_util.h"
#include "core/cases.h"
#include "store/cases.h"

namespace bb::cases::test {

constexpr const char* kToday = "2026-11-20";

// A store at the newest schema on a temp file; the clock reads kToday 10:00.
struct CaseStore {
  store::test::TempPath path{"cases"};
  store::Store store;
  CaseStore() {
    set_fixed_clock(std::string(kToday) + "T10:00:00Z");
    auto s = store::Store::create(path.str(), store::test::kPass, store::test::fast());
    REQUIRE(s.ok());
    store = std::move(*s);
  }
  ~CaseStore() {
    store.lock();
    set_fixed_clock("");
  }
  int64_t count(const std::string& sql) { return std::stoll("0" + store::test::value(store, sql)); }
};

inline FamilyInput family(const std::string& name) {
  FamilyInput f;
  f.family_name = name;
  f.request_on = "2026-09-01";
  f.companion = "Sabine Hofer";
  f.companion_profession = "hebamme";
  f.access_route = "hebamme";
  f.languages = "Deutsch";
  return f;
}

inline PersonInput person(PersonRole role, const std::string& first, const std::string& birth = {},
                          const std::string& due = {}) {
  PersonInput p;
  p.role = role;
  p.first_name = first;
  p.birth_date = birth;
  p.due_date = due;
  return p;
}

inline ContactInput contact(const std::string& on, const std::string& note,
                            std::vector<std::string> topics = {"schlafen"}) {
  ContactInput c;
  c.on = on;
  c.start = "10:00";
  c.duration_min = 60;
  c.kind = "hausbesuch";
  c.topics = std::move(topics);
  c.note = note;
  return c;
}

// Moves a family to laufende Begleitung (Anfrage → Erstkontakt → laufend).
inline void make_ongoing(store::Store& s, int64_t id) {
  REQUIRE(store::change_status(s, id, {FamilyStatus::erstkontakt, "2026-09-05", {}, {}}).ok());
  REQUIRE(store::change_status(s, id, {FamilyStatus::laufend, "2026-09-12", {}, {}}).ok());
}

}  // namespace bb::cases::test
