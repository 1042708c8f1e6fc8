// HKDF-SHA-256 per RFC 5869, built on crypto_auth_hmacsha256 (libsodium 1.0.18
// has no HKDF). Tested with the RFC's test cases 1-3 (tests/unit/crypto).
#include "crypto/hkdf.h"

#include <sodium.h>

#include <algorithm>

namespace bb::crypto {

namespace {
const uint8_t kEmpty[1] = {0};  // a valid pointer for empty inputs
const uint8_t* ptr(ByteView v) { return v.data ? v.data : kEmpty; }
}  // namespace

Key32 hkdf_extract(ByteView salt, ByteView ikm) {
  ensure_sodium();
  Key32 prk{};
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, ptr(salt), salt.size);
  crypto_auth_hmacsha256_update(&st, ptr(ikm), ikm.size);
  crypto_auth_hmacsha256_final(&st, prk.data());
  wipe(&st, sizeof st);
  return prk;
}

Bytes hkdf_expand(const Key32& prk, ByteView info, size_t length) {
  ensure_sodium();
  constexpr size_t kHashLen = crypto_auth_hmacsha256_BYTES;
  if (length > 255 * kHashLen) length = 255 * kHashLen;  // RFC 5869: L <= 255*HashLen
  Bytes okm;
  okm.reserve(length);
  uint8_t t[kHashLen];
  size_t t_len = 0;
  for (uint8_t counter = 1; okm.size() < length; ++counter) {
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, prk.data(), prk.size());
    crypto_auth_hmacsha256_update(&st, t, t_len);  // T(i-1), empty for i = 1
    crypto_auth_hmacsha256_update(&st, ptr(info), info.size);
    crypto_auth_hmacsha256_update(&st, &counter, 1);
    crypto_auth_hmacsha256_final(&st, t);
    wipe(&st, sizeof st);
    t_len = kHashLen;
    const size_t take = std::min(kHashLen, length - okm.size());
    okm.insert(okm.end(), t, t + take);
  }
  wipe(t, sizeof t);
  return okm;
}

Bytes hkdf_sha256(ByteView ikm, ByteView salt, ByteView info, size_t length) {
  Key32 prk = hkdf_extract(salt, ikm);
  Bytes okm = hkdf_expand(prk, info, length);
  wipe(prk.data(), prk.size());
  return okm;
}

Key32 hkdf_sha256_key(ByteView ikm, ByteView salt, ByteView info) {
  Bytes okm = hkdf_sha256(ikm, salt, info, kKeySize);
  Key32 key{};
  std::copy(okm.begin(), okm.end(), key.begin());
  wipe(okm.data(), okm.size());
  return key;
}

}  // namespace bb::crypto
