// Focus: Kinderschutz entries on the store — append-only (triggers),
// corrections, the Mitteilung by jurisdiction, consultations, the local
// procedure as a checklist (issue 7 item 5; docs/consent.md "cpstore-*").
#include "rules_store_test_util.h"
#include "store/child_protection.h"

using namespace bb;
using namespace bb::rules;
using namespace bb::rules_store::test;

namespace {
Anhaltspunkt anhaltspunkt(int64_t child, const std::string& what) {
  Anhaltspunkt a;
  a.meta.recorded_by = "Sabine Hofer";
  a.child = child;
  a.what = what;
  a.observed_on = D(2026, 11, 12);
  a.observed_by = "Sabine Hofer";
  return a;
}
}  // namespace

TEST_CASE("cpstore-1: child-protection entries are append-only: UPDATE and DELETE are refused by triggers") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  auto id = store::record_anhaltspunkt(rs.store, f.id, anhaltspunkt(f.child, "Hämatom am Oberarm"));
  REQUIRE(id.ok());
  const auto sid = std::to_string(*id);
  CHECK(sql_fails(rs.store, "UPDATE child_protection_entries SET what = 'x' WHERE id = " + sid)
            .find("append-only") != std::string::npos);
  CHECK(sql_fails(rs.store, "DELETE FROM child_protection_entries WHERE id = " + sid).find("append-only") !=
        std::string::npos);
  // The child named in an entry stays in the file.
  CHECK_FALSE(store::remove_person(rs.store, f.child).ok());
  // Only deleting the whole family removes them.
  REQUIRE(store::delete_family(rs.store, f.id).ok());
  CHECK(count(rs.store, "SELECT count(*) FROM child_protection_entries") == 0);
}

TEST_CASE(
    "cpstore-2: a correction is a new entry naming the latest version of the same family and kind, once") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  const auto g = make_family(rs.store, "Okafor");
  auto first = store::record_anhaltspunkt(rs.store, f.id, anhaltspunkt(f.child, "Hämatom am Oberarm"));
  REQUIRE(first.ok());
  auto fix = anhaltspunkt(f.child, "Hämatom am linken Oberarm, etwa 3 cm");
  fix.meta.corrects = *first;
  auto second = store::record_anhaltspunkt(rs.store, f.id, fix);
  REQUIRE(second.ok());
  // The first version cannot be corrected again: correct the latest.
  CHECK(store::record_anhaltspunkt(rs.store, f.id, fix).error().is(Str::rules_cp_correct_latest));
  // Not an entry of another family or of another kind.
  auto other = anhaltspunkt(g.child, "x");
  other.meta.corrects = *second;
  CHECK(store::record_anhaltspunkt(rs.store, g.id, other).error().is(Str::rules_cp_correct_unknown));
  SupportOffer s;
  s.what = "Schreiambulanz";
  s.offered_on = D(2026, 11, 13);
  s.meta.corrects = *second;
  CHECK(store::record_support(rs.store, f.id, s).error().is(Str::rules_cp_correct_unknown));
  // The trigger also guards raw SQL.
  sql_fails(rs.store,
            "INSERT INTO child_protection_entries(family_id, kind, corrects, recorded_on, event_on, "
            "outcome, created_at) VALUES (" +
                std::to_string(f.id) + ", 'unterstuetzung', " + std::to_string(*second) +
                ", '2026-11-20', '2026-11-20', 'angeboten', 'x')");
  auto file = store::load_child_protection(rs.store, f.id);
  REQUIRE(file.ok());
  REQUIRE(file->anhaltspunkte.size() == 2);
  CHECK(current_ids(metas(file->anhaltspunkte)) == std::vector<EntryId>{*second});
  CHECK(history_of(metas(file->anhaltspunkte), *second) == std::vector<EntryId>{*first, *second});
}

