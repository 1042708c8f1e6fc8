// Focus: search normalisation (core/search_normalize.h), issue 5 §6.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/search_normalize.h"

using namespace bb::search;

namespace {
bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}
}  // namespace

TEST_CASE("search-1: folding lower-cases and removes umlauts, ß and common diacritics") {
  CHECK(fold_for_search("Müller") == "muller");
  CHECK(fold_for_search("MÜLLER") == "muller");
  CHECK(fold_for_search("Straße") == "strasse");
  CHECK(fold_for_search("STRASSE") == "strasse");
  CHECK(fold_for_search("Größe ÄRGER öl") == "grosse arger ol");
  CHECK(fold_for_search("Élodie Łukasz Şahin Kovačević Aydın Ørsted Œuvre") ==
        "elodie lukasz sahin kovacevic aydin orsted oeuvre");
  CHECK(fold_for_search("Mu\xCC\x88ller") == "muller");  // u + combining diaeresis (NFD)
  CHECK(fold_for_search("ẞ") == "ss");
}

TEST_CASE("search-2: punctuation separates words and the query keeps umlaut variants") {
  CHECK(fold_for_search("Müller-Lüdenscheidt, Hauptstr. 3!") == "muller ludenscheidt hauptstr 3");
  CHECK(split_words(" a  bc ") == std::vector<std::string>{"a", "bc"});
  auto mueller = query_variants("Mueller");
  CHECK(has(mueller, "mueller"));
  CHECK(has(mueller, "muller"));
  auto mueller2 = query_variants("MÜLLER");
  CHECK(has(mueller2, "muller"));
  CHECK(has(mueller2, "mueller"));
  CHECK(query_variants("muller") == std::vector<std::string>{"muller"});
  CHECK(query_variants("Straße") == std::vector<std::string>{"strasse"});
  CHECK(parse_query("  ,;  ").empty());
  CHECK(parse_query("Anna Müller-Lüdenscheidt").terms.size() == 3);
}

TEST_CASE("search-3: a term matches a word that starts with it, whatever the case or umlaut spelling") {
  const std::string doc = fold_for_search("Frau Müller schläft schlecht in der Hauptstraße");
  CHECK(matches_all(doc, parse_query("muller")));
  CHECK(matches_all(doc, parse_query("MUEL")));
  CHECK(matches_all(doc, parse_query("Schlaeft")));
  CHECK(matches_all(doc, parse_query("hauptstrasse")));
  CHECK(matches_all(doc, parse_query("müller schläft")));
  CHECK_FALSE(matches_all(doc, parse_query("ller")));          // not an infix search
  CHECK_FALSE(matches_all(doc, parse_query("muller meier")));  // every term must match
  CHECK_FALSE(matches_all(doc, parse_query("")));
}

TEST_CASE("search-4: the match context is a short excerpt around the first hit, cut at words") {
  const std::string note =
      "Beim Hausbesuch war die Stimmung gut. Emma schläft seit zwei Wochen deutlich besser, die Eltern "
      "wirken "
      "erholt und haben wieder Zeit für sich. Nächster Termin in drei Wochen.";
  const std::string ctx = match_context(note, parse_query("SCHLAFT"), 50);
  CHECK(ctx.find("schläft") != std::string::npos);
  CHECK(ctx.rfind("…", 0) == 0);                            // text left out before
  CHECK(ctx.find("Nächster Termin") == std::string::npos);  // and after
  CHECK(match_context(note, parse_query("Wohnung"), 50).empty());
}
