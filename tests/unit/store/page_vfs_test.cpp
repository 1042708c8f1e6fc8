// Focus: the persistence VFS (src/store/page_vfs.cpp) and the PageStores:
// one commit record per transaction, ciphertext only, faults roll back, crash
// consistency, cost proportional to the change. ARCHITECTURE.md "Persistence
// that loses nothing"; docs/store.md "The VFS contract".
#include <map>
#include <set>

#include "store/page_store.h"
#include "store/page_vfs.h"
#include "store/sql.h"
#include "store_test_util.h"

using namespace bb;
using namespace bb::store;
using namespace bb::store::test;

namespace {

// What the database holds: its tables and the rows of table t.
std::string fingerprint_plain(Store& s) {
  std::string out = value(s,
                          "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master "
                          "WHERE type = 'table' ORDER BY name)");
  if (!value(s, "SELECT name FROM sqlite_master WHERE name = 't'").empty()) {
    out +=
        "|" + value(s,
                    "SELECT count(*) || ':' || coalesce(sum(length(v)), 0) || ':' || "
                    "coalesce(group_concat(id || '=' || hex(substr(v, 1, 6)) || '.' || length(v), ';'), '') "
                    "FROM (SELECT * FROM t ORDER BY id)");
  }
  return out;
}

bool integrity_ok(Store& s) {
  auto r = s.check();
  return r.ok() && r->ok;
}

Result<Store> reopen_from(const std::vector<CommitRecord>& records, size_t count, MemoryPageStore& into) {
  into.clear();
  for (size_t i = 0; i < count; ++i) REQUIRE(into.commit(records[i]).ok());
  return Store::open(into, kPass, fast());
}

// An asynchronous sink like IndexedDB: writes complete only when the test says so.
class DeferredSink final : public PageSink {
 public:
  Result<Image> load() override { return durable.load(); }
  void write(const CommitRecord& record, std::function<void(Status)> done) override {
    in_flight.push_back({record, std::move(done)});
  }
  void complete(bool ok) {
    REQUIRE_FALSE(in_flight.empty());
    auto [record, done] = std::move(in_flight.front());
    in_flight.erase(in_flight.begin());
    if (ok) {
      REQUIRE(durable.commit(record).ok());
      done({});
    } else {
      done(make_error(Str::store_full, "QuotaExceededError"));
    }
  }
  MemoryPageStore durable;
  std::vector<std::pair<CommitRecord, std::function<void(Status)>>> in_flight;
};

}  // namespace

TEST_CASE("pages-1: every committed transaction reaches the page store as exactly one sealed record") {
  MemoryPageStore pages;
  auto s = Store::create(pages, kPass, fast());
  REQUIRE(s.ok());
  const size_t after_create = pages.records().size();
  CHECK(after_create == size_t(latest_schema_version()));  // each migration is one transaction
  sql(*s, "CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB)");
  CHECK(pages.records().size() == after_create + 1);
  CHECK(with_transaction(*s, [](sqlite3* db) {
          return exec(db,
                      "INSERT INTO t(v) VALUES (randomblob(100)); INSERT INTO t(v) VALUES (randomblob(100));"
                      "UPDATE t SET v = randomblob(10) WHERE id = 1;");
        }).ok());
  CHECK(pages.records().size() == after_create + 2);
  uint64_t sequence = 0;
  for (const auto& r : pages.records()) {
    CHECK(r.sequence == ++sequence);
    CHECK(checksum_ok(r));
    CHECK(r.page_size == 4096);
    for (const auto& p : r.pages) CHECK(p.bytes.size() == 4096);
  }
  CHECK(page_vfs_stats(s->page_name()).commits == pages.records().size());
  // A read-only statement and a rolled-back transaction write nothing.
  CHECK(value(*s, "SELECT count(*) FROM t") == "2");
  sql(*s, "BEGIN; INSERT INTO t(v) VALUES (randomblob(5000)); ROLLBACK");
  CHECK(pages.records().size() == after_create + 2);
  // A record with a flipped bit is refused.
  auto bad = pages.records().back();
  bad.pages.front().bytes[100] ^= 1;
  Image image;
  CHECK_FALSE(apply_record(image, bad).ok());
}

TEST_CASE("pages-2: only ciphertext reaches the page store") {
  MemoryPageStore pages;
  auto s = Store::create(pages, kPass, fast());
  REQUIRE(s.ok());
  sql(*s, "INSERT INTO settings VALUES ('name', 'Zzyzx-Quokkabaum')");
  CHECK(value(*s, "SELECT value FROM settings WHERE key = 'name'") == "Zzyzx-Quokkabaum");
  for (const auto& r : pages.records()) {
    for (const auto& p : r.pages) {
      CHECK_FALSE(contains(p.bytes, "Zzyzx-Quokkabaum"));
      CHECK_FALSE(contains(p.bytes, "SQLite format 3"));
      CHECK_FALSE(contains(p.bytes, "CREATE TABLE"));
    }
  }
}

