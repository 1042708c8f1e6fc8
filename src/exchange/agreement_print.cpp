#include "exchange/agreement_print.h"

namespace bb::exchange {
namespace {

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

std::string date_or_open(const std::optional<rules::Date>& d, Lang lang) {
  return d ? d->german() : tr(Str::print_open, lang);
}

}  // namespace

PrintDocument agreement_document(const rules::CooperationAgreement& a, const std::string& family,
                                 rules::Date today, Lang lang) {
  auto t = [lang](Str id) { return std::string(tr(id, lang)); };
  PrintDocument doc(t(Str::coop_title));
  doc.subtitle(family + "\n" + rules::render(Str::coop_version_of, std::to_string(a.version), lang) + " · " +
               rules::render(Str::coop_drafted_on, a.drafted_on.german(), lang));

  doc.heading(t(Str::coop_section_role));
  doc.checkbox(t(Str::coop_fh_voluntary), a.fh_voluntary_outside_plan);
  doc.checkbox(t(Str::coop_family_client), a.family_is_client);
  doc.field(t(Str::coop_fh_role), a.fh_role);
  doc.field(t(Str::coop_kjh_role), a.kjh_role);

  doc.heading(t(Str::coop_section_lead));
  doc.field(t(Str::coop_lead), t(Str::rules_party_kjh));
  doc.field(t(Str::kjh_fallfuehrung_name), a.fallfuehrung_name);
  doc.paragraph(t(Str::rules_coop_fallfuehrung_kjh));

  doc.heading(t(Str::coop_section_goals));
  doc.field(t(Str::coop_goals_familie), join(a.goals_familie));
  doc.field(t(Str::coop_goals_kjh), join(a.goals_kjh));
  doc.field(t(Str::coop_goals_fh), join(a.goals_fh));
  for (const auto& r : a.responsibilities) {
    std::string who = tr(rules::label(r.who), lang);
    if (!r.person.empty()) who += " (" + r.person + ")";
    doc.field(r.topic, who);
  }

  doc.heading(t(Str::coop_section_competences));
  doc.field(t(Str::coop_core_profession), a.companion_core_profession);
  doc.field(t(Str::coop_competences_fh), a.competences_fh);
  doc.field(t(Str::coop_competences_kjh), a.competences_kjh);

  doc.heading(t(Str::coop_section_communication));
  doc.checkbox(t(Str::coop_exchange_consent), a.exchange_only_with_consent);
  doc.checkbox(t(Str::coop_no_reporting_duty), a.no_reporting_duty_stated);
  doc.field(t(Str::coop_communication), a.communication);

  doc.heading(t(Str::coop_section_coordination));
  doc.field(t(Str::coop_interval),
            a.coordination_interval_days
                ? rules::render(Str::coop_interval_days, std::to_string(*a.coordination_interval_days), lang)
                : t(Str::print_open));
  doc.field(t(Str::coop_anlassfaelle), join(a.anlassfaelle));
  if (a.last_coordination_on) doc.field(t(Str::coop_last_coordination), a.last_coordination_on->german());
  if (auto due = rules::next_coordination_due(a)) doc.field(t(Str::coop_next_coordination), due->german());

  doc.heading(t(Str::coop_section_agreement));
  const std::pair<Str, const rules::Agreement*> parties[] = {
      {Str::rules_party_familie, &a.familie},
      {Str::rules_party_fruehe_hilfen, &a.fruehe_hilfen},
      {Str::rules_party_kjh, &a.kjh}};
  for (const auto& [party, agreement] : parties) {
    std::string value = date_or_open(agreement->on, lang);
    if (!agreement->by.empty()) value += " · " + agreement->by;
    doc.field(t(party), value);
  }
  const auto issues = rules::validate_agreement(a, today);
  if (!issues.empty()) {
    doc.heading(t(Str::coop_open_items));
    for (const auto& issue : issues) doc.item(issue.text.in(lang));
  }
  for (const auto& [party, agreement] : parties) doc.signature(t(party), agreement->by);
  doc.note(t(Str::coop_print_note));
  return doc;
}

}  // namespace bb::exchange
