// The migrations of the store, oldest first, and the runner that applies them.
//
// PLEASE KEEP THIS LIST APPEND-ONLY: a migration that has shipped is never
// edited, only followed by a new one (stores in the field already ran it).
#include "store/migrations.h"

#include <string>

#include "core/version_info.h"
#include "store/sql.h"

namespace bb::store {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Migration 1: meta and settings
//-----------------------------------------------------------------------------

// meta: facts about the store itself (created_at, created_by_version,
// last_backup_at, ...); settings: the user's choices (language, font size,
// auto-lock minutes, ...). Both key/value, values as text.
constexpr const char* kMigration1 = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO meta(key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
)sql";

Status migration1_versions(sqlite3* db) {
  auto s = Statement::prepare(db, "INSERT INTO meta(key, value) VALUES ('created_by_version', ?1)");
  if (!s.ok()) return s.error();
  return s->bind(1, std::string_view(BB_VERSION)).run();
}

//-----------------------------------------------------------------------------
// [SECTION] Migration 2: families and case documentation
//-----------------------------------------------------------------------------

// Issue 5, docs/cases.md "Data model". Dates are ISO text checked with
// date(x) IS x; timestamps UTC "YYYY-MM-DDTHH:MM:SSZ". Everything that belongs
// to a family goes with it (ON DELETE CASCADE). Catalogue codes (Zugangsweg,
// contact kind, topic, profession, end reason, instrument item) are checked by
// the repository against `catalog`, whose entries are deactivated, never
// deleted. family_search is a contentless FTS5 index (rowid = family id) of
// folded text (core/search_normalize.h), written by the repository.
constexpr const char* kMigration2 = R"sql(
CREATE TABLE catalog (
  kind       TEXT NOT NULL CHECK (kind IN ('access_route', 'contact_kind', 'topic', 'profession',
                                           'end_reason', 'instrument')),
  code       TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
  label      TEXT NOT NULL CHECK (length(trim(label)) > 0),
  position   INTEGER NOT NULL DEFAULT 0,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (kind, code)
) STRICT, WITHOUT ROWID;

CREATE TABLE families (
  id                   INTEGER PRIMARY KEY,
  family_name          TEXT NOT NULL CHECK (length(trim(family_name)) > 0),
  sort_key             TEXT NOT NULL,
  status               TEXT NOT NULL DEFAULT 'anfrage'
                         CHECK (status IN ('anfrage', 'erstkontakt', 'laufend', 'abgeschlossen')),
  status_since         TEXT NOT NULL CHECK (date(status_since) IS status_since),
  request_on           TEXT NOT NULL CHECK (date(request_on) IS request_on),
  end_reason           TEXT,
  ended_on             TEXT CHECK (ended_on IS NULL OR date(ended_on) IS ended_on),
  access_route         TEXT,
  access_note          TEXT NOT NULL DEFAULT '',
  companion            TEXT NOT NULL DEFAULT '',
  companion_profession TEXT,
  languages            TEXT NOT NULL DEFAULT '',
  interpreter_needed   INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1)),
  address              TEXT NOT NULL DEFAULT '',
  phone                TEXT NOT NULL DEFAULT '',
  email                TEXT NOT NULL DEFAULT '',
  note                 TEXT NOT NULL DEFAULT '',
  last_contact_on      TEXT,
  next_appointment     TEXT,
  next_review_on       TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  CHECK ((status = 'abgeschlossen') = (end_reason IS NOT NULL AND ended_on IS NOT NULL))
) STRICT;
-- The family list reads only this covering index (filters, sorting, paging).
CREATE INDEX families_list ON families(sort_key, id, status, companion, next_appointment, next_review_on,
                                       last_contact_on, family_name);

CREATE TABLE persons (
  id         INTEGER PRIMARY KEY,
  family_id  INTEGER NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('parent', 'caregiver', 'child', 'expected_child')),
  first_name TEXT NOT NULL DEFAULT '',
  last_name  TEXT NOT NULL DEFAULT '',
  birth_date TEXT CHECK (birth_date IS NULL OR date(birth_date) IS birth_date),
  due_date   TEXT CHECK (due_date IS NULL OR date(due_date) IS due_date),
  note       TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (role <> 'expected_child' OR (due_date IS NOT NULL AND birth_date IS NULL)),
  CHECK (role = 'expected_child' OR due_date IS NULL)
) STRICT;
CREATE INDEX persons_family ON persons(family_id);

