// The network screen (Netzwerkpartner, Angebote). The directory import arrives
// with issue 6; until then it states that no directory is imported.
#include "core/i18n.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace bb::ui {

void draw_network_screen(ScreenContext&) {
  heading(tr(Str::network_title), "network.title");
  begin_card("network.empty");
  ImGui::TextUnformatted(BB_ICON_ADDRESS_BOOK);
  ImGui::SameLine();
  ImGui::TextWrapped("%s", tr(Str::network_empty));
  end_card();
}

}  // namespace bb::ui