TEST_CASE(
    "cpstore-3: the Austrian Mitteilung needs suspicion, reasons and writing; whether the family was "
    "informed is "
    "a correction") {
  RulesStore rs;
  REQUIRE(store::set_jurisdiction(rs.store, Jurisdiction::oesterreich).ok());
  const auto f = make_family(rs.store);
  auto m = mitteilung(Jurisdiction::oesterreich, {DataCategory::kinderschutz}, D(2026, 11, 18));
  auto by_phone = m;
  by_phone.channel = Channel::telefon;
  CHECK(store::record_mitteilung(rs.store, f.id, by_phone).error().is(Str::rules_mit_at_schriftlich));
  auto no_reasons = m;
  no_reasons.reasons.clear();
  CHECK_FALSE(store::record_mitteilung(rs.store, f.id, no_reasons).ok());
  auto de_norm = m;
  de_norm.norm = LegalNorm::de_kkg_4_3;
  CHECK_FALSE(store::record_mitteilung(rs.store, f.id, de_norm).ok());
  auto open = m;
  open.informed = {};
  auto id = store::record_mitteilung(rs.store, f.id, open);
  REQUIRE(id.ok());
  // Not informed needs a reason; informed needs the date.
  CHECK_FALSE(store::record_family_informed(rs.store, *id, {FamilyInformed::State::nicht_informiert, {}, ""},
                                            "Sabine Hofer")
                  .ok());
  auto fix = store::record_family_informed(
      rs.store, *id, {FamilyInformed::State::informiert, D(2026, 11, 19), {}}, "Sabine Hofer");
  REQUIRE(fix.ok());
  auto file = store::load_child_protection(rs.store, f.id);
  REQUIRE(file.ok());
  REQUIRE(file->mitteilungen.size() == 2);
  const auto& latest = file->mitteilungen.back();
  CHECK(latest.meta.corrects == *id);
  CHECK(latest.informed.state == FamilyInformed::State::informiert);
  CHECK(latest.suspicion == m.suspicion);
  CHECK(latest.content == m.content);
  // The legal basis is the current version only.
  auto bases = legal_bases_of(file->mitteilungen);
  REQUIRE(bases.size() == 1);
  CHECK(bases.front().id == *fix);
}

TEST_CASE(
    "cpstore-4: a consultation never uses personal data; its basis follows jurisdiction and profession") {
  RulesStore rs;
  REQUIRE(store::set_jurisdiction(rs.store, Jurisdiction::deutschland).ok());
  const auto f = make_family(rs.store);  // companion: Hebamme
  Consultation c;
  c.on = D(2026, 11, 14);
  c.fachkraft = "Frau Lindqvist";
  c.form = DataForm::personenbezogen;
  CHECK(store::record_consultation(rs.store, f.id, c).error().is(Str::cp_err_personal_consultation));
  c.form = DataForm::pseudonymisiert;
  REQUIRE(store::record_consultation(rs.store, f.id, c).ok());
  auto file = store::load_child_protection(rs.store, f.id);
  REQUIRE(file.ok());
  CHECK(file->consultations.at(0).basis == ConsultationBasis::de_kkg_4_2);  // Hebamme: § 4 Abs. 2 KKG
  auto fam = cases::test::family("Weber");
  fam.companion_profession = "paedagogik";
  auto w = store::create_family(rs.store, fam);
  REQUIRE(w.ok());
  CHECK(*store::consultation_basis_for(rs.store, *w) == ConsultationBasis::de_sgb_viii_8b);
  CHECK(*store::mitteilung_norm_for(rs.store, f.id) == LegalNorm::de_kkg_4_3);
  CHECK(*store::mitteilung_norm_for(rs.store, *w) == LegalNorm::de_befugnis_arbeitsbereich);
  fam.companion_profession = "";
  auto unknown = store::create_family(rs.store, fam);
  REQUIRE(unknown.ok());
  CHECK(*store::consultation_basis_for(rs.store, *unknown) == ConsultationBasis::unbestimmt);
  CHECK_FALSE(store::mitteilung_norm_for(rs.store, *unknown)->has_value());
}

TEST_CASE(
    "cpstore-5: the local procedure is a checklist: the jurisdiction's start, configurable, steps recorded") {
  RulesStore rs;
  const auto f = make_family(rs.store);
  CHECK(store::load_procedure(rs.store).error().is(Str::cp_err_jurisdiction));
  REQUIRE(store::set_jurisdiction(rs.store, Jurisdiction::oesterreich).ok());
  auto steps = store::load_procedure(rs.store);
  REQUIRE(steps.ok());
  CHECK(steps->size() == default_procedure(Jurisdiction::oesterreich).size());
  // The network's own steps: keep the first built-in one, add its own.
  std::vector<ProcedureStep> own = {
      steps->front(), ProcedureStep{"netzwerk", "Netzwerkkoordination informieren", std::nullopt, false}};
  REQUIRE(store::set_procedure(rs.store, own).ok());
  auto loaded = store::load_procedure(rs.store);
  REQUIRE(loaded.ok());
  REQUIRE(loaded->size() == 2);
  CHECK(loaded->front().builtin == steps->front().builtin);
  CHECK(loaded->back().text(Lang::de) == "Netzwerkkoordination informieren");
  CHECK_FALSE(store::set_procedure(rs.store, {own[0], own[0]}).ok());  // keys unique
  REQUIRE(store::record_step(rs.store, f.id, {own[0].key, D(2026, 11, 19), "Sabine Hofer", "mit Dr. Keller"})
              .ok());
  auto list = store::load_checklist(rs.store, f.id);
  REQUIRE(list.ok());
  REQUIRE(list->size() == 2);
  CHECK(list->at(0).done.has_value());
  CHECK_FALSE(list->at(1).done.has_value());
  CHECK(checklist_complete(*list));  // the second step is optional
}
