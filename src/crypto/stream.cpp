// STREAM chunking of age v1 payloads (see stream.h). Spec:
// age-encryption.org/v1 "Payload". No I/O here.
//
// Chunk boundaries follow age's reference reader exactly: a full-size chunk is
// first opened as a non-final chunk and, if that fails, as a final one (a
// payload may end with a full final chunk); a short chunk can only be the
// final one and is opened when the input ends.
#include "crypto/stream.h"

#include <sodium.h>

#include "crypto/hkdf.h"

namespace bb::crypto {

namespace {

// 11-byte big-endian counter, then the last-chunk flag.
void make_nonce(uint64_t counter, bool last, uint8_t nonce[12]) {
  nonce[0] = nonce[1] = nonce[2] = 0;  // the counter's top 24 bits: unreachable
  for (int i = 0; i < 8; ++i) nonce[3 + i] = static_cast<uint8_t>(counter >> (8 * (7 - i)));
  nonce[11] = last ? 1 : 0;
}

}  // namespace

Key32 payload_key(const FileKey& file_key, ByteView nonce) {
  return hkdf_sha256_key(file_key.bytes, nonce, std::string_view("payload"));
}

// [SECTION] Encryption

StreamEncryptor::StreamEncryptor(const Key32& key, Sink sink) : key_(key), sink_(std::move(sink)) {
  ensure_sodium();
  buf_.reserve(kChunkSize);
  out_.resize(kEncryptedChunkSize);
}

StreamEncryptor::~StreamEncryptor() {
  wipe(key_.data(), key_.size());
  wipe(buf_.data(), buf_.size());
}

Status StreamEncryptor::seal_chunk(bool last) {
  uint8_t nonce[12];
  make_nonce(counter_, last, nonce);
  unsigned long long n = 0;
  crypto_aead_chacha20poly1305_ietf_encrypt(out_.data(), &n, buf_.data(), buf_.size(), nullptr, 0, nullptr,
                                            nonce, key_.data());
  ++counter_;
  wipe(buf_.data(), buf_.size());
  buf_.clear();
  return sink_(ByteView(out_.data(), static_cast<size_t>(n)));
}

Status StreamEncryptor::write(ByteView plaintext) {
  if (finished_) return make_error(Str::err_internal, "stream encryptor written after finish");
  size_t pos = 0;
  while (pos < plaintext.size) {
    // A full chunk is sealed only once more data follows: until then it may be the last.
    if (buf_.size() == kChunkSize) BB_TRY(seal_chunk(false));
    const size_t take = std::min(kChunkSize - buf_.size(), plaintext.size - pos);
    buf_.insert(buf_.end(), plaintext.data + pos, plaintext.data + pos + take);
    pos += take;
  }
  return {};
}

Status StreamEncryptor::finish() {
  if (finished_) return make_error(Str::err_internal, "stream encryptor finished twice");
  finished_ = true;
  return seal_chunk(true);
}

// [SECTION] Decryption

StreamDecryptor::StreamDecryptor(const Key32& key, Sink sink) : key_(key), sink_(std::move(sink)) {
  ensure_sodium();
  buf_.reserve(kEncryptedChunkSize);
  out_.resize(kChunkSize);
}

StreamDecryptor::~StreamDecryptor() {
  wipe(key_.data(), key_.size());
  wipe(out_.data(), out_.size());
}

Status StreamDecryptor::fail(std::string detail) {
  error_ = make_error(Str::age_err_payload_damaged, std::move(detail));
  return *error_;
}

// Opens buf_ as chunk counter_ with the given flag. *ok tells whether the tag
// verified; only then is the plaintext handed to the sink.
Status StreamDecryptor::open_chunk(bool last, bool* ok) {
  uint8_t nonce[12];
  make_nonce(counter_, last, nonce);
  unsigned long long n = 0;
  *ok = crypto_aead_chacha20poly1305_ietf_decrypt(out_.data(), &n, nullptr, buf_.data(), buf_.size(), nullptr,
                                                  0, nonce, key_.data()) == 0;
  if (!*ok) return {};
  ++counter_;
  buf_.clear();
  if (last) final_seen_ = true;
  Status st = n ? sink_(ByteView(out_.data(), static_cast<size_t>(n))) : Status();
  wipe(out_.data(), static_cast<size_t>(n));
  if (!st.ok()) error_ = st.error();
  return st;
}

Status StreamDecryptor::write(ByteView ciphertext) {
  if (error_) return *error_;
  size_t pos = 0;
  while (pos < ciphertext.size) {
    if (final_seen_) return fail("trailing data after end of encrypted file");
    const size_t take = std::min(kEncryptedChunkSize - buf_.size(), ciphertext.size - pos);
    buf_.insert(buf_.end(), ciphertext.data + pos, ciphertext.data + pos + take);
    pos += take;
    if (buf_.size() < kEncryptedChunkSize) break;
    bool ok = false;
    BB_TRY(open_chunk(false, &ok));
    if (!ok) BB_TRY(open_chunk(true, &ok));  // a full-length final chunk
    if (!ok) {
      return fail("failed to decrypt and authenticate payload chunk " + std::to_string(counter_) +
                  ", file may be corrupted or tampered with");
    }
  }
  return {};
}

Status StreamDecryptor::finish() {
  if (error_) return *error_;
  if (final_seen_) return {};
  if (buf_.empty()) {
    return fail(counter_ == 0 ? "payload has no chunks, file is truncated"
                              : "payload ends without a final chunk, file is truncated");
  }
  if (counter_ > 0 && buf_.size() == kTagSize) {
    return fail("last chunk is empty, but only an empty payload may end with an empty chunk");
  }
  bool ok = false;
  if (buf_.size() >= kTagSize) BB_TRY(open_chunk(true, &ok));
  if (!ok) {
    return fail("failed to decrypt and authenticate final payload chunk " + std::to_string(counter_) +
                ", file may be corrupted, truncated or tampered with");
  }
  return {};
}

}  // namespace bb::crypto
