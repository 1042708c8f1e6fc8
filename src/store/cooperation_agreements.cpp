// The fallbezogene Kooperationsvereinbarung in versions (see cooperation_agreements.h).
#include "store/cooperation_agreements.h"

#include <algorithm>

#include "store/cases_internal.h"
#include "store/rules_internal.h"

namespace bb::store {

using namespace bb::store::detail;
using rules::CooperationAgreement;
using rules::Date;

namespace {

bool agreed_by_all(const CooperationAgreement& a) { return a.familie.on && a.fruehe_hilfen.on && a.kjh.on; }

constexpr const char* kColumns =
    "id, version, drafted_on, fh_voluntary_outside_plan, family_is_client, fh_role, kjh_role, "
    "fallfuehrung_name, "
    "companion_core_profession, competences_fh, competences_kjh, exchange_only_with_consent, "
    "no_reporting_duty_stated, communication, coordination_interval_days, last_coordination_on, familie_on, "
    "familie_by, familie_note, fh_on, fh_by, fh_note, kjh_on, kjh_by, kjh_note, family_id";

rules::Agreement read_agreement(const Statement& s, int& i) {
  rules::Agreement a;
  a.on = opt_date(s, i++);
  a.by = s.column_text(i++);
  a.note = s.column_text(i++);
  return a;
}

Status read_items(sqlite3* db, CooperationAgreement& a) {
  auto s = prepare(db,
                   "SELECT list, text, coalesce(responsible, ''), person FROM cooperation_agreement_items "
                   "WHERE agreement_id = ?1 ORDER BY list, position");
  if (!s.ok()) return s.error();
  s->bind(1, a.id);
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    const auto list = s->column_text(0);
    auto text = s->column_text(1);
    if (list == "ziel_familie")
      a.goals_familie.push_back(text);
    else if (list == "ziel_kjh")
      a.goals_kjh.push_back(text);
    else if (list == "ziel_fh")
      a.goals_fh.push_back(text);
    else if (list == "anlassfall")
      a.anlassfaelle.push_back(text);
    else if (list == "zustaendigkeit")
      a.responsibilities.push_back(
          {text, from_code_or<rules::Responsible>(s->column_text(2), 4, rules::Responsible::andere),
           s->column_text(3)});
  }
  return {};
}

Result<std::vector<std::pair<int64_t, CooperationAgreement>>> read_agreements(sqlite3* db, const char* where,
                                                                              int64_t key) {
  auto s = prepare(db, (std::string("SELECT ") + kColumns + " FROM cooperation_agreements WHERE " + where +
                        " ORDER BY family_id, version")
                           .c_str());
  if (!s.ok()) return s.error();
  s->bind(1, key);
  std::vector<std::pair<int64_t, CooperationAgreement>> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    CooperationAgreement a;
    int i = 0;
    a.id = s->column_int(i++);
    a.version = static_cast<int>(s->column_int(i++));
    a.drafted_on = date_or(*s, i++);
    a.fh_voluntary_outside_plan = s->column_int(i++) != 0;
    a.family_is_client = s->column_int(i++) != 0;
    a.fh_role = s->column_text(i++);
    a.kjh_role = s->column_text(i++);
    a.fallfuehrung = rules::CaseLead::kjh;  // always: there is no column for anything else
    a.fallfuehrung_name = s->column_text(i++);
    a.companion_core_profession = s->column_text(i++);
    a.competences_fh = s->column_text(i++);
    a.competences_kjh = s->column_text(i++);
    a.exchange_only_with_consent = s->column_int(i++) != 0;
    a.no_reporting_duty_stated = s->column_int(i++) != 0;
    a.communication = s->column_text(i++);
    if (auto v = opt_int(*s, i++)) a.coordination_interval_days = static_cast<int>(*v);
    a.last_coordination_on = opt_date(*s, i++);
    a.familie = read_agreement(*s, i);
    a.fruehe_hilfen = read_agreement(*s, i);
    a.kjh = read_agreement(*s, i);
    const int64_t family = s->column_int(i++);
    out.push_back({family, std::move(a)});
  }
  for (auto& p : out) BB_TRY(read_items(db, p.second));
  return out;
}

Status not_in_future(std::optional<Date> d, const char* field) {
  if (d && *d > today_date())
    return make_error(Str::rec_err_date_in_future, std::string("invalid field ") + field, d->german());
  return {};
}

