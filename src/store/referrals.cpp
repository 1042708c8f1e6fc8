// Vermittlungen: create (only with the family's agreement), outcome,
// follow-up, Informationsrückfluss, queries (referrals.h).
#include "store/referrals.h"

#include "store/cases.h"
#include "store/cases_internal.h"
#include "store/sql.h"

namespace bb::store {

using cases::to_error;
using detail::not_found;
using detail::prepare;

//-----------------------------------------------------------------------------
// [SECTION] Codes
//-----------------------------------------------------------------------------

const char* code(ReferralOutcome o) {
  switch (o) {
    case ReferralOutcome::offen:
      return "offen";
    case ReferralOutcome::angenommen:
      return "angenommen";
    case ReferralOutcome::nicht_angenommen:
      return "nicht_angenommen";
    case ReferralOutcome::abgebrochen:
      break;
  }
  return "abgebrochen";
}

std::optional<ReferralOutcome> referral_outcome_from(std::string_view text) {
  for (auto o : {ReferralOutcome::offen, ReferralOutcome::angenommen, ReferralOutcome::nicht_angenommen,
                 ReferralOutcome::abgebrochen})
    if (text == code(o)) return o;
  return std::nullopt;
}

Str label(ReferralOutcome o) {
  switch (o) {
    case ReferralOutcome::offen:
      return Str::ref_outcome_offen;
    case ReferralOutcome::angenommen:
      return Str::ref_outcome_angenommen;
    case ReferralOutcome::nicht_angenommen:
      return Str::ref_outcome_nicht_angenommen;
    case ReferralOutcome::abgebrochen:
      break;
  }
  return Str::ref_outcome_abgebrochen;
}

namespace {

const char* form_code(rules::ConsentForm f) {
  return f == rules::ConsentForm::muendlich ? "muendlich" : "schriftlich";
}

std::optional<rules::DataCategory> category_from(std::string_view text) {
  for (int i = 0; i < rules::kCategoryCount; ++i) {
    const auto c = static_cast<rules::DataCategory>(i);
    if (text == rules::code(c)) return c;
  }
  return std::nullopt;
}

Status check_date(const std::string& field, const std::string& on, const std::string& today) {
  if (!cases::parse_date(on)) return to_error({field, Str::case_err_date_invalid, {}});
  if (on > today) return to_error({field, Str::case_err_date_in_future, {}});
  return {};
}

// The agreement's checks; returns the consenting person's name.
Result<std::string> check_consent(sqlite3* db, int64_t family_id, const ReferralConsent& c,
                                  const std::string& flow_on, const std::string& prefix) {
  if (c.consent_id) return to_error({prefix + ".consent_id", Str::ref_err_consent_ref_unsupported, {}});
  auto s = prepare(
      db,
      "SELECT p.role, p.first_name, CASE WHEN p.last_name = '' THEN f.family_name ELSE p.last_name END "
      "FROM persons p JOIN families f ON f.id = p.family_id WHERE p.id = ?1 AND p.family_id = ?2");
  if (!s.ok()) return s.error();
  s->bind(1, c.person_id).bind(2, family_id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  const std::string role = *row ? s->column_text(0) : std::string();
  if (role != "parent" && role != "caregiver")
    return to_error({prefix + ".person_id", Str::ref_err_consent_person, {}});
  std::string name = s->column_text(1);
  name += (name.empty() ? "" : " ") + s->column_text(2);
  const std::string on = c.on.empty() ? flow_on : c.on;
  if (!cases::parse_date(on)) return to_error({prefix + ".on", Str::case_err_date_invalid, {}});
  if (on > flow_on) return to_error({prefix + ".on", Str::ref_err_consent_after, {}});
  if (c.form == rules::ConsentForm::muendlich && c.witness.find_first_not_of(" \t") == std::string::npos)
    return to_error({prefix + ".witness", Str::ref_err_consent_witness, {}});
  if (c.witness.size() > cases::kMaxShortText)
    return to_error({prefix + ".witness", Str::case_err_text_too_long, std::to_string(cases::kMaxShortText)});
  return name;
}

constexpr const char* kReferralSelect =
    "SELECT r.id, r.family_id, r.partner_id, r.offer_id, r.partner_name, r.partner_category, "
    "coalesce(o.title, ''), r.referred_on, r.reason_need, r.reason_text, r.consent_person_id, r.consent_by, "
    "r.consent_on, r.consent_form, r.consent_witness, r.consent_id, r.feedback_agreed, r.outcome, "
    "coalesce(r.outcome_on, ''), r.outcome_note, coalesce(r.follow_up_on, ''), r.created_at, r.updated_at, "
    "(SELECT group_concat(category, ',') FROM referral_info i WHERE i.referral_id = r.id) "
    "FROM referrals r LEFT JOIN offers o ON o.id = r.offer_id ";

Referral read_referral(const Statement& s) {
  Referral r;
  int c = 0;
  r.id = s.column_int(c++);
  r.family_id = s.column_int(c++);
  r.partner_id = s.column_int(c++);
  if (!s.column_is_null(c)) r.offer_id = s.column_int(c);
  ++c;
  r.partner_name = s.column_text(c++);
  r.partner_category = directory::category_from(s.column_text(c++)).value_or(directory::Category::weitere);
  r.offer_title = s.column_text(c++);
  r.on = s.column_text(c++);
  r.reason_need = s.column_text(c++);
  r.reason_text = s.column_text(c++);
  if (!s.column_is_null(c)) r.consent_person_id = s.column_int(c);
  ++c;
  r.consent_by = s.column_text(c++);
  r.consent_on = s.column_text(c++);
  r.consent_form =
      s.column_text(c++) == "muendlich" ? rules::ConsentForm::muendlich : rules::ConsentForm::schriftlich;
  r.consent_witness = s.column_text(c++);
  if (!s.column_is_null(c)) r.consent_id = s.column_int(c);
  ++c;
  r.feedback_agreed = s.column_int(c++) != 0;
  r.outcome = referral_outcome_from(s.column_text(c++)).value_or(ReferralOutcome::offen);
  r.outcome_on = s.column_text(c++);
  r.outcome_note = s.column_text(c++);
  r.follow_up_on = s.column_text(c++);
  r.created_at = s.column_text(c++);
  r.updated_at = s.column_text(c++);
  const std::string cats = s.column_text(c++);
  size_t start = 0;
  while (start < cats.size()) {
    size_t end = cats.find(',', start);
    if (end == std::string::npos) end = cats.size();
    if (auto cat = category_from(cats.substr(start, end - start))) r.info_passed.add(*cat);
    start = end + 1;
  }
  return r;
}

Result<Referral> read_referral_by_id(sqlite3* db, int64_t id) {
  auto s = prepare(db, (std::string(kReferralSelect) + "WHERE r.id = ?1").c_str());
  if (!s.ok()) return s.error();
  s->bind(1, id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return not_found("referral", id);
  return read_referral(*s);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Actions
//-----------------------------------------------------------------------------

Result<int64_t> create_referral(Store& store, int64_t family_id, const ReferralInput& in) {
  const std::string today = cases::today(), now = cases::now_timestamp();
  const std::string on = in.on.empty() ? today : in.on;
  // The agreement comes first: without it nothing else matters (seed 003 §5.1).
  if (!in.consent) return to_error({"consent", Str::ref_err_no_consent, {}});
  BB_TRY(check_date("on", on, today));
  if (!directory::is_need_code(in.reason_need))
    return to_error({"reason_need", Str::ref_err_need_required, {}});
  if (in.reason_text.size() > cases::kMaxLongText)
    return to_error({"reason_text", Str::case_err_text_too_long, std::to_string(cases::kMaxLongText)});
  if (!in.follow_up_on.empty()) {
    if (!cases::parse_date(in.follow_up_on))
      return to_error({"follow_up_on", Str::case_err_date_invalid, {}});
    if (in.follow_up_on < on) return to_error({"follow_up_on", Str::ref_err_follow_up_before, {}});
  }
  int64_t id = 0;
  BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
    auto family = detail::read_family(db, family_id);
    if (!family.ok()) return family.error();
    if (family->status == cases::FamilyStatus::abgeschlossen)
      return make_error(Str::case_err_family_closed, "family " + std::to_string(family_id) + " is closed");
    auto who = check_consent(db, family_id, *in.consent, on, "consent");
    if (!who.ok()) return who.error();
    auto p = prepare(db, "SELECT name, category, removed_at IS NOT NULL FROM partners WHERE id = ?1");
    if (!p.ok()) return p.error();
    p->bind(1, in.partner_id);
    auto prow = p->step();
    if (!prow.ok()) return prow.error();
    if (!*prow) return not_found("partner", in.partner_id);
    if (p->column_int(2) != 0) return to_error({"partner_id", Str::dir_err_partner_removed, {}});
    const std::string partner_name = p->column_text(0), category = p->column_text(1);
    if (in.offer_id) {
      auto o = prepare(db, "SELECT partner_id, removed_at IS NOT NULL FROM offers WHERE id = ?1");
      if (!o.ok()) return o.error();
      o->bind(1, *in.offer_id);
      auto orow = o->step();
      if (!orow.ok()) return orow.error();
      if (!*orow) return not_found("offer", *in.offer_id);
      if (o->column_int(0) != in.partner_id)
        return to_error({"offer_id", Str::dir_err_offer_other_partner, {}});
      if (o->column_int(1) != 0) return to_error({"offer_id", Str::dir_err_offer_removed, {}});
    }
    auto s = prepare(
        db,
        "INSERT INTO referrals(family_id, partner_id, offer_id, partner_name, partner_category, "
        "referred_on, reason_need, reason_text, consent_person_id, consent_by, consent_on, consent_form, "
        "consent_witness, feedback_agreed, follow_up_on, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, "
        "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)");
    if (!s.ok()) return s.error();
    s->bind(1, family_id).bind(2, in.partner_id);
    if (in.offer_id)
      s->bind(3, *in.offer_id);
    else
      s->bind_null(3);
    s->bind(4, partner_name).bind(5, category).bind(6, on).bind(7, in.reason_need).bind(8, in.reason_text);
    s->bind(9, in.consent->person_id).bind(10, *who);
    s->bind(11, in.consent->on.empty() ? on : in.consent->on);
    s->bind(12, std::string_view(form_code(in.consent->form))).bind(13, in.consent->witness);
    s->bind(14, int64_t{in.feedback_agreed ? 1 : 0});
    detail::bind_opt(*s, 15, in.follow_up_on);
    s->bind(16, now);
    BB_TRY(s->run());
    id = sqlite3_last_insert_rowid(db);
    auto c = prepare(db, "INSERT INTO referral_info(referral_id, category) VALUES (?1, ?2)");
    if (!c.ok()) return c.error();
    for (auto cat : in.info_passed.list()) {
      c->reset();
      BB_TRY(c->bind(1, id).bind(2, std::string_view(rules::code(cat))).run());
    }
    return {};
  }));
  return id;
}

Status set_referral_outcome(Store& store, int64_t referral_id, ReferralOutcome outcome,
                            const std::string& on_in, const std::string& note) {
  const std::string today = cases::today();
  const std::string on = on_in.empty() ? today : on_in;
  if (note.size() > cases::kMaxLongText)
    return to_error({"note", Str::case_err_text_too_long, std::to_string(cases::kMaxLongText)});
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto r = read_referral_by_id(db, referral_id);
    if (!r.ok()) return r.error();
    if (outcome != ReferralOutcome::offen && (!cases::parse_date(on) || on < r->on || on > today))
      return to_error({"outcome_on", Str::ref_err_outcome_date, {}});
    auto s = prepare(db,
                     "UPDATE referrals SET outcome = ?2, outcome_on = ?3, outcome_note = ?4, updated_at = ?5 "
                     "WHERE id = ?1");
    if (!s.ok()) return s.error();
    s->bind(1, referral_id).bind(2, std::string_view(code(outcome)));
    detail::bind_opt(*s, 3, outcome == ReferralOutcome::offen ? std::string() : on);
    s->bind(4, note).bind(5, cases::now_timestamp());
    return s->run();
  });
}

