// Einwilligungen (consents) of a family: who consented, for which purpose, to
// which recipient, which data categories, when, in which form, how long, and
// the Widerruf. Consent follows Art. 7 GDPR: it can be revoked at any time and
// the revocation takes effect at once. Sources: DOMAIN.md "Disclosure",
// seed 003 §6. Rules and tests: docs/rules.md (consent-*).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/rules_common.h"

namespace bb::rules {

enum class ConsentForm { schriftlich, muendlich };
Str label(ConsentForm f);

struct Consent {
  EntryId id = 0;
  FamilyId family = 0;
  PersonId person = 0;  // who consented (a parent or caregiver of the family)
  Purpose purpose = Purpose::austausch;
  Recipient recipient;  // one Netzwerkpartner (partner set) or a kind of recipient
  Categories categories;
  Date given_on;
  ConsentForm form = ConsentForm::schriftlich;
  std::string witness;              // required for mündlich [our decision]: who witnessed it
  std::optional<Date> valid_until;  // last day it covers; nullopt: until revoked
  std::optional<Date> revoked_on;   // Widerruf: covers nothing on or after this day
  std::string note;
};

// Why a consent is incomplete (it then covers nothing).
enum class ConsentProblem {
  keine_kategorien,      // no data category
  muendlich_ohne_zeuge,  // oral consent without a witness [our decision]
  ende_vor_beginn,       // valid_until before given_on
  widerruf_vor_beginn,   // revoked_on before given_on
};
Str text(ConsentProblem p);
std::vector<ConsentProblem> consent_problems(const Consent& c);

// Active on `day`: complete, given on or before `day`, not past valid_until,
// and not revoked on or before `day` (revocation takes effect at once).
bool consent_active_at(const Consent& c, Date day);

// Does the recipient of a request fall under the consent's recipient? A
// consent for one partner covers only that partner (same kind and id); a
// consent for a kind covers every recipient of that kind.
bool consent_recipient_matches(const Recipient& consented, const Recipient& requested);

// Does `c` cover sending `category` to `to` for `purpose` on `day`?
bool consent_covers(const Consent& c, const Recipient& to, Purpose purpose, DataCategory category, Date day);

// The Widerruf: sets revoked_on. Refused (consent unchanged) if already
// revoked or dated before the consent was given.
Status revoke(Consent& c, Date on);

}  // namespace bb::rules
