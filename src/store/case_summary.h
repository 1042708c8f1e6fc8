// The case summary a consultation uses (issue 7, item 5; core/anonymize.h):
// the repository's side. It fills rules::CaseSummaryInput from the case file
// — the family, its persons and the current Kinderschutz entries (what was
// observed and what support was offered) — and keeps the organisation's
// pseudonym key, so the same person gets the same pseudonym in every
// pseudonymised summary of this Begleitbuch.
#pragma once

#include <optional>
#include <string>

#include "core/anonymize.h"
#include "core/result.h"
#include "store/store.h"

namespace bb::store {

// Everything the summary may draw on, plus every identifier it must scrub.
Result<rules::CaseSummaryInput> case_summary_input(const Store& store, int64_t family_id);

// The key for stable pseudonyms (settings key "pseudonym.key"); nullopt until
// the first pseudonymised summary created it.
Result<std::optional<std::string>> load_pseudonym_key(const Store& store);
// Creates the key (random, 256 bits) if there is none yet; never replaces one,
// or earlier pseudonyms would no longer match.
Status ensure_pseudonym_key(Store& store);

// The summary in the strength asked for. The pseudonymised strength needs the
// key (ensure_pseudonym_key first); without it the answer is an error.
Result<rules::CaseSummary> case_summary(const Store& store, int64_t family_id,
                                        rules::SummaryStrength strength, Lang lang);

}  // namespace bb::store
