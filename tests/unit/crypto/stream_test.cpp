// Focus: STREAM payload chunking (src/crypto/stream.h): chunk boundaries, the
// last-chunk flag, truncation, trailing data, and that no plaintext is
// released before its chunk's tag verified.
#include <doctest/doctest.h>

#include "crypto/stream.h"
#include "test_util.h"

using namespace bb;
using namespace bb::crypto;
using bb::test::Collect;

namespace {

Key32 test_key() {
  Key32 k{};
  for (size_t i = 0; i < k.size(); ++i) k[i] = static_cast<uint8_t>(i * 7 + 1);
  return k;
}

Bytes seal(const Bytes& plain, size_t piece = SIZE_MAX) {
  Collect out;
  StreamEncryptor enc(test_key(), out.sink());
  for (size_t pos = 0; pos < plain.size(); pos += piece)
    REQUIRE(enc.write(ByteView(plain).sub(pos, piece)).ok());
  REQUIRE(enc.finish().ok());
  return out.bytes;
}

Result<Bytes> open(const Bytes& cipher, size_t piece = SIZE_MAX, Bytes* released = nullptr) {
  Collect out;
  StreamDecryptor dec(test_key(), out.sink());
  Status st;
  for (size_t pos = 0; st.ok() && pos < cipher.size(); pos += piece)
    st = dec.write(ByteView(cipher).sub(pos, piece));
  if (st.ok()) st = dec.finish();
  if (released) *released = out.bytes;
  if (!st.ok()) return st.error();
  return out.bytes;
}

size_t chunks_for(size_t n) { return n == 0 ? 1 : (n + kChunkSize - 1) / kChunkSize; }

}  // namespace

TEST_CASE("age-30: STREAM round-trips 0 bytes, 1 byte, exactly 64 KiB, 64 KiB + 1 and multi-MB payloads") {
  for (size_t n : {size_t{0}, size_t{1}, kChunkSize - 1, kChunkSize, kChunkSize + 1, 2 * kChunkSize,
                   size_t{3 * 1024 * 1024 + 17}}) {
    INFO("size " << n);
    const Bytes plain = bb::test::pattern(n, static_cast<uint32_t>(n));
    const Bytes cipher = seal(plain);
    CHECK(cipher.size() == n + chunks_for(n) * kTagSize);
    auto back = open(cipher);
    REQUIRE_MESSAGE(back.ok(), back.error().detail);
    CHECK(*back == plain);
  }
}

TEST_CASE("age-31: STREAM output does not depend on how the input is split into writes") {
  const Bytes plain = bb::test::pattern(3 * kChunkSize + 5);
  const Bytes whole = seal(plain);
  for (size_t piece : {size_t{1000}, kChunkSize, kChunkSize + 1, size_t{4096 * 3}}) {
    INFO("piece " << piece);
    CHECK(seal(plain, piece) == whole);
    auto back = open(whole, piece == 1000 ? 999 : piece);
    REQUIRE(back.ok());
    CHECK(*back == plain);
  }
}

TEST_CASE("age-32: a payload cut at any chunk boundary or inside a chunk fails at the end") {
  const Bytes plain = bb::test::pattern(2 * kChunkSize + 100);
  const Bytes cipher = seal(plain);
  for (size_t cut : {size_t{0}, size_t{10}, kEncryptedChunkSize, kEncryptedChunkSize + 1,
                     2 * kEncryptedChunkSize, cipher.size() - 1}) {
    INFO("cut at " << cut);
    Bytes released;
    auto r = open(Bytes(cipher.begin(), cipher.begin() + static_cast<long>(cut)), SIZE_MAX, &released);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(Str::age_err_payload_damaged));
    // Only whole verified chunks came out, and they are a prefix of the plaintext.
    CHECK(released.size() % kChunkSize == 0);
    CHECK(Bytes(plain.begin(), plain.begin() + static_cast<long>(released.size())) == released);
  }
}

TEST_CASE("age-33: a full final chunk is valid, and an empty final chunk only for an empty payload") {
  const Bytes plain = bb::test::pattern(kChunkSize);
  const Bytes cipher = seal(plain);
  CHECK(cipher.size() == kEncryptedChunkSize);  // one full chunk, flagged last
  // The same 64 KiB written as a non-final chunk plus an empty final chunk is refused.
  Collect out;
  StreamEncryptor enc(test_key(), out.sink());
  REQUIRE(enc.write(plain).ok());
  REQUIRE(enc.write(Bytes{1}).ok());  // forces the first chunk out as non-final
  REQUIRE(enc.finish().ok());
  Bytes forged(out.bytes.begin(), out.bytes.begin() + static_cast<long>(kEncryptedChunkSize));
  auto r = open(forged);
  REQUIRE_FALSE(r.ok());  // a non-final chunk at the end: truncated
  CHECK(r.error().detail.find("truncated") != std::string::npos);
}

TEST_CASE("age-34: data after the final chunk is refused as trailing data") {
  Bytes cipher = seal(bb::test::pattern(100));
  cipher.push_back(0);
  auto r = open(cipher);
  REQUIRE_FALSE(r.ok());  // the final chunk is then 1 byte longer: its tag fails
  CHECK(r.error().is(Str::age_err_payload_damaged));
  Bytes full = seal(bb::test::pattern(kChunkSize));
  full.push_back(0);
  Bytes released;
  r = open(full, SIZE_MAX, &released);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().detail == "trailing data after end of encrypted file");
}

TEST_CASE("age-35: swapping, dropping or reordering chunks fails authentication") {
  const Bytes plain = bb::test::pattern(3 * kChunkSize);
  const Bytes cipher = seal(plain);
  const auto chunk = [&](size_t i) {
    return Bytes(cipher.begin() + static_cast<long>(i * kEncryptedChunkSize),
                 cipher.begin() + static_cast<long>(std::min(cipher.size(), (i + 1) * kEncryptedChunkSize)));
  };
  Bytes swapped = chunk(1);
  const Bytes c0 = chunk(0), c2 = chunk(2);
  swapped.insert(swapped.end(), c0.begin(), c0.end());
  swapped.insert(swapped.end(), c2.begin(), c2.end());
  Bytes released;
  CHECK_FALSE(open(swapped, SIZE_MAX, &released).ok());
  CHECK(released.empty());
  Bytes dropped = c0;
  dropped.insert(dropped.end(), c2.begin(), c2.end());
  CHECK_FALSE(open(dropped, SIZE_MAX, &released).ok());
  CHECK(released.size() == kChunkSize);  // the first chunk was valid
}

TEST_CASE("age-36: the payload key is HKDF-SHA-256 of the file key with the nonce as salt and 'payload'") {
  FileKey fk;
  const std::string yellow = "YELLOW SUBMARINE";  // the CCTV vectors' file key
  std::copy(yellow.begin(), yellow.end(), fk.bytes.begin());
  const Bytes nonce(16, 3);
  const Key32 a = payload_key(fk, nonce);
  // Computed independently with Python's hmac module.
  CHECK(bb::test::hex(a) == "76ccf918e4a52d64be445f004c6720badf48907fee2192124494f44fc07ed3e0");
  CHECK(a != payload_key(fk, Bytes(16, 4)));
  fk.bytes[0] ^= 1;
  CHECK(a != payload_key(fk, nonce));
}
