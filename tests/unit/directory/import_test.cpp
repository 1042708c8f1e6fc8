// Focus: importing the network directory into the store (src/store/directory.h,
// docs/directory.md "Import"): diff before apply, new / changed / removed
// entries by directory id, own entries kept, the conflict rule for local
// edits, nothing changed by a refused or failing import, export.
#include "directory_test_util.h"

using namespace bb;
using namespace bb::directory;
using namespace bb::directory::test;
using bb::cases::test::CaseStore;
using store::ChangeKind;
using store::EntryKind;

TEST_CASE("dir-import-1: a first import adds every partner, offer and Fachkraft and records the Stand") {
  CaseStore cs;
  const auto d = small_directory();
  auto diff = store::diff_directory(cs.store, d);
  REQUIRE(diff.ok());
  CHECK(diff->count(EntryKind::partner, ChangeKind::added) == 3);
  CHECK(diff->count(EntryKind::offer, ChangeKind::added) == 4);
  CHECK(diff->count(EntryKind::fachkraft, ChangeKind::added) == 1);
  CHECK(diff->stand_before.empty());
  CHECK(cs.count("SELECT count(*) FROM partners") == 0);  // the diff changed nothing
  auto applied = store::import_directory(cs.store, d);
  REQUIRE(applied.ok());
  CHECK(applied->changes.size() == diff->changes.size());
  auto info = store::directory_info(cs.store);
  REQUIRE(info.ok());
  CHECK(info->imported);
  CHECK(info->stand == "2026-09-01");
  CHECK(info->partners == 3);
  CHECK(info->offers == 4);
  CHECK(info->fachkraefte == 1);
  // The same file again: nothing to do.
  auto again = store::import_directory(cs.store, d);
  REQUIRE(again.ok());
  CHECK(again->empty());
  CHECK(again->unchanged == 8);
}

TEST_CASE("dir-import-2: an update shows the changed fields before applying and then changes exactly them") {
  CaseStore cs;
  REQUIRE(store::import_directory(cs.store, small_directory()).ok());
  auto d = small_directory("2026-10-01");
  d.partners[1].phone = "09876 54321";
  d.partners[1].offers[0].title = "Babysprechstunde am Dienstag";
  d.partners[1].offers[0].topics.push_back("schreien");
  auto diff = store::diff_directory(cs.store, d);
  REQUIRE(diff.ok());
  REQUIRE(diff->changes.size() == 2);
  CHECK(diff->changes[0].kind == EntryKind::partner);
  CHECK(diff->changes[0].change == ChangeKind::changed);
  CHECK(diff->changes[0].directory_id == "p-b");
  CHECK(diff->changes[0].fields == std::vector<std::string>{"phone"});
  CHECK(diff->changes[1].kind == EntryKind::offer);
  CHECK(diff->changes[1].fields == std::vector<std::string>{"title", "topics"});
  CHECK(diff->changes[1].partner_name == "Hebammenpraxis Nowak");
  CHECK(diff->stand_before == "2026-09-01");
  REQUIRE(store::import_directory(cs.store, d).ok());
  auto p = store::load_partner(cs.store, row_of(cs.store, "partners", "p-b"));
  REQUIRE(p.ok());
  CHECK(p->partner.phone == "09876 54321");
  REQUIRE(p->offers.size() == 1);
  CHECK(p->offers[0].offer.title == "Babysprechstunde am Dienstag");
  CHECK(p->offers[0].offer.topics == std::vector<std::string>{"schlafen", "stillen", "schreien"});
  // The search index follows the change.
  store::OfferQuery q;
  q.text = "dienstag";
  CHECK(store::search_offers(cs.store, q)->total == 1);
}

