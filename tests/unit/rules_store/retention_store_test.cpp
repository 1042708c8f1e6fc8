// Focus: retention setting, cases due for deletion, deletion that leaves no
// byte behind, and the Auskunft (issue 7 item 6; docs/consent.md
// "retstore-*", "auskunft-*").
#include <sqlite3.h>

#include <filesystem>

#include "exchange/case_draft.h"
#include "rules_store_test_util.h"
#include "store/auskunft.h"
#include "store/child_protection.h"
#include "store/consents.h"
#include "store/cooperation_agreements.h"
#include "store/disclosures.h"
#include "store/kjh.h"
#include "store/retention.h"

using namespace bb;
using namespace bb::rules;
using namespace bb::rules_store::test;
using bb::store::test::contains;
using bb::store::test::file_bytes;
using bb::store::test::TempPath;

TEST_CASE("retstore-1: no retention period by default: 'not set' is stored and nothing is ever due") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  REQUIRE(store::close_family(rs.store, f.id, "regulaer", "2026-09-20").ok());
  auto p = store::load_retention_policy(rs.store);
  REQUIRE(p.ok());
  CHECK_FALSE(p->months.has_value());
  auto list = store::cases_due_for_deletion(rs.store);
  REQUIRE(list.ok());
  CHECK_FALSE(list->policy_set);
  CHECK(list->policy_text.id == Str::rules_ret_not_set);
  CHECK(list->due.empty());
  CHECK(store::retention_of(rs.store, f.id)->state == RetentionState::nicht_eingestellt);
  CHECK(store::set_retention_months(rs.store, 0).error().is(Str::rules_ret_invalid));
  REQUIRE(store::set_retention_months(rs.store, 24).ok());
  CHECK(store::load_retention_policy(rs.store)->months == 24);
  REQUIRE(store::set_retention_months(rs.store, std::nullopt).ok());  // unset again
  CHECK_FALSE(store::load_retention_policy(rs.store)->months.has_value());
}

TEST_CASE("retstore-2: closed families are due from the closing date plus the period; open ones never") {
  RulesStore rs;
  const auto a = make_family(rs.store, "Aichinger");
  const auto b = make_family(rs.store, "Baumann");
  const auto c = make_family(rs.store, "Celik");
  REQUIRE(store::close_family(rs.store, a.id, "regulaer", "2026-09-20").ok());
  REQUIRE(store::close_family(rs.store, b.id, "umzug", "2026-11-01").ok());
  REQUIRE(store::set_retention_months(rs.store, 1).ok());
  auto list = store::cases_due_for_deletion(rs.store);
  REQUIRE(list.ok());
  CHECK(list->policy_set);
  REQUIRE(list->due.size() == 1);
  CHECK(list->due.front().family_id == a.id);
  CHECK(list->due.front().due_on == D(2026, 10, 20));
  CHECK(store::retention_of(rs.store, b.id)->state == RetentionState::laeuft);
  CHECK(store::retention_of(rs.store, c.id)->state == RetentionState::nicht_abgeschlossen);
  auto later = store::cases_due_for_deletion(rs.store, D(2026, 12, 1));
  REQUIRE(later.ok());
  CHECK(later->due.size() == 2);
}

namespace {

// The store file decrypted, page by page: a copy re-keyed to no encryption
// (SQLite3MC rewrites every page, free pages included), read as bytes.
std::vector<uint8_t> decrypted_bytes(const std::string& path) {
  TempPath copy("plain");
  std::filesystem::copy_file(path, copy.str());
  {
    auto s = store::Store::open(copy.str(), store::test::kPass, store::test::fast());
    REQUIRE(s.ok());
    store::test::sql(*s, "PRAGMA rekey = ''");
  }
  auto bytes = file_bytes(copy.str());
  REQUIRE(bytes.size() > 16);
  CHECK(std::string(bytes.begin(), bytes.begin() + 15) == "SQLite format 3");  // really plaintext now
  return bytes;
}

// Every form the marker could take in the file: as written, folded for the
// search index, and its tail (FTS5 stores terms prefix-compressed).
bool has_marker(const std::vector<uint8_t>& bytes, const std::string& marker) {
  std::string lower = marker;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return contains(bytes, marker) || contains(bytes, lower) || contains(bytes, lower.substr(3));
}

}  // namespace

