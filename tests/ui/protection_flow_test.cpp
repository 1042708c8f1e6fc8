// Focus: the Kinderschutz screens of issue 7 headless with a real encrypted
// store — the view from the overview's card, gewichtige Anhaltspunkte and
// support recorded, a correction shown as such next to the entry it
// corrects, the procedure as a checklist; the consultation with its basis by
// profession, the anonymised and pseudonymised summary (no name in it), its
// print and its protocol line; the Mitteilung worded as a Befugnis in
// Deutschland and as a duty in Österreich, blocked when it is not in
// writing, the family informed later as a correction, passing it on into the
// Offenlegungsprotokoll. docs/ui.md "Kinderschutz, Offenlegungsprotokoll,
// Auskunft, Aufbewahrung".
#include <doctest/doctest.h>

#include <string>

#include "case_host.h"
#include "core/cases.h"
#include "crypto/age.h"
#include "crypto/scrypt.h"
#include "exchange/directory_file.h"
#include "platform/platform.h"
#include "platform/print.h"
#include "platform/storage.h"
#include "store/cases.h"
#include "store/directory.h"
#include "store/disclosures.h"
#include "ui/widget_registry.h"

using namespace bb;
using namespace bb::ui;

namespace {

struct ProtectionHost : test::CaseHost {
  ProtectionHost() : CaseHost((test::german(), 7600.0f)) {}  // German before the app starts

  int64_t family = 0;

  // Chooses the country on the settings screen, as the organisation would.
  void country(const char* code) {
    REQUIRE(tap("nav.settings"));
    REQUIRE(tap(std::string("settings.org.jurisdiction.") + code));
    CHECK(label("settings.org.message") == "Gespeichert.");
  }
  // Familie Quellmalz-Dörr in Begleitung: mother Janne, child Ilvy; the
  // companion a Hebamme (or no profession recorded).
  void family_in_begleitung(const char* profession = "hebamme") {
    const auto adjust = [&](cases::FamilyInput& f) {
      f.companion_profession = profession;
      f.address = "Lindenweg 7, 8010 Graz";
    };
    REQUIRE(session
                .act_on_store(Str::action_family_create,
                              [&](store::Store& db) -> Status {
                                auto id = test::create_quellmalz_family(db, "Frau Lindqvist", true, adjust);
                                if (!id.ok()) return id.error();
                                family = *id;
                                return {};
                              })
                .ok());
  }
  // A Jugendamt in the network directory (own entry).
  void jugendamt(const char* name) {
    REQUIRE(session
                .act_on_store(Str::action_family_create,
                              [&](store::Store& db) -> Status {
                                directory::Partner p;
                                p.name = name;
                                p.type = "jugendamt";
                                return status_of(store::add_partner(db, p));
                              })
                .ok());
  }
  void open_view() {
    REQUIRE(tap("nav.families"));
    REQUIRE(tap("families.row.0"));
    REQUIRE(tap("overview.child_protection.open"));
    REQUIRE(widget("cp"));
  }
  template <class T>
  static Status status_of(const Result<T>& r) {
    return r.ok() ? Status{} : Status{r.error()};
  }
  void anhaltspunkt(const std::string& what) {
    REQUIRE(tap("cp.add_anhaltspunkt"));
    REQUIRE(type("cp_anh.what", what));
    REQUIRE(type("cp_anh.by", "Frau Lindqvist"));
    REQUIRE(tap("cp_anh.save"));
    CHECK(label("cp.notice") == "Gespeichert.");
  }
};

}  // namespace

