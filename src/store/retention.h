// Retention and deletion (issue 7, item 6): the cases due for deletion under
// the organisation's retention period (organisation.h; no default), and the
// deletion that really removes a family's data from the store file.
//
// What "really removes" means here (docs/consent.md "Deletion"): the rows
// go with ON DELETE CASCADE (every table of a family references it, the
// append-only triggers let rows go only together with their family);
// PRAGMA secure_delete=ON (store.cpp) zeroes freed cell content and freed
// pages; the FTS5 search index is merged ('optimize', in delete_family) so
// no term of the family is left behind a tombstone; journals are in memory
// (page store) or deleted at commit (file). Tested by retention-3: a unique marker name is
// in no byte of the decrypted file afterwards.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/retention.h"
#include "store/store.h"

namespace bb::store {

struct DeletionCandidate {
  int64_t family_id = 0;
  std::string family_name;
  rules::Date closed_on;
  rules::Date due_on;
};
struct DeletionList {
  bool policy_set = false;             // false: the organisation set no period; the list is empty
  rules::Text policy_text;             // "nicht eingestellt" / the period
  std::vector<DeletionCandidate> due;  // oldest due first
};
// Closed families whose retention period is over on `on` (default today).
Result<DeletionList> cases_due_for_deletion(const Store& store, std::optional<rules::Date> on = std::nullopt);

// Where one family stands (nicht eingestellt / nicht abgeschlossen / läuft / fällig).
Result<rules::RetentionAnswer> retention_of(const Store& store, int64_t family_id,
                                            std::optional<rules::Date> on = std::nullopt);

// Deletes the family and everything recorded about it, for good (see above).
// Works for every family (the user decides; the list above proposes).
Status erase_family(Store& store, int64_t family_id);

}  // namespace bb::store
