// The network directory, the domain side: Netzwerkpartner (category and type
// of seed 001's actor catalogue, the contact fields of seed 003 Anlage 1),
// their Angebote, the insoweit erfahrene Fachkräfte (seed 003 Anlage 2), and
// the fixed code lists the directory file and the statistics rely on. Plain
// values and validation, no SQL, no JSON: the file is src/exchange/
// directory_file.h, the store src/store/directory.h. Design: docs/directory.md.
//
// Index of this file:
// [SECTION] Code lists (categories, partner types, target groups, cost, access, needs)
// [SECTION] Entries (partner, offer, Fachkraft, the directory)
// [SECTION] Validation
// [SECTION] Comparison
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cases.h"
#include "core/i18n.h"

namespace bb::directory {

//-----------------------------------------------------------------------------
// [SECTION] Code lists
//-----------------------------------------------------------------------------

// The four core areas of a Frühe-Hilfen network (seed 001, section 2).
enum class Category { kinder_jugendhilfe, gesundheit, psychosozial, weitere };
const char* code(Category c);  // "kinder_jugendhilfe", "gesundheit", "psychosozial", "weitere"
std::optional<Category> category_from(std::string_view code);
Str label(Category c);

// A code of one of the fixed lists, with its label in the strings table.
struct CodeInfo {
  const char* code;
  Str label;
};

// Partner types, in catalogue order: seed 001's list in the app's own words,
// plus one "andere_*" per category. The category follows from the type.
struct PartnerType {
  const char* code;  // e.g. "hebamme", "schuldnerberatung"
  Category category;
  Str label;
};
const std::vector<PartnerType>& partner_types();
const PartnerType* partner_type(std::string_view code);  // nullptr: unknown

const std::vector<CodeInfo>& target_groups();  // "alle_familien", "muetter", ... (set per offer)
const std::vector<CodeInfo>& costs();          // "keine_angabe", "kostenlos", ... (one per offer)
const std::vector<CodeInfo>& access_ways();    // "offen", "termin", ... (set per offer)
const CodeInfo* find_code(const std::vector<CodeInfo>& list, std::string_view code);

// The needs (Bedarfe / topics) an offer answers and a referral is made for:
// the codes of the default "topic" catalogue of the case documentation
// (migration 2), so that an offer is found by the same need a Hausbesuch was
// about. Labels come from that catalogue in the store.
const std::vector<std::string>& need_codes();
bool is_need_code(std::string_view code);

constexpr int kMaxChildAgeMonths = 216;  // 18 years
constexpr size_t kMaxListItems = 32;     // languages, topics, target groups, access per entry
constexpr size_t kMaxLanguageChars = 60;
constexpr size_t kMaxIdChars = 64;
constexpr size_t kMaxDescription = 4000;
constexpr size_t kMaxNoteText = 1000;  // opening hours, access note, schedule

//-----------------------------------------------------------------------------
// [SECTION] Entries
//-----------------------------------------------------------------------------

// Every entry of the file has a stable id chosen by the Netzwerkkoordination
// (letters, digits, ".", "-", "_", ":"; at most 64): the key that recognises
// it in later versions of the directory. Entries added on the device have none.

struct Address {
  std::string street, postcode, town, district;  // district: Stadtteil / Bezirk
  bool empty() const { return street.empty() && postcode.empty() && town.empty() && district.empty(); }
};

struct Offer {
  std::string id;
  std::string title;                                  // what: "Babysprechstunde", "Elterncafé"
  std::string description;                            // what happens there, in a few sentences
  bool pregnancy = false;                             // also for pregnant women / expecting parents
  std::optional<int> age_from_months, age_to_months;  // age of the child; nullopt = no limit
  std::vector<std::string> target_groups;             // target_groups() codes
  std::vector<std::string> topics;                    // need_codes()
  std::string cost = "keine_angabe";                  // costs() code
  std::string cost_note;                              // "5 € pro Treffen"
  std::vector<std::string> access;                    // access_ways() codes
  std::string access_note;                            // "Anmeldung bei Frau Berger"
  std::vector<std::string> languages;                 // "Deutsch", "Türkisch"
  std::string schedule;                               // "dienstags 9–11 Uhr"
  Address location;                                   // where, if not at the partner's address
};

struct Partner {
  std::string id;
  std::string name;  // Einrichtung / Dienst / Fachstelle
  std::string type;  // partner_types() code; the category follows from it
  Address address;
  std::string opening_hours;
  std::vector<std::string> languages;
  std::string contact_person, contact_function;  // Ansprechpartner/in and Funktion (Anlage 1)
  std::string phone, fax, email, website;
  bool cooperation_signed = false;    // signed the network's Kooperationsvereinbarung
  std::string cooperation_signed_on;  // its date, "" = not known
  std::string age_key;                // public key "age1..." for encrypted handovers, "" = none
  std::vector<Offer> offers;
  Category category() const;  // from the type (weitere if unknown)
};

// An insoweit erfahrene Fachkraft (seed 003 Anlage 2: § 4 Abs. 2 KKG for
// Berufsgeheimnisträger, § 8b SGB VIII for other professions).
struct Fachkraft {
  std::string id;
  std::string name;
  std::string organisation;
  Address address;
  std::string phone, fax, email;
  std::vector<std::string> languages;
  std::string note;  // "Schwerpunkt Säuglinge und Kleinkinder"
};

// The whole directory as the Netzwerkkoordination publishes it (no family data).
struct Directory {
  int version = 1;        // file format version
  std::string stand;      // "Stand" date of the list, "YYYY-MM-DD"
  std::string network;    // "Netzwerk Frühe Hilfen Musterstadt"
  std::string publisher;  // the coordination office
  std::string publisher_phone, publisher_email;
  std::vector<Partner> partners;
  std::vector<Fachkraft> fachkraefte;
  size_t offer_count() const;
};

//-----------------------------------------------------------------------------
// [SECTION] Validation
//-----------------------------------------------------------------------------

// All problems of an entry, each with its field ("email", "languages",
// "topics", "age_from_months", ...). `need_id`: entries of a file must carry
// an id; entries edited on the device may not. Offers are checked separately
// (validate_partner does not descend into them). The age key is checked for
// its shape only ("age1" + 58 bech32 characters); the store and the file
// reader also decode it (crypto).
cases::ValidationErrors validate_partner(const Partner& p, bool need_id);
cases::ValidationErrors validate_offer(const Offer& o, bool need_id);
cases::ValidationErrors validate_fachkraft(const Fachkraft& f, bool need_id);
bool valid_id(std::string_view id);

//-----------------------------------------------------------------------------
// [SECTION] Comparison
//-----------------------------------------------------------------------------

// The fields (JSON keys of the file, e.g. "phone", "address.town") in which
// two versions of an entry differ; ids and a partner's offers are not compared.
std::vector<std::string> changed_fields(const Partner& a, const Partner& b);
std::vector<std::string> changed_fields(const Offer& a, const Offer& b);
std::vector<std::string> changed_fields(const Fachkraft& a, const Fachkraft& b);

// A canonical text of the entry's fields (the same fields changed_fields
// compares): equal texts = equal entries. The store keeps a hash of it as the
// "base" of a locally edited entry.
std::string canonical(const Partner& p);
std::string canonical(const Offer& o);
std::string canonical(const Fachkraft& f);

}  // namespace bb::directory
