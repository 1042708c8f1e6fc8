// Search normalisation (see search_normalize.h).
#include "core/search_normalize.h"

#include <cstdint>

namespace bb::search {
namespace {

// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes → U+FFFD.
char32_t next_cp(std::string_view s, size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// U+00C0..U+00FF; "" = separator (× ÷).
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // C0
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // E0
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0
};

// U+0100..U+017F, one entry each.
constexpr const char* kLatinExtA[128] = {
    "a", "a", "a",  "a",  "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",  // 0100
    "d", "d", "e",  "e",  "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",  // 0110
    "g", "g", "g",  "g",  "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",  // 0120
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  // 0130
    "l", "l", "l",  "n",  "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",  // 0140
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  // 0150
    "s", "s", "t",  "t",  "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",  // 0160
    "u", "u", "u",  "u",  "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",  // 0170
};

// Letters and digits of scripts we keep (lower-cased where simple); the rest
// of Unicode (punctuation, symbols, emoji) separates words.
bool is_kept_letter(char32_t cp) {
  return (cp >= 0x0180 && cp <= 0x024F) || (cp >= 0x0370 && cp <= 0x03FF && cp != 0x037E && cp != 0x0387) ||
         (cp >= 0x0400 && cp <= 0x0481) || (cp >= 0x048A && cp <= 0x052F) || (cp >= 0x0531 && cp <= 0x0556) ||
         (cp >= 0x0561 && cp <= 0x0587) || (cp >= 0x05D0 && cp <= 0x05EA) || (cp >= 0x0620 && cp <= 0x064A) ||
         (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x0671 && cp <= 0x06D3) || (cp >= 0x06F0 && cp <= 0x06FF) ||
         (cp >= 0x10D0 && cp <= 0x10FA) || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x3041 && cp <= 0x3096) ||
         (cp >= 0x30A1 && cp <= 0x30FA) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3);
}

// Appends the fold of one code point; returns false for a separator.
bool fold_cp(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    if (cp >= 'A' && cp <= 'Z') {
      out += static_cast<char>(cp - 'A' + 'a');
      return true;
    }
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
      out += static_cast<char>(cp);
      return true;
    }
    return false;
  }
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char* f = kLatin1[cp - 0xC0];
    if (!*f) return false;
    out += f;
    return true;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    out += kLatinExtA[cp - 0x100];
    return true;
  }
  if (cp == 0x1E9E) {  // ẞ
    out += "ss";
    return true;
  }
  switch (cp) {  // Romanian comma-below letters
    case 0x218:
    case 0x219:
      out += 's';
      return true;
    case 0x21A:
    case 0x21B:
      out += 't';
      return true;
    default:
      break;
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) cp += 0x20;  // Greek capitals
  if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;                 // Cyrillic capitals
  if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;
  if (!is_kept_letter(cp)) return false;
  append_utf8(out, cp);
  return true;
}

bool is_combining(char32_t cp) { return cp >= 0x300 && cp <= 0x36F; }

}  // namespace

std::string fold_for_search(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = next_cp(s, i);
    if (is_combining(cp)) continue;  // "u" + U+0308 folds like "ü"
    const size_t mark = out.size();
    if (pending_space && !out.empty()) out += ' ';
    if (fold_cp(cp, out)) {
      pending_space = false;
    } else {
      out.resize(mark);
      pending_space = true;
    }
  }
  return out;
}

std::vector<std::string> split_words(std::string_view folded) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    const size_t start = i;
    while (i < folded.size() && folded[i] != ' ') ++i;
    if (i > start) out.emplace_back(folded.substr(start, i - start));
  }
  return out;
}

