// The family overview's Vermittlungen: "Vermitteln" opens the referral form,
// each referral (partner, date, outcome, follow-up) opens its page.
#include <string>

#include "core/cases.h"
#include "core/i18n.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens/case_ui.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace bb::ui {

void draw_family_referrals_card(ScreenContext& ctx, CaseUi& ui) {
  const store::Store* store = ctx.session->reader();
  if (!store || !ui.overview) return;
  begin_card("overview.referrals");
  ImGui::TextColored(palette().accent, BB_ICON_HANDSHAKE "  %s", tr(Str::referral_card_title));
  auto referrals = store::load_referrals(*store, ui.family_id);
  if (referrals.ok()) {
    if (referrals->empty()) muted_text(tr(Str::referral_none));
    for (size_t i = 0; i < referrals->size(); ++i) {
      const store::Referral& r = (*referrals)[i];
      std::string title = r.offer_title.empty() ? r.partner_name : r.offer_title + "  ·  " + r.partner_name;
      std::string detail = cases::german_date(r.on) + "  ·  " + tr(store::label(r.outcome));
      if (!r.follow_up_on.empty() && r.outcome == store::ReferralOutcome::offen)
        detail += "  ·  " + format_text(Str::referral_follow_up_on, cases::german_date(r.follow_up_on));
      const std::string id = "overview.referral." + std::to_string(i);
      if (entry_row(id, title, detail)) {
        end_card();
        open_referral(ui, r.id);
        return;
      }
    }
  }
  if (ui.overview->family.status != cases::FamilyStatus::abgeschlossen &&
      button("overview.refer", (std::string(BB_ICON_PLUS "  ") + tr(Str::referral_new)).c_str())) {
    ui.referral = ReferralDraft{};
    ui.referral.input.on = cases::today();
    end_card();
    go_to(ui, CaseView::referral_form);
    return;
  }
  end_card();
}

}  // namespace bb::ui
