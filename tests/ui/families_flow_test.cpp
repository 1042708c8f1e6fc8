// Focus: the case-documentation screens on screen (issue 5), headless with a
// real encrypted store: creating a family with persons through the form, the
// core's German messages next to their fields, the leave guard for unsaved
// input, documenting a home visit that the search then finds, the clipper of
// the family list, the date picker, and locking destroying the screens' state.
// docs/ui.md "Case documentation".
#include <doctest/doctest.h>

#include <string>

#include "case_host.h"
#include "core/cases.h"
#include "platform/platform.h"
#include "store/case_demo.h"
#include "store/cases.h"
#include "ui/screens/case_ui.h"
#include "ui/widget_registry.h"

using namespace bb;
using namespace bb::ui;
using bb::ui::test::HeadlessHost;

using bb::ui::test::CaseHost;
using bb::ui::test::fill_new_family;
using bb::ui::test::german;

TEST_CASE(
    "families-ui-1: a family with a child and an expected child is created from the form in one action") {
  german();
  CaseHost host;
  fill_new_family(host);
  const uint64_t before = host.session.save_status().accepted;
  REQUIRE(host.tap("family.save"));
  CHECK(host.session.save_status().accepted == before + 1);  // one action = one commit
  CHECK(host.families() == 1);
  REQUIRE(host.widget("overview.header"));
  CHECK(host.label("overview.header").find("Brunnhuber-Öztürk") != std::string::npos);
  CHECK(host.label("overview.child.0").find("Mira") != std::string::npos);
  CHECK(host.label("overview.child.1").find("Baby") != std::string::npos);
  CHECK(host.label("overview.child.1").find("ET") != std::string::npos);
  CHECK(host.label("overview.status").find("Anfrage") != std::string::npos);
}

TEST_CASE("families-ui-2: the core's German message appears next to the wrong field and nothing is saved") {
  german();
  CaseHost host;
  REQUIRE(host.tap("nav.families"));
  REQUIRE(host.tap("families.new"));
  REQUIRE(host.tap("family.add_person"));
  REQUIRE(host.tap("family.person.0.role.child"));
  REQUIRE(host.type("family.person.0.first_name", "Jonas"));
  REQUIRE(host.type("family.email", "kein-at-zeichen"));
  const uint64_t before = host.session.save_status().accepted;
  REQUIRE(host.tap("family.save"));
  CHECK(host.label("family.name.error") == "Bitte geben Sie den Familiennamen ein.");
  CHECK(host.label("family.person.0.birth_date.error") == "Bitte geben Sie das Geburtsdatum des Kindes an.");
  CHECK(host.label("family.email.error").find("E-Mail-Adresse") != std::string::npos);
  CHECK(host.label("form.error") == "Bitte prüfen Sie die markierten Angaben.");
  CHECK(host.session.save_status().accepted == before);
  CHECK(host.families() == 0);
  // The input stays for correction.
  REQUIRE(host.type("family.name", "Kowalczyk"));
  REQUIRE(host.type_date("family.person.0.birth_date", "03.05.2025"));
  REQUIRE(host.tap("family.save"));
  CHECK(host.label("family.name.error").empty());
  CHECK(host.label("family.email.error").find("E-Mail-Adresse") != std::string::npos);
  CHECK(host.families() == 0);
  CHECK(host.forms_cases()->family.family_name == "Kowalczyk");
}

TEST_CASE("families-ui-3: leaving a form with unsaved changes asks first; keep editing keeps the input") {
  german();
  CaseHost host;
  REQUIRE(host.tap("nav.families"));
  REQUIRE(host.tap("families.new"));
  REQUIRE(host.type("family.name", "Halvorsen"));
  // The navigation asks …
  REQUIRE(host.tap("nav.settings"));
  CHECK(std::string(host.app.screen_name()) == "families");
  REQUIRE(host.widget("form.leave.title"));
  REQUIRE(host.tap("form.leave.stay"));
  CHECK(host.widget("form.leave.title") == nullptr);
  REQUIRE(host.widget("family.name"));
  // … and so does "Abbrechen"; "Verwerfen" leaves without saving.
  REQUIRE(host.tap("family.title.cancel"));
  REQUIRE(host.widget("form.leave.discard"));
  REQUIRE(host.tap("form.leave.discard"));
  CHECK(host.widget("families.new") != nullptr);
  CHECK(host.families() == 0);
  // An untouched form leaves without asking.
  REQUIRE(host.tap("families.new"));
  REQUIRE(host.tap("nav.settings"));
  CHECK(std::string(host.app.screen_name()) == "settings");
}

