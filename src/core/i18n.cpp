// The strings table in memory: built at compile time from assets/strings/strings.def.
#include "core/i18n.h"

#include <atomic>

namespace bb {
namespace {

struct Entry {
  const char* key;
  const char* text[2];
};

constexpr Entry kTable[] = {
#define STR(id, de, en) {#id, {de, en}},
#include "strings.def"
#undef STR
};
static_assert(sizeof(kTable) / sizeof(kTable[0]) == static_cast<size_t>(Str::count_),
              "strings table and enum disagree");

std::atomic<int> g_lang{static_cast<int>(Lang::de)};

}  // namespace

void set_language(Lang lang) { g_lang = static_cast<int>(lang); }
Lang language() { return static_cast<Lang>(g_lang.load()); }

const char* tr(Str id, Lang lang) {
  const auto i = static_cast<size_t>(id);
  if (i >= static_cast<size_t>(Str::count_)) return "?";
  return kTable[i].text[static_cast<int>(lang)];
}

const char* tr(Str id) { return tr(id, language()); }

const char* str_key(Str id) {
  const auto i = static_cast<size_t>(id);
  return i < static_cast<size_t>(Str::count_) ? kTable[i].key : "?";
}

std::string format_text(Str id, std::string_view arg) {
  std::string out = tr(id);
  const auto at = out.find("{}");
  if (at != std::string::npos) out.replace(at, 2, arg.data(), arg.size());
  return out;
}

}  // namespace bb