TEST_CASE(
    "cp-ui-1: Anhaltspunkte and support are recorded from the overview's card; a correction is a new entry "
    "shown with the corrected one; the procedure is a checklist") {
  ProtectionHost host;
  host.country("de");
  host.family_in_begleitung();
  host.open_view();
  CHECK(host.label("cp.jurisdiction") == "Deutschland");
  // The German starting procedure: Anhaltspunkte first, the Jugendamt only "falls erforderlich".
  CHECK(host.label("cp.step.0").find("Gewichtige Anhaltspunkte") != std::string::npos);
  CHECK(host.has("cp.step.", "falls erforderlich"));

  host.anhaltspunkt("Ilvy hat blaue Flecken am Oberarm");
  CHECK(host.label("cp.anhaltspunkt.0").find("blaue Flecken") != std::string::npos);
  CHECK(host.label("cp.anhaltspunkt.0").find("beobachtet von Frau Lindqvist") != std::string::npos);

  // Correct it: the old entry stays, marked; the new one says what it corrects.
  REQUIRE(host.tap("cp.anhaltspunkt.0.correct"));
  CHECK(host.widget("cp_form.correction"));
  REQUIRE(host.type("cp_anh.what", ", links"));
  REQUIRE(host.tap("cp_anh.save"));
  CHECK(host.label("cp.anhaltspunkt.0").find("korrigiert am") != std::string::npos);
  CHECK(host.label("cp.anhaltspunkt.1").find("Korrektur des Eintrags vom") != std::string::npos);
  CHECK(host.label("cp.anhaltspunkt.1").find("Oberarm, links") != std::string::npos);
  CHECK_FALSE(host.widget("cp.anhaltspunkt.0.correct"));  // only the latest version is corrected
  CHECK(host.widget("cp.anhaltspunkt.1.correct"));

  REQUIRE(host.tap("cp.add_support"));
  REQUIRE(host.type("cp_sup.what", "Kinderärztliche Untersuchung vermittelt"));
  REQUIRE(host.tap("cp_sup.outcome.1"));  // angenommen
  REQUIRE(host.tap("cp_sup.save"));
  CHECK(host.label("cp.support.0").find("angenommen") != std::string::npos);

  // An empty Anhaltspunkt is refused with the core's words, nothing saved.
  REQUIRE(host.tap("cp.add_anhaltspunkt"));
  REQUIRE(host.tap("cp_anh.save"));
  CHECK(host.label("form.error").find("Bitte beschreiben") != std::string::npos);
  REQUIRE(host.tap("cp_anh.title.cancel"));

  CHECK(host.label("cp.checklist.state").find("Noch offen") != std::string::npos);
  REQUIRE(host.tap("cp.step.0.done"));
  CHECK(host.label("cp.step.0.done_on").find("erledigt am " + cases::german_date(cases::today())) !=
        std::string::npos);
  CHECK_FALSE(host.widget("cp.step.0.done"));
}

TEST_CASE("cp-ui-2: without a country the view says so and the Mitteilung cannot be written") {
  ProtectionHost host;
  host.family_in_begleitung();
  host.open_view();
  CHECK(host.label("cp.no_jurisdiction").find("Land wählen") != std::string::npos);
  REQUIRE(host.tap("cp.mitteilung"));
  CHECK(host.widget("cp_mit.no_jurisdiction"));
  CHECK_FALSE(host.widget("cp_mit.save"));
}

TEST_CASE(
    "cp-ui-3: the consultation shows its basis by profession, the summary without names in both strengths, "
    "prints it, and records the consultation with its protocol line") {
  ProtectionHost host;
  host.country("de");
  host.family_in_begleitung("hebamme");
  host.open_view();
  host.anhaltspunkt("Janne wirkt erschöpft, Ilvy schreit viel");
  REQUIRE(host.tap("cp.consultation"));
  CHECK(host.label("cp_con.basis").find("§ 4 Abs. 2 KKG") != std::string::npos);

  REQUIRE(host.tap("cp_con.form.anonymisiert"));
  REQUIRE(host.tap("cp_con.summary"));
  REQUIRE(host.widget("cp_con.summary.0"));
  CHECK(host.label("cp_con.summary.0").find("anonymisiert") != std::string::npos);
  for (const char* name : {"Janne", "Ilvy", "Quellmalz", "Lindenweg", "Lindqvist"})
    CHECK_FALSE(host.has("cp_con.summary.", name));
  CHECK(host.has("cp_con.summary.", "erschöpft"));

  // Switching the strength drops the summary shown; the pseudonymised one has codes, not names.
  REQUIRE(host.tap("cp_con.form.pseudonymisiert"));
  CHECK_FALSE(host.widget("cp_con.summary.0"));
  REQUIRE(host.tap("cp_con.summary"));
  CHECK(host.label("cp_con.summary.0").find("pseudonymisiert") != std::string::npos);
  CHECK(host.has("cp_con.summary.", "P-"));
  for (const char* name : {"Janne", "Ilvy", "Quellmalz", "Lindenweg"})
    CHECK_FALSE(host.has("cp_con.summary.", name));
  REQUIRE(host.tap("cp_con.print"));
  const std::string html = platform::last_printed_html();
  CHECK(html.find("pseudonymisiert") != std::string::npos);
  CHECK(html.find("Ilvy") == std::string::npos);

  REQUIRE(host.type("cp_con.fachkraft", "Herr Okonkwo, Kinderschutzzentrum"));
  REQUIRE(host.type("cp_con.result", "Weitere Hilfen anbieten"));
  REQUIRE(host.tap("cp_con.save"));
  CHECK(host.label("cp.consultation.0").find("Herr Okonkwo") != std::string::npos);
  CHECK(host.label("cp.consultation.0").find("pseudonymisiert") != std::string::npos);

  REQUIRE(host.tap("cp.back"));
  REQUIRE(host.tap("overview.privacy.log"));
  CHECK(host.label("log.line.0").find("Herr Okonkwo") != std::string::npos);
}

