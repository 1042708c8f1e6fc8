// Demo data generator (see case_demo.h). Inserts directly with prepared
// statements in batches (one transaction per `batch` families) and then
// refreshes each family's derived data and search entry, which is what the
// actions do one at a time. The generated data obeys the same rules as the
// actions (valid dates, status history, catalogue codes of the default lists).
#include "store/case_demo.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/cases.h"
#include "core/search_normalize.h"
#include "store/cases.h"
#include "store/cases_internal.h"

namespace bb::store {

using namespace bb::cases;
using namespace bb::store::detail;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Deterministic randomness (splitmix64; no std:: distributions,
// whose results differ between standard libraries)
//-----------------------------------------------------------------------------

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed ^ 0x9E3779B97F4A7C15ull) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return n <= 0 ? 0 : static_cast<int>(next() % static_cast<uint64_t>(n)); }
  int between(int lo, int hi) { return lo + below(hi - lo + 1); }  // inclusive
  bool chance(int percent) { return below(100) < percent; }
  template <class T, size_t N>
  const T& pick(const std::array<T, N>& a) {
    return a[static_cast<size_t>(below(static_cast<int>(N)))];
  }

 private:
  uint64_t state_;
};

//-----------------------------------------------------------------------------
// [SECTION] Word lists (fictional people; common names in DE/AT)
//-----------------------------------------------------------------------------

const std::array<const char*, 96> kLastNames = {
    "Müller",   "Schmidt",    "Schneider", "Fischer", "Weber",          "Meyer",       "Wagner",
    "Becker",   "Schulz",     "Hoffmann",  "Schäfer", "Koch",           "Bauer",       "Richter",
    "Klein",    "Wolf",       "Schröder",  "Neumann", "Schwarz",        "Zimmermann",  "Braun",
    "Krüger",   "Hartmann",   "Lange",     "Werner",  "Krause",         "Lehmann",     "Köhler",
    "Herrmann", "König",      "Walter",    "Huber",   "Kaiser",         "Fuchs",       "Möller",
    "Weiß",     "Jung",       "Hahn",      "Vogel",   "Keller",         "Günther",     "Berger",
    "Winkler",  "Roth",       "Lorenz",    "Baumann", "Böhm",           "Jäger",       "Groß",
    "Seidel",   "Gruber",     "Pichler",   "Steiner", "Moser",          "Hofer",       "Leitner",
    "Eder",     "Reiter",     "Wimmer",    "Egger",   "Brunner",        "Baumgartner", "Auer",
    "Lechner",  "Wallner",    "Aigner",    "Straßer", "Holzer",         "Yılmaz",      "Kaya",
    "Demir",    "Şahin",      "Çelik",     "Öztürk",  "Aydın",          "Arslan",      "Nowak",
    "Kowalski", "Wiśniewski", "Novák",     "Horváth", "Nagy",           "Kovačević",   "Jovanović",
    "Petrović", "Hodžić",     "Popescu",   "Ionescu", "Haddad",         "Ahmadi",      "Hosseini",
    "Ibrahim",  "Nguyen",     "Rossi",     "Costa",   "Schäfer-Öztürk",
};

const std::array<const char*, 48> kMothers = {
    "Anna",    "Lena",      "Julia",     "Laura",     "Sarah",      "Lisa",    "Katharina", "Sophie",
    "Marie",   "Hannah",    "Johanna",   "Jana",      "Sandra",     "Nicole",  "Stefanie",  "Melanie",
    "Jessica", "Christina", "Verena",    "Theresa",   "Magdalena",  "Ayşe",    "Elif",      "Zeynep",
    "Fatma",   "Merve",     "Agnieszka", "Katarzyna", "Ana",        "Ivana",   "Jelena",    "Maria",
    "Elena",   "Fatima",    "Amina",     "Mariam",    "Leyla",      "Nour",    "Olena",     "Iryna",
    "Ioana",   "Bianca",    "Renée",     "Zoë",       "Małgorzata", "Sümeyye", "Dijana",    "Andrea",
};

const std::array<const char*, 40> kFathers = {
    "Lukas",  "Jonas",   "Felix",   "Maximilian", "Tobias",  "Daniel",    "Michael", "Stefan",
    "Thomas", "Florian", "Andreas", "Markus",     "Patrick", "Sebastian", "Jürgen",  "Jörg",
    "Mehmet", "Mustafa", "Ahmet",   "Murat",      "Emre",    "Piotr",     "Tomasz",  "Marko",
    "Nikola", "Ali",     "Omar",    "Ahmad",      "Yusuf",   "Dmytro",    "Andrii",  "Ion",
    "Mihai",  "Björn",   "Sören",   "René",       "André",   "Goran",     "Kemal",   "Paul",
};

