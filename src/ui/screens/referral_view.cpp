// One Vermittlung of a family: what was agreed, the Informationsrückfluss
// (each entry with its own basis: the agreement on the referral, or one
// recorded now), the outcome (angenommen, nicht angenommen, abgebrochen) and
// the follow-up reminder. Each button is one user action, one transaction.
#include <string>

#include "core/cases.h"
#include "core/consent.h"
#include "core/i18n.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens/case_ui.h"
#include "ui/screens/network_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

void reload(const store::Store& store, CaseUi& ui) {
  ReferralDraft& r = ui.referral;
  auto loaded = store::load_referral(store, r.referral_id);
  auto feedback = store::load_feedback(store, r.referral_id);
  if (!loaded.ok()) {
    r.loaded.reset();
    ui.notice = loaded.error().text();
    return;
  }
  r.loaded = std::move(*loaded);
  r.feedback = feedback.ok() ? std::move(*feedback) : std::vector<store::Feedback>{};
  r.follow_up_on = r.loaded->follow_up_on;
}

// Runs one action on the referral and reloads it; the outcome shows as the notice.
void act(ScreenContext& ctx, CaseUi& ui, Str what, const std::function<Status(store::Store&)>& body) {
  ui.errors.clear();
  const Status st = ctx.session->act_on_store(what, body);
  if (!st.ok()) {
    ui.errors.set(st.error());
    if (ui.errors.general.empty()) ui.errors.general = st.error().text();
    return;
  }
  ui.notice = tr(Str::form_saved);
  ui.overview_stale = true;
  reload(*ctx.session->reader(), ui);
}

void draw_summary(const store::Store& store, const store::Referral& r) {
  begin_card("referral.summary");
  std::string title = r.partner_name;
  if (!r.offer_title.empty()) title = r.offer_title + "  ·  " + title;
  ImGui::TextWrapped("%s", title.c_str());
  widget_registry().tag_personal("referral.partner", title);
  std::string lines = cases::german_date(r.on) + "  ·  " + need_label(store, r.reason_need);
  if (!r.reason_text.empty()) lines += "\n" + r.reason_text;
  lines += "\n" +
           format_text(Str::referral_agreed_summary, r.consent_by + ", " + cases::german_date(r.consent_on) +
                                                         ", " + tr(rules::label(r.consent_form)));
  std::string passed;
  for (auto c : r.info_passed.list())
    passed += (passed.empty() ? "" : ", ") + std::string(tr(rules::label(c)));
  if (!passed.empty()) lines += "\n" + std::string(tr(Str::referral_info_passed)) + " " + passed;
  lines += "\n" + std::string(tr(store::label(r.outcome)));
  ImGui::TextWrapped("%s", lines.c_str());
  widget_registry().tag_personal("referral.summary", lines);
  end_card();
}

void draw_feedback(ScreenContext& ctx, CaseUi& ui) {
  ReferralDraft& r = ui.referral;
  begin_card("referral.feedback.card");
  ImGui::TextColored(palette().accent, "%s", tr(Str::referral_feedback_title));
  for (size_t i = 0; i < r.feedback.size(); ++i) {
    const auto& f = r.feedback[i];
    const std::string line =
        cases::german_date(f.on) + "  ·  " +
        tr(f.direction == store::FeedbackDirection::vom_partner ? Str::ref_direction_vom_partner
                                                                : Str::ref_direction_an_partner) +
        ": " + f.content;
    ImGui::TextWrapped("%s", line.c_str());
    widget_registry().tag_personal(("referral.feedback." + std::to_string(i)).c_str(), line);
  }
  store::FeedbackInput& in = r.feedback_input;
  date_field("referral.feedback_on", tr(Str::referral_feedback_on), in.on);
  text_area("referral.feedback_content", tr(Str::referral_feedback_content), in.content, 3);
  field_error(ui.errors, "content", "referral.feedback_content.error");
  check_field("referral.feedback_consent", tr(Str::referral_feedback_consent_now), r.feedback_with_consent);
  if (!r.loaded->feedback_agreed && !r.feedback_with_consent)
    muted_text(tr(Str::ref_err_feedback_not_agreed));
  if (button("referral.feedback_save", tr(Str::referral_feedback_save), true)) {
    store::FeedbackInput input = in;
    if (r.feedback_with_consent) {
      input.basis = store::FeedbackBasis::einwilligung;
      store::ReferralConsent c;
      c.person_id = r.loaded->consent_person_id.value_or(0);
      c.form = rules::ConsentForm::schriftlich;
      input.consent = c;
    } else if (r.loaded->feedback_agreed) {
      input.basis = store::FeedbackBasis::vermittlung;
    }
    const int64_t id = r.referral_id;
    act(ctx, ui, Str::action_referral,
        [&](store::Store& db) { return status_of(store::record_feedback(db, id, input)); });
    if (ui.errors.general.empty() && ui.errors.list.empty()) in = store::FeedbackInput{};
  }
  end_card();
}

