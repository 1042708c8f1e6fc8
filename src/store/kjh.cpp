// KJH involvement, exceptions (a)–(d) and the rules on stored data (see kjh.h).
#include "store/kjh.h"

#include <algorithm>

#include "store/cases_internal.h"
#include "store/rules_internal.h"

namespace bb::store {

using namespace bb::store::detail;
using rules::Date;

namespace {

Status not_in_future(std::optional<Date> d, const char* field) {
  if (d && *d > today_date())
    return make_error(Str::rec_err_date_in_future, std::string("invalid field ") + field, d->german());
  return {};
}

// `person` is a child or expected child of the family (roles as given).
Status check_person_role(sqlite3* db, int64_t family_id, int64_t person, bool expected_only, Str message) {
  auto s = prepare(db, "SELECT family_id, role FROM persons WHERE id = ?1");
  if (!s.ok()) return s.error();
  s->bind(1, person);
  auto row = s->step();
  if (!row.ok()) return row.error();
  const auto role = *row ? s->column_text(1) : std::string();
  const bool ok = *row && s->column_int(0) == family_id &&
                  (role == "expected_child" || (!expected_only && role == "child"));
  if (!ok) return make_error(message, "invalid field child");
  return {};
}

Status check_involvement(sqlite3* db, int64_t family_id, const rules::KjhInvolvement& i) {
  if (i.ended_on && *i.ended_on < i.from)
    return make_error(Str::kjh_err_end_before_start, "invalid field ended_on");
  BB_TRY(not_in_future(i.from, "from"));
  BB_TRY(not_in_future(i.ended_on, "ended_on"));
  if (i.child) BB_TRY(check_person_role(db, family_id, *i.child, false, Str::kjh_err_child));
  return {};
}

Status bind_involvement(Statement& s, const rules::KjhInvolvement& i) {
  bind_opt_int(s, 2, i.child);
  s.bind(3, i.hilfeplan).bind(4, std::string_view(rules::code(i.kind)));
  s.bind(5, std::string_view(i.from.iso()));
  bind_date(s, 6, i.ended_on);
  s.bind(7, std::string_view(code(i.ergebnis))).bind(8, i.fallfuehrung);
  bind_opt_int(s, 9, i.kjh_office);
  s.bind(10, std::string_view("")).bind(11, i.note).bind(12, now());
  return {};
}

Result<int64_t> family_of_row(sqlite3* db, const char* table, int64_t id) {
  auto s = prepare(db, (std::string("SELECT family_id FROM ") + table + " WHERE id = ?1").c_str());
  if (!s.ok()) return s.error();
  s->bind(1, id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return not_found(table, id);
  return s->column_int(0);
}

Status check_exception(sqlite3* db, int64_t family_id, const rules::CooperationException& e) {
  BB_TRY(not_in_future(e.decided_on, "decided_on"));
  BB_TRY(not_in_future(e.ruecksprache.on, "ruecksprache.on"));
  BB_TRY(not_in_future(e.familie.on, "familie.on"));
  BB_TRY(not_in_future(e.fruehe_hilfen.on, "fruehe_hilfen.on"));
  BB_TRY(not_in_future(e.kjh.on, "kjh.on"));
  BB_TRY(not_in_future(e.ended_on, "ended_on"));
  if (e.expected_child) {
    // (c) names the expected child; after the birth it is a child — keep an existing link valid.
    auto s = prepare(db, "SELECT family_id FROM persons WHERE id = ?1");
    if (!s.ok()) return s.error();
    s->bind(1, *e.expected_child);
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row || s->column_int(0) != family_id)
      return make_error(Str::kjh_err_expected_child, "invalid field expected_child");
  }
  return {};
}

void bind_agreement(Statement& s, int first, const rules::Agreement& a) {
  bind_date(s, first, a.on);
  s.bind(first + 1, a.by).bind(first + 2, a.note);
}

void bind_exception(Statement& s, const rules::CooperationException& e) {
  s.bind(2, std::string_view(rules::code(e.kind))).bind(3, std::string_view(e.decided_on.iso()));
  s.bind(4, e.ruecksprache.who);
  bind_date(s, 5, e.ruecksprache.on);
  s.bind(6, static_cast<int64_t>(e.ruecksprache.intervision))
      .bind(7, static_cast<int64_t>(e.ruecksprache.approved));
  s.bind(8, e.ruecksprache.note);
  bind_agreement(s, 9, e.familie);
  bind_agreement(s, 12, e.fruehe_hilfen);
  bind_agreement(s, 15, e.kjh);
  bind_date(s, 18, e.transition_end);
  s.bind(19, static_cast<int64_t>(e.unbefristet)).bind(20, static_cast<int64_t>(e.ergaenzend_freiwillig));
  bind_opt_int(s, 21, e.expected_child);
  s.bind(22, e.begruendung).bind(23, e.risks_weighed);
  bind_date(s, 24, e.ended_on);
  s.bind(25, now());
}

constexpr const char* kExceptionColumns =
    "id, kind, decided_on, leitung_who, leitung_on, intervision, leitung_approved, leitung_note, familie_on, "
    "familie_by, familie_note, fh_on, fh_by, fh_note, kjh_on, kjh_by, kjh_note, transition_end, unbefristet, "
    "ergaenzend_freiwillig, expected_child_id, begruendung, risks_weighed, ended_on";

rules::Agreement read_agreement(const Statement& s, int& i) {
  rules::Agreement a;
  a.on = opt_date(s, i++);
  a.by = s.column_text(i++);
  a.note = s.column_text(i++);
  return a;
}

Result<std::vector<rules::CooperationException>> read_exceptions(sqlite3* db, int64_t family_id) {
  auto s = prepare(db, (std::string("SELECT ") + kExceptionColumns +
                        " FROM kjh_exceptions WHERE family_id = ?1 ORDER BY decided_on, id")
                           .c_str());
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  std::vector<rules::CooperationException> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    rules::CooperationException e;
    int i = 0;
    e.id = s->column_int(i++);
    e.kind = from_code_or<rules::ExceptionKind>(s->column_text(i++), 4, rules::ExceptionKind::d_einzelfall);
    e.decided_on = date_or(*s, i++);
    e.ruecksprache.who = s->column_text(i++);
    e.ruecksprache.on = opt_date(*s, i++);
    e.ruecksprache.intervision = s->column_int(i++) != 0;
    e.ruecksprache.approved = s->column_int(i++) != 0;
    e.ruecksprache.note = s->column_text(i++);
    e.familie = read_agreement(*s, i);
    e.fruehe_hilfen = read_agreement(*s, i);
    e.kjh = read_agreement(*s, i);
    e.transition_end = opt_date(*s, i++);
    e.unbefristet = s->column_int(i++) != 0;
    e.ergaenzend_freiwillig = s->column_int(i++) != 0;
    e.expected_child = opt_int(*s, i++);
    e.begruendung = s->column_text(i++);
    e.risks_weighed = s->column_text(i++);
    e.ended_on = opt_date(*s, i++);
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<rules::KjhInvolvement>> read_involvements(sqlite3* db, int64_t family_id) {
  auto s = prepare(db,
                   "SELECT id, child_id, hilfeplan, kind, from_on, ended_on, ergebnis, fallfuehrung, "
                   "kjh_office_id, note FROM kjh_involvements WHERE family_id = ?1 ORDER BY from_on, id");
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  std::vector<rules::KjhInvolvement> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    rules::KjhInvolvement i;
    int c = 0;
    i.id = s->column_int(c++);
    i.child = opt_int(*s, c++);
    i.hilfeplan = s->column_text(c++);
    i.kind = from_code_or<rules::KjhKind>(s->column_text(c++), 4, rules::KjhKind::keine);
    i.from = date_or(*s, c++);
    i.ended_on = opt_date(*s, c++);
    i.ergebnis =
        from_code_or<rules::AbklaerungErgebnis>(s->column_text(c++), 4, rules::AbklaerungErgebnis::offen);
    i.fallfuehrung = s->column_text(c++);
    i.kjh_office = opt_int(*s, c++);
    i.note = s->column_text(c++);
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace

Result<int64_t> add_kjh_involvement(Store& store, int64_t family_id, const rules::KjhInvolvement& i) {
  int64_t id = 0;
  BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
    BB_TRY(require_family(db, family_id));
    BB_TRY(check_involvement(db, family_id, i));
    auto s = prepare(db,
                     "INSERT INTO kjh_involvements(family_id, child_id, hilfeplan, kind, from_on, ended_on, "
                     "ergebnis, fallfuehrung, kjh_office_id, kjh_office, note, created_at, updated_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)");
    if (!s.ok()) return s.error();
    s->bind(1, family_id);
    BB_TRY(bind_involvement(*s, i));
    BB_TRY(s->run());
    id = sqlite3_last_insert_rowid(db);
    return {};
  }));
  return id;
}

Status edit_kjh_involvement(Store& store, int64_t involvement_id, const rules::KjhInvolvement& i) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto family = family_of_row(db, "kjh_involvements", involvement_id);
    if (!family.ok()) return family.error();
    BB_TRY(check_involvement(db, *family, i));
    auto s = prepare(db,
                     "UPDATE kjh_involvements SET child_id = ?2, hilfeplan = ?3, kind = ?4, from_on = ?5, "
                     "ended_on = ?6, ergebnis = ?7, fallfuehrung = ?8, kjh_office_id = ?9, kjh_office = ?10, "
                     "note = ?11, updated_at = ?12 WHERE id = ?1");
    if (!s.ok()) return s.error();
    s->bind(1, involvement_id);
    BB_TRY(bind_involvement(*s, i));
    return s->run();
  });
}