std::vector<std::string> query_variants(std::string_view raw) {
  // Alternatives per position, then their product (capped).
  std::vector<std::vector<std::string>> parts;
  std::vector<char32_t> cps;
  for (size_t i = 0; i < raw.size();) cps.push_back(next_cp(raw, i));
  for (size_t k = 0; k < cps.size(); ++k) {
    const char32_t cp = cps[k];
    char32_t lower = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    const char32_t next = k + 1 < cps.size() ? cps[k + 1] : 0;
    const bool next_is_e = next == 'e' || next == 'E';
    if ((lower == 'a' || lower == 'o' || lower == 'u') && next_is_e) {  // "ue" may stand for "ü"
      const std::string base(1, static_cast<char>(lower));
      parts.push_back({base + "e", base});
      ++k;
      continue;
    }
    switch (cp) {
      case 0xC4:
      case 0xE4:
        parts.push_back({"a", "ae"});
        continue;  // Ä ä
      case 0xD6:
      case 0xF6:
        parts.push_back({"o", "oe"});
        continue;  // Ö ö
      case 0xDC:
      case 0xFC:
        parts.push_back({"u", "ue"});
        continue;  // Ü ü
      default:
        break;
    }
    if (is_combining(cp)) {
      // "u" + combining diaeresis: same as ü.
      if (cp == 0x308 && !parts.empty() && parts.back().size() == 1 &&
          (parts.back()[0] == "a" || parts.back()[0] == "o" || parts.back()[0] == "u"))
        parts.back().push_back(parts.back()[0] + "e");
      continue;
    }
    std::string f;
    if (fold_cp(cp, f)) parts.push_back({f});
  }
  std::vector<std::string> out{""};
  for (const auto& alternatives : parts) {
    std::vector<std::string> next;
    for (const auto& prefix : out) {
      for (const auto& alt : alternatives) {
        if (next.size() >= kMaxVariants) break;
        next.push_back(prefix + alt);
      }
    }
    out.swap(next);
  }
  if (out.size() == 1 && out[0].empty()) return {};
  return out;
}

Query parse_query(std::string_view text) {
  Query q;
  // Split the raw text at separators (as the fold would), keeping umlauts.
  size_t i = 0;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) {
      auto v = query_variants(word);
      if (!v.empty()) q.terms.push_back(std::move(v));
      word.clear();
    }
  };
  while (i < text.size()) {
    const size_t start = i;
    const char32_t cp = next_cp(text, i);
    std::string probe;
    if (is_combining(cp) || fold_cp(cp, probe))
      word.append(text.substr(start, i - start));
    else
      flush();
  }
  flush();
  return q;
}

bool term_matches(std::string_view folded, const std::vector<std::string>& variants) {
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && folded[i] == ' ') ++i;
    const size_t start = i;
    while (i < folded.size() && folded[i] != ' ') ++i;
    const std::string_view w = folded.substr(start, i - start);
    for (const auto& v : variants)
      if (!w.empty() && w.substr(0, v.size()) == v) return true;
  }
  return false;
}

bool matches_all(std::string_view folded, const Query& q) {
  for (const auto& t : q.terms)
    if (!term_matches(folded, t)) return false;
  return !q.terms.empty();
}

std::string match_context(std::string_view original, const Query& q, size_t width) {
  // Find the first original word whose fold starts with a variant.
  size_t i = 0, hit_start = std::string::npos, hit_end = 0;
  while (i < original.size() && hit_start == std::string::npos) {
    size_t start = i;
    std::string folded;
    bool in_word = false;
    while (i < original.size()) {
      const size_t at = i;
      const char32_t cp = next_cp(original, i);
      std::string f;
      const bool letter = is_combining(cp) || fold_cp(cp, f);
      if (letter) {
        if (!in_word) start = at;
        in_word = true;
        folded += f;
      } else if (in_word) {
        i = at;
        break;
      }
    }
    if (in_word) {
      for (const auto& t : q.terms) {
        for (const auto& v : t) {
          if (folded.compare(0, v.size(), v) == 0) {
            hit_start = start;
            hit_end = i;
            break;
          }
        }
        if (hit_start != std::string::npos) break;
      }
      if (hit_start == std::string::npos && i < original.size()) next_cp(original, i);  // skip separator
    }
  }
  if (hit_start == std::string::npos) return {};
  // A window around the hit, in bytes, widened to UTF-8 and word boundaries.
  const size_t before = width / 3;
  size_t a = hit_start > before ? hit_start - before : 0;
  size_t b = std::min(original.size(), std::max(hit_end, a + width));
  auto is_cont = [&](size_t p) {
    return p < original.size() && (static_cast<unsigned char>(original[p]) & 0xC0) == 0x80;
  };
  while (a > 0 && is_cont(a)) --a;
  while (b < original.size() && is_cont(b)) ++b;
  if (a > 0) {
    const size_t space = original.find(' ', a);
    if (space != std::string_view::npos && space < hit_start) a = space + 1;
  }
  if (b < original.size()) {
    const size_t space = original.rfind(' ', b);
    if (space != std::string_view::npos && space > hit_end) b = space;
  }
  std::string out;
  if (a > 0) out += "…";
  for (char c : original.substr(a, b - a)) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (b < original.size()) out += "…";
  return out;
}

}  // namespace bb::search
