// The look of Begleitbuch: a calm, readable ImGui style for social workers on a
// tablet. Light (for daylight, the default) and dark, generous spacing, rounded
// widgets and touch targets of at least 44 CSS pixels.
#pragma once

#include "imgui.h"

namespace bb::ui {

enum class Theme : int { light = 0, dark = 1 };

// Colours the screens use beyond ImGui's own (accents, muted text, cards).
struct Palette {
  ImVec4 accent;       // primary buttons, selected navigation
  ImVec4 accent_text;  // text on accent
  ImVec4 muted_text;   // secondary text
  ImVec4 card;         // card background on the page
  ImVec4 sidebar;      // navigation background
  ImVec4 warning_bg;   // banners that ask for attention
  ImVec4 warning_text;
  ImVec4 ok_text;  // "Gespeichert" and the like
};

// Applies the theme to ImGui's style, scaled for the font size in CSS pixels.
void apply_theme(Theme theme, float font_size_px);
const Palette& palette();

// Height of one touch target (button, list row) in CSS pixels.
float touch_target_height();

}  // namespace bb::ui
