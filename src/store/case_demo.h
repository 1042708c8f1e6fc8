// Demo data for tests, benchmarks and trying the app: fictional families with
// persons, contacts (German notes), goals with history, assessments and
// responsibilities, generated deterministically from a seed (same seed, same
// options → identical content). All people are invented; names are drawn from
// lists of common first and last names in Germany and Austria.
// CLI: `begleitbuch demo STORE --families N --seed S` (src/cli/cmd_cases.cpp).
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "store/store.h"

namespace bb::store {

struct DemoOptions {
  int families = 100;
  uint64_t seed = 1;
  // The "today" of the generated data (dates are spread over the years before
  // it, appointments and reviews a few weeks after it). Fixed by default, so
  // that a seed alone decides the content.
  std::string today = "2026-11-02";
  int contacts_per_family = 30;  // average over all families
  int batch = 200;               // families per transaction
};

struct DemoReport {
  int families = 0, persons = 0, contacts = 0, goals = 0, assessments = 0;
  int64_t first_family_id = 0;
};

Result<DemoReport> generate_demo(Store& store, const DemoOptions& options);

// BLAKE2b-256 (hex) over the case tables in key order, without the
// catalogue's timestamps (set at migration time) and without derived search
// data: equal digests = equal content.
Result<std::string> content_digest(const Store& store);

}  // namespace bb::store
