// Focus: the network directory file (src/exchange/directory_file.h,
// docs/directory.md "File format"): the example loads, writing is
// deterministic, every kind of bad input is refused whole with an error that
// names the place, and the limits hold.
#include <set>
#include "directory_test_util.h"

#include "exchange/directory_demo.h"

using namespace bb;
using namespace bb::directory;
using namespace bb::directory::test;
using exchange::parse_directory_file;
using exchange::serialize_directory;

namespace {

// A minimal valid file with `partner` as its only partner object.
std::string with_partner(const std::string& partner) {
  return R"({"format": "begleitbuch-directory", "version": 1, "stand": "2026-09-01", "partners": [)" +
         partner + "]}";
}
const std::string kGoodPartner =
    R"({"id": "p-1", "name": "Familienzentrum Nord", "type": "familienbildung"})";

Error refused(const std::string& text) {
  auto r = parse_directory_file(text);
  REQUIRE_FALSE(r.ok());
  return r.error();
}

}  // namespace

TEST_CASE(
    "dirfile-1: the example directory in docs/examples loads with all its partners, offers and Fachkräfte") {
  auto d = parse_directory_file(read_text(example_path()));
  REQUIRE(d.ok());
  CHECK(d->stand == "2026-09-15");
  CHECK(d->partners.size() == 6);
  CHECK(d->offer_count() == 7);
  CHECK(d->fachkraefte.size() == 2);
  CHECK(d->publisher == "Netzwerkkoordination Frühe Hilfen, Jugendamt Lindenau");
  const auto& ja = d->partners[0];
  CHECK(ja.category() == Category::kinder_jugendhilfe);
  CHECK(ja.cooperation_signed);
  CHECK(ja.cooperation_signed_on == "2024-03-01");
  CHECK(ja.age_key.rfind("age1", 0) == 0);
  CHECK(d->partners[2].offers[0].pregnancy);
  CHECK(d->partners[1].offers[1].age_from_months == 6);
  // Every category of seed 001 is used by the example.
  std::set<Category> seen;
  for (const auto& p : d->partners) seen.insert(p.category());
  CHECK(seen.size() == 4);
}

TEST_CASE("dirfile-2: writing is deterministic and reading what was written gives the same directory") {
  auto d = parse_directory_file(read_text(example_path()));
  REQUIRE(d.ok());
  const std::string once = serialize_directory(*d);
  auto again = parse_directory_file(once);
  REQUIRE(again.ok());
  CHECK(serialize_directory(*again) == once);
  for (size_t i = 0; i < d->partners.size(); ++i) {
    CHECK(canonical(d->partners[i]) == canonical(again->partners[i]));
    for (size_t k = 0; k < d->partners[i].offers.size(); ++k)
      CHECK(canonical(d->partners[i].offers[k]) == canonical(again->partners[i].offers[k]));
  }
  // The demo generator is deterministic from its seed.
  exchange::DirectoryDemoOptions o;
  o.partners = 40;
  o.offers = 150;
  o.seed = 7;
  const std::string a = serialize_directory(exchange::generate_directory(o));
  CHECK(a == serialize_directory(exchange::generate_directory(o)));
  o.seed = 8;
  CHECK(a != serialize_directory(exchange::generate_directory(o)));
  auto demo = parse_directory_file(a);
  REQUIRE(demo.ok());
  CHECK(demo->partners.size() == 40);
  CHECK(demo->offer_count() == 150);
}

TEST_CASE("dirfile-3: a file of a newer format version is refused as such, before anything else is checked") {
  auto e = refused(R"({"format": "begleitbuch-directory", "version": 2, "stand": "kaputt", "neu": 1})");
  CHECK(e.is(Str::dir_err_newer_version));
  CHECK(e.arg == "2");
  CHECK(e.text().find("neuere Version von Begleitbuch") != std::string::npos);
  CHECK(refused(R"({"format": "begleitbuch-directory", "version": 0, "stand": "2026-01-01"})")
            .is(Str::dir_err_unknown_version));
  CHECK(refused(R"({"format": "begleitbuch-directory", "version": 1.5, "stand": "2026-01-01"})")
            .is(Str::dir_err_unknown_version));
  CHECK(refused(R"({"format": "begleitbuch-backup", "version": 1})").is(Str::dir_err_not_directory));
  CHECK(refused(R"([1, 2, 3])").is(Str::dir_err_not_directory));
}

