// Focus: Einwilligungen and information records on the store, and the
// decision point and Offenlegungsprotokoll on stored data (issue 7 items 1,
// 2; docs/consent.md "cstore-*", "dstore-*").
#include "rules_store_test_util.h"
#include "store/child_protection.h"
#include "store/consents.h"
#include "store/disclosures.h"

using namespace bb;
using namespace bb::rules;
using namespace bb::rules_store::test;
using bb::store::test::sql;

TEST_CASE(
    "cstore-1: a stored consent allows exactly its recipient, purpose and categories, and nothing else") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  auto c = consent(f, Purpose::vermittlung, beratung(), {DataCategory::stammdaten, DataCategory::bedarfe},
                   D(2026, 10, 1));
  auto id = store::record_consent(rs.store, c);
  REQUIRE(id.ok());
  auto loaded = store::load_consent(rs.store, *id);
  REQUIRE(loaded.ok());
  CHECK(loaded->person == f.mother);
  CHECK(loaded->categories == c.categories);
  CHECK(loaded->given_on == D(2026, 10, 1));
  CHECK(loaded->recipient.partner == kBeratung);

  struct Row {
    const char* what;
    rules::DisclosureRequest rq;
    bool allowed;
  };
  const Row rows[] = {
      {"same recipient, purpose, categories",
       request(f, Purpose::vermittlung, beratung(), {DataCategory::stammdaten}), true},
      {"both categories",
       request(f, Purpose::vermittlung, beratung(), {DataCategory::stammdaten, DataCategory::bedarfe}), true},
      {"other category", request(f, Purpose::vermittlung, beratung(), {DataCategory::kontakte}), false},
      {"other purpose", request(f, Purpose::austausch, beratung(), {DataCategory::stammdaten}), false},
      {"other partner",
       request(f, Purpose::vermittlung, {RecipientKind::netzwerkpartner, 999, "Andere Stelle"},
               {DataCategory::stammdaten}),
       false},
      {"the KJH", request(f, Purpose::vermittlung, jugendamt(), {DataCategory::stammdaten}), false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.what);
    auto d = store::decide(rs.store, row.rq);
    REQUIRE(d.ok());
    CHECK((d->allowed && d->refused_categories.empty()) == row.allowed);
    if (row.allowed) {
      CHECK(d->basis == BasisKind::einwilligung);
      CHECK(d->consent_ids == std::vector<EntryId>{*id});
    }
  }
}

TEST_CASE("cstore-2: only a parent or caregiver of this family consents; an incomplete consent is refused") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  const auto other = make_family(rs.store, "Okafor");
  auto base = consent(f, Purpose::austausch, jugendamt(), {DataCategory::ziele}, D(2026, 11, 1));

  auto by_child = base;
  by_child.person = f.child;
  CHECK(store::record_consent(rs.store, by_child).error().is(Str::consent_err_person));
  auto other_family = base;
  other_family.person = other.mother;
  CHECK(store::record_consent(rs.store, other_family).error().is(Str::case_err_person_not_in_family));
  auto no_cat = base;
  no_cat.categories = {};
  CHECK(store::record_consent(rs.store, no_cat).error().is(Str::rules_consent_no_categories));
  auto oral = base;
  oral.form = ConsentForm::muendlich;
  CHECK(store::record_consent(rs.store, oral).error().is(Str::rules_consent_no_witness));
  oral.witness = "Frau Petrović (Kollegin)";
  CHECK(store::record_consent(rs.store, oral).ok());
  auto future = base;
  future.given_on = D(2026, 11, 21);
  CHECK(store::record_consent(rs.store, future).error().is(Str::rec_err_date_in_future));
  auto reversed = base;
  reversed.valid_until = D(2026, 10, 1);
  CHECK(store::record_consent(rs.store, reversed).error().is(Str::rules_consent_end_before_start));
  auto wrong_recipient = base;
  wrong_recipient.purpose = Purpose::mitteilung_kjh;
  wrong_recipient.recipient = beratung();
  CHECK(store::record_consent(rs.store, wrong_recipient).error().is(Str::consent_err_recipient));
  auto revoked = base;
  revoked.revoked_on = D(2026, 11, 2);
  CHECK(store::record_consent(rs.store, revoked).error().is(Str::consent_err_revoked_on_create));
  CHECK(count(rs.store, "SELECT count(*) FROM consents") == 1);  // only the witnessed oral one
}

