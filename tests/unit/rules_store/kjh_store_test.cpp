// Focus: KJH involvement, the exceptions (a)–(d) of seed 000 and the
// Kooperationsvereinbarung on stored data (issue 7 items 3, 4;
// docs/consent.md "kstore-*", "coopstore-*").
#include "core/cases.h"
#include "rules_store_test_util.h"
#include "store/cooperation_agreements.h"
#include "store/kjh.h"

using namespace bb;
using namespace bb::rules;
using namespace bb::rules_store::test;
using bb::store::test::sql;

namespace {

KjhInvolvement involvement(KjhKind kind, Date from, std::optional<int64_t> child,
                           std::string lead = "Frau Aydın") {
  KjhInvolvement i;
  i.kind = kind;
  i.from = from;
  i.child = child;
  i.fallfuehrung = std::move(lead);
  return i;
}

// An exception with the Rücksprache and all three agreements.
CooperationException complete(ExceptionKind kind, Date on) {
  CooperationException e;
  e.kind = kind;
  e.decided_on = on;
  e.ruecksprache = {"Dr. Keller (Fachliche Leitung)", on, true, true, {}};
  e.familie = {on, "Frau Brandtner", {}};
  e.fruehe_hilfen = {on, "Sabine Hofer", {}};
  e.kjh = {on, "Frau Aydın", {}};
  if (kind == ExceptionKind::b_bleiben_statt_gehen) {
    e.unbefristet = true;
    e.ergaenzend_freiwillig = true;
  }
  if (kind == ExceptionKind::d_einzelfall) e.begruendung = "Sprachmittlung nur über die Begleiterin möglich";
  return e;
}

store::KjhStatus status(store::Store& s, int64_t family, Date on = today()) {
  auto st = store::kjh_status(s, family, on);
  REQUIRE(st.ok());
  return *st;
}

bool has_missing(const store::KjhStatus& st, Missing m) {
  for (const auto& x : st.missing)
    if (x.what == m) return true;
  return false;
}

}  // namespace

TEST_CASE("kstore-1: voluntary KJH services need no decision, and several involvements are kept per child") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  REQUIRE(store::add_kjh_involvement(rs.store, f.id,
                                     involvement(KjhKind::freiwillige_leistung, D(2026, 10, 1), f.child))
              .ok());
  REQUIRE(store::add_kjh_involvement(rs.store, f.id, involvement(KjhKind::keine, D(2026, 10, 1), f.expected))
              .ok());
  auto st = status(rs.store, f.id);
  CHECK(st.assessment.state == BegleitungState::normal);
  CHECK_FALSE(st.needs_decision);
  auto all = store::load_kjh_involvements(rs.store, f.id);
  REQUIRE(all.ok());
  CHECK(all->size() == 2);
  CHECK(all->front().child == f.child);
  // The child must be a child of this family.
  CHECK(store::add_kjh_involvement(rs.store, f.id, involvement(KjhKind::abklaerung, D(2026, 10, 1), f.mother))
            .error()
            .is(Str::kjh_err_child));
  auto reversed = involvement(KjhKind::abklaerung, D(2026, 10, 1), f.child);
  reversed.ended_on = D(2026, 9, 1);
  CHECK(store::add_kjh_involvement(rs.store, f.id, reversed).error().is(Str::kjh_err_end_before_start));
}

TEST_CASE(
    "kstore-2: a binding Hilfeplan for a family in Begleitung needs a decision; for a closed case it does "
    "not") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  REQUIRE(store::add_kjh_involvement(rs.store, f.id,
                                     involvement(KjhKind::verbindlicher_hilfeplan, D(2026, 11, 1), f.child))
              .ok());
  auto st = status(rs.store, f.id);
  CHECK(st.needs_decision);
  CHECK(st.assessment.options == std::vector<ExceptionKind>{ExceptionKind::b_bleiben_statt_gehen,
                                                            ExceptionKind::c_schwangerschaft,
                                                            ExceptionKind::d_einzelfall});
  CHECK(st.assessment.fallfuehrung == std::vector<std::string>{"Frau Aydın"});
  auto due = store::families_needing_kjh_decision(rs.store);
  REQUIRE(due.ok());
  REQUIRE(due->size() == 1);
  CHECK(due->front().family_id == f.id);
  REQUIRE(store::close_family(rs.store, f.id, "kjh", kToday).ok());
  CHECK_FALSE(status(rs.store, f.id).needs_decision);
  CHECK(store::families_needing_kjh_decision(rs.store)->empty());
}

