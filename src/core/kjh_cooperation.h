// KJH involvement and the rules of seed 000 (NZFH.at Positionspapier 4, ch. 3)
// for a family in Begleitung: issue 7, item 3.
//
// KJH involvement is recorded per child or per Hilfeplan, several at once:
// keine / freiwillige Leistung / Abklärung / verbindlicher Hilfeplan.
//   - Voluntary KJH services: cooperation is the rule; nothing to decide.
//   - By default Frühe Hilfen do not accompany a family with a binding
//     Hilfeplan; the exceptions (a)–(d) below, each recorded as such.
//   - An exception is valid only with the Rücksprache of the Fachliche Leitung
//     (who, when, Intervision yes/no, approved [our decision]) and the explicit
//     agreement of Familie, Frühe Hilfen and KJH, each with a date.
//   - Fallführung lies with the KJH, always: there is no field to set it
//     otherwise, only the name of the KJH social worker.
// assess_kjh() derives the state of the Begleitung; missing_requirements()
// says exactly what an exception still lacks. Sources: docs/rules.md (kjh-*).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/rules_common.h"

namespace bb::rules {

enum class KjhKind { keine, freiwillige_leistung, abklaerung, verbindlicher_hilfeplan };
const char* code(KjhKind k);
Str label(KjhKind k);

enum class AbklaerungErgebnis { offen, kein_hilfebedarf, freiwillige_leistung, verbindlicher_hilfeplan };
Str label(AbklaerungErgebnis e);

struct KjhInvolvement {
  EntryId id = 0;
  std::optional<PersonId> child;  // per child …
  std::string hilfeplan;          // … or per Hilfeplan (its reference)
  KjhKind kind = KjhKind::keine;
  Date from;
  std::optional<Date> ended_on;                             // not active on or after this day
  AbklaerungErgebnis ergebnis = AbklaerungErgebnis::offen;  // for an Abklärung that ended
  std::string fallfuehrung;                                 // the KJH social worker who leads the case
  std::optional<PartnerId> kjh_office;
  std::string note;
};
bool involvement_active_at(const KjhInvolvement& i, Date day);

enum class ExceptionKind {
  a_fortfuehrung_abklaerung,  // continuing during the Abklärung
  b_bleiben_statt_gehen,      // continuing a well-established Begleitung
  c_schwangerschaft,          // a new pregnancy, KJH works about children already born
  d_einzelfall,               // another justified single case
};
const char* code(ExceptionKind k);
Str label(ExceptionKind k);

struct LeitungRuecksprache {
  std::string who;  // the Fachliche Leitung consulted
  std::optional<Date> on;
  bool intervision = false;  // discussed in the team
  bool approved = false;     // the Leitung approves formally [our decision], also for (a)
  std::string note;
};

struct CooperationException {
  EntryId id = 0;
  ExceptionKind kind = ExceptionKind::d_einzelfall;
  Date decided_on;
  LeitungRuecksprache ruecksprache;
  Agreement familie, fruehe_hilfen, kjh;  // each explicitly, with date
  // (b): a transition end date, or unbefristet — exactly one; and recorded
  // explicitly as a complementary, voluntary service outside the Hilfeplan.
  std::optional<Date> transition_end;
  bool unbefristet = false;
  bool ergaenzend_freiwillig = false;
  // (c): the expected child of the pregnancy accompanied.
  std::optional<PersonId> expected_child;
  // (d): why this single case justifies the exception.
  std::string begruendung;
  // Optional for all: how the two risks the seed names were weighed
  // (voluntariness fading; overload through too many institutions).
  std::string risks_weighed;
  std::optional<Date> ended_on;  // ended explicitly
};

struct Pregnancy {
  PersonId expected_child = 0;
  std::optional<Date> born_on;  // the birth, once it happened
};

// What is recorded about one family.
struct KjhFacts {
  bool in_begleitung = true;  // status Erstkontakt or laufende Begleitung
  std::vector<KjhInvolvement> involvements;
  std::vector<CooperationException> exceptions;
  std::vector<Pregnancy> pregnancies;
};

// One requirement an exception still lacks.
enum class Missing {
  leitung_wer,       // who of the Fachliche Leitung was consulted
  leitung_datum,     // when
  leitung_freigabe,  // the Leitung's approval [our decision]
  zustimmung_familie,
  zustimmung_fruehe_hilfen,
  zustimmung_kjh,
  fallfuehrung_name,        // the KJH social worker leading the case
  a_keine_abklaerung,       // (a) needs an Abklärung on the day of the decision
  b_ende_oder_unbefristet,  // (b) transition end date or unbefristet (exactly one)
  b_ergaenzend_freiwillig,  // (b) recorded as complementary voluntary service outside the Hilfeplan
  c_keine_schwangerschaft,  // (c) needs a pregnancy not yet ended by birth on the day of the decision
  d_begruendung,            // (d) the reason
};
struct MissingItem {
  Missing what = Missing::leitung_wer;
  Text text;
};
Str text(Missing m);

// Exactly which requirements of `e` are not met on `today` (empty: complete).
std::vector<MissingItem> missing_requirements(const CooperationException& e, const KjhFacts& facts,
                                              Date today);

// Why an exception that was valid no longer carries the Begleitung.
enum class Lapse {
  beendet,                 // ended explicitly
  a_hilfeplan_folgt,       // (a) ends: a binding Hilfeplan followed → decide under (b) or (d)
  a_abklaerung_beendet,    // (a) ends: the Abklärung is over (kein Hilfebedarf → normal Begleitung)
  b_uebergang_abgelaufen,  // (b) the transition period is over
  c_geburt,                // (c) the child is born → decide under (b) or (d) [our reading]
  neuer_hilfeplan,         // a binding Hilfeplan began after the decision [our decision]
};
struct LapsedException {
  EntryId exception = 0;
  ExceptionKind kind = ExceptionKind::d_einzelfall;
  Lapse why = Lapse::beendet;
  Text text;
};

enum class BegleitungState {
  normal,               // no KJH involvement that needs a decision
  ausnahme_gueltig,     // continued under a valid exception
  entscheidung_noetig,  // a decision is needed (binding Hilfeplan or Abklärung)
};
Str label(BegleitungState s);

struct KjhAssessment {
  BegleitungState state = BegleitungState::normal;
  std::optional<EntryId> exception;  // the exception in force
  std::optional<ExceptionKind> exception_kind;
  std::vector<ExceptionKind> options;     // what can be decided now
  std::optional<EntryId> pending;         // an exception recorded but not (yet) valid
  std::vector<MissingItem> missing;       // what `pending` lacks
  std::vector<LapsedException> lapsed;    // exceptions that ended by the rules
  std::vector<Text> explanation;          // what seed 000 requires, in plain German
  std::vector<std::string> fallfuehrung;  // the KJH social workers leading (Fallführung: KJH)
  Text fallfuehrung_text;                 // shown, never editable
};

KjhAssessment assess_kjh(const KjhFacts& facts, Date today);

}  // namespace bb::rules
