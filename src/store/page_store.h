// Where the pages of the encrypted database live between sessions: the
// PageStore interface under the persistence VFS (page_vfs.h), and its native
// implementations. Spec: docs/store.md, "The VFS contract".
//
// The VFS hands over ONE CommitRecord per committed SQLite transaction. The
// pages in it are ciphertext (SQLite3MC encrypts above the VFS). A PageStore
// must apply a record completely or not at all, in sequence order, and must
// never drop a record it accepted: after a crash the store is exactly at some
// committed record, never between two.
//
// Index of this file:
// [SECTION] Commit records and images
// [SECTION] PageStore (the interface)
// [SECTION] MemoryPageStore (tests; fault injection)
// [SECTION] FilePageStore (native; append-only log with compaction)
// [SECTION] QueuedPageStore (asynchronous sinks such as IndexedDB)
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"

namespace bb::store {

//-----------------------------------------------------------------------------
// [SECTION] Commit records and images
//-----------------------------------------------------------------------------

struct Page {
  uint32_t number = 0;         // 1-based, as SQLite counts pages
  std::vector<uint8_t> bytes;  // exactly page_size bytes of ciphertext
};

struct CommitRecord {
  uint64_t sequence = 0;    // 1, 2, 3, ...: one per committed transaction, no gaps
  uint32_t page_size = 0;   // bytes per page (fixed once the database exists)
  uint32_t page_count = 0;  // file size in pages after this commit (shrinks too)
  std::vector<Page> pages;  // the pages this commit changed, ascending by number
  uint64_t checksum = 0;    // record_checksum() of all the fields above
};

// BLAKE2b-128 over sequence, page size, page count and each (number, bytes),
// little-endian, truncated to its first 8 bytes. Detects torn or mixed-up
// records; the pages themselves are authenticated by the cipher (AEGIS).
uint64_t record_checksum(const CommitRecord& record);
void seal(CommitRecord& record);  // sets record.checksum
bool checksum_ok(const CommitRecord& record);

// The whole database file as of one committed record.
struct Image {
  uint64_t sequence = 0;   // the last record applied (0: never committed)
  uint32_t page_size = 0;  // 0 while empty
  uint32_t page_count = 0;
  std::vector<uint8_t> bytes;  // page_size * page_count bytes
};

// Applies one record to an image: checks checksum and sequence, resizes to
// page_count, copies the pages. On error the image is unchanged.
Status apply_record(Image& image, const CommitRecord& record);

//-----------------------------------------------------------------------------
// [SECTION] PageStore (the interface)
//-----------------------------------------------------------------------------

// The completion of one commit, for the save indicator ("Gespeichert").
struct CommitOutcome {
  uint64_t sequence = 0;
  bool ok = false;
  std::string message;               // technical, English; empty when ok
  Str error = Str::store_not_saved;  // when failed: the kind (Str::store_full for a quota error)
};
using CommitListener = std::function<void(const CommitOutcome&)>;

class PageStore {
 public:
  virtual ~PageStore() = default;

  // The last durable image plus, for a queued store, every accepted record
  // not yet durable (so a reopen sees what the UI saw). Empty for a new store.
  virtual Result<Image> load() = 0;

  // Hands over one sealed record (sequence = last + 1). ok means: durable now
  // (a synchronous store) or accepted in order and kept until durable (an
  // asynchronous store; its completion comes later through the listener). An
  // error means refused now: the VFS rolls the transaction back, SQLite reports
  // the error, and the store must be exactly as before the call. Errors of
  // kind Str::store_full mean the device or quota is full.
  virtual Status commit(CommitRecord record) = 0;

  // True when no record has ever been committed (cheaper than load()).
  virtual bool empty() = 0;

  // One call per record: ok once it is durable, failed when it cannot be made
  // durable (for a queued store: kept for retry). Synchronous stores call it
  // before commit() returns.
  void set_listener(CommitListener listener) { listener_ = std::move(listener); }

 protected:
  void notify(const CommitOutcome& outcome) {
    if (listener_) listener_(outcome);
  }

