// A draft of a case-documentation or Einwilligungen form, kept in the encrypted
// store while the app is locked or the tab is in the background (docs/ui.md,
// "No lost input").
//
// The app must forget every personal text when it locks, but a companion who
// is interrupted mid-note must not lose it: the form's input is written into
// the store (settings key kCaseDraftKey, encrypted like everything else) just
// before the lock, and offered again after the unlock. Only the form being
// edited is kept, one draft at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cases.h"
#include "core/consent.h"
#include "core/result.h"
#include "store/consents.h"

namespace bb::exchange {

constexpr const char* kCaseDraftKey = "draft.case";
constexpr int kCaseDraftVersion = 1;

enum class DraftForm {
  family,
  person,
  contact,
  goal,
  assessment,
  status,
  responsibility,
  consent,
  information
};

// The input of the case-documentation forms (the UI's form state derives
// from it, so a draft is exactly what the forms hold).
struct CaseFormInputs {
  cases::FamilyInput family;
  std::vector<cases::PersonInput> persons;  // with a new family
  cases::PersonInput person;
  cases::ContactInput contact;
  cases::GoalInput goal;
  cases::AssessmentInput assessment;
  cases::StatusChange status;
  cases::ResponsibilityInput responsibility;
};

struct CaseDraft {
  DraftForm form = DraftForm::contact;
  int64_t family_id = 0;  // 0: a new family (form == family)
  int64_t edit_id = 0;    // the person, contact or goal edited; 0 = new
  CaseFormInputs input;   // only the member of `form` is kept
  // The Einwilligungen forms (consent_ui.h) keep their input apart from the case forms.
  rules::Consent consent;                // form == consent
  store::InformationRecord information;  // form == information
};

// Only the members of `draft.form` are written.
std::string case_draft_to_json(const CaseDraft& draft);

// Strict: a draft this app did not write (another version, a damaged value)
// is an error (Str::draft_unreadable), never a half-filled form.
Result<CaseDraft> case_draft_from_json(std::string_view text);

}  // namespace bb::exchange
