// Retention list and real deletion (see retention.h).
#include "store/retention.h"

#include <algorithm>

#include "store/cases.h"
#include "store/cases_internal.h"
#include "store/organisation.h"
#include "store/rules_internal.h"

namespace bb::store {

using namespace bb::store::detail;
using rules::Date;

namespace {
rules::Text policy_text(const rules::RetentionPolicy& p) {
  if (!p.months) return rules::Text{Str::rules_ret_not_set, {}, std::nullopt};
  return rules::Text{Str::ret_policy_months, std::to_string(*p.months), std::nullopt};
}
}  // namespace

Result<DeletionList> cases_due_for_deletion(const Store& store, std::optional<Date> on) {
  const Date today = on.value_or(today_date());
  auto policy = load_retention_policy(store);
  if (!policy.ok()) return policy.error();
  DeletionList out;
  out.policy_set = policy->months.has_value();
  out.policy_text = policy_text(*policy);
  if (!out.policy_set) return out;  // nothing is ever due without a period
  auto s = prepare(store.db(),
                   "SELECT id, family_name, ended_on FROM families WHERE status = 'abgeschlossen' "
                   "AND ended_on IS NOT NULL ORDER BY ended_on, id");
  if (!s.ok()) return s.error();
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    const auto closed = opt_date(*s, 2);
    const auto answer = rules::retention_status(*policy, closed, today);
    if (answer.state == rules::RetentionState::faellig && closed && answer.due_on)
      out.due.push_back({s->column_int(0), s->column_text(1), *closed, *answer.due_on});
  }
  std::stable_sort(
      out.due.begin(), out.due.end(),
      [](const DeletionCandidate& a, const DeletionCandidate& b) { return a.due_on < b.due_on; });
  return out;
}

Result<rules::RetentionAnswer> retention_of(const Store& store, int64_t family_id, std::optional<Date> on) {
  auto policy = load_retention_policy(store);
  if (!policy.ok()) return policy.error();
  auto s = prepare(store.db(), "SELECT status, ended_on FROM families WHERE id = ?1");
  if (!s.ok()) return s.error();
  s->bind(1, family_id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return not_found("family", family_id);
  std::optional<Date> closed;
  if (s->column_text(0) == "abgeschlossen") closed = opt_date(*s, 1);
  return rules::retention_status(*policy, closed, on.value_or(today_date()));
}

Status erase_family(Store& store, int64_t family_id) {
  // delete_family: ONE transaction deleting the family row; ON DELETE CASCADE
  // takes every record (the append-only triggers allow it because the family
  // is gone) and its search entry (FTS5 secure-delete). secure_delete zeroes
  // what the b-trees free.
  return delete_family(store, family_id);
}

}  // namespace bb::store
