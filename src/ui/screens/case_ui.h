// The state of the case-documentation screens (families list, family
// overview, the forms). It holds personal data: the app keeps it on the heap
// and destroys it when it locks (the app's operator delete zeroes freed
// memory, see src/app/zeroing_delete.cpp), so nothing of it stays readable.
//
// Forms follow one rule everywhere (issue 5, "no lost input"): leaving a form
// with unsaved changes asks first ("Änderungen verwerfen?").
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "exchange/case_draft.h"
#include "store/cases.h"
#include "ui/form_widgets.h"
#include "ui/screens/referral_ui.h"
#include "ui/screens/screens.h"

namespace bb::ui {

enum class CaseView {
  list,
  overview,
  family_form,
  person_form,
  contact_form,
  goal_form,
  assessment_form,
  status_form,
  responsibility_form,
  // KJH cooperation (kjh_ui.h)
  kjh,
  kjh_involvement_form,
  kjh_exception_form,
  cooperation_agreement,
  referral_form,
  referral,
  // Einwilligungen (consent_ui.h)
  consents,
  consent_form,
  information_form,
  // Übergabe an die KJH and Fall empfangen (handover_ui.h)
  handover,
  receive,
  received_case,
  // Kinderschutz, Offenlegungsprotokoll, Auskunft (protection_ui.h)
  cp,
  cp_anhaltspunkt_form,
  cp_support_form,
  cp_consultation_form,
  cp_mitteilung_form,
  cp_informed_form,
  disclosure_log,
  auskunft,
};

// The family list: the query and the page of rows the clipper shows.
struct FamilyListState {
  std::string search;
  int status_filter = -1;  // -1 all, else cases::FamilyStatus
  bool due_reviews = false;
  int visit_filter = 0;   // 0 all, 1 next appointment within 7 days, 2 no next appointment
  std::string companion;  // "" = all
  store::FamilySort sort = store::FamilySort::name;
  bool stale = true;  // re-query before the next draw
  int total = 0;
  int offset = 0;  // rows[0] is row `offset` of the result
  std::vector<store::FamilyListRow> rows;
  std::vector<std::string> companions;
  double query_ms = 0;  // the last query's time (shown to nobody; tests and bench)
};

struct KjhUi;         // the KJH screens' state (kjh_ui.h)
struct ConsentUi;     // the Einwilligungen screens' state (consent_ui.h)
struct HandoverUi;    // Übergabe an die KJH and Fall empfangen (handover_ui.h)
struct ProtectionUi;  // the Kinderschutz and privacy screens' state (protection_ui.h)

struct CaseUi : exchange::CaseFormInputs {
  CaseView view = CaseView::list;
  int64_t family_id = 0;  // the family of the overview and the forms
  FamilyListState list;
  std::optional<store::FamilyOverview> overview;
  bool overview_stale = true;
  std::map<std::string, std::vector<cases::CatalogEntry>> catalogs;  // by kind

  // The form being edited (one at a time: the inputs are the base class) and
  // whether it differs from what was loaded.
  int64_t edit_id = 0;     // person, contact or goal id; 0 = new
  ReferralDraft referral;  // not kept as a draft across the lock (yet)
  bool dirty = false;
  bool scroll_to_top = false;  // a new view starts at its top
  FieldErrors errors;
  std::string notice;  // the last outcome ("Gespeichert …"), UI words only
  // A form brought back from the draft kept across the lock (case_draft_ui.cpp).
  bool draft_stored = false;       // the store holds a draft of this form
  Str draft_notice = Str::count_;  // shown at the top of the form; count_ = none

  // Leaving a dirty form: where to go once the user said "Verwerfen".
  bool confirm_leave = false;
  std::optional<CaseView> leave_to_view;
  std::optional<ScreenId> leave_to_screen;

  std::shared_ptr<KjhUi> kjh;            // the KJH screens (kjh_ui.h), created on first use
  std::shared_ptr<ConsentUi> consents;   // the Einwilligungen screens (consent_ui.h), created on first use
  std::shared_ptr<HandoverUi> handover;  // handover_ui.h, created on first use
  std::shared_ptr<ProtectionUi> protection;  // Kinderschutz and privacy (protection_ui.h), on first use

  const std::vector<cases::CatalogEntry>& catalog(const store::Store& store, const std::string& kind);
};

// Drawn by draw_families_screen for the current view.
void draw_family_list(ScreenContext& ctx, CaseUi& ui);
void draw_family_overview(ScreenContext& ctx, CaseUi& ui);
void draw_family_form(ScreenContext& ctx, CaseUi& ui);
void draw_person_form(ScreenContext& ctx, CaseUi& ui);
void draw_contact_form(ScreenContext& ctx, CaseUi& ui);
void draw_goal_form(ScreenContext& ctx, CaseUi& ui);
void draw_assessment_form(ScreenContext& ctx, CaseUi& ui);
void draw_status_form(ScreenContext& ctx, CaseUi& ui);
void draw_responsibility_form(ScreenContext& ctx, CaseUi& ui);
void draw_referral_form(ScreenContext& ctx, CaseUi& ui);
void draw_referral(ScreenContext& ctx, CaseUi& ui);
void open_referral(CaseUi& ui, int64_t referral_id);
// A tappable line of personal text (a person, a goal, a referral, a timeline entry).
bool entry_row(const std::string& test_id, const std::string& title, const std::string& detail);
// Cards of the family overview (own files).
void draw_family_referrals_card(ScreenContext& ctx, CaseUi& ui);
void draw_child_protection_card(ScreenContext& ctx, CaseUi& ui);
void draw_privacy_card(ScreenContext& ctx, CaseUi& ui);  // Offenlegungsprotokoll, Auskunft

// Once a form kept as a draft (keep_case_draft, screens.h) was saved or
// discarded, its draft goes.
void drop_finished_draft(store::Session& session, CaseUi& ui);

// Opens a view; from a dirty form it asks first.
void go_to(CaseUi& ui, CaseView view);
// After a successful save: back to the overview, which reloads.
void saved_back_to_overview(CaseUi& ui);
// The end of every form's save: the core's validation messages first (all of
// them at their fields, nothing saved), then the one action in one
// transaction; on success "Gespeichert." and back to the overview. True if saved.
bool save_form(ScreenContext& ctx, CaseUi& ui, cases::ValidationErrors errors, Str what,
               const std::function<Status(store::Store&)>& action, Str notice = Str::form_saved);
// A repository result without its value, for save_form's action.
template <class T>
Status status_of(const Result<T>& r) {
  if (!r.ok()) return r.error();
  return {};
}
// The header row of a form: back ("Abbrechen", to `back`: by default the
// overview, or the list for a new family) and the title.
void form_header(CaseUi& ui, const char* title, const char* test_id,
                 std::optional<CaseView> back = std::nullopt);

}  // namespace bb::ui
