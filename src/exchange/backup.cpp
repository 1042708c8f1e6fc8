// Backup and restore (backup.h; design in docs/exchange.md).
//
// Index of this file:
// [SECTION] Helpers
// [SECTION] Header
// [SECTION] Writing a backup
// [SECTION] Reading and restoring
// [SECTION] Reminder
#include "exchange/backup.h"

#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "core/passphrase.h"
#include "core/version_info.h"
#include "crypto/age.h"
#include "crypto/armor.h"
#include "crypto/keys.h"
#include "crypto/scrypt.h"
#include "exchange/json_header.h"
#include "store/migrations.h"
#include "store/page_store.h"
#include "store/sql.h"

namespace bb::exchange {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

namespace {

using crypto::ByteView;

// SQLite must be initialised by the store first: it installs the allocator
// that wipes every freed block (store.cpp). Store::open on an empty page
// store runs that initialisation and then returns "not found" without any
// side effect. (store.h has no public init function.)
void ensure_sqlite_ready() {
  static std::atomic<bool> done{false};
  if (done.load()) return;
  store::MemoryPageStore empty;
  (void)store::Store::open(empty, "-");
  done.store(true);
}

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string unique_name(const char* stem) {
  static std::atomic<int> counter{0};
  return std::string("file:/") + stem + "-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) +
         "?vfs=memdb";
}

// Percent-encodes a path for a "file:" URI (RFC 3986 unreserved and "/" pass).
std::string uri_path(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

bool file_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

Error map_decrypt_error(const Error& e) {
  if (e.is(Str::age_err_wrong_passphrase)) return make_error(Str::backup_err_wrong_passphrase, e.detail);
  if (e.is(Str::age_err_no_match)) return make_error(Str::backup_err_wrong_key, e.detail);
  if (e.is(Str::age_err_not_age_file)) return make_error(Str::backup_err_not_backup, e.detail);
  if (e.is(Str::age_err_header_damaged) || e.is(Str::age_err_header_mac) ||
      e.is(Str::age_err_payload_damaged) || e.is(Str::age_err_armor) || e.is(Str::age_err_scrypt_not_alone)) {
    return make_error(Str::backup_err_damaged, e.detail);
  }
  return e;  // our own sink errors, work factor, unsupported age version, ...
}

Result<std::string> single_text(sqlite3* db, const char* sql) {
  auto v = store::query_text(db, sql);
  if (!v.ok()) return v.error();
  return v->value_or("");
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Header
//-----------------------------------------------------------------------------

std::string format_backup_header(const BackupHeader& h) {
  std::string out = "{";
  out += "\"format\":" + json_quote(h.format);
  out += ",\"version\":" + std::to_string(h.version);
  out += ",\"created\":" + json_quote(h.created);
  out += ",\"app_version\":" + json_quote(h.app_version);
  out += ",\"schema_version\":" + std::to_string(h.schema_version);
  out += ",\"page_size\":" + std::to_string(h.page_size);
  out += ",\"page_count\":" + std::to_string(h.page_count);
  out += ",\"image_bytes\":" + std::to_string(h.image_bytes);
  out += ",\"sqlite_version\":" + json_quote(h.sqlite_version);
  return out + "}";
}

Result<BackupHeader> parse_backup_header(std::string_view line, const BackupLimits& limits) {
  auto object = parse_json_object(line);
  if (!object.ok()) return object.error();
  BackupHeader h;
  {
    auto format = object->optional_text("format");
    if (!format || *format != kBackupFormat) {
      return make_error(Str::backup_err_not_backup, "backup header: format is not \"begleitbuch-backup\"");
    }
    h.format = *format;
  }
  auto version = object->integer("version");
  if (!version.ok()) return make_error(Str::backup_err_unknown_version, version.error().detail, "?");
  if (*version > kBackupVersion) {
    return make_error(Str::backup_err_newer_version,
                      "backup format version " + std::to_string(*version) + " is newer than " +
                          std::to_string(kBackupVersion),
                      std::to_string(*version));
  }
  if (*version < 1) {
    return make_error(Str::backup_err_unknown_version, "backup format version " + std::to_string(*version),
                      std::to_string(*version));
  }
  h.version = *version;
  auto text = [&](const char* key, std::string& out) -> Status {
    auto v = object->text(key);
    if (!v.ok()) return v.error();
    if (v->size() > 200)
      return make_error(Str::backup_err_header, std::string("backup header: ") + key + " too long");
    out = *v;
    return {};
  };
  auto integer = [&](const char* key, int64_t& out) -> Status {
    auto v = object->integer(key);
    if (!v.ok()) return v.error();
    out = *v;
    return {};
  };
  BB_TRY(text("created", h.created));
  BB_TRY(text("app_version", h.app_version));
  BB_TRY(integer("schema_version", h.schema_version));
  BB_TRY(integer("page_size", h.page_size));
  BB_TRY(integer("page_count", h.page_count));
  BB_TRY(integer("image_bytes", h.image_bytes));
  if (auto v = object->optional_text("sqlite_version")) h.sqlite_version = v->substr(0, 200);
  auto bad = [](const std::string& what) {
    return make_error(Str::backup_err_header, "backup header: " + what);
  };
  if (!parse_date(h.created)) return bad("created is not a date");
  if (h.schema_version < 1) return bad("schema_version below 1");
  if (h.page_size < 512 || h.page_size > 65536 || (h.page_size & (h.page_size - 1)) != 0) {
    return bad("page_size is not a power of two in 512..65536");
  }
  if (h.page_count < 1 || h.page_count > (int64_t{1} << 40)) return bad("page_count out of range");
  if (h.image_bytes != h.page_size * h.page_count) return bad("image_bytes is not page_size * page_count");
  if (h.image_bytes > limits.max_image_bytes) {
    return make_error(Str::backup_err_too_large,
                      "backup image of " + std::to_string(h.image_bytes) + " bytes exceeds the limit of " +
                          std::to_string(limits.max_image_bytes),
                      std::to_string(h.image_bytes / (1024 * 1024)) + " MB");
  }
  return h;
}

//-----------------------------------------------------------------------------
// [SECTION] Writing a backup
//-----------------------------------------------------------------------------

namespace {

// A consistent plaintext snapshot of the store: VACUUM INTO an in-memory
// database (it reads in one read transaction; the result is compact). The
// store's pages are decrypted by SQLite3MC on the way; the in-memory copy has
// no key. Freed (and wiped by the allocator) on destruction.
class Snapshot {
 public:
  ~Snapshot() {
    if (db_) sqlite3_close_v2(db_);
  }
  Status take(sqlite3* source) {
    const std::string name = unique_name("bb-backup");
    if (sqlite3_open_v2(name.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
                        nullptr) != SQLITE_OK) {
      return store::sql_error(db_, "open snapshot", Str::err_internal);
    }
    auto s = store::Statement::prepare(source, "VACUUM INTO ?1");
    if (!s.ok()) return s.error();
    BB_TRY(s->bind(1, std::string_view(name)).run());
    if (sqlite3_file_control(db_, "main", SQLITE_FCNTL_FILE_POINTER, &file_) != SQLITE_OK || !file_) {
      return make_error(Str::err_internal, "snapshot: no file pointer");
    }
    sqlite3_int64 size = 0;
    if (file_->pMethods->xFileSize(file_, &size) != SQLITE_OK) {
      return make_error(Str::err_internal, "snapshot: no file size");
    }
    size_ = size;
    return {};
  }
  sqlite3* db() const { return db_; }
  int64_t size() const { return size_; }
  // Reads the image in pieces of up to 64 KiB.
  Status read(int64_t offset, uint8_t* buf, int n) {
    if (file_->pMethods->xRead(file_, buf, n, offset) != SQLITE_OK) {
      return make_error(Str::err_internal, "snapshot: read failed at " + std::to_string(offset));
    }
    return {};
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_file* file_ = nullptr;
  int64_t size_ = 0;
};

}  // namespace

Result<BackupInfo> write_backup(const store::Store& store, const BackupOptions& options, crypto::Sink out,
                                crypto::Sink recovery_out) {
  if (!store.is_open()) return make_error(Str::store_locked, "store is locked");
  if (options.passphrase.empty()) return make_error(Str::passphrase_empty, "empty backup passphrase");
  std::vector<crypto::RecipientPtr> main_recipients{
      std::make_shared<crypto::ScryptRecipient>(options.passphrase, options.work_factor)};
  std::vector<crypto::RecipientPtr> recovery_recipients;
  if (!options.recovery_recipient.empty()) {
    auto r = crypto::parse_recipient(options.recovery_recipient);
    if (!r.ok() || options.recovery_recipient.rfind("age1", 0) != 0) {
      return make_error(
          Str::backup_err_recovery_key,
          "invalid recovery key: " + (r.ok() ? std::string("not an X25519 key") : r.error().detail),
          options.recovery_recipient.substr(0, 20));
    }
    if (!recovery_out) return make_error(Str::err_internal, "recovery key given but no recovery output");
    recovery_recipients.push_back(*r);
  }

  Snapshot snap;
  BB_TRY(snap.take(store.db()));
  BackupHeader h;
  h.created = utc_now();
  h.app_version = BB_VERSION;
  {
    auto v = store::query_int(snap.db(), "PRAGMA user_version");
    if (!v.ok()) return v.error();
    h.schema_version = v->value_or(0);
    auto ps = store::query_int(snap.db(), "PRAGMA page_size");
    if (!ps.ok()) return ps.error();
    h.page_size = ps->value_or(0);
  }
  h.image_bytes = snap.size();
  h.page_count = h.page_size > 0 ? h.image_bytes / h.page_size : 0;
  h.sqlite_version = sqlite3_libversion();
  if (h.page_size <= 0 || h.page_count * h.page_size != h.image_bytes) {
    return make_error(Str::err_internal, "snapshot size is not a whole number of pages");
  }

  crypto::EncryptOptions eo{options.armor};
  auto enc = crypto::Encryptor::create(main_recipients, std::move(out), eo);
  if (!enc.ok()) return enc.error();
  std::optional<crypto::Encryptor> rec;
  if (!recovery_recipients.empty()) {
    auto r = crypto::Encryptor::create(recovery_recipients, std::move(recovery_out), eo);
    if (!r.ok()) return r.error();
    rec.emplace(std::move(*r));
  }
  auto both = [&](ByteView piece) -> Status {
    BB_TRY(enc->write(piece));
    if (rec) BB_TRY(rec->write(piece));
    return {};
  };
  const std::string line = format_backup_header(h) + "\n";
  BB_TRY(both(line));
  std::vector<uint8_t> buf(64 * 1024);
  for (int64_t off = 0; off < h.image_bytes;) {
    const int n = static_cast<int>(std::min<int64_t>(static_cast<int64_t>(buf.size()), h.image_bytes - off));
    Status st = snap.read(off, buf.data(), n);
    if (st.ok()) st = both(ByteView(buf.data(), static_cast<size_t>(n)));
    if (!st.ok()) {
      sodium_memzero(buf.data(), buf.size());
      return st.error();
    }
    off += n;
  }
  sodium_memzero(buf.data(), buf.size());
  BB_TRY(enc->finish());
  if (rec) BB_TRY(rec->finish());
  return BackupInfo{h, rec.has_value()};
}

Status record_backup(store::Store& store, std::string_view created) {
  return store::with_transaction(store, [&](sqlite3* db) -> Status {
    auto s = store::Statement::prepare(db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
    if (!s.ok()) return s.error();
    return s->bind(1, std::string_view(kLastBackupMeta)).bind(2, created).run();
  });
}

std::string recovery_path(const std::string& out) { return out + ".recovery.age"; }

namespace {

// An output file written as "<path>.part" and renamed into place on commit();
// removed if not committed.
class PartFile {
 public:
  explicit PartFile(std::string path) : path_(std::move(path)), part_(path_ + ".part") {}
  ~PartFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) std::remove(part_.c_str());
  }
  Status open() {
    std::remove(part_.c_str());  // a stale .part of an earlier failed run
    fd_ = ::open(part_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0600);
    if (fd_ < 0) return error("open");
    return {};
  }
  crypto::Sink sink() {
    return [this](ByteView data) -> Status {
      size_t done = 0;
      while (done < data.size) {
        const ssize_t n = ::write(fd_, data.data + done, data.size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return error("write");
        done += static_cast<size_t>(n);
      }
      return {};
    };
  }
  Status sync_and_close() {
    if (::fsync(fd_) != 0) return error("fsync");
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) return error("close");
    return {};
  }
  Status commit() {
    if (std::rename(part_.c_str(), path_.c_str()) != 0) return error("rename");
    committed_ = true;
    return {};
  }

 private:
  Error error(const char* what) {
    return make_error(Str::backup_err_write, std::string(what) + " " + part_ + ": " + std::strerror(errno),
                      path_);
  }
  std::string path_, part_;
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace

Result<BackupInfo> backup_to_file(store::Store& store, const std::string& out, const BackupOptions& options) {
  PartFile main_file(out);
  std::optional<PartFile> recovery_file;
  BB_TRY(main_file.open());
  if (!options.recovery_recipient.empty()) {
    recovery_file.emplace(recovery_path(out));
    BB_TRY(recovery_file->open());
  }
  auto info =
      write_backup(store, options, main_file.sink(), recovery_file ? recovery_file->sink() : crypto::Sink{});
  if (!info.ok()) return info.error();
  BB_TRY(main_file.sync_and_close());
  if (recovery_file) BB_TRY(recovery_file->sync_and_close());
  if (recovery_file) BB_TRY(recovery_file->commit());
  BB_TRY(main_file.commit());
  BB_TRY(record_backup(store, info->header.created));
  return info;
}

//-----------------------------------------------------------------------------
// [SECTION] Reading and restoring
//-----------------------------------------------------------------------------

ValidatedBackup::ValidatedBackup(ValidatedBackup&& other) noexcept
    : header_(std::move(other.header_)), db_(other.db_) {
  other.db_ = nullptr;
}

ValidatedBackup& ValidatedBackup::operator=(ValidatedBackup&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    header_ = std::move(other.header_);
    db_ = other.db_;
    other.db_ = nullptr;
  }
  return *this;
}

ValidatedBackup::~ValidatedBackup() {
  if (db_) sqlite3_close_v2(db_);  // frees the image through the wiping allocator
}

struct BackupReader::Impl {
  enum class Stage { header, image };

  Impl(std::vector<crypto::IdentityPtr> ids, BackupLimits l)
      : limits(l), decryptor(std::move(ids), [this](ByteView d) { return consume(d); }) {}
  ~Impl() {
    if (image) {
      sodium_memzero(image, static_cast<size_t>(header.image_bytes));
      sqlite3_free(image);
    }
    if (!line.empty()) sodium_memzero(line.data(), line.size());
  }

  Status consume(ByteView data) {
    size_t pos = 0;
    if (stage == Stage::header) {
      while (pos < data.size && data.data[pos] != '\n') ++pos;
      if (line.size() + pos > kMaxHeaderBytes) {
        return make_error(Str::backup_err_header_limits,
                          "backup header: no line end within " + std::to_string(kMaxHeaderBytes) + " bytes");
      }
      line.append(reinterpret_cast<const char*>(data.data), pos);
      if (pos == data.size) return {};
      ++pos;  // the "\n"
      auto h = parse_backup_header(line, limits);
      if (!h.ok()) return h.error();
      header = *h;
      image = static_cast<uint8_t*>(sqlite3_malloc64(static_cast<sqlite3_uint64>(header.image_bytes)));
      if (!image) {
        return make_error(Str::backup_err_too_large,
                          "cannot allocate " + std::to_string(header.image_bytes) + " bytes",
                          std::to_string(header.image_bytes / (1024 * 1024)) + " MB");
      }
      stage = Stage::image;
    }
    const size_t rest = data.size - pos;
    if (static_cast<int64_t>(filled + rest) > header.image_bytes) {
      return make_error(Str::backup_err_damaged, "backup: data after the database image");
    }
    if (rest) std::memcpy(image + filled, data.data + pos, rest);
    filled += rest;
    return {};
  }

  BackupLimits limits;
  crypto::Decryptor decryptor;
  Stage stage = Stage::header;
  std::string line;
  BackupHeader header;
  uint8_t* image = nullptr;  // sqlite3_malloc64: handed to SQLite (FREEONCLOSE)
  size_t filled = 0;
  bool finished = false;
};

BackupReader::BackupReader(std::vector<crypto::IdentityPtr> identities, BackupLimits limits)
    : impl_(std::make_unique<Impl>(std::move(identities), limits)) {
  ensure_sqlite_ready();
}

BackupReader::~BackupReader() = default;

Status BackupReader::write(ByteView data) {
  Status st = impl_->decryptor.write(data);
  if (!st.ok()) return map_decrypt_error(st.error());
  return {};
}

Result<ValidatedBackup> BackupReader::finish() {
  Impl& m = *impl_;
  if (m.finished) return make_error(Str::err_internal, "BackupReader::finish called twice");
  m.finished = true;
  Status st = m.decryptor.finish();
  if (!st.ok()) return map_decrypt_error(st.error());
  if (m.stage != Impl::Stage::image) return make_error(Str::backup_err_not_backup, "backup: no header line");
  if (static_cast<int64_t>(m.filled) != m.header.image_bytes) {
    return make_error(Str::backup_err_damaged, "backup: database image is incomplete");
  }
  const BackupHeader& h = m.header;
  // The image itself: SQLite's header, with the page size the header claims.
  if (std::memcmp(m.image, "SQLite format 3\0", 16) != 0) {
    return make_error(Str::backup_err_integrity, "image is not an SQLite database", "kein SQLite-Format");
  }
  const int page_size = (m.image[16] << 8 | m.image[17]) == 1 ? 65536 : (m.image[16] << 8 | m.image[17]);
  if (page_size != h.page_size) {
    return make_error(Str::backup_err_integrity, "page size of the image differs from the header",
                      "Seitengröße");
  }
  ValidatedBackup out;
  out.header_ = h;
  if (sqlite3_open_v2(":memory:", &out.db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    return store::sql_error(out.db_, "open memory database", Str::err_internal);
  }
  uint8_t* image = m.image;
  m.image = nullptr;  // owned by SQLite from here on, also on failure
  if (sqlite3_deserialize(out.db_, "main", image, h.image_bytes, h.image_bytes,
                          SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY) != SQLITE_OK) {
    return store::sql_error(out.db_, "deserialize", Str::backup_err_integrity);
  }
  // integrity_check and foreign keys, one line of problems for the message.
  std::string problems;
  {
    auto s = store::Statement::prepare(out.db_, "PRAGMA integrity_check");
    if (!s.ok()) return make_error(Str::backup_err_integrity, s.error().detail, "nicht lesbar");
    for (;;) {
      auto row = s->step();
      if (!row.ok()) return make_error(Str::backup_err_integrity, row.error().detail, "nicht lesbar");
      if (!*row) break;
      const auto text = s->column_text(0);
      if (text != "ok" && problems.size() < 400) problems += (problems.empty() ? "" : "; ") + text;
    }
    auto fk = store::query_int(out.db_, "SELECT count(*) FROM pragma_foreign_key_check");
    if (!fk.ok()) return make_error(Str::backup_err_integrity, fk.error().detail, "nicht lesbar");
    if (fk->value_or(0) != 0)
      problems += (problems.empty() ? "" : "; ") + std::string("foreign key violations");
  }
  if (!problems.empty())
    return make_error(Str::backup_err_integrity, "integrity_check: " + problems, problems);
  auto version = store::schema_version(out.db_);
  if (!version.ok()) return make_error(Str::backup_err_integrity, version.error().detail, "nicht lesbar");
  if (*version != h.schema_version) {
    return make_error(Str::backup_err_integrity,
                      "schema version " + std::to_string(*version) + " differs from the header's " +
                          std::to_string(h.schema_version),
                      "Stand");
  }
  if (*version > store::latest_schema_version()) {
    return make_error(Str::backup_err_schema_newer,
                      "schema version " + std::to_string(*version) + " is newer than this app's " +
                          std::to_string(store::latest_schema_version()),
                      std::to_string(*version));
  }
  auto meta =
      store::query_int(out.db_, "SELECT count(*) FROM sqlite_master WHERE name = 'meta' AND type = 'table'");
  if (!meta.ok() || meta->value_or(0) != 1) {
    return make_error(Str::backup_err_integrity, "no meta table: not a Begleitbuch store",
                      "kein Begleitbuch");
  }
  return out;
}

Result<ValidatedBackup> read_backup(ByteView file, std::vector<crypto::IdentityPtr> identities,
                                    const BackupLimits& limits) {
  BackupReader reader(std::move(identities), limits);
  BB_TRY(reader.write(file));
  return reader.finish();
}

Result<ValidatedBackup> read_backup_file(const std::string& path, std::vector<crypto::IdentityPtr> identities,
                                         const BackupLimits& limits) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return make_error(Str::err_file_read, "cannot open " + path + ": " + std::strerror(errno), path);
  BackupReader reader(std::move(identities), limits);
  std::vector<uint8_t> buf(64 * 1024);
  size_t n = 0;
  Status st;
  while (st.ok() && (n = std::fread(buf.data(), 1, buf.size(), f)) > 0)
    st = reader.write(ByteView(buf.data(), n));
  const bool bad = std::ferror(f);
  std::fclose(f);
  if (!st.ok()) return st.error();
  if (bad) return make_error(Str::err_file_read, "read error in " + path, path);
  return reader.finish();
}

Result<RestoreResult> restore_backup(const ValidatedBackup& backup, const std::string& store_path,
                                     std::string_view store_passphrase, RestoreChoice choice,
                                     const store::Options& options) {
  if (!backup.db()) return make_error(Str::err_internal, "restore of an empty ValidatedBackup");
  if (store_passphrase.empty()) return make_error(Str::passphrase_empty, "empty store passphrase");
  RestoreResult result;
  if (file_exists(store_path)) {
    if (choice != RestoreChoice::replace) {
      return make_error(Str::restore_err_target_exists,
                        "a store exists at " + store_path + " (choose replace)", store_path);
    }
    // The passphrase must unlock the store that is replaced: a backup file
    // alone does not entitle anyone to overwrite a Begleitbuch.
    store::Options check = options;
    check.migrate = false;
    auto existing = store::Store::open(store_path, store_passphrase, check);
    if (!existing.ok()) return existing.error();
    existing->lock();
    result.replaced = true;
  }
  const std::string temp = store_path + ".restore";
  std::remove(temp.c_str());
  std::remove((temp + "-journal").c_str());
  struct Cleanup {
    std::string path;
    bool keep = false;
    ~Cleanup() {
      if (!keep) std::remove(path.c_str());
      std::remove((path + "-journal").c_str());
    }
  } cleanup{temp};

  // VACUUM INTO a new file encrypted like every store (store.cpp): AEGIS-256,
  // Argon2id with options.kdf, the passphrase as hex key (no quoting issues).
  std::string hexkey(store_passphrase.size() * 2 + 1, '\0');
  sodium_bin2hex(hexkey.data(), hexkey.size(),
                 reinterpret_cast<const unsigned char*>(store_passphrase.data()), store_passphrase.size());
  hexkey.pop_back();
  std::string uri = "file:" + uri_path(temp) +
                    "?cipher=aegis&algorithm=aegis-256&tcost=" + std::to_string(options.kdf.time_cost) +
                    "&mcost=" + std::to_string(options.kdf.memory_kib) +
                    "&pcost=" + std::to_string(options.kdf.parallelism) + "&hexkey=" + hexkey;
  sodium_memzero(hexkey.data(), hexkey.size());
  Status st;
  {
    auto s = store::Statement::prepare(backup.db(), "VACUUM INTO ?1");
    st = s.ok() ? s->bind(1, std::string_view(uri)).run() : Status(s.error());
  }
  sodium_memzero(uri.data(), uri.size());
  if (!st.ok())
    return make_error(Str::restore_err_failed, "writing the restored store: " + st.error().detail);
  {
    // Open as the app will: the key and KDF must work, older schemas migrate,
    // and the result must pass the integrity check.
    auto restored = store::Store::open(temp, store_passphrase, options);
    if (!restored.ok())
      return make_error(Str::restore_err_failed, "opening the restored store: " + restored.error().detail);
    auto report = restored->check();
    if (!report.ok()) return make_error(Str::restore_err_failed, report.error().detail);
    if (!report->ok) {
      return make_error(
          Str::restore_err_failed,
          "restored store fails the check: " + (report->problems.empty() ? "" : report->problems.front()));
    }
    result.schema_version = restored->schema_version();
  }
  if (std::rename(temp.c_str(), store_path.c_str()) != 0) {
    return make_error(Str::restore_err_failed, "rename " + temp + ": " + std::strerror(errno));
  }
  cleanup.keep = true;
  return result;
}

bool looks_like_age_file(crypto::ByteView file) {
  const std::string_view intro = crypto::kIntro;
  if (file.size >= intro.size() && std::memcmp(file.data, intro.data(), intro.size()) == 0) return true;
  return crypto::looks_armored(file);
}

Result<std::vector<uint8_t>> store_file_from_backup(crypto::ByteView file, std::string_view backup_passphrase,
                                                    std::string_view store_passphrase,
                                                    std::string_view confirmation,
                                                    const store::Options& options, BackupHeader* header) {
  BB_TRY(check_passphrase_policy(store_passphrase));
  BB_TRY(check_passphrase_confirmation(store_passphrase, confirmation));
  auto backup = read_backup(file, {std::make_shared<crypto::ScryptIdentity>(std::string(backup_passphrase))});
  if (!backup.ok()) return backup.error();
  if (header) *header = backup->header();
  // A fresh name in the temporary folder (MEMFS in the browser): restore_backup
  // writes, checks and renames there; the bytes are read back and the file goes.
  unsigned char random[8];
  randombytes_buf(random, sizeof random);
  char hex[sizeof random * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, random, sizeof random);
  const char* tmp = std::getenv("TMPDIR");
  const std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/bb-restore-" + hex + ".db";
  struct Remove {
    std::string path;
    ~Remove() { std::remove(path.c_str()); }
  } remove{path};
  auto restored = restore_backup(*backup, path, store_passphrase, RestoreChoice::cancel, options);
  if (!restored.ok()) return restored.error();
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f)
    return make_error(Str::restore_err_failed,
                      "reading the restored store: " + std::string(std::strerror(errno)));
  std::vector<uint8_t> bytes;
  uint8_t buf[64 * 1024];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) bytes.insert(bytes.end(), buf, buf + n);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return make_error(Str::restore_err_failed, "reading the restored store");
  return bytes;
}

//-----------------------------------------------------------------------------
// [SECTION] Reminder
//-----------------------------------------------------------------------------

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (text.size() > 10 && text[10] != 'T') return std::nullopt;
  auto num = [&](size_t pos, size_t len, int& out) {
    out = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      out = out * 10 + (text[i] - '0');
    }
    return true;
  };
  Date d;
  if (!num(0, 4, d.year) || !num(5, 2, d.month) || !num(8, 2, d.day)) return std::nullopt;
  static const int days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.day > days_in[d.month - 1] + (d.month == 2 && leap ? 1 : 0)) return std::nullopt;
  return d;
}

