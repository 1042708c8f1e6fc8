// The network directory's code lists, validation and comparison (directory.h).
#include "core/directory.h"

#include <algorithm>

namespace bb::directory {

using cases::ValidationErrors;

//-----------------------------------------------------------------------------
// [SECTION] Code lists
//-----------------------------------------------------------------------------

const char* code(Category c) {
  switch (c) {
    case Category::kinder_jugendhilfe:
      return "kinder_jugendhilfe";
    case Category::gesundheit:
      return "gesundheit";
    case Category::psychosozial:
      return "psychosozial";
    case Category::weitere:
      break;
  }
  return "weitere";
}

std::optional<Category> category_from(std::string_view text) {
  for (auto c :
       {Category::kinder_jugendhilfe, Category::gesundheit, Category::psychosozial, Category::weitere})
    if (text == code(c)) return c;
  return std::nullopt;
}

Str label(Category c) {
  switch (c) {
    case Category::kinder_jugendhilfe:
      return Str::dir_cat_kinder_jugendhilfe;
    case Category::gesundheit:
      return Str::dir_cat_gesundheit;
    case Category::psychosozial:
      return Str::dir_cat_psychosozial;
    case Category::weitere:
      break;
  }
  return Str::dir_cat_weitere;
}

const std::vector<PartnerType>& partner_types() {
  using C = Category;
  static const std::vector<PartnerType> list = {
      // Kinder- und Jugendhilfe
      {"jugendamt", C::kinder_jugendhilfe, Str::dir_type_jugendamt},
      {"familienbildung", C::kinder_jugendhilfe, Str::dir_type_familienbildung},
      {"kita", C::kinder_jugendhilfe, Str::dir_type_kita},
      {"kindertagespflege", C::kinder_jugendhilfe, Str::dir_type_kindertagespflege},
      {"erziehungsberatung", C::kinder_jugendhilfe, Str::dir_type_erziehungsberatung},
      {"hilfen_erziehung", C::kinder_jugendhilfe, Str::dir_type_hilfen_erziehung},
      {"kinderschutz", C::kinder_jugendhilfe, Str::dir_type_kinderschutz},
      {"wohngruppe", C::kinder_jugendhilfe, Str::dir_type_wohngruppe},
      {"sozialdienst", C::kinder_jugendhilfe, Str::dir_type_sozialdienst},
      {"andere_kjh", C::kinder_jugendhilfe, Str::dir_type_andere_kjh},
      // Gesundheitsbereich
      {"hebamme", C::gesundheit, Str::dir_type_hebamme},
      {"frauenarzt", C::gesundheit, Str::dir_type_frauenarzt},
      {"geburtsklinik", C::gesundheit, Str::dir_type_geburtsklinik},
      {"kinderarzt", C::gesundheit, Str::dir_type_kinderarzt},
      {"kinderklinik", C::gesundheit, Str::dir_type_kinderklinik},
      {"psychiatrie_praxis", C::gesundheit, Str::dir_type_psychiatrie_praxis},
      {"psychiatrie_klinik", C::gesundheit, Str::dir_type_psychiatrie_klinik},
      {"psychotherapie", C::gesundheit, Str::dir_type_psychotherapie},
      {"gesundheitsamt", C::gesundheit, Str::dir_type_gesundheitsamt},
      {"sozialpsychiatrie", C::gesundheit, Str::dir_type_sozialpsychiatrie},
      {"spz", C::gesundheit, Str::dir_type_spz},
      {"fruehfoerderung", C::gesundheit, Str::dir_type_fruehfoerderung},
      {"krankenkasse", C::gesundheit, Str::dir_type_krankenkasse},
      {"andere_gesundheit", C::gesundheit, Str::dir_type_andere_gesundheit},
      // Psychosoziale Beratungsstellen / Dienste
      {"lebensberatung", C::psychosozial, Str::dir_type_lebensberatung},
      {"schwangerenberatung", C::psychosozial, Str::dir_type_schwangerenberatung},
      {"ehrenamt", C::psychosozial, Str::dir_type_ehrenamt},
      {"migrationsberatung", C::psychosozial, Str::dir_type_migrationsberatung},
      {"jugendmigrationsdienst", C::psychosozial, Str::dir_type_jugendmigrationsdienst},
      {"krisentelefon", C::psychosozial, Str::dir_type_krisentelefon},
      {"familienrecht", C::psychosozial, Str::dir_type_familienrecht},
      {"frauenhaus", C::psychosozial, Str::dir_type_frauenhaus},
      {"gewaltberatung", C::psychosozial, Str::dir_type_gewaltberatung},
      {"suchtberatung", C::psychosozial, Str::dir_type_suchtberatung},
      {"schuldnerberatung", C::psychosozial, Str::dir_type_schuldnerberatung},
      {"andere_psychosozial", C::psychosozial, Str::dir_type_andere_psychosozial},
      // Weitere Akteurinnen und Akteure
      {"familiengericht", C::weitere, Str::dir_type_familiengericht},
      {"vormundschaft", C::weitere, Str::dir_type_vormundschaft},
      {"polizei", C::weitere, Str::dir_type_polizei},
      {"rechtsanwalt", C::weitere, Str::dir_type_rechtsanwalt},
      {"jobcenter", C::weitere, Str::dir_type_jobcenter},
      {"quartier", C::weitere, Str::dir_type_quartier},
      {"wohnungshilfe", C::weitere, Str::dir_type_wohnungshilfe},
      {"andere_weitere", C::weitere, Str::dir_type_andere_weitere},
  };
  return list;
}

const PartnerType* partner_type(std::string_view text) {
  for (const auto& t : partner_types())
    if (text == t.code) return &t;
  return nullptr;
}

const std::vector<CodeInfo>& target_groups() {
  static const std::vector<CodeInfo> list = {
      {"alle_familien", Str::dir_group_alle_familien},
      {"muetter", Str::dir_group_muetter},
      {"vaeter", Str::dir_group_vaeter},
      {"alleinerziehende", Str::dir_group_alleinerziehende},
      {"junge_eltern", Str::dir_group_junge_eltern},
      {"zugewanderte", Str::dir_group_zugewanderte},
      {"belastete_familien", Str::dir_group_belastete_familien},
      {"behinderung", Str::dir_group_behinderung},
      {"mehrlinge_fruehgeborene", Str::dir_group_mehrlinge_fruehgeborene},
  };
  return list;
}

const std::vector<CodeInfo>& costs() {
  static const std::vector<CodeInfo> list = {
      {"keine_angabe", Str::dir_cost_keine_angabe},   {"kostenlos", Str::dir_cost_kostenlos},
      {"kostenbeitrag", Str::dir_cost_kostenbeitrag}, {"kostenpflichtig", Str::dir_cost_kostenpflichtig},
      {"krankenkasse", Str::dir_cost_krankenkasse},
  };
  return list;
}

const std::vector<CodeInfo>& access_ways() {
  static const std::vector<CodeInfo> list = {
      {"offen", Str::dir_access_offen},           {"termin", Str::dir_access_termin},
      {"anmeldung", Str::dir_access_anmeldung},   {"ueberweisung", Str::dir_access_ueberweisung},
      {"aufsuchend", Str::dir_access_aufsuchend}, {"online", Str::dir_access_online},
  };
  return list;
}

const CodeInfo* find_code(const std::vector<CodeInfo>& list, std::string_view text) {
  for (const auto& c : list)
    if (text == c.code) return &c;
  return nullptr;
}

const std::vector<std::string>& need_codes() {
  static const std::vector<std::string> list = {
      "schwangerschaft", "geburt",     "stillen",   "schlafen", "schreien", "entwicklung",
      "bindung",         "gesundheit", "existenz",  "wohnen",   "psyche",   "partnerschaft",
      "alltag",          "behoerden",  "betreuung", "umfeld",
  };
  return list;
}

bool is_need_code(std::string_view text) {
  for (const auto& c : need_codes())
    if (text == c) return true;
  return false;
}

Category Partner::category() const {
  const auto* t = partner_type(type);
  return t ? t->category : Category::weitere;
}

size_t Directory::offer_count() const {
  size_t n = 0;
  for (const auto& p : partners) n += p.offers.size();
  return n;
}

//-----------------------------------------------------------------------------
// [SECTION] Validation
//-----------------------------------------------------------------------------

namespace {

size_t utf8_chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool has_control(std::string_view s, bool allow_newline) {
  for (unsigned char c : s) {
    if (c == 0x7F || (c < 0x20 && !(allow_newline && (c == '\n' || c == '\t' || c == '\r')))) return true;
  }
  return false;
}

// A one-line text of at most `max` characters (names, phone, ...).
void check_line(ValidationErrors& out, const std::string& field, std::string_view text, size_t max) {
  if (utf8_chars(text) > max)
    out.push_back({field, Str::case_err_text_too_long, std::to_string(max)});
  else if (has_control(text, false))
    out.push_back({field, Str::dir_err_control, {}});
}

void check_text(ValidationErrors& out, const std::string& field, std::string_view text, size_t max) {
  if (utf8_chars(text) > max)
    out.push_back({field, Str::case_err_text_too_long, std::to_string(max)});
  else if (has_control(text, true))
    out.push_back({field, Str::dir_err_control, {}});
}

void check_phone(ValidationErrors& out, const std::string& field, std::string_view text) {
  check_line(out, field, text, 40);
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '/' || c == '-' || c == '(' || c == ')' ||
          c == '.' || c == ',' || c == ';')) {
      out.push_back({field, Str::case_err_phone_invalid, {}});
      return;
    }
  }
}

