// Helpers of the issue-7 repositories (see rules_internal.h).
#include "store/rules_internal.h"

#include "core/cases.h"
#include "store/cases_internal.h"

namespace bb::store::detail {

using namespace bb::rules;

const char* code(DataForm f) {
  switch (f) {
    case DataForm::personenbezogen:
      return "personenbezogen";
    case DataForm::pseudonymisiert:
      return "pseudonymisiert";
    case DataForm::anonymisiert:
      return "anonymisiert";
  }
  return "?";
}
const char* code(ConsentForm f) { return f == ConsentForm::muendlich ? "muendlich" : "schriftlich"; }
const char* code(ConsentSought s) {
  switch (s) {
    case ConsentSought::nicht_erfasst:
      return "nicht_erfasst";
    case ConsentSought::angestrebt_erteilt:
      return "angestrebt_erteilt";
    case ConsentSought::angestrebt_verweigert:
      return "angestrebt_verweigert";
    case ConsentSought::nicht_angestrebt:
      return "nicht_angestrebt";
  }
  return "?";
}
const char* code(AbklaerungErgebnis e) {
  switch (e) {
    case AbklaerungErgebnis::offen:
      return "offen";
    case AbklaerungErgebnis::kein_hilfebedarf:
      return "kein_hilfebedarf";
    case AbklaerungErgebnis::freiwillige_leistung:
      return "freiwillige_leistung";
    case AbklaerungErgebnis::verbindlicher_hilfeplan:
      return "verbindlicher_hilfeplan";
  }
  return "?";
}
const char* code(SupportOutcome o) {
  switch (o) {
    case SupportOutcome::angeboten:
      return "angeboten";
    case SupportOutcome::angenommen:
      return "angenommen";
    case SupportOutcome::abgelehnt:
      return "abgelehnt";
    case SupportOutcome::in_anspruch_genommen:
      return "in_anspruch_genommen";
  }
  return "?";
}
const char* code(ConsultationBasis b) {
  switch (b) {
    case ConsultationBasis::de_kkg_4_2:
      return "de_kkg_4_2";
    case ConsultationBasis::de_sgb_viii_8b:
      return "de_sgb_viii_8b";
    case ConsultationBasis::at_fachberatung:
      return "at_fachberatung";
    case ConsultationBasis::unbestimmt:
      return "unbestimmt";
  }
  return "?";
}
const char* code(FamilyInformed::State s) {
  switch (s) {
    case FamilyInformed::State::offen:
      return "offen";
    case FamilyInformed::State::informiert:
      return "informiert";
    case FamilyInformed::State::nicht_informiert:
      return "nicht_informiert";
  }
  return "?";
}
const char* code(Responsible r) {
  switch (r) {
    case Responsible::familie:
      return "familie";
    case Responsible::fruehe_hilfen:
      return "fruehe_hilfen";
    case Responsible::kjh:
      return "kjh";
    case Responsible::andere:
      return "andere";
  }
  return "?";
}

std::optional<Date> opt_date(const Statement& s, int column) {
  if (s.column_is_null(column)) return std::nullopt;
  return Date::from_iso(s.column_text(column));
}
Date date_or(const Statement& s, int column, Date fallback) { return opt_date(s, column).value_or(fallback); }
void bind_date(Statement& s, int index, const std::optional<Date>& d) {
  if (d)
    s.bind(index, std::string_view(d->iso()));
  else
    s.bind_null(index);
}
void bind_opt_int(Statement& s, int index, const std::optional<int64_t>& v) {
  if (v)
    s.bind(index, *v);
  else
    s.bind_null(index);
}
std::optional<int64_t> opt_int(const Statement& s, int column) {
  if (s.column_is_null(column)) return std::nullopt;
  return s.column_int(column);
}

Date today_date() { return Date::from_iso(cases::today()).value_or(Date{}); }
std::string now() { return cases::now_timestamp(); }

Status require_family(sqlite3* db, int64_t family_id) {
  auto s = prepare(db, "SELECT 1 FROM families WHERE id = ?1");
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return not_found("family", family_id);
  return {};
}

Error rules_error(Str message, std::string detail, std::string arg) {
  return make_error(message, std::move(detail), std::move(arg));
}

Error append_only_error(const Error& sql) {
  const auto& d = sql.detail;
  if (d.find("append-only") == std::string::npos &&
      d.find("changed only by a new version") == std::string::npos && d.find("are kept") == std::string::npos)
    return sql;
  Str message = Str::rules_cp_append_only;
  if (d.find("consent") != std::string::npos) message = Str::consent_err_append_only;
  if (d.find("protocol") != std::string::npos || d.find("Offenlegungsprotokoll") != std::string::npos)
    message = Str::disc_err_append_only;
  if (d.find("Kooperationsvereinbarung") != std::string::npos) message = Str::coop_err_frozen;
  return make_error(message, d);
}

}  // namespace bb::store::detail
