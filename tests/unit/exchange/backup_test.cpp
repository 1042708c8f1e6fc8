// Backup and restore (src/exchange/backup.h), receiving keys (src/store/keys.h)
// and the JSON header reader. Test names "backup-<n>: <rule>".
#include <doctest/doctest.h>
#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "crypto/age.h"
#include "crypto/keys.h"
#include "crypto/scrypt.h"
#include "crypto/x25519.h"
#include "exchange/backup.h"
#include "exchange/json_header.h"
#include "store/keys.h"
#include "store/migrations.h"
#include "store/store_test_util.h"

using namespace bb;
using namespace bb::exchange;
using bb::crypto::Bytes;
using bb::store::Store;
using namespace bb::store::test;

namespace {

constexpr const char* kBackupPass = "Sicherung Leuchtturm Apfelbaum";
constexpr int kWork = 10;  // scrypt 2^10: fast tests (the app writes 2^18)

std::string hash_file(const std::string& path) {
  const auto bytes = file_bytes(path);
  unsigned char h[32];
  crypto_generichash(h, sizeof h, bytes.data(), bytes.size(), nullptr, 0);
  return std::string(reinterpret_cast<char*>(h), sizeof h) + std::to_string(bytes.size());
}

crypto::IdentityPtr pass_id(const std::string& pass = kBackupPass) {
  return std::make_shared<crypto::ScryptIdentity>(pass);
}

void fill(Store& s, const std::string& tag) {
  sql(s, "INSERT OR REPLACE INTO settings(key, value) VALUES ('book_title', 'Begleitbuch " + tag + "')");
  sql(s, "INSERT OR REPLACE INTO settings(key, value) VALUES ('ümlaut', 'Müßiggang – „Hausbesuch“')");
  sql(s,
      "INSERT INTO families(family_name, sort_key, status_since, request_on, created_at, updated_at) "
      "VALUES ('Familie " +
          tag + "', '" + tag +
          "', '2024-01-02', '2024-01-02', '2024-01-02T10:00:00Z', "
          "'2024-01-02T10:00:00Z')");
}

// Everything a user could see, as one text: settings, meta (without the backup
// date), families, receiving keys, schema version.
std::string content(Store& s) {
  std::string out = "v" + value(s, "PRAGMA user_version") + "|";
  out +=
      value(s, "SELECT group_concat(key || '=' || value, ';') FROM (SELECT * FROM settings ORDER BY key)") +
      "|";
  out += value(s,
               "SELECT group_concat(key || '=' || value, ';') FROM (SELECT * FROM meta WHERE key <> "
               "'last_backup_at' ORDER BY key)") +
         "|";
  out += value(s, "SELECT group_concat(id || ':' || family_name, ';') FROM families") + "|";
  out +=
      value(s, "SELECT group_concat(id || ':' || public_key || ':' || secret_key, ';') FROM receiving_keys");
  return out;
}

Bytes make_backup(Store& s, BackupOptions options = {}, Bytes* recovery = nullptr) {
  if (options.passphrase.empty()) options.passphrase = kBackupPass;
  options.work_factor = kWork;
  Bytes out;
  auto sink = [](Bytes& b) {
    return [&b](crypto::ByteView v) -> Status {
      b.insert(b.end(), v.data, v.data + v.size);
      return {};
    };
  };
  auto info = write_backup(s, options, sink(out), recovery ? crypto::Sink(sink(*recovery)) : crypto::Sink{});
  REQUIRE_MESSAGE(info.ok(), (info.ok() ? "" : info.error().detail));
  return out;
}

// A fresh store with some content and its backup.
struct Fixture {
  TempPath path{"exchange"};
  Store store;
  Bytes backup;
  Fixture() {
    auto s = Store::create(path.str(), kPass, fast());
    REQUIRE(s.ok());
    store = std::move(*s);
    fill(store, "A");
    REQUIRE(store::create_receiving_key(store, "Jugendamt A").ok());
    backup = make_backup(store);
  }
};

// Reads `file` and, if valid, restores it over `target` with `choice`; returns
// the error (or nullopt on success).
std::optional<Error> attempt(const Bytes& file, const std::string& target, const std::string& store_pass,
                             RestoreChoice choice, std::vector<crypto::IdentityPtr> ids,
                             BackupLimits limits = {}) {
  auto backup = read_backup(file, std::move(ids), limits);
  if (!backup.ok()) return backup.error();
  auto restored = restore_backup(*backup, target, store_pass, choice, fast());
  if (!restored.ok()) return restored.error();
  return std::nullopt;
}

// The plaintext of a real backup, for crafting bad ones.
Bytes plaintext_of(const Bytes& backup) {
  auto plain = crypto::decrypt(backup, {pass_id()});
  REQUIRE(plain.ok());
  return *plain;
}

Bytes encrypt_plain(const Bytes& plain) {
  auto file = crypto::encrypt(plain, {std::make_shared<crypto::ScryptRecipient>(kBackupPass, kWork)});
  REQUIRE(file.ok());
  return *file;
}

// Replaces the header line of a backup plaintext.
Bytes with_header(const Bytes& plain, const std::string& line) {
  const auto lf = std::find(plain.begin(), plain.end(), uint8_t('\n'));
  Bytes out(line.begin(), line.end());
  out.insert(out.end(), lf, plain.end());
  return out;
}

std::string header_line(const Bytes& plain) {
  const auto lf = std::find(plain.begin(), plain.end(), uint8_t('\n'));
  return std::string(plain.begin(), lf);
}

}  // namespace

