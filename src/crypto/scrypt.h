// The scrypt (passphrase) recipient type of age v1: stanzas
// "-> scrypt <salt> <log2 work factor>". Spec: age-encryption.org/v1 "The
// scrypt recipient type"; docs/age.md. On libsodium's
// crypto_pwhash_scryptsalsa208sha256_ll with N = 2^logN, r = 8, p = 1.
//
// Rules enforced on decryption: the work factor is decimal digits without a
// leading zero or sign (^[1-9][0-9]*$) and at most a limit (22 by default:
// scrypt then needs 4 GiB and seconds of CPU; higher is refused, not tried);
// the salt is 16 bytes of canonical base64; the body is exactly 32 bytes; and
// an scrypt stanza must be the only stanza of the header.
#pragma once

#include <string>
#include <string_view>

#include "crypto/recipient.h"

namespace bb::crypto {

constexpr std::string_view kScryptType = "scrypt";
constexpr int kScryptDefaultWorkFactor = 18;     // encryption: 2^18, about 1 s and 256 MiB, as age
constexpr int kScryptDefaultMaxWorkFactor = 22;  // decryption limit, as age

// Parses the work-factor argument: ^[1-9][0-9]*$ and <= max_work_factor.
// Errors: age_err_header_damaged (encoding) or age_err_work_factor (too large).
Result<int> parse_scrypt_work_factor(std::string_view text, int max_work_factor);

class ScryptRecipient final : public Recipient {
 public:
  // `work_factor` is log2(N), 1..30.
  explicit ScryptRecipient(std::string passphrase, int work_factor = kScryptDefaultWorkFactor);
  ~ScryptRecipient() override;
  ScryptRecipient(const ScryptRecipient&) = default;
  ScryptRecipient& operator=(const ScryptRecipient&) = default;

  Result<std::vector<Stanza>> wrap(const FileKey& file_key) const override;
  bool is_passphrase() const override { return true; }

 private:
  std::string passphrase_;
  int work_factor_;
};

class ScryptIdentity final : public Identity {
 public:
  explicit ScryptIdentity(std::string passphrase, int max_work_factor = kScryptDefaultMaxWorkFactor);
  ~ScryptIdentity() override;
  ScryptIdentity(const ScryptIdentity&) = default;
  ScryptIdentity& operator=(const ScryptIdentity&) = default;

  Result<std::optional<FileKey>> unwrap(const std::vector<Stanza>& stanzas) const override;
  bool is_passphrase() const override { return true; }

 private:
  std::string passphrase_;
  int max_work_factor_;
};

}  // namespace bb::crypto
