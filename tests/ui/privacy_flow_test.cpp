// Focus: what the family and the organisation see of their data (issue 7)
// headless with a real encrypted store — the Offenlegungsprotokoll empty and
// printable, the Auskunft with every section and its print, the retention
// period that is unset until the organisation sets it (the settings say so),
// the list of cases due for deletion, and the deletion only after the
// confirmation naming the family. docs/ui.md "Kinderschutz,
// Offenlegungsprotokoll, Auskunft, Aufbewahrung".
#include <doctest/doctest.h>

#include <string>

#include "case_host.h"
#include "core/cases.h"
#include "platform/platform.h"
#include "platform/print.h"
#include "store/cases.h"
#include "ui/widget_registry.h"

using namespace bb;
using namespace bb::ui;

namespace {

struct PrivacyHost : test::CaseHost {
  PrivacyHost() : CaseHost((test::german(), 6400.0f)) {}  // German before the app starts

  // A family; `closed_days_ago` > 0: its Begleitung ended that many days ago.
  int64_t family(const std::string& name, int closed_days_ago = 0) {
    int64_t id = 0;
    REQUIRE(session
                .act_on_store(Str::action_family_create,
                              [&](store::Store& db) -> Status {
                                cases::FamilyInput f;
                                f.family_name = name;
                                f.request_on = cases::add_days(cases::today(), -900);
                                f.address = "Am Mühlbach 3 & 5";
                                cases::PersonInput mother;
                                mother.first_name = "Edda";
                                auto created = store::create_family(db, f, {mother});
                                if (!created.ok()) return created.error();
                                id = *created;
                                if (closed_days_ago <= 0) return {};
                                return store::close_family(db, id, "regulaer",
                                                           cases::add_days(cases::today(), -closed_days_ago));
                              })
                .ok());
    return id;
  }
};

}  // namespace

TEST_CASE("privacy-ui-1: the Offenlegungsprotokoll of a family without disclosures says so and prints") {
  PrivacyHost host;
  host.family("Wendeborn");
  REQUIRE(host.tap("nav.families"));
  REQUIRE(host.tap("families.row.0"));
  REQUIRE(host.tap("overview.privacy.log"));
  CHECK(host.label("log") == "Offenlegungsprotokoll");
  CHECK(host.label("log.empty") == "keine Einträge");
  REQUIRE(host.tap("log.print"));
  const std::string html = platform::last_printed_html();
  CHECK(html.find("<title>Offenlegungsprotokoll</title>") != std::string::npos);
  CHECK(html.find("Wendeborn") != std::string::npos);
  REQUIRE(host.tap("log.back"));
  CHECK(host.widget("overview.privacy.log"));
}

TEST_CASE("privacy-ui-2: the Auskunft shows everything stored about the family and prints it escaped") {
  PrivacyHost host;
  host.family("Wendeborn");
  REQUIRE(host.tap("nav.families"));
  REQUIRE(host.tap("families.row.0"));
  REQUIRE(host.tap("overview.privacy.auskunft"));
  CHECK(host.has("ausk.section.", "Personen"));
  CHECK(host.has("ausk.section.", "Offenlegungsprotokoll"));
  CHECK(host.has("ausk.section.", "Kinderschutz"));
  CHECK(host.has("ausk.section.", "Edda"));
  CHECK(host.has("ausk.section.", "Am Mühlbach 3 & 5"));
  REQUIRE(host.tap("ausk.print"));
  const std::string html = platform::last_printed_html();
  CHECK(html.find("Auskunft über die gespeicherten Daten") != std::string::npos);
  CHECK(html.find("Am Mühlbach 3 &amp; 5") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE(
    "privacy-ui-3: no retention period until the organisation sets one; then the closed case past it is "
    "listed and deleted only after the confirmation") {
  PrivacyHost host;
  host.family("Wendeborn", 400);  // closed 400 days ago
  host.family("Ostermeier");      // in Begleitung
  REQUIRE(host.tap("nav.settings"));
  CHECK(host.label("settings.org.retention.state").find("noch keine Aufbewahrungsfrist") !=
        std::string::npos);
  CHECK_FALSE(host.widget("settings.org.due.0"));
  CHECK(host.widget("settings.org.jurisdiction.unset"));

  // Zero months is refused with the core's reason.
  REQUIRE(host.type("settings.org.retention", "0"));
  REQUIRE(host.tap("settings.org.retention.save"));
  CHECK(host.label("settings.org.message").find("mindestens einen Monat") != std::string::npos);

  REQUIRE(host.tap("settings.org.retention"));
  host.app.key("Backspace", "Backspace", true, false, false, false, false);
  host.app.key("Backspace", "Backspace", false, false, false, false, false);
  host.frames(3);
  CHECK(host.label("settings.org.retention").empty());
  REQUIRE(host.type("settings.org.retention", "12"));
  REQUIRE(host.tap("settings.org.retention.save"));
  CHECK(host.label("settings.org.retention.state").find("12 Monate") != std::string::npos);
  CHECK(host.label("settings.org.due.0").find("Wendeborn") != std::string::npos);
  CHECK_FALSE(host.widget("settings.org.due.1"));  // the open case is not due

  // The first tap only asks; "Abbrechen" keeps the family.
  REQUIRE(host.tap("settings.org.due.0.erase"));
  CHECK(host.label("settings.org.erase.ask").find("Wendeborn") != std::string::npos);
  REQUIRE(host.tap("settings.org.erase.cancel"));
  CHECK(host.families() == 2);
  REQUIRE(host.tap("settings.org.due.0.erase"));
  REQUIRE(host.tap("settings.org.erase.confirm"));
  CHECK(host.families() == 1);
  CHECK(host.label("settings.org.message") == "Die Familie wurde endgültig gelöscht.");
  CHECK(host.widget("settings.org.due.none"));

  // Removing the period: nothing is due any more, and the card says so again.
  REQUIRE(host.tap("settings.org.retention.clear"));
  CHECK(host.label("settings.org.retention.state").find("noch keine Aufbewahrungsfrist") !=
        std::string::npos);
}

TEST_CASE("privacy-ui-4: deleting the family the case screens show takes it off them too") {
  PrivacyHost host;
  host.family("Wendeborn", 400);
  REQUIRE(host.tap("nav.families"));
  REQUIRE(host.tap("families.row.0"));
  REQUIRE(host.tap("overview.child_protection.open"));
  REQUIRE(host.tap("nav.settings"));
  REQUIRE(host.type("settings.org.retention", "6"));
  REQUIRE(host.tap("settings.org.retention.save"));
  REQUIRE(host.tap("settings.org.due.0.erase"));
  REQUIRE(host.tap("settings.org.erase.confirm"));
  CHECK(host.families() == 0);
  CHECK(host.label("settings.org.message") == "Die Familie wurde endgültig gelöscht.");
  REQUIRE(host.forms_cases() != nullptr);
  CHECK(host.forms_cases()->view == CaseView::list);
  CHECK(host.forms_cases()->family_id == 0);
  CHECK_FALSE(host.forms_cases()->overview.has_value());
  REQUIRE(host.tap("nav.families"));
  CHECK_FALSE(host.widget("families.row.0"));
}
