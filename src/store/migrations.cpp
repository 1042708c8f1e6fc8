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

//-----------------------------------------------------------------------------
// [SECTION] Migration 5: consent, disclosure log, KJH cooperation, child protection, retention
//-----------------------------------------------------------------------------

// Issue 7, docs/consent.md "Stored model". The pure rules are in src/core
// (consent.h, disclosure.h, kjh_cooperation.h, cooperation_agreement.h,
// child_protection.h, retention.h); these tables hold their records.
// Codes are the core's code() texts. Category sets are the bits of
// rules::Categories (1 << DataCategory). A recipient is a kind plus an
// optional Netzwerkpartner id WITHOUT a foreign key: the partner directory
// arrives with migration 4 on another branch, and a protocol line must keep
// naming its recipient even if the directory entry goes (recipient_name).
//
// Append-only, enforced here by triggers (not only by the repository):
//   - disclosures (the Offenlegungsprotokoll) and disclosure_consents;
//   - child_protection_entries (a correction is a new row whose `corrects`
//     names the latest version of the same family and kind);
//   - consents change only by their Widerruf (revoked_on set once);
//   - a Kooperationsvereinbarung version agreed by all three is frozen
//     (only the date of the last coordination moves on).
// The delete triggers let rows go only when their family is gone, i.e. in
// the ON DELETE CASCADE of deleting the family (retention, delete_family).
constexpr const char* kMigration5 = R"sql(
CREATE TABLE organisation (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  jurisdiction     TEXT CHECK (jurisdiction IS NULL OR jurisdiction IN ('de', 'at')),
  retention_months INTEGER CHECK (retention_months IS NULL OR retention_months >= 1),
  updated_at       TEXT
) STRICT;
-- One row; NULL = not set by the organisation (no invented default).
INSERT INTO organisation(id) VALUES (1);

CREATE TABLE consents (
  id                   INTEGER PRIMARY KEY,
  family_id            INTEGER NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  person_id            INTEGER NOT NULL REFERENCES persons(id),
  purpose              TEXT NOT NULL CHECK (purpose IN ('dokumentation', 'austausch', 'vermittlung',
                         'informationsrueckfluss', 'uebergabe_kjh', 'mitteilung_kjh', 'fachberatung',
                         'supervision', 'kollegiale_beratung', 'anonyme_statistik')),
  recipient_kind       TEXT NOT NULL CHECK (recipient_kind IN ('netzwerkpartner', 'kjh',
                         'insoweit_erfahrene_fachkraft', 'supervision', 'kollegiale_beratung',
                         'netzwerkkoordination')),
  recipient_partner_id INTEGER,
  recipient_name       TEXT NOT NULL DEFAULT '',
  categories           INTEGER NOT NULL CHECK (categories BETWEEN 1 AND 255),
  given_on             TEXT NOT NULL CHECK (date(given_on) IS given_on),
  form                 TEXT NOT NULL CHECK (form IN ('schriftlich', 'muendlich')),
  witness              TEXT NOT NULL DEFAULT '',
  valid_until          TEXT CHECK (valid_until IS NULL OR (date(valid_until) IS valid_until
                                                           AND valid_until >= given_on)),
  revoked_on           TEXT CHECK (revoked_on IS NULL OR (date(revoked_on) IS revoked_on
                                                          AND revoked_on >= given_on)),
  revocation_note      TEXT NOT NULL DEFAULT '',
  note                 TEXT NOT NULL DEFAULT '',
  created_at           TEXT NOT NULL,
  CHECK (form = 'schriftlich' OR length(trim(witness)) > 0)
) STRICT;
CREATE INDEX consents_family ON consents(family_id, given_on);
CREATE INDEX consents_person ON consents(person_id);
CREATE TRIGGER consents_only_widerruf BEFORE UPDATE ON consents
WHEN OLD.revoked_on IS NOT NULL OR NEW.revoked_on IS NULL
  OR NEW.id IS NOT OLD.id OR NEW.family_id IS NOT OLD.family_id OR NEW.person_id IS NOT OLD.person_id
  OR NEW.purpose IS NOT OLD.purpose OR NEW.recipient_kind IS NOT OLD.recipient_kind
  OR NEW.recipient_partner_id IS NOT OLD.recipient_partner_id OR NEW.recipient_name IS NOT OLD.recipient_name
  OR NEW.categories IS NOT OLD.categories OR NEW.given_on IS NOT OLD.given_on OR NEW.form IS NOT OLD.form
  OR NEW.witness IS NOT OLD.witness OR NEW.valid_until IS NOT OLD.valid_until OR NEW.note IS NOT OLD.note
  OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'append-only: a consent changes only by its Widerruf, once'); END;
