// A short fingerprint of a recipient's public key that two people can read
// to each other over the phone, to be sure a Jugendamt's "age1..." key was
// not swapped or mistyped on the way (docs/age.md, "Fingerprint").
//
// Format: SHA-256 over the canonical (lowercase) "age1..." string; its first
// 80 bits in Crockford base32 (digits and capital letters without I, L, O, U),
// as four groups of four: "7K3M-Q9XA-2BHF-W4TZ". 80 bits make forging a key
// with the same fingerprint (a second preimage) cost about 2^80 operations.
#pragma once

#include <string>

#include "crypto/x25519.h"

namespace bb::crypto {

std::string fingerprint(const X25519Recipient& recipient);

// The same from the "age1..." text; errors as X25519Recipient::parse.
Result<std::string> fingerprint(std::string_view recipient);

}  // namespace bb::crypto