TEST_CASE(
    "dir-import-3: an entry missing from the file is removed (kept for referrals, hidden from search)") {
  CaseStore cs;
  REQUIRE(store::import_directory(cs.store, small_directory()).ok());
  const int64_t family = *store::create_family(cs.store, cases::test::family("Yılmaz"),
                                               {cases::test::person(cases::PersonRole::parent, "Ayşe")});
  const int64_t parent = std::stoll(store::test::value(cs.store, "SELECT id FROM persons"));
  store::ReferralInput r;
  r.partner_id = row_of(cs.store, "partners", "p-c");
  r.reason_need = "existenz";
  r.consent = store::ReferralConsent{parent, "", rules::ConsentForm::schriftlich, "", std::nullopt};
  auto referral = store::create_referral(cs.store, family, r);
  REQUIRE(referral.ok());

  auto d = small_directory("2026-10-01");
  d.partners.pop_back();  // p-c and its offer o-c1 are gone
  d.fachkraefte.clear();
  auto diff = store::import_directory(cs.store, d);
  REQUIRE(diff.ok());
  CHECK(diff->count(EntryKind::partner, ChangeKind::removed) == 1);
  CHECK(diff->count(EntryKind::offer, ChangeKind::removed) == 1);
  CHECK(diff->count(EntryKind::fachkraft, ChangeKind::removed) == 1);
  CHECK(diff->changes.back().kind == EntryKind::fachkraft);
  auto info = store::directory_info(cs.store);
  CHECK(info->partners == 2);
  CHECK(info->offers == 3);
  store::OfferQuery q;
  q.need = "existenz";
  CHECK(store::search_offers(cs.store, q)->total == 0);
  // The referral still shows its partner.
  auto kept = store::load_referral(cs.store, *referral);
  REQUIRE(kept.ok());
  CHECK(kept->partner_name == "Schuldnerberatung Lindenau");
  CHECK(store::load_partner(cs.store, r.partner_id)->removed);
  // A new referral to the removed partner is refused.
  CHECK(store::create_referral(cs.store, family, r).error().is(Str::dir_err_partner_removed));
  // If the partner comes back in a later file, it is "added" again.
  auto back = store::import_directory(cs.store, small_directory("2026-11-01"));
  REQUIRE(back.ok());
  CHECK(back->count(EntryKind::partner, ChangeKind::added) == 1);
  CHECK_FALSE(store::load_partner(cs.store, r.partner_id)->removed);
}

TEST_CASE("dir-import-4: own entries (origin local) are kept by every import and never exported by default") {
  CaseStore cs;
  REQUIRE(store::import_directory(cs.store, small_directory()).ok());
  auto own = partner("", "Stillcafé bei Frau Berger", "ehrenamt", "Lindenau");
  auto id = store::add_partner(cs.store, own);
  REQUIRE(id.ok());
  auto own_offer = store::add_offer(cs.store, *id, offer("", "Stillcafé", {"stillen"}));
  REQUIRE(own_offer.ok());
  auto directory_offer = store::add_offer(cs.store, row_of(cs.store, "partners", "p-a"),
                                          offer("", "Vätertreff", {"partnerschaft"}));
  REQUIRE(directory_offer.ok());
  auto d = small_directory("2026-10-01");
  d.partners.clear();  // even a file without any partner
  auto diff = store::import_directory(cs.store, d);
  REQUIRE(diff.ok());
  CHECK(diff->count(EntryKind::partner, ChangeKind::removed) == 3);
  CHECK(diff->count(EntryKind::offer, ChangeKind::removed) == 4);  // the own offer is not among them
  auto p = store::load_partner(cs.store, *id);
  REQUIRE(p.ok());
  CHECK_FALSE(p->removed);
  CHECK(p->origin == store::Origin::local);
  CHECK(p->offers.size() == 1);
  store::OfferQuery q;
  q.text = "stillcafe";
  CHECK(store::search_offers(cs.store, q)->total == 1);

  REQUIRE(store::import_directory(cs.store, small_directory("2026-11-01")).ok());
  auto exported = store::export_directory(cs.store);
  REQUIRE(exported.ok());
  CHECK(exported->partners.size() == 3);
  for (const auto& ep : exported->partners) CHECK(ep.id.rfind("local-", 0) != 0);
  CHECK(exported->offer_count() == 4);
  store::ExportOptions with_local;
  with_local.include_local = true;
  auto all = store::export_directory(cs.store, with_local);
  REQUIRE(all.ok());
  CHECK(all->partners.size() == 4);
  CHECK(all->partners.back().id == "local-p" + std::to_string(*id));
  CHECK(all->offer_count() == 6);
  // What is exported reads back as a valid file.
  CHECK(exchange::parse_directory_file(exchange::serialize_directory(*all)).ok());
}

