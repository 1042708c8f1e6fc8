// Focus: the Einwilligungen screens (issue 7, item 1) headless with a real
// encrypted store: a consent for one Netzwerkpartner chosen from the
// directory, refused with the store's German message while incomplete (oral
// without witness), printed for signature, shown as active, revoked with
// immediate effect (and the decision point agrees), and the record that the
// family was informed. docs/ui.md "Einwilligungen".
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "case_host.h"
#include "core/directory.h"
#include "exchange/case_draft.h"
#include "platform/print.h"
#include "store/consents.h"
#include "store/directory.h"
#include "store/disclosures.h"
#include "ui/screens/consent_ui.h"
#include "ui/widget_registry.h"

using namespace bb;
using namespace bb::ui;
using bb::ui::test::CaseHost;

namespace {

struct ConsentHost : CaseHost {
  int64_t family = 0;
  int64_t partner = 0;

  ConsentHost() {
    test::german();
    frames(2);
    REQUIRE(session
                .act_on_store(Str::action_family_create,
                              [&](store::Store& db) -> Status {
                                directory::Partner p;
                                p.name = "Schreiambulanz Nordstadt";
                                p.type = "hebamme";
                                auto pid = store::add_partner(db, p);
                                if (!pid.ok()) return pid.error();
                                partner = *pid;
                                auto id = test::create_quellmalz_family(db, "", false);
                                if (!id.ok()) return id.error();
                                family = *id;
                                return {};
                              })
                .ok());
    REQUIRE(tap("nav.families"));
    REQUIRE(tap("families.row.0"));
  }
  bool has(const std::string& prefix, const std::string& text) const {
    for (const auto& w : widget_registry().widgets())
      if (w.id.rfind(prefix, 0) == 0 && w.label.find(text) != std::string::npos) return true;
    return false;
  }
  // A new consent of the mother for a Vermittlung to the partner, chosen by a search.
  void start_consent_for_partner() {
    REQUIRE(tap("consents.new"));
    REQUIRE(tap("consent.person.0"));
    REQUIRE(tap("consent.purpose.vermittlung"));
    REQUIRE(tap("consent.recipient.netzwerkpartner"));
    REQUIRE(type("consent.partner.search", "Schreiamb"));
    REQUIRE(tap("consent.partner.0"));
  }
  // May the partner receive the family's Stammdaten for a referral today?
  bool referral_allowed() {
    rules::DisclosureRequest rq;
    rq.family = family;
    rq.recipient = {rules::RecipientKind::netzwerkpartner, partner, "Schreiambulanz Nordstadt"};
    rq.purpose = rules::Purpose::vermittlung;
    rq.categories = {rules::DataCategory::stammdaten};
    auto d = store::decide(*session.reader(), rq);
    REQUIRE(d.ok());
    return d->allowed;
  }
};

}  // namespace

