// A new Vermittlung from the family overview: the offer (searched in the
// directory), the reason (a need of the topic catalogue) and date, the
// family's agreement — who, when, in which form; without it the core refuses
// and its German explanation is shown — what information was passed, whether
// the partner may report back, and the follow-up date.
#include <string>

#include "core/consent.h"
#include "core/i18n.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens/case_ui.h"
#include "ui/screens/network_ui.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

constexpr rules::DataCategory kPassable[] = {rules::DataCategory::stammdaten, rules::DataCategory::kontakte,
                                             rules::DataCategory::bedarfe, rules::DataCategory::ziele,
                                             rules::DataCategory::gesundheit};

void draw_offer_choice(const store::Store& store, CaseUi& ui) {
  ReferralDraft& r = ui.referral;
  if (!r.chosen.empty()) {
    ImGui::TextWrapped(BB_ICON_HANDSHAKE "  %s", r.chosen.c_str());
    widget_registry().tag_personal("referral.chosen", r.chosen);
    if (button("referral.change_offer", tr(Str::referral_change_offer))) {
      r.chosen.clear();
      r.input.partner_id = 0;
      r.input.offer_id.reset();
    }
    return;
  }
  r.offers_stale |= text_field("referral.offer_search", tr(Str::referral_offer_search), r.offer_text, true,
                               tr(Str::network_offers_text_hint));
  if (r.offers_stale) {
    store::OfferQuery q;
    q.text = r.offer_text;
    q.need = r.input.reason_need;
    q.limit = 8;
    auto page = store::search_offers(store, q);
    r.offers = page.ok() ? std::move(*page) : store::OfferPage{};
    r.offers_stale = false;
  }
  if (r.offers.rows.empty()) muted_text(tr(Str::referral_no_offers));
  for (size_t i = 0; i < r.offers.rows.size(); ++i) {
    const auto& row = r.offers.rows[i];
    const std::string id = "referral.offer." + std::to_string(i);
    if (nav_card(id.c_str(), BB_ICON_HANDSHAKE, row.title.c_str(), offer_line(row).c_str())) {
      r.input.partner_id = row.partner_id;
      r.input.offer_id = row.offer_id;
      r.chosen = row.title + "  ·  " + row.partner_name;
      ui.dirty = true;
    }
  }
}

void draw_consent(CaseUi& ui) {
  ReferralDraft& r = ui.referral;
  bool& d = ui.dirty;
  d |= check_field("referral.agreed", tr(Str::referral_agreed), r.agreed);
  field_error(ui.errors, "consent", "referral.consent.error");
  if (!r.agreed) return;
  ImGui::TextUnformatted(tr(Str::referral_agreed_by));
  const auto& persons = ui.overview->persons;
  for (size_t i = 0; i < persons.size(); ++i) {
    const auto& p = persons[i];
    if (p.role != cases::PersonRole::parent && p.role != cases::PersonRole::caregiver) continue;
    const std::string id = "referral.person." + std::to_string(i);
    bool chosen = r.consent.person_id == p.id;
    if (check_field(id.c_str(), p.first_name.c_str(), chosen, true)) {
      r.consent.person_id = chosen ? p.id : 0;
      d = true;
    }
  }
  field_error(ui.errors, "consent.person_id", "referral.person.error");
  d |= date_field("referral.consent_on", tr(Str::referral_agreed_on), r.consent.on);
  field_error(ui.errors, "consent.on", "referral.consent_on.error");
  FlowRow forms;
  for (auto f : {rules::ConsentForm::schriftlich, rules::ConsentForm::muendlich}) {
    const std::string id =
        std::string("referral.form.") + (f == rules::ConsentForm::schriftlich ? "schriftlich" : "muendlich");
    forms.next(tr(rules::label(f)));
    if (choice(id.c_str(), tr(rules::label(f)), r.consent.form == f)) {
      r.consent.form = f;
      d = true;
    }
  }
  if (r.consent.form == rules::ConsentForm::muendlich)
    d |= text_field("referral.witness", tr(Str::referral_witness), r.consent.witness);
  field_error(ui.errors, "consent.witness", "referral.witness.error");
}

}  // namespace

void draw_referral_form(ScreenContext& ctx, CaseUi& ui) {
  const store::Store* store = ctx.session->reader();
  if (!ui.overview || !store) {
    go_to(ui, CaseView::overview);
    return;
  }
  form_header(ui, tr(Str::referral_new_title), "referral.title");
  ReferralDraft& r = ui.referral;
  bool& d = ui.dirty;
  begin_card("referral.reason.card");
  std::vector<cases::CatalogEntry> needs;
  for (const auto& e : ui.catalog(*store, "topic"))
    if (directory::is_need_code(e.code)) needs.push_back(e);
  if (select_field("referral.need", tr(Str::referral_need), r.input.reason_need, needs)) {
    d = true;
    r.offers_stale = true;
  }
  field_error(ui.errors, "reason_need", "referral.need.error");
  d |= text_area("referral.reason", tr(Str::referral_reason), r.input.reason_text, 3);
  d |= date_field("referral.on", tr(Str::referral_on), r.input.on, false);
  field_error(ui.errors, "on", "referral.on.error");
  end_card();

  begin_card("referral.offer.card");
  ImGui::TextUnformatted(tr(Str::referral_offer));
  draw_offer_choice(*store, ui);
  field_error(ui.errors, "partner_id", "referral.offer.error");
  end_card();

  begin_card("referral.consent.card");
  draw_consent(ui);
  end_card();

  begin_card("referral.info.card");
  ImGui::TextUnformatted(tr(Str::referral_info_passed));
  for (auto c : kPassable) {
    bool on = r.input.info_passed.contains(c);
    const std::string id = std::string("referral.info.") + rules::code(c);
    if (check_field(id.c_str(), tr(rules::label(c)), on)) {
      d = true;
      if (on)
        r.input.info_passed.add(c);
      else
        r.input.info_passed.remove(c);
    }
  }
  d |= check_field("referral.feedback_agreed", tr(Str::referral_feedback_agreed), r.input.feedback_agreed);
  d |= date_field("referral.follow_up", tr(Str::referral_follow_up), r.input.follow_up_on);
  field_error(ui.errors, "follow_up_on", "referral.follow_up.error");
  end_card();

  ImGui::Spacing();
  if (button("referral.save", tr(Str::referral_save), true)) {
    if (r.input.partner_id == 0) {
      ui.errors.clear();
      ui.errors.general = tr(Str::referral_choose_offer);
      return;
    }
    store::ReferralInput in = r.input;
    if (r.agreed) in.consent = r.consent;
    const int64_t family = ui.family_id;
    save_form(
        ctx, ui, {}, Str::action_referral,
        [&](store::Store& db) { return status_of(store::create_referral(db, family, in)); },
        Str::referral_saved);
  }
}

}  // namespace bb::ui
