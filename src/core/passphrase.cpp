// The passphrase policy and strength estimate (passphrase.h).
#include "core/passphrase.h"

#include <cmath>
#include <cstdint>
#include <string>

namespace bb {
namespace {

// Words and patterns attackers try first (German and English), lowercase,
// umlauts spelled both ways where people do.
constexpr const char* kCommon[] = {
    "passwort", "password",     "kennwort",  "geheim", "begleitbuch", "familie",    "familien", "hilfen",
    "fruehe",   "frühe",        "hallo",     "hello",  "welcome",     "willkommen", "sommer",   "winter",
    "herbst",   "fruehling",    "frühling",  "schatz", "liebe",       "love",       "admin",    "test",
    "letmein",  "iloveyou",     "sunshine",  "monkey", "dragon",      "football",   "fussball", "fußball",
    "bayern",   "schalke",      "dortmund",  "berlin", "hamburg",     "muenchen",   "münchen",  "koeln",
    "köln",     "deutschland",  "sonne",     "mausi",  "hase",        "baby",       "master",   "login",
    "secret",   "ichliebedich", "jugendamt", "abc",    "qwe",         "asd",        "yxc",      "zxc",
};
// Keyboard rows (QWERTZ and QWERTY) and the digit row.
constexpr const char* kRows[] = {"qwertzuiopü", "asdfghjklöä", "yxcvbnm",   "qwertyuiop",
                                 "asdfghjkl",   "zxcvbnm",     "1234567890"};

// Decodes UTF-8 into code points (invalid bytes count as one code point each).
std::u32string decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + static_cast<size_t>(len) > s.size()) len = 1;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(len);
  }
  return out;
}

char32_t lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c == U'Ä') return U'ä';
  if (c == U'Ö') return U'ö';
  if (c == U'Ü') return U'ü';
  return c;
}

bool starts_with(const std::u32string& s, size_t at, const std::u32string& word) {
  return at + word.size() <= s.size() && s.compare(at, word.size(), word) == 0;
}

struct Match {
  size_t length = 0;
  double bits = 0;
  int kind = 0;  // 1 common word, 2 repetition or sequence or keyboard run
  std::u32string text;
};

void consider(Match& best, size_t length, double bits, int kind, const std::u32string& s, size_t at) {
  // Prefer the longest match; among equals the cheaper one.
  if (length > best.length || (length == best.length && length > 0 && bits < best.bits)) {
    best = {length, bits, kind, s.substr(at, length)};
  }
}

std::string encode(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

}  // namespace

PassphraseAssessment assess_passphrase(std::string_view passphrase) {
  PassphraseAssessment a;
  const std::u32string original = decode(passphrase);
  a.length = static_cast<int>(original.size());
  if (original.empty()) {
    a.problems.push_back(make_error(Str::passphrase_empty, "empty passphrase"));
    return a;
  }
  std::u32string s;
  bool has_lower = false, has_upper = false, has_digit = false, has_symbol = false, has_other = false;
  for (char32_t c : original) {
    if (c >= 'a' && c <= 'z')
      has_lower = true;
    else if (c >= 'A' && c <= 'Z')
      has_upper = true;
    else if (c >= '0' && c <= '9')
      has_digit = true;
    else if (c < 0x80)
      has_symbol = true;  // space and punctuation
    else
      has_other = true;  // umlauts, ß, other scripts
    s.push_back(lower(c));
  }
  const double pool = (has_lower ? 26 : 0) + (has_upper ? 26 : 0) + (has_digit ? 10 : 0) +
                      (has_symbol ? 33 : 0) + (has_other ? 40 : 0);
  const double per_char = std::log2(pool < 2 ? 2 : pool);

  std::vector<std::u32string> common;
  for (const char* w : kCommon) common.push_back(decode(w));
  std::vector<std::u32string> rows;
  for (const char* r : kRows) rows.push_back(decode(r));

  std::string common_found;
  size_t pattern_chars = 0;
  for (size_t i = 0; i < s.size();) {
    Match best;
    for (const auto& w : common) {
      if (w.size() >= 3 && starts_with(s, i, w)) consider(best, w.size(), 8, 1, s, i);
    }
    for (const auto& row : rows) {  // runs of 4+ along a keyboard row
      for (size_t start = 0; start < row.size(); ++start) {
        size_t n = 0;
        while (start + n < row.size() && i + n < s.size() && s[i + n] == row[start + n]) ++n;
        if (n >= 4) consider(best, n, 6, 2, s, i);
      }
    }
    size_t rep = 1;  // aaaa
    while (i + rep < s.size() && s[i + rep] == s[i]) ++rep;
    if (rep >= 3) consider(best, rep, per_char + std::log2(double(rep)), 2, s, i);
    for (int step : {1, -1}) {  // abcd, 4321
      size_t seq = 1;
      while (i + seq < s.size() && s[i + seq] == s[i + seq - 1] + static_cast<char32_t>(step)) ++seq;
      if (seq >= 3) consider(best, seq, per_char + std::log2(double(seq)) + 1, 2, s, i);
    }
    if (i + 4 <= s.size() && ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))) {
      bool digits = true;  // a year 19xx / 20xx
      for (size_t k = i; k < i + 4; ++k) digits = digits && s[k] >= '0' && s[k] <= '9';
      if (digits) consider(best, 4, 7, 2, s, i);
    }
    if (best.length == 0) {
      a.bits += per_char;
      ++i;
      continue;
    }
    a.bits += best.bits;
    if (best.kind == 1 && common_found.empty()) common_found = encode(best.text);
    pattern_chars += best.length;
    i += best.length;
  }

  a.strength = a.bits < 40   ? PassphraseStrength::weak
               : a.bits < 60 ? PassphraseStrength::fair
               : a.bits < 80 ? PassphraseStrength::good
                             : PassphraseStrength::strong;
  if (a.length < kMinPassphraseLength) {
    a.problems.push_back(make_error(Str::passphrase_too_short, "shorter than the minimum length",
                                    std::to_string(kMinPassphraseLength)));
  }
  if (a.bits < kMinPassphraseBits) {
    if (!common_found.empty()) {
      a.problems.push_back(make_error(Str::passphrase_too_common, "contains a common word", common_found));
    } else if (pattern_chars * 2 >= s.size()) {
      a.problems.push_back(make_error(Str::passphrase_repetitive, "mostly repetitions or sequences"));
    }
    a.problems.push_back(make_error(Str::passphrase_too_weak, "estimated " + std::to_string(int(a.bits)) +
                                                                  " bits, need " +
                                                                  std::to_string(int(kMinPassphraseBits))));
  }
  a.acceptable = a.problems.empty();
  return a;
}

Status check_passphrase_policy(std::string_view passphrase) {
  auto a = assess_passphrase(passphrase);
  if (!a.acceptable) return a.problems.front();
  return {};
}

Status check_passphrase_confirmation(std::string_view first, std::string_view second) {
  if (first != second) return make_error(Str::passphrase_mismatch, "the two entries differ");
  return {};
}

Str strength_label(PassphraseStrength strength) {
  switch (strength) {
    case PassphraseStrength::weak:
      return Str::passphrase_strength_weak;
    case PassphraseStrength::fair:
      return Str::passphrase_strength_fair;
    case PassphraseStrength::good:
      return Str::passphrase_strength_good;
    case PassphraseStrength::strong:
      return Str::passphrase_strength_strong;
  }
  return Str::passphrase_strength_weak;
}

}  // namespace bb
