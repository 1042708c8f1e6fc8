#include "core/anonymize.h"

#include <algorithm>
#include <regex>
#include <utility>

namespace bb::rules {

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// A byte that belongs to a word: ASCII letters and digits, and every byte of
// a multi-byte UTF-8 sequence (umlauts, ß, Turkish letters …).
bool word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

unsigned char fold(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + 32) : c;
}

bool equal_at(const std::string& text, size_t at, const std::string& needle) {
  if (at + needle.size() > text.size()) return false;
  for (size_t i = 0; i < needle.size(); ++i)
    if (fold(text[at + i]) != fold(needle[i])) return false;
  return true;
}

// Replaces `needle` where it stands as a word (or a word with a genitive
// "s"), case-insensitively for ASCII letters.
std::string replace_word(const std::string& text, const std::string& needle, const std::string& with) {
  if (needle.empty()) return text;
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if ((i == 0 || !word_byte(text[i - 1])) && equal_at(text, i, needle)) {
      size_t end = i + needle.size();
      if (end < text.size() && (text[end] == 's' || text[end] == 'S') &&
          (end + 1 == text.size() || !word_byte(text[end + 1])))
        ++end;
      if (end == text.size() || !word_byte(text[end]) || !word_byte(needle.back())) {
        out += with;
        i = end;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

// The parts of a name or address worth scrubbing on their own: the whole,
// and its pieces split at spaces and hyphens (two bytes or longer).
std::vector<std::string> pieces(const std::string& s) {
  std::vector<std::string> out;
  if (blank(s)) return out;
  out.push_back(s);
  std::string cur;
  for (char c : s + " ") {
    if (c == ' ' || c == '-' || c == ',' || c == '.') {
      if (cur.size() >= 2) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  return out;
}

struct Replacement {
  std::string needle, with;
};

std::string apply(std::string text, std::vector<Replacement> reps) {
  std::stable_sort(reps.begin(), reps.end(), [](const Replacement& a, const Replacement& b) {
    return a.needle.size() > b.needle.size();
  });
  for (const auto& r : reps) text = replace_word(text, r.needle, r.with);
  return text;
}

std::string replace_regex(const std::string& text, const std::regex& re, const std::string& with) {
  return std::regex_replace(text, re, with);
}

const std::regex& email_re() {
  static const std::regex re(R"([^\s@<>(),;:]+@[^\s@<>(),;:]+)");
  return re;
}
const std::regex& phone_re() {  // 7 or more digits, with spaces, slashes, dashes, a leading +
  static const std::regex re(R"(\+?\d(?:[\s/\-()]*\d){6,})");
  return re;
}
const std::regex& long_number_re() {
  static const std::regex re(R"(\d{4,})");
  return re;
}

std::string placeholder(Str id, Lang lang) { return std::string("[") + tr(id, lang) + "]"; }

std::string role_name(SummaryRole r, int n, Lang lang) {
  Str id = Str::rules_anon_role_elternteil;
  switch (r) {
    case SummaryRole::elternteil:
      id = Str::rules_anon_role_elternteil;
      break;
    case SummaryRole::bezugsperson:
      id = Str::rules_anon_role_bezugsperson;
      break;
    case SummaryRole::kind:
      id = Str::rules_anon_role_kind;
      break;
    case SummaryRole::erwartetes_kind:
      id = Str::rules_anon_role_erwartet;
      break;
  }
  return render(id, std::to_string(n), lang);
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }
std::string month_year(Date d) { return two(d.month()) + "/" + std::to_string(d.year()); }

}  // namespace

std::string scrub_dates(const std::string& text, Lang lang) {
  static const std::regex iso(R"(\d{4}-\d{1,2}-\d{1,2})");
  static const std::regex slash(R"(\d{1,2}/\d{1,2}/\d{2,4})");
  static const std::regex named(
      R"(\d{1,2}\.?\s*(Jänner|Januar|Feber|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|May|June|July|October|December|Jän|Jan|Feb|Mär|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Oct|Nov|Dez|Dec)\.?(\s*\d{2,4})?)",
      std::regex::icase);
  static const std::regex dotted(R"(\d{1,2}\.\s?\d{1,2}\.(\s?\d{2,4})?)");
  const std::string ph = placeholder(Str::rules_anon_ph_date, lang);
  std::string out = replace_regex(text, iso, ph);
  out = replace_regex(out, slash, ph);
  out = replace_regex(out, named, ph);
  out = replace_regex(out, dotted, ph);
  return out;
}

std::string pseudonym(std::string_view key, FamilyId family, std::optional<PersonId> person) {
  // FNV-1a over key and ids. The pseudonym depends on ids and the key only,
  // never on a name, so it reveals nothing without the key holder's mapping.
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
  };
  mix(key);
  mix("|f");
  mix(std::to_string(family));
  if (person) {
    mix("|p");
    mix(std::to_string(*person));
  }
  static const char kAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";  // no 0/O, 1/I
  std::string out = person ? "P-" : "F-";
  for (int i = 0; i < 5; ++i) {
    out += kAlphabet[h % 32];
    h /= 32;
  }
  return out;
}

std::string child_age_band(int months, Lang lang) {
  if (months < 0) return tr(Str::rules_anon_band_unborn, lang);
  if (months < 12) return tr(Str::rules_anon_band_under1, lang);
  if (months < 24) return tr(Str::rules_anon_band_1, lang);
  if (months < 36) return tr(Str::rules_anon_band_2, lang);
  return tr(Str::rules_anon_band_3plus, lang);
}

std::string adult_age_band(int years, Lang lang) {
  if (years < 18) return tr(Str::rules_anon_band_under18, lang);
  if (years < 25) return tr(Str::rules_anon_band_18_24, lang);
  if (years < 35) return tr(Str::rules_anon_band_25_34, lang);
  if (years < 45) return tr(Str::rules_anon_band_35_44, lang);
  return tr(Str::rules_anon_band_45plus, lang);
}

std::string CaseSummary::text() const {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

CaseSummary summarize(const CaseSummaryInput& in, SummaryStrength strength, Lang lang,
                      std::string_view pseudonym_key) {
  const bool anon = strength == SummaryStrength::anonymisiert;
  CaseSummary out;
  out.strength = strength;

  // How each person is called in the summary.
  std::vector<std::string> names;
  int counts[4] = {0, 0, 0, 0};
  for (const auto& p : in.persons) {
    const int n = ++counts[static_cast<int>(p.role)];
    names.push_back(anon ? role_name(p.role, n, lang)
                         : pseudonym(pseudonym_key, in.family, p.id) + " (" + role_name(p.role, n, lang) +
                               ")");
  }
  const std::string family_name = anon ? std::string(tr(Str::rules_anon_family, lang))
                                       : pseudonym(pseudonym_key, in.family, std::nullopt);

  // Everything the input knows that identifies the family.
  std::vector<Replacement> reps;
  for (size_t i = 0; i < in.persons.size(); ++i) {
    const auto& p = in.persons[i];
    const std::string ph = "[" + names[i] + "]";
    for (const auto& s : pieces(p.first_name)) reps.push_back({s, ph});
    for (const auto& s : pieces(p.last_name)) reps.push_back({s, "[" + family_name + "]"});
    if (!blank(p.first_name) && !blank(p.last_name)) reps.push_back({p.first_name + " " + p.last_name, ph});
  }
  for (const auto& s : pieces(in.family_name)) reps.push_back({s, "[" + family_name + "]"});
  for (const auto& n : in.other_names)
    for (const auto& s : pieces(n)) reps.push_back({s, placeholder(Str::rules_anon_ph_name, lang)});
  const std::string address = placeholder(Str::rules_anon_ph_address, lang);
  if (!blank(in.street) && !blank(in.house_number))
    reps.push_back({in.street + " " + in.house_number, address});
  for (const auto& s : pieces(in.street)) reps.push_back({s, address});
  if (!blank(in.postcode)) reps.push_back({in.postcode, address});
  for (const auto& s : pieces(in.city)) reps.push_back({s, address});
  if (!blank(in.phone)) reps.push_back({in.phone, placeholder(Str::rules_anon_ph_phone, lang)});
  if (!blank(in.email)) reps.push_back({in.email, placeholder(Str::rules_anon_ph_email, lang)});
  if (anon)
    for (const auto& r : in.rare_traits)
      if (!blank(r)) reps.push_back({r, placeholder(Str::rules_anon_ph_trait, lang)});

  auto scrub = [&](const std::string& text) {
    std::string s = replace_regex(text, email_re(), placeholder(Str::rules_anon_ph_email, lang));
    s = apply(s, reps);
    if (anon) s = scrub_dates(s, lang);
    s = replace_regex(s, phone_re(), placeholder(Str::rules_anon_ph_phone, lang));
    if (anon) s = replace_regex(s, long_number_re(), placeholder(Str::rules_anon_ph_number, lang));
    return s;
  };

  out.lines.push_back(tr(anon ? Str::rules_anon_title_anon : Str::rules_anon_title_pseudo, lang));
  out.lines.push_back(render(Str::rules_anon_family_line, family_name, lang));
  for (size_t i = 0; i < in.persons.size(); ++i) {
    const auto& p = in.persons[i];
    std::string line = names[i] + ": ";
    const bool child = p.role == SummaryRole::kind;
    if (p.role == SummaryRole::erwartetes_kind) {
      if (p.due_date)
        line += render(Str::rules_anon_due, anon ? month_year(*p.due_date) : p.due_date->german(), lang);
      else
        line += tr(Str::rules_anon_band_unborn, lang);
    } else if (p.birth_date) {
      if (child) {
        const int months = age_in_months(*p.birth_date, in.as_of);
        line += anon ? child_age_band(months, lang)
                     : render(Str::rules_anon_age_months, std::to_string(months), lang);
      } else {
        const int years = age_in_years(*p.birth_date, in.as_of);
        line += anon ? adult_age_band(years, lang)
                     : render(Str::rules_anon_age_years, std::to_string(years), lang);
      }
    } else {
      line += tr(Str::rules_anon_age_unknown, lang);
    }
    out.lines.push_back(line);
  }
  if (!anon && !blank(in.languages))
    out.lines.push_back(render(Str::rules_anon_languages, scrub(in.languages), lang));
  if (!anon) {
    std::string traits;
    for (const auto& r : in.rare_traits)
      if (!blank(r)) traits += (traits.empty() ? "" : ", ") + scrub(r);
    if (!traits.empty()) out.lines.push_back(render(Str::rules_anon_traits, traits, lang));
  }
  std::vector<SummaryEntry> entries = in.entries;
  std::stable_sort(entries.begin(), entries.end(),
                   [](const SummaryEntry& a, const SummaryEntry& b) { return a.on < b.on; });
  for (const auto& e : entries)
    out.lines.push_back((anon ? month_year(e.on) : e.on.german()) + ": " + scrub(e.text));
  out.lines.push_back(tr(anon ? Str::rules_anon_footer_anon : Str::rules_anon_footer_pseudo, lang));
  return out;
}

}  // namespace bb::rules