TEST_CASE(
    "consent-ui-1: a consent for one Netzwerkpartner is recorded from the overview, refused while an oral "
    "consent names no witness, printed for signature, shown as active, and then allows the referral") {
  ConsentHost host;
  CHECK(host.label("overview.consents.state").find("Noch keine Einwilligung") != std::string::npos);
  CHECK_FALSE(host.referral_allowed());
  REQUIRE(host.tap("overview.consents"));
  CHECK(host.widget("consents.title"));
  host.start_consent_for_partner();
  CHECK(host.label("consent.partner.chosen").find("Schreiambulanz Nordstadt") != std::string::npos);
  REQUIRE(host.tap("consent.category.stammdaten"));
  REQUIRE(host.tap("consent.category.gesundheit"));
  REQUIRE(host.tap("consent.form.muendlich"));
  // Oral without a witness: the store refuses, the form stays with the message.
  REQUIRE(host.tap("consent.save"));
  CHECK(host.widget("consent.title"));
  CHECK(host.label("form.error").find("bezeugt") != std::string::npos);
  CHECK(store::load_consents(*host.session.reader(), host.family)->empty());
  REQUIRE(host.type("consent.witness", "Frau Okonkwo"));
  // Printed before it is saved, for the family's signature.
  REQUIRE(host.tap("consent.print"));
  const std::string html = platform::last_printed_html();
  CHECK(html.find("Janne Quellmalz-Dörr") != std::string::npos);
  CHECK(html.find("Schreiambulanz Nordstadt") != std::string::npos);
  CHECK(html.find("Frau Okonkwo") != std::string::npos);
  REQUIRE(host.tap("consent.save"));
  CHECK(host.label("consents.notice") == "Einwilligung gespeichert.");
  CHECK(host.label("consents.row.0").find("Vermittlung") != std::string::npos);
  CHECK(host.label("consents.row.0").find("Gesundheit") != std::string::npos);
  CHECK(host.label("consents.row.0.who").find("Frau Okonkwo") != std::string::npos);
  CHECK(host.label("consents.row.0.state").rfind("aktiv", 0) == 0);
  CHECK(host.referral_allowed());
  REQUIRE(host.tap("consents.back"));
  CHECK(host.label("overview.consents.state") == "1 aktive Einwilligung(en)");
}

TEST_CASE(
    "consent-ui-2: the Widerruf takes effect at once — the consent shows it, allows nothing from that day "
    "on, and offers no second Widerruf; a consent is never edited") {
  ConsentHost host;
  REQUIRE(host.session
              .act_on_store(Str::action_consent,
                            [&](store::Store& db) -> Status {
                              auto o = store::family_overview(db, host.family);
                              if (!o.ok()) return o.error();
                              rules::Consent c;
                              c.family = host.family;
                              c.person = o->persons.front().id;
                              c.purpose = rules::Purpose::vermittlung;
                              c.recipient = {rules::RecipientKind::netzwerkpartner, host.partner,
                                             "Schreiambulanz Nordstadt"};
                              c.categories = {rules::DataCategory::stammdaten};
                              c.given_on = rules::Date::from_iso(cases::today())->plus_days(-10);
                              return status_of(store::record_consent(db, c));
                            })
              .ok());
  CHECK(host.referral_allowed());
  REQUIRE(host.tap("overview.consents"));
  CHECK_FALSE(host.widget("consents.row.0.edit"));
  REQUIRE(host.tap("consents.row.0.revoke"));
  REQUIRE(host.type("consents.revoke.note", "telefonisch mitgeteilt"));
  REQUIRE(host.tap("consents.revoke.confirm"));
  CHECK(host.label("consents.notice").find("gilt ab sofort") != std::string::npos);
  CHECK(host.label("consents.row.0.state").find("widerrufen am") != std::string::npos);
  CHECK_FALSE(host.widget("consents.row.0.revoke"));
  CHECK_FALSE(host.referral_allowed());
  CHECK(*store::load_revocation_note(*host.session.reader(),
                                     store::load_consents(*host.session.reader(), host.family)->front().id) ==
        "telefonisch mitgeteilt");
}

TEST_CASE(
    "consent-ui-3: that the family was informed about content and purpose of a cooperation is recorded; "
    "without the content the store refuses with its message") {
  ConsentHost host;
  REQUIRE(host.tap("overview.consents"));
  REQUIRE(host.tap("consents.informed.add"));
  REQUIRE(host.tap("informed.person.0"));
  REQUIRE(host.tap("informed.recipient.kjh"));
  REQUIRE(host.type("informed.recipient_name", "Jugendamt Nordstadt"));
  REQUIRE(host.type("informed.purpose", "Fallbezogene Abstimmung"));
  REQUIRE(host.tap("informed.save"));
  CHECK(host.widget("informed.title"));
  CHECK_FALSE((host.label("informed.content.error") + host.label("form.error")).empty());
  REQUIRE(host.type("informed.content", "Stand der Begleitung, nächste Termine"));
  REQUIRE(host.type("informed.how", "im Gespräch, Merkblatt ausgehändigt"));
  REQUIRE(host.tap("informed.save"));
  CHECK(host.widget("consents.title"));
  CHECK(host.has("consents.informed.", "Fallbezogene Abstimmung (Jugendamt Nordstadt)"));
  CHECK(host.has("consents.informed.", "Merkblatt"));
  const auto records = store::load_information(*host.session.reader(), host.family);
  REQUIRE(records.ok());
  REQUIRE(records->size() == 1);
  CHECK(records->front().person.has_value());
}