TEST_CASE(
    "cp-ui-4: in Deutschland the Mitteilung is a Befugnis, never a duty; saved, the family informed later "
    "as a correction, passed on into the Offenlegungsprotokoll and printed") {
  ProtectionHost host;
  host.country("de");
  host.jugendamt("Jugendamt Musterstadt <Mitte>");
  host.family_in_begleitung("hebamme");
  host.open_view();
  REQUIRE(host.tap("cp.mitteilung"));
  CHECK(host.label("cp_mit.title").find("Befugnis") != std::string::npos);
  CHECK(host.label("cp_mit.norm").find("§ 4 Abs. 3 KKG") != std::string::npos);
  CHECK(host.has("cp_mit.guide.", "dürfen Sie es informieren"));
  for (const char* duty : {"muss", "Pflicht", "verpflichtet"}) {
    CHECK_FALSE(host.has("cp_mit.guide.", duty));
    CHECK_FALSE(host.has("cp_mit.title", duty));
  }
  CHECK(host.has("cp_mit.blocking.", "zuständige Stelle"));

  const auto offices = store::list_partners(*host.session.reader(), store::PartnerQuery{});
  REQUIRE(offices.ok());
  REQUIRE(offices->rows.size() == 1);
  REQUIRE(host.tap("cp_mit.recipient." + std::to_string(offices->rows[0].id)));
  REQUIRE(host.tap("cp_mit.channel.brief"));
  REQUIRE(host.type("cp_mit.suspicion", "Wiederholt Verletzungen bei Ilvy"));
  REQUIRE(host.type("cp_mit.reasons", "Hilfen wurden nicht angenommen"));
  REQUIRE(host.type("cp_mit.content_text", "Beobachtungen seit Oktober"));
  REQUIRE(host.tap("cp_mit.sought.1"));  // angestrebt und erteilt
  REQUIRE(host.tap("cp_mit.sought_on"));
  REQUIRE(host.tap("cp_mit.sought_on.today"));
  CHECK_FALSE(host.widget("cp_mit.blocking.0"));
  CHECK(host.has("cp_mit.hint.", "ob und wann die Familie informiert"));
  REQUIRE(host.tap("cp_mit.save"));
  CHECK(host.label("cp.notice") == "Gespeichert.");
  CHECK(host.label("cp.mitteilung.0").find("Jugendamt Musterstadt") != std::string::npos);
  CHECK(host.label("cp.mitteilung.0").find("noch offen") != std::string::npos);

  // The overview reminds of the open answer.
  REQUIRE(host.tap("cp.back"));
  CHECK(host.label("overview.child_protection.informed_open").find("ob und wann die Familie informiert") !=
        std::string::npos);
  REQUIRE(host.tap("overview.child_protection.open"));

  // Not informed, with the reason: a correction of the Mitteilung.
  REQUIRE(host.tap("cp.mitteilung.0.informed"));
  REQUIRE(host.tap("cp_inf.state.2"));  // nicht informiert
  REQUIRE(host.type("cp_inf.reason", "Der Schutz des Kindes wäre sonst in Frage gestellt"));
  REQUIRE(host.tap("cp_inf.save"));
  CHECK(host.label("cp.mitteilung.0").find("korrigiert am") != std::string::npos);
  CHECK(host.label("cp.mitteilung.1").find("Familie nicht informiert: Der Schutz") != std::string::npos);
  CHECK_FALSE(host.widget("cp.mitteilung.0.send"));

  REQUIRE(host.tap("cp.back"));
  CHECK_FALSE(host.widget("overview.child_protection.informed_open"));
  REQUIRE(host.tap("overview.child_protection.open"));
  REQUIRE(host.tap("cp.mitteilung.1.send"));
  CHECK(host.label("cp.notice").find("Offenlegungsprotokoll") != std::string::npos);
  REQUIRE(host.tap("cp.back"));
  REQUIRE(host.tap("overview.privacy.log"));
  CHECK(host.label("log.line.0").find("Jugendamt Musterstadt") != std::string::npos);
  REQUIRE(host.tap("log.print"));
  const std::string html = platform::last_printed_html();
  CHECK(html.find("<title>Offenlegungsprotokoll</title>") != std::string::npos);
  CHECK(html.find("&lt;Mitte&gt;") != std::string::npos);
  CHECK(html.find("<Mitte>") == std::string::npos);
}

