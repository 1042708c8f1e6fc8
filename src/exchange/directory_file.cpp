// The network directory file (directory_file.h): a strict reader on
// nlohmann::json (a SAX pass for the limits and duplicate keys, then the DOM
// walked with explicit type checks, never a throwing accessor) and a
// deterministic writer.
//
// Index of this file:
// [SECTION] Errors and paths
// [SECTION] The SAX pre-pass (depth, duplicate keys, size of lists)
// [SECTION] Reading fields
// [SECTION] Entries
// [SECTION] parse_directory_file
// [SECTION] serialize_directory
#include "exchange/directory_file.h"

#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "crypto/fingerprint.h"
#include "exchange/json_header.h"

namespace bb::exchange {
namespace {

using json = nlohmann::json;
using directory::Address;
using directory::Directory;
using directory::Fachkraft;
using directory::Offer;
using directory::Partner;

//-----------------------------------------------------------------------------
// [SECTION] Errors and paths
//-----------------------------------------------------------------------------

// Where in the file: `partners[3] "p-0004" / offers[0] "o-0012" / topics`.
struct Path {
  std::string text;
  Path then(const std::string& part) const { return Path{text.empty() ? part : text + " / " + part}; }
  Path entry(const char* list, size_t index, const json& obj) const {
    std::string part = std::string(list) + "[" + std::to_string(index) + "]";
    if (obj.is_object()) {
      auto it = obj.find("id");
      if (it != obj.end() && it->is_string()) {
        std::string id = it->get_ref<const std::string&>();
        if (id.size() > 64) id = id.substr(0, 64) + "…";
        part += " " + json_quote(id);
      }
    }
    return then(part);
  }
};

Error dir_error(Str kind, const Path& where, const std::string& detail, const std::string& what = {}) {
  std::string arg = where.text;
  if (!what.empty()) arg += (arg.empty() ? "" : ": ") + what;
  return make_error(kind, "directory file: " + (where.text.empty() ? "" : where.text + ": ") + detail, arg);
}

//-----------------------------------------------------------------------------
// [SECTION] The SAX pre-pass
//-----------------------------------------------------------------------------

// Checks what the DOM would silently accept or what could exhaust memory:
// nesting depth, duplicate keys (nlohmann keeps the last), list sizes.
class Prepass {
 public:
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(json::number_integer_t) { return true; }
  bool number_unsigned(json::number_unsigned_t) { return true; }
  bool number_float(json::number_float_t, const json::string_t&) { return true; }
  bool string(json::string_t&) { return true; }
  bool binary(json::binary_t&) { return fail(Str::dir_err_syntax, "binary value", "binary value"); }

  bool start_object(std::size_t) {
    keys_.emplace_back();
    return enter();
  }
  bool end_object() {
    keys_.pop_back();
    --depth_;
    return true;
  }
  bool start_array(std::size_t) {
    keys_.emplace_back();  // arrays have no keys; keeps the stack aligned
    return enter();
  }
  bool end_array() {
    keys_.pop_back();
    --depth_;
    return true;
  }
  bool key(json::string_t& k) {
    if (!keys_.back().insert(k).second) {
      std::string shown = k.size() > 40 ? k.substr(0, 40) + "…" : k;
      return fail(Str::dir_err_syntax, "duplicate key \"" + shown + "\"",
                  "doppelter Schlüssel " + json_quote(shown));
    }
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    std::string what = ex.what();
    if (what.size() > 160) what = what.substr(0, 160);
    return fail(Str::dir_err_syntax, "invalid JSON at byte " + std::to_string(position) + ": " + what,
                "JSON-Fehler bei Byte " + std::to_string(position));
  }

  std::optional<Error> error_;

