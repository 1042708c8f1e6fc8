// Focus: contacts / Hausbesuche (issue 5 §2).
#include "cases_test_util.h"

using namespace bb;
using namespace bb::cases;
using namespace bb::cases::test;

namespace {
struct Fixture {
  CaseStore cs;
  int64_t family = 0, mother = 0, child = 0;
  Fixture() {
    auto id = store::create_family(
        cs.store, family_input(),
        {person(PersonRole::parent, "Ayşe", "1994-02-01"), person(PersonRole::child, "Elif", "2026-04-01")});
    REQUIRE(id.ok());
    family = *id;
    make_ongoing(cs.store, family);
    auto persons = store::load_persons(cs.store, family);
    REQUIRE(persons.ok());
    mother = (*persons)[0].id;
    child = (*persons)[1].id;
  }
  static FamilyInput family_input() { return cases::test::family("Yılmaz"); }
};
}  // namespace

TEST_CASE(
    "contact-1: a contact is stored with kind, persons present, topics, note, next steps and appointment") {
  Fixture fx;
  auto c =
      contact("2026-11-18", "Elif schläft unruhig. Einschlafritual besprochen.", {"schlafen", "bindung"});
  c.start = "09:30";
  c.duration_min = 75;
  c.present = {fx.mother, fx.child};
  c.others_present = "Großmutter";
  c.next_steps = "Frau Yılmaz ruft bei der Kinderärztin an.";
  c.next_appointment = "2026-12-02T10:00";
  auto id = store::add_contact(fx.cs.store, fx.family, c);
  REQUIRE(id.ok());
  auto loaded = store::load_contact(fx.cs.store, *id);
  REQUIRE(loaded.ok());
  CHECK(loaded->on == "2026-11-18");
  CHECK(loaded->start == "09:30");
  CHECK(loaded->duration_min == 75);
  CHECK(loaded->kind == "hausbesuch");
  CHECK(loaded->topics == std::vector<std::string>{"schlafen", "bindung"});  // catalogue order
  CHECK(loaded->present == std::vector<int64_t>{fx.mother, fx.child});
  CHECK(loaded->note == c.note);
  CHECK(loaded->others_present == "Großmutter");
  CHECK_FALSE(loaded->next_steps_done);
  auto f = store::load_family(fx.cs.store, fx.family);
  CHECK(f->last_contact_on == "2026-11-18");
  CHECK(f->next_appointment == "2026-12-02T10:00");
}

TEST_CASE("contact-2: editing a contact replaces its fields and topics and updates the search") {
  Fixture fx;
  auto id =
      store::add_contact(fx.cs.store, fx.family, contact("2026-11-10", "Thema Wohnung: Schimmel im Bad."));
  REQUIRE(id.ok());
  CHECK(store::search_families(fx.cs.store, "schimmel")->total == 1);
  auto c = contact("2026-11-11", "Thema Stillen: Elif trinkt gut.", {"stillen"});
  c.kind = "telefonat";
  c.duration_min = 20;
  set_fixed_clock("2026-11-20T12:00:00Z");
  REQUIRE(store::edit_contact(fx.cs.store, *id, c).ok());
  auto loaded = store::load_contact(fx.cs.store, *id);
  REQUIRE(loaded.ok());
  CHECK(loaded->on == "2026-11-11");
  CHECK(loaded->kind == "telefonat");
  CHECK(loaded->topics == std::vector<std::string>{"stillen"});
  CHECK(loaded->updated_at == "2026-11-20T12:00:00Z");
  CHECK(loaded->created_at == "2026-11-20T10:00:00Z");
  CHECK(store::search_families(fx.cs.store, "schimmel")->total == 0);
  CHECK(store::search_families(fx.cs.store, "trinkt")->total == 1);
}

TEST_CASE("contact-3: removing a contact removes it and recomputes last contact and next appointment") {
  Fixture fx;
  auto a = contact("2026-11-01", "Erster Termin.");
  a.next_appointment = "2026-11-15";
  auto b = contact("2026-11-15", "Zweiter Termin, Wohngeld besprochen.");
  b.next_appointment = "2026-11-29";
  REQUIRE(store::add_contact(fx.cs.store, fx.family, a).ok());
  auto second = store::add_contact(fx.cs.store, fx.family, b);
  REQUIRE(second.ok());
  CHECK(store::load_family(fx.cs.store, fx.family)->next_appointment == "2026-11-29");
  REQUIRE(store::remove_contact(fx.cs.store, *second).ok());
  CHECK_FALSE(store::load_contact(fx.cs.store, *second).ok());
  auto f = store::load_family(fx.cs.store, fx.family);
  CHECK(f->last_contact_on == "2026-11-01");
  CHECK(f->next_appointment == "2026-11-15");
  CHECK(store::search_families(fx.cs.store, "wohngeld")->total == 0);
  CHECK(fx.cs.count("SELECT count(*) FROM contact_topics") == 1);
  CHECK(store::remove_contact(fx.cs.store, *second).error().is(Str::case_err_not_found));
}