TEST_CASE(
    "kstore-3a: (a) continues during the Abklärung with agreement; kein Hilfebedarf returns to normal; a "
    "binding "
    "Hilfeplan ends (a) and asks for (b) or (d)") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  auto ab =
      store::add_kjh_involvement(rs.store, f.id, involvement(KjhKind::abklaerung, D(2026, 10, 1), f.child));
  REQUIRE(ab.ok());
  CHECK(status(rs.store, f.id, D(2026, 10, 2)).needs_decision);
  auto a = complete(ExceptionKind::a_fortfuehrung_abklaerung, D(2026, 10, 2));
  a.kjh.on.reset();  // the KJH has not agreed yet
  auto aid = store::record_kjh_exception(rs.store, f.id, a);
  REQUIRE(aid.ok());
  auto st = status(rs.store, f.id, D(2026, 10, 3));
  CHECK(st.needs_decision);
  CHECK(st.assessment.pending == *aid);
  CHECK(has_missing(st, Missing::zustimmung_kjh));
  a.kjh.on = D(2026, 10, 3);
  REQUIRE(store::edit_kjh_exception(rs.store, *aid, a).ok());
  st = status(rs.store, f.id, D(2026, 10, 4));
  CHECK(st.assessment.state == BegleitungState::ausnahme_gueltig);
  CHECK(st.assessment.exception == *aid);

  SUBCASE("kein Hilfebedarf: a normal Begleitung again") {
    auto i = involvement(KjhKind::abklaerung, D(2026, 10, 1), f.child);
    i.ended_on = D(2026, 11, 1);
    i.ergebnis = AbklaerungErgebnis::kein_hilfebedarf;
    REQUIRE(store::edit_kjh_involvement(rs.store, *ab, i).ok());
    CHECK(status(rs.store, f.id).assessment.state == BegleitungState::normal);
  }
  SUBCASE("a binding Hilfeplan follows: (a) ends, only (b) or (d)") {
    auto i = involvement(KjhKind::abklaerung, D(2026, 10, 1), f.child);
    i.ended_on = D(2026, 11, 1);
    i.ergebnis = AbklaerungErgebnis::verbindlicher_hilfeplan;
    REQUIRE(store::edit_kjh_involvement(rs.store, *ab, i).ok());
    REQUIRE(store::add_kjh_involvement(rs.store, f.id,
                                       involvement(KjhKind::verbindlicher_hilfeplan, D(2026, 11, 1), f.child))
                .ok());
    st = status(rs.store, f.id);
    CHECK(st.needs_decision);
    CHECK(st.only_b_or_d);
    CHECK(st.assessment.options ==
          std::vector<ExceptionKind>{ExceptionKind::b_bleiben_statt_gehen, ExceptionKind::d_einzelfall});
  }
}