TEST_CASE(
    "retstore-3: after erasing a family with a unique marker name, the marker is in no byte of the decrypted "
    "file") {
  const std::string marker = "Qwzyxvoborek";
  RulesStore rs;
  REQUIRE(store::set_jurisdiction(rs.store, Jurisdiction::deutschland).ok());
  const auto keep = make_family(rs.store, "Okafor");
  const auto f = make_family(rs.store, marker);
  // The marker everywhere a family's data can go.
  auto contact = cases::test::contact("2026-11-10", "Hausbesuch bei " + marker + ", alles ruhig");
  REQUIRE(store::add_contact(rs.store, f.id, contact).ok());
  auto c = consent(f, Purpose::vermittlung, beratung(), {DataCategory::stammdaten}, D(2026, 11, 2));
  c.note = "Einwilligung " + marker;
  REQUIRE(store::record_consent(rs.store, c).ok());
  REQUIRE(store::disclose(rs.store, request(f, Purpose::vermittlung, beratung(), {DataCategory::stammdaten}),
                          std::nullopt, "Sabine Hofer", "Weitergabe " + marker)
              .ok());
  Anhaltspunkt a;
  a.what = "Beobachtung " + marker;
  a.observed_on = D(2026, 11, 12);
  REQUIRE(store::record_anhaltspunkt(rs.store, f.id, a).ok());
  KjhInvolvement i;
  i.kind = KjhKind::freiwillige_leistung;
  i.from = D(2026, 10, 1);
  i.note = "KJH " + marker;
  REQUIRE(store::add_kjh_involvement(rs.store, f.id, i).ok());
  CooperationAgreement ag;
  ag.drafted_on = D(2026, 11, 1);
  ag.goals_familie = {"Ziel " + marker};
  REQUIRE(store::save_cooperation_agreement(rs.store, f.id, ag).ok());
  {  // an unsaved form of the family, kept as a draft across the lock (exchange/case_draft.h)
    exchange::CaseDraft draft;
    draft.form = exchange::DraftForm::contact;
    draft.family_id = f.id;
    draft.input.contact.note = "Entwurf " + marker;
    const std::string json = exchange::case_draft_to_json(draft);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(rs.store.db(), "INSERT INTO settings(key, value) VALUES (?1, ?2)", -1, &st,
                               nullptr) == SQLITE_OK);
    sqlite3_bind_text(st, 1, exchange::kCaseDraftKey, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, json.c_str(), static_cast<int>(json.size()), SQLITE_TRANSIENT);
    CHECK(sqlite3_step(st) == SQLITE_DONE);
    sqlite3_finalize(st);
  }
  auto found = store::search_families(rs.store, marker);
  REQUIRE(found.ok());
  CHECK(found->total == 1);
  REQUIRE(store::close_family(rs.store, f.id, "regulaer", "2026-09-20").ok());
  REQUIRE(store::set_retention_months(rs.store, 1).ok());
  REQUIRE(store::cases_due_for_deletion(rs.store)->due.size() == 1);

  rs.store.lock();                                             // the file as it is at rest
  CHECK(has_marker(decrypted_bytes(rs.path.str()), marker));   // the method sees it while it is there
  CHECK_FALSE(has_marker(file_bytes(rs.path.str()), marker));  // encrypted at rest anyway
  {
    auto s = store::Store::open(rs.path.str(), store::test::kPass, store::test::fast());
    REQUIRE(s.ok());
    rs.store = std::move(*s);
  }
  REQUIRE(store::erase_family(rs.store, f.id).ok());
  CHECK(store::search_families(rs.store, marker)->total == 0);
  CHECK(store::load_family(rs.store, keep.id).ok());
  rs.store.lock();
  CHECK_FALSE(has_marker(decrypted_bytes(rs.path.str()), marker));
  // No journal or WAL left beside the file.
  CHECK_FALSE(std::filesystem::exists(rs.path.str() + "-journal"));
  CHECK_FALSE(std::filesystem::exists(rs.path.str() + "-wal"));
  auto s = store::Store::open(rs.path.str(), store::test::kPass, store::test::fast());
  REQUIRE(s.ok());
  auto report = s->check();
  REQUIRE(report.ok());
  CHECK(report->ok);
  rs.store = std::move(*s);
}