TEST_CASE("pages-3: a commit the page store refuses fails the transaction and nothing is half-applied") {
  MemoryPageStore pages;
  auto s = Store::create(pages, kPass, fast());
  REQUIRE(s.ok());
  sql(*s, "PRAGMA cache_size = 10");  // small cache: big transactions spill pages before the commit
  sql(*s, "CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB)");
  sql(*s,
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) "
      "INSERT INTO t(v) SELECT randomblob(300) FROM n");
  const std::string committed = fingerprint_plain(*s);
  const size_t records = pages.records().size();

  struct Case {
    const char* sql;
    bool full;
  };
  for (const Case& c :
       {Case{"UPDATE t SET v = randomblob(20) WHERE id = 3", false},
        Case{"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) "
             "INSERT INTO t(v) SELECT randomblob(900) FROM n",  // spills: pages written before BEGIN
             true},
        Case{"DELETE FROM t WHERE id % 2 = 0", false}}) {
    CAPTURE(c.sql);
    pages.fail_commit(1, c.full);
    auto status = with_transaction(*s, [&](sqlite3* db) { return exec(db, c.sql); });
    REQUIRE_FALSE(status.ok());
    CHECK(status.error().is(c.full ? Str::store_full : Str::store_not_saved));
    CHECK(sqlite3_get_autocommit(s->db()) == 1);
    CHECK(pages.records().size() == records);
    CHECK(fingerprint_plain(*s) == committed);  // the connection sees the last committed state
    CHECK(integrity_ok(*s));
    CHECK(page_vfs_stats(s->page_name()).last_error == "injected commit fault");
    MemoryPageStore copy;
    auto reopened = reopen_from(pages.records(), pages.records().size(), copy);
    REQUIRE(reopened.ok());
    CHECK(fingerprint_plain(*reopened) == committed);
  }
  // The next transaction works and commits normally.
  sql(*s, "UPDATE t SET v = randomblob(7) WHERE id = 1");
  CHECK(pages.records().size() == records + 1);
  CHECK(integrity_ok(*s));
  CHECK(page_vfs_stats(s->page_name()).failed_commits == 3);
}

TEST_CASE("pages-4: after a crash at any point the store is exactly at some committed transaction") {
  MemoryPageStore pages;
  std::map<size_t, std::string> expected;  // records count -> fingerprint
  {
    auto s = Store::create(pages, kPass, fast());
    REQUIRE(s.ok());
    expected[pages.records().size()] = fingerprint_plain(*s);
    sql(*s, "PRAGMA cache_size = 10");
    const char* steps[] = {
        "CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB)",
        ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
         "INSERT INTO t(v) SELECT randomblob(400) FROM n"),
        "UPDATE t SET v = randomblob(50) WHERE id % 7 = 0",
        "INSERT INTO t(v) VALUES (randomblob(30000)), (randomblob(70000))",  // overflow chains
        "DELETE FROM t WHERE id % 2 = 1",
        "CREATE INDEX t_v ON t(length(v))",
        "VACUUM",  // rewrites and shrinks the file
        "UPDATE t SET v = randomblob(5) WHERE id = 2",
        "DROP INDEX t_v",
    };
    for (const char* step : steps) {
      CAPTURE(step);
      const size_t before = pages.records().size();
      sql(*s, step);
      const size_t after = pages.records().size();
      if (std::string(step) == "VACUUM") {
        CHECK(after >= before + 1);
        CHECK(after <= before + 2);  // the shrink after the commit may be its own record
      } else {
        CHECK(after == before + 1);  // one transaction, one record
      }
      const std::string now = fingerprint_plain(*s);
      for (size_t k = before + 1; k <= after; ++k) expected[k] = now;
    }
  }
  // A crash leaves the store at the last record the page store accepted:
  // reload from every prefix of the record list.
  MemoryPageStore replay;
  for (size_t k = expected.begin()->first; k <= pages.records().size(); ++k) {
    CAPTURE(k);
    auto s = reopen_from(pages.records(), k, replay);
    REQUIRE(s.ok());
    CHECK(integrity_ok(*s));
    REQUIRE(expected.count(k) == 1);
    CHECK(fingerprint_plain(*s) == expected[k]);
  }
}

