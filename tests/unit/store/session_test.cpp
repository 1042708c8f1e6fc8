// Focus: the store session (src/store/session.h): create/unlock/lock with the
// passphrase rules, the growing wait, the save status that says "saved" only
// after the sink completed, failed commits kept for a retry, restore from a
// backup file, change of passphrase, auto-lock. Issue 4.
#include <algorithm>

#include "store/page_vfs.h"
#include "store/session.h"
#include "store_test_util.h"

using namespace bb;
using namespace bb::store;
using namespace bb::store::test;

namespace {

// An asynchronous sink like IndexedDB: writes wait until complete()/fail().
class SlowSink final : public PageSink {
 public:
  Result<Image> load() override { return image; }
  bool empty() override { return image.sequence == 0; }
  void write(const CommitRecord& record, std::function<void(Status)> done) override {
    if (immediate) {
      done(apply_record(image, record));
      return;
    }
    waiting.emplace_back(record, std::move(done));
  }
  void complete() {
    while (!waiting.empty()) {
      auto [record, done] = std::move(waiting.front());
      waiting.erase(waiting.begin());
      done(apply_record(image, record));
    }
  }
  void fail(Str kind) {
    REQUIRE(!waiting.empty());
    auto [record, done] = std::move(waiting.front());
    waiting.erase(waiting.begin());
    done(make_error(kind, "injected"));
  }
  bool immediate = false;
  Image image;
  std::vector<std::pair<CommitRecord, std::function<void(Status)>>> waiting;
};

Status save(Session& s, const std::string& value) {
  return s.save_setting(Str::action_book_title, "book_title", value);
}

std::string title(Session& s) {
  auto v = s.setting("book_title");
  return v.ok() && v->has_value() ? **v : std::string("<none>");
}

}  // namespace

TEST_CASE("session-1: a new store needs an acceptable passphrase entered twice the same") {
  SlowSink sink;
  sink.immediate = true;
  Session s(sink, fast());
  CHECK(s.state() == SessionState::no_store);
  CHECK(s.create("kurz", "kurz", 0).error().is(Str::passphrase_too_short));
  CHECK(s.create(kPass, "Hauskatze Mondschein Zugvoge1", 0).error().is(Str::passphrase_mismatch));
  CHECK(s.state() == SessionState::no_store);
  CHECK(sink.image.sequence == 0);  // nothing written
  REQUIRE(s.create(kPass, kPass, 0).ok());
  CHECK(s.state() == SessionState::unlocked);
  CHECK(s.create(kPass, kPass, 0).error().is(Str::store_exists));
}

TEST_CASE(
    "session-2: lock closes the store; a wrong passphrase is refused with a growing wait and writes "
    "nothing") {
  SlowSink sink;
  sink.immediate = true;
  Session s(sink, fast());
  REQUIRE(s.create(kPass, kPass, 0).ok());
  REQUIRE(save(s, "Zzyzx-Quokkabaum").ok());
  s.lock();
  CHECK(s.state() == SessionState::locked);
  CHECK(s.setting("book_title").error().is(Str::store_locked));
  const Image before = sink.image;
  CHECK(s.unlock("Hauskatze Mondschein ZugvogeL", 1000).error().is(Str::store_wrong_passphrase));
  CHECK(s.unlock_wait_ms(1000) == doctest::Approx(1000));
  CHECK(s.unlock(kPass, 1500).error().is(Str::lock_wait));  // too early: not even tried
  CHECK(s.state() == SessionState::locked);
  CHECK(s.unlock("falsch falsch falsch", 2000).error().is(Str::store_wrong_passphrase));
  CHECK(s.unlock_wait_ms(2000) == doctest::Approx(2000));
  CHECK(sink.image.bytes == before.bytes);
  CHECK(sink.image.sequence == before.sequence);
  REQUIRE(s.unlock(kPass, 4000).ok());
  CHECK(title(s) == "Zzyzx-Quokkabaum");
  CHECK(s.failed_attempts() == 0);
}

TEST_CASE("session-3: the save state says saved only after the sink completed every commit") {
  SlowSink sink;
  Session s(sink, fast());
  REQUIRE(s.create(kPass, kPass, 0).ok());
  CHECK(s.save_status().state == SaveState::saving);
  sink.complete();
  CHECK(s.save_status().state == SaveState::saved);
  REQUIRE(save(s, "eins").ok());
  REQUIRE(save(s, "zwei").ok());
  CHECK(s.save_status().state == SaveState::saving);
  CHECK(s.save_status().pending == 2);  // accepted, not yet durable (written one at a time)
  CHECK(sink.waiting.size() == 1);      // only the first is with the sink
  CHECK(s.save_status().unsaved == std::vector<Str>{Str::action_book_title});
  sink.complete();  // the first, then the second it starts
  CHECK(s.save_status().state == SaveState::saved);
  CHECK(s.save_status().durable == s.save_status().accepted);
  CHECK(s.save_status().unsaved.empty());
}

