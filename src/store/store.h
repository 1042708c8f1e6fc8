// The encrypted local store: one SQLite3 Multiple Ciphers database, AEGIS-256
// page encryption with an Argon2id key from the user's passphrase. Create,
// unlock, lock, change passphrase, check; every user action runs in ONE
// transaction through with_transaction(). Design: docs/store.md.
//
// Two backings, same database format:
//   a file   (native CLI, tests): SQLite's own OS VFS, journal_mode=DELETE;
//   a PageStore (browser, tests): the persistence VFS of page_vfs.h,
//            journal_mode=MEMORY + batch-atomic commits, one record per commit.
//
// Index of this file:
// [SECTION] Key derivation settings
// [SECTION] Secrets
// [SECTION] Store
// [SECTION] Transactions
#pragma once

#include <sqlite3.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/migrations.h"
#include "store/page_store.h"

namespace bb::store {

//-----------------------------------------------------------------------------
// [SECTION] Key derivation settings
//-----------------------------------------------------------------------------

// Argon2id parameters of SQLite3MC's "aegis" cipher. They are NOT stored in
// the database (only its salt is): they are part of the store format, and a
// store opens only with the settings it was created with.
struct Kdf {
  int time_cost = 2;       // Argon2id passes ("tcost")
  int memory_kib = 19456;  // Argon2id memory in KiB ("mcost")
  int parallelism = 1;     // lanes ("pcost"); 1: the wasm build has no threads
};

// The setting of every real store (format 1): t=2, m=19 MiB, p=1 (the OWASP
// minimum for Argon2id). Chosen in docs/store.md, "Key derivation".
Kdf production_kdf();
// For unit tests only: t=1, m=64 KiB. Never used by the app or the CLI.
Kdf test_kdf();

struct Options {
  Kdf kdf = production_kdf();
  bool migrate = true;  // false: open an older schema as it is (read-only checks)
  const std::vector<Migration>* migrations = nullptr;  // nullptr: the app's (tests pass their own)
};

//-----------------------------------------------------------------------------
// [SECTION] Secrets
//-----------------------------------------------------------------------------

// A passphrase or key in memory: wiped with sodium_memzero when destroyed or
// cleared. Move-only, so no copy is left behind by accident.
class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string_view text) : bytes_(text.begin(), text.end()) {}
  Secret(Secret&& other) noexcept : bytes_(std::move(other.bytes_)) {}
  Secret& operator=(Secret&& other) noexcept;
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;
  ~Secret() { clear(); }

  void clear();
  std::string_view view() const { return {bytes_.data(), bytes_.size()}; }
  bool empty() const { return bytes_.empty(); }

 private:
  std::vector<char> bytes_;
};

// Reads a passphrase: the first line of the file (trailing "\n" or "\r\n"
// stripped), or of standard input when `path` is "-".
Result<Secret> read_passphrase_file(const std::string& path);

//-----------------------------------------------------------------------------
// [SECTION] Store
//-----------------------------------------------------------------------------

struct CipherInfo {
  std::string cipher;     // "aegis"
  std::string algorithm;  // "AEGIS-256"
  Kdf kdf;                // the Argon2id parameters in effect
  std::string sqlite3mc_version;
  std::string sqlite_version;
  int page_size = 0;
  int reserved_bytes = 0;  // per-page nonce + tag
};

struct IntegrityReport {
  bool ok = false;                    // integrity_check said "ok" and no FK violation
  std::vector<std::string> problems;  // the lines of integrity_check / foreign_key_check
  CipherInfo cipher;
  int schema_version = 0;
  int64_t page_count = 0;
};

class Store {
 public:
  Store() = default;
  Store(Store&& other) noexcept;
  Store& operator=(Store&& other) noexcept;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store() { lock(); }

  // Creates a new encrypted store at `path` and migrates it to the newest
  // schema. Refuses an existing file (Str::store_exists), never overwrites.
  static Result<Store> create(const std::string& path, std::string_view passphrase,
                              const Options& options = {});
  // Unlocks and migrates. Wrong passphrase: Str::store_wrong_passphrase, and
  // the file is byte-for-byte unchanged; newer schema: Str::store_newer_version,
  // also unchanged.
  static Result<Store> open(const std::string& path, std::string_view passphrase,
                            const Options& options = {});

  // The same on a PageStore through the persistence VFS (page_vfs.h). The
  // PageStore must outlive the Store.
  static Result<Store> create(PageStore& pages, std::string_view passphrase, const Options& options = {});
  static Result<Store> open(PageStore& pages, std::string_view passphrase, const Options& options = {});

  // Closes the database: SQLite3MC wipes its key schedule, the page cache is
  // freed through an allocator that zeroes memory (see store.cpp). Idempotent.
  void lock();
  bool is_open() const { return db_ != nullptr; }

  // PRAGMA rekey: a fresh salt and key, every page re-encrypted in one
  // transaction. On failure the old passphrase still applies.
  Status change_passphrase(std::string_view new_passphrase);

  // PRAGMA integrity_check + foreign_key_check + cipher information.
  Result<IntegrityReport> check();

  int schema_version() const;
  sqlite3* db() const { return db_; }  // for repositories in src/store and tests
  // The page VFS name of a PageStore-backed store ("" for a file).
  const std::string& page_name() const { return page_name_; }

 private:
  static Result<Store> open_impl(const std::string& name, const char* vfs, bool create, bool paged,
                                 std::string_view passphrase, const Options& options);

  sqlite3* db_ = nullptr;
  std::string page_name_;  // attachment name in the page VFS, if paged
  Options options_;
};

//-----------------------------------------------------------------------------
// [SECTION] Transactions
//-----------------------------------------------------------------------------

// One user action = one transaction: BEGIN IMMEDIATE, body, COMMIT; ROLLBACK
// when the body or the COMMIT fails, so nothing is ever half-saved. Nested
// calls become SAVEPOINTs of the outer transaction.
Status with_transaction(sqlite3* db, const std::function<Status()>& body);
Status with_transaction(Store& store, const std::function<Status(sqlite3*)>& body);

}  // namespace bb::store
