// Focus: the network screen and the Vermittlung on screen (issue 6), headless
// with a real encrypted store: the directory import shows its diff before it
// changes anything and refuses an invalid file whole, the offer search by
// need, the partner detail with the key's fingerprint, a referral refused
// without the family's agreement and saved with it, feedback and outcome, the
// referral in the family's timeline, the Fachkräfte two taps from a family.
// docs/ui.md "Network".
#include <doctest/doctest.h>

#include <string>

#include "core/cases.h"
#include "exchange/directory_file.h"
#include "headless_host.h"
#include "platform/platform.h"
#include "platform/storage.h"
#include "store/cases.h"
#include "store/directory.h"
#include "store/referrals.h"
#include "ui/screens/case_ui.h"
#include "ui/screens/network_ui.h"
#include "ui/widget_registry.h"

using namespace bb;
using namespace bb::ui;
using bb::ui::test::HeadlessHost;

namespace {

struct NetworkHost : HeadlessHost {
  NetworkHost() : HeadlessHost(1024, 6000, 1, true) {
    platform::save_preference("language", "de");
    widget_registry().set_reveal_personal(true);
    frames(2);
  }
  ~NetworkHost() { widget_registry().set_reveal_personal(false); }

  void pick(const std::string& text) {
    platform::put_picked_file(std::vector<uint8_t>(text.begin(), text.end()));
    frames(6);  // the review's cards take a frame or two to find their size
  }
  void pick_example() {
    const auto bytes = test::read_file(BB_SOURCE_DIR "/docs/examples/directory.json");
    REQUIRE(!bytes.empty());
    pick(std::string(bytes.begin(), bytes.end()));
  }
  bool type_date(const std::string& id, const std::string& typed) {
    return tap(id) && type(id + ".typed", typed) && tap(id + ".use");
  }
  store::DirectoryInfo info() {
    auto i = store::directory_info(*session.reader());
    REQUIRE(i.ok());
    return *i;
  }
  // Imports docs/examples/directory.json through the screen.
  void import_example() {
    REQUIRE(tap("nav.network"));
    pick_example();
    REQUIRE(tap("network.review.apply"));
  }
  // A family with a mother (Selin) and a child, its overview open.
  void new_family() {
    REQUIRE(tap("nav.families"));
    REQUIRE(tap("families.new"));
    REQUIRE(type("family.name", "Vasquez-Lindqvist"));
    REQUIRE(tap("family.add_person"));
    REQUIRE(type("family.person.0.first_name", "Selin"));
    REQUIRE(tap("family.add_person"));
    REQUIRE(tap("family.person.1.role.child"));
    REQUIRE(type("family.person.1.first_name", "Mira"));
    REQUIRE(
        type_date("family.person.1.birth_date", cases::german_date(cases::add_days(cases::today(), -120))));
    REQUIRE(tap("family.save"));
    REQUIRE(widget("overview.header"));
  }
};

}  // namespace

TEST_CASE("network-ui-1: an import shows added entries first and changes the store only on Übernehmen") {
  NetworkHost host;
  REQUIRE(host.tap("nav.network"));
  CHECK(host.widget("network.empty"));
  const uint64_t before = host.session.save_status().accepted;
  host.pick_example();
  REQUIRE(host.widget("network.review.title"));
  CHECK(host.label("network.review.added") == "neu: 15");
  CHECK(host.label("network.review.removed") == "entfernt: 0");
  CHECK(host.session.save_status().accepted == before);
  CHECK_FALSE(host.info().imported);
  REQUIRE(host.tap("network.review.apply"));
  CHECK(host.session.save_status().accepted == before + 1);  // one action, one transaction
  CHECK(host.info().imported);
  CHECK(host.info().partners == 6);
  CHECK(host.label("network.message").find("übernommen") != std::string::npos);
  // The same file again: nothing to change.
  host.pick_example();
  CHECK(host.label("network.review.changed") == "geändert: 0");
  CHECK(host.widget("network.review.change.0") == nullptr);
  REQUIRE(host.tap("network.review.cancel"));
}

TEST_CASE(
    "network-ui-2: an invalid directory file is refused with a German message and the store is unchanged") {
  NetworkHost host;
  host.import_example();
  const uint64_t before = host.session.save_status().accepted;
  const store::DirectoryInfo info = host.info();
  host.pick("{\"format\": \"begleitbuch-netzwerkverzeichnis\", \"version\": 1, \"partners\": [");
  CHECK(host.widget("network.review.title") == nullptr);
  CHECK(host.label("network.message").find("Es wurde nichts übernommen") != std::string::npos);
  host.pick("kein Verzeichnis");
  CHECK(host.label("network.message").find("Es wurde nichts übernommen") != std::string::npos);
  CHECK(host.session.save_status().accepted == before);
  CHECK(host.info().stand == info.stand);
  CHECK(host.info().offers == info.offers);
}

TEST_CASE("network-ui-3: the offer search finds offers by need, pregnancy and place as you type") {
  NetworkHost host;
  host.import_example();
  REQUIRE(host.tap("network.tab.offers"));
  REQUIRE(host.tap("network.offers.need"));
  REQUIRE(host.tap("network.offers.need.schlafen"));
  CHECK(host.label("network.offers.count") == "1 Angebote");
  CHECK(host.label("network.offer.0") == "Babysprechstunde");
  REQUIRE(host.tap("network.offers.need"));
  REQUIRE(host.tap("network.offers.need.none"));
  REQUIRE(host.tap("network.offers.pregnancy"));
  CHECK(host.label("network.offers.count") == "2 Angebote");
  REQUIRE(host.tap("network.offers.pregnancy"));
  REQUIRE(host.type("network.offers.place", "Birkenf"));
  CHECK(host.label("network.offers.count") == "1 Angebote");
  // A result opens its partner.
  REQUIRE(host.tap("network.offer.0"));
  CHECK(host.label("network.partner.name") == "Hebammenpraxis am Wiesengrund");
  CHECK(host.label("network.partner.offer.0") == "Babysprechstunde");
}

