// The two interfaces every age recipient type implements, as in age's age.go:
// a Recipient wraps a file key into stanzas (encryption), an Identity unwraps
// it from the stanzas of a header (decryption). Implemented by x25519.h and
// scrypt.h; the ML-KEM hybrid, SSH and plugin types are left out (docs/age.md).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crypto/header.h"
#include "crypto/primitives.h"

namespace bb::crypto {

class Recipient {
 public:
  virtual ~Recipient() = default;
  // The stanzas that carry `file_key` for this recipient (fresh randomness each call).
  virtual Result<std::vector<Stanza>> wrap(const FileKey& file_key) const = 0;
  // A passphrase (scrypt) recipient must be the only recipient of a file.
  virtual bool is_passphrase() const { return false; }
};

class Identity {
 public:
  virtual ~Identity() = default;
  // The file key from the first stanza addressed to this identity; nullopt when
  // no stanza is (or the key or passphrase is wrong: the same thing to age).
  // An error when a stanza of this identity's type breaks the spec: the file
  // is then refused as a whole, as age does.
  virtual Result<std::optional<FileKey>> unwrap(const std::vector<Stanza>& stanzas) const = 0;
  // A passphrase identity: "no match" then means "wrong passphrase".
  virtual bool is_passphrase() const { return false; }
};

using RecipientPtr = std::shared_ptr<const Recipient>;
using IdentityPtr = std::shared_ptr<const Identity>;

}  // namespace bb::crypto
