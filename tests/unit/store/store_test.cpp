// Focus: the encrypted store on a file (create, unlock, lock, rekey, check,
// transactions). Rules: ARCHITECTURE.md "Persistence that loses nothing", issue 4.
#include <chrono>

#include "store/sql.h"
#include "store_test_util.h"

using namespace bb;
using namespace bb::store;
using namespace bb::store::test;

TEST_CASE("store-1: a new store is encrypted on disk and no plaintext reaches the file") {
  TempPath path("enc");
  {
    auto s = Store::create(path.str(), kPass, fast());
    REQUIRE(s.ok());
    sql(*s, "INSERT INTO settings(key, value) VALUES ('marker', 'Zzyzx-Quokkabaum')");
    CHECK(value(*s, "SELECT value FROM settings WHERE key = 'marker'") == "Zzyzx-Quokkabaum");
  }
  const auto bytes = file_bytes(path.str());
  REQUIRE(bytes.size() >= 4096);
  CHECK_FALSE(contains(bytes, "SQLite format 3"));
  CHECK_FALSE(contains(bytes, "Zzyzx-Quokkabaum"));
  CHECK_FALSE(contains(bytes, "settings"));
}

TEST_CASE("store-2: creating a store never overwrites an existing file") {
  TempPath path("exists");
  { std::ofstream(path.str()) << "precious"; }
  auto s = Store::create(path.str(), kPass, fast());
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().is(Str::store_exists));
  CHECK(file_bytes(path.str()) == std::vector<uint8_t>{'p', 'r', 'e', 'c', 'i', 'o', 'u', 's'});
}

TEST_CASE("store-3: a wrong passphrase leaves the file byte-for-byte unchanged") {
  TempPath path("wrong");
  {
    auto s = Store::create(path.str(), kPass, fast());
    REQUIRE(s.ok());
    sql(*s, "INSERT INTO settings VALUES ('a', 'b')");
  }
  const auto before = file_bytes(path.str());
  for (const char* wrong : {"Hauskatze Mondschein Zugvoge", "x", "Hauskatze Mondschein Zugvogel "}) {
    auto s = Store::open(path.str(), wrong, fast());
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().is(Str::store_wrong_passphrase));
    CHECK(std::string(s.error().text()).find("Passphrase ist falsch") != std::string::npos);
  }
  CHECK(file_bytes(path.str()) == before);
  CHECK_FALSE(std::filesystem::exists(path.str() + "-journal"));
  auto s = Store::open(path.str(), kPass, fast());
  REQUIRE(s.ok());
  CHECK(value(*s, "SELECT value FROM settings WHERE key = 'a'") == "b");
}

TEST_CASE("store-4: lock closes the store and unlocking again sees every committed change") {
  TempPath path("lock");
  auto s = Store::create(path.str(), kPass, fast());
  REQUIRE(s.ok());
  sql(*s, "INSERT INTO settings VALUES ('auto_lock_minutes', '5')");
  s->lock();
  CHECK_FALSE(s->is_open());
  CHECK(s->check().error().is(Str::store_locked));
  CHECK(with_transaction(*s, [](sqlite3*) { return Status{}; }).error().is(Str::store_locked));
  s->lock();  // idempotent
  auto again = Store::open(path.str(), kPass, fast());
  REQUIRE(again.ok());
  CHECK(value(*again, "SELECT value FROM settings WHERE key = 'auto_lock_minutes'") == "5");
}

TEST_CASE("store-5: changing the passphrase re-encrypts every page; the old one stops working") {
  TempPath path("rekey");
  const char* next = "Neue Passphrase für Zugvögel";
  std::vector<uint8_t> before;
  {
    auto s = Store::create(path.str(), kPass, fast());
    REQUIRE(s.ok());
    sql(*s, "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT)");
    sql(*s,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
        "INSERT INTO notes(text) SELECT printf('Notiz %d', i) FROM n");
    s->lock();
    before = file_bytes(path.str());
    auto reopened = Store::open(path.str(), kPass, fast());
    REQUIRE(reopened.ok());
    REQUIRE(reopened->change_passphrase(next).ok());
    CHECK(value(*reopened, "SELECT count(*) FROM notes") == "200");
  }
  const auto after = file_bytes(path.str());
  REQUIRE(after.size() == before.size());
  size_t same_pages = 0;
  for (size_t page = 0; page * 4096 < after.size(); ++page) {
    same_pages += std::equal(after.begin() + long(page * 4096), after.begin() + long(page * 4096 + 4096),
                             before.begin() + long(page * 4096));
  }
  CHECK(same_pages == 0);
  auto old = Store::open(path.str(), kPass, fast());
  REQUIRE_FALSE(old.ok());
  CHECK(old.error().is(Str::store_wrong_passphrase));
  auto fresh = Store::open(path.str(), next, fast());
  REQUIRE(fresh.ok());
  CHECK(value(*fresh, "SELECT text FROM notes WHERE id = 200") == "Notiz 200");
  CHECK(fresh->change_passphrase("").error().is(Str::passphrase_empty));
}

