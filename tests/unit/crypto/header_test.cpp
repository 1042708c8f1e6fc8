// Focus: the age v1 header (src/crypto/header.h): strict parsing, canonical
// serialising (parse then serialise gives the same bytes) and the MAC.
#include <doctest/doctest.h>

#include "crypto/base64.h"
#include "crypto/header.h"
#include "test_util.h"

using namespace bb;
using namespace bb::crypto;

namespace {

const std::string kMac = "--- " + base64_encode_raw(Bytes(32, 7)) + "\n";

Header sample() {
  Header h;
  Stanza a;
  a.type = "X25519";
  a.args = {"abc"};
  a.body = bb::test::pattern(32);
  Stanza b;
  b.type = "example.com/enigma";
  b.args = {"1", "2"};
  b.body = bb::test::pattern(48 * 2);  // a multiple of 48: ends with an empty line
  Stanza c;
  c.type = "empty";
  h.stanzas = {a, b, c};
  h.mac.fill(7);
  return h;
}

Str kind_of(const std::string& text) {
  auto r = parse_header(text);
  return r.ok() ? Str::count_ : r.error().message;
}

}  // namespace

TEST_CASE("age-20: a header serialises canonically and parses back to the same stanzas and bytes") {
  const Header h = sample();
  const std::string text = serialize_header(h);
  auto parsed = parse_header(text + "payload");
  REQUIRE_MESSAGE(parsed.ok(), parsed.error().detail);
  CHECK(parsed->size == text.size());
  CHECK(parsed->header.stanzas == h.stanzas);
  CHECK(parsed->header.mac == h.mac);
  CHECK(serialize_header(parsed->header) == text);
  // The 96-byte body takes two full lines and an empty final line; no body: one empty line.
  CHECK(text.find("\n\n-> empty\n\n---") != std::string::npos);
}

TEST_CASE("age-21: the header MAC covers everything up to and including the three dashes") {
  FileKey key;
  key.bytes.fill(1);
  Header h = sample();
  const auto mac = compute_header_mac(key, h);
  h.stanzas[0].args[0] = "abd";
  CHECK(compute_header_mac(key, h) != mac);
  h = sample();
  h.mac.fill(9);  // the MAC itself is not covered
  CHECK(compute_header_mac(key, h) == mac);
  key.bytes[0] ^= 1;
  CHECK(compute_header_mac(key, sample()) != mac);
  CHECK(serialize_header_without_mac(h).substr(serialize_header_without_mac(h).size() - 4) == "\n---");
}

TEST_CASE("age-22: the intro line decides between not an age file, unsupported version and damage") {
  CHECK(kind_of("") == Str::age_err_not_age_file);
  CHECK(kind_of("hello world\n") == Str::age_err_not_age_file);
  CHECK(kind_of("PK\x03\x04 zip data") == Str::age_err_not_age_file);  // fails before any newline
  CHECK(kind_of("age-encryption.org/v2\n-> a\n\n" + kMac) == Str::age_err_unsupported_version);
  CHECK(kind_of("age-encryption.org/v1\r\n-> a\n\n" + kMac) == Str::age_err_header_damaged);
  CHECK(kind_of("age-encryption.org/\n") == Str::age_err_header_damaged);
  auto r = parse_header(std::string("not age\n"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().detail == "parsing age header: unexpected intro: \"not age\\n\"");
}

TEST_CASE("age-23: stanza lines must be '-> ' and printable arguments separated by single spaces") {
  const std::string v1 = "age-encryption.org/v1\n";
  CHECK(kind_of(v1 + "-> a b\n\n" + kMac) == Str::count_);                        // valid
  CHECK(kind_of(v1 + "-> a  b\n\n" + kMac) == Str::age_err_header_damaged);       // empty argument
  CHECK(kind_of(v1 + "->\n\n" + kMac) == Str::age_err_header_damaged);            // no arguments
  CHECK(kind_of(v1 + "-> \n\n" + kMac) == Str::age_err_header_damaged);           // empty type
  CHECK(kind_of(v1 + "->a\n\n" + kMac) == Str::age_err_header_damaged);           // no space
  CHECK(kind_of(v1 + "-> a\t\n\n" + kMac) == Str::age_err_header_damaged);        // control character
  CHECK(kind_of(v1 + "-> a\xc3\xa4\n\n" + kMac) == Str::age_err_header_damaged);  // non-ASCII
  CHECK(kind_of(v1 + "-> a \n\n" + kMac) == Str::age_err_header_damaged);         // trailing space
  CHECK(kind_of(v1 + "x> a\n\n" + kMac) == Str::age_err_header_damaged);
  CHECK(kind_of(v1 + kMac) == Str::age_err_header_damaged);  // no stanza at all
  auto r = parse_header(v1 + "~> a\n\n" + kMac);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().detail == "parsing age header: malformed stanza opening line: \"~> a\\n\"");
}

TEST_CASE("age-24: stanza bodies are canonical base64 in full 64-column lines ending with a short line") {
  const std::string v1 = "age-encryption.org/v1\n-> a\n";
  const std::string full = base64_encode_raw(Bytes(48, 1));
  CHECK(kind_of(v1 + full + "\n\n" + kMac) == Str::count_);
  CHECK(kind_of(v1 + full + "\n" + kMac) == Str::age_err_header_damaged);     // no short final line
  CHECK(kind_of(v1 + full + "A\n\n" + kMac) == Str::age_err_header_damaged);  // 65 columns
  CHECK(kind_of(v1 + "AAA=\n" + kMac) == Str::age_err_header_damaged);        // padding
  CHECK(kind_of(v1 + "AB\n" + kMac) == Str::age_err_header_damaged);          // non-canonical
  CHECK(kind_of(v1 + "AA\r\n" + kMac) == Str::age_err_header_damaged);        // CR
  CHECK(kind_of(v1 + "AA\nAA\n" + kMac) == Str::age_err_header_damaged);      // two short lines
  CHECK(kind_of(v1 + "AA\n" + kMac) == Str::count_);
}

TEST_CASE("age-25: the closing line is '--- ' and a canonical 32-byte MAC, and a cut header is truncated") {
  const std::string v1 = "age-encryption.org/v1\n-> a\n\n";
  CHECK(kind_of(v1 + "---" + kMac.substr(3)) == Str::count_);
  CHECK(kind_of(v1 + "---  " + kMac.substr(4)) == Str::age_err_header_damaged);
  CHECK(kind_of(v1 + "--- " + base64_encode_raw(Bytes(31, 7)) + "\n") == Str::age_err_header_damaged);
  CHECK(kind_of(v1 + kMac.substr(0, kMac.size() - 1) + " \n") == Str::age_err_header_damaged);
  CHECK(kind_of(v1 + "---" + base64_encode_raw(Bytes(32, 7)) + "\n") == Str::age_err_header_damaged);
  auto cut = parse_header(v1 + kMac.substr(0, 20));
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.error().is(Str::age_err_header_damaged));
  CHECK(cut.error().detail.find("truncated") != std::string::npos);
}

TEST_CASE("age-26: a header larger than 1 MiB is refused") {
  std::string text = "age-encryption.org/v1\n";
  while (text.size() <= kMaxHeaderSize) text += "-> a\n\n";
  auto r = parse_header(text + kMac);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().detail.find("longer than") != std::string::npos);
}
