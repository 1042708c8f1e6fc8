// Focus: families, persons and the status of a Begleitung (issue 5 §1).
#include "cases_test_util.h"

using namespace bb;
using namespace bb::cases;
using namespace bb::cases::test;

TEST_CASE("family-1: creating a family stores it with its persons, in status Anfrage with a history entry") {
  CaseStore cs;
  auto id = store::create_family(
      cs.store, family("Müller"),
      {person(PersonRole::parent, "Anna", "1995-04-02"), person(PersonRole::child, "Emma", "2026-05-10"),
       person(PersonRole::expected_child, "", "", "2027-03-01")});
  REQUIRE(id.ok());
  auto f = store::load_family(cs.store, *id);
  REQUIRE(f.ok());
  CHECK(f->family_name == "Müller");
  CHECK(f->status == FamilyStatus::anfrage);
  CHECK(f->status_since == "2026-09-01");
  CHECK(f->companion == "Sabine Hofer");
  CHECK(f->created_at == "2026-11-20T10:00:00Z");
  auto persons = store::load_persons(cs.store, *id);
  REQUIRE(persons.ok());
  REQUIRE(persons->size() == 3);
  CHECK((*persons)[2].role == PersonRole::expected_child);
  CHECK((*persons)[2].due_date == "2027-03-01");
  auto history = store::load_status_history(cs.store, *id);
  REQUIRE(history.ok());
  REQUIRE(history->size() == 1);
  CHECK_FALSE(history->front().from.has_value());
  CHECK(history->front().to == FamilyStatus::anfrage);
}

TEST_CASE("family-2: editing a family changes its fields and updated_at but never its status") {
  CaseStore cs;
  auto id = store::create_family(cs.store, family("Meier"));
  REQUIRE(id.ok());
  set_fixed_clock("2026-11-20T11:30:00Z");
  auto in = family("Meyer");
  in.languages = "Deutsch, Türkisch";
  in.interpreter_needed = true;
  in.email = "familie.meyer@beispiel.at";
  REQUIRE(store::edit_family(cs.store, *id, in).ok());
  auto f = store::load_family(cs.store, *id);
  REQUIRE(f.ok());
  CHECK(f->family_name == "Meyer");
  CHECK(f->interpreter_needed);
  CHECK(f->updated_at == "2026-11-20T11:30:00Z");
  CHECK(f->created_at == "2026-11-20T10:00:00Z");
  CHECK(f->status == FamilyStatus::anfrage);
}

TEST_CASE("family-3: invalid family input is refused with the field and a German message, nothing saved") {
  CaseStore cs;
  auto in = family("  ");
  auto r = store::create_family(cs.store, in);
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "family_name");
  CHECK(r.error().text() == "Bitte geben Sie den Familiennamen ein.");
  in = family("Huber");
  in.email = "huber-at-beispiel";
  r = store::create_family(cs.store, in);
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "email");
  in = family("Huber");
  in.languages = "";
  in.interpreter_needed = true;
  r = store::create_family(cs.store, in);
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "languages");
  in = family("Huber");
  in.request_on = "2026-02-30";
  r = store::create_family(cs.store, in);
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "request_on");
  CHECK(r.error().text() == "Bitte wählen Sie ein gültiges Datum.");
  r = store::create_family(cs.store, family("Huber"), {person(PersonRole::child, "Ida")});
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "persons.0.birth_date");
  CHECK(cs.count("SELECT count(*) FROM families") == 0);
  // validate_family lists every wrong field at once, for the form.
  FamilyInput bad;
  bad.email = "x";
  bad.phone = "0664 12 34 abc";
  CHECK(validate_family(bad, kToday).size() == 3);
}

TEST_CASE(
    "family-4: the status runs Anfrage, Erstkontakt, laufende Begleitung, abgeschlossen and is recorded") {
  CaseStore cs;
  auto id = store::create_family(cs.store, family("Gruber"));
  REQUIRE(id.ok());
  make_ongoing(cs.store, *id);
  REQUIRE(store::close_family(cs.store, *id, "regulaer", "2026-11-15", "Ziele erreicht").ok());
  auto f = store::load_family(cs.store, *id);
  REQUIRE(f.ok());
  CHECK(f->status == FamilyStatus::abgeschlossen);
  CHECK(f->end_reason == "regulaer");
  CHECK(f->ended_on == "2026-11-15");
  auto history = store::load_status_history(cs.store, *id);
  REQUIRE(history.ok());
  REQUIRE(history->size() == 4);
  CHECK(*(*history)[3].from == FamilyStatus::laufend);
  CHECK((*history)[3].end_reason == "regulaer");
  CHECK((*history)[3].note == "Ziele erreicht");
}

