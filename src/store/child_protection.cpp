// Kinderschutz entries, append-only (see child_protection.h). Every kind is
// a row of child_protection_entries; the columns a kind does not use stay
// empty. Triggers (migration 5) refuse UPDATE and DELETE and check that a
// correction names an entry of the same family and kind.
#include "store/child_protection.h"

#include <algorithm>
#include <set>

#include "store/cases_internal.h"
#include "store/disclosures.h"
#include "store/organisation.h"
#include "store/rules_internal.h"

namespace bb::store {

using namespace bb::store::detail;
using rules::Date;

namespace {

// One stored entry, all columns.
struct Row {
  rules::EntryMeta meta;
  int64_t family_id = 0;
  std::string kind;
  Date event_on;
  std::optional<int64_t> child;
  std::string what, who;
  std::optional<int64_t> partner_id;
  std::string partner_name;
  std::optional<std::string> outcome, data_form, consult_basis, channel, norm, informed, sought, step_key;
  std::string result, citation, reasons, content_text, informed_reason, sought_reason, note;
  std::optional<int64_t> content;
  std::optional<Date> informed_on, sought_on;
};

constexpr const char* kColumns =
    "id, family_id, kind, corrects, recorded_on, recorded_by, event_on, child_id, what, who, partner_id, "
    "partner_name, outcome, data_form, consult_basis, result, channel, norm, citation, reasons, content, "
    "content_text, informed, informed_on, informed_reason, sought, sought_on, sought_reason, step_key, note";

std::optional<std::string> opt_text(const Statement& s, int i) {
  if (s.column_is_null(i)) return std::nullopt;
  return s.column_text(i);
}
void bind_opt_text(Statement& s, int i, const std::optional<std::string>& v) {
  if (v)
    s.bind(i, *v);
  else
    s.bind_null(i);
}

Row read_row(const Statement& s) {
  Row r;
  int i = 0;
  r.meta.id = s.column_int(i++);
  r.family_id = s.column_int(i++);
  r.kind = s.column_text(i++);
  r.meta.corrects = opt_int(s, i++);
  r.meta.recorded_on = date_or(s, i++);
  r.meta.recorded_by = s.column_text(i++);
  r.event_on = date_or(s, i++);
  r.child = opt_int(s, i++);
  r.what = s.column_text(i++);
  r.who = s.column_text(i++);
  r.partner_id = opt_int(s, i++);
  r.partner_name = s.column_text(i++);
  r.outcome = opt_text(s, i++);
  r.data_form = opt_text(s, i++);
  r.consult_basis = opt_text(s, i++);
  r.result = s.column_text(i++);
  r.channel = opt_text(s, i++);
  r.norm = opt_text(s, i++);
  r.citation = s.column_text(i++);
  r.reasons = s.column_text(i++);
  r.content = opt_int(s, i++);
  r.content_text = s.column_text(i++);
  r.informed = opt_text(s, i++);
  r.informed_on = opt_date(s, i++);
  r.informed_reason = s.column_text(i++);
  r.sought = opt_text(s, i++);
  r.sought_on = opt_date(s, i++);
  r.sought_reason = s.column_text(i++);
  r.step_key = opt_text(s, i++);
  r.note = s.column_text(i++);
  return r;
}

Result<std::vector<Row>> read_rows(sqlite3* db, int64_t family_id, const char* kind) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM child_protection_entries WHERE family_id = ?1";
  if (kind) sql += " AND kind = ?2";
  sql += " ORDER BY id";
  auto s = prepare(db, sql.c_str());
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  if (kind) s->bind(2, std::string_view(kind));
  std::vector<Row> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out.push_back(read_row(*s));
  }
  return out;
}

