// Retention after a case is closed (issue 7, item 6). The organisation sets
// the period; the seeds give none, so there is no default [our decision]:
// until it is set, the answer says so and nothing is ever due.
// Sources: DOMAIN.md "Data protection users will expect"; docs/rules.md (ret-*).
#pragma once

#include <optional>

#include "core/result.h"
#include "core/rules_common.h"

namespace bb::rules {

struct RetentionPolicy {
  std::optional<int> months;  // nullopt: not set by the organisation
};
// A period must be 1 month or more (0 or less is refused, not treated as "now").
Status validate_retention_months(int months);

enum class RetentionState {
  nicht_eingestellt,    // the organisation has not set a period
  nicht_abgeschlossen,  // the case is not closed
  laeuft,               // closed, period running
  faellig,              // due for deletion
};

struct RetentionAnswer {
  RetentionState state = RetentionState::nicht_eingestellt;
  std::optional<Date> due_on;  // the first day the case is due
  Text text;
};

RetentionAnswer retention_status(const RetentionPolicy& policy, std::optional<Date> closed_on, Date today);
bool due_for_deletion(const RetentionPolicy& policy, std::optional<Date> closed_on, Date today);

}  // namespace bb::rules
