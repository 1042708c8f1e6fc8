// The strings table: every text the user reads, in German (first) and English.
//
// The table itself is data in assets/strings/strings.def (one STR line per
// text). The enum Str gives each text a name the compiler checks, so a missing
// or misspelled string is a build error, never an empty label.
#pragma once

#include <string>
#include <string_view>

namespace bb {

enum class Str : int {
#define STR(id, de, en) id,
#include "strings.def"
#undef STR
  count_
};

enum class Lang : int { de = 0, en = 1 };

// The language of the whole app; German unless the user chose English.
void set_language(Lang lang);
Lang language();

// The text of `id` in the current language ("tr" as in translate).
const char* tr(Str id);
const char* tr(Str id, Lang lang);

// The text of `id` with each "{}" replaced, in order, by `arg` (one argument is
// all the app needs today; keep messages that simple).
std::string format_text(Str id, std::string_view arg);

// The table's key, e.g. "nav_families": for tests and widget IDs.
const char* str_key(Str id);

}  // namespace bb
