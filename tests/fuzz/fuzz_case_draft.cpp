// libFuzzer target: the reader of form drafts (src/exchange/case_draft.h). A
// draft lives in the store's settings, and a restored backup brings the store
// of another device, so its text is outside input.
// Properties: never crash; a refusal is only Str::draft_unreadable; an accepted
// draft writes back to JSON that reads again to the same JSON.
#include <cstdlib>
#include <string>

#include "exchange/case_draft.h"

using namespace bb;
using namespace bb::exchange;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto draft = case_draft_from_json(text);
  if (!draft.ok()) {
    if (!draft.error().is(Str::draft_unreadable)) std::abort();
    return 0;
  }
  const std::string written = case_draft_to_json(*draft);
  auto again = case_draft_from_json(written);
  if (!again.ok() || case_draft_to_json(*again) != written) std::abort();
  return 0;
}
