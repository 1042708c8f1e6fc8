// The X25519 recipient type of age v1: public keys "age1...", secret keys
// "AGE-SECRET-KEY-1...", stanzas "-> X25519 <ephemeral share>".
// Spec: age-encryption.org/v1 "The X25519 recipient type"; docs/age.md.
// On libsodium's crypto_scalarmult; shares that give an all-zero shared secret
// (low-order points) are refused.
#pragma once

#include <string>
#include <string_view>

#include "crypto/recipient.h"

namespace bb::crypto {

constexpr std::string_view kX25519Type = "X25519";
constexpr std::string_view kX25519RecipientHrp = "age";
constexpr std::string_view kX25519IdentityHrp = "AGE-SECRET-KEY-";

class X25519Recipient final : public Recipient {
 public:
  explicit X25519Recipient(const Key32& public_key) : public_key_(public_key) {}
  // Parses "age1..." (lowercase Bech32, 32-byte key).
  static Result<X25519Recipient> parse(std::string_view text);

  Result<std::vector<Stanza>> wrap(const FileKey& file_key) const override;
  std::string to_string() const;  // "age1..."
  const Key32& public_key() const { return public_key_; }

 private:
  Key32 public_key_;
};

class X25519Identity final : public Identity {
 public:
  static X25519Identity generate();
  // Parses "AGE-SECRET-KEY-1..." (uppercase Bech32, 32-byte scalar). The error
  // detail never contains the key.
  static Result<X25519Identity> parse(std::string_view text);
  X25519Identity(const X25519Identity&) = default;
  X25519Identity& operator=(const X25519Identity&) = default;
  ~X25519Identity() override;

  Result<std::optional<FileKey>> unwrap(const std::vector<Stanza>& stanzas) const override;
  X25519Recipient recipient() const { return X25519Recipient(public_key_); }
  std::string to_string() const;  // "AGE-SECRET-KEY-1..."

 private:
  explicit X25519Identity(const Key32& secret);
  Key32 secret_{};
  Key32 public_key_{};
};

}  // namespace bb::crypto
