// Shared building blocks of the age implementation: libsodium start-up,
// CSPRNG, wiping, and the fixed-nonce ChaCha20-Poly1305 for file-key wrapping.
// Spec: docs/age.md. No format logic here.
#include "crypto/primitives.h"

#include <sodium.h>

#include <cstdlib>

namespace bb::crypto {

void ensure_sodium() {
  // A function-local static is initialised exactly once, even with threads.
  static const bool ready = [] {
    if (sodium_init() < 0) {
      // Only happens without a usable random source: nothing in this library
      // can work then, and continuing would produce predictable keys.
      std::abort();
    }
    return true;
  }();
  (void)ready;
}

void random_bytes(uint8_t* out, size_t size) {
  ensure_sodium();
  randombytes_buf(out, size);
}

void wipe(void* p, size_t size) {
  if (p && size) sodium_memzero(p, size);
}

FileKey FileKey::generate() {
  FileKey key;
  random_bytes(key.bytes.data(), key.bytes.size());
  return key;
}

Bytes seal_with_zero_nonce(const Key32& key, ByteView plaintext) {
  ensure_sodium();
  static const uint8_t kZeroNonce[crypto_aead_chacha20poly1305_ietf_NPUBBYTES] = {};
  Bytes out(plaintext.size + kTagSize);
  unsigned long long out_len = 0;
  crypto_aead_chacha20poly1305_ietf_encrypt(out.data(), &out_len, plaintext.data, plaintext.size, nullptr, 0,
                                            nullptr, kZeroNonce, key.data());
  out.resize(static_cast<size_t>(out_len));
  return out;
}

std::optional<Bytes> open_with_zero_nonce(const Key32& key, ByteView ciphertext) {
  ensure_sodium();
  static const uint8_t kZeroNonce[crypto_aead_chacha20poly1305_ietf_NPUBBYTES] = {};
  if (ciphertext.size < kTagSize) return std::nullopt;
  Bytes out(ciphertext.size - kTagSize);
  unsigned long long out_len = 0;
  if (crypto_aead_chacha20poly1305_ietf_decrypt(out.data(), &out_len, nullptr, ciphertext.data,
                                                ciphertext.size, nullptr, 0, kZeroNonce, key.data()) != 0) {
    return std::nullopt;
  }
  out.resize(static_cast<size_t>(out_len));
  return out;
}

bool equal_constant_time(ByteView a, ByteView b) {
  ensure_sodium();
  if (a.size != b.size) return false;
  if (a.size == 0) return true;
  return sodium_memcmp(a.data, b.data, a.size) == 0;
}

}  // namespace bb::crypto