TEST_CASE("backup-1: round trip: backup, restore into an empty place, identical content") {
  Fixture f;
  TempPath target("restored");
  auto backup = read_backup(f.backup, {pass_id()});
  REQUIRE_MESSAGE(backup.ok(), (backup.ok() ? "" : backup.error().detail));
  CHECK(backup->header().format == "begleitbuch-backup");
  CHECK(backup->header().version == 1);
  CHECK(backup->header().schema_version == store::latest_schema_version());
  auto restored =
      restore_backup(*backup, target.str(), "Neue Passphrase Wolke Sieben", RestoreChoice::cancel, fast());
  REQUIRE_MESSAGE(restored.ok(), (restored.ok() ? "" : restored.error().detail));
  CHECK_FALSE(restored->replaced);
  CHECK_FALSE(std::filesystem::exists(target.str() + ".restore"));
  auto reopened = Store::open(target.str(), "Neue Passphrase Wolke Sieben", fast());
  REQUIRE(reopened.ok());
  CHECK(content(*reopened) == content(f.store));
  CHECK(reopened->check()->ok);
  // The restored store is encrypted: no plaintext on disk.
  CHECK_FALSE(contains(file_bytes(target.str()), "Familie A"));
  CHECK_FALSE(contains(file_bytes(target.str()), "SQLite format 3"));
  // ... and the backup file neither.
  CHECK_FALSE(contains(f.backup, "Familie A"));
}

TEST_CASE("backup-2: a recovery key gets its own file with its own file key; both restore") {
  Fixture f;
  const auto leitung = crypto::X25519Identity::generate();
  BackupOptions options;
  options.recovery_recipient = leitung.recipient().to_string();
  Bytes recovery;
  const Bytes main = make_backup(f.store, options, &recovery);
  REQUIRE_FALSE(recovery.empty());
  auto leitung_id = std::make_shared<crypto::X25519Identity>(leitung);
  // Each file opens only on its own path.
  CHECK(read_backup(main, {pass_id()}).ok());
  CHECK(read_backup(recovery, {leitung_id}).ok());
  auto wrong1 = read_backup(main, {leitung_id});
  REQUIRE_FALSE(wrong1.ok());
  CHECK(wrong1.error().is(Str::backup_err_wrong_key));
  auto wrong2 = read_backup(recovery, {pass_id()});
  REQUIRE_FALSE(wrong2.ok());
  CHECK(wrong2.error().is(Str::backup_err_wrong_key));
  // Same content, independent encryption (different headers, different payloads).
  CHECK(plaintext_of(main).size() == crypto::decrypt(recovery, {leitung_id})->size());
  CHECK(Bytes(main.begin() + 40, main.begin() + 200) != Bytes(recovery.begin() + 40, recovery.begin() + 200));
  TempPath target("recovered");
  CHECK_FALSE(attempt(recovery, target.str(), kPass, RestoreChoice::cancel, {leitung_id}).has_value());
  auto reopened = Store::open(target.str(), kPass, fast());
  REQUIRE(reopened.ok());
  CHECK(content(*reopened) == content(f.store));
  // An invalid recovery key is refused before anything is written.
  options.passphrase = kBackupPass;
  options.work_factor = kWork;
  options.recovery_recipient = "age1nichtgueltig";
  Bytes out;
  auto bad = write_backup(
      f.store, options,
      [&](crypto::ByteView v) -> Status {
        out.insert(out.end(), v.data, v.data + v.size);
        return {};
      },
      [](crypto::ByteView) -> Status { return {}; });
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().is(Str::backup_err_recovery_key));
  CHECK(out.empty());
}

