// The case-documentation actions: one function, one transaction each (see cases.h).
#include "store/cases.h"

#include "core/search_normalize.h"
#include "store/cases_internal.h"
#include "store/sql.h"

namespace bb::store {

using namespace bb::cases;

namespace detail {

void bind_opt(Statement& s, int index, const std::string& value) {
  if (value.empty())
    s.bind_null(index);
  else
    s.bind(index, std::string_view(value));
}

Status first_error(const ValidationErrors& errors) {
  if (errors.empty()) return {};
  return to_error(errors.front());
}

Error not_found(const char* what, int64_t id) {
  return make_error(Str::case_err_not_found, std::string(what) + " " + std::to_string(id) + " not found");
}

Result<Statement> prepare(sqlite3* db, const char* sql) { return Statement::prepare(db, sql); }

Result<bool> catalog_has(sqlite3* db, const char* kind, const std::string& code, bool only_active) {
  auto s = prepare(db, "SELECT active FROM catalog WHERE kind = ?1 AND code = ?2");
  if (!s.ok()) return s.error();
  s->bind(1, std::string_view(kind)).bind(2, std::string_view(code));
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return false;
  return !only_active || s->column_int(0) == 1;
}

Status check_catalog(sqlite3* db, ValidationErrors& out, const std::string& field, const char* kind,
                     const std::string& code, const std::string& kept) {
  if (code.empty()) return {};
  auto has = catalog_has(db, kind, code, code != kept);  // an unchanged old value may be inactive
  if (!has.ok()) return has.error();
  if (!*has) out.push_back({field, Str::case_err_unknown_entry, code});
  return {};
}

Result<Family> read_family(sqlite3* db, int64_t id) {
  auto s = prepare(
      db,
      "SELECT family_name, request_on, coalesce(access_route, ''), access_note, companion, "
      "coalesce(companion_profession, ''), languages, interpreter_needed, address, phone, email, note, "
      "status, status_since, coalesce(end_reason, ''), coalesce(ended_on, ''), "
      "coalesce(last_contact_on, ''), coalesce(next_appointment, ''), coalesce(next_review_on, ''), "
      "created_at, updated_at FROM families WHERE id = ?1");
  if (!s.ok()) return s.error();
  s->bind(1, id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return not_found("family", id);
  Family f;
  f.id = id;
  int c = 0;
  f.family_name = s->column_text(c++);
  f.request_on = s->column_text(c++);
  f.access_route = s->column_text(c++);
  f.access_note = s->column_text(c++);
  f.companion = s->column_text(c++);
  f.companion_profession = s->column_text(c++);
  f.languages = s->column_text(c++);
  f.interpreter_needed = s->column_int(c++) != 0;
  f.address = s->column_text(c++);
  f.phone = s->column_text(c++);
  f.email = s->column_text(c++);
  f.note = s->column_text(c++);
  f.status = family_status_from(s->column_text(c++)).value_or(FamilyStatus::anfrage);
  f.status_since = s->column_text(c++);
  f.end_reason = s->column_text(c++);
  f.ended_on = s->column_text(c++);
  f.last_contact_on = s->column_text(c++);
  f.next_appointment = s->column_text(c++);
  f.next_review_on = s->column_text(c++);
  f.created_at = s->column_text(c++);
  f.updated_at = s->column_text(c++);
  return f;
}

Result<int64_t> family_of(sqlite3* db, const char* table, int64_t id) {
  std::string sql = std::string("SELECT family_id FROM ") + table + " WHERE id = ?1";
  auto s = prepare(db, sql.c_str());
  if (!s.ok()) return s.error();
  s->bind(1, id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return not_found(table, id);
  return s->column_int(0);
}

Status insert_person(sqlite3* db, int64_t family_id, const PersonInput& p, const std::string& now) {
  auto s = prepare(db,
                   "INSERT INTO persons(family_id, role, first_name, last_name, birth_date, due_date, note, "
                   "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)");
  if (!s.ok()) return s.error();
  s->bind(1, family_id).bind(2, std::string_view(code(p.role))).bind(3, p.first_name).bind(4, p.last_name);
  bind_opt(*s, 5, p.birth_date);
  bind_opt(*s, 6, p.due_date);
  s->bind(7, p.note).bind(8, now);
  return s->run();
}

Status write_contact_links(sqlite3* db, int64_t contact_id, const ContactInput& in) {
  BB_TRY(exec(db, ("DELETE FROM contact_persons WHERE contact_id = " + std::to_string(contact_id) +
                   "; DELETE FROM contact_topics WHERE contact_id = " + std::to_string(contact_id))
                      .c_str()));
  auto p = prepare(db, "INSERT OR IGNORE INTO contact_persons(contact_id, person_id) VALUES (?1, ?2)");
  if (!p.ok()) return p.error();
  for (int64_t person : in.present) {
    p->reset();
    BB_TRY(p->bind(1, contact_id).bind(2, person).run());
  }
  auto t = prepare(db, "INSERT OR IGNORE INTO contact_topics(contact_id, topic) VALUES (?1, ?2)");
  if (!t.ok()) return t.error();
  for (const auto& topic : in.topics) {
    t->reset();
    BB_TRY(t->bind(1, contact_id).bind(2, topic).run());
  }
  return {};
}

Status insert_goal_history(sqlite3* db, int64_t goal_id, const GoalInput& in, const std::string& on,
                           const std::string& now) {
  auto s =
      prepare(db,
              "INSERT INTO goal_history(goal_id, changed_on, status, title, description, next_review_on, "
              "comment, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!s.ok()) return s.error();
  s->bind(1, goal_id).bind(2, on).bind(3, std::string_view(code(in.status))).bind(4, in.title);
  s->bind(5, in.description);
  bind_opt(*s, 6, in.next_review_on);
  s->bind(7, in.comment).bind(8, now);
  return s->run();
}

}  // namespace detail

using namespace detail;

namespace {

// Checks that every present person belongs to the family.
Status check_present(sqlite3* db, int64_t family_id, const ContactInput& in, ValidationErrors& out) {
  for (int64_t person : in.present) {
    auto s = prepare(db, "SELECT family_id FROM persons WHERE id = ?1");
    if (!s.ok()) return s.error();
    s->bind(1, person);
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row || s->column_int(0) != family_id) {
      out.push_back({"present", Str::case_err_person_not_in_family, {}});
      break;
    }
  }
  return {};
}

Status check_contact(sqlite3* db, int64_t family_id, const ContactInput& in, const Contact* old) {
  ValidationErrors errors = validate_contact(in, today());
  BB_TRY(check_catalog(db, errors, "kind", "contact_kind", in.kind, old ? old->kind : std::string()));
  for (const auto& topic : in.topics) {
    bool kept = false;
    if (old)
      for (const auto& t : old->topics) kept = kept || t == topic;
    BB_TRY(check_catalog(db, errors, "topics", "topic", topic, kept ? topic : std::string()));
  }
  BB_TRY(check_present(db, family_id, in, errors));
  return first_error(errors);
}

Status require_open(const Family& f) {
  if (f.status == FamilyStatus::abgeschlossen)
    return make_error(Str::case_err_family_closed, "family " + std::to_string(f.id) + " is closed");
  return {};
}

Status write_status(sqlite3* db, const Family& f, const StatusChange& change, const std::string& now) {
  const bool closing = change.to == FamilyStatus::abgeschlossen;
  auto u = prepare(db,
                   "UPDATE families SET status = ?2, status_since = ?3, end_reason = ?4, ended_on = ?5, "
                   "updated_at = ?6 WHERE id = ?1");
  if (!u.ok()) return u.error();
  u->bind(1, f.id).bind(2, std::string_view(code(change.to))).bind(3, change.on);
  bind_opt(*u, 4, closing ? change.end_reason : std::string());
  bind_opt(*u, 5, closing ? change.on : std::string());
  u->bind(6, now);
  BB_TRY(u->run());
  auto h =
      prepare(db,
              "INSERT INTO status_changes(family_id, from_status, to_status, changed_on, end_reason, note, "
              "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!h.ok()) return h.error();
  h->bind(1, f.id).bind(2, std::string_view(code(f.status))).bind(3, std::string_view(code(change.to)));
  h->bind(4, change.on);
  bind_opt(*h, 5, closing ? change.end_reason : std::string());
  h->bind(6, change.note).bind(7, now);
  return h->run();
}

Status check_family_catalogs(sqlite3* db, const FamilyInput& in, const Family* old,
                             ValidationErrors& errors) {
  BB_TRY(check_catalog(db, errors, "access_route", "access_route", in.access_route,
                       old ? old->access_route : std::string()));
  BB_TRY(check_catalog(db, errors, "companion_profession", "profession", in.companion_profession,
                       old ? old->companion_profession : std::string()));
  return {};
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Families
//-----------------------------------------------------------------------------

Result<int64_t> create_family(Store& store, const FamilyInput& input,
                              const std::vector<PersonInput>& persons) {
  FamilyInput in = input;
  const std::string day = today(), now = now_timestamp();
  if (in.request_on.empty()) in.request_on = day;
  ValidationErrors errors = validate_family(in, day);
  BB_TRY(check_family_catalogs(store.db(), in, nullptr, errors));
  for (size_t i = 0; i < persons.size(); ++i) {
    for (auto e : validate_person(persons[i], day)) {
      e.field = "persons." + std::to_string(i) + "." + e.field;
      errors.push_back(std::move(e));
    }
  }
  BB_TRY(first_error(errors));
  int64_t id = 0;
  BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
    auto s =
        prepare(db,
                "INSERT INTO families(family_name, sort_key, status, status_since, request_on, access_route, "
                "access_note, companion, companion_profession, languages, interpreter_needed, address, "
                "phone, email, note, created_at, updated_at) VALUES (?1, ?2, 'anfrage', ?3, ?3, ?4, ?5, ?6, "
                "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)");
    if (!s.ok()) return s.error();
    s->bind(1, in.family_name).bind(2, search::fold_for_search(in.family_name)).bind(3, in.request_on);
    bind_opt(*s, 4, in.access_route);
    s->bind(5, in.access_note).bind(6, in.companion);
    bind_opt(*s, 7, in.companion_profession);
    s->bind(8, in.languages).bind(9, int64_t(in.interpreter_needed ? 1 : 0)).bind(10, in.address);
    s->bind(11, in.phone).bind(12, in.email).bind(13, in.note).bind(14, now);
    BB_TRY(s->run());
    id = sqlite3_last_insert_rowid(db);
    auto h = prepare(db,
                     "INSERT INTO status_changes(family_id, from_status, to_status, changed_on, created_at) "
                     "VALUES (?1, NULL, 'anfrage', ?2, ?3)");
    if (!h.ok()) return h.error();
    BB_TRY(h->bind(1, id).bind(2, in.request_on).bind(3, now).run());
    for (const auto& p : persons) BB_TRY(insert_person(db, id, p, now));
    return refresh_family(db, id);
  }));
  return id;
}

Status edit_family(Store& store, int64_t family_id, const FamilyInput& input) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto old = read_family(db, family_id);
    if (!old.ok()) return old.error();
    FamilyInput in = input;
    if (in.request_on.empty()) in.request_on = old->request_on;
    ValidationErrors errors = validate_family(in, today());
    BB_TRY(check_family_catalogs(db, in, &*old, errors));
    BB_TRY(first_error(errors));
    auto s =
        prepare(db,
                "UPDATE families SET family_name = ?2, sort_key = ?3, request_on = ?4, access_route = ?5, "
                "access_note = ?6, companion = ?7, companion_profession = ?8, languages = ?9, "
                "interpreter_needed = ?10, address = ?11, phone = ?12, email = ?13, note = ?14, "
                "updated_at = ?15 WHERE id = ?1");
    if (!s.ok()) return s.error();
    s->bind(1, family_id).bind(2, in.family_name).bind(3, search::fold_for_search(in.family_name));
    s->bind(4, in.request_on);
    bind_opt(*s, 5, in.access_route);
    s->bind(6, in.access_note).bind(7, in.companion);
    bind_opt(*s, 8, in.companion_profession);
    s->bind(9, in.languages).bind(10, int64_t(in.interpreter_needed ? 1 : 0)).bind(11, in.address);
    s->bind(12, in.phone).bind(13, in.email).bind(14, in.note).bind(15, now_timestamp());
    BB_TRY(s->run());
    return refresh_family(db, family_id);
  });
}

