// THE decision point for personal data leaving the app (issue 7, item 2).
//
// Every path that lets personal data leave the app — referral,
// Informationsrückfluss, handover to the KJH, export, consultation summary,
// Mitteilung — asks decide_disclosure() whether this recipient may receive
// these categories for this purpose today, and records what it sends with
// make_log_entry() in the Offenlegungsprotokoll.
//
// The rule (DOMAIN.md "Disclosure", seed 003 §6): nothing is allowed without
//   - an active consent of a person who may consent for the family, matching
//     purpose, recipient and category, or
//   - a recorded legal basis (AT § 37 B-KJHG Mitteilung: gesetzliche Pflicht;
//     DE § 4 Abs. 3 KKG: gesetzliche Befugnis) that names exactly that
//     recipient and documents that content, for the jurisdiction set, or
//   - anonymised data (supervision, Fachberatung, case consultation across
//     institutions, anonymous figures) or pseudonymised data (Fachberatung
//     and supervision only).
// One decision uses one kind of basis; categories covered only by another
// kind are refused with a reason and need their own disclosure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/consent.h"
#include "core/result.h"
#include "core/rules_common.h"

namespace bb::rules {

//-----------------------------------------------------------------------------
// Bases and legal norms
//-----------------------------------------------------------------------------

enum class BasisKind {
  keine,
  einwilligung,
  gesetzliche_pflicht,   // AT § 37 B-KJHG
  gesetzliche_befugnis,  // DE § 4 Abs. 3 KKG (a power, never a duty)
  anonymisiert,
  pseudonymisiert,
};
const char* code(BasisKind b);
Str label(BasisKind b);

enum class LegalNorm {
  at_b_kjhg_37,                // AT: Mitteilung an den KJH-Träger — a duty
  de_kkg_4_3,                  // DE: Berufsgeheimnisträger may inform the Jugendamt — a power
  de_befugnis_arbeitsbereich,  // DE, other professions: a power under the law of their field
                               // (seed 003 §5.3); the citation must be recorded
};
const char* code(LegalNorm n);
Str label(LegalNorm n);
BasisKind basis_of(LegalNorm n);  // Pflicht for AT § 37, Befugnis for the others
Jurisdiction jurisdiction_of(LegalNorm n);

// A recorded statutory basis for passing data to one recipient. Built from a
// Mitteilung (child_protection.h: legal_basis_of) so that it covers exactly
// the Mitteilung's recipient and documented content.
struct LegalBasisRecord {
  EntryId id = 0;
  LegalNorm norm = LegalNorm::at_b_kjhg_37;
  Recipient recipient;  // must name the partner (the locally responsible KJH)
  Purpose purpose = Purpose::mitteilung_kjh;
  Categories content;                 // what the Mitteilung documents
  Date on;                            // covers from this day
  std::string citation;               // required for de_befugnis_arbeitsbereich
  std::optional<EntryId> mitteilung;  // the Mitteilung it comes from
};

// "Ein Einverständnis … wird auch dann angestrebt, wenn … eine
// Übermittlungsbefugnis besteht" (seed 003 §6): where a legal basis is used,
// the app records whether consent was sought and with what result.
enum class ConsentSought {
  nicht_erfasst,          // not answered yet
  angestrebt_erteilt,     // sought and given
  angestrebt_verweigert,  // sought and refused
  nicht_angestrebt,       // not sought: a reason is required
};
Str label(ConsentSought s);
struct ConsentSoughtRecord {
  ConsentSought result = ConsentSought::nicht_erfasst;
  std::optional<Date> on;
  std::string reason_not_sought;  // required for nicht_angestrebt
};
// Empty if complete; else what is missing.
std::optional<Text> consent_sought_problem(const ConsentSoughtRecord& r);

//-----------------------------------------------------------------------------
// Request, facts, decision
//-----------------------------------------------------------------------------

struct DisclosureRequest {
  FamilyId family = 0;
  Recipient recipient;
  Purpose purpose = Purpose::austausch;
  Categories categories;
  Channel channel = Channel::verschluesselte_datei;
  DataForm form = DataForm::personenbezogen;
};

// What is recorded about the family that can allow a disclosure.
struct CaseFacts {
  FamilyId family = 0;
  std::vector<PersonId> may_consent;  // the family's parents and caregivers
  std::vector<Consent> consents;
  std::vector<LegalBasisRecord> legal_bases;
};

enum class Refusal {
  keine,                // allowed
  andere_familie,       // the facts are not about the requested family
  zweck_dokumentation,  // documentation is no disclosure
  zweck_passt_nicht_zum_empfaenger,
  keine_grundlage,                 // no consent, no legal basis
  einwilligung_widerrufen,         // arg: date of the Widerruf
  einwilligung_abgelaufen,         // arg: valid_until
  einwilligung_noch_nicht,         // arg: given_on
  einwilligung_unvollstaendig,     // e.g. oral without witness
  einwilligung_person,             // given by someone who may not consent for this family
  nicht_im_dokumentierten_inhalt,  // the legal basis does not document this category
  grundlage_andere_jurisdiktion,   // arg: the norm
  grundlage_ohne_zitat,
  grundlage_ohne_empfaenger,  // the record names no specific recipient
  grundlage_noch_nicht,       // arg: date of the record
  stammdaten_nicht_anonym,    // anonymised/pseudonymised data carry no Stammdaten
  pseudonym_nur_fachkraft_supervision,
  anonym_nicht_fuer_zweck,
  andere_grundlage_gesondert,  // covered by another kind of basis: disclose separately; arg: basis
};
Str text(Refusal r);

struct CategoryVerdict {
  DataCategory category = DataCategory::stammdaten;
  bool allowed = false;
  Refusal reason = Refusal::keine;
  std::string reason_arg;               // a date, if the reason names one
  std::optional<Str> reason_arg_label;  // a label (norm, basis), if the reason names one
  std::optional<EntryId> source;        // the consent or legal-basis record used
  Text reason_text() const { return Text{text(reason), reason_arg, reason_arg_label}; }
};

struct DisclosureDecision {
  DisclosureRequest request;  // what was asked (kept for the protocol entry)
  Date decided_on;
  Jurisdiction jurisdiction = Jurisdiction::deutschland;
  bool allowed = false;
  BasisKind basis = BasisKind::keine;
  std::optional<LegalNorm> norm;     // for Pflicht/Befugnis
  std::vector<EntryId> consent_ids;  // for Einwilligung
  std::optional<EntryId> legal_basis_id;
  Categories allowed_categories, refused_categories;
  std::vector<CategoryVerdict> verdicts;  // one per requested category, in enum order
  // Where a legal basis is used, the app still asks whether consent was
  // sought and with what result (seed 003 §6).
  bool consent_still_sought_required = false;
  Text summary;             // one sentence: allowed on which basis / refused
  std::vector<Text> notes;  // legal reference and wording per jurisdiction, prompts
};

DisclosureDecision decide_disclosure(const DisclosureRequest& request, const CaseFacts& facts, Date today,
                                     Jurisdiction jurisdiction);

// The whole explanation: summary, notes, then one line per category.
std::string explain(const DisclosureDecision& d, Lang lang);

// Which recipient kinds fit a purpose (e.g. a Mitteilung goes to the KJH).
bool purpose_fits_recipient(Purpose p, RecipientKind k);

//-----------------------------------------------------------------------------
// Offenlegungsprotokoll
//-----------------------------------------------------------------------------

// One line of the Offenlegungsprotokoll: who received what, when, on which
// basis. Shown and printed for the family.
struct DisclosureLogEntry {
  FamilyId family = 0;
  Date on;
  Recipient recipient;
  Purpose purpose = Purpose::austausch;
  Categories categories;  // only what was allowed
  Channel channel = Channel::verschluesselte_datei;
  DataForm form = DataForm::personenbezogen;
  BasisKind basis = BasisKind::keine;
  std::optional<LegalNorm> norm;
  std::vector<EntryId> consent_ids;
  std::optional<EntryId> legal_basis_id;
  std::optional<ConsentSoughtRecord> consent_sought;  // where a legal basis was used
  std::string by;                                     // the companion who passed the data on
  std::string note;
};

// Builds the entry for an allowed decision. Refused: the decision is not
// allowed; where a legal basis was used and `consent_sought` is missing or
// incomplete (the app must ask first).
Result<DisclosureLogEntry> make_log_entry(const DisclosureDecision& d,
                                          const std::optional<ConsentSoughtRecord>& consent_sought,
                                          std::string by, std::string note = {});

// "03.03.2026 – Jugendamt Graz-Ost (Kinder- und Jugendhilfe): Stammdaten,
// Kinderschutz-Einträge – Zweck … – Grundlage … – Weg …"
std::string describe(const DisclosureLogEntry& e, Lang lang);

}  // namespace bb::rules
