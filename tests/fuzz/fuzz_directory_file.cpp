// libFuzzer target: the network directory file reader (src/exchange/
// directory_file.h). Seeds: tests/fuzz/seeds/fuzz_directory_file (the docs
// example and small files).
// Properties: never crash or hang (deep nesting, huge numbers, broken UTF-8);
// an error is always one of the directory kinds with a German text; an
// accepted file is valid UTF-8, every entry passes core validation, and
// "parse, serialize, parse, serialize" gives the same bytes twice.
#include <cstdlib>
#include <string>

#include "exchange/directory_file.h"
#include "exchange/json_header.h"

using namespace bb;
using namespace bb::exchange;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto dir = parse_directory_file(text);
  if (!dir.ok()) {
    const Error& e = dir.error();
    static const Str kinds[] = {
        Str::dir_err_not_directory, Str::dir_err_newer_version, Str::dir_err_unknown_version,
        Str::dir_err_syntax,        Str::dir_err_encoding,      Str::dir_err_limits,
        Str::dir_err_missing,       Str::dir_err_type,          Str::dir_err_value,
        Str::dir_err_duplicate_id,  Str::dir_err_unknown_key,   Str::dir_err_file_too_large};
    bool known = false;
    for (Str k : kinds) known = known || e.is(k);
    if (!known || e.text().empty()) std::abort();
    return 0;
  }
  std::string_view body = text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  if (!valid_utf8(body)) std::abort();
  for (const auto& p : dir->partners) {
    if (!directory::validate_partner(p, true).empty()) std::abort();
    for (const auto& o : p.offers)
      if (!directory::validate_offer(o, true).empty()) std::abort();
  }
  for (const auto& f : dir->fachkraefte)
    if (!directory::validate_fachkraft(f, true).empty()) std::abort();
  const std::string once = serialize_directory(*dir);
  auto again = parse_directory_file(once);
  if (!again.ok()) std::abort();
  if (serialize_directory(*again) != once) std::abort();
  return 0;
}
