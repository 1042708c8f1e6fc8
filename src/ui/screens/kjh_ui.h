// The state and the shared pieces of the screens for the cooperation with the
// Kinder- und Jugendhilfe (issue 7): the KJH view of a family (involvement,
// the status the core computes, the exceptions (a)–(d)), the forms for an
// involvement and an exception, and the fallbezogene Kooperationsvereinbarung
// with its print view. Personal like CaseUi, and owned by it (destroyed on
// lock). The rules are the core's (src/core/kjh_cooperation.h,
// cooperation_agreement.h): these screens only show what it says.
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/cooperation_agreement.h"
#include "core/kjh_cooperation.h"
#include "store/kjh.h"
#include "ui/screens/case_ui.h"
#include "ui/widgets.h"

namespace bb::ui {

// The lists of the agreement, edited as one line per entry.
struct AgreementText {
  std::string goals_familie, goals_kjh, goals_fh, anlassfaelle, interval_days;
};

struct KjhUi {
  std::optional<store::KjhStatus> status;
  std::vector<rules::KjhInvolvement> involvements;
  std::vector<rules::CooperationException> exceptions;
  bool stale = true;

  rules::KjhInvolvement involvement;      // the involvement form (id 0: new)
  rules::CooperationException exception;  // the exception form (id 0: new)

  std::vector<rules::CooperationAgreement> versions;  // oldest first
  rules::CooperationAgreement agreement;              // the version shown or edited
  AgreementText agreement_text;
  bool agreement_loaded = false;
  bool agreement_editable = false;  // the latest version, a draft or a new one
};

// The KJH state of the case UI (created on first use).
KjhUi& kjh_ui(CaseUi& ui);

// Opens the KJH view of the family (from the overview).
void open_kjh(CaseUi& ui);
void open_cooperation_agreement(CaseUi& ui);

void draw_kjh_view(ScreenContext& ctx, CaseUi& ui);
void draw_kjh_involvement_form(ScreenContext& ctx, CaseUi& ui);
void draw_kjh_exception_form(ScreenContext& ctx, CaseUi& ui);
void draw_cooperation_agreement(ScreenContext& ctx, CaseUi& ui);
// The card on the family overview: the KJH state, the Fallführung, a due
// coordination; buttons to the KJH view and the Kooperationsvereinbarung.
// True when it navigated away (the overview stops drawing).
bool draw_kjh_card(ScreenContext& ctx, CaseUi& ui);

// --- Shared by these screens ---
// A rules::Date as a date field ("Kein Datum" allowed for optional ones).
bool day_field(const char* test_id, const char* label, rules::Date& day);
bool day_field(const char* test_id, const char* label, std::optional<rules::Date>& day);
// The agreement of one of the three parties: date and who.
bool agreement_fields(const char* test_id, Str party, rules::Agreement& a);
// Runs one store action; on success the notice and `then`; on failure the
// message in the form's header. True if it succeeded.
bool run_action(ScreenContext& ctx, CaseUi& ui, Str what, const std::function<Status(store::Store&)>& action,
                Str notice, CaseView then);
// Lines of texts in the warning (blocking) or muted colour, tagged "<prefix>N".
void text_lines(const std::vector<rules::Text>& lines, const char* prefix, bool warning);
rules::Date today_day();
// The children and expected children of the family as a catalogue (code = person id).
std::vector<cases::CatalogEntry> children(const CaseUi& ui, bool expected_only);
// A person id as a selection of `entries` ("" = none).
bool person_select(const char* test_id, const char* label, std::optional<rules::PersonId>& id,
                   const std::vector<cases::CatalogEntry>& entries, const char* none);
// One choice per value of a rules enum; the test ID of a choice is "<prefix><code>".
template <class Kind>
bool kind_choices(const char* prefix, std::initializer_list<Kind> kinds, Kind& value) {
  bool changed = false;
  FlowRow row;
  for (Kind k : kinds) {
    const char* text = tr(label(k));
    row.next(text);
    const std::string id = std::string(prefix) + rules::code(k);
    if (choice(id.c_str(), text, value == k)) {
      changed |= value != k;
      value = k;
    }
  }
  return changed;
}

}  // namespace bb::ui
