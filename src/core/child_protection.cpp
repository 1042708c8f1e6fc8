#include "core/child_protection.h"

#include <algorithm>

namespace bb::rules {

namespace {
bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }
Text t(Str id) { return Text{id, {}, std::nullopt}; }
}  // namespace

//-----------------------------------------------------------------------------
// Append-only entries
//-----------------------------------------------------------------------------

Status validate_append(const std::vector<EntryMeta>& existing, const EntryMeta& next) {
  for (const auto& e : existing)
    if (e.id == next.id)
      return make_error(Str::rules_cp_append_only, "entry id exists: entries are append-only");
  if (!next.corrects) return {};
  const EntryMeta* target = nullptr;
  for (const auto& e : existing)
    if (e.id == *next.corrects) target = &e;
  if (!target) return make_error(Str::rules_cp_correct_unknown, "corrected entry does not exist");
  for (const auto& e : existing)
    if (e.corrects == next.corrects)
      return make_error(Str::rules_cp_correct_latest, "entry already corrected: correct the latest version");
  if (next.recorded_on < target->recorded_on)
    return make_error(Str::rules_cp_correct_before, "correction dated before the corrected entry");
  return {};
}

Status validate_change(const EntryMeta& stored) {
  return make_error(Str::rules_cp_append_only, "entry " + std::to_string(stored.id) + " is append-only");
}

std::vector<EntryId> current_ids(const std::vector<EntryMeta>& all) {
  std::vector<EntryId> out;
  for (const auto& e : all) {
    const bool superseded =
        std::any_of(all.begin(), all.end(), [&](const EntryMeta& o) { return o.corrects == e.id; });
    if (!superseded) out.push_back(e.id);
  }
  return out;
}

std::vector<EntryId> history_of(const std::vector<EntryMeta>& all, EntryId id) {
  auto find = [&](EntryId x) -> const EntryMeta* {
    for (const auto& e : all)
      if (e.id == x) return &e;
    return nullptr;
  };
  std::vector<EntryId> chain;
  // Back to the first version (bounded by the number of entries: no cycles).
  const EntryMeta* cur = find(id);
  while (cur && chain.size() <= all.size()) {
    chain.insert(chain.begin(), cur->id);
    cur = cur->corrects ? find(*cur->corrects) : nullptr;
  }
  // Forward to the latest version.
  for (size_t guard = 0; guard <= all.size() && !chain.empty(); ++guard) {
    const EntryMeta* next = nullptr;
    for (const auto& e : all)
      if (e.corrects == chain.back()) next = &e;
    if (!next) break;
    chain.push_back(next->id);
  }
  return chain;
}

//-----------------------------------------------------------------------------
// Professions and the basis of a consultation
//-----------------------------------------------------------------------------

namespace {
struct ProfessionInfo {
  Profession p;
  const char* code;
  Str label;
  bool geheimnistraeger;
};
constexpr ProfessionInfo kProfessions[] = {
    {Profession::hebamme, "hebamme", Str::rules_prof_hebamme, true},
    {Profession::kinderkrankenpflege, "kinderkrankenpflege", Str::rules_prof_kinderkrankenpflege, true},
    {Profession::aerztin, "aerztin", Str::rules_prof_aerztin, true},
    {Profession::therapie_heilberuf, "therapie_heilberuf", Str::rules_prof_therapie, true},
    {Profession::psychologie, "psychologie", Str::rules_prof_psychologie, true},
    {Profession::beratung, "beratung", Str::rules_prof_beratung, true},
    {Profession::sozialarbeit, "sozialarbeit", Str::rules_prof_sozialarbeit, true},
    {Profession::paedagogik, "paedagogik", Str::rules_prof_paedagogik, false},
    {Profession::heilpaedagogik, "heilpaedagogik", Str::rules_prof_heilpaedagogik, false},
    {Profession::sonstige, "sonstige", Str::rules_prof_sonstige, false},
};
static_assert(sizeof(kProfessions) / sizeof(kProfessions[0]) == kProfessionCount, "profession table");
}  // namespace

const char* code(Profession p) { return kProfessions[static_cast<int>(p)].code; }
Str label(Profession p) { return kProfessions[static_cast<int>(p)].label; }
std::optional<Profession> profession_from(std::string_view c) {
  for (const auto& e : kProfessions)
    if (c == e.code) return e.p;
  return std::nullopt;
}
bool is_berufsgeheimnistraeger(Profession p) { return kProfessions[static_cast<int>(p)].geheimnistraeger; }