TEST_CASE("backup-3: restore onto an existing store only with the explicit choice, never merged") {
  Fixture f;
  TempPath other("existing");
  {
    auto s = Store::create(other.str(), kPass, fast());
    REQUIRE(s.ok());
    fill(*s, "B");
    sql(*s, "INSERT INTO settings(key, value) VALUES ('only_in_b', '1')");
  }
  const std::string before = hash_file(other.str());
  // Cancel (the default): refused, unchanged.
  auto e = attempt(f.backup, other.str(), kPass, RestoreChoice::cancel, {pass_id()});
  REQUIRE(e.has_value());
  CHECK(e->is(Str::restore_err_target_exists));
  CHECK(hash_file(other.str()) == before);
  // Replace, but the passphrase does not unlock the existing store: refused, unchanged.
  e = attempt(f.backup, other.str(), "Falsche Passphrase Regenbogen", RestoreChoice::replace, {pass_id()});
  REQUIRE(e.has_value());
  CHECK(e->is(Str::store_wrong_passphrase));
  CHECK(hash_file(other.str()) == before);
  // Replace: everything replaced, nothing of B left.
  e = attempt(f.backup, other.str(), kPass, RestoreChoice::replace, {pass_id()});
  CHECK_FALSE(e.has_value());
  auto reopened = Store::open(other.str(), kPass, fast());
  REQUIRE(reopened.ok());
  CHECK(content(*reopened) == content(f.store));
  CHECK(value(*reopened, "SELECT count(*) FROM settings WHERE key = 'only_in_b'") == "0");
  CHECK(value(*reopened, "SELECT count(*) FROM families WHERE family_name = 'Familie B'") == "0");
}

