// The store session of the app: the one place that knows whether a store
// exists, is locked or unlocked, whether this tab may write, and whether the
// last changes reached durable storage. The UI asks it, and calls one function
// per user action; it never touches SQL or the PageStore. docs/store.md
// ("The browser store") and docs/ui.md ("The lock flow").
//
// Index of this file:
// [SECTION] States
// [SECTION] Store files
// [SECTION] Session
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auto_lock.h"
#include "core/result.h"
#include "store/page_store.h"
#include "store/store.h"

namespace bb::store {

//-----------------------------------------------------------------------------
// [SECTION] States
//-----------------------------------------------------------------------------

enum class SessionState {
  unavailable,  // the browser storage could not be read (detail in availability())
  other_tab,    // another tab holds the store: this one never writes
  no_store,     // first start: create one or restore a backup
  locked,       // a store exists; the passphrase opens it
  unlocked,
};

enum class SaveState {
  idle,    // nothing written since the app started
  saving,  // accepted commits are on their way to durable storage
  saved,   // every accepted commit reported complete
  failed,  // a commit failed: it and all later ones are kept, not yet saved
};

struct SaveStatus {
  SaveState state = SaveState::idle;
  uint64_t accepted = 0;             // sequence of the newest commit handed to storage
  uint64_t durable = 0;              // sequence of the newest commit storage confirmed
  size_t pending = 0;                // accepted, not yet confirmed
  Str error = Str::store_not_saved;  // when failed: the kind (Str::store_full: quota)
  std::string detail;                // when failed: technical, English
  std::vector<Str> unsaved;          // the user actions not yet saved, oldest first
};

// What the host found before the session starts.
struct Availability {
  bool storage_ok = true;  // the durable storage could be read
  bool writer = true;      // this tab holds the single-writer lock
  std::string detail;      // technical, when !storage_ok
};

//-----------------------------------------------------------------------------
// [SECTION] Store files
//-----------------------------------------------------------------------------

// A store file opened in memory (a backup looked at before a restore). The
// Store reads from `pages`, so the pair stays together on the heap.
struct StoreFileCopy {
  MemoryPageStore pages;
  Store store;
};
// Opens `file` (a store file, as backup() returns it) with `passphrase`,
// migrated, in memory, and runs the integrity check. Errors:
// Str::restore_not_a_store, Str::restore_wrong_passphrase, Str::store_damaged.
Result<std::unique_ptr<StoreFileCopy>> open_store_file(const std::vector<uint8_t>& file,
                                                       std::string_view passphrase, const Options& options);

//-----------------------------------------------------------------------------
// [SECTION] Session
//-----------------------------------------------------------------------------

class Session {
 public:
  explicit Session(PageSink& sink, Options options = {});
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session() { store_.lock(); }

  void set_availability(Availability availability);
  const Availability& availability() const { return availability_; }
  const Options& options() const { return options_; }  // the store's (key derivation)
  SessionState state() const;
  bool unlocked() const { return store_.is_open(); }