Status change_status(Store& store, int64_t family_id, const StatusChange& input) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto f = read_family(db, family_id);
    if (!f.ok()) return f.error();
    StatusChange change = input;
    if (change.on.empty()) change.on = today();
    ValidationErrors errors = validate_status_change(*f, change, today());
    if (change.to == FamilyStatus::abgeschlossen)
      BB_TRY(check_catalog(db, errors, "end_reason", "end_reason", change.end_reason, {}));
    BB_TRY(first_error(errors));
    BB_TRY(write_status(db, *f, change, now_timestamp()));
    return refresh_family(db, family_id);
  });
}

Status close_family(Store& store, int64_t family_id, const std::string& end_reason, const std::string& on,
                    const std::string& note) {
  return change_status(store, family_id, StatusChange{FamilyStatus::abgeschlossen, on, end_reason, note});
}

Status reopen_family(Store& store, int64_t family_id, FamilyStatus to, const std::string& on,
                     const std::string& note) {
  auto f = read_family(store.db(), family_id);
  if (!f.ok()) return f.error();
  if (f->status != FamilyStatus::abgeschlossen) return to_error({"to", Str::case_err_not_closed, {}});
  return change_status(store, family_id, StatusChange{to, on, {}, note});
}

Status delete_family(Store& store, int64_t family_id) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto s = prepare(db, "DELETE FROM families WHERE id = ?1");
    if (!s.ok()) return s.error();
    BB_TRY(s->bind(1, family_id).run());
    if (sqlite3_changes(db) == 0) return not_found("family", family_id);
    auto f = prepare(db, "DELETE FROM family_search WHERE rowid = ?1");
    if (!f.ok()) return f.error();
    BB_TRY(f->bind(1, family_id).run());
    // A form draft kept across the lock (exchange/case_draft.h, key "draft.case") may belong to it.
    auto d = prepare(db,
                     "DELETE FROM settings WHERE key = 'draft.case' AND "
                     "CASE WHEN json_valid(value) THEN json_extract(value, '$.family_id') END = ?1");
    if (!d.ok()) return d.error();
    BB_TRY(d->bind(1, family_id).run());
    // A contentless_delete FTS5 index keeps a deleted row's terms in its
    // segments (behind a tombstone) until they are merged; 'optimize' merges
    // them all now, so no term of the family is left (docs/consent.md
    // "Deletion"; test retstore-3). Costs one rewrite of the index.
    return exec(db, "INSERT INTO family_search(family_search) VALUES ('optimize')");
  });
}

