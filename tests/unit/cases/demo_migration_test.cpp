// Focus: demo data (deterministic from the seed) and migration 2 (issue 5 §8, schema).
#include <algorithm>

#include "cases_test_util.h"
#include "store/case_demo.h"
#include "store/migrations.h"

using namespace bb;
using namespace bb::cases;
using namespace bb::cases::test;
using namespace bb::store::test;

namespace {
std::string demo_digest(uint64_t seed, int families) {
  CaseStore cs;
  store::DemoOptions o;
  o.families = families;
  o.seed = seed;
  o.contacts_per_family = 12;
  o.batch = 7;
  auto r = store::generate_demo(cs.store, o);
  REQUIRE(r.ok());
  CHECK(r->families == families);
  auto d = store::content_digest(cs.store);
  REQUIRE(d.ok());
  return *d;
}
}  // namespace

TEST_CASE("demo-1: the same seed gives identical content, another seed different content") {
  const std::string a = demo_digest(42, 25);
  CHECK(a.size() == 64);
  CHECK(demo_digest(42, 25) == a);
  CHECK(demo_digest(43, 25) != a);
}

TEST_CASE("demo-2: demo families follow the rules and are found by the app's search") {
  CaseStore cs;
  store::DemoOptions o;
  o.families = 40;
  o.seed = 7;
  o.contacts_per_family = 20;
  auto r = store::generate_demo(cs.store, o);
  REQUIRE(r.ok());
  CHECK(r->contacts > 300);
  CHECK(r->contacts < 1300);
  CHECK(cs.count("SELECT count(*) FROM families") == 40);
  CHECK(cs.count("SELECT count(*) FROM families f WHERE NOT EXISTS (SELECT 1 FROM status_changes s WHERE "
                 "s.family_id = f.id AND s.to_status = f.status)") == 0);
  CHECK(cs.count("SELECT count(*) FROM contacts WHERE note = ''") == 0);
  CHECK(cs.count("SELECT count(*) FROM contact_topics t LEFT JOIN catalog k ON k.kind = 'topic' AND "
                 "k.code = t.topic WHERE k.code IS NULL") == 0);
  CHECK(cs.count("SELECT count(*) FROM contacts c JOIN families f ON f.id = c.family_id WHERE c.contact_on > "
                 "'2026-11-02' OR c.contact_on < f.request_on") == 0);
  auto report = cs.store.check();
  REQUIRE(report.ok());
  CHECK(report->ok);
  const std::string name = value(cs.store, "SELECT family_name FROM families WHERE id = 17");
  auto hits = store::search_families(cs.store, name, 100);
  REQUIRE(hits.ok());
  CHECK(std::any_of(hits->rows.begin(), hits->rows.end(),
                    [](const store::FamilyListRow& row) { return row.id == 17; }));
  auto overview = store::family_overview(cs.store, 17, o.today);
  REQUIRE(overview.ok());
  CHECK_FALSE(overview->timeline.empty());
}

TEST_CASE("cases-migration-1: a version 1 store migrates to the case schema and keeps its settings") {
  TempPath path("cm1");
  const auto& all = store::migrations();
  REQUIRE(store::latest_schema_version() >= 2);
  {
    std::vector<store::Migration> v1(all.begin(), all.begin() + 1);
    auto o = fast();
    o.migrations = &v1;
    auto s = store::Store::create(path.str(), kPass, o);
    REQUIRE(s.ok());
    CHECK(s->schema_version() == 1);
    sql(*s, "INSERT INTO settings VALUES ('language', 'de')");
  }
  auto s = store::Store::open(path.str(), kPass, fast());
  REQUIRE(s.ok());
  CHECK(s->schema_version() == store::latest_schema_version());
  CHECK(value(*s, "SELECT value FROM settings WHERE key = 'language'") == "de");
  for (const char* table : {"families", "persons", "status_changes", "contacts", "contact_persons",
                            "contact_topics", "assessments", "assessment_ratings", "goals", "goal_history",
                            "responsibilities", "catalog", "family_search"}) {
    CAPTURE(table);
    CHECK(value(*s, std::string("SELECT count(*) FROM sqlite_master WHERE name = '") + table + "'") == "1");
  }
  CHECK(value(*s, "SELECT count(*) FROM catalog WHERE kind = 'topic'") == "16");
  CHECK(value(*s, "SELECT label FROM catalog WHERE kind = 'contact_kind' AND code = 'hausbesuch'") ==
        "Hausbesuch");
  CHECK(value(*s, "SELECT count(*) FROM catalog WHERE kind = 'instrument'") == "12");
  auto report = s->check();
  REQUIRE(report.ok());
  CHECK(report->ok);
}

TEST_CASE("cases-migration-2: migration 2 runs in one transaction: if it fails, version 1 stays whole") {
  TempPath path("cm2");
  const auto& all = store::migrations();
  std::vector<store::Migration> v1(all.begin(), all.begin() + 1);
  {
    auto o = fast();
    o.migrations = &v1;
    auto s = store::Store::create(path.str(), kPass, o);
    REQUIRE(s.ok());
    sql(*s, "CREATE TABLE goals(x)");  // collides with a table of migration 2, halfway through
  }
  std::vector<store::Migration> v2(all.begin(), all.begin() + 2);
  auto o = fast();
  o.migrations = &v2;
  auto s = store::Store::open(path.str(), kPass, o);
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().is(Str::store_migration_failed));
  CHECK(s.error().arg == "2");
  auto plain = store::Store::open(path.str(), kPass, [&] {
    auto p = fast();
    p.migrations = &v1;
    return p;
  }());
  REQUIRE(plain.ok());
  CHECK(plain->schema_version() == 1);
  CHECK(value(*plain,
              "SELECT count(*) FROM sqlite_master WHERE name IN ('families', 'catalog', 'contacts')") == "0");
}

TEST_CASE("cases-migration-3: the schema itself refuses a closed family without end reason and bad dates") {
  CaseStore cs;
  auto id = store::create_family(cs.store, family("Binder"));
  REQUIRE(id.ok());
  const std::string where = " WHERE id = " + std::to_string(*id);
  char* err = nullptr;
  CHECK((sqlite3_exec(cs.store.db(), ("UPDATE families SET status = 'abgeschlossen'" + where).c_str(),
                      nullptr, nullptr, &err) &
         0xff) == SQLITE_CONSTRAINT);
  sqlite3_free(err);
  CHECK((sqlite3_exec(cs.store.db(), ("UPDATE families SET request_on = '2026-13-01'" + where).c_str(),
                      nullptr, nullptr, &err) &
         0xff) == SQLITE_CONSTRAINT);
  sqlite3_free(err);
  CHECK((sqlite3_exec(cs.store.db(),
                      ("INSERT INTO persons(family_id, role, created_at, updated_at) VALUES (" +
                       std::to_string(*id) + ", 'expected_child', 'x', 'x')")
                          .c_str(),
                      nullptr, nullptr, &err) &
         0xff) == SQLITE_CONSTRAINT);
  sqlite3_free(err);
  CHECK((sqlite3_exec(
             cs.store.db(),
             "INSERT INTO persons(family_id, role, created_at, updated_at) VALUES (9999, 'parent', 'x', 'x')",
             nullptr, nullptr, &err) &
         0xff) == SQLITE_CONSTRAINT);
  sqlite3_free(err);
}
