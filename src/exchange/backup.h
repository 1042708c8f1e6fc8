// Full encrypted backup and restore of a store (issue 8, "Sicherung und
// Wiederherstellung"). Design, format and error table: docs/exchange.md.
//
// In short:
//   - A backup file is a standard age v1 file. Its plaintext is one line of
//     JSON (the header, BackupHeader below) and a "\n", followed by the
//     plaintext SQLite image of a consistent snapshot (VACUUM INTO).
//   - The main file is encrypted to the backup passphrase (scrypt), so it opens
//     with `age -d` too. A recovery key of the Fachliche Leitung (age1...)
//     gets its OWN file "<OUT>.recovery.age" with an independent file key,
//     written in the same pass: age forbids scrypt next to other recipients,
//     and sharing one file key would let the key holder forge backups that
//     open with the passphrase.
//   - Restore validates everything (age, header, version, size, integrity,
//     schema version) in memory before it writes; the new store is built next
//     to the target and renamed over it in one step; an existing store is only
//     replaced on the explicit choice RestoreChoice::replace.
//
// Index of this file:
// [SECTION] Header
// [SECTION] Writing a backup
// [SECTION] Reading and restoring
// [SECTION] Reminder
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "crypto/primitives.h"
#include "crypto/recipient.h"
#include "store/store.h"

struct sqlite3;

namespace bb::exchange {

//-----------------------------------------------------------------------------
// [SECTION] Header
//-----------------------------------------------------------------------------

constexpr std::string_view kBackupFormat = "begleitbuch-backup";
constexpr int64_t kBackupVersion = 1;  // the newest version this app reads and writes

struct BackupHeader {
  std::string format = std::string(kBackupFormat);
  int64_t version = kBackupVersion;
  std::string created;      // UTC "YYYY-MM-DDTHH:MM:SSZ"
  std::string app_version;  // BB_VERSION of the writer
  int64_t schema_version = 0;
  int64_t page_size = 0;
  int64_t page_count = 0;
  int64_t image_bytes = 0;  // = page_size * page_count: the bytes after the header line
  std::string sqlite_version;
};

struct BackupLimits {
  // Largest image a restore accepts (it is held in memory once). 2 GiB.
  int64_t max_image_bytes = int64_t{2} << 30;
};

// One line, no "\n"; keys in a fixed order.
std::string format_backup_header(const BackupHeader& header);
// Parses and validates a header line (without its "\n"). Errors, in this
// order: backup_err_header_limits / _encoding / backup_err_header (JSON),
// backup_err_not_backup (format), backup_err_newer_version,
// backup_err_unknown_version, backup_err_header (fields), backup_err_too_large.
Result<BackupHeader> parse_backup_header(std::string_view line, const BackupLimits& limits = {});

//-----------------------------------------------------------------------------
// [SECTION] Writing a backup
//-----------------------------------------------------------------------------

struct BackupOptions {
  std::string passphrase;          // the backup passphrase (scrypt); required
  std::string recovery_recipient;  // "" or the Fachliche Leitung's "age1..." key
  int work_factor = 18;            // scrypt log2(N); age's default
  bool armor = false;
};

struct BackupInfo {
  BackupHeader header;
  bool recovery_written = false;
};

// Writes the backup to `out` (and, with a recovery recipient, the recovery
// file to `recovery_out`) in one pass over a snapshot. Memory: one plaintext
// image of the store (the snapshot) plus 64 KiB. Does NOT record the backup
// date: call record_backup() once the output is safely stored.
Result<BackupInfo> write_backup(const store::Store& store, const BackupOptions& options, crypto::Sink out,
                                crypto::Sink recovery_out = {});

// meta.last_backup_at = created (UTC timestamp of the header).
Status record_backup(store::Store& store, std::string_view created);

// The recovery file next to a backup: "<out>.recovery.age".
std::string recovery_path(const std::string& out);

// Native: writes `out` (and recovery_path(out)) as "<path>.part" files (mode
// 0600), fsyncs and renames them into place, then records the backup. On any
// failure no .part file is left and an existing `out` is untouched.
Result<BackupInfo> backup_to_file(store::Store& store, const std::string& out, const BackupOptions& options);

//-----------------------------------------------------------------------------
// [SECTION] Reading and restoring
//-----------------------------------------------------------------------------

// A decrypted, fully validated backup, held in memory (a plaintext SQLite
// image in an in-memory database; SQLite's allocator wipes it when freed).
class ValidatedBackup {
 public:
  ValidatedBackup() = default;
  ValidatedBackup(ValidatedBackup&& other) noexcept;
  ValidatedBackup& operator=(ValidatedBackup&& other) noexcept;
  ValidatedBackup(const ValidatedBackup&) = delete;
  ValidatedBackup& operator=(const ValidatedBackup&) = delete;
  ~ValidatedBackup();