void check_email(ValidationErrors& out, const std::string& field, std::string_view email) {
  if (email.empty()) return;
  const auto at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('.', at) == std::string::npos || email.back() == '.' ||
      email.find(' ') != std::string::npos || email.find('@', at + 1) != std::string::npos)
    out.push_back({field, Str::case_err_email_invalid, {}});
  check_line(out, field, email, cases::kMaxShortText);
}

void check_address(ValidationErrors& out, const std::string& prefix, const Address& a) {
  check_line(out, prefix + ".street", a.street, cases::kMaxShortText);
  check_line(out, prefix + ".postcode", a.postcode, 20);
  check_line(out, prefix + ".town", a.town, cases::kMaxShortText);
  check_line(out, prefix + ".district", a.district, cases::kMaxShortText);
}

void check_languages(ValidationErrors& out, const std::vector<std::string>& languages) {
  if (languages.size() > kMaxListItems) {
    out.push_back({"languages", Str::dir_err_too_many, std::to_string(kMaxListItems)});
    return;
  }
  for (const auto& l : languages) {
    if (blank(l) || utf8_chars(l) > kMaxLanguageChars || l.find(',') != std::string::npos ||
        has_control(l, false)) {
      out.push_back({"languages", Str::dir_err_language, {}});
      return;
    }
  }
}

