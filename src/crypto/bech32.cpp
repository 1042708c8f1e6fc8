// Bech32 (BIP 173) without the 90-character limit, as age specifies it for
// recipients and identities. A port of the BIP 173 reference implementation.
#include "crypto/bech32.h"

#include <cctype>

namespace bb::crypto {

namespace {

const char kCharset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const uint32_t kGenerator[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

uint32_t polymod(const Bytes& values) {
  uint32_t chk = 1;
  for (uint8_t v : values) {
    const uint32_t top = chk >> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (int i = 0; i < 5; ++i) {
      if ((top >> i) & 1) chk ^= kGenerator[i];
    }
  }
  return chk;
}

// The hrp expanded for the checksum (always computed over the lowercase hrp).
Bytes hrp_expand(std::string_view hrp) {
  Bytes out;
  for (char c : hrp) out.push_back(static_cast<uint8_t>(std::tolower(static_cast<unsigned char>(c)) >> 5));
  out.push_back(0);
  for (char c : hrp) out.push_back(static_cast<uint8_t>(std::tolower(static_cast<unsigned char>(c)) & 31));
  return out;
}

bool valid_hrp_char(char c) { return c >= 33 && c <= 126; }

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string to_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string bech32_encode(std::string_view hrp, ByteView data) {
  if (hrp.empty()) return {};
  for (char c : hrp) {
    if (!valid_hrp_char(c)) return {};
  }
  const std::string lower_hrp = to_lower(hrp);
  const bool upper = lower_hrp != hrp;
  if (upper && to_upper(hrp) != hrp) return {};  // mixed case

  // 8-bit bytes to 5-bit groups, zero-padded at the end.
  Bytes values;
  uint32_t acc = 0;
  int bits = 0;
  for (size_t i = 0; i < data.size; ++i) {
    acc = (acc << 8) | data.data[i];
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      values.push_back(static_cast<uint8_t>((acc >> bits) & 31));
    }
    acc &= (1u << bits) - 1;
  }
  if (bits > 0) values.push_back(static_cast<uint8_t>((acc << (5 - bits)) & 31));

  Bytes check = hrp_expand(lower_hrp);
  check.insert(check.end(), values.begin(), values.end());
  check.insert(check.end(), 6, 0);
  const uint32_t mod = polymod(check) ^ 1;

  std::string out = lower_hrp + "1";
  for (uint8_t v : values) out += kCharset[v];
  for (int p = 0; p < 6; ++p) out += kCharset[(mod >> (5 * (5 - p))) & 31];
  return upper ? to_upper(out) : out;
}

Result<Bech32> bech32_decode(std::string_view text) {
  const std::string lower = to_lower(text);
  if (lower != text && to_upper(text) != text) {
    return make_error(Str::age_err_bad_key, "malformed key: mixed upper and lower case");
  }
  const size_t pos = text.rfind('1');
  if (pos == std::string_view::npos || pos < 1 || pos + 7 > text.size()) {
    return make_error(Str::age_err_bad_key, "malformed key: separator '1' missing or misplaced");
  }
  Bech32 out;
  out.hrp = std::string(text.substr(0, pos));
  for (char c : out.hrp) {
    if (!valid_hrp_char(c))
      return make_error(Str::age_err_bad_key, "malformed key: invalid character in type");
  }
  Bytes values;
  for (size_t i = pos + 1; i < lower.size(); ++i) {
    const char* hit = nullptr;
    for (const char* p = kCharset; *p; ++p) {
      if (*p == lower[i]) hit = p;
    }
    if (!hit) {
      return make_error(Str::age_err_bad_key,
                        "malformed key: invalid character at position " + std::to_string(i + 1));
    }
    values.push_back(static_cast<uint8_t>(hit - kCharset));
  }
  Bytes check = hrp_expand(out.hrp);
  check.insert(check.end(), values.begin(), values.end());
  if (polymod(check) != 1) return make_error(Str::age_err_bad_key, "malformed key: invalid checksum");
  values.resize(values.size() - 6);

  // 5-bit groups back to bytes: at most 4 padding bits, and they must be zero.
  uint32_t acc = 0;
  int bits = 0;
  for (uint8_t v : values) {
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.data.push_back(static_cast<uint8_t>((acc >> bits) & 0xff));
    }
    acc &= (1u << bits) - 1;
  }
  if (bits >= 5) return make_error(Str::age_err_bad_key, "malformed key: illegal zero padding");
  if (acc != 0) return make_error(Str::age_err_bad_key, "malformed key: non-zero padding");
  wipe(values.data(), values.size());
  return out;
}

}  // namespace bb::crypto
