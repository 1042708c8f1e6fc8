// STREAM chunking of age v1 payloads: ChaCha20-Poly1305 over 64 KiB chunks,
// nonce = 11-byte big-endian chunk counter || last-chunk flag (0x01 on the
// final chunk). Spec: age-encryption.org/v1 "Payload"; docs/age.md. No I/O
// here: bytes are pushed in with write() and come out through a Sink.
//
// Decryption releases a chunk's plaintext only after its tag verified, holds
// at most one encrypted chunk in memory, and fails when the input ends
// without a valid final chunk (truncation), when the final chunk is empty
// though the payload is not, or when data follows the final chunk.
#pragma once

#include "crypto/primitives.h"

namespace bb::crypto {

constexpr size_t kChunkSize = 64 * 1024;                       // plaintext bytes per chunk
constexpr size_t kEncryptedChunkSize = kChunkSize + kTagSize;  // ciphertext bytes per full chunk
constexpr size_t kPayloadNonceSize = 16;                       // the random nonce before the chunks

// payload key = HKDF-SHA-256(ikm = file key, salt = nonce, info = "payload").
Key32 payload_key(const FileKey& file_key, ByteView nonce);

class StreamEncryptor {
 public:
  StreamEncryptor(const Key32& key, Sink sink);
  ~StreamEncryptor();
  StreamEncryptor(const StreamEncryptor&) = delete;
  StreamEncryptor& operator=(const StreamEncryptor&) = delete;

  Status write(ByteView plaintext);
  // Seals the final chunk (empty only if nothing was written). Call once.
  Status finish();

 private:
  Status seal_chunk(bool last);

  Key32 key_;
  Sink sink_;
  Bytes buf_;  // plaintext of the current chunk, at most kChunkSize
  Bytes out_;  // ciphertext scratch
  uint64_t counter_ = 0;
  bool finished_ = false;
};

class StreamDecryptor {
 public:
  StreamDecryptor(const Key32& key, Sink sink);
  ~StreamDecryptor();
  StreamDecryptor(const StreamDecryptor&) = delete;
  StreamDecryptor& operator=(const StreamDecryptor&) = delete;

  // Errors carry Str::age_err_payload_damaged (or a sink's error). After an
  // error every further call returns it again.
  Status write(ByteView ciphertext);
  // The input ended: decrypts the last (short) chunk or reports truncation.
  Status finish();
  bool complete() const { return final_seen_; }

 private:
  Status open_chunk(bool last, bool* ok);
  Status fail(std::string detail);

  Key32 key_;
  Sink sink_;
  Bytes buf_;  // ciphertext of the current chunk, at most kEncryptedChunkSize
  Bytes out_;  // plaintext scratch
  uint64_t counter_ = 0;
  bool final_seen_ = false;
  std::optional<Error> error_;
};

}  // namespace bb::crypto