TEST_CASE(
    "dir-import-5: a local edit the file did not change is kept; a conflicting one: file wins, edit kept as "
    "note") {
  CaseStore cs;
  REQUIRE(store::import_directory(cs.store, small_directory()).ok());
  const int64_t a = row_of(cs.store, "partners", "p-a");
  const int64_t b = row_of(cs.store, "partners", "p-b");
  REQUIRE(store::set_partner_note(cs.store, b, "Frau Nowak lieber vormittags anrufen.").ok());
  auto edit_a = store::load_partner(cs.store, a)->partner;
  edit_a.phone = "01234 1111";
  REQUIRE(store::edit_partner(cs.store, a, edit_a).ok());
  auto edit_b = store::load_partner(cs.store, b)->partner;
  edit_b.phone = "01234 2222";
  edit_b.contact_person = "Marta Nowak";
  REQUIRE(store::edit_partner(cs.store, b, edit_b).ok());
  CHECK(store::load_partner(cs.store, b)->locally_edited);

  // The next file changes p-b (phone) but not p-a.
  auto d = small_directory("2026-10-01");
  d.partners[1].phone = "01234 3333";
  auto diff = store::diff_directory(cs.store, d);
  REQUIRE(diff.ok());
  REQUIRE(diff->changes.size() == 1);
  const auto& c = diff->changes[0];
  CHECK(c.change == ChangeKind::conflict);
  CHECK(c.directory_id == "p-b");
  CHECK(c.fields == std::vector<std::string>{"contact_person", "phone"});
  CHECK(c.kept_note ==
        "Eigene Änderung, ersetzt durch das Netzwerkverzeichnis vom 01.10.2026: contact_person: Marta Nowak; "
        "phone: 01234 2222");
  REQUIRE(store::import_directory(cs.store, d).ok());
  auto pb = store::load_partner(cs.store, b);
  CHECK(pb->partner.phone == "01234 3333");  // the file wins
  CHECK(pb->partner.contact_person.empty());
  CHECK_FALSE(pb->locally_edited);
  CHECK(pb->local_note == "Frau Nowak lieber vormittags anrufen.\n" + c.kept_note);  // the edit is kept
  auto pa = store::load_partner(cs.store, a);
  CHECK(pa->partner.phone == "01234 1111");  // unchanged in the file: the local edit stays
  CHECK(pa->locally_edited);
  // The file later changes p-a too: now it is a conflict for p-a.
  d = small_directory("2026-11-01");
  d.partners[1].phone = "01234 3333";
  d.partners[0].name = "Familienzentrum Mühlbach e. V.";
  auto diff2 = store::import_directory(cs.store, d);
  REQUIRE(diff2.ok());
  REQUIRE(diff2->changes.size() == 1);
  CHECK(diff2->changes[0].change == ChangeKind::conflict);
  CHECK(diff2->changes[0].fields == std::vector<std::string>{"name", "phone"});
  CHECK(store::load_partner(cs.store, a)->partner.phone == "01234 5678");
}

TEST_CASE("dir-import-6: an older Stand is refused unless allowed; the store stays byte-for-byte the same") {
  CaseStore cs;
  REQUIRE(store::import_directory(cs.store, small_directory("2026-10-01")).ok());
  const std::string tables = tables_digest(cs.store);
  const std::string file = file_hash(cs.path.str());
  auto older = small_directory("2026-09-01");
  older.partners.pop_back();
  auto r = store::import_directory(cs.store, older);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(Str::dir_err_older_stand));
  CHECK(r.error().text().find("01.09.2026") != std::string::npos);
  CHECK(tables_digest(cs.store) == tables);
  CHECK(file_hash(cs.path.str()) == file);
  auto diff = store::diff_directory(cs.store, older);
  REQUIRE(diff.ok());
  CHECK(diff->older);
  store::ImportOptions allow;
  allow.allow_older = true;
  CHECK(store::import_directory(cs.store, older, allow).ok());
}

TEST_CASE(
    "dir-import-7: an invalid file changes nothing; a failure while applying rolls the whole import back") {
  CaseStore cs;
  REQUIRE(store::import_directory(cs.store, small_directory()).ok());
  const std::string tables = tables_digest(cs.store);
  const std::string file = file_hash(cs.path.str());
  // Invalid files are refused by the reader, whole: nothing to import.
  std::string text = exchange::serialize_directory(small_directory("2026-10-01"));
  const auto at = text.find("\"Hebammenpraxis Nowak\"");
  REQUIRE(at != std::string::npos);
  std::string bad = text;
  bad.replace(at, 22, "42");  // a number where a name belongs, in the middle of the file
  CHECK(exchange::parse_directory_file(bad).error().is(Str::dir_err_type));
  CHECK(exchange::parse_directory_file(text.substr(0, text.size() / 2)).error().is(Str::dir_err_syntax));
  CHECK(tables_digest(cs.store) == tables);
  CHECK(file_hash(cs.path.str()) == file);

  // A failure in the middle of applying (the third new offer cannot be written).
  store::test::sql(
      cs.store,
      "CREATE TEMP TRIGGER fail_third AFTER INSERT ON offers WHEN (SELECT count(*) FROM offers) >= 6 "
      "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END");
  auto d = small_directory("2026-10-01");
  d.partners[0].phone = "01234 0000";
  for (int i = 0; i < 3; ++i)
    d.partners[2].offers.push_back(offer("o-new" + std::to_string(i), "Neu", {"wohnen"}));
  auto r = store::import_directory(cs.store, d);
  REQUIRE_FALSE(r.ok());
  CHECK(tables_digest(cs.store) == tables);
  CHECK(store::directory_info(cs.store)->stand == "2026-09-01");
  store::test::sql(cs.store, "DROP TRIGGER fail_third");
  CHECK(store::import_directory(cs.store, d).ok());
}