TEST_CASE(
    "session-4: a failed commit is reported with its kind and what was not saved, kept, and saved by retry") {
  SlowSink sink;
  Session s(sink, fast());
  REQUIRE(s.create(kPass, kPass, 0).ok());
  sink.complete();
  const uint64_t committed = sink.image.sequence;
  REQUIRE(save(s, "neu").ok());
  sink.fail(Str::store_full);
  CHECK(s.save_status().state == SaveState::failed);
  CHECK(s.save_status().error == Str::store_full);
  CHECK(s.save_status().unsaved == std::vector<Str>{Str::action_book_title});
  CHECK(sink.image.sequence == committed);  // the durable state is the last committed one
  // Still accepted in memory: the app keeps working and shows the change.
  CHECK(title(s) == "neu");
  // A crash now would come back at the last committed state:
  SlowSink copy;
  copy.image = sink.image;
  copy.immediate = true;
  Session reopened(copy, fast());
  REQUIRE(reopened.unlock(kPass, 0).ok());
  CHECK(title(reopened) == "<none>");
  s.retry();
  CHECK(s.save_status().state == SaveState::saving);
  sink.complete();
  CHECK(s.save_status().state == SaveState::saved);
  SlowSink copy2;
  copy2.image = sink.image;
  copy2.immediate = true;
  Session reopened2(copy2, fast());
  REQUIRE(reopened2.unlock(kPass, 0).ok());
  CHECK(title(reopened2) == "neu");
}

TEST_CASE("session-5: lock with writes in flight keeps them; unlock sees what the user saw") {
  SlowSink sink;
  Session s(sink, fast());
  REQUIRE(s.create(kPass, kPass, 0).ok());
  REQUIRE(save(s, "unterwegs").ok());
  s.lock();
  CHECK(s.save_status().state == SaveState::saving);
  REQUIRE(s.unlock(kPass, 0).ok());
  CHECK(title(s) == "unterwegs");
  sink.complete();
  CHECK(s.save_status().state == SaveState::saved);
}

TEST_CASE("session-6: a backup restores on an empty device only with its passphrase and after the check") {
  SlowSink sink;
  sink.immediate = true;
  Session s(sink, fast());
  REQUIRE(s.create(kPass, kPass, 0).ok());
  REQUIRE(save(s, "Zzyzx-Quokkabaum").ok());
  auto file = s.backup();
  REQUIRE(file.ok());
  CHECK_FALSE(contains(*file, "Zzyzx-Quokkabaum"));  // the backup is the encrypted file

  SlowSink fresh_sink;
  fresh_sink.immediate = true;
  Session fresh(fresh_sink, fast());
  CHECK(fresh.restore(*file, "falsch falsch falsch", 0).error().is(Str::restore_wrong_passphrase));
  CHECK(fresh.state() == SessionState::no_store);
  CHECK(fresh_sink.image.sequence == 0);
  std::vector<uint8_t> junk(8192, 7);
  CHECK(fresh.restore(junk, kPass, 0).error().is(Str::restore_wrong_passphrase));
  std::vector<uint8_t> odd(100, 7);
  CHECK(fresh.restore(odd, kPass, 0).error().is(Str::restore_not_a_store));
  REQUIRE(fresh.restore(*file, kPass, 0).ok());
  CHECK(fresh.state() == SessionState::unlocked);
  CHECK(title(fresh) == "Zzyzx-Quokkabaum");
  CHECK(fresh.save_status().state == SaveState::saved);
  auto report = fresh.check();
  REQUIRE(report.ok());
  CHECK(report->ok);
}

TEST_CASE(
    "session-7: changing the passphrase needs the current one and re-encrypts; the old one stops working") {
  SlowSink sink;
  sink.immediate = true;
  Session s(sink, fast());
  REQUIRE(s.create(kPass, kPass, 0).ok());
  REQUIRE(save(s, "bleibt").ok());
  const char* next = "Leuchtturm Brombeere Fahrrad Nebel";
  CHECK(s.change_passphrase("falsch falsch falsch", next, next).error().is(Str::lock_current_wrong));
  CHECK(s.change_passphrase(kPass, next, "anders").error().is(Str::passphrase_mismatch));
  CHECK(s.change_passphrase(kPass, "kurz", "kurz").error().is(Str::passphrase_too_short));
  const auto before = sink.image.bytes;
  REQUIRE(s.change_passphrase(kPass, next, next).ok());
  CHECK(sink.image.bytes != before);
  s.lock();
  CHECK(s.unlock(kPass, 0).error().is(Str::store_wrong_passphrase));
  REQUIRE(s.unlock(next, 10000).ok());
  CHECK(title(s) == "bleibt");
}