CREATE TRIGGER consents_keep BEFORE DELETE ON consents
WHEN EXISTS (SELECT 1 FROM families WHERE id = OLD.family_id)
BEGIN SELECT RAISE(ABORT, 'append-only: consents are deleted only with their family'); END;

CREATE TABLE cooperation_information (
  id                   INTEGER PRIMARY KEY,
  family_id            INTEGER NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  informed_on          TEXT NOT NULL CHECK (date(informed_on) IS informed_on),
  person_id            INTEGER REFERENCES persons(id) ON DELETE SET NULL,
  recipient_kind       TEXT NOT NULL CHECK (recipient_kind IN ('netzwerkpartner', 'kjh',
                         'insoweit_erfahrene_fachkraft', 'supervision', 'kollegiale_beratung',
                         'netzwerkkoordination')),
  recipient_partner_id INTEGER,
  recipient_name       TEXT NOT NULL DEFAULT '',
  purpose              TEXT NOT NULL,
  content              TEXT NOT NULL CHECK (length(trim(content)) > 0),
  how                  TEXT NOT NULL DEFAULT '',
  note                 TEXT NOT NULL DEFAULT '',
  created_at           TEXT NOT NULL
) STRICT;
CREATE INDEX cooperation_information_family ON cooperation_information(family_id, informed_on);

