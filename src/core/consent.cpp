#include "core/consent.h"

namespace bb::rules {

Str label(ConsentForm f) {
  return f == ConsentForm::muendlich ? Str::rules_consent_form_muendlich
                                     : Str::rules_consent_form_schriftlich;
}

Str text(ConsentProblem p) {
  switch (p) {
    case ConsentProblem::keine_kategorien:
      return Str::rules_consent_no_categories;
    case ConsentProblem::muendlich_ohne_zeuge:
      return Str::rules_consent_no_witness;
    case ConsentProblem::ende_vor_beginn:
      return Str::rules_consent_end_before_start;
    case ConsentProblem::widerruf_vor_beginn:
      return Str::rules_consent_revoked_before_start;
  }
  return Str::err_internal;
}

namespace {
bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }
}  // namespace

std::vector<ConsentProblem> consent_problems(const Consent& c) {
  std::vector<ConsentProblem> out;
  if (c.categories.empty()) out.push_back(ConsentProblem::keine_kategorien);
  if (c.form == ConsentForm::muendlich && blank(c.witness))
    out.push_back(ConsentProblem::muendlich_ohne_zeuge);
  if (c.valid_until && *c.valid_until < c.given_on) out.push_back(ConsentProblem::ende_vor_beginn);
  if (c.revoked_on && *c.revoked_on < c.given_on) out.push_back(ConsentProblem::widerruf_vor_beginn);
  return out;
}

bool consent_active_at(const Consent& c, Date day) {
  if (!consent_problems(c).empty()) return false;
  if (day < c.given_on) return false;
  if (c.valid_until && day > *c.valid_until) return false;
  if (c.revoked_on && day >= *c.revoked_on) return false;
  return true;
}

bool consent_recipient_matches(const Recipient& consented, const Recipient& requested) {
  if (consented.kind != requested.kind) return false;
  if (consented.partner) return requested.partner == consented.partner;
  return true;
}

bool consent_covers(const Consent& c, const Recipient& to, Purpose purpose, DataCategory category, Date day) {
  return c.purpose == purpose && consent_recipient_matches(c.recipient, to) &&
         c.categories.contains(category) && consent_active_at(c, day);
}

Status revoke(Consent& c, Date on) {
  if (c.revoked_on)
    return make_error(Str::rules_consent_already_revoked, "consent already revoked", c.revoked_on->german());
  if (on < c.given_on)
    return make_error(Str::rules_consent_revoke_before_start, "revocation before consent date");
  c.revoked_on = on;
  return {};
}

}  // namespace bb::rules
