// The age v1 header: strict line-by-line parser, serialiser and MAC.
// Spec: age-encryption.org/v1 "Header"; docs/age.md. No I/O here.
#include "crypto/header.h"

#include <sodium.h>

#include "crypto/base64.h"
#include "crypto/hkdf.h"
#include "crypto/quote.h"

namespace bb::crypto {

namespace {

constexpr std::string_view kVersionPrefix = "age-encryption.org/";
constexpr std::string_view kStanzaPrefix = "->";
constexpr std::string_view kClosingPrefix = "---";

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string_view without_lf(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  return line;
}

// Splits at every single space, as age does: "a  b" gives an empty argument.
std::vector<std::string_view> split_spaces(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    const size_t sp = s.find(' ', start);
    if (sp == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, sp - start));
    start = sp + 1;
  }
}

// An argument: one or more printable ASCII characters (VCHAR, 0x21..0x7e).
bool valid_argument(std::string_view a) {
  if (a.empty()) return false;
  for (char c : a) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

Error damaged(std::string detail) {
  return make_error(Str::age_err_header_damaged, "parsing age header: " + std::move(detail));
}

}  // namespace

Status HeaderParser::feed_line(std::string_view line) {
  if (consumed_ + line.size() > kMaxHeaderSize) {
    return damaged("header is longer than " + std::to_string(kMaxHeaderSize) + " bytes");
  }
  Status st;
  switch (state_) {
    case State::intro:
      if (line != kIntro) {
        const std::string_view l = without_lf(line);
        if (!starts_with(l, kVersionPrefix)) {
          return make_error(Str::age_err_not_age_file,
                            "parsing age header: unexpected intro: " + quote(line));
        }
        if (!l.empty() && l.back() == '\r') {
          return damaged("intro line ends with CR LF (converted to Windows line ends?): " + quote(line));
        }
        const std::string_view version = l.substr(kVersionPrefix.size());
        if (!valid_argument(version)) return damaged("malformed version line: " + quote(line));
        return make_error(Str::age_err_unsupported_version,
                          "parsing age header: unsupported version: " + quote(version));
      }
      state_ = State::stanza_or_end;
      break;
    case State::stanza_or_end:
      st = starts_with(line, kClosingPrefix) ? feed_closing(line) : feed_stanza_opening(line);
      break;
    case State::body:
      st = feed_body(line);
      break;
    case State::done:
      return make_error(Str::err_internal, "header parser fed after the end of the header");
  }
  if (!st.ok()) return st;
  consumed_ += line.size();
  return {};
}

Status HeaderParser::feed_stanza_opening(std::string_view line) {
  if (!starts_with(line, kStanzaPrefix)) return damaged("malformed stanza opening line: " + quote(line));
  const auto parts = split_spaces(without_lf(line));
  if (parts[0] != kStanzaPrefix || parts.size() < 2) return damaged("malformed stanza: " + quote(line));
  for (size_t i = 1; i < parts.size(); ++i) {
    if (!valid_argument(parts[i])) return damaged("malformed stanza: " + quote(line));
  }
  Stanza s;
  s.type = std::string(parts[1]);
  for (size_t i = 2; i < parts.size(); ++i) s.args.emplace_back(parts[i]);
  header_.stanzas.push_back(std::move(s));
  state_ = State::body;
  return {};
}

Status HeaderParser::feed_body(std::string_view line) {
  const std::string_view text = without_lf(line);
  if (text.size() > kColumnsPerLine) return damaged("malformed body line " + quote(line) + ": too long");
  const auto bytes = base64_decode_raw(text);
  if (!bytes) {
    if (starts_with(line, kClosingPrefix) || starts_with(line, kStanzaPrefix)) {
      return damaged("malformed body line " + quote(line) + ": stanza ended without a short line");
    }
    return damaged("malformed body line " + quote(line) + ": invalid base64");
  }
  Bytes& body = header_.stanzas.back().body;
  body.insert(body.end(), bytes->begin(), bytes->end());
  if (bytes->size() < kBytesPerLine) state_ = State::stanza_or_end;  // a short line ends the stanza
  return {};
}