CREATE TABLE child_protection_entries (
  id              INTEGER PRIMARY KEY,
  family_id       INTEGER NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind IN ('anhaltspunkt', 'unterstuetzung', 'beratung', 'mitteilung',
                                                'schritt')),
  corrects        INTEGER REFERENCES child_protection_entries(id),
  recorded_on     TEXT NOT NULL CHECK (date(recorded_on) IS recorded_on),
  recorded_by     TEXT NOT NULL DEFAULT '',
  event_on        TEXT NOT NULL CHECK (date(event_on) IS event_on),
  child_id        INTEGER REFERENCES persons(id),
  what            TEXT NOT NULL DEFAULT '',
  who             TEXT NOT NULL DEFAULT '',
  partner_id      INTEGER,
  partner_name    TEXT NOT NULL DEFAULT '',
  outcome         TEXT CHECK (outcome IS NULL OR outcome IN ('angeboten', 'angenommen', 'abgelehnt',
                                                              'in_anspruch_genommen')),
  data_form       TEXT CHECK (data_form IS NULL OR data_form IN ('pseudonymisiert', 'anonymisiert')),
  consult_basis   TEXT CHECK (consult_basis IS NULL OR consult_basis IN ('de_kkg_4_2', 'de_sgb_viii_8b',
                                                                         'at_fachberatung', 'unbestimmt')),
  result          TEXT NOT NULL DEFAULT '',
  channel         TEXT CHECK (channel IS NULL OR channel IN ('persoenlich', 'telefon', 'brief', 'fax', 'email',
                                                             'verschluesselte_datei')),
  norm            TEXT CHECK (norm IS NULL OR norm IN ('at_b_kjhg_37', 'de_kkg_4_3',
                                                       'de_befugnis_arbeitsbereich')),
  citation        TEXT NOT NULL DEFAULT '',
  reasons         TEXT NOT NULL DEFAULT '',
  content         INTEGER CHECK (content IS NULL OR content BETWEEN 1 AND 255),
  content_text    TEXT NOT NULL DEFAULT '',
  informed        TEXT CHECK (informed IS NULL OR informed IN ('offen', 'informiert', 'nicht_informiert')),
  informed_on     TEXT CHECK (informed_on IS NULL OR date(informed_on) IS informed_on),
  informed_reason TEXT NOT NULL DEFAULT '',
  sought          TEXT CHECK (sought IS NULL OR sought IN ('nicht_erfasst', 'angestrebt_erteilt',
                                                           'angestrebt_verweigert', 'nicht_angestrebt')),
  sought_on       TEXT CHECK (sought_on IS NULL OR date(sought_on) IS sought_on),
  sought_reason   TEXT NOT NULL DEFAULT '',
  step_key        TEXT,
  note            TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  CHECK (kind <> 'mitteilung' OR (partner_id IS NOT NULL AND norm IS NOT NULL AND channel IS NOT NULL
                                  AND content IS NOT NULL AND informed IS NOT NULL AND sought IS NOT NULL)),
  CHECK (kind <> 'beratung' OR (data_form IS NOT NULL AND consult_basis IS NOT NULL)),
  CHECK (kind <> 'unterstuetzung' OR outcome IS NOT NULL),
  CHECK (kind <> 'schritt' OR length(step_key) > 0)
) STRICT;
CREATE INDEX child_protection_family ON child_protection_entries(family_id, kind, id);
-- A version is corrected at most once: corrections chain, they never fork.
CREATE UNIQUE INDEX child_protection_corrects ON child_protection_entries(corrects) WHERE corrects IS NOT NULL;
CREATE TRIGGER child_protection_correction BEFORE INSERT ON child_protection_entries
WHEN NEW.corrects IS NOT NULL AND NOT EXISTS (SELECT 1 FROM child_protection_entries
       WHERE id = NEW.corrects AND family_id = NEW.family_id AND kind = NEW.kind)
BEGIN SELECT RAISE(ABORT, 'a correction names an entry of the same family and kind'); END;
CREATE TRIGGER child_protection_no_update BEFORE UPDATE ON child_protection_entries
BEGIN SELECT RAISE(ABORT, 'append-only: child-protection entries are corrected by a new entry'); END;
CREATE TRIGGER child_protection_keep BEFORE DELETE ON child_protection_entries
WHEN EXISTS (SELECT 1 FROM families WHERE id = OLD.family_id)
BEGIN SELECT RAISE(ABORT, 'append-only: child-protection entries are deleted only with their family'); END;

-- The network's local procedure (Verfahrensablauf); empty = the starting
-- point of the jurisdiction (core default_procedure).
CREATE TABLE child_protection_procedure (
  position    INTEGER PRIMARY KEY,
  step_key    TEXT NOT NULL UNIQUE CHECK (length(step_key) BETWEEN 1 AND 40),
  label       TEXT NOT NULL DEFAULT '',
  builtin     TEXT,
  required    INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
  CHECK (builtin IS NOT NULL OR length(trim(label)) > 0)
) STRICT;

