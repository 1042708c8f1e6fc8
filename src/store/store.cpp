// The encrypted local store: unlock, lock, rekey, check and transactions
// (store.h). The cipher and KDF choice is explained in docs/store.md.
//
// Index of this file:
// [SECTION] SQLite set-up (zeroing allocator, cipher configuration)
// [SECTION] Secrets
// [SECTION] Store
// [SECTION] Transactions
#include "store/store.h"

#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "store/migrations.h"
#include "store/page_vfs.h"
#include "store/sql.h"

namespace bb::store {

//-----------------------------------------------------------------------------
// [SECTION] SQLite set-up (zeroing allocator, cipher configuration)
//-----------------------------------------------------------------------------

namespace {

// SQLite's memory goes through these functions: each block remembers its size
// and is wiped before it is freed, so plaintext pages of a locked store do not
// linger in freed heap memory. (8-byte header: SQLite needs 8-byte alignment.)
void* zero_malloc(int size) {
  auto* block = static_cast<sqlite3_int64*>(std::malloc(static_cast<size_t>(size) + 8));
  if (!block) return nullptr;
  block[0] = size;
  return block + 1;
}
void zero_free(void* p) {
  if (!p) return;
  auto* block = static_cast<sqlite3_int64*>(p) - 1;
  sodium_memzero(p, static_cast<size_t>(block[0]));
  std::free(block);
}
int zero_size(void* p) { return p ? static_cast<int>(static_cast<sqlite3_int64*>(p)[-1]) : 0; }
void* zero_realloc(void* p, int size) {
  void* fresh = zero_malloc(size);
  if (fresh && p) std::memcpy(fresh, p, static_cast<size_t>(std::min(size, zero_size(p))));
  if (fresh) zero_free(p);
  return fresh;
}
int zero_roundup(int size) { return (size + 7) & ~7; }
int zero_init(void*) { return SQLITE_OK; }
void zero_shutdown(void*) {}

const sqlite3_mem_methods zeroing_allocator = {
    zero_malloc, zero_free, zero_realloc, zero_size, zero_roundup, zero_init, zero_shutdown, nullptr,
};

Status init_sqlite() {
  static std::once_flag once;
  static bool sodium_ok = false;
  std::call_once(once, [] {
    sodium_ok = sodium_init() >= 0;
    // Fails harmlessly (SQLITE_MISUSE) if someone initialised SQLite first.
    (void)sqlite3_config(SQLITE_CONFIG_MALLOC, &zeroing_allocator);
    (void)sqlite3_initialize();
  });
  if (!sodium_ok) return make_error(Str::err_internal, "sodium_init failed");
  return register_page_vfs();
}

constexpr const char* kCipher = "aegis";
constexpr int kAegis256 = 4;  // SQLite3MC's AEGIS_ALGORITHM_256

// SQLite3MC resets a parameter to its default each time it reads it (at key,
// at rekey), so the connection's defaults are set ("default:" prefix): every
// key and rekey on this connection then uses AEGIS-256 with these settings.
Status configure_cipher(sqlite3* db, const Kdf& kdf) {
  const int index = sqlite3mc_cipher_index(kCipher);
  bool ok = index > 0 && sqlite3mc_config(db, "default:cipher", index) == index;
  ok = ok && sqlite3mc_config_cipher(db, kCipher, "default:algorithm", kAegis256) == kAegis256;
  ok = ok && sqlite3mc_config_cipher(db, kCipher, "default:tcost", kdf.time_cost) == kdf.time_cost;
  ok = ok && sqlite3mc_config_cipher(db, kCipher, "default:mcost", kdf.memory_kib) == kdf.memory_kib;
  ok = ok && sqlite3mc_config_cipher(db, kCipher, "default:pcost", kdf.parallelism) == kdf.parallelism;
  if (!ok) return make_error(Str::err_internal, "cannot configure the aegis cipher of sqlite3mc");
  return {};
}

bool file_exists(const std::string& path, off_t* size = nullptr) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  if (size) *size = st.st_size;
  return true;
}

}  // namespace

Kdf production_kdf() { return Kdf{2, 19456, 1}; }
Kdf test_kdf() { return Kdf{1, 64, 1}; }

//-----------------------------------------------------------------------------
// [SECTION] Secrets
//-----------------------------------------------------------------------------

Secret& Secret::operator=(Secret&& other) noexcept {
  if (this != &other) {
    clear();
    bytes_ = std::move(other.bytes_);
  }
  return *this;
}

void Secret::clear() {
  if (!bytes_.empty()) sodium_memzero(bytes_.data(), bytes_.size());
  bytes_.clear();
}

