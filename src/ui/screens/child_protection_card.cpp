// The family overview's "Kinderschutz" card: the Kinderschutz view of the
// family (entries, checklist, consultation, Mitteilung; protection_screen.cpp)
// and the insoweit erfahrene Fachkräfte — the overview, one tap on the card's
// button, and the list is on screen (issue 6: "reachable in two taps").
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens/case_ui.h"
#include "ui/screens/network_ui.h"
#include "ui/screens/protection_ui.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace bb::ui {

void draw_child_protection_card(ScreenContext& ctx, CaseUi& ui) {
  begin_card("overview.child_protection");
  ImGui::TextColored(palette().accent, BB_ICON_SHIELD "  %s", tr(Str::child_protection_title));
  muted_text(tr(Str::cp_ui_card_hint));
  const std::string open = std::string(BB_ICON_FLAG "  ") + tr(Str::cp_ui_open);
  if (button("overview.child_protection.open", open.c_str())) {
    open_child_protection(ui);
    end_card();
    return;
  }
  ImGui::SameLine();
  const std::string label = std::string(BB_ICON_SHIELD "  ") + tr(Str::child_protection_fachkraefte);
  if (button("overview.child_protection.fachkraefte", label.c_str())) {
    NetworkUi& network = network_ui(ctx.forms);
    network.fachkraefte_stale = true;
    network.show(NetworkView::fachkraefte);
    ctx.navigate_to = ScreenId::network;
  }
  end_card();
}

}  // namespace bb::ui