// Howard Hinnant's days_from_civil: days since 1970-01-01.
int64_t days_from_civil(const Date& date) {
  int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (date.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool backup_reminder_due(const Date& today, const std::optional<Date>& last_backup, int days) {
  if (days <= 0) return false;
  if (!last_backup) return true;
  return days_from_civil(today) - days_from_civil(*last_backup) >= days;
}

Result<int> reminder_days(const store::Store& store) {
  if (!store.is_open()) return make_error(Str::store_locked, "store is locked");
  auto v = single_text(store.db(), "SELECT value FROM settings WHERE key = 'backup_reminder_days'");
  if (!v.ok()) return v.error();
  if (v->empty()) return kDefaultReminderDays;
  int days = 0;
  for (const char c : *v) {
    if (c < '0' || c > '9' || days > 100000) return kDefaultReminderDays;
    days = days * 10 + (c - '0');
  }
  return (days >= 1 && days <= 365) ? days : kDefaultReminderDays;
}

Status set_reminder_days(store::Store& store, int days) {
  if (days < 1 || days > 365) {
    return make_error(Str::backup_err_reminder_days, "reminder days out of range: " + std::to_string(days));
  }
  return store::with_transaction(store, [&](sqlite3* db) -> Status {
    auto s = store::Statement::prepare(db, "INSERT OR REPLACE INTO settings(key, value) VALUES (?1, ?2)");
    if (!s.ok()) return s.error();
    return s->bind(1, std::string_view(kReminderSetting)).bind(2, std::to_string(days)).run();
  });
}

Result<std::optional<Date>> last_backup_date(const store::Store& store) {
  if (!store.is_open()) return make_error(Str::store_locked, "store is locked");
  auto v = single_text(store.db(), "SELECT value FROM meta WHERE key = 'last_backup_at'");
  if (!v.ok()) return v.error();
  return parse_date(*v);
}

Result<bool> backup_reminder_due(const store::Store& store, const Date& today) {
  auto days = reminder_days(store);
  if (!days.ok()) return days.error();
  auto last = last_backup_date(store);
  if (!last.ok()) return last.error();
  return backup_reminder_due(today, *last, *days);
}

}  // namespace bb::exchange
