// Focus: schema versions and migrations (PRAGMA user_version), issue 4 §3.
#include "store/migrations.h"
#include "store_test_util.h"

using namespace bb;
using namespace bb::store;
using namespace bb::store::test;

namespace {

// The app's migrations plus two later ones, as a future release would have them.
std::vector<Migration> future_list() {
  auto list = migrations();
  const int n = latest_schema_version();
  list.push_back({n + 1, "future_a",
                  "CREATE TABLE future_a(id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;", nullptr});
  list.push_back(
      {n + 2, "future_b",
       "CREATE TABLE future_b(id INTEGER PRIMARY KEY, a INTEGER NOT NULL REFERENCES future_a(id)) STRICT;"
       "CREATE INDEX future_b_a ON future_b(a);",
       nullptr});
  return list;
}

std::vector<std::string> tables(Store& s) {
  std::vector<std::string> out;
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(s.db(), "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1,
                             &st, nullptr) == SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW)
    out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  return out;
}

}  // namespace

TEST_CASE("migration-1: the app's migrations are numbered 1..N and migration 1 creates meta and settings") {
  const auto& list = migrations();
  REQUIRE_FALSE(list.empty());
  for (size_t i = 0; i < list.size(); ++i) CHECK(list[i].version == int(i) + 1);
  TempPath path("m1");
  auto s = Store::create(path.str(), kPass, fast());
  REQUIRE(s.ok());
  CHECK(s->schema_version() == latest_schema_version());
  const auto names = tables(*s);
  CHECK(std::count(names.begin(), names.end(), "meta") == 1);
  CHECK(std::count(names.begin(), names.end(), "settings") == 1);
  CHECK(value(*s, "SELECT value FROM meta WHERE key = 'created_at'").size() == 20);  // 2025-01-31T12:00:00Z
  CHECK_FALSE(value(*s, "SELECT value FROM meta WHERE key = 'created_by_version'").empty());
}

TEST_CASE("migration-2: a store from every earlier version opens in the newest code") {
  const auto list = future_list();
  const int newest = list.back().version;
  for (int k = 0; k < newest; ++k) {
    CAPTURE(k);
    TempPath path("m2");
    {
      // Version k: what an older app (knowing migrations 1..k) left behind.
      Options old = fast();
      std::vector<Migration> older(list.begin(), list.begin() + k);
      old.migrations = &older;
      if (k == 0) {
        // Version 0: a store that was keyed but never migrated.
        auto s = Store::create(path.str(), kPass, old);
        REQUIRE(s.ok());
        CHECK(s->schema_version() == 0);
        sql(*s, "CREATE TABLE leftover(x)");  // keeps the file non-empty
      } else {
        auto s = Store::create(path.str(), kPass, old);
        REQUIRE(s.ok());
        CHECK(s->schema_version() == k);
        sql(*s, "INSERT INTO settings VALUES ('kept', 'ja')");
      }
    }
    Options now = fast();
    now.migrations = &list;
    auto s = Store::open(path.str(), kPass, now);
    REQUIRE(s.ok());
    CHECK(s->schema_version() == newest);
    const auto names = tables(*s);
    CHECK(std::count(names.begin(), names.end(), "future_b") == 1);
    if (k > 0) CHECK(value(*s, "SELECT value FROM settings WHERE key = 'kept'") == "ja");
    auto report = s->check();
    REQUIRE(report.ok());
    CHECK(report->ok);
  }
}

TEST_CASE("migration-3: a store from a newer app is refused and left byte-for-byte unchanged") {
  TempPath path("m3");
  const auto list = future_list();
  {
    Options newer = fast();
    newer.migrations = &list;
    REQUIRE(Store::create(path.str(), kPass, newer).ok());
  }
  const auto before = file_bytes(path.str());
  auto s = Store::open(path.str(), kPass, fast());  // today's app knows fewer migrations
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().is(Str::store_newer_version));
  CHECK(s.error().arg == std::to_string(list.back().version));
  CHECK(s.error().text().find("neueren Version") != std::string::npos);
  CHECK(file_bytes(path.str()) == before);
}

TEST_CASE("migration-4: a failing migration is rolled back whole and the version stays") {
  auto list = migrations();
  const int n = latest_schema_version();
  list.push_back({n + 1, "half",
                  "CREATE TABLE half_a(x); INSERT INTO half_a VALUES (1); CREATE TABLE half_b(; ", nullptr});
  TempPath path("m4");
  { REQUIRE(Store::create(path.str(), kPass, fast()).ok()); }
  Options o = fast();
  o.migrations = &list;
  auto s = Store::open(path.str(), kPass, o);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().is(Str::store_migration_failed));
  CHECK(s.error().arg == std::to_string(n + 1));
  auto plain = Store::open(path.str(), kPass, fast());
  REQUIRE(plain.ok());
  CHECK(plain->schema_version() == n);
  const auto at_n = tables(*plain);  // the schema of version n, nothing of n + 1
  CHECK(std::count(at_n.begin(), at_n.end(), "half_a") == 0);

  // A migration function that fails after its script ran: same outcome.
  auto list2 = migrations();
  list2.push_back({n + 1, "function fails", "CREATE TABLE from_script(x);",
                   [](sqlite3*) { return Status(make_error(Str::err_internal, "step failed")); }});
  CHECK(migrate(plain->db(), list2).error().is(Str::store_migration_failed));
  CHECK(plain->schema_version() == n);
  CHECK(tables(*plain) == at_n);
  // A migration that leaves a foreign key violation is refused too.
  auto list3 = migrations();
  list3.push_back({n + 1, "dangling",
                   "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(p REFERENCES p(id));"
                   "INSERT INTO c VALUES (42);",
                   nullptr});
  CHECK(migrate(plain->db(), list3).error().is(Str::store_migration_failed));
  CHECK(plain->schema_version() == n);
  CHECK(value(*plain, "PRAGMA foreign_keys") == "1");
}