TEST_CASE(
    "families-ui-4: a home visit with two topics and a note is in the timeline and found by a word of the "
    "note") {
  german();
  CaseHost host;
  fill_new_family(host);
  REQUIRE(host.tap("family.save"));
  REQUIRE(host.tap("overview.add_contact"));
  REQUIRE(host.label("contact.kind").empty());  // a field: no personal label
  REQUIRE(host.tap("contact.topic.schlafen"));
  REQUIRE(host.tap("contact.topic.stillen"));
  REQUIRE(host.tap("contact.present.0"));
  REQUIRE(host.type("contact.note", "Mira schläft unruhig, Übergabe an die Großmutter geübt."));
  REQUIRE(host.type("contact.next_steps", "Schlafprotokoll führen"));
  REQUIRE(host.tap("contact.save"));
  CHECK(host.label("overview.notice") == "Gespeichert.");
  const std::string entry = host.label("overview.timeline.0");
  CHECK(entry.find("Hausbesuch") != std::string::npos);
  CHECK(entry.find("Schlafen") != std::string::npos);
  CHECK(entry.find("Stillen") != std::string::npos);
  CHECK(host.label("overview.step.0").find("Schlafprotokoll") != std::string::npos);
  // The list's search: other case, no umlauts, results as you type.
  REQUIRE(host.tap("overview.back"));
  REQUIRE(host.type("families.search", "UBERGABE"));
  CHECK(host.label("families.count") == "1 Familien");
  CHECK(host.label("families.row.0") == "Brunnhuber-Öztürk");
  REQUIRE(host.tap("families.row.0"));
  // A correction of the visit through the timeline.
  REQUIRE(host.tap("overview.timeline.0"));
  REQUIRE(host.tap("contact.topic.bindung"));
  REQUIRE(host.tap("contact.save"));
  CHECK(host.label("overview.timeline.0").find("Bindung") != std::string::npos);
}

TEST_CASE("families-ui-5: the family list draws only the rows on screen, even for 2,000 families") {
  german();
  HeadlessHost host(1024, 1366, 1, true);
  store::DemoOptions options;
  options.families = 2000;
  options.contacts_per_family = 2;
  REQUIRE(host.session
              .act_on_store(Str::action_test_write,
                            [&](store::Store& s) -> Status {
                              auto r = store::generate_demo(s, options);
                              if (!r.ok()) return r.error();
                              return {};
                            })
              .ok());
  REQUIRE(host.tap("nav.families"));
  CHECK(host.label("families.count") == "2000 Familien");
  int rows = 0;
  for (const auto& w : widget_registry().widgets())
    if (w.id.rfind("families.row.", 0) == 0) ++rows;
  CHECK(rows > 3);
  CHECK(rows < 40);
}

TEST_CASE("families-ui-6: the date picker takes a typed German date and a tapped calendar day") {
  german();
  CaseHost host;
  REQUIRE(host.tap("nav.families"));
  REQUIRE(host.tap("families.new"));
  REQUIRE(host.tap("family.add_person"));
  REQUIRE(host.tap("family.person.0.role.child"));
  REQUIRE(host.type_date("family.person.0.birth_date", "7.1.2025"));
  CHECK(host.widget("family.person.0.birth_date.popup") == nullptr);
  CHECK(host.forms_cases()->persons[0].birth_date == "2025-01-07");
  REQUIRE(host.tap("family.person.0.birth_date"));
  CHECK(host.label("family.person.0.birth_date.month") == "Januar 2025");
  REQUIRE(host.tap("family.person.0.birth_date.next"));
  CHECK(host.label("family.person.0.birth_date.month") == "Februar 2025");
  REQUIRE(host.tap("family.person.0.birth_date.day.28"));
  CHECK(host.forms_cases()->persons[0].birth_date == "2025-02-28");
  // Not a date: no "Übernehmen", a hint instead.
  REQUIRE(host.tap("family.person.0.birth_date"));
  REQUIRE(host.type("family.person.0.birth_date.typed", "31.02.2025"));
  CHECK(host.widget("family.person.0.birth_date.use") == nullptr);
}

TEST_CASE("families-ui-7: locking destroys the case screens' state with everything personal in it") {
  german();
  CaseHost host;
  fill_new_family(host);
  REQUIRE(host.tap("family.save"));
  REQUIRE(host.forms_cases() != nullptr);
  REQUIRE(host.tap("nav.lock"));
  CHECK(host.forms_cases() == nullptr);
  CHECK(host.widget("overview.header") == nullptr);
}

