#include "core/retention.h"

namespace bb::rules {

Status validate_retention_months(int months) {
  if (months < 1) return make_error(Str::rules_ret_invalid, "retention period must be at least one month");
  return {};
}

RetentionAnswer retention_status(const RetentionPolicy& policy, std::optional<Date> closed_on, Date today) {
  RetentionAnswer a;
  if (!policy.months || *policy.months < 1) {
    a.state = RetentionState::nicht_eingestellt;
    a.text = {Str::rules_ret_not_set, {}, std::nullopt};
    return a;
  }
  if (!closed_on) {
    a.state = RetentionState::nicht_abgeschlossen;
    a.text = {Str::rules_ret_open, {}, std::nullopt};
    return a;
  }
  a.due_on = closed_on->plus_months(*policy.months);
  if (today >= *a.due_on) {
    a.state = RetentionState::faellig;
    a.text = {Str::rules_ret_due, a.due_on->german(), std::nullopt};
  } else {
    a.state = RetentionState::laeuft;
    a.text = {Str::rules_ret_running, a.due_on->german(), std::nullopt};
  }
  return a;
}

bool due_for_deletion(const RetentionPolicy& policy, std::optional<Date> closed_on, Date today) {
  return retention_status(policy, closed_on, today).state == RetentionState::faellig;
}

}  // namespace bb::rules
