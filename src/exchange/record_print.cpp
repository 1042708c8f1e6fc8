#include "exchange/record_print.h"

#include "core/cases.h"

namespace bb::exchange {

PrintDocument disclosure_log_document(const std::vector<store::DisclosureRecord>& log,
                                      const std::string& family, Lang lang) {
  PrintDocument doc(tr(Str::ausk_disclosures, lang));
  doc.subtitle(family + "\n" + rules::render(Str::ausk_generated, cases::german_date(cases::today()), lang));
  if (log.empty()) doc.paragraph(tr(Str::ausk_none, lang));
  for (const auto& r : log) doc.item(rules::describe(r.entry, lang));
  doc.note(tr(Str::cp_ui_log_note, lang));
  return doc;
}

PrintDocument auskunft_document(const store::Auskunft& a, Lang lang) {
  PrintDocument doc(rules::render(Str::ausk_title, a.family_name, lang));
  doc.subtitle(rules::render(Str::ausk_generated, a.generated_on, lang));
  for (const auto& section : a.sections) {
    doc.heading(tr(section.title, lang));
    if (section.records.empty()) doc.paragraph(tr(Str::ausk_none, lang));
    for (const auto& record : section.records) {
      if (!record.title.empty()) doc.paragraph(record.title);
      for (const auto& item : record.items) doc.field(item.label, item.value);
    }
  }
  return doc;
}

PrintDocument summary_document(const rules::CaseSummary& s, Lang lang) {
  PrintDocument doc(tr(s.strength == rules::SummaryStrength::anonymisiert ? Str::rules_anon_title_anon
                                                                          : Str::rules_anon_title_pseudo,
                       lang));
  // The first line is the title the document already carries.
  for (size_t i = 1; i < s.lines.size(); ++i) doc.paragraph(s.lines[i]);
  return doc;
}

}  // namespace bb::exchange
