// The Auskunft (issue 7, item 6; Art. 15 GDPR): everything stored about a
// family, gathered into one structured document that the UI shows and
// prints. Read-only; one snapshot (one read transaction).
#pragma once

#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/result.h"
#include "store/store.h"

namespace bb::store {

struct AuskunftItem {
  std::string label;  // "Vorname", "Einwilligung vom 03.03.2026", …
  std::string value;  // the stored content, readable
};
struct AuskunftRecord {
  std::string title;                // one record: a person, a contact, a consent, …
  std::vector<AuskunftItem> items;  // its fields
};
struct AuskunftSection {
  Str title = Str::err_internal;  // "Stammdaten", "Kontakte", "Einwilligungen", …
  std::vector<AuskunftRecord> records;
};
struct Auskunft {
  int64_t family_id = 0;
  std::string family_name;
  std::string generated_on;  // today, "03.03.2026"
  std::vector<AuskunftSection> sections;
};

// Family, persons, status history, contacts, assessments, goals with
// history, Zuständigkeiten, consents, information records,
// Offenlegungsprotokoll, KJH involvement and exceptions, every version of the
// Kooperationsvereinbarung, every child-protection entry (with corrections),
// retention state. Texts in `lang`.
Result<Auskunft> gather_auskunft(const Store& store, int64_t family_id, Lang lang = Lang::de);

// Plain text of the document (CLI, tests): a heading per section, a line per field.
std::string auskunft_text(const Auskunft& a, Lang lang = Lang::de);

}  // namespace bb::store
