// Focus: anonymised and pseudonymised case summaries (src/core/anonymize.h).
// docs/rules.md "anon-*". The randomized check is in rules_property_test.cpp.
#include <doctest/doctest.h>

#include "core/anonymize.h"
#include "rules_test_util.h"

using namespace bb;
using namespace bb::rules;
using namespace bb::rules::test;

namespace {
bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

CaseSummaryInput sample() {
  CaseSummaryInput in;
  in.family = 7;
  in.family_name = "Öztürk-Brandstätter";
  in.street = "Lindenweg";
  in.house_number = "12a";
  in.postcode = "8010";
  in.city = "Graz";
  in.phone = "0664 1234567";
  in.email = "oeztuerk@example.at";
  in.languages = "Türkisch, Deutsch";
  in.as_of = D(2026, 5, 15);
  in.persons = {{71, SummaryRole::elternteil, "Ayşe", "Öztürk", D(1999, 2, 3), std::nullopt},
                {72, SummaryRole::elternteil, "Jonas", "Brandstätter", D(1994, 11, 20), std::nullopt},
                {73, SummaryRole::kind, "Elif", "Öztürk-Brandstätter", D(2025, 12, 24), std::nullopt},
                {74, SummaryRole::erwartetes_kind, "", "", std::nullopt, D(2026, 9, 2)}};
  in.rare_traits = {"Drillingsschwester"};
  in.other_names = {"Frau Gruber"};
  in.entries = {
      {D(2026, 4, 2),
       "Hausbesuch im Lindenweg 12a, 8010 Graz. Ayşe berichtet, Elif schreie seit dem 24.03. nachts; "
       "Jonas' Mutter hilft, Ayşes Drillingsschwester auch. Frau Gruber (Nachbarin) ruft oft an."},
      {D(2026, 3, 1),
       "Erstkontakt; Termin beim Kinderarzt am 3. April 2026, Rückruf unter 0664/1234567 oder "
       "oeztuerk@example.at. Geburtstag von Elif: 24.12.2025 (2025-12-24)."},
  };
  return in;
}

const char* kIdentifiers[] = {
    "Ayşe", "Öztürk",  "Jonas",     "Brandstätter", "Elif",   "Lindenweg",          "12a",     "8010",
    "Graz", "1234567", "oeztuerk@", "example.at",   "Gruber", "Drillingsschwester", "Türkisch"};
const char* kDates[] = {"24.03.", "3. April 2026", "24.12.2025", "2025-12-24", "03.02.1999",
                        "1999",   "1994",          "02.09.2026", "02.04.2026", "01.03.2026"};
}  // namespace

TEST_CASE(
    "anon-1: an anonymised summary has no names, address, contact details, exact dates, birth dates or rare "
    "traits") {
  const auto s = summarize(sample(), SummaryStrength::anonymisiert, Lang::de).text();
  CAPTURE(s);
  for (const char* id : kIdentifiers) {
    CAPTURE(id);
    CHECK_FALSE(contains(s, id));
  }
  for (const char* d : kDates) {
    CAPTURE(d);
    CHECK_FALSE(contains(s, d));
  }
  CHECK(contains(s, "Fallzusammenfassung (anonymisiert)"));
  CHECK(contains(s, "Elternteil 1: 25 bis 34 Jahre"));
  CHECK(contains(s, "Elternteil 2: 25 bis 34 Jahre"));
  CHECK(contains(s, "Kind 1: unter 1 Jahr"));
  CHECK(contains(s, "Erwartetes Kind 1: Entbindung erwartet 09/2026"));
  CHECK(contains(s, "03/2026: Erstkontakt"));  // events sorted, month/year only
  CHECK(s.find("03/2026") < s.find("04/2026"));
  CHECK(contains(s, "[Elternteil 1] berichtet, [Kind 1] schreie"));
  CHECK(contains(s, "[Anschrift]"));
  CHECK(contains(s, "[Datum]"));
  CHECK(contains(s, "[Telefon]"));
  CHECK(contains(s, "[E-Mail]"));
  CHECK(contains(s, "[Merkmal]"));
  CHECK(contains(s, "[Name] (Nachbarin)"));
}