TEST_CASE("pages-5: a one-row update writes a handful of pages, at 1 MB as at 50 MB") {
  for (int megabytes : {1, 50}) {
    CAPTURE(megabytes);
    MemoryPageStore pages;
    auto s = Store::create(pages, kPass, fast());
    REQUIRE(s.ok());
    sql(*s, "CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB)");
    const int rows = megabytes * 1024 * 1024 / 3000;
    sql(*s, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
                std::to_string(rows) + ") INSERT INTO t(v) SELECT randomblob(3000) FROM n");
    const auto page_count = std::stoll(value(*s, "PRAGMA page_count"));
    CHECK(page_count * 4096 >= int64_t(megabytes) * 1024 * 1024);
    const size_t before = pages.records().size();
    sql(*s, "UPDATE t SET v = randomblob(3000) WHERE id = " + std::to_string(rows / 2));
    REQUIRE(pages.records().size() == before + 1);
    const auto& r = pages.records().back();
    MESSAGE(megabytes << " MB (" << page_count << " pages): one-row update wrote " << r.pages.size()
                      << " pages");
    CHECK(r.pages.size() <= 4);
    CHECK(r.page_count == page_count);
    CHECK(page_vfs_stats(s->page_name()).last_commit_pages == r.pages.size());
  }
}

TEST_CASE("pages-6: changing the passphrase through the VFS rewrites every page in one record") {
  MemoryPageStore pages;
  const char* next = "Neue Passphrase für Zugvögel";
  {
    auto s = Store::create(pages, kPass, fast());
    REQUIRE(s.ok());
    sql(*s, "PRAGMA cache_size = 10");
    sql(*s, "CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB)");
    sql(*s,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
        "INSERT INTO t(v) SELECT randomblob(1000) FROM n");
    const size_t before = pages.records().size();
    const auto page_count = std::stoull(value(*s, "PRAGMA page_count"));
    REQUIRE(s->change_passphrase(next).ok());
    REQUIRE(pages.records().size() == before + 1);
    CHECK(pages.records().back().pages.size() == page_count);
    CHECK(pages.records().back().page_count == page_count);
    CHECK(integrity_ok(*s));
  }
  CHECK(Store::open(pages, kPass, fast()).error().is(Str::store_wrong_passphrase));
  auto s = Store::open(pages, next, fast());
  REQUIRE(s.ok());
  CHECK(value(*s, "SELECT count(*) FROM t") == "200");
  // A refused rekey keeps the old passphrase.
  pages.fail_commit(1);
  CHECK(s->change_passphrase(kPass).error().is(Str::store_passphrase_unchanged));
  s->lock();
  CHECK(Store::open(pages, next, fast()).ok());
}

TEST_CASE("pages-7: a wrong passphrase or a newer schema writes nothing to the page store") {
  MemoryPageStore pages;
  { REQUIRE(Store::create(pages, kPass, fast()).ok()); }
  const size_t records = pages.records().size();
  CHECK(Store::open(pages, "falsche Passphrase!", fast()).error().is(Str::store_wrong_passphrase));
  CHECK(pages.records().size() == records);
  MemoryPageStore empty;
  CHECK(Store::open(empty, kPass, fast()).error().is(Str::store_not_found));
  CHECK(Store::create(pages, kPass, fast()).error().is(Str::store_exists));
  CHECK(pages.records().size() == records);
  // The journal mode under the VFS is MEMORY: no journal file is ever needed.
  auto s = Store::open(pages, kPass, fast());
  REQUIRE(s.ok());
  CHECK(value(*s, "PRAGMA journal_mode") == "memory");
  CHECK(value(*s, "PRAGMA synchronous") == "2");
}

TEST_CASE("pages-8: a queued store completes commits in order and keeps a failed commit for retry") {
  DeferredSink sink;
  QueuedPageStore queued(sink);
  std::vector<CommitOutcome> outcomes;
  queued.set_listener([&](const CommitOutcome& o) { outcomes.push_back(o); });
  auto s = Store::create(queued, kPass, fast());
  REQUIRE(s.ok());
  sql(*s, "CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB)");
  sql(*s, "INSERT INTO t(v) VALUES ('eins')");
  sql(*s, "INSERT INTO t(v) VALUES ('zwei')");
  const size_t m = size_t(latest_schema_version());  // one record per migration
  CHECK(queued.pending() == m + 3);                  // accepted at once: SQLite never waits
  CHECK(sink.in_flight.size() == 1);                 // the sink writes one record at a time, in order
  sink.complete(true);
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].sequence == 1);
  CHECK(outcomes[0].ok);
  sink.complete(false);  // e.g. QuotaExceededError
  REQUIRE(outcomes.size() == 2);
  CHECK(outcomes[1].sequence == 2);
  CHECK_FALSE(outcomes[1].ok);
  CHECK(outcomes[1].message == "QuotaExceededError");
  CHECK(queued.stopped());
  CHECK(queued.pending() == m + 2);  // the failed record and everything after it are kept
  CHECK(sink.in_flight.empty());
  CHECK(sink.durable.records().size() == 1);

  // Reopening now sees what the UI saw: the durable image plus the queue.
  s->lock();
  s = Store::open(queued, kPass, fast());
  REQUIRE(s.ok());
  CHECK(value(*s, "SELECT group_concat(v, ',') FROM t") == "eins,zwei");
  sql(*s, "INSERT INTO t(v) VALUES ('drei')");
  CHECK(queued.pending() == m + 3);

  queued.retry();
  while (!sink.in_flight.empty()) sink.complete(true);
  CHECK(queued.pending() == 0);
  CHECK(outcomes.back().sequence == m + 4);
  CHECK(outcomes.back().ok);
  s->lock();
  // After a browser restart only the durable records exist: everything is there.
  auto restarted = Store::open(sink.durable, kPass, fast());
  REQUIRE(restarted.ok());
  CHECK(value(*restarted, "SELECT group_concat(v, ',') FROM t") == "eins,zwei,drei");
  CHECK(integrity_ok(*restarted));
}

