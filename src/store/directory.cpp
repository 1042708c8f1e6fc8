// The network directory in the store (directory.h): rows <-> core values,
// the import (one function computes the diff and, when asked, applies it in
// the same pass), export, own entries and edits, the offer search.
//
// Index of this file:
// [SECTION] Rows (columns, reading, writing)
// [SECTION] Search index
// [SECTION] Import
// [SECTION] Export
// [SECTION] Reading partners, offers, Fachkräfte
// [SECTION] Own entries and edits
// [SECTION] Offer search
#include "store/directory.h"

#include <sodium.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/search_normalize.h"
#include "crypto/fingerprint.h"
#include "store/cases_internal.h"
#include "store/sql.h"

namespace bb::store {

using namespace bb::directory;
using detail::prepare;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Rows
//-----------------------------------------------------------------------------

std::string join_lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "\n") + s;
  return out;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string digest(const std::string& canonical_text) {
  unsigned char h[16];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(canonical_text.data()),
                     canonical_text.size(), nullptr, 0);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

void bind_opt(Statement& s, int index, const std::string& v) {
  if (v.empty())
    s.bind_null(index);
  else
    s.bind(index, std::string_view(v));
}

// The editable columns of each table, bound from parameter ?10 on.
constexpr const char* kPartnerFields[] = {"name",
                                          "category",
                                          "type",
                                          "street",
                                          "postcode",
                                          "town",
                                          "district",
                                          "opening_hours",
                                          "languages",
                                          "contact_person",
                                          "contact_function",
                                          "phone",
                                          "fax",
                                          "email",
                                          "website",
                                          "cooperation_signed",
                                          "cooperation_signed_on",
                                          "age_key",
                                          "search_text"};
constexpr const char* kOfferFields[] = {"partner_id",      "title",         "description", "pregnancy",
                                        "age_from_months", "age_to_months", "cost",        "cost_note",
                                        "access_note",     "languages",     "schedule",    "street",
                                        "postcode",        "town",          "district"};
constexpr const char* kFachkraftFields[] = {"name",  "organisation", "street", "postcode",
                                            "town",  "district",     "phone",  "fax",
                                            "email", "languages",    "note",   "search_text"};

template <size_t N>
std::string insert_sql(const char* table, const char* const (&fields)[N]) {
  std::string cols, vals;
  for (size_t i = 0; i < N; ++i) {
    cols += std::string(", ") + fields[i];
    vals += ", ?" + std::to_string(10 + i);
  }
  return std::string("INSERT INTO ") + table + "(origin, directory_id, base_digest, created_at, updated_at" +
         cols + ") VALUES (?1, ?2, ?3, ?4, ?4" + vals + ")";
}

template <size_t N>
std::string update_sql(const char* table, const char* const (&fields)[N]) {
  std::string sets;
  for (size_t i = 0; i < N; ++i) sets += std::string(", ") + fields[i] + " = ?" + std::to_string(10 + i);
  return std::string("UPDATE ") + table + " SET updated_at = ?4" + sets + " WHERE id = ?5";
}

std::string type_labels(const std::string& type) {
  const auto* t = partner_type(type);
  if (!t) return type;
  return std::string(tr(t->label, Lang::de)) + " " + tr(t->label, Lang::en);
}

std::string partner_search_text(const Partner& p) {
  return search::fold_for_search(p.name + " " + type_labels(p.type) + " " + p.address.street + " " +
                                 p.address.postcode + " " + p.address.town + " " + p.address.district + " " +
                                 p.contact_person + " " + join_lines(p.languages));
}

std::string fachkraft_search_text(const Fachkraft& f) {
  return search::fold_for_search(f.name + " " + f.organisation + " " + f.address.street + " " +
                                 f.address.postcode + " " + f.address.town + " " + f.address.district + " " +
                                 f.note + " " + join_lines(f.languages));
}

void bind_partner(Statement& s, const Partner& p) {
  int i = 10;
  s.bind(i++, std::string_view(p.name));
  s.bind(i++, std::string_view(code(p.category())));
  s.bind(i++, std::string_view(p.type));
  s.bind(i++, std::string_view(p.address.street));
  s.bind(i++, std::string_view(p.address.postcode));
  s.bind(i++, std::string_view(p.address.town));
  s.bind(i++, std::string_view(p.address.district));
  s.bind(i++, std::string_view(p.opening_hours));
  s.bind(i++, join_lines(p.languages));
  s.bind(i++, std::string_view(p.contact_person));
  s.bind(i++, std::string_view(p.contact_function));
  s.bind(i++, std::string_view(p.phone));
  s.bind(i++, std::string_view(p.fax));
  s.bind(i++, std::string_view(p.email));
  s.bind(i++, std::string_view(p.website));
  s.bind(i++, int64_t{p.cooperation_signed ? 1 : 0});
  bind_opt(s, i++, p.cooperation_signed_on);
  bind_opt(s, i++, p.age_key);
  s.bind(i++, partner_search_text(p));
}

void bind_offer(Statement& s, int64_t partner_id, const Offer& o) {
  int i = 10;
  s.bind(i++, partner_id);
  s.bind(i++, std::string_view(o.title));
  s.bind(i++, std::string_view(o.description));
  s.bind(i++, int64_t{o.pregnancy ? 1 : 0});
  if (o.age_from_months)
    s.bind(i++, int64_t{*o.age_from_months});
  else
    s.bind_null(i++);
  if (o.age_to_months)
    s.bind(i++, int64_t{*o.age_to_months});
  else
    s.bind_null(i++);
  s.bind(i++, std::string_view(o.cost));
  s.bind(i++, std::string_view(o.cost_note));
  s.bind(i++, std::string_view(o.access_note));
  s.bind(i++, join_lines(o.languages));
  s.bind(i++, std::string_view(o.schedule));
  s.bind(i++, std::string_view(o.location.street));
  s.bind(i++, std::string_view(o.location.postcode));
  s.bind(i++, std::string_view(o.location.town));
  s.bind(i++, std::string_view(o.location.district));
}

void bind_fachkraft(Statement& s, const Fachkraft& f) {
  int i = 10;
  s.bind(i++, std::string_view(f.name));
  s.bind(i++, std::string_view(f.organisation));
  s.bind(i++, std::string_view(f.address.street));
  s.bind(i++, std::string_view(f.address.postcode));
  s.bind(i++, std::string_view(f.address.town));
  s.bind(i++, std::string_view(f.address.district));
  s.bind(i++, std::string_view(f.phone));
  s.bind(i++, std::string_view(f.fax));
  s.bind(i++, std::string_view(f.email));
  s.bind(i++, join_lines(f.languages));
  s.bind(i++, std::string_view(f.note));
  s.bind(i++, fachkraft_search_text(f));
}

// The stored state of an entry besides its fields.
struct RowState {
  int64_t id = 0;
  Origin origin = Origin::directory;
  std::string directory_id, base_digest, local_note;
  bool edited = false, removed = false;
};

constexpr const char* kPartnerSelect =
    "SELECT id, origin, coalesce(directory_id, ''), coalesce(base_digest, ''), local_note, "
    "locally_edited_at IS NOT NULL, removed_at IS NOT NULL, name, type, street, postcode, town, district, "
    "opening_hours, languages, contact_person, contact_function, phone, fax, email, website, "
    "cooperation_signed, "
    "coalesce(cooperation_signed_on, ''), coalesce(age_key, '') FROM partners ";