TEST_CASE(
    "anon-2: a pseudonymised summary uses stable pseudonyms, keeps the chronology, drops address and contact "
    "details") {
  const auto a = summarize(sample(), SummaryStrength::pseudonymisiert, Lang::de, "schluessel-1").text();
  const auto b = summarize(sample(), SummaryStrength::pseudonymisiert, Lang::de, "schluessel-1").text();
  const auto c = summarize(sample(), SummaryStrength::pseudonymisiert, Lang::de, "schluessel-2").text();
  CAPTURE(a);
  CHECK(a == b);
  CHECK(a != c);
  const auto mother = pseudonym("schluessel-1", 7, PersonId{71});
  CHECK(mother.size() == 7);
  CHECK(mother.rfind("P-", 0) == 0);
  CHECK(pseudonym("schluessel-1", 7, std::nullopt).rfind("F-", 0) == 0);
  CHECK(mother != pseudonym("schluessel-1", 7, PersonId{72}));
  CHECK(mother != pseudonym("schluessel-1", 8, PersonId{71}));
  CHECK(contains(a, mother + " (Elternteil 1): 27 Jahre"));
  CHECK(contains(a, "(Kind 1): 4 Monate"));
  CHECK(contains(a, "[" + mother + " (Elternteil 1)] berichtet"));
  CHECK(contains(a, "02.04.2026: Hausbesuch"));  // dates kept for the chronology
  CHECK(contains(a, "Besondere Merkmale: Drillingsschwester"));
  for (const char* id : {"Ayşe", "Öztürk", "Jonas", "Brandstätter", "Elif", "Lindenweg", "8010", "Graz",
                         "1234567", "oeztuerk@", "Gruber"}) {
    CAPTURE(id);
    CHECK_FALSE(contains(a, id));
  }
  CHECK(contains(a, "weiterhin personenbezogen"));
}

TEST_CASE("anon-3: every written form of a date is replaced") {
  const char* rows[] = {"2026-03-01", "1.3.2026",      "01.03.2026",   "1. 3. 2026",
                        "01.03.26",   "1.3.",          "3. März 2026", "3 März",
                        "3. Jänner",  "12. Dez. 2025", "1/3/2026",     "3 march 2026"};
  for (const char* r : rows) {
    CAPTURE(r);
    const auto out = scrub_dates(std::string("am ") + r + " war", Lang::de);
    CHECK(out == "am [Datum] war");
  }
  CHECK(scrub_dates("3 Kinder, 12 Wochen", Lang::de) == "3 Kinder, 12 Wochen");
}

TEST_CASE("anon-4: age bands for children and adults") {
  struct Row {
    int value;
    const char* band;
  } children[] = {{-1, "noch nicht geboren"},
                  {0, "unter 1 Jahr"},
                  {11, "unter 1 Jahr"},
                  {12, "1 Jahr"},
                  {23, "1 Jahr"},
                  {24, "2 Jahre"},
                  {35, "2 Jahre"},
                  {36, "3 Jahre und älter"}},
    adults[] = {{16, "unter 18 Jahre"},    {18, "18 bis 24 Jahre"}, {24, "18 bis 24 Jahre"},
                {25, "25 bis 34 Jahre"},   {35, "35 bis 44 Jahre"}, {44, "35 bis 44 Jahre"},
                {45, "45 Jahre und älter"}};
  for (const auto& r : children) CHECK(child_age_band(r.value, Lang::de) == r.band);
  for (const auto& r : adults) CHECK(adult_age_band(r.value, Lang::de) == r.band);
  CHECK(child_age_band(5, Lang::en) == "under 1 year");
}

TEST_CASE("anon-5: names are replaced as words, not inside other words") {
  auto in = sample();
  in.persons = {{71, SummaryRole::elternteil, "Ali", "Kern", D(1990, 1, 1), std::nullopt}};
  in.family_name = "Kern";
  in.entries = {{D(2026, 4, 2), "Ali und ALI sprachen über die Realität; Kerns Wohnung, Kernfrage"}};
  const auto s = summarize(in, SummaryStrength::anonymisiert, Lang::de).text();
  CAPTURE(s);
  CHECK(contains(
      s, "[Elternteil 1] und [Elternteil 1] sprachen über die Realität; [Familie] Wohnung, Kernfrage"));
}
