// A host for the app without a renderer: the ImGui context, the real fonts from
// Debian's packages, and frames driven by hand. The UI tests use it to tap,
// type and look at widget rectangles exactly as the browser host does.
#pragma once

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "imgui.h"
#include "store/session.h"
#include "ui/app.h"
#include "ui/fonts.h"
#include "ui/widget_registry.h"

namespace bb::ui::test {

inline std::vector<unsigned char> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), {});
}

// IndexedDB's stand-in: keeps the image in memory; writes complete at once,
// or (manual) only when complete_all()/fail_next() says so.
class TestSink final : public store::PageSink {
 public:
  Result<store::Image> load() override { return image; }
  bool empty() override { return image.sequence == 0; }
  void write(const store::CommitRecord& record, std::function<void(Status)> done) override {
    if (!manual) {
      done(store::apply_record(image, record));
      return;
    }
    waiting.emplace_back(record, std::move(done));
  }
  void complete_all() {
    while (!waiting.empty()) {
      auto [record, done] = std::move(waiting.front());
      waiting.erase(waiting.begin());
      done(store::apply_record(image, record));
    }
  }
  void fail_next(Str kind) {
    if (waiting.empty()) return;
    auto [record, done] = std::move(waiting.front());
    waiting.erase(waiting.begin());
    done(make_error(kind, "injected"));
  }
  bool manual = false;
  store::Image image;
  std::vector<std::pair<store::CommitRecord, std::function<void(Status)>>> waiting;
};

constexpr const char* kTestPassphrase = "Hauskatze Mondschein Zugvogel";

inline store::Options fast_options() {
  store::Options o;
  o.kdf = store::test_kdf();
  return o;
}

struct HeadlessHost {
  TestSink sink;
  store::Session session{sink, fast_options()};
  App app;
  double now = 1000;

  // unlocked: a store is created first, so the app opens on its start screen
  // (most UI tests); false: the first start with no store (the lock flow tests).
  explicit HeadlessHost(float w = 1024, float h = 768, float dpr = 1, bool unlocked = true) {
    if (unlocked) (void)session.create(kTestPassphrase, kTestPassphrase, now);
    ImGui::CreateContext();
    set_font_data(FontSlot::regular, read_file("/usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf"));
    set_font_data(FontSlot::semibold, read_file("/usr/share/fonts/truetype/open-sans/OpenSans-Semibold.ttf"));
    set_font_data(FontSlot::icons,
                  read_file("/usr/share/fonts/truetype/fork-awesome/forkawesome-webfont.ttf"));
    app.init();
    app.set_session(&session);
    app.set_viewport(w, h, dpr);
    frames(4);
  }
  ~HeadlessHost() {
    session.set_change_listener(nullptr);
    session.set_draft_keeper(nullptr);
    ImGui::DestroyContext();
  }
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

  // Types into the field with this test ID (tap, then characters, as a keyboard would).
  bool type(const std::string& id, const std::string& text) {
    if (!tap(id)) return false;
    app.text(text.c_str());
    frames(static_cast<int>(text.size()) + 4);  // trickled input: about one character a frame
    return true;
  }

  std::string label(const std::string& id) const {
    const WidgetInfo* w = widget(id);
    return w ? w->label : std::string();
  }
};

}  // namespace bb::ui::test