constexpr const char* kOfferSelect =
    "SELECT id, origin, coalesce(directory_id, ''), coalesce(base_digest, ''), '', "
    "locally_edited_at IS NOT NULL, removed_at IS NOT NULL, partner_id, title, description, pregnancy, "
    "age_from_months, age_to_months, cost, cost_note, access_note, languages, schedule, street, postcode, "
    "town, "
    "district, (SELECT group_concat(kind || ':' || code, '\n') FROM (SELECT kind, code FROM offer_codes c "
    "WHERE c.offer_id = offers.id ORDER BY kind, position)) FROM offers ";

constexpr const char* kFachkraftSelect =
    "SELECT id, origin, coalesce(directory_id, ''), coalesce(base_digest, ''), local_note, "
    "locally_edited_at IS NOT NULL, removed_at IS NOT NULL, name, organisation, street, postcode, town, "
    "district, "
    "phone, fax, email, languages, note FROM fachkraefte ";

RowState read_state(const Statement& s) {
  RowState r;
  r.id = s.column_int(0);
  r.origin = s.column_text(1) == "local" ? Origin::local : Origin::directory;
  r.directory_id = s.column_text(2);
  r.base_digest = s.column_text(3);
  r.local_note = s.column_text(4);
  r.edited = s.column_int(5) != 0;
  r.removed = s.column_int(6) != 0;
  return r;
}

Partner read_partner_fields(const Statement& s) {
  Partner p;
  int c = 7;
  p.name = s.column_text(c++);
  p.type = s.column_text(c++);
  p.address.street = s.column_text(c++);
  p.address.postcode = s.column_text(c++);
  p.address.town = s.column_text(c++);
  p.address.district = s.column_text(c++);
  p.opening_hours = s.column_text(c++);
  p.languages = split_lines(s.column_text(c++));
  p.contact_person = s.column_text(c++);
  p.contact_function = s.column_text(c++);
  p.phone = s.column_text(c++);
  p.fax = s.column_text(c++);
  p.email = s.column_text(c++);
  p.website = s.column_text(c++);
  p.cooperation_signed = s.column_int(c++) != 0;
  p.cooperation_signed_on = s.column_text(c++);
  p.age_key = s.column_text(c++);
  p.id = s.column_text(2);
  return p;
}

Offer read_offer_fields(const Statement& s, int64_t& partner_id) {
  Offer o;
  int c = 7;
  partner_id = s.column_int(c++);
  o.title = s.column_text(c++);
  o.description = s.column_text(c++);
  o.pregnancy = s.column_int(c++) != 0;
  if (!s.column_is_null(c)) o.age_from_months = static_cast<int>(s.column_int(c));
  ++c;
  if (!s.column_is_null(c)) o.age_to_months = static_cast<int>(s.column_int(c));
  ++c;
  o.cost = s.column_text(c++);
  o.cost_note = s.column_text(c++);
  o.access_note = s.column_text(c++);
  o.languages = split_lines(s.column_text(c++));
  o.schedule = s.column_text(c++);
  o.location.street = s.column_text(c++);
  o.location.postcode = s.column_text(c++);
  o.location.town = s.column_text(c++);
  o.location.district = s.column_text(c++);
  for (const auto& kc : split_lines(s.column_text(c++))) {
    const auto colon = kc.find(':');
    if (colon == std::string::npos) continue;
    const std::string kind = kc.substr(0, colon), value = kc.substr(colon + 1);
    if (kind == "access")
      o.access.push_back(value);
    else if (kind == "target_group")
      o.target_groups.push_back(value);
    else if (kind == "topic")
      o.topics.push_back(value);
  }
  o.id = s.column_text(2);
  return o;
}

Fachkraft read_fachkraft_fields(const Statement& s) {
  Fachkraft f;
  int c = 7;
  f.name = s.column_text(c++);
  f.organisation = s.column_text(c++);
  f.address.street = s.column_text(c++);
  f.address.postcode = s.column_text(c++);
  f.address.town = s.column_text(c++);
  f.address.district = s.column_text(c++);
  f.phone = s.column_text(c++);
  f.fax = s.column_text(c++);
  f.email = s.column_text(c++);
  f.languages = split_lines(s.column_text(c++));
  f.note = s.column_text(c++);
  f.id = s.column_text(2);
  return f;
}

// Prepared statements for writing one kind of entry (reused across an import).
struct TableWriter {
  Statement insert, update, base, note, removed;
  static Result<TableWriter> make(sqlite3* db, const char* table, const std::string& insert_text,
                                  const std::string& update_text) {
    TableWriter w;
    auto i = prepare(db, insert_text.c_str());
    if (!i.ok()) return i.error();
    w.insert = std::move(*i);
    auto u = prepare(db, update_text.c_str());
    if (!u.ok()) return u.error();
    w.update = std::move(*u);
    // ?1 id, ?2 base digest ("" = NULL), ?3 edited_at ("" = NULL), ?4 1 = no longer removed (an import
    // that brings the entry back): after an import or a local edit.
    auto b = prepare(db, (std::string("UPDATE ") + table +
                          " SET base_digest = nullif(?2, ''), locally_edited_at = nullif(?3, ''), "
                          "removed_at = CASE WHEN ?4 = 1 THEN NULL ELSE removed_at END WHERE id = ?1")
                             .c_str());
    if (!b.ok()) return b.error();
    w.base = std::move(*b);
    auto n = prepare(db, (std::string("UPDATE ") + table + " SET local_note = ?2 WHERE id = ?1").c_str());
    if (!n.ok()) {
      // offers have no private note; a statement that never runs is harmless
      auto dummy = prepare(db, "SELECT 1");
      if (!dummy.ok()) return dummy.error();
      w.note = std::move(*dummy);
    } else {
      w.note = std::move(*n);
    }
    auto r = prepare(
        db, (std::string("UPDATE ") + table + " SET removed_at = ?2, updated_at = ?2 WHERE id = ?1").c_str());
    if (!r.ok()) return r.error();
    w.removed = std::move(*r);
    return w;
  }
};

Result<TableWriter> partner_writer(sqlite3* db) {
  return TableWriter::make(db, "partners", insert_sql("partners", kPartnerFields),
                           update_sql("partners", kPartnerFields));
}
Result<TableWriter> offer_writer(sqlite3* db) {
  return TableWriter::make(db, "offers", insert_sql("offers", kOfferFields),
                           update_sql("offers", kOfferFields));
}
Result<TableWriter> fachkraft_writer(sqlite3* db) {
  return TableWriter::make(db, "fachkraefte", insert_sql("fachkraefte", kFachkraftFields),
                           update_sql("fachkraefte", kFachkraftFields));
}

// Inserts (id 0) or updates the fields of an entry; returns its row id.
template <class Bind>
Result<int64_t> write_fields(sqlite3* db, TableWriter& w, int64_t id, Origin origin,
                             const std::string& directory_id, const std::string& base, const std::string& now,
                             Bind bind) {
  Statement& s = id == 0 ? w.insert : w.update;
  s.reset();
  s.bind(1, std::string_view(origin == Origin::local ? "local" : "directory"));
  bind_opt(s, 2, directory_id);
  bind_opt(s, 3, base);
  s.bind(4, std::string_view(now));
  s.bind(5, id);
  bind(s);
  BB_TRY(s.run());
  return id == 0 ? sqlite3_last_insert_rowid(db) : id;
}

