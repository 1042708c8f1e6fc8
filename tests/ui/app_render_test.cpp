// Focus: the app shell drawn headless with the real fonts: navigation, screens,
// settings, typing, tablet layouts and the glyphs German needs.
#include <doctest/doctest.h>

#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/i18n.h"
#include "headless_host.h"
#include "imgui_internal.h"
#include "platform/platform.h"
#include "ui/fonts.h"

using namespace bb;
using namespace bb::ui;
using bb::ui::test::HeadlessHost;

namespace {
void reset_preferences() {
  platform::save_preference("language", "de");
  platform::save_preference("font_step", "1");
  platform::save_preference("theme", "light");
}

// Every visible widget must lie fully inside the screen, and the navigation
// must be fully visible (a clipped widget counts as not visible).
void check_nothing_clipped(float w, float h) {
  for (const char* nav : {"nav.start", "nav.families", "nav.network", "nav.settings"}) {
    INFO(nav);
    bool visible = false;
    for (const auto& info : widget_registry().widgets())
      if (info.id == nav) visible = info.visible && info.y + info.h <= h + 0.5f;
    CHECK(visible);
  }
  for (const auto& info : widget_registry().widgets()) {
    if (!info.visible) continue;
    INFO(info.id);
    CHECK(info.x >= 0);
    CHECK(info.y >= 0);
    CHECK(info.x + info.w <= w + 0.5f);
    CHECK(info.y + info.h <= h + 0.5f);
  }
}
}  // namespace

TEST_CASE("shell-1: the start screen shows the product name and the navigation") {
  reset_preferences();
  HeadlessHost host;
  const WidgetInfo* title = host.widget("start.title");
  REQUIRE(title);
  CHECK(title->label == "Begleitbuch");
  CHECK(title->visible);
  for (const char* id : {"nav.start", "nav.families", "nav.network", "nav.settings"}) {
    INFO(id);
    const WidgetInfo* nav = host.widget(id);
    REQUIRE(nav);
    CHECK(nav->visible);
    CHECK(nav->h >= 44.0f);  // a touch target
  }
  CHECK(std::string(host.app.screen_name()) == "start");
}

TEST_CASE("shell-2: tapping a navigation entry opens its screen") {
  reset_preferences();
  HeadlessHost host;
  // No structured bindings: doctest's INFO captures by reference, which clang 14 refuses for them.
  for (const auto& step : {std::pair{"nav.families", "families"}, std::pair{"nav.network", "network"},
                           std::pair{"nav.settings", "settings"}, std::pair{"nav.start", "start"}}) {
    const char* nav = step.first;
    const char* screen = step.second;
    INFO(nav);
    REQUIRE(host.tap(nav));
    CHECK(std::string(host.app.screen_name()) == screen);
  }
}

TEST_CASE("shell-3: English is switchable in the settings and the choice is kept") {
  reset_preferences();
  {
    HeadlessHost host;
    REQUIRE(host.tap("nav.settings"));
    REQUIRE(host.tap("settings.language.en"));
    CHECK(host.widget("nav.families")->label == "Families");
  }
  {
    HeadlessHost again;  // a new start reads the stored preference
    CHECK(again.widget("nav.families")->label == "Families");
    REQUIRE(again.tap("nav.settings"));
    REQUIRE(again.tap("settings.language.de"));
    CHECK(again.widget("nav.families")->label == "Familien");
  }
  CHECK(language() == Lang::de);
}

TEST_CASE("shell-4: a larger font size makes text and touch targets larger") {
  reset_preferences();
  HeadlessHost host;
  REQUIRE(host.tap("nav.settings"));
  const float normal = host.widget("nav.families")->h;
  REQUIRE(host.tap("settings.font.xlarge"));
  const float large = host.widget("nav.families")->h;
  CHECK(large > normal);
  REQUIRE(host.tap("settings.font.normal"));
  CHECK(host.widget("nav.families")->h == doctest::Approx(normal));
}

