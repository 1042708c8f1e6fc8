// The fallbezogene Kooperationsvereinbarung of a family (seed 000 ch. 4;
// issue 7, item 4), stored in versions. The validator and the reminder are
// core/cooperation_agreement.h.
//
// Stored as columns (one row per version in `cooperation_agreements`) plus
// the lists (goals of the three sides, responsibilities per topic,
// Anlassfälle) as rows of `cooperation_agreement_items` — not as JSON: the
// schema checks every field, and the Auskunft reads it without a parser.
//
// Versions: the latest version is a draft until Familie, Frühe Hilfen and
// KJH have all agreed (each with a date); saving a draft overwrites it. A
// version agreed by all three is in force and frozen (a trigger refuses any
// change except the date of the last coordination); changed content is a
// new version (rules::revise clears the three agreements).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/cooperation_agreement.h"
#include "core/result.h"
#include "store/store.h"

namespace bb::store {

struct SavedAgreement {
  int64_t id = 0;
  int version = 0;
  std::vector<rules::AgreementIssue> issues;  // warnings left (blocking ones refuse the save)
};

// Saves `a` for the family:
//   a.id == 0            → a new version (latest + 1, or 1);
//   a.id == latest draft → the draft is overwritten (version unchanged);
//   anything else        → Str::coop_err_frozen (agreed or older versions stay as they are).
// Refused: Fallführung other than the KJH (Str::coop_err_fallfuehrung); all
// three agreements given while a blocking item is missing (the first
// blocking issue's text); agreement dates in the future.
Result<SavedAgreement> save_cooperation_agreement(Store& store, int64_t family_id,
                                                  const rules::CooperationAgreement& a);
// The date of the last coordination of the three (moves the reminder on).
Status record_coordination(Store& store, int64_t agreement_id, rules::Date on);

// All versions, oldest first; the latest; the one in force (the newest
// version agreed by all three), if any.
Result<std::vector<rules::CooperationAgreement>> load_cooperation_agreements(const Store& store,
                                                                             int64_t family_id);
Result<std::optional<rules::CooperationAgreement>> load_latest_agreement(const Store& store,
                                                                         int64_t family_id);
Result<std::optional<rules::CooperationAgreement>> load_agreement_in_force(const Store& store,
                                                                           int64_t family_id);

// Coordination dates due on or before `on` (+ horizon days) over all families
// whose agreement is in force: for the reminders.
struct CoordinationDue {
  int64_t family_id = 0;
  std::string family_name;
  int64_t agreement_id = 0;
  rules::Date due_on;
  bool overdue = false;  // due_on before `on`
};
Result<std::vector<CoordinationDue>> coordination_reminders(const Store& store,
                                                            std::optional<rules::Date> on = std::nullopt,
                                                            int horizon_days = 7);

}  // namespace bb::store