TEST_CASE("cstore-3: revocation takes effect at once: the same day's decision and disclose() are refused") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  auto id = store::record_consent(
      rs.store, consent(f, Purpose::uebergabe_kjh, jugendamt(), {DataCategory::kontakte}, D(2026, 11, 1)));
  REQUIRE(id.ok());
  const auto rq = request(f, Purpose::uebergabe_kjh, jugendamt(), {DataCategory::kontakte});
  auto before = store::disclose(rs.store, rq, std::nullopt, "Sabine Hofer");
  REQUIRE(before.ok());
  CHECK(before->record.entry.consent_ids == std::vector<EntryId>{*id});

  REQUIRE(store::revoke_consent(rs.store, *id, today(), "Mutter hat am Telefon widerrufen").ok());
  auto d = store::decide(rs.store, rq);
  REQUIRE(d.ok());
  CHECK_FALSE(d->allowed);
  CHECK(d->verdicts.at(0).reason == Refusal::einwilligung_widerrufen);
  CHECK(d->verdicts.at(0).reason_arg == "20.11.2026");
  auto after = store::disclose(rs.store, rq, std::nullopt, "Sabine Hofer");
  REQUIRE_FALSE(after.ok());
  CHECK(after.error().is(Str::rules_log_not_allowed));
  CHECK(count(rs.store, "SELECT count(*) FROM disclosures") == 1);
  // A second Widerruf, a Widerruf before the consent or in the future: refused.
  CHECK(store::revoke_consent(rs.store, *id, today()).error().is(Str::rules_consent_already_revoked));
  auto id2 = store::record_consent(
      rs.store, consent(f, Purpose::uebergabe_kjh, jugendamt(), {DataCategory::ziele}, D(2026, 11, 10)));
  REQUIRE(id2.ok());
  CHECK(store::revoke_consent(rs.store, *id2, D(2026, 11, 9))
            .error()
            .is(Str::rules_consent_revoke_before_start));
  CHECK(store::revoke_consent(rs.store, *id2, D(2026, 11, 21)).error().is(Str::rec_err_date_in_future));
  auto note = store::load_revocation_note(rs.store, *id);
  REQUIRE(note.ok());
  CHECK(*note == "Mutter hat am Telefon widerrufen");
}

TEST_CASE("cstore-4: a consent is never edited or deleted (triggers), except with its whole family") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  auto id = store::record_consent(
      rs.store, consent(f, Purpose::austausch, jugendamt(), {DataCategory::ziele}, D(2026, 11, 1)));
  REQUIRE(id.ok());
  const auto sid = std::to_string(*id);
  CHECK(sql_fails(rs.store, "UPDATE consents SET categories = 255 WHERE id = " + sid).find("append-only") !=
        std::string::npos);
  CHECK(sql_fails(rs.store, "UPDATE consents SET given_on = '2026-01-01' WHERE id = " + sid)
            .find("append-only") != std::string::npos);
  CHECK(sql_fails(rs.store, "DELETE FROM consents WHERE id = " + sid).find("append-only") !=
        std::string::npos);
  // The Widerruf is the one change, once.
  sql(rs.store, "UPDATE consents SET revoked_on = '2026-11-05' WHERE id = " + sid);
  CHECK(sql_fails(rs.store, "UPDATE consents SET revoked_on = '2026-11-06' WHERE id = " + sid)
            .find("append-only") != std::string::npos);
  // The person who consented stays in the file, with a German message saying why.
  auto removed = store::remove_person(rs.store, f.mother);
  REQUIRE_FALSE(removed.ok());
  CHECK(removed.error().message == Str::rec_err_person_referenced);
  CHECK(count(rs.store, "SELECT count(*) FROM persons WHERE id = " + std::to_string(f.mother)) == 1);
  // Deleting the family takes the consent with it.
  REQUIRE(store::delete_family(rs.store, f.id).ok());
  CHECK(count(rs.store, "SELECT count(*) FROM consents") == 0);
}

