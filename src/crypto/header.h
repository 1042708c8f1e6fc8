// The age v1 header: parsing (strict), serialising, and the header MAC.
// Spec: age-encryption.org/v1, "Header" and its ABNF; docs/age.md.
//
//   age-encryption.org/v1
//   -> X25519 <base64 share>
//   <base64 body, 64 columns per line, ending with a line shorter than 64>
//   --- <base64 MAC>
//
// Strictness: each accepted header has exactly one encoding, so parsing and
// serialising give back the same bytes (the fuzz target checks this):
// canonical unpadded base64, full body lines of exactly 64 columns, a final
// short (maybe empty) body line, arguments of printable ASCII separated by
// single spaces, LF line ends only, at least one stanza. No I/O here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crypto/primitives.h"

namespace bb::crypto {

constexpr std::string_view kIntro = "age-encryption.org/v1\n";
constexpr size_t kColumnsPerLine = 64;  // base64 columns of a full body line
constexpr size_t kBytesPerLine = 48;    // bytes a full body line encodes
constexpr size_t kMacSize = 32;
constexpr size_t kMaxHeaderSize = 1 << 20;  // refuse headers over 1 MiB (memory bound)

// One recipient stanza: "-> type args..." and a body.
struct Stanza {
  std::string type;               // first argument: "X25519", "scrypt", ...
  std::vector<std::string> args;  // the arguments after the type
  Bytes body;                     // the decoded body
  bool operator==(const Stanza& o) const { return type == o.type && args == o.args && body == o.body; }
};

struct Header {
  std::vector<Stanza> stanzas;
  std::array<uint8_t, kMacSize> mac{};
};

// Parses a header one line at a time, so that a streaming decryptor needs no
// more memory than the header itself. Errors carry Str::age_err_not_age_file,
// age_err_unsupported_version or age_err_header_damaged.
class HeaderParser {
 public:
  // One line including its final '\n'. After done() nothing more is accepted.
  Status feed_line(std::string_view line);
  // Early rejection while a line is still incomplete: a file that does not start
  // like an age file fails at once instead of after kMaxHeaderSize bytes.
  Status check_partial_line(std::string_view partial) const;
  // The input ended before the header did: the error that explains why.
  Error truncated(std::string_view partial) const;

  bool done() const { return state_ == State::done; }
  size_t consumed() const { return consumed_; }  // bytes of complete lines fed so far
  Header& header() { return header_; }

 private:
  enum class State { intro, stanza_or_end, body, done };
  Status feed_stanza_opening(std::string_view line);
  Status feed_closing(std::string_view line);
  Status feed_body(std::string_view line);

  State state_ = State::intro;
  Header header_;
  size_t consumed_ = 0;
};

struct ParsedHeader {
  Header header;
  size_t size = 0;  // bytes of the header; the payload starts here
};

// Parses the header at the start of `data` (which may continue with the payload).
Result<ParsedHeader> parse_header(ByteView data);

// The header up to and including "---" (what the MAC covers).
std::string serialize_header_without_mac(const Header& header);
// The whole header including the MAC line and its final '\n'.
std::string serialize_header(const Header& header);

// HMAC-SHA-256 over serialize_header_without_mac with the key
// HKDF-SHA-256(ikm = file key, salt = empty, info = "header").
std::array<uint8_t, kMacSize> compute_header_mac(const FileKey& file_key, const Header& header);

}  // namespace bb::crypto
