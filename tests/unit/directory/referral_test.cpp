// Focus: Vermittlungen (src/store/referrals.h, docs/directory.md "Referrals"):
// only "im Einvernehmen mit den Betroffenen" (seed 003 §5.1), the
// Informationsrückfluss needs its own basis, outcome, follow-up reminder,
// the referral in the family's timeline, structured categories.
#include "directory_test_util.h"

using namespace bb;
using namespace bb::directory::test;
using bb::cases::PersonRole;
using bb::cases::test::CaseStore;

namespace {

struct Setup {
  CaseStore cs;
  int64_t family = 0, mother = 0, child = 0, partner = 0, offer = 0;
  Setup() {
    REQUIRE(store::import_directory(cs.store, small_directory()).ok());
    auto f = store::create_family(cs.store, cases::test::family("Yılmaz"),
                                  {cases::test::person(PersonRole::parent, "Ayşe"),
                                   cases::test::person(PersonRole::child, "Emre", "2026-06-01")});
    REQUIRE(f.ok());
    family = *f;
    mother = std::stoll(store::test::value(cs.store, "SELECT id FROM persons WHERE role = 'parent'"));
    child = std::stoll(store::test::value(cs.store, "SELECT id FROM persons WHERE role = 'child'"));
    partner = row_of(cs.store, "partners", "p-b");
    offer = row_of(cs.store, "offers", "o-b1");
  }
  store::ReferralInput input() const {
    store::ReferralInput in;
    in.partner_id = partner;
    in.offer_id = offer;
    in.on = "2026-11-18";
    in.reason_need = "schlafen";
    in.reason_text = "Emre schläft nachts kaum; die Mutter ist erschöpft.";
    in.consent =
        store::ReferralConsent{mother, "2026-11-18", rules::ConsentForm::schriftlich, "", std::nullopt};
    in.info_passed = {rules::DataCategory::stammdaten, rules::DataCategory::bedarfe};
    in.follow_up_on = "2026-12-02";
    return in;
  }
};

}  // namespace

TEST_CASE(
    "ref-1: a referral without the family's agreement is refused with the practice wording, nothing saved") {
  Setup s;
  auto in = s.input();
  in.consent.reset();
  auto r = store::create_referral(s.cs.store, s.family, in);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(Str::ref_err_no_consent));
  CHECK(cases::invalid_field(r.error()) == "consent");
  CHECK(r.error().text().find("im Einvernehmen mit den Betroffenen") != std::string::npos);
  CHECK(s.cs.count("SELECT count(*) FROM referrals") == 0);
}

TEST_CASE(
    "ref-2: the agreement must come from a parent of this family, before the referral, oral only with "
    "witness") {
  Setup s;
  auto in = s.input();
  in.consent->person_id = s.child;
  CHECK(store::create_referral(s.cs.store, s.family, in).error().is(Str::ref_err_consent_person));
  auto other = store::create_family(s.cs.store, cases::test::family("Nowak"),
                                    {cases::test::person(PersonRole::parent, "Piotr")});
  REQUIRE(other.ok());
  in = s.input();
  in.consent->person_id =
      std::stoll(store::test::value(s.cs.store, "SELECT id FROM persons WHERE first_name = 'Piotr'"));
  CHECK(store::create_referral(s.cs.store, s.family, in).error().is(Str::ref_err_consent_person));
  in = s.input();
  in.consent->on = "2026-11-19";
  CHECK(store::create_referral(s.cs.store, s.family, in).error().is(Str::ref_err_consent_after));
  in = s.input();
  in.consent->form = rules::ConsentForm::muendlich;
  auto r = store::create_referral(s.cs.store, s.family, in);
  CHECK(r.error().is(Str::ref_err_consent_witness));
  CHECK(cases::invalid_field(r.error()) == "consent.witness");
  in.consent->witness = "Sabine Hofer (Familienbegleiterin)";
  CHECK(store::create_referral(s.cs.store, s.family, in).ok());
  // A consent record of issue 7 is not accepted yet.
  in = s.input();
  in.consent->consent_id = 7;
  CHECK(store::create_referral(s.cs.store, s.family, in).error().is(Str::ref_err_consent_ref_unsupported));
}

TEST_CASE("ref-3: reason, dates, offer and family state are checked") {
  Setup s;
  auto in = s.input();
  in.reason_need = "";
  CHECK(store::create_referral(s.cs.store, s.family, in).error().is(Str::ref_err_need_required));
  in = s.input();
  in.on = "2026-11-21";  // tomorrow
  CHECK(store::create_referral(s.cs.store, s.family, in).error().is(Str::case_err_date_in_future));
  in = s.input();
  in.follow_up_on = "2026-11-01";
  CHECK(store::create_referral(s.cs.store, s.family, in).error().is(Str::ref_err_follow_up_before));
  in = s.input();
  in.offer_id = row_of(s.cs.store, "offers", "o-a1");  // an offer of another partner
  CHECK(store::create_referral(s.cs.store, s.family, in).error().is(Str::dir_err_offer_other_partner));
  REQUIRE(store::close_family(s.cs.store, s.family, "wunsch", "2026-11-19").ok());
  CHECK(store::create_referral(s.cs.store, s.family, s.input()).error().is(Str::case_err_family_closed));
  CHECK(s.cs.count("SELECT count(*) FROM referrals") == 0);
}

