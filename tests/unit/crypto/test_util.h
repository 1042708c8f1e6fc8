// Helpers shared by the crypto unit tests: hex, SHA-256, file reading and a
// collecting sink. Test-only.
#pragma once

#include <sodium.h>

#include <cstdio>
#include <string>

#include "crypto/primitives.h"

namespace bb::test {

inline std::string hex(crypto::ByteView b) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < b.size; ++i) {
    out += kHex[b.data[i] >> 4];
    out += kHex[b.data[i] & 15];
  }
  return out;
}

inline bool unhex(const std::string& s, crypto::Bytes& out) {
  out.clear();
  if (s.size() % 2) return false;
  for (size_t i = 0; i < s.size(); i += 2) {
    const std::string byte = s.substr(i, 2);
    if (byte.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) return false;
    out.push_back(static_cast<uint8_t>(std::stoi(byte, nullptr, 16)));
  }
  return true;
}

inline std::string sha256_hex(crypto::ByteView b) {
  crypto::ensure_sodium();
  uint8_t h[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(h, b.data, b.size);
  return hex(crypto::ByteView(h, sizeof h));
}

inline bool read_file(const std::string& path, crypto::Bytes& out) {
  out.clear();
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  uint8_t buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.insert(out.end(), buf, buf + n);
  std::fclose(f);
  return true;
}

// Deterministic filler so that failures are reproducible.
inline crypto::Bytes pattern(size_t size, uint32_t seed = 1) {
  crypto::Bytes b(size);
  uint32_t x = seed * 2654435761u + 1;
  for (auto& c : b) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    c = static_cast<uint8_t>(x);
  }
  return b;
}

// A sink that appends to a buffer.
struct Collect {
  crypto::Bytes bytes;
  crypto::Sink sink() {
    return [this](crypto::ByteView b) {
      bytes.insert(bytes.end(), b.data, b.data + b.size);
      return Status();
    };
  }
};

}  // namespace bb::test