// Writes an offer's codes (target groups, topics, access); the statements are
// prepared once per import.
struct CodeWriter {
  Statement del, ins;
  static Result<CodeWriter> make(sqlite3* db) {
    CodeWriter w;
    auto del = prepare(db, "DELETE FROM offer_codes WHERE offer_id = ?1");
    if (!del.ok()) return del.error();
    w.del = std::move(*del);
    auto ins = prepare(
        db, "INSERT OR IGNORE INTO offer_codes(offer_id, kind, code, position) VALUES (?1, ?2, ?3, ?4)");
    if (!ins.ok()) return ins.error();
    w.ins = std::move(*ins);
    return w;
  }
  Status write(int64_t offer_id, const Offer& o) {
    del.reset();
    BB_TRY(del.bind(1, offer_id).run());
    auto put = [&](const char* kind, const std::vector<std::string>& codes) -> Status {
      for (size_t i = 0; i < codes.size(); ++i) {
        ins.reset();
        BB_TRY(ins.bind(1, offer_id)
                   .bind(2, std::string_view(kind))
                   .bind(3, codes[i])
                   .bind(4, int64_t(i))
                   .run());
      }
      return {};
    };
    BB_TRY(put("target_group", o.target_groups));
    BB_TRY(put("topic", o.topics));
    return put("access", o.access);
  }
};

Status write_offer_codes(sqlite3* db, int64_t offer_id, const Offer& o) {
  auto w = CodeWriter::make(db);
  if (!w.ok()) return w.error();
  return w->write(offer_id, o);
}

//-----------------------------------------------------------------------------
// [SECTION] Search index
//-----------------------------------------------------------------------------

// Rewrites the offer_search entry of each offer (deleted if the offer or its
// partner is removed). Text: title, description, partner name and type
// (German and English labels), languages, target groups, topics (catalogue
// labels), access; place: the offer's location and its partner's address.
Status refresh_offer_search(sqlite3* db, const std::vector<int64_t>& offer_ids) {
  if (offer_ids.empty()) return {};
  std::map<std::string, std::string> topic_labels;
  {
    auto s = prepare(db, "SELECT code, label FROM catalog WHERE kind = 'topic'");
    if (!s.ok()) return s.error();
    for (;;) {
      auto row = s->step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      topic_labels[s->column_text(0)] = s->column_text(1);
    }
  }
  auto del = prepare(db, "DELETE FROM offer_search WHERE rowid = ?1");
  if (!del.ok()) return del.error();
  auto derived = prepare(db, "UPDATE offers SET visible = ?2, sort_key = ?3 WHERE id = ?1");
  if (!derived.ok()) return derived.error();
  auto ins = prepare(db, "INSERT INTO offer_search(rowid, text, place) VALUES (?1, ?2, ?3)");
  if (!ins.ok()) return ins.error();
  auto sel = prepare(db, (std::string(kOfferSelect) + "WHERE id = ?1").c_str());
  if (!sel.ok()) return sel.error();
  auto par =
      prepare(db,
              "SELECT name, type, street, postcode, town, district, removed_at IS NOT NULL FROM partners "
              "WHERE id = ?1");
  if (!par.ok()) return par.error();
  for (int64_t id : offer_ids) {
    del->reset();
    BB_TRY(del->bind(1, id).run());
    sel->reset();
    sel->bind(1, id);
    auto row = sel->step();
    if (!row.ok()) return row.error();
    if (!*row) continue;
    const bool offer_removed = sel->column_int(6) != 0;
    int64_t partner_id = 0;
    const Offer o = read_offer_fields(*sel, partner_id);
    par->reset();
    par->bind(1, partner_id);
    auto prow = par->step();
    if (!prow.ok()) return prow.error();
    if (!*prow) continue;
    const bool visible = !offer_removed && par->column_int(6) == 0;
    derived->reset();
    BB_TRY(
        derived->bind(1, id)
            .bind(2, int64_t{visible ? 1 : 0})
            .bind(3, search::fold_for_search(par->column_text(0)) + "\x1f" + search::fold_for_search(o.title))
            .run());
    if (!visible) continue;
    std::string text = o.title + " " + o.description + " " + par->column_text(0) + " " +
                       type_labels(par->column_text(1)) + " " + join_lines(o.languages) + " " + o.schedule;
    for (const auto& g : o.target_groups)
      if (const auto* c = find_code(target_groups(), g)) text += std::string(" ") + tr(c->label, Lang::de);
    for (const auto& t : o.topics) {
      auto it = topic_labels.find(t);
      text += " " + (it == topic_labels.end() ? t : it->second);
    }
    for (const auto& a : o.access)
      if (const auto* c = find_code(access_ways(), a)) text += std::string(" ") + tr(c->label, Lang::de);
    const std::string place = o.location.street + " " + o.location.postcode + " " + o.location.town + " " +
                              o.location.district + " " + par->column_text(2) + " " + par->column_text(3) +
                              " " + par->column_text(4) + " " + par->column_text(5);
    ins->reset();
    BB_TRY(ins->bind(1, id)
               .bind(2, search::fold_for_search(text))
               .bind(3, search::fold_for_search(place))
               .run());
  }
  return {};
}

Result<std::vector<int64_t>> offers_of_partner(sqlite3* db, int64_t partner_id) {
  auto s = prepare(db, "SELECT id FROM offers WHERE partner_id = ?1");
  if (!s.ok()) return s.error();
  s->bind(1, partner_id);
  std::vector<int64_t> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out.push_back(s->column_int(0));
  }
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Import
//-----------------------------------------------------------------------------

template <class T>
struct Stored {
  RowState state;
  T value;
  int64_t partner_id = 0;  // offers
  bool seen = false;
};

// "Telefon „0123 4567“; E-Mail „…“" — the local values of the conflicting fields.
template <class T>
std::string kept_values(const T& local, const std::vector<std::string>& fields) {
  // The canonical texts are "key\x1flen:value\x1d"; take the values of `fields`.
  const std::string text = canonical(local);
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t sep = text.find('\x1f', pos);
    const size_t colon = text.find(':', sep);
    if (sep == std::string::npos || colon == std::string::npos) break;
    const std::string key = text.substr(pos, sep - pos);
    const size_t len = std::stoul(text.substr(sep + 1, colon - sep - 1));
    std::string value = text.substr(colon + 1, len);
    pos = colon + 1 + len + 1;
    if (std::find(fields.begin(), fields.end(), key) == fields.end()) continue;
    for (auto& ch : value)
      if (ch == '\x1e') ch = ',';
    if (!value.empty() && value.back() == ',') value.pop_back();
    out += (out.empty() ? "" : "; ") + key + ": " + (value.empty() ? "–" : value);
  }
  return out;
}

