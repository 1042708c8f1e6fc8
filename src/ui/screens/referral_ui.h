// The state of a Vermittlung (referral) on the family screens: the new
// referral's form (offer search, reason, the family's agreement, what was
// passed on) and an existing referral (Informationsrückfluss, outcome,
// follow-up). Personal: it lives in CaseUi and goes with it when the app locks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/directory.h"
#include "store/referrals.h"

namespace bb::ui {

struct ReferralDraft {
  // New referral.
  store::ReferralInput input;
  bool agreed = false;  // "Die Familie ist einverstanden" (off: the core refuses and says why)
  store::ReferralConsent consent;
  std::string offer_text;  // the offer search inside the form
  bool offers_stale = true;
  store::OfferPage offers;
  std::string chosen;  // the chosen offer, as shown

  // An existing referral.
  int64_t referral_id = 0;
  std::optional<store::Referral> loaded;
  std::vector<store::Feedback> feedback;
  store::FeedbackInput feedback_input;
  bool feedback_with_consent = false;  // basis: an agreement recorded now (else: the referral's)
  std::string outcome_on, outcome_note, follow_up_on;
};

}  // namespace bb::ui
