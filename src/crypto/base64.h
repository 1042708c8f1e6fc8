// Strict base64 (RFC 4648, section 4, standard alphabet) as age needs it:
// unpadded for the header (stanza arguments, bodies, MAC) and padded for the
// ASCII armor. Decoders accept only the canonical encoding (RFC 4648, 3.5:
// unused bits zero), no whitespace, no line breaks, no stray padding, so each
// byte string has exactly one accepted encoding (no malleability).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "crypto/primitives.h"

namespace bb::crypto {

// Unpadded ("raw") base64, as used throughout the age header.
std::string base64_encode_raw(ByteView data);
std::optional<Bytes> base64_decode_raw(std::string_view text);

// Padded base64 with '=', as used by the armor (PEM) lines.
std::string base64_encode_padded(ByteView data);
std::optional<Bytes> base64_decode_padded(std::string_view text);

}  // namespace bb::crypto