TEST_CASE("backup-4: bad input gives its own error and leaves the store unchanged") {
  Fixture f;
  TempPath target("target");
  {
    auto s = Store::create(target.str(), kPass, fast());
    REQUIRE(s.ok());
    fill(*s, "T");
  }
  const std::string before = hash_file(target.str());
  const Bytes plain = plaintext_of(f.backup);
  const std::string line = header_line(plain);
  auto expect = [&](const Bytes& file, Str kind, std::vector<crypto::IdentityPtr> ids,
                    BackupLimits limits = {}) {
    auto e = attempt(file, target.str(), kPass, RestoreChoice::replace, std::move(ids), limits);
    REQUIRE(e.has_value());
    INFO(e->detail);
    CHECK(str_key(e->message) == std::string(str_key(kind)));
    CHECK(!e->text().empty());
    CHECK(hash_file(target.str()) == before);
  };
  auto replace_in_header = [&](const std::string& from, const std::string& to) {
    std::string l = line;
    const auto pos = l.find(from);
    REQUIRE(pos != std::string::npos);
    l.replace(pos, from.size(), to);
    return encrypt_plain(with_header(plain, l));
  };

  SUBCASE("wrong passphrase") {
    expect(f.backup, Str::backup_err_wrong_passphrase, {pass_id("Ganz andere Passphrase Nacht")});
  }
  SUBCASE("wrong key") {
    expect(f.backup, Str::backup_err_wrong_key,
           {std::make_shared<crypto::X25519Identity>(crypto::X25519Identity::generate())});
  }
  SUBCASE("not an age file") {
    expect(Bytes(plain.begin(), plain.end()), Str::backup_err_not_backup, {pass_id()});
  }
  SUBCASE("truncated anywhere") {
    for (size_t cut : {size_t{0}, size_t{10}, size_t{100}, f.backup.size() / 2, f.backup.size() - 17,
                       f.backup.size() - 1}) {
      CAPTURE(cut);
      auto e = attempt(Bytes(f.backup.begin(), f.backup.begin() + static_cast<long>(cut)), target.str(),
                       kPass, RestoreChoice::replace, {pass_id()});
      REQUIRE(e.has_value());
      CHECK((e->is(Str::backup_err_damaged) || e->is(Str::backup_err_not_backup)));
    }
    CHECK(hash_file(target.str()) == before);
  }
  SUBCASE("any single byte changed") {
    // Every byte of the age header and the first chunk, then a stride through the rest.
    std::vector<size_t> positions;
    for (size_t i = 0; i < 400 && i < f.backup.size(); ++i) positions.push_back(i);
    for (size_t i = 400; i < f.backup.size(); i += 997) positions.push_back(i);
    positions.push_back(f.backup.size() - 1);
    for (size_t pos : positions) {
      Bytes bad = f.backup;
      bad[pos] ^= 0x01;
      auto backup = read_backup(bad, {pass_id()});
      CAPTURE(pos);
      REQUIRE_FALSE(backup.ok());
      const Error& e = backup.error();
      CHECK((e.is(Str::backup_err_damaged) || e.is(Str::backup_err_not_backup) ||
             e.is(Str::backup_err_wrong_passphrase) || e.is(Str::backup_err_wrong_key) ||
             e.is(Str::age_err_work_factor) || e.is(Str::age_err_unsupported_version)));
    }
    CHECK(hash_file(target.str()) == before);
  }
  SUBCASE("newer format version") {
    expect(replace_in_header("\"version\":1", "\"version\":2"), Str::backup_err_newer_version, {pass_id()});
  }
  SUBCASE("unknown format version") {
    expect(replace_in_header("\"version\":1", "\"version\":0"), Str::backup_err_unknown_version, {pass_id()});
    expect(replace_in_header("\"version\":1", "\"version\":\"1\""), Str::backup_err_unknown_version,
           {pass_id()});
    expect(replace_in_header("\"version\":1", "\"version\":1.5"), Str::backup_err_unknown_version,
           {pass_id()});
  }
  SUBCASE("another format") {
    expect(replace_in_header("begleitbuch-backup", "begleitbuch-handover"), Str::backup_err_not_backup,
           {pass_id()});
  }
  SUBCASE("oversized") {
    BackupLimits small;
    small.max_image_bytes = 64 * 1024;
    expect(f.backup, Str::backup_err_too_large, {pass_id()}, small);
    expect(replace_in_header("\"page_count\":", "\"page_count\":1000000000"), Str::backup_err_header,
           {pass_id()});
  }
  SUBCASE("invalid UTF-8 in the header") {
    expect(replace_in_header("\"app_version\":\"", "\"app_version\":\"\xC3\x28"),
           Str::backup_err_header_encoding, {pass_id()});
    expect(replace_in_header("\"app_version\":\"", "\"app_version\":\"\xED\xA0\x80"),
           Str::backup_err_header_encoding, {pass_id()});
  }
  SUBCASE("deeply nested JSON") {
    const std::string deep = std::string(100, '[') + std::string(100, ']');
    expect(replace_in_header("\"format\"", "\"x\":" + deep + ",\"format\""), Str::backup_err_header_limits,
           {pass_id()});
  }
  SUBCASE("huge JSON header") {
    expect(replace_in_header("\"format\"", "\"x\":\"" + std::string(70000, 'a') + "\",\"format\""),
           Str::backup_err_header_limits, {pass_id()});
  }
  SUBCASE("malformed JSON and fields") {
    expect(encrypt_plain(with_header(plain, line + ",")), Str::backup_err_header, {pass_id()});
    expect(encrypt_plain(with_header(plain, "[1,2]")), Str::backup_err_header, {pass_id()});
    expect(replace_in_header("\"format\"", "\"format\":\"x\",\"format\""), Str::backup_err_header,
           {pass_id()});
    expect(replace_in_header("\"page_size\":4096", "\"page_size\":1000"), Str::backup_err_header,
           {pass_id()});
    expect(replace_in_header("\"created\":\"", "\"created\":\"gestern"), Str::backup_err_header, {pass_id()});
  }
  SUBCASE("image longer or shorter than the header says") {
    Bytes longer = plain;
    longer.push_back(0);
    expect(encrypt_plain(longer), Str::backup_err_damaged, {pass_id()});
    expect(encrypt_plain(Bytes(plain.begin(), plain.end() - 4096)), Str::backup_err_damaged, {pass_id()});
  }
  SUBCASE("damaged database image") {
    Bytes bad = plain;
    const size_t image = line.size() + 1;
    for (size_t page = 1; page < 6; ++page) {  // the b-tree page headers of pages 2..6
      for (size_t i = 0; i < 12; ++i) bad[image + page * 4096 + i] = 0xff;
    }
    expect(encrypt_plain(bad), Str::backup_err_integrity, {pass_id()});
    Bytes not_sqlite = plain;
    not_sqlite[image] = 'X';
    expect(encrypt_plain(not_sqlite), Str::backup_err_integrity, {pass_id()});
  }
  SUBCASE("schema newer than the app") {
    // user_version lives at offset 60 of the image (big-endian).
    Bytes bad = plain;
    const size_t image = line.size() + 1;
    bad[image + 63] = 99;
    std::string l = line;
    const std::string from = "\"schema_version\":" + std::to_string(store::latest_schema_version());
    l.replace(l.find(from), from.size(), "\"schema_version\":99");
    expect(encrypt_plain(with_header(bad, l)), Str::backup_err_schema_newer, {pass_id()});
  }
  SUBCASE("header and image disagree on the schema version") {
    expect(replace_in_header("\"schema_version\":", "\"schema_version\":1"), Str::backup_err_integrity,
           {pass_id()});
  }
}