CREATE TABLE disclosures (
  id                   INTEGER PRIMARY KEY,
  family_id            INTEGER NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  disclosed_on         TEXT NOT NULL CHECK (date(disclosed_on) IS disclosed_on),
  recipient_kind       TEXT NOT NULL CHECK (recipient_kind IN ('netzwerkpartner', 'kjh',
                         'insoweit_erfahrene_fachkraft', 'supervision', 'kollegiale_beratung',
                         'netzwerkkoordination')),
  recipient_partner_id INTEGER,
  recipient_name       TEXT NOT NULL DEFAULT '',
  purpose              TEXT NOT NULL CHECK (purpose IN ('austausch', 'vermittlung', 'informationsrueckfluss',
                         'uebergabe_kjh', 'mitteilung_kjh', 'fachberatung', 'supervision',
                         'kollegiale_beratung', 'anonyme_statistik')),
  categories           INTEGER NOT NULL CHECK (categories BETWEEN 1 AND 255),
  channel              TEXT NOT NULL CHECK (channel IN ('persoenlich', 'telefon', 'brief', 'fax', 'email',
                                                        'verschluesselte_datei')),
  data_form            TEXT NOT NULL CHECK (data_form IN ('personenbezogen', 'pseudonymisiert', 'anonymisiert')),
  basis                TEXT NOT NULL CHECK (basis IN ('einwilligung', 'gesetzliche_pflicht',
                         'gesetzliche_befugnis', 'anonymisiert', 'pseudonymisiert')),
  norm                 TEXT CHECK (norm IS NULL OR norm IN ('at_b_kjhg_37', 'de_kkg_4_3',
                                                            'de_befugnis_arbeitsbereich')),
  legal_basis_id       INTEGER REFERENCES child_protection_entries(id),
  consent_sought       TEXT CHECK (consent_sought IS NULL OR consent_sought IN ('angestrebt_erteilt',
                         'angestrebt_verweigert', 'nicht_angestrebt')),
  consent_sought_on    TEXT CHECK (consent_sought_on IS NULL OR date(consent_sought_on) IS consent_sought_on),
  reason_not_sought    TEXT NOT NULL DEFAULT '',
  disclosed_by         TEXT NOT NULL DEFAULT '',
  note                 TEXT NOT NULL DEFAULT '',
  created_at           TEXT NOT NULL,
  -- a legal basis names its norm and record, and the answer whether consent was sought
  CHECK ((basis IN ('gesetzliche_pflicht', 'gesetzliche_befugnis'))
         = (norm IS NOT NULL AND legal_basis_id IS NOT NULL AND consent_sought IS NOT NULL)),
  CHECK (consent_sought IS NOT 'nicht_angestrebt' OR length(trim(reason_not_sought)) > 0)
) STRICT;
CREATE INDEX disclosures_family ON disclosures(family_id, disclosed_on, id);
CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures
BEGIN SELECT RAISE(ABORT, 'append-only: the Offenlegungsprotokoll is never changed'); END;
CREATE TRIGGER disclosures_keep BEFORE DELETE ON disclosures
WHEN EXISTS (SELECT 1 FROM families WHERE id = OLD.family_id)
BEGIN SELECT RAISE(ABORT, 'append-only: protocol lines are deleted only with their family'); END;

