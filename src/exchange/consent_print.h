// The printable consent form (issue 7, item 1): what the family consents to —
// who, for which purpose, to whom, which data, since when, until when, in which
// form — with the notes on voluntariness and revocation (Art. 7 GDPR) and
// signature lines for the consenting person and the Frühe Hilfen. Printed for
// signature; the app keeps the consent itself as its record.
#pragma once

#include <string>

#include "core/consent.h"
#include "exchange/print_document.h"

namespace bb::exchange {

// `family`: the family's heading as the overview shows it; `person`: the
// consenting person's name as it is to appear on the form.
PrintDocument consent_document(const rules::Consent& c, const std::string& family, const std::string& person,
                               Lang lang);

}  // namespace bb::exchange
