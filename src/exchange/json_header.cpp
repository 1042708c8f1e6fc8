// The strict JSON header reader (json_header.h) on nlohmann::json's SAX
// parser: its lexer is iterative (no recursion, so deep nesting cannot
// overflow the stack) and checks UTF-8 inside strings; the handler below adds
// the depth limit, duplicate keys and the top-level shape.
#include "exchange/json_header.h"

#include <nlohmann/json.hpp>

namespace bb::exchange {
namespace {

Error header_error(std::string detail) {
  return make_error(Str::backup_err_header, "backup header: " + detail);
}

class Handler {
 public:
  using json = nlohmann::json;

  bool null() { return scalar(nullptr); }
  bool boolean(bool v) { return scalar(v); }
  bool number_integer(json::number_integer_t v) { return scalar(static_cast<int64_t>(v)); }
  bool number_unsigned(json::number_unsigned_t v) {
    if (v > static_cast<json::number_unsigned_t>(INT64_MAX)) return scalar(JsonOther{});
    return scalar(static_cast<int64_t>(v));
  }
  bool number_float(json::number_float_t, const json::string_t&) { return scalar(JsonOther{}); }
  bool string(json::string_t& v) { return scalar(std::move(v)); }
  bool binary(json::binary_t&) { return fail(header_error("binary value")); }

  bool start_object(std::size_t) { return open(true); }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(false); }
  bool end_array() { return close(); }

  bool key(json::string_t& k) {
    if (depth_ == 1) {
      if (object_.has(k)) return fail(header_error("duplicate key \"" + k.substr(0, 40) + "\""));
      key_ = std::move(k);
    }
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    if (!error_) {
      std::string what = ex.what();
      if (what.size() > 160) what = what.substr(0, 160);
      error_ = header_error("invalid JSON at byte " + std::to_string(position) + ": " + what);
    }
    return false;
  }

  std::optional<Error> error_;
  JsonObject object_;

 private:
  bool fail(Error e) {
    if (!error_) error_ = std::move(e);
    return false;
  }
  bool scalar(JsonScalar value) {
    if (depth_ == 0) return fail(header_error("not a JSON object"));
    if (depth_ == 1) object_.members()[key_] = std::move(value);
    return true;
  }
  bool open(bool is_object) {
    if (depth_ == 0 && !is_object) return fail(header_error("not a JSON object"));
    if (depth_ == 1) object_.members()[key_] = JsonOther{};
    if (++depth_ > kMaxDepth) {
      return fail(make_error(Str::backup_err_header_limits,
                             "backup header: nested deeper than " + std::to_string(kMaxDepth) + " levels"));
    }
    return true;
  }
  bool close() {
    --depth_;
    return true;
  }

  int depth_ = 0;
  std::string key_;
};

}  // namespace

Result<std::string> JsonObject::text(const std::string& key) const {
  auto it = members_.find(key);
  if (it == members_.end()) return header_error("missing \"" + key + "\"");
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  return header_error("\"" + key + "\" is not a string");
}

Result<int64_t> JsonObject::integer(const std::string& key) const {
  auto it = members_.find(key);
  if (it == members_.end()) return header_error("missing \"" + key + "\"");
  if (const auto* n = std::get_if<int64_t>(&it->second)) return *n;
  return header_error("\"" + key + "\" is not an integer");
}

std::optional<std::string> JsonObject::optional_text(const std::string& key) const {
  auto it = members_.find(key);
  if (it == members_.end()) return std::nullopt;
  if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
  return std::nullopt;
}

bool valid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int n = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;  // continuation byte, C0/C1 (overlong), F5..FF
    }
    if (end - p <= n) return false;
    for (int i = 1; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;  // overlong, out of range, surrogate
    }
    p += n + 1;
  }
  return true;
}

std::string json_quote(std::string_view text) {
  std::string out = "\"";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  return out + "\"";
}

Result<JsonObject> parse_json_object(std::string_view text) {
  if (text.size() > kMaxHeaderBytes) {
    return make_error(Str::backup_err_header_limits,
                      "backup header: larger than " + std::to_string(kMaxHeaderBytes) + " bytes");
  }
  if (!valid_utf8(text)) return make_error(Str::backup_err_header_encoding, "backup header: invalid UTF-8");
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
    return header_error("byte-order mark before the JSON object");
  }
  Handler handler;
  const bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &handler,
                                            nlohmann::json::input_format_t::json, /*strict=*/true);
  if (handler.error_) return *handler.error_;
  if (!ok) return header_error("invalid JSON");
  return std::move(handler.object_);
}

}  // namespace bb::exchange
