// The store session (session.h): lock flow, actions, save status.
//
// Index of this file:
// [SECTION] Set-up and state
// [SECTION] Lock flow
// [SECTION] Auto-lock
// [SECTION] Actions
// [SECTION] Saving
#include "store/session.h"

#include <sodium.h>

#include <algorithm>

#include "core/passphrase.h"
#include "store/page_vfs.h"
#include "store/sql.h"

namespace bb::store {

namespace {
constexpr const char* kAutoLockKey = "auto_lock_minutes";
constexpr uint32_t kPageSize = 4096;  // SQLite's default, what every store of the app uses

// The whole file as one sealed record: sequence 1 is a restored store's first
// commit; a later sequence replaces every page of an existing store at once.
CommitRecord whole_file(const std::vector<uint8_t>& file, uint32_t page_size, uint64_t sequence = 1) {
  CommitRecord record;
  record.sequence = sequence;
  record.page_size = page_size;
  record.page_count = static_cast<uint32_t>(file.size() / page_size);
  record.pages.resize(record.page_count);
  for (uint32_t i = 0; i < record.page_count; ++i) {
    record.pages[i].number = i + 1;
    const auto* at = file.data() + size_t(i) * page_size;
    record.pages[i].bytes.assign(at, at + page_size);
  }
  seal(record);
  return record;
}
}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Set-up and state
//-----------------------------------------------------------------------------

Session::Session(PageSink& sink, Options options) : sink_(sink), queued_(sink), options_(options) {
  queued_.set_listener([this](const CommitOutcome& outcome) { on_outcome(outcome); });
  has_store_ = !sink_.empty();
}

void Session::set_availability(Availability availability) {
  availability_ = std::move(availability);
  if (availability_.storage_ok && availability_.writer) has_store_ = !queued_.empty();
  changed();
}

SessionState Session::state() const {
  if (!availability_.storage_ok) return SessionState::unavailable;
  if (!availability_.writer) return SessionState::other_tab;
  if (store_.is_open()) return SessionState::unlocked;
  return has_store_ ? SessionState::locked : SessionState::no_store;
}

//-----------------------------------------------------------------------------
// [SECTION] Lock flow
//-----------------------------------------------------------------------------

Status Session::open_store(std::string_view passphrase, bool create, double now) {
  auto opened =
      create ? Store::create(queued_, passphrase, options_) : Store::open(queued_, passphrase, options_);
  if (!opened.ok()) return opened.error();
  store_ = std::move(opened.value());
  has_store_ = true;
  refresh_pending();  // migrations or the creation may have committed
  auto minutes = setting(kAutoLockKey);
  if (minutes.ok() && minutes->has_value())
    auto_lock_.set_idle_minutes(std::atoi((*minutes)->c_str()));
  else
    auto_lock_.set_idle_minutes(kDefaultAutoLockMinutes);
  auto_lock_.start(now);
  changed();
  return {};
}

Status Session::create(std::string_view passphrase, std::string_view confirmation, double now) {
  if (state() != SessionState::no_store)
    return make_error(Str::store_exists, "a store exists already", "IndexedDB");
  BB_TRY(check_passphrase_policy(passphrase));
  BB_TRY(check_passphrase_confirmation(passphrase, confirmation));
  Status status = open_store(passphrase, true, now);
  if (status.ok()) note_commit(Str::action_create);
  return status;
}

Status Session::unlock(std::string_view passphrase, double now) {
  if (state() != SessionState::locked) return make_error(Str::store_locked, "nothing to unlock");
  if (throttle_.wait_ms(now) > 0) {
    return make_error(Str::lock_wait, "unlock attempted during the delay",
                      std::to_string(static_cast<int>((throttle_.wait_ms(now) + 999) / 1000)));
  }
  Status status = open_store(passphrase, false, now);
  if (status.ok()) {
    throttle_.succeeded();
  } else if (status.error().is(Str::store_wrong_passphrase) || status.error().is(Str::passphrase_empty)) {
    throttle_.failed(now);
  }
  changed();
  return status;
}

void Session::keep_drafts() {
  if (!store_.is_open() || !draft_keeper_ || keeping_drafts_) return;
  keeping_drafts_ = true;
  draft_keeper_();
  keeping_drafts_ = false;
}

void Session::set_hidden(bool hidden, double now) {
  auto_lock_.set_hidden(hidden, now);
  if (hidden) keep_drafts();
}

void Session::lock() {
  keep_drafts();
  store_.lock();  // closes SQLite: key schedule and page cache wiped (store.cpp)
  auto_lock_.stop();
  changed();
}

Status Session::change_passphrase(std::string_view current, std::string_view next,
                                  std::string_view confirmation) {
  if (!store_.is_open()) return make_error(Str::store_locked, "store is locked");
  BB_TRY(check_passphrase_policy(next));
  BB_TRY(check_passphrase_confirmation(next, confirmation));
  BB_TRY(confirm_passphrase(current));  // opens a copy in memory as the store is now
  Status status = store_.change_passphrase(next);
  if (status.ok()) note_commit(Str::action_passphrase);
  refresh_pending();
  changed();
  return status;
}

Result<std::unique_ptr<StoreFileCopy>> open_store_file(const std::vector<uint8_t>& file,
                                                       std::string_view passphrase, const Options& options) {
  if (file.size() < kPageSize || file.size() % kPageSize != 0)
    return make_error(Str::restore_not_a_store,
                      "size " + std::to_string(file.size()) + " is no multiple of 4096");
  auto copy = std::make_unique<StoreFileCopy>();
  BB_TRY(copy->pages.commit(whole_file(file, kPageSize)));
  auto opened = Store::open(copy->pages, passphrase, options);
  if (!opened.ok()) {
    if (opened.error().is(Str::store_wrong_passphrase) || opened.error().is(Str::store_unreadable))
      return make_error(Str::restore_wrong_passphrase, opened.error().detail);
    return opened.error();
  }
  copy->store = std::move(*opened);
  auto report = copy->store.check();
  if (!report.ok()) return report.error();
  if (!report->ok) {
    std::string problems;
    for (const auto& p : report->problems) problems += (problems.empty() ? "" : "; ") + p;
    return make_error(Str::store_damaged, problems, problems);
  }
  return copy;
}

Status Session::restore(const std::vector<uint8_t>& file, std::string_view passphrase, double now) {
  if (state() != SessionState::no_store)
    return make_error(Str::store_exists, "a store exists already", "IndexedDB");
  // Tried in memory first: the passphrase must open it and the check must pass.
  BB_TRY(open_store_file(file, passphrase, options_));
  const CommitRecord record = whole_file(file, kPageSize);
  BB_TRY(queued_.commit(record));
  note_replacement(record.sequence);
  has_store_ = true;
  return open_store(passphrase, false, now);
}

Status Session::confirm_passphrase(std::string_view current) {
  if (!store_.is_open()) return make_error(Str::store_locked, "store is locked");
  auto file = backup();
  if (!file.ok()) return file.error();
  MemoryPageStore copy;
  Status committed = copy.commit(whole_file(*file, kPageSize));
  sodium_memzero(file->data(), file->size());
  BB_TRY(committed);
  Options check = options_;
  check.migrate = false;
  auto probe = Store::open(copy, current, check);
  if (!probe.ok()) {
    if (probe.error().is(Str::store_wrong_passphrase))
      return make_error(Str::lock_current_wrong, "the current passphrase is wrong");
    return probe.error();
  }
  return {};
}

Status Session::replace(const std::vector<uint8_t>& file, std::string_view file_passphrase,
                        std::string_view current_passphrase, double now) {
  if (!store_.is_open()) return make_error(Str::store_locked, "store is locked");
  BB_TRY(confirm_passphrase(current_passphrase));
  auto copy = open_store_file(file, file_passphrase, options_);
  if (!copy.ok()) return copy.error();
  // The device keeps its passphrase: a file under another one is re-keyed in
  // memory first, so the replacement is still one commit.
  if (file_passphrase != current_passphrase) BB_TRY((*copy)->store.change_passphrase(current_passphrase));
  (*copy)->store.lock();
  auto image = (*copy)->pages.load();
  if (!image.ok()) return image.error();
  auto current = queued_.load();
  if (!current.ok()) return current.error();
  const CommitRecord record = whole_file(image->bytes, kPageSize, current->sequence + 1);
  store_.lock();  // no drafts kept: they belong to the book being replaced
  auto_lock_.stop();
  changed();  // the host drops what it shows of the old book, as after a lock
  if (Status committed = queued_.commit(record); !committed.ok()) {
    // Nothing was written: the book on this device opens again as it was.
    Status reopened = open_store(current_passphrase, false, now);
    changed();
    return reopened.ok() ? committed : reopened;
  }
  note_replacement(record.sequence);
  return open_store(current_passphrase, false, now);
}

void Session::note_replacement(uint64_t sequence) {
  if (save_.durable < sequence) labels_.emplace_back(sequence, Str::action_restore);
  labelled_ = sequence;
  save_.accepted = std::max(save_.accepted, sequence);
  refresh_pending();
}

Result<std::vector<uint8_t>> Session::backup() {
  if (!store_.is_open()) return make_error(Str::store_locked, "store is locked");
  auto image = queued_.load();  // the durable image plus what is queued: the last commit
  if (!image.ok()) return image.error();
  return std::move(image->bytes);
}

//-----------------------------------------------------------------------------
// [SECTION] Auto-lock
//-----------------------------------------------------------------------------

bool Session::tick(double now) {
  if (!store_.is_open() || !auto_lock_.due(now)) return false;
  lock();
  return true;
}

Status Session::set_auto_lock_minutes(int minutes) {
  auto_lock_.set_idle_minutes(minutes);
  return save_setting(Str::action_auto_lock, kAutoLockKey, std::to_string(auto_lock_.idle_minutes()));
}

//-----------------------------------------------------------------------------
// [SECTION] Actions
//-----------------------------------------------------------------------------

Status Session::act(Str what, const std::function<Status(sqlite3*)>& body) {
  if (!store_.is_open()) return make_error(Str::store_locked, "store is locked");
  Status status = with_transaction(store_, body);
  if (status.ok()) note_commit(what);
  refresh_pending();
  changed();
  return status;
}

Status Session::act_on_store(Str what, const std::function<Status(Store&)>& body) {
  return act(what, [&](sqlite3*) { return body(store_); });
}

Result<std::optional<std::string>> Session::setting(std::string_view key) {
  if (!store_.is_open()) return make_error(Str::store_locked, "store is locked");
  auto s = Statement::prepare(store_.db(), "SELECT value FROM settings WHERE key = ?1");
  if (!s.ok()) return s.error();
  s->bind(1, key);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(s->column_text(0));
}

Status Session::save_setting(Str what, std::string_view key, std::string_view value) {
  return act(what, [&](sqlite3* db) -> Status {
    auto s = Statement::prepare(db,
                                "INSERT INTO settings(key, value) VALUES (?1, ?2) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!s.ok()) return s.error();
    return s->bind(1, key).bind(2, value).run();
  });
}

Status Session::remove_setting(Str what, std::string_view key) {
  return act(what, [&](sqlite3* db) -> Status {
    auto s = Statement::prepare(db, "DELETE FROM settings WHERE key = ?1");
    if (!s.ok()) return s.error();
    return s->bind(1, key).run();
  });
}

Result<std::vector<std::pair<std::string, std::string>>> Session::settings_with_prefix(
    std::string_view prefix) {
  if (!store_.is_open()) return make_error(Str::store_locked, "store is locked");
  auto s = Statement::prepare(
      store_.db(), "SELECT key, value FROM settings WHERE substr(key, 1, length(?1)) = ?1 ORDER BY key");
  if (!s.ok()) return s.error();
  s->bind(1, prefix);
  std::vector<std::pair<std::string, std::string>> rows;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    rows.emplace_back(s->column_text(0), s->column_text(1));
  }
  return rows;
}

Status Session::fill_for_benchmark(int rows, int bytes) {
  return act(Str::action_test_write, [&](sqlite3* db) -> Status {
    auto s =
        Statement::prepare(db,
                           "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ?1) "
                           "INSERT OR REPLACE INTO settings(key, value) "
                           "SELECT 'test.fill.' || (i + (SELECT count(*) FROM settings)), "
                           "substr(hex(randomblob(?2)), 1, ?2) FROM c");
    if (!s.ok()) return s.error();
    return s->bind(1, static_cast<int64_t>(rows)).bind(2, static_cast<int64_t>(bytes)).run();
  });
}

Result<IntegrityReport> Session::check() {
  if (!store_.is_open()) return make_error(Str::store_locked, "store is locked");
  return store_.check();
}

//-----------------------------------------------------------------------------
// [SECTION] Saving
//-----------------------------------------------------------------------------

void Session::note_commit(Str what) {
  if (!store_.is_open()) return;
  const uint64_t sequence = page_vfs_stats(store_.page_name()).sequence;
  if (sequence <= labelled_) return;  // the action changed nothing
  labelled_ = sequence;
  if (sequence > save_.durable) labels_.emplace_back(sequence, what);
  save_.accepted = std::max(save_.accepted, sequence);
  refresh_pending();
}

void Session::refresh_pending() {
  if (store_.is_open())
    save_.accepted = std::max(save_.accepted, page_vfs_stats(store_.page_name()).sequence);
  save_.pending = queued_.pending();
  if (queued_.stopped()) {
    save_.state = SaveState::failed;
  } else if (save_.pending > 0) {
    save_.state = SaveState::saving;
  } else if (save_.accepted > 0) {
    save_.state = SaveState::saved;
  }
  save_.unsaved.clear();
  for (const auto& [sequence, what] : labels_)
    if (sequence > save_.durable &&
        std::find(save_.unsaved.begin(), save_.unsaved.end(), what) == save_.unsaved.end())
      save_.unsaved.push_back(what);
}

void Session::on_outcome(const CommitOutcome& outcome) {
  if (outcome.ok) {
    save_.durable = std::max(save_.durable, outcome.sequence);
    labels_.erase(std::remove_if(labels_.begin(), labels_.end(),
                                 [&](const auto& l) { return l.first <= save_.durable; }),
                  labels_.end());
    save_.detail.clear();
  } else {
    save_.error = outcome.error;
    save_.detail = outcome.message;
  }
  save_.accepted = std::max(save_.accepted, outcome.sequence);
  refresh_pending();
  changed();
}

void Session::retry() {
  queued_.retry();
  refresh_pending();
  changed();
}

}  // namespace bb::store