Result<Family> load_family(const Store& store, int64_t family_id) {
  return read_family(store.db(), family_id);
}

Result<std::vector<StatusChangeRecord>> load_status_history(const Store& store, int64_t family_id) {
  auto s =
      prepare(store.db(),
              "SELECT id, coalesce(from_status, ''), to_status, changed_on, coalesce(end_reason, ''), note, "
              "created_at FROM status_changes WHERE family_id = ?1 ORDER BY changed_on, id");
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  std::vector<StatusChangeRecord> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    StatusChangeRecord r;
    r.id = s->column_int(0);
    r.from = family_status_from(s->column_text(1));
    r.to = family_status_from(s->column_text(2)).value_or(FamilyStatus::anfrage);
    r.on = s->column_text(3);
    r.end_reason = s->column_text(4);
    r.note = s->column_text(5);
    r.created_at = s->column_text(6);
    out.push_back(std::move(r));
  }
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Persons
//-----------------------------------------------------------------------------

Result<int64_t> add_person(Store& store, int64_t family_id, const PersonInput& in) {
  BB_TRY(first_error(validate_person(in, today())));
  int64_t id = 0;
  BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
    auto f = read_family(db, family_id);
    if (!f.ok()) return f.error();
    BB_TRY(insert_person(db, family_id, in, now_timestamp()));
    id = sqlite3_last_insert_rowid(db);
    return refresh_family(db, family_id);
  }));
  return id;
}

