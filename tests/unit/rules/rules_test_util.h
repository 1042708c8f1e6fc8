// Builders shared by the rules tests (tests/unit/rules/*_test.cpp).
#pragma once

#include <string>

#include "core/consent.h"
#include "core/disclosure.h"
#include "core/rules_common.h"

namespace bb::rules::test {

inline Date D(int y, int m, int d) { return Date::ymd(y, m, d); }

constexpr FamilyId kFamily = 1;
constexpr PersonId kMother = 11, kFather = 12, kChild = 13, kExpected = 14;
constexpr PartnerId kJugendamt = 100, kBeratung = 101, kHebammenpraxis = 102, kFachkraft = 103;

inline Recipient partner(RecipientKind k, PartnerId id, std::string name = {}) {
  return Recipient{k, id, std::move(name)};
}
inline Recipient kind_only(RecipientKind k) { return Recipient{k, std::nullopt, {}}; }
inline Recipient jugendamt() { return partner(RecipientKind::kjh, kJugendamt, "Jugendamt Nord"); }
inline Recipient beratung() { return partner(RecipientKind::netzwerkpartner, kBeratung, "Beratungsstelle"); }

inline Consent consent(EntryId id, Purpose p, Recipient to, Categories cats, Date given) {
  Consent c;
  c.id = id;
  c.family = kFamily;
  c.person = kMother;
  c.purpose = p;
  c.recipient = std::move(to);
  c.categories = cats;
  c.given_on = given;
  c.form = ConsentForm::schriftlich;
  return c;
}

inline CaseFacts facts() {
  CaseFacts f;
  f.family = kFamily;
  f.may_consent = {kMother, kFather};
  return f;
}

inline DisclosureRequest request(Purpose p, Recipient to, Categories cats,
                                 DataForm form = DataForm::personenbezogen) {
  DisclosureRequest r;
  r.family = kFamily;
  r.purpose = p;
  r.recipient = std::move(to);
  r.categories = cats;
  r.form = form;
  return r;
}

inline LegalBasisRecord mitteilung_basis(EntryId id, LegalNorm norm, Categories content, Date on) {
  LegalBasisRecord r;
  r.id = id;
  r.norm = norm;
  r.recipient = jugendamt();
  r.purpose = Purpose::mitteilung_kjh;
  r.content = content;
  r.on = on;
  r.mitteilung = id;
  if (norm == LegalNorm::de_befugnis_arbeitsbereich) r.citation = "Beispielvorschrift";
  return r;
}

}  // namespace bb::rules::test
