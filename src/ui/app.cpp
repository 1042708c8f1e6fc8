// The app: navigation frame, screens and the input bridge (see app.h).
//
// Index of this file:
// [SECTION] Preferences
// [SECTION] Input bridge (pointer, keys, text)
// [SECTION] Frame
// [SECTION] Navigation frame
#include "ui/app.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/i18n.h"
#include "imgui_internal.h"
#include "platform/platform.h"
#include "platform/storage.h"
#include "ui/fonts.h"
#include "ui/icons.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

// A hash of the position and size of every window drawn this frame (cards are
// child windows): it changes while an auto-sized card takes its height.
ImU32 window_sizes_signature() {
  ImU32 h = 0;
  for (ImGuiWindow* w : GImGui->Windows) {
    if (!w->Active) continue;
    const float v[] = {w->Pos.x, w->Pos.y, w->SizeFull.x, w->SizeFull.y, w->ContentSize.x, w->ContentSize.y};
    h = ImHashData(v, sizeof v, h);
    h = ImHashData(&w->ID, sizeof w->ID, h);
  }
  return h;
}

constexpr float kWideLayoutMinWidth = 900.0f;  // sidebar from here, bottom tabs below
constexpr float kMaxPageWidth = 860.0f;        // readable line length on wide screens

struct NavEntry {
  ScreenId id;
  const char* test_id;
  const char* icon;
  Str label;
  const char* name;
  void (*draw)(ScreenContext&);
};
const NavEntry kNav[] = {
    {ScreenId::start, "nav.start", BB_ICON_HOME, Str::nav_start, "start", draw_start_screen},
    {ScreenId::families, "nav.families", BB_ICON_USERS, Str::nav_families, "families", draw_families_screen},
    {ScreenId::network, "nav.network", BB_ICON_SITEMAP, Str::nav_network, "network", draw_network_screen},
    {ScreenId::settings, "nav.settings", BB_ICON_COG, Str::nav_settings, "settings", draw_settings_screen},
};

// IME state reported by ImGui at the end of each frame (where the caret is).
ImGuiPlatformImeData g_ime;
void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) { g_ime = *data; }

std::string g_clipboard_copy;  // ImGui wants a pointer that outlives the call
const char* get_clipboard(void*) {
  g_clipboard_copy = platform::clipboard_text();
  return g_clipboard_copy.c_str();
}
void set_clipboard(void*, const char* text) { platform::set_clipboard_text(text); }

ImGuiMouseSource to_imgui(PointerKind kind) {
  switch (kind) {
    case PointerKind::touch:
      return ImGuiMouseSource_TouchScreen;
    case PointerKind::pen:
      return ImGuiMouseSource_Pen;
    default:
      return ImGuiMouseSource_Mouse;
  }
}

ImGuiKey key_from_dom(const std::string& key, const std::string& code) {
  struct Named {
    const char* name;
    ImGuiKey key;
  };
  static const Named kNamed[] = {
      {"Backspace", ImGuiKey_Backspace},
      {"Enter", ImGuiKey_Enter},
      {"Tab", ImGuiKey_Tab},
      {"Escape", ImGuiKey_Escape},
      {"Delete", ImGuiKey_Delete},
      {"ArrowLeft", ImGuiKey_LeftArrow},
      {"ArrowRight", ImGuiKey_RightArrow},
      {"ArrowUp", ImGuiKey_UpArrow},
      {"ArrowDown", ImGuiKey_DownArrow},
      {"Home", ImGuiKey_Home},
      {"End", ImGuiKey_End},
      {"PageUp", ImGuiKey_PageUp},
      {"PageDown", ImGuiKey_PageDown},
      {"Insert", ImGuiKey_Insert},
  };
  for (const auto& n : kNamed)
    if (key == n.name) return n.key;
  // Letters by physical position, for shortcuts (Ctrl+A/C/X/Z/Y).
  if (code.size() == 4 && code.compare(0, 3, "Key") == 0 && code[3] >= 'A' && code[3] <= 'Z')
    return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
  return ImGuiKey_None;
}

}  // namespace

