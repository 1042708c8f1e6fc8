// Focus: the lock flow on screen (issue 4, "App lock"), headless: first start
// with the two choices side by side, creating a store (passphrase twice,
// strength, warning), the lock screen with its German message and wait,
// "Jetzt sperren" wiping what was on screen, auto-lock, what is reachable
// while locked. docs/ui.md, "The lock flow".
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "exchange/backup.h"
#include "headless_host.h"
#include "imgui_internal.h"
#include "platform/platform.h"
#include "platform/storage.h"
#include "ui/widget_registry.h"

using namespace bb;
using namespace bb::ui;
using bb::ui::test::HeadlessHost;
using bb::ui::test::kTestPassphrase;

namespace {

void german() {
  platform::save_preference("language", "de");
  platform::save_preference("font_step", "1");
  platform::save_preference("theme", "light");
}

bool any_label_contains(const std::string& text) {
  for (const auto& w : widget_registry().widgets())
    if (w.label.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("lock-1: the first start offers a new Begleitbuch and a restore side by side, and nothing else") {
  german();
  HeadlessHost host(1024, 768, 1, false);
  const WidgetInfo* neu = host.widget("lock.new");
  const WidgetInfo* restore = host.widget("lock.restore");
  REQUIRE(neu);
  REQUIRE(restore);
  CHECK(neu->label == "Neues Begleitbuch anlegen");
  CHECK(restore->label == "Aus Sicherung wiederherstellen");
  CHECK(neu->y == doctest::Approx(restore->y));
  CHECK(restore->x > neu->x + neu->w - 1);
  CHECK(host.widget("nav.families") == nullptr);
  CHECK(host.widget("nav.network") == nullptr);
  CHECK(host.widget("nav.settings") != nullptr);  // language, font, theme stay reachable
  REQUIRE(host.tap("nav.settings"));
  CHECK(host.widget("settings.language.en") != nullptr);
  CHECK(host.widget("settings.book_title") == nullptr);
  CHECK(host.widget("settings.probe") == nullptr);
}

TEST_CASE(
    "lock-2: creating a store shows the warning and the strength, refuses a weak or unrepeated passphrase") {
  german();
  HeadlessHost host(1024, 768, 1, false);
  REQUIRE(host.tap("lock.new"));
  REQUIRE(host.widget("lock.warning"));
  CHECK(host.widget("lock.warning")->label.find("nur aus einer Sicherung wiederherstellen") !=
        std::string::npos);
  REQUIRE(host.type("lock.pass1", "sommer2024"));
  CHECK(host.label("lock.strength") == "Stärke: Schwach");
  REQUIRE(host.type("lock.pass2", "sommer2024"));
  REQUIRE(host.tap("lock.create"));
  host.frames(3);
  CHECK(host.label("lock.message").find("zu kurz") != std::string::npos);
  CHECK(host.session.state() == store::SessionState::no_store);
  // The passphrase field is a password field: no text readable, no edit menu.
  CHECK(widget_registry().probe_text("lock.pass1") == nullptr);
  CHECK_FALSE(any_label_contains("sommer2024"));
  REQUIRE(host.type("lock.pass1", " Leuchtturm Brombeere"));
  CHECK(host.label("lock.strength") != "Stärke: Schwach");
  REQUIRE(host.tap("lock.create"));
  host.frames(3);
  CHECK(host.label("lock.message") == "Die beiden Eingaben stimmen nicht überein.");
  REQUIRE(host.type("lock.pass2", " Leuchtturm Brombeere"));
  REQUIRE(host.tap("lock.create"));
  host.frames(4);
  CHECK(host.session.state() == store::SessionState::unlocked);
  CHECK(host.widget("nav.families") != nullptr);
  CHECK(host.widget("nav.lock") != nullptr);
  CHECK(host.label("save.state") == "Gespeichert");
}

TEST_CASE(
    "lock-3: Jetzt sperren leaves no personal text on screen, in the fields or in ImGui's edit buffers") {
  german();
  HeadlessHost host(1024, 2400);  // tall: every settings card on screen
  REQUIRE(host.tap("nav.settings"));
  REQUIRE(host.type("settings.book_title", "Zzyzx-Quokkabaum"));
  REQUIRE(host.tap("settings.book_title.save"));
  REQUIRE(host.tap("nav.start"));
  REQUIRE(host.widget("start.book"));  // control: shown while unlocked
  REQUIRE(host.tap("nav.settings"));
  REQUIRE(host.tap("settings.book_title"));  // active again: ImGui copies the text into its buffers
  REQUIRE(host.tap("nav.lock"));
  host.frames(3);
  CHECK(host.session.state() == store::SessionState::locked);
  CHECK(host.widget("lock.title") != nullptr);
  CHECK(host.widget("start.book") == nullptr);
  CHECK(host.widget("nav.families") == nullptr);
  CHECK(host.widget("settings.book_title") == nullptr);
  CHECK_FALSE(any_label_contains("Zzyzx"));
  ImGuiContext& g = *GImGui;
  const auto& s = g.InputTextState;
  bool in_buffers = false;
  for (int i = 0; i + 5 <= s.TextA.Size; ++i)
    if (std::string(s.TextA.Data + i, 5) == "Zzyzx") in_buffers = true;
  for (int i = 0; i + 5 <= s.InitialTextA.Size; ++i)
    if (std::string(s.InitialTextA.Data + i, 5) == "Zzyzx") in_buffers = true;
  CHECK_FALSE(in_buffers);
  CHECK(s.TextW.Size == 0);
  // Unlock again: the name is back.
  REQUIRE(host.type("lock.pass", kTestPassphrase));
  REQUIRE(host.tap("lock.unlock"));
  host.frames(4);
  CHECK(host.session.state() == store::SessionState::unlocked);
  CHECK(host.widget("start.book") != nullptr);
}

TEST_CASE("lock-4: a wrong passphrase shows the German message and a countdown; the button waits") {
  german();
  HeadlessHost host;
  REQUIRE(host.tap("nav.lock"));
  REQUIRE(host.type("lock.pass", "Hauskatze Mondschein ZugvogeL"));
  REQUIRE(host.tap("lock.unlock"));
  host.frames(3);
  CHECK(host.label("lock.message") == "Die Passphrase ist falsch. Das Begleitbuch bleibt unverändert.");
  CHECK(host.label("lock.wait").find("Bitte warten Sie noch") != std::string::npos);
  // Tapping during the wait does not try.
  REQUIRE(host.type("lock.pass", kTestPassphrase));
  REQUIRE(host.tap("lock.unlock"));
  host.frames(3);
  CHECK(host.session.state() == store::SessionState::locked);
  host.now += 1500;
  host.frames(2);
  CHECK(host.widget("lock.wait") == nullptr);
  REQUIRE(host.tap("lock.unlock"));
  host.frames(4);
  CHECK(host.session.state() == store::SessionState::unlocked);
}

TEST_CASE("lock-5: the app locks itself after the idle time, and after a minute in the background") {
  german();
  {
    HeadlessHost host;
    host.now += 4 * 60 * 1000.0;
    host.frames(2);
    CHECK(host.session.state() == store::SessionState::unlocked);
    REQUIRE(host.tap("nav.settings"));  // input postpones it
    host.now += 4 * 60 * 1000.0;
    host.frames(2);
    CHECK(host.session.state() == store::SessionState::unlocked);
    host.now += 60 * 1000.0 + 100;
    host.frames(2);
    CHECK(host.session.state() == store::SessionState::locked);
    CHECK(host.widget("lock.title") != nullptr);
  }
  {
    HeadlessHost hidden;  // one host (ImGui context) at a time
    hidden.session.set_hidden(true, hidden.now);
    hidden.now += 61 * 1000.0;
    hidden.frames(2);
    CHECK(hidden.session.state() == store::SessionState::locked);
  }
}

TEST_CASE("lock-6: a failed save says what was not saved, in German, with a retry") {
  german();
  HeadlessHost host(1024, 2400);
  host.sink.manual = true;
  REQUIRE(host.tap("nav.settings"));
  REQUIRE(host.type("settings.book_title", "Neu"));
  REQUIRE(host.tap("settings.book_title.save"));
  CHECK(host.label("save.state") == "Wird gespeichert …");
  host.sink.fail_next(Str::store_full);
  host.frames(3);
  CHECK(host.label("save.state") == "Nicht gespeichert");
  CHECK(host.label("save.message").find("Speicherplatz") != std::string::npos);
  CHECK(host.label("save.unsaved") == "Noch nicht gespeichert: Bezeichnung des Begleitbuchs");
  REQUIRE(host.tap("save.retry"));
  host.sink.complete_all();
  host.frames(3);
  CHECK(host.label("save.state") == "Gespeichert");
}

TEST_CASE("lock-7: the iPad warning is not shown on other systems, and a second tab only shows why") {
  german();
  HeadlessHost host(1024, 768, 1, false);
  CHECK(host.widget("lock.ios") == nullptr);  // natively: not an iOS browser tab
  host.session.set_availability({true, false, ""});
  host.frames(3);
  CHECK(host.widget("lock.other_tab") != nullptr);
  CHECK(host.widget("lock.new") == nullptr);
  CHECK(host.widget("lock.pass") == nullptr);
}

TEST_CASE(
    "lock-age-restore: an age backup restores on a fresh device with its backup passphrase and a new "
    "store passphrase; a wrong backup passphrase or a weak new passphrase changes nothing") {
  german();
  const std::string marker = "Zzyzx-Begleitbuch Nord";
  const std::string backup_pass = "Kastanie Leuchtturm Himbeere Nebel";
  const std::string new_pass = "Walnuss Segelboot Kupferkanne Moos";
  std::vector<uint8_t> file;
  {
    HeadlessHost source;  // a store with one setting, backed up with age
    REQUIRE(source.session.save_setting(Str::action_book_title, "book_title", marker).ok());
    exchange::BackupOptions o;
    o.passphrase = backup_pass;
    o.work_factor = 10;
    REQUIRE(exchange::write_backup(*source.session.reader(), o, [&](crypto::ByteView b) -> Status {
              file.insert(file.end(), b.data, b.data + b.size);
              return {};
            }).ok());
  }
  HeadlessHost host(1024, 900, 1, false);
  REQUIRE(host.tap("lock.restore"));
  platform::put_picked_file(file);
  host.frames(3);
  REQUIRE(host.widget("lock.restore.age"));
  REQUIRE(host.widget("lock.restore.new1"));

  // A wrong backup passphrase: a German message, still no store.
  REQUIRE(host.type("lock.restore.pass", "Falsches Passwort Fensterbank Igel"));
  REQUIRE(host.type("lock.restore.new1", new_pass));
  REQUIRE(host.type("lock.restore.new2", new_pass));
  REQUIRE(host.tap("lock.restore.go"));
  host.frames(3);
  CHECK_FALSE(host.label("lock.message").empty());
  CHECK(host.session.state() == store::SessionState::no_store);

  // A new passphrase too weak: refused by the policy, still no store.
  REQUIRE(host.type("lock.restore.pass", backup_pass));
  REQUIRE(host.type("lock.restore.new1", "kurz"));
  REQUIRE(host.type("lock.restore.new2", "kurz"));
  REQUIRE(host.tap("lock.restore.go"));
  host.frames(3);
  CHECK(host.session.state() == store::SessionState::no_store);

  // Right: the store is restored, opened with the new passphrase, the setting is there.
  REQUIRE(host.type("lock.restore.pass", backup_pass));
  REQUIRE(host.type("lock.restore.new1", new_pass));
  REQUIRE(host.type("lock.restore.new2", new_pass));
  REQUIRE(host.tap("lock.restore.go"));
  host.frames(3);
  REQUIRE(host.session.unlocked());
  auto title = host.session.setting("book_title");
  REQUIRE(title.ok());
  CHECK(title->value_or("") == marker);
  host.session.lock();
  CHECK(host.session.unlock(new_pass, host.now).ok());
}
