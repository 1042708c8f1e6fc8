// Einwilligungen and information records (see consents.h).
#include "store/consents.h"

#include "store/cases_internal.h"
#include "store/rules_internal.h"

namespace bb::store {

using namespace bb::store::detail;
using rules::Consent;
using rules::Date;

namespace {

constexpr const char* kConsentColumns =
    "id, family_id, person_id, purpose, recipient_kind, recipient_partner_id, recipient_name, categories, "
    "given_on, form, witness, valid_until, revoked_on, note";

Consent read_consent(const Statement& s) {
  Consent c;
  int i = 0;
  c.id = s.column_int(i++);
  c.family = s.column_int(i++);
  c.person = s.column_int(i++);
  c.purpose = rules::purpose_from(s.column_text(i++)).value_or(rules::Purpose::dokumentation);
  c.recipient.kind = from_code_or<rules::RecipientKind>(s.column_text(i++), rules::kRecipientKindCount,
                                                        rules::RecipientKind::netzwerkpartner);
  c.recipient.partner = opt_int(s, i++);
  c.recipient.name = s.column_text(i++);
  c.categories = rules::Categories::from_bits(static_cast<uint32_t>(s.column_int(i++)));
  c.given_on = date_or(s, i++);
  c.form = from_code_or<rules::ConsentForm>(s.column_text(i++), 2, rules::ConsentForm::schriftlich);
  c.witness = s.column_text(i++);
  c.valid_until = opt_date(s, i++);
  c.revoked_on = opt_date(s, i++);
  c.note = s.column_text(i++);
  return c;
}

Result<Consent> read_consent_by_id(sqlite3* db, int64_t id) {
  auto s = prepare(db, (std::string("SELECT ") + kConsentColumns + " FROM consents WHERE id = ?1").c_str());
  if (!s.ok()) return s.error();
  s->bind(1, id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return not_found("consent", id);
  return read_consent(*s);
}

// The person is a parent or caregiver of the family (who may consent for it).
Status check_may_consent(sqlite3* db, int64_t family_id, int64_t person_id) {
  auto s = prepare(db, "SELECT family_id, role FROM persons WHERE id = ?1");
  if (!s.ok()) return s.error();
  s->bind(1, person_id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row || s->column_int(0) != family_id)
    return make_error(Str::case_err_person_not_in_family, "invalid field person");
  const auto role = s->column_text(1);
  if (role != "parent" && role != "caregiver")
    return make_error(Str::consent_err_person, "invalid field person: role " + role);
  return {};
}

Status check_person_of_family(sqlite3* db, int64_t family_id, int64_t person_id) {
  auto s = prepare(db, "SELECT family_id FROM persons WHERE id = ?1");
  if (!s.ok()) return s.error();
  s->bind(1, person_id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row || s->column_int(0) != family_id)
    return make_error(Str::case_err_person_not_in_family, "invalid field person");
  return {};
}

Status not_in_future(Date d, const char* field) {
  if (d > today_date())
    return make_error(Str::rec_err_date_in_future, std::string("invalid field ") + field, d.german());
  return {};
}

}  // namespace

Result<int64_t> record_consent(Store& store, const Consent& c) {
  if (c.revoked_on) return make_error(Str::consent_err_revoked_on_create, "invalid field revoked_on");
  const auto problems = rules::consent_problems(c);
  if (!problems.empty())
    return make_error(rules::text(problems.front()),
                      "invalid consent: " + std::to_string(problems.size()) + " problem(s)");
  BB_TRY(not_in_future(c.given_on, "given_on"));
  if (c.purpose != rules::Purpose::dokumentation &&
      !rules::purpose_fits_recipient(c.purpose, c.recipient.kind))
    return make_error(Str::consent_err_recipient, "invalid field recipient",
                      tr(rules::label(c.recipient.kind)));
  int64_t id = 0;
  BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
    BB_TRY(require_family(db, c.family));
    BB_TRY(check_may_consent(db, c.family, c.person));
    auto s =
        prepare(db,
                "INSERT INTO consents(family_id, person_id, purpose, recipient_kind, recipient_partner_id, "
                "recipient_name, categories, given_on, form, witness, valid_until, note, created_at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    if (!s.ok()) return s.error();
    s->bind(1, c.family).bind(2, c.person).bind(3, std::string_view(rules::code(c.purpose)));
    s->bind(4, std::string_view(rules::code(c.recipient.kind)));
    bind_opt_int(*s, 5, c.recipient.partner);
    s->bind(6, c.recipient.name).bind(7, static_cast<int64_t>(c.categories.bits()));
    s->bind(8, std::string_view(c.given_on.iso()))
        .bind(9, std::string_view(code(c.form)))
        .bind(10, c.witness);
    bind_date(*s, 11, c.valid_until);
    s->bind(12, c.note).bind(13, now());
    BB_TRY(s->run());
    id = sqlite3_last_insert_rowid(db);
    return {};
  }));
  return id;
}

