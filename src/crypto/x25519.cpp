// The X25519 recipient type of age v1 (see x25519.h). Spec:
// age-encryption.org/v1 "X25519 recipient stanza"; RFC 7748 via libsodium.
#include "crypto/x25519.h"

#include <sodium.h>

#include "crypto/base64.h"
#include "crypto/bech32.h"
#include "crypto/hkdf.h"
#include "crypto/quote.h"

namespace bb::crypto {

namespace {

constexpr std::string_view kLabel = "age-encryption.org/v1/X25519";

Key32 wrap_key(const Key32& shared, const Key32& share, const Key32& recipient) {
  Bytes salt(share.begin(), share.end());
  salt.insert(salt.end(), recipient.begin(), recipient.end());
  return hkdf_sha256_key(shared, salt, kLabel);
}

Error invalid_stanza(const std::string& why) {
  return make_error(Str::age_err_header_damaged, "invalid X25519 recipient block: " + why);
}

}  // namespace

Result<X25519Recipient> X25519Recipient::parse(std::string_view text) {
  auto decoded = bech32_decode(text);
  if (!decoded) {
    Error e = decoded.error();
    e.message = Str::age_err_bad_recipient;
    e.arg = std::string(text.substr(0, 80));
    e.detail = "invalid recipient " + quote(text) + ": " + e.detail;
    return e;
  }
  if (decoded->hrp != kX25519RecipientHrp) {
    return make_error(Str::age_err_bad_recipient, "invalid recipient " + quote(text) + ": not an X25519 key",
                      std::string(text.substr(0, 80)));
  }
  if (decoded->data.size() != kKeySize) {
    return make_error(Str::age_err_bad_recipient, "invalid recipient " + quote(text) + ": wrong key length",
                      std::string(text.substr(0, 80)));
  }
  Key32 key{};
  std::copy(decoded->data.begin(), decoded->data.end(), key.begin());
  return X25519Recipient(key);
}

Result<std::vector<Stanza>> X25519Recipient::wrap(const FileKey& file_key) const {
  ensure_sodium();
  Key32 ephemeral{};
  Key32 share{};
  Key32 shared{};
  random_bytes(ephemeral.data(), ephemeral.size());
  crypto_scalarmult_base(share.data(), ephemeral.data());
  const bool ok = crypto_scalarmult(shared.data(), ephemeral.data(), public_key_.data()) == 0;
  wipe(ephemeral.data(), ephemeral.size());
  if (!ok) {
    return make_error(Str::age_err_bad_recipient,
                      "invalid recipient " + quote(to_string()) + ": low-order point", to_string());
  }
  Key32 key = wrap_key(shared, share, public_key_);
  wipe(shared.data(), shared.size());
  Stanza s;
  s.type = std::string(kX25519Type);
  s.args.push_back(base64_encode_raw(share));
  s.body = seal_with_zero_nonce(key, file_key.bytes);
  wipe(key.data(), key.size());
  return std::vector<Stanza>{std::move(s)};
}

std::string X25519Recipient::to_string() const { return bech32_encode(kX25519RecipientHrp, public_key_); }

X25519Identity::X25519Identity(const Key32& secret) : secret_(secret) {
  ensure_sodium();
  crypto_scalarmult_base(public_key_.data(), secret_.data());
}

X25519Identity::~X25519Identity() { wipe(secret_.data(), secret_.size()); }

X25519Identity X25519Identity::generate() {
  Key32 secret{};
  random_bytes(secret.data(), secret.size());
  X25519Identity id(secret);
  wipe(secret.data(), secret.size());
  return id;
}

Result<X25519Identity> X25519Identity::parse(std::string_view text) {
  auto decoded = bech32_decode(text);
  if (!decoded) {
    Error e = decoded.error();
    e.message = Str::age_err_bad_identity;
    e.detail = "malformed secret key: " + e.detail.substr(e.detail.find(':') + 2);
    return e;
  }
  if (decoded->hrp != kX25519IdentityHrp) {
    return make_error(Str::age_err_bad_identity, "malformed secret key: unknown type " + quote(decoded->hrp));
  }
  if (decoded->data.size() != kKeySize) {
    wipe(decoded->data.data(), decoded->data.size());
    return make_error(Str::age_err_bad_identity, "malformed secret key: wrong key length");
  }
  Key32 secret{};
  std::copy(decoded->data.begin(), decoded->data.end(), secret.begin());
  wipe(decoded->data.data(), decoded->data.size());
  X25519Identity id(secret);
  wipe(secret.data(), secret.size());
  return id;
}

std::string X25519Identity::to_string() const { return bech32_encode(kX25519IdentityHrp, secret_); }

Result<std::optional<FileKey>> X25519Identity::unwrap(const std::vector<Stanza>& stanzas) const {
  ensure_sodium();
  for (const Stanza& s : stanzas) {
    if (s.type != kX25519Type) continue;  // not ours: ignored, as the spec asks
    if (s.args.size() != 1) return invalid_stanza(std::to_string(s.args.size()) + " arguments, want 1");
    const auto share_bytes = base64_decode_raw(s.args[0]);
    if (!share_bytes) return invalid_stanza("share is not canonical base64: " + quote(s.args[0]));
    if (share_bytes->size() != kKeySize) {
      return invalid_stanza("share is " + std::to_string(share_bytes->size()) +
                            " bytes, want 32: " + quote(s.args[0]));
    }
    // Checked before any decryption, against partitioning oracle attacks.
    if (s.body.size() != kFileKeySize + kTagSize) {
      return invalid_stanza("incorrect file key size (body of " + std::to_string(s.body.size()) + " bytes)");
    }
    Key32 share{};
    std::copy(share_bytes->begin(), share_bytes->end(), share.begin());
    Key32 shared{};
    if (crypto_scalarmult(shared.data(), secret_.data(), share.data()) != 0) {
      // libsodium refuses an all-zero result: the share is a low-order point.
      return invalid_stanza("share is a low-order point, shared secret is all zero: " + quote(s.args[0]));
    }
    Key32 key = wrap_key(shared, share, public_key_);
    wipe(shared.data(), shared.size());
    auto opened = open_with_zero_nonce(key, s.body);
    wipe(key.data(), key.size());
    if (!opened) continue;  // addressed to someone else
    FileKey fk;
    std::copy(opened->begin(), opened->end(), fk.bytes.begin());
    wipe(opened->data(), opened->size());
    return std::optional<FileKey>(fk);
  }
  return std::optional<FileKey>();
}

}  // namespace bb::crypto
