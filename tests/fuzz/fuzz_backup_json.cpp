// libFuzzer target: the strict JSON header reader (src/exchange/json_header.h)
// and the backup header validator on top of it.
// Properties: never crash (deep nesting must not overflow the stack), errors
// are only the header kinds, the UTF-8 check agrees with accepting the input,
// and an accepted backup header formats back to a header that parses the same.
#include <cstdlib>
#include <string>

#include "exchange/backup.h"
#include "exchange/json_header.h"

using namespace bb;
using namespace bb::exchange;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto object = parse_json_object(text);
  if (object.ok()) {
    if (!valid_utf8(text) || size > kMaxHeaderBytes) std::abort();
    for (const auto& [key, member] : object->members()) {
      if (!valid_utf8(key)) std::abort();
      if (const auto* s = std::get_if<std::string>(&member); s && !valid_utf8(*s)) std::abort();
    }
  } else {
    const Error& e = object.error();
    if (!e.is(Str::backup_err_header) && !e.is(Str::backup_err_header_encoding) &&
        !e.is(Str::backup_err_header_limits)) {
      std::abort();
    }
  }
  auto header = parse_backup_header(text);
  if (header.ok()) {
    if (!object.ok()) std::abort();
    auto again = parse_backup_header(format_backup_header(*header));
    if (!again.ok() || format_backup_header(*again) != format_backup_header(*header)) std::abort();
  }
  return 0;
}
