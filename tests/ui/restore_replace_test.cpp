// Focus: „Sicherung wiederherstellen“ in the settings (issue 8, item 6: restore
// onto an existing store with a clear choice), headless with real encrypted
// stores: the backup is checked in memory and shows what it holds next to what
// the device holds; a wrong passphrase or no confirmation replaces nothing; the
// replacement keeps this device's passphrase; raw and age backups alike.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "case_host.h"
#include "exchange/backup.h"
#include "headless_host.h"
#include "platform/platform.h"
#include "platform/storage.h"
#include "store/cases.h"

using namespace bb;
using bb::ui::test::HeadlessHost;
using bb::ui::test::kTestPassphrase;

namespace {

constexpr const char* kOtherPass = "Kastanie Leuchtturm Himbeere Nebel";
const std::string kBackupTitle = "Zzyzx-Begleitbuch Süd";

// A second device's book: two families and a title, its own passphrase.
std::vector<uint8_t> raw_backup_of_other_device() {
  HeadlessHost other(1024, 768, 1, false);
  REQUIRE(other.session.create(kOtherPass, kOtherPass, other.now).ok());
  REQUIRE(other.session.save_setting(Str::action_book_title, "book_title", kBackupTitle).ok());
  for (int i = 0; i < 2; ++i)
    REQUIRE(other.session
                .act_on_store(Str::action_family_create,
                              [](store::Store& db) -> Status {
                                auto id = ui::test::create_quellmalz_family(db, "Frau Aalders", true);
                                return id.ok() ? Status{} : Status(id.error());
                              })
                .ok());
  auto file = other.session.backup();
  REQUIRE(file.ok());
  return *file;
}

std::vector<uint8_t> age_backup_of_other_device() {
  HeadlessHost other(1024, 768, 1, false);
  REQUIRE(other.session.create(kOtherPass, kOtherPass, other.now).ok());
  REQUIRE(other.session.save_setting(Str::action_book_title, "book_title", kBackupTitle).ok());
  exchange::BackupOptions o;
  o.passphrase = kOtherPass;
  o.work_factor = 10;
  std::vector<uint8_t> file;
  REQUIRE(exchange::write_backup(*other.session.reader(), o, [&](crypto::ByteView b) -> Status {
            file.insert(file.end(), b.data, b.data + b.size);
            return {};
          }).ok());
  return file;
}

std::string title(HeadlessHost& host) {
  auto t = host.session.setting("book_title");
  return t.ok() && t->has_value() ? **t : std::string("<none>");
}

void open_replace(HeadlessHost& host, const std::vector<uint8_t>& file) {
  REQUIRE(host.tap("nav.settings"));
  REQUIRE(host.tap("settings.replace.pick"));
  platform::put_picked_file(file);
  host.frames(3);
  REQUIRE(host.widget("settings.replace.file"));
}

void run_slow(HeadlessHost& host, const char* button) {
  REQUIRE(host.tap(button));
  host.frames(4);
}

}  // namespace

