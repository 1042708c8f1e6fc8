// Focus: the KJH cooperation screens (issue 7, items 3 and 4) headless with a
// real encrypted store: a family in Begleitung, an Abklärung, a binding
// Hilfeplan, the app asking for the decision, "Bleiben statt gehen" with the
// Rücksprache and the three agreements (and what is missing before), the
// Fallführung shown, the Kooperationsvereinbarung blocked until the three
// agree, its print page (escaped, signature lines) and the print discarded
// at the lock. docs/ui.md "KJH cooperation", "Kooperationsvereinbarung", "Printing".
#include <doctest/doctest.h>

#include <string>

#include "case_host.h"
#include "core/cases.h"
#include "headless_host.h"
#include "platform/platform.h"
#include "platform/print.h"
#include "store/cases.h"
#include "ui/widget_registry.h"

using namespace bb;
using namespace bb::ui;
using bb::ui::test::HeadlessHost;

namespace {

struct KjhHost : HeadlessHost {
  KjhHost() : HeadlessHost(1024, 6400, 1, true) {
    widget_registry().set_reveal_personal(true);
    platform::save_preference("language", "de");
    frames(2);
  }
  ~KjhHost() { widget_registry().set_reveal_personal(false); }

  int64_t child_id = 0;

  // Familie Quellmalz-Dörr in laufender Begleitung: mother Janne, child Ilvy.
  void family_in_begleitung() {
    int64_t family = 0;
    REQUIRE(session
                .act_on_store(Str::action_family_create,
                              [&](store::Store& db) -> Status {
                                auto id = test::create_quellmalz_family(db, "Frau Lindqvist", true);
                                if (!id.ok()) return id.error();
                                family = *id;
                                return {};
                              })
                .ok());
    auto o = store::family_overview(*session.reader(), family);
    REQUIRE(o.ok());
    for (const auto& p : o->persons)
      if (p.role == cases::PersonRole::child) child_id = p.id;
    REQUIRE(tap("nav.families"));
    REQUIRE(tap("families.row.0"));
  }
  bool today(const std::string& id) { return tap(id) && tap(id + ".today"); }
  bool agree(const std::string& party, const std::string& who) {
    return today(party + ".on") && type(party + ".by", who);
  }
  bool has(const std::string& prefix, const std::string& text) const {
    for (const auto& w : widget_registry().widgets())
      if (w.id.rfind(prefix, 0) == 0 && w.label.find(text) != std::string::npos) return true;
    return false;
  }
  // An involvement of the child, from today, led by Frau Berger.
  void add_involvement(const char* kind) {
    REQUIRE(tap("kjh.add_involvement"));
    REQUIRE(tap("kjh_inv.child"));
    REQUIRE(tap("kjh_inv.child." + std::to_string(child_id)));
    REQUIRE(tap(std::string("kjh_inv.kind.") + kind));
    REQUIRE(type("kjh_inv.fallfuehrung", "Frau Berger"));
    REQUIRE(tap("kjh_inv.save"));
    REQUIRE(widget("kjh.state"));
  }
  // Abklärung, then a binding Hilfeplan: the app asks for a decision.
  void to_binding_hilfeplan() {
    family_in_begleitung();
    REQUIRE(tap("overview.kjh"));
    CHECK(label("kjh.state") == "Begleitung");
    add_involvement("abklaerung");
    add_involvement("verbindlicher_hilfeplan");
  }
};

}  // namespace

TEST_CASE(
    "kjh-ui-1: a binding Hilfeplan makes the app ask for a decision and explain the rule; "
    "Fallführung is shown, not editable") {
  KjhHost host;
  host.to_binding_hilfeplan();
  CHECK(host.label("kjh.state") == "Entscheidung nötig");
  CHECK(host.has("kjh.explanation.", "verbindlicher Hilfeplan"));
  CHECK(host.label("kjh.fallfuehrung").find("Frau Berger") != std::string::npos);
  CHECK(host.label("kjh.fallfuehrung").find("Kinder- und Jugendhilfe") != std::string::npos);
  CHECK(host.widget("kjh.decide.b"));
  CHECK(host.widget("kjh.decide.d"));
  // The overview card says so too.
  REQUIRE(host.tap("kjh.back"));
  CHECK(host.label("overview.kjh.state").find("Entscheidung nötig") != std::string::npos);
}