TEST_CASE("backup-5: the reminder is due after the configured number of days") {
  const Date today{2025, 3, 10};
  CHECK(backup_reminder_due(today, std::nullopt, 30));                 // never backed up
  CHECK_FALSE(backup_reminder_due(today, Date{2025, 3, 10}, 30));      // today
  CHECK_FALSE(backup_reminder_due(today, Date{2025, 2, 9}, 30));       // 29 days
  CHECK(backup_reminder_due(today, Date{2025, 2, 8}, 30));             // 30 days
  CHECK(backup_reminder_due(Date{2024, 3, 1}, Date{2024, 2, 28}, 2));  // leap day counted
  CHECK_FALSE(backup_reminder_due(Date{2023, 3, 1}, Date{2023, 2, 28}, 2));
  CHECK_FALSE(backup_reminder_due(today, std::nullopt, 0));  // turned off
  CHECK_FALSE(parse_date("2025-02-29").has_value());
  CHECK(parse_date("2024-02-29T23:59:59Z").has_value());
  CHECK_FALSE(parse_date("2024-13-01").has_value());

  TempPath path("reminder");
  auto s = Store::create(path.str(), kPass, fast());
  REQUIRE(s.ok());
  CHECK(*reminder_days(*s) == kDefaultReminderDays);
  CHECK(*backup_reminder_due(*s, today));  // no backup yet
  CHECK(set_reminder_days(*s, 7).ok());
  CHECK(*reminder_days(*s) == 7);
  CHECK(set_reminder_days(*s, 0).error().is(Str::backup_err_reminder_days));
  CHECK(set_reminder_days(*s, 366).error().is(Str::backup_err_reminder_days));
  CHECK(record_backup(*s, "2025-03-04T08:00:00Z").ok());
  CHECK(value(*s, "SELECT value FROM meta WHERE key = 'last_backup_at'") == "2025-03-04T08:00:00Z");
  CHECK_FALSE(*backup_reminder_due(*s, today));        // 6 days
  CHECK(*backup_reminder_due(*s, Date{2025, 3, 11}));  // 7 days
}

TEST_CASE("backup-6: backup_to_file writes atomically and records the date") {
  Fixture f;
  TempPath out("backup-file");
  BackupOptions options;
  options.passphrase = kBackupPass;
  options.work_factor = kWork;
  auto info = backup_to_file(f.store, out.str(), options);
  REQUIRE(info.ok());
  CHECK_FALSE(std::filesystem::exists(out.str() + ".part"));
  CHECK(value(f.store, "SELECT value FROM meta WHERE key = 'last_backup_at'") == info->header.created);
  CHECK(read_backup_file(out.str(), {pass_id()}).ok());
  // A failing backup (bad recovery key) leaves the earlier file and no .part.
  const std::string before = hash_file(out.str());
  options.recovery_recipient = "age1kaputt";
  auto bad = backup_to_file(f.store, out.str(), options);
  REQUIRE_FALSE(bad.ok());
  CHECK(hash_file(out.str()) == before);
  CHECK_FALSE(std::filesystem::exists(out.str() + ".part"));
  CHECK_FALSE(std::filesystem::exists(recovery_path(out.str()) + ".part"));
  CHECK_FALSE(std::filesystem::exists(recovery_path(out.str())));
}

