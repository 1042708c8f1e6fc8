// Strict, canonical base64 for the age header (unpadded) and armor (padded).
// Spec: RFC 4648 sections 3.5 and 4; age-encryption.org/v1 "Conventions".
#include "crypto/base64.h"

namespace bb::crypto {

namespace {

const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int value_of(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

std::string encode(ByteView data, bool pad) {
  std::string out;
  out.reserve((data.size + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= data.size; i += 3) {
    const uint32_t v = (uint32_t{data.data[i]} << 16) | (uint32_t{data.data[i + 1]} << 8) | data.data[i + 2];
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  const size_t rest = data.size - i;
  if (rest == 1) {
    const uint32_t v = uint32_t{data.data[i]} << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    if (pad) out += "==";
  } else if (rest == 2) {
    const uint32_t v = (uint32_t{data.data[i]} << 16) | (uint32_t{data.data[i + 1]} << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    if (pad) out += '=';
  }
  return out;
}

// Decodes unpadded base64; rejects any character outside the alphabet, an
// impossible length, and non-zero unused bits in the last character.
std::optional<Bytes> decode_unpadded(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  Bytes out;
  out.reserve(text.size() / 4 * 3 + 2);
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    const int v = value_of(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<uint8_t>(acc >> bits));
      acc &= (1u << bits) - 1;
    }
  }
  if (acc != 0) return std::nullopt;  // non-canonical: unused bits must be zero
  return out;
}

}  // namespace

std::string base64_encode_raw(ByteView data) { return encode(data, false); }

std::optional<Bytes> base64_decode_raw(std::string_view text) { return decode_unpadded(text); }

std::string base64_encode_padded(ByteView data) { return encode(data, true); }

std::optional<Bytes> base64_decode_padded(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  size_t pad = 0;
  if (!text.empty() && text.back() == '=') pad = 1;
  if (text.size() >= 2 && text[text.size() - 2] == '=') {
    if (pad != 1) return std::nullopt;  // "x=y" is not padding
    pad = 2;
  }
  const std::string_view body = text.substr(0, text.size() - pad);
  // Padding must complete exactly the last group: 2 chars + "==" or 3 + "=".
  if (pad && body.size() % 4 != 4 - pad) return std::nullopt;
  return decode_unpadded(body);  // rejects any '=' left inside
}

}  // namespace bb::crypto