TEST_CASE("store-6: the integrity check reports ok and the cipher in effect") {
  TempPath path("check");
  auto s = Store::create(path.str(), kPass, fast());
  REQUIRE(s.ok());
  auto report = s->check();
  REQUIRE(report.ok());
  CHECK(report->ok);
  CHECK(report->problems.empty());
  CHECK(report->schema_version == latest_schema_version());
  CHECK(report->cipher.cipher == "aegis");
  CHECK(report->cipher.algorithm == "AEGIS-256");
  CHECK(report->cipher.kdf.time_cost == test_kdf().time_cost);
  CHECK(report->cipher.kdf.memory_kib == test_kdf().memory_kib);
  CHECK(report->cipher.reserved_bytes == 64);  // AEGIS-256: 32-byte nonce + 32-byte tag per page
  CHECK(report->cipher.sqlite3mc_version.find("2.3.5") != std::string::npos);
}

TEST_CASE("store-7: the production key derivation (Argon2id t=2, m=19 MiB) creates and unlocks a store") {
  TempPath path("real-kdf");
  CHECK(production_kdf().time_cost == 2);
  CHECK(production_kdf().memory_kib == 19456);
  { REQUIRE(Store::create(path.str(), kPass).ok()); }
  const auto start = std::chrono::steady_clock::now();
  auto s = Store::open(path.str(), kPass);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  REQUIRE(s.ok());
  MESSAGE("unlock with the production KDF took " << ms.count() << " ms");
  auto report = s->check();
  REQUIRE(report.ok());
  CHECK(report->cipher.kdf.memory_kib == 19456);
  s->lock();
  // A store made with the production setting does not open with the test setting.
  auto cheap = Store::open(path.str(), kPass, fast());
  REQUIRE_FALSE(cheap.ok());
  CHECK(cheap.error().is(Str::store_wrong_passphrase));
}

TEST_CASE("store-8: with_transaction commits a user action whole or not at all") {
  TempPath path("tx");
  auto s = Store::create(path.str(), kPass, fast());
  REQUIRE(s.ok());
  auto put = [](sqlite3* db, const char* key) -> Status {
    auto st = Statement::prepare(db, "INSERT INTO settings(key, value) VALUES (?1, 'x')");
    if (!st.ok()) return Status(st.error());
    return st->bind(1, std::string_view(key)).run();
  };
  CHECK(with_transaction(*s, [&](sqlite3* db) -> Status {
          BB_TRY(put(db, "one"));
          return put(db, "two");
        }).ok());
  auto failed = with_transaction(*s, [&](sqlite3* db) -> Status {
    BB_TRY(put(db, "three"));
    return put(db, "one");  // duplicate key: the whole action fails
  });
  CHECK_FALSE(failed.ok());
  CHECK(value(*s, "SELECT group_concat(key, ',') FROM (SELECT key FROM settings ORDER BY key)") == "one,two");
  CHECK(sqlite3_get_autocommit(s->db()) == 1);
  // Nested actions become savepoints: the inner failure leaves the outer intact.
  CHECK(with_transaction(*s, [&](sqlite3* db) -> Status {
          BB_TRY(put(db, "four"));
          CHECK_FALSE(with_transaction(db, [&]() -> Status {
                        BB_TRY(put(db, "five"));
                        return Status(make_error(Str::err_internal, "inner fails"));
                      }).ok());
          return Status{};
        }).ok());
  CHECK(value(*s, "SELECT group_concat(key, ',') FROM (SELECT key FROM settings ORDER BY key)") ==
        "four,one,two");
}

TEST_CASE("store-9: a store runs with foreign keys on, synchronous FULL and a rollback journal") {
  TempPath path("pragmas");
  auto s = Store::create(path.str(), kPass, fast());
  REQUIRE(s.ok());
  CHECK(value(*s, "PRAGMA foreign_keys") == "1");
  CHECK(value(*s, "PRAGMA synchronous") == "2");
  CHECK(value(*s, "PRAGMA journal_mode") == "delete");
  CHECK(value(*s, "PRAGMA secure_delete") == "1");
  sql(*s, "CREATE TABLE parent(id INTEGER PRIMARY KEY); CREATE TABLE child(p INTEGER REFERENCES parent(id))");
  CHECK((sqlite3_exec(s->db(), "INSERT INTO child VALUES (7)", nullptr, nullptr, nullptr) & 0xff) ==
        SQLITE_CONSTRAINT);
}

TEST_CASE("store-10: empty passphrases and missing stores give clear errors") {
  TempPath path("missing");
  CHECK(Store::create(path.str(), "", fast()).error().is(Str::passphrase_empty));
  CHECK_FALSE(std::filesystem::exists(path.str()));
  auto missing = Store::open(path.str(), kPass, fast());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().is(Str::store_not_found));
  CHECK(missing.error().text().find(path.str()) != std::string::npos);
}

TEST_CASE("store-11: a passphrase file gives its first line without the line break") {
  TempPath path("pass");
  { std::ofstream(path.str(), std::ios::binary) << "Zeile eins mit Ümlaut\r\nzweite Zeile\n"; }
  auto p = read_passphrase_file(path.str());
  REQUIRE(p.ok());
  CHECK(p->view() == "Zeile eins mit Ümlaut");
  p->clear();
  CHECK(p->empty());
  { std::ofstream(path.str(), std::ios::binary) << "\n"; }
  CHECK(read_passphrase_file(path.str()).error().is(Str::passphrase_empty));
  CHECK(read_passphrase_file(path.str() + ".none").error().is(Str::err_file_read));
}