template <class T>
Result<std::map<std::string, Stored<T>>> load_directory_rows(sqlite3* db, const char* select) {
  std::map<std::string, Stored<T>> out;
  auto s = prepare(db, (std::string(select) + "WHERE origin = 'directory'").c_str());
  if (!s.ok()) return s.error();
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    Stored<T> st;
    st.state = read_state(*s);
    if constexpr (std::is_same_v<T, Partner>)
      st.value = read_partner_fields(*s);
    else if constexpr (std::is_same_v<T, Offer>)
      st.value = read_offer_fields(*s, st.partner_id);
    else
      st.value = read_fachkraft_fields(*s);
    out.emplace(st.state.directory_id, std::move(st));
  }
  return out;
}

// What happens to one file entry against its stored version.
struct Decision {
  enum { none, insert, update, revive, keep_local, accept_equal, conflict } action = none;
  std::vector<std::string> fields;
  std::string note;
};

template <class T>
Decision decide(const Stored<T>* stored, const T& file, const std::string& stand) {
  Decision d;
  if (!stored) {
    d.action = Decision::insert;
    return d;
  }
  const auto& st = stored->state;
  if (!st.edited) {
    if (st.removed) {
      d.action = Decision::revive;
      return d;
    }
    d.fields = changed_fields(stored->value, file);
    d.action = d.fields.empty() ? Decision::none : Decision::update;
    return d;
  }
  // Edited on this device: the file decides only if it changed since the base.
  if (digest(canonical(file)) == st.base_digest) {
    d.action = Decision::keep_local;
    return d;
  }
  d.fields = changed_fields(stored->value, file);
  if (d.fields.empty() && !st.removed) {
    d.action = Decision::accept_equal;
    return d;
  }
  d.action = Decision::conflict;
  if (st.removed) d.fields.push_back("removed");
  d.note = format_text(Str::dir_conflict_note, cases::german_date(stand)) + " " +
           kept_values(stored->value, d.fields);
  return d;
}

void record(DirectoryDiff& diff, EntryKind kind, const Decision& d, const std::string& id,
            const std::string& name, const std::string& partner_name) {
  DirectoryChange c;
  c.kind = kind;
  c.directory_id = id;
  c.name = name;
  c.partner_name = partner_name;
  c.fields = d.fields;
  switch (d.action) {
    case Decision::insert:
    case Decision::revive:
      c.change = ChangeKind::added;
      break;
    case Decision::update:
      c.change = ChangeKind::changed;
      break;
    case Decision::conflict:
      c.change = ChangeKind::conflict;
      c.kept_note = d.note;
      break;
    default:
      ++diff.unchanged;
      return;
  }
  diff.changes.push_back(std::move(c));
}

std::string append_note(const std::string& note, const std::string& line) {
  return note.empty() ? line : note + "\n" + line;
}

// Applies one decision (apply mode). Returns the row id.
template <class T, class Bind>
Result<int64_t> apply_decision(sqlite3* db, TableWriter& w, const Decision& d, Stored<T>* stored,
                               const T& file, const std::string& now, Bind bind) {
  const std::string base = digest(canonical(file));
  int64_t id = stored ? stored->state.id : 0;
  switch (d.action) {
    case Decision::none:
    case Decision::keep_local:
      return id;
    case Decision::accept_equal:
      break;  // only the base and the flag change
    default: {
      auto written = write_fields(db, w, id, Origin::directory, file.id, base, now, bind);
      if (!written.ok()) return written.error();
      id = *written;
    }
  }
  if (d.action == Decision::insert) return id;  // inserted with its base; nothing edited or removed yet
  w.base.reset();
  BB_TRY(w.base.bind(1, id)
             .bind(2, std::string_view(base))
             .bind(3, std::string_view(""))
             .bind(4, int64_t{1})
             .run());
  if (d.action == Decision::conflict && stored) {
    w.note.reset();
    BB_TRY(w.note.bind(1, id).bind(2, append_note(stored->state.local_note, d.note)).run());
  }
  return id;
}