TEST_CASE(
    "dir-import-8: the example file imports, exports and re-imports without changes; key fingerprints show") {
  CaseStore cs;
  auto d = exchange::parse_directory_file(read_text(example_path()));
  REQUIRE(d.ok());
  REQUIRE(store::import_directory(cs.store, *d).ok());
  auto exported = store::export_directory(cs.store);
  REQUIRE(exported.ok());
  CHECK(exchange::serialize_directory(*exported) == exchange::serialize_directory(*d));
  auto again = store::import_directory(cs.store, *exported);
  REQUIRE(again.ok());
  CHECK(again->empty());
  auto ja = store::load_partner(cs.store, row_of(cs.store, "partners", "ja-lindenau"));
  REQUIRE(ja.ok());
  CHECK(ja->fingerprint.size() == 19);
  CHECK(ja->fingerprint == *store::age_key_fingerprint(ja->partner.age_key));
  CHECK(store::age_key_fingerprint("age1falsch").error().is(Str::dir_err_age_key));
  // Fachkräfte are their own list, searchable.
  auto ief = store::list_fachkraefte(cs.store, "saugling");
  REQUIRE(ief.ok());
  REQUIRE(ief->size() == 1);
  CHECK(ief->front().fachkraft.name == "Ines Horvath");
  CHECK(store::list_fachkraefte(cs.store)->size() == 2);
}

TEST_CASE("dir-import-9: own entries and edits are validated field by field, nothing saved on an error") {
  CaseStore cs;
  auto p = partner("", "  ", "hebamme", "Lindenau");
  auto r = store::add_partner(cs.store, p);
  REQUIRE_FALSE(r.ok());
  CHECK(cases::invalid_field(r.error()) == "name");
  p = partner("", "Praxis", "hebamme", "Lindenau");
  p.age_key = "age1" + std::string(58, 'q');  // the right shape, but not a key
  r = store::add_partner(cs.store, p);
  REQUIRE_FALSE(r.ok());
  CHECK(cases::invalid_field(r.error()) == "age_key");
  CHECK(cs.count("SELECT count(*) FROM partners") == 0);
  p.age_key.clear();
  auto id = store::add_partner(cs.store, p);
  REQUIRE(id.ok());
  auto o = offer("", "Kurs", {"nicht_da"});
  auto ro = store::add_offer(cs.store, *id, o);
  REQUIRE_FALSE(ro.ok());
  CHECK(cases::invalid_field(ro.error()) == "topics");
  CHECK(cs.count("SELECT count(*) FROM offers") == 0);
}

TEST_CASE(
    "dir-import-10: a conflicting local edit of an offer is kept in its partner's note; edits never revive") {
  CaseStore cs;
  REQUIRE(store::import_directory(cs.store, small_directory()).ok());
  const int64_t o = row_of(cs.store, "offers", "o-b1");
  auto edited = store::load_offer(cs.store, o)->offer;
  edited.schedule = "dienstags 9 Uhr";
  REQUIRE(store::edit_offer(cs.store, o, edited).ok());
  CHECK(store::load_offer(cs.store, o)->locally_edited);
  auto d = small_directory("2026-10-01");
  d.partners[1].offers[0].schedule = "mittwochs 10 Uhr";
  auto diff = store::import_directory(cs.store, d);
  REQUIRE(diff.ok());
  REQUIRE(diff->changes.size() == 1);
  CHECK(diff->changes[0].kind == EntryKind::offer);
  CHECK(diff->changes[0].change == ChangeKind::conflict);
  CHECK(store::load_offer(cs.store, o)->offer.schedule == "mittwochs 10 Uhr");
  const auto note = store::load_partner(cs.store, row_of(cs.store, "partners", "p-b"))->local_note;
  CHECK(note ==
        "„Babysprechstunde“ – Eigene Änderung, ersetzt durch das Netzwerkverzeichnis vom 01.10.2026: "
        "schedule: dienstags 9 Uhr");
  // Removing a directory entry here is a local edit: the same file keeps it removed.
  const int64_t c = row_of(cs.store, "partners", "p-c");
  REQUIRE(store::remove_partner(cs.store, c).ok());
  auto p = store::load_partner(cs.store, c)->partner;
  p.phone = "01234 7777";
  REQUIRE(store::edit_partner(cs.store, c, p).ok());
  CHECK(store::load_partner(cs.store, c)->removed);  // an edit does not bring it back
  auto same = store::import_directory(cs.store, d);
  REQUIRE(same.ok());
  CHECK(same->empty());
  CHECK(store::load_partner(cs.store, c)->removed);
}