TEST_CASE("network-ui-4: a partner's detail shows its contact fields and its key's fingerprint in groups") {
  NetworkHost host;
  host.import_example();
  REQUIRE(host.tap("network.tab.partners"));
  REQUIRE(host.tap("network.partners.cat.kinder_jugendhilfe"));
  REQUIRE(host.type("network.partners.search", "Jugendamt"));
  CHECK(host.label("network.partners.count") == "1 Netzwerkpartner");
  REQUIRE(host.tap("network.partner.0"));
  CHECK(host.label("network.partner.name") == "Jugendamt Lindenau, Allgemeiner Sozialer Dienst");
  CHECK_FALSE(host.label("network.partner.phone").empty());
  CHECK_FALSE(host.label("network.partner.contact").empty());
  auto partner = store::load_partner(*host.session.reader(), host.app.forms().network->partner_id);
  REQUIRE(partner.ok());
  const std::string fingerprint = host.label("network.partner.fingerprint");
  CHECK(fingerprint == partner->fingerprint);
  CHECK(fingerprint.size() == 19);  // four groups of four, to read out: "7K3M-Q9XA-2BHF-W4TZ"
  CHECK(fingerprint[4] == '-');
}

TEST_CASE("network-ui-5: an own partner added on the screen is kept when the directory is imported again") {
  NetworkHost host;
  host.import_example();
  REQUIRE(host.tap("network.tab.partners"));
  REQUIRE(host.tap("network.partners.add"));
  REQUIRE(host.type("partner.name", "Stillgruppe Tannenhof"));
  REQUIRE(host.type("partner.town", "Lindenau"));
  REQUIRE(host.tap("partner.save"));
  CHECK(host.label("network.partner.name") == "Stillgruppe Tannenhof");
  CHECK(host.info().local_partners == 1);
  host.pick_example();
  REQUIRE(host.tap("network.review.apply"));
  CHECK(host.info().local_partners == 1);
}

TEST_CASE(
    "network-ui-6: a referral without the family's agreement is refused with the explanation; with it, it is "
    "saved, gets feedback and an outcome and is in the timeline") {
  NetworkHost host;
  host.import_example();
  host.new_family();
  REQUIRE(host.tap("overview.refer"));
  REQUIRE(host.tap("referral.need"));
  REQUIRE(host.tap("referral.need.schlafen"));
  REQUIRE(host.tap("referral.offer.0"));
  CHECK(host.label("referral.chosen").find("Babysprechstunde") != std::string::npos);
  REQUIRE(host.tap("referral.feedback_agreed"));
  REQUIRE(host.tap("referral.info.bedarfe"));
  const uint64_t before = host.session.save_status().accepted;
  REQUIRE(host.tap("referral.save"));
  CHECK(host.label("referral.consent.error").find("Einvernehmen") != std::string::npos);
  CHECK(host.session.save_status().accepted == before);
  REQUIRE(host.tap("referral.agreed"));
  REQUIRE(host.tap("referral.person.0"));
  REQUIRE(host.tap("referral.save"));
  CHECK(host.session.save_status().accepted == before + 1);
  CHECK(host.label("overview.notice") == "Vermittlung gespeichert.");
  CHECK(host.label("overview.referral.0").find("Babysprechstunde") != std::string::npos);
  CHECK(host.label("overview.referral.0").find("Offen") != std::string::npos);
  bool in_timeline = false;
  for (int i = 0; i < 5; ++i)
    in_timeline |=
        host.label("overview.timeline." + std::to_string(i)).find("Vermittlung an Hebammenpraxis") !=
        std::string::npos;
  CHECK(in_timeline);

  // The referral: feedback (on the agreement of the referral) and the outcome.
  REQUIRE(host.tap("overview.referral.0"));
  REQUIRE(host.type("referral.feedback_content", "Erster Termin hat stattgefunden."));
  REQUIRE(host.tap("referral.feedback_save"));
  CHECK(host.label("referral.feedback.0").find("Erster Termin") != std::string::npos);
  REQUIRE(host.tap("referral.outcome.angenommen"));
  CHECK(host.label("referral.summary").find("Angenommen") != std::string::npos);
  REQUIRE(host.tap("referral.back"));
  CHECK(host.label("overview.referral.0").find("Angenommen") != std::string::npos);
  auto refs = store::load_referrals(*host.session.reader(), host.app.forms().cases->family_id);
  REQUIRE(refs.ok());
  REQUIRE(refs->size() == 1);
  CHECK((*refs)[0].consent_by.rfind("Selin", 0) == 0);
  CHECK((*refs)[0].outcome == store::ReferralOutcome::angenommen);
}

TEST_CASE(
    "network-ui-7: the insoweit erfahrene Fachkräfte are two taps from a family's child-protection card") {
  NetworkHost host;
  host.import_example();
  host.new_family();
  REQUIRE(host.tap("overview.child_protection.fachkraefte"));
  CHECK(std::string(host.app.screen_name()) == "network");
  CHECK(host.label("network.fachkraft.0") == "Ines Horvath");
  CHECK(host.label("network.fachkraft.1") == "Jonas Sommerfeld");
}

TEST_CASE("network-ui-8: locking drops the network screen's state") {
  NetworkHost host;
  host.import_example();
  REQUIRE(host.app.forms().network);
  REQUIRE(host.tap("nav.lock"));
  CHECK_FALSE(host.app.forms().network);
}