Result<Row> read_row_by_id(sqlite3* db, int64_t id) {
  auto s = prepare(
      db, (std::string("SELECT ") + kColumns + " FROM child_protection_entries WHERE id = ?1").c_str());
  if (!s.ok()) return s.error();
  s->bind(1, id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return not_found("child-protection entry", id);
  return read_row(*s);
}

rules::Mitteilung to_mitteilung(const Row& r) {
  rules::Mitteilung m;
  m.meta = r.meta;
  m.on = r.event_on;
  m.recipient = rules::Recipient{rules::RecipientKind::kjh, r.partner_id, r.partner_name};
  m.channel = from_code_or<rules::Channel>(r.channel.value_or(""), 6, rules::Channel::brief);
  m.norm = from_code_or<rules::LegalNorm>(r.norm.value_or(""), 3, rules::LegalNorm::at_b_kjhg_37);
  m.citation = r.citation;
  m.child = r.child;
  m.suspicion = r.what;
  m.reasons = r.reasons;
  m.content = rules::Categories::from_bits(static_cast<uint32_t>(r.content.value_or(0)));
  m.content_text = r.content_text;
  m.informed.state = from_code_or<rules::FamilyInformed::State>(r.informed.value_or(""), 3,
                                                                rules::FamilyInformed::State::offen);
  m.informed.on = r.informed_on;
  m.informed.reason_not = r.informed_reason;
  m.consent_sought.result =
      from_code_or<rules::ConsentSought>(r.sought.value_or(""), 4, rules::ConsentSought::nicht_erfasst);
  m.consent_sought.on = r.sought_on;
  m.consent_sought.reason_not_sought = r.sought_reason;
  return m;
}

Status not_in_future(std::optional<Date> d, const char* field) {
  if (d && *d > today_date())
    return make_error(Str::rec_err_date_in_future, std::string("invalid field ") + field, d->german());
  return {};
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

Status check_child(sqlite3* db, int64_t family_id, const std::optional<int64_t>& child) {
  if (!child) return {};
  auto s = prepare(db, "SELECT family_id, role FROM persons WHERE id = ?1");
  if (!s.ok()) return s.error();
  s->bind(1, *child);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row || s->column_int(0) != family_id ||
      (s->column_text(1) != "child" && s->column_text(1) != "expected_child"))
    return make_error(Str::kjh_err_child, "invalid field child");
  return {};
}

// Appends `r` after the append-only checks; returns the new id.
Result<int64_t> append(Store& store, Row r) {
  if (r.meta.recorded_on == Date{}) r.meta.recorded_on = today_date();
  BB_TRY(not_in_future(r.meta.recorded_on, "recorded_on"));
  BB_TRY(not_in_future(r.event_on, "on"));
  BB_TRY(not_in_future(r.informed_on, "informed.on"));
  BB_TRY(not_in_future(r.sought_on, "consent_sought.on"));
  int64_t id = 0;
  auto st = with_transaction(store, [&](sqlite3* db) -> Status {
    BB_TRY(require_family(db, r.family_id));
    BB_TRY(check_child(db, r.family_id, r.child));
    if (r.meta.corrects) {
      // The corrected entry: of this family and kind (else "unknown").
      auto all = read_rows(db, r.family_id, r.kind.c_str());
      if (!all.ok()) return all.error();
      std::vector<rules::EntryMeta> metas;
      for (const auto& e : *all) metas.push_back(e.meta);
      rules::EntryMeta next = r.meta;
      next.id = 0;
      BB_TRY(rules::validate_append(metas, next));
    }
    auto s =
        prepare(db,
                "INSERT INTO child_protection_entries(family_id, kind, corrects, recorded_on, recorded_by, "
                "event_on, child_id, what, who, partner_id, partner_name, outcome, data_form, consult_basis, "
                "result, channel, norm, citation, reasons, content, content_text, informed, informed_on, "
                "informed_reason, sought, sought_on, sought_reason, step_key, note, created_at) VALUES "
                "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
                "?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30)");
    if (!s.ok()) return s.error();
    s->bind(1, r.family_id).bind(2, r.kind);
    bind_opt_int(*s, 3, r.meta.corrects);
    s->bind(4, std::string_view(r.meta.recorded_on.iso())).bind(5, r.meta.recorded_by);
    s->bind(6, std::string_view(r.event_on.iso()));
    bind_opt_int(*s, 7, r.child);
    s->bind(8, r.what).bind(9, r.who);
    bind_opt_int(*s, 10, r.partner_id);
    s->bind(11, r.partner_name);
    bind_opt_text(*s, 12, r.outcome);
    bind_opt_text(*s, 13, r.data_form);
    bind_opt_text(*s, 14, r.consult_basis);
    s->bind(15, r.result);
    bind_opt_text(*s, 16, r.channel);
    bind_opt_text(*s, 17, r.norm);
    s->bind(18, r.citation).bind(19, r.reasons);
    bind_opt_int(*s, 20, r.content);
    s->bind(21, r.content_text);
    bind_opt_text(*s, 22, r.informed);
    bind_date(*s, 23, r.informed_on);
    s->bind(24, r.informed_reason);
    bind_opt_text(*s, 25, r.sought);
    bind_date(*s, 26, r.sought_on);
    s->bind(27, r.sought_reason);
    bind_opt_text(*s, 28, r.step_key);
    s->bind(29, r.note).bind(30, now());
    BB_TRY(s->run());
    id = sqlite3_last_insert_rowid(db);
    return {};
  });
  if (!st.ok()) return append_only_error(st.error());
  return id;
}

Row base(int64_t family_id, const char* kind, const rules::EntryMeta& meta, Date event_on) {
  Row r;
  r.family_id = family_id;
  r.kind = kind;
  r.meta = meta;
  r.event_on = event_on;
  return r;
}

Row mitteilung_row(int64_t family_id, const rules::Mitteilung& m) {
  Row r = base(family_id, "mitteilung", m.meta, m.on);
  r.partner_id = m.recipient.partner;
  r.partner_name = m.recipient.name;
  r.channel = rules::code(m.channel);
  r.norm = rules::code(m.norm);
  r.citation = m.citation;
  r.child = m.child;
  r.what = m.suspicion;
  r.reasons = m.reasons;
  r.content = static_cast<int64_t>(m.content.bits());
  r.content_text = m.content_text;
  r.informed = code(m.informed.state);
  r.informed_on = m.informed.on;
  r.informed_reason = m.informed.reason_not;
  r.sought = code(m.consent_sought.result);
  r.sought_on = m.consent_sought.on;
  r.sought_reason = m.consent_sought.reason_not_sought;
  return r;
}

Result<rules::Jurisdiction> require_jurisdiction(sqlite3* db) {
  auto j = read_jurisdiction(db);
  if (!j.ok()) return j.error();
  if (!*j) return make_error(Str::cp_err_jurisdiction, "jurisdiction not set");
  return **j;
}

}  // namespace

