#include "core/cooperation_agreement.h"

#include <algorithm>

namespace bb::rules {

Str label(Responsible r) {
  switch (r) {
    case Responsible::familie:
      return Str::rules_party_familie;
    case Responsible::fruehe_hilfen:
      return Str::rules_party_fruehe_hilfen;
    case Responsible::kjh:
      return Str::rules_party_kjh;
    case Responsible::andere:
      return Str::rules_party_andere;
  }
  return Str::err_internal;
}

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }
bool none(const std::vector<std::string>& v) {
  return std::all_of(v.begin(), v.end(), [](const std::string& s) { return blank(s); });
}

Str text(AgreementItem i) {
  switch (i) {
    case AgreementItem::zustimmung_familie:
      return Str::rules_coop_zustimmung_familie;
    case AgreementItem::zustimmung_fruehe_hilfen:
      return Str::rules_coop_zustimmung_fh;
    case AgreementItem::zustimmung_kjh:
      return Str::rules_coop_zustimmung_kjh;
    case AgreementItem::fallfuehrung_kjh:
      return Str::rules_coop_fallfuehrung_kjh;
    case AgreementItem::freiwilligkeit:
      return Str::rules_coop_freiwilligkeit;
    case AgreementItem::familie_auftraggeberin:
      return Str::rules_coop_auftraggeberin;
    case AgreementItem::rolle_fh:
      return Str::rules_coop_rolle_fh;
    case AgreementItem::rolle_kjh:
      return Str::rules_coop_rolle_kjh;
    case AgreementItem::fallfuehrung_name:
      return Str::rules_coop_fallfuehrung_name;
    case AgreementItem::ziele_familie:
      return Str::rules_coop_ziele_familie;
    case AgreementItem::ziele_kjh:
      return Str::rules_coop_ziele_kjh;
    case AgreementItem::ziele_fh:
      return Str::rules_coop_ziele_fh;
    case AgreementItem::zustaendigkeiten:
      return Str::rules_coop_zustaendigkeiten;
    case AgreementItem::kernberuf:
      return Str::rules_coop_kernberuf;
    case AgreementItem::kompetenzen_fh:
      return Str::rules_coop_kompetenzen_fh;
    case AgreementItem::kompetenzen_kjh:
      return Str::rules_coop_kompetenzen_kjh;
    case AgreementItem::austausch_mit_einverstaendnis:
      return Str::rules_coop_austausch;
    case AgreementItem::keine_berichtspflicht:
      return Str::rules_coop_keine_berichtspflicht;
    case AgreementItem::kommunikation:
      return Str::rules_coop_kommunikation;
    case AgreementItem::abstimmungsintervall:
      return Str::rules_coop_intervall;
    case AgreementItem::anlassfaelle:
      return Str::rules_coop_anlassfaelle;
  }
  return Str::err_internal;
}

}  // namespace

std::vector<AgreementIssue> validate_agreement(const CooperationAgreement& a, Date today) {
  std::vector<AgreementIssue> out;
  auto add = [&](AgreementItem item, Severity s) { out.push_back({item, s, Text{text(item), {}, {}}}); };
  // Blocking
  if (!a.familie.given_by(today)) add(AgreementItem::zustimmung_familie, Severity::blocking);
  if (!a.fruehe_hilfen.given_by(today)) add(AgreementItem::zustimmung_fruehe_hilfen, Severity::blocking);
  if (!a.kjh.given_by(today)) add(AgreementItem::zustimmung_kjh, Severity::blocking);
  if (a.fallfuehrung != CaseLead::kjh) add(AgreementItem::fallfuehrung_kjh, Severity::blocking);
  if (!a.fh_voluntary_outside_plan) add(AgreementItem::freiwilligkeit, Severity::blocking);
  // Warnings
  if (!a.family_is_client) add(AgreementItem::familie_auftraggeberin, Severity::warning);
  if (blank(a.fh_role)) add(AgreementItem::rolle_fh, Severity::warning);
  if (blank(a.kjh_role)) add(AgreementItem::rolle_kjh, Severity::warning);
  if (blank(a.fallfuehrung_name)) add(AgreementItem::fallfuehrung_name, Severity::warning);
  if (none(a.goals_familie)) add(AgreementItem::ziele_familie, Severity::warning);
  if (none(a.goals_kjh)) add(AgreementItem::ziele_kjh, Severity::warning);
  if (none(a.goals_fh)) add(AgreementItem::ziele_fh, Severity::warning);
  if (std::all_of(a.responsibilities.begin(), a.responsibilities.end(),
                  [](const TopicResponsibility& t) { return blank(t.topic); }))
    add(AgreementItem::zustaendigkeiten, Severity::warning);
  if (blank(a.companion_core_profession)) add(AgreementItem::kernberuf, Severity::warning);
  if (blank(a.competences_fh)) add(AgreementItem::kompetenzen_fh, Severity::warning);
  if (blank(a.competences_kjh)) add(AgreementItem::kompetenzen_kjh, Severity::warning);
  if (!a.exchange_only_with_consent) add(AgreementItem::austausch_mit_einverstaendnis, Severity::warning);
  if (!a.no_reporting_duty_stated) add(AgreementItem::keine_berichtspflicht, Severity::warning);
  if (blank(a.communication)) add(AgreementItem::kommunikation, Severity::warning);
  if (!a.coordination_interval_days || *a.coordination_interval_days <= 0)
    add(AgreementItem::abstimmungsintervall, Severity::warning);
  if (none(a.anlassfaelle)) add(AgreementItem::anlassfaelle, Severity::warning);
  return out;
}

bool blocks(const std::vector<AgreementIssue>& issues) {
  return std::any_of(issues.begin(), issues.end(),
                     [](const AgreementIssue& i) { return i.severity == Severity::blocking; });
}

CooperationAgreement revise(const CooperationAgreement& a, Date on) {
  CooperationAgreement r = a;
  r.version = a.version + 1;
  r.drafted_on = on;
  r.familie = {};
  r.fruehe_hilfen = {};
  r.kjh = {};
  return r;
}

std::optional<Date> in_force_since(const CooperationAgreement& a) {
  if (!a.familie.on || !a.fruehe_hilfen.on || !a.kjh.on) return std::nullopt;
  return std::max({*a.familie.on, *a.fruehe_hilfen.on, *a.kjh.on});
}

std::optional<Date> next_coordination_due(const CooperationAgreement& a) {
  if (!a.coordination_interval_days || *a.coordination_interval_days <= 0) return std::nullopt;
  auto since = in_force_since(a);
  if (!since) return std::nullopt;
  Date base = *since;
  if (a.last_coordination_on && *a.last_coordination_on > base) base = *a.last_coordination_on;
  return base.plus_days(*a.coordination_interval_days);
}

bool coordination_due(const CooperationAgreement& a, Date today) {
  auto next = next_coordination_due(a);
  return next && *next <= today;
}

}  // namespace bb::rules
