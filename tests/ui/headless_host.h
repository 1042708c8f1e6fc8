// A host for the app without a renderer: the ImGui context, the real fonts from
// Debian's packages, and frames driven by hand. The UI tests use it to tap,
// type and look at widget rectangles exactly as the browser host does.
#pragma once

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "imgui.h"
#include "ui/app.h"
#include "ui/fonts.h"
#include "ui/widget_registry.h"

namespace bb::ui::test {

inline std::vector<unsigned char> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), {});
}

struct HeadlessHost {
  App app;
  double now = 1000;

  explicit HeadlessHost(float w = 1024, float h = 768, float dpr = 1) {
    ImGui::CreateContext();
    set_font_data(FontSlot::regular, read_file("/usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf"));
    set_font_data(FontSlot::semibold, read_file("/usr/share/fonts/truetype/open-sans/OpenSans-Semibold.ttf"));
    set_font_data(FontSlot::icons, read_file("/usr/share/fonts/truetype/fork-awesome/forkawesome-webfont.ttf"));
    app.init();
    app.set_viewport(w, h, dpr);
    frames(4);
  }
  ~HeadlessHost() { ImGui::DestroyContext(); }
  HeadlessHost(const HeadlessHost&) = delete;
  HeadlessHost& operator=(const HeadlessHost&) = delete;

  void frame() {
    now += 16;
    app.begin_frame(now);
    if (app.fonts_dirty()) {
      app.build_fonts();
      unsigned char* pixels;
      int tw, th;
      ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);  // what a renderer uploads
    }
    ImGui::NewFrame();
    app.draw();
    ImGui::Render();
    (void)app.after_frame(now);
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }

  const WidgetInfo* widget(const std::string& id) const {
    for (const auto& w : widget_registry().widgets())
      if (w.id == id) return &w;
    return nullptr;
  }

  // A finger tap in the middle of a widget, then enough frames to settle.
  bool tap(const std::string& id, PointerKind kind = PointerKind::touch) {
    const WidgetInfo* w = widget(id);
    if (!w) return false;
    const float x = w->x + w->w / 2, y = w->y + w->h / 2;
    PointerEvent e;
    e.kind = kind;
    e.pointer_id = 7;
    e.x = x;
    e.y = y;
    e.time_ms = now;
    e.type = PointerEvent::Type::down;
    app.pointer(e);
    frame();
    e.type = PointerEvent::Type::up;
    e.time_ms = now + 50;
    app.pointer(e);
    frames(5);
    return true;
  }
};

}  // namespace bb::ui::test
