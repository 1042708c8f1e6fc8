// The fictional demo directory (directory_demo.h). All names are invented;
// towns and streets are made up ("Lindenau", "Am Mühlbach").
#include "exchange/directory_demo.h"

#include <string>
#include <vector>

namespace bb::exchange {
namespace {

struct Rng {
  uint64_t state;
  uint64_t next() {  // splitmix64
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t pick(size_t n) { return static_cast<size_t>(next() % n); }
  template <class T>
  const T& of(const std::vector<T>& v) {
    return v[pick(v.size())];
  }
  bool chance(int percent) { return static_cast<int>(next() % 100) < percent; }
};

const std::vector<std::string> kTowns = {"Lindenau",    "Birkenfeld", "Mühlheim am Bach", "Oberwiesen",
                                         "Kleinsteden", "Rosenthal",  "Altenbrück",       "Sonnenhain"};
const std::vector<std::string> kDistricts = {"Nord",           "Süd",    "Altstadt", "Am Weiher",
                                             "Östliches Feld", "Zentrum"};
const std::vector<std::string> kStreets = {"Am Mühlbach", "Lindenweg",   "Gartenstraße", "Kirchplatz",
                                           "Schulstraße", "Wiesengrund", "Brunnenallee", "Försterweg"};
const std::vector<std::string> kFirst = {"Anna",   "Jana",  "Selin",  "Marta", "Sofia",  "Lena",
                                         "Miriam", "Aylin", "Katrin", "Jonas", "Tobias", "Emre",
                                         "Piotr",  "Lukas", "Samir",  "Ines"};
const std::vector<std::string> kLast = {"Berger",   "Albers",     "Kaya",      "Nowak",  "Lindqvist",
                                        "Ehrlich",  "Sommerfeld", "Brandt",    "Yıldız", "Horvath",
                                        "Petersen", "Özdemir",    "Fischbach", "Roth"};
const std::vector<std::string> kLanguages = {"Deutsch",   "Türkisch",   "Arabisch",   "Englisch",
                                             "Polnisch",  "Russisch",   "Ukrainisch", "Farsi",
                                             "Rumänisch", "Französisch"};
const std::vector<std::string> kFunctions = {"Leitung",  "Koordination Frühe Hilfen", "Sozialpädagogin",
                                             "Beratung", "Familienhebamme",           "Praxisinhaberin"};

struct OfferIdea {
  const char* title;
  const char* description;
  std::vector<std::string> topics;
  bool pregnancy;
  int from, to;  // months, -1 = open
};
const std::vector<OfferIdea> kOffers = {
    {"Babysprechstunde",
     "Beratung zu Schlafen, Schreien und Füttern in den ersten Lebensmonaten.",
     {"schlafen", "schreien", "stillen"},
     false,
     0,
     12},
    {"Elterncafé",
     "Offener Treff für Eltern mit Babys und Kleinkindern, mit Frühstück.",
     {"umfeld", "bindung"},
     false,
     0,
     36},
    {"Schwangerenberatung",
     "Beratung rund um Schwangerschaft, Geburt und Ansprüche.",
     {"schwangerschaft", "existenz", "behoerden"},
     true,
     -1,
     -1},
    {"Geburtsvorbereitung",
     "Kurs für werdende Eltern, auch in einfacher Sprache.",
     {"schwangerschaft", "geburt"},
     true,
     -1,
     -1},
    {"Stillgruppe", "Austausch und Beratung zum Stillen und zur Ernährung.", {"stillen"}, false, 0, 12},
    {"Krabbelgruppe",
     "Spielen und Bewegen für Kinder im ersten Lebensjahr.",
     {"entwicklung", "bindung"},
     false,
     6,
     18},
    {"Schreiambulanz",
     "Hilfe für Eltern, deren Baby viel schreit.",
     {"schreien", "schlafen", "psyche"},
     false,
     0,
     12},
    {"Schuldnerberatung für Familien",
     "Unterstützung bei Schulden, Haushaltsplan und Anträgen.",
     {"existenz", "behoerden"},
     false,
     -1,
     -1},
    {"Wohnungssprechstunde",
     "Hilfe bei Wohnungssuche und drohendem Wohnungsverlust.",
     {"wohnen"},
     false,
     -1,
     -1},
    {"Beratung bei seelischer Belastung nach der Geburt",
     "Gespräche für Mütter und Väter in Krisen.",
     {"psyche", "partnerschaft"},
     true,
     0,
     24},
    {"Entwicklungsdiagnostik",
     "Untersuchung und Förderung bei Fragen zur Entwicklung.",
     {"entwicklung", "gesundheit"},
     false,
     0,
     72},
    {"Hilfe beim Kita-Platz",
     "Beratung zur Kinderbetreuung und zur Anmeldung.",
     {"betreuung", "behoerden"},
     false,
     6,
     72},
    {"Familienpatenschaften",
     "Ehrenamtliche begleiten Familien im Alltag.",
     {"alltag", "umfeld"},
     false,
     0,
     36},
    {"Paarberatung", "Gespräche für Paare nach der Geburt eines Kindes.", {"partnerschaft"}, false, -1, -1},
};

std::string two_digits(size_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

directory::Directory generate_directory(const DirectoryDemoOptions& options) {
  Rng rng{options.seed};
  directory::Directory d;
  d.stand = options.stand;
  d.network = "Netzwerk Frühe Hilfen Lindenau (fiktiv)";
  d.publisher = "Netzwerkkoordination Frühe Hilfen Lindenau";
  d.publisher_phone = "01234 5678-0";
  d.publisher_email = "netzwerk@lindenau.example";
  const auto& types = directory::partner_types();
  const int partners = options.partners < 0 ? 0 : options.partners;
  int offer_no = 0;
  for (int i = 0; i < partners; ++i) {
    directory::Partner p;
    const auto& type = types[rng.pick(types.size())];
    p.id = "p-" + std::to_string(i + 1);
    p.type = type.code;
    const std::string town = rng.of(kTowns);
    const std::string person = rng.of(kFirst) + " " + rng.of(kLast);
    p.name = std::string(tr(type.label, Lang::de)) + " " + town + " " + std::to_string(i + 1);
    if (p.name.size() > 190) p.name = p.name.substr(0, 150) + " " + std::to_string(i + 1);
    p.address = {rng.of(kStreets) + " " + std::to_string(1 + rng.pick(80)),
                 std::to_string(10000 + rng.pick(89999)), town, rng.of(kDistricts)};
    p.opening_hours = "Mo–Do 9–12 Uhr, Di 14–17 Uhr";
    p.languages = {"Deutsch"};
    if (rng.chance(40)) {
      const std::string extra = rng.of(kLanguages);
      if (extra != "Deutsch") p.languages.push_back(extra);
    }
    p.contact_person = person;
    p.contact_function = rng.of(kFunctions);
    p.phone = "0" + std::to_string(1000 + rng.pick(8999)) + " " + std::to_string(100000 + rng.pick(899999));
    if (rng.chance(50)) p.fax = p.phone + "-9";
    p.email = "kontakt" + std::to_string(i + 1) + "@lindenau.example";
    p.cooperation_signed = rng.chance(70);
    if (p.cooperation_signed && rng.chance(80))
      p.cooperation_signed_on = "20" + two_digits(18 + rng.pick(8)) + "-" + two_digits(1 + rng.pick(12)) +
                                "-" + two_digits(1 + rng.pick(28));
    // Offers: spread evenly, the remainder to the first partners.
    const int count = options.offers / partners + (i < options.offers % partners ? 1 : 0);
    for (int k = 0; k < count; ++k) {
      const auto& idea = rng.of(kOffers);
      directory::Offer o;
      o.id = "o-" + std::to_string(++offer_no);
      o.title = idea.title;
      if (rng.chance(30)) o.title += " " + rng.of(kDistricts);
      o.description = idea.description;
      o.pregnancy = idea.pregnancy;
      if (idea.from >= 0) o.age_from_months = idea.from;
      if (idea.to >= 0) o.age_to_months = idea.to;
      o.topics = idea.topics;
      o.target_groups = {rng.chance(50)
                             ? "alle_familien"
                             : rng.of(std::vector<std::string>{"muetter", "alleinerziehende", "junge_eltern",
                                                               "zugewanderte", "belastete_familien"})};
      o.cost = rng.of(std::vector<std::string>{"kostenlos", "kostenlos", "kostenbeitrag", "krankenkasse"});
      o.access = {rng.of(std::vector<std::string>{"offen", "termin", "anmeldung", "aufsuchend"})};
      o.languages = p.languages;
      o.schedule = rng.of(std::vector<std::string>{"dienstags 9–11 Uhr", "donnerstags 15–17 Uhr",
                                                   "nach Vereinbarung", "jeden ersten Montag im Monat"});
      if (rng.chance(20)) o.location = {rng.of(kStreets) + " 3", "", rng.of(kTowns), rng.of(kDistricts)};
      p.offers.push_back(std::move(o));
    }
    d.partners.push_back(std::move(p));
  }
  for (int i = 0; i < options.fachkraefte; ++i) {
    directory::Fachkraft f;
    f.id = "iseF-" + std::to_string(i + 1);
    f.name = rng.of(kFirst) + " " + rng.of(kLast);
    f.organisation = "Kinderschutzzentrum " + rng.of(kTowns);
    f.address = {rng.of(kStreets) + " 12", std::to_string(10000 + rng.pick(89999)), rng.of(kTowns), ""};
    f.phone = "0" + std::to_string(1000 + rng.pick(8999)) + " " + std::to_string(100000 + rng.pick(899999));
    f.email = "fachberatung" + std::to_string(i + 1) + "@lindenau.example";
    f.languages = {"Deutsch"};
    f.note = rng.chance(50) ? "Schwerpunkt Säuglinge und Kleinkinder" : "";
    d.fachkraefte.push_back(std::move(f));
  }
  return d;
}

}  // namespace bb::exchange