const std::array<const char*, 40> kChildren = {
    "Emma",  "Mia",   "Sofia", "Hanna", "Emilia", "Lina",  "Ella",  "Leni",      "Clara",  "Noah",
    "Leon",  "Paul",  "Ben",   "Elias", "Finn",   "Luca",  "Emil",  "Henry",     "Matteo", "Yusuf",
    "Elif",  "Ela",   "Mila",  "Amira", "Adam",   "Aras",  "Jakob", "Valentina", "Luisa",  "Zoé",
    "Chloé", "Jonas", "Lea",   "Anton", "Ida",    "Malik", "Defne", "Milan",     "Lejla",  "Théo",
};

const std::array<const char*, 40> kCompanions = {
    "Sabine Hofer",           "Petra Lindner",    "Martina Gruber",   "Claudia Reiter",
    "Andrea Steiner",         "Birgit Auer",      "Monika Huber",     "Susanne Wimmer",
    "Karin Brandstätter",     "Eva Pfeifer",      "Ulrike Sommer",    "Nina Albrecht",
    "Miriam Ostermann",       "Judith Kern",      "Carola Seifert",   "Gül Aksoy",
    "Jasmina Begić",          "Daniela Fröhlich", "Tanja Weißenböck", "Ines Haider",
    "Barbara Kühnel",         "Doris Pöschl",     "Heike Brückner",   "Silke Voß",
    "Anke Dreßler",           "Kerstin Möbius",   "Franziska Lutz",   "Romana Strobl",
    "Elisabeth Gschwandtner", "Irene Fürst",      "Yvonne Schüler",   "Marion Nußbaum",
    "Christine Öhler",        "Gabriele Tauber",  "Nadine Rößler",    "Lisa-Marie Kögl",
    "Aleksandra Nowicka",     "Hatice Güneş",     "Katrin Thaler",    "Veronika Brandl",
};

const std::array<const char*, 7> kProfessions = {
    "hebamme", "fgkikp", "sozialarbeit", "psychologie", "paedagogik", "fruehfoerderung", "hebamme"};

const std::array<const char*, 16> kStreets = {
    "Hauptstraße", "Bahnhofstraße", "Schulstraße",    "Gartenstraße",  "Dorfstraße",    "Lindenstraße",
    "Kirchgasse",  "Mühlweg",       "Am Anger",       "Wiener Straße", "Grazer Straße", "Rosenweg",
    "Birkenallee", "Goethestraße",  "Schillerstraße", "Fröbelgasse"};
const std::array<const char*, 12> kTowns = {"Graz",      "Linz",       "Salzburg", "Wien",
                                            "Innsbruck", "Klagenfurt", "Kassel",   "Nürnberg",
                                            "Leipzig",   "Bremen",     "Freiburg", "Münster"};
const std::array<const char*, 10> kLanguages = {
    "Türkisch", "Arabisch", "Polnisch", "Rumänisch", "Ukrainisch", "Bosnisch/Kroatisch/Serbisch",
    "Farsi",    "Dari",     "Englisch", "Ungarisch"};
const std::array<const char*, 11> kAccess = {
    "selbst",          "geburtsklinik", "hebamme",   "gynaekologie", "kinderarzt", "schwangerenberatung",
    "beratungsstelle", "kjh",           "jobcenter", "umfeld",       "sonstige"};
const std::array<const char*, 16> kTopics = {"schwangerschaft", "geburt",      "stillen",   "schlafen",
                                             "schreien",        "entwicklung", "bindung",   "gesundheit",
                                             "existenz",        "wohnen",      "psyche",    "partnerschaft",
                                             "alltag",          "behoerden",   "betreuung", "umfeld"};

