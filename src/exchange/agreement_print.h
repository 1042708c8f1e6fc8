// The print view of the fallbezogene Kooperationsvereinbarung (seed 000
// ch. 4; issue 7, item 4): every item of the agreement in the order of the
// seed, the open items the core reports, the state of the three agreements,
// and signature lines for Familie, Frühe Hilfen and Kinder- und Jugendhilfe.
#pragma once

#include <string>

#include "core/cooperation_agreement.h"
#include "exchange/print_document.h"

namespace bb::exchange {

// `family`: the family's heading as the overview shows it; `today` for the
// open items (rules::validate_agreement).
PrintDocument agreement_document(const rules::CooperationAgreement& a, const std::string& family,
                                 rules::Date today, Lang lang);

}  // namespace bb::exchange
