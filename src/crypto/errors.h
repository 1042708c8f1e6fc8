// The outcome classes of age decryption and how bb::Error kinds map to them.
//
// Every function of bb::crypto returns bb::Result / bb::Status. The Error's
// `message` (a Str of the "age encryption" section of strings.def) is its kind;
// its `detail` is English, lowercase, quotes the offending input and reads like
// age's own ("malformed stanza opening line: \"...\"").
//
// The age test vectors (C2SP CCTV) sort failures into five classes; this is
// the mapping (tested by age-60 in tests/unit/crypto/age_test.cpp and, vector
// by vector, by tests/unit/crypto/cctv_test.cpp):
//
//   header failure   age_err_not_age_file, age_err_unsupported_version,
//                    age_err_header_damaged, age_err_scrypt_not_alone,
//                    age_err_work_factor
//   HMAC failure     age_err_header_mac
//   no match         age_err_no_match, age_err_wrong_passphrase
//   payload failure  age_err_payload_damaged
//   armor failure    age_err_armor
//
// Everything else (bad keys on the command line, I/O errors of a sink, ...) is
// `other`: not a property of the file being decrypted.
#pragma once

#include "core/result.h"

namespace bb::crypto {

enum class Failure {
  none,      // success
  header,    // the header is malformed, unsupported, or breaks a rule of the spec
  hmac,      // a file key was found but the header MAC does not verify
  no_match,  // no identity (key or passphrase) opens any stanza
  payload,   // the STREAM payload is truncated, tampered with, or has trailing data
  armor,     // the ASCII armor is not strict PEM
  other,     // not about the file (usage, keys, I/O)
};

// The class of `error` (never `none`).
Failure failure_class(const Error& error);

// The class's name as the CCTV vectors spell it: "header failure", "no match", ...
const char* failure_name(Failure failure);

}  // namespace bb::crypto
