// A strict reader for the small JSON headers of Begleitbuch's exchange files
// (backup header today; docs/exchange.md "The JSON header").
//
// The input is untrusted (a file from anywhere). What is checked, before any
// value is used:
//   - size: at most kMaxHeaderBytes bytes;
//   - encoding: UTF-8 only (overlong forms, surrogates, code points above
//     U+10FFFF refused), no byte-order mark;
//   - shape: one JSON object; nesting at most kMaxDepth levels (inside unknown
//     keys, which are otherwise ignored: later minor additions stay readable);
//     no duplicate key at the top level; nothing after the object but spaces;
//   - numbers: the top-level integers must be exact int64 values.
// Only the top-level scalar members are kept (string, integer, bool, null);
// nested values are checked and skipped.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "core/result.h"

namespace bb::exchange {

constexpr size_t kMaxHeaderBytes = 64 * 1024;
constexpr int kMaxDepth = 16;

// A top-level member: text, integer, boolean, null, or "something else"
// (a float, an object or an array), which the reader of a field refuses.
struct JsonOther {};
using JsonScalar = std::variant<std::string, int64_t, bool, std::nullptr_t, JsonOther>;

class JsonObject {
 public:
  bool has(const std::string& key) const { return members_.count(key) != 0; }
  // The member as text / integer; an error (Str::backup_err_header, naming the
  // key) when it is missing or of another type.
  Result<std::string> text(const std::string& key) const;
  Result<int64_t> integer(const std::string& key) const;
  std::optional<std::string> optional_text(const std::string& key) const;

  std::map<std::string, JsonScalar>& members() { return members_; }
  const std::map<std::string, JsonScalar>& members() const { return members_; }

 private:
  std::map<std::string, JsonScalar> members_;
};

// Errors: Str::backup_err_header (syntax, duplicate key, not an object),
// Str::backup_err_header_encoding (invalid UTF-8), Str::backup_err_header_limits
// (too large, too deep).
Result<JsonObject> parse_json_object(std::string_view text);

// True when `text` is valid UTF-8 (RFC 3629).
bool valid_utf8(std::string_view text);

// `text` as a JSON string literal (quotes, escapes; UTF-8 passed through).
std::string json_quote(std::string_view text);

}  // namespace bb::exchange
