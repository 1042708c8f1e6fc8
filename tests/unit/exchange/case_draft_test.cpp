// The form draft kept across the lock (src/exchange/case_draft.h): every form
// goes through its JSON unchanged, and the reader refuses what it did not write.
#include <doctest/doctest.h>

#include "exchange/case_draft.h"

using namespace bb;
using namespace bb::exchange;

namespace {

CaseDraft roundtrip(const CaseDraft& d) {
  auto back = case_draft_from_json(case_draft_to_json(d));
  REQUIRE(back.ok());
  return *back;
}

}  // namespace

TEST_CASE("case-draft-1: every form's input comes back from its draft unchanged") {
  CaseDraft d;
  d.family_id = 42;
  d.edit_id = 7;

  d.form = DraftForm::family;
  d.input.family.family_name = "Brunnhuber-Öztürk";
  d.input.family.interpreter_needed = true;
  d.input.family.languages = "Deutsch, Türkisch";
  cases::PersonInput child;
  child.role = cases::PersonRole::expected_child;
  child.first_name = "Baby";
  child.due_date = "2026-12-24";
  d.input.persons = {child};
  auto f = roundtrip(d);
  CHECK(f.form == DraftForm::family);
  CHECK(f.family_id == 42);
  CHECK(f.edit_id == 7);
  CHECK(f.input.family.family_name == "Brunnhuber-Öztürk");
  CHECK(f.input.family.interpreter_needed);
  REQUIRE(f.input.persons.size() == 1);
  CHECK(f.input.persons[0].role == cases::PersonRole::expected_child);
  CHECK(f.input.persons[0].due_date == "2026-12-24");

  d.form = DraftForm::contact;
  d.input.contact.note = "Notiz mit „Anführungszeichen“ und \"quotes\"\nzweite Zeile";
  d.input.contact.present = {3, 5};
  d.input.contact.topics = {"schlafen", "stillen"};
  d.input.contact.duration_min = 90;
  auto c = roundtrip(d);
  CHECK(c.input.contact.note == d.input.contact.note);
  CHECK(c.input.contact.present == d.input.contact.present);
  CHECK(c.input.contact.topics == d.input.contact.topics);
  CHECK(c.input.contact.duration_min == 90);
  CHECK(c.input.family.family_name.empty());  // only the form's own input is kept

  d.form = DraftForm::goal;
  d.input.goal.perspective = cases::Perspective::kjh;
  d.input.goal.status = cases::GoalStatus::teilweise;
  d.input.goal.title = "Tagesstruktur";
  auto g = roundtrip(d);
  CHECK(g.input.goal.perspective == cases::Perspective::kjh);
  CHECK(g.input.goal.status == cases::GoalStatus::teilweise);
  CHECK(g.input.goal.title == "Tagesstruktur");

  d.form = DraftForm::assessment;
  d.input.assessment.occasion = cases::AssessmentOccasion::intake;
  d.input.assessment.ratings = {{"wohnen", 2, "eng"}, {"netzwerk", 4, ""}};
  auto a = roundtrip(d);
  REQUIRE(a.input.assessment.ratings.size() == 2);
  CHECK(a.input.assessment.ratings[0].item == "wohnen");
  CHECK(a.input.assessment.ratings[0].rating == 2);
  CHECK(a.input.assessment.ratings[0].comment == "eng");
  CHECK(a.input.assessment.occasion == cases::AssessmentOccasion::intake);

  d.form = DraftForm::status;
  d.input.status.to = cases::FamilyStatus::abgeschlossen;
  d.input.status.end_reason = "ziele_erreicht";
  auto s = roundtrip(d);
  CHECK(s.input.status.to == cases::FamilyStatus::abgeschlossen);
  CHECK(s.input.status.end_reason == "ziele_erreicht");

  d.form = DraftForm::responsibility;
  d.input.responsibility.topic = "wohnen";
  d.input.responsibility.party = cases::Party::kjh;
  d.input.responsibility.who = "Frau Aydın";
  auto r = roundtrip(d);
  REQUIRE(r.input.responsibility.party.has_value());
  CHECK(*r.input.responsibility.party == cases::Party::kjh);
  d.input.responsibility.party.reset();
  CHECK_FALSE(roundtrip(d).input.responsibility.party.has_value());

  d.form = DraftForm::person;
  d.input.person.first_name = "Selin";
  d.input.person.role = cases::PersonRole::caregiver;
  auto p = roundtrip(d);
  CHECK(p.input.person.first_name == "Selin");
  CHECK(p.input.person.role == cases::PersonRole::caregiver);
}

TEST_CASE("case-draft-2: a draft the app did not write is refused with a German message, never half-read") {
  CaseDraft d;
  d.form = DraftForm::contact;
  d.input.contact.note = "x";
  const std::string good = case_draft_to_json(d);
  auto refused = [](const std::string& text) {
    auto r = case_draft_from_json(text);
    return !r.ok() && r.error().message == Str::draft_unreadable;
  };
  CHECK(refused(""));
  CHECK(refused("[]"));
  CHECK(refused("{\"format\":\"begleitbuch-draft\"}"));
  std::string newer = good;
  newer.replace(newer.find("\"version\":1"), 11, "\"version\":2");
  CHECK(refused(newer));
  std::string wrong_type = good;
  wrong_type.replace(wrong_type.find("\"duration_min\":60"), 17, "\"duration_min\":\"60\"");
  CHECK(refused(wrong_type));
  std::string unknown_form = good;
  unknown_form.replace(unknown_form.find("\"form\":\"contact\""), 16, "\"form\":\"unknown\"");
  CHECK(refused(unknown_form));
  CHECK(refused(std::string("{\"format\":\"begleitbuch-draft\xff\"}")));
  CHECK(refused(std::string(2 * 1024 * 1024, ' ')));
  CHECK(case_draft_from_json(good).ok());  // control
}