TEST_CASE("dirfile-4: a wrong value is refused with the entry, its id and the field in the message") {
  auto e =
      refused(with_partner(R"({"id": "p-7", "name": "Praxis", "type": "hebamme", "email": "praxis-at-x"})"));
  CHECK(e.is(Str::dir_err_value));
  CHECK(e.arg.find("partners[0] \"p-7\" / email") == 0);
  CHECK(e.text().find("Im Netzwerkverzeichnis ist eine Angabe ungültig: partners[0] \"p-7\" / email") == 0);
  CHECK(e.text().find("E-Mail-Adresse") != std::string::npos);
  CHECK(e.text().find("Es wurde nichts übernommen.") != std::string::npos);

  e = refused(with_partner(kGoodPartner.substr(0, kGoodPartner.size() - 1) +
                           R"(, "offers": [{"id": "o-1", "title": "Yoga", "topics": ["yoga"]}]})"));
  CHECK(e.is(Str::dir_err_value));
  CHECK(e.arg.find("partners[0] \"p-1\" / offers[0] \"o-1\" / topics") == 0);
  CHECK(e.arg.find("„yoga“") != std::string::npos);

  CHECK(refused(with_partner(R"({"id": "p-1", "name": "X", "type": "raumstation"})")).arg.find("/ type") !=
        std::string::npos);
  CHECK(refused(with_partner(R"({"id": "p 1", "name": "X", "type": "hebamme"})")).arg.find("/ id") !=
        std::string::npos);
  CHECK(
      refused(with_partner(
                  R"({"id": "p-1", "name": "X", "type": "hebamme", "cooperation_signed_on": "2024-01-01"})"))
          .arg.find("cooperation_signed_on") != std::string::npos);
  CHECK(
      refused(with_partner(R"({"id": "p-1", "name": "X", "type": "hebamme", "age_key": "age1nichtgueltig"})"))
          .arg.find("age_key") != std::string::npos);
  CHECK(refused(with_partner(
                    R"({"id": "p-1", "name": "X", "type": "hebamme", "languages": ["Deutsch, Türkisch"]})"))
            .arg.find("languages") != std::string::npos);
  CHECK(
      refused(
          with_partner(
              R"({"id": "p-1", "name": "X", "type": "hebamme", "offers": [{"id": "o", "title": "T", "age_from_months": 12, "age_to_months": 6}]})"))
          .arg.find("age_") != std::string::npos);
  // A one-line field with a line break.
  CHECK(refused(with_partner(R"({"id": "p-1", "name": "Zeile\nZwei", "type": "hebamme"})"))
            .is(Str::dir_err_value));
}

TEST_CASE("dirfile-5: missing fields, wrong types, unknown keys and duplicate ids are refused and named") {
  auto e = refused(with_partner(R"({"id": "p-1", "type": "hebamme"})"));
  CHECK(e.is(Str::dir_err_missing));
  CHECK(e.arg == "partners[0] \"p-1\" / name");
  e = refused(with_partner(R"({"id": "p-1", "name": "X", "type": "hebamme", "cooperation_signed": "ja"})"));
  CHECK(e.is(Str::dir_err_type));
  CHECK(e.arg == "partners[0] \"p-1\" / cooperation_signed");
  e = refused(with_partner(R"({"id": "p-1", "name": "X", "type": "hebamme", "emial": "a@b.example"})"));
  CHECK(e.is(Str::dir_err_unknown_key));
  CHECK(e.arg == "partners[0] \"p-1\" / emial");
  // Extension keys are ignored.
  CHECK(parse_directory_file(
            with_partner(R"({"id": "p-1", "name": "X", "type": "hebamme", "x_intern": {"a": 1}})"))
            .ok());
  e = refused(with_partner(kGoodPartner + ", " + kGoodPartner));
  CHECK(e.is(Str::dir_err_duplicate_id));
  CHECK(e.arg == "partners[1] \"p-1\"");
  e = refused(with_partner(
      R"({"id": "p-1", "name": "X", "type": "hebamme", "offers": [{"id": "o", "title": "A"}, {"id": "o", "title": "B"}]})"));
  CHECK(e.is(Str::dir_err_duplicate_id));
  CHECK(e.arg.find("offers[1] \"o\"") != std::string::npos);
  CHECK(refused(R"({"format": "begleitbuch-directory", "version": 1})").is(Str::dir_err_missing));
  CHECK(refused(R"({"format": "begleitbuch-directory", "version": 1, "stand": "2026-02-30"})")
            .is(Str::dir_err_value));
}

TEST_CASE(
    "dirfile-6: broken JSON, invalid UTF-8, duplicate keys, deep nesting and oversize input are refused") {
  auto e = refused(R"({"format": "begleitbuch-directory", "version": 1, "stand": )");
  CHECK(e.is(Str::dir_err_syntax));
  CHECK(e.text().find("JSON-Fehler bei Byte") != std::string::npos);
  CHECK(refused(with_partner("{\"id\": \"p-1\", \"name\": \"Caf\xC3\", \"type\": \"hebamme\"}"))
            .is(Str::dir_err_encoding));
  CHECK(refused("{\"format\": \"begleitbuch-directory\", \"version\": 1, \"stand\": \"\xED\xA0\x80\"}")
            .is(Str::dir_err_encoding));
  CHECK(refused(R"({"format": "begleitbuch-directory", "version": 1, "version": 1, "stand": "2026-01-01"})")
            .is(Str::dir_err_syntax));
  std::string deep = with_partner(R"({"id": "p-1", "name": "X", "type": "hebamme", "x_tief": )" +
                                  std::string(100000, '[') + std::string(100000, ']') + "}");
  CHECK(refused(deep).is(Str::dir_err_limits));
  CHECK(refused(std::string(exchange::kMaxDirectoryBytes + 1, ' ')).is(Str::dir_err_file_too_large));
  // A byte-order mark (as some editors write it) is accepted.
  CHECK(parse_directory_file("\xEF\xBB\xBF" + with_partner(kGoodPartner)).ok());
  CHECK(refused("").is(Str::dir_err_syntax));
}

TEST_CASE("dirfile-7: entries beyond the list limits are refused") {
  Offer o;
  o.id = "o";
  o.title = "T";
  for (size_t i = 0; i <= kMaxListItems; ++i) o.languages.push_back("Sprache " + std::to_string(i));
  auto problems = validate_offer(o, true);
  REQUIRE_FALSE(problems.empty());
  CHECK(problems.front().field == "languages");
  std::string list;
  for (size_t i = 0; i <= kMaxListItems; ++i) list += (i ? ", " : "") + std::string("\"Sprache\"");
  CHECK(refused(with_partner(R"({"id": "p-1", "name": "X", "type": "hebamme", "languages": [)" + list + "]}"))
            .is(Str::dir_err_value));
}
