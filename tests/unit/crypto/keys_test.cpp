// Focus: the key strings people handle (src/crypto/keys.h, x25519.h,
// fingerprint.h, scrypt.h): recipients, identity files, unsupported types,
// the phone fingerprint, and the scrypt work-factor rules.
#include <doctest/doctest.h>

#include "crypto/bech32.h"
#include "crypto/fingerprint.h"
#include "crypto/keys.h"
#include "crypto/scrypt.h"
#include "test_util.h"

using namespace bb;
using namespace bb::crypto;

namespace {
const char* const kSpecIdentity =
    "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX";
const char* const kSpecRecipient = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj";
}  // namespace

TEST_CASE("age-70: an X25519 identity derives the recipient of the age spec and round-trips as text") {
  auto id = X25519Identity::parse(kSpecIdentity);
  REQUIRE(id.ok());
  CHECK(id->recipient().to_string() == kSpecRecipient);
  CHECK(id->to_string() == kSpecIdentity);
  auto r = X25519Recipient::parse(kSpecRecipient);
  REQUIRE(r.ok());
  CHECK(r->to_string() == kSpecRecipient);
  const X25519Identity fresh = X25519Identity::generate();
  CHECK(X25519Identity::parse(fresh.to_string()).ok());
  CHECK(fresh.to_string() != X25519Identity::generate().to_string());
}

TEST_CASE("age-71: recipients must be valid lowercase age1 keys; other types are named as unsupported") {
  CHECK(parse_recipient(kSpecRecipient).ok());
  auto upper = parse_recipient("AGE1ZVKYG2LQZRAA2LNJVQEJ32NKUU0UES2S82HZRYE869XEEXVN73EQUNUJWJ");
  CHECK_FALSE(upper.ok());  // age writes and expects lowercase recipients
  std::string typo = kSpecRecipient;
  typo[10] = typo[10] == 'q' ? 'p' : 'q';
  auto bad = parse_recipient(typo);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().is(Str::age_err_bad_recipient));
  CHECK(bad.error().detail.find("invalid checksum") != std::string::npos);
  CHECK(parse_recipient("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI test")
            .error()
            .is(Str::age_err_unsupported_type));
  // A plugin-style recipient (valid Bech32 with another prefix).
  const std::string plugin = bech32_encode("age1yubikey", Bytes(33, 2));
  CHECK(parse_recipient(plugin).error().is(Str::age_err_unsupported_type));
  const std::string pq = bech32_encode("age1pq", Bytes(1216, 3));
  auto pq_r = parse_recipient(pq);
  REQUIRE_FALSE(pq_r.ok());
  CHECK(pq_r.error().is(Str::age_err_unsupported_type));
  CHECK(pq_r.error().arg.find("ML-KEM") != std::string::npos);
  CHECK_FALSE(parse_recipient("").ok());
}

TEST_CASE("age-72: identity files skip comments and blank lines and never echo a secret key in errors") {
  const X25519Identity a = X25519Identity::generate();
  const std::string file = format_identity_file(a, "2025-01-02T03:04:05Z");
  CHECK(file.rfind("# created: 2025-01-02T03:04:05Z\n# public key: age1", 0) == 0);
  auto ids = parse_identity_file(file + "\r\n\n# another comment\n" + X25519Identity::generate().to_string());
  REQUIRE(ids.ok());
  CHECK(ids->size() == 2);
  std::string broken = a.to_string();
  broken[20] = broken[20] == 'Q' ? 'P' : 'Q';
  auto err = parse_identity_file("# x\n" + broken + "\n");
  REQUIRE_FALSE(err.ok());
  CHECK(err.error().is(Str::age_err_bad_identity));
  CHECK(err.error().detail.rfind("error at line 2: malformed secret key", 0) == 0);
  CHECK(err.error().detail.find(broken.substr(16, 20)) == std::string::npos);
  CHECK(parse_identity_file("# only comments\n\n").error().is(Str::age_err_bad_identity));
  CHECK(parse_identity_file("AGE-SECRET-KEY-PQ-1HZLGZUPT4ETPKDEV8HSGFDCYZ4E522W0A7PU2LHT8EH9W6YLNC3SW78XKG\n")
            .error()
            .is(Str::age_err_unsupported_type));
  CHECK(parse_identity_file("AGE-PLUGIN-YUBIKEY-1ABCDEF\n").error().is(Str::age_err_unsupported_type));
  CHECK(parse_identity_file("-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n")
            .error()
            .is(Str::age_err_unsupported_type));
  CHECK_FALSE(parse_identity(std::string(kSpecIdentity).substr(0, 40)).ok());
  // Secret keys are uppercase; a lowercase one is refused, as age does.
  std::string lower = kSpecIdentity;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK_FALSE(parse_identity(lower).ok());
}

TEST_CASE("age-73: the fingerprint is 4 groups of 4 Crockford base32 symbols from SHA-256 of the recipient") {
  auto fp = fingerprint(kSpecRecipient);
  REQUIRE(fp.ok());
  CHECK(fp->size() == 19);
  for (size_t i = 0; i < fp->size(); ++i) {
    if (i % 5 == 4) {
      CHECK((*fp)[i] == '-');
    } else {
      CHECK(std::string("0123456789ABCDEFGHJKMNPQRSTVWXYZ").find((*fp)[i]) != std::string::npos);
    }
  }
  // Known answer, computed independently in Python: SHA-256 starts 6a804773982840fa7eae.
  CHECK(bb::test::sha256_hex(std::string_view(kSpecRecipient)).substr(0, 20) == "6a804773982840fa7eae");
  CHECK(*fp == "DA04-EWWR-510F-MZNE");
  auto other = fingerprint(X25519Identity::generate().recipient());
  CHECK(other != *fp);
  CHECK_FALSE(fingerprint("age1nonsense").ok());
}

TEST_CASE("age-74: scrypt work factors are decimal without sign or leading zero and at most the limit") {
  CHECK(*parse_scrypt_work_factor("1", 22) == 1);
  CHECK(*parse_scrypt_work_factor("18", 22) == 18);
  CHECK(*parse_scrypt_work_factor("22", 22) == 22);
  for (const char* bad : {"", "0", "01", "+18", "-1", "0x12", "18 ", " 18", "1e1", "١٨"}) {
    INFO(bad);
    auto r = parse_scrypt_work_factor(bad, 22);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(Str::age_err_header_damaged));
  }
  for (const char* big : {"23", "99", "100", "18446744073709551617"}) {
    INFO(big);
    auto r = parse_scrypt_work_factor(big, 22);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(Str::age_err_work_factor));
  }
}
