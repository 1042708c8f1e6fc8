// The insoweit erfahrene Fachkräfte (Anlage 2): name, organisation, phone,
// e-mail, languages and focus, filtered as you type. The family overview's
// child-protection card opens this list in one tap.
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens/network_ui.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {

void draw_fachkraefte(ScreenContext& ctx, NetworkUi& ui) {
  muted_text(tr(Str::network_fachkraefte_hint));
  ui.fachkraefte_stale |=
      text_field("network.fachkraefte.search", tr(Str::network_fachkraefte_search), ui.fachkraft_text, true);
  if (ui.fachkraefte_stale) {
    auto list = store::list_fachkraefte(*ctx.session->reader(), ui.fachkraft_text);
    ui.fachkraefte = list.ok() ? std::move(*list) : std::vector<store::FachkraftRecord>{};
    ui.fachkraefte_stale = false;
  }
  if (ui.fachkraefte.empty()) muted_text(tr(Str::network_fachkraefte_none));
  for (size_t i = 0; i < ui.fachkraefte.size(); ++i) {
    const directory::Fachkraft& f = ui.fachkraefte[i].fachkraft;
    const std::string id = "network.fachkraft." + std::to_string(i);
    begin_card(id.c_str());
    ImGui::TextUnformatted(BB_ICON_SHIELD);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", f.name.c_str());
    widget_registry().tag_last_item(id.c_str(), f.name.c_str());
    std::string lines = f.organisation;
    const std::string town =
        f.address.postcode.empty() ? f.address.town : f.address.postcode + " " + f.address.town;
    if (!town.empty()) lines += (lines.empty() ? "" : ", ") + town;
    if (!f.phone.empty()) lines += "\n" + std::string(tr(Str::network_phone)) + ": " + f.phone;
    if (!f.email.empty()) lines += "\n" + std::string(tr(Str::network_email)) + ": " + f.email;
    std::string langs;
    for (const auto& l : f.languages) langs += (langs.empty() ? "" : ", ") + l;
    if (!langs.empty()) lines += "\n" + std::string(tr(Str::network_languages)) + ": " + langs;
    if (!f.note.empty()) lines += "\n" + f.note;
    if (!lines.empty()) muted_text(lines.c_str());
    end_card();
  }
}

}  // namespace bb::ui