// [SECTION] Preferences ---------------------------------------------------------

void App::init() {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini: layout is the app's, persistence the store's
  io.LogFilename = nullptr;
  io.ConfigInputTrickleEventQueue = true;
  io.ConfigInputTextCursorBlink = true;
  io.ConfigWindowsMoveFromTitleBarOnly = true;
  io.SetPlatformImeDataFn = set_ime_data;
  io.SetClipboardTextFn = set_clipboard;
  io.GetClipboardTextFn = get_clipboard;

  const std::string lang = platform::load_preference("language");
  const std::string font = platform::load_preference("font_step");
  const std::string theme = platform::load_preference("theme");
  prefs_.language = lang == "en" ? 1 : 0;
  if (font.size() == 1 && font[0] >= '0' && font[0] <= '3') prefs_.font_step = font[0] - '0';
  prefs_.theme = theme == "dark" ? Theme::dark : Theme::light;
  apply_preferences();
}

void App::apply_preferences() {
  set_language(prefs_.language == 1 ? Lang::en : Lang::de);
  apply_theme(prefs_.theme, font_size_for_step(prefs_.font_step));
  fonts_dirty_ = true;
}

void App::save_preferences() {
  platform::save_preference("language", prefs_.language == 1 ? "en" : "de");
  platform::save_preference("font_step", std::string(1, static_cast<char>('0' + prefs_.font_step)));
  platform::save_preference("theme", prefs_.theme == Theme::dark ? "dark" : "light");
}

void App::build_fonts() {
  bb::ui::build_fonts(font_size_for_step(prefs_.font_step), dpr_);
  fonts_dirty_ = false;
}

// [SECTION] Input bridge (pointer, keys, text) --------------------------------------

void App::set_viewport(float css_width, float css_height, float device_pixel_ratio) {
  if (std::fabs(device_pixel_ratio - dpr_) > 0.01f) fonts_dirty_ = true;
  css_w_ = std::max(1.0f, css_width);
  css_h_ = std::max(1.0f, css_height);
  dpr_ = std::max(0.5f, device_pixel_ratio);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(css_w_, css_h_);
  io.DisplayFramebufferScale = ImVec2(dpr_, dpr_);
  pacing_.note_activity();
}

void App::apply_actions(const std::vector<InputAction>& actions) {
  ImGuiIO& io = ImGui::GetIO();
  for (const auto& a : actions) {
    switch (a.type) {
      case InputAction::Type::source:
        io.AddMouseSourceEvent(to_imgui(a.kind));
        break;
      case InputAction::Type::mouse_pos:
        io.AddMouseSourceEvent(to_imgui(a.kind));
        io.AddMousePosEvent(a.x < -1e30f ? -FLT_MAX : a.x, a.y < -1e30f ? -FLT_MAX : a.y);
        break;
      case InputAction::Type::button:
        io.AddMouseSourceEvent(to_imgui(a.kind));
        io.AddMouseButtonEvent(a.button, a.down);
        break;
      case InputAction::Type::scroll_pixels:
        pending_scroll_.x += a.x;
        pending_scroll_.y += a.y;
        break;
    }
  }
}

void App::pointer(const PointerEvent& e) {
  input_since_frame_ = true;
  actions_.clear();
  gestures_.on_event(e, actions_);
  apply_actions(actions_);
  pacing_.note_activity();
}

bool App::key(const std::string& key, const std::string& code, bool down, bool ctrl, bool shift, bool alt,
              bool meta) {
  input_since_frame_ = true;
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
  io.AddKeyEvent(ImGuiMod_Shift, shift);
  io.AddKeyEvent(ImGuiMod_Alt, alt);
  io.AddKeyEvent(ImGuiMod_Super, meta);
  pacing_.note_activity();
  const ImGuiKey k = key_from_dom(key, code);
  if (k == ImGuiKey_None) return false;
  const bool shortcut = ctrl || meta;
  // Letters count only as shortcuts; Ctrl+V is left to the browser's paste event,
  // the only way a web page may read the clipboard.
  if (k >= ImGuiKey_A && k <= ImGuiKey_Z && (!shortcut || k == ImGuiKey_V)) return false;
  io.AddKeyEvent(k, down);
  return true;
}