Result<DirectoryDiff> run_import(sqlite3* db, const Directory& dir, bool apply) {
  const std::string now = cases::now_timestamp();
  DirectoryDiff diff;
  diff.stand_after = dir.stand;
  auto before = query_text(db, "SELECT stand FROM directory_info WHERE id = 1");
  if (!before.ok()) return before.error();
  diff.stand_before = before->value_or("");
  diff.older = !diff.stand_before.empty() && dir.stand < diff.stand_before;

  auto partners = load_directory_rows<Partner>(db, kPartnerSelect);
  if (!partners.ok()) return partners.error();
  auto offers = load_directory_rows<Offer>(db, kOfferSelect);
  if (!offers.ok()) return offers.error();
  auto fachkraefte = load_directory_rows<Fachkraft>(db, kFachkraftSelect);
  if (!fachkraefte.ok()) return fachkraefte.error();
  std::map<int64_t, std::string> partner_names;  // row id -> name, for removed offers
  for (const auto& [id, st] : *partners) partner_names[st.state.id] = st.value.name;

  std::optional<TableWriter> pw, ow, fw;
  std::optional<CodeWriter> cw;
  if (apply) {
    auto codes = CodeWriter::make(db);
    if (!codes.ok()) return codes.error();
    cw = std::move(*codes);
    auto a = partner_writer(db);
    if (!a.ok()) return a.error();
    pw = std::move(*a);
    auto b = offer_writer(db);
    if (!b.ok()) return b.error();
    ow = std::move(*b);
    auto c = fachkraft_writer(db);
    if (!c.ok()) return c.error();
    fw = std::move(*c);
  }
  std::set<int64_t> reindex;  // offers whose search entry must be rewritten

  // Partners.
  std::map<std::string, int64_t> partner_rows;  // directory id -> row id (after apply)
  std::vector<DirectoryChange> removed_changes;
  for (const auto& p : dir.partners) {
    auto it = partners->find(p.id);
    Stored<Partner>* stored = it == partners->end() ? nullptr : &it->second;
    if (stored) stored->seen = true;
    const Decision d = decide(stored, p, dir.stand);
    record(diff, EntryKind::partner, d, p.id, p.name, {});
    if (apply) {
      auto id = apply_decision(db, *pw, d, stored, p, now, [&](Statement& s) { bind_partner(s, p); });
      if (!id.ok()) return id.error();
      partner_rows[p.id] = *id;
      if (d.action != Decision::none && d.action != Decision::keep_local && stored) {
        auto ids = offers_of_partner(db, *id);  // name, type or address may feed their search entries
        if (!ids.ok()) return ids.error();
        reindex.insert(ids->begin(), ids->end());
      }
    }
  }
  for (auto& [id, st] : *partners) {
    if (st.seen || st.state.removed) continue;
    DirectoryChange c{EntryKind::partner, ChangeKind::removed, id, st.value.name, {}, {}, {}};
    removed_changes.push_back(std::move(c));
    if (apply) {
      pw->removed.reset();
      BB_TRY(pw->removed.bind(1, st.state.id).bind(2, std::string_view(now)).run());
      auto ids = offers_of_partner(db, st.state.id);
      if (!ids.ok()) return ids.error();
      reindex.insert(ids->begin(), ids->end());
    }
  }

  // Offers (after partners, so that new partners have their row ids).
  for (const auto& p : dir.partners) {
    for (const auto& o : p.offers) {
      auto it = offers->find(o.id);
      Stored<Offer>* stored = it == offers->end() ? nullptr : &it->second;
      if (stored) stored->seen = true;
      Decision d = decide(stored, o, dir.stand);
      // Moved to another partner: a change of its own (the file decides where an offer belongs).
      const int64_t partner_row = apply ? partner_rows[p.id] : 0;
      bool moved = false;
      if (stored && !stored->state.removed) {
        auto pit = partners->find(p.id);
        moved = pit == partners->end() || pit->second.state.id != stored->partner_id;
      }
      if (moved) {
        if (d.action == Decision::keep_local || d.action == Decision::accept_equal) {
          // Edited here, and the file moved it: a conflict like any other change of the file.
          d.fields = changed_fields(stored->value, o);
          d.action = Decision::conflict;
          d.note = format_text(Str::dir_conflict_note, cases::german_date(dir.stand)) + " " +
                   kept_values(stored->value, d.fields);
        } else if (d.action == Decision::none) {
          d.action = Decision::update;
        }
        d.fields.insert(d.fields.begin(), "partner");
      }
      // Offers have no private note of their own: a conflict's note goes to their partner's.
      if (d.action == Decision::conflict) d.note = "„" + o.title + "“ – " + d.note;
      record(diff, EntryKind::offer, d, o.id, o.title, p.name);
      if (apply) {
        auto id =
            apply_decision(db, *ow, d, stored, o, now, [&](Statement& s) { bind_offer(s, partner_row, o); });
        if (!id.ok()) return id.error();
        if (d.action != Decision::none && d.action != Decision::keep_local) {
          BB_TRY(cw->write(*id, o));
          reindex.insert(*id);
        }
        if (d.action == Decision::conflict) {
          auto n =
              prepare(db,
                      "UPDATE partners SET local_note = CASE WHEN local_note = '' THEN ?2 ELSE local_note || "
                      "char(10) || ?2 END WHERE id = ?1");
          if (!n.ok()) return n.error();
          BB_TRY(n->bind(1, partner_row).bind(2, d.note).run());
        }
      }
    }
  }
  for (auto& [id, st] : *offers) {
    if (st.seen || st.state.removed) continue;
    removed_changes.push_back(
        {EntryKind::offer, ChangeKind::removed, id, st.value.title, partner_names[st.partner_id], {}, {}});
    if (apply) {
      ow->removed.reset();
      BB_TRY(ow->removed.bind(1, st.state.id).bind(2, std::string_view(now)).run());
      reindex.insert(st.state.id);
    }
  }

  // Fachkräfte.
  for (const auto& f : dir.fachkraefte) {
    auto it = fachkraefte->find(f.id);
    Stored<Fachkraft>* stored = it == fachkraefte->end() ? nullptr : &it->second;
    if (stored) stored->seen = true;
    const Decision d = decide(stored, f, dir.stand);
    record(diff, EntryKind::fachkraft, d, f.id, f.name, {});
    if (apply) {
      auto id = apply_decision(db, *fw, d, stored, f, now, [&](Statement& s) { bind_fachkraft(s, f); });
      if (!id.ok()) return id.error();
    }
  }
  for (auto& [id, st] : *fachkraefte) {
    if (st.seen || st.state.removed) continue;
    removed_changes.push_back({EntryKind::fachkraft, ChangeKind::removed, id, st.value.name, {}, {}, {}});
    if (apply) {
      fw->removed.reset();
      BB_TRY(fw->removed.bind(1, st.state.id).bind(2, std::string_view(now)).run());
    }
  }
  // Removals after the file's entries, grouped by kind like the rest.
  for (auto& c : removed_changes) diff.changes.push_back(std::move(c));
  std::stable_sort(diff.changes.begin(), diff.changes.end(),
                   [](const DirectoryChange& a, const DirectoryChange& b) { return a.kind < b.kind; });

  if (apply) {
    BB_TRY(refresh_offer_search(db, std::vector<int64_t>(reindex.begin(), reindex.end())));
    auto s = prepare(
        db,
        "INSERT INTO directory_info(id, format_version, stand, network, publisher, publisher_phone, "
        "publisher_email, imported_at) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE "
        "SET format_version = ?1, stand = ?2, network = ?3, publisher = ?4, publisher_phone = ?5, "
        "publisher_email = ?6, imported_at = ?7");
    if (!s.ok()) return s.error();
    s->bind(1, int64_t{dir.version}).bind(2, dir.stand).bind(3, dir.network).bind(4, dir.publisher);
    s->bind(5, dir.publisher_phone).bind(6, dir.publisher_email).bind(7, now);
    BB_TRY(s->run());
  }
  return diff;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Directory status and import (public)
//-----------------------------------------------------------------------------

Str label(EntryKind k) {
  switch (k) {
    case EntryKind::partner:
      return Str::dir_kind_partner;
    case EntryKind::offer:
      return Str::dir_kind_offer;
    case EntryKind::fachkraft:
      break;
  }
  return Str::dir_kind_fachkraft;
}

Str label(ChangeKind k) {
  switch (k) {
    case ChangeKind::added:
      return Str::dir_change_added;
    case ChangeKind::changed:
      return Str::dir_change_changed;
    case ChangeKind::removed:
      return Str::dir_change_removed;
    case ChangeKind::conflict:
      break;
  }
  return Str::dir_change_conflict;
}

int DirectoryDiff::count(EntryKind kind, ChangeKind change) const {
  return static_cast<int>(std::count_if(changes.begin(), changes.end(), [&](const DirectoryChange& c) {
    return c.kind == kind && c.change == change;
  }));
}

Result<DirectoryInfo> directory_info(const Store& store) {
  sqlite3* db = store.db();
  DirectoryInfo info;
  auto s = prepare(db,
                   "SELECT stand, network, publisher, publisher_phone, publisher_email, imported_at FROM "
                   "directory_info WHERE id = 1");
  if (!s.ok()) return s.error();
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (*row) {
    info.imported = true;
    info.stand = s->column_text(0);
    info.network = s->column_text(1);
    info.publisher = s->column_text(2);
    info.publisher_phone = s->column_text(3);
    info.publisher_email = s->column_text(4);
    info.imported_at = s->column_text(5);
  }
  auto c = prepare(
      db,
      "SELECT (SELECT count(*) FROM partners WHERE removed_at IS NULL), "
      "(SELECT count(*) FROM offers o JOIN partners p ON p.id = o.partner_id WHERE o.removed_at IS NULL "
      "AND p.removed_at IS NULL), (SELECT count(*) FROM fachkraefte WHERE removed_at IS NULL), "
      "(SELECT count(*) FROM partners WHERE removed_at IS NULL AND origin = 'local'), "
      "(SELECT count(*) FROM offers WHERE removed_at IS NULL AND origin = 'local')");
  if (!c.ok()) return c.error();
  auto crow = c->step();
  if (!crow.ok()) return crow.error();
  info.partners = static_cast<int>(c->column_int(0));
  info.offers = static_cast<int>(c->column_int(1));
  info.fachkraefte = static_cast<int>(c->column_int(2));
  info.local_partners = static_cast<int>(c->column_int(3));
  info.local_offers = static_cast<int>(c->column_int(4));
  return info;
}

Result<DirectoryDiff> diff_directory(const Store& store, const Directory& dir) {
  return run_import(store.db(), dir, false);
}

Result<DirectoryDiff> import_directory(Store& store, const Directory& dir, const ImportOptions& options) {
  DirectoryDiff result;
  BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
    auto before = query_text(db, "SELECT stand FROM directory_info WHERE id = 1");
    if (!before.ok()) return before.error();
    if (before->has_value() && dir.stand < **before && !options.allow_older) {
      return make_error(Str::dir_err_older_stand,
                        "directory stand " + dir.stand + " is before the imported " + **before,
                        cases::german_date(dir.stand));
    }
    auto applied = run_import(db, dir, true);
    if (!applied.ok()) return applied.error();
    result = std::move(*applied);
    return {};
  }));
  return result;
}