 private:
  bool enter() {
    if (++depth_ > kMaxDirectoryDepth)
      return fail(Str::dir_err_limits, "nested deeper than " + std::to_string(kMaxDirectoryDepth) + " levels",
                  "Verschachtelung tiefer als " + std::to_string(kMaxDirectoryDepth));
    return true;
  }
  bool fail(Str kind, const std::string& detail, const std::string& arg) {
    if (!error_) error_ = make_error(kind, "directory file: " + detail, arg);
    return false;
  }
  int depth_ = 0;
  std::vector<std::set<std::string>> keys_;
};

//-----------------------------------------------------------------------------
// [SECTION] Reading fields
//-----------------------------------------------------------------------------

// Refuses keys not in `known` (extension keys "x_..." are ignored).
Status check_keys(const json& obj, const Path& where, std::initializer_list<const char*> known) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    if (k.rfind("x_", 0) == 0) continue;
    bool found = false;
    for (const char* n : known) found = found || k == n;
    if (!found) {
      std::string shown = k.size() > 40 ? k.substr(0, 40) + "…" : k;
      return dir_error(Str::dir_err_unknown_key, where.then(shown), "unknown key");
    }
  }
  return {};
}

const json* member(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

Status read_string(const json& obj, const char* key, const Path& where, std::string& out, bool required) {
  const json* v = member(obj, key);
  if (!v || v->is_null()) {
    if (required) return dir_error(Str::dir_err_missing, where.then(key), "missing");
    return {};
  }
  if (!v->is_string()) return dir_error(Str::dir_err_type, where.then(key), "not a string");
  out = v->get_ref<const std::string&>();
  if (required && out.empty()) return dir_error(Str::dir_err_missing, where.then(key), "empty");
  return {};
}

Status read_bool(const json& obj, const char* key, const Path& where, bool& out) {
  const json* v = member(obj, key);
  if (!v || v->is_null()) return {};
  if (!v->is_boolean()) return dir_error(Str::dir_err_type, where.then(key), "not true or false");
  out = v->get<bool>();
  return {};
}

Status read_months(const json& obj, const char* key, const Path& where, std::optional<int>& out) {
  const json* v = member(obj, key);
  if (!v || v->is_null()) return {};
  if (v->is_number_unsigned()) {
    const auto n = v->get<json::number_unsigned_t>();
    if (n > 100000)
      return dir_error(Str::dir_err_value, where.then(key), "out of range", tr(Str::dir_err_age_range));
    out = static_cast<int>(n);
    return {};
  }
  if (v->is_number_integer()) {
    const auto n = v->get<json::number_integer_t>();
    if (n < -100000 || n > 100000)
      return dir_error(Str::dir_err_value, where.then(key), "out of range", tr(Str::dir_err_age_range));
    out = static_cast<int>(n);
    return {};
  }
  return dir_error(Str::dir_err_type, where.then(key), "not a whole number");
}

Status read_list(const json& obj, const char* key, const Path& where, std::vector<std::string>& out) {
  const json* v = member(obj, key);
  if (!v || v->is_null()) return {};
  if (!v->is_array()) return dir_error(Str::dir_err_type, where.then(key), "not a list");
  if (v->size() > directory::kMaxListItems)
    return dir_error(Str::dir_err_value, where.then(key), "too many items",
                     format_text(Str::dir_err_too_many, std::to_string(directory::kMaxListItems)));
  for (size_t i = 0; i < v->size(); ++i) {
    const json& item = (*v)[i];
    if (!item.is_string())
      return dir_error(Str::dir_err_type, where.then(std::string(key) + "[" + std::to_string(i) + "]"),
                       "not a string");
    out.push_back(item.get_ref<const std::string&>());
  }
  return {};
}

Status read_address(const json& obj, const char* key, const Path& where, Address& out) {
  const json* v = member(obj, key);
  if (!v || v->is_null()) return {};
  const Path here = where.then(key);
  if (!v->is_object()) return dir_error(Str::dir_err_type, here, "not an object");
  BB_TRY(check_keys(*v, here, {"street", "postcode", "town", "district"}));
  BB_TRY(read_string(*v, "street", here, out.street, false));
  BB_TRY(read_string(*v, "postcode", here, out.postcode, false));
  BB_TRY(read_string(*v, "town", here, out.town, false));
  BB_TRY(read_string(*v, "district", here, out.district, false));
  return {};
}

// The first validation problem as a file error at `where`.
Status first_problem(const cases::ValidationErrors& errors, const Path& where) {
  if (errors.empty()) return {};
  const auto& e = errors.front();
  return dir_error(Str::dir_err_value, where.then(e.field), "invalid " + e.field, e.text());
}

//-----------------------------------------------------------------------------
// [SECTION] Entries
//-----------------------------------------------------------------------------

Status read_offer(const json& obj, const Path& where, Offer& o) {
  if (!obj.is_object()) return dir_error(Str::dir_err_type, where, "not an object");
  BB_TRY(check_keys(
      obj, where,
      {"id", "title", "description", "pregnancy", "age_from_months", "age_to_months", "target_groups",
       "topics", "cost", "cost_note", "access", "access_note", "languages", "schedule", "location"}));
  BB_TRY(read_string(obj, "id", where, o.id, true));
  BB_TRY(read_string(obj, "title", where, o.title, true));
  BB_TRY(read_string(obj, "description", where, o.description, false));
  BB_TRY(read_bool(obj, "pregnancy", where, o.pregnancy));
  BB_TRY(read_months(obj, "age_from_months", where, o.age_from_months));
  BB_TRY(read_months(obj, "age_to_months", where, o.age_to_months));
  BB_TRY(read_list(obj, "target_groups", where, o.target_groups));
  BB_TRY(read_list(obj, "topics", where, o.topics));
  BB_TRY(read_string(obj, "cost", where, o.cost, false));
  BB_TRY(read_string(obj, "cost_note", where, o.cost_note, false));
  BB_TRY(read_list(obj, "access", where, o.access));
  BB_TRY(read_string(obj, "access_note", where, o.access_note, false));
  BB_TRY(read_list(obj, "languages", where, o.languages));
  BB_TRY(read_string(obj, "schedule", where, o.schedule, false));
  BB_TRY(read_address(obj, "location", where, o.location));
  return first_problem(directory::validate_offer(o, true), where);
}

Status read_partner(const json& obj, const Path& where, Partner& p) {
  if (!obj.is_object()) return dir_error(Str::dir_err_type, where, "not an object");
  BB_TRY(check_keys(obj, where,
                    {"id", "name", "type", "address", "opening_hours", "languages", "contact_person",
                     "contact_function", "phone", "fax", "email", "website", "cooperation_signed",
                     "cooperation_signed_on", "age_key", "offers"}));
  BB_TRY(read_string(obj, "id", where, p.id, true));
  BB_TRY(read_string(obj, "name", where, p.name, true));
  BB_TRY(read_string(obj, "type", where, p.type, true));
  BB_TRY(read_address(obj, "address", where, p.address));
  BB_TRY(read_string(obj, "opening_hours", where, p.opening_hours, false));
  BB_TRY(read_list(obj, "languages", where, p.languages));
  BB_TRY(read_string(obj, "contact_person", where, p.contact_person, false));
  BB_TRY(read_string(obj, "contact_function", where, p.contact_function, false));
  BB_TRY(read_string(obj, "phone", where, p.phone, false));
  BB_TRY(read_string(obj, "fax", where, p.fax, false));
  BB_TRY(read_string(obj, "email", where, p.email, false));
  BB_TRY(read_string(obj, "website", where, p.website, false));
  BB_TRY(read_bool(obj, "cooperation_signed", where, p.cooperation_signed));
  BB_TRY(read_string(obj, "cooperation_signed_on", where, p.cooperation_signed_on, false));
  BB_TRY(read_string(obj, "age_key", where, p.age_key, false));
  BB_TRY(first_problem(directory::validate_partner(p, true), where));
  if (!p.age_key.empty() && !crypto::fingerprint(p.age_key).ok())
    return dir_error(Str::dir_err_value, where.then("age_key"), "age key does not decode",
                     tr(Str::dir_err_age_key));
  const json* offers = member(obj, "offers");
  if (offers && !offers->is_null()) {
    if (!offers->is_array()) return dir_error(Str::dir_err_type, where.then("offers"), "not a list");
    p.offers.reserve(offers->size());
    for (size_t i = 0; i < offers->size(); ++i) {
      Offer o;
      BB_TRY(read_offer((*offers)[i], where.entry("offers", i, (*offers)[i]), o));
      p.offers.push_back(std::move(o));
    }
  }
  return {};
}

Status read_fachkraft(const json& obj, const Path& where, Fachkraft& f) {
  if (!obj.is_object()) return dir_error(Str::dir_err_type, where, "not an object");
  BB_TRY(check_keys(obj, where,
                    {"id", "name", "organisation", "address", "phone", "fax", "email", "languages", "note"}));
  BB_TRY(read_string(obj, "id", where, f.id, true));
  BB_TRY(read_string(obj, "name", where, f.name, true));
  BB_TRY(read_string(obj, "organisation", where, f.organisation, false));
  BB_TRY(read_address(obj, "address", where, f.address));
  BB_TRY(read_string(obj, "phone", where, f.phone, false));
  BB_TRY(read_string(obj, "fax", where, f.fax, false));
  BB_TRY(read_string(obj, "email", where, f.email, false));
  BB_TRY(read_list(obj, "languages", where, f.languages));
  BB_TRY(read_string(obj, "note", where, f.note, false));
  return first_problem(directory::validate_fachkraft(f, true), where);
}

Result<Directory> read_directory(const json& root) {
  const Path top;
  if (!root.is_object()) return dir_error(Str::dir_err_not_directory, top, "not a JSON object");
  // Format and version first: a newer file is refused as such, whatever else it holds.
  const json* format = member(root, "format");
  if (!format || !format->is_string() || format->get_ref<const std::string&>() != kDirectoryFormat)
    return dir_error(Str::dir_err_not_directory, top, "\"format\" is not \"begleitbuch-directory\"");
  const json* version = member(root, "version");
  if (!version) return dir_error(Str::dir_err_missing, top.then("version"), "missing");
  if (version->is_number_unsigned() && version->get<json::number_unsigned_t>() > kDirectoryVersion) {
    const auto v = version->get<json::number_unsigned_t>();
    return make_error(Str::dir_err_newer_version,
                      "directory file: version " + std::to_string(v) + " is newer", std::to_string(v));
  }
  if (!(version->is_number_unsigned() || version->is_number_integer()) ||
      version->get<json::number_integer_t>() != kDirectoryVersion) {
    std::string shown = version->dump();
    if (shown.size() > 20) shown = shown.substr(0, 20) + "…";
    return make_error(Str::dir_err_unknown_version, "directory file: unknown version " + shown, shown);
  }
  BB_TRY(check_keys(root, top,
                    {"format", "version", "stand", "network", "coordination", "partners", "fachkraefte"}));
  Directory d;
  d.version = kDirectoryVersion;
  BB_TRY(read_string(root, "stand", top, d.stand, true));
  if (!cases::parse_date(d.stand))
    return dir_error(Str::dir_err_value, top.then("stand"), "not a date", tr(Str::case_err_date_invalid));
  BB_TRY(read_string(root, "network", top, d.network, false));
  if (d.network.size() > 4 * cases::kMaxShortText)
    return dir_error(Str::dir_err_value, top.then("network"), "too long",
                     format_text(Str::case_err_text_too_long, std::to_string(cases::kMaxShortText)));
  if (const json* c = member(root, "coordination"); c && !c->is_null()) {
    const Path here = top.then("coordination");
    if (!c->is_object()) return dir_error(Str::dir_err_type, here, "not an object");
    BB_TRY(check_keys(*c, here, {"name", "phone", "email"}));
    BB_TRY(read_string(*c, "name", here, d.publisher, false));
    BB_TRY(read_string(*c, "phone", here, d.publisher_phone, false));
    BB_TRY(read_string(*c, "email", here, d.publisher_email, false));
    Partner probe;  // the same checks as a partner's contact fields
    probe.name = "x";
    probe.type = "andere_weitere";
    probe.phone = d.publisher_phone;
    probe.email = d.publisher_email;
    probe.contact_person = d.publisher;
    auto problems = directory::validate_partner(probe, false);
    if (!problems.empty()) {
      const std::string field = problems.front().field == "contact_person" ? "name" : problems.front().field;
      return dir_error(Str::dir_err_value, here.then(field), "invalid " + field, problems.front().text());
    }
  }
  std::set<std::string> partner_ids, offer_ids, fachkraft_ids;
  size_t offers = 0;
  if (const json* list = member(root, "partners"); list && !list->is_null()) {
    if (!list->is_array()) return dir_error(Str::dir_err_type, top.then("partners"), "not a list");
    if (list->size() > kMaxPartners)
      return dir_error(Str::dir_err_limits, top.then("partners"), "too many partners",
                       "mehr als " + std::to_string(kMaxPartners));
    d.partners.reserve(list->size());
    for (size_t i = 0; i < list->size(); ++i) {
      const Path here = top.entry("partners", i, (*list)[i]);
      Partner p;
      BB_TRY(read_partner((*list)[i], here, p));
      if (!partner_ids.insert(p.id).second) return dir_error(Str::dir_err_duplicate_id, here, "duplicate id");
      for (size_t k = 0; k < p.offers.size(); ++k) {
        if (!offer_ids.insert(p.offers[k].id).second)
          return dir_error(Str::dir_err_duplicate_id,
                           here.then("offers[" + std::to_string(k) + "] " + json_quote(p.offers[k].id)),
                           "duplicate id");
      }
      offers += p.offers.size();
      if (offers > kMaxOffers)
        return dir_error(Str::dir_err_limits, top.then("partners"), "too many offers",
                         "mehr als " + std::to_string(kMaxOffers) + " Angebote");
      d.partners.push_back(std::move(p));
    }
  }
  if (const json* list = member(root, "fachkraefte"); list && !list->is_null()) {
    if (!list->is_array()) return dir_error(Str::dir_err_type, top.then("fachkraefte"), "not a list");
    if (list->size() > kMaxFachkraefte)
      return dir_error(Str::dir_err_limits, top.then("fachkraefte"), "too many entries",
                       "mehr als " + std::to_string(kMaxFachkraefte));
    for (size_t i = 0; i < list->size(); ++i) {
      const Path here = top.entry("fachkraefte", i, (*list)[i]);
      Fachkraft f;
      BB_TRY(read_fachkraft((*list)[i], here, f));
      if (!fachkraft_ids.insert(f.id).second)
        return dir_error(Str::dir_err_duplicate_id, here, "duplicate id");
      d.fachkraefte.push_back(std::move(f));
    }
  }
  return d;
}

//-----------------------------------------------------------------------------
// [SECTION] serialize_directory
//-----------------------------------------------------------------------------

class Writer {
 public:
  std::string out;

  void open(char c) {
    out += c;
    first_ = true;
    ++level_;
  }
  void close(char c) {
    --level_;
    if (!first_) newline();
    out += c;
    first_ = false;
  }
  // Starts an item (a key, or an array element).
  void item(const char* key = nullptr) {
    if (!first_) out += ',';
    newline();
    first_ = false;
    if (key) {
      out += json_quote(key);
      out += ": ";
    }
  }
  void text(const char* key, const std::string& v) {
    if (v.empty()) return;
    item(key);
    out += json_quote(v);
  }
  void flag(const char* key, bool v) {
    if (!v) return;
    item(key);
    out += "true";
  }
  void number(const char* key, std::optional<int> v) {
    if (!v) return;
    item(key);
    out += std::to_string(*v);
  }
  void list(const char* key, const std::vector<std::string>& v) {
    if (v.empty()) return;
    item(key);
    out += '[';
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + json_quote(v[i]);
    out += ']';
  }
  void address(const char* key, const Address& a) {
    if (a.empty()) return;
    item(key);
    open('{');
    text("street", a.street);
    text("postcode", a.postcode);
    text("town", a.town);
    text("district", a.district);
    close('}');
  }

 private:
  void newline() {
    out += '\n';
    out.append(static_cast<size_t>(level_) * 2, ' ');
  }
  int level_ = 0;
  bool first_ = true;
};

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] parse_directory_file
//-----------------------------------------------------------------------------

