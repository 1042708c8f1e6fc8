// The start screen: product name, version, what the app is for, and the way
// into the three areas.
#include "core/i18n.h"
#include "core/version_info.h"
#include "imgui.h"
#include "ui/fonts.h"
#include "ui/icons.h"
#include "ui/screens/screens.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {

void draw_start_screen(ScreenContext& ctx) {
  ImGui::PushFont(font_title());
  ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
  ImGui::TextUnformatted(BB_ICON_BOOK);
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(Str::app_name));
  ImGui::PopFont();
  widget_registry().tag_last_item("start.title", tr(Str::app_name));

  if (!ctx.forms.book_title_shown.empty()) {
    // Personal: drawn, but its test ID carries no label (docs/testing.md).
    ImGui::TextWrapped("%s", ctx.forms.book_title_shown.c_str());
    widget_registry().tag_last_item("start.book");
  }
  muted_text(tr(Str::app_tagline));
  ImGui::PushFont(font_small());
  muted_text(format_text(Str::app_version, BB_VERSION).c_str());
  ImGui::PopFont();
  widget_registry().tag_last_item("start.version");
  ImGui::Spacing();

  begin_card("start.offline");
  ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
  ImGui::TextUnformatted(BB_ICON_SHIELD);
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::TextWrapped("%s", tr(Str::app_offline_note));
  end_card();
  ImGui::Spacing();

  heading(tr(Str::start_welcome));
  muted_text(tr(Str::start_intro));
  ImGui::Spacing();
  if (nav_card("start.card.families", BB_ICON_USERS, tr(Str::nav_families), tr(Str::start_card_families)))
    ctx.navigate_to = ScreenId::families;
  if (nav_card("start.card.network", BB_ICON_SITEMAP, tr(Str::nav_network), tr(Str::start_card_network)))
    ctx.navigate_to = ScreenId::network;
  if (nav_card("start.card.settings", BB_ICON_COG, tr(Str::nav_settings), tr(Str::start_card_settings)))
    ctx.navigate_to = ScreenId::settings;
}

}  // namespace bb::ui