//-----------------------------------------------------------------------------
// [SECTION] Export
//-----------------------------------------------------------------------------

Result<Directory> export_directory(const Store& store, const ExportOptions& options) {
  sqlite3* db = store.db();
  auto info = directory_info(store);
  if (!info.ok()) return info.error();
  Directory d;
  d.stand = !options.stand.empty() ? options.stand : info->imported ? info->stand : cases::today();
  d.network = info->network;
  d.publisher = info->publisher;
  d.publisher_phone = info->publisher_phone;
  d.publisher_email = info->publisher_email;
  const std::string origin_filter = options.include_local ? "" : "AND origin = 'directory' ";
  std::map<int64_t, size_t> partner_index;
  {
    auto s = prepare(db, (std::string(kPartnerSelect) + "WHERE removed_at IS NULL " + origin_filter +
                          "ORDER BY origin, id")
                             .c_str());
    if (!s.ok()) return s.error();
    for (;;) {
      auto row = s->step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      const RowState st = read_state(*s);
      Partner p = read_partner_fields(*s);
      if (st.origin == Origin::local) p.id = "local-p" + std::to_string(st.id);
      partner_index[st.id] = d.partners.size();
      d.partners.push_back(std::move(p));
    }
  }
  {
    auto s = prepare(
        db, (std::string(kOfferSelect) + "WHERE removed_at IS NULL " + origin_filter + "ORDER BY origin, id")
                .c_str());
    if (!s.ok()) return s.error();
    for (;;) {
      auto row = s->step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      const RowState st = read_state(*s);
      int64_t partner_id = 0;
      Offer o = read_offer_fields(*s, partner_id);
      auto it = partner_index.find(partner_id);
      if (it == partner_index.end()) continue;  // its partner is removed or an own entry not exported
      if (st.origin == Origin::local) o.id = "local-o" + std::to_string(st.id);
      d.partners[it->second].offers.push_back(std::move(o));
    }
  }
  {
    auto s = prepare(db, (std::string(kFachkraftSelect) + "WHERE removed_at IS NULL " + origin_filter +
                          "ORDER BY origin, id")
                             .c_str());
    if (!s.ok()) return s.error();
    for (;;) {
      auto row = s->step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      const RowState st = read_state(*s);
      Fachkraft f = read_fachkraft_fields(*s);
      if (st.origin == Origin::local) f.id = "local-f" + std::to_string(st.id);
      d.fachkraefte.push_back(std::move(f));
    }
  }
  return d;
}

//-----------------------------------------------------------------------------
// [SECTION] Reading partners, offers, Fachkräfte
//-----------------------------------------------------------------------------

Result<std::string> age_key_fingerprint(const std::string& age_key) {
  auto fp = crypto::fingerprint(age_key);
  if (!fp.ok()) return make_error(Str::dir_err_age_key, "invalid age key: " + fp.error().detail);
  return *fp;
}

Result<OfferRecord> load_offer(const Store& store, int64_t offer_id) {
  auto s = prepare(store.db(), (std::string(kOfferSelect) + "WHERE id = ?1").c_str());
  if (!s.ok()) return s.error();
  s->bind(1, offer_id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return detail::not_found("offer", offer_id);
  const RowState st = read_state(*s);
  OfferRecord r;
  r.id = st.id;
  r.origin = st.origin;
  r.offer = read_offer_fields(*s, r.partner_id);
  r.locally_edited = st.edited;
  r.removed = st.removed;
  return r;
}

Result<PartnerRecord> load_partner(const Store& store, int64_t partner_id) {
  sqlite3* db = store.db();
  auto s = prepare(db, (std::string(kPartnerSelect) + "WHERE id = ?1").c_str());
  if (!s.ok()) return s.error();
  s->bind(1, partner_id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return detail::not_found("partner", partner_id);
  const RowState st = read_state(*s);
  PartnerRecord r;
  r.id = st.id;
  r.origin = st.origin;
  r.partner = read_partner_fields(*s);
  r.category = r.partner.category();
  r.local_note = st.local_note;
  r.locally_edited = st.edited;
  r.removed = st.removed;
  if (!r.partner.age_key.empty()) {
    auto fp = crypto::fingerprint(r.partner.age_key);
    if (fp.ok()) r.fingerprint = *fp;
  }
  auto o = prepare(db, (std::string(kOfferSelect) +
                        "WHERE partner_id = ?1 AND removed_at IS NULL ORDER BY origin = 'local', id")
                           .c_str());
  if (!o.ok()) return o.error();
  o->bind(1, partner_id);
  for (;;) {
    auto orow = o->step();
    if (!orow.ok()) return orow.error();
    if (!*orow) break;
    const RowState ost = read_state(*o);
    OfferRecord rec;
    rec.id = ost.id;
    rec.origin = ost.origin;
    rec.offer = read_offer_fields(*o, rec.partner_id);
    rec.locally_edited = ost.edited;
    r.offers.push_back(std::move(rec));
  }
  return r;
}

Result<PartnerPage> list_partners(const Store& store, const PartnerQuery& query) {
  const search::Query q = search::parse_query(query.text);
  std::string sql =
      "SELECT p.id, p.origin, p.name, p.type, p.town, p.phone, p.category, p.cooperation_signed, "
      "p.removed_at IS NOT NULL, p.search_text, (SELECT count(*) FROM offers o WHERE o.partner_id = p.id AND "
      "o.removed_at IS NULL) FROM partners p WHERE 1";
  if (!query.include_removed) sql += " AND p.removed_at IS NULL";
  if (query.category) sql += " AND p.category = ?1";
  if (!query.type.empty()) sql += " AND p.type = ?2";
  sql += " ORDER BY p.category, p.name, p.id";
  auto s = prepare(store.db(), sql.c_str());
  if (!s.ok()) return s.error();
  if (query.category) s->bind(1, std::string_view(code(*query.category)));
  s->bind(2, query.type);
  PartnerPage page;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    if (!q.empty() && !search::matches_all(s->column_text(9), q)) continue;
    const int index = page.total++;
    if (index < query.offset || index >= query.offset + query.limit) continue;
    PartnerRow r;
    r.id = s->column_int(0);
    r.origin = s->column_text(1) == "local" ? Origin::local : Origin::directory;
    r.name = s->column_text(2);
    r.type = s->column_text(3);
    r.town = s->column_text(4);
    r.phone = s->column_text(5);
    r.category = category_from(s->column_text(6)).value_or(Category::weitere);
    r.cooperation_signed = s->column_int(7) != 0;
    r.removed = s->column_int(8) != 0;
    r.offers = static_cast<int>(s->column_int(10));
    page.rows.push_back(std::move(r));
  }
  return page;
}

Result<std::vector<FachkraftRecord>> list_fachkraefte(const Store& store, const std::string& text) {
  const search::Query q = search::parse_query(text);
  auto s = prepare(store.db(),
                   (std::string(kFachkraftSelect) + "WHERE removed_at IS NULL ORDER BY name, id").c_str());
  if (!s.ok()) return s.error();
  auto st2 = prepare(store.db(), "SELECT search_text FROM fachkraefte WHERE id = ?1");
  if (!st2.ok()) return st2.error();
  std::vector<FachkraftRecord> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    const RowState st = read_state(*s);
    if (!q.empty()) {
      st2->reset();
      st2->bind(1, st.id);
      auto r2 = st2->step();
      if (!r2.ok()) return r2.error();
      if (!*r2 || !search::matches_all(st2->column_text(0), q)) continue;
    }
    FachkraftRecord r;
    r.id = st.id;
    r.origin = st.origin;
    r.fachkraft = read_fachkraft_fields(*s);
    r.local_note = st.local_note;
    r.locally_edited = st.edited;
    r.removed = st.removed;
    out.push_back(std::move(r));
  }
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Own entries and edits
//-----------------------------------------------------------------------------

namespace {

Result<RowState> load_state(sqlite3* db, const char* select, int64_t id, const char* what) {
  auto s = prepare(db, (std::string(select) + "WHERE id = ?1").c_str());
  if (!s.ok()) return s.error();
  s->bind(1, id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return detail::not_found(what, id);
  return read_state(*s);
}

// Marks a directory entry as edited on this device (the base stays).
Status mark_edited(TableWriter& w, const RowState& st, const std::string& now) {
  if (st.origin != Origin::directory) return {};
  w.base.reset();
  return w.base.bind(1, st.id)
      .bind(2, st.base_digest)
      .bind(3, std::string_view(now))
      .bind(4, int64_t{0})
      .run();
}

Status check_partner_key(const Partner& p) {
  if (!p.age_key.empty() && !crypto::fingerprint(p.age_key).ok())
    return cases::to_error({"age_key", Str::dir_err_age_key, {}});
  return {};
}

}  // namespace

Result<int64_t> add_partner(Store& store, const Partner& in) {
  BB_TRY(detail::first_error(validate_partner(in, false)));
  BB_TRY(check_partner_key(in));
  int64_t id = 0;
  BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
    auto w = partner_writer(db);
    if (!w.ok()) return w.error();
    auto written = write_fields(db, *w, 0, Origin::local, {}, {}, cases::now_timestamp(),
                                [&](Statement& s) { bind_partner(s, in); });
    if (!written.ok()) return written.error();
    id = *written;
    return {};
  }));
  return id;
}

