// Focus: the building blocks of src/crypto: HKDF-SHA-256 (RFC 5869), Bech32
// (BIP 173 as age uses it) and strict base64 (RFC 4648, canonical only).
#include <doctest/doctest.h>

#include "crypto/base64.h"
#include "crypto/bech32.h"
#include "crypto/hkdf.h"
#include "test_util.h"

using namespace bb;
using namespace bb::crypto;
using bb::test::hex;

namespace {
Bytes range(int from, int to) {
  Bytes b;
  for (int i = from; i < to; ++i) b.push_back(static_cast<uint8_t>(i));
  return b;
}
}  // namespace

TEST_CASE("age-10: HKDF-SHA-256 gives the outputs of RFC 5869 test case 1 (basic)") {
  const Bytes ikm(22, 0x0b), salt = range(0x00, 0x0d), info = range(0xf0, 0xfa);
  CHECK(hex(hkdf_extract(salt, ikm)) == "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
  CHECK(hex(hkdf_sha256(ikm, salt, info, 42)) ==
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
}

TEST_CASE("age-11: HKDF-SHA-256 gives the outputs of RFC 5869 test case 2 (long inputs and outputs)") {
  const Bytes ikm = range(0x00, 0x50), salt = range(0x60, 0xb0), info = range(0xb0, 0x100);
  CHECK(hex(hkdf_extract(salt, ikm)) == "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244");
  CHECK(
      hex(hkdf_sha256(ikm, salt, info, 82)) ==
      "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275"
      "600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87");
}

TEST_CASE("age-12: HKDF-SHA-256 gives the outputs of RFC 5869 test case 3 (empty salt and info)") {
  const Bytes ikm(22, 0x0b);
  CHECK(hex(hkdf_extract(ByteView(), ikm)) ==
        "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
  CHECK(hex(hkdf_sha256(ikm, ByteView(), ByteView(), 42)) ==
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
  // The 32-byte form age uses is the prefix of the same output.
  CHECK(hex(hkdf_sha256_key(ikm, ByteView(), ByteView())) ==
        hex(hkdf_sha256(ikm, ByteView(), ByteView(), 32)));
}

TEST_CASE("age-13: Bech32 accepts the valid strings of BIP 173, also beyond 90 characters") {
  for (const std::string& s :
       std::vector<std::string>{"A12UEL5L", "a12uel5l", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
                                "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w", "?1ezyfcl",
                                std::string("11") + std::string(82, 'q') + "c8247j"}) {
    auto r = bech32_decode(s);
    INFO(s << ": " << (r.ok() ? "" : r.error().detail));
    CHECK(r.ok());
  }
  // The age spec's example key pair: identity and recipient round-trip.
  auto id = bech32_decode("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX");
  REQUIRE(id.ok());
  CHECK(id->hrp == "AGE-SECRET-KEY-");
  CHECK(id->data == Bytes(32, 0x42));
  CHECK(bech32_encode("AGE-SECRET-KEY-", id->data) ==
        "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX");
  const Bytes big = bb::test::pattern(200);
  auto back = bech32_decode(bech32_encode("age", big));
  REQUIRE(back.ok());
  CHECK(back->data == big);
}

TEST_CASE("age-14: Bech32 rejects the invalid strings of BIP 173 and mixed case") {
  for (const char* s : {"pzry9x0s0muk", "1pzry9x0s0muk", "x1b4n0q5v", "li1dgmt3", "de1lg7wt\xff", "A1G7SGD8",
                        "10a06t8", "1qzzfhee", "a12UEL5L", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx"}) {
    INFO(bb::test::hex(std::string_view(s)));
    auto r = bech32_decode(s);
    CHECK_FALSE(r.ok());
    if (!r.ok()) CHECK(r.error().is(Str::age_err_bad_key));
  }
}

namespace {
// Encodes raw 5-bit symbols with a valid checksum (BIP 173 reference), to build
// strings the byte-level encoder never produces.
std::string encode_symbols(const std::string& hrp, const Bytes& values) {
  static const char kCharset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  static const uint32_t kGen[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
  Bytes v;
  for (char c : hrp) v.push_back(static_cast<uint8_t>(c >> 5));
  v.push_back(0);
  for (char c : hrp) v.push_back(static_cast<uint8_t>(c & 31));
  v.insert(v.end(), values.begin(), values.end());
  v.insert(v.end(), 6, 0);
  uint32_t chk = 1;
  for (uint8_t x : v) {
    const uint32_t top = chk >> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ x;
    for (int i = 0; i < 5; ++i) chk ^= ((top >> i) & 1) ? kGen[i] : 0;
  }
  chk ^= 1;
  std::string out = hrp + "1";
  for (uint8_t x : values) out += kCharset[x];
  for (int p = 0; p < 6; ++p) out += kCharset[(chk >> (5 * (5 - p))) & 31];
  return out;
}
}  // namespace

TEST_CASE("age-15: Bech32 rejects data with non-zero or over-long padding bits") {
  CHECK(encode_symbols("age", {31, 28}) == bech32_encode("age", Bytes{0xff}));  // the helper agrees
  auto ok = bech32_decode(encode_symbols("age", {31, 28}));                     // 0xff, padding 00
  REQUIRE(ok.ok());
  CHECK(ok->data == Bytes{0xff});
  auto nonzero = bech32_decode(encode_symbols("age", {31, 29}));  // padding bits 01
  REQUIRE_FALSE(nonzero.ok());
  CHECK(nonzero.error().detail == "malformed key: non-zero padding");
  auto overlong = bech32_decode(encode_symbols("age", {31, 28, 0}));  // a whole extra zero symbol
  REQUIRE_FALSE(overlong.ok());
  CHECK(overlong.error().detail == "malformed key: illegal zero padding");
  for (int v = 0; v < 256; ++v) {
    auto r = bech32_decode(bech32_encode("age", Bytes{static_cast<uint8_t>(v)}));
    REQUIRE(r.ok());
    CHECK(r->data == Bytes{static_cast<uint8_t>(v)});
  }
}

TEST_CASE("age-16: unpadded base64 round-trips and rejects padding, whitespace and non-canonical tails") {
  for (size_t n = 0; n < 70; ++n) {
    const Bytes data = bb::test::pattern(n, static_cast<uint32_t>(n));
    const std::string text = base64_encode_raw(data);
    CHECK(text.find('=') == std::string::npos);
    auto back = base64_decode_raw(text);
    REQUIRE(back.has_value());
    CHECK(*back == data);
  }
  CHECK(base64_encode_raw(std::string_view("foobar")) == "Zm9vYmFy");
  CHECK(base64_encode_raw(std::string_view("fo")) == "Zm8");
  CHECK_FALSE(base64_decode_raw("Zm8=").has_value());  // padding
  CHECK_FALSE(base64_decode_raw("Zm9").has_value());   // non-canonical: unused bits set
  CHECK(base64_decode_raw("Zg").has_value());
  CHECK_FALSE(base64_decode_raw("Zh").has_value());  // non-canonical
  CHECK_FALSE(base64_decode_raw("Z").has_value());   // impossible length
  CHECK_FALSE(base64_decode_raw("Zm9v\nYmFy").has_value());
  CHECK_FALSE(base64_decode_raw("Zm9v YmFy").has_value());
  CHECK_FALSE(base64_decode_raw("Zm9v\r").has_value());
  CHECK_FALSE(base64_decode_raw("Zm-_").has_value());  // URL alphabet
}

TEST_CASE("age-17: padded base64 requires exact padding and canonical bits") {
  CHECK(base64_encode_padded(std::string_view("fo")) == "Zm8=");
  CHECK(base64_encode_padded(std::string_view("f")) == "Zg==");
  CHECK(base64_decode_padded("Zm8=").has_value());
  CHECK(base64_decode_padded("Zg==").has_value());
  CHECK(base64_decode_padded("Zm9v").has_value());
  CHECK_FALSE(base64_decode_padded("Zm8").has_value());   // missing padding
  CHECK_FALSE(base64_decode_padded("Zm9=").has_value());  // non-canonical
  CHECK_FALSE(base64_decode_padded("Zh==").has_value());  // non-canonical
  CHECK_FALSE(base64_decode_padded("Z===").has_value());
  CHECK_FALSE(base64_decode_padded("Zg=a").has_value());
  CHECK_FALSE(base64_decode_padded("Zg==Zg==").has_value());  // padding in the middle
  CHECK_FALSE(base64_decode_padded("====").has_value());
}
