// Font atlas construction (see fonts.h).
#include "ui/fonts.h"

#include <algorithm>
#include <array>

namespace bb::ui {
namespace {

std::array<std::vector<unsigned char>, static_cast<size_t>(FontSlot::count_)> g_data;
ImFont* g_body = nullptr;
ImFont* g_heading = nullptr;
ImFont* g_title = nullptr;
ImFont* g_small = nullptr;

const ImWchar kTextRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 (äöüÄÖÜß, €-free)
    0x0100, 0x017F,  // Latin Extended-A (names: ł, ş, ğ, č, ő, ...)
    0x0218, 0x021B,  // Romanian ș ț
    0x0400, 0x045F,  // Cyrillic (names of families who write them so)
    0x2013, 0x2014,  // – —
    0x2018, 0x201E,  // ‘ ’ ‚ “ ” „
    0x2022, 0x2022,  // •
    0x2026, 0x2026,  // …
    0x2039, 0x203A,  // ‹ › (month steps)
    0x20AC, 0x20AC,  // €
    0x2212, 0x2212,  // − (minus on steppers)
    0xFFFD, 0xFFFD,  // replacement character
    0,
};
// Headings and small print need fewer glyphs (names in headings: Latin incl.
// Extended-A); the title shows only the product name. Fewer glyphs at large sizes
// keep the atlas small and the start fast.
const ImWchar kHeadingRanges[] = {
    0x0020, 0x017F, 0x2013, 0x2014, 0x2018, 0x201E, 0x2026, 0x2026, 0x20AC, 0x20AC, 0,
};
const ImWchar kTitleRanges[] = {0x0020, 0x007E, 0x00C4, 0x00C4, 0x00D6, 0x00D6, 0x00DC, 0x00DC, 0x00DF,
                                0x00DF, 0x00E4, 0x00E4, 0x00F6, 0x00F6, 0x00FC, 0x00FC, 0};
// Only the icons the app uses (see icons.h; a UI test checks the two agree):
// rasterising all 800 of Fork Awesome at three sizes would slow the start.
const ImWchar kIconRanges[] = {
    0xF015, 0xF015, 0xF0C0, 0xF0C0, 0xF0E8, 0xF0E8, 0xF013, 0xF013, 0xF002, 0xF002, 0xF023, 0xF023,
    0xF02D, 0xF02D, 0xF2B5, 0xF2B5, 0xF132, 0xF132, 0xF00C, 0xF00C, 0xF071, 0xF071, 0xF021, 0xF021,
    0xF05A, 0xF05A, 0xF1AE, 0xF1AE, 0xF004, 0xF004, 0xF073, 0xF073, 0xF0AC, 0xF0AC, 0xF031, 0xF031,
    0xF185, 0xF185, 0xF186, 0xF186, 0xF11C, 0xF11C, 0xF054, 0xF054, 0xF1EB, 0xF1EB, 0xF2BA, 0xF2BA,
    0xF067, 0xF067, 0xF040, 0xF040, 0xF053, 0xF053, 0xF017, 0xF017, 0xF00D, 0xF00D, 0xF007, 0xF007,
    0xF046, 0xF046, 0xF096, 0xF096, 0xF0B0, 0xF0B0, 0xF075, 0xF075, 0xF024, 0xF024, 0xF03A, 0xF03A,
    0xF1F8, 0xF1F8, 0xF0D7, 0xF0D7, 0xF1E0, 0xF1E0, 0,
};

ImFont* add(FontSlot slot, float px, const ImWchar* ranges, bool with_icons, float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  auto& data = g_data[static_cast<size_t>(slot)];
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // we keep the bytes for the next rebuild
  // No oversampling: it would double the rasterising time at start-up. On 1x
  // screens glyphs snap to whole pixels instead, which keeps small text crisp.
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = dpr < 1.5f;
  ImFont* font =
      io.Fonts->AddFontFromMemoryTTF(data.data(), static_cast<int>(data.size()), px * dpr, &cfg, ranges);
  if (with_icons && !g_data[static_cast<size_t>(FontSlot::icons)].empty()) {
    auto& icons = g_data[static_cast<size_t>(FontSlot::icons)];
    ImFontConfig icfg;
    icfg.FontDataOwnedByAtlas = false;
    icfg.MergeMode = true;
    icfg.PixelSnapH = true;
    icfg.OversampleH = 1;
    icfg.GlyphMinAdvanceX = px * dpr * 1.25f;  // icons line up in menus
    icfg.GlyphOffset = ImVec2(0, px * dpr * 0.02f);
    io.Fonts->AddFontFromMemoryTTF(icons.data(), static_cast<int>(icons.size()), px * dpr * 0.95f, &icfg,
                                   kIconRanges);
  }
  return font;
}

}  // namespace

void set_font_data(FontSlot slot, std::vector<unsigned char> ttf) {
  g_data[static_cast<size_t>(slot)] = std::move(ttf);
}

bool have_font_data() {
  return !g_data[static_cast<size_t>(FontSlot::regular)].empty() &&
         !g_data[static_cast<size_t>(FontSlot::semibold)].empty();
}

void build_fonts(float size_css_px, float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // Very large text on a 3x screen would need a huge texture; past 64 device px
  // per em the difference is invisible, so cap the raster scale there.
  const float raster = std::clamp(dpr, 1.0f, std::max(1.0f, 64.0f / (size_css_px * 2.0f)));
  if (!have_font_data()) {
    ImFontConfig cfg;
    cfg.SizePixels = 13.0f * raster;
    g_body = g_heading = g_title = g_small = io.Fonts->AddFontDefault(&cfg);
  } else {
    g_body = add(FontSlot::regular, size_css_px, kTextRanges, true, raster);
    g_heading = add(FontSlot::semibold, size_css_px * 1.45f, kHeadingRanges, true, raster);
    g_title = add(FontSlot::semibold, size_css_px * 2.0f, kTitleRanges, true, raster);
    g_small = add(FontSlot::regular, size_css_px * 0.85f, kHeadingRanges, true, raster);
  }
  io.Fonts->Build();
  io.FontDefault = g_body;
  io.FontGlobalScale = 1.0f / raster;  // atlas in device pixels, layout in CSS pixels
}

ImFont* font_body() { return g_body; }
ImFont* font_heading() { return g_heading; }
ImFont* font_title() { return g_title; }
ImFont* font_small() { return g_small; }
const ImWchar* text_glyph_ranges() { return kTextRanges; }
const ImWchar* icon_glyph_ranges() { return kIconRanges; }

}  // namespace bb::ui
