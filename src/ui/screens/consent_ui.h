// The state of the Einwilligungen screens of a family (issue 7, item 1): the
// list of consents with their state and the Widerruf, the form for a new
// consent and its print view for signature, and the records that the family
// was informed about content and purpose of a cooperation. Personal like
// CaseUi, owned by it (destroyed on lock). The rules are the core's
// (core/consent.h, store/consents.h); these screens show what it says.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/consent.h"
#include "store/consents.h"
#include "store/directory.h"
#include "ui/screens/case_ui.h"

namespace bb::ui {

struct ConsentUi {
  std::vector<rules::Consent> consents;  // oldest first, revoked ones included
  std::vector<store::InformationRecord> informed;
  bool stale = true;

  // The Widerruf being recorded (0: none): inline in the list.
  int64_t revoking = 0;
  rules::Date revoke_on;
  std::string revoke_note;

  rules::Consent form;  // the new consent
  std::string partner_search;
  std::vector<store::PartnerRow> partners;  // search results for the recipient
  bool partners_stale = true;

  store::InformationRecord info;  // the "Familie informiert" form
};

// The consent state of the case UI (created on first use).
ConsentUi& consent_ui(CaseUi& ui);
void open_consents(CaseUi& ui);

void draw_consents_view(ScreenContext& ctx, CaseUi& ui);
void draw_consent_form(ScreenContext& ctx, CaseUi& ui);
void draw_information_form(ScreenContext& ctx, CaseUi& ui);
// The card on the family overview: how many consents are active; a button to
// the list. True when it navigated away.
bool draw_consents_card(ScreenContext& ctx, CaseUi& ui);

// The name of a person of the family as forms and the print show it.
std::string person_name(const CaseUi& ui, int64_t person_id);
// One line about a consent: purpose, recipient, categories.
std::string consent_summary(const rules::Consent& c);

}  // namespace bb::ui