Status HeaderParser::feed_closing(std::string_view line) {
  const auto parts = split_spaces(without_lf(line));
  if (parts[0] != kClosingPrefix || parts.size() != 2)
    return damaged("malformed closing line: " + quote(line));
  const auto mac = base64_decode_raw(parts[1]);
  if (!mac || mac->size() != kMacSize) return damaged("malformed closing line: " + quote(line));
  if (header_.stanzas.empty()) return damaged("header has no recipient stanzas");
  std::copy(mac->begin(), mac->end(), header_.mac.begin());
  state_ = State::done;
  return {};
}

Status HeaderParser::check_partial_line(std::string_view partial) const {
  if (consumed_ + partial.size() > kMaxHeaderSize) {
    return damaged("header is longer than " + std::to_string(kMaxHeaderSize) + " bytes");
  }
  if (state_ == State::intro) {
    const size_t n = std::min(partial.size(), kVersionPrefix.size());
    if (partial.substr(0, n) != kVersionPrefix.substr(0, n)) {
      return make_error(Str::age_err_not_age_file, "parsing age header: unexpected intro: " + quote(partial));
    }
  }
  return {};
}

Error HeaderParser::truncated(std::string_view partial) const {
  if (state_ == State::intro) {
    if (consumed_ == 0 && partial.empty()) {
      return make_error(Str::age_err_not_age_file, "parsing age header: file is empty");
    }
    if (!starts_with(partial, kVersionPrefix)) {
      return make_error(Str::age_err_not_age_file, "parsing age header: unexpected intro: " + quote(partial));
    }
  }
  if (!partial.empty()) return damaged("header is truncated in line " + quote(partial));
  return damaged("header is truncated");
}

Result<ParsedHeader> parse_header(ByteView data) {
  HeaderParser parser;
  const std::string_view text = data.str();
  size_t pos = 0;
  while (!parser.done()) {
    const size_t lf = text.find('\n', pos);
    if (lf == std::string_view::npos) {
      BB_TRY(parser.check_partial_line(text.substr(pos)));
      return parser.truncated(text.substr(pos));
    }
    BB_TRY(parser.feed_line(text.substr(pos, lf + 1 - pos)));
    pos = lf + 1;
  }
  return ParsedHeader{std::move(parser.header()), pos};
}

std::string serialize_header_without_mac(const Header& header) {
  std::string out(kIntro);
  for (const Stanza& s : header.stanzas) {
    out += kStanzaPrefix;
    out += ' ';
    out += s.type;
    for (const std::string& a : s.args) {
      out += ' ';
      out += a;
    }
    out += '\n';
    const std::string b64 = base64_encode_raw(s.body);
    // Full lines of 64 columns, then a final short line (empty if the body's
    // encoding is a multiple of 64 columns long, including an empty body).
    size_t i = 0;
    for (; i + kColumnsPerLine <= b64.size(); i += kColumnsPerLine) {
      out.append(b64, i, kColumnsPerLine);
      out += '\n';
    }
    out.append(b64, i, std::string::npos);
    out += '\n';
  }
  out += kClosingPrefix;
  return out;
}

std::string serialize_header(const Header& header) {
  return serialize_header_without_mac(header) + " " + base64_encode_raw(header.mac) + "\n";
}

std::array<uint8_t, kMacSize> compute_header_mac(const FileKey& file_key, const Header& header) {
  ensure_sodium();
  Key32 key = hkdf_sha256_key(file_key.bytes, ByteView(), std::string_view("header"));
  const std::string text = serialize_header_without_mac(header);
  std::array<uint8_t, kMacSize> mac{};
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, key.data(), key.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const uint8_t*>(text.data()), text.size());
  crypto_auth_hmacsha256_final(&st, mac.data());
  wipe(&st, sizeof st);
  wipe(key.data(), key.size());
  return mac;
}

}  // namespace bb::crypto
