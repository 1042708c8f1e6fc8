// The case summary's input and the pseudonym key (see case_summary.h).
#include "store/case_summary.h"

#include <algorithm>

#include "core/cases.h"
#include "crypto/primitives.h"
#include "store/cases.h"
#include "store/child_protection.h"
#include "store/sql.h"

namespace bb::store {
namespace {

constexpr const char* kKeySetting = "pseudonym.key";

rules::SummaryRole role_of(cases::PersonRole r) {
  switch (r) {
    case cases::PersonRole::parent:
      return rules::SummaryRole::elternteil;
    case cases::PersonRole::caregiver:
      return rules::SummaryRole::bezugsperson;
    case cases::PersonRole::child:
      return rules::SummaryRole::kind;
    case cases::PersonRole::expected_child:
      return rules::SummaryRole::erwartetes_kind;
  }
  return rules::SummaryRole::elternteil;
}

std::optional<rules::Date> day(const std::string& iso) {
  if (iso.empty()) return std::nullopt;
  return rules::Date::from_iso(iso);
}

}  // namespace

Result<rules::CaseSummaryInput> case_summary_input(const Store& store, int64_t family_id) {
  auto family = load_family(store, family_id);
  if (!family.ok()) return family.error();
  auto persons = load_persons(store, family_id);
  if (!persons.ok()) return persons.error();
  auto file = load_child_protection(store, family_id);
  if (!file.ok()) return file.error();

  rules::CaseSummaryInput in;
  in.family = family_id;
  in.family_name = family->family_name;
  // The address is one free text in the case file: scrubbed as a whole.
  in.street = family->address;
  in.phone = family->phone;
  in.email = family->email;
  in.languages = family->languages;
  if (!family->companion.empty()) in.other_names.push_back(family->companion);
  for (const auto& p : *persons) {
    rules::SummaryPerson s;
    s.id = p.id;
    s.role = role_of(p.role);
    s.first_name = p.first_name;
    s.last_name = p.last_name.empty() ? family->family_name : p.last_name;
    s.birth_date = day(p.birth_date);
    s.due_date = day(p.due_date);
    in.persons.push_back(std::move(s));
  }
  // Only the current versions: a corrected text must not reach the Fachkraft.
  for (const auto* a : rules::current(file->anhaltspunkte)) {
    in.entries.push_back({a->observed_on, std::string(tr(Str::ausk_kind_anhaltspunkt)) + ": " + a->what});
    if (!a->observed_by.empty()) in.other_names.push_back(a->observed_by);
  }
  for (const auto* s : rules::current(file->support))
    in.entries.push_back({s->offered_on, std::string(tr(Str::ausk_kind_support)) + ": " + s->what + " (" +
                                             tr(rules::label(s->outcome)) + ")"});
  std::stable_sort(in.entries.begin(), in.entries.end(),
                   [](const rules::SummaryEntry& a, const rules::SummaryEntry& b) { return a.on < b.on; });
  auto today = rules::Date::from_iso(cases::today());
  if (today) in.as_of = *today;
  return in;
}

Result<std::optional<std::string>> load_pseudonym_key(const Store& store) {
  auto s = Statement::prepare(store.db(), "SELECT value FROM settings WHERE key = ?1");
  if (!s.ok()) return s.error();
  s->bind(1, kKeySetting);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(s->column_text(0));
}

Status ensure_pseudonym_key(Store& store) {
  return with_transaction(store, [&](sqlite3* db) -> Status {
    uint8_t bytes[32];
    crypto::random_bytes(bytes, sizeof bytes);
    static const char* hex = "0123456789abcdef";
    std::string key;
    for (uint8_t b : bytes) {
      key += hex[b >> 4];
      key += hex[b & 15];
    }
    auto s = Statement::prepare(db, "INSERT OR IGNORE INTO settings(key, value) VALUES (?1, ?2)");
    if (!s.ok()) return s.error();
    return s->bind(1, kKeySetting).bind(2, key).run();
  });
}

Result<rules::CaseSummary> case_summary(const Store& store, int64_t family_id,
                                        rules::SummaryStrength strength, Lang lang) {
  auto in = case_summary_input(store, family_id);
  if (!in.ok()) return in.error();
  std::string key;
  if (strength == rules::SummaryStrength::pseudonymisiert) {
    auto k = load_pseudonym_key(store);
    if (!k.ok()) return k.error();
    if (!*k) return make_error(Str::err_internal, "no pseudonym key: ensure_pseudonym_key first");
    key = **k;
  }
  return rules::summarize(*in, strength, lang, key);
}

}  // namespace bb::store
