// Focus: retention after closing a case (src/core/retention.h). docs/rules.md "ret-*".
#include <doctest/doctest.h>

#include "core/retention.h"
#include "rules_test_util.h"

using namespace bb;
using namespace bb::rules;
using namespace bb::rules::test;

TEST_CASE(
    "ret-1: without a period set by the organisation nothing is due, and the answer says it is not set") {
  const RetentionPolicy unset;
  const auto a = retention_status(unset, D(2000, 1, 1), D(2026, 5, 15));
  CHECK(a.state == RetentionState::nicht_eingestellt);
  CHECK_FALSE(a.due_on.has_value());
  CHECK(a.text.in(Lang::de).find("noch keine Aufbewahrungsfrist") != std::string::npos);
  CHECK_FALSE(due_for_deletion(unset, D(2000, 1, 1), D(2026, 5, 15)));
}

TEST_CASE("ret-2: a closed case is due for deletion from the closing date plus the period") {
  struct Row {
    int months;
    Date closed, today;
    RetentionState state;
    Date due;
  } rows[] = {
      {36, D(2023, 5, 15), D(2026, 5, 14), RetentionState::laeuft, D(2026, 5, 15)},
      {36, D(2023, 5, 15), D(2026, 5, 15), RetentionState::faellig, D(2026, 5, 15)},
      {1, D(2026, 1, 31), D(2026, 2, 27), RetentionState::laeuft, D(2026, 2, 28)},
      {1, D(2026, 1, 31), D(2026, 2, 28), RetentionState::faellig, D(2026, 2, 28)},
      {120, D(2016, 2, 29), D(2026, 2, 28), RetentionState::faellig, D(2026, 2, 28)},
  };
  for (const auto& r : rows) {
    CAPTURE(r.months);
    CAPTURE(r.today.iso());
    const auto a = retention_status({r.months}, r.closed, r.today);
    CHECK(a.state == r.state);
    CHECK(a.due_on == r.due);
    CHECK(due_for_deletion({r.months}, r.closed, r.today) == (r.state == RetentionState::faellig));
    CHECK(a.text.in(Lang::de).find(r.due.german()) != std::string::npos);
  }
}

TEST_CASE("ret-3: an open case is never due, and a period below one month is refused") {
  CHECK(retention_status({12}, std::nullopt, D(2026, 5, 15)).state == RetentionState::nicht_abgeschlossen);
  CHECK_FALSE(due_for_deletion({12}, std::nullopt, D(2099, 1, 1)));
  CHECK(validate_retention_months(1).ok());
  CHECK_FALSE(validate_retention_months(0).ok());
  CHECK_FALSE(validate_retention_months(-3).ok());
  CHECK(retention_status({0}, D(2020, 1, 1), D(2026, 5, 15)).state == RetentionState::nicht_eingestellt);
}