Result<Secret> read_passphrase_file(const std::string& path) {
  const bool from_stdin = path == "-";
  std::FILE* f = from_stdin ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return make_error(Str::err_file_read, "cannot open " + path + ": " + std::strerror(errno), path);
  std::vector<char> line(4096);  // fixed: growing would leave copies behind
  size_t n = 0;
  int c = 0;
  while ((c = std::fgetc(f)) != EOF && c != '\n') {
    if (n == line.size()) {
      sodium_memzero(line.data(), line.size());
      if (!from_stdin) std::fclose(f);
      return make_error(Str::err_file_read, "passphrase longer than 4096 bytes in " + path, path);
    }
    line[n++] = static_cast<char>(c);
  }
  if (!from_stdin) std::fclose(f);
  if (n > 0 && line[n - 1] == '\r') --n;
  Secret secret(std::string_view(line.data(), n));
  sodium_memzero(line.data(), line.size());
  if (secret.empty()) return make_error(Str::passphrase_empty, "empty passphrase in " + path);
  return secret;
}

//-----------------------------------------------------------------------------
// [SECTION] Store
//-----------------------------------------------------------------------------

Store::Store(Store&& other) noexcept
    : db_(other.db_), page_name_(std::move(other.page_name_)), options_(other.options_) {
  other.db_ = nullptr;
  other.page_name_.clear();
}

Store& Store::operator=(Store&& other) noexcept {
  if (this != &other) {
    lock();
    db_ = other.db_;
    page_name_ = std::move(other.page_name_);
    options_ = other.options_;
    other.db_ = nullptr;
    other.page_name_.clear();
  }
  return *this;
}

void Store::lock() {
  if (db_) sqlite3_close_v2(db_);  // frees the codec (SQLite3MC wipes the key) and the page cache
  db_ = nullptr;
  if (!page_name_.empty()) detach_page_store(page_name_);
  page_name_.clear();
}

Result<Store> Store::create(const std::string& path, std::string_view passphrase, const Options& options) {
  if (file_exists(path)) return make_error(Str::store_exists, "refusing to overwrite " + path, path);
  auto store = open_impl(path, nullptr, true, false, passphrase, options);
  if (!store.ok()) std::remove(path.c_str());  // it did not exist before: leave nothing half-made
  return store;
}

Result<Store> Store::open(const std::string& path, std::string_view passphrase, const Options& options) {
  off_t size = 0;
  if (!file_exists(path, &size)) return make_error(Str::store_not_found, "no such file: " + path, path);
  if (size == 0) return make_error(Str::store_unreadable, path + " is empty", path);
  return open_impl(path, nullptr, false, false, passphrase, options);
}

namespace {
std::string next_page_name() {
  static std::atomic<int> counter{0};
  return "bb-store-" + std::to_string(++counter);
}
}  // namespace

Result<Store> Store::create(PageStore& pages, std::string_view passphrase, const Options& options) {
  BB_TRY(init_sqlite());
  if (!pages.empty())
    return make_error(Str::store_exists, "refusing to overwrite a non-empty page store", "IndexedDB");
  const std::string name = next_page_name();
  BB_TRY(attach_page_store(name, &pages));
  return open_impl(name, page_vfs_name(), true, true, passphrase, options);
}

Result<Store> Store::open(PageStore& pages, std::string_view passphrase, const Options& options) {
  BB_TRY(init_sqlite());
  if (pages.empty()) return make_error(Str::store_not_found, "the page store is empty", "IndexedDB");
  const std::string name = next_page_name();
  BB_TRY(attach_page_store(name, &pages));
  return open_impl(name, page_vfs_name(), false, true, passphrase, options);
}

Result<Store> Store::open_impl(const std::string& name, const char* vfs, bool create, bool paged,
                               std::string_view passphrase, const Options& options) {
  Store store;  // closes (and detaches) on every early return
  if (paged) store.page_name_ = name;
  store.options_ = options;
  BB_TRY(init_sqlite());
  if (passphrase.empty()) return make_error(Str::passphrase_empty, "empty passphrase");

  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_EXRESCODE;
  if (sqlite3_open_v2(name.c_str(), &store.db_, flags, vfs) != SQLITE_OK) {
    return sql_error(store.db_, "open " + name, Str::store_unreadable);
  }
  BB_TRY(configure_cipher(store.db_, options.kdf));
  if (sqlite3_key_v2(store.db_, "main", passphrase.data(), static_cast<int>(passphrase.size())) !=
      SQLITE_OK) {
    return sql_error(store.db_, "key " + name, Str::store_unreadable);
  }
  // The key is only checked when a page is read: read the schema now, before
  // anything could write. A wrong key fails here with SQLITE_NOTADB.
  auto tables = query_int(store.db_, "SELECT count(*) FROM sqlite_master");
  if (!tables.ok()) {
    if ((sqlite3_extended_errcode(store.db_) & 0xff) == SQLITE_NOTADB) {
      return make_error(Str::store_wrong_passphrase,
                        "wrong passphrase (or not a Begleitbuch store): " + name);
    }
    return tables.error();
  }
  // Settings that touch no page: safe before the version check.
  BB_TRY(exec(store.db_, "PRAGMA foreign_keys = ON"));
  BB_TRY(exec(store.db_, "PRAGMA synchronous = FULL"));
  BB_TRY(exec(store.db_, "PRAGMA secure_delete = ON"));
  const char* mode = paged ? "memory" : "delete";
  auto journal =
      query_text(store.db_, paged ? "PRAGMA journal_mode = MEMORY" : "PRAGMA journal_mode = DELETE");
  if (!journal.ok()) return journal.error();
  if (journal->value_or("") != mode) {
    return make_error(Str::err_internal,
                      "journal_mode stayed " + journal->value_or("?") + ", wanted " + mode);
  }
  const auto& list = options.migrations ? *options.migrations : migrations();
  BB_TRY(refuse_newer(store.db_, list));  // before any write: a newer store stays untouched
  if (create || options.migrate) BB_TRY(migrate(store.db_, list));
  return store;
}

