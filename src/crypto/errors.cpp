// The mapping from bb::Error kinds to the outcome classes of age decryption
// (see errors.h for the table and why).
#include "crypto/errors.h"

namespace bb::crypto {

Failure failure_class(const Error& error) {
  switch (error.message) {
    case Str::age_err_not_age_file:
    case Str::age_err_unsupported_version:
    case Str::age_err_header_damaged:
    case Str::age_err_scrypt_not_alone:
    case Str::age_err_work_factor:
      return Failure::header;
    case Str::age_err_header_mac:
      return Failure::hmac;
    case Str::age_err_no_match:
    case Str::age_err_wrong_passphrase:
      return Failure::no_match;
    case Str::age_err_payload_damaged:
      return Failure::payload;
    case Str::age_err_armor:
      return Failure::armor;
    default:
      return Failure::other;
  }
}

const char* failure_name(Failure failure) {
  switch (failure) {
    case Failure::none:
      return "success";
    case Failure::header:
      return "header failure";
    case Failure::hmac:
      return "HMAC failure";
    case Failure::no_match:
      return "no match";
    case Failure::payload:
      return "payload failure";
    case Failure::armor:
      return "armor failure";
    case Failure::other:
      return "other failure";
  }
  return "other failure";
}

}  // namespace bb::crypto