TEST_CASE("shell-5: typed text with umlauts arrives intact in a text field") {
  reset_preferences();
  HeadlessHost host;
  REQUIRE(host.tap("nav.settings"));
  REQUIRE(host.tap("settings.probe"));
  CHECK(host.app.wants_text_input());
  host.app.text("Müßiggang äöü ÄÖÜ ß");
  host.frames(40);  // trickled input: about one character a frame
  REQUIRE(host.widget("settings.probe"));
  CHECK(*widget_registry().probe_text("settings.probe") == "Müßiggang äöü ÄÖÜ ß");
  host.app.key("Backspace", "Backspace", true, false, false, false, false);
  host.app.key("Backspace", "Backspace", false, false, false, false, false);
  host.frames(4);
  CHECK(*widget_registry().probe_text("settings.probe") == "Müßiggang äöü ÄÖÜ ");
}

TEST_CASE("shell-6: tablet layouts in landscape and portrait clip no control") {
  reset_preferences();
  for (const auto& size :
       {std::pair{1024.0f, 768.0f}, std::pair{768.0f, 1024.0f}, std::pair{1366.0f, 1024.0f}}) {
    const float w = size.first, h = size.second;
    INFO(w << "x" << h);
    HeadlessHost host(w, h, 2);
    check_nothing_clipped(w, h);
    for (const char* nav : {"nav.families", "nav.network", "nav.settings"}) {
      REQUIRE(host.tap(nav));
      CHECK(std::string("nav.") + host.app.screen_name() == nav);
      check_nothing_clipped(w, h);
    }
  }
}

TEST_CASE("shell-7: the text font covers every character of the German strings") {
  const ImWchar* ranges = text_glyph_ranges();
  for (int i = 0; i < static_cast<int>(Str::count_); ++i) {
    const char* s = tr(static_cast<Str>(i), Lang::de);
    INFO(str_key(static_cast<Str>(i)));
    while (*s) {
      unsigned int c = 0;
      s += ImTextCharFromUtf8(&c, s, nullptr);
      bool covered = false;
      for (const ImWchar* r = ranges; r[0]; r += 2) covered = covered || (c >= r[0] && c <= r[1]);
      INFO("U+" << std::hex << c);
      CHECK(covered);
    }
  }
}

TEST_CASE("shell-8: every icon the app names is rasterised into the font") {
  std::ifstream in(BB_SOURCE_DIR "/src/ui/icons.h");
  std::stringstream text;
  text << in.rdbuf();
  const std::string src = text.str();
  std::regex re("// U\\+(F[0-9A-F]{3})");
  int n = 0;
  for (auto it = std::sregex_iterator(src.begin(), src.end(), re); it != std::sregex_iterator(); ++it) {
    const unsigned cp = static_cast<unsigned>(std::stoul((*it)[1].str(), nullptr, 16));
    bool found = false;
    for (const ImWchar* r = icon_glyph_ranges(); r[0]; r += 2) found = found || (cp >= r[0] && cp <= r[1]);
    INFO("U+" << std::hex << cp);
    CHECK(found);
    ++n;
  }
  CHECK(n >= 10);
  // Every font the app draws text with has the icons (the save badge uses the small one).
  HeadlessHost host;
  for (ImFont* font : {font_body(), font_heading(), font_title(), font_small()}) {
    REQUIRE(font != nullptr);
    CHECK(font->FindGlyphNoFallback(0xF00C) != nullptr);  // BB_ICON_CHECK
  }
}

TEST_CASE("shell-9: the dark theme is darker than the light one") {
  reset_preferences();
  HeadlessHost host;
  const ImVec4 light = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  REQUIRE(host.tap("nav.settings"));
  REQUIRE(host.tap("settings.theme.dark"));
  const ImVec4 dark = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  CHECK(dark.x + dark.y + dark.z < light.x + light.y + light.z);
  REQUIRE(host.tap("settings.theme.light"));
}

TEST_CASE("shell-10: a long press on a text field opens the edit menu") {
  reset_preferences();
  HeadlessHost host;
  REQUIRE(host.tap("nav.settings"));
  const WidgetInfo* field = host.widget("settings.probe");
  REQUIRE(field);
  PointerEvent e;
  e.kind = PointerKind::touch;
  e.type = PointerEvent::Type::down;
  e.x = field->x + 20;
  e.y = field->y + field->h / 2;
  e.time_ms = host.now;
  host.app.pointer(e);
  host.frame();
  host.now += 600;  // held still for longer than the long-press time
  host.frames(6);
  e.type = PointerEvent::Type::up;
  e.time_ms = host.now;
  host.app.pointer(e);
  host.frames(4);
  CHECK(host.widget("edit.menu") != nullptr);
  CHECK(host.widget("edit.paste") != nullptr);
}