Status set_referral_follow_up(Store& store, int64_t referral_id, const std::string& on) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto r = read_referral_by_id(db, referral_id);
    if (!r.ok()) return r.error();
    if (!on.empty()) {
      if (!cases::parse_date(on)) return to_error({"follow_up_on", Str::case_err_date_invalid, {}});
      if (on < r->on) return to_error({"follow_up_on", Str::ref_err_follow_up_before, {}});
    }
    auto s = prepare(db, "UPDATE referrals SET follow_up_on = ?2, updated_at = ?3 WHERE id = ?1");
    if (!s.ok()) return s.error();
    s->bind(1, referral_id);
    detail::bind_opt(*s, 2, on);
    s->bind(3, cases::now_timestamp());
    return s->run();
  });
}

Result<int64_t> record_feedback(Store& store, int64_t referral_id, const FeedbackInput& in) {
  const std::string today = cases::today();
  const std::string on = in.on.empty() ? today : in.on;
  if (!in.basis) return to_error({"basis", Str::ref_err_feedback_basis, {}});
  if (in.content.find_first_not_of(" \t\r\n") == std::string::npos)
    return to_error({"content", Str::ref_err_content_required, {}});
  if (in.content.size() > cases::kMaxLongText)
    return to_error({"content", Str::case_err_text_too_long, std::to_string(cases::kMaxLongText)});
  BB_TRY(check_date("on", on, today));
  if (*in.basis == FeedbackBasis::einwilligung && !in.consent)
    return to_error({"consent", Str::ref_err_feedback_basis, {}});
  int64_t id = 0;
  BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
    auto r = read_referral_by_id(db, referral_id);
    if (!r.ok()) return r.error();
    if (on < r->on) return to_error({"on", Str::case_err_date_before, cases::german_date(r->on)});
    if (*in.basis == FeedbackBasis::vermittlung && !r->feedback_agreed)
      return to_error({"basis", Str::ref_err_feedback_not_agreed, {}});
    std::string who;
    if (*in.basis == FeedbackBasis::einwilligung) {
      auto checked = check_consent(db, r->family_id, *in.consent, on, "consent");
      if (!checked.ok()) return checked.error();
      who = *checked;
    }
    auto s = prepare(
        db,
        "INSERT INTO referral_feedback(referral_id, received_on, direction, content, basis, consent_by, "
        "consent_on, consent_form, consent_witness, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
        "?9, ?10)");
    if (!s.ok()) return s.error();
    s->bind(1, referral_id).bind(2, on);
    s->bind(3,
            std::string_view(in.direction == FeedbackDirection::an_partner ? "an_partner" : "vom_partner"));
    s->bind(4, in.content);
    if (*in.basis == FeedbackBasis::einwilligung) {
      s->bind(5, std::string_view("einwilligung")).bind(6, who);
      s->bind(7, in.consent->on.empty() ? on : in.consent->on);
      s->bind(8, std::string_view(form_code(in.consent->form))).bind(9, in.consent->witness);
    } else {
      s->bind(5, std::string_view("vermittlung"))
          .bind_null(6)
          .bind_null(7)
          .bind_null(8)
          .bind(9, std::string_view(""));
    }
    s->bind(10, cases::now_timestamp());
    BB_TRY(s->run());
    id = sqlite3_last_insert_rowid(db);
    auto u = prepare(db, "UPDATE referrals SET updated_at = ?2 WHERE id = ?1");
    if (!u.ok()) return u.error();
    return u->bind(1, referral_id).bind(2, cases::now_timestamp()).run();
  }));
  return id;
}

