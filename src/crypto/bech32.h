// Bech32 (BIP 173) as age uses it for keys: "age1..." recipients and
// "AGE-SECRET-KEY-1..." identities. Differences from BIP 173, per the age
// spec: no length limit on the data part. The string is all lowercase or all
// uppercase (never mixed); the checksum is computed over the lowercase form.
#pragma once

#include <string>
#include <string_view>

#include "crypto/primitives.h"

namespace bb::crypto {

struct Bech32 {
  std::string hrp;  // human-readable part, in the case of the input ("age", "AGE-SECRET-KEY-")
  Bytes data;       // the decoded 8-bit payload
};

// Encodes `data` under `hrp`; an uppercase hrp gives an all-uppercase string.
// The hrp must be 1+ characters in 33..126 and not mixed-case (programming
// errors, so this returns "" for them rather than an Error).
std::string bech32_encode(std::string_view hrp, ByteView data);

// Decodes and verifies the checksum. Errors carry Str::age_err_bad_key and a
// detail that never repeats the input (it may be a secret key).
Result<Bech32> bech32_decode(std::string_view text);

}  // namespace bb::crypto
