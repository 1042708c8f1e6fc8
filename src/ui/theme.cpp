// The ImGui style of Begleitbuch. Colours are chosen for contrast in daylight
// on a tablet (text against background well above WCAG AA 4.5:1).
#include "ui/theme.h"

#include <algorithm>

namespace bb::ui {
namespace {

Palette g_palette;
float g_touch_target = 44.0f;

ImVec4 rgb(int hex, float alpha = 1.0f) {
  return ImVec4(((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f, alpha);
}

void light_colors(ImVec4* c) {
  const ImVec4 text = rgb(0x1F2A2E);  // near-black slate: 13.9:1 on the page
  const ImVec4 page = rgb(0xF7F5F0);  // warm off-white, less glare than #FFF
  const ImVec4 surface = rgb(0xFFFFFF);
  const ImVec4 accent = rgb(0x2F6B67);  // quiet teal: 6.1:1 with white text
  c[ImGuiCol_Text] = text;
  c[ImGuiCol_TextDisabled] = rgb(0x5F6B70);
  c[ImGuiCol_WindowBg] = page;
  c[ImGuiCol_ChildBg] = rgb(0x000000, 0.0f);
  c[ImGuiCol_PopupBg] = surface;
  c[ImGuiCol_Border] = rgb(0xD4D0C8);
  c[ImGuiCol_BorderShadow] = rgb(0x000000, 0.0f);
  c[ImGuiCol_FrameBg] = surface;
  c[ImGuiCol_FrameBgHovered] = rgb(0xEEF4F3);
  c[ImGuiCol_FrameBgActive] = rgb(0xE2EEEC);
  c[ImGuiCol_TitleBg] = page;
  c[ImGuiCol_TitleBgActive] = page;
  c[ImGuiCol_TitleBgCollapsed] = page;
  c[ImGuiCol_MenuBarBg] = page;
  c[ImGuiCol_ScrollbarBg] = rgb(0x000000, 0.0f);
  c[ImGuiCol_ScrollbarGrab] = rgb(0xC9C4BA);
  c[ImGuiCol_ScrollbarGrabHovered] = rgb(0xB3ADA2);
  c[ImGuiCol_ScrollbarGrabActive] = rgb(0x9C968A);
  c[ImGuiCol_CheckMark] = accent;
  c[ImGuiCol_SliderGrab] = accent;
  c[ImGuiCol_SliderGrabActive] = rgb(0x24524F);
  c[ImGuiCol_Button] = rgb(0xE7ECEA);
  c[ImGuiCol_ButtonHovered] = rgb(0xD9E4E2);
  c[ImGuiCol_ButtonActive] = rgb(0xC6D8D5);
  c[ImGuiCol_Header] = rgb(0xE2EEEC);
  c[ImGuiCol_HeaderHovered] = rgb(0xD6E7E4);
  c[ImGuiCol_HeaderActive] = rgb(0xC6DDD9);
  c[ImGuiCol_Separator] = rgb(0xDDD8CF);
  c[ImGuiCol_SeparatorHovered] = accent;
  c[ImGuiCol_SeparatorActive] = accent;
  c[ImGuiCol_ResizeGrip] = rgb(0x000000, 0.0f);
  c[ImGuiCol_ResizeGripHovered] = rgb(0x000000, 0.0f);
  c[ImGuiCol_ResizeGripActive] = rgb(0x000000, 0.0f);
  c[ImGuiCol_Tab] = rgb(0xE7ECEA);
  c[ImGuiCol_TabHovered] = rgb(0xD6E7E4);
  c[ImGuiCol_TabActive] = surface;
  c[ImGuiCol_TabUnfocused] = rgb(0xE7ECEA);
  c[ImGuiCol_TabUnfocusedActive] = surface;
  c[ImGuiCol_TableHeaderBg] = rgb(0xEFEDE7);
  c[ImGuiCol_TableBorderStrong] = rgb(0xD4D0C8);
  c[ImGuiCol_TableBorderLight] = rgb(0xE6E2DA);
  c[ImGuiCol_TableRowBg] = rgb(0x000000, 0.0f);
  c[ImGuiCol_TableRowBgAlt] = rgb(0x000000, 0.025f);
  c[ImGuiCol_TextSelectedBg] = rgb(0x2F6B67, 0.25f);
  c[ImGuiCol_DragDropTarget] = accent;
  c[ImGuiCol_NavHighlight] = accent;
  c[ImGuiCol_NavWindowingHighlight] = accent;
  c[ImGuiCol_NavWindowingDimBg] = rgb(0x000000, 0.2f);
  c[ImGuiCol_ModalWindowDimBg] = rgb(0x1F2A2E, 0.35f);
  g_palette = {accent,        rgb(0xFFFFFF), rgb(0x56636A), surface,
               rgb(0xECE9E2), rgb(0xFFF1D6), rgb(0x5C3D00), rgb(0x2E6B3A)};
}

void dark_colors(ImVec4* c) {
  const ImVec4 text = rgb(0xE6ECEB);
  const ImVec4 page = rgb(0x171C1E);
  const ImVec4 surface = rgb(0x222A2D);
  const ImVec4 accent = rgb(0x7FC4BD);
  c[ImGuiCol_Text] = text;
  c[ImGuiCol_TextDisabled] = rgb(0x9AA6AA);
  c[ImGuiCol_WindowBg] = page;
  c[ImGuiCol_ChildBg] = rgb(0x000000, 0.0f);
  c[ImGuiCol_PopupBg] = surface;
  c[ImGuiCol_Border] = rgb(0x3A4549);
  c[ImGuiCol_BorderShadow] = rgb(0x000000, 0.0f);
  c[ImGuiCol_FrameBg] = surface;
  c[ImGuiCol_FrameBgHovered] = rgb(0x2B3538);
  c[ImGuiCol_FrameBgActive] = rgb(0x334044);
  c[ImGuiCol_TitleBg] = page;
  c[ImGuiCol_TitleBgActive] = page;
  c[ImGuiCol_TitleBgCollapsed] = page;
  c[ImGuiCol_MenuBarBg] = page;
  c[ImGuiCol_ScrollbarBg] = rgb(0x000000, 0.0f);
  c[ImGuiCol_ScrollbarGrab] = rgb(0x3F4B50);
  c[ImGuiCol_ScrollbarGrabHovered] = rgb(0x4D5B61);
  c[ImGuiCol_ScrollbarGrabActive] = rgb(0x5C6C72);
  c[ImGuiCol_CheckMark] = accent;
  c[ImGuiCol_SliderGrab] = accent;
  c[ImGuiCol_SliderGrabActive] = rgb(0x9AD6D0);
  c[ImGuiCol_Button] = rgb(0x2B3538);
  c[ImGuiCol_ButtonHovered] = rgb(0x34454A);
  c[ImGuiCol_ButtonActive] = rgb(0x3E555A);
  c[ImGuiCol_Header] = rgb(0x2C3D40);
  c[ImGuiCol_HeaderHovered] = rgb(0x34494C);
  c[ImGuiCol_HeaderActive] = rgb(0x3E575A);
  c[ImGuiCol_Separator] = rgb(0x3A4549);
  c[ImGuiCol_SeparatorHovered] = accent;
  c[ImGuiCol_SeparatorActive] = accent;
  c[ImGuiCol_ResizeGrip] = rgb(0x000000, 0.0f);
  c[ImGuiCol_ResizeGripHovered] = rgb(0x000000, 0.0f);
  c[ImGuiCol_ResizeGripActive] = rgb(0x000000, 0.0f);
  c[ImGuiCol_Tab] = rgb(0x2B3538);
  c[ImGuiCol_TabHovered] = rgb(0x34494C);
  c[ImGuiCol_TabActive] = surface;
  c[ImGuiCol_TabUnfocused] = rgb(0x2B3538);
  c[ImGuiCol_TabUnfocusedActive] = surface;
  c[ImGuiCol_TableHeaderBg] = rgb(0x222A2D);
  c[ImGuiCol_TableBorderStrong] = rgb(0x3A4549);
  c[ImGuiCol_TableBorderLight] = rgb(0x2E383B);
  c[ImGuiCol_TableRowBg] = rgb(0x000000, 0.0f);
  c[ImGuiCol_TableRowBgAlt] = rgb(0xFFFFFF, 0.03f);
  c[ImGuiCol_TextSelectedBg] = rgb(0x7FC4BD, 0.30f);
  c[ImGuiCol_DragDropTarget] = accent;
  c[ImGuiCol_NavHighlight] = accent;
  c[ImGuiCol_NavWindowingHighlight] = accent;
  c[ImGuiCol_NavWindowingDimBg] = rgb(0x000000, 0.4f);
  c[ImGuiCol_ModalWindowDimBg] = rgb(0x000000, 0.55f);
  g_palette = {accent,        rgb(0x0E1A19), rgb(0xA8B4B8), surface,
               rgb(0x1D2427), rgb(0x4A3A17), rgb(0xFFE2A8), rgb(0x8FD19E)};
}

}  // namespace

void apply_theme(Theme theme, float font_size_px) {
  ImGuiStyle style;  // start from defaults so scaling never compounds
  if (theme == Theme::dark)
    dark_colors(style.Colors);
  else
    light_colors(style.Colors);

  // Sizes relative to an 18 px base font; touch targets stay >= 44 px.
  const float s = std::max(0.75f, font_size_px / 18.0f);
  g_touch_target = std::max(44.0f, font_size_px * 2.45f);
  style.WindowPadding = ImVec2(20 * s, 18 * s);
  style.FramePadding = ImVec2(14 * s, std::max(8.0f, (g_touch_target - font_size_px) * 0.5f));
  style.CellPadding = ImVec2(10 * s, 8 * s);
  style.ItemSpacing = ImVec2(12 * s, 12 * s);
  style.ItemInnerSpacing = ImVec2(10 * s, 8 * s);
  style.TouchExtraPadding = ImVec2(0, 0);  // set per input source by the app
  style.IndentSpacing = 24 * s;
  style.ScrollbarSize = 14 * s;
  style.GrabMinSize = 20 * s;
  style.WindowRounding = 0;
  style.ChildRounding = 12 * s;
  style.FrameRounding = 10 * s;
  style.PopupRounding = 12 * s;
  style.ScrollbarRounding = 8 * s;
  style.GrabRounding = 8 * s;
  style.TabRounding = 10 * s;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  style.PopupBorderSize = 1;
  style.FrameBorderSize = 1;
  style.SeparatorTextBorderSize = 2;
  style.WindowTitleAlign = ImVec2(0.0f, 0.5f);
  style.ButtonTextAlign = ImVec2(0.5f, 0.5f);
  style.SelectableTextAlign = ImVec2(0.0f, 0.5f);
  style.AntiAliasedLines = true;
  style.AntiAliasedFill = true;
  ImGui::GetStyle() = style;
}

const Palette& palette() { return g_palette; }
float touch_target_height() { return g_touch_target; }

}  // namespace bb::ui
