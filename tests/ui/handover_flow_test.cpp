// Focus: the issue 8 exchange screens headless with a real encrypted store:
// a receiving key made in the settings (public key, fingerprint, copy,
// download without the secret); „Übergabe an die KJH“ showing per section what
// the decision point allows and why not, the file offered under a name
// without personal data, the protocol line; refused without a basis, nothing
// logged; „Fall empfangen“ with the receiving keys and with a passphrase:
// preview, import, the same file again changes nothing, wrong key, wrong
// passphrase and a damaged file leave the store unchanged; the encrypted
// backup in the settings with its recovery file. docs/ui.md
// "Übergabe an die KJH, Fall empfangen, Empfangsschlüssel". All people fictional.
#include <doctest/doctest.h>

#include <string>

#include "case_host.h"
#include "core/cases.h"
#include "crypto/age.h"
#include "crypto/scrypt.h"
#include "crypto/x25519.h"
#include "exchange/backup.h"
#include "exchange/receive.h"
#include "platform/platform.h"
#include "platform/storage.h"
#include "store/cases.h"
#include "store/consents.h"
#include "store/directory.h"
#include "store/disclosures.h"
#include "store/keys.h"
#include "ui/screens/case_ui.h"
#include "ui/widget_registry.h"

using namespace bb;
using namespace bb::ui;

namespace {

constexpr const char* kFilePass = "Birkenwald Sonnenuhr Laterne";
constexpr const char* kExampleKey = "age13f2lh395wd7tarf2c83ms8wksuk2dgeh90v2jrff4rsg7u20h4ds6rxj0l";

struct HandoverHost : test::CaseHost {
  HandoverHost() {
    test::german();
    platform::DownloadedFile stale;
    while (platform::take_downloaded_file(stale)) {
    }
    frames(2);
  }

  int64_t family = 0;