void check_id(ValidationErrors& out, const std::string& id, bool need_id) {
  if (need_id || !id.empty())
    if (!valid_id(id)) out.push_back({"id", Str::dir_err_id_invalid, {}});
}

// A set of codes from `valid`: each known, none twice, at most kMaxListItems.
template <class Known>
void check_codes(ValidationErrors& out, const std::string& field, const std::vector<std::string>& codes,
                 Known known) {
  if (codes.size() > kMaxListItems) {
    out.push_back({field, Str::dir_err_too_many, std::to_string(kMaxListItems)});
    return;
  }
  for (size_t i = 0; i < codes.size(); ++i) {
    if (!known(codes[i])) {
      out.push_back({field, Str::dir_err_unknown_code, codes[i].substr(0, 40)});
      return;
    }
    for (size_t k = 0; k < i; ++k) {
      if (codes[k] == codes[i]) {
        out.push_back({field, Str::dir_err_unknown_code, codes[i].substr(0, 40)});
        return;
      }
    }
  }
}

bool valid_age_key_shape(std::string_view key) {
  // "age1" + 58 characters of the bech32 alphabet (lowercase), as age writes it.
  static constexpr std::string_view kCharset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  if (key.size() != 62 || key.substr(0, 4) != "age1") return false;
  for (char c : key.substr(4))
    if (kCharset.find(c) == std::string_view::npos) return false;
  return true;
}

}  // namespace

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdChars) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
          c == '-' || c == '_' || c == ':'))
      return false;
  }
  return true;
}

