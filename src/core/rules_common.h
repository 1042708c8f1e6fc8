// The vocabulary shared by the disclosure and KJH-cooperation rules (issue 7):
// calendar days, the jurisdiction setting, ids, purposes, recipients, data
// categories, channels and the agreements of the three parties. Plain values,
// no I/O; the rules themselves are in consent.h, disclosure.h,
// kjh_cooperation.h, cooperation_agreement.h, child_protection.h,
// anonymize.h and retention.h. Background and sources: docs/rules.md.
//
// Index of this file:
// [SECTION] Dates
// [SECTION] Jurisdiction and ids
// [SECTION] Purposes, recipients, categories, channels
// [SECTION] Agreements (Zustimmung) of Familie, Frühe Hilfen, KJH
// [SECTION] Texts
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.h"

namespace bb::rules {

//-----------------------------------------------------------------------------
// [SECTION] Dates
//-----------------------------------------------------------------------------

// A calendar day. Stored as days since 1970-01-01 so that comparing and adding
// days is plain arithmetic; converts to and from the ISO text "YYYY-MM-DD" the
// store and UI use (parsing is bb::cases::parse_date, so both agree on what a
// valid date is).
class Date {
 public:
  Date() = default;  // 1970-01-01; use from_iso / ymd for real dates
  static std::optional<Date> from_iso(std::string_view iso);
  static Date ymd(int year, int month, int day);  // no validation: tests and arithmetic
  static Date from_days(int64_t days) { return Date(days); }

  int64_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  std::string iso() const;     // "2026-03-01"
  std::string german() const;  // "01.03.2026"
  Date plus_days(int64_t n) const { return Date(days_ + n); }
  Date plus_months(int n) const;  // same day of month, clamped to the month's end

  friend bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend bool operator!=(Date a, Date b) { return a.days_ != b.days_; }
  friend bool operator<(Date a, Date b) { return a.days_ < b.days_; }
  friend bool operator<=(Date a, Date b) { return a.days_ <= b.days_; }
  friend bool operator>(Date a, Date b) { return a.days_ > b.days_; }
  friend bool operator>=(Date a, Date b) { return a.days_ >= b.days_; }

 private:
  explicit Date(int64_t days) : days_(days) {}
  int64_t days_ = 0;
};

// Whole years between `birth` and `on` (the age on `on`).
int age_in_years(Date birth, Date on);
// Whole months between `birth` and `on`.
int age_in_months(Date birth, Date on);

//-----------------------------------------------------------------------------
// [SECTION] Jurisdiction and ids
//-----------------------------------------------------------------------------

// The jurisdiction setting [our decision]: switches legal references, wording
// and the child-protection flow. Seed 000 is Austrian, seeds 001-004 German.
enum class Jurisdiction { deutschland, oesterreich };
const char* code(Jurisdiction j);  // "de", "at"
Str label(Jurisdiction j);

using FamilyId = int64_t;
using PersonId = int64_t;
using PartnerId = int64_t;  // a Netzwerkpartner (directory entry, incl. the KJH office)
using EntryId = int64_t;

//-----------------------------------------------------------------------------
// [SECTION] Purposes, recipients, categories, channels
//-----------------------------------------------------------------------------

// Why data would leave the app (or, for dokumentation, be kept at all).
enum class Purpose {
  dokumentation,           // keeping the case file itself
  austausch,               // fachlicher fallbezogener Austausch (seed 000 ch. 4)
  vermittlung,             // referral to a Netzwerkpartner (seed 003 §5.1)
  informationsrueckfluss,  // feedback from/to the partner after a referral
  uebergabe_kjh,           // handover of case data to the KJH with consent
  mitteilung_kjh,          // child-protection Mitteilung to the KJH (its documented content only)
  fachberatung,            // consultation of an insoweit erfahrene Fachkraft / Kinderschutz-Beratung
  supervision,             // supervision, coaching
  kollegiale_beratung,     // case consultation across institutions (seed 001 3.4, 4.5)
  anonyme_statistik,       // anonymous figures for the Netzwerkkoordination
};
constexpr int kPurposeCount = 10;
const char* code(Purpose p);
Str label(Purpose p);
std::optional<Purpose> purpose_from(std::string_view code);

// Who receives. A consent names either one Netzwerkpartner or a kind of
// recipient; a recorded legal basis always names one specific recipient.
enum class RecipientKind {
  netzwerkpartner,               // a partner of the network (health, counselling, …)
  kjh,                           // Kinder- und Jugendhilfe / Jugendamt
  insoweit_erfahrene_fachkraft,  // (DE) § 4 Abs. 2 KKG / § 8b SGB VIII; (AT) Kinderschutz-Beratung
  supervision,                   // supervisor / coach
  kollegiale_beratung,           // case consultation with other institutions
  netzwerkkoordination,          // anonymous figures
};
constexpr int kRecipientKindCount = 6;
const char* code(RecipientKind k);
Str label(RecipientKind k);

struct Recipient {
  RecipientKind kind = RecipientKind::netzwerkpartner;
  std::optional<PartnerId> partner;  // nullopt: any recipient of this kind (consents only)
  std::string name;                  // for texts and the protocol, e.g. "Jugendamt Graz-Ost"
};
bool same_recipient(const Recipient& a, const Recipient& b);  // kind and partner id equal

// The categories of personal data a consent or a legal basis covers.
enum class DataCategory {
  stammdaten,       // names, birth dates, address, contact details
  kontakte,         // Kontakte / Hausbesuche
  bedarfe,          // Bedarfe und Ressourcen
  ziele,            // Ziele und Zuständigkeiten
  vermittlungen,    // referrals and their feedback
  kjh_kooperation,  // KJH involvement, exceptions, Kooperationsvereinbarung
  kinderschutz,     // Kinderschutz-Einträge (Anhaltspunkte, Beratung, Mitteilung)
  gesundheit,       // health data (Art. 9 GDPR)
};
constexpr int kCategoryCount = 8;
const char* code(DataCategory c);
Str label(DataCategory c);

// A set of categories (a bit per category).
class Categories {
 public:
  Categories() = default;
  Categories(std::initializer_list<DataCategory> list) {
    for (auto c : list) add(c);
  }
  static Categories all();
  static Categories from_bits(uint32_t bits) { return Categories(bits & all().bits_); }
  void add(DataCategory c) { bits_ |= bit(c); }
  void remove(DataCategory c) { bits_ &= ~bit(c); }
  bool contains(DataCategory c) const { return (bits_ & bit(c)) != 0; }
  bool contains_all(Categories o) const { return (bits_ & o.bits_) == o.bits_; }
  bool empty() const { return bits_ == 0; }
  int size() const;
  uint32_t bits() const { return bits_; }
  std::vector<DataCategory> list() const;  // in enum order
  friend bool operator==(Categories a, Categories b) { return a.bits_ == b.bits_; }
  friend bool operator!=(Categories a, Categories b) { return a.bits_ != b.bits_; }

