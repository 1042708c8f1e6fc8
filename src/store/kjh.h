// KJH involvement and the exceptions (a)–(d) of seed 000 for a family
// (issue 7, item 3), and the evaluation of the rules on the stored data.
// One function per user action, each ONE transaction. The rules are
// core/kjh_cooperation.h (assess_kjh, missing_requirements); the
// Kooperationsvereinbarung is store/cooperation_agreements.h.
//
// Fallführung is the KJH's, always: nothing here can store anything else,
// only the name of the KJH social worker who leads the case.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/kjh_cooperation.h"
#include "core/result.h"
#include "store/store.h"

namespace bb::store {

//-----------------------------------------------------------------------------
// KJH involvement (per child or per Hilfeplan, several at once)
//-----------------------------------------------------------------------------

// i.id ignored. The child (if given) must be a child or expected child of the
// family; from/ended_on in order. Returns the id.
Result<int64_t> add_kjh_involvement(Store& store, int64_t family_id, const rules::KjhInvolvement& i);
// Corrects or continues an involvement (end date, Ergebnis of the Abklärung,
// the KJH social worker's name, …).
Status edit_kjh_involvement(Store& store, int64_t involvement_id, const rules::KjhInvolvement& i);
Status remove_kjh_involvement(Store& store, int64_t involvement_id);  // a wrong entry
Result<std::vector<rules::KjhInvolvement>> load_kjh_involvements(const Store& store, int64_t family_id);

//-----------------------------------------------------------------------------
// Exceptions (a)–(d): the decision, the Rücksprache, the three agreements
//-----------------------------------------------------------------------------

// Records the decision (e.id ignored). It may be incomplete: the assessment
// says what is missing, and edit_kjh_exception completes it (agreements come
// in one by one). Refused: (c) naming a person that is not an expected child
// of the family; dates in the future. Returns the id.
Result<int64_t> record_kjh_exception(Store& store, int64_t family_id, const rules::CooperationException& e);
Status edit_kjh_exception(Store& store, int64_t exception_id, const rules::CooperationException& e);
// Ends an exception explicitly (e.g. the Begleitung ends under the Hilfeplan).
Status end_kjh_exception(Store& store, int64_t exception_id, rules::Date on, const std::string& note = {});
Result<std::vector<rules::CooperationException>> load_kjh_exceptions(const Store& store, int64_t family_id);

//-----------------------------------------------------------------------------
// The rules on stored data
//-----------------------------------------------------------------------------

// Involvements, exceptions, the family's status (in Begleitung = Erstkontakt
// or laufende Begleitung) and its pregnancies: every expected child, and
// every child named by an exception (c) with its birth date as the birth.
Result<rules::KjhFacts> load_kjh_facts(const Store& store, int64_t family_id);

struct KjhStatus {
  rules::KjhAssessment assessment;  // state, options, missing, lapsed, explanation, Fallführung
  bool needs_decision = false;      // state == entscheidung_noetig
  // The birth of the child of an exception (c) asks for a new decision under
  // (b) or (d) [our reading of seed 000]; also true when (a) ended by a
  // binding Hilfeplan.
  bool only_b_or_d = false;
  std::vector<rules::MissingItem> missing;  // of the pending exception (empty: nothing pending)
};
Result<KjhStatus> kjh_status(const Store& store, int64_t family_id,
                             std::optional<rules::Date> on = std::nullopt);

// Families in Begleitung whose KJH situation needs a decision today (for
// the start screen): id and family name.
struct KjhDecisionDue {
  int64_t family_id = 0;
  std::string family_name;
};
Result<std::vector<KjhDecisionDue>> families_needing_kjh_decision(
    const Store& store, std::optional<rules::Date> on = std::nullopt);

}  // namespace bb::store
