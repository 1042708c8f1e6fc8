// The decision point on stored data and the Offenlegungsprotokoll (see disclosures.h).
#include "store/disclosures.h"

#include "store/cases_internal.h"
#include "store/consents.h"
#include "store/rules_internal.h"

namespace bb::store {

using namespace bb::store::detail;
using rules::Date;

namespace detail {

Result<std::optional<rules::Jurisdiction>> read_jurisdiction(sqlite3* db) {
  auto s = prepare(db, "SELECT jurisdiction FROM organisation WHERE id = 1");
  if (!s.ok()) return s.error();
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row || s->column_is_null(0)) return std::optional<rules::Jurisdiction>();
  return std::optional<rules::Jurisdiction>(s->column_text(0) == "at" ? rules::Jurisdiction::oesterreich
                                                                      : rules::Jurisdiction::deutschland);
}

Result<rules::CaseFacts> read_case_facts(sqlite3* db, int64_t family_id) {
  BB_TRY(require_family(db, family_id));
  rules::CaseFacts f;
  f.family = family_id;
  {
    auto s = prepare(db,
                     "SELECT id FROM persons WHERE family_id = ?1 AND role IN ('parent', 'caregiver') "
                     "ORDER BY id");
    if (!s.ok()) return s.error();
    s->bind(1, family_id);
    for (;;) {
      auto row = s->step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      f.may_consent.push_back(s->column_int(0));
    }
  }
  {
    auto s = prepare(db,
                     "SELECT id, family_id, person_id, purpose, recipient_kind, recipient_partner_id, "
                     "recipient_name, categories, given_on, form, witness, valid_until, revoked_on, note "
                     "FROM consents WHERE family_id = ?1 ORDER BY given_on, id");
    if (!s.ok()) return s.error();
    s->bind(1, family_id);
    for (;;) {
      auto row = s->step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      rules::Consent c;
      int i = 0;
      c.id = s->column_int(i++);
      c.family = s->column_int(i++);
      c.person = s->column_int(i++);
      c.purpose = rules::purpose_from(s->column_text(i++)).value_or(rules::Purpose::dokumentation);
      c.recipient.kind = from_code_or<rules::RecipientKind>(s->column_text(i++), rules::kRecipientKindCount,
                                                            rules::RecipientKind::netzwerkpartner);
      c.recipient.partner = opt_int(*s, i++);
      c.recipient.name = s->column_text(i++);
      c.categories = rules::Categories::from_bits(static_cast<uint32_t>(s->column_int(i++)));
      c.given_on = date_or(*s, i++);
      c.form = from_code_or<rules::ConsentForm>(s->column_text(i++), 2, rules::ConsentForm::schriftlich);
      c.witness = s->column_text(i++);
      c.valid_until = opt_date(*s, i++);
      c.revoked_on = opt_date(*s, i++);
      c.note = s->column_text(i++);
      f.consents.push_back(std::move(c));
    }
  }
  auto mitteilungen = read_mitteilungen(db, family_id);
  if (!mitteilungen.ok()) return mitteilungen.error();
  f.legal_bases = rules::legal_bases_of(*mitteilungen);
  return f;
}

}  // namespace detail

namespace {

// Facts and jurisdiction as the decision sees them: without the
// jurisdiction setting no legal basis applies (its norm could not be checked).
struct Inputs {
  rules::CaseFacts facts;
  rules::Jurisdiction jurisdiction = rules::Jurisdiction::deutschland;
};
Result<Inputs> read_inputs(sqlite3* db, int64_t family_id) {
  Inputs in;
  auto facts = read_case_facts(db, family_id);
  if (!facts.ok()) return facts.error();
  in.facts = std::move(*facts);
  auto j = read_jurisdiction(db);
  if (!j.ok()) return j.error();
  if (*j)
    in.jurisdiction = **j;
  else
    in.facts.legal_bases.clear();
  return in;
}

std::string category_list(rules::Categories cats) {
  std::string out;
  for (auto c : cats.list()) {
    if (!out.empty()) out += ", ";
    out += tr(rules::label(c));
  }
  return out;
}

constexpr const char* kLogColumns =
    "id, family_id, disclosed_on, recipient_kind, recipient_partner_id, recipient_name, purpose, categories, "
    "channel, data_form, basis, norm, legal_basis_id, consent_sought, consent_sought_on, reason_not_sought, "
    "disclosed_by, note, created_at";

Result<std::vector<DisclosureRecord>> read_log(sqlite3* db, const char* where, int64_t key) {
  auto s = prepare(db, (std::string("SELECT ") + kLogColumns + " FROM disclosures WHERE " + where +
                        " ORDER BY disclosed_on, id")
                           .c_str());
  if (!s.ok()) return s.error();
  s->bind(1, key);
  std::vector<DisclosureRecord> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    DisclosureRecord r;
    auto& e = r.entry;
    int i = 0;
    r.id = s->column_int(i++);
    e.family = s->column_int(i++);
    e.on = date_or(*s, i++);
    e.recipient.kind = from_code_or<rules::RecipientKind>(s->column_text(i++), rules::kRecipientKindCount,
                                                          rules::RecipientKind::netzwerkpartner);
    e.recipient.partner = opt_int(*s, i++);
    e.recipient.name = s->column_text(i++);
    e.purpose = rules::purpose_from(s->column_text(i++)).value_or(rules::Purpose::austausch);
    e.categories = rules::Categories::from_bits(static_cast<uint32_t>(s->column_int(i++)));
    e.channel = from_code_or<rules::Channel>(s->column_text(i++), 6, rules::Channel::persoenlich);
    e.form = from_code_or<rules::DataForm>(s->column_text(i++), 3, rules::DataForm::personenbezogen);
    e.basis = from_code_or<rules::BasisKind>(s->column_text(i++), 6, rules::BasisKind::keine);
    if (!s->column_is_null(i)) e.norm = from_code<rules::LegalNorm>(s->column_text(i), 3);
    ++i;
    e.legal_basis_id = opt_int(*s, i++);
    if (!s->column_is_null(i)) {
      rules::ConsentSoughtRecord cs;
      cs.result =
          from_code_or<rules::ConsentSought>(s->column_text(i), 4, rules::ConsentSought::nicht_erfasst);
      cs.on = opt_date(*s, i + 1);
      cs.reason_not_sought = s->column_text(i + 2);
      e.consent_sought = cs;
    }
    i += 3;
    e.by = s->column_text(i++);
    e.note = s->column_text(i++);
    r.created_at = s->column_text(i++);
    out.push_back(std::move(r));
  }
  // The consents each line relied on.
  auto c =
      prepare(db, "SELECT consent_id FROM disclosure_consents WHERE disclosure_id = ?1 ORDER BY consent_id");
  if (!c.ok()) return c.error();
  for (auto& r : out) {
    c->reset();
    c->bind(1, r.id);
    for (;;) {
      auto row = c->step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      r.entry.consent_ids.push_back(c->column_int(0));
    }
  }
  return out;
}

}  // namespace

