// Shared building blocks of the age implementation (docs/age.md): libsodium
// start-up, random bytes, byte views, the file key, and the fixed-nonce
// ChaCha20-Poly1305 that wraps a file key inside a recipient stanza.
// Everything here is a thin layer over libsodium; no format logic.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace bb::crypto {

using Bytes = std::vector<uint8_t>;

// A read-only view of bytes (C++17 has no std::span).
struct ByteView {
  const uint8_t* data = nullptr;
  size_t size = 0;

  ByteView() = default;
  ByteView(const uint8_t* d, size_t n) : data(d), size(n) {}
  ByteView(const Bytes& b) : data(b.data()), size(b.size()) {}  // NOLINT: implicit by design
  template <size_t N>
  ByteView(const std::array<uint8_t, N>& a) : data(a.data()), size(N) {}  // NOLINT: implicit by design
  ByteView(std::string_view s)                                            // NOLINT: implicit by design
      : data(reinterpret_cast<const uint8_t*>(s.data())), size(s.size()) {}
  ByteView(const std::string& s) : ByteView(std::string_view(s)) {}  // NOLINT: implicit by design

  bool empty() const { return size == 0; }
  ByteView sub(size_t offset, size_t count = SIZE_MAX) const {
    if (offset > size) offset = size;
    if (count > size - offset) count = size - offset;
    return {data + offset, count};
  }
  std::string_view str() const { return {reinterpret_cast<const char*>(data), size}; }
};

// Where streaming encoders and decoders deliver their output. A sink may fail
// (disk full, ...); its error stops the stream and is returned to the caller.
using Sink = std::function<Status(ByteView)>;

// Calls sodium_init() once per process (thread-safe). Every entry point of
// bb::crypto calls it, so callers never need to.
void ensure_sodium();

// Fills `out` with `size` bytes from the operating system's CSPRNG.
void random_bytes(uint8_t* out, size_t size);

// Overwrites `size` bytes at `p` with zeros in a way the compiler keeps.
void wipe(void* p, size_t size);

constexpr size_t kFileKeySize = 16;  // age v1: 128-bit file key
constexpr size_t kKeySize = 32;      // ChaCha20-Poly1305, HKDF output, X25519
constexpr size_t kTagSize = 16;      // Poly1305 tag

using Key32 = std::array<uint8_t, kKeySize>;

// The symmetric key of one age file. Wiped on destruction.
struct FileKey {
  std::array<uint8_t, kFileKeySize> bytes{};

  FileKey() = default;
  FileKey(const FileKey&) = default;
  FileKey& operator=(const FileKey&) = default;
  ~FileKey() { wipe(bytes.data(), bytes.size()); }

  static FileKey generate();  // 16 bytes of CSPRNG output
};

// ChaCha20-Poly1305 (IETF) with the all-zero 12-byte nonce: only for keys used
// exactly once (each stanza's wrap key is derived from fresh randomness).
Bytes seal_with_zero_nonce(const Key32& key, ByteView plaintext);
// Opens what seal_with_zero_nonce produced; nullopt if the tag does not verify.
std::optional<Bytes> open_with_zero_nonce(const Key32& key, ByteView ciphertext);

// Constant-time comparison of two equally long byte strings.
bool equal_constant_time(ByteView a, ByteView b);

}  // namespace bb::crypto
