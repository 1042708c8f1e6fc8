// The case-documentation repository: one function per user action, each in
// ONE transaction (with_transaction), and the queries the screens need (family
// overview, family list with filters/sorting/paging/search, catalogues).
// Domain types and rules: core/cases.h. Design: docs/cases.md.
//
// Errors: a wrong field comes back as an Error made by cases::to_error (use
// cases::invalid_field(error) to find the field, error.text() for the German
// message); Str::case_err_not_found for a missing id; store errors as usual.
//
// Index of this file:
// [SECTION] Families
// [SECTION] Persons
// [SECTION] Contacts
// [SECTION] Bedarfe und Ressourcen
// [SECTION] Goals and responsibilities
// [SECTION] Catalogues
// [SECTION] Family overview
// [SECTION] Family list and search
// [SECTION] Derived data
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cases.h"
#include "core/result.h"
#include "store/store.h"

namespace bb::store {

//-----------------------------------------------------------------------------
// [SECTION] Families
//-----------------------------------------------------------------------------

// Creates a family in status Anfrage (status_since = request_on), with its
// persons, in one transaction. Returns the family id.
Result<int64_t> create_family(Store& store, const cases::FamilyInput& in,
                              const std::vector<cases::PersonInput>& persons = {});
Status edit_family(Store& store, int64_t family_id, const cases::FamilyInput& in);
// Any allowed step (cases::transition_allowed), recorded in the history.
Status change_status(Store& store, int64_t family_id, const cases::StatusChange& change);
// Shorthands for the two buttons: close (end reason required) and reopen
// (to laufende Begleitung unless `to` says Erstkontakt).
Status close_family(Store& store, int64_t family_id, const std::string& end_reason,
                    const std::string& on = {}, const std::string& note = {});
Status reopen_family(Store& store, int64_t family_id, cases::FamilyStatus to = cases::FamilyStatus::laufend,
                     const std::string& on = {}, const std::string& note = {});
// Deletes the family and everything recorded about it (cascade).
Status delete_family(Store& store, int64_t family_id);

Result<cases::Family> load_family(const Store& store, int64_t family_id);

struct StatusChangeRecord {
  int64_t id = 0;
  std::optional<cases::FamilyStatus> from;
  cases::FamilyStatus to = cases::FamilyStatus::anfrage;
  std::string on, end_reason, note, created_at;
};
Result<std::vector<StatusChangeRecord>> load_status_history(const Store& store, int64_t family_id);

//-----------------------------------------------------------------------------
// [SECTION] Persons
//-----------------------------------------------------------------------------

Result<int64_t> add_person(Store& store, int64_t family_id, const cases::PersonInput& in);
Status edit_person(Store& store, int64_t person_id, const cases::PersonInput& in);
Status remove_person(Store& store, int64_t person_id);
Result<std::vector<cases::Person>> load_persons(const Store& store, int64_t family_id);

//-----------------------------------------------------------------------------
// [SECTION] Contacts
//-----------------------------------------------------------------------------

// Not for a closed family (Str::case_err_family_closed); corrections of
// existing contacts are allowed after closing.
Result<int64_t> add_contact(Store& store, int64_t family_id, const cases::ContactInput& in);
Status edit_contact(Store& store, int64_t contact_id, const cases::ContactInput& in);
Status remove_contact(Store& store, int64_t contact_id);
Status set_next_steps_done(Store& store, int64_t contact_id, bool done);
Result<cases::Contact> load_contact(const Store& store, int64_t contact_id);
// Newest first.
Result<std::vector<cases::Contact>> load_contacts(const Store& store, int64_t family_id);

//-----------------------------------------------------------------------------
// [SECTION] Bedarfe und Ressourcen
//-----------------------------------------------------------------------------

Result<int64_t> record_assessment(Store& store, int64_t family_id, const cases::AssessmentInput& in);
// Oldest first.
Result<std::vector<cases::Assessment>> load_assessments(const Store& store, int64_t family_id);

// Change per item over time: each assessment that rated the item, oldest first.
struct ItemProgress {
  std::string item, label;
  std::vector<std::pair<std::string, int>> ratings;  // (date, rating)
  int first() const { return ratings.empty() ? 0 : ratings.front().second; }
  int latest() const { return ratings.empty() ? 0 : ratings.back().second; }
  int change() const { return latest() - first(); }  // > 0: towards Ressource
};
// In catalogue order; items never rated are left out.
Result<std::vector<ItemProgress>> instrument_progress(const Store& store, int64_t family_id);

//-----------------------------------------------------------------------------
// [SECTION] Goals and responsibilities
//-----------------------------------------------------------------------------

// Every save adds a history entry (the state after it, with in.comment).
Result<int64_t> add_goal(Store& store, int64_t family_id, const cases::GoalInput& in);
Status edit_goal(Store& store, int64_t goal_id, const cases::GoalInput& in);
Result<std::vector<cases::Goal>> load_goals(const Store& store, int64_t family_id);
Result<std::vector<cases::GoalChange>> goal_history(const Store& store, int64_t goal_id);  // oldest first

// Sets (or, with party nullopt, removes) who is responsible for a topic.
Status set_responsibility(Store& store, int64_t family_id, const cases::ResponsibilityInput& in);
Result<std::vector<cases::Responsibility>> load_responsibilities(const Store& store, int64_t family_id);

//-----------------------------------------------------------------------------
// [SECTION] Catalogues
//-----------------------------------------------------------------------------

// In position order; inactive entries only if asked (for showing old records).
Result<std::vector<cases::CatalogEntry>> load_catalog(const Store& store, const std::string& kind,
                                                      bool include_inactive = false);
// Adds or updates (label, position, active) one entry.
Status set_catalog_entry(Store& store, const cases::CatalogEntry& entry);

//-----------------------------------------------------------------------------
// [SECTION] Family overview
//-----------------------------------------------------------------------------

struct ChildInfo {
  int64_t person_id = 0;
  std::string name;
  bool expected = false;
  std::string date;  // birth date, or Entbindungstermin when expected
  std::string age;   // "5 Monate", or "ET 12.02.2027"
};

enum class TimelineKind { contact, status, goal, assessment, referral };
struct TimelineEntry {
  TimelineKind kind = TimelineKind::contact;
  std::string on, time;  // date, optional "HH:MM"
  int64_t ref_id = 0;    // contact, status change, goal, assessment or referral id (store/referrals.h)
  std::string title;     // "Hausbesuch · Schlafen, Bindung", "Status: Abgeschlossen", ...
  std::string detail;    // note, comment, summary
};

struct OpenStep {
  int64_t contact_id = 0;
  std::string on, text;
};
struct DueReview {
  int64_t goal_id = 0;
  cases::Perspective perspective = cases::Perspective::familie;
  std::string title, next_review_on;
  bool overdue = false;  // before today (otherwise within kReviewHorizonDays)
};

struct FamilyOverview {
  cases::Family family;
  std::string header;  // "Familie Yılmaz · Ayşe und Murat"
  std::vector<cases::Person> persons;
  std::vector<ChildInfo> children;                            // children and expected child
  std::string status_label, companion, companion_profession;  // labels
  std::vector<TimelineEntry> timeline;                        // newest first
  std::vector<OpenStep> open_steps;                           // newest first
  std::vector<DueReview> due_reviews;                         // earliest first
  std::vector<cases::Goal> goals;
  std::vector<cases::Responsibility> responsibilities;
  std::vector<ItemProgress> instrument;
};
// `today` "" = cases::today().
Result<FamilyOverview> family_overview(const Store& store, int64_t family_id, const std::string& today = {});

//-----------------------------------------------------------------------------
// [SECTION] Family list and search
//-----------------------------------------------------------------------------

enum class FamilySort { name, status, last_contact, next_appointment, next_review, created };

struct FamilyListQuery {
  std::string text;                            // full-text search (names and notes); "" = no search
  std::vector<cases::FamilyStatus> statuses;   // empty = all
  std::optional<std::string> companion;        // exact; "" = families without a companion
  bool due_reviews = false;                    // a goal review due within kReviewHorizonDays (or overdue)
  std::string next_visit_from, next_visit_to;  // next appointment between (inclusive dates)
  bool without_next_visit = false;             // no next appointment at all
  std::string today;                           // "" = cases::today()
  FamilySort sort = FamilySort::name;
  bool descending = false;
  int offset = 0, limit = 50;  // the page (for a list clipper)
};

struct FamilyListRow {
  int64_t id = 0;
  std::string family_name;
  cases::FamilyStatus status = cases::FamilyStatus::anfrage;
  std::string companion, last_contact_on, next_appointment, next_review_on;
  std::string context;  // with a text search: where it matched ("Hausbesuch 03.11.2026: …schläft…")
};
struct FamilyListPage {
  int total = 0;  // all matching families (for the scroll range)
  std::vector<FamilyListRow> rows;
};
Result<FamilyListPage> list_families(const Store& store, const FamilyListQuery& query);

// The CLI's and the search box's shorthand: families matching `text`, by name.
Result<FamilyListPage> search_families(const Store& store, const std::string& text, int limit = 50);

// Companions named in families (for the filter), sorted.
Result<std::vector<std::string>> list_companions(const Store& store);

//-----------------------------------------------------------------------------
// [SECTION] Derived data
//-----------------------------------------------------------------------------

// Recomputes a family's derived columns (last contact, next appointment, next
// review) and its search index entry. Every action calls it; the demo
// generator calls it once per family after bulk inserts.
Status refresh_family(sqlite3* db, int64_t family_id);

}  // namespace bb::store