  // --- The lock flow (each one user action) ---
  // Creates a new store: policy and confirmation first, then one store.
  Status create(std::string_view passphrase, std::string_view confirmation, double now);
  // Wrong passphrase: Str::store_wrong_passphrase, the data untouched, and a
  // growing wait (unlock_wait_ms) before the next attempt is accepted.
  Status unlock(std::string_view passphrase, double now);
  void lock();
  // Called while the store is still open, just before a lock and when the tab
  // goes to the background: the UI writes what it must not lose (a form draft).
  void set_draft_keeper(std::function<void()> keeper) { draft_keeper_ = std::move(keeper); }
  double unlock_wait_ms(double now) const { return throttle_.wait_ms(now); }
  int failed_attempts() const { return throttle_.failures(); }
  // Checks the current passphrase, the policy and the confirmation, then re-encrypts.
  Status change_passphrase(std::string_view current, std::string_view next, std::string_view confirmation);
  // First start only: `file` is a store file from backup(); it must open with
  // `passphrase` and pass integrity_check before it becomes the store.
  Status restore(const std::vector<uint8_t>& file, std::string_view passphrase, double now);
  // Unlocked only: ok if `current` opens the store as it is now (a copy in
  // memory); else Str::lock_current_wrong. Confirms a far-reaching choice.
  Status confirm_passphrase(std::string_view current);
  // Unlocked only: replaces the whole book on this device with `file` (a store
  // file from backup(), or one exchange::store_file_from_backup wrote) in one
  // commit, never merged. `current_passphrase` confirms the choice
  // (Str::lock_current_wrong); `file` must open with `file_passphrase` and pass
  // the check before anything is written. The device keeps its passphrase.
  // On any error the book on this device is unchanged and open again.
  Status replace(const std::vector<uint8_t>& file, std::string_view file_passphrase,
                 std::string_view current_passphrase, double now);
  // The encrypted store file as of the last commit (what a backup saves).
  Result<std::vector<uint8_t>> backup();

  // --- Auto-lock (times from one monotonic clock, ms) ---
  void note_activity(double now) { auto_lock_.note_activity(now); }
  // Going to the background also keeps the drafts: a hidden tab may be closed
  // or discarded by the browser without another event.
  void set_hidden(bool hidden, double now);
  // Locks when the idle time or the hidden grace period ran out; true if it did.
  bool tick(double now);
  const AutoLock& auto_lock() const { return auto_lock_; }
  Status set_auto_lock_minutes(int minutes);  // kept in the store's settings

  // --- Actions: one user action = one transaction ---
  // Runs `body` in one transaction; `what` names the action for the save
  // indicator ("not saved: ...").
  Status act(Str what, const std::function<Status(sqlite3*)>& body);
  // Runs a repository action (src/store/cases.h and friends, which take a
  // Store) as one user action: its own transaction becomes the action's.
  Status act_on_store(Str what, const std::function<Status(Store&)>& body);
  // The open store for the repositories' read queries; nullptr while locked.
  const Store* reader() const { return store_.is_open() ? &store_ : nullptr; }
  Result<std::optional<std::string>> setting(std::string_view key);
  Status save_setting(Str what, std::string_view key, std::string_view value);
  Status remove_setting(Str what, std::string_view key);
  // Settings whose key starts with `prefix`, ordered by key.
  Result<std::vector<std::pair<std::string, std::string>>> settings_with_prefix(std::string_view prefix);
  Result<IntegrityReport> check();
  // Benchmarks and tests only: adds `rows` settings rows "test.fill.N" of
  // `bytes` random hex characters in one transaction (grows the database).
  Status fill_for_benchmark(int rows, int bytes);

  // --- Saving ---
  const SaveStatus& save_status() const { return save_; }
  void retry();  // restarts a stopped queue (a failed commit is tried again)
  // Called whenever the save status or the state changes (host: draw a frame).
  void set_change_listener(std::function<void()> listener) { changed_ = std::move(listener); }

 private:
  Status open_store(std::string_view passphrase, bool create, double now);
  void note_replacement(uint64_t sequence);  // the save indicator's label for a whole-file commit
  void on_outcome(const CommitOutcome& outcome);
  void keep_drafts();
  void note_commit(Str what);
  void refresh_pending();
  void changed() {
    if (changed_) changed_();
  }

  PageSink& sink_;
  QueuedPageStore queued_;
  Options options_;
  Store store_;
  Availability availability_;
  bool has_store_ = false;
  AutoLock auto_lock_;
  UnlockThrottle throttle_;
  SaveStatus save_;
  std::vector<std::pair<uint64_t, Str>> labels_;  // accepted sequence -> the action
  uint64_t labelled_ = 0;                         // the newest sequence with a label
  std::function<void()> changed_;
  std::function<void()> draft_keeper_;
  bool keeping_drafts_ = false;  // the keeper's own commits must not call it again
};

}  // namespace bb::store