TEST_CASE(
    "auskunft-1: the Auskunft holds every record stored about the family, and nothing of another family") {
  RulesStore rs;
  REQUIRE(store::set_jurisdiction(rs.store, Jurisdiction::oesterreich).ok());
  const auto f = make_family(rs.store);
  const auto other = make_family(rs.store, "Fremdling");
  std::vector<std::string> texts;
  auto mark = [&](const std::string& what) {
    texts.push_back("AK-" + what);
    return texts.back();
  };
  REQUIRE(store::add_contact(rs.store, f.id, cases::test::contact("2026-11-10", mark("Kontaktnotiz"))).ok());
  REQUIRE(store::add_contact(rs.store, other.id, cases::test::contact("2026-11-10", "FREMD-Kontakt")).ok());
  cases::GoalInput goal;
  goal.title = mark("Zieltitel");
  goal.comment = mark("Zielkommentar");
  REQUIRE(store::add_goal(rs.store, f.id, goal).ok());
  cases::AssessmentInput as;
  as.on = "2026-11-01";
  as.occasion = cases::AssessmentOccasion::intake;
  as.ratings = {{"wohnen", 2, mark("Bewertung")}};
  REQUIRE(store::record_assessment(rs.store, f.id, as).ok());
  REQUIRE(
      store::set_responsibility(rs.store, f.id, {"wohnen", cases::Party::kjh, mark("Zustaendig"), {}}).ok());
  auto c = consent(f, Purpose::vermittlung, beratung(), {DataCategory::stammdaten}, D(2026, 11, 2));
  c.note = mark("Einwilligung");
  auto cid = store::record_consent(rs.store, c);
  REQUIRE(cid.ok());
  REQUIRE(store::revoke_consent(rs.store, *cid, D(2026, 11, 15), mark("Widerruf")).ok());
  store::InformationRecord info;
  info.family_id = f.id;
  info.informed_on = D(2026, 11, 3);
  info.cooperation_with = beratung();
  info.purpose = mark("Zweck");
  info.content = mark("Inhalt");
  REQUIRE(store::record_information(rs.store, info).ok());
  REQUIRE(
      store::disclose(rs.store,
                      request(f, Purpose::fachberatung,
                              {RecipientKind::insoweit_erfahrene_fachkraft, kFachkraft, mark("Fachkraft")},
                              {DataCategory::kinderschutz}, DataForm::anonymisiert),
                      std::nullopt, "Sabine Hofer", mark("Protokollnotiz"))
          .ok());
  KjhInvolvement i;
  i.kind = KjhKind::verbindlicher_hilfeplan;
  i.from = D(2026, 11, 1);
  i.child = f.child;
  i.fallfuehrung = mark("Sozialarbeiterin");
  REQUIRE(store::add_kjh_involvement(rs.store, f.id, i).ok());
  CooperationException e;
  e.kind = ExceptionKind::d_einzelfall;
  e.decided_on = D(2026, 11, 5);
  e.begruendung = mark("Begruendung");
  e.ruecksprache.who = mark("Leitung");
  REQUIRE(store::record_kjh_exception(rs.store, f.id, e).ok());
  CooperationAgreement ag;
  ag.drafted_on = D(2026, 11, 6);
  ag.goals_fh = {mark("FH-Ziel")};
  ag.responsibilities = {{mark("Thema"), Responsible::familie, {}}};
  ag.anlassfaelle = {mark("Anlass")};
  REQUIRE(store::save_cooperation_agreement(rs.store, f.id, ag).ok());
  Anhaltspunkt a;
  a.what = mark("Anhaltspunkt");
  a.observed_on = D(2026, 11, 12);
  REQUIRE(store::record_anhaltspunkt(rs.store, f.id, a).ok());
  auto m = mitteilung(Jurisdiction::oesterreich, {DataCategory::kinderschutz}, D(2026, 11, 18));
  m.reasons = mark("Gruende");
  REQUIRE(store::record_mitteilung(rs.store, f.id, m).ok());
  Consultation co;
  co.on = D(2026, 11, 14);
  co.result = mark("Beratungsergebnis");
  REQUIRE(store::record_consultation(rs.store, f.id, co).ok());

  auto doc = store::gather_auskunft(rs.store, f.id);
  REQUIRE(doc.ok());
  const auto text = store::auskunft_text(*doc);
  for (const auto& t : texts) {
    CAPTURE(t);
    CHECK(text.find(t) != std::string::npos);
  }
  CHECK(text.find("Brandtner") != std::string::npos);
  CHECK(text.find("Mira") != std::string::npos);
  CHECK(text.find("FREMD") == std::string::npos);
  CHECK(text.find("Fremdling") == std::string::npos);
  CHECK(doc->sections.size() == 14);
  auto en = store::gather_auskunft(rs.store, f.id, Lang::en);
  REQUIRE(en.ok());
  CHECK(store::auskunft_text(*en, Lang::en).find("Disclosure log") != std::string::npos);
}