void App::text(const char* utf8) {
  input_since_frame_ = true;
  // Line breaks come as Enter key presses, so single-line fields can react to them.
  ImGuiIO& io = ImGui::GetIO();
  for (const char* p = utf8; *p; ++p) {
    if (*p == '\n' || *p == '\r') {
      if (*p == '\r' && p[1] == '\n') ++p;
      io.AddKeyEvent(ImGuiKey_Enter, true);
      io.AddKeyEvent(ImGuiKey_Enter, false);
    } else {
      const char* start = p;
      while (p[1] && p[1] != '\n' && p[1] != '\r') ++p;
      io.AddInputCharactersUTF8(std::string(start, static_cast<size_t>(p - start + 1)).c_str());
    }
  }
  pacing_.note_activity();
}

void App::paste(const char* utf8) {
  input_since_frame_ = true;
  if (!deliver_paste(utf8)) text(utf8);  // into the field that asked, else as typing
  pacing_.note_activity();
}

void App::wheel(float dx, float dy) {
  input_since_frame_ = true;
  ImGui::GetIO().AddMouseWheelEvent(dx, dy);
  pacing_.note_activity();
}

void App::focus(bool focused) {
  ImGui::GetIO().AddFocusEvent(focused);
  pacing_.note_activity();
}

void App::set_update_available(bool available) {
  update_available_ = available;
  pacing_.note_activity();
}

bool App::wants_text_input() const { return g_ime.WantVisible && ImGui::GetIO().WantTextInput; }
bool App::text_input_is_password() const { return ui::text_input_is_password(); }

void App::set_session(store::Session* session) {
  session_ = session;
  was_unlocked_ = false;
  if (session_) {
    session_->set_change_listener([this] { on_session_changed(); });
    session_->set_draft_keeper([this] { keep_case_draft(*session_, forms_); });
  }
  on_session_changed();
}

void App::on_session_changed() {
  const bool unlocked = session_ && session_->unlocked();
  const bool just_unlocked = !was_unlocked_ && unlocked;
  const bool just_locked = was_unlocked_ && !unlocked;
  was_unlocked_ = unlocked;  // first: what follows may commit, which calls back here
  if (just_locked) {
    // Locked: nothing personal may stay on screen or in the UI's memory.
    forms_.wipe_all();
    forget_text_input();
    screen_ = navigate_to_ = ScreenId::start;
    reset_scroll_ = true;
  }
  if (just_unlocked) {
    auto title = session_->setting("book_title");
    if (title.ok() && title->has_value()) {
      forms_.book_title = **title;
      forms_.book_title_shown = **title;
      wipe(**title);
    }
    // An interrupted form comes back where it was (docs/ui.md, "No lost input").
    if (restore_case_draft(*session_, forms_)) {
      screen_ = navigate_to_ = ScreenId::families;
      reset_scroll_ = true;
    }
  }
  pacing_.note_activity();
  platform::request_frame();
}

bool App::nav_visible(ScreenId id) const {
  if (session_ && session_->unlocked()) return true;
  return id == ScreenId::start || id == ScreenId::settings;
}

const char* App::screen_name() const {
  for (const auto& n : kNav)
    if (n.id == screen_) return n.name;
  return "start";
}

// [SECTION] Frame ----------------------------------------------------------------------