TEST_CASE("cstore-5: the family is informed about content and purpose of each cooperation (record kept)") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  store::InformationRecord r;
  r.family_id = f.id;
  r.informed_on = D(2026, 11, 3);
  r.person = f.father;
  r.cooperation_with = beratung();
  r.purpose = "Vermittlung an die Schreiambulanz";
  r.content = "Schlafprotokoll und Kontaktdaten";
  r.how = "im Gespräch, Merkblatt ausgehändigt";
  auto id = store::record_information(rs.store, r);
  REQUIRE(id.ok());
  auto all = store::load_information(rs.store, f.id);
  REQUIRE(all.ok());
  REQUIRE(all->size() == 1);
  CHECK(all->front().content == r.content);
  CHECK(all->front().person == f.father);
  CHECK(all->front().cooperation_with.partner == kBeratung);
  auto empty = r;
  empty.content = "  ";
  CHECK(store::record_information(rs.store, empty).error().is(Str::info_err_content));
  auto stranger = r;
  stranger.person = make_family(rs.store, "Nowak").mother;
  CHECK(store::record_information(rs.store, stranger).error().is(Str::case_err_person_not_in_family));
}

//-----------------------------------------------------------------------------
// The decision point and the Offenlegungsprotokoll
//-----------------------------------------------------------------------------

TEST_CASE(
    "dstore-1: disclose() writes exactly one protocol line in its transaction; a refused one writes none") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  const auto rq = request(f, Purpose::vermittlung, beratung(), {DataCategory::stammdaten});
  auto refused = store::disclose(rs.store, rq, std::nullopt, "Sabine Hofer");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().is(Str::rules_log_not_allowed));
  CHECK(refused.error().detail.find("lacks an active consent") != std::string::npos);
  CHECK(count(rs.store, "SELECT count(*) FROM disclosures") == 0);

  REQUIRE(store::record_consent(rs.store, consent(f, Purpose::vermittlung, beratung(),
                                                  {DataCategory::stammdaten}, D(2026, 11, 2)))
              .ok());
  auto ok = store::disclose(rs.store, rq, std::nullopt, "Sabine Hofer", "Anmeldung Elternkurs");
  REQUIRE(ok.ok());
  const auto& e = ok->record.entry;
  CHECK(e.on == today());
  CHECK(e.basis == BasisKind::einwilligung);
  CHECK(e.categories == rq.categories);
  CHECK(e.recipient.partner == kBeratung);
  CHECK(e.recipient.name == "Beratungsstelle Lindenhof");
  CHECK(e.by == "Sabine Hofer");
  CHECK(e.note == "Anmeldung Elternkurs");
  CHECK_FALSE(e.consent_sought.has_value());
  auto log = store::load_disclosure_log(rs.store, f.id);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 1);
  CHECK(describe(log->front().entry, Lang::de).find("Beratungsstelle Lindenhof") != std::string::npos);
}

TEST_CASE("dstore-2: a request only partly allowed is refused whole, naming what is not allowed") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  REQUIRE(store::record_consent(rs.store, consent(f, Purpose::vermittlung, beratung(),
                                                  {DataCategory::stammdaten}, D(2026, 11, 2)))
              .ok());
  auto r = store::disclose(
      rs.store,
      request(f, Purpose::vermittlung, beratung(), {DataCategory::stammdaten, DataCategory::gesundheit}),
      std::nullopt, "Sabine Hofer");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(Str::disc_err_partly));
  CHECK(r.error().arg == "Gesundheit");
  CHECK(count(rs.store, "SELECT count(*) FROM disclosures") == 0);
}

