// The scrypt (passphrase) recipient type of age v1 (see scrypt.h). Spec:
// age-encryption.org/v1 "scrypt recipient stanza"; RFC 7914 via libsodium.
#include "crypto/scrypt.h"

#include <sodium.h>

#include "crypto/base64.h"
#include "crypto/quote.h"

namespace bb::crypto {

namespace {

constexpr std::string_view kLabel = "age-encryption.org/v1/scrypt";
constexpr size_t kSaltSize = 16;

// scrypt(N = 2^log_n, r = 8, p = 1, dkLen = 32, S = label || salt, P = passphrase).
Result<Key32> derive(const std::string& passphrase, const Bytes& salt, int log_n) {
  ensure_sodium();
  Bytes full_salt(kLabel.begin(), kLabel.end());
  full_salt.insert(full_salt.end(), salt.begin(), salt.end());
  Key32 key{};
  const int rc = crypto_pwhash_scryptsalsa208sha256_ll(reinterpret_cast<const uint8_t*>(passphrase.data()),
                                                       passphrase.size(), full_salt.data(), full_salt.size(),
                                                       uint64_t{1} << log_n, 8, 1, key.data(), key.size());
  if (rc != 0) {
    return make_error(Str::age_err_work_factor,
                      "scrypt with work factor " + std::to_string(log_n) + " failed (out of memory?)");
  }
  return key;
}

Error invalid_stanza(const std::string& why) {
  return make_error(Str::age_err_header_damaged, "invalid scrypt recipient block: " + why);
}

}  // namespace

Result<int> parse_scrypt_work_factor(std::string_view text, int max_work_factor) {
  bool digits = !text.empty() && text[0] >= '1' && text[0] <= '9';
  for (char c : text) digits = digits && c >= '0' && c <= '9';
  if (!digits) {
    return make_error(Str::age_err_header_damaged, "scrypt work factor encoding invalid: " + quote(text));
  }
  // More digits than any sane limit has: too large, without risking overflow.
  if (text.size() > 2) {
    return make_error(Str::age_err_work_factor, "scrypt work factor too large: " + quote(text));
  }
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  if (value > max_work_factor) {
    return make_error(Str::age_err_work_factor, "scrypt work factor too large: " + std::to_string(value) +
                                                    " (limit " + std::to_string(max_work_factor) + ")");
  }
  return value;
}

ScryptRecipient::ScryptRecipient(std::string passphrase, int work_factor)
    : passphrase_(std::move(passphrase)), work_factor_(work_factor) {}

ScryptRecipient::~ScryptRecipient() { wipe(passphrase_.data(), passphrase_.size()); }

Result<std::vector<Stanza>> ScryptRecipient::wrap(const FileKey& file_key) const {
  if (passphrase_.empty()) return make_error(Str::age_err_empty_passphrase, "empty passphrase");
  if (work_factor_ < 1 || work_factor_ > 30) {
    return make_error(Str::err_internal, "scrypt work factor out of range: " + std::to_string(work_factor_));
  }
  Bytes salt(kSaltSize);
  random_bytes(salt.data(), salt.size());
  auto key = derive(passphrase_, salt, work_factor_);
  if (!key) return key.error();
  Stanza s;
  s.type = std::string(kScryptType);
  s.args = {base64_encode_raw(salt), std::to_string(work_factor_)};
  s.body = seal_with_zero_nonce(*key, file_key.bytes);
  wipe(key->data(), key->size());
  return std::vector<Stanza>{std::move(s)};
}

ScryptIdentity::ScryptIdentity(std::string passphrase, int max_work_factor)
    : passphrase_(std::move(passphrase)), max_work_factor_(max_work_factor) {}

ScryptIdentity::~ScryptIdentity() { wipe(passphrase_.data(), passphrase_.size()); }

Result<std::optional<FileKey>> ScryptIdentity::unwrap(const std::vector<Stanza>& stanzas) const {
  for (const Stanza& s : stanzas) {
    if (s.type == kScryptType && stanzas.size() != 1) {
      return make_error(Str::age_err_scrypt_not_alone, "an scrypt recipient must be the only one");
    }
  }
  for (const Stanza& s : stanzas) {
    if (s.type != kScryptType) continue;
    if (s.args.size() != 2) return invalid_stanza(std::to_string(s.args.size() + 1) + " arguments, want 3");
    const auto salt = base64_decode_raw(s.args[0]);
    if (!salt) return invalid_stanza("salt is not canonical base64: " + quote(s.args[0]));
    if (salt->size() != kSaltSize) {
      return invalid_stanza("salt is " + std::to_string(salt->size()) +
                            " bytes, want 16: " + quote(s.args[0]));
    }
    auto log_n = parse_scrypt_work_factor(s.args[1], max_work_factor_);
    if (!log_n) return log_n.error();
    // Checked before the expensive scrypt and any decryption (partitioning oracles).
    if (s.body.size() != kFileKeySize + kTagSize) {
      return invalid_stanza("incorrect file key size (body of " + std::to_string(s.body.size()) + " bytes)");
    }
    auto key = derive(passphrase_, *salt, *log_n);
    if (!key) return key.error();
    auto opened = open_with_zero_nonce(*key, s.body);
    wipe(key->data(), key->size());
    if (!opened) return std::optional<FileKey>();  // wrong passphrase (or work factor)
    FileKey fk;
    std::copy(opened->begin(), opened->end(), fk.bytes.begin());
    wipe(opened->data(), opened->size());
    return std::optional<FileKey>(fk);
  }
  return std::optional<FileKey>();
}

}  // namespace bb::crypto
