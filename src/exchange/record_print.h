// The printed pages of the family's privacy and Kinderschutz records (issue 7):
// the Offenlegungsprotokoll and the Auskunft, which the family may be shown
// and given, and the case summary a consultation takes along. Built as
// PrintDocument, so every value is escaped in one place (print_document.h).
#pragma once

#include <string>
#include <vector>

#include "core/anonymize.h"
#include "exchange/print_document.h"
#include "store/auskunft.h"
#include "store/disclosures.h"

namespace bb::exchange {

// `family`: the family's heading as the overview shows it. One line per
// disclosure, oldest first (rules::describe), or "keine Einträge".
PrintDocument disclosure_log_document(const std::vector<store::DisclosureRecord>& log,
                                      const std::string& family, Lang lang);

// Every section and record of the Auskunft, each field as "label: value".
PrintDocument auskunft_document(const store::Auskunft& a, Lang lang);

// The summary's lines as they will be read out or handed over; no family
// name: the summary itself is the whole page.
PrintDocument summary_document(const rules::CaseSummary& s, Lang lang);

}  // namespace bb::exchange