TEST_CASE("backup-7: receiving keys: create, list, export, decrypt with the store's identities") {
  CHECK(store::migrations().at(2).version == 3);
  CHECK(std::string(store::migrations().at(2).name) == "receiving keys");
  TempPath path("keys");
  auto s = Store::create(path.str(), kPass, fast());
  REQUIRE(s.ok());
  CHECK(store::receiving_identities(*s).error().is(Str::keys_err_none));
  auto k1 = store::create_receiving_key(*s, "  Jugendamt Musterstadt  ");
  REQUIRE(k1.ok());
  auto k2 = store::create_receiving_key(*s, "");
  REQUIRE(k2.ok());
  CHECK(k1->label == "Jugendamt Musterstadt");
  CHECK(k1->public_key.rfind("age1", 0) == 0);
  CHECK(k1->fingerprint.size() == 19);
  CHECK(k1->public_key != k2->public_key);
  CHECK(store::create_receiving_key(*s, "a\nb").error().is(Str::keys_err_label));
  CHECK(store::create_receiving_key(*s, std::string(201, 'x')).error().is(Str::keys_err_label));
  auto list = store::list_receiving_keys(*s);
  REQUIRE(list.ok());
  REQUIRE(list->size() == 2);
  CHECK((*list)[0].id == k1->id);
  CHECK(store::receiving_key(*s, k2->id)->public_key == k2->public_key);
  CHECK(store::receiving_key(*s, 999).error().is(Str::keys_err_not_found));
  // A file encrypted to the exported public key opens with the store's identities.
  auto recipient = crypto::parse_recipient(k1->public_key);
  REQUIRE(recipient.ok());
  auto file = crypto::encrypt(std::string("Übergabe an das Jugendamt"), {*recipient});
  REQUIRE(file.ok());
  auto ids = store::receiving_identities(*s);
  REQUIRE(ids.ok());
  auto plain = crypto::decrypt(*file, *ids);
  REQUIRE(plain.ok());
  CHECK(std::string(plain->begin(), plain->end()) == "Übergabe an das Jugendamt");
  // The secret key is in the store, and the store file is encrypted.
  CHECK_FALSE(contains(file_bytes(path.str()), "AGE-SECRET-KEY-1"));
  CHECK(value(*s, "SELECT count(*) FROM receiving_keys WHERE secret_key GLOB 'AGE-SECRET-KEY-1*'") == "2");
}

TEST_CASE("backup-8: the JSON header reader is strict and bounded") {
  CHECK(parse_json_object("{\"a\":1,\"b\":\"x\",\"c\":{\"d\":[1,2,{\"e\":null}]}}").ok());
  CHECK(parse_json_object("  {\"a\":1}  \n").ok());
  CHECK(parse_json_object("{\"a\":1} x").error().is(Str::backup_err_header));
  CHECK(parse_json_object("{\"a\":1,\"a\":2}").error().is(Str::backup_err_header));
  CHECK(parse_json_object("\"text\"").error().is(Str::backup_err_header));
  CHECK(parse_json_object("\xEF\xBB\xBF{}").error().is(Str::backup_err_header));
  CHECK(parse_json_object("{\"a\":\"\xC0\xAF\"}").error().is(Str::backup_err_header_encoding));
  CHECK(parse_json_object("{\"a\":\"\xF4\x90\x80\x80\"}").error().is(Str::backup_err_header_encoding));
  CHECK(parse_json_object(std::string(kMaxDepth, '[') + std::string(kMaxDepth, ']'))
            .error()
            .is(Str::backup_err_header));
  std::string nested = "{\"a\":" + std::string(kMaxDepth - 1, '[') + std::string(kMaxDepth - 1, ']') + "}";
  CHECK(parse_json_object(nested).ok());
  nested = "{\"a\":" + std::string(kMaxDepth, '[') + std::string(kMaxDepth, ']') + "}";
  CHECK(parse_json_object(nested).error().is(Str::backup_err_header_limits));
  CHECK(parse_json_object(std::string(100000, '[')).error().is(Str::backup_err_header_limits));
  auto o = parse_json_object(
      "{\"n\":9223372036854775807,\"big\":9223372036854775808,\"f\":1.0,\"s\":\"\\u00fc\"}");
  REQUIRE(o.ok());
  CHECK(*o->integer("n") == INT64_MAX);
  CHECK_FALSE(o->integer("big").ok());
  CHECK_FALSE(o->integer("f").ok());
  CHECK(*o->text("s") == "\xC3\xBC");
  CHECK(json_quote("a\"b\\c\n\x01ü") == "\"a\\\"b\\\\c\\n\\u0001ü\"");
  BackupHeader h;
  h.created = "2025-01-01T00:00:00Z";
  h.app_version = "1.0";
  h.schema_version = 3;
  h.page_size = 4096;
  h.page_count = 2;
  h.image_bytes = 8192;
  auto back = parse_backup_header(format_backup_header(h));
  REQUIRE(back.ok());
  CHECK(format_backup_header(*back) == format_backup_header(h));
}
