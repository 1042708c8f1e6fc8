// Parsing of recipient strings and identity files (see keys.h), in the way
// age's parse.go does it.
#include "crypto/keys.h"

#include "crypto/bech32.h"
#include "crypto/quote.h"

namespace bb::crypto {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

Error unsupported(const std::string& what, const std::string& detail) {
  return make_error(Str::age_err_unsupported_type, detail, what);
}

}  // namespace

Result<RecipientPtr> parse_recipient(std::string_view text) {
  if (starts_with(text, "ssh-") || starts_with(text, "ecdsa-sha2-") || starts_with(text, "sk-")) {
    return unsupported("SSH", "ssh recipients are not supported: " + quote(text, 40));
  }
  if (starts_with(text, "age1")) {
    auto decoded = bech32_decode(text);
    if (decoded && decoded->hrp != kX25519RecipientHrp) {
      const std::string& hrp = decoded->hrp;
      if (hrp == "age1pq") {
        return unsupported("ML-KEM-768 + X25519 (age1pq)",
                           "post-quantum hybrid recipients are not supported: " + quote(text, 40));
      }
      if (hrp == "age1tag" || hrp == "age1tagpq") {
        return unsupported("P-256 tag (" + hrp + ")",
                           "tagged recipients are not supported: " + quote(text, 40));
      }
      return unsupported("plugin (" + hrp + ")", "plugin recipients are not supported: " + quote(text, 40));
    }
  }
  auto r = X25519Recipient::parse(text);
  if (!r) return r.error();
  return RecipientPtr(std::make_shared<X25519Recipient>(*r));
}

Result<IdentityPtr> parse_identity(std::string_view line) {
  if (starts_with(line, "AGE-SECRET-KEY-PQ-1")) {
    return unsupported("ML-KEM-768 + X25519 (AGE-SECRET-KEY-PQ-1)",
                       "post-quantum hybrid identities are not supported");
  }
  if (starts_with(line, "AGE-PLUGIN-")) {
    const size_t end = line.find('1', 11);
    return unsupported("plugin", "plugin identities are not supported: " +
                                     quote(line.substr(0, end == std::string_view::npos ? 11 : end)));
  }
  if (!starts_with(line, "AGE-SECRET-KEY-1")) {
    return make_error(Str::age_err_bad_identity, "unknown identity type (not AGE-SECRET-KEY-1...)");
  }
  auto id = X25519Identity::parse(line);
  if (!id) return id.error();
  return IdentityPtr(std::make_shared<X25519Identity>(*id));
}

Result<std::vector<IdentityPtr>> parse_identity_file(std::string_view text) {
  if (text.find("-----BEGIN OPENSSH PRIVATE KEY-----") != std::string_view::npos ||
      text.find("-----BEGIN RSA PRIVATE KEY-----") != std::string_view::npos) {
    return unsupported("SSH", "ssh identities are not supported");
  }
  std::vector<IdentityPtr> ids;
  size_t pos = 0;
  int n = 0;
  while (pos < text.size()) {
    size_t lf = text.find('\n', pos);
    if (lf == std::string_view::npos) lf = text.size();
    std::string_view line = text.substr(pos, lf - pos);
    pos = lf + 1;
    ++n;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto id = parse_identity(line);
    if (!id) {
      Error e = id.error();
      e.detail = "error at line " + std::to_string(n) + ": " + e.detail;
      return e;
    }
    ids.push_back(*id);
  }
  if (ids.empty()) return make_error(Str::age_err_bad_identity, "no identities found");
  return ids;
}

std::string format_identity_file(const X25519Identity& identity, std::string_view created) {
  std::string out = "# created: ";
  out += created;
  out += "\n# public key: " + identity.recipient().to_string() + "\n";
  out += identity.to_string() + "\n";
  return out;
}

}  // namespace bb::crypto
