// Focus: the backup reminder in the settings (issue 8, "Sicherung"), headless
// with a real encrypted store: no backup yet means a reminder is due; the
// number of days is a setting; a recorded backup ends the reminder.
// docs/exchange.md "Reminder".
#include <doctest/doctest.h>

#include <string>

#include "core/cases.h"
#include "exchange/backup.h"
#include "headless_host.h"
#include "platform/platform.h"

using namespace bb;
using bb::ui::test::HeadlessHost;

TEST_CASE(
    "backup-ui-1: the settings show that a backup is due until one is recorded, and the reminder days are a "
    "setting") {
  platform::save_preference("language", "de");
  HeadlessHost host(1024, 5200, 1, true);
  REQUIRE(host.tap("nav.settings"));
  CHECK(host.label("settings.backup.last") == "Es gibt noch keine Sicherung.");
  REQUIRE(host.widget("settings.backup.due"));
  CHECK(host.label("settings.backup.due").find("30 Tagen") != std::string::npos);

  REQUIRE(host.tap("settings.backup.remind.7"));
  CHECK(*exchange::reminder_days(*host.session.reader()) == 7);
  CHECK(host.label("settings.backup.due").find("7 Tagen") != std::string::npos);

  const std::string created = cases::now_timestamp();
  REQUIRE(host.session
              .act_on_store(Str::action_backup_recorded,
                            [&](store::Store& s) { return exchange::record_backup(s, created); })
              .ok());
  host.frames(3);
  CHECK(host.widget("settings.backup.due") == nullptr);
  CHECK(host.label("settings.backup.last").find(cases::german_date(cases::today())) != std::string::npos);
}
