// Focus: Kinderschutz by jurisdiction, append-only entries, the checklist
// (src/core/child_protection.h). docs/rules.md "cp-*".
#include <doctest/doctest.h>

#include <algorithm>

#include "core/child_protection.h"
#include "rules_test_util.h"

using namespace bb;
using namespace bb::rules;
using namespace bb::rules::test;

namespace {
const Date kToday = D(2026, 5, 15);

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

Mitteilung mitteilung(Jurisdiction j) {
  Mitteilung m;
  m.meta = {40, std::nullopt, kToday, "Frau K."};
  m.on = kToday;
  m.recipient = jugendamt();
  m.channel = Channel::verschluesselte_datei;
  m.norm = j == Jurisdiction::oesterreich ? LegalNorm::at_b_kjhg_37 : LegalNorm::de_kkg_4_3;
  m.child = kChild;
  m.suspicion = "Wiederholte Hämatome am Oberarm des Säuglings";
  m.reasons = "Beobachtet bei drei Hausbesuchen, Erklärung der Eltern widersprüchlich";
  m.content = {DataCategory::stammdaten, DataCategory::kinderschutz};
  m.informed = {FamilyInformed::State::informiert, kToday, {}};
  m.consent_sought = {ConsentSought::angestrebt_verweigert, kToday, {}};
  return m;
}

std::vector<MitteilungIssue> issues(const Mitteilung& m, Jurisdiction j) {
  std::vector<MitteilungIssue> out;
  for (const auto& p : validate_mitteilung(m, j, kToday)) out.push_back(p.what);
  return out;
}
Severity severity_of(const Mitteilung& m, Jurisdiction j, MitteilungIssue what) {
  for (const auto& p : validate_mitteilung(m, j, kToday))
    if (p.what == what) return p.severity;
  FAIL("issue not found");
  return Severity::warning;
}

std::string joined(const std::vector<Text>& v, Lang lang) { return render_lines(v, lang); }
}  // namespace

TEST_CASE(
    "cp-1: in Germany the consultation basis follows the profession: § 4 Abs. 2 KKG for "
    "Berufsgeheimnisträger, else § 8b SGB VIII") {
  struct Row {
    Profession p;
    ConsultationBasis basis;
  } rows[] = {
      {Profession::hebamme, ConsultationBasis::de_kkg_4_2},
      {Profession::kinderkrankenpflege, ConsultationBasis::de_kkg_4_2},
      {Profession::aerztin, ConsultationBasis::de_kkg_4_2},
      {Profession::therapie_heilberuf, ConsultationBasis::de_kkg_4_2},
      {Profession::psychologie, ConsultationBasis::de_kkg_4_2},
      {Profession::beratung, ConsultationBasis::de_kkg_4_2},
      {Profession::sozialarbeit, ConsultationBasis::de_kkg_4_2},
      {Profession::paedagogik, ConsultationBasis::de_sgb_viii_8b},
      {Profession::heilpaedagogik, ConsultationBasis::de_sgb_viii_8b},
      {Profession::sonstige, ConsultationBasis::de_sgb_viii_8b},
  };
  REQUIRE(sizeof(rows) / sizeof(rows[0]) == kProfessionCount);
  for (const auto& r : rows) {
    CAPTURE(code(r.p));
    CHECK(consultation_basis(Jurisdiction::deutschland, r.p) == r.basis);
    CHECK(profession_from(code(r.p)) == r.p);
    CHECK(consultation_basis(Jurisdiction::oesterreich, r.p) == ConsultationBasis::at_fachberatung);
    const auto de = joined(consultation_guidance(Jurisdiction::deutschland, r.p), Lang::de);
    CHECK(contains(de, r.basis == ConsultationBasis::de_kkg_4_2 ? "§ 4 Abs. 2 KKG" : "§ 8b Abs. 1 SGB VIII"));
    CHECK(contains(de, "anonymisierten oder pseudonymisierten"));
    const auto at = joined(consultation_guidance(Jurisdiction::oesterreich, r.p), Lang::de);
    CHECK_FALSE(contains(at, "KKG"));
    CHECK_FALSE(contains(at, "SGB"));
    CHECK(contains(at, "fachlichen Leitung"));
  }
  CHECK(consultation_basis(Jurisdiction::deutschland, std::nullopt) == ConsultationBasis::unbestimmt);
  CHECK(contains(joined(consultation_guidance(Jurisdiction::deutschland, std::nullopt), Lang::de),
                 "Kernberuf"));
  CHECK_FALSE(profession_from("Hebamme").has_value());  // codes, not labels
}