TEST_CASE("family-5: closing needs an end reason from the list") {
  CaseStore cs;
  auto id = store::create_family(cs.store, family("Steiner"));
  REQUIRE(id.ok());
  auto r = store::close_family(cs.store, *id, "");
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "end_reason");
  CHECK(r.error().text() == "Bitte geben Sie an, warum die Begleitung endet.");
  r = store::close_family(cs.store, *id, "erfunden");
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "end_reason");
  CHECK(store::load_family(cs.store, *id)->status == FamilyStatus::anfrage);
  // Anfrage may close directly ("kein Bedarf").
  CHECK(store::close_family(cs.store, *id, "kein_bedarf").ok());
}

TEST_CASE("family-6: a closed family can be reopened, an open one cannot") {
  CaseStore cs;
  auto id = store::create_family(cs.store, family("Moser"));
  REQUIRE(id.ok());
  auto r = store::reopen_family(cs.store, *id);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(Str::case_err_not_closed));
  make_ongoing(cs.store, *id);
  REQUIRE(store::close_family(cs.store, *id, "wunsch", "2026-10-01").ok());
  REQUIRE(
      store::reopen_family(cs.store, *id, FamilyStatus::laufend, "2026-11-02", "Neue Schwangerschaft").ok());
  auto f = store::load_family(cs.store, *id);
  REQUIRE(f.ok());
  CHECK(f->status == FamilyStatus::laufend);
  CHECK(f->end_reason.empty());
  CHECK(f->ended_on.empty());
  CHECK(f->status_since == "2026-11-02");
  CHECK(store::load_status_history(cs.store, *id)->size() == 5);
}

TEST_CASE("family-7: steps backwards, repeated steps and dates before the last change are refused") {
  CaseStore cs;
  auto id = store::create_family(cs.store, family("Egger"));
  REQUIRE(id.ok());
  auto r = store::change_status(cs.store, *id, {FamilyStatus::anfrage, {}, {}, {}});
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "to");
  CHECK(r.error().text() == "Von „Anfrage“ aus ist dieser Schritt nicht möglich.");
  make_ongoing(cs.store, *id);
  r = store::change_status(cs.store, *id, {FamilyStatus::erstkontakt, {}, {}, {}});
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "to");
  r = store::close_family(cs.store, *id, "regulaer", "2026-09-01");  // before laufend (12.09.)
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "on");
  CHECK(r.error().text() == "Das Datum darf nicht vor dem 12.09.2026 liegen.");
  r = store::close_family(cs.store, *id, "regulaer", "2026-12-01");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(Str::case_err_date_in_future));
  CHECK(transition_allowed(FamilyStatus::abgeschlossen, FamilyStatus::erstkontakt));
  CHECK_FALSE(transition_allowed(FamilyStatus::abgeschlossen, FamilyStatus::anfrage));
}

TEST_CASE("family-8: deleting a family deletes everything recorded about it, and its search entry") {
  CaseStore cs;
  auto id =
      store::create_family(cs.store, family("Lechner"), {person(PersonRole::child, "Ben", "2026-01-01")});
  auto other = store::create_family(cs.store, family("Auer"));
  REQUIRE(id.ok());
  REQUIRE(other.ok());
  make_ongoing(cs.store, *id);
  auto c = contact("2026-11-01", "Ben krabbelt schon.");
  REQUIRE(store::add_contact(cs.store, *id, c).ok());
  GoalInput g;
  g.title = "Ben schläft durch";
  REQUIRE(store::add_goal(cs.store, *id, g).ok());
  REQUIRE(store::record_assessment(cs.store, *id,
                                   {"2026-11-01", AssessmentOccasion::intake, {{"wohnen", 2, ""}}, ""})
              .ok());
  REQUIRE(store::set_responsibility(cs.store, *id, {"wohnen", Party::familie, "", ""}).ok());
  REQUIRE(store::delete_family(cs.store, *id).ok());
  for (const char* table :
       {"persons", "status_changes", "contacts", "contact_topics", "contact_persons", "goals", "goal_history",
        "assessments", "assessment_ratings", "responsibilities"}) {
    CAPTURE(table);
    CHECK(cs.count(std::string("SELECT count(*) FROM ") + table +
                   (std::string(table) == "contact_topics" || std::string(table) == "contact_persons" ||
                            std::string(table) == "goal_history" || std::string(table) == "assessment_ratings"
                        ? ""
                        : " WHERE family_id = " + std::to_string(*id))) == 0);
  }
  CHECK(store::search_families(cs.store, "krabbelt")->total == 0);
  CHECK(store::load_family(cs.store, *other).ok());
  CHECK(store::delete_family(cs.store, *id).error().is(Str::case_err_not_found));
}