Status write_items(sqlite3* db, const CooperationAgreement& a) {
  auto d = prepare(db, "DELETE FROM cooperation_agreement_items WHERE agreement_id = ?1");
  if (!d.ok()) return d.error();
  BB_TRY(d->bind(1, a.id).run());
  auto s = prepare(db,
                   "INSERT INTO cooperation_agreement_items(agreement_id, list, position, text, responsible, "
                   "person) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!s.ok()) return s.error();
  auto put = [&](const char* list, const std::vector<std::string>& texts) -> Status {
    int64_t pos = 0;
    for (const auto& t : texts) {
      s->reset();
      s->bind(1, a.id)
          .bind(2, std::string_view(list))
          .bind(3, ++pos)
          .bind(4, t)
          .bind_null(5)
          .bind(6, std::string_view(""));
      BB_TRY(s->run());
    }
    return {};
  };
  BB_TRY(put("ziel_familie", a.goals_familie));
  BB_TRY(put("ziel_kjh", a.goals_kjh));
  BB_TRY(put("ziel_fh", a.goals_fh));
  BB_TRY(put("anlassfall", a.anlassfaelle));
  int64_t pos = 0;
  for (const auto& r : a.responsibilities) {
    s->reset();
    s->bind(1, a.id).bind(2, std::string_view("zustaendigkeit")).bind(3, ++pos).bind(4, r.topic);
    s->bind(5, std::string_view(code(r.who))).bind(6, r.person);
    BB_TRY(s->run());
  }
  return {};
}

void bind_content(Statement& s, const CooperationAgreement& a) {
  // ?2.. in the order of kColumns after id/version (drafted_on … kjh_note), ?26 updated_at.
  int i = 2;
  s.bind(i++, std::string_view(a.drafted_on.iso()));
  s.bind(i++, static_cast<int64_t>(a.fh_voluntary_outside_plan));
  s.bind(i++, static_cast<int64_t>(a.family_is_client));
  s.bind(i++, a.fh_role);
  s.bind(i++, a.kjh_role);
  s.bind(i++, a.fallfuehrung_name);
  s.bind(i++, a.companion_core_profession);
  s.bind(i++, a.competences_fh);
  s.bind(i++, a.competences_kjh);
  s.bind(i++, static_cast<int64_t>(a.exchange_only_with_consent));
  s.bind(i++, static_cast<int64_t>(a.no_reporting_duty_stated));
  s.bind(i++, a.communication);
  if (a.coordination_interval_days)
    s.bind(i++, static_cast<int64_t>(*a.coordination_interval_days));
  else
    s.bind_null(i++);
  bind_date(s, i++, a.last_coordination_on);
  for (const auto* g : {&a.familie, &a.fruehe_hilfen, &a.kjh}) {
    bind_date(s, i++, g->on);
    s.bind(i++, g->by);
    s.bind(i++, g->note);
  }
  s.bind(i++, now());
}

}  // namespace

Result<SavedAgreement> save_cooperation_agreement(Store& store, int64_t family_id,
                                                  const CooperationAgreement& a) {
  if (a.fallfuehrung != rules::CaseLead::kjh)
    return make_error(Str::coop_err_fallfuehrung, "invalid field fallfuehrung");
  if (a.coordination_interval_days &&
      (*a.coordination_interval_days < 1 || *a.coordination_interval_days > 3660))
    return make_error(Str::coop_err_interval, "invalid field coordination_interval_days");
  BB_TRY(not_in_future(a.drafted_on, "drafted_on"));
  BB_TRY(not_in_future(a.familie.on, "familie.on"));
  BB_TRY(not_in_future(a.fruehe_hilfen.on, "fruehe_hilfen.on"));
  BB_TRY(not_in_future(a.kjh.on, "kjh.on"));
  BB_TRY(not_in_future(a.last_coordination_on, "last_coordination_on"));
  SavedAgreement out;
  out.issues = rules::validate_agreement(a, today_date());
  if (agreed_by_all(a) && rules::blocks(out.issues)) {
    const auto& first = out.issues.front();
    return make_error(first.text.id, "agreement blocked",
                      first.text.arg_label ? tr(*first.text.arg_label) : first.text.arg);
  }
  auto st = with_transaction(store, [&](sqlite3* db) -> Status {
    BB_TRY(require_family(db, family_id));
    auto all = read_agreements(db, "family_id = ?1", family_id);
    if (!all.ok()) return all.error();
    const CooperationAgreement* latest = all->empty() ? nullptr : &all->back().second;
    CooperationAgreement row = a;
    // The row is written without the family's agreement first: an agreed
    // version is frozen (trigger), so its lists go in before it is complete.
    CooperationAgreement staged = a;
    staged.familie.on.reset();
    if (a.id == 0) {
      row.version = latest ? latest->version + 1 : 1;
      auto s = prepare(
          db,
          "INSERT INTO cooperation_agreements(version, drafted_on, fh_voluntary_outside_plan, "
          "family_is_client, fh_role, kjh_role, fallfuehrung_name, companion_core_profession, "
          "competences_fh, competences_kjh, exchange_only_with_consent, no_reporting_duty_stated, "
          "communication, coordination_interval_days, last_coordination_on, familie_on, familie_by, "
          "familie_note, fh_on, fh_by, fh_note, kjh_on, kjh_by, kjh_note, updated_at, family_id, "
          "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
          "?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?25)");
      if (!s.ok()) return s.error();
      s->bind(1, static_cast<int64_t>(row.version));
      bind_content(*s, staged);
      s->bind(26, family_id);
      BB_TRY(s->run());
      row.id = sqlite3_last_insert_rowid(db);
    } else {
      if (!latest || latest->id != a.id || agreed_by_all(*latest))
        return make_error(Str::coop_err_frozen, "only the latest draft can be overwritten");
      row.version = latest->version;
      auto s =
          prepare(db,
                  "UPDATE cooperation_agreements SET drafted_on = ?2, fh_voluntary_outside_plan = ?3, "
                  "family_is_client = ?4, fh_role = ?5, kjh_role = ?6, fallfuehrung_name = ?7, "
                  "companion_core_profession = ?8, competences_fh = ?9, competences_kjh = ?10, "
                  "exchange_only_with_consent = ?11, no_reporting_duty_stated = ?12, communication = ?13, "
                  "coordination_interval_days = ?14, last_coordination_on = ?15, familie_on = ?16, "
                  "familie_by = ?17, familie_note = ?18, fh_on = ?19, fh_by = ?20, fh_note = ?21, "
                  "kjh_on = ?22, kjh_by = ?23, kjh_note = ?24, updated_at = ?25 WHERE id = ?1");
      if (!s.ok()) return s.error();
      s->bind(1, a.id);
      bind_content(*s, staged);
      BB_TRY(s->run());
    }
    BB_TRY(write_items(db, row));
    if (row.familie.on) {
      auto back = prepare(db, "UPDATE cooperation_agreements SET familie_on = ?2 WHERE id = ?1");
      if (!back.ok()) return back.error();
      back->bind(1, row.id);
      bind_date(*back, 2, row.familie.on);
      BB_TRY(back->run());
    }
    out.id = row.id;
    out.version = row.version;
    return {};
  });
  if (!st.ok()) return append_only_error(st.error());
  return out;
}

