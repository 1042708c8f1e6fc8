// Fonts: Open Sans (text and headings) with Fork Awesome icons merged in,
// rasterised at the device pixel ratio so text stays sharp on any screen.
// The host hands over the TTF bytes (fetched with the app on the web); without
// them the app falls back to ImGui's built-in font rather than failing.
#pragma once

#include <vector>

#include "imgui.h"

namespace bb::ui {

enum class FontSlot { regular = 0, semibold = 1, icons = 2, count_ = 3 };

void set_font_data(FontSlot slot, std::vector<unsigned char> ttf);
bool have_font_data();

// Rebuilds the atlas for a text size in CSS pixels at a device pixel ratio.
// The caller re-uploads the texture (renderer-specific).
void build_fonts(float size_css_px, float device_pixel_ratio);

ImFont* font_body();
ImFont* font_heading();  // 1.45x, semibold
ImFont* font_title();    // 2x, semibold: the product name on the start screen
ImFont* font_small();    // 0.85x

// The glyph ranges the text font covers (Latin incl. Extended-A, Cyrillic,
// German punctuation „“ – … and €); tests check German strings against it.
const ImWchar* text_glyph_ranges();
// The icon codepoints rasterised (pairs, zero-terminated, as ImGui wants ranges).
const ImWchar* icon_glyph_ranges();

}  // namespace bb::ui
