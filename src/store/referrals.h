// Vermittlungen (referrals) of a family to a Netzwerkpartner and its offer:
// created only "im Einvernehmen mit den Betroffenen" (seed 003 §5.1), with the
// family's agreement recorded ON the referral (who, when, form) until the
// consent records of issue 7 exist; the Informationsrückfluss (feedback) with
// its own basis; the outcome; the follow-up reminder. One function per user
// action, one transaction each. Design and rules: docs/directory.md
// "Referrals". Tests: tests/unit/directory/referral_test.cpp (ref-*).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/consent.h"
#include "core/directory.h"
#include "core/result.h"
#include "core/rules_common.h"
#include "store/store.h"

namespace bb::store {

enum class ReferralOutcome { offen, angenommen, nicht_angenommen, abgebrochen };
const char* code(ReferralOutcome o);  // "offen", "angenommen", "nicht_angenommen", "abgebrochen"
std::optional<ReferralOutcome> referral_outcome_from(std::string_view code);
Str label(ReferralOutcome o);

// The family's agreement as recorded on a referral or a feedback entry.
struct ReferralConsent {
  int64_t person_id = 0;  // a parent or caregiver of THIS family (who agreed)
  std::string on;         // date of the agreement, "" = the referral's date
  rules::ConsentForm form = rules::ConsentForm::schriftlich;
  std::string witness;  // required for an oral agreement (our decision, as in consent-3)
  // A consent record of issue 7. Not accepted yet (Str::ref_err_consent_ref_unsupported):
  // the column exists so that referrals can point to it once consents are stored.
  std::optional<int64_t> consent_id;
};

struct ReferralInput {
  int64_t partner_id = 0;
  std::optional<int64_t> offer_id;  // an offer of that partner, or none
  std::string on;                   // date of the referral, "" = today; not in the future
  std::string reason_need;          // why: a need code (core/directory.h need_codes(), the topic catalogue)
  std::string reason_text;          // in words
  std::optional<ReferralConsent> consent;  // nullopt: refused (Str::ref_err_no_consent)
  rules::Categories info_passed;  // what information was passed (may be empty: the family calls itself)
  bool feedback_agreed = false;   // the family agreed that the partner reports back
  std::string follow_up_on;       // "Nachfragen am", "" = no reminder
};

struct Referral {
  int64_t id = 0, family_id = 0, partner_id = 0;
  std::optional<int64_t> offer_id;
  std::string partner_name;  // as at the referral
  directory::Category partner_category = directory::Category::weitere;
  std::string offer_title;  // "" without offer
  std::string on, reason_need, reason_text;
  // The recorded agreement:
  std::optional<int64_t> consent_person_id;  // nullopt if that person was removed later
  std::string consent_by;                    // the person's name at the time
  std::string consent_on;
  rules::ConsentForm consent_form = rules::ConsentForm::schriftlich;
  std::string consent_witness;
  std::optional<int64_t> consent_id;
  rules::Categories info_passed;
  bool feedback_agreed = false;
  ReferralOutcome outcome = ReferralOutcome::offen;
  std::string outcome_on, outcome_note, follow_up_on;
  std::string created_at, updated_at;
};

// Creates the referral. Refused, nothing saved:
//   no consent                      Str::ref_err_no_consent (field "consent")
//   consent of someone else         Str::ref_err_consent_person ("consent.person_id")
//   consent after the referral      Str::ref_err_consent_after ("consent.on")
//   oral consent without witness    Str::ref_err_consent_witness ("consent.witness")
//   reason not a need code          Str::ref_err_need_required ("reason_need")
//   follow-up before the referral   Str::ref_err_follow_up_before ("follow_up_on")
//   removed partner / offer, offer of another partner, closed family.
Result<int64_t> create_referral(Store& store, int64_t family_id, const ReferralInput& in);

// Sets the outcome (angenommen, nicht angenommen, abgebrochen; or back to
// offen). `on` "" = today; not before the referral, not in the future.
Status set_referral_outcome(Store& store, int64_t referral_id, ReferralOutcome outcome,
                            const std::string& on = {}, const std::string& note = {});
// Sets or clears ("") the follow-up reminder date.
Status set_referral_follow_up(Store& store, int64_t referral_id, const std::string& on);

// The Informationsrückfluss: a flow of data that needs its own basis.
enum class FeedbackDirection { vom_partner, an_partner };
enum class FeedbackBasis {
  vermittlung,  // the agreement recorded on the referral, if it included feedback (feedback_agreed)
  einwilligung  // an agreement recorded with this entry (`consent`)
};
struct FeedbackInput {
  std::string on;  // "" = today; not before the referral, not in the future
  FeedbackDirection direction = FeedbackDirection::vom_partner;
  std::string content;
  std::optional<FeedbackBasis> basis;      // nullopt: refused (Str::ref_err_feedback_basis)
  std::optional<ReferralConsent> consent;  // for FeedbackBasis::einwilligung
};
struct Feedback {
  int64_t id = 0, referral_id = 0;
  std::string on;
  FeedbackDirection direction = FeedbackDirection::vom_partner;
  std::string content;
  FeedbackBasis basis = FeedbackBasis::vermittlung;
  std::string consent_by, consent_on, consent_witness;
  std::optional<rules::ConsentForm> consent_form;
  std::string created_at;
};
// Refused without a basis; with basis vermittlung when the referral had no
// feedback agreed (Str::ref_err_feedback_not_agreed); with basis einwilligung
// the consent is checked like a referral's.
Result<int64_t> record_feedback(Store& store, int64_t referral_id, const FeedbackInput& in);

Result<Referral> load_referral(const Store& store, int64_t referral_id);
Result<std::vector<Referral>> load_referrals(const Store& store, int64_t family_id);   // newest first
Result<std::vector<Feedback>> load_feedback(const Store& store, int64_t referral_id);  // oldest first

// Referrals still open whose follow-up date is on or before today + horizon
// (earliest first): the reminder list.
struct DueReferral {
  int64_t referral_id = 0, family_id = 0;
  std::string family_name, partner_name, follow_up_on;
  bool overdue = false;  // follow-up before today
};
Result<std::vector<DueReferral>> due_referrals(const Store& store, const std::string& today = {},
                                               int horizon_days = 0);

}  // namespace bb::store