void App::begin_frame(double now_ms) {
  actions_.clear();
  gestures_.on_time(now_ms, actions_);
  apply_actions(actions_);

  ImGuiIO& io = ImGui::GetIO();
  const double dt = last_frame_ms_ < 0 ? 16.0 : now_ms - last_frame_ms_;
  // After a long sleep a huge step would skip double-click and key-repeat timing.
  io.DeltaTime = static_cast<float>(std::clamp(dt, 1.0, 100.0) / 1000.0);
  last_frame_ms_ = now_ms;
  if (session_) {
    if (input_since_frame_) session_->note_activity(now_ms);
    session_->tick(now_ms);  // auto-lock (idle or hidden too long)
  }
  input_since_frame_ = false;

  // Drag-to-scroll: move the window under the finger, 1:1 with the finger.
  if (pending_scroll_.x != 0 || pending_scroll_.y != 0) {
    ImGuiContext& g = *GImGui;
    ImGuiWindow* w = g.HoveredWindow;
    while (w && (w->Flags & ImGuiWindowFlags_ChildWindow) && w->ScrollMax.y <= 0 && w->ScrollMax.x <= 0)
      w = w->ParentWindow;
    if (w) {
      if (w->ScrollMax.y > 0)
        ImGui::SetScrollY(w, ImClamp(w->Scroll.y - pending_scroll_.y, 0.0f, w->ScrollMax.y));
      if (w->ScrollMax.x > 0)
        ImGui::SetScrollX(w, ImClamp(w->Scroll.x - pending_scroll_.x, 0.0f, w->ScrollMax.x));
    }
    pending_scroll_ = ImVec2(0, 0);
  }
  widget_registry().begin_frame();
  widgets_begin_frame();
}

void App::draw() {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const bool wide = css_w_ >= kWideLayoutMinWidth;
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
  const ImGuiWindowFlags root_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##root", nullptr, root_flags);
  ImGui::PopStyleVar(2);

  const float tab_bar_h = touch_target_height() * 1.6f;
  if (wide) {
    draw_navigation(true);
    ImGui::SameLine(0, 0);
  }

  // The page: centred, at most kMaxPageWidth wide, scrolled as a whole.
  const float content_w = wide ? ImGui::GetContentRegionAvail().x : css_w_;
  const float pad_x = std::max(ImGui::GetStyle().WindowPadding.x, (content_w - kMaxPageWidth) * 0.5f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad_x, ImGui::GetStyle().WindowPadding.y));
  if (reset_scroll_) ImGui::SetNextWindowScroll(ImVec2(0, 0));
  reset_scroll_ = false;
  // Leave room for the tab bar and the item spacing ImGui puts before it.
  const float content_h = wide ? 0.0f : -(tab_bar_h + ImGui::GetStyle().ItemSpacing.y);
  ImGui::BeginChild("##content", ImVec2(0, content_h), ImGuiChildFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleVar();
  draw_update_banner();

  bool prefs_changed = false;
  ScreenContext ctx{prefs_,           prefs_changed, navigate_to_, probe_line_,
                    probe_multiline_, session_,      forms_,       last_frame_ms_};
  if (session_) {
    run_pending_action(ctx);  // queued by a tap in the last frame
    if (!nav_visible(screen_)) screen_ = navigate_to_ = ScreenId::start;
    draw_save_status(ctx);
  }
  const bool unlocked = session_ && session_->unlocked();
  for (const auto& n : kNav) {
    if (n.id != screen_) continue;
    if (n.id == ScreenId::start && session_ && !unlocked)
      draw_lock_screen(ctx);
    else
      n.draw(ctx);
  }
  ImGui::Dummy(ImVec2(0, ImGui::GetStyle().WindowPadding.y));
  content_scroll_y_ = ImGui::GetScrollY();
  ImGui::EndChild();

  if (!wide) draw_navigation(false);
  draw_edit_menu();
  ImGui::End();
  if (session_) draw_save_badge(*session_, ImVec2(vp->WorkPos.x + vp->WorkSize.x - 14, vp->WorkPos.y + 8));

  // A new layout (screen, lock step, save banner) settles over a few frames:
  // auto-sized cards take their height one frame late. Draw them.
  const int layout = static_cast<int>(screen_) * 1000 +
                     (session_ ? static_cast<int>(session_->state()) * 100 +
                                     static_cast<int>(session_->save_status().state) * 10
                               : 0) +
                     static_cast<int>(forms_.step) + (forms_.message.empty() ? 0 : 5);
  if (layout != last_layout_) {
    last_layout_ = layout;
    pacing_.note_activity();
  }
  // Any card that appeared or changed its content settles the same way (a view
  // opened by a picked file, a list that grew): draw until nothing moves, so
  // what is on screen is where the next tap lands.
  const ImU32 sizes = window_sizes_signature();
  if (sizes != last_window_sizes_) {
    last_window_sizes_ = sizes;
    pacing_.note_activity();
  }

  if (prefs_changed) {
    apply_preferences();
    save_preferences();
  }
  if (forms_.scroll_to_top) {
    reset_scroll_ = true;
    forms_.scroll_to_top = false;
    pacing_.note_activity();
  }
  if (navigate_to_ != screen_ && !may_leave_screen(forms_, navigate_to_)) navigate_to_ = screen_;
  if (navigate_to_ != screen_) {  // set by the navigation or by a screen
    if (navigate_to_ == ScreenId::settings) platform::refresh_storage_info();  // usage and quota now
    screen_ = navigate_to_;
    reset_scroll_ = true;
    pacing_.note_activity();
  }
  scroll_active_text_into_view();
}