TEST_CASE("contact-4: invalid contact input names the field and saves nothing") {
  Fixture fx;
  struct Case {
    const char* field;
    ContactInput input;
  };
  auto base = contact("2026-11-18", "Notiz");
  std::vector<Case> cases;
  cases.push_back({"kind", base});
  cases.back().input.kind = "";
  cases.push_back({"kind", base});
  cases.back().input.kind = "brief";
  cases.push_back({"topics", base});
  cases.back().input.topics = {"schlafen", "astrologie"};
  cases.push_back({"start", base});
  cases.back().input.start = "25:00";
  cases.push_back({"duration_min", base});
  cases.back().input.duration_min = 0;
  cases.push_back({"on", base});
  cases.back().input.on = "2026-11-21";  // tomorrow
  cases.push_back({"next_appointment", base});
  cases.back().input.next_appointment = "2026-11-01";
  cases.push_back({"next_appointment", base});
  cases.back().input.next_appointment = "morgen";
  auto other = store::create_family(fx.cs.store, family("Fremd"), {person(PersonRole::parent, "Olga")});
  REQUIRE(other.ok());
  cases.push_back({"present", base});
  cases.back().input.present = {store::load_persons(fx.cs.store, *other)->front().id};
  for (const auto& c : cases) {
    CAPTURE(c.field);
    auto r = store::add_contact(fx.cs.store, fx.family, c.input);
    REQUIRE_FALSE(r.ok());
    CHECK(invalid_field(r.error()) == c.field);
    CHECK_FALSE(r.error().text().empty());
  }
  CHECK(fx.cs.count("SELECT count(*) FROM contacts") == 0);
  auto future = store::add_contact(fx.cs.store, fx.family, cases[5].input);
  CHECK(future.error().text().find("Nächster Termin") != std::string::npos);
}

TEST_CASE("contact-5: a closed family takes no new contacts, but existing ones can be corrected") {
  Fixture fx;
  auto id = store::add_contact(fx.cs.store, fx.family, contact("2026-11-02", "Abschlussgespräch."));
  REQUIRE(id.ok());
  REQUIRE(store::close_family(fx.cs.store, fx.family, "regulaer", "2026-11-03").ok());
  auto r = store::add_contact(fx.cs.store, fx.family, contact("2026-11-05", "Nachgespräch"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(Str::case_err_family_closed));
  CHECK(store::edit_contact(fx.cs.store, *id,
                            contact("2026-11-02", "Abschlussgespräch, Tippfehler korrigiert."))
            .ok());
  REQUIRE(store::reopen_family(fx.cs.store, fx.family).ok());
  CHECK(store::add_contact(fx.cs.store, fx.family, contact("2026-11-20", "Wieder da.")).ok());
}

TEST_CASE("contact-6: agreed next steps stay open until marked done; new text opens them again") {
  Fixture fx;
  auto c = contact("2026-11-10", "Notiz");
  c.next_steps = "Antrag abschicken.";
  auto id = store::add_contact(fx.cs.store, fx.family, c);
  REQUIRE(id.ok());
  CHECK(store::family_overview(fx.cs.store, fx.family)->open_steps.size() == 1);
  REQUIRE(store::set_next_steps_done(fx.cs.store, *id, true).ok());
  CHECK(store::family_overview(fx.cs.store, fx.family)->open_steps.empty());
  REQUIRE(store::edit_contact(fx.cs.store, *id, c).ok());  // same text: stays done
  CHECK(store::load_contact(fx.cs.store, *id)->next_steps_done);
  c.next_steps = "Antrag abschicken und Kopie aufheben.";
  REQUIRE(store::edit_contact(fx.cs.store, *id, c).ok());
  CHECK_FALSE(store::load_contact(fx.cs.store, *id)->next_steps_done);
}

TEST_CASE("transaction-1: an action that fails halfway leaves nothing behind") {
  Fixture fx;
  store::test::sql(
      fx.cs.store,
      "CREATE TEMP TRIGGER boom BEFORE INSERT ON contact_topics BEGIN SELECT RAISE(ABORT, 'boom'); END");
  auto r = store::add_contact(fx.cs.store, fx.family, contact("2026-11-10", "Wird nicht gespeichert."));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(Str::store_not_saved));
  CHECK(fx.cs.count("SELECT count(*) FROM contacts") == 0);
  CHECK(store::load_family(fx.cs.store, fx.family)->last_contact_on.empty());
  store::test::sql(fx.cs.store, "DROP TRIGGER boom");
  CHECK(store::add_contact(fx.cs.store, fx.family, contact("2026-11-10", "Jetzt schon.")).ok());
}
