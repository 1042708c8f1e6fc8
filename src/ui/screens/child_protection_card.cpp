// The family overview's "Kinderschutz" card: the Kinderschutz view of the
// family (entries, checklist, consultation, Mitteilung; protection_screen.cpp)
// with a reminder of a Mitteilung the family was not yet told about (or why
// not), and the insoweit erfahrene Fachkräfte — the overview, one tap on the card's
// button, and the list is on screen (issue 6: "reachable in two taps").
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "store/child_protection.h"
#include "ui/icons.h"
#include "ui/screens/case_ui.h"
#include "ui/screens/network_ui.h"
#include "ui/screens/protection_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {

void draw_child_protection_card(ScreenContext& ctx, CaseUi& ui) {
  begin_card("overview.child_protection");
  ImGui::TextColored(palette().accent, BB_ICON_SHIELD "  %s", tr(Str::child_protection_title));
  muted_text(tr(Str::cp_ui_card_hint));
  // A Mitteilung whose family-informed answer is still open is easy to
  // forget, and the family should hear of it: the card reminds.
  auto file = store::load_child_protection(*ctx.session->reader(), ui.family_id);
  if (file.ok())
    for (const auto* m : rules::current(file->mitteilungen))
      if (m->informed.state == rules::FamilyInformed::State::offen) {
        const std::string line = m->on.german() + ":  " + tr(Str::rules_mit_familie_offen);
        ImGui::PushStyleColor(ImGuiCol_Text, palette().warning_text);
        ImGui::TextWrapped(BB_ICON_WARNING "  %s", line.c_str());
        ImGui::PopStyleColor();
        widget_registry().tag_last_item("overview.child_protection.informed_open", line.c_str());
      }
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