  // The example directory, its Jugendamt's key replaced by `key` (so this
  // Begleitbuch can open what it hands over), imported through the screen.
  void import_directory(const std::string& key) {
    const auto bytes = test::read_file(BB_SOURCE_DIR "/docs/examples/directory.json");
    std::string text(bytes.begin(), bytes.end());
    const auto at = text.find(kExampleKey);
    REQUIRE(at != std::string::npos);
    text.replace(at, std::string(kExampleKey).size(), key);
    REQUIRE(tap("nav.network"));
    platform::put_picked_file(std::vector<uint8_t>(text.begin(), text.end()));
    frames(6);
    REQUIRE(tap("network.review.apply"));
  }
  int64_t jugendamt_id() {
    store::PartnerQuery q;
    q.text = "Jugendamt Lindenau";
    auto page = store::list_partners(*session.reader(), q);
    REQUIRE(page.ok());
    REQUIRE(!page->rows.empty());
    return page->rows.front().id;
  }
  // Familie Brunnhuber-Öztürk made on screen; with a recipient, a written
  // consent of the mother Selin to hand Stammdaten and Kontakte over to it.
  void family_with_consent(std::optional<rules::Recipient> to) {
    test::fill_new_family(*this);
    REQUIRE(tap("family.save"));
    REQUIRE(widget("overview.header"));
    family = forms_cases()->family_id;
    if (to) {
      REQUIRE(
          session
              .act_on_store(Str::handover_ui_action,
                            [&](store::Store& db) -> Status {
                              auto facts = store::load_case_facts(db, family);
                              if (!facts.ok()) return facts.error();
                              rules::Consent c;
                              c.family = family;
                              c.person = facts->may_consent.front();
                              c.purpose = rules::Purpose::uebergabe_kjh;
                              c.recipient = *to;
                              c.categories = {rules::DataCategory::stammdaten, rules::DataCategory::kontakte};
                              c.given_on = *rules::Date::from_iso(cases::today());
                              return status_of(store::record_consent(db, c));
                            })
              .ok());
    }
    REQUIRE(tap("overview.handover"));
    REQUIRE(widget("handover.title"));
  }
  size_t protocol_lines() {
    auto log = store::load_disclosure_log(*session.reader(), family);
    REQUIRE(log.ok());
    return log->size();
  }
  size_t received() {
    auto list = exchange::list_received_cases(*session.reader());
    REQUIRE(list.ok());
    return list->size();
  }
  platform::DownloadedFile download() {
    platform::DownloadedFile file;
    CHECK(platform::take_downloaded_file(file));
    return file;
  }
  // From anywhere in the families screen to „Fall empfangen“.
  void to_receive() {
    REQUIRE(tap("nav.families"));
    if (widget("receive.title")) return;
    if (widget("handover.title.cancel")) REQUIRE(tap("handover.title.cancel"));
    if (widget("overview.back")) REQUIRE(tap("overview.back"));
    REQUIRE(tap("families.receive"));
    REQUIRE(widget("receive.title"));
  }
  void pick(const std::vector<uint8_t>& bytes) {
    platform::put_picked_file(bytes);
    frames(6);
    REQUIRE(widget("receive.picked"));
  }
  void open_with(const std::string& passphrase) {
    if (!passphrase.empty()) REQUIRE(type("receive.passphrase", passphrase));
    REQUIRE(tap("receive.open"));
  }
};

bool contains(const std::vector<uint8_t>& bytes, const std::string& text) {
  return std::string(bytes.begin(), bytes.end()).find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("handover-ui-1: a receiving key made in the settings shows its public key and fingerprint") {
  HandoverHost host;
  REQUIRE(host.tap("nav.settings"));
  CHECK(host.widget("settings.keys.0.public") == nullptr);
  REQUIRE(host.type("settings.keys.new_label", "Jugendamt Lindenau, ASD"));
  REQUIRE(host.tap("settings.keys.create"));
  auto keys = store::list_receiving_keys(*host.session.reader());
  REQUIRE(keys.ok());
  REQUIRE(keys->size() == 1);
  const store::ReceivingKey& k = keys->front();
  CHECK(host.label("settings.keys.0.label") == "Jugendamt Lindenau, ASD");
  CHECK(host.label("settings.keys.0.public") == k.public_key);
  CHECK(k.public_key.rfind("age1", 0) == 0);
  CHECK(host.label("settings.keys.0.fingerprint") == k.fingerprint);
  CHECK(k.fingerprint.size() == 19);  // four groups of four, as the directory shows a partner's key
  REQUIRE(host.tap("settings.keys.0.copy"));
  CHECK(platform::clipboard_text() == k.public_key);
  REQUIRE(host.tap("settings.keys.0.download"));
  const platform::DownloadedFile file = host.download();
  CHECK(file.name == "empfangsschluessel-" + std::to_string(k.id) + ".txt");
  CHECK(contains(file.bytes, "\n" + k.public_key + "\n"));
  CHECK_FALSE(contains(file.bytes, "AGE-SECRET-KEY"));
  // A second key is listed after the first.
  REQUIRE(host.type("settings.keys.new_label", "Fachliche Leitung"));
  REQUIRE(host.tap("settings.keys.create"));
  CHECK(host.label("settings.keys.1.label") == "Fachliche Leitung");
}

TEST_CASE(
    "handover-ui-2: a handover to the Jugendamt's key holds the allowed sections, is logged, and is "
    "received once") {
  HandoverHost host;
  REQUIRE(host.tap("nav.settings"));
  REQUIRE(host.type("settings.keys.new_label", "Eigener Empfang"));
  REQUIRE(host.tap("settings.keys.create"));
  auto keys = store::list_receiving_keys(*host.session.reader());
  REQUIRE(keys.ok());
  REQUIRE(keys->size() == 1);
  host.import_directory(keys->front().public_key);
  const int64_t ja = host.jugendamt_id();
  host.family_with_consent(rules::Recipient{rules::RecipientKind::kjh, ja, "Jugendamt Lindenau"});

  // The Jugendamt with a key is chosen; its fingerprint is shown to compare by phone.
  CHECK(host.label("handover.fingerprint") == keys->front().fingerprint);
  CHECK(host.label("handover.section.stammdaten.state") == "wird übergeben");
  CHECK(host.label("handover.section.kontakte.state") == "wird übergeben");
  const std::string refused = host.label("handover.section.kinderschutz.state");
  CHECK_FALSE(refused.empty());
  CHECK(refused != "wird übergeben");
  // Unticked, a section is not asked for and has no verdict.
  REQUIRE(host.tap("handover.section.ziele"));
  CHECK(host.widget("handover.section.ziele.state") == nullptr);
  CHECK(host.protocol_lines() == 0);

  REQUIRE(host.tap("handover.create"));
  REQUIRE(host.widget("handover.done"));
  const platform::DownloadedFile file = host.download();
  CAPTURE(file.name);
  CHECK(file.name.rfind("uebergabe-kjh-", 0) == 0);
  CHECK(file.name.size() == std::string("uebergabe-kjh-20261203-0123abcd.age").size());
  CHECK(file.name.find("Brunnhuber") == std::string::npos);
  CHECK(contains(file.bytes, "age-encryption.org/v1"));
  CHECK_FALSE(contains(file.bytes, "Brunnhuber"));
  CHECK(host.protocol_lines() == 1);
  CHECK(host.label("handover.protocol").find("Jugendamt Lindenau") != std::string::npos);

  // Received in this Begleitbuch with its receiving key.
  host.to_receive();
  CHECK(host.widget("receive.case.0") == nullptr);
  host.pick(file.bytes);
  host.open_with("");
  REQUIRE(host.widget("receive.preview"));
  const std::string preview = host.label("receive.preview");
  CHECK(preview.find("Brunnhuber-Öztürk") != std::string::npos);
  CHECK(host.received() == 0);  // the preview writes nothing
  REQUIRE(host.tap("receive.import"));
  CHECK(host.label("receive.message") == "Der Fall wurde übernommen.");
  CHECK(host.received() == 1);
  CHECK(host.label("receive.case.0").find("Brunnhuber-Öztürk") != std::string::npos);
  // The same file again: nothing changes, and the screen says so.
  host.pick(file.bytes);
  host.open_with("");
  REQUIRE(host.tap("receive.import"));
  CHECK(host.label("receive.message") == "Diese Übergabe wurde schon empfangen. Es wurde nichts geändert.");
  CHECK(host.received() == 1);
  // A received case opens its stored document.
  REQUIRE(host.tap("receive.case.0"));
  CHECK(host.label("received.report").find("Brunnhuber-Öztürk") != std::string::npos);
}

TEST_CASE("handover-ui-3: without a consent every section says why not and no file is made or logged") {
  HandoverHost host;
  host.family_with_consent(std::nullopt);
  CHECK(host.widget("handover.pass1"));  // no Jugendamt with a key: a passphrase
  for (const char* c : {"stammdaten", "kontakte", "kinderschutz"}) {
    CAPTURE(c);
    const std::string reason = host.label(std::string("handover.section.") + c + ".state");
    CHECK_FALSE(reason.empty());
    CHECK(reason != "wird übergeben");
  }
  REQUIRE(host.type("handover.pass1", kFilePass));
  REQUIRE(host.type("handover.pass2", kFilePass));
  REQUIRE(host.tap("handover.create"));
  CHECK(host.widget("handover.done") == nullptr);
  CHECK(host.label("handover.message").find("Es wurde keine Datei erstellt") != std::string::npos);
  platform::DownloadedFile none;
  CHECK_FALSE(platform::take_downloaded_file(none));
  CHECK(host.protocol_lines() == 0);
}

TEST_CASE(
    "handover-ui-4: with a passphrase: mismatch refused; wrong passphrase, wrong key and a damaged file "
    "change nothing") {
  HandoverHost host;
  host.family_with_consent(
      rules::Recipient{rules::RecipientKind::kjh, std::nullopt, "Kinder- und Jugendhilfe"});
  REQUIRE(host.type("handover.pass1", kFilePass));
  REQUIRE(host.type("handover.pass2", "Birkenwald Sonnenuhr Laterna"));
  REQUIRE(host.tap("handover.create"));
  CHECK(host.label("handover.message") == "Die beiden Eingaben stimmen nicht überein.");
  CHECK(host.protocol_lines() == 0);
  REQUIRE(host.type("handover.pass1", kFilePass));
  REQUIRE(host.type("handover.pass2", kFilePass));
  REQUIRE(host.tap("handover.create"));
  REQUIRE(host.widget("handover.done"));
  CHECK(host.protocol_lines() == 1);
  const platform::DownloadedFile file = host.download();
  REQUIRE(!file.bytes.empty());

  host.to_receive();
  const uint64_t before = host.session.save_status().accepted;
  // No receiving key in this Begleitbuch and no passphrase typed.
  host.pick(file.bytes);
  host.open_with("");
  CHECK(host.label("receive.message").find("noch keinen Empfangsschlüssel") != std::string::npos);
  // The wrong passphrase.
  host.open_with("Falsches Passwort Nummer eins");
  CHECK(host.label("receive.message") ==
        "Das Passwort der Übergabe ist falsch. Ihr Begleitbuch bleibt unverändert.");
  CHECK(host.widget("receive.preview") == nullptr);
  // A file for somebody else's key.
  auto other = crypto::X25519Identity::generate();
  auto foreign = crypto::encrypt(crypto::ByteView(file.bytes.data(), 16),
                                 {std::make_shared<crypto::X25519Recipient>(other.recipient())});
  REQUIRE(foreign.ok());
  REQUIRE(host.tap("receive.discard"));
  REQUIRE(host.tap("nav.settings"));
  REQUIRE(host.type("settings.keys.new_label", "Eigener Empfang"));
  REQUIRE(host.tap("settings.keys.create"));
  host.to_receive();
  host.pick(std::vector<uint8_t>(foreign->begin(), foreign->end()));
  host.open_with("");
  CHECK(host.label("receive.message").find("Keiner Ihrer Empfangsschlüssel passt") != std::string::npos);
  // A damaged file.
  std::vector<uint8_t> damaged = file.bytes;
  damaged[damaged.size() - 20] ^= 0x40;
  REQUIRE(host.tap("receive.discard"));
  host.pick(damaged);
  host.open_with(kFilePass);
  CHECK(host.label("receive.message").find("beschädigt") != std::string::npos);
  CHECK(host.received() == 0);
  CHECK(host.session.save_status().accepted == before + 1);  // only the receiving key
  // The right passphrase opens it.
  REQUIRE(host.tap("receive.discard"));
  host.pick(file.bytes);
  host.open_with(kFilePass);
  CHECK(host.label("receive.preview").find("Brunnhuber-Öztürk") != std::string::npos);
  REQUIRE(host.tap("receive.import"));
  CHECK(host.received() == 1);
}

TEST_CASE(
    "handover-ui-5: the encrypted backup opens with its passphrase, its recovery file with the Leitung's "
    "key") {
  HandoverHost host;
  host.family_with_consent(std::nullopt);
  auto leitung = crypto::X25519Identity::generate();
  const std::string recovery = leitung.recipient().to_string();
  REQUIRE(host.tap("nav.settings"));
  REQUIRE(host.type("settings.age_backup.pass1", kFilePass));
  REQUIRE(host.type("settings.age_backup.pass2", "nicht dasselbe Passwort"));
  REQUIRE(host.tap("settings.age_backup.download"));
  CHECK(host.label("settings.age_backup.message") == "Die beiden Eingaben stimmen nicht überein.");
  platform::DownloadedFile none;
  CHECK_FALSE(platform::take_downloaded_file(none));
  auto last = exchange::last_backup_date(*host.session.reader());
  REQUIRE(last.ok());
  CHECK_FALSE(last->has_value());

  REQUIRE(host.type("settings.age_backup.pass1", kFilePass));
  REQUIRE(host.type("settings.age_backup.pass2", kFilePass));
  REQUIRE(host.type("settings.age_backup.recovery", recovery));
  REQUIRE(host.tap("settings.age_backup.download"));
  CHECK(host.label("settings.age_backup.message") == "Die Sicherung wurde zum Herunterladen angeboten.");
  const platform::DownloadedFile main_file = host.download();
  const platform::DownloadedFile recovery_file = host.download();
  CHECK(main_file.name.rfind("begleitbuch-sicherung-", 0) == 0);
  CHECK(recovery_file.name == main_file.name + ".recovery.age");
  CHECK_FALSE(contains(main_file.bytes, "Brunnhuber"));
  auto opened = exchange::read_backup(crypto::ByteView(main_file.bytes.data(), main_file.bytes.size()),
                                      {std::make_shared<crypto::ScryptIdentity>(kFilePass)});
  REQUIRE(opened.ok());
  CHECK(opened->header().schema_version > 0);
  auto by_key =
      exchange::read_backup(crypto::ByteView(recovery_file.bytes.data(), recovery_file.bytes.size()),
                            {std::make_shared<crypto::X25519Identity>(leitung)});
  CHECK(by_key.ok());
  last = exchange::last_backup_date(*host.session.reader());
  REQUIRE(last.ok());
  CHECK(last->has_value());  // the reminder counts from here
}

TEST_CASE(
    "handover-ui-6: where the browser has a share sheet for the file, the done card offers „Teilen“ next to "
    "the download and hands over exactly the file made") {
  HandoverHost host;
  platform::set_share_available(true);
  host.family_with_consent(
      rules::Recipient{rules::RecipientKind::kjh, std::nullopt, "Kinder- und Jugendhilfe"});
  REQUIRE(host.type("handover.pass1", kFilePass));
  REQUIRE(host.type("handover.pass2", kFilePass));
  REQUIRE(host.tap("handover.create"));
  REQUIRE(host.widget("handover.done"));
  platform::DownloadedFile none;
  CHECK_FALSE(platform::take_downloaded_file(none));  // not downloaded unasked: the card offers both
  CHECK(host.widget("handover.share.outcome") == nullptr);
  REQUIRE(host.tap("handover.share"));
  platform::DownloadedFile shared;
  REQUIRE(platform::take_shared_file(shared));
  CHECK(shared.name.rfind("uebergabe-kjh-", 0) == 0);
  CHECK(host.label("handover.file") == shared.name);
  CHECK(contains(shared.bytes, "age-encryption.org/v1"));
  CHECK(host.label("handover.share.outcome") == "Die Datei wurde geteilt.");
  REQUIRE(host.tap("handover.download_again"));
  const platform::DownloadedFile downloaded = host.download();
  CHECK(downloaded.name == shared.name);
  CHECK(downloaded.bytes == shared.bytes);
  CHECK(host.protocol_lines() == 1);  // shared and downloaded: one handover, logged once
  platform::set_share_available(false);
}