Status Store::change_passphrase(std::string_view new_passphrase) {
  if (!db_) return make_error(Str::store_locked, "store is locked");
  if (new_passphrase.empty()) return make_error(Str::passphrase_empty, "empty new passphrase");
  BB_TRY(configure_cipher(db_, options_.kdf));
  if (sqlite3_rekey_v2(db_, "main", new_passphrase.data(), static_cast<int>(new_passphrase.size())) !=
      SQLITE_OK) {
    return sql_error(db_, "rekey", Str::store_passphrase_unchanged);
  }
  auto tables = query_int(db_, "SELECT count(*) FROM sqlite_master");
  if (!tables.ok()) return sql_error(db_, "read after rekey", Str::store_passphrase_unchanged);
  return {};
}

int Store::schema_version() const {
  if (!db_) return 0;
  auto v = store::schema_version(db_);
  return v.ok() ? *v : 0;
}

Result<IntegrityReport> Store::check() {
  if (!db_) return make_error(Str::store_locked, "store is locked");
  IntegrityReport report;
  {
    auto s = Statement::prepare(db_, "PRAGMA integrity_check");
    if (!s.ok()) return s.error();
    for (;;) {
      auto row = s->step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      const auto line = s->column_text(0);
      if (line != "ok") report.problems.push_back(line);
    }
  }
  {
    auto s = Statement::prepare(db_, "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check");
    if (!s.ok()) return s.error();
    for (;;) {
      auto row = s->step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      report.problems.push_back("foreign key violation in " + s->column_text(0) + " row " +
                                std::to_string(s->column_int(1)) + " (parent " + s->column_text(2) + ")");
    }
  }
  report.ok = report.problems.empty();
  report.schema_version = schema_version();
  auto pages = query_int(db_, "PRAGMA page_count");
  if (pages.ok()) report.page_count = pages->value_or(0);

  CipherInfo& c = report.cipher;
  // The connection's cipher defaults (set before keying; the key only works
  // with them, so they are the ones in effect).
  const int index = sqlite3mc_config(db_, "default:cipher", -1);
  c.cipher = index > 0 ? sqlite3mc_cipher_name(index) : "?";
  const int algorithm = sqlite3mc_config_cipher(db_, kCipher, "default:algorithm", -1);
  c.algorithm = algorithm == kAegis256 ? "AEGIS-256" : "AEGIS variant " + std::to_string(algorithm);
  c.kdf.time_cost = sqlite3mc_config_cipher(db_, kCipher, "default:tcost", -1);
  c.kdf.memory_kib = sqlite3mc_config_cipher(db_, kCipher, "default:mcost", -1);
  c.kdf.parallelism = sqlite3mc_config_cipher(db_, kCipher, "default:pcost", -1);
  c.sqlite3mc_version = sqlite3mc_version();
  c.sqlite_version = sqlite3_libversion();
  auto page_size = query_int(db_, "PRAGMA page_size");
  if (page_size.ok()) c.page_size = static_cast<int>(page_size->value_or(0));
  int reserved = -1;
  if (sqlite3_file_control(db_, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserved) == SQLITE_OK)
    c.reserved_bytes = reserved;
  return report;
}

//-----------------------------------------------------------------------------
// [SECTION] Transactions
//-----------------------------------------------------------------------------

Status with_transaction(sqlite3* db, const std::function<Status()>& body) {
  if (!db) return make_error(Str::store_locked, "store is locked");
  if (!sqlite3_get_autocommit(db)) {  // nested: a savepoint of the outer transaction
    BB_TRY(exec(db, "SAVEPOINT bb_action"));
    Status status;
    try {
      status = body();
    } catch (...) {
      (void)exec(db, "ROLLBACK TO bb_action; RELEASE bb_action");
      throw;
    }
    if (!status.ok()) {
      (void)exec(db, "ROLLBACK TO bb_action; RELEASE bb_action");
      return status;
    }
    return exec(db, "RELEASE bb_action");
  }
  BB_TRY(exec(db, "BEGIN IMMEDIATE"));
  Status status;
  try {
    status = body();
  } catch (...) {
    if (!sqlite3_get_autocommit(db)) (void)exec(db, "ROLLBACK");
    throw;
  }
  if (status.ok()) status = exec(db, "COMMIT");
  if (!status.ok() && !sqlite3_get_autocommit(db)) (void)exec(db, "ROLLBACK");
  return status;
}

Status with_transaction(Store& store, const std::function<Status(sqlite3*)>& body) {
  sqlite3* db = store.db();
  return with_transaction(db, [&] { return body(db); });
}

}  // namespace bb::store