namespace detail {
Result<std::vector<rules::Mitteilung>> read_mitteilungen(sqlite3* db, int64_t family_id) {
  auto rows = read_rows(db, family_id, "mitteilung");
  if (!rows.ok()) return rows.error();
  std::vector<rules::Mitteilung> out;
  for (const auto& r : *rows) out.push_back(to_mitteilung(r));
  return out;
}
}  // namespace detail

Result<int64_t> record_anhaltspunkt(Store& store, int64_t family_id, const rules::Anhaltspunkt& a) {
  if (blank(a.what)) return make_error(Str::cp_err_what, "invalid field what");
  Row r = base(family_id, "anhaltspunkt", a.meta, a.observed_on);
  r.child = a.child;
  r.what = a.what;
  r.who = a.observed_by;
  return append(store, std::move(r));
}

Result<int64_t> record_support(Store& store, int64_t family_id, const rules::SupportOffer& o) {
  if (blank(o.what)) return make_error(Str::cp_err_what, "invalid field what");
  Row r = base(family_id, "unterstuetzung", o.meta, o.offered_on);
  r.what = o.what;
  r.partner_id = o.partner;
  r.outcome = code(o.outcome);
  r.note = o.note;
  return append(store, std::move(r));
}

Result<int64_t> record_consultation(Store& store, int64_t family_id, const rules::Consultation& c) {
  if (c.form == rules::DataForm::personenbezogen)
    return make_error(Str::cp_err_personal_consultation, "invalid field form");
  auto basis = c.basis;
  if (basis == rules::ConsultationBasis::unbestimmt) {
    auto b = consultation_basis_for(store, family_id);
    if (!b.ok()) return b.error();
    basis = *b;
  }
  Row r = base(family_id, "beratung", c.meta, c.on);
  r.who = c.fachkraft;
  r.partner_id = c.fachkraft_partner;
  r.data_form = code(c.form);
  r.consult_basis = code(basis);
  r.result = c.result;
  return append(store, std::move(r));
}

