// Übergabe an die KJH and Empfang (docs/handover.md): what the file may hold,
// the protocol line, the round trip, idempotent import, and bad input that
// leaves the receiving store byte-for-byte unchanged. All people fictional.
#include <doctest/doctest.h>
#include <sodium.h>

#include <string>

#include "../rules_store/rules_store_test_util.h"
#include "crypto/age.h"
#include "crypto/scrypt.h"
#include "crypto/x25519.h"
#include "exchange/handover.h"
#include "exchange/receive.h"
#include "store/child_protection.h"
#include "store/consents.h"
#include "store/disclosures.h"
#include "store/organisation.h"

namespace {

using namespace bb;
using namespace bb::rules_store::test;
using rules::Categories;
using rules::DataCategory;
using rules::Purpose;

std::string hash_file(const std::string& path) {
  const auto bytes = store::test::file_bytes(path);
  unsigned char h[32];
  crypto_generichash(h, sizeof h, bytes.data(), bytes.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

// A family with a consent to hand over Stammdaten and Kontakte to the Jugendamt,
// and a Kinderschutz entry whose text must never leave without a basis.
struct Sender {
  RulesStore rs;
  TestFamily family = make_family(rs.store);
  int64_t consent_id = 0;
  crypto::X25519Identity jugendamt_key = crypto::X25519Identity::generate();
  Sender() {
    auto c = store::record_consent(
        rs.store, consent(family, Purpose::uebergabe_kjh, jugendamt(),
                          {DataCategory::stammdaten, DataCategory::kontakte}, D(2026, 11, 1)));
    REQUIRE(c.ok());
    consent_id = *c;
  }
  exchange::HandoverRequest request() const {
    exchange::HandoverRequest r;
    r.family_id = family.id;
    r.recipient = jugendamt();
    r.by = "Sabine Hofer";
    return r;
  }
  std::vector<crypto::RecipientPtr> to() const {
    return {std::make_shared<crypto::X25519Recipient>(jugendamt_key.recipient())};
  }
  std::vector<crypto::IdentityPtr> keys() const {
    return {std::make_shared<crypto::X25519Identity>(jugendamt_key)};
  }
};

std::vector<std::string> categories_of(const exchange::HandoverDocument& d) {
  std::vector<std::string> out;
  for (const auto& s : d.sections) out.push_back(s.category);
  return out;
}

bool german_handover_error(const Error& e) {
  const std::string de = tr(e.message, Lang::de);
  return e.message >= Str::handover_err_recipient_kind && e.message <= Str::handover_err_recipient_key &&
         de.find("Begleitbuch") != std::string::npos;
}

}  // namespace

TEST_CASE(
    "handover-1: only the sections the decision allows are in the file; each left-out one has its reason") {
  Sender s;
  auto plan = exchange::plan_handover(s.rs.store, s.request());
  REQUIRE(plan.ok());
  CHECK(plan->allowed == Categories{DataCategory::stammdaten, DataCategory::kontakte});
  for (const auto& line : plan->lines) {
    CAPTURE(rules::code(line.category));
    CHECK(line.allowed == plan->allowed.contains(line.category));
    CHECK(line.reason.empty() == line.allowed);
  }
  auto made = exchange::create_handover(s.rs.store, s.request(), s.to());
  REQUIRE(made.ok());
  CHECK(categories_of(made->document) == std::vector<std::string>{"stammdaten", "kontakte"});
  CHECK(made->document.left_out.size() == size_t(rules::kCategoryCount - 2));
  auto plain = crypto::decrypt(made->file, s.keys());
  REQUIRE(plain.ok());
  const std::string json(plain->begin(), plain->end());
  CHECK(json.find("Mira") != std::string::npos);  // Stammdaten are in
  CHECK(made->document.report.find("Nicht übergeben") != std::string::npos);
}

TEST_CASE(
    "handover-2: a Widerruf excludes at once: the same day's handover is refused and nothing is logged") {
  Sender s;
  REQUIRE(store::revoke_consent(s.rs.store, s.consent_id, today(), "Mutter widerruft").ok());
  auto made = exchange::create_handover(s.rs.store, s.request(), s.to());
  REQUIRE_FALSE(made.ok());
  CHECK(made.error().is(Str::handover_err_nothing_allowed));
  auto log = store::load_disclosure_log(s.rs.store, s.family.id);
  REQUIRE(log.ok());
  CHECK(log->empty());
}

TEST_CASE("handover-3: a handover on a Mitteilung carries only the Mitteilung's documented content") {
  Sender s;
  REQUIRE(store::set_jurisdiction(s.rs.store, rules::Jurisdiction::oesterreich).ok());
  REQUIRE(store::record_mitteilung(
              s.rs.store, s.family.id,
              mitteilung(rules::Jurisdiction::oesterreich, {DataCategory::kinderschutz}, today()))
              .ok());
  auto r = s.request();
  r.purpose = Purpose::mitteilung_kjh;
  const rules::ConsentSoughtRecord sought{rules::ConsentSought::angestrebt_verweigert, today(), {}};
  auto made = exchange::create_handover(s.rs.store, r, s.to(), sought);
  REQUIRE(made.ok());
  CHECK(categories_of(made->document) == std::vector<std::string>{"kinderschutz"});
  CHECK(made->document.basis == "gesetzliche_pflicht");
  auto plain = crypto::decrypt(made->file, s.keys());
  REQUIRE(plain.ok());
  const std::string json(plain->begin(), plain->end());
  CHECK(json.find("Jonas") == std::string::npos);  // no Stammdaten: no names
  CHECK(json.find("Brandtner") == std::string::npos);
  CHECK(made->document.family_name.empty());
}

TEST_CASE(
    "handover-4: the handover is written to the Offenlegungsprotokoll with exactly what the file holds") {
  Sender s;
  auto made = exchange::create_handover(s.rs.store, s.request(), s.to());
  REQUIRE(made.ok());
  auto log = store::load_disclosure_log(s.rs.store, s.family.id);
  REQUIRE(log.ok());
  REQUIRE(log->size() == 1);
  const auto& e = log->front().entry;
  CHECK(log->front().id == made->protocol_id);
  CHECK(e.categories == Categories{DataCategory::stammdaten, DataCategory::kontakte});
  CHECK(e.channel == rules::Channel::verschluesselte_datei);
  CHECK(e.purpose == Purpose::uebergabe_kjh);
  CHECK(e.consent_ids == std::vector<int64_t>{s.consent_id});
  CHECK(e.note.find(made->document.id) != std::string::npos);
}

TEST_CASE("handover-5: a handover to a passphrase opens with that passphrase") {
  Sender s;
  auto made = exchange::create_handover(
      s.rs.store, s.request(), {std::make_shared<crypto::ScryptRecipient>("Lindenblüte-Abend-17", 10)});
  REQUIRE(made.ok());
  auto opened =
      exchange::open_handover(made->file, {std::make_shared<crypto::ScryptIdentity>("Lindenblüte-Abend-17")});
  REQUIRE(opened.ok());
  CHECK(opened->document.id == made->document.id);
}

TEST_CASE("receive-1: a received handover is imported once; importing the same file again changes nothing") {
  Sender s;
  auto made = exchange::create_handover(s.rs.store, s.request(), s.to());
  REQUIRE(made.ok());
  cases::test::CaseStore jugendamt;
  auto opened = exchange::open_handover(made->file, s.keys());
  REQUIRE(opened.ok());
  CHECK(opened->preview.find("Familie: Brandtner") != std::string::npos);
  auto first = exchange::import_handover(jugendamt.store, *opened);
  REQUIRE(first.ok());
  CHECK_FALSE(first->already_received);
  CHECK(first->received.document_id == made->document.id);
  CHECK(first->received.family_name == "Brandtner");
  const std::string before = hash_file(jugendamt.path.str());
  auto again = exchange::import_handover(jugendamt.store, *opened);
  REQUIRE(again.ok());
  CHECK(again->already_received);
  CHECK(again->received.id == first->received.id);
  CHECK(hash_file(jugendamt.path.str()) == before);
  auto list = exchange::list_received_cases(jugendamt.store);
  REQUIRE(list.ok());
  CHECK(list->size() == 1);
  auto doc = exchange::load_received_document(jugendamt.store, first->received.id);
  REQUIRE(doc.ok());
  CHECK(categories_of(*doc) == categories_of(made->document));
}

TEST_CASE("receive-2: another document under an id already received is refused, nothing is overwritten") {
  Sender s;
  auto made = exchange::create_handover(s.rs.store, s.request(), s.to());
  REQUIRE(made.ok());
  cases::test::CaseStore jugendamt;
  auto opened = exchange::open_handover(made->file, s.keys());
  REQUIRE(opened.ok());
  REQUIRE(exchange::import_handover(jugendamt.store, *opened).ok());
  auto forged_doc = opened->document;
  forged_doc.family_name = "Anders";
  const std::string forged_json = exchange::format_handover_document(forged_doc);
  auto forged = exchange::open_handover(*crypto::encrypt(forged_json, s.to()), s.keys());
  REQUIRE(forged.ok());
  const std::string before = hash_file(jugendamt.path.str());
  auto result = exchange::import_handover(jugendamt.store, *forged);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().is(Str::handover_err_conflict));
  CHECK(hash_file(jugendamt.path.str()) == before);
}

TEST_CASE(
    "receive-3: bad input (truncated, any byte tampered, wrong key or passphrase, unknown or newer version, "
    "oversized, invalid UTF-8, deep or huge JSON) gives a German message and leaves the store unchanged") {
  Sender s;
  auto made = exchange::create_handover(s.rs.store, s.request(), s.to());
  REQUIRE(made.ok());
  const std::string good_json = exchange::format_handover_document(made->document);
  cases::test::CaseStore jugendamt;
  const std::string before = hash_file(jugendamt.path.str());
  auto refused = [&](const crypto::Bytes& file, std::vector<crypto::IdentityPtr> keys, Str expected,
                     const exchange::HandoverLimits& limits = {}) {
    auto opened = exchange::open_handover(file, keys, limits);
    if (opened.ok()) {
      FAIL_CHECK("accepted");
      (void)exchange::import_handover(jugendamt.store, *opened);
    } else {
      CHECK(opened.error().message == expected);
      CHECK(german_handover_error(opened.error()));
    }
    CHECK(hash_file(jugendamt.path.str()) == before);
  };
  auto sealed = [&](const std::string& json) { return *crypto::encrypt(json, s.to()); };
  auto replaced = [&](std::string from, std::string to) {
    std::string j = good_json;
    const auto at = j.find(from);
    REQUIRE(at != std::string::npos);
    return j.replace(at, from.size(), to);
  };

  SUBCASE("truncated") {
    for (size_t n : {size_t(0), size_t(10), made->file.size() / 2, made->file.size() - 1}) {
      crypto::Bytes cut(made->file.begin(), made->file.begin() + static_cast<long>(n));
      refused(cut, s.keys(), Str::handover_err_damaged);
    }
  }
  SUBCASE("any single byte tampered") {
    for (size_t i = 0; i < made->file.size(); ++i) {
      CAPTURE(i);
      auto bad = made->file;
      bad[i] ^= 0x01;
      auto opened = exchange::open_handover(bad, s.keys());
      REQUIRE_FALSE(opened.ok());
      CHECK(german_handover_error(opened.error()));
    }
    CHECK(hash_file(jugendamt.path.str()) == before);
  }
  SUBCASE("wrong key") {
    refused(made->file, {std::make_shared<crypto::X25519Identity>(crypto::X25519Identity::generate())},
            Str::handover_err_wrong_key);
  }
  SUBCASE("wrong passphrase") {
    auto file =
        crypto::encrypt(good_json, {std::make_shared<crypto::ScryptRecipient>("Richtiges-Passwort-1", 10)});
    REQUIRE(file.ok());
    refused(*file, {std::make_shared<crypto::ScryptIdentity>("Falsches-Passwort-2")},
            Str::handover_err_wrong_passphrase);
  }
  SUBCASE("newer version") {
    refused(sealed(replaced("\"version\": 1", "\"version\": 2")), s.keys(), Str::handover_err_newer_version);
  }
  SUBCASE("unknown version") {
    refused(sealed(replaced("\"version\": 1", "\"version\": 0")), s.keys(),
            Str::handover_err_unknown_version);
    refused(sealed(replaced("\"version\": 1", "\"version\": \"1\"")), s.keys(),
            Str::handover_err_unknown_version);
  }
  SUBCASE("not a handover") {
    refused(sealed(replaced("begleitbuch-handover", "begleitbuch-backup")), s.keys(),
            Str::handover_err_not_handover);
  }
  SUBCASE("oversized") {
    exchange::HandoverLimits small;
    small.max_bytes = good_json.size() - 1;
    refused(made->file, s.keys(), Str::handover_err_limits, small);
  }
  SUBCASE("invalid UTF-8") {
    refused(sealed(replaced("Brandtner", "Brandtn\xC3\x28r")), s.keys(), Str::handover_err_encoding);
    refused(sealed(replaced("Brandtner", "Brandtn\xED\xA0\x80r")), s.keys(), Str::handover_err_encoding);
  }
  SUBCASE("deeply nested") {
    refused(sealed(replaced("\"left_out\": [", "\"x\": " + std::string(100000, '[') +
                                                   std::string(100000, ']') + ", \"left_out\": [")),
            s.keys(), Str::handover_err_limits);
  }
  SUBCASE("huge JSON: too many values") {
    std::string many = "\"x\": [";
    for (int i = 0; i < 250000; ++i) many += i ? ",0" : "0";
    refused(sealed(replaced("\"left_out\": [", many + "], \"left_out\": [")), s.keys(),
            Str::handover_err_limits);
  }
  SUBCASE("duplicate key, missing field, broken JSON") {
    refused(sealed(replaced("\"sender\":", "\"sender\": \"X\", \"sender\":")), s.keys(),
            Str::handover_err_invalid);
    refused(sealed(replaced("\"sender\":", "\"absender\":")), s.keys(), Str::handover_err_invalid);
    refused(sealed(good_json.substr(0, good_json.size() / 2)), s.keys(), Str::handover_err_invalid);
    refused(sealed(replaced("\"stammdaten\"", "\"unbekannt\"")), s.keys(), Str::handover_err_invalid);
  }
  CHECK(exchange::list_received_cases(jugendamt.store)->empty());
}