TEST_CASE(
    "families-ui-8: goals keep their history, assessments show the change, responsibilities, close and "
    "reopen") {
  german();
  CaseHost host;
  fill_new_family(host);
  REQUIRE(host.tap("family.save"));
  // A goal from the family's perspective, then changed with a reason.
  REQUIRE(host.tap("overview.add_goal"));
  REQUIRE(host.type("goal.text", "Mira schläft in ihrem eigenen Bett ein"));
  REQUIRE(host.tap("goal.save"));
  CHECK(host.label("overview.goal.0").find("Familie") != std::string::npos);
  REQUIRE(host.tap("overview.goal.0"));
  REQUIRE(host.tap("goal.status.in_arbeit"));
  REQUIRE(host.type("goal.comment", "Abendritual eingeführt"));
  REQUIRE(host.tap("goal.save"));
  CHECK(host.label("overview.goal.0").find("In Arbeit") != std::string::npos);
  REQUIRE(host.tap("overview.goal.0"));
  CHECK(host.label("goal.history.1").find("Abendritual eingeführt") != std::string::npos);
  REQUIRE(host.tap("goal.title.cancel"));  // untouched: leaves without asking
  // Two assessments of one item: the overview shows the latest, the first and the change.
  REQUIRE(host.tap("overview.add_assessment"));
  REQUIRE(host.tap("assessment.versorgung.2"));
  REQUIRE(host.tap("assessment.save"));
  REQUIRE(host.tap("overview.add_assessment"));
  REQUIRE(host.tap("assessment.versorgung.4"));
  REQUIRE(host.tap("assessment.save"));
  CHECK(host.label("overview.instrument.0").find("Ressource") != std::string::npos);
  CHECK(host.label("overview.instrument.0").find("zu Beginn: Bedarf, +2") != std::string::npos);
  // An empty assessment is refused with the core's message.
  REQUIRE(host.tap("overview.add_assessment"));
  REQUIRE(host.tap("assessment.save"));
  CHECK(host.label("assessment.ratings.error") == "Bitte schätzen Sie mindestens einen Bereich ein.");
  REQUIRE(host.tap("assessment.title.cancel"));
  // A responsibility per topic.
  REQUIRE(host.tap("overview.add_responsibility"));
  REQUIRE(host.tap("responsibility.topic"));
  REQUIRE(host.tap("responsibility.topic.wohnen"));
  REQUIRE(host.tap("responsibility.party.kjh"));
  REQUIRE(host.type("responsibility.who", "Frau Aydın"));
  REQUIRE(host.tap("responsibility.save"));
  CHECK(host.label("overview.responsibility.0").find("Wohnen") != std::string::npos);
  CHECK(host.label("overview.responsibility.0").find("Frau Aydın") != std::string::npos);
  // Closing needs an end reason; then no new contact; reopening brings it back.
  REQUIRE(host.tap("overview.status_change"));
  REQUIRE(host.tap("status.to.abgeschlossen"));
  REQUIRE(host.tap("status.save"));
  CHECK(host.label("status.end_reason.error") == "Bitte geben Sie an, warum die Begleitung endet.");
  REQUIRE(host.tap("status.end_reason"));
  REQUIRE(host.tap("status.end_reason.wunsch"));
  REQUIRE(host.tap("status.save"));
  CHECK(host.label("overview.status").find("Abgeschlossen") != std::string::npos);
  CHECK(host.widget("overview.add_contact") == nullptr);
  REQUIRE(host.tap("overview.status_change"));
  REQUIRE(host.tap("status.save"));
  CHECK(host.label("overview.status").find("Laufende Begleitung") != std::string::npos);
  CHECK(host.widget("overview.add_contact") != nullptr);
}

TEST_CASE(
    "families-ui-9: a topic added in the settings' lists appears in the contact form; switched off, it is "
    "gone") {
  german();
  CaseHost host;
  fill_new_family(host);
  REQUIRE(host.tap("family.save"));
  REQUIRE(host.tap("nav.settings"));
  REQUIRE(host.tap("settings.catalog.kind"));
  REQUIRE(host.tap("settings.catalog.kind.2"));  // Themen
  REQUIRE(host.type("settings.catalog.new", "Geschwisterkinder"));
  REQUIRE(host.tap("settings.catalog.add"));
  REQUIRE(host.widget("settings.catalog.entry.geschwisterkinder"));
  REQUIRE(host.tap("nav.families"));
  REQUIRE(host.tap("overview.add_contact"));
  CHECK(host.label("contact.topic.geschwisterkinder").find("Geschwisterkinder") != std::string::npos);
  REQUIRE(host.tap("contact.title.cancel"));
  REQUIRE(host.tap("nav.settings"));
  REQUIRE(host.tap("settings.catalog.entry.geschwisterkinder"));  // switch off
  REQUIRE(host.tap("nav.families"));
  REQUIRE(host.tap("overview.add_contact"));
  CHECK(host.widget("contact.topic.geschwisterkinder") == nullptr);
}

TEST_CASE("families-ui-10: the list filters by next appointment: within 7 days, or none") {
  german();
  CaseHost host;
  fill_new_family(host);
  REQUIRE(host.tap("family.save"));
  REQUIRE(host.tap("overview.add_contact"));
  REQUIRE(host.type_date("contact.next_appointment", cases::german_date(cases::add_days(cases::today(), 3))));
  REQUIRE(host.tap("contact.save"));
  REQUIRE(host.tap("overview.back"));
  REQUIRE(host.tap("families.new"));
  REQUIRE(host.type("family.name", "Ohnetermin"));
  REQUIRE(host.tap("family.save"));
  REQUIRE(host.tap("overview.back"));
  CHECK(host.label("families.count") == "2 Familien");
  REQUIRE(host.tap("families.filter.visit_soon"));
  CHECK(host.label("families.count") == "1 Familien");
  CHECK(host.label("families.row.0") == "Brunnhuber-Öztürk");
  REQUIRE(host.tap("families.filter.no_visit"));
  CHECK(host.label("families.count") == "1 Familien");
  CHECK(host.label("families.row.0") == "Ohnetermin");
}
