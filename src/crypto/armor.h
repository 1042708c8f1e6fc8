// ASCII armor of age files: strict PEM (RFC 7468 section 3, "strict" form)
// with the label "AGE ENCRYPTED FILE", padded canonical base64 in lines of
// exactly 64 columns and a shorter (non-empty) last line, no PEM headers.
// Spec: age-encryption.org/v1 "ASCII armor"; docs/age.md. Streaming, no I/O.
//
// Accepted leniencies, as age's reader: up to 1023 bytes of whitespace before
// and after the PEM block, and CRLF instead of LF line ends. Everything else
// (empty lines, short lines in the middle, long lines, non-canonical base64,
// missing padding, garbage around the block, checksums) is an armor failure.
#pragma once

#include <string>
#include <string_view>

#include "crypto/primitives.h"

namespace bb::crypto {

constexpr std::string_view kArmorBegin = "-----BEGIN AGE ENCRYPTED FILE-----";
constexpr std::string_view kArmorEnd = "-----END AGE ENCRYPTED FILE-----";
constexpr size_t kArmorMaxWhitespace = 1024;  // before or after the block

class ArmorEncoder {
 public:
  explicit ArmorEncoder(Sink sink) : sink_(std::move(sink)) {}
  Status write(ByteView data);
  Status finish();  // the last line and the end line, each ending in '\n'

 private:
  Sink sink_;
  Bytes pending_;  // < 48 bytes not yet encoded
  bool started_ = false;
};

class ArmorDecoder {
 public:
  // Decoded bytes go to `sink`; errors carry Str::age_err_armor.
  explicit ArmorDecoder(Sink sink) : sink_(std::move(sink)) {}
  Status write(ByteView text);
  Status finish();

 private:
  enum class State { leading, lines, expect_end, trailing };
  Status line(std::string_view line);
  Status fail(std::string detail);

  Sink sink_;
  State state_ = State::leading;
  std::string line_;       // the incomplete current line
  size_t whitespace_ = 0;  // whitespace bytes seen before or after the block
  std::optional<Error> error_;
};

// Whole-buffer conveniences.
std::string armor(ByteView data);
Result<Bytes> dearmor(ByteView text);

// True if `start` (the first bytes of a file) is armor: whitespace, then the
// BEGIN line. Needs kArmorMaxWhitespace + kArmorBegin.size() bytes, or all.
bool looks_armored(ByteView start);

}  // namespace bb::crypto