Status edit_person(Store& store, int64_t person_id, const PersonInput& in) {
  BB_TRY(first_error(validate_person(in, today())));
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto family = family_of(db, "persons", person_id);
    if (!family.ok()) return family.error();
    auto s = prepare(db,
                     "UPDATE persons SET role = ?2, first_name = ?3, last_name = ?4, birth_date = ?5, "
                     "due_date = ?6, note = ?7, updated_at = ?8 WHERE id = ?1");
    if (!s.ok()) return s.error();
    s->bind(1, person_id)
        .bind(2, std::string_view(code(in.role)))
        .bind(3, in.first_name)
        .bind(4, in.last_name);
    bind_opt(*s, 5, in.birth_date);
    bind_opt(*s, 6, in.due_date);
    s->bind(7, in.note).bind(8, now_timestamp());
    BB_TRY(s->run());
    return refresh_family(db, *family);
  });
}

Status remove_person(Store& store, int64_t person_id) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto family = family_of(db, "persons", person_id);
    if (!family.ok()) return family.error();
    // Consents and child-protection entries are evidence and keep whom they
    // name: such a person stays (a German message instead of a failed foreign key).
    auto used = prepare(db,
                        "SELECT EXISTS(SELECT 1 FROM consents WHERE person_id = ?1) OR "
                        "EXISTS(SELECT 1 FROM child_protection_entries WHERE child_id = ?1)");
    if (!used.ok()) return used.error();
    used->bind(1, person_id);
    auto row = used->step();
    if (!row.ok()) return row.error();
    if (*row && used->column_int(0) != 0)
      return make_error(Str::rec_err_person_referenced,
                        "person referenced by a consent or child-protection entry");
    auto s = prepare(db, "DELETE FROM persons WHERE id = ?1");
    if (!s.ok()) return s.error();
    BB_TRY(s->bind(1, person_id).run());
    return refresh_family(db, *family);
  });
}

Result<std::vector<Person>> load_persons(const Store& store, int64_t family_id) {
  auto s = prepare(
      store.db(),
      "SELECT id, role, first_name, last_name, coalesce(birth_date, ''), coalesce(due_date, ''), note "
      "FROM persons WHERE family_id = ?1 ORDER BY CASE role WHEN 'parent' THEN 0 WHEN 'caregiver' "
      "THEN 1 WHEN 'child' THEN 2 ELSE 3 END, coalesce(birth_date, due_date), id");
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  std::vector<Person> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    Person p;
    p.id = s->column_int(0);
    p.family_id = family_id;
    p.role = person_role_from(s->column_text(1)).value_or(PersonRole::parent);
    p.first_name = s->column_text(2);
    p.last_name = s->column_text(3);
    p.birth_date = s->column_text(4);
    p.due_date = s->column_text(5);
    p.note = s->column_text(6);
    out.push_back(std::move(p));
  }
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Contacts
//-----------------------------------------------------------------------------