void draw_outcome(ScreenContext& ctx, CaseUi& ui) {
  ReferralDraft& r = ui.referral;
  begin_card("referral.outcome.card");
  ImGui::TextColored(palette().accent, "%s", tr(Str::referral_outcome_title));
  date_field("referral.outcome_on", tr(Str::referral_outcome_on), r.outcome_on);
  text_field("referral.outcome_note", tr(Str::referral_outcome_note), r.outcome_note);
  FlowRow row;
  for (auto o : {store::ReferralOutcome::angenommen, store::ReferralOutcome::nicht_angenommen,
                 store::ReferralOutcome::abgebrochen, store::ReferralOutcome::offen}) {
    const std::string id = std::string("referral.outcome.") + store::code(o);
    row.next(tr(store::label(o)));
    if (choice(id.c_str(), tr(store::label(o)), r.loaded->outcome == o)) {
      const int64_t ref = r.referral_id;
      const std::string on = r.outcome_on, note = r.outcome_note;
      act(ctx, ui, Str::action_referral,
          [&](store::Store& db) { return store::set_referral_outcome(db, ref, o, on, note); });
      if (!r.loaded) return;
    }
  }
  field_error(ui.errors, "on", "referral.outcome_on.error");
  date_field("referral.follow_up_on", tr(Str::referral_follow_up), r.follow_up_on);
  if (button("referral.follow_up_save", tr(Str::referral_follow_up_save))) {
    const int64_t ref = r.referral_id;
    const std::string on = r.follow_up_on;
    act(ctx, ui, Str::action_referral,
        [&](store::Store& db) { return store::set_referral_follow_up(db, ref, on); });
  }
  field_error(ui.errors, "follow_up_on", "referral.follow_up_on.error");
  end_card();
}

}  // namespace

void open_referral(CaseUi& ui, int64_t referral_id) {
  ui.referral = ReferralDraft{};
  ui.referral.referral_id = referral_id;
  go_to(ui, CaseView::referral);
}

void draw_referral(ScreenContext& ctx, CaseUi& ui) {
  const store::Store* store = ctx.session->reader();
  if (!store) return;
  ReferralDraft& r = ui.referral;
  if (!r.loaded || r.loaded->id != r.referral_id) reload(*store, ui);
  const std::string back = std::string(BB_ICON_CHEVRON_LEFT "  ") + tr(Str::overview_back);
  if (button("referral.back", back.c_str())) {
    go_to(ui, CaseView::overview);
    return;
  }
  heading(tr(Str::referral_title), "referral.title");
  if (!ui.errors.general.empty()) outcome_line(ui.errors.general, false, "form.error");
  if (!ui.notice.empty()) outcome_line(ui.notice, true, "referral.notice");
  if (!r.loaded) return;
  draw_summary(*store, *r.loaded);
  draw_feedback(ctx, ui);
  if (!r.loaded) return;
  draw_outcome(ctx, ui);
}

}  // namespace bb::ui
