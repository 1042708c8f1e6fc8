// Focus: the strings table (assets/strings/strings.def) and the Result type.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "core/i18n.h"
#include "core/result.h"

using namespace bb;

TEST_CASE("i18n-1: every string has a German and an English text") {
  for (int i = 0; i < static_cast<int>(Str::count_); ++i) {
    const auto id = static_cast<Str>(i);
    INFO(str_key(id));
    CHECK(std::strlen(tr(id, Lang::de)) > 0);
    CHECK(std::strlen(tr(id, Lang::en)) > 0);
  }
}

TEST_CASE("i18n-2: German is the default language and English is switchable") {
  CHECK(language() == Lang::de);
  CHECK(std::string(tr(Str::nav_families)) == "Familien");
  set_language(Lang::en);
  CHECK(std::string(tr(Str::nav_families)) == "Families");
  set_language(Lang::de);
}

TEST_CASE("i18n-3: a message takes its argument in place of {}") {
  CHECK(format_text(Str::app_version, "1.2.3") == "Version 1.2.3");
  CHECK(format_text(Str::err_file_read, "a.age") == "Die Datei „a.age“ konnte nicht gelesen werden.");
}

TEST_CASE("i18n-4: the German strings are valid UTF-8") {
  for (int i = 0; i < static_cast<int>(Str::count_); ++i) {
    const auto* s = reinterpret_cast<const unsigned char*>(tr(static_cast<Str>(i), Lang::de));
    INFO(str_key(static_cast<Str>(i)));
    while (*s) {
      int len = *s < 0x80 ? 1 : (*s >> 5) == 6 ? 2 : (*s >> 4) == 14 ? 3 : (*s >> 3) == 30 ? 4 : 0;
      REQUIRE(len > 0);
      for (int k = 1; k < len; ++k) REQUIRE((s[k] & 0xC0) == 0x80);
      s += len;
    }
  }
}

static Result<int> parse_positive(int v) {
  if (v <= 0) return make_error(Str::err_usage, "value must be positive");
  return v;
}
static Status twice(int v) {
  BB_TRY(parse_positive(v));
  return {};
}

TEST_CASE("result-1: errors are values that carry message and detail") {
  auto good = parse_positive(3);
  REQUIRE(good.ok());
  CHECK(*good == 3);
  auto bad = parse_positive(-1);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().is(Str::err_usage));
  CHECK(bad.error().detail == "value must be positive");
  CHECK_FALSE(twice(-2).ok());
  CHECK(twice(2).ok());
}
