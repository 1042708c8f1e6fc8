// The schema of the store and how it evolves: an ordered list of migrations,
// versioned by PRAGMA user_version. How to add one: docs/store.md, "Schema and
// migrations" (in short: append an entry to the list in migrations.cpp, never
// edit an entry that has shipped, and add a test).
#pragma once

#include <sqlite3.h>

#include <vector>

#include "core/result.h"

namespace bb::store {

struct Migration {
  int version;                   // user_version after it ran: 1, 2, 3, ... without gaps
  const char* name;              // what it adds, for logs and errors
  const char* sql;               // the script (nullptr if `apply` does everything)
  Status (*apply)(sqlite3* db);  // optional: runs after `sql` in the same transaction
};

// The app's migrations, oldest first.
const std::vector<Migration>& migrations();
int latest_schema_version();  // migrations().back().version

// PRAGMA user_version of the open database.
Result<int> schema_version(sqlite3* db);

// Fails with Str::store_newer_version (and writes nothing) when the database
// is newer than the newest migration in `list`.
Status refuse_newer(sqlite3* db, const std::vector<Migration>& list);

// Runs every migration of `list` above the database's version, up to and
// including `target` (-1: all), each in ONE transaction (BEGIN IMMEDIATE ...
// PRAGMA user_version = N; COMMIT) with foreign keys checked before COMMIT.
// A failing migration is rolled back completely and stops the run: the
// database stays at the previous version. Refuses a newer database untouched.
Status migrate(sqlite3* db, const std::vector<Migration>& list, int target = -1);

}  // namespace bb::store
