// The state and the shared pieces of the Kinderschutz and privacy screens of
// a family (issue 7): the Kinderschutz view (append-only entries, the local
// procedure as a checklist), the forms for gewichtige Anhaltspunkte, support,
// the consultation of an insoweit erfahrene Fachkraft with its case summary,
// the Mitteilung and whether the family was informed; the
// Offenlegungsprotokoll and the Auskunft. Personal like CaseUi, and owned by
// it (destroyed on lock). The rules are the core's
// (src/core/child_protection.h, anonymize.h): these screens show what it says.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/anonymize.h"
#include "core/child_protection.h"
#include "store/auskunft.h"
#include "store/child_protection.h"
#include "store/directory.h"
#include "store/disclosures.h"
#include "store/retention.h"
#include "ui/screens/case_ui.h"

namespace bb::ui {

struct ProtectionUi {
  // The Kinderschutz view.
  bool stale = true;
  std::optional<store::ChildProtectionFile> file;
  std::vector<rules::ChecklistLine> checklist;
  std::optional<rules::Jurisdiction> jurisdiction;
  std::optional<rules::Profession> profession;

  // The forms (one at a time).
  rules::Anhaltspunkt anhaltspunkt;
  rules::SupportOffer support;
  rules::Consultation consultation;
  std::optional<rules::CaseSummary> summary;  // shown for review before it leaves the app
  std::optional<std::vector<store::FachkraftRecord>> fachkraefte;  // Anlage 2 of the directory, to pick from
  rules::Mitteilung mitteilung;
  bool norm_unknown = false;                   // DE, no profession recorded: the form asks for the norm
  std::vector<store::PartnerRow> kjh_offices;  // recipients a Mitteilung may go to
  int64_t informed_of = 0;                     // the Mitteilung whose "Familie informiert" is edited
  rules::FamilyInformed informed;

  // Offenlegungsprotokoll and Auskunft.
  std::optional<std::vector<store::DisclosureRecord>> log;
  std::optional<store::Auskunft> auskunft;

  // The settings card „Organisation“: retention and the cases due for deletion.
  std::optional<store::DeletionList> due;  // nullopt: reload
  std::string retention_months;            // the field
  bool retention_loaded = false;
  int64_t confirm_erase = 0;  // the family whose deletion waits for "Endgültig löschen"
  std::string org_message;
  bool org_message_ok = false;
  std::optional<std::vector<rules::ProcedureStep>> procedure;  // the network's steps; nullopt: reload
  std::string new_step;                                        // the label of an own step to add
};

// The state of the case UI (created on first use).
ProtectionUi& protection_ui(CaseUi& ui);

// Opens the Kinderschutz view of the family (from the overview's card).
void open_child_protection(CaseUi& ui);
void open_disclosure_log(CaseUi& ui);
void open_auskunft(CaseUi& ui);

// Draws the view of one of the CaseView::cp_* / disclosure_log / auskunft.
void draw_protection_view(ScreenContext& ctx, CaseUi& ui);
void draw_cp_view(ScreenContext& ctx, CaseUi& ui);
void draw_anhaltspunkt_form(ScreenContext& ctx, CaseUi& ui);
void draw_support_form(ScreenContext& ctx, CaseUi& ui);
void draw_consultation_form(ScreenContext& ctx, CaseUi& ui);
void draw_mitteilung_form(ScreenContext& ctx, CaseUi& ui);
void draw_informed_form(ScreenContext& ctx, CaseUi& ui);
void draw_disclosure_log(ScreenContext& ctx, CaseUi& ui);
void draw_auskunft(ScreenContext& ctx, CaseUi& ui);

// The settings card „Organisation“ (retention_settings.cpp): the jurisdiction,
// the retention period (unset until the organisation sets it), the cases due
// for deletion and their deletion after a confirmation.
void draw_organisation_card(ScreenContext& ctx);
// Its part for the Kinderschutz procedure (procedure_settings.cpp).
void draw_procedure_settings(ScreenContext& ctx, ProtectionUi& p);

// --- Shared by these screens ---
// The header of a Kinderschutz form: back to the Kinderschutz view (asks
// first when dirty), the title, the general error.
void cp_form_header(CaseUi& ui, Str title, const char* test_id);
// A back button to `to` and the title, for the read-only views.
void view_header(CaseUi& ui, Str title, const char* test_id, CaseView to);
// Whether the family was informed, the date or why not; IDs "<prefix>.state.N",
// "<prefix>.on", "<prefix>.reason". True when it changed.
bool informed_fields(const std::string& prefix, rules::FamilyInformed& f);
// The companion who records: the family's assigned Familienbegleitung.
std::string recorder(const CaseUi& ui);
// Runs one Kinderschutz action; on success the notice and back to the
// Kinderschutz view, which reloads. True if it succeeded.
bool cp_action(ScreenContext& ctx, CaseUi& ui, Str what, const std::function<Status(store::Store&)>& action,
               Str notice);

}  // namespace bb::ui
