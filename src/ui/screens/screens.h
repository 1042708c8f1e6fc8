// The screens of the navigation frame. To add a screen: write
// src/ui/screens/<name>.cpp with a draw function, add it to the table in
// app.cpp (id, icon, title string) and give its widgets test IDs
// "<name>.<what>". See docs/ui.md.
#pragma once

#include <string>

#include "ui/theme.h"

namespace bb::ui {

enum class ScreenId { start, families, network, settings };

// The preferences the settings screen edits (stored by the app).
struct Preferences {
  int language = 0;     // bb::Lang
  int font_step = 1;    // 0 small, 1 normal, 2 large, 3 very large
  Theme theme = Theme::light;
};

// What a screen may read and change.
struct ScreenContext {
  Preferences& prefs;
  bool& prefs_changed;       // set when prefs changed (the app applies and saves them)
  ScreenId& navigate_to;     // set to switch screen
  std::string& probe_line;   // keyboard test fields on the settings screen
  std::string& probe_multiline;
};

float font_size_for_step(int step);

void draw_start_screen(ScreenContext& ctx);
void draw_families_screen(ScreenContext& ctx);
void draw_network_screen(ScreenContext& ctx);
void draw_settings_screen(ScreenContext& ctx);

}  // namespace bb::ui