Status remove_kjh_involvement(Store& store, int64_t involvement_id) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto family = family_of_row(db, "kjh_involvements", involvement_id);
    if (!family.ok()) return family.error();
    auto s = prepare(db, "DELETE FROM kjh_involvements WHERE id = ?1");
    if (!s.ok()) return s.error();
    return s->bind(1, involvement_id).run();
  });
}

Result<std::vector<rules::KjhInvolvement>> load_kjh_involvements(const Store& store, int64_t family_id) {
  return read_involvements(store.db(), family_id);
}

Result<int64_t> record_kjh_exception(Store& store, int64_t family_id, const rules::CooperationException& e) {
  int64_t id = 0;
  BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
    BB_TRY(require_family(db, family_id));
    BB_TRY(check_exception(db, family_id, e));
    if (e.kind == rules::ExceptionKind::c_schwangerschaft && e.expected_child)
      BB_TRY(check_person_role(db, family_id, *e.expected_child, true, Str::kjh_err_expected_child));
    auto s =
        prepare(db,
                "INSERT INTO kjh_exceptions(family_id, kind, decided_on, leitung_who, leitung_on, "
                "intervision, leitung_approved, leitung_note, familie_on, familie_by, familie_note, fh_on, "
                "fh_by, fh_note, kjh_on, kjh_by, kjh_note, transition_end, unbefristet, "
                "ergaenzend_freiwillig, expected_child_id, begruendung, risks_weighed, ended_on, created_at, "
                "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                "?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?25)");
    if (!s.ok()) return s.error();
    s->bind(1, family_id);
    bind_exception(*s, e);
    BB_TRY(s->run());
    id = sqlite3_last_insert_rowid(db);
    return {};
  }));
  return id;
}

