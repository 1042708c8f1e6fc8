// age v1 file encryption for Begleitbuch: the entry point of bb::crypto.
//
// What it is for: handing a family's case to a Jugendamt as a file only it can
// open (X25519 recipient "age1..."), and backups under a passphrase (scrypt).
// Files are interoperable with the age CLI in both directions, binary and
// ASCII-armored. Spec: age-encryption.org/v1 (C2SP); details in docs/age.md.
//
// How to use it:
//   - Whole buffers: encrypt(plaintext, {recipient}) / decrypt(file, {identity}).
//   - Streams (large files): an Encryptor or Decryptor takes input in pieces
//     through write() and hands output to a Sink; finish() ends the input.
//     Memory stays bounded (one 64 KiB chunk plus the header), and a Decryptor
//     releases plaintext only chunk by chunk after each chunk's tag verified.
//     If the Decryptor fails (even in finish(): a truncated file fails there),
//     the caller must discard everything the sink received: the file was not
//     intact. The CLI deletes its partial output file.
//   - Errors: bb::Result with a Str of the "age encryption" strings section
//     and an age-style technical detail; crypto/errors.h maps them to the
//     outcome classes of the age test vectors.
//
// Compatibility: the format is age v1, frozen by its spec; this API may still
// change with Begleitbuch (it is internal to the app and its CLI).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crypto/armor.h"
#include "crypto/header.h"
#include "crypto/recipient.h"
#include "crypto/stream.h"

namespace bb::crypto {

struct EncryptOptions {
  bool armor = false;  // ASCII armor (PEM) instead of binary
};

class Encryptor {
 public:
  // Wraps a fresh file key for `recipients` and emits the header and payload
  // nonce to `sink` at once. Errors: age_err_no_recipients,
  // age_err_passphrase_alone (a passphrase must be the only recipient), or a
  // recipient's own error.
  static Result<Encryptor> create(const std::vector<RecipientPtr>& recipients, Sink sink,
                                  EncryptOptions options = {});
  Status write(ByteView plaintext);
  Status finish();  // the final chunk (and armor end line); call exactly once

 private:
  Encryptor() = default;
  std::unique_ptr<ArmorEncoder> armor_;
  std::unique_ptr<StreamEncryptor> stream_;
};

struct DecryptOptions {
  enum class Armor { detect, binary, armored };
  Armor armor = Armor::detect;  // detect: armored if the file starts (after whitespace) with the BEGIN line
};

class Decryptor {
 public:
  // Identities are tried in order on the header's stanzas. With none (say, all of a
  // user's keys are of a type left out), a valid file ends in age_err_no_match.
  Decryptor(std::vector<IdentityPtr> identities, Sink sink, DecryptOptions options = {});
  Decryptor(const Decryptor&) = delete;
  Decryptor& operator=(const Decryptor&) = delete;

  Status write(ByteView data);
  Status finish();  // the input ended; a truncated file fails here

  bool armored() const { return armored_; }
  bool header_verified() const { return stage_ == Stage::nonce || stage_ == Stage::payload; }

 private:
  enum class Stage { detect, header, nonce, payload };
  Status feed(ByteView data);         // after armor detection / decoding
  Status feed_binary(ByteView data);  // header, nonce, payload
  Status open_header();
  Status fail(Error error);

  std::vector<IdentityPtr> identities_;
  Sink sink_;
  DecryptOptions options_;
  Stage stage_ = Stage::detect;
  bool armored_ = false;
  std::string detect_buf_;
  std::unique_ptr<ArmorDecoder> armor_;
  HeaderParser parser_;
  std::string line_;  // incomplete header line
  Bytes nonce_;
  std::optional<FileKey> file_key_;
  std::unique_ptr<StreamDecryptor> stream_;
  std::optional<Error> error_;
};

// Whole-buffer conveniences over Encryptor / Decryptor.
Result<Bytes> encrypt(ByteView plaintext, const std::vector<RecipientPtr>& recipients,
                      EncryptOptions options = {});
Result<Bytes> decrypt(ByteView file, const std::vector<IdentityPtr>& identities, DecryptOptions options = {});

}  // namespace bb::crypto