ValidationErrors validate_partner(const Partner& p, bool need_id) {
  ValidationErrors out;
  check_id(out, p.id, need_id);
  if (blank(p.name)) out.push_back({"name", Str::dir_err_name_required, {}});
  check_line(out, "name", p.name, cases::kMaxShortText);
  if (!partner_type(p.type)) {
    out.push_back({"type", p.type.empty() ? Str::case_err_choose_entry : Str::dir_err_unknown_code,
                   p.type.substr(0, 40)});
  }
  check_address(out, "address", p.address);
  check_text(out, "opening_hours", p.opening_hours, kMaxNoteText);
  check_languages(out, p.languages);
  check_line(out, "contact_person", p.contact_person, cases::kMaxShortText);
  check_line(out, "contact_function", p.contact_function, cases::kMaxShortText);
  check_phone(out, "phone", p.phone);
  check_phone(out, "fax", p.fax);
  check_email(out, "email", p.email);
  if (!p.website.empty()) {
    if (p.website.rfind("https://", 0) != 0 && p.website.rfind("http://", 0) != 0)
      out.push_back({"website", Str::dir_err_website, {}});
    check_line(out, "website", p.website, cases::kMaxShortText);
  }
  if (!p.cooperation_signed_on.empty()) {
    if (!cases::parse_date(p.cooperation_signed_on))
      out.push_back({"cooperation_signed_on", Str::case_err_date_invalid, {}});
    else if (!p.cooperation_signed)
      out.push_back({"cooperation_signed_on", Str::dir_err_cooperation_date, {}});
  }
  if (!p.age_key.empty() && !valid_age_key_shape(p.age_key))
    out.push_back({"age_key", Str::dir_err_age_key, {}});
  return out;
}

ValidationErrors validate_offer(const Offer& o, bool need_id) {
  ValidationErrors out;
  check_id(out, o.id, need_id);
  if (blank(o.title)) out.push_back({"title", Str::dir_err_title_required, {}});
  check_line(out, "title", o.title, cases::kMaxShortText);
  check_text(out, "description", o.description, kMaxDescription);
  auto bad_age = [](const std::optional<int>& m) { return m && (*m < 0 || *m > kMaxChildAgeMonths); };
  if (bad_age(o.age_from_months) || bad_age(o.age_to_months) ||
      (o.age_from_months && o.age_to_months && *o.age_from_months > *o.age_to_months))
    out.push_back({o.age_from_months && !bad_age(o.age_from_months) ? "age_to_months" : "age_from_months",
                   Str::dir_err_age_range,
                   {}});
  check_codes(out, "target_groups", o.target_groups,
              [](const std::string& c) { return find_code(target_groups(), c) != nullptr; });
  check_codes(out, "topics", o.topics, [](const std::string& c) { return is_need_code(c); });
  if (!find_code(costs(), o.cost)) out.push_back({"cost", Str::dir_err_unknown_code, o.cost.substr(0, 40)});
  check_line(out, "cost_note", o.cost_note, cases::kMaxShortText);
  check_codes(out, "access", o.access,
              [](const std::string& c) { return find_code(access_ways(), c) != nullptr; });
  check_text(out, "access_note", o.access_note, kMaxNoteText);
  check_languages(out, o.languages);
  check_text(out, "schedule", o.schedule, kMaxNoteText);
  check_address(out, "location", o.location);
  return out;
}