TEST_CASE(
    "kstore-3b: Bleiben statt gehen is valid only with the Rücksprache and all three agreements, each "
    "named") {
  struct Row {
    const char* what;
    void (*change)(CooperationException&);
    Missing missing;
  };
  const Row rows[] = {
      {"no Leitung named", [](CooperationException& e) { e.ruecksprache.who.clear(); }, Missing::leitung_wer},
      {"no Rücksprache date", [](CooperationException& e) { e.ruecksprache.on.reset(); },
       Missing::leitung_datum},
      {"no approval", [](CooperationException& e) { e.ruecksprache.approved = false; },
       Missing::leitung_freigabe},
      {"no family agreement", [](CooperationException& e) { e.familie.on.reset(); },
       Missing::zustimmung_familie},
      {"no FH agreement", [](CooperationException& e) { e.fruehe_hilfen.on.reset(); },
       Missing::zustimmung_fruehe_hilfen},
      {"no KJH agreement", [](CooperationException& e) { e.kjh.on.reset(); }, Missing::zustimmung_kjh},
      {"neither end nor unbefristet", [](CooperationException& e) { e.unbefristet = false; },
       Missing::b_ende_oder_unbefristet},
      {"not recorded as complementary voluntary service",
       [](CooperationException& e) { e.ergaenzend_freiwillig = false; }, Missing::b_ergaenzend_freiwillig},
  };
  for (const auto& row : rows) {
    CAPTURE(row.what);
    RulesStore rs;
    const auto f = make_family(rs.store);
    REQUIRE(store::add_kjh_involvement(rs.store, f.id,
                                       involvement(KjhKind::verbindlicher_hilfeplan, D(2026, 11, 1), f.child))
                .ok());
    auto e = complete(ExceptionKind::b_bleiben_statt_gehen, D(2026, 11, 10));
    row.change(e);
    auto id = store::record_kjh_exception(rs.store, f.id, e);
    REQUIRE(id.ok());
    auto st = status(rs.store, f.id);
    CHECK(st.needs_decision);
    REQUIRE(st.missing.size() == 1);
    CHECK(st.missing.front().what == row.missing);
    // Completing it makes the exception valid.
    auto full = complete(ExceptionKind::b_bleiben_statt_gehen, D(2026, 11, 10));
    REQUIRE(store::edit_kjh_exception(rs.store, *id, full).ok());
    st = status(rs.store, f.id);
    CHECK(st.assessment.state == BegleitungState::ausnahme_gueltig);
    CHECK(st.assessment.exception_kind == ExceptionKind::b_bleiben_statt_gehen);
  }
}

TEST_CASE("kstore-3c: at the birth of the expected child the app asks for a new decision under (b) or (d)") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  REQUIRE(store::add_kjh_involvement(rs.store, f.id,
                                     involvement(KjhKind::verbindlicher_hilfeplan, D(2026, 10, 1), f.child))
              .ok());
  auto c = complete(ExceptionKind::c_schwangerschaft, D(2026, 10, 5));
  c.expected_child = f.child;  // not an expected child: refused
  CHECK(store::record_kjh_exception(rs.store, f.id, c).error().is(Str::kjh_err_expected_child));
  c.expected_child = f.expected;
  REQUIRE(store::record_kjh_exception(rs.store, f.id, c).ok());
  CHECK(status(rs.store, f.id).assessment.state == BegleitungState::ausnahme_gueltig);
  // The birth: the expected child becomes a child with its birth date.
  cases::PersonInput born;
  born.role = cases::PersonRole::child;
  born.first_name = "Ella";
  born.birth_date = "2026-11-15";
  REQUIRE(store::edit_person(rs.store, f.expected, born).ok());
  auto st = status(rs.store, f.id);
  CHECK(st.needs_decision);
  CHECK(st.only_b_or_d);
  bool birth = false;
  for (const auto& l : st.assessment.lapsed) birth = birth || l.why == Lapse::c_geburt;
  CHECK(birth);
  CHECK(st.assessment.options ==
        std::vector<ExceptionKind>{ExceptionKind::b_bleiben_statt_gehen, ExceptionKind::d_einzelfall});
}

TEST_CASE("kstore-3d: a justified single case needs its reason; an exception can be ended once") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  REQUIRE(store::add_kjh_involvement(rs.store, f.id,
                                     involvement(KjhKind::verbindlicher_hilfeplan, D(2026, 11, 1), f.child))
              .ok());
  auto d = complete(ExceptionKind::d_einzelfall, D(2026, 11, 5));
  d.begruendung = " ";
  auto id = store::record_kjh_exception(rs.store, f.id, d);
  REQUIRE(id.ok());
  auto st = status(rs.store, f.id);
  REQUIRE(st.missing.size() == 1);
  CHECK(st.missing.front().what == Missing::d_begruendung);
  REQUIRE(
      store::edit_kjh_exception(rs.store, *id, complete(ExceptionKind::d_einzelfall, D(2026, 11, 5))).ok());
  CHECK(status(rs.store, f.id).assessment.state == BegleitungState::ausnahme_gueltig);
  REQUIRE(store::end_kjh_exception(rs.store, *id, today(), "Begleitung beendet").ok());
  CHECK(status(rs.store, f.id).needs_decision);
  CHECK(store::end_kjh_exception(rs.store, *id, today()).error().is(Str::kjh_err_already_ended));
}