Str label(ConsultationBasis b) {
  switch (b) {
    case ConsultationBasis::de_kkg_4_2:
      return Str::rules_cons_kkg_4_2;
    case ConsultationBasis::de_sgb_viii_8b:
      return Str::rules_cons_sgb_8b;
    case ConsultationBasis::at_fachberatung:
      return Str::rules_cons_at;
    case ConsultationBasis::unbestimmt:
      return Str::rules_cons_unbestimmt;
  }
  return Str::err_internal;
}

ConsultationBasis consultation_basis(Jurisdiction j, std::optional<Profession> p) {
  if (j == Jurisdiction::oesterreich) return ConsultationBasis::at_fachberatung;
  if (!p) return ConsultationBasis::unbestimmt;
  return is_berufsgeheimnistraeger(*p) ? ConsultationBasis::de_kkg_4_2 : ConsultationBasis::de_sgb_viii_8b;
}

std::vector<Text> consultation_guidance(Jurisdiction j, std::optional<Profession> p) {
  switch (consultation_basis(j, p)) {
    case ConsultationBasis::de_kkg_4_2:
      return {t(Str::rules_cons_text_kkg_4_2), t(Str::rules_cons_text_data)};
    case ConsultationBasis::de_sgb_viii_8b:
      return {t(Str::rules_cons_text_8b), t(Str::rules_cons_text_data)};
    case ConsultationBasis::at_fachberatung:
      return {t(Str::rules_cons_text_at), t(Str::rules_cons_text_data)};
    case ConsultationBasis::unbestimmt:
      return {t(Str::rules_cons_text_unbestimmt)};
  }
  return {};
}

Str label(SupportOutcome o) {
  switch (o) {
    case SupportOutcome::angeboten:
      return Str::rules_support_angeboten;
    case SupportOutcome::angenommen:
      return Str::rules_support_angenommen;
    case SupportOutcome::abgelehnt:
      return Str::rules_support_abgelehnt;
    case SupportOutcome::in_anspruch_genommen:
      return Str::rules_support_genutzt;
  }
  return Str::err_internal;
}

//-----------------------------------------------------------------------------
// Mitteilung
//-----------------------------------------------------------------------------

std::optional<LegalNorm> default_mitteilung_norm(Jurisdiction j, std::optional<Profession> p) {
  if (j == Jurisdiction::oesterreich) return LegalNorm::at_b_kjhg_37;
  if (!p) return std::nullopt;
  return is_berufsgeheimnistraeger(*p) ? LegalNorm::de_kkg_4_3 : LegalNorm::de_befugnis_arbeitsbereich;
}

std::vector<MitteilungProblem> validate_mitteilung(const Mitteilung& m, Jurisdiction j, Date today) {
  std::vector<MitteilungProblem> out;
  auto add = [&](MitteilungIssue what, Severity s, Str id) { out.push_back({what, s, t(id)}); };
  const bool at = j == Jurisdiction::oesterreich;
  if (m.recipient.kind != RecipientKind::kjh)
    add(MitteilungIssue::empfaenger_nicht_kjh, Severity::blocking, Str::rules_mit_empfaenger_kjh);
  else if (!m.recipient.partner)
    add(MitteilungIssue::empfaenger_unbestimmt, Severity::blocking, Str::rules_mit_empfaenger_partner);
  if (jurisdiction_of(m.norm) != j)
    add(MitteilungIssue::norm_andere_jurisdiktion, Severity::blocking, Str::rules_mit_norm_jurisdiktion);
  if (m.norm == LegalNorm::de_befugnis_arbeitsbereich && blank(m.citation))
    add(MitteilungIssue::zitat_fehlt, Severity::blocking, Str::rules_mit_zitat);
  if (m.content.empty()) add(MitteilungIssue::inhalt_leer, Severity::blocking, Str::rules_mit_inhalt_leer);
  if (m.content == Categories::all())
    add(MitteilungIssue::inhalt_alles, Severity::warning, Str::rules_mit_inhalt_alles);
  if (at && !is_written(m.channel))
    add(MitteilungIssue::at_nicht_schriftlich, Severity::blocking, Str::rules_mit_at_schriftlich);
  if (at && blank(m.suspicion))
    add(MitteilungIssue::at_verdacht_fehlt, Severity::blocking, Str::rules_mit_at_verdacht);
  if (blank(m.reasons))
    add(MitteilungIssue::gruende_fehlen, at ? Severity::blocking : Severity::warning, Str::rules_mit_gruende);
  if (m.on > today) add(MitteilungIssue::datum_zukunft, Severity::blocking, Str::rules_mit_datum_zukunft);
  switch (m.informed.state) {
    case FamilyInformed::State::offen:
      add(MitteilungIssue::familie_offen, Severity::warning, Str::rules_mit_familie_offen);
      break;
    case FamilyInformed::State::informiert:
      if (!m.informed.on || *m.informed.on > today)
        add(MitteilungIssue::familie_datum_fehlt, Severity::blocking, Str::rules_mit_familie_datum);
      break;
    case FamilyInformed::State::nicht_informiert:
      if (blank(m.informed.reason_not))
        add(MitteilungIssue::familie_grund_fehlt, Severity::blocking, Str::rules_mit_familie_grund);
      break;
  }
  if (consent_sought_problem(m.consent_sought))
    add(MitteilungIssue::einwilligung_angestrebt_offen, Severity::warning,
        Str::rules_mit_einwilligung_angestrebt);
  return out;
}

