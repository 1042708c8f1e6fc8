// HKDF-SHA-256 (RFC 5869) on libsodium's HMAC-SHA-256: libsodium 1.0.18 has
// no HKDF of its own. age derives every key with it: the X25519 wrap key, the
// header MAC key and the payload key (docs/age.md).
#pragma once

#include "crypto/primitives.h"

namespace bb::crypto {

// HKDF-Extract: PRK = HMAC-SHA-256(salt, ikm). An empty salt is treated as 32
// zero bytes, as RFC 5869 section 2.2 asks (HMAC pads the key with zeros anyway).
Key32 hkdf_extract(ByteView salt, ByteView ikm);

// HKDF-Expand: `length` bytes of output keying material (at most 255 * 32).
Bytes hkdf_expand(const Key32& prk, ByteView info, size_t length);

// Extract then expand, `length` bytes.
Bytes hkdf_sha256(ByteView ikm, ByteView salt, ByteView info, size_t length);

// Extract then expand to the 32 bytes every age key has.
Key32 hkdf_sha256_key(ByteView ikm, ByteView salt, ByteView info);

}  // namespace bb::crypto