TEST_CASE(
    "kstore-5: Fallführung is the KJH's: its social worker is named, no stored field can say otherwise") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  REQUIRE(store::add_kjh_involvement(
              rs.store, f.id, involvement(KjhKind::verbindlicher_hilfeplan, D(2026, 11, 1), f.child, ""))
              .ok());
  auto id = store::record_kjh_exception(rs.store, f.id,
                                        complete(ExceptionKind::b_bleiben_statt_gehen, D(2026, 11, 5)));
  REQUIRE(id.ok());
  auto st = status(rs.store, f.id);
  CHECK(has_missing(st, Missing::fallfuehrung_name));
  // No table has a column for who leads the case, only the KJH worker's name.
  CHECK(count(rs.store,
              "SELECT count(*) FROM pragma_table_info('cooperation_agreements') WHERE name = "
              "'fallfuehrung'") == 0);
  CooperationAgreement a;
  a.drafted_on = today();
  a.fallfuehrung = CaseLead::fruehe_hilfen;
  CHECK(store::save_cooperation_agreement(rs.store, f.id, a).error().is(Str::coop_err_fallfuehrung));
  a.fallfuehrung = CaseLead::kjh;
  auto saved = store::save_cooperation_agreement(rs.store, f.id, a);
  REQUIRE(saved.ok());
  auto loaded = store::load_latest_agreement(rs.store, f.id);
  REQUIRE(loaded.ok());
  CHECK((*loaded)->fallfuehrung == CaseLead::kjh);
}

namespace {

CooperationAgreement full_agreement(Date on) {
  CooperationAgreement a;
  a.drafted_on = on;
  a.fh_voluntary_outside_plan = true;
  a.family_is_client = true;
  a.fh_role = "Begleitung rund um Schlaf und Alltag, freiwillig";
  a.kjh_role = "Erziehungshilfe laut Hilfeplan";
  a.fallfuehrung_name = "Frau Aydın";
  a.goals_familie = {"Mehr Ruhe am Abend"};
  a.goals_kjh = {"Sichere Versorgung von Lina"};
  a.goals_fh = {"Stärkung der Eltern-Kind-Beziehung"};
  a.responsibilities = {{"Schlaf und Schreien", Responsible::fruehe_hilfen, "Sabine Hofer"},
                        {"Wohnsituation", Responsible::kjh, "Frau Aydın"}};
  a.companion_core_profession = "Hebamme";
  a.competences_fh = "Stillberatung, Säuglingspflege";
  a.competences_kjh = "Erziehungshilfen";
  a.exchange_only_with_consent = true;
  a.no_reporting_duty_stated = true;
  a.communication = "Telefonat nach Bedarf";
  a.coordination_interval_days = 42;
  a.anlassfaelle = {"Krankenhausaufenthalt", "Wohnungsverlust droht"};
  a.familie = {on, "Frau Brandtner", {}};
  a.fruehe_hilfen = {on, "Sabine Hofer", {}};
  a.kjh = {on, "Frau Aydın", {}};
  return a;
}

}  // namespace