TEST_CASE(
    "migration-5: a store of every version before 4 upgrades to 4 with the directory and referral tables") {
  // Migration 4 (issue 6): partners, offers, Fachkräfte, referrals. Only the
  // first four migrations, so that later ones do not change what is tested.
  const auto& all = migrations();
  REQUIRE(all.size() >= 4);
  const std::vector<Migration> upto4(all.begin(), all.begin() + 4);
  for (int k = 0; k < 4; ++k) {
    CAPTURE(k);
    TempPath path("m5");
    {
      Options old = fast();
      std::vector<Migration> older(all.begin(), all.begin() + k);
      old.migrations = &older;
      auto s = Store::create(path.str(), kPass, old);
      REQUIRE(s.ok());
      if (k == 0) sql(*s, "CREATE TABLE leftover(x)");
      if (k >= 2) {
        sql(*s,
            "INSERT INTO families(family_name, sort_key, status_since, request_on, created_at, updated_at) "
            "VALUES ('Müller', 'muller', '2026-01-05', '2026-01-05', 't', 't')");
      }
    }
    Options now = fast();
    now.migrations = &upto4;
    auto s = Store::open(path.str(), kPass, now);
    REQUIRE(s.ok());
    CHECK(s->schema_version() == 4);
    const auto names = tables(*s);
    for (const char* t : {"directory_info", "partners", "offers", "offer_codes", "offer_search",
                          "fachkraefte", "referrals", "referral_info", "referral_feedback"})
      CHECK(std::count(names.begin(), names.end(), t) == 1);
    if (k >= 2) CHECK(value(*s, "SELECT family_name FROM families") == "Müller");
    // The new tables take data and keep their rules (a referral needs a recorded agreement).
    sql(*s,
        "INSERT INTO partners(origin, name, category, type, created_at, updated_at) "
        "VALUES ('local', 'Hebammenpraxis', 'gesundheit', 'hebamme', 't', 't')");
    if (k < 2) {
      sql(*s,
          "INSERT INTO families(family_name, sort_key, status_since, request_on, created_at, updated_at) "
          "VALUES ('Müller', 'muller', '2026-01-05', '2026-01-05', 't', 't')");
    }
    CHECK(sqlite3_exec(
              s->db(),
              "INSERT INTO referrals(family_id, partner_id, partner_name, partner_category, referred_on, "
              "reason_need, consent_by, consent_on, consent_form, created_at, updated_at) VALUES "
              "(1, 1, 'Hebammenpraxis', 'gesundheit', '2026-02-01', 'schlafen', '', '2026-02-01', "
              "'schriftlich', 't', 't')",
              nullptr, nullptr, nullptr) != SQLITE_OK);
    auto report = s->check();
    REQUIRE(report.ok());
    CHECK(report->ok);
  }
}

TEST_CASE(
    "migration-6: a store of every earlier version (0-4) upgrades to 5: issue-7 tables, the organisation row "
    "with nothing set, and the families kept") {
  const auto& list = migrations();
  REQUIRE(latest_schema_version() >= 5);
  CHECK(std::string(list[3].name) == "network directory and referrals");
  CHECK(std::string(list[4].name) == "consent, disclosure log, KJH cooperation, child protection, retention");
  for (int k = 0; k < 5; ++k) {
    CAPTURE(k);
    TempPath path("m5");
    {
      Options old = fast();
      std::vector<Migration> older(list.begin(), list.begin() + k);
      old.migrations = &older;
      auto s = Store::create(path.str(), kPass, old);
      REQUIRE(s.ok());
      CHECK(s->schema_version() == k);
      if (k == 0) sql(*s, "CREATE TABLE leftover(x)");
      if (k >= 2)
        sql(*s,
            "INSERT INTO families(id, family_name, sort_key, status, status_since, request_on, created_at, "
            "updated_at) VALUES (7, 'Brandtner', 'brandtner', 'laufend', '2026-09-01', '2026-09-01', 'x', "
            "'x')");
    }
    Options now = fast();
    std::vector<Migration> to5(list.begin(), list.begin() + 5);
    now.migrations = &to5;
    auto s = Store::open(path.str(), kPass, now);
    REQUIRE(s.ok());
    CHECK(s->schema_version() == 5);
    const auto names = tables(*s);
    for (const char* t :
         {"organisation", "consents", "cooperation_information", "disclosures", "disclosure_consents",
          "kjh_involvements", "kjh_exceptions", "cooperation_agreements", "cooperation_agreement_items",
          "child_protection_entries", "child_protection_procedure"}) {
      CAPTURE(t);
      CHECK(std::count(names.begin(), names.end(), t) == 1);
    }
    CHECK(
        value(*s,
              "SELECT count(*) FROM organisation WHERE jurisdiction IS NULL AND retention_months IS NULL") ==
        "1");
    if (k >= 2) CHECK(value(*s, "SELECT family_name FROM families WHERE id = 7") == "Brandtner");
    CHECK(value(*s, "SELECT v FROM family_search_config WHERE k = 'secure-delete'") == "1");
    auto report = s->check();
    REQUIRE(report.ok());
    CHECK(report->ok);
  }
}
