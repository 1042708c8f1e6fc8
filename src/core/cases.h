// Case documentation, the domain side: families (Fälle), persons, contacts
// (Hausbesuche), the Bedarfe-und-Ressourcen instrument, goals (Ziele) and
// responsibilities (Zuständigkeiten). Plain types, the rules (status
// transitions, validation with German messages per field), dates and ages.
// No SQL here: the repository is src/store/cases.h. Design: docs/cases.md.
//
// Index of this file:
// [SECTION] Dates and the clock
// [SECTION] Enumerations
// [SECTION] Validation errors
// [SECTION] Families and status
// [SECTION] Persons
// [SECTION] Contacts
// [SECTION] Bedarfe und Ressourcen
// [SECTION] Goals and responsibilities
// [SECTION] Catalogues
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace bb::cases {

//-----------------------------------------------------------------------------
// [SECTION] Dates and the clock
//-----------------------------------------------------------------------------

// Dates are ISO text "YYYY-MM-DD" everywhere (store, core, UI bindings);
// times "HH:MM"; timestamps "YYYY-MM-DDTHH:MM:SSZ" (UTC).
struct Date {
  int year = 0, month = 0, day = 0;
};
std::optional<Date> parse_date(std::string_view iso);  // nullopt: not a real calendar date
std::string format_date(const Date& d);                // "2026-03-01"
std::string german_date(std::string_view iso);         // "01.03.2026" (input returned if invalid)
// What a user types: "1.3.2026", "01.03.2026" (or ISO) → "2026-03-01"; "" if not a real date.
std::string iso_from_typed_date(std::string_view text);
int64_t days_from_civil(const Date& d);  // days since 1970-01-01
Date civil_from_days(int64_t days);
std::string add_days(std::string_view iso, int64_t days);  // "" if invalid
bool valid_time(std::string_view hhmm);                    // "00:00" .. "23:59"

// The clock of all actions (created/updated timestamps, "today" for rules).
// The real clock by default; tests and the demo generator fix it so that
// content is reproducible.
std::string now_timestamp();                  // "2026-11-23T16:56:51Z"
std::string today();                          // "2026-11-23" (local calendar day)
void set_fixed_clock(std::string timestamp);  // "" = back to the real clock

// Age of a child on `on`, in whole months (-1 if a date is invalid).
int age_in_months(std::string_view birth, std::string_view on);
// "3 Wochen", "5 Monate", "1 Jahr 2 Monate", "3 Jahre" in the UI language.
std::string age_text(std::string_view birth, std::string_view on);

//-----------------------------------------------------------------------------
// [SECTION] Enumerations (stored as the code text shown in comments)
//-----------------------------------------------------------------------------

enum class FamilyStatus { anfrage, erstkontakt, laufend, abgeschlossen };
enum class PersonRole { parent, caregiver, child, expected_child };
enum class Perspective { familie, fruehe_hilfen, kjh };  // whose goal
enum class GoalStatus { offen, in_arbeit, erreicht, teilweise, verworfen };
enum class Party { familie, fruehe_hilfen, kjh, andere };  // who is responsible
enum class AssessmentOccasion { intake, review };

const char* code(FamilyStatus v);        // "anfrage", "erstkontakt", "laufend", "abgeschlossen"
const char* code(PersonRole v);          // "parent", "caregiver", "child", "expected_child"
const char* code(Perspective v);         // "familie", "fruehe_hilfen", "kjh"
const char* code(GoalStatus v);          // "offen", "in_arbeit", "erreicht", "teilweise", "verworfen"
const char* code(Party v);               // "familie", "fruehe_hilfen", "kjh", "andere"
const char* code(AssessmentOccasion v);  // "intake", "review"
std::optional<FamilyStatus> family_status_from(std::string_view code);
std::optional<PersonRole> person_role_from(std::string_view code);
std::optional<Perspective> perspective_from(std::string_view code);
std::optional<GoalStatus> goal_status_from(std::string_view code);
std::optional<Party> party_from(std::string_view code);
std::optional<AssessmentOccasion> occasion_from(std::string_view code);
Str label(FamilyStatus v);
Str label(PersonRole v);
Str label(Perspective v);
Str label(GoalStatus v);
Str label(Party v);
Str label(AssessmentOccasion v);
Str rating_label(int rating);  // 1 Hoher Bedarf .. 5 Starke Ressource

bool goal_is_open(GoalStatus s);  // offen, in_arbeit

//-----------------------------------------------------------------------------
// [SECTION] Validation errors
//-----------------------------------------------------------------------------

// A wrong field: the form shows `text()` next to the field named `field`
// (the member name of the input struct, e.g. "family_name", "birth_date",
// "items.bindung"). Every action returns its first ValidationError as an
// Error (see to_error); validate_*() return all of them for the form.
struct ValidationError {
  std::string field;
  Str message = Str::err_internal;
  std::string arg;
  std::string text() const { return format_text(message, arg); }
};
using ValidationErrors = std::vector<ValidationError>;

// As an Error: message/arg as given, detail "invalid field <field>".
Error to_error(const ValidationError& v);
// The field of an Error made by to_error ("" for other errors).
std::string invalid_field(const Error& e);

constexpr size_t kMaxShortText = 200;   // names, titles, contact details
constexpr size_t kMaxLongText = 20000;  // notes

//-----------------------------------------------------------------------------
// [SECTION] Families and status
//-----------------------------------------------------------------------------

// What the family form edits (create and edit). Status is changed only by
// change_status (below), never by an edit.
struct FamilyInput {
  std::string family_name;           // "Müller" (the header says "Familie Müller")
  std::string request_on;            // date of the Anfrage; "" = today
  std::string access_route;          // catalogue "access_route" code, "" = not known yet
  std::string access_note;           // who referred, in words
  std::string companion;             // the assigned Familienbegleiterin
  std::string companion_profession;  // catalogue "profession" code, "" = not set
  std::string languages;             // "Deutsch, Türkisch"
  bool interpreter_needed = false;
  std::string address, phone, email;
  std::string note;
};

struct Family : FamilyInput {
  int64_t id = 0;
  FamilyStatus status = FamilyStatus::anfrage;
  std::string status_since;  // date of the last status change
  std::string end_reason;    // catalogue "end_reason" code, only when abgeschlossen
  std::string ended_on;      // only when abgeschlossen
  std::string last_contact_on, next_appointment, next_review_on;  // kept by the store
  std::string created_at, updated_at;
};

// One step of the status: Anfrage → Erstkontakt → laufende Begleitung →
// abgeschlossen (Anfrage and Erstkontakt may also close directly, e.g. "kein
// Bedarf"); a closed family reopens to Erstkontakt or laufende Begleitung.
struct StatusChange {
  FamilyStatus to = FamilyStatus::erstkontakt;
  std::string on;          // "" = today
  std::string end_reason;  // required when closing
  std::string note;
};

ValidationErrors validate_family(const FamilyInput& in, std::string_view today);
bool transition_allowed(FamilyStatus from, FamilyStatus to);
// The rules of a status change of `family` (its current state); `on` already
// defaulted. Closing needs an end reason; reopening needs a closed family;
// the date not before the last change nor in the future.
ValidationErrors validate_status_change(const Family& family, const StatusChange& change,
                                        std::string_view today);

//-----------------------------------------------------------------------------
// [SECTION] Persons
//-----------------------------------------------------------------------------

struct PersonInput {
  PersonRole role = PersonRole::parent;
  std::string first_name, last_name;  // last_name "" = the family name
  std::string birth_date;             // children (required), parents (optional)
  std::string due_date;               // Entbindungstermin, expected child only
  std::string note;
};
struct Person : PersonInput {
  int64_t id = 0, family_id = 0;
};
ValidationErrors validate_person(const PersonInput& in, std::string_view today);

//-----------------------------------------------------------------------------
// [SECTION] Contacts
//-----------------------------------------------------------------------------

struct ContactInput {
  std::string on;         // date of the contact, "" = today
  std::string start;      // "14:30" or ""
  int duration_min = 60;  // 1 .. 1440
  std::string kind;       // catalogue "contact_kind" code
  std::string place;
  std::vector<int64_t> present;     // person ids of the family
  std::string others_present;       // "Großmutter, Dolmetscherin"
  std::vector<std::string> topics;  // catalogue "topic" codes
  std::string note;
  std::string next_steps;        // agreed next steps (open until marked done)
  std::string next_appointment;  // "2026-12-01" or "2026-12-01T10:00", "" = none
};
struct Contact : ContactInput {
  int64_t id = 0, family_id = 0;
  bool next_steps_done = false;
  std::string created_at, updated_at;
};
ValidationErrors validate_contact(const ContactInput& in, std::string_view today);
bool valid_appointment(std::string_view text);  // "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"

//-----------------------------------------------------------------------------
// [SECTION] Bedarfe und Ressourcen
//-----------------------------------------------------------------------------

// One rating per catalogue item ("instrument"): 1 Hoher Bedarf, 2 Bedarf,
// 3 Ausgeglichen, 4 Ressource, 5 Starke Ressource; items not rated are left out.
struct Rating {
  std::string item;  // catalogue "instrument" code
  int rating = 3;
  std::string comment;
};
struct AssessmentInput {
  std::string on;  // "" = today
  AssessmentOccasion occasion = AssessmentOccasion::review;
  std::vector<Rating> ratings;
  std::string note;
};
struct Assessment : AssessmentInput {
  int64_t id = 0, family_id = 0;
};
ValidationErrors validate_assessment(const AssessmentInput& in, std::string_view today);

//-----------------------------------------------------------------------------
// [SECTION] Goals and responsibilities
//-----------------------------------------------------------------------------

struct GoalInput {
  Perspective perspective = Perspective::familie;
  std::string title;
  std::string description;
  GoalStatus status = GoalStatus::offen;
  std::string next_review_on;  // optional: reviewed when there is occasion
  std::string comment;         // why it changed (kept in the history only)
};
struct Goal : GoalInput {
  int64_t id = 0, family_id = 0;
  std::string created_at, updated_at;
};
// One entry per save of a goal: the state after the change.
struct GoalChange {
  int64_t id = 0, goal_id = 0;
  std::string changed_on, changed_at;
  GoalStatus status = GoalStatus::offen;
  std::string title, description, next_review_on, comment;
};
ValidationErrors validate_goal(const GoalInput& in);

// Reviews count as due from this many days before their date (overview and
// the list filter "Überprüfung fällig").
constexpr int kReviewHorizonDays = 7;

struct ResponsibilityInput {
  std::string topic;           // catalogue "topic" code
  std::optional<Party> party;  // nullopt: remove the entry
  std::string who;             // "Frau Aydın (KJH Graz-Ost)"
  std::string note;
};
struct Responsibility : ResponsibilityInput {
  std::string updated_at;
};
ValidationErrors validate_responsibility(const ResponsibilityInput& in);

//-----------------------------------------------------------------------------
// [SECTION] Catalogues (configurable lists; entries are deactivated, never deleted)
//-----------------------------------------------------------------------------

// Kinds: "access_route" (Zugangsweg), "contact_kind", "topic", "profession",
// "end_reason", "instrument" (Bedarfe und Ressourcen items).
struct CatalogEntry {
  std::string kind, code, label;
  int position = 0;
  bool active = true;
};
bool valid_catalog_kind(std::string_view kind);
// The code for a new entry with this label: folded to ASCII words joined by
// "_" ("Schreiambulanz Süd" → "schreiambulanz_sud"), made unique among
// `existing` with a number; "" for a label without letters or digits.
std::string new_catalog_code(std::string_view label, const std::vector<CatalogEntry>& existing);

}  // namespace bb::cases
