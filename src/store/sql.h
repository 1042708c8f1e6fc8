// Small SQLite helpers for src/store: run a script, prepare/bind/step a
// statement, read one value. Errors come back as bb::Error values whose detail
// carries SQLite's message. No SQL leaves src/store.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace bb::store {

// An Error for a failed SQLite call: `message` for the user, SQLite's text as detail.
Error sql_error(sqlite3* db, std::string_view what, Str message = Str::store_not_saved);

// Runs one or more statements without results (sqlite3_exec).
Status exec(sqlite3* db, const char* sql);

// A prepared statement, finalized on destruction.
class Statement {
 public:
  Statement() = default;
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  static Result<Statement> prepare(sqlite3* db, const char* sql);

  Statement& bind(int index, int64_t value);           // index: 1-based, as in SQLite
  Statement& bind(int index, std::string_view value);  // bound as TEXT (copied)
  Statement& bind_null(int index);

  // One step: true = a row is ready, false = done; an error otherwise.
  Result<bool> step();
  Status run();  // steps to the end, ignoring rows
  void reset() { sqlite3_reset(stmt_); }

  int64_t column_int(int i) const { return sqlite3_column_int64(stmt_, i); }
  std::string column_text(int i) const;
  bool column_is_null(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// The first column of the first row of `sql` (nullopt when there is no row).
Result<std::optional<int64_t>> query_int(sqlite3* db, const char* sql);
Result<std::optional<std::string>> query_text(sqlite3* db, const char* sql);

}  // namespace bb::store