// Sentences per topic (same order as kTopics); {m} mother, {f} father, {c} child.
const std::array<std::array<const char*, 3>, 16> kTopicSentences = {{
    {{"Frau {m} ist in der {w}. Schwangerschaftswoche und fühlt sich insgesamt wohl.",
      "Vorsorgetermine besprochen; der Mutterpass ist vollständig.",
      "Wir haben über die Anmeldung in der Geburtsklinik und die Kliniktasche gesprochen."}},
    {{"Die Geburt verlief gut, Frau {m} erholt sich im Wochenbett.",
      "Die Nachsorgehebamme kommt noch bis Ende der Woche.",
      "Frau {m} erzählt ausführlich von der Geburt; das Gespräch tat ihr sichtlich gut."}},
    {{"{c} wird gestillt, das Anlegen klappt inzwischen gut.",
      "Frau {m} möchte abstillen; Flaschennahrung und hygienische Zubereitung besprochen.",
      "Beikost: erste Breimahlzeiten mit Karotte und Kürbis, {c} isst mit Freude."}},
    {{"{c} schläft nachts noch unruhig und wird zwei- bis dreimal wach.",
      "Einschlafritual besprochen: Baden, Lied, Schlafsack, abgedunkeltes Zimmer.",
      "Die Eltern sind sehr müde; wir haben überlegt, wer nachts übernehmen kann."}},
    {{"{c} schreit abends viel; Tragen, Pucken und Summen ausprobiert.",
      "Schreiprotokoll vereinbart, um Muster zu erkennen.",
      "Frau {m} weiß jetzt, dass sie sich bei Überforderung Hilfe holen darf."}},
    {{"{c} dreht sich vom Rücken auf den Bauch und greift gezielt nach Spielzeug.",
      "Die nächste Vorsorgeuntersuchung steht an; Termin bei der Kinderärztin vereinbart.",
      "{c} zieht sich an Möbeln hoch und macht erste Schritte an der Hand."}},
    {{"Schöne Spielsituation beobachtet: {c} sucht Blickkontakt und lacht, Frau {m} reagiert feinfühlig.",
      "Über die Signale des Kindes gesprochen: Müdigkeit, Hunger, Überreizung.",
      "Herr {f} traut sich mehr zu und wickelt {c} inzwischen selbstverständlich."}},
    {{"Impftermine besprochen und im Kalender eingetragen.",
      "{c} hatte Fieber; wir haben besprochen, wann der ärztliche Notdienst zuständig ist.",
      "Zahnarztbesuch für Frau {m} vereinbart, sie hatte seit Wochen Schmerzen."}},
    {{"Antrag auf Kinderbetreuungsgeld beziehungsweise Elterngeld gemeinsam ausgefüllt.",
      "Die Familie hat Mietschulden; Termin bei der Schuldnerberatung vereinbart.",
      "Familienbeihilfe und Kindergeld sind inzwischen bewilligt, die Erleichterung ist groß."}},
    {{"Die Wohnung ist feucht und zu klein; Unterstützung bei der Wohnungssuche besprochen.",
      "Schimmel im Schlafzimmer – Brief an die Hausverwaltung gemeinsam formuliert.",
      "Die Familie hat eine größere Wohnung in der {s} in Aussicht."}},
    {{"Frau {m} wirkt erschöpft und niedergeschlagen; Gespräch über Entlastung im Alltag.",
      "Mit Einverständnis Kontakt zur Beratungsstelle für seelische Gesundheit rund um die Geburt "
      "vermittelt.",
      "Frau {m} berichtet, dass es ihr seit der Therapie deutlich besser geht."}},
    {{"Streit zwischen den Eltern über die Aufteilung der Nächte; beide wollen es anders versuchen.",
      "Herr {f} ist mehr eingebunden und übernimmt das Baden.",
      "Die Eltern planen einen gemeinsamen Abend, die Großmutter passt auf {c} auf."}},
    {{"Wochenplan gemeinsam erstellt; Einkäufe und Arzttermine eingetragen.",
      "Haushaltsbuch begonnen, Frau {m} behält die Ausgaben jetzt besser im Blick.",
      "Tagesstruktur besprochen: feste Zeiten für Essen, Spaziergang und Mittagsschlaf."}},
    {{"Post vom Amt gemeinsam sortiert und erklärt.",
      "Begleitung zur Behörde wegen des Aufenthaltstitels vorbereitet.",
      "Formular für die Geburtsurkunde und die Anmeldung beim Standesamt ausgefüllt."}},
    {{"Anmeldung in der Krabbelstube beziehungsweise Kita besprochen; die Familie steht auf der Warteliste.",
      "Eingewöhnung in der Kinderkrippe beginnt nächsten Monat.",
      "Tagesmutter in der Nähe gefunden, erstes Kennenlernen vereinbart."}},
    {{"Die Großmutter hilft zweimal pro Woche.",
      "Eltern-Kind-Gruppe im Familienzentrum empfohlen; Frau {m} war schon einmal dort.",
      "Frau {m} hat im Babyschwimmen andere Mütter kennengelernt."}},
}};

const std::array<const char*, 12> kNextSteps = {
    "Frau {m} ruft bei der Kinderärztin an.",
    "Unterlagen für den Antrag zum nächsten Termin mitbringen.",
    "Termin bei der Schuldnerberatung wahrnehmen.",
    "Einschlafritual eine Woche lang ausprobieren und beobachten.",
    "Familienzentrum wegen der Eltern-Kind-Gruppe anrufen.",
    "Ich kläre die Kosten für eine Dolmetscherin.",
    "Herr {f} meldet sich beim Jobcenter beziehungsweise AMS.",
    "Schreiprotokoll bis zum nächsten Besuch führen.",
    "Brief an die Hausverwaltung abschicken.",
    "Ich frage bei der Krabbelstube nach freien Plätzen.",
    "Frau {m} vereinbart einen Termin in der Beratungsstelle.",
    "Impfpass heraussuchen und zur Vorsorgeuntersuchung mitnehmen.",
};