Result<int64_t> add_contact(Store& store, int64_t family_id, const ContactInput& input) {
  ContactInput in = input;
  if (in.on.empty()) in.on = today();
  int64_t id = 0;
  BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
    auto f = read_family(db, family_id);
    if (!f.ok()) return f.error();
    BB_TRY(check_contact(db, family_id, in, nullptr));
    BB_TRY(require_open(*f));
    const std::string now = now_timestamp();
    auto s = prepare(db,
                     "INSERT INTO contacts(family_id, contact_on, start_time, duration_min, kind, place, "
                     "others_present, note, next_steps, next_appointment, created_at, updated_at) VALUES "
                     "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)");
    if (!s.ok()) return s.error();
    s->bind(1, family_id).bind(2, in.on);
    bind_opt(*s, 3, in.start);
    s->bind(4, int64_t(in.duration_min)).bind(5, in.kind).bind(6, in.place).bind(7, in.others_present);
    s->bind(8, in.note).bind(9, in.next_steps);
    bind_opt(*s, 10, in.next_appointment);
    s->bind(11, now);
    BB_TRY(s->run());
    id = sqlite3_last_insert_rowid(db);
    BB_TRY(write_contact_links(db, id, in));
    return refresh_family(db, family_id);
  }));
  return id;
}

Status edit_contact(Store& store, int64_t contact_id, const ContactInput& input) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto old = load_contact(store, contact_id);
    if (!old.ok()) return old.error();
    ContactInput in = input;
    if (in.on.empty()) in.on = old->on;
    BB_TRY(check_contact(db, old->family_id, in, &*old));
    auto s = prepare(db,
                     "UPDATE contacts SET contact_on = ?2, start_time = ?3, duration_min = ?4, kind = ?5, "
                     "place = ?6, others_present = ?7, note = ?8, next_steps = ?9, next_appointment = ?10, "
                     "next_steps_done = CASE WHEN next_steps = ?9 THEN next_steps_done ELSE 0 END, "
                     "updated_at = ?11 WHERE id = ?1");
    if (!s.ok()) return s.error();
    s->bind(1, contact_id).bind(2, in.on);
    bind_opt(*s, 3, in.start);
    s->bind(4, int64_t(in.duration_min)).bind(5, in.kind).bind(6, in.place).bind(7, in.others_present);
    s->bind(8, in.note).bind(9, in.next_steps);
    bind_opt(*s, 10, in.next_appointment);
    s->bind(11, now_timestamp());
    BB_TRY(s->run());
    BB_TRY(write_contact_links(db, contact_id, in));
    return refresh_family(db, old->family_id);
  });
}

Status remove_contact(Store& store, int64_t contact_id) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto family = family_of(db, "contacts", contact_id);
    if (!family.ok()) return family.error();
    auto s = prepare(db, "DELETE FROM contacts WHERE id = ?1");
    if (!s.ok()) return s.error();
    BB_TRY(s->bind(1, contact_id).run());
    return refresh_family(db, *family);
  });
}

Status set_next_steps_done(Store& store, int64_t contact_id, bool done) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto family = family_of(db, "contacts", contact_id);
    if (!family.ok()) return family.error();
    auto s = prepare(db, "UPDATE contacts SET next_steps_done = ?2, updated_at = ?3 WHERE id = ?1");
    if (!s.ok()) return s.error();
    return s->bind(1, contact_id).bind(2, int64_t(done ? 1 : 0)).bind(3, now_timestamp()).run();
  });
}

namespace {

const char* kContactColumns =
    "SELECT id, family_id, contact_on, coalesce(start_time, ''), duration_min, kind, place, others_present, "
    "note, "
    "next_steps, next_steps_done, coalesce(next_appointment, ''), created_at, updated_at FROM contacts ";

Contact read_contact_row(const Statement& s) {
  Contact c;
  c.id = s.column_int(0);
  c.family_id = s.column_int(1);
  c.on = s.column_text(2);
  c.start = s.column_text(3);
  c.duration_min = static_cast<int>(s.column_int(4));
  c.kind = s.column_text(5);
  c.place = s.column_text(6);
  c.others_present = s.column_text(7);
  c.note = s.column_text(8);
  c.next_steps = s.column_text(9);
  c.next_steps_done = s.column_int(10) != 0;
  c.next_appointment = s.column_text(11);
  c.created_at = s.column_text(12);
  c.updated_at = s.column_text(13);
  return c;
}

Status load_contact_links(sqlite3* db, Contact& c) {
  auto p = prepare(db, "SELECT person_id FROM contact_persons WHERE contact_id = ?1 ORDER BY person_id");
  if (!p.ok()) return p.error();
  p->bind(1, c.id);
  for (;;) {
    auto row = p->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    c.present.push_back(p->column_int(0));
  }
  auto t = prepare(db,
                   "SELECT t.topic FROM contact_topics t LEFT JOIN catalog k ON k.kind = 'topic' AND "
                   "k.code = t.topic WHERE t.contact_id = ?1 ORDER BY coalesce(k.position, 999), t.topic");
  if (!t.ok()) return t.error();
  t->bind(1, c.id);
  for (;;) {
    auto row = t->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    c.topics.push_back(t->column_text(0));
  }
  return {};
}

}  // namespace

