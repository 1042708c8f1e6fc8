// THE decision point on stored data, and the Offenlegungsprotokoll (issue 7,
// item 2). Every path that lets personal data leave the app — referral,
// Informationsrückfluss, handover, export, consultation summary, Mitteilung —
// calls decide() to show the answer and disclose() to pass the data on:
// disclose() decides again inside ONE transaction and writes the protocol
// line in it, or refuses and writes nothing. The rule itself is
// rules::decide_disclosure (core/disclosure.h); this file only loads what it
// needs from the store:
//   - the family's consents and who may consent (parents and caregivers),
//   - the legal bases: the current (not corrected) Mitteilungen of the
//     family's child-protection entries (rules::legal_bases_of),
//   - the jurisdiction setting (unset: no legal basis applies).
// Revocation therefore takes effect at once: nothing is cached.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/disclosure.h"
#include "core/result.h"
#include "store/store.h"

namespace bb::store {

// What the rules need about the family (CaseFacts) — loaded from the store.
Result<rules::CaseFacts> load_case_facts(const Store& store, int64_t family_id);

// The answer for `request` on `on` (default: today). Read-only.
Result<rules::DisclosureDecision> decide(const Store& store, const rules::DisclosureRequest& request,
                                         std::optional<rules::Date> on = std::nullopt);

struct DisclosureRecord {
  int64_t id = 0;
  rules::DisclosureLogEntry entry;
  std::string created_at;
};

struct DisclosureOutcome {
  rules::DisclosureDecision decision;
  DisclosureRecord record;  // the protocol line written
};

// Decides and, if the WHOLE request is allowed on one basis, writes the
// protocol line — in one transaction, dated today. Refused (nothing written):
//   - not allowed at all: Str::rules_log_not_allowed, detail = the explanation;
//   - only partly allowed: Str::disc_err_partly with the refused categories
//     (pass on only what is allowed, or each part on its own basis);
//   - a legal basis is used and `consent_sought` is missing or incomplete
//     (seed 003 §6: the app asks whether consent was sought, and the result).
// `by`: the companion who passes the data on.
Result<DisclosureOutcome> disclose(Store& store, const rules::DisclosureRequest& request,
                                   const std::optional<rules::ConsentSoughtRecord>& consent_sought,
                                   const std::string& by, const std::string& note = {});

// The Offenlegungsprotokoll of a family, oldest first (shown and printed for
// the family: rules::describe(entry, lang) gives the line).
Result<std::vector<DisclosureRecord>> load_disclosure_log(const Store& store, int64_t family_id);

}  // namespace bb::store
