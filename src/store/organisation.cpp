// The organisation's settings for the rules of issue 7 (see organisation.h).
#include "store/organisation.h"

#include "store/cases_internal.h"
#include "store/rules_internal.h"

namespace bb::store {

using namespace bb::store::detail;

Result<std::optional<rules::Jurisdiction>> load_jurisdiction(const Store& store) {
  auto s = prepare(store.db(), "SELECT jurisdiction FROM organisation WHERE id = 1");
  if (!s.ok()) return s.error();
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row || s->column_is_null(0)) return std::optional<rules::Jurisdiction>();
  return std::optional<rules::Jurisdiction>(s->column_text(0) == "at" ? rules::Jurisdiction::oesterreich
                                                                      : rules::Jurisdiction::deutschland);
}

Status set_jurisdiction(Store& store, rules::Jurisdiction j) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto s = prepare(db, "UPDATE organisation SET jurisdiction = ?1, updated_at = ?2 WHERE id = 1");
    if (!s.ok()) return s.error();
    return s->bind(1, std::string_view(rules::code(j))).bind(2, now()).run();
  });
}

Result<rules::RetentionPolicy> load_retention_policy(const Store& store) {
  auto s = prepare(store.db(), "SELECT retention_months FROM organisation WHERE id = 1");
  if (!s.ok()) return s.error();
  auto row = s->step();
  if (!row.ok()) return row.error();
  rules::RetentionPolicy p;
  if (*row && !s->column_is_null(0)) p.months = static_cast<int>(s->column_int(0));
  return p;
}

Status set_retention_months(Store& store, std::optional<int> months) {
  if (months) BB_TRY(rules::validate_retention_months(*months));
  return with_transaction(store, [&](sqlite3* db) -> Status {
    auto s = prepare(db, "UPDATE organisation SET retention_months = ?1, updated_at = ?2 WHERE id = 1");
    if (!s.ok()) return s.error();
    if (months)
      s->bind(1, static_cast<int64_t>(*months));
    else
      s->bind_null(1);
    return s->bind(2, now()).run();
  });
}

std::optional<rules::Profession> profession_of_catalog_code(std::string_view code) {
  if (code == "fgkikp") return rules::Profession::kinderkrankenpflege;
  if (code == "fruehfoerderung") return rules::Profession::heilpaedagogik;
  if (code == "andere") return rules::Profession::sonstige;
  return rules::profession_from(code);  // hebamme, sozialarbeit, psychologie, paedagogik, core codes
}

Result<std::optional<rules::Profession>> family_profession(const Store& store, int64_t family_id) {
  auto s = prepare(store.db(), "SELECT coalesce(companion_profession, '') FROM families WHERE id = ?1");
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return not_found("family", family_id);
  return profession_of_catalog_code(s->column_text(0));
}

}  // namespace bb::store