TEST_CASE(
    "replace-ui-1: a raw backup replaces the book on this device only after the check, the tick and this "
    "device's passphrase; the device keeps its passphrase") {
  ui::test::german();
  const auto file = raw_backup_of_other_device();
  HeadlessHost host(1024, 6000, 1, true);
  REQUIRE(host.session.save_setting(Str::action_book_title, "book_title", "Zzyzx-Begleitbuch Nord").ok());
  const auto before = host.sink.image.bytes;
  open_replace(host, file);

  // The device's passphrase wrong: a German message, nothing checked or replaced.
  REQUIRE(host.type("settings.replace.file_pass", kOtherPass));
  REQUIRE(host.type("settings.replace.current_pass", "Falsch Fensterbank Igel Moos"));
  run_slow(host, "settings.replace.check");
  CHECK(host.label("settings.replace.message").find("Passphrase dieses Geräts ist falsch") !=
        std::string::npos);
  CHECK(host.widget("settings.replace.backup_families") == nullptr);

  // The backup's passphrase wrong: its message, nothing replaced.
  REQUIRE(host.type("settings.replace.file_pass", "Falsch Fensterbank Igel Moos"));
  REQUIRE(host.type("settings.replace.current_pass", kTestPassphrase));
  run_slow(host, "settings.replace.check");
  CHECK(host.label("settings.replace.message").find("Passphrase passt nicht") != std::string::npos);
  CHECK(host.widget("settings.replace.backup_families") == nullptr);

  // Checked: what the backup holds next to what the device holds; no replace button before the tick.
  REQUIRE(host.type("settings.replace.file_pass", kOtherPass));
  REQUIRE(host.type("settings.replace.current_pass", kTestPassphrase));
  run_slow(host, "settings.replace.check");
  CHECK(host.label("settings.replace.backup_families") == "Die Sicherung enthält 2 Familien.");
  CHECK(host.label("settings.replace.device_families") == "Auf diesem Gerät stehen jetzt 0 Familien.");
  REQUIRE(host.widget("settings.replace.warning"));
  CHECK(host.widget("settings.replace.go") == nullptr);
  CHECK(host.sink.image.bytes == before);
  CHECK(title(host) == "Zzyzx-Begleitbuch Nord");

  // The tick, the device's passphrase again, and the choice.
  REQUIRE(host.tap("settings.replace.confirm"));
  REQUIRE(host.type("settings.replace.current_pass", kTestPassphrase));
  run_slow(host, "settings.replace.go");
  REQUIRE(host.session.unlocked());
  CHECK(title(host) == kBackupTitle);
  CHECK(host.label("settings.replace.message") == "Die Sicherung ist wiederhergestellt: 2 Familien.");
  CHECK(host.app.screen_name() == std::string("settings"));
  store::FamilyListQuery all;
  auto page = store::list_families(*host.session.reader(), all);
  REQUIRE(page.ok());
  CHECK(page->total == 2);

  host.session.lock();
  CHECK(host.session.unlock(kOtherPass, host.now).error().is(Str::store_wrong_passphrase));
  REQUIRE(host.session.unlock(kTestPassphrase, host.now + 60000).ok());
  CHECK(title(host) == kBackupTitle);
}

TEST_CASE(
    "replace-ui-2: an age backup shows its date before the choice; Abbrechen forgets the file and replaces "
    "nothing; after the choice the book is the backup's") {
  ui::test::german();
  const auto file = age_backup_of_other_device();
  HeadlessHost host(1024, 6000, 1, true);
  REQUIRE(host.session.save_setting(Str::action_book_title, "book_title", "Zzyzx-Begleitbuch Nord").ok());
  open_replace(host, file);
  REQUIRE(host.type("settings.replace.file_pass", kOtherPass));
  REQUIRE(host.type("settings.replace.current_pass", kTestPassphrase));
  run_slow(host, "settings.replace.check");
  CHECK(host.label("settings.replace.backup_families") == "Die Sicherung enthält 0 Familien.");
  CHECK(host.label("settings.replace.backup_date") ==
        "Gesichert am " + cases::german_date(cases::today()) + ".");
  REQUIRE(host.tap("settings.replace.cancel"));
  host.frames(2);
  CHECK(host.widget("settings.replace.file") == nullptr);
  CHECK(title(host) == "Zzyzx-Begleitbuch Nord");

  open_replace(host, file);
  REQUIRE(host.type("settings.replace.file_pass", kOtherPass));
  REQUIRE(host.type("settings.replace.current_pass", kTestPassphrase));
  run_slow(host, "settings.replace.check");
  REQUIRE(host.tap("settings.replace.confirm"));
  REQUIRE(host.type("settings.replace.current_pass", kTestPassphrase));
  run_slow(host, "settings.replace.go");
  CHECK(title(host) == kBackupTitle);
  host.session.lock();
  REQUIRE(host.session.unlock(kTestPassphrase, host.now).ok());
  CHECK(title(host) == kBackupTitle);
}
