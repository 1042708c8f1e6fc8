// Einwilligungen of a family and the records that the family was informed
// about content and purpose of a cooperation (issue 7, item 1). One function
// per user action, each ONE transaction. The rules are core/consent.h; the
// stored model and its triggers: docs/consent.md.
//
// A consent is evidence: it is never edited or deleted (a trigger refuses
// it); the only change is its Widerruf, once, which takes effect at once —
// the decision point reads the stored consents on every call.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/consent.h"
#include "core/result.h"
#include "store/store.h"

namespace bb::store {

//-----------------------------------------------------------------------------
// Einwilligungen
//-----------------------------------------------------------------------------

// Records `c` (c.id is ignored; c.family names the family). Refused with a
// German message: person not a parent/caregiver of this family, no category,
// oral without witness, dates reversed (rules::consent_problems), purpose not
// fitting the recipient, revoked_on set (use revoke_consent), dates in the
// future. Returns the new id.
Result<int64_t> record_consent(Store& store, const rules::Consent& c);
// The Widerruf: on or before today, not before the consent, only once.
Status revoke_consent(Store& store, int64_t consent_id, rules::Date on, const std::string& note = {});

Result<rules::Consent> load_consent(const Store& store, int64_t consent_id);
// All consents of the family, oldest first (revoked ones included).
Result<std::vector<rules::Consent>> load_consents(const Store& store, int64_t family_id);
// The Widerruf note of a consent ("" if none).
Result<std::string> load_revocation_note(const Store& store, int64_t consent_id);

//-----------------------------------------------------------------------------
// Familie informiert über Inhalt und Zweck der Kooperation (seed 003 §6)
//-----------------------------------------------------------------------------

struct InformationRecord {
  int64_t id = 0;
  int64_t family_id = 0;
  rules::Date informed_on;
  std::optional<int64_t> person;  // who of the family was informed (optional)
  rules::Recipient cooperation_with;
  std::string purpose;  // the Zweck, in words (e.g. "Vermittlung an die Schreiambulanz")
  std::string content;  // the Inhalt: what is exchanged
  std::string how;      // e.g. "im Gespräch, Merkblatt ausgehändigt"
  std::string note;
};
// Not in the future; content required; person (if given) of this family.
Result<int64_t> record_information(Store& store, const InformationRecord& r);
// Oldest first.
Result<std::vector<InformationRecord>> load_information(const Store& store, int64_t family_id);

}  // namespace bb::store