TEST_CASE(
    "kjh-ui-2: an exception lists what is missing — the Rücksprache and each of the three agreements — "
    "and is valid only when complete") {
  KjhHost host;
  host.to_binding_hilfeplan();
  REQUIRE(host.tap("kjh.decide.b"));
  CHECK(host.has("kjh_exc.missing.", "Zustimmung der Familie"));
  CHECK(host.has("kjh_exc.missing.", "fachlichen Leitung"));
  REQUIRE(host.tap("kjh_exc.unbefristet"));
  REQUIRE(host.tap("kjh_exc.ergaenzend"));
  REQUIRE(host.type("kjh_exc.leitung.who", "Frau Doktor Amsel"));
  REQUIRE(host.today("kjh_exc.leitung.on"));
  REQUIRE(host.tap("kjh_exc.leitung.intervision"));
  REQUIRE(host.tap("kjh_exc.leitung.approved"));
  REQUIRE(host.agree("kjh_exc.familie", "Frau Janne Q. (Mutter)"));
  REQUIRE(host.agree("kjh_exc.fruehe_hilfen", "Frau Lindqvist"));
  // The KJH has not agreed yet: exactly that is missing.
  CHECK_FALSE(host.has("kjh_exc.missing.", "Zustimmung der Familie"));
  CHECK(host.has("kjh_exc.missing.", "Zustimmung der Kinder- und Jugendhilfe"));
  REQUIRE(host.tap("kjh_exc.save"));
  CHECK(host.label("kjh.state") == "Entscheidung nötig");
  CHECK(host.has("kjh.missing.", "Kinder- und Jugendhilfe"));
  // The KJH's agreement completes it.
  REQUIRE(host.tap("kjh.pending.complete"));
  REQUIRE(host.agree("kjh_exc.kjh", "Frau Berger"));
  CHECK(host.widget("kjh_exc.complete"));
  REQUIRE(host.tap("kjh_exc.save"));
  CHECK(host.label("kjh.state") == "Begleitung als Ausnahme");
  CHECK(host.has("kjh.exception.", "Bleiben statt gehen"));
}

TEST_CASE(
    "kjh-ui-3: the Kooperationsvereinbarung is blocked without the three agreements, is in force with "
    "them, prints every value escaped with three signature lines, and the print is gone after the lock") {
  KjhHost host;
  host.to_binding_hilfeplan();
  REQUIRE(host.tap("kjh.agreement"));
  CHECK(host.label("coop.lead").find("Kinder- und Jugendhilfe") != std::string::npos);
  CHECK(host.has("coop.issue.", "Zustimmung der Familie"));
  REQUIRE(host.tap("coop.fh_voluntary"));
  REQUIRE(host.tap("coop.family_client"));
  REQUIRE(host.type("coop.fh_role", "Begleitung im Alltag <Schlaf & Schreien>"));
  REQUIRE(host.type("coop.interval", "42"));
  REQUIRE(host.agree("coop.familie", "Frau Janne Q."));
  REQUIRE(host.agree("coop.fruehe_hilfen", "Frau Lindqvist"));
  REQUIRE(host.agree("coop.kjh", "Frau Berger"));
  CHECK_FALSE(host.has("coop.issue.", "Zustimmung der Familie"));
  REQUIRE(host.tap("coop.save"));
  CHECK(host.label("coop.notice") == "Gespeichert.");
  CHECK(host.widget("coop.in_force"));
  CHECK(host.label("coop.coordination").find("Nächste Abstimmung") != std::string::npos);
  CHECK(host.widget("coop.revise"));
  REQUIRE(host.tap("coop.print"));
  const std::string html = platform::last_printed_html();
  CHECK(html.find("<title>Kooperationsvereinbarung</title>") != std::string::npos);
  CHECK(html.find("Quellmalz-Dörr") != std::string::npos);
  CHECK(html.find("&lt;Schlaf &amp; Schreien&gt;") != std::string::npos);
  CHECK(html.find("<Schlaf") == std::string::npos);
  CHECK(html.find("href=\"print.css\"") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("style=") == std::string::npos);
  size_t signatures = 0;
  for (size_t at = html.find("class=\"signature\""); at != std::string::npos;
       at = html.find("class=\"signature\"", at + 1))
    ++signatures;
  CHECK(signatures == 3);
  host.session.lock();
  host.frames(2);
  CHECK(platform::last_printed_html().empty());
}