Result<int64_t> record_mitteilung(Store& store, int64_t family_id, const rules::Mitteilung& m) {
  auto j = require_jurisdiction(store.db());
  if (!j.ok()) return j.error();
  for (const auto& p : rules::validate_mitteilung(m, *j, today_date()))
    if (p.severity == rules::Severity::blocking)
      return make_error(p.text.id, "invalid mitteilung",
                        p.text.arg_label ? tr(*p.text.arg_label) : p.text.arg);
  return append(store, mitteilung_row(family_id, m));
}

Result<int64_t> record_family_informed(Store& store, int64_t mitteilung_id,
                                       const rules::FamilyInformed& informed, const std::string& by) {
  auto row = read_row_by_id(store.db(), mitteilung_id);
  if (!row.ok()) return row.error();
  if (row->kind != "mitteilung") return make_error(Str::cp_err_not_mitteilung, "entry is not a mitteilung");
  auto m = to_mitteilung(*row);
  m.informed = informed;
  m.meta = rules::EntryMeta{0, mitteilung_id, today_date(), by};
  return record_mitteilung(store, row->family_id, m);
}

Result<int64_t> record_step(Store& store, int64_t family_id, const rules::StepDone& step) {
  if (blank(step.key) || step.key.size() > 40) return make_error(Str::cp_err_step, "invalid field key");
  Row r = base(family_id, "schritt", rules::EntryMeta{0, std::nullopt, today_date(), step.by}, step.on);
  r.step_key = step.key;
  r.who = step.by;
  r.note = step.note;
  return append(store, std::move(r));
}

Result<int64_t> send_mitteilung(Store& store, int64_t mitteilung_id, rules::Channel channel,
                                const std::string& by) {
  auto row = read_row_by_id(store.db(), mitteilung_id);
  if (!row.ok()) return row.error();
  if (row->kind != "mitteilung") return make_error(Str::cp_err_not_mitteilung, "entry is not a mitteilung");
  const auto m = to_mitteilung(*row);
  rules::DisclosureRequest rq;
  rq.family = row->family_id;
  rq.recipient = m.recipient;
  rq.purpose = rules::Purpose::mitteilung_kjh;
  rq.categories = m.content;
  rq.channel = channel;
  rq.form = rules::DataForm::personenbezogen;
  auto out = disclose(store, rq, m.consent_sought, by);
  if (!out.ok()) return out.error();
  return out->record.id;
}

Result<ChildProtectionFile> load_child_protection(const Store& store, int64_t family_id) {
  auto rows = read_rows(store.db(), family_id, nullptr);
  if (!rows.ok()) return rows.error();
  ChildProtectionFile f;
  for (const auto& r : *rows) {
    if (r.kind == "anhaltspunkt") {
      f.anhaltspunkte.push_back({r.meta, r.child, r.what, r.event_on, r.who});
    } else if (r.kind == "unterstuetzung") {
      rules::SupportOffer o;
      o.meta = r.meta;
      o.what = r.what;
      o.partner = r.partner_id;
      o.offered_on = r.event_on;
      o.outcome =
          from_code_or<rules::SupportOutcome>(r.outcome.value_or(""), 4, rules::SupportOutcome::angeboten);
      o.note = r.note;
      f.support.push_back(o);
    } else if (r.kind == "beratung") {
      rules::Consultation c;
      c.meta = r.meta;
      c.on = r.event_on;
      c.fachkraft = r.who;
      c.fachkraft_partner = r.partner_id;
      c.form = from_code_or<rules::DataForm>(r.data_form.value_or(""), 3, rules::DataForm::pseudonymisiert);
      c.basis = from_code_or<rules::ConsultationBasis>(r.consult_basis.value_or(""), 4,
                                                       rules::ConsultationBasis::unbestimmt);
      c.result = r.result;
      f.consultations.push_back(c);
    } else if (r.kind == "mitteilung") {
      f.mitteilungen.push_back(to_mitteilung(r));
    } else if (r.kind == "schritt") {
      f.steps.push_back({r.meta, rules::StepDone{r.step_key.value_or(""), r.event_on, r.who, r.note}});
    }
  }
  return f;
}

