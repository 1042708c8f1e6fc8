// Focus: the ASCII armor (src/crypto/armor.h): strict PEM "AGE ENCRYPTED
// FILE", 64-column canonical base64, whitespace only outside the block.
#include <doctest/doctest.h>

#include "crypto/armor.h"
#include "crypto/base64.h"
#include "test_util.h"

using namespace bb;
using namespace bb::crypto;

namespace {
const std::string kBegin = std::string(kArmorBegin) + "\n";
const std::string kEnd = std::string(kArmorEnd) + "\n";

bool armor_fails(const std::string& text) {
  auto r = dearmor(text);
  if (r.ok()) return false;
  CHECK(r.error().is(Str::age_err_armor));
  return true;
}
}  // namespace

TEST_CASE("age-40: armor writes 64-column lines, a shorter last line and round-trips any length") {
  for (size_t n : {size_t{0}, size_t{1}, size_t{47}, size_t{48}, size_t{49}, size_t{96}, size_t{1000}}) {
    INFO("size " << n);
    const Bytes data = bb::test::pattern(n, static_cast<uint32_t>(n));
    const std::string text = armor(data);
    CHECK(text.rfind(kBegin, 0) == 0);
    CHECK(text.substr(text.size() - kEnd.size()) == kEnd);
    // Every line but the last base64 line is exactly 64 columns.
    size_t pos = kBegin.size(), lines = 0;
    while (pos < text.size() - kEnd.size()) {
      const size_t lf = text.find('\n', pos);
      const size_t len = lf - pos;
      ++lines;
      if (lf + 1 < text.size() - kEnd.size()) CHECK(len == 64);
      CHECK(len > 0);
      CHECK(len <= 64);
      pos = lf + 1;
    }
    CHECK(lines == (n + 47) / 48);
    auto back = dearmor(text);
    REQUIRE_MESSAGE(back.ok(), back.error().detail);
    CHECK(*back == data);
    // The streaming encoder gives the same text when fed in small pieces.
    std::string streamed;
    ArmorEncoder enc([&](ByteView b) {
      streamed.append(b.str());
      return Status();
    });
    for (size_t i = 0; i < n; i += 5) REQUIRE(enc.write(ByteView(data).sub(i, 5)).ok());
    REQUIRE(enc.finish().ok());
    CHECK(streamed == text);
  }
}

TEST_CASE("age-41: armor allows CRLF and up to 1023 bytes of whitespace around the block") {
  const std::string text = armor(bb::test::pattern(100));
  std::string crlf;
  for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  CHECK(dearmor(crlf).ok());
  CHECK(dearmor(" \n\t\n" + text + "\n \n").ok());
  CHECK(dearmor(text.substr(0, text.size() - 1)).ok());  // no final newline
  CHECK(armor_fails(std::string(1030, '\n') + text));
  CHECK(armor_fails(text + std::string(1030, ' ')));
}

TEST_CASE("age-42: armor refuses garbage, headers, bad lines and non-canonical base64") {
  const std::string line64 = base64_encode_padded(Bytes(48, 1));
  const std::string body = line64 + "\n" + base64_encode_padded(Bytes(10, 2)) + "\n";
  REQUIRE(dearmor(kBegin + body + kEnd).ok());
  CHECK(armor_fails("x" + kBegin + body + kEnd));                            // garbage before
  CHECK(armor_fails(kBegin + body + kEnd + "x"));                            // garbage after
  CHECK(armor_fails(" " + kBegin + body + kEnd));                            // space before BEGIN on its line
  CHECK(armor_fails(kBegin + "Comment: hi\n\n" + body + kEnd));              // PEM headers
  CHECK(armor_fails(kBegin + "\n" + body + kEnd));                           // empty line
  CHECK(armor_fails(kBegin + line64 + "AAAA\n" + kEnd));                     // 68 columns
  CHECK(armor_fails(kBegin + "AAAA\n" + line64 + "\n" + kEnd));              // short line in the middle
  CHECK(armor_fails(kBegin + line64 + " \n" + kEnd));                        // trailing space
  CHECK(armor_fails(kBegin + "AAE\n" + kEnd));                               // missing padding
  CHECK(armor_fails(kBegin + "AAF=\n" + kEnd));                              // non-canonical
  CHECK(armor_fails(kBegin + "AA==\n=AAA\n" + kEnd));                        // line after the short line
  CHECK(armor_fails(kBegin + body + "=ABCD\n" + kEnd));                      // PGP-style checksum
  CHECK(armor_fails(kBegin + body));                                         // no END line
  CHECK(armor_fails("-----BEGIN AGE ENCRYPTED DATA-----\n" + body + kEnd));  // wrong type
  CHECK(armor_fails("-----begin age encrypted file-----\n" + body + kEnd));  // lowercase
  CHECK(armor_fails(""));
}

TEST_CASE("age-43: armor is detected after whitespace, and only by its BEGIN line") {
  CHECK(looks_armored(std::string_view("\n  -----BEGIN AGE ENCRYPTED FILE-----\n")));
  CHECK_FALSE(looks_armored(std::string_view("age-encryption.org/v1\n")));
  CHECK_FALSE(looks_armored(std::string_view("-----BEGIN PGP MESSAGE-----\n")));
  CHECK_FALSE(looks_armored(std::string(2000, ' ') + "-----BEGIN AGE ENCRYPTED FILE-----\n"));
}
