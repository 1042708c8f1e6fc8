#include "exchange/consent_print.h"

namespace bb::exchange {

PrintDocument consent_document(const rules::Consent& c, const std::string& family, const std::string& person,
                               Lang lang) {
  auto t = [lang](Str id) { return std::string(tr(id, lang)); };
  PrintDocument doc(t(Str::consent_print_title));
  doc.subtitle(family);

  doc.field(t(Str::consent_print_family), family);
  doc.field(t(Str::consent_print_person), person);
  doc.field(t(Str::consent_print_purpose), t(rules::label(c.purpose)));
  std::string recipient = t(rules::label(c.recipient.kind));
  if (!c.recipient.name.empty()) recipient += ": " + c.recipient.name;
  doc.field(t(Str::consent_print_recipient), recipient);

  doc.heading(t(Str::consent_print_categories));
  for (int i = 0; i < rules::kCategoryCount; ++i) {
    const auto category = static_cast<rules::DataCategory>(i);
    doc.checkbox(t(rules::label(category)), c.categories.contains(category));
  }

  doc.heading(t(Str::consent_print_given_on));
  doc.field(t(Str::consent_print_given_on), c.given_on.german());
  doc.field(t(Str::consent_print_form), t(rules::label(c.form)));
  if (c.form == rules::ConsentForm::muendlich) doc.field(t(Str::consent_print_witness), c.witness);
  doc.field(t(Str::consent_print_valid_until),
            c.valid_until ? c.valid_until->german() : t(Str::consent_ui_until_revoked));
  if (c.revoked_on) doc.field(t(Str::consent_print_revoked), c.revoked_on->german());
  if (!c.note.empty()) doc.paragraph(c.note);

  doc.paragraph(t(Str::consent_print_voluntary));
  doc.paragraph(t(Str::consent_print_revocation));
  doc.signature(t(Str::consent_print_signature_person), person);
  doc.signature(t(Str::consent_print_signature_fh), {});
  doc.note(t(Str::consent_print_note));
  return doc;
}

}  // namespace bb::exchange