namespace {
std::optional<Str> str_from_key(const std::string& key) {
  for (int i = 0; i < static_cast<int>(Str::count_); ++i)
    if (key == str_key(static_cast<Str>(i))) return static_cast<Str>(i);
  return std::nullopt;
}
}  // namespace

Result<std::vector<rules::ProcedureStep>> load_procedure(const Store& store) {
  auto s =
      prepare(store.db(),
              "SELECT step_key, label, builtin, required FROM child_protection_procedure ORDER BY position");
  if (!s.ok()) return s.error();
  std::vector<rules::ProcedureStep> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    rules::ProcedureStep p;
    p.key = s->column_text(0);
    p.label = s->column_text(1);
    if (!s->column_is_null(2)) p.builtin = str_from_key(s->column_text(2));
    if (!p.builtin && blank(p.label)) p.label = p.key;
    p.required = s->column_int(3) != 0;
    out.push_back(std::move(p));
  }
  if (!out.empty()) return out;
  auto j = require_jurisdiction(store.db());
  if (!j.ok()) return j.error();
  return rules::default_procedure(*j);
}

Status set_procedure(Store& store, const std::vector<rules::ProcedureStep>& steps) {
  std::set<std::string> keys;
  for (const auto& p : steps) {
    if (blank(p.key) || p.key.size() > 40 || !keys.insert(p.key).second || (!p.builtin && blank(p.label)))
      return make_error(Str::cp_err_step, "invalid step " + p.key);
  }
  return with_transaction(store, [&](sqlite3* db) -> Status {
    BB_TRY(exec(db, "DELETE FROM child_protection_procedure"));
    auto s = prepare(db,
                     "INSERT INTO child_protection_procedure(position, step_key, label, builtin, required) "
                     "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!s.ok()) return s.error();
    int64_t pos = 0;
    for (const auto& p : steps) {
      s->reset();
      s->bind(1, ++pos).bind(2, p.key).bind(3, p.label);
      if (p.builtin)
        s->bind(4, std::string_view(str_key(*p.builtin)));
      else
        s->bind_null(4);
      s->bind(5, static_cast<int64_t>(p.required ? 1 : 0));
      BB_TRY(s->run());
    }
    return {};
  });
}

Result<std::vector<rules::ChecklistLine>> load_checklist(const Store& store, int64_t family_id) {
  auto steps = load_procedure(store);
  if (!steps.ok()) return steps.error();
  auto f = load_child_protection(store, family_id);
  if (!f.ok()) return f.error();
  std::vector<rules::EntryMeta> metas;
  for (const auto& s : f->steps) metas.push_back(s.first);
  const auto current = rules::current_ids(metas);
  std::vector<rules::StepDone> done;
  for (const auto& s : f->steps)
    if (std::find(current.begin(), current.end(), s.first.id) != current.end()) done.push_back(s.second);
  return rules::checklist(*steps, done);
}

Result<rules::ConsultationBasis> consultation_basis_for(const Store& store, int64_t family_id) {
  auto j = require_jurisdiction(store.db());
  if (!j.ok()) return j.error();
  auto p = family_profession(store, family_id);
  if (!p.ok()) return p.error();
  return rules::consultation_basis(*j, *p);
}

Result<std::optional<rules::LegalNorm>> mitteilung_norm_for(const Store& store, int64_t family_id) {
  auto j = require_jurisdiction(store.db());
  if (!j.ok()) return j.error();
  auto p = family_profession(store, family_id);
  if (!p.ok()) return p.error();
  return rules::default_mitteilung_norm(*j, *p);
}

}  // namespace bb::store