struct GoalTemplate {
  const char* perspective;
  const char* title;
};
const std::array<GoalTemplate, 12> kGoals = {{
    {"familie", "{c} schläft nachts länger am Stück."},
    {"familie", "Wir finden eine größere Wohnung."},
    {"familie", "Frau {m} beginnt einen Deutschkurs."},
    {"familie", "Wir haben wieder mehr Zeit füreinander."},
    {"fruehe_hilfen", "Die Eltern kennen Anlaufstellen im Sozialraum und nutzen sie."},
    {"fruehe_hilfen", "Frau {m} fühlt sich im Alltag entlastet."},
    {"fruehe_hilfen", "Die Existenzsicherung ist geklärt: Anträge gestellt und bewilligt."},
    {"fruehe_hilfen", "Die Vorsorgeuntersuchungen von {c} finden regelmäßig statt."},
    {"fruehe_hilfen", "Die Eltern erkennen die Signale von {c} und reagieren sicher darauf."},
    {"kjh", "Die Versorgung von {c} ist verlässlich gesichert."},
    {"kjh", "Die Familie nimmt die vereinbarten Termine beim Jugendamt wahr."},
    {"familie", "Frau {m} hat eine Ansprechperson für schwierige Tage."},
}};

const std::array<const char*, 8> kGoalComments = {
    "Beim Hausbesuch gemeinsam besprochen.",          "Die Familie sieht deutliche Fortschritte.",
    "Rückschritt nach Krankheit des Kindes.",         "Neue Situation nach dem Umzug.",
    "Anlass: Gespräch mit der Kinderärztin.",         "Auf Wunsch der Mutter angepasst.",
    "Teilweise erreicht, Rest wird weiter verfolgt.", "Nicht mehr vordringlich."};

const std::array<const char*, 12> kInstrument = {
    "gesundheit_eltern", "befinden_eltern", "gesundheit_kind", "versorgung",
    "beziehung",         "kraft",           "partnerschaft",   "netz",
    "finanzen",          "wohnen",          "verstaendigung",  "angebote"};

std::string fill(std::string text, const std::string& m, const std::string& f, const std::string& c,
                 const std::string& street, int week) {
  auto replace = [&](const char* key, const std::string& value) {
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
      text.replace(at, std::char_traits<char>::length(key), value);
  };
  replace("{m}", m);
  replace("{f}", f);
  replace("{c}", c);
  replace("{s}", street);
  replace("{w}", std::to_string(week));
  return text;
}

std::string time_text(int minutes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
  return buf;
}

//-----------------------------------------------------------------------------
// [SECTION] Prepared statements of a batch
//-----------------------------------------------------------------------------

struct Statements {
  Statement family, status, person, contact, present, topic, goal, history, assessment, rating,
      responsibility;
};