TEST_CASE(
    "dstore-3: a stored Mitteilung is a legal basis for exactly its recipient and content, and the protocol "
    "records whether consent was sought") {
  for (auto j : {Jurisdiction::oesterreich, Jurisdiction::deutschland}) {
    CAPTURE(code(j));
    RulesStore rs;
    REQUIRE(store::set_jurisdiction(rs.store, j).ok());
    const auto f = make_family(rs.store);
    auto mid = store::record_mitteilung(
        rs.store, f.id,
        mitteilung(j, {DataCategory::kinderschutz, DataCategory::stammdaten}, D(2026, 11, 18)));
    REQUIRE(mid.ok());
    const auto rq = request(f, Purpose::mitteilung_kjh, jugendamt(), {DataCategory::kinderschutz});
    auto d = store::decide(rs.store, rq);
    REQUIRE(d.ok());
    CHECK(d->allowed);
    CHECK(d->basis == (j == Jurisdiction::oesterreich ? BasisKind::gesetzliche_pflicht
                                                      : BasisKind::gesetzliche_befugnis));
    CHECK(d->legal_basis_id == *mid);
    CHECK(d->consent_still_sought_required);
    // Without the answer whether consent was sought: refused, nothing written.
    CHECK(store::disclose(rs.store, rq, std::nullopt, "Sabine Hofer").error().is(Str::rules_sought_missing));
    ConsentSoughtRecord not_sought{ConsentSought::nicht_angestrebt, today(), {}};
    CHECK(store::disclose(rs.store, rq, not_sought, "Sabine Hofer")
              .error()
              .is(Str::rules_sought_reason_missing));
    CHECK(count(rs.store, "SELECT count(*) FROM disclosures") == 0);
    not_sought.reason_not_sought = "Gefährdung des Kindes bei Ankündigung";
    auto out = store::disclose(rs.store, rq, not_sought, "Sabine Hofer");
    REQUIRE(out.ok());
    REQUIRE(out->record.entry.consent_sought.has_value());
    CHECK(out->record.entry.consent_sought->reason_not_sought == "Gefährdung des Kindes bei Ankündigung");
    CHECK(out->record.entry.legal_basis_id == *mid);
    // Not another recipient, not content the Mitteilung does not document.
    auto other_office = rq;
    other_office.recipient.partner = 777;
    CHECK_FALSE(store::decide(rs.store, other_office)->allowed);
    auto more = request(f, Purpose::mitteilung_kjh, jugendamt(), {DataCategory::kontakte});
    auto dm = store::decide(rs.store, more);
    CHECK_FALSE(dm->allowed);
    CHECK(dm->verdicts.at(0).reason == Refusal::nicht_im_dokumentierten_inhalt);
    // send_mitteilung passes the Mitteilung's own content through the same point.
    auto sent = store::send_mitteilung(rs.store, *mid, Channel::brief, "Sabine Hofer");
    REQUIRE(sent.ok());
    CHECK(count(rs.store, "SELECT count(*) FROM disclosures") == 2);
    CHECK(store::test::value(rs.store, "SELECT consent_sought FROM disclosures WHERE id = " +
                                           std::to_string(*sent)) == "angestrebt_verweigert");
  }
}

