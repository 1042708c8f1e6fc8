// Case summaries for consultation in two strengths (issue 7, item 5;
// DOMAIN.md "Disclosure" 4; seed 003 §5.3 and §6):
//   - anonymisiert: for case consultation across institutions. No names, no
//     exact dates (events coarsened to month/year, persons to age bands), no
//     address or contact details, no birth dates, no rare traits, no
//     languages.
//   - pseudonymisiert: for the insoweit erfahrene Fachkraft and supervision.
//     Names replaced by stable pseudonyms (the same person gets the same
//     pseudonym in every summary made with the same key); address and
//     contact details removed; ages instead of birth dates; event dates kept
//     for the chronology. Still personal data.
// The input is a plain struct: the repository fills it from the case file.
// Free texts are scrubbed of every identifier the input knows (names,
// address, phone, e-mail, rare traits), of e-mail addresses and phone
// numbers; in the anonymised strength also of every date and of numbers with
// four or more digits. Names the input does not know cannot be found: the UI
// shows the summary for review before it leaves the app.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/rules_common.h"

namespace bb::rules {

enum class SummaryStrength { anonymisiert, pseudonymisiert };

enum class SummaryRole { elternteil, bezugsperson, kind, erwartetes_kind };

struct SummaryPerson {
  PersonId id = 0;
  SummaryRole role = SummaryRole::elternteil;
  std::string first_name, last_name;
  std::optional<Date> birth_date;
  std::optional<Date> due_date;  // expected child
};

struct SummaryEntry {  // an observation, contact, support offer … in time order
  Date on;
  std::string text;
};

struct CaseSummaryInput {
  FamilyId family = 0;
  std::string family_name;
  std::string street, house_number, postcode, city;
  std::string phone, email;
  std::string languages;
  std::vector<SummaryPerson> persons;
  std::vector<SummaryEntry> entries;
  std::vector<std::string> rare_traits;  // identifying traits the companion marked
  std::vector<std::string> other_names;  // other people named in the texts (neighbours, staff …)
  Date as_of;                            // ages are computed on this day
};

struct CaseSummary {
  SummaryStrength strength = SummaryStrength::anonymisiert;
  std::vector<std::string> lines;
  std::string text() const;
};

// `pseudonym_key`: the organisation's secret for stable pseudonyms (only
// used by the pseudonymised strength).
CaseSummary summarize(const CaseSummaryInput& in, SummaryStrength strength, Lang lang,
                      std::string_view pseudonym_key = {});

// "F-7KQ2" for the family (person nullopt), "P-M3XA" for a person.
std::string pseudonym(std::string_view key, FamilyId family, std::optional<PersonId> person);

// The age band of a child (months) or an adult (years), in the language.
std::string child_age_band(int months, Lang lang);
std::string adult_age_band(int years, Lang lang);

// Replaces every date in `text` (ISO, 1.2.2026, 1.2., 1. Februar 2026,
// 01/02/2026) by the placeholder. Exposed for tests.
std::string scrub_dates(const std::string& text, Lang lang);

}  // namespace bb::rules
