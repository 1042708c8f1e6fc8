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

TEST_CASE(
    "case-draft-3: the Einwilligung and the Familie-informiert forms come back from their drafts unchanged") {
  CaseDraft d;
  d.family_id = 42;
  d.form = DraftForm::consent;
  d.consent.person = 3;
  d.consent.purpose = rules::Purpose::vermittlung;
  d.consent.recipient = {rules::RecipientKind::netzwerkpartner, 9, "Schreiambulanz Nordstadt"};
  d.consent.categories = {rules::DataCategory::stammdaten, rules::DataCategory::gesundheit};
  d.consent.given_on = rules::Date::ymd(2026, 11, 30);
  d.consent.form = rules::ConsentForm::muendlich;
  d.consent.witness = "Frau Okonkwo";
  d.consent.valid_until = rules::Date::ymd(2027, 5, 31);
  d.consent.note = "am Küchentisch besprochen";
  auto c = roundtrip(d);
  CHECK(c.form == DraftForm::consent);
  CHECK(c.family_id == 42);
  CHECK(c.consent.person == 3);
  CHECK(c.consent.purpose == rules::Purpose::vermittlung);
  CHECK(c.consent.recipient.kind == rules::RecipientKind::netzwerkpartner);
  CHECK(c.consent.recipient.partner == std::optional<int64_t>(9));
  CHECK(c.consent.recipient.name == "Schreiambulanz Nordstadt");
  CHECK(c.consent.categories == d.consent.categories);
  CHECK(c.consent.given_on == d.consent.given_on);
  CHECK(c.consent.form == rules::ConsentForm::muendlich);
  CHECK(c.consent.witness == "Frau Okonkwo");
  CHECK(c.consent.valid_until == d.consent.valid_until);
  CHECK(c.consent.note == "am Küchentisch besprochen");

  d.consent.recipient = {rules::RecipientKind::kjh, std::nullopt, ""};
  d.consent.valid_until.reset();
  d.consent.form = rules::ConsentForm::schriftlich;
  auto open = roundtrip(d);
  CHECK_FALSE(open.consent.recipient.partner.has_value());
  CHECK_FALSE(open.consent.valid_until.has_value());
  CHECK(open.consent.form == rules::ConsentForm::schriftlich);

  d.form = DraftForm::information;
  d.information.informed_on = rules::Date::ymd(2026, 12, 1);
  d.information.person = 4;
  d.information.cooperation_with = {rules::RecipientKind::kjh, std::nullopt, "Jugendamt Nordstadt"};
  d.information.purpose = "Fallbezogene Abstimmung";
  d.information.content = "Stand der Begleitung";
  d.information.how = "im Gespräch";
  auto i = roundtrip(d);
  CHECK(i.form == DraftForm::information);
  CHECK(i.information.informed_on == d.information.informed_on);
  CHECK(i.information.person == std::optional<int64_t>(4));
  CHECK(i.information.cooperation_with.name == "Jugendamt Nordstadt");
  CHECK(i.information.purpose == "Fallbezogene Abstimmung");
  CHECK(i.information.content == "Stand der Begleitung");
  CHECK(i.information.how == "im Gespräch");
}

TEST_CASE("case-draft-4: a consent draft with an unknown category, a bad date or no family is refused") {
  CaseDraft d;
  d.family_id = 42;
  d.form = DraftForm::consent;
  d.consent.categories = {rules::DataCategory::kontakte};
  d.consent.given_on = rules::Date::ymd(2026, 11, 30);
  const std::string good = case_draft_to_json(d);
  REQUIRE(case_draft_from_json(good).ok());  // control
  auto refused = [](std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    auto r = case_draft_from_json(text);
    return !r.ok() && r.error().message == Str::draft_unreadable;
  };
  CHECK(refused(good, "\"kontakte\"", "\"erfunden\""));
  CHECK(refused(good, "\"2026-11-30\"", "\"2026-02-30\""));
  CHECK(refused(good, "\"family_id\":42", "\"family_id\":0"));
  CHECK(refused(good, "\"form\":\"schriftlich\"", "\"form\":\"per Post\""));
  CHECK(refused(good, "\"partner\":null", "\"partner\":-1"));
}