CREATE TABLE disclosure_consents (
  disclosure_id INTEGER NOT NULL REFERENCES disclosures(id) ON DELETE CASCADE,
  consent_id    INTEGER NOT NULL REFERENCES consents(id),
  PRIMARY KEY (disclosure_id, consent_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX disclosure_consents_consent ON disclosure_consents(consent_id);
CREATE TRIGGER disclosure_consents_no_update BEFORE UPDATE ON disclosure_consents
BEGIN SELECT RAISE(ABORT, 'append-only: the Offenlegungsprotokoll is never changed'); END;
CREATE TRIGGER disclosure_consents_keep BEFORE DELETE ON disclosure_consents
WHEN EXISTS (SELECT 1 FROM disclosures WHERE id = OLD.disclosure_id)
BEGIN SELECT RAISE(ABORT, 'append-only: protocol lines are deleted only with their family'); END;

CREATE TABLE kjh_involvements (
  id             INTEGER PRIMARY KEY,
  family_id      INTEGER NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  child_id       INTEGER REFERENCES persons(id) ON DELETE SET NULL,
  hilfeplan      TEXT NOT NULL DEFAULT '',
  kind           TEXT NOT NULL CHECK (kind IN ('keine', 'freiwillige_leistung', 'abklaerung',
                                              'verbindlicher_hilfeplan')),
  from_on        TEXT NOT NULL CHECK (date(from_on) IS from_on),
  ended_on       TEXT CHECK (ended_on IS NULL OR (date(ended_on) IS ended_on AND ended_on >= from_on)),
  ergebnis       TEXT NOT NULL DEFAULT 'offen' CHECK (ergebnis IN ('offen', 'kein_hilfebedarf',
                                                     'freiwillige_leistung', 'verbindlicher_hilfeplan')),
  -- The KJH social worker who leads the case. The Fallführung itself is
  -- always the KJH's: there is no column that could say otherwise.
  fallfuehrung   TEXT NOT NULL DEFAULT '',
  kjh_office_id  INTEGER,
  kjh_office     TEXT NOT NULL DEFAULT '',
  note           TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX kjh_involvements_family ON kjh_involvements(family_id, from_on);

CREATE TABLE kjh_exceptions (
  id                    INTEGER PRIMARY KEY,
  family_id             INTEGER NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  kind                  TEXT NOT NULL CHECK (kind IN ('a', 'b', 'c', 'd')),
  decided_on            TEXT NOT NULL CHECK (date(decided_on) IS decided_on),
  leitung_who           TEXT NOT NULL DEFAULT '',
  leitung_on            TEXT CHECK (leitung_on IS NULL OR date(leitung_on) IS leitung_on),
  intervision           INTEGER NOT NULL DEFAULT 0 CHECK (intervision IN (0, 1)),
  leitung_approved      INTEGER NOT NULL DEFAULT 0 CHECK (leitung_approved IN (0, 1)),
  leitung_note          TEXT NOT NULL DEFAULT '',
  familie_on            TEXT CHECK (familie_on IS NULL OR date(familie_on) IS familie_on),
  familie_by            TEXT NOT NULL DEFAULT '',
  familie_note          TEXT NOT NULL DEFAULT '',
  fh_on                 TEXT CHECK (fh_on IS NULL OR date(fh_on) IS fh_on),
  fh_by                 TEXT NOT NULL DEFAULT '',
  fh_note               TEXT NOT NULL DEFAULT '',
  kjh_on                TEXT CHECK (kjh_on IS NULL OR date(kjh_on) IS kjh_on),
  kjh_by                TEXT NOT NULL DEFAULT '',
  kjh_note              TEXT NOT NULL DEFAULT '',
  transition_end        TEXT CHECK (transition_end IS NULL OR date(transition_end) IS transition_end),
  unbefristet           INTEGER NOT NULL DEFAULT 0 CHECK (unbefristet IN (0, 1)),
  ergaenzend_freiwillig INTEGER NOT NULL DEFAULT 0 CHECK (ergaenzend_freiwillig IN (0, 1)),
  expected_child_id     INTEGER REFERENCES persons(id) ON DELETE SET NULL,
  begruendung           TEXT NOT NULL DEFAULT '',
  risks_weighed         TEXT NOT NULL DEFAULT '',
  ended_on              TEXT CHECK (ended_on IS NULL OR date(ended_on) IS ended_on),
  end_note              TEXT NOT NULL DEFAULT '',
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL
) STRICT;
CREATE INDEX kjh_exceptions_family ON kjh_exceptions(family_id, decided_on);

CREATE TABLE cooperation_agreements (
  id                        INTEGER PRIMARY KEY,
  family_id                 INTEGER NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  version                   INTEGER NOT NULL CHECK (version >= 1),
  drafted_on                TEXT NOT NULL CHECK (date(drafted_on) IS drafted_on),
  fh_voluntary_outside_plan INTEGER NOT NULL DEFAULT 0 CHECK (fh_voluntary_outside_plan IN (0, 1)),
  family_is_client          INTEGER NOT NULL DEFAULT 0 CHECK (family_is_client IN (0, 1)),
  fh_role                   TEXT NOT NULL DEFAULT '',
  kjh_role                  TEXT NOT NULL DEFAULT '',
  -- Fallführung: always the KJH (no column can say otherwise); its social worker:
  fallfuehrung_name         TEXT NOT NULL DEFAULT '',
  companion_core_profession TEXT NOT NULL DEFAULT '',
  competences_fh            TEXT NOT NULL DEFAULT '',
  competences_kjh           TEXT NOT NULL DEFAULT '',
  exchange_only_with_consent INTEGER NOT NULL DEFAULT 0 CHECK (exchange_only_with_consent IN (0, 1)),
  no_reporting_duty_stated  INTEGER NOT NULL DEFAULT 0 CHECK (no_reporting_duty_stated IN (0, 1)),
  communication             TEXT NOT NULL DEFAULT '',
  coordination_interval_days INTEGER CHECK (coordination_interval_days IS NULL
                                            OR coordination_interval_days BETWEEN 1 AND 3660),
  last_coordination_on      TEXT CHECK (last_coordination_on IS NULL
                                        OR date(last_coordination_on) IS last_coordination_on),
  familie_on                TEXT CHECK (familie_on IS NULL OR date(familie_on) IS familie_on),
  familie_by                TEXT NOT NULL DEFAULT '',
  familie_note              TEXT NOT NULL DEFAULT '',
  fh_on                     TEXT CHECK (fh_on IS NULL OR date(fh_on) IS fh_on),
  fh_by                     TEXT NOT NULL DEFAULT '',
  fh_note                   TEXT NOT NULL DEFAULT '',
  kjh_on                    TEXT CHECK (kjh_on IS NULL OR date(kjh_on) IS kjh_on),
  kjh_by                    TEXT NOT NULL DEFAULT '',
  kjh_note                  TEXT NOT NULL DEFAULT '',
  created_at                TEXT NOT NULL,
  updated_at                TEXT NOT NULL,
  UNIQUE (family_id, version)
) STRICT;
-- A version agreed by all three is frozen; only the last coordination moves on.
CREATE TRIGGER cooperation_agreements_frozen BEFORE UPDATE ON cooperation_agreements
WHEN OLD.familie_on IS NOT NULL AND OLD.fh_on IS NOT NULL AND OLD.kjh_on IS NOT NULL
  AND (NEW.id IS NOT OLD.id OR NEW.family_id IS NOT OLD.family_id OR NEW.version IS NOT OLD.version
    OR NEW.drafted_on IS NOT OLD.drafted_on OR NEW.fh_voluntary_outside_plan IS NOT OLD.fh_voluntary_outside_plan
    OR NEW.family_is_client IS NOT OLD.family_is_client OR NEW.fh_role IS NOT OLD.fh_role
    OR NEW.kjh_role IS NOT OLD.kjh_role OR NEW.fallfuehrung_name IS NOT OLD.fallfuehrung_name
    OR NEW.companion_core_profession IS NOT OLD.companion_core_profession
    OR NEW.competences_fh IS NOT OLD.competences_fh OR NEW.competences_kjh IS NOT OLD.competences_kjh
    OR NEW.exchange_only_with_consent IS NOT OLD.exchange_only_with_consent
    OR NEW.no_reporting_duty_stated IS NOT OLD.no_reporting_duty_stated
    OR NEW.communication IS NOT OLD.communication
    OR NEW.coordination_interval_days IS NOT OLD.coordination_interval_days
    OR NEW.familie_on IS NOT OLD.familie_on OR NEW.familie_by IS NOT OLD.familie_by
    OR NEW.familie_note IS NOT OLD.familie_note OR NEW.fh_on IS NOT OLD.fh_on OR NEW.fh_by IS NOT OLD.fh_by
    OR NEW.fh_note IS NOT OLD.fh_note OR NEW.kjh_on IS NOT OLD.kjh_on OR NEW.kjh_by IS NOT OLD.kjh_by
    OR NEW.kjh_note IS NOT OLD.kjh_note)
BEGIN SELECT RAISE(ABORT, 'an agreed Kooperationsvereinbarung is changed only by a new version'); END;
CREATE TRIGGER cooperation_agreements_keep BEFORE DELETE ON cooperation_agreements
WHEN EXISTS (SELECT 1 FROM families WHERE id = OLD.family_id)
BEGIN SELECT RAISE(ABORT, 'versions of a Kooperationsvereinbarung are kept'); END;

-- The lists of a version: goals of the three sides, responsibilities per
-- topic, Anlassfälle. Rows of an agreed version are frozen with it.
CREATE TABLE cooperation_agreement_items (
  agreement_id INTEGER NOT NULL REFERENCES cooperation_agreements(id) ON DELETE CASCADE,
  list         TEXT NOT NULL CHECK (list IN ('ziel_familie', 'ziel_kjh', 'ziel_fh', 'zustaendigkeit',
                                             'anlassfall')),
  position     INTEGER NOT NULL,
  text         TEXT NOT NULL,
  responsible  TEXT CHECK (responsible IS NULL OR responsible IN ('familie', 'fruehe_hilfen', 'kjh', 'andere')),
  person       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (agreement_id, list, position),
  CHECK ((list = 'zustaendigkeit') = (responsible IS NOT NULL))
) STRICT, WITHOUT ROWID;
CREATE TRIGGER cooperation_agreement_items_frozen_insert BEFORE INSERT ON cooperation_agreement_items
WHEN EXISTS (SELECT 1 FROM cooperation_agreements WHERE id = NEW.agreement_id
             AND familie_on IS NOT NULL AND fh_on IS NOT NULL AND kjh_on IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'an agreed Kooperationsvereinbarung is changed only by a new version'); END;
CREATE TRIGGER cooperation_agreement_items_frozen_update BEFORE UPDATE ON cooperation_agreement_items
WHEN EXISTS (SELECT 1 FROM cooperation_agreements WHERE id = OLD.agreement_id
             AND familie_on IS NOT NULL AND fh_on IS NOT NULL AND kjh_on IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'an agreed Kooperationsvereinbarung is changed only by a new version'); END;
CREATE TRIGGER cooperation_agreement_items_frozen_delete BEFORE DELETE ON cooperation_agreement_items
WHEN EXISTS (SELECT 1 FROM cooperation_agreements WHERE id = OLD.agreement_id
             AND familie_on IS NOT NULL AND fh_on IS NOT NULL AND kjh_on IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'an agreed Kooperationsvereinbarung is changed only by a new version'); END;

-- Deleting a family must leave no trace in the search index either. FTS5's
-- 'secure-delete' asks it to remove index entries on delete; a
-- contentless_delete index still keeps them behind tombstones until a merge,
-- so delete_family also runs 'optimize' (docs/consent.md "Deletion", test
-- retstore-3). PRAGMA secure_delete (store.cpp) zeroes freed b-tree content.
INSERT INTO family_search(family_search, rank) VALUES ('secure-delete', 1);
)sql";

// Received cases (issue 8, "Empfang"; docs/handover.md): a handover file
// imported once, keyed by its document id. Kept as the validated document,
// not merged into `families`: a received case stays what was received.
constexpr const char* kMigration6 = R"sql(
CREATE TABLE received_cases (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL UNIQUE CHECK (length(document_id) = 32),
  document_sha256 TEXT NOT NULL CHECK (length(document_sha256) = 64),
  format_version INTEGER NOT NULL,
  created TEXT NOT NULL,
  sender TEXT NOT NULL,
  recipient_name TEXT NOT NULL,
  purpose TEXT NOT NULL,
  basis TEXT NOT NULL,
  family_name TEXT NOT NULL,
  document TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;
CREATE TRIGGER received_cases_no_update BEFORE UPDATE ON received_cases
BEGIN SELECT RAISE(ABORT, 'received cases are not changed'); END;
)sql";

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> list = {
      {1, "meta and settings", kMigration1, migration1_versions},
      {2, "families and case documentation", kMigration2, nullptr},
      {3, "receiving keys", kMigration3, nullptr},
      {4, "network directory and referrals", kMigration4, nullptr},
      {5, "consent, disclosure log, KJH cooperation, child protection, retention", kMigration5, nullptr},
      {6, "received cases", kMigration6, nullptr},
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