TEST_CASE("ref-4: lifecycle — create, feedback with its own basis, outcome, follow-up reminder, timeline") {
  Setup s;
  auto id = store::create_referral(s.cs.store, s.family, s.input());
  REQUIRE(id.ok());
  auto r = store::load_referral(s.cs.store, *id);
  REQUIRE(r.ok());
  CHECK(r->partner_name == "Hebammenpraxis Nowak");
  CHECK(r->partner_category == directory::Category::gesundheit);
  CHECK(r->offer_title == "Babysprechstunde");
  CHECK(r->consent_by == "Ayşe Yılmaz");
  CHECK(r->consent_on == "2026-11-18");
  CHECK(r->info_passed == rules::Categories{rules::DataCategory::stammdaten, rules::DataCategory::bedarfe});
  CHECK(r->outcome == store::ReferralOutcome::offen);
  CHECK_FALSE(r->feedback_agreed);

  // Follow-up reminder: due from its date, overdue after it, gone once there is an outcome.
  CHECK(store::due_referrals(s.cs.store, "2026-12-01")->empty());
  CHECK(store::due_referrals(s.cs.store, "2026-11-28", 7)->size() == 1);
  auto due = store::due_referrals(s.cs.store, "2026-12-03");
  REQUIRE(due.ok());
  REQUIRE(due->size() == 1);
  CHECK(due->front().family_name == "Yılmaz");
  CHECK(due->front().overdue);

  // Feedback: no basis → refused; the referral had no feedback agreed → refused; own agreement → saved.
  store::FeedbackInput fb;
  fb.on = "2026-11-20";
  fb.content = "Termin am 25.11. vereinbart.";
  auto f = store::record_feedback(s.cs.store, *id, fb);
  CHECK(f.error().is(Str::ref_err_feedback_basis));
  CHECK(f.error().text().find("Weitergabe von Daten") != std::string::npos);
  fb.basis = store::FeedbackBasis::vermittlung;
  CHECK(store::record_feedback(s.cs.store, *id, fb).error().is(Str::ref_err_feedback_not_agreed));
  fb.basis = store::FeedbackBasis::einwilligung;
  fb.consent =
      store::ReferralConsent{s.mother, "2026-11-20", rules::ConsentForm::muendlich, "", std::nullopt};
  CHECK(store::record_feedback(s.cs.store, *id, fb).error().is(Str::ref_err_consent_witness));
  fb.consent->witness = "Frau Nowak (Hebamme), am Telefon";
  auto saved = store::record_feedback(s.cs.store, *id, fb);
  REQUIRE(saved.ok());
  auto list = store::load_feedback(s.cs.store, *id);
  REQUIRE(list.ok());
  REQUIRE(list->size() == 1);
  CHECK(list->front().basis == store::FeedbackBasis::einwilligung);
  CHECK(list->front().consent_by == "Ayşe Yılmaz");
  CHECK(list->front().consent_form == rules::ConsentForm::muendlich);

  // Outcome.
  CHECK(store::set_referral_outcome(s.cs.store, *id, store::ReferralOutcome::angenommen, "2026-11-17")
            .error()
            .is(Str::ref_err_outcome_date));
  REQUIRE(store::set_referral_outcome(s.cs.store, *id, store::ReferralOutcome::angenommen, "2026-11-20",
                                      "Erster Termin wahrgenommen.")
              .ok());
  CHECK(store::load_referral(s.cs.store, *id)->outcome == store::ReferralOutcome::angenommen);
  CHECK(store::due_referrals(s.cs.store, "2026-12-03")->empty());

  // The family's timeline shows the referral.
  auto overview = store::family_overview(s.cs.store, s.family, "2026-11-20");
  REQUIRE(overview.ok());
  bool found = false;
  for (const auto& e : overview->timeline) {
    if (e.kind != store::TimelineKind::referral) continue;
    found = true;
    CHECK(e.ref_id == *id);
    CHECK(e.on == "2026-11-18");
    CHECK(e.title == "Vermittlung an Hebammenpraxis Nowak");
    CHECK(e.detail.find("Schlafen") == 0);
    CHECK(e.detail.find("Angenommen") != std::string::npos);
  }
  CHECK(found);
}

TEST_CASE("ref-5: feedback agreed at the referral is a basis; all outcomes are structured codes") {
  Setup s;
  auto in = s.input();
  in.feedback_agreed = true;
  auto id = store::create_referral(s.cs.store, s.family, in);
  REQUIRE(id.ok());
  store::FeedbackInput fb;
  fb.content = "Familie kommt regelmäßig.";
  fb.basis = store::FeedbackBasis::vermittlung;
  REQUIRE(store::record_feedback(s.cs.store, *id, fb).ok());
  for (auto o : {store::ReferralOutcome::nicht_angenommen, store::ReferralOutcome::abgebrochen,
                 store::ReferralOutcome::offen}) {
    REQUIRE(store::set_referral_outcome(s.cs.store, *id, o, "2026-11-20").ok());
    CHECK(store::test::value(s.cs.store, "SELECT outcome FROM referrals") == store::code(o));
  }
  CHECK(store::test::value(s.cs.store, "SELECT outcome_on IS NULL FROM referrals") == "1");
  REQUIRE(store::set_referral_follow_up(s.cs.store, *id, "").ok());
  CHECK(store::due_referrals(s.cs.store, "2027-01-01")->empty());
  CHECK(store::test::value(s.cs.store, "SELECT group_concat(category) FROM referral_info") ==
        "bedarfe,stammdaten");
  // Deleting the family deletes its referrals and their feedback.
  REQUIRE(store::delete_family(s.cs.store, s.family).ok());
  CHECK(s.cs.count("SELECT count(*) FROM referrals") == 0);
  CHECK(s.cs.count("SELECT count(*) FROM referral_feedback") == 0);
  CHECK(s.cs.count("SELECT count(*) FROM partners") == 3);
}