Status edit_partner(Store& store, int64_t partner_id, const Partner& in) {
  BB_TRY(detail::first_error(validate_partner(in, false)));
  BB_TRY(check_partner_key(in));
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto st = load_state(db, kPartnerSelect, partner_id, "partner");
    if (!st.ok()) return st.error();
    auto old = load_partner(store, partner_id);
    if (!old.ok()) return old.error();
    Partner p = in;
    p.id = st->directory_id;
    if (changed_fields(old->partner, p).empty()) return {};
    const std::string now = cases::now_timestamp();
    auto w = partner_writer(db);
    if (!w.ok()) return w.error();
    auto written = write_fields(db, *w, partner_id, st->origin, st->directory_id, st->base_digest, now,
                                [&](Statement& s) { bind_partner(s, p); });
    if (!written.ok()) return written.error();
    BB_TRY(mark_edited(*w, *st, now));
    auto ids = offers_of_partner(db, partner_id);
    if (!ids.ok()) return ids.error();
    return refresh_offer_search(db, *ids);
  });
}

Status set_partner_note(Store& store, int64_t partner_id, const std::string& note) {
  if (note.size() > cases::kMaxLongText)
    return cases::to_error({"local_note", Str::case_err_text_too_long, std::to_string(cases::kMaxLongText)});
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto st = load_state(db, kPartnerSelect, partner_id, "partner");
    if (!st.ok()) return st.error();
    auto s = prepare(db, "UPDATE partners SET local_note = ?2 WHERE id = ?1");
    if (!s.ok()) return s.error();
    return s->bind(1, partner_id).bind(2, note).run();
  });
}

Status remove_partner(Store& store, int64_t partner_id) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto st = load_state(db, kPartnerSelect, partner_id, "partner");
    if (!st.ok()) return st.error();
    if (st->removed) return {};
    const std::string now = cases::now_timestamp();
    auto w = partner_writer(db);
    if (!w.ok()) return w.error();
    BB_TRY(mark_edited(*w, *st, now));
    w->removed.reset();
    BB_TRY(w->removed.bind(1, partner_id).bind(2, std::string_view(now)).run());
    auto ids = offers_of_partner(db, partner_id);
    if (!ids.ok()) return ids.error();
    return refresh_offer_search(db, *ids);
  });
}

Result<int64_t> add_offer(Store& store, int64_t partner_id, const Offer& in) {
  BB_TRY(detail::first_error(validate_offer(in, false)));
  int64_t id = 0;
  BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
    auto st = load_state(db, kPartnerSelect, partner_id, "partner");
    if (!st.ok()) return st.error();
    if (st->removed) return make_error(Str::dir_err_partner_removed, "partner is removed");
    auto w = offer_writer(db);
    if (!w.ok()) return w.error();
    auto written = write_fields(db, *w, 0, Origin::local, {}, {}, cases::now_timestamp(),
                                [&](Statement& s) { bind_offer(s, partner_id, in); });
    if (!written.ok()) return written.error();
    id = *written;
    BB_TRY(write_offer_codes(db, id, in));
    return refresh_offer_search(db, {id});
  }));
  return id;
}

Status edit_offer(Store& store, int64_t offer_id, const Offer& in) {
  BB_TRY(detail::first_error(validate_offer(in, false)));
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto st = load_state(db, kOfferSelect, offer_id, "offer");
    if (!st.ok()) return st.error();
    auto old = load_offer(store, offer_id);
    if (!old.ok()) return old.error();
    Offer o = in;
    o.id = st->directory_id;
    if (changed_fields(old->offer, o).empty()) return {};
    const std::string now = cases::now_timestamp();
    auto w = offer_writer(db);
    if (!w.ok()) return w.error();
    auto written = write_fields(db, *w, offer_id, st->origin, st->directory_id, st->base_digest, now,
                                [&](Statement& s) { bind_offer(s, old->partner_id, o); });
    if (!written.ok()) return written.error();
    BB_TRY(mark_edited(*w, *st, now));
    BB_TRY(write_offer_codes(db, offer_id, o));
    return refresh_offer_search(db, {offer_id});
  });
}

Status remove_offer(Store& store, int64_t offer_id) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto st = load_state(db, kOfferSelect, offer_id, "offer");
    if (!st.ok()) return st.error();
    if (st->removed) return {};
    const std::string now = cases::now_timestamp();
    auto w = offer_writer(db);
    if (!w.ok()) return w.error();
    BB_TRY(mark_edited(*w, *st, now));
    w->removed.reset();
    BB_TRY(w->removed.bind(1, offer_id).bind(2, std::string_view(now)).run());
    return refresh_offer_search(db, {offer_id});
  });
}

