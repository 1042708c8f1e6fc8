// The fallbezogene Kooperationsvereinbarung (seed 000 ch. 4): every item the
// seed lists "insbesondere", a validator and the coordination reminder.
// Issue 7, item 4. Blocking: the three agreements (Familie, Frühe Hilfen,
// KJH), Fallführung = KJH, the voluntary status of the Begleitung. Every other
// missing item is a warning. Sources: docs/rules.md (coop-*).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/rules_common.h"

namespace bb::rules {

// Who is responsible for a topic (seed 000 ch. 4 "Zuständigkeiten und Ziele").
enum class Responsible { familie, fruehe_hilfen, kjh, andere };
Str label(Responsible r);

struct TopicResponsibility {
  std::string topic;  // e.g. "Schlaf und Schreien", "Wohnsituation"
  Responsible who = Responsible::fruehe_hilfen;
  std::string person;  // optional: who exactly
};

// Who leads the case. The seed allows only the KJH ("ausnahmslos"); the
// type keeps the value so that imported or corrupted data is caught.
enum class CaseLead { kjh, fruehe_hilfen, andere };

struct CooperationAgreement {
  EntryId id = 0;
  int version = 1;
  Date drafted_on;

  // Rolle, Auftrag und Aufgabe: Frühe Hilfen only as a voluntary service,
  // outside the binding Hilfeplan, the family is its Auftraggeberin; the
  // Hilfeplan services are mandatory, the KJH is their Auftraggeberin.
  bool fh_voluntary_outside_plan = false;  // BLOCKING
  bool family_is_client = false;           // "die Familie ist Auftraggeberin"
  std::string fh_role;                     // role, mandate, task of Frühe Hilfen
  std::string kjh_role;                    // role, mandate, task of the KJH (mandatory services)

  // Fallführung
  CaseLead fallfuehrung = CaseLead::kjh;  // BLOCKING unless kjh
  std::string fallfuehrung_name;          // the KJH social worker

  // Zuständigkeiten und Ziele
  std::vector<std::string> goals_familie, goals_kjh, goals_fh;
  std::vector<TopicResponsibility> responsibilities;

  // Kompetenzen
  std::string companion_core_profession;  // Kernberuf: Hebamme, Psychologie, Sozialarbeit, …
  std::string competences_fh;
  std::string competences_kjh;

  // Kommunikation und Berichtspflichten
  bool exchange_only_with_consent = false;  // regular exchange with everyone's consent
  bool no_reporting_duty_stated = false;    // no formal reporting duty of FH to the KJH
  std::string communication;                // how, who, how often

  // Laufende Kooperation / Abstimmung
  std::optional<int> coordination_interval_days;
  std::vector<std::string> anlassfaelle;  // occasions for short-notice coordination
  std::optional<Date> last_coordination_on;

  // Agreement of the three, each with date (BLOCKING)
  Agreement familie, fruehe_hilfen, kjh;
};

enum class AgreementItem {
  zustimmung_familie,
  zustimmung_fruehe_hilfen,
  zustimmung_kjh,
  fallfuehrung_kjh,
  freiwilligkeit,
  familie_auftraggeberin,
  rolle_fh,
  rolle_kjh,
  fallfuehrung_name,
  ziele_familie,
  ziele_kjh,
  ziele_fh,
  zustaendigkeiten,
  kernberuf,
  kompetenzen_fh,
  kompetenzen_kjh,
  austausch_mit_einverstaendnis,
  keine_berichtspflicht,
  kommunikation,
  abstimmungsintervall,
  anlassfaelle,
};

struct AgreementIssue {
  AgreementItem item = AgreementItem::zustimmung_familie;
  Severity severity = Severity::warning;
  Text text;
};

// All missing items, blocking ones first (in the order of AgreementItem).
std::vector<AgreementIssue> validate_agreement(const CooperationAgreement& a, Date today);
bool blocks(const std::vector<AgreementIssue>& issues);

// A new version to edit: version + 1, dated `on`, the three agreements
// cleared — changed content needs everyone's agreement again [our decision].
CooperationAgreement revise(const CooperationAgreement& a, Date on);

// The next coordination date: the last coordination (or, before the first,
// the day the agreement was in force) plus the interval; nullopt without an
// interval or before the agreement is in force.
std::optional<Date> next_coordination_due(const CooperationAgreement& a);
bool coordination_due(const CooperationAgreement& a, Date today);

// The day all three agreed (the latest of the three dates), if they did.
std::optional<Date> in_force_since(const CooperationAgreement& a);

}  // namespace bb::rules