  const BackupHeader& header() const { return header_; }
  sqlite3* db() const { return db_; }  // read-only use (preview, tests)

 private:
  friend class BackupReader;
  BackupHeader header_;
  sqlite3* db_ = nullptr;
};

// Streaming reader: push the backup file in pieces of any size, then finish().
// `identities`: a ScryptIdentity for the passphrase, or the X25519 identity
// of the recovery key.
class BackupReader {
 public:
  BackupReader(std::vector<crypto::IdentityPtr> identities, BackupLimits limits = {});
  ~BackupReader();
  BackupReader(const BackupReader&) = delete;
  BackupReader& operator=(const BackupReader&) = delete;

  Status write(crypto::ByteView data);
  // Decryption complete, header valid, image complete, integrity_check ok,
  // schema version known. Errors: the backup_err_* kinds (docs/exchange.md).
  Result<ValidatedBackup> finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

Result<ValidatedBackup> read_backup(crypto::ByteView file, std::vector<crypto::IdentityPtr> identities,
                                    const BackupLimits& limits = {});
Result<ValidatedBackup> read_backup_file(const std::string& path, std::vector<crypto::IdentityPtr> identities,
                                         const BackupLimits& limits = {});

enum class RestoreChoice { cancel, replace };

struct RestoreResult {
  bool replaced = false;   // an existing store was replaced
  int schema_version = 0;  // after migrating the restored store to this app's schema
};

// Restores `backup` as the store at `store_path`, encrypted with
// `store_passphrase` (and `options.kdf`).
//   - No file at store_path: a new store with that passphrase.
//   - A store exists: only with RestoreChoice::replace
//     (else Str::restore_err_target_exists), and `store_passphrase` must unlock
//     it (Str::store_wrong_passphrase): the restored store keeps it.
// The new store is written to "<store_path>.restore", opened, migrated and
// checked, then renamed over store_path: on any failure store_path is
// byte-for-byte unchanged.
Result<RestoreResult> restore_backup(const ValidatedBackup& backup, const std::string& store_path,
                                     std::string_view store_passphrase, RestoreChoice choice,
                                     const store::Options& options = {});

// True if `file` starts like an age file (binary or armored): the lock screen
// then asks for the backup passphrase and a new store passphrase.
bool looks_like_age_file(crypto::ByteView file);

// The browser's restore of an age backup onto a device without a store: the
// backup opened with `backup_passphrase` and fully validated (read_backup),
// then written as a store file encrypted with `store_passphrase` (the policy
// and `confirmation` checked first) through restore_backup into a temporary
// file that is removed again (it holds ciphertext only). Returns the bytes
// store::Session::restore takes. `header`, if given, receives the backup's
// header (its creation time for the choice before a replacement).
Result<std::vector<uint8_t>> store_file_from_backup(crypto::ByteView file, std::string_view backup_passphrase,
                                                    std::string_view store_passphrase,
                                                    std::string_view confirmation,
                                                    const store::Options& options = {},
                                                    BackupHeader* header = nullptr);

//-----------------------------------------------------------------------------
// [SECTION] Reminder
//-----------------------------------------------------------------------------

struct Date {
  int year = 0, month = 0, day = 0;
};
// "YYYY-MM-DD" (also the date part of "YYYY-MM-DDTHH:MM:SSZ"); nullopt if invalid.
std::optional<Date> parse_date(std::string_view text);
int64_t days_from_civil(const Date& date);

constexpr int kDefaultReminderDays = 30;
constexpr const char* kReminderSetting = "backup_reminder_days";  // settings table
constexpr const char* kLastBackupMeta = "last_backup_at";         // meta table

// True when a reminder is due: never backed up, or the last backup is at
// least `days` days before `today`. days <= 0 turns the reminder off.
bool backup_reminder_due(const Date& today, const std::optional<Date>& last_backup, int days);

Result<int> reminder_days(const store::Store& store);     // the setting, or kDefaultReminderDays
Status set_reminder_days(store::Store& store, int days);  // 1..365 (Str::backup_err_reminder_days)
Result<std::optional<Date>> last_backup_date(const store::Store& store);
Result<bool> backup_reminder_due(const store::Store& store, const Date& today);

}  // namespace bb::exchange