Result<int64_t> add_fachkraft(Store& store, const Fachkraft& in) {
  BB_TRY(detail::first_error(validate_fachkraft(in, false)));
  int64_t id = 0;
  BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
    auto w = fachkraft_writer(db);
    if (!w.ok()) return w.error();
    auto written = write_fields(db, *w, 0, Origin::local, {}, {}, cases::now_timestamp(),
                                [&](Statement& s) { bind_fachkraft(s, in); });
    if (!written.ok()) return written.error();
    id = *written;
    return {};
  }));
  return id;
}

Status edit_fachkraft(Store& store, int64_t fachkraft_id, const Fachkraft& in) {
  BB_TRY(detail::first_error(validate_fachkraft(in, false)));
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto s = prepare(db, (std::string(kFachkraftSelect) + "WHERE id = ?1").c_str());
    if (!s.ok()) return s.error();
    s->bind(1, fachkraft_id);
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) return detail::not_found("fachkraft", fachkraft_id);
    const RowState st = read_state(*s);
    const Fachkraft old = read_fachkraft_fields(*s);
    Fachkraft f = in;
    f.id = st.directory_id;
    if (changed_fields(old, f).empty()) return {};
    const std::string now = cases::now_timestamp();
    auto w = fachkraft_writer(db);
    if (!w.ok()) return w.error();
    auto written = write_fields(db, *w, fachkraft_id, st.origin, st.directory_id, st.base_digest, now,
                                [&](Statement& b) { bind_fachkraft(b, f); });
    if (!written.ok()) return written.error();
    return mark_edited(*w, st, now);
  });
}

Status set_fachkraft_note(Store& store, int64_t fachkraft_id, const std::string& note) {
  if (note.size() > cases::kMaxLongText)
    return cases::to_error({"local_note", Str::case_err_text_too_long, std::to_string(cases::kMaxLongText)});
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto st = load_state(db, kFachkraftSelect, fachkraft_id, "fachkraft");
    if (!st.ok()) return st.error();
    auto s = prepare(db, "UPDATE fachkraefte SET local_note = ?2 WHERE id = ?1");
    if (!s.ok()) return s.error();
    return s->bind(1, fachkraft_id).bind(2, note).run();
  });
}

Status remove_fachkraft(Store& store, int64_t fachkraft_id) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto st = load_state(db, kFachkraftSelect, fachkraft_id, "fachkraft");
    if (!st.ok()) return st.error();
    if (st->removed) return {};
    const std::string now = cases::now_timestamp();
    auto w = fachkraft_writer(db);
    if (!w.ok()) return w.error();
    BB_TRY(mark_edited(*w, *st, now));
    w->removed.reset();
    return w->removed.bind(1, fachkraft_id).bind(2, std::string_view(now)).run();
  });
}

//-----------------------------------------------------------------------------
// [SECTION] Offer search
//-----------------------------------------------------------------------------

namespace {

// Every term of `q` in `column` (AND), each term an OR of its variants as prefixes.
std::string fts_terms(const char* column, const search::Query& q) {
  std::string out;
  for (const auto& term : q.terms) {
    std::string alternatives;
    for (const auto& v : term) alternatives += (alternatives.empty() ? "\"" : " OR \"") + v + "\"*";
    out += (out.empty() ? "" : " AND ") + std::string(column) + " : (" + alternatives + ")";
  }
  return out;
}

}  // namespace

Result<OfferPage> search_offers(const Store& store, const OfferQuery& query) {
  const search::Query text = search::parse_query(query.text);
  const search::Query place = search::parse_query(query.place);
  std::string match = fts_terms("text", text);
  const std::string place_match = fts_terms("place", place);
  if (!place_match.empty()) match += (match.empty() ? "" : " AND ") + place_match;
  // visible = neither the offer nor its partner removed (kept with the search entry).
  std::string where = query.category
                          ? " FROM offers o JOIN partners p ON p.id = o.partner_id WHERE o.visible = 1"
                          : " FROM offers o WHERE o.visible = 1";
  if (!match.empty()) where += " AND o.id IN (SELECT rowid FROM offer_search WHERE offer_search MATCH ?1)";
  if (!query.need.empty())
    where += " AND o.id IN (SELECT offer_id FROM offer_codes WHERE kind = 'topic' AND code = ?2)";
  if (query.category) where += " AND p.category = ?3";
  if (query.pregnancy) where += " AND o.pregnancy = 1";
  if (query.child_age_months)
    where +=
        " AND (o.age_from_months IS NULL OR o.age_from_months <= ?4) AND (o.age_to_months IS NULL OR "
        "o.age_to_months >= ?4)";
  auto bind = [&](Statement& s) {
    if (!match.empty()) s.bind(1, match);
    s.bind(2, query.need);
    if (query.category) s.bind(3, std::string_view(code(*query.category)));
    if (query.child_age_months) s.bind(4, int64_t{*query.child_age_months});
  };
  OfferPage page;
  {
    auto c = prepare(store.db(), ("SELECT count(*)" + where).c_str());
    if (!c.ok()) return c.error();
    bind(*c);
    auto row = c->step();
    if (!row.ok()) return row.error();
    page.total = static_cast<int>(c->column_int(0));
  }
  // The page's ids first (sorting only ids is cheap), then each row's details.
  auto ids =
      prepare(store.db(), ("SELECT o.id" + where + " ORDER BY o.sort_key, o.id LIMIT ?5 OFFSET ?6").c_str());
  if (!ids.ok()) return ids.error();
  bind(*ids);
  ids->bind(5, int64_t{std::max(0, query.limit)}).bind(6, int64_t{std::max(0, query.offset)});
  auto s = prepare(
      store.db(),
      "SELECT o.id, o.partner_id, o.origin, o.title, p.name, p.type, "
      "CASE WHEN o.town <> '' THEN o.town ELSE p.town END, "
      "CASE WHEN o.town <> '' THEN o.district ELSE p.district END, o.cost, p.category, o.pregnancy, "
      "o.age_from_months, o.age_to_months, (SELECT group_concat(code, char(10)) FROM (SELECT code FROM "
      "offer_codes c WHERE c.offer_id = o.id AND c.kind = 'topic' ORDER BY position)) "
      "FROM offers o JOIN partners p ON p.id = o.partner_id WHERE o.id = ?1");
  if (!s.ok()) return s.error();
  for (;;) {
    auto idrow = ids->step();
    if (!idrow.ok()) return idrow.error();
    if (!*idrow) break;
    s->reset();
    s->bind(1, ids->column_int(0));
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) continue;
    OfferRow r;
    r.offer_id = s->column_int(0);
    r.partner_id = s->column_int(1);
    r.origin = s->column_text(2) == "local" ? Origin::local : Origin::directory;
    r.title = s->column_text(3);
    r.partner_name = s->column_text(4);
    r.partner_type = s->column_text(5);
    r.town = s->column_text(6);
    r.district = s->column_text(7);
    r.cost = s->column_text(8);
    r.category = category_from(s->column_text(9)).value_or(Category::weitere);
    r.pregnancy = s->column_int(10) != 0;
    if (!s->column_is_null(11)) r.age_from_months = static_cast<int>(s->column_int(11));
    if (!s->column_is_null(12)) r.age_to_months = static_cast<int>(s->column_int(12));
    r.topics = split_lines(s->column_text(13));
    page.rows.push_back(std::move(r));
  }
  return page;
}

}  // namespace bb::store