LegalBasisRecord legal_basis_of(const Mitteilung& m) {
  LegalBasisRecord r;
  r.id = m.meta.id;
  r.norm = m.norm;
  r.recipient = m.recipient;
  r.purpose = Purpose::mitteilung_kjh;
  r.content = m.content;
  r.on = m.on;
  r.citation = m.citation;
  r.mitteilung = m.meta.id;
  return r;
}

std::vector<LegalBasisRecord> legal_bases_of(const std::vector<Mitteilung>& all) {
  std::vector<LegalBasisRecord> out;
  for (const auto* m : current(all)) out.push_back(legal_basis_of(*m));
  return out;
}

std::vector<Text> mitteilung_guidance(Jurisdiction j) {
  if (j == Jurisdiction::oesterreich)
    return {t(Str::rules_mit_guide_at_1), t(Str::rules_mit_guide_at_2), t(Str::rules_mit_guide_limit)};
  return {t(Str::rules_mit_guide_de_1), t(Str::rules_mit_guide_de_2), t(Str::rules_mit_guide_de_3),
          t(Str::rules_mit_guide_limit)};
}

//-----------------------------------------------------------------------------
// Checklist
//-----------------------------------------------------------------------------

std::string ProcedureStep::text(Lang lang) const { return builtin ? tr(*builtin, lang) : label; }

std::vector<ProcedureStep> default_procedure(Jurisdiction j) {
  auto step = [](const char* key, Str id, bool required = true) {
    return ProcedureStep{key, {}, id, required};
  };
  if (j == Jurisdiction::oesterreich)
    return {step("wahrnehmungen", Str::rules_step_at_wahrnehmungen), step("leitung", Str::rules_step_leitung),
            step("verdacht_gruende", Str::rules_step_at_verdacht),
            step("mitteilung", Str::rules_step_at_mitteilung), step("familie", Str::rules_step_familie)};
  return {step("anhaltspunkte", Str::rules_step_de_anhaltspunkte),
          step("leitung", Str::rules_step_leitung),
          step("fachberatung", Str::rules_step_de_fachberatung),
          step("unterstuetzung", Str::rules_step_de_unterstuetzung),
          step("mitteilung", Str::rules_step_de_mitteilung, false),
          step("familie", Str::rules_step_familie, false)};
}

std::vector<ChecklistLine> checklist(const std::vector<ProcedureStep>& steps,
                                     const std::vector<StepDone>& done) {
  std::vector<ChecklistLine> out;
  for (const auto& s : steps) {
    ChecklistLine line{s, std::nullopt};
    for (const auto& d : done)
      if (d.key == s.key && (!line.done || line.done->on <= d.on)) line.done = d;
    out.push_back(line);
  }
  return out;
}

bool checklist_complete(const std::vector<ChecklistLine>& lines) {
  return std::all_of(lines.begin(), lines.end(),
                     [](const ChecklistLine& l) { return !l.step.required || l.done.has_value(); });
}

}  // namespace bb::rules