ValidationErrors validate_fachkraft(const Fachkraft& f, bool need_id) {
  ValidationErrors out;
  check_id(out, f.id, need_id);
  if (blank(f.name)) out.push_back({"name", Str::dir_err_name_required, {}});
  check_line(out, "name", f.name, cases::kMaxShortText);
  check_line(out, "organisation", f.organisation, cases::kMaxShortText);
  check_address(out, "address", f.address);
  check_phone(out, "phone", f.phone);
  check_phone(out, "fax", f.fax);
  check_email(out, "email", f.email);
  check_languages(out, f.languages);
  check_text(out, "note", f.note, kMaxNoteText);
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Comparison
//-----------------------------------------------------------------------------

namespace {

// Collects (key, value) pairs of an entry's compared fields, in file order.
struct Fields {
  std::vector<std::pair<std::string, std::string>> items;
  void add(const char* key, const std::string& v) { items.emplace_back(key, v); }
  void add(const char* key, bool v) { items.emplace_back(key, v ? "1" : "0"); }
  void add(const char* key, const std::optional<int>& v) {
    items.emplace_back(key, v ? std::to_string(*v) : "-");
  }
  void add(const char* key, const std::vector<std::string>& v) {
    std::string joined;
    for (const auto& s : v) joined += s + '\x1e';
    items.emplace_back(key, joined);
  }
  void add_address(const std::string& prefix, const Address& a) {
    items.emplace_back(prefix + ".street", a.street);
    items.emplace_back(prefix + ".postcode", a.postcode);
    items.emplace_back(prefix + ".town", a.town);
    items.emplace_back(prefix + ".district", a.district);
  }
};

Fields fields_of(const Partner& p) {
  Fields f;
  f.add("name", p.name);
  f.add("type", p.type);
  f.add_address("address", p.address);
  f.add("opening_hours", p.opening_hours);
  f.add("languages", p.languages);
  f.add("contact_person", p.contact_person);
  f.add("contact_function", p.contact_function);
  f.add("phone", p.phone);
  f.add("fax", p.fax);
  f.add("email", p.email);
  f.add("website", p.website);
  f.add("cooperation_signed", p.cooperation_signed);
  f.add("cooperation_signed_on", p.cooperation_signed_on);
  f.add("age_key", p.age_key);
  return f;
}

Fields fields_of(const Offer& o) {
  Fields f;
  f.add("title", o.title);
  f.add("description", o.description);
  f.add("pregnancy", o.pregnancy);
  f.add("age_from_months", o.age_from_months);
  f.add("age_to_months", o.age_to_months);
  f.add("target_groups", o.target_groups);
  f.add("topics", o.topics);
  f.add("cost", o.cost);
  f.add("cost_note", o.cost_note);
  f.add("access", o.access);
  f.add("access_note", o.access_note);
  f.add("languages", o.languages);
  f.add("schedule", o.schedule);
  f.add_address("location", o.location);
  return f;
}

Fields fields_of(const Fachkraft& k) {
  Fields f;
  f.add("name", k.name);
  f.add("organisation", k.organisation);
  f.add_address("address", k.address);
  f.add("phone", k.phone);
  f.add("fax", k.fax);
  f.add("email", k.email);
  f.add("languages", k.languages);
  f.add("note", k.note);
  return f;
}

std::vector<std::string> differ(const Fields& a, const Fields& b) {
  std::vector<std::string> out;
  for (size_t i = 0; i < a.items.size() && i < b.items.size(); ++i)
    if (a.items[i].second != b.items[i].second) out.push_back(a.items[i].first);
  return out;
}

std::string joined(const Fields& f) {
  std::string out;
  for (const auto& [k, v] : f.items) {
    out += k;
    out += '\x1f';
    out += std::to_string(v.size());
    out += ':';
    out += v;
    out += '\x1d';
  }
  return out;
}

}  // namespace

std::vector<std::string> changed_fields(const Partner& a, const Partner& b) {
  return differ(fields_of(a), fields_of(b));
}
std::vector<std::string> changed_fields(const Offer& a, const Offer& b) {
  return differ(fields_of(a), fields_of(b));
}
std::vector<std::string> changed_fields(const Fachkraft& a, const Fachkraft& b) {
  return differ(fields_of(a), fields_of(b));
}

std::string canonical(const Partner& p) { return joined(fields_of(p)); }
std::string canonical(const Offer& o) { return joined(fields_of(o)); }
std::string canonical(const Fachkraft& f) { return joined(fields_of(f)); }

}  // namespace bb::directory