void App::scroll_active_text_into_view() {
  // Keep the field being typed in above the on-screen keyboard: when a field
  // becomes active or the viewport shrinks (the keyboard opened), scroll it into view.
  static float last_h = 0;
  ImGuiContext& g = *GImGui;
  const ImGuiID active = g.InputTextState.ID == g.ActiveId ? g.ActiveId : 0;
  const bool changed = active != text_input_id_ || css_h_ < last_h;
  text_input_id_ = active;
  last_h = css_h_;
  if (!active || !changed || !g.ActiveIdWindow) return;
  ImGuiWindow* w = g.ActiveIdWindow;
  while (w && (w->Flags & ImGuiWindowFlags_ChildWindow) && w->ScrollMax.y <= 0) w = w->ParentWindow;
  if (!w) return;
  const float margin = ImGui::GetStyle().ItemSpacing.y;
  const float caret_bottom = g_ime.InputPos.y + g_ime.InputLineHeight;
  const float target = std::max(active_text_field_bottom(), caret_bottom) + margin;
  if (target > w->InnerRect.Max.y) ImGui::SetScrollY(w, w->Scroll.y + (target - w->InnerRect.Max.y));
  pacing_.note_activity();
}

double App::after_frame(double now_ms) {
  ImGuiContext& g = *GImGui;
  text_input_pos_ = g_ime.InputPos;
  text_input_line_height_ = g_ime.InputLineHeight;
  FrameNeeds needs;
  needs.input_queued = !g.InputEventsQueue.empty();
  needs.timer_due_ms = gestures_.next_deadline_ms();
  auto sooner = [&](double at) {
    if (at >= 0 && (needs.timer_due_ms < 0 || at < needs.timer_due_ms)) needs.timer_due_ms = at;
  };
  if (session_) {
    if (session_->auto_lock().armed()) sooner(std::max(now_ms, session_->auto_lock().deadline()) + 1);
    const double wait = session_->unlock_wait_ms(now_ms);  // the countdown on the lock screen
    if (wait > 0) sooner(now_ms + std::min(wait, 1000.0) + 1);
    if (forms_.pending != Forms::Pending::none) needs.animating = true;
  }
  needs.text_caret_visible = wants_text_input();
  return pacing_.after_frame(now_ms, needs);
}

// [SECTION] Navigation frame -----------------------------------------------------