CREATE TABLE status_changes (
  id          INTEGER PRIMARY KEY,
  family_id   INTEGER NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  from_status TEXT,
  to_status   TEXT NOT NULL CHECK (to_status IN ('anfrage', 'erstkontakt', 'laufend', 'abgeschlossen')),
  changed_on  TEXT NOT NULL CHECK (date(changed_on) IS changed_on),
  end_reason  TEXT,
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX status_changes_family ON status_changes(family_id, changed_on);

CREATE TABLE contacts (
  id               INTEGER PRIMARY KEY,
  family_id        INTEGER NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  contact_on       TEXT NOT NULL CHECK (date(contact_on) IS contact_on),
  start_time       TEXT CHECK (start_time IS NULL OR time(start_time) IS start_time || ':00'),
  duration_min     INTEGER NOT NULL CHECK (duration_min BETWEEN 1 AND 1440),
  kind             TEXT NOT NULL,
  place            TEXT NOT NULL DEFAULT '',
  others_present   TEXT NOT NULL DEFAULT '',
  note             TEXT NOT NULL DEFAULT '',
  next_steps       TEXT NOT NULL DEFAULT '',
  next_steps_done  INTEGER NOT NULL DEFAULT 0 CHECK (next_steps_done IN (0, 1)),
  next_appointment TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX contacts_family ON contacts(family_id, contact_on, start_time);

CREATE TABLE contact_persons (
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  person_id  INTEGER NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  PRIMARY KEY (contact_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_persons_person ON contact_persons(person_id);

CREATE TABLE contact_topics (
  contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  topic      TEXT NOT NULL,
  PRIMARY KEY (contact_id, topic)
) STRICT, WITHOUT ROWID;

CREATE TABLE assessments (
  id          INTEGER PRIMARY KEY,
  family_id   INTEGER NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  assessed_on TEXT NOT NULL CHECK (date(assessed_on) IS assessed_on),
  occasion    TEXT NOT NULL CHECK (occasion IN ('intake', 'review')),
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX assessments_family ON assessments(family_id, assessed_on);

CREATE TABLE assessment_ratings (
  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  item          TEXT NOT NULL,
  rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (assessment_id, item)
) STRICT, WITHOUT ROWID;

CREATE TABLE goals (
  id             INTEGER PRIMARY KEY,
  family_id      INTEGER NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  perspective    TEXT NOT NULL CHECK (perspective IN ('familie', 'fruehe_hilfen', 'kjh')),
  title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description    TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL CHECK (status IN ('offen', 'in_arbeit', 'erreicht', 'teilweise', 'verworfen')),
  next_review_on TEXT CHECK (next_review_on IS NULL OR date(next_review_on) IS next_review_on),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX goals_family ON goals(family_id);

CREATE TABLE goal_history (
  id             INTEGER PRIMARY KEY,
  goal_id        INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  changed_on     TEXT NOT NULL CHECK (date(changed_on) IS changed_on),
  status         TEXT NOT NULL,
  title          TEXT NOT NULL,
  description    TEXT NOT NULL DEFAULT '',
  next_review_on TEXT,
  comment        TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX goal_history_goal ON goal_history(goal_id, id);

CREATE TABLE responsibilities (
  family_id  INTEGER NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  topic      TEXT NOT NULL,
  party      TEXT NOT NULL CHECK (party IN ('familie', 'fruehe_hilfen', 'kjh', 'andere')),
  who        TEXT NOT NULL DEFAULT '',
  note       TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (family_id, topic)
) STRICT, WITHOUT ROWID;

CREATE VIRTUAL TABLE family_search USING fts5(
  names, notes, content = '', contentless_delete = 1, detail = column,
  prefix = '1 2 3', tokenize = 'unicode61 remove_diacritics 0');

INSERT INTO catalog(kind, code, label, position) VALUES
  ('access_route', 'selbst', 'Familie selbst (Eigeninitiative)', 1),
  ('access_route', 'geburtsklinik', 'Geburtsklinik', 2),
  ('access_route', 'hebamme', 'Hebamme', 3),
  ('access_route', 'gynaekologie', 'Frauenärztin / Frauenarzt', 4),
  ('access_route', 'kinderarzt', 'Kinder- und Jugendärztin / -arzt', 5),
  ('access_route', 'schwangerenberatung', 'Schwangerenberatung', 6),
  ('access_route', 'beratungsstelle', 'Andere Beratungsstelle', 7),
  ('access_route', 'kjh', 'Kinder- und Jugendhilfe / Jugendamt', 8),
  ('access_route', 'jobcenter', 'Jobcenter / AMS / Sozialamt', 9),
  ('access_route', 'umfeld', 'Bekannte, Verwandte, Freundeskreis', 10),
  ('access_route', 'sonstige', 'Sonstige', 11),
  ('contact_kind', 'hausbesuch', 'Hausbesuch', 1),
  ('contact_kind', 'telefonat', 'Telefonat', 2),
  ('contact_kind', 'begleitung', 'Begleitung zu Terminen', 3),
  ('contact_kind', 'video', 'Videotelefonat', 4),
  ('contact_kind', 'beratungsstelle', 'Gespräch in der Beratungsstelle', 5),
  ('contact_kind', 'nachricht', 'Nachricht / E-Mail', 6),
  ('topic', 'schwangerschaft', 'Schwangerschaft', 1),
  ('topic', 'geburt', 'Geburt und Wochenbett', 2),
  ('topic', 'stillen', 'Stillen und Ernährung', 3),
  ('topic', 'schlafen', 'Schlafen', 4),
  ('topic', 'schreien', 'Schreien und Beruhigen', 5),
  ('topic', 'entwicklung', 'Entwicklung', 6),
  ('topic', 'bindung', 'Bindung und Beziehung', 7),
  ('topic', 'gesundheit', 'Gesundheit und Vorsorge', 8),
  ('topic', 'existenz', 'Existenzsicherung', 9),
  ('topic', 'wohnen', 'Wohnen', 10),
  ('topic', 'psyche', 'Psychische Gesundheit', 11),
  ('topic', 'partnerschaft', 'Partnerschaft und Familie', 12),
  ('topic', 'alltag', 'Alltag und Organisation', 13),
  ('topic', 'behoerden', 'Behörden und Anträge', 14),
  ('topic', 'betreuung', 'Kinderbetreuung', 15),
  ('topic', 'umfeld', 'Unterstützung im Umfeld', 16),
  ('profession', 'hebamme', 'Hebamme / Familienhebamme', 1),
  ('profession', 'fgkikp', 'Gesundheits- und Kinderkrankenpflege (FGKiKP)', 2),
  ('profession', 'sozialarbeit', 'Soziale Arbeit', 3),
  ('profession', 'psychologie', 'Psychologie', 4),
  ('profession', 'paedagogik', 'Pädagogik', 5),
  ('profession', 'fruehfoerderung', 'Frühförderung', 6),
  ('profession', 'andere', 'Andere Grundprofession', 7),
  ('end_reason', 'regulaer', 'Begleitung wie vereinbart beendet', 1),
  ('end_reason', 'wunsch', 'Auf Wunsch der Familie', 2),
  ('end_reason', 'kein_bedarf', 'Kein Bedarf (nach Anfrage oder Erstkontakt)', 3),
  ('end_reason', 'nicht_erreichbar', 'Familie nicht mehr erreichbar', 4),
  ('end_reason', 'umzug', 'Umzug', 5),
  ('end_reason', 'vermittlung', 'Vermittlung an ein anderes Angebot', 6),
  ('end_reason', 'kjh', 'Übergang in eine Hilfe der Kinder- und Jugendhilfe', 7),
  ('end_reason', 'alter', 'Altersgrenze des Kindes erreicht', 8),
  ('end_reason', 'sonstiges', 'Sonstiger Grund', 9),
  ('instrument', 'gesundheit_eltern', 'Körperliche Gesundheit der Eltern', 1),
  ('instrument', 'befinden_eltern', 'Seelisches Befinden der Eltern', 2),
  ('instrument', 'gesundheit_kind', 'Gesundheit und Entwicklung des Kindes', 3),
  ('instrument', 'versorgung', 'Versorgung des Kindes im Alltag (Ernährung, Pflege, Schlaf)', 4),
  ('instrument', 'beziehung', 'Beziehung und Zusammenspiel von Eltern und Kind', 5),
  ('instrument', 'kraft', 'Kraft und Entlastung im Alltag', 6),
  ('instrument', 'partnerschaft', 'Partnerschaft und Zusammenleben', 7),
  ('instrument', 'netz', 'Unterstützung durch Familie und Freundeskreis', 8),
  ('instrument', 'finanzen', 'Finanzielle Lage und Existenzsicherung', 9),
  ('instrument', 'wohnen', 'Wohnsituation', 10),
  ('instrument', 'verstaendigung', 'Verständigung und Zugang zu Informationen', 11),
  ('instrument', 'angebote', 'Zugang zu Angeboten (Ärztinnen, Ämter, Beratung)', 12);
)sql";

//-----------------------------------------------------------------------------
// [SECTION] Migration 3: receiving keys
//-----------------------------------------------------------------------------

// Issue 8, docs/exchange.md "Receiving keys": the X25519 identities this
// Begleitbuch receives files with ("Empfangsschlüssel"). The secret key is
// kept only here, inside the encrypted store; store/keys.h reads and writes it.
constexpr const char* kMigration3 = R"sql(
CREATE TABLE receiving_keys (
  id         INTEGER PRIMARY KEY,
  label      TEXT NOT NULL DEFAULT '' CHECK (length(label) <= 200),
  public_key TEXT NOT NULL UNIQUE CHECK (public_key GLOB 'age1*'),
  secret_key TEXT NOT NULL CHECK (secret_key GLOB 'AGE-SECRET-KEY-1*'),
  created_at TEXT NOT NULL
) STRICT;
)sql";

//-----------------------------------------------------------------------------
// [SECTION] Migration 4: network directory and referrals
//-----------------------------------------------------------------------------

// Issue 6, docs/directory.md "Data model". partners, offers and fachkraefte
// hold the imported directory (origin 'directory', keyed by directory_id) and
// the companion's own entries (origin 'local'). Entries are never deleted,
// only marked removed_at, so a referral keeps its partner. base_digest is the
// hash of the directory version last imported (core/directory.h canonical());
// locally_edited_at marks a directory entry changed on this device (a
// conflict if the next file changes it too). local_note is private: never
// exported, never overwritten by an import. Codes (category, type, cost,
// target groups, topics, access) are the fixed lists of core/directory.h;
// lists of names (languages) are stored one per line. offer_search is a
// contentless FTS5 index of folded text like family_search (rowid = offer id);
// offers.visible and offers.sort_key are derived with it (the search list).
// referrals belong to a family (cascade) and carry the agreement they rely on
// (who, when, form; consent_id for the consent records of issue 7 later).
constexpr const char* kMigration4 = R"sql(
CREATE TABLE directory_info (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  format_version  INTEGER NOT NULL,
  stand           TEXT NOT NULL CHECK (date(stand) IS stand),
  network         TEXT NOT NULL DEFAULT '',
  publisher       TEXT NOT NULL DEFAULT '',
  publisher_phone TEXT NOT NULL DEFAULT '',
  publisher_email TEXT NOT NULL DEFAULT '',
  imported_at     TEXT NOT NULL
) STRICT;

CREATE TABLE partners (
  id                    INTEGER PRIMARY KEY,
  origin                TEXT NOT NULL CHECK (origin IN ('directory', 'local')),
  directory_id          TEXT UNIQUE,
  name                  TEXT NOT NULL CHECK (length(trim(name)) > 0),
  category              TEXT NOT NULL CHECK (category IN ('kinder_jugendhilfe', 'gesundheit', 'psychosozial',
                                                          'weitere')),
  type                  TEXT NOT NULL,
  street                TEXT NOT NULL DEFAULT '',
  postcode              TEXT NOT NULL DEFAULT '',
  town                  TEXT NOT NULL DEFAULT '',
  district              TEXT NOT NULL DEFAULT '',
  opening_hours         TEXT NOT NULL DEFAULT '',
  languages             TEXT NOT NULL DEFAULT '',
  contact_person        TEXT NOT NULL DEFAULT '',
  contact_function      TEXT NOT NULL DEFAULT '',
  phone                 TEXT NOT NULL DEFAULT '',
  fax                   TEXT NOT NULL DEFAULT '',
  email                 TEXT NOT NULL DEFAULT '',
  website               TEXT NOT NULL DEFAULT '',
  cooperation_signed    INTEGER NOT NULL DEFAULT 0 CHECK (cooperation_signed IN (0, 1)),
  cooperation_signed_on TEXT CHECK (cooperation_signed_on IS NULL OR
                                    (date(cooperation_signed_on) IS cooperation_signed_on AND cooperation_signed = 1)),
  age_key               TEXT CHECK (age_key IS NULL OR age_key GLOB 'age1*'),
  local_note            TEXT NOT NULL DEFAULT '',
  base_digest           TEXT,
  locally_edited_at     TEXT,
  removed_at            TEXT,
  search_text           TEXT NOT NULL DEFAULT '',
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  CHECK ((origin = 'directory') = (directory_id IS NOT NULL)),
  CHECK (origin = 'directory' OR (base_digest IS NULL AND locally_edited_at IS NULL))
) STRICT;
CREATE INDEX partners_list ON partners(category, name);

CREATE TABLE offers (
  id                INTEGER PRIMARY KEY,
  origin            TEXT NOT NULL CHECK (origin IN ('directory', 'local')),
  directory_id      TEXT UNIQUE,
  partner_id        INTEGER NOT NULL REFERENCES partners(id),
  title             TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description       TEXT NOT NULL DEFAULT '',
  pregnancy         INTEGER NOT NULL DEFAULT 0 CHECK (pregnancy IN (0, 1)),
  age_from_months   INTEGER CHECK (age_from_months IS NULL OR age_from_months BETWEEN 0 AND 216),
  age_to_months     INTEGER CHECK (age_to_months IS NULL OR age_to_months BETWEEN 0 AND 216),
  cost              TEXT NOT NULL DEFAULT 'keine_angabe',
  cost_note         TEXT NOT NULL DEFAULT '',
  access_note       TEXT NOT NULL DEFAULT '',
  languages         TEXT NOT NULL DEFAULT '',
  schedule          TEXT NOT NULL DEFAULT '',
  street            TEXT NOT NULL DEFAULT '',
  postcode          TEXT NOT NULL DEFAULT '',
  town              TEXT NOT NULL DEFAULT '',
  district          TEXT NOT NULL DEFAULT '',
  base_digest       TEXT,
  locally_edited_at TEXT,
  removed_at        TEXT,
  visible           INTEGER NOT NULL DEFAULT 0 CHECK (visible IN (0, 1)),
  sort_key          TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK ((origin = 'directory') = (directory_id IS NOT NULL)),
  CHECK (origin = 'directory' OR (base_digest IS NULL AND locally_edited_at IS NULL)),
  CHECK (age_from_months IS NULL OR age_to_months IS NULL OR age_from_months <= age_to_months)
) STRICT;
CREATE INDEX offers_partner ON offers(partner_id);
-- The offer search pages through this index: visible = neither the offer nor its partner removed,
-- sort_key = folded partner name and title (both kept by the repository with the search entry).
CREATE INDEX offers_list ON offers(visible, sort_key, id);

CREATE TABLE offer_codes (
  offer_id INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
  kind     TEXT NOT NULL CHECK (kind IN ('target_group', 'topic', 'access')),
  code     TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (offer_id, kind, code)
) STRICT, WITHOUT ROWID;
CREATE INDEX offer_codes_code ON offer_codes(kind, code, offer_id);

CREATE VIRTUAL TABLE offer_search USING fts5(
  text, place, content = '', contentless_delete = 1, detail = column,
  prefix = '1 2 3', tokenize = 'unicode61 remove_diacritics 0');

CREATE TABLE fachkraefte (
  id                INTEGER PRIMARY KEY,
  origin            TEXT NOT NULL CHECK (origin IN ('directory', 'local')),
  directory_id      TEXT UNIQUE,
  name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
  organisation      TEXT NOT NULL DEFAULT '',
  street            TEXT NOT NULL DEFAULT '',
  postcode          TEXT NOT NULL DEFAULT '',
  town              TEXT NOT NULL DEFAULT '',
  district          TEXT NOT NULL DEFAULT '',
  phone             TEXT NOT NULL DEFAULT '',
  fax               TEXT NOT NULL DEFAULT '',
  email             TEXT NOT NULL DEFAULT '',
  languages         TEXT NOT NULL DEFAULT '',
  note              TEXT NOT NULL DEFAULT '',
  local_note        TEXT NOT NULL DEFAULT '',
  base_digest       TEXT,
  locally_edited_at TEXT,
  removed_at        TEXT,
  search_text       TEXT NOT NULL DEFAULT '',
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK ((origin = 'directory') = (directory_id IS NOT NULL)),
  CHECK (origin = 'directory' OR (base_digest IS NULL AND locally_edited_at IS NULL))
) STRICT;

CREATE TABLE referrals (
  id                INTEGER PRIMARY KEY,
  family_id         INTEGER NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  partner_id        INTEGER NOT NULL REFERENCES partners(id),
  offer_id          INTEGER REFERENCES offers(id),
  partner_name      TEXT NOT NULL,
  partner_category  TEXT NOT NULL CHECK (partner_category IN ('kinder_jugendhilfe', 'gesundheit', 'psychosozial',
                                                              'weitere')),
  referred_on       TEXT NOT NULL CHECK (date(referred_on) IS referred_on),
  reason_need       TEXT NOT NULL,
  reason_text       TEXT NOT NULL DEFAULT '',
  consent_person_id INTEGER REFERENCES persons(id) ON DELETE SET NULL,
  consent_by        TEXT NOT NULL CHECK (length(trim(consent_by)) > 0),
  consent_on        TEXT NOT NULL CHECK (date(consent_on) IS consent_on AND consent_on <= referred_on),
  consent_form      TEXT NOT NULL CHECK (consent_form IN ('schriftlich', 'muendlich')),
  consent_witness   TEXT NOT NULL DEFAULT '',
  consent_id        INTEGER,
  feedback_agreed   INTEGER NOT NULL DEFAULT 0 CHECK (feedback_agreed IN (0, 1)),
  outcome           TEXT NOT NULL DEFAULT 'offen'
                      CHECK (outcome IN ('offen', 'angenommen', 'nicht_angenommen', 'abgebrochen')),
  outcome_on        TEXT CHECK (outcome_on IS NULL OR date(outcome_on) IS outcome_on),
  outcome_note      TEXT NOT NULL DEFAULT '',
  follow_up_on      TEXT CHECK (follow_up_on IS NULL OR (date(follow_up_on) IS follow_up_on AND
                                                         follow_up_on >= referred_on)),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK ((outcome = 'offen') = (outcome_on IS NULL)),
  CHECK (consent_form = 'schriftlich' OR length(trim(consent_witness)) > 0)
) STRICT;
CREATE INDEX referrals_family ON referrals(family_id, referred_on);
CREATE INDEX referrals_due ON referrals(outcome, follow_up_on);
CREATE INDEX referrals_partner ON referrals(partner_id);

CREATE TABLE referral_info (
  referral_id INTEGER NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
  category    TEXT NOT NULL CHECK (category IN ('stammdaten', 'kontakte', 'bedarfe', 'ziele', 'vermittlungen',
                                                'kjh_kooperation', 'kinderschutz', 'gesundheit')),
  PRIMARY KEY (referral_id, category)
) STRICT, WITHOUT ROWID;

CREATE TABLE referral_feedback (
  id              INTEGER PRIMARY KEY,
  referral_id     INTEGER NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
  received_on     TEXT NOT NULL CHECK (date(received_on) IS received_on),
  direction       TEXT NOT NULL CHECK (direction IN ('vom_partner', 'an_partner')),
  content         TEXT NOT NULL CHECK (length(trim(content)) > 0),
  basis           TEXT NOT NULL CHECK (basis IN ('vermittlung', 'einwilligung')),
  consent_by      TEXT,
  consent_on      TEXT CHECK (consent_on IS NULL OR date(consent_on) IS consent_on),
  consent_form    TEXT CHECK (consent_form IS NULL OR consent_form IN ('schriftlich', 'muendlich')),
  consent_witness TEXT NOT NULL DEFAULT '',
  consent_id      INTEGER,
  created_at      TEXT NOT NULL,
  CHECK (basis = 'vermittlung' OR (consent_by IS NOT NULL AND consent_on IS NOT NULL AND consent_form IS NOT NULL)),
  CHECK (consent_form IS NOT 'muendlich' OR length(trim(consent_witness)) > 0)
) STRICT;
CREATE INDEX referral_feedback_referral ON referral_feedback(referral_id, received_on);
)sql";

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> list = {
      {1, "meta and settings", kMigration1, migration1_versions},
      {2, "families and case documentation", kMigration2, nullptr},
      {3, "receiving keys", kMigration3, nullptr},
      {4, "network directory and referrals", kMigration4, nullptr},
  };
  return list;
}

int latest_schema_version() { return migrations().back().version; }

Result<int> schema_version(sqlite3* db) {
  auto v = query_int(db, "PRAGMA user_version");
  if (!v.ok()) return v.error();
  return static_cast<int>(v->value_or(0));
}

Status refuse_newer(sqlite3* db, const std::vector<Migration>& list) {
  auto version = schema_version(db);
  if (!version.ok()) return version.error();
  const int newest = list.empty() ? 0 : list.back().version;
  if (*version > newest) {
    return make_error(
        Str::store_newer_version,
        "schema version " + std::to_string(*version) + " is newer than this app's " + std::to_string(newest),
        std::to_string(*version));
  }
  return {};
}

Status migrate(sqlite3* db, const std::vector<Migration>& list, int target) {
  BB_TRY(refuse_newer(db, list));
  for (const auto& m : list) {
    auto version = schema_version(db);
    if (!version.ok()) return version.error();
    if (m.version <= *version) continue;
    if (target >= 0 && m.version > target) break;
    if (m.version != *version + 1) {
      return make_error(
          Str::store_migration_failed,
          "migration " + std::to_string(m.version) + " does not follow version " + std::to_string(*version),
          std::to_string(m.version));
    }
    // Foreign keys cannot be switched inside a transaction: off for the
    // migration (table rebuilds), checked before COMMIT, on again afterwards.
    BB_TRY(exec(db, "PRAGMA foreign_keys = OFF"));
    Status status = exec(db, "BEGIN IMMEDIATE");
    if (status.ok() && m.sql) status = exec(db, m.sql);
    if (status.ok() && m.apply) status = m.apply(db);
    if (status.ok()) {
      auto violations = query_int(db, "SELECT count(*) FROM pragma_foreign_key_check");
      if (!violations.ok())
        status = violations.error();
      else if (violations->value_or(0) != 0)
        status = make_error(Str::store_migration_failed, "foreign key violations");
    }
    if (status.ok()) status = exec(db, ("PRAGMA user_version = " + std::to_string(m.version)).c_str());
    if (status.ok()) status = exec(db, "COMMIT");
    if (!status.ok()) {
      if (!sqlite3_get_autocommit(db)) (void)exec(db, "ROLLBACK");
      (void)exec(db, "PRAGMA foreign_keys = ON");
      return make_error(
          Str::store_migration_failed,
          "migration " + std::to_string(m.version) + " (" + m.name + "): " + status.error().detail,
          std::to_string(m.version));
    }
    BB_TRY(exec(db, "PRAGMA foreign_keys = ON"));
  }
  return {};
}

}  // namespace bb::store
