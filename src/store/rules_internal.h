// Helpers shared by the issue-7 repositories of src/store (consents.cpp,
// disclosures.cpp, kjh.cpp, cooperation_agreements.cpp, child_protection.cpp,
// organisation.cpp, auskunft.cpp): the stored codes of the rule enums, dates
// as ISO text, reading and binding optional values. Not for use outside
// src/store.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/child_protection.h"
#include "core/consent.h"
#include "core/cooperation_agreement.h"
#include "core/disclosure.h"
#include "core/kjh_cooperation.h"
#include "core/result.h"
#include "core/rules_common.h"
#include "store/sql.h"

namespace bb::store::detail {

// Codes of enums the core names only by label (the stored text).
const char* code(rules::DataForm f);               // personenbezogen, pseudonymisiert, anonymisiert
const char* code(rules::ConsentForm f);            // schriftlich, muendlich
const char* code(rules::ConsentSought s);          // nicht_erfasst, angestrebt_erteilt, ...
const char* code(rules::AbklaerungErgebnis e);     // offen, kein_hilfebedarf, ...
const char* code(rules::SupportOutcome o);         // angeboten, angenommen, abgelehnt, in_anspruch_genommen
const char* code(rules::ConsultationBasis b);      // de_kkg_4_2, de_sgb_viii_8b, at_fachberatung, unbestimmt
const char* code(rules::FamilyInformed::State s);  // offen, informiert, nicht_informiert
const char* code(rules::Responsible r);            // familie, fruehe_hilfen, kjh, andere

// The enum value whose code is `text`: E values 0..count-1.
template <class E>
std::optional<E> from_code(std::string_view text, int count) {
  using bb::rules::code;
  using bb::store::detail::code;
  for (int i = 0; i < count; ++i)
    if (text == code(static_cast<E>(i))) return static_cast<E>(i);
  return std::nullopt;
}
template <class E>
E from_code_or(std::string_view text, int count, E fallback) {
  return from_code<E>(text, count).value_or(fallback);
}

// Dates: ISO text in the store.
std::optional<rules::Date> opt_date(const Statement& s, int column);  // NULL or invalid → nullopt
rules::Date date_or(const Statement& s, int column, rules::Date fallback = {});
void bind_date(Statement& s, int index, const std::optional<rules::Date>& d);  // NULL for nullopt
void bind_opt_int(Statement& s, int index, const std::optional<int64_t>& v);
std::optional<int64_t> opt_int(const Statement& s, int column);

// Today by the app's clock (cases::today(), fixed in tests).
rules::Date today_date();
// now_timestamp() of core/cases.h.
std::string now();

// The family's id exists (else Str::case_err_not_found).
Status require_family(sqlite3* db, int64_t family_id);
// An Error of the strings table with a technical detail.
Error rules_error(Str message, std::string detail, std::string arg = {});
// The error of a trigger refusing a change of append-only data, in German.
Error append_only_error(const Error& sql);

}  // namespace bb::store::detail

namespace bb::store::detail {

// Inside a transaction: the jurisdiction setting (nullopt: not set), the
// Mitteilungen of a family (every version, in order of recording).
Result<std::optional<rules::Jurisdiction>> read_jurisdiction(sqlite3* db);
Result<std::vector<rules::Mitteilung>> read_mitteilungen(sqlite3* db, int64_t family_id);
Result<rules::CaseFacts> read_case_facts(sqlite3* db, int64_t family_id);

}  // namespace bb::store::detail