Status revoke_consent(Store& store, int64_t consent_id, Date on, const std::string& note) {
  BB_TRY(not_in_future(on, "revoked_on"));
  auto st = with_transaction(store, [&](sqlite3* db) -> Status {
    auto c = read_consent_by_id(db, consent_id);
    if (!c.ok()) return c.error();
    BB_TRY(rules::revoke(*c, on));  // once, never before the consent
    auto s = prepare(db, "UPDATE consents SET revoked_on = ?2, revocation_note = ?3 WHERE id = ?1");
    if (!s.ok()) return s.error();
    return s->bind(1, consent_id).bind(2, std::string_view(on.iso())).bind(3, note).run();
  });
  if (!st.ok()) return append_only_error(st.error());
  return st;
}

Result<Consent> load_consent(const Store& store, int64_t consent_id) {
  return read_consent_by_id(store.db(), consent_id);
}

Result<std::vector<Consent>> load_consents(const Store& store, int64_t family_id) {
  auto s = prepare(store.db(), (std::string("SELECT ") + kConsentColumns +
                                " FROM consents WHERE family_id = ?1 ORDER BY given_on, id")
                                   .c_str());
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  std::vector<Consent> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out.push_back(read_consent(*s));
  }
  return out;
}

Result<std::string> load_revocation_note(const Store& store, int64_t consent_id) {
  auto s = prepare(store.db(), "SELECT revocation_note FROM consents WHERE id = ?1");
  if (!s.ok()) return s.error();
  s->bind(1, consent_id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return not_found("consent", consent_id);
  return s->column_text(0);
}

Result<int64_t> record_information(Store& store, const InformationRecord& r) {
  if (r.content.find_first_not_of(" \t\r\n") == std::string::npos)
    return make_error(Str::info_err_content, "invalid field content");
  BB_TRY(not_in_future(r.informed_on, "informed_on"));
  int64_t id = 0;
  BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
    BB_TRY(require_family(db, r.family_id));
    if (r.person) BB_TRY(check_person_of_family(db, r.family_id, *r.person));
    auto s = prepare(db,
                     "INSERT INTO cooperation_information(family_id, informed_on, person_id, recipient_kind, "
                     "recipient_partner_id, recipient_name, purpose, content, how, note, created_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    if (!s.ok()) return s.error();
    s->bind(1, r.family_id).bind(2, std::string_view(r.informed_on.iso()));
    bind_opt_int(*s, 3, r.person);
    s->bind(4, std::string_view(rules::code(r.cooperation_with.kind)));
    bind_opt_int(*s, 5, r.cooperation_with.partner);
    s->bind(6, r.cooperation_with.name).bind(7, r.purpose).bind(8, r.content).bind(9, r.how).bind(10, r.note);
    s->bind(11, now());
    BB_TRY(s->run());
    id = sqlite3_last_insert_rowid(db);
    return {};
  }));
  return id;
}

Result<std::vector<InformationRecord>> load_information(const Store& store, int64_t family_id) {
  auto s = prepare(store.db(),
                   "SELECT id, informed_on, person_id, recipient_kind, recipient_partner_id, recipient_name, "
                   "purpose, content, how, note FROM cooperation_information WHERE family_id = ?1 "
                   "ORDER BY informed_on, id");
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  std::vector<InformationRecord> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    InformationRecord r;
    int i = 0;
    r.id = s->column_int(i++);
    r.family_id = family_id;
    r.informed_on = date_or(*s, i++);
    r.person = opt_int(*s, i++);
    r.cooperation_with.kind = from_code_or<rules::RecipientKind>(
        s->column_text(i++), rules::kRecipientKindCount, rules::RecipientKind::netzwerkpartner);
    r.cooperation_with.partner = opt_int(*s, i++);
    r.cooperation_with.name = s->column_text(i++);
    r.purpose = s->column_text(i++);
    r.content = s->column_text(i++);
    r.how = s->column_text(i++);
    r.note = s->column_text(i++);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace bb::store
