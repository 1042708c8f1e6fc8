// Form drafts across the lock: what keep_case_draft / restore_case_draft do
// (case_ui.h). The JSON codec is src/exchange/case_draft.*; the draft lives in
// the store's settings (encrypted), never in browser storage.
#include <optional>

#include "exchange/case_draft.h"
#include "store/cases.h"
#include "store/session.h"
#include "ui/screens/case_ui.h"
#include "ui/screens/consent_ui.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

using exchange::CaseDraft;
using exchange::DraftForm;

std::optional<DraftForm> form_of(CaseView view) {
  switch (view) {
    case CaseView::family_form:
      return DraftForm::family;
    case CaseView::person_form:
      return DraftForm::person;
    case CaseView::contact_form:
      return DraftForm::contact;
    case CaseView::goal_form:
      return DraftForm::goal;
    case CaseView::assessment_form:
      return DraftForm::assessment;
    case CaseView::status_form:
      return DraftForm::status;
    case CaseView::responsibility_form:
      return DraftForm::responsibility;
    case CaseView::consent_form:
      return DraftForm::consent;
    case CaseView::information_form:
      return DraftForm::information;
    default:
      return std::nullopt;
  }
}

CaseView view_of(DraftForm form) {
  switch (form) {
    case DraftForm::family:
      return CaseView::family_form;
    case DraftForm::person:
      return CaseView::person_form;
    case DraftForm::contact:
      return CaseView::contact_form;
    case DraftForm::goal:
      return CaseView::goal_form;
    case DraftForm::assessment:
      return CaseView::assessment_form;
    case DraftForm::status:
      return CaseView::status_form;
    case DraftForm::responsibility:
      return CaseView::responsibility_form;
    case DraftForm::consent:
      return CaseView::consent_form;
    case DraftForm::information:
      return CaseView::information_form;
  }
  return CaseView::list;
}

std::optional<CaseDraft> draft_of(const CaseUi& ui) {
  auto form = form_of(ui.view);
  if (!form || !ui.dirty) return std::nullopt;
  CaseDraft d;
  d.form = *form;
  d.family_id = ui.family_id;
  d.edit_id = ui.edit_id;
  d.input = ui;  // the form inputs part of the UI state
  if (ui.consents) {
    d.consent = ui.consents->form;
    d.information = ui.consents->info;
  }
  return d;
}

bool draft_exists(store::Session& session) {
  auto stored = session.setting(exchange::kCaseDraftKey);
  if (!stored.ok() || !stored->has_value()) return false;
  wipe(**stored);
  return true;
}

}  // namespace

void keep_case_draft(store::Session& session, Forms& forms) {
  CaseUi* ui = forms.cases.get();
  std::optional<CaseDraft> draft = ui ? draft_of(*ui) : std::nullopt;
  if (draft) {
    std::string text = exchange::case_draft_to_json(*draft);
    if (session.save_setting(Str::action_draft, exchange::kCaseDraftKey, text).ok()) ui->draft_stored = true;
    wipe(text);
  } else if (draft_exists(session)) {
    (void)session.remove_setting(Str::action_draft, exchange::kCaseDraftKey);  // nothing left to keep
    if (ui) ui->draft_stored = false;
  }
}

bool restore_case_draft(store::Session& session, Forms& forms) {
  auto stored = session.setting(exchange::kCaseDraftKey);
  if (!stored.ok() || !stored->has_value()) return false;
  auto draft = exchange::case_draft_from_json(**stored);
  wipe(**stored);
  if (!forms.cases) forms.cases = std::make_shared<CaseUi>();
  CaseUi& ui = *forms.cases;
  if (!draft.ok()) {
    (void)session.remove_setting(Str::action_draft, exchange::kCaseDraftKey);
    ui.notice = tr(Str::draft_unreadable);
    return false;
  }
  if (draft->family_id != 0) {
    const store::Store* reader = session.reader();
    auto overview = reader ? store::family_overview(*reader, draft->family_id)
                           : Result<store::FamilyOverview>(make_error(Str::store_locked, "locked"));
    if (!overview.ok()) {
      (void)session.remove_setting(Str::action_draft, exchange::kCaseDraftKey);
      ui.notice = tr(Str::draft_family_gone);
      return false;
    }
    ui.overview = std::move(*overview);
    ui.overview_stale = false;
  }
  ui.family_id = draft->family_id;
  ui.edit_id = draft->edit_id;
  static_cast<exchange::CaseFormInputs&>(ui) = std::move(draft->input);
  if (draft->form == DraftForm::consent || draft->form == DraftForm::information) {
    ConsentUi& c = consent_ui(ui);
    c.form = std::move(draft->consent);
    c.form.family = draft->family_id;
    c.info = std::move(draft->information);
    c.info.family_id = draft->family_id;
    c.partner_search.clear();
    c.partners_stale = true;
    c.stale = true;
  }
  ui.view = view_of(draft->form);
  ui.dirty = true;
  ui.draft_stored = true;
  ui.draft_notice = Str::draft_restored;
  ui.scroll_to_top = true;
  return true;
}

void drop_finished_draft(store::Session& session, CaseUi& ui) {
  if (!ui.draft_stored || ui.dirty) return;
  if (session.remove_setting(Str::action_draft, exchange::kCaseDraftKey).ok()) ui.draft_stored = false;
}

}  // namespace bb::ui
