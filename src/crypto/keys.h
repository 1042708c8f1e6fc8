// Parsing of the key strings people handle: recipients ("age1...") given on
// the command line or pasted from a Jugendamt's letter, and identity files
// as age-keygen writes them ("# created: ...", "# public key: ...", then
// "AGE-SECRET-KEY-1..."). Types left out are recognised and refused with
// Str::age_err_unsupported_type, never mistaken for typos (docs/age.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crypto/x25519.h"

namespace bb::crypto {

// "age1..." (X25519). ML-KEM hybrid ("age1pq1..."), tagged ("age1tag1...",
// "age1tagpq1..."), plugin ("age1<name>1...") and SSH ("ssh-ed25519 ...",
// "ssh-rsa ...") recipients: age_err_unsupported_type. Else age_err_bad_recipient.
Result<RecipientPtr> parse_recipient(std::string_view text);

// One identity line: "AGE-SECRET-KEY-1..." (X25519). "AGE-SECRET-KEY-PQ-1..."
// and "AGE-PLUGIN-...": age_err_unsupported_type. Details never contain a key.
Result<IdentityPtr> parse_identity(std::string_view line);

// An identity file: one identity per line; empty lines and lines starting
// with '#' are ignored; CRLF is accepted. At least one identity is required.
// An SSH private key file is refused as unsupported.
Result<std::vector<IdentityPtr>> parse_identity_file(std::string_view text);

// The text age-keygen writes for `identity`, created at `created` (RFC 3339):
// "# created: ...\n# public key: age1...\nAGE-SECRET-KEY-1...\n".
std::string format_identity_file(const X25519Identity& identity, std::string_view created);

}  // namespace bb::crypto