 private:
  explicit Categories(uint32_t bits) : bits_(bits) {}
  static uint32_t bit(DataCategory c) { return 1u << static_cast<int>(c); }
  uint32_t bits_ = 0;
};

// How the data travels. Recorded in the Offenlegungsprotokoll; the Austrian
// Mitteilung must be in writing (see child_protection.h).
enum class Channel {
  persoenlich,  // in person, spoken
  telefon,
  brief,  // letter / paper handed over
  fax,
  email,
  verschluesselte_datei,  // encrypted handover file (age)
};
const char* code(Channel c);
Str label(Channel c);
bool is_written(Channel c);  // brief, fax, email, verschluesselte_datei

// How identifiable the data is that leaves the app.
enum class DataForm { personenbezogen, pseudonymisiert, anonymisiert };
Str label(DataForm f);

//-----------------------------------------------------------------------------
// [SECTION] Agreements (Zustimmung) of Familie, Frühe Hilfen, KJH
//-----------------------------------------------------------------------------

// The explicit agreement of one party, with its date (seed 000 ch. 3 and 4).
struct Agreement {
  std::optional<Date> on;  // nullopt: not (yet) agreed
  std::string by;          // who agreed, e.g. "Frau A. (Mutter)", "Herr B. (KJH)"
  std::string note;
  bool given_by(Date today) const { return on.has_value() && *on <= today; }
};

enum class PartyOfThree { familie, fruehe_hilfen, kjh };
Str label(PartyOfThree p);

// How strongly a validator objects: blocking stops saving as valid/in force,
// a warning is shown but does not block.
enum class Severity { blocking, warning };

//-----------------------------------------------------------------------------
// [SECTION] Texts
//-----------------------------------------------------------------------------

// A text of the strings table with its one argument: rules return these, the
// UI renders them in the user's language (German or English).
struct Text {
  Str id = Str::err_internal;
  std::string arg;
  std::optional<Str> arg_label;     // if set, "{}" is this label in the same language (not `arg`)
  std::string in(Lang lang) const;  // "{}" replaced by arg
  std::string str() const { return in(language()); }
  friend bool operator==(const Text& a, const Text& b) {
    return a.id == b.id && a.arg == b.arg && a.arg_label == b.arg_label;
  }
};
std::string render(Str id, std::string_view arg, Lang lang);
inline Text labelled(Str id, Str arg_label) { return Text{id, {}, arg_label}; }
// Joins the texts, one per line.
std::string render_lines(const std::vector<Text>& lines, Lang lang);

}  // namespace bb::rules