Result<Contact> load_contact(const Store& store, int64_t contact_id) {
  auto s = prepare(store.db(), (std::string(kContactColumns) + "WHERE id = ?1").c_str());
  if (!s.ok()) return s.error();
  s->bind(1, contact_id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return not_found("contact", contact_id);
  Contact c = read_contact_row(*s);
  BB_TRY(load_contact_links(store.db(), c));
  return c;
}

Result<std::vector<Contact>> load_contacts(const Store& store, int64_t family_id) {
  auto s = prepare(store.db(), (std::string(kContactColumns) +
                                "WHERE family_id = ?1 ORDER BY contact_on DESC, start_time DESC, id DESC")
                                   .c_str());
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  std::vector<Contact> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out.push_back(read_contact_row(*s));
  }
  for (auto& c : out) BB_TRY(load_contact_links(store.db(), c));
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Bedarfe und Ressourcen
//-----------------------------------------------------------------------------

Result<int64_t> record_assessment(Store& store, int64_t family_id, const AssessmentInput& input) {
  AssessmentInput in = input;
  if (in.on.empty()) in.on = today();
  int64_t id = 0;
  BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
    auto f = read_family(db, family_id);
    if (!f.ok()) return f.error();
    ValidationErrors errors = validate_assessment(in, today());
    for (const auto& r : in.ratings)
      BB_TRY(check_catalog(db, errors, "ratings." + r.item, "instrument", r.item, {}));
    BB_TRY(first_error(errors));
    BB_TRY(require_open(*f));
    const std::string now = now_timestamp();
    auto s =
        prepare(db,
                "INSERT INTO assessments(family_id, assessed_on, occasion, note, created_at, updated_at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?5)");
    if (!s.ok()) return s.error();
    s->bind(1, family_id).bind(2, in.on).bind(3, std::string_view(code(in.occasion))).bind(4, in.note);
    BB_TRY(s->bind(5, now).run());
    id = sqlite3_last_insert_rowid(db);
    auto r = prepare(db,
                     "INSERT OR REPLACE INTO assessment_ratings(assessment_id, item, rating, comment) "
                     "VALUES (?1, ?2, ?3, ?4)");
    if (!r.ok()) return r.error();
    for (const auto& rating : in.ratings) {
      r->reset();
      BB_TRY(
          r->bind(1, id).bind(2, rating.item).bind(3, int64_t(rating.rating)).bind(4, rating.comment).run());
    }
    return refresh_family(db, family_id);
  }));
  return id;
}

Result<std::vector<Assessment>> load_assessments(const Store& store, int64_t family_id) {
  auto s = prepare(store.db(),
                   "SELECT id, assessed_on, occasion, note FROM assessments WHERE family_id = ?1 "
                   "ORDER BY assessed_on, id");
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  std::vector<Assessment> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    Assessment a;
    a.id = s->column_int(0);
    a.family_id = family_id;
    a.on = s->column_text(1);
    a.occasion = occasion_from(s->column_text(2)).value_or(AssessmentOccasion::review);
    a.note = s->column_text(3);
    out.push_back(std::move(a));
  }
  auto r = prepare(store.db(),
                   "SELECT r.item, r.rating, r.comment FROM assessment_ratings r LEFT JOIN catalog k ON "
                   "k.kind = 'instrument' AND k.code = r.item WHERE r.assessment_id = ?1 "
                   "ORDER BY coalesce(k.position, 999), r.item");
  if (!r.ok()) return r.error();
  for (auto& a : out) {
    r->reset();
    r->bind(1, a.id);
    for (;;) {
      auto row = r->step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      a.ratings.push_back({r->column_text(0), static_cast<int>(r->column_int(1)), r->column_text(2)});
    }
  }
  return out;
}

Result<std::vector<ItemProgress>> instrument_progress(const Store& store, int64_t family_id) {
  auto s =
      prepare(store.db(),
              "SELECT r.item, coalesce(k.label, r.item), a.assessed_on, r.rating FROM assessment_ratings r "
              "JOIN assessments a ON a.id = r.assessment_id LEFT JOIN catalog k ON k.kind = 'instrument' "
              "AND k.code = r.item WHERE a.family_id = ?1 "
              "ORDER BY coalesce(k.position, 999), r.item, a.assessed_on, a.id");
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  std::vector<ItemProgress> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    const std::string item = s->column_text(0);
    if (out.empty() || out.back().item != item) out.push_back({item, s->column_text(1), {}});
    out.back().ratings.emplace_back(s->column_text(2), static_cast<int>(s->column_int(3)));
  }
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Goals and responsibilities
//-----------------------------------------------------------------------------