Result<directory::Directory> parse_directory_file(std::string_view text) {
  try {
    if (text.size() > kMaxDirectoryBytes) {
      return make_error(Str::dir_err_file_too_large,
                        "directory file: larger than " + std::to_string(kMaxDirectoryBytes) + " bytes",
                        std::to_string(kMaxDirectoryBytes >> 20) + " MiB");
    }
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (!valid_utf8(text)) return make_error(Str::dir_err_encoding, "directory file: invalid UTF-8");
    Prepass pre;
    const bool ok =
        json::sax_parse(text.begin(), text.end(), &pre, json::input_format_t::json, /*strict=*/true);
    if (pre.error_) return *pre.error_;
    if (!ok) return make_error(Str::dir_err_syntax, "directory file: invalid JSON", "JSON");
    const json root = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) return make_error(Str::dir_err_syntax, "directory file: invalid JSON", "JSON");
    return read_directory(root);
  } catch (const std::exception& e) {  // defence in depth: no accessor above throws
    return make_error(Str::dir_err_syntax, std::string("directory file: ") + e.what(), "JSON");
  }
}

std::string serialize_directory(const directory::Directory& d) {
  Writer w;
  w.open('{');
  w.item("format");
  w.out += json_quote(kDirectoryFormat);
  w.item("version");
  w.out += std::to_string(kDirectoryVersion);
  w.text("stand", d.stand);
  w.text("network", d.network);
  if (!d.publisher.empty() || !d.publisher_phone.empty() || !d.publisher_email.empty()) {
    w.item("coordination");
    w.open('{');
    w.text("name", d.publisher);
    w.text("phone", d.publisher_phone);
    w.text("email", d.publisher_email);
    w.close('}');
  }
  w.item("partners");
  w.open('[');
  for (const auto& p : d.partners) {
    w.item();
    w.open('{');
    w.text("id", p.id);
    w.text("name", p.name);
    w.text("type", p.type);
    w.address("address", p.address);
    w.text("opening_hours", p.opening_hours);
    w.list("languages", p.languages);
    w.text("contact_person", p.contact_person);
    w.text("contact_function", p.contact_function);
    w.text("phone", p.phone);
    w.text("fax", p.fax);
    w.text("email", p.email);
    w.text("website", p.website);
    w.flag("cooperation_signed", p.cooperation_signed);
    w.text("cooperation_signed_on", p.cooperation_signed_on);
    w.text("age_key", p.age_key);
    if (!p.offers.empty()) {
      w.item("offers");
      w.open('[');
      for (const auto& o : p.offers) {
        w.item();
        w.open('{');
        w.text("id", o.id);
        w.text("title", o.title);
        w.text("description", o.description);
        w.flag("pregnancy", o.pregnancy);
        w.number("age_from_months", o.age_from_months);
        w.number("age_to_months", o.age_to_months);
        w.list("target_groups", o.target_groups);
        w.list("topics", o.topics);
        if (o.cost != "keine_angabe") w.text("cost", o.cost);
        w.text("cost_note", o.cost_note);
        w.list("access", o.access);
        w.text("access_note", o.access_note);
        w.list("languages", o.languages);
        w.text("schedule", o.schedule);
        w.address("location", o.location);
        w.close('}');
      }
      w.close(']');
    }
    w.close('}');
  }
  w.close(']');
  w.item("fachkraefte");
  w.open('[');
  for (const auto& f : d.fachkraefte) {
    w.item();
    w.open('{');
    w.text("id", f.id);
    w.text("name", f.name);
    w.text("organisation", f.organisation);
    w.address("address", f.address);
    w.text("phone", f.phone);
    w.text("fax", f.fax);
    w.text("email", f.email);
    w.list("languages", f.languages);
    w.text("note", f.note);
    w.close('}');
  }
  w.close(']');
  w.close('}');
  w.out += '\n';
  return w.out;
}

}  // namespace bb::exchange
