// The migrations of the store, oldest first, and the runner that applies them.
//
// PLEASE KEEP THIS LIST APPEND-ONLY: a migration that has shipped is never
// edited, only followed by a new one (stores in the field already ran it).
#include "store/migrations.h"

#include <string>

#include "core/version_info.h"
#include "store/sql.h"

namespace bb::store {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Migration 1: meta and settings
//-----------------------------------------------------------------------------

// meta: facts about the store itself (created_at, created_by_version,
// last_backup_at, ...); settings: the user's choices (language, font size,
// auto-lock minutes, ...). Both key/value, values as text.
constexpr const char* kMigration1 = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO meta(key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
)sql";

Status migration1_versions(sqlite3* db) {
  auto s = Statement::prepare(db, "INSERT INTO meta(key, value) VALUES ('created_by_version', ?1)");
  if (!s.ok()) return s.error();
  return s->bind(1, std::string_view(BB_VERSION)).run();
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> list = {
      {1, "meta and settings", kMigration1, migration1_versions},
      // Next: {2, "families", kMigration2, nullptr}, ...
  };
  return list;
}

int latest_schema_version() { return migrations().back().version; }

Result<int> schema_version(sqlite3* db) {
  auto v = query_int(db, "PRAGMA user_version");
  if (!v.ok()) return v.error();
  return static_cast<int>(v->value_or(0));
}

Status refuse_newer(sqlite3* db, const std::vector<Migration>& list) {
  auto version = schema_version(db);
  if (!version.ok()) return version.error();
  const int newest = list.empty() ? 0 : list.back().version;
  if (*version > newest) {
    return make_error(
        Str::store_newer_version,
        "schema version " + std::to_string(*version) + " is newer than this app's " + std::to_string(newest),
        std::to_string(*version));
  }
  return {};
}

Status migrate(sqlite3* db, const std::vector<Migration>& list, int target) {
  BB_TRY(refuse_newer(db, list));
  for (const auto& m : list) {
    auto version = schema_version(db);
    if (!version.ok()) return version.error();
    if (m.version <= *version) continue;
    if (target >= 0 && m.version > target) break;
    if (m.version != *version + 1) {
      return make_error(
          Str::store_migration_failed,
          "migration " + std::to_string(m.version) + " does not follow version " + std::to_string(*version),
          std::to_string(m.version));
    }
    // Foreign keys cannot be switched inside a transaction: off for the
    // migration (table rebuilds), checked before COMMIT, on again afterwards.
    BB_TRY(exec(db, "PRAGMA foreign_keys = OFF"));
    Status status = exec(db, "BEGIN IMMEDIATE");
    if (status.ok() && m.sql) status = exec(db, m.sql);
    if (status.ok() && m.apply) status = m.apply(db);
    if (status.ok()) {
      auto violations = query_int(db, "SELECT count(*) FROM pragma_foreign_key_check");
      if (!violations.ok())
        status = violations.error();
      else if (violations->value_or(0) != 0)
        status = make_error(Str::store_migration_failed, "foreign key violations");
    }
    if (status.ok()) status = exec(db, ("PRAGMA user_version = " + std::to_string(m.version)).c_str());
    if (status.ok()) status = exec(db, "COMMIT");
    if (!status.ok()) {
      if (!sqlite3_get_autocommit(db)) (void)exec(db, "ROLLBACK");
      (void)exec(db, "PRAGMA foreign_keys = ON");
      return make_error(
          Str::store_migration_failed,
          "migration " + std::to_string(m.version) + " (" + m.name + "): " + status.error().detail,
          std::to_string(m.version));
    }
    BB_TRY(exec(db, "PRAGMA foreign_keys = ON"));
  }
  return {};
}

}  // namespace bb::store