//-----------------------------------------------------------------------------
// [SECTION] Queries
//-----------------------------------------------------------------------------

Result<Referral> load_referral(const Store& store, int64_t referral_id) {
  return read_referral_by_id(store.db(), referral_id);
}

Result<std::vector<Referral>> load_referrals(const Store& store, int64_t family_id) {
  auto s = prepare(store.db(), (std::string(kReferralSelect) +
                                "WHERE r.family_id = ?1 ORDER BY r.referred_on DESC, r.id DESC")
                                   .c_str());
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  std::vector<Referral> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out.push_back(read_referral(*s));
  }
  return out;
}

Result<std::vector<Feedback>> load_feedback(const Store& store, int64_t referral_id) {
  auto s =
      prepare(store.db(),
              "SELECT id, received_on, direction, content, basis, coalesce(consent_by, ''), "
              "coalesce(consent_on, ''), consent_form, consent_witness, created_at FROM referral_feedback "
              "WHERE referral_id = ?1 ORDER BY received_on, id");
  if (!s.ok()) return s.error();
  s->bind(1, referral_id);
  std::vector<Feedback> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    Feedback f;
    f.id = s->column_int(0);
    f.referral_id = referral_id;
    f.on = s->column_text(1);
    f.direction =
        s->column_text(2) == "an_partner" ? FeedbackDirection::an_partner : FeedbackDirection::vom_partner;
    f.content = s->column_text(3);
    f.basis = s->column_text(4) == "einwilligung" ? FeedbackBasis::einwilligung : FeedbackBasis::vermittlung;
    f.consent_by = s->column_text(5);
    f.consent_on = s->column_text(6);
    if (!s->column_is_null(7))
      f.consent_form =
          s->column_text(7) == "muendlich" ? rules::ConsentForm::muendlich : rules::ConsentForm::schriftlich;
    f.consent_witness = s->column_text(8);
    f.created_at = s->column_text(9);
    out.push_back(std::move(f));
  }
  return out;
}

Result<std::vector<DueReferral>> due_referrals(const Store& store, const std::string& today_in,
                                               int horizon_days) {
  const std::string day = today_in.empty() ? cases::today() : today_in;
  const std::string until = cases::add_days(day, horizon_days);
  auto s =
      prepare(store.db(),
              "SELECT r.id, r.family_id, f.family_name, r.partner_name, r.follow_up_on FROM referrals r "
              "INDEXED BY referrals_due JOIN families f ON f.id = r.family_id WHERE r.outcome = 'offen' AND "
              "r.follow_up_on IS NOT NULL AND r.follow_up_on <= ?1 ORDER BY r.follow_up_on, r.id");
  if (!s.ok()) return s.error();
  s->bind(1, until);
  std::vector<DueReferral> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    DueReferral d;
    d.referral_id = s->column_int(0);
    d.family_id = s->column_int(1);
    d.family_name = s->column_text(2);
    d.partner_name = s->column_text(3);
    d.follow_up_on = s->column_text(4);
    d.overdue = d.follow_up_on < day;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace bb::store
