// The app: navigation frame, screens, preferences, and the bridge from host
// input (pointer, keys, text) to ImGui. The host (src/app/main_web.cpp in the
// browser, tests/ui natively) owns the ImGui context and the renderer and calls,
// per frame: begin_frame(now) → ImGui::NewFrame() → draw() → ImGui::Render() →
// after_frame(now), which says when the next frame is due.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"
#include "ui/frame_pacing.h"
#include "ui/screens/screens.h"
#include "ui/touch_gestures.h"

namespace bb::ui {

class App {
 public:
  // Loads preferences and applies theme and language. Needs an ImGui context.
  void init();
  // The store session the app shows and acts on (must outlive the app; set
  // before the first frame). The app listens to its changes: when it locks,
  // every buffer holding personal text is wiped at once.
  void set_session(store::Session* session);

  // --- Input from the host (any time between frames) ---
  void set_viewport(float css_width, float css_height, float device_pixel_ratio);
  void pointer(const PointerEvent& e);
  // A key by its DOM `key` and `code`; returns true if the app used it (the
  // host then suppresses the browser's default action).
  bool key(const std::string& key, const std::string& code, bool down, bool ctrl, bool shift, bool alt,
           bool meta);
  void text(const char* utf8);   // typed characters
  void paste(const char* utf8);  // text from the clipboard
  void wheel(float dx, float dy);
  void focus(bool focused);
  void set_update_available(bool available);
  void note_activity() { pacing_.note_activity(); }

  // --- Frame ---
  bool fonts_dirty() const { return fonts_dirty_; }
  void build_fonts();  // the host re-uploads the font texture afterwards
  void begin_frame(double now_ms);
  void draw();
  double after_frame(double now_ms);

  // --- State the host and the test API read ---
  bool wants_text_input() const;
  bool text_input_is_password() const;
  ImGuiID text_input_id() const { return text_input_id_; }
  ImVec2 text_input_pos() const { return text_input_pos_; }
  float text_input_line_height() const { return text_input_line_height_; }
  const char* screen_name() const;
  Forms& forms() { return forms_; }  // for the UI tests
  float content_scroll_y() const { return content_scroll_y_; }

  ScreenId screen() const { return screen_; }
  const Preferences& preferences() const { return prefs_; }

 private:
  void apply_preferences();
  void save_preferences();
  void apply_actions(const std::vector<InputAction>& actions);
  void draw_navigation(bool wide);
  void draw_update_banner();
  void scroll_active_text_into_view();
  void on_session_changed();
  bool nav_visible(ScreenId id) const;

  Preferences prefs_;
  ScreenId screen_ = ScreenId::start;
  ScreenId navigate_to_ = ScreenId::start;  // the screen to show from the next frame
  TouchGestures gestures_;
  FramePacing pacing_;
  std::vector<InputAction> actions_;
  ImVec2 pending_scroll_{0, 0};
  float css_w_ = 1024, css_h_ = 768, dpr_ = 1;
  bool fonts_dirty_ = true;
  bool reset_scroll_ = false;
  bool update_available_ = false, update_dismissed_ = false;
  ImGuiID text_input_id_ = 0;
  ImVec2 text_input_pos_{0, 0};
  float text_input_line_height_ = 0;
  float content_scroll_y_ = 0;
  double last_frame_ms_ = -1;
  std::string probe_line_, probe_multiline_;
  store::Session* session_ = nullptr;
  Forms forms_;
  bool was_unlocked_ = false;
  bool input_since_frame_ = false;  // for the auto-lock's idle timer
  int last_layout_ = -1;            // screen, lock state and step of the last frame
  ImU32 last_window_sizes_ = 0;     // positions and sizes of every window and card last frame
};

}  // namespace bb::ui