TEST_CASE("dstore-4: without the jurisdiction setting no Mitteilung is recorded and no legal basis applies") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  auto m = store::record_mitteilung(
      rs.store, f.id, mitteilung(Jurisdiction::deutschland, {DataCategory::kinderschutz}, today()));
  CHECK(m.error().is(Str::cp_err_jurisdiction));
  auto j = store::load_jurisdiction(rs.store);
  REQUIRE(j.ok());
  CHECK_FALSE(j->has_value());
  // A stored Mitteilung of the other jurisdiction never applies.
  REQUIRE(store::set_jurisdiction(rs.store, Jurisdiction::oesterreich).ok());
  REQUIRE(store::record_mitteilung(
              rs.store, f.id, mitteilung(Jurisdiction::oesterreich, {DataCategory::kinderschutz}, today()))
              .ok());
  REQUIRE(store::set_jurisdiction(rs.store, Jurisdiction::deutschland).ok());
  auto d =
      store::decide(rs.store, request(f, Purpose::mitteilung_kjh, jugendamt(), {DataCategory::kinderschutz}));
  REQUIRE(d.ok());
  CHECK_FALSE(d->allowed);
  CHECK(d->verdicts.at(0).reason == Refusal::grundlage_andere_jurisdiktion);
}

TEST_CASE("dstore-5: the Offenlegungsprotokoll is append-only (triggers) and goes only with its family") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  auto cid = store::record_consent(
      rs.store, consent(f, Purpose::austausch, jugendamt(), {DataCategory::ziele}, D(2026, 11, 2)));
  REQUIRE(cid.ok());
  auto out = store::disclose(rs.store, request(f, Purpose::austausch, jugendamt(), {DataCategory::ziele}),
                             std::nullopt, "Sabine Hofer");
  REQUIRE(out.ok());
  const auto id = std::to_string(out->record.id);
  CHECK(sql_fails(rs.store, "UPDATE disclosures SET categories = 255 WHERE id = " + id).find("append-only") !=
        std::string::npos);
  CHECK(sql_fails(rs.store, "DELETE FROM disclosures WHERE id = " + id).find("append-only") !=
        std::string::npos);
  CHECK(sql_fails(rs.store, "DELETE FROM disclosure_consents").find("append-only") != std::string::npos);
  CHECK(sql_fails(rs.store, "UPDATE disclosure_consents SET consent_id = 0").find("append-only") !=
        std::string::npos);
  // A protocol line on a legal basis without the consent-sought answer cannot be stored at all.
  sql_fails(
      rs.store,
      "INSERT INTO disclosures(family_id, disclosed_on, recipient_kind, purpose, categories, channel, "
      "data_form, basis, norm, created_at) VALUES (" +
          std::to_string(f.id) +
          ", '2026-11-20', 'kjh', 'mitteilung_kjh', 1, 'brief', 'personenbezogen', 'gesetzliche_pflicht', "
          "'at_b_kjhg_37', 'x')");
  REQUIRE(store::delete_family(rs.store, f.id).ok());
  CHECK(count(rs.store, "SELECT count(*) FROM disclosures") == 0);
  CHECK(count(rs.store, "SELECT count(*) FROM disclosure_consents") == 0);
}

TEST_CASE("dstore-6: anonymised data need no consent for Fachberatung; the protocol records the form") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  const Recipient fachkraft{RecipientKind::insoweit_erfahrene_fachkraft, kFachkraft, "Frau Lindqvist (ieF)"};
  auto out = store::disclose(
      rs.store,
      request(f, Purpose::fachberatung, fachkraft, {DataCategory::kinderschutz}, DataForm::anonymisiert),
      std::nullopt, "Sabine Hofer");
  REQUIRE(out.ok());
  CHECK(out->record.entry.basis == BasisKind::anonymisiert);
  CHECK(out->record.entry.form == DataForm::anonymisiert);
  // … but never Stammdaten, and personal data not without a basis.
  CHECK_FALSE(store::disclose(rs.store,
                              request(f, Purpose::fachberatung, fachkraft, {DataCategory::stammdaten},
                                      DataForm::anonymisiert),
                              std::nullopt, "Sabine Hofer")
                  .ok());
  CHECK_FALSE(store::disclose(rs.store,
                              request(f, Purpose::fachberatung, fachkraft, {DataCategory::kinderschutz}),
                              std::nullopt, "Sabine Hofer")
                  .ok());
  CHECK(count(rs.store, "SELECT count(*) FROM disclosures") == 1);
}