TEST_CASE(
    "cp-ui-5: in Österreich the Mitteilung is a duty, in writing and without delay: by telephone it is "
    "refused") {
  ProtectionHost host;
  host.country("at");
  host.jugendamt("Kinder- und Jugendhilfe Graz-Ost");
  host.family_in_begleitung("sozialarbeit");
  host.open_view();
  CHECK(host.widget("cp.add_anhaltspunkt"));
  CHECK(host.label("cp.anhaltspunkte.title") == "Wahrnehmungen");
  REQUIRE(host.tap("cp.mitteilung"));
  CHECK(host.label("cp_mit.title").find("§ 37 B-KJHG") != std::string::npos);
  CHECK(host.has("cp_mit.guide.", "muss"));
  CHECK(host.has("cp_mit.guide.", "schriftlich und unverzüglich"));
  const auto offices = store::list_partners(*host.session.reader(), store::PartnerQuery{});
  REQUIRE(offices.ok());
  REQUIRE(host.tap("cp_mit.recipient." + std::to_string(offices->rows[0].id)));
  REQUIRE(host.tap("cp_mit.channel.telefon"));
  REQUIRE(host.type("cp_mit.suspicion", "Verdacht auf Vernachlässigung"));
  REQUIRE(host.type("cp_mit.reasons", "Wiederholt ohne Nahrung angetroffen"));
  REQUIRE(host.type("cp_mit.content_text", "Wahrnehmungen"));
  CHECK(host.has("cp_mit.blocking.", "schriftlich"));
  REQUIRE(host.tap("cp_mit.save"));
  CHECK(host.label("form.error").find("schriftlich") != std::string::npos);
  REQUIRE(host.tap("cp_mit.channel.brief"));
  CHECK_FALSE(host.has("cp_mit.blocking.", "schriftlich"));
  REQUIRE(host.tap("cp_mit.save"));
  CHECK(host.label("cp.mitteilung.0").find("Brief") != std::string::npos);
}

TEST_CASE(
    "cp-ui-6: in Deutschland without a recorded profession the Mitteilung asks for the norm; the power under "
    "the law of the field needs its provision") {
  ProtectionHost host;
  host.country("de");
  host.family_in_begleitung("");
  host.open_view();
  REQUIRE(host.tap("cp.mitteilung"));
  CHECK(host.widget("cp_mit.norm_unknown"));
  REQUIRE(host.tap("cp_mit.norm.de_befugnis_arbeitsbereich"));
  CHECK(host.label("cp_mit.norm").find("Arbeitsbereich") != std::string::npos);
  CHECK(host.has("cp_mit.blocking.", "Vorschrift"));
  REQUIRE(host.type("cp_mit.citation", "§ 4 Abs. 3 KKG analog"));
  CHECK_FALSE(host.has("cp_mit.blocking.", "Vorschrift"));
}

TEST_CASE("cp-ui-7: the network's procedure is edited in the settings and every family's checklist follows") {
  ProtectionHost host;
  host.country("at");
  CHECK(host.label("settings.proc.0").find("Wahrnehmungen festhalten") != std::string::npos);
  REQUIRE(host.type("settings.proc.new", "Kinderschutzgruppe des Krankenhauses beiziehen"));
  REQUIRE(host.tap("settings.proc.add"));
  CHECK(host.label("settings.org.message") == "Gespeichert.");
  REQUIRE(host.tap("settings.proc.0.remove"));
  CHECK(host.label("settings.proc.0").find("Rücksprache") != std::string::npos);
  // The Leitung step made optional: the checklist says "falls erforderlich".
  REQUIRE(host.tap("settings.proc.0.required"));
  host.family_in_begleitung("sozialarbeit");
  host.open_view();
  CHECK_FALSE(host.has("cp.step.", "Wahrnehmungen festhalten"));
  CHECK(host.has("cp.step.", "Kinderschutzgruppe des Krankenhauses"));
  CHECK(host.label("cp.step.0").find("Rücksprache mit der fachlichen Leitung  (falls erforderlich)") !=
        std::string::npos);
  REQUIRE(host.tap("nav.settings"));
  REQUIRE(host.tap("settings.proc.reset"));
  CHECK(host.label("settings.proc.0").find("Wahrnehmungen festhalten") != std::string::npos);
}