TEST_CASE(
    "consent-ui-4: a half-filled consent form survives the lock — partner, categories, oral form and witness "
    "come back unsaved, and saving it then records the consent once") {
  ConsentHost host;
  REQUIRE(host.tap("overview.consents"));
  host.start_consent_for_partner();
  REQUIRE(host.tap("consent.category.stammdaten"));
  REQUIRE(host.tap("consent.category.gesundheit"));
  REQUIRE(host.tap("consent.form.muendlich"));
  REQUIRE(host.type("consent.witness", "Frau Okonkwo"));
  host.lock_and_unlock();
  REQUIRE(host.forms_cases() != nullptr);
  CHECK(host.forms_cases()->view == CaseView::consent_form);
  CHECK(host.forms_cases()->dirty);
  CHECK(host.label("form.draft_restored").find("wieder da") != std::string::npos);
  CHECK(host.label("consent.partner.chosen").find("Schreiambulanz Nordstadt") != std::string::npos);
  const rules::Consent& f = host.forms_cases()->consents->form;
  CHECK(f.family == host.family);
  CHECK(f.recipient.partner == std::optional<int64_t>(host.partner));
  CHECK(f.categories == rules::Categories{rules::DataCategory::stammdaten, rules::DataCategory::gesundheit});
  CHECK(f.form == rules::ConsentForm::muendlich);
  CHECK(f.witness == "Frau Okonkwo");
  CHECK(store::load_consents(*host.session.reader(), host.family)->empty());  // still unsaved
  REQUIRE(host.tap("consent.save"));
  CHECK(host.label("consents.notice") == "Einwilligung gespeichert.");
  CHECK(store::load_consents(*host.session.reader(), host.family)->size() == 1);
  CHECK(host.referral_allowed());
  auto stored = host.session.setting(exchange::kCaseDraftKey);
  REQUIRE(stored.ok());
  CHECK_FALSE(stored->has_value());  // saved: the draft is gone
}

TEST_CASE("consent-ui-5: the half-filled record that the family was informed survives the lock") {
  ConsentHost host;
  REQUIRE(host.tap("overview.consents"));
  REQUIRE(host.tap("consents.informed.add"));
  REQUIRE(host.tap("informed.recipient.kjh"));
  REQUIRE(host.type("informed.recipient_name", "Jugendamt Nordstadt"));
  REQUIRE(host.type("informed.content", "Stand der Begleitung, nächste Termine"));
  host.lock_and_unlock();
  REQUIRE(host.forms_cases() != nullptr);
  CHECK(host.forms_cases()->view == CaseView::information_form);
  CHECK(host.forms_cases()->dirty);
  const store::InformationRecord& r = host.forms_cases()->consents->info;
  CHECK(r.family_id == host.family);
  CHECK(r.cooperation_with.kind == rules::RecipientKind::kjh);
  CHECK(r.cooperation_with.name == "Jugendamt Nordstadt");
  CHECK(r.content == "Stand der Begleitung, nächste Termine");
  REQUIRE(host.type("informed.purpose", "Fallbezogene Abstimmung"));
  REQUIRE(host.tap("informed.save"));
  CHECK(host.has("consents.informed.", "Fallbezogene Abstimmung (Jugendamt Nordstadt)"));
  CHECK(store::load_information(*host.session.reader(), host.family)->size() == 1);
}
