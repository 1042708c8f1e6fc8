// SQLite helpers for src/store (see sql.h).
#include "store/sql.h"

namespace bb::store {

Error sql_error(sqlite3* db, std::string_view what, Str message) {
  const int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
  std::string detail(what);
  detail += ": ";
  detail += db ? sqlite3_errmsg(db) : "no database";
  detail += " (" + std::to_string(code) + ")";
  if ((code & 0xff) == SQLITE_FULL) message = Str::store_full;
  return make_error(message, std::move(detail));
}

Status exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  sqlite3_free(message);
  if (rc != SQLITE_OK) return sql_error(db, sql);
  return {};
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = other.stmt_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Result<Statement> Statement::prepare(sqlite3* db, const char* sql) {
  Statement s;
  s.db_ = db;
  if (sqlite3_prepare_v2(db, sql, -1, &s.stmt_, nullptr) != SQLITE_OK) return sql_error(db, sql);
  return s;
}

Statement& Statement::bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sql_error(db_, sqlite3_sql(stmt_));
}

Status Statement::run() {
  for (;;) {
    auto row = step();
    if (!row.ok()) return row.error();
    if (!*row) return {};
  }
}

std::string Statement::column_text(int i) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
  return text ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, i))) : std::string();
}

Result<std::optional<int64_t>> query_int(sqlite3* db, const char* sql) {
  auto s = Statement::prepare(db, sql);
  if (!s.ok()) return s.error();
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<int64_t>();
  return std::optional<int64_t>(s->column_int(0));
}

Result<std::optional<std::string>> query_text(sqlite3* db, const char* sql) {
  auto s = Statement::prepare(db, sql);
  if (!s.ok()) return s.error();
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(s->column_text(0));
}

}  // namespace bb::store
