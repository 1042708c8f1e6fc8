// The handover document and its strict reader (handover_document.h).
//
// Two passes over at most max_bytes: a SAX pass (nlohmann's lexer is
// iterative, so deep input cannot overflow the stack) enforces depth,
// duplicate keys at every level and the value count; only then is the text
// parsed into a tree, which is by then known to be small and shallow.
#include "exchange/handover_document.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <set>

#include "exchange/json_header.h"

namespace bb::exchange {
namespace {

using json = nlohmann::json;

// Result<T> unpacking without exceptions: `lhs` may declare a variable.
#define HANDOVER_CONCAT2(a, b) a##b
#define HANDOVER_CONCAT(a, b) HANDOVER_CONCAT2(a, b)
#define BB_ASSIGN_OR_RETURN(lhs, expr)                                                             \
  auto HANDOVER_CONCAT(result_, __LINE__) = (expr);                                                \
  if (!HANDOVER_CONCAT(result_, __LINE__).ok()) return HANDOVER_CONCAT(result_, __LINE__).error(); \
  lhs = std::move(*HANDOVER_CONCAT(result_, __LINE__))

Error invalid(std::string detail) { return make_error(Str::handover_err_invalid, "handover: " + detail); }
Error too_big(std::string detail) { return make_error(Str::handover_err_limits, "handover: " + detail); }

class StrictShape {
 public:
  explicit StrictShape(const HandoverLimits& limits) : limits_(limits) {}

  bool null() { return value(); }
  bool boolean(bool) { return value(); }
  bool number_integer(json::number_integer_t) { return value(); }
  bool number_unsigned(json::number_unsigned_t) { return value(); }
  bool number_float(json::number_float_t, const json::string_t&) { return value(); }
  bool string(json::string_t& s) {
    if (s.size() > limits_.max_text_bytes) return fail(too_big("a text is larger than allowed"));
    return value();
  }
  bool binary(json::binary_t&) { return fail(invalid("binary value")); }
  bool start_object(std::size_t) {
    keys_.emplace_back();
    return open();
  }
  bool end_object() {
    keys_.pop_back();
    return true;
  }
  bool start_array(std::size_t) {
    keys_.emplace_back();
    return open();
  }
  bool end_array() {
    keys_.pop_back();
    return true;
  }
  bool key(json::string_t& k) {
    if (!keys_.back().insert(k).second) return fail(invalid("duplicate key \"" + k.substr(0, 40) + "\""));
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    std::string what = ex.what();
    return fail(invalid("invalid JSON at byte " + std::to_string(position) + ": " + what.substr(0, 160)));
  }

  std::optional<Error> error;

 private:
  bool fail(Error e) {
    if (!error) error = std::move(e);
    return false;
  }
  bool value() {
    if (++values_ > limits_.max_values) return fail(too_big("more values than allowed"));
    return true;
  }
  bool open() {
    if (static_cast<int>(keys_.size()) > limits_.max_depth) return fail(too_big("nested too deeply"));
    return value();
  }

  const HandoverLimits& limits_;
  std::vector<std::set<std::string>> keys_;
  size_t values_ = 0;
};

// Typed access with a path for the technical detail.
Result<std::string> text_at(const json& obj, const char* key, const std::string& where, size_t max_bytes,
                            bool required = true) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    if (!required) return std::string();
    return invalid(where + ": missing \"" + key + "\"");
  }
  if (!it->is_string()) return invalid(where + ": \"" + key + "\" is not a string");
  const auto& s = it->get_ref<const std::string&>();
  if (s.size() > max_bytes) return invalid(where + ": \"" + key + "\" is too long");
  return s;
}

Result<const json*> array_at(const json& obj, const char* key, const std::string& where) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_array()) return invalid(where + ": \"" + key + "\" is not an array");
  return &*it;
}

