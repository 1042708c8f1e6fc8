// Kinderschutz by jurisdiction (issue 7, item 5): gewichtige Anhaltspunkte,
// support offered, consultation of an insoweit erfahrene Fachkraft (legal
// basis by the companion's core profession), the Mitteilung to the KJH
// (Österreich: a duty, § 37 B-KJHG; Deutschland: a power, § 4 Abs. 3 KKG —
// never worded as a duty there), whether the family was informed, the local
// procedure as a checklist, and append-only semantics for all these entries.
// Sources: seed 000 ch. 2, seed 003 §5.3 and §6, DOMAIN.md; docs/rules.md (cp-*).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/disclosure.h"
#include "core/result.h"
#include "core/rules_common.h"

namespace bb::rules {

//-----------------------------------------------------------------------------
// Append-only entries
//-----------------------------------------------------------------------------

// Every child-protection entry carries this. Entries are never changed or
// deleted; a correction is a new entry whose `corrects` names the entry it
// replaces (the latest version of a chain).
struct EntryMeta {
  EntryId id = 0;
  std::optional<EntryId> corrects;
  Date recorded_on;
  std::string recorded_by;
};

// May `next` be appended to `existing` (all entries of the same kind)? The id
// must be new; a correction must name an existing entry that is not already
// corrected, and not be recorded before it.
Status validate_append(const std::vector<EntryMeta>& existing, const EntryMeta& next);
// Changing or deleting a stored entry is never allowed: always an error that
// tells the user to record a correction instead.
Status validate_change(const EntryMeta& stored);
// The ids of the entries not superseded by a correction.
std::vector<EntryId> current_ids(const std::vector<EntryMeta>& all);
// The chain of versions that ends in (or passes through) `id`, oldest first.
std::vector<EntryId> history_of(const std::vector<EntryMeta>& all, EntryId id);

template <class T>
std::vector<EntryMeta> metas(const std::vector<T>& entries) {
  std::vector<EntryMeta> out;
  for (const auto& e : entries) out.push_back(e.meta);
  return out;
}
template <class T>
std::vector<const T*> current(const std::vector<T>& entries) {
  const auto ids = current_ids(metas(entries));
  std::vector<const T*> out;
  for (const auto& e : entries)
    for (auto id : ids)
      if (e.meta.id == id) out.push_back(&e);
  return out;
}

//-----------------------------------------------------------------------------
// Professions and the basis of a consultation
//-----------------------------------------------------------------------------

// The companion's core profession, as far as the German law distinguishes
// it. § 4 Abs. 1 KKG names the Berufsgeheimnisträger (Nr. 1–7); everyone else
// who works with children has the right under § 8b Abs. 1 SGB VIII. See
// docs/rules.md "Professions" for the mapping and its reasons.
enum class Profession {
  hebamme,              // Hebamme / Entbindungspfleger, incl. Familienhebamme — § 4 Abs. 1 Nr. 1
  kinderkrankenpflege,  // Gesundheits- und (Kinder-)Krankenpflege, FGKiKP — Nr. 1 (Heilberuf)
  aerztin,              // Ärztin / Arzt — Nr. 1
  therapie_heilberuf,   // Physio-, Ergotherapie, Logopädie (state-regulated training) — Nr. 1
  psychologie,          // Berufspsychologin with staatlich anerkannter wiss. Abschlussprüfung — Nr. 2
  beratung,             // Ehe-, Familien-, Erziehungs- oder Jugendberatung — Nr. 3
  sozialarbeit,         // staatlich anerkannte Sozialarbeit / Sozialpädagogik — Nr. 6
  paedagogik,           // Erzieherin, Kindheits-/Pädagogik — § 8b SGB VIII
  heilpaedagogik,       // Heilpädagogik / Frühförderung without a Heilberuf — § 8b SGB VIII
  sonstige,             // other professions — § 8b SGB VIII
};
constexpr int kProfessionCount = 10;
const char* code(Profession p);
Str label(Profession p);
std::optional<Profession> profession_from(std::string_view code);
bool is_berufsgeheimnistraeger(Profession p);  // § 4 Abs. 1 KKG

enum class ConsultationBasis {
  de_kkg_4_2,       // Berufsgeheimnisträger: § 4 Abs. 2 KKG (data pseudonymised before transfer)
  de_sgb_viii_8b,   // other professions: § 8b Abs. 1 SGB VIII
  at_fachberatung,  // Österreich: Rücksprache with the Fachliche Leitung / Intervision (seed 000)
  unbestimmt,       // DE, profession not recorded: cannot tell
};
Str label(ConsultationBasis b);
ConsultationBasis consultation_basis(Jurisdiction j, std::optional<Profession> profession);
// What the companion reads about it (right, data form, reference).
std::vector<Text> consultation_guidance(Jurisdiction j, std::optional<Profession> profession);

//-----------------------------------------------------------------------------
// Entries
//-----------------------------------------------------------------------------

struct Anhaltspunkt {  // gewichtige Anhaltspunkte (DE) / Wahrnehmungen (AT)
  EntryMeta meta;
  std::optional<PersonId> child;
  std::string what;
  Date observed_on;
  std::string observed_by;
};

enum class SupportOutcome { angeboten, angenommen, abgelehnt, in_anspruch_genommen };
Str label(SupportOutcome o);
struct SupportOffer {  // means of support offered or used (seed 003 §5.3)
  EntryMeta meta;
  std::string what;
  std::optional<PartnerId> partner;
  Date offered_on;
  SupportOutcome outcome = SupportOutcome::angeboten;
  std::string note;
};

struct Consultation {  // Fachberatung (insoweit erfahrene Fachkraft) / Rücksprache
  EntryMeta meta;
  Date on;
  std::string fachkraft;
  std::optional<PartnerId> fachkraft_partner;
  DataForm form = DataForm::pseudonymisiert;  // never personenbezogen
  ConsultationBasis basis = ConsultationBasis::unbestimmt;
  std::string result;
};

struct FamilyInformed {
  enum class State { offen, informiert, nicht_informiert };
  State state = State::offen;
  std::optional<Date> on;  // when informed
  std::string reason_not;  // why not (required for nicht_informiert)
};

struct Mitteilung {
  EntryMeta meta;
  Date on;
  Recipient recipient;  // the locally responsible KJH (kind kjh, partner id)
  Channel channel = Channel::brief;
  LegalNorm norm = LegalNorm::at_b_kjhg_37;
  std::string citation;  // for de_befugnis_arbeitsbereich: the provision relied on
  std::optional<PersonId> child;
  std::string suspicion;  // the concrete suspicion (AT) / the gewichtige Anhaltspunkte (DE)
  std::string reasons;    // its reasons
  Categories content;     // what the Mitteilung documents: the only data it may carry
  std::string content_text;
  FamilyInformed informed;
  ConsentSoughtRecord consent_sought;
};

// The norm a new Mitteilung gets: AT § 37 B-KJHG; DE § 4 Abs. 3 KKG for
// Berufsgeheimnisträger, else a power under the law of the field (citation
// to be recorded); nullopt in DE when the profession is not recorded.
std::optional<LegalNorm> default_mitteilung_norm(Jurisdiction j, std::optional<Profession> profession);

enum class MitteilungIssue {
  empfaenger_nicht_kjh,
  empfaenger_unbestimmt,
  norm_andere_jurisdiktion,
  zitat_fehlt,
  inhalt_leer,
  inhalt_alles,          // warning: the whole file is never sent
  at_nicht_schriftlich,  // AT: in writing
  at_verdacht_fehlt,     // AT: the concrete suspicion
  gruende_fehlen,        // AT blocking, DE warning
  datum_zukunft,
  familie_offen,  // warning: record whether the family was informed
  familie_datum_fehlt,
  familie_grund_fehlt,
  einwilligung_angestrebt_offen,  // warning
};
struct MitteilungProblem {
  MitteilungIssue what = MitteilungIssue::inhalt_leer;
  Severity severity = Severity::blocking;
  Text text;
};
std::vector<MitteilungProblem> validate_mitteilung(const Mitteilung& m, Jurisdiction j, Date today);

// The legal basis a Mitteilung gives: exactly its recipient, purpose
// Mitteilung, and its documented content, from its date.
LegalBasisRecord legal_basis_of(const Mitteilung& m);
// The bases of all current (not superseded) Mitteilungen.
std::vector<LegalBasisRecord> legal_bases_of(const std::vector<Mitteilung>& all);

// What the companion reads before a Mitteilung, by jurisdiction: AT the duty
// (§ 37 B-KJHG); DE the power (§ 4 Abs. 3 KKG), never worded as a duty.
std::vector<Text> mitteilung_guidance(Jurisdiction j);

//-----------------------------------------------------------------------------
// The local procedure (Verfahrensablauf) as a checklist
//-----------------------------------------------------------------------------

struct ProcedureStep {
  std::string key;
  std::string label;           // the network's own wording (used if builtin unset)
  std::optional<Str> builtin;  // a default step's text
  bool required = true;
  std::string text(Lang lang) const;
};
// A starting point per jurisdiction; each network edits its own steps.
std::vector<ProcedureStep> default_procedure(Jurisdiction j);

struct StepDone {
  std::string key;
  Date on;
  std::string by;
  std::string note;
};
struct ChecklistLine {
  ProcedureStep step;
  std::optional<StepDone> done;  // the latest record of this step
};
std::vector<ChecklistLine> checklist(const std::vector<ProcedureStep>& steps,
                                     const std::vector<StepDone>& done);
bool checklist_complete(const std::vector<ChecklistLine>& lines);  // every required step done

}  // namespace bb::rules