Status edit_kjh_exception(Store& store, int64_t exception_id, const rules::CooperationException& e) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto family = family_of_row(db, "kjh_exceptions", exception_id);
    if (!family.ok()) return family.error();
    BB_TRY(check_exception(db, *family, e));
    auto s =
        prepare(db,
                "UPDATE kjh_exceptions SET kind = ?2, decided_on = ?3, leitung_who = ?4, leitung_on = ?5, "
                "intervision = ?6, leitung_approved = ?7, leitung_note = ?8, familie_on = ?9, "
                "familie_by = ?10, familie_note = ?11, fh_on = ?12, fh_by = ?13, fh_note = ?14, "
                "kjh_on = ?15, kjh_by = ?16, kjh_note = ?17, transition_end = ?18, unbefristet = ?19, "
                "ergaenzend_freiwillig = ?20, expected_child_id = ?21, begruendung = ?22, "
                "risks_weighed = ?23, ended_on = ?24, updated_at = ?25 WHERE id = ?1");
    if (!s.ok()) return s.error();
    s->bind(1, exception_id);
    bind_exception(*s, e);
    return s->run();
  });
}

Status end_kjh_exception(Store& store, int64_t exception_id, Date on, const std::string& note) {
  BB_TRY(not_in_future(on, "ended_on"));
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto family = family_of_row(db, "kjh_exceptions", exception_id);
    if (!family.ok()) return family.error();
    auto s = prepare(db, "SELECT ended_on FROM kjh_exceptions WHERE id = ?1");
    if (!s.ok()) return s.error();
    s->bind(1, exception_id);
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (*row && !s->column_is_null(0))
      return make_error(Str::kjh_err_already_ended, "exception already ended");
    auto u =
        prepare(db, "UPDATE kjh_exceptions SET ended_on = ?2, end_note = ?3, updated_at = ?4 WHERE id = ?1");
    if (!u.ok()) return u.error();
    return u->bind(1, exception_id).bind(2, std::string_view(on.iso())).bind(3, note).bind(4, now()).run();
  });
}