TEST_CASE("cp-ui-8: the Fachkraft consulted is picked from the network directory's list") {
  ProtectionHost host;
  host.country("de");
  const auto bytes = test::read_file(BB_SOURCE_DIR "/docs/examples/directory.json");
  auto dir = exchange::parse_directory_file(std::string(bytes.begin(), bytes.end()));
  REQUIRE(dir.ok());
  REQUIRE(host.session
              .act_on_store(Str::action_family_create,
                            [&](store::Store& db) {
                              return ProtectionHost::status_of(store::import_directory(db, *dir));
                            })
              .ok());
  host.family_in_begleitung("hebamme");
  host.open_view();
  REQUIRE(host.tap("cp.consultation"));
  CHECK(host.label("cp_con.pick.0").find("Ines Horvath") != std::string::npos);
  REQUIRE(host.tap("cp_con.pick.0"));
  REQUIRE(host.tap("cp_con.save"));
  CHECK(host.label("cp.consultation.0").find("Ines Horvath") != std::string::npos);
}

TEST_CASE(
    "cp-ui-9: a Mitteilung sent as an encrypted file goes through the handover screen with only its "
    "documented content, to its recipient, and is logged once") {
  ProtectionHost host;
  platform::DownloadedFile stale;
  while (platform::take_downloaded_file(stale)) {
  }
  host.country("at");
  host.jugendamt("Kinder- und Jugendhilfe Graz-Ost");
  host.family_in_begleitung("sozialarbeit");
  host.open_view();
  REQUIRE(host.tap("cp.mitteilung"));
  const auto offices = store::list_partners(*host.session.reader(), store::PartnerQuery{});
  REQUIRE(offices.ok());
  REQUIRE(host.tap("cp_mit.recipient." + std::to_string(offices->rows[0].id)));
  REQUIRE(host.tap("cp_mit.channel.verschluesselte_datei"));
  REQUIRE(host.type("cp_mit.suspicion", "Verdacht auf Vernachlässigung"));
  REQUIRE(host.type("cp_mit.reasons", "Wiederholt ohne Nahrung angetroffen"));
  REQUIRE(host.tap("cp_mit.content.stammdaten"));  // only Kinderschutz is documented
  REQUIRE(host.type("cp_mit.content_text", "Wahrnehmungen"));
  REQUIRE(host.tap("cp_mit.sought.1"));
  REQUIRE(host.tap("cp_mit.sought_on"));
  REQUIRE(host.tap("cp_mit.sought_on.today"));
  REQUIRE(host.tap("cp_mit.save"));
  REQUIRE(host.widget("cp.mitteilung.0"));
  CHECK_FALSE(host.widget("cp.mitteilung.0.send"));  // a file is made, not only logged

  REQUIRE(host.tap("cp.mitteilung.0.handover"));
  CHECK(host.label("handover.title") == "Mitteilung als Übergabedatei");
  CHECK(host.label("handover.mitteilung.recipient").find("Graz-Ost") != std::string::npos);
  CHECK(host.widget("handover.partner.none") == nullptr);  // no other recipient to choose
  CHECK(host.label("handover.section.kinderschutz.state") == "wird übergeben");
  CHECK(host.widget("handover.section.stammdaten") == nullptr);  // not in the Mitteilung
  const char* pass = "Birkenwald Sonnenuhr Laterne";
  REQUIRE(host.type("handover.pass1", pass));
  REQUIRE(host.type("handover.pass2", pass));
  REQUIRE(host.tap("handover.create"));
  REQUIRE(host.widget("handover.done"));
  platform::DownloadedFile file;
  REQUIRE(platform::take_downloaded_file(file));
  auto plain = crypto::decrypt(file.bytes, {std::make_shared<crypto::ScryptIdentity>(pass)});
  REQUIRE(plain.ok());
  const std::string json(plain->begin(), plain->end());
  CHECK(json.find("\"mitteilung_kjh\"") != std::string::npos);
  CHECK(json.find("Quellmalz") == std::string::npos);  // no Stammdaten in it
  CHECK(json.find("Wiederholt ohne Nahrung") != std::string::npos);
  auto log = store::load_disclosure_log(*host.session.reader(), host.family);
  REQUIRE(log.ok());
  CHECK(log->size() == 1);
  REQUIRE(host.tap("handover.title.cancel"));
  CHECK(host.widget("cp"));  // back where it came from
}