TEST_CASE(
    "cp-2: the Mitteilung is worded as a duty in Austria (§ 37 B-KJHG) and as a power in Germany (§ 4 Abs. 3 "
    "KKG)") {
  const auto at = joined(mitteilung_guidance(Jurisdiction::oesterreich), Lang::de);
  CHECK(contains(at, "§ 37 B-KJHG"));
  CHECK(contains(at, "muss"));
  CHECK(contains(at, "schriftlich und unverzüglich"));
  CHECK(contains(at, "örtlich zuständigen"));
  CHECK_FALSE(contains(at, "KKG"));
  const auto de = joined(mitteilung_guidance(Jurisdiction::deutschland), Lang::de);
  CHECK(contains(de, "§ 4 Abs. 3 KKG"));
  CHECK(contains(de, "dürfen Sie es informieren"));
  CHECK_FALSE(contains(de, "B-KJHG"));
  for (const char* duty : {"Pflicht", "pflicht", "muss", "müssen", "verpflichtet", "unverzüglich"}) {
    CAPTURE(duty);
    CHECK_FALSE(contains(de, duty));
  }
  const auto de_en = joined(mitteilung_guidance(Jurisdiction::deutschland), Lang::en);
  for (const char* duty : {"duty", "must", "obliged"}) {
    CAPTURE(duty);
    CHECK_FALSE(contains(de_en, duty));
  }
  // The German steps of the procedure do not turn the power into a duty either.
  for (const auto& s : default_procedure(Jurisdiction::deutschland)) {
    CAPTURE(s.key);
    CHECK_FALSE(contains(s.text(Lang::de), "Pflicht"));
    CHECK_FALSE(contains(s.text(Lang::de), "muss"));
  }
}

TEST_CASE("cp-3: the Austrian Mitteilung needs the concrete suspicion, its reasons and the written form") {
  const auto ok = mitteilung(Jurisdiction::oesterreich);
  CHECK(issues(ok, Jurisdiction::oesterreich).empty());
  struct Row {
    const char* name;
    void (*change)(Mitteilung&);
    MitteilungIssue at;
    bool blocking_in_de;  // the same gap in Germany
    bool issue_in_de;
  } rows[] = {
      {"phone", [](Mitteilung& m) { m.channel = Channel::telefon; }, MitteilungIssue::at_nicht_schriftlich,
       false, false},
      {"in person", [](Mitteilung& m) { m.channel = Channel::persoenlich; },
       MitteilungIssue::at_nicht_schriftlich, false, false},
      {"no suspicion", [](Mitteilung& m) { m.suspicion = ""; }, MitteilungIssue::at_verdacht_fehlt, false,
       false},
      {"no reasons", [](Mitteilung& m) { m.reasons = ""; }, MitteilungIssue::gruende_fehlen, false, true},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    auto m = ok;
    r.change(m);
    CHECK(issues(m, Jurisdiction::oesterreich) == std::vector<MitteilungIssue>{r.at});
    CHECK(severity_of(m, Jurisdiction::oesterreich, r.at) == Severity::blocking);
    auto de = m;
    de.norm = LegalNorm::de_kkg_4_3;
    const auto got = issues(de, Jurisdiction::deutschland);
    CHECK(got.size() == (r.issue_in_de ? 1u : 0u));
    if (r.issue_in_de) CHECK(severity_of(de, Jurisdiction::deutschland, r.at) == Severity::warning);
  }
}

TEST_CASE("cp-4: whether and when the family was informed, or the recorded reason why not") {
  auto m = mitteilung(Jurisdiction::deutschland);
  struct Row {
    FamilyInformed informed;
    std::vector<MitteilungIssue> issues;
    Severity severity;
  } rows[] = {
      {{FamilyInformed::State::informiert, kToday, {}}, {}, Severity::warning},
      {{FamilyInformed::State::informiert, std::nullopt, {}},
       {MitteilungIssue::familie_datum_fehlt},
       Severity::blocking},
      {{FamilyInformed::State::nicht_informiert, std::nullopt, ""},
       {MitteilungIssue::familie_grund_fehlt},
       Severity::blocking},
      {{FamilyInformed::State::nicht_informiert, std::nullopt,
        "Wirksamer Schutz des Kindes wäre in Frage gestellt"},
       {},
       Severity::warning},
      {{FamilyInformed::State::offen, std::nullopt, {}}, {MitteilungIssue::familie_offen}, Severity::warning},
  };
  for (const auto& r : rows) {
    m.informed = r.informed;
    const auto got = issues(m, Jurisdiction::deutschland);
    CHECK(got == r.issues);
    if (!got.empty()) CHECK(severity_of(m, Jurisdiction::deutschland, got[0]) == r.severity);
  }
}