Status record_coordination(Store& store, int64_t agreement_id, Date on) {
  BB_TRY(not_in_future(on, "last_coordination_on"));
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto s = prepare(db,
                     "UPDATE cooperation_agreements SET last_coordination_on = ?2, updated_at = ?3 "
                     "WHERE id = ?1");
    if (!s.ok()) return s.error();
    BB_TRY(s->bind(1, agreement_id).bind(2, std::string_view(on.iso())).bind(3, now()).run());
    if (sqlite3_changes(db) == 0) return not_found("cooperation agreement", agreement_id);
    return {};
  });
}

Result<std::vector<CooperationAgreement>> load_cooperation_agreements(const Store& store, int64_t family_id) {
  auto all = read_agreements(store.db(), "family_id = ?1", family_id);
  if (!all.ok()) return all.error();
  std::vector<CooperationAgreement> out;
  for (auto& p : *all) out.push_back(std::move(p.second));
  return out;
}

Result<std::optional<CooperationAgreement>> load_latest_agreement(const Store& store, int64_t family_id) {
  auto all = load_cooperation_agreements(store, family_id);
  if (!all.ok()) return all.error();
  if (all->empty()) return std::optional<CooperationAgreement>();
  return std::optional<CooperationAgreement>(all->back());
}

Result<std::optional<CooperationAgreement>> load_agreement_in_force(const Store& store, int64_t family_id) {
  auto all = load_cooperation_agreements(store, family_id);
  if (!all.ok()) return all.error();
  for (auto it = all->rbegin(); it != all->rend(); ++it)
    if (rules::in_force_since(*it)) return std::optional<CooperationAgreement>(*it);
  return std::optional<CooperationAgreement>();
}

Result<std::vector<CoordinationDue>> coordination_reminders(const Store& store, std::optional<Date> on,
                                                            int horizon_days) {
  const Date today = on.value_or(today_date());
  auto fams = prepare(store.db(),
                      "SELECT DISTINCT f.id, f.family_name FROM families f JOIN cooperation_agreements a "
                      "ON a.family_id = f.id WHERE f.status <> 'abgeschlossen' ORDER BY f.id");
  if (!fams.ok()) return fams.error();
  std::vector<std::pair<int64_t, std::string>> families;
  for (;;) {
    auto row = fams->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    families.push_back({fams->column_int(0), fams->column_text(1)});
  }
  std::vector<CoordinationDue> out;
  for (const auto& f : families) {
    auto a = load_agreement_in_force(store, f.first);
    if (!a.ok()) return a.error();
    if (!*a) continue;
    auto due = rules::next_coordination_due(**a);
    if (!due || *due > today.plus_days(horizon_days)) continue;
    out.push_back({f.first, f.second, (*a)->id, *due, *due < today});
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.due_on < y.due_on; });
  return out;
}

}  // namespace bb::store
