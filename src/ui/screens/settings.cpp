// The settings screen: language, font size, appearance, a keyboard test and
// what the app is made of.
#include "core/i18n.h"
#include "core/version_info.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/screens/screens.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

// Lays out `n` equal choices in one row, or one per row when the row is too narrow.
float choice_width(int n, float min_width) {
  const float avail = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float w = (avail - spacing * static_cast<float>(n - 1)) / static_cast<float>(n);
  return w >= min_width ? w : -1.0f;
}

void same_line_if(float width) {
  if (width > 0) ImGui::SameLine();
}

}  // namespace

float font_size_for_step(int step) {
  static const float kSizes[] = {16.0f, 18.0f, 21.0f, 25.0f};
  return kSizes[step < 0 ? 0 : step > 3 ? 3 : step];
}

void draw_settings_screen(ScreenContext& ctx) {
  Preferences& p = ctx.prefs;
  heading(tr(Str::settings_title), "settings.title");

  begin_card("settings.language.card");
  ImGui::Text(BB_ICON_GLOBE "  %s", tr(Str::settings_language));
  float w = choice_width(2, 180);
  if (choice("settings.language.de", tr(Str::settings_language_de), p.language == 0, w)) {
    p.language = 0;
    ctx.prefs_changed = true;
  }
  same_line_if(w);
  if (choice("settings.language.en", tr(Str::settings_language_en), p.language == 1, w)) {
    p.language = 1;
    ctx.prefs_changed = true;
  }
  end_card();

  begin_card("settings.font.card");
  ImGui::Text(BB_ICON_FONT "  %s", tr(Str::settings_font_size));
  static const char* kIds[] = {"settings.font.small", "settings.font.normal", "settings.font.large",
                               "settings.font.xlarge"};
  static const Str kLabels[] = {Str::settings_font_small, Str::settings_font_normal, Str::settings_font_large,
                                Str::settings_font_xlarge};
  w = choice_width(4, 120);
  for (int i = 0; i < 4; ++i) {
    if (i) same_line_if(w);
    if (choice(kIds[i], tr(kLabels[i]), p.font_step == i, w)) {
      p.font_step = i;
      ctx.prefs_changed = true;
    }
  }
  ImGui::TextWrapped("%s", tr(Str::settings_sample_text));
  end_card();

  begin_card("settings.theme.card");
  ImGui::Text(BB_ICON_SUN "  %s", tr(Str::settings_theme));
  w = choice_width(2, 180);
  if (choice("settings.theme.light", tr(Str::settings_theme_light), p.theme == Theme::light, w)) {
    p.theme = Theme::light;
    ctx.prefs_changed = true;
  }
  same_line_if(w);
  if (choice("settings.theme.dark", tr(Str::settings_theme_dark), p.theme == Theme::dark, w)) {
    p.theme = Theme::dark;
    ctx.prefs_changed = true;
  }
  end_card();

  begin_card("settings.keyboard.card");
  ImGui::Text(BB_ICON_KEYBOARD "  %s", tr(Str::settings_keyboard));
  muted_text(tr(Str::settings_keyboard_hint));
  text_field("settings.probe", tr(Str::settings_keyboard_line), ctx.probe_line, true);
  text_area("settings.probe_multiline", tr(Str::settings_keyboard_lines), ctx.probe_multiline, 3, true);
  end_card();

  begin_card("settings.privacy.card");
  ImGui::Text(BB_ICON_SHIELD "  %s", tr(Str::settings_privacy));
  muted_text(tr(Str::settings_privacy_text));
  end_card();

  begin_card("settings.about.card");
  ImGui::Text(BB_ICON_INFO "  %s", tr(Str::settings_about));
  ImGui::TextUnformatted(format_text(Str::settings_version, BB_VERSION).c_str());
  muted_text(format_text(Str::settings_build, BB_GIT_COMMIT).c_str());
  ImGui::Spacing();
  ImGui::TextUnformatted(tr(Str::settings_licences));
  muted_text(tr(Str::settings_licence_list));
  end_card();
}

}  // namespace bb::ui