TEST_CASE("family-9: catalogue codes must be active entries; an old value stays valid for its record") {
  CaseStore cs;
  auto in = family("Wallner");
  in.access_route = "brieftaube";
  auto r = store::create_family(cs.store, in);
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "access_route");
  CHECK(r.error().text() == "„brieftaube“ steht nicht (mehr) in der Auswahlliste.");
  auto id = store::create_family(cs.store, family("Wallner"));
  REQUIRE(id.ok());
  REQUIRE(store::set_catalog_entry(cs.store, {"access_route", "hebamme", "Hebamme", 3, false}).ok());
  CHECK(store::edit_family(cs.store, *id, family("Wallner")).ok());    // unchanged old value
  CHECK_FALSE(store::create_family(cs.store, family("Aigner")).ok());  // new use refused
  auto list = store::load_catalog(cs.store, "access_route");
  REQUIRE(list.ok());
  CHECK(std::none_of(list->begin(), list->end(), [](const CatalogEntry& e) { return e.code == "hebamme"; }));
  REQUIRE(store::set_catalog_entry(cs.store, {"access_route", "familienzentrum", "Familienzentrum", 12, true})
              .ok());
  auto with_new = family("Aigner");
  with_new.access_route = "familienzentrum";
  CHECK(store::create_family(cs.store, with_new).ok());
  CHECK_FALSE(store::set_catalog_entry(cs.store, {"access_route", "x", " ", 1, true}).ok());
}

TEST_CASE(
    "person-1: an expected child needs an Entbindungstermin, a child a birth date, neither in the wrong "
    "place") {
  CaseStore cs;
  auto id = store::create_family(cs.store, family("Ebner"));
  REQUIRE(id.ok());
  auto r = store::add_person(cs.store, *id, person(PersonRole::expected_child, ""));
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "due_date");
  r = store::add_person(cs.store, *id, person(PersonRole::expected_child, "", "2026-01-01", "2027-01-01"));
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "birth_date");
  r = store::add_person(cs.store, *id, person(PersonRole::child, "Mila"));
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "birth_date");
  r = store::add_person(cs.store, *id, person(PersonRole::child, "Mila", "2027-01-01"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(Str::case_err_date_in_future));
  r = store::add_person(cs.store, *id, person(PersonRole::parent, "Eva", {}, "2027-01-01"));
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "due_date");
  r = store::add_person(cs.store, *id, person(PersonRole::parent, ""));
  REQUIRE_FALSE(r.ok());
  CHECK(invalid_field(r.error()) == "first_name");
  CHECK(store::add_person(cs.store, *id, person(PersonRole::expected_child, "", "", "2027-02-14")).ok());
}

TEST_CASE("person-2: persons are added, edited (the expected child is born) and removed") {
  CaseStore cs;
  auto id = store::create_family(cs.store, family("Koller"), {person(PersonRole::parent, "Lena")});
  REQUIRE(id.ok());
  make_ongoing(cs.store, *id);
  auto baby = store::add_person(cs.store, *id, person(PersonRole::expected_child, "", "", "2026-11-30"));
  REQUIRE(baby.ok());
  REQUIRE(store::edit_person(cs.store, *baby, person(PersonRole::child, "Theo", "2026-11-18")).ok());
  auto persons = store::load_persons(cs.store, *id);
  REQUIRE(persons.ok());
  CHECK(persons->back().first_name == "Theo");
  CHECK(persons->back().due_date.empty());
  auto c = contact("2026-11-19", "Erster Besuch nach der Geburt.");
  c.present = {persons->front().id, *baby};
  auto cid = store::add_contact(cs.store, *id, c);
  REQUIRE(cid.ok());
  REQUIRE(store::remove_person(cs.store, *baby).ok());
  CHECK(store::load_persons(cs.store, *id)->size() == 1);
  CHECK(store::load_contact(cs.store, *cid)->present == std::vector<int64_t>{persons->front().id});
  CHECK(store::remove_person(cs.store, *baby).error().is(Str::case_err_not_found));
}
