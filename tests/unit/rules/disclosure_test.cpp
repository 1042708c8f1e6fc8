// Focus: THE decision point decide_disclosure() and the Offenlegungsprotokoll
// (src/core/disclosure.h). docs/rules.md "disc-*".
#include <doctest/doctest.h>

#include <string>

#include "core/disclosure.h"
#include "rules_test_util.h"

using namespace bb;
using namespace bb::rules;
using namespace bb::rules::test;

namespace {
const Date kToday = D(2026, 5, 15);

const CategoryVerdict& verdict(const DisclosureDecision& d, DataCategory c) {
  for (const auto& v : d.verdicts)
    if (v.category == c) return v;
  FAIL("no verdict for category");
  return d.verdicts.front();
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

ConsentSoughtRecord sought() { return ConsentSoughtRecord{ConsentSought::angestrebt_verweigert, kToday, {}}; }
}  // namespace

TEST_CASE("disc-1: nothing is allowed without an active consent or a recorded legal basis") {
  const auto d = decide_disclosure(
      request(Purpose::vermittlung, beratung(), {DataCategory::stammdaten, DataCategory::bedarfe}), facts(),
      kToday, Jurisdiction::deutschland);
  CHECK_FALSE(d.allowed);
  CHECK(d.basis == BasisKind::keine);
  CHECK(d.allowed_categories.empty());
  CHECK(d.refused_categories == Categories{DataCategory::stammdaten, DataCategory::bedarfe});
  REQUIRE(d.verdicts.size() == 2);
  for (const auto& v : d.verdicts) CHECK(v.reason == Refusal::keine_grundlage);
  CHECK(d.summary.id == Str::rules_disc_refused);
  CHECK_FALSE(make_log_entry(d, std::nullopt, "Frau K.").ok());
  // An empty request is no disclosure either.
  CHECK_FALSE(decide_disclosure(request(Purpose::vermittlung, beratung(), {}), facts(), kToday,
                                Jurisdiction::deutschland)
                  .allowed);
}

TEST_CASE("disc-2: an active matching consent allows exactly the categories it covers") {
  auto f = facts();
  f.consents.push_back(consent(7, Purpose::vermittlung, beratung(),
                               {DataCategory::stammdaten, DataCategory::bedarfe}, D(2026, 5, 1)));
  const auto d =
      decide_disclosure(request(Purpose::vermittlung, beratung(),
                                {DataCategory::stammdaten, DataCategory::bedarfe, DataCategory::gesundheit}),
                        f, kToday, Jurisdiction::deutschland);
  REQUIRE(d.allowed);
  CHECK(d.basis == BasisKind::einwilligung);
  CHECK(d.consent_ids == std::vector<EntryId>{7});
  CHECK(d.allowed_categories == Categories{DataCategory::stammdaten, DataCategory::bedarfe});
  CHECK(d.refused_categories == Categories{DataCategory::gesundheit});
  CHECK(verdict(d, DataCategory::gesundheit).reason == Refusal::keine_grundlage);
  CHECK(verdict(d, DataCategory::stammdaten).source == EntryId{7});
  CHECK_FALSE(d.consent_still_sought_required);
  CHECK(d.summary.in(Lang::de) == "Erlaubt auf Grundlage der Einwilligung vom 01.05.2026.");
}

TEST_CASE("disc-3: a revoked consent allows nothing from the day of the Widerruf, with the date as reason") {
  auto f = facts();
  auto c = consent(7, Purpose::austausch, jugendamt(), {DataCategory::ziele}, D(2026, 1, 1));
  c.revoked_on = kToday;
  f.consents.push_back(c);
  const auto rq = request(Purpose::austausch, jugendamt(), {DataCategory::ziele});
  CHECK(decide_disclosure(rq, f, kToday.plus_days(-1), Jurisdiction::oesterreich).allowed);
  const auto d = decide_disclosure(rq, f, kToday, Jurisdiction::oesterreich);
  CHECK_FALSE(d.allowed);
  CHECK(verdict(d, DataCategory::ziele).reason == Refusal::einwilligung_widerrufen);
  CHECK(verdict(d, DataCategory::ziele).reason_text().in(Lang::de) ==
        "Die Einwilligung wurde am 15.05.2026 widerrufen; der Widerruf gilt sofort.");
}

TEST_CASE("disc-4: an expired or not yet valid consent is refused with its date") {
  auto f = facts();
  auto c = consent(7, Purpose::austausch, jugendamt(), {DataCategory::ziele}, D(2026, 1, 1));
  c.valid_until = D(2026, 3, 31);
  f.consents.push_back(c);
  const auto rq = request(Purpose::austausch, jugendamt(), {DataCategory::ziele});
  auto d = decide_disclosure(rq, f, kToday, Jurisdiction::oesterreich);
  CHECK(verdict(d, DataCategory::ziele).reason == Refusal::einwilligung_abgelaufen);
  CHECK(verdict(d, DataCategory::ziele).reason_arg == "31.03.2026");
  d = decide_disclosure(rq, f, D(2025, 12, 31), Jurisdiction::oesterreich);
  CHECK(verdict(d, DataCategory::ziele).reason == Refusal::einwilligung_noch_nicht);
}

TEST_CASE("disc-5: only a parent or caregiver of this family can consent for it") {
  struct Row {
    const char* name;
    FamilyId family;
    PersonId person;
    bool allowed;
  } rows[] = {{"mother", kFamily, kMother, true},
              {"father", kFamily, kFather, true},
              {"child", kFamily, kChild, false},
              {"other family's consent", 2, kMother, false}};
  for (const auto& r : rows) {
    CAPTURE(r.name);
    auto f = facts();
    auto c = consent(7, Purpose::vermittlung, beratung(), {DataCategory::stammdaten}, D(2026, 5, 1));
    c.family = r.family;
    c.person = r.person;
    f.consents.push_back(c);
    const auto d = decide_disclosure(request(Purpose::vermittlung, beratung(), {DataCategory::stammdaten}), f,
                                     kToday, Jurisdiction::deutschland);
    CHECK(d.allowed == r.allowed);
    if (!r.allowed) CHECK(verdict(d, DataCategory::stammdaten).reason == Refusal::einwilligung_person);
  }
}

TEST_CASE(
    "disc-6: a consent for one partner never covers another partner; a consent for a kind covers the kind") {
  auto f = facts();
  f.consents.push_back(
      consent(7, Purpose::vermittlung, beratung(), {DataCategory::stammdaten}, D(2026, 5, 1)));
  const auto other = partner(RecipientKind::netzwerkpartner, kHebammenpraxis);
  CHECK_FALSE(decide_disclosure(request(Purpose::vermittlung, other, {DataCategory::stammdaten}), f, kToday,
                                Jurisdiction::deutschland)
                  .allowed);
  f.consents.push_back(consent(8, Purpose::vermittlung, kind_only(RecipientKind::netzwerkpartner),
                               {DataCategory::stammdaten}, D(2026, 5, 1)));
  const auto d = decide_disclosure(request(Purpose::vermittlung, other, {DataCategory::stammdaten}), f,
                                   kToday, Jurisdiction::deutschland);
  CHECK(d.allowed);
  CHECK(d.consent_ids == std::vector<EntryId>{8});
}

TEST_CASE(
    "disc-7: AT § 37 B-KJHG is a duty that covers only the Mitteilung's recipient, purpose and documented "
    "content") {
  auto f = facts();
  f.legal_bases.push_back(mitteilung_basis(
      30, LegalNorm::at_b_kjhg_37, {DataCategory::stammdaten, DataCategory::kinderschutz}, D(2026, 5, 10)));
  const Categories asked{DataCategory::stammdaten, DataCategory::kinderschutz, DataCategory::kontakte};
  const auto d = decide_disclosure(request(Purpose::mitteilung_kjh, jugendamt(), asked), f, kToday,
                                   Jurisdiction::oesterreich);
  REQUIRE(d.allowed);
  CHECK(d.basis == BasisKind::gesetzliche_pflicht);
  CHECK(d.norm == LegalNorm::at_b_kjhg_37);
  CHECK(d.legal_basis_id == EntryId{30});
  CHECK(d.allowed_categories == Categories{DataCategory::stammdaten, DataCategory::kinderschutz});
  CHECK(verdict(d, DataCategory::kontakte).reason == Refusal::nicht_im_dokumentierten_inhalt);
  CHECK(d.consent_still_sought_required);
  const auto text = explain(d, Lang::de);
  CHECK(contains(text, "§ 37 B-KJHG"));
  CHECK(contains(text, "schriftlich und unverzüglich"));
  CHECK(contains(text, "nie die ganze Akte"));
  CHECK(contains(text, "Einwilligung angestrebt"));

  // Not for another purpose (a handover of the file) …
  CHECK_FALSE(decide_disclosure(request(Purpose::uebergabe_kjh, jugendamt(), {DataCategory::stammdaten}), f,
                                kToday, Jurisdiction::oesterreich)
                  .allowed);
  // … nor for another Jugendamt, nor for a recipient named only by its kind.
  CHECK_FALSE(decide_disclosure(request(Purpose::mitteilung_kjh, partner(RecipientKind::kjh, 999),
                                        {DataCategory::stammdaten}),
                                f, kToday, Jurisdiction::oesterreich)
                  .allowed);
  CHECK_FALSE(decide_disclosure(
                  request(Purpose::mitteilung_kjh, kind_only(RecipientKind::kjh), {DataCategory::stammdaten}),
                  f, kToday, Jurisdiction::oesterreich)
                  .allowed);
}

TEST_CASE("disc-8: DE § 4 Abs. 3 KKG is a power and is never worded as a duty") {
  auto f = facts();
  f.legal_bases.push_back(
      mitteilung_basis(31, LegalNorm::de_kkg_4_3, {DataCategory::kinderschutz}, D(2026, 5, 10)));
  const auto d =
      decide_disclosure(request(Purpose::mitteilung_kjh, jugendamt(), {DataCategory::kinderschutz}), f,
                        kToday, Jurisdiction::deutschland);
  REQUIRE(d.allowed);
  CHECK(d.basis == BasisKind::gesetzliche_befugnis);
  CHECK(d.consent_still_sought_required);
  const auto de = explain(d, Lang::de);
  CHECK(contains(de, "§ 4 Abs. 3 KKG"));
  CHECK(contains(de, "dürfen"));
  for (const char* duty : {"Pflicht", "pflicht", "muss", "müssen", "verpflichtet", "unverzüglich"}) {
    CAPTURE(duty);
    CHECK_FALSE(contains(de, duty));
  }
  const auto en = explain(d, Lang::en);
  CHECK(contains(en, "may inform"));
  for (const char* duty : {"duty", "must", "obliged"}) {
    CAPTURE(duty);
    CHECK_FALSE(contains(en, duty));
  }
}

TEST_CASE("disc-9: a legal basis of the other jurisdiction is never applied") {
  struct Row {
    LegalNorm norm;
    Jurisdiction setting;
    bool allowed;
  } rows[] = {{LegalNorm::at_b_kjhg_37, Jurisdiction::oesterreich, true},
              {LegalNorm::at_b_kjhg_37, Jurisdiction::deutschland, false},
              {LegalNorm::de_kkg_4_3, Jurisdiction::deutschland, true},
              {LegalNorm::de_kkg_4_3, Jurisdiction::oesterreich, false},
              {LegalNorm::de_befugnis_arbeitsbereich, Jurisdiction::deutschland, true},
              {LegalNorm::de_befugnis_arbeitsbereich, Jurisdiction::oesterreich, false}};
  for (const auto& r : rows) {
    CAPTURE(code(r.norm));
    CAPTURE(code(r.setting));
    auto f = facts();
    f.legal_bases.push_back(mitteilung_basis(30, r.norm, {DataCategory::kinderschutz}, D(2026, 5, 10)));
    const auto d = decide_disclosure(
        request(Purpose::mitteilung_kjh, jugendamt(), {DataCategory::kinderschutz}), f, kToday, r.setting);
    CHECK(d.allowed == r.allowed);
    if (!r.allowed)
      CHECK(verdict(d, DataCategory::kinderschutz).reason == Refusal::grundlage_andere_jurisdiktion);
  }
}

TEST_CASE(
    "disc-10: a recorded legal basis needs a named recipient, a citation where required, and its date "
    "reached") {
  struct Row {
    const char* name;
    void (*change)(LegalBasisRecord&);
    Refusal reason;
  } rows[] = {
      {"no partner id", [](LegalBasisRecord& r) { r.recipient.partner.reset(); },
       Refusal::grundlage_ohne_empfaenger},
      {"no citation", [](LegalBasisRecord& r) { r.citation.clear(); }, Refusal::grundlage_ohne_zitat},
      {"dated tomorrow", [](LegalBasisRecord& r) { r.on = kToday.plus_days(1); },
       Refusal::grundlage_noch_nicht},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    auto f = facts();
    auto rec = mitteilung_basis(30, LegalNorm::de_befugnis_arbeitsbereich, {DataCategory::kinderschutz},
                                D(2026, 5, 10));
    r.change(rec);
    f.legal_bases.push_back(rec);
    const auto d =
        decide_disclosure(request(Purpose::mitteilung_kjh, jugendamt(), {DataCategory::kinderschutz}), f,
                          kToday, Jurisdiction::deutschland);
    CHECK_FALSE(d.allowed);
    CHECK(verdict(d, DataCategory::kinderschutz).reason == r.reason);
  }
}

TEST_CASE(
    "disc-11: anonymised data are allowed for supervision, Fachberatung, case consultation and statistics, "
    "without Stammdaten") {
  struct Row {
    Purpose purpose;
    RecipientKind to;
    bool allowed;
  } rows[] = {{Purpose::supervision, RecipientKind::supervision, true},
              {Purpose::fachberatung, RecipientKind::insoweit_erfahrene_fachkraft, true},
              {Purpose::kollegiale_beratung, RecipientKind::kollegiale_beratung, true},
              {Purpose::anonyme_statistik, RecipientKind::netzwerkkoordination, true},
              {Purpose::vermittlung, RecipientKind::netzwerkpartner, false},
              {Purpose::uebergabe_kjh, RecipientKind::kjh, false}};
  for (const auto& r : rows) {
    CAPTURE(code(r.purpose));
    const auto d =
        decide_disclosure(request(r.purpose, kind_only(r.to),
                                  {DataCategory::stammdaten, DataCategory::kontakte}, DataForm::anonymisiert),
                          facts(), kToday, Jurisdiction::deutschland);
    CHECK(d.allowed == r.allowed);
    CHECK_FALSE(d.allowed_categories.contains(DataCategory::stammdaten));
    if (r.allowed) {
      CHECK(d.basis == BasisKind::anonymisiert);
      CHECK(verdict(d, DataCategory::stammdaten).reason == Refusal::stammdaten_nicht_anonym);
      CHECK_FALSE(d.consent_still_sought_required);
    } else {
      CHECK(verdict(d, DataCategory::kontakte).reason == Refusal::anonym_nicht_fuer_zweck);
    }
  }
}

TEST_CASE("disc-12: pseudonymised data only for the insoweit erfahrene Fachkraft and supervision") {
  struct Row {
    Purpose purpose;
    RecipientKind to;
    bool allowed;
  } rows[] = {{Purpose::fachberatung, RecipientKind::insoweit_erfahrene_fachkraft, true},
              {Purpose::supervision, RecipientKind::supervision, true},
              {Purpose::kollegiale_beratung, RecipientKind::kollegiale_beratung, false},
              {Purpose::anonyme_statistik, RecipientKind::netzwerkkoordination, false}};
  for (const auto& r : rows) {
    CAPTURE(code(r.purpose));
    const auto d = decide_disclosure(
        request(r.purpose, kind_only(r.to), {DataCategory::kinderschutz}, DataForm::pseudonymisiert), facts(),
        kToday, Jurisdiction::oesterreich);
    CHECK(d.allowed == r.allowed);
    if (r.allowed)
      CHECK(d.basis == BasisKind::pseudonymisiert);
    else
      CHECK(verdict(d, DataCategory::kinderschutz).reason == Refusal::pseudonym_nur_fachkraft_supervision);
  }
}

TEST_CASE("disc-13: the purpose must fit the recipient, and Dokumentation is never a disclosure") {
  auto f = facts();
  // Even a consent recorded for the odd pair does not make it fit.
  f.consents.push_back(
      consent(7, Purpose::mitteilung_kjh, beratung(), {DataCategory::stammdaten}, D(2026, 1, 1)));
  f.consents.push_back(
      consent(8, Purpose::dokumentation, beratung(), {DataCategory::stammdaten}, D(2026, 1, 1)));
  auto d = decide_disclosure(request(Purpose::mitteilung_kjh, beratung(), {DataCategory::stammdaten}), f,
                             kToday, Jurisdiction::deutschland);
  CHECK_FALSE(d.allowed);
  CHECK(verdict(d, DataCategory::stammdaten).reason == Refusal::zweck_passt_nicht_zum_empfaenger);
  d = decide_disclosure(request(Purpose::dokumentation, beratung(), {DataCategory::stammdaten}), f, kToday,
                        Jurisdiction::deutschland);
  CHECK_FALSE(d.allowed);
  CHECK(verdict(d, DataCategory::stammdaten).reason == Refusal::zweck_dokumentation);
  for (int k = 0; k < kRecipientKindCount; ++k)
    CHECK_FALSE(purpose_fits_recipient(Purpose::dokumentation, static_cast<RecipientKind>(k)));
  CHECK(purpose_fits_recipient(Purpose::mitteilung_kjh, RecipientKind::kjh));
  CHECK_FALSE(purpose_fits_recipient(Purpose::mitteilung_kjh, RecipientKind::netzwerkpartner));
}

TEST_CASE("disc-14: facts of another family never allow a disclosure") {
  auto f = facts();
  f.consents.push_back(
      consent(7, Purpose::vermittlung, beratung(), {DataCategory::stammdaten}, D(2026, 1, 1)));
  auto rq = request(Purpose::vermittlung, beratung(), {DataCategory::stammdaten});
  rq.family = 2;
  const auto d = decide_disclosure(rq, f, kToday, Jurisdiction::deutschland);
  CHECK_FALSE(d.allowed);
  CHECK(verdict(d, DataCategory::stammdaten).reason == Refusal::andere_familie);
}

TEST_CASE(
    "disc-15: one decision uses one kind of basis; categories of another basis are refused to be sent "
    "separately") {
  auto f = facts();
  f.consents.push_back(
      consent(7, Purpose::mitteilung_kjh, jugendamt(), {DataCategory::stammdaten}, D(2026, 1, 1)));
  f.legal_bases.push_back(mitteilung_basis(
      30, LegalNorm::at_b_kjhg_37, {DataCategory::kinderschutz, DataCategory::kontakte}, D(2026, 5, 10)));
  const auto d = decide_disclosure(
      request(Purpose::mitteilung_kjh, jugendamt(),
              {DataCategory::stammdaten, DataCategory::kinderschutz, DataCategory::kontakte}),
      f, kToday, Jurisdiction::oesterreich);
  REQUIRE(d.allowed);
  CHECK(d.basis == BasisKind::gesetzliche_pflicht);  // covers two of three
  CHECK(d.allowed_categories == Categories{DataCategory::kinderschutz, DataCategory::kontakte});
  const auto& v = verdict(d, DataCategory::stammdaten);
  CHECK(v.reason == Refusal::andere_grundlage_gesondert);
  CHECK(v.reason_text().in(Lang::de) ==
        "Dafür gilt eine andere Grundlage (Einwilligung): bitte gesondert weitergeben.");
  CHECK(v.reason_text().in(Lang::en) == "A different basis applies (Consent): please pass it on separately.");
}

TEST_CASE("disc-16: consent is preferred to a legal basis that covers as much") {
  auto f = facts();
  f.consents.push_back(
      consent(7, Purpose::mitteilung_kjh, jugendamt(), {DataCategory::kinderschutz}, D(2026, 1, 1)));
  f.legal_bases.push_back(
      mitteilung_basis(30, LegalNorm::de_kkg_4_3, {DataCategory::kinderschutz}, D(2026, 5, 10)));
  const auto d =
      decide_disclosure(request(Purpose::mitteilung_kjh, jugendamt(), {DataCategory::kinderschutz}), f,
                        kToday, Jurisdiction::deutschland);
  CHECK(d.basis == BasisKind::einwilligung);
  CHECK_FALSE(d.consent_still_sought_required);
}

TEST_CASE(
    "disc-17: every allowed decision yields an Offenlegungsprotokoll entry; a legal basis needs the "
    "consent-sought answer") {
  auto f = facts();
  f.consents.push_back(
      consent(7, Purpose::vermittlung, beratung(), {DataCategory::stammdaten}, D(2026, 5, 1)));
  auto rq = request(Purpose::vermittlung, beratung(), {DataCategory::stammdaten, DataCategory::gesundheit});
  rq.channel = Channel::telefon;
  const auto d = decide_disclosure(rq, f, kToday, Jurisdiction::deutschland);
  auto e = make_log_entry(d, std::nullopt, "Frau K.");
  REQUIRE(e.ok());
  CHECK(e->family == kFamily);
  CHECK(e->on == kToday);
  CHECK(e->categories == Categories{DataCategory::stammdaten});  // only what was allowed
  CHECK(e->basis == BasisKind::einwilligung);
  CHECK(e->consent_ids == std::vector<EntryId>{7});
  CHECK(e->channel == Channel::telefon);
  CHECK(e->by == "Frau K.");
  CHECK_FALSE(e->consent_sought.has_value());
  CHECK(describe(*e, Lang::de) ==
        "15.05.2026 – Beratungsstelle (Netzwerkpartner): Stammdaten – Zweck: Vermittlung – Grundlage: "
        "Einwilligung – Weg: "
        "Telefon");

  auto g = facts();
  g.legal_bases.push_back(
      mitteilung_basis(30, LegalNorm::at_b_kjhg_37, {DataCategory::kinderschutz}, D(2026, 5, 10)));
  const auto m =
      decide_disclosure(request(Purpose::mitteilung_kjh, jugendamt(), {DataCategory::kinderschutz}), g,
                        kToday, Jurisdiction::oesterreich);
  REQUIRE(m.allowed);
  auto missing = make_log_entry(m, std::nullopt, "Frau K.");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().is(Str::rules_sought_missing));
  CHECK_FALSE(make_log_entry(m, ConsentSoughtRecord{}, "Frau K.").ok());
  auto no_reason =
      make_log_entry(m, ConsentSoughtRecord{ConsentSought::nicht_angestrebt, kToday, ""}, "Frau K.");
  REQUIRE_FALSE(no_reason.ok());
  CHECK(no_reason.error().is(Str::rules_sought_reason_missing));
  auto with_reason = make_log_entry(
      m, ConsentSoughtRecord{ConsentSought::nicht_angestrebt, kToday, "Gefahr im Verzug"}, "Frau K.");
  REQUIRE(with_reason.ok());
  auto ok = make_log_entry(m, sought(), "Frau K.");
  REQUIRE(ok.ok());
  CHECK(ok->basis == BasisKind::gesetzliche_pflicht);
  CHECK(ok->norm == LegalNorm::at_b_kjhg_37);
  CHECK(ok->legal_basis_id == EntryId{30});
  REQUIRE(ok->consent_sought.has_value());
  CHECK(ok->consent_sought->result == ConsentSought::angestrebt_verweigert);
  const auto line = describe(*ok, Lang::de);
  CHECK(contains(line, "§ 37 B-KJHG"));
  CHECK(contains(line, "Einwilligung angestrebt, nicht erteilt"));
}

TEST_CASE("disc-18: the explanation exists in German and English, one line per requested category") {
  auto f = facts();
  f.consents.push_back(
      consent(7, Purpose::vermittlung, beratung(), {DataCategory::stammdaten}, D(2026, 5, 1)));
  const auto d = decide_disclosure(
      request(Purpose::vermittlung, beratung(), {DataCategory::stammdaten, DataCategory::gesundheit}), f,
      kToday, Jurisdiction::deutschland);
  const auto de = explain(d, Lang::de);
  const auto en = explain(d, Lang::en);
  CHECK(contains(de, "– Stammdaten: erlaubt"));
  CHECK(contains(de, "– Gesundheit: Keine aktive Einwilligung"));
  CHECK(contains(en, "– Basic data: allowed"));
  CHECK(contains(en, "– Health: No active consent"));
  CHECK(contains(de, "Offenlegungsprotokoll"));
}
