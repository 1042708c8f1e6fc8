// The phone-readable fingerprint of an X25519 recipient (see fingerprint.h).
#include "crypto/fingerprint.h"

#include <sodium.h>

namespace bb::crypto {

std::string fingerprint(const X25519Recipient& recipient) {
  ensure_sodium();
  static const char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const std::string text = recipient.to_string();
  uint8_t hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const uint8_t*>(text.data()), text.size());
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (int i = 0; i < 10; ++i) {  // 80 bits = 16 symbols of 5 bits
    acc = (acc << 8) | hash[i];
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      if (out.size() % 5 == 4) out += '-';
      out += kCrockford[(acc >> bits) & 31];
    }
    acc &= (1u << bits) - 1;
  }
  return out;
}

Result<std::string> fingerprint(std::string_view recipient) {
  auto r = X25519Recipient::parse(recipient);
  if (!r) return r.error();
  return fingerprint(*r);
}

}  // namespace bb::crypto