bool lower_hex(const std::string& s, size_t n) {
  if (s.size() != n) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

bool utc_timestamp(const std::string& s) {
  // YYYY-MM-DDTHH:MM:SSZ with plausible ranges.
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
      s[19] != 'Z')
    return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
    if (s[i] < '0' || s[i] > '9') return false;
  const int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  const int hour = std::stoi(s.substr(11, 2)), minute = std::stoi(s.substr(14, 2)),
            second = std::stoi(s.substr(17, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60;
}

bool known_category(const std::string& c) {
  for (const char* k : {"stammdaten", "kontakte", "bedarfe", "ziele", "vermittlungen", "kjh_kooperation",
                        "kinderschutz", "gesundheit"})
    if (c == k) return true;
  return false;
}

constexpr size_t kShort = 1000;  // names, titles, labels, codes

Result<HandoverSection> read_section(const json& s, const std::string& where, size_t max_text) {
  if (!s.is_object()) return invalid(where + " is not an object");
  HandoverSection out;
  BB_ASSIGN_OR_RETURN(out.category, text_at(s, "category", where, kShort));
  if (!known_category(out.category)) return invalid(where + ": unknown category");
  BB_ASSIGN_OR_RETURN(out.title, text_at(s, "title", where, kShort));
  BB_ASSIGN_OR_RETURN(const json* parts, array_at(s, "parts", where));
  for (size_t p = 0; p < parts->size(); ++p) {
    const auto& part = (*parts)[p];
    const std::string pw = where + ".parts[" + std::to_string(p) + "]";
    if (!part.is_object()) return invalid(pw + " is not an object");
    HandoverPart hp;
    BB_ASSIGN_OR_RETURN(hp.title, text_at(part, "title", pw, kShort));
    BB_ASSIGN_OR_RETURN(const json* records, array_at(part, "records", pw));
    for (size_t r = 0; r < records->size(); ++r) {
      const auto& rec = (*records)[r];
      const std::string rw = pw + ".records[" + std::to_string(r) + "]";
      if (!rec.is_object()) return invalid(rw + " is not an object");
      HandoverRecord hr;
      BB_ASSIGN_OR_RETURN(hr.title, text_at(rec, "title", rw, kShort));
      BB_ASSIGN_OR_RETURN(const json* items, array_at(rec, "items", rw));
      for (size_t i = 0; i < items->size(); ++i) {
        const auto& item = (*items)[i];
        const std::string iw = rw + ".items[" + std::to_string(i) + "]";
        if (!item.is_object()) return invalid(iw + " is not an object");
        HandoverItem hi;
        BB_ASSIGN_OR_RETURN(hi.label, text_at(item, "label", iw, kShort));
        BB_ASSIGN_OR_RETURN(hi.value, text_at(item, "value", iw, max_text));
        hr.items.push_back(std::move(hi));
      }
      hp.records.push_back(std::move(hr));
    }
    out.parts.push_back(std::move(hp));
  }
  return out;
}

Result<HandoverDocument> read_document(const json& root, const HandoverLimits& limits) {
  if (!root.is_object()) return invalid("not a JSON object");
  HandoverDocument d;
  auto format = root.find("format");
  if (format == root.end() || !format->is_string() ||
      format->get_ref<const std::string&>() != kHandoverFormat)
    return make_error(Str::handover_err_not_handover, "handover: \"format\" is not begleitbuch-handover");
  auto version = root.find("version");
  if (version == root.end() || !version->is_number_integer())
    return make_error(Str::handover_err_unknown_version, "handover: \"version\" is not an integer", "?");
  const int64_t v = version->get<int64_t>();
  if (v > kHandoverVersion)
    return make_error(Str::handover_err_newer_version, "handover: version " + std::to_string(v),
                      std::to_string(v));
  if (v < 1)
    return make_error(Str::handover_err_unknown_version, "handover: version " + std::to_string(v),
                      std::to_string(v));
  d.version = v;
  const std::string top = "document";
  BB_ASSIGN_OR_RETURN(d.id, text_at(root, "id", top, kShort));
  if (!lower_hex(d.id, 32)) return invalid("\"id\" is not 32 lowercase hex digits");
  BB_ASSIGN_OR_RETURN(d.created, text_at(root, "created", top, kShort));
  if (!utc_timestamp(d.created)) return invalid("\"created\" is not a UTC timestamp");
  BB_ASSIGN_OR_RETURN(d.app_version, text_at(root, "app_version", top, 200));
  BB_ASSIGN_OR_RETURN(d.sender, text_at(root, "sender", top, kShort));
  auto recipient = root.find("recipient");
  if (recipient == root.end() || !recipient->is_object()) return invalid("\"recipient\" is not an object");
  BB_ASSIGN_OR_RETURN(d.recipient_kind, text_at(*recipient, "kind", "recipient", kShort));
  if (d.recipient_kind != "kjh") return invalid("recipient kind is not kjh");
  BB_ASSIGN_OR_RETURN(d.recipient_name, text_at(*recipient, "name", "recipient", kShort));
  BB_ASSIGN_OR_RETURN(d.purpose, text_at(root, "purpose", top, kShort));
  if (d.purpose != "uebergabe_kjh" && d.purpose != "mitteilung_kjh") return invalid("unknown purpose");
  BB_ASSIGN_OR_RETURN(d.basis, text_at(root, "basis", top, kShort));
  if (d.basis != "einwilligung" && d.basis != "gesetzliche_pflicht" && d.basis != "gesetzliche_befugnis")
    return invalid("unknown basis");
  auto family = root.find("family");
  if (family == root.end() || !family->is_object()) return invalid("\"family\" is not an object");
  BB_ASSIGN_OR_RETURN(d.family_name, text_at(*family, "name", "family", kShort));
  // Empty when Stammdaten were not handed over (e.g. a Mitteilung without them).
  BB_ASSIGN_OR_RETURN(const json* sections, array_at(root, "sections", top));
  if (sections->empty()) return invalid("no sections");
  std::set<std::string> seen;
  for (size_t i = 0; i < sections->size(); ++i) {
    BB_ASSIGN_OR_RETURN(
        auto s, read_section((*sections)[i], "sections[" + std::to_string(i) + "]", limits.max_text_bytes));
    if (!seen.insert(s.category).second) return invalid("category \"" + s.category + "\" twice");
    d.sections.push_back(std::move(s));
  }
  BB_ASSIGN_OR_RETURN(const json* left_out, array_at(root, "left_out", top));
  for (size_t i = 0; i < left_out->size(); ++i) {
    const auto& l = (*left_out)[i];
    const std::string lw = "left_out[" + std::to_string(i) + "]";
    if (!l.is_object()) return invalid(lw + " is not an object");
    HandoverLeftOut lo;
    BB_ASSIGN_OR_RETURN(lo.category, text_at(l, "category", lw, kShort));
    if (!known_category(lo.category)) return invalid(lw + ": unknown category");
    BB_ASSIGN_OR_RETURN(lo.title, text_at(l, "title", lw, kShort));
    BB_ASSIGN_OR_RETURN(lo.reason, text_at(l, "reason", lw, kShort * 4));
    d.left_out.push_back(std::move(lo));
  }
  BB_ASSIGN_OR_RETURN(d.report, text_at(root, "report", top, limits.max_bytes));
  return d;
}

void append_items(std::string& out, const HandoverRecord& r) {
  if (!r.title.empty()) out += "  " + r.title + "\n";
  for (const auto& i : r.items) out += "    " + i.label + ": " + i.value + "\n";
}

}  // namespace

std::string format_handover_document(const HandoverDocument& d) {
  // ordered_json keeps the documented key order for readers with plain tools.
  using J = nlohmann::ordered_json;
  J sections = J::array();
  for (const auto& s : d.sections) {
    J parts = J::array();
    for (const auto& p : s.parts) {
      J records = J::array();
      for (const auto& r : p.records) {
        J items = J::array();
        for (const auto& i : r.items) items.push_back(J{{"label", i.label}, {"value", i.value}});
        records.push_back(J{{"title", r.title}, {"items", std::move(items)}});
      }
      parts.push_back(J{{"title", p.title}, {"records", std::move(records)}});
    }
    sections.push_back(J{{"category", s.category}, {"title", s.title}, {"parts", std::move(parts)}});
  }
  J left_out = J::array();
  for (const auto& l : d.left_out)
    left_out.push_back(J{{"category", l.category}, {"title", l.title}, {"reason", l.reason}});
  J root;
  root["format"] = d.format;
  root["version"] = d.version;
  root["id"] = d.id;
  root["created"] = d.created;
  root["app_version"] = d.app_version;
  root["sender"] = d.sender;
  root["recipient"] = J{{"kind", d.recipient_kind}, {"name", d.recipient_name}};
  root["purpose"] = d.purpose;
  root["basis"] = d.basis;
  root["family"] = J{{"name", d.family_name}};
  root["sections"] = std::move(sections);
  root["left_out"] = std::move(left_out);
  root["report"] = d.report;
  return root.dump(1, '\t', false, json::error_handler_t::replace) + "\n";
}

std::string handover_report_text(const HandoverDocument& d) {
  std::string out = "Übergabe an die Kinder- und Jugendhilfe\n";
  out += "Familie: " + (d.family_name.empty() ? std::string("(Stammdaten nicht übergeben)") : d.family_name) +
         "\n";
  out += "An: " + d.recipient_name + "\n";
  out += "Von: " + d.sender + "\n";
  out += "Erstellt: " + d.created + " (UTC)\n";
  out += "Kennung: " + d.id + "\n";
  for (const auto& s : d.sections) {
    out += "\n== " + s.title + " ==\n";
    for (const auto& p : s.parts) {
      out += "\n" + p.title + "\n";
      for (const auto& r : p.records) append_items(out, r);
    }
  }
  if (!d.left_out.empty()) {
    out += "\n== Nicht übergeben ==\n";
    for (const auto& l : d.left_out) out += "  " + l.title + ": " + l.reason + "\n";
  }
  return out;
}

Result<HandoverDocument> parse_handover_document(std::string_view text, const HandoverLimits& limits) {
  if (text.size() > limits.max_bytes)
    return too_big("larger than " + std::to_string(limits.max_bytes) + " bytes");
  if (!valid_utf8(text)) return make_error(Str::handover_err_encoding, "handover: invalid UTF-8");
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") return invalid("byte-order mark");
  StrictShape shape(limits);
  const bool ok =
      json::sax_parse(text.begin(), text.end(), &shape, json::input_format_t::json, /*strict=*/true);
  if (shape.error) return *shape.error;
  if (!ok) return invalid("invalid JSON");
  const json root = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return invalid("invalid JSON");
  return read_document(root, limits);
}

}  // namespace bb::exchange
