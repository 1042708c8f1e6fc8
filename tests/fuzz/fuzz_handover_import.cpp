// libFuzzer target: the import validator of a received case
// (src/exchange/handover_document.h parse_handover_document).
// Properties: never crash (deep nesting must not overflow the stack), errors
// are only the handover kinds, an accepted document is valid UTF-8 within the
// size limit, and it formats back to a document that parses to the same.
#include <cstdlib>
#include <string>

#include "exchange/handover_document.h"
#include "exchange/json_header.h"

using namespace bb;
using namespace bb::exchange;

namespace {

bool handover_kind(const Error& e) {
  return e.is(Str::handover_err_invalid) || e.is(Str::handover_err_encoding) ||
         e.is(Str::handover_err_limits) || e.is(Str::handover_err_not_handover) ||
         e.is(Str::handover_err_newer_version) || e.is(Str::handover_err_unknown_version);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  HandoverLimits limits;
  limits.max_bytes = 1 << 20;  // keep each run fast; the logic is the same
  limits.max_values = 20000;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto doc = parse_handover_document(text, limits);
  if (!doc.ok()) {
    if (!handover_kind(doc.error())) std::abort();
    return 0;
  }
  if (!valid_utf8(text) || size > limits.max_bytes) std::abort();
  const std::string again = format_handover_document(*doc);
  auto reparsed = parse_handover_document(again);
  if (!reparsed.ok()) std::abort();
  if (format_handover_document(*reparsed) != again) std::abort();
  return 0;
}