TEST_CASE("pages-9: the file page store survives a torn append at any byte and compacts its log") {
  TempPath path("log");
  std::map<uint64_t, std::string> expected;  // sequence -> fingerprint
  std::vector<uint64_t> ends;                // log size after each record
  {
    FilePageStore file(path.str());
    file.compact_threshold = uint64_t(1) << 40;  // no compaction in this part
    auto s = Store::create(file, kPass, fast());
    REQUIRE(s.ok());
    expected[page_vfs_stats(s->page_name()).sequence] = fingerprint_plain(*s);
    ends.push_back(file.log_bytes());
    for (const char* step : {"CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB)",
                             "INSERT INTO t(v) VALUES (randomblob(5000)), (randomblob(10))",
                             "UPDATE t SET v = randomblob(20) WHERE id = 1", "DELETE FROM t WHERE id = 2"}) {
      sql(*s, step);
      expected[page_vfs_stats(s->page_name()).sequence] = fingerprint_plain(*s);
      ends.push_back(file.log_bytes());
    }
  }
  const auto log = file_bytes(path.str());
  REQUIRE(log.size() == ends.back());
  // Cut the log at every record end and at many points inside each record.
  std::set<uint64_t> cuts(ends.begin(), ends.end());
  for (size_t i = 1; i < ends.size(); ++i) {
    for (uint64_t at = ends[i - 1] + 1; at < ends[i]; at += 1 + (ends[i] - ends[i - 1]) / 23) cuts.insert(at);
    cuts.insert(ends[i] - 1);
  }
  TempPath torn("torn");
  for (uint64_t cut : cuts) {
    CAPTURE(cut);
    {
      std::ofstream out(torn.str(), std::ios::binary | std::ios::trunc);
      out.write(reinterpret_cast<const char*>(log.data()), static_cast<std::streamsize>(cut));
    }
    FilePageStore file(torn.str());
    auto s = Store::open(file, kPass, fast());
    REQUIRE(s.ok());
    const uint64_t sequence = page_vfs_stats(s->page_name()).sequence;
    const uint64_t whole =
        *std::prev(std::upper_bound(ends.begin(), ends.end(), cut));  // last complete record
    CHECK(file.log_bytes() == whole);
    CHECK(file_bytes(torn.str()).size() == whole);  // the torn tail is cut off
    REQUIRE(expected.count(sequence) == 1);
    CHECK(fingerprint_plain(*s) == expected[sequence]);
    CHECK(integrity_ok(*s));
  }
  // Compaction: once the log outgrows twice the image it becomes one record of
  // the whole image again; the log never stays larger; nothing is lost.
  {
    FilePageStore file(path.str());
    file.compact_threshold = 0;
    auto s = Store::open(file, kPass, fast());
    REQUIRE(s.ok());
    bool compacted = false;
    uint64_t previous = file.log_bytes();
    for (int i = 0; i < 400 && !compacted; ++i) {
      sql(*s, "INSERT INTO t(v) VALUES (randomblob(3000))");
      const auto image_bytes = std::stoull(value(*s, "PRAGMA page_count")) * 4096;
      CHECK(file.log_bytes() <= 2 * image_bytes + 4096);
      compacted = file.log_bytes() < previous;
      previous = file.log_bytes();
    }
    CHECK(compacted);
    sql(*s, "INSERT INTO t(v) VALUES ('nach dem Verdichten')");
    expected[0] = fingerprint_plain(*s);
  }
  FilePageStore file(path.str());
  auto s = Store::open(file, kPass, fast());
  REQUIRE(s.ok());
  CHECK(fingerprint_plain(*s) == expected[0]);
  CHECK(integrity_ok(*s));
}