TEST_CASE(
    "cp-5: a Mitteilung goes to one named KJH office, on a basis of the jurisdiction set, limited to its "
    "content") {
  const auto base = mitteilung(Jurisdiction::deutschland);
  struct Row {
    const char* name;
    void (*change)(Mitteilung&);
    MitteilungIssue issue;
    Severity severity;
  } rows[] = {
      {"to a partner", [](Mitteilung& m) { m.recipient = beratung(); }, MitteilungIssue::empfaenger_nicht_kjh,
       Severity::blocking},
      {"to no office", [](Mitteilung& m) { m.recipient.partner.reset(); },
       MitteilungIssue::empfaenger_unbestimmt, Severity::blocking},
      {"Austrian norm", [](Mitteilung& m) { m.norm = LegalNorm::at_b_kjhg_37; },
       MitteilungIssue::norm_andere_jurisdiktion, Severity::blocking},
      {"no citation", [](Mitteilung& m) { m.norm = LegalNorm::de_befugnis_arbeitsbereich; },
       MitteilungIssue::zitat_fehlt, Severity::blocking},
      {"no content", [](Mitteilung& m) { m.content = {}; }, MitteilungIssue::inhalt_leer, Severity::blocking},
      {"whole file", [](Mitteilung& m) { m.content = Categories::all(); }, MitteilungIssue::inhalt_alles,
       Severity::warning},
      {"future", [](Mitteilung& m) { m.on = kToday.plus_days(1); }, MitteilungIssue::datum_zukunft,
       Severity::blocking},
      {"consent sought unknown", [](Mitteilung& m) { m.consent_sought = {}; },
       MitteilungIssue::einwilligung_angestrebt_offen, Severity::warning},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    auto m = base;
    r.change(m);
    CHECK(issues(m, Jurisdiction::deutschland) == std::vector<MitteilungIssue>{r.issue});
    CHECK(severity_of(m, Jurisdiction::deutschland, r.issue) == r.severity);
  }
}

TEST_CASE("cp-6: the norm of a new Mitteilung follows jurisdiction and profession") {
  CHECK(default_mitteilung_norm(Jurisdiction::oesterreich, std::nullopt) == LegalNorm::at_b_kjhg_37);
  CHECK(default_mitteilung_norm(Jurisdiction::oesterreich, Profession::paedagogik) ==
        LegalNorm::at_b_kjhg_37);
  CHECK(default_mitteilung_norm(Jurisdiction::deutschland, Profession::hebamme) == LegalNorm::de_kkg_4_3);
  CHECK(default_mitteilung_norm(Jurisdiction::deutschland, Profession::paedagogik) ==
        LegalNorm::de_befugnis_arbeitsbereich);
  CHECK_FALSE(default_mitteilung_norm(Jurisdiction::deutschland, std::nullopt).has_value());
  CHECK(basis_of(LegalNorm::at_b_kjhg_37) == BasisKind::gesetzliche_pflicht);
  CHECK(basis_of(LegalNorm::de_kkg_4_3) == BasisKind::gesetzliche_befugnis);
  CHECK(basis_of(LegalNorm::de_befugnis_arbeitsbereich) == BasisKind::gesetzliche_befugnis);
}

TEST_CASE(
    "cp-7: a Mitteilung is a legal basis for exactly its recipient and content; a correction replaces it") {
  std::vector<Mitteilung> all{mitteilung(Jurisdiction::oesterreich)};
  auto correction = all[0];
  correction.meta = {41, EntryId{40}, kToday, "Frau K."};
  correction.content = {DataCategory::kinderschutz};  // Stammdaten taken out
  all.push_back(correction);
  REQUIRE(validate_append(metas(std::vector<Mitteilung>{all[0]}), correction.meta).ok());
  const auto bases = legal_bases_of(all);
  REQUIRE(bases.size() == 1);
  CHECK(bases[0].id == 41);
  CHECK(bases[0].mitteilung == EntryId{41});
  CHECK(bases[0].content == Categories{DataCategory::kinderschutz});
  CHECK(bases[0].purpose == Purpose::mitteilung_kjh);
  CHECK(same_recipient(bases[0].recipient, jugendamt()));

  auto f = facts();
  f.legal_bases = bases;
  const auto d = decide_disclosure(
      request(Purpose::mitteilung_kjh, jugendamt(), {DataCategory::stammdaten, DataCategory::kinderschutz}),
      f, kToday, Jurisdiction::oesterreich);
  CHECK(d.allowed_categories == Categories{DataCategory::kinderschutz});
  CHECK(d.refused_categories == Categories{DataCategory::stammdaten});
}