 private:
  CommitListener listener_;
};

//-----------------------------------------------------------------------------
// [SECTION] MemoryPageStore (tests; fault injection)
//-----------------------------------------------------------------------------

// Keeps every record in memory. Fault injection: fail_commit(n) makes the n-th
// commit() from now fail (1 = the next one), leaving the store unchanged.
class MemoryPageStore final : public PageStore {
 public:
  Result<Image> load() override;
  Status commit(CommitRecord record) override;
  bool empty() override { return records_.empty(); }

  void fail_commit(int nth, bool as_full = false);  // the n-th next commit fails
  const std::vector<CommitRecord>& records() const { return records_; }
  // The image after the first `count` records: what a crash right after
  // commit number `count` leaves behind.
  Result<Image> image_after(size_t count) const;
  void clear() { records_.clear(); }

 private:
  std::vector<CommitRecord> records_;  // every committed record, in order
  int fail_countdown_ = 0;             // 0: no fault armed
  bool fail_as_full_ = false;          // the armed fault reports a full store
};

//-----------------------------------------------------------------------------
// [SECTION] FilePageStore (native; append-only log with compaction)
//-----------------------------------------------------------------------------

// One file: an 8-byte magic, then commit records appended one after another,
// each fsync'ed before commit() returns. load() replays the log and stops at
// the first incomplete or damaged record (a torn append from a crash) and
// cuts it off. When the log grows past twice the image (plus 1 MiB), it is
// compacted: the image as one record into "<path>.compact", fsync, rename.
// Layout of a record (little-endian): "BBCR", u32 record length, u64 sequence,
// u32 page size, u32 page count, u32 number of pages, then per page u32 number
// + bytes, then u64 checksum.
class FilePageStore final : public PageStore {
 public:
  explicit FilePageStore(std::string path) : path_(std::move(path)) {}
  Result<Image> load() override;
  Status commit(CommitRecord record) override;
  bool empty() override;

  Status compact();  // rewrites the log as one record
  uint64_t log_bytes() const { return log_bytes_; }
  const std::string& path() const { return path_; }
  uint64_t compact_threshold = 1u << 20;  // slack before compaction, bytes

 private:
  std::string path_;
  uint64_t log_bytes_ = 0;    // size of the valid log (known after load/commit)
  uint64_t image_bytes_ = 0;  // page_size * page_count of the last record
  uint64_t last_sequence_ = 0;
  bool loaded_ = false;
};

//-----------------------------------------------------------------------------
// [SECTION] QueuedPageStore (asynchronous sinks such as IndexedDB)
//-----------------------------------------------------------------------------

// Where an asynchronous store writes: the browser implements this with one
// IndexedDB readwrite transaction per record ({durability: 'strict'}; done()
// on 'complete', done(error) on 'abort'/'error').
class PageSink {
 public:
  virtual ~PageSink() = default;
  virtual Result<Image> load() = 0;  // the durable image
  // True when nothing was ever written (sinks that keep the image override this cheaply).
  virtual bool empty() {
    auto image = load();
    return !image.ok() || image->sequence == 0;
  }
  // Starts writing one record; calls done exactly once, maybe much later.
  virtual void write(const CommitRecord& record, std::function<void(Status)> done) = 0;
};

// Accepts commits at once and writes them through the sink strictly one after
// another. A failed write stops the queue: that record and all later ones stay
// queued (never dropped) until retry(). load() = durable image + queued records.
class QueuedPageStore final : public PageStore {
 public:
  explicit QueuedPageStore(PageSink& sink) : sink_(sink) {}
  Result<Image> load() override;
  Status commit(CommitRecord record) override;
  bool empty() override;

  void retry();                                     // restarts a stopped queue
  size_t pending() const { return queue_.size(); }  // accepted, not yet durable
  bool stopped() const { return stopped_; }         // a write failed; waiting for retry()

 private:
  void start_next();
  void on_done(uint64_t sequence, Status status);

  PageSink& sink_;
  std::deque<CommitRecord> queue_;  // front is being written (or failed)
  bool writing_ = false;            // the front record is with the sink
  bool stopped_ = false;            // the front record failed
  uint64_t last_accepted_ = 0;      // sequence of the newest accepted record
};

}  // namespace bb::store