Result<int64_t> add_goal(Store& store, int64_t family_id, const GoalInput& in) {
  BB_TRY(first_error(validate_goal(in)));
  int64_t id = 0;
  BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
    auto f = read_family(db, family_id);
    if (!f.ok()) return f.error();
    BB_TRY(require_open(*f));
    const std::string now = now_timestamp();
    auto s = prepare(db,
                     "INSERT INTO goals(family_id, perspective, title, description, status, next_review_on, "
                     "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)");
    if (!s.ok()) return s.error();
    s->bind(1, family_id).bind(2, std::string_view(code(in.perspective))).bind(3, in.title);
    s->bind(4, in.description).bind(5, std::string_view(code(in.status)));
    bind_opt(*s, 6, in.next_review_on);
    BB_TRY(s->bind(7, now).run());
    id = sqlite3_last_insert_rowid(db);
    BB_TRY(insert_goal_history(db, id, in, today(), now));
    return refresh_family(db, family_id);
  }));
  return id;
}

Status edit_goal(Store& store, int64_t goal_id, const GoalInput& in) {
  BB_TRY(first_error(validate_goal(in)));
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto family = family_of(db, "goals", goal_id);
    if (!family.ok()) return family.error();
    const std::string now = now_timestamp();
    auto s = prepare(db,
                     "UPDATE goals SET perspective = ?2, title = ?3, description = ?4, status = ?5, "
                     "next_review_on = ?6, updated_at = ?7 WHERE id = ?1");
    if (!s.ok()) return s.error();
    s->bind(1, goal_id).bind(2, std::string_view(code(in.perspective))).bind(3, in.title);
    s->bind(4, in.description).bind(5, std::string_view(code(in.status)));
    bind_opt(*s, 6, in.next_review_on);
    BB_TRY(s->bind(7, now).run());
    BB_TRY(insert_goal_history(db, goal_id, in, today(), now));
    return refresh_family(db, *family);
  });
}

Result<std::vector<Goal>> load_goals(const Store& store, int64_t family_id) {
  auto s =
      prepare(store.db(),
              "SELECT id, perspective, title, description, status, coalesce(next_review_on, ''), created_at, "
              "updated_at FROM goals WHERE family_id = ?1 ORDER BY CASE perspective WHEN 'familie' THEN 0 "
              "WHEN 'fruehe_hilfen' THEN 1 ELSE 2 END, id");
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  std::vector<Goal> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    Goal g;
    g.id = s->column_int(0);
    g.family_id = family_id;
    g.perspective = perspective_from(s->column_text(1)).value_or(Perspective::familie);
    g.title = s->column_text(2);
    g.description = s->column_text(3);
    g.status = goal_status_from(s->column_text(4)).value_or(GoalStatus::offen);
    g.next_review_on = s->column_text(5);
    g.created_at = s->column_text(6);
    g.updated_at = s->column_text(7);
    out.push_back(std::move(g));
  }
  return out;
}

Result<std::vector<GoalChange>> goal_history(const Store& store, int64_t goal_id) {
  auto s =
      prepare(store.db(),
              "SELECT id, changed_on, created_at, status, title, description, coalesce(next_review_on, ''), "
              "comment FROM goal_history WHERE goal_id = ?1 ORDER BY id");
  if (!s.ok()) return s.error();
  s->bind(1, goal_id);
  std::vector<GoalChange> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    GoalChange c;
    c.id = s->column_int(0);
    c.goal_id = goal_id;
    c.changed_on = s->column_text(1);
    c.changed_at = s->column_text(2);
    c.status = goal_status_from(s->column_text(3)).value_or(GoalStatus::offen);
    c.title = s->column_text(4);
    c.description = s->column_text(5);
    c.next_review_on = s->column_text(6);
    c.comment = s->column_text(7);
    out.push_back(std::move(c));
  }
  return out;
}

Status set_responsibility(Store& store, int64_t family_id, const ResponsibilityInput& in) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto f = read_family(db, family_id);
    if (!f.ok()) return f.error();
    ValidationErrors errors = validate_responsibility(in);
    if (in.party) BB_TRY(check_catalog(db, errors, "topic", "topic", in.topic, {}));
    BB_TRY(first_error(errors));
    if (!in.party) {
      auto d = prepare(db, "DELETE FROM responsibilities WHERE family_id = ?1 AND topic = ?2");
      if (!d.ok()) return d.error();
      return d->bind(1, family_id).bind(2, in.topic).run();
    }
    auto s = prepare(
        db,
        "INSERT INTO responsibilities(family_id, topic, party, who, note, updated_at) VALUES "
        "(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(family_id, topic) DO UPDATE SET party = excluded.party, "
        "who = excluded.who, note = excluded.note, updated_at = excluded.updated_at");
    if (!s.ok()) return s.error();
    s->bind(1, family_id).bind(2, in.topic).bind(3, std::string_view(code(*in.party))).bind(4, in.who);
    return s->bind(5, in.note).bind(6, now_timestamp()).run();
  });
}

