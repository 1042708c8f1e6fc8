// The families screen. Case documentation arrives with the encrypted store
// (issue 5); until then it says so instead of showing controls that do nothing.
#include "core/i18n.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace bb::ui {

void draw_families_screen(ScreenContext&) {
  heading(tr(Str::families_title), "families.title");
  begin_card("families.empty");
  ImGui::TextUnformatted(BB_ICON_USERS);
  ImGui::SameLine();
  ImGui::TextWrapped("%s", tr(Str::families_empty));
  muted_text(tr(Str::families_coming));
  end_card();
}

}  // namespace bb::ui