void App::draw_navigation(bool wide) {
  const Palette& p = palette();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, p.sidebar);
  const float h = touch_target_height();
  // While locked only the lock screen (as "Entsperren") and the settings that
  // are not personal are reachable; unlocked, "Jetzt sperren" comes last.
  const bool unlocked = !session_ || session_->unlocked();
  struct Item {
    const char* test_id;
    const char* icon;
    const char* label;
    bool selected;
    int target;  // index into kNav, or -1: lock now
  };
  std::vector<Item> items;
  for (int i = 0; i < static_cast<int>(sizeof(kNav) / sizeof(kNav[0])); ++i) {
    const auto& n = kNav[i];
    if (!nav_visible(n.id)) continue;
    const bool lock_entry = !unlocked && n.id == ScreenId::start;
    items.push_back({n.test_id, lock_entry ? BB_ICON_LOCK : n.icon,
                     tr(lock_entry ? Str::lock_nav_unlock : n.label), n.id == screen_, i});
  }
  if (session_ && unlocked) items.push_back({"nav.lock", BB_ICON_LOCK, tr(Str::lock_now), false, -1});
  auto activate = [&](const Item& item) {
    if (item.target >= 0)
      navigate_to_ = kNav[item.target].id;
    else
      session_->lock();
  };

  if (wide) {
    const float nav_w = std::max(230.0f, ImGui::CalcTextSize(tr(Str::nav_settings)).x + 110.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 20));
    ImGui::BeginChild("##nav", ImVec2(nav_w, 0), ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    ImGui::PushFont(font_heading());
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    ImGui::TextUnformatted(BB_ICON_BOOK);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(Str::app_name));
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 16));
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 6));
    for (const auto& item : items) {
      if (item.target < 0) ImGui::Dummy(ImVec2(0, 10));
      if (item.selected)
        ImGui::PushStyleColor(ImGuiCol_Header, ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.18f));
      std::string label = std::string(item.icon) + "   " + item.label;
      ImGui::PushID(item.test_id);
      if (ImGui::Selectable(label.c_str(), item.selected, 0, ImVec2(0, h))) activate(item);
      ImGui::PopID();
      widget_registry().tag_last_item(item.test_id, item.label);
      if (item.selected) ImGui::PopStyleColor();
    }
    ImGui::PopStyleVar(2);
    ImGui::EndChild();
  } else {
    const float bar_h = h * 1.6f;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 6));
    ImGui::BeginChild("##tabs", ImVec2(0, bar_h), ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NoScrollbar);
    ImGui::PopStyleVar();
    const int n_items = static_cast<int>(items.size());
    const float w = ImGui::GetContentRegionAvail().x / static_cast<float>(std::max(1, n_items));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.5f, 0.5f));
    for (int i = 0; i < n_items; ++i) {
      const auto& item = items[static_cast<size_t>(i)];
      if (i) ImGui::SameLine(0, 0);
      if (item.selected) ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
      std::string label = std::string(item.icon) + "\n" + item.label;
      ImGui::PushID(item.test_id);
      if (ImGui::Selectable(label.c_str(), item.selected, 0, ImVec2(w, bar_h - 12))) activate(item);
      ImGui::PopID();
      widget_registry().tag_last_item(item.test_id, item.label);
      if (item.selected) ImGui::PopStyleColor();
    }
    ImGui::PopStyleVar(2);
    ImGui::EndChild();
  }
  ImGui::PopStyleColor();
}

void App::draw_update_banner() {
  if (!update_available_ || update_dismissed_) return;
  const Palette& p = palette();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, p.warning_bg);
  ImGui::PushStyleColor(ImGuiCol_Text, p.warning_text);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18, 14));
  ImGui::BeginChild(
      "update.banner", ImVec2(0, 0),
      ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_Border);
  ImGui::TextWrapped(BB_ICON_REFRESH "  %s", tr(Str::app_update_available));
  ImGui::PopStyleColor();
  if (button("update.reload", tr(Str::app_update_reload), true)) platform::apply_update();
  ImGui::SameLine();
  if (button("update.later", tr(Str::app_update_later))) update_dismissed_ = true;
  ImGui::EndChild();
  widget_registry().tag_last_item("update.banner");
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  ImGui::Spacing();
}

}  // namespace bb::ui