TEST_CASE(
    "cp-8: child-protection entries are append-only: corrections are new entries that reference the old") {
  std::vector<EntryMeta> log{{1, std::nullopt, D(2026, 5, 1), "K"}, {2, std::nullopt, D(2026, 5, 2), "K"}};
  // Never changed, never deleted.
  auto change = validate_change(log[0]);
  REQUIRE_FALSE(change.ok());
  CHECK(change.error().is(Str::rules_cp_append_only));
  struct Row {
    const char* name;
    EntryMeta next;
    std::optional<Str> error;
  } rows[] = {
      {"new entry", {3, std::nullopt, D(2026, 5, 3), "K"}, std::nullopt},
      {"same id (overwrite)", {1, std::nullopt, D(2026, 5, 3), "K"}, Str::rules_cp_append_only},
      {"correction", {3, EntryId{1}, D(2026, 5, 3), "K"}, std::nullopt},
      {"correction of unknown", {3, EntryId{9}, D(2026, 5, 3), "K"}, Str::rules_cp_correct_unknown},
      {"correction dated before", {3, EntryId{2}, D(2026, 5, 1), "K"}, Str::rules_cp_correct_before},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    auto s = validate_append(log, r.next);
    CHECK(s.ok() == !r.error);
    if (r.error) CHECK(s.error().is(*r.error));
  }
  log.push_back({3, EntryId{1}, D(2026, 5, 3), "K"});
  auto twice = validate_append(log, {4, EntryId{1}, D(2026, 5, 4), "K"});
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().is(Str::rules_cp_correct_latest));
  REQUIRE(validate_append(log, {4, EntryId{3}, D(2026, 5, 4), "K"}).ok());
  log.push_back({4, EntryId{3}, D(2026, 5, 4), "K"});
  CHECK(current_ids(log) == std::vector<EntryId>{2, 4});
  CHECK(history_of(log, 1) == std::vector<EntryId>{1, 3, 4});
  CHECK(history_of(log, 3) == std::vector<EntryId>{1, 3, 4});
  CHECK(history_of(log, 2) == std::vector<EntryId>{2});
}

TEST_CASE("cp-9: the local procedure is a configurable checklist per jurisdiction") {
  const auto at = default_procedure(Jurisdiction::oesterreich);
  const auto de = default_procedure(Jurisdiction::deutschland);
  REQUIRE(at.size() == 5);
  REQUIRE(de.size() == 6);
  CHECK(contains(at[3].text(Lang::de), "§ 37 B-KJHG"));
  CHECK(at[3].required);
  const auto de_mitteilung =
      std::find_if(de.begin(), de.end(), [](const ProcedureStep& s) { return s.key == "mitteilung"; });
  REQUIRE(de_mitteilung != de.end());
  CHECK_FALSE(de_mitteilung->required);  // a power: only if needed
  CHECK(contains(de_mitteilung->text(Lang::de), "Falls erforderlich"));

  auto steps = de;
  steps.push_back({"kinderschutzteam", "Kinderschutzteam der Klinik informieren", std::nullopt, true});
  std::vector<StepDone> done{{"anhaltspunkte", D(2026, 5, 1), "K", ""},
                             {"leitung", D(2026, 5, 2), "K", ""},
                             {"fachberatung", D(2026, 5, 3), "K", ""},
                             {"unterstuetzung", D(2026, 5, 4), "K", ""},
                             {"leitung", D(2026, 5, 6), "L", "zweite Rücksprache"}};
  auto lines = checklist(steps, done);
  REQUIRE(lines.size() == 7);
  CHECK(lines[1].done->on == D(2026, 5, 6));  // the latest record of a step
  CHECK(lines[6].step.text(Lang::de) == "Kinderschutzteam der Klinik informieren");
  CHECK_FALSE(checklist_complete(lines));  // the custom required step is open
  done.push_back({"kinderschutzteam", D(2026, 5, 7), "K", ""});
  CHECK(checklist_complete(checklist(steps, done)));
  CHECK_FALSE(checklist_complete(checklist(at, done)));
}

TEST_CASE(
    "cp-10: support offered and consultations keep their facts; a consultation never uses personal data") {
  SupportOffer s{{5, std::nullopt, D(2026, 5, 2), "K"},
                 "Schreiambulanz",
                 kHebammenpraxis,
                 D(2026, 5, 2),
                 SupportOutcome::in_anspruch_genommen,
                 ""};
  CHECK(std::string(tr(label(s.outcome), Lang::de)) == "in Anspruch genommen");
  Consultation c;
  c.basis = consultation_basis(Jurisdiction::deutschland, Profession::hebamme);
  CHECK(c.basis == ConsultationBasis::de_kkg_4_2);
  CHECK(c.form != DataForm::personenbezogen);
  // The consultation disclosure itself goes through the decision point.
  const auto d = decide_disclosure(
      request(Purpose::fachberatung, partner(RecipientKind::insoweit_erfahrene_fachkraft, kFachkraft),
              {DataCategory::kinderschutz}, DataForm::personenbezogen),
      facts(), kToday, Jurisdiction::deutschland);
  CHECK_FALSE(d.allowed);
}