TEST_CASE(
    "session-8: auto-lock after the idle time (kept in the store's settings) and after the hidden grace "
    "period") {
  SlowSink sink;
  sink.immediate = true;
  Session s(sink, fast());
  REQUIRE(s.create(kPass, kPass, 0).ok());
  CHECK_FALSE(s.tick(4 * 60 * 1000.0));
  CHECK(s.tick(5 * 60 * 1000.0));
  CHECK(s.state() == SessionState::locked);
  REQUIRE(s.unlock(kPass, 1e6).ok());
  REQUIRE(s.set_auto_lock_minutes(15).ok());
  s.lock();
  REQUIRE(s.unlock(kPass, 2e6).ok());
  CHECK(s.auto_lock().idle_minutes() == 15);
  CHECK_FALSE(s.tick(2e6 + 10 * 60 * 1000.0));
  s.set_hidden(true, 2e6 + 10 * 60 * 1000.0);
  CHECK(s.tick(2e6 + 11 * 60 * 1000.0 + 1));
}

TEST_CASE("session-9: a second tab (no writer lock) and unreadable storage open nothing") {
  SlowSink sink;
  sink.immediate = true;
  Session s(sink, fast());
  s.set_availability({true, false, ""});
  CHECK(s.state() == SessionState::other_tab);
  CHECK_FALSE(s.create(kPass, kPass, 0).ok());
  CHECK(sink.image.sequence == 0);
  s.set_availability({false, true, "blocked"});
  CHECK(s.state() == SessionState::unavailable);
  CHECK_FALSE(s.create(kPass, kPass, 0).ok());
}

namespace {
// The store file of another device's book (title "aus der Sicherung") under `passphrase`.
std::vector<uint8_t> backup_of_other_device(const char* passphrase) {
  SlowSink other_sink;
  other_sink.immediate = true;
  Session other(other_sink, fast());
  REQUIRE(other.create(passphrase, passphrase, 0).ok());
  REQUIRE(save(other, "aus der Sicherung").ok());
  auto file = other.backup();
  REQUIRE(file.ok());
  return *file;
}
}  // namespace

TEST_CASE(
    "session-10: a backup replaces the book on an unlocked device only with the current passphrase, in one "
    "commit, and the device keeps its passphrase") {
  const char* backup_pass = "Leuchtturm Brombeere Fahrrad Nebel";
  const std::vector<uint8_t> file = backup_of_other_device(backup_pass);

  SlowSink sink;
  sink.immediate = true;
  Session s(sink, fast());
  REQUIRE(s.create(kPass, kPass, 0).ok());
  REQUIRE(save(s, "auf dem Gerät").ok());
  const Image before = sink.image;

  // Every refusal leaves the book as it was, and open.
  CHECK(s.replace(file, backup_pass, "falsch falsch falsch", 0).error().is(Str::lock_current_wrong));
  CHECK(s.replace(file, "falsch falsch falsch", kPass, 0).error().is(Str::restore_wrong_passphrase));
  std::vector<uint8_t> odd(100, 7);
  CHECK(s.replace(odd, backup_pass, kPass, 0).error().is(Str::restore_not_a_store));
  CHECK(sink.image.bytes == before.bytes);
  CHECK(sink.image.sequence == before.sequence);
  CHECK(s.state() == SessionState::unlocked);
  CHECK(title(s) == "auf dem Gerät");

  REQUIRE(s.replace(file, backup_pass, kPass, 0).ok());
  CHECK(sink.image.sequence == before.sequence + 1);  // one commit replaced every page
  CHECK(s.state() == SessionState::unlocked);
  CHECK(title(s) == "aus der Sicherung");
  CHECK(s.save_status().state == SaveState::saved);
  s.lock();
  CHECK(s.unlock(backup_pass, 0).error().is(Str::store_wrong_passphrase));
  REQUIRE(s.unlock(kPass, 10000).ok());
  CHECK(title(s) == "aus der Sicherung");
  auto report = s.check();
  REQUIRE(report.ok());
  CHECK(report->ok);
}

TEST_CASE(
    "session-11: a replacement storage failed to write leaves the old book in storage and is kept for the "
    "retry") {
  const std::vector<uint8_t> file = backup_of_other_device(kPass);

  SlowSink sink;
  sink.immediate = true;
  Session s(sink, fast());
  REQUIRE(s.create(kPass, kPass, 0).ok());
  REQUIRE(save(s, "auf dem Gerät").ok());
  const Image before = sink.image;
  sink.immediate = false;  // the commit waits, then storage reports it failed
  REQUIRE(s.replace(file, kPass, kPass, 0).ok());
  sink.fail(Str::store_full);
  CHECK(s.save_status().state == SaveState::failed);
  CHECK(sink.image.bytes == before.bytes);  // durable storage still holds the old book
  CHECK(title(s) == "aus der Sicherung");   // what the user chose, kept in memory
  sink.immediate = true;
  s.retry();
  CHECK(s.save_status().state == SaveState::saved);
  CHECK(sink.image.sequence == before.sequence + 1);
  s.lock();
  REQUIRE(s.unlock(kPass, 0).ok());
  CHECK(title(s) == "aus der Sicherung");
}