Result<std::vector<rules::CooperationException>> load_kjh_exceptions(const Store& store, int64_t family_id) {
  return read_exceptions(store.db(), family_id);
}

Result<rules::KjhFacts> load_kjh_facts(const Store& store, int64_t family_id) {
  sqlite3* db = store.db();
  BB_TRY(require_family(db, family_id));
  rules::KjhFacts f;
  {
    auto s = prepare(db, "SELECT status FROM families WHERE id = ?1");
    if (!s.ok()) return s.error();
    s->bind(1, family_id);
    auto row = s->step();
    if (!row.ok()) return row.error();
    const auto status = *row ? s->column_text(0) : std::string();
    f.in_begleitung = status == "erstkontakt" || status == "laufend";
  }
  auto inv = read_involvements(db, family_id);
  if (!inv.ok()) return inv.error();
  f.involvements = std::move(*inv);
  auto ex = read_exceptions(db, family_id);
  if (!ex.ok()) return ex.error();
  f.exceptions = std::move(*ex);
  // Pregnancies: every expected child; every person named by an exception (c),
  // with its birth date once born (then the role is "child").
  auto s =
      prepare(db,
              "SELECT id, role, birth_date FROM persons WHERE family_id = ?1 AND (role = 'expected_child' "
              "OR id IN (SELECT expected_child_id FROM kjh_exceptions WHERE family_id = ?1)) ORDER BY id");
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    rules::Pregnancy p;
    p.expected_child = s->column_int(0);
    if (s->column_text(1) != "expected_child") p.born_on = opt_date(*s, 2);
    f.pregnancies.push_back(p);
  }
  return f;
}

Result<KjhStatus> kjh_status(const Store& store, int64_t family_id, std::optional<Date> on) {
  auto facts = load_kjh_facts(store, family_id);
  if (!facts.ok()) return facts.error();
  KjhStatus out;
  out.assessment = rules::assess_kjh(*facts, on.value_or(today_date()));
  const auto& a = out.assessment;
  out.needs_decision = a.state == rules::BegleitungState::entscheidung_noetig;
  out.missing = a.missing;
  out.only_b_or_d = out.needs_decision && std::any_of(a.lapsed.begin(), a.lapsed.end(), [](const auto& l) {
                      return l.why == rules::Lapse::c_geburt || l.why == rules::Lapse::a_hilfeplan_folgt;
                    });
  return out;
}

Result<std::vector<KjhDecisionDue>> families_needing_kjh_decision(const Store& store,
                                                                  std::optional<Date> on) {
  auto s = prepare(
      store.db(),
      "SELECT DISTINCT f.id, f.family_name FROM families f JOIN kjh_involvements k ON k.family_id = f.id "
      "WHERE f.status IN ('erstkontakt', 'laufend') AND k.kind IN ('abklaerung', "
      "'verbindlicher_hilfeplan') ORDER BY f.sort_key, f.id");
  if (!s.ok()) return s.error();
  std::vector<KjhDecisionDue> candidates;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    candidates.push_back({s->column_int(0), s->column_text(1)});
  }
  std::vector<KjhDecisionDue> out;
  for (auto& c : candidates) {
    auto st = kjh_status(store, c.family_id, on);
    if (!st.ok()) return st.error();
    if (st->needs_decision) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace bb::store