Status prepare_all(sqlite3* db, Statements& st) {
  struct Item {
    Statement* s;
    const char* sql;
  };
  const Item items[] = {
      {&st.family,
       "INSERT INTO families(family_name, sort_key, status, status_since, request_on, end_reason, ended_on, "
       "access_route, access_note, companion, companion_profession, languages, interpreter_needed, address, "
       "phone, email, note, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
       "?12, "
       "?13, ?14, ?15, ?16, ?17, ?18, ?18)"},
      {&st.status,
       "INSERT INTO status_changes(family_id, from_status, to_status, changed_on, end_reason, note, "
       "created_at) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
      {&st.person,
       "INSERT INTO persons(family_id, role, first_name, last_name, birth_date, due_date, note, created_at, "
       "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', ?7, ?7)"},
      {&st.contact,
       "INSERT INTO contacts(family_id, contact_on, start_time, duration_min, kind, place, others_present, "
       "note, "
       "next_steps, next_steps_done, next_appointment, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, "
       "?6, "
       "?7, ?8, ?9, ?10, ?11, ?12, ?12)"},
      {&st.present, "INSERT OR IGNORE INTO contact_persons(contact_id, person_id) VALUES (?1, ?2)"},
      {&st.topic, "INSERT OR IGNORE INTO contact_topics(contact_id, topic) VALUES (?1, ?2)"},
      {&st.goal,
       "INSERT INTO goals(family_id, perspective, title, description, status, next_review_on, created_at, "
       "updated_at) VALUES (?1, ?2, ?3, '', ?4, ?5, ?6, ?7)"},
      {&st.history,
       "INSERT INTO goal_history(goal_id, changed_on, status, title, description, next_review_on, comment, "
       "created_at) VALUES (?1, ?2, ?3, ?4, '', ?5, ?6, ?7)"},
      {&st.assessment,
       "INSERT INTO assessments(family_id, assessed_on, occasion, note, created_at, updated_at) VALUES "
       "(?1, ?2, ?3, ?4, ?5, ?5)"},
      {&st.rating,
       "INSERT INTO assessment_ratings(assessment_id, item, rating, comment) VALUES (?1, ?2, ?3, '')"},
      {&st.responsibility,
       "INSERT OR REPLACE INTO responsibilities(family_id, topic, party, who, note, updated_at) VALUES "
       "(?1, ?2, ?3, ?4, '', ?5)"},
  };
  for (const auto& item : items) {
    auto s = Statement::prepare(db, item.sql);
    if (!s.ok()) return s.error();
    *item.s = std::move(*s);
  }
  return {};
}

Status run(Statement& s) {
  Status status = s.run();
  s.reset();
  return status;
}

std::string stamp(const std::string& date, int minute_of_day) {
  return date + "T" + time_text(std::min(minute_of_day, 23 * 60 + 59)) + ":00Z";
}

//-----------------------------------------------------------------------------
// [SECTION] One family
//-----------------------------------------------------------------------------

Status generate_family(sqlite3* db, Statements& st, Rng& rng, const DemoOptions& o, DemoReport& report) {
  const std::string& today_iso = o.today;
  const int64_t today_days = days_from_civil(*parse_date(today_iso));
  auto date_at = [](int64_t days) { return format_date(civil_from_days(days)); };

  // Status and the dates of its steps.
  const int roll = rng.below(100);
  const FamilyStatus status = roll < 5    ? FamilyStatus::anfrage
                              : roll < 15 ? FamilyStatus::erstkontakt
                              : roll < 70 ? FamilyStatus::laufend
                                          : FamilyStatus::abgeschlossen;
  int64_t request = 0, first = 0, ongoing = 0, ended = 0;
  switch (status) {
    case FamilyStatus::anfrage:
      request = today_days - rng.between(0, 20);
      break;
    case FamilyStatus::erstkontakt:
      request = today_days - rng.between(10, 45);
      first = request + rng.between(3, 9);
      break;
    case FamilyStatus::laufend:
      request = today_days - rng.between(45, 720);
      first = request + rng.between(3, 20);
      ongoing = first + rng.between(7, 21);
      break;
    case FamilyStatus::abgeschlossen:
      request = today_days - rng.between(240, 1500);
      first = request + rng.between(3, 20);
      ongoing = first + rng.between(7, 21);
      ended = std::min(today_days - 1, ongoing + rng.between(120, 700));
      break;
  }
  const int64_t horizon = status == FamilyStatus::abgeschlossen ? ended : today_days;

  const std::string last = kLastNames[static_cast<size_t>(rng.below(int(kLastNames.size())))];
  const std::string mother = rng.pick(kMothers);
  const bool has_father = rng.chance(65);
  const std::string father = rng.pick(kFathers);
  const std::string companion = rng.pick(kCompanions);
  const std::string profession = kProfessions[static_cast<size_t>(companion.size() % kProfessions.size())];
  const std::string street = rng.pick(kStreets);
  const bool other_language = rng.chance(30);
  const std::string language = other_language ? std::string(rng.pick(kLanguages)) : std::string();
  const bool interpreter = other_language && rng.chance(40);
  const std::string request_on = date_at(request);
  const std::string created = stamp(request_on, 9 * 60 + rng.below(8 * 60));

  // Persons: mother, maybe father or grandmother, children and maybe an expected child.
  struct P {
    PersonRole role;
    std::string first, birth, due;
  };
  std::vector<P> persons;
  persons.push_back({PersonRole::parent, mother, date_at(request - rng.between(19 * 365, 40 * 365)), {}});
  if (has_father)
    persons.push_back({PersonRole::parent, father, date_at(request - rng.between(20 * 365, 45 * 365)), {}});
  if (rng.chance(5))
    persons.push_back({PersonRole::caregiver, "Großmutter " + std::string(rng.pick(kMothers)), {}, {}});
  const bool expecting = status != FamilyStatus::abgeschlossen && rng.chance(35);
  const int kids = expecting ? rng.between(0, 2) : rng.between(1, 3);
  std::string child_name;
  for (int k = 0; k < kids; ++k) {
    const int64_t born = std::min(horizon, request - rng.between(0, 2 * 365) + rng.between(0, 200));
    persons.push_back({PersonRole::child, rng.pick(kChildren), date_at(std::min(born, today_days)), {}});
    child_name = persons.back().first;
  }
  if (expecting) {
    persons.push_back({PersonRole::expected_child, {}, {}, date_at(today_days + rng.between(7, 200))});
    if (child_name.empty()) child_name = "das Baby";
  }

  // The family row.
  char phone[32];
  std::snprintf(phone, sizeof phone, "0%d %d", rng.between(150, 699), rng.between(1000000, 9999999));
  std::string email;
  if (rng.chance(60))
    email = search::fold_for_search(mother).substr(0, 12) + "." + std::to_string(rng.between(1, 99)) +
            "@beispiel.at";
  email.erase(std::remove(email.begin(), email.end(), ' '), email.end());
  Statement& f = st.family;
  f.bind(1, last).bind(2, search::fold_for_search(last)).bind(3, std::string_view(code(status)));
  const int64_t status_since_days = status == FamilyStatus::anfrage       ? request
                                    : status == FamilyStatus::erstkontakt ? first
                                    : status == FamilyStatus::laufend     ? ongoing
                                                                          : ended;
  f.bind(4, date_at(status_since_days)).bind(5, request_on);
  const bool closed = status == FamilyStatus::abgeschlossen;
  static const std::array<const char*, 6> kEndReasons = {"regulaer", "regulaer", "wunsch",
                                                         "umzug",    "alter",    "vermittlung"};
  const std::string end_reason = closed ? std::string(rng.pick(kEndReasons)) : std::string();
  bind_opt(f, 6, end_reason);
  bind_opt(f, 7, closed ? date_at(ended) : std::string());
  f.bind(8, std::string_view(rng.pick(kAccess))).bind(9, std::string_view(""));
  f.bind(10, companion).bind(11, profession);
  f.bind(12, other_language ? (rng.chance(50) ? language + ", Deutsch" : language) : std::string("Deutsch"));
  f.bind(13, int64_t(interpreter ? 1 : 0));
  f.bind(14, std::string(street) + " " + std::to_string(rng.between(1, 120)) + ", " + rng.pick(kTowns));
  f.bind(15, std::string_view(phone)).bind(16, email);
  f.bind(17, std::string_view(rng.chance(30) ? "Familie wünscht Termine am Vormittag." : ""));
  f.bind(18, created);
  BB_TRY(run(f));
  const int64_t family_id = sqlite3_last_insert_rowid(db);
  if (report.first_family_id == 0) report.first_family_id = family_id;
  ++report.families;

  // Status history.
  auto status_row = [&](const char* from, FamilyStatus to, int64_t on, const std::string& reason) -> Status {
    Statement& s = st.status;
    s.bind(1, family_id);
    if (from)
      s.bind(2, std::string_view(from));
    else
      s.bind_null(2);
    s.bind(3, std::string_view(code(to))).bind(4, date_at(on));
    bind_opt(s, 5, reason);
    s.bind(6, std::string_view("")).bind(7, stamp(date_at(on), 17 * 60));
    return run(s);
  };
  BB_TRY(status_row(nullptr, FamilyStatus::anfrage, request, {}));
  if (first) BB_TRY(status_row("anfrage", FamilyStatus::erstkontakt, first, {}));
  if (ongoing) BB_TRY(status_row("erstkontakt", FamilyStatus::laufend, ongoing, {}));
  if (closed) BB_TRY(status_row("laufend", FamilyStatus::abgeschlossen, ended, end_reason));

  std::vector<int64_t> person_ids;
  for (const auto& p : persons) {
    Statement& s = st.person;
    s.bind(1, family_id).bind(2, std::string_view(code(p.role))).bind(3, p.first);
    s.bind(4, p.role == PersonRole::expected_child ? std::string() : last);
    bind_opt(s, 5, p.birth);
    bind_opt(s, 6, p.due);
    s.bind(7, created);
    BB_TRY(run(s));
    person_ids.push_back(sqlite3_last_insert_rowid(db));
    ++report.persons;
  }

  // Contacts from the first contact to the end (or today), evenly with jitter.
  int count = 0;
  if (status == FamilyStatus::erstkontakt) count = rng.between(1, 3);
  if (status == FamilyStatus::laufend || closed)
    count = rng.between(o.contacts_per_family / 2, o.contacts_per_family * 185 / 100);
  const int64_t span = std::max<int64_t>(1, horizon - (first ? first : horizon));
  int64_t previous = first;
  std::vector<int64_t> dates;
  for (int k = 0; k < count; ++k) {
    int64_t d = first + span * k / std::max(1, count) + rng.below(3);
    d = std::min(std::max(d, previous), horizon);
    dates.push_back(d);
    previous = d;
  }
  static const std::array<const char*, 20> kKinds = {
      "hausbesuch", "hausbesuch", "hausbesuch", "hausbesuch", "hausbesuch", "hausbesuch",     "hausbesuch",
      "hausbesuch", "hausbesuch", "hausbesuch", "hausbesuch", "hausbesuch", "telefonat",      "telefonat",
      "telefonat",  "telefonat",  "begleitung", "begleitung", "video",      "beratungsstelle"};
  static const std::array<const char*, 5> kPlaces = {"Kinderarztpraxis", "Jugendamt", "Sozialamt", "Klinikum",
                                                     "Familienberatungsstelle"};
  for (size_t k = 0; k < dates.size(); ++k) {
    const std::string on = date_at(dates[k]);
    const std::string kind = rng.pick(kKinds);
    std::vector<std::string> topics;
    const int n_topics = rng.between(1, 3);
    std::string note;
    for (int t = 0; t < n_topics; ++t) {
      int topic = rng.below(int(kTopics.size()));
      if (expecting && rng.chance(40)) topic = 0;
      if (std::find(topics.begin(), topics.end(), kTopics[size_t(topic)]) != topics.end()) continue;
      topics.push_back(kTopics[size_t(topic)]);
      if (!note.empty()) note += ' ';
      note += fill(kTopicSentences[size_t(topic)][size_t(rng.below(3))], mother, father, child_name, street,
                   rng.between(12, 38));
    }
    const bool last_contact = k + 1 == dates.size();
    std::string next_steps;
    if (rng.chance(45)) next_steps = fill(rng.pick(kNextSteps), mother, father, child_name, street, 0);
    std::string next_appointment;
    if (!last_contact) {
      next_appointment = date_at(dates[k + 1]);
    } else if (!closed && rng.chance(80)) {
      next_appointment =
          date_at(today_days + rng.between(1, 21)) + "T" + time_text(8 * 60 + 30 * rng.below(18));
    }
    const int start = 8 * 60 + 15 * rng.below(38);
    Statement& s = st.contact;
    s.bind(1, family_id).bind(2, on).bind(3, time_text(start));
    s.bind(4, int64_t(kind == std::string("telefonat") ? rng.between(10, 40) : rng.between(45, 120)));
    s.bind(5, kind).bind(6, std::string_view(kind == std::string("begleitung") ? rng.pick(kPlaces) : ""));
    s.bind(7, std::string_view(interpreter && rng.chance(50) ? "Dolmetscherin" : ""));
    s.bind(8, note)
        .bind(9, next_steps)
        .bind(10, int64_t(!next_steps.empty() && !last_contact && rng.chance(70)));
    bind_opt(s, 11, next_appointment);
    s.bind(12, stamp(on, start + 150));
    BB_TRY(run(s));
    const int64_t contact_id = sqlite3_last_insert_rowid(db);
    ++report.contacts;
    for (const auto& t : topics) {
      st.topic.bind(1, contact_id).bind(2, t);
      BB_TRY(run(st.topic));
    }
    for (size_t p = 0; p < person_ids.size(); ++p) {
      if (persons[p].role == PersonRole::expected_child) continue;
      if (persons[p].role == PersonRole::child && persons[p].birth > on) continue;
      if (p == 0 || rng.chance(50)) {
        st.present.bind(1, contact_id).bind(2, person_ids[p]);
        BB_TRY(run(st.present));
      }
    }
  }

  // Assessments: intake at the first contact, reviews later; ratings drift.
  if (!dates.empty()) {
    std::array<int, 12> ratings{};
    for (auto& r : ratings) r = rng.between(1, 4);
    const int reviews = dates.size() > 8 ? rng.between(0, 3) : 0;
    for (int a = 0; a <= reviews; ++a) {
      const int64_t on_days = dates[dates.size() * size_t(a) / size_t(reviews + 1)];
      const std::string on = date_at(on_days);
      Statement& s = st.assessment;
      s.bind(1, family_id).bind(2, on).bind(3, std::string_view(a == 0 ? "intake" : "review"));
      s.bind(4, std::string_view(a == 0 ? "Ersteinschätzung gemeinsam mit der Familie." : ""));
      s.bind(5, stamp(on, 19 * 60));
      BB_TRY(run(s));
      const int64_t assessment_id = sqlite3_last_insert_rowid(db);
      ++report.assessments;
      for (size_t i = 0; i < kInstrument.size(); ++i) {
        if (a > 0)
          ratings[i] = std::clamp(ratings[i] + rng.between(-1, 2) / 2 + (rng.chance(30) ? 1 : 0), 1, 5);
        if (rng.chance(15)) continue;  // not discussed this time
        st.rating.bind(1, assessment_id)
            .bind(2, std::string_view(kInstrument[i]))
            .bind(3, int64_t(ratings[i]));
        BB_TRY(run(st.rating));
      }
    }
  }

  // Goals with a history of changes.
  if (status == FamilyStatus::laufend || closed) {
    const int n = rng.between(1, 4);
    for (int g = 0; g < n; ++g) {
      const GoalTemplate& t = rng.pick(kGoals);
      const std::string title = fill(t.title, mother, father, child_name, street, 0);
      const int64_t created_days = ongoing + rng.below(int(std::max<int64_t>(1, horizon - ongoing)));
      const int changes = rng.between(0, 3);
      GoalStatus gs = GoalStatus::offen;
      std::string review;
      std::string goal_created = stamp(date_at(created_days), 18 * 60);
      std::vector<std::tuple<int64_t, GoalStatus, std::string, std::string>> hist;
      int64_t when = created_days;
      for (int c = 0; c <= changes; ++c) {
        if (c > 0) {
          when = std::min(horizon, when + rng.between(14, 90));
          gs = static_cast<GoalStatus>(rng.between(1, 4));
        }
        if (closed && c == changes && goal_is_open(gs)) gs = GoalStatus::teilweise;
        review =
            goal_is_open(gs) && rng.chance(60) ? date_at(today_days + rng.between(-20, 60)) : std::string();
        hist.emplace_back(when, gs, review, c == 0 ? "" : rng.pick(kGoalComments));
      }
      Statement& s = st.goal;
      s.bind(1, family_id).bind(2, std::string_view(t.perspective)).bind(3, title);
      s.bind(4, std::string_view(code(gs)));
      bind_opt(s, 5, review);
      s.bind(6, goal_created).bind(7, stamp(date_at(std::get<0>(hist.back())), 18 * 60 + 5));
      BB_TRY(run(s));
      const int64_t goal_id = sqlite3_last_insert_rowid(db);
      ++report.goals;
      for (size_t c = 0; c < hist.size(); ++c) {
        const std::string on = date_at(std::get<0>(hist[c]));
        Statement& h = st.history;
        h.bind(1, goal_id).bind(2, on).bind(3, std::string_view(code(std::get<1>(hist[c])))).bind(4, title);
        bind_opt(h, 5, std::get<2>(hist[c]));
        h.bind(6, std::get<3>(hist[c])).bind(7, stamp(on, 18 * 60 + int(c)));
        BB_TRY(run(h));
      }
    }
    // Responsibilities for a few topics.
    static const std::array<const char*, 5> kRespTopics = {"existenz", "gesundheit", "wohnen", "betreuung",
                                                           "psyche"};
    static const std::array<const char*, 4> kWho = {"Familie selbst", "Familienbegleitung",
                                                    "Sozialarbeiterin KJH", "Schuldnerberatung"};
    const int r = rng.between(0, 3);
    for (int i = 0; i < r; ++i) {
      const int party = rng.below(4);
      static const std::array<const char*, 4> kParties = {"familie", "fruehe_hilfen", "kjh", "andere"};
      st.responsibility.bind(1, family_id).bind(2, std::string_view(rng.pick(kRespTopics)));
      st.responsibility.bind(3, std::string_view(kParties[size_t(party)]))
          .bind(4, std::string_view(kWho[size_t(party)]));
      st.responsibility.bind(5, stamp(date_at(ongoing), 18 * 60 + 30));
      BB_TRY(run(st.responsibility));
    }
  }
  return refresh_family(db, family_id);
}

}  // namespace

