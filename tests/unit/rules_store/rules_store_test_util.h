// Helpers for the tests of the issue-7 repositories (consents, disclosures,
// KJH, Kooperationsvereinbarung, Kinderschutz, retention, Auskunft): a fresh
// store at the newest schema with the clock fixed, a fictional family, and
// short builders. All people are fictional.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "../cases/cases_test_util.h"
#include "core/child_protection.h"
#include "core/consent.h"
#include "core/disclosure.h"
#include "store/cases.h"
#include "store/organisation.h"

namespace bb::rules_store::test {

using rules::Date;
constexpr const char* kToday = "2026-11-20";  // = cases::test::kToday
inline Date today() { return Date::ymd(2026, 11, 20); }
inline Date D(int y, int m, int d) { return Date::ymd(y, m, d); }

constexpr rules::PartnerId kJugendamt = 501, kBeratung = 502, kFachkraft = 503;

// A store (cases::test::CaseStore: temp file, fixed clock) and optionally
// faster I/O for the randomized test (no fsync, journal in memory).
struct RulesStore : cases::test::CaseStore {
  explicit RulesStore(bool fast_io = false) {
    if (fast_io) {
      store::test::sql(store, "PRAGMA synchronous = OFF");
      store::test::sql(store, "PRAGMA journal_mode = MEMORY");
    }
  }
};

// A family in laufende Begleitung: mother, father, child, expected child.
struct TestFamily {
  int64_t id = 0, mother = 0, father = 0, child = 0, expected = 0;
};
inline TestFamily make_family(store::Store& s, const std::string& name = "Brandtner", bool ongoing = true) {
  using cases::PersonRole;
  using cases::test::person;
  TestFamily f;
  auto id = store::create_family(s, cases::test::family(name),
                                 {person(PersonRole::parent, "Mira"), person(PersonRole::parent, "Jonas"),
                                  person(PersonRole::child, "Lina", "2025-12-01"),
                                  person(PersonRole::expected_child, "", {}, "2027-03-10")});
  REQUIRE(id.ok());
  f.id = *id;
  if (ongoing) cases::test::make_ongoing(s, f.id);
  auto persons = store::load_persons(s, f.id);
  REQUIRE(persons.ok());
  for (const auto& p : *persons) {
    if (p.first_name == "Mira") f.mother = p.id;
    if (p.first_name == "Jonas") f.father = p.id;
    if (p.first_name == "Lina") f.child = p.id;
    if (p.role == PersonRole::expected_child) f.expected = p.id;
  }
  return f;
}

inline rules::Recipient jugendamt() { return {rules::RecipientKind::kjh, kJugendamt, "Jugendamt Nordstadt"}; }
inline rules::Recipient beratung() {
  return {rules::RecipientKind::netzwerkpartner, kBeratung, "Beratungsstelle Lindenhof"};
}

inline rules::Consent consent(const TestFamily& f, rules::Purpose p, rules::Recipient to,
                              rules::Categories cats, Date given) {
  rules::Consent c;
  c.family = f.id;
  c.person = f.mother;
  c.purpose = p;
  c.recipient = std::move(to);
  c.categories = cats;
  c.given_on = given;
  return c;
}

inline rules::DisclosureRequest request(const TestFamily& f, rules::Purpose p, rules::Recipient to,
                                        rules::Categories cats,
                                        rules::DataForm form = rules::DataForm::personenbezogen) {
  rules::DisclosureRequest r;
  r.family = f.id;
  r.purpose = p;
  r.recipient = std::move(to);
  r.categories = cats;
  r.form = form;
  r.channel = rules::Channel::verschluesselte_datei;
  return r;
}

// An Austrian / German Mitteilung to the Jugendamt, complete.
inline rules::Mitteilung mitteilung(rules::Jurisdiction j, rules::Categories content, Date on) {
  rules::Mitteilung m;
  m.meta.recorded_by = "Sabine Hofer";
  m.on = on;
  m.recipient = jugendamt();
  m.channel = rules::Channel::brief;
  m.norm =
      j == rules::Jurisdiction::oesterreich ? rules::LegalNorm::at_b_kjhg_37 : rules::LegalNorm::de_kkg_4_3;
  m.suspicion = "Wiederholt unversorgte Verletzungen am Arm des Kindes";
  m.reasons = "Beobachtungen bei drei Hausbesuchen";
  m.content = content;
  m.content_text = "Beobachtungen und Daten des Kindes";
  m.informed.state = rules::FamilyInformed::State::informiert;
  m.informed.on = on;
  m.consent_sought = {rules::ConsentSought::angestrebt_verweigert, on, {}};
  return m;
}

inline int64_t count(store::Store& s, const std::string& sql) {
  return std::stoll("0" + store::test::value(s, sql));
}

// Runs SQL expected to fail; returns SQLite's message.
inline std::string sql_fails(store::Store& s, const std::string& text) {
  char* err = nullptr;
  const int rc = sqlite3_exec(s.db(), text.c_str(), nullptr, nullptr, &err);
  std::string msg = err ? err : "";
  sqlite3_free(err);
  CHECK(rc != SQLITE_OK);
  return msg;
}

}  // namespace bb::rules_store::test
