// Helpers shared by the case-documentation files of src/store (cases.cpp,
// case_queries.cpp, case_demo.cpp). Not for use outside src/store.
#pragma once

#include <string>

#include "core/cases.h"
#include "store/sql.h"

namespace bb::store::detail {

// Binds NULL for "" (optional dates and catalogue codes).
void bind_opt(Statement& s, int index, const std::string& value);
// The first validation error as an Error (ok if there is none).
Status first_error(const cases::ValidationErrors& errors);
Error not_found(const char* what, int64_t id);
Result<Statement> prepare(sqlite3* db, const char* sql);
Result<cases::Family> read_family(sqlite3* db, int64_t id);
// Adds a ValidationError for `field` unless `code` is "" or an active entry of
// catalogue `kind` (or equal to `kept`, an existing value that may be inactive).
Status check_catalog(sqlite3* db, cases::ValidationErrors& out, const std::string& field, const char* kind,
                     const std::string& code, const std::string& kept);

}  // namespace bb::store::detail