Result<rules::CaseFacts> load_case_facts(const Store& store, int64_t family_id) {
  return read_case_facts(store.db(), family_id);
}

Result<rules::DisclosureDecision> decide(const Store& store, const rules::DisclosureRequest& request,
                                         std::optional<Date> on) {
  auto in = read_inputs(store.db(), request.family);
  if (!in.ok()) return in.error();
  return rules::decide_disclosure(request, in->facts, on.value_or(today_date()), in->jurisdiction);
}

Result<DisclosureOutcome> disclose(Store& store, const rules::DisclosureRequest& request,
                                   const std::optional<rules::ConsentSoughtRecord>& consent_sought,
                                   const std::string& by, const std::string& note) {
  DisclosureOutcome out;
  auto st = with_transaction(store, [&](sqlite3* db) -> Status {
    auto in = read_inputs(db, request.family);
    if (!in.ok()) return in.error();
    const Date today = today_date();
    out.decision = rules::decide_disclosure(request, in->facts, today, in->jurisdiction);
    const auto& d = out.decision;
    if (!d.allowed)
      return make_error(Str::rules_log_not_allowed, "disclosure refused: " + rules::explain(d, Lang::en));
    if (!d.refused_categories.empty())
      return make_error(Str::disc_err_partly,
                        "disclosure only partly allowed: " + rules::explain(d, Lang::en),
                        category_list(d.refused_categories));
    if (consent_sought && consent_sought->on && *consent_sought->on > today)
      return make_error(Str::rec_err_date_in_future, "invalid field consent_sought.on",
                        consent_sought->on->german());
    auto entry = rules::make_log_entry(d, consent_sought, by, note);
    if (!entry.ok()) return entry.error();
    const auto& e = *entry;
    auto s =
        prepare(db,
                "INSERT INTO disclosures(family_id, disclosed_on, recipient_kind, recipient_partner_id, "
                "recipient_name, purpose, categories, channel, data_form, basis, norm, legal_basis_id, "
                "consent_sought, consent_sought_on, reason_not_sought, disclosed_by, note, created_at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
    if (!s.ok()) return s.error();
    s->bind(1, e.family).bind(2, std::string_view(e.on.iso()));
    s->bind(3, std::string_view(rules::code(e.recipient.kind)));
    bind_opt_int(*s, 4, e.recipient.partner);
    s->bind(5, e.recipient.name).bind(6, std::string_view(rules::code(e.purpose)));
    s->bind(7, static_cast<int64_t>(e.categories.bits()));
    s->bind(8, std::string_view(rules::code(e.channel))).bind(9, std::string_view(code(e.form)));
    s->bind(10, std::string_view(rules::code(e.basis)));
    if (e.norm)
      s->bind(11, std::string_view(rules::code(*e.norm)));
    else
      s->bind_null(11);
    bind_opt_int(*s, 12, e.legal_basis_id);
    if (e.consent_sought) {
      s->bind(13, std::string_view(code(e.consent_sought->result)));
      bind_date(*s, 14, e.consent_sought->on);
      s->bind(15, e.consent_sought->reason_not_sought);
    } else {
      s->bind_null(13).bind_null(14).bind(15, std::string_view(""));
    }
    s->bind(16, e.by).bind(17, e.note).bind(18, now());
    BB_TRY(s->run());
    const int64_t id = sqlite3_last_insert_rowid(db);
    auto link = prepare(db, "INSERT INTO disclosure_consents(disclosure_id, consent_id) VALUES (?1, ?2)");
    if (!link.ok()) return link.error();
    for (auto cid : e.consent_ids) {
      link->reset();
      BB_TRY(link->bind(1, id).bind(2, cid).run());
    }
    auto written = read_log(db, "id = ?1", id);
    if (!written.ok()) return written.error();
    if (written->size() != 1) return make_error(Str::err_internal, "protocol line not read back");
    out.record = written->front();
    return {};
  });
  if (!st.ok()) return st.error();
  return out;
}

Result<std::vector<DisclosureRecord>> load_disclosure_log(const Store& store, int64_t family_id) {
  return read_log(store.db(), "family_id = ?1", family_id);
}

}  // namespace bb::store