Result<std::vector<Responsibility>> load_responsibilities(const Store& store, int64_t family_id) {
  auto s = prepare(store.db(),
                   "SELECT r.topic, r.party, r.who, r.note, r.updated_at FROM responsibilities r LEFT JOIN "
                   "catalog k ON k.kind = 'topic' AND k.code = r.topic WHERE r.family_id = ?1 "
                   "ORDER BY coalesce(k.position, 999), r.topic");
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  std::vector<Responsibility> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    Responsibility r;
    r.topic = s->column_text(0);
    r.party = party_from(s->column_text(1));
    r.who = s->column_text(2);
    r.note = s->column_text(3);
    r.updated_at = s->column_text(4);
    out.push_back(std::move(r));
  }
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Catalogues
//-----------------------------------------------------------------------------

Result<std::vector<CatalogEntry>> load_catalog(const Store& store, const std::string& kind,
                                               bool include_inactive) {
  auto s = prepare(store.db(),
                   "SELECT code, label, position, active FROM catalog WHERE kind = ?1 AND (active = 1 OR ?2) "
                   "ORDER BY position, code");
  if (!s.ok()) return s.error();
  s->bind(1, kind).bind(2, int64_t(include_inactive ? 1 : 0));
  std::vector<CatalogEntry> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out.push_back({kind, s->column_text(0), s->column_text(1), static_cast<int>(s->column_int(2)),
                   s->column_int(3) != 0});
  }
  return out;
}

Status set_catalog_entry(Store& store, const CatalogEntry& e) {
  ValidationErrors errors;
  if (!valid_catalog_kind(e.kind)) errors.push_back({"kind", Str::case_err_choose_entry, {}});
  if (e.code.empty() || e.code.size() > 40) errors.push_back({"code", Str::case_err_label_required, {}});
  if (e.label.find_first_not_of(" \t") == std::string::npos)
    errors.push_back({"label", Str::case_err_label_required, {}});
  BB_TRY(first_error(errors));
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto s =
        prepare(db,
                "INSERT INTO catalog(kind, code, label, position, active, created_at, updated_at) VALUES "
                "(?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT(kind, code) DO UPDATE SET label = excluded.label, "
                "position = excluded.position, active = excluded.active, updated_at = excluded.updated_at");
    if (!s.ok()) return s.error();
    s->bind(1, e.kind).bind(2, e.code).bind(3, e.label).bind(4, int64_t(e.position));
    return s->bind(5, int64_t(e.active ? 1 : 0)).bind(6, now_timestamp()).run();
  });
}

//-----------------------------------------------------------------------------
// [SECTION] Derived data
//-----------------------------------------------------------------------------

namespace {
// Appends the first column of every row of `sql` (bound to the family id) to `out`.
Status append_texts(sqlite3* db, const char* sql, int64_t family_id, std::string& out) {
  auto s = prepare(db, sql);
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out += search::fold_for_search(s->column_text(0));
    out += ' ';
  }
  return {};
}
}  // namespace

Status refresh_family(sqlite3* db, int64_t family_id) {
  auto u = prepare(db,
                   "UPDATE families SET "
                   "last_contact_on = (SELECT max(contact_on) FROM contacts WHERE family_id = ?1), "
                   "next_appointment = (SELECT next_appointment FROM contacts WHERE family_id = ?1 "
                   "  ORDER BY contact_on DESC, start_time DESC, id DESC LIMIT 1), "
                   "next_review_on = (SELECT min(next_review_on) FROM goals WHERE family_id = ?1 "
                   "  AND status IN ('offen', 'in_arbeit')) "
                   "WHERE id = ?1");
  if (!u.ok()) return u.error();
  BB_TRY(u->bind(1, family_id).run());
  std::string names, notes;
  BB_TRY(append_texts(db, "SELECT family_name FROM families WHERE id = ?1", family_id, names));
  BB_TRY(append_texts(db, "SELECT first_name || ' ' || last_name FROM persons WHERE family_id = ?1",
                      family_id, names));
  BB_TRY(append_texts(db, "SELECT note || ' ' || access_note FROM families WHERE id = ?1", family_id, notes));
  BB_TRY(
      append_texts(db,
                   "SELECT note || ' ' || next_steps || ' ' || others_present || ' ' || place FROM contacts "
                   "WHERE family_id = ?1",
                   family_id, notes));
  BB_TRY(append_texts(db, "SELECT title || ' ' || description FROM goals WHERE family_id = ?1", family_id,
                      notes));
  BB_TRY(append_texts(db, "SELECT note FROM status_changes WHERE family_id = ?1", family_id, notes));
  BB_TRY(append_texts(db, "SELECT note FROM assessments WHERE family_id = ?1", family_id, notes));
  auto d = prepare(db, "DELETE FROM family_search WHERE rowid = ?1");
  if (!d.ok()) return d.error();
  BB_TRY(d->bind(1, family_id).run());
  auto i = prepare(db, "INSERT INTO family_search(rowid, names, notes) VALUES (?1, ?2, ?3)");
  if (!i.ok()) return i.error();
  return i->bind(1, family_id).bind(2, names).bind(3, notes).run();
}

}  // namespace bb::store