Result<DemoReport> generate_demo(Store& store, const DemoOptions& options) {
  if (!parse_date(options.today)) return make_error(Str::err_usage, "demo: invalid --today date");
  if (options.families < 0) return make_error(Str::err_usage, "demo: negative family count");
  DemoReport report;
  Rng rng(options.seed);
  const int batch = std::max(1, options.batch);
  for (int done = 0; done < options.families; done += batch) {
    const int n = std::min(batch, options.families - done);
    BB_TRY(with_transaction(store, [&](sqlite3* db) -> Status {
      Statements st;
      BB_TRY(prepare_all(db, st));
      for (int i = 0; i < n; ++i) BB_TRY(generate_family(db, st, rng, options, report));
      return {};
    }));
  }
  return report;
}

Result<std::string> content_digest(const Store& store) {
  static const char* kQueries[] = {
      "SELECT kind, code, label, position, active FROM catalog ORDER BY kind, code",
      "SELECT * FROM families ORDER BY id",
      "SELECT * FROM persons ORDER BY id",
      "SELECT * FROM status_changes ORDER BY id",
      "SELECT * FROM contacts ORDER BY id",
      "SELECT * FROM contact_persons ORDER BY contact_id, person_id",
      "SELECT * FROM contact_topics ORDER BY contact_id, topic",
      "SELECT * FROM assessments ORDER BY id",
      "SELECT * FROM assessment_ratings ORDER BY assessment_id, item",
      "SELECT * FROM goals ORDER BY id",
      "SELECT * FROM goal_history ORDER BY id",
      "SELECT * FROM responsibilities ORDER BY family_id, topic",
  };
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 32);
  for (const char* sql : kQueries) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(store.db(), sql, -1, &st, nullptr) != SQLITE_OK) return sql_error(store.db(), sql);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(sql),
                              std::char_traits<char>::length(sql));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      const int columns = sqlite3_column_count(st);
      for (int c = 0; c < columns; ++c) {
        const unsigned char type = static_cast<unsigned char>(sqlite3_column_type(st, c));
        const auto* text = sqlite3_column_text(st, c);
        const uint32_t len = static_cast<uint32_t>(sqlite3_column_bytes(st, c));
        crypto_generichash_update(&state, &type, 1);
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(&len), sizeof len);
        if (text) crypto_generichash_update(&state, text, len);
      }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return sql_error(store.db(), sql);
  }
  unsigned char digest[32];
  crypto_generichash_final(&state, digest, sizeof digest);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

}  // namespace bb::store