TEST_CASE(
    "coopstore-1: versions are kept; an agreed version is frozen; a new version needs the three agreements "
    "again") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  auto draft = full_agreement(D(2026, 11, 2));
  draft.kjh.on.reset();
  auto v1 = store::save_cooperation_agreement(rs.store, f.id, draft);
  REQUIRE(v1.ok());
  CHECK(v1->version == 1);
  REQUIRE_FALSE(v1->issues.empty());
  CHECK(v1->issues.front().item == AgreementItem::zustimmung_kjh);
  CHECK(v1->issues.front().severity == Severity::blocking);
  // The draft is overwritten by the next save: all three agree now.
  auto agreed = full_agreement(D(2026, 11, 2));
  agreed.id = v1->id;
  auto v1b = store::save_cooperation_agreement(rs.store, f.id, agreed);
  REQUIRE(v1b.ok());
  CHECK(v1b->id == v1->id);
  CHECK(v1b->version == 1);
  auto in_force = store::load_agreement_in_force(rs.store, f.id);
  REQUIRE(in_force.ok());
  REQUIRE(in_force->has_value());
  CHECK((*in_force)->responsibilities.size() == 2);
  CHECK((*in_force)->responsibilities[1].who == Responsible::kjh);
  CHECK((*in_force)->anlassfaelle ==
        std::vector<std::string>{"Krankenhausaufenthalt", "Wohnungsverlust droht"});
  CHECK((*in_force)->goals_kjh == std::vector<std::string>{"Sichere Versorgung von Lina"});
  // Agreed: frozen, through the API and in SQL.
  auto change = agreed;
  change.communication = "wöchentlich";
  CHECK(store::save_cooperation_agreement(rs.store, f.id, change).error().is(Str::coop_err_frozen));
  const auto sid = std::to_string(v1->id);
  CHECK(sql_fails(rs.store, "UPDATE cooperation_agreements SET communication = 'x' WHERE id = " + sid)
            .find("new version") != std::string::npos);
  CHECK(sql_fails(rs.store, "DELETE FROM cooperation_agreement_items WHERE agreement_id = " + sid)
            .find("new version") != std::string::npos);
  CHECK(sql_fails(rs.store, "DELETE FROM cooperation_agreements WHERE id = " + sid).find("kept") !=
        std::string::npos);
  // The coordination date moves on.
  REQUIRE(store::record_coordination(rs.store, v1->id, D(2026, 11, 19)).ok());
  // A revision is a new version with the agreements cleared (rules::revise).
  auto v2 = revise(**in_force, today());
  v2.id = 0;
  v2.communication = "wöchentlich";
  auto saved2 = store::save_cooperation_agreement(rs.store, f.id, v2);
  REQUIRE(saved2.ok());
  CHECK(saved2->version == 2);
  auto versions = store::load_cooperation_agreements(rs.store, f.id);
  REQUIRE(versions.ok());
  REQUIRE(versions->size() == 2);
  CHECK(versions->at(0).communication == "Telefonat nach Bedarf");
  CHECK_FALSE(versions->at(1).familie.on.has_value());
  // Version 1 stays the one in force until all three agree to version 2.
  CHECK((*store::load_agreement_in_force(rs.store, f.id))->version == 1);
}

TEST_CASE(
    "coopstore-2: all three agreed while a blocking item is missing is refused; the reminder comes when "
    "due") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  auto a = full_agreement(D(2026, 10, 1));
  a.fh_voluntary_outside_plan = false;
  auto r = store::save_cooperation_agreement(rs.store, f.id, a);
  REQUIRE_FALSE(r.ok());
  CHECK(count(rs.store, "SELECT count(*) FROM cooperation_agreements") == 0);
  a.fh_voluntary_outside_plan = true;
  auto saved = store::save_cooperation_agreement(rs.store, f.id, a);
  REQUIRE(saved.ok());
  // In force since 01.10.2026, every 42 days: due 12.11.2026 → overdue today.
  auto due = store::coordination_reminders(rs.store);
  REQUIRE(due.ok());
  REQUIRE(due->size() == 1);
  CHECK(due->front().due_on == D(2026, 11, 12));
  CHECK(due->front().overdue);
  REQUIRE(store::record_coordination(rs.store, saved->id, D(2026, 11, 19)).ok());
  CHECK(store::coordination_reminders(rs.store)->empty());
  auto later = store::coordination_reminders(rs.store, D(2026, 12, 31));
  REQUIRE(later.ok());
  REQUIRE(later->size() == 1);
  CHECK(later->front().due_on == D(2026, 12, 31));
}
