// The browser entry point: WebGL2 context, the ImGui renderer, and the C
// functions shell/boot.js calls for input and frames. Rendering is driven by
// boot.js: it calls bb_frame() only when something happened or a timer is due,
// and bb_frame() answers when it wants the next one (see ui/frame_pacing.h).
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <GLES3/gl3.h>

#include <string>
#include <vector>

#include "app/store_web.h"
#include "core/version_info.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "ui/app.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

namespace {

bb::ui::App g_app;
EMSCRIPTEN_WEBGL_CONTEXT_HANDLE g_gl = 0;
bool g_started = false;
double g_context_ms = 0, g_fonts_ms = 0;  // start-up breakdown for tools/bench
int g_frames = 0;
std::string g_json;  // the last string handed to JS (kept alive until the next call)

void upload_fonts() {
  g_app.build_fonts();
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

}  // namespace

extern "C" {

// Hands over the bytes of a font file (slot: 0 regular, 1 semibold, 2 icons).
// Must come before bb_start; the memory is copied.
EMSCRIPTEN_KEEPALIVE void bb_set_font(int slot, const unsigned char* data, int size) {
  if (slot < 0 || slot >= static_cast<int>(bb::ui::FontSlot::count_) || size <= 0) return;
  bb::ui::set_font_data(static_cast<bb::ui::FontSlot>(slot), std::vector<unsigned char>(data, data + size));
}

// Creates the GL context and the UI. Returns 0 on success, else a failure code
// boot.js turns into a message (1: no WebGL2).
EMSCRIPTEN_KEEPALIVE int bb_start(float css_w, float css_h, float dpr) {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  attrs.alpha = false;
  attrs.antialias = false;  // ImGui anti-aliases its own geometry
  attrs.depth = false;
  attrs.stencil = false;
  attrs.premultipliedAlpha = false;
  attrs.preserveDrawingBuffer = false;
  attrs.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
  // WebGL2 core is all ImGui needs; enabling every extension costs start-up time.
  attrs.enableExtensionsByDefault = false;
  const double t0 = emscripten_get_now();
  g_gl = emscripten_webgl_create_context("#bb-canvas", &attrs);
  if (g_gl <= 0) return 1;
  emscripten_webgl_make_context_current(g_gl);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  g_app.init();
  g_app.set_session(&bb::app::start_session());  // after shell/store.js handed over the stored pages
  g_app.set_viewport(css_w, css_h, dpr);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  const double t1 = emscripten_get_now();
  g_context_ms = t1 - t0;
  g_app.build_fonts();
  g_fonts_ms = emscripten_get_now() - t1;
  // Shaders, buffers and the font texture in one go (the first NewFrame would
  // otherwise create them again and upload the atlas a second time).
  ImGui_ImplOpenGL3_CreateDeviceObjects();
  g_started = true;
  return 0;
}

EMSCRIPTEN_KEEPALIVE void bb_resize(float css_w, float css_h, float dpr) {
  if (g_started) g_app.set_viewport(css_w, css_h, dpr);
}

// kind: 0 mouse, 1 touch, 2 pen; type: 0 down, 1 move, 2 up, 3 cancel.
EMSCRIPTEN_KEEPALIVE void bb_pointer(int type, int id, int kind, int primary, int button, float x, float y,
                                     double time_ms) {
  if (!g_started) return;
  bb::ui::PointerEvent e;
  e.type = static_cast<bb::ui::PointerEvent::Type>(type);
  e.pointer_id = id;
  e.kind = kind == 1   ? bb::ui::PointerKind::touch
           : kind == 2 ? bb::ui::PointerKind::pen
                       : bb::ui::PointerKind::mouse;
  e.primary = primary != 0;
  e.button = button;
  e.x = x;
  e.y = y;
  e.time_ms = time_ms;
  g_app.pointer(e);
}

EMSCRIPTEN_KEEPALIVE int bb_key(const char* key, const char* code, int down, int mods) {
  if (!g_started) return 0;
  return g_app.key(key, code, down != 0, mods & 1, mods & 2, mods & 4, mods & 8) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void bb_text(const char* utf8) {
  if (g_started) g_app.text(utf8);
}

EMSCRIPTEN_KEEPALIVE void bb_paste(const char* utf8) {
  if (g_started) g_app.paste(utf8);
}

EMSCRIPTEN_KEEPALIVE void bb_wheel(float dx, float dy) {
  if (g_started) g_app.wheel(dx, dy);
}

EMSCRIPTEN_KEEPALIVE void bb_focus(int focused) {
  if (g_started) g_app.focus(focused != 0);
}

EMSCRIPTEN_KEEPALIVE void bb_update_available(int available) {
  if (g_started) g_app.set_update_available(available != 0);
}

// Draws one frame. Returns the delay in ms until the next one is due: 0 = next
// animation frame, > 0 = after a timer, < 0 = only on input.
EMSCRIPTEN_KEEPALIVE double bb_frame(double now_ms) {
  if (!g_started) return -1;
  g_app.begin_frame(now_ms);
  if (g_app.fonts_dirty()) upload_fonts();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  g_app.draw();
  ImGui::Render();

  const ImGuiIO& io = ImGui::GetIO();
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++g_frames;
  return g_app.after_frame(now_ms);
}

// --- State for boot.js and the test API -------------------------------------------

EMSCRIPTEN_KEEPALIVE int bb_frames() { return g_frames; }
EMSCRIPTEN_KEEPALIVE double bb_context_ms() { return g_context_ms; }
EMSCRIPTEN_KEEPALIVE double bb_fonts_ms() { return g_fonts_ms; }
EMSCRIPTEN_KEEPALIVE int bb_wants_text_input() { return g_started && g_app.wants_text_input() ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE unsigned bb_text_input_id() { return g_started ? g_app.text_input_id() : 0; }
EMSCRIPTEN_KEEPALIVE float bb_text_input_x() { return g_app.text_input_pos().x; }
EMSCRIPTEN_KEEPALIVE float bb_text_input_y() { return g_app.text_input_pos().y; }
EMSCRIPTEN_KEEPALIVE float bb_text_input_h() { return g_app.text_input_line_height(); }
EMSCRIPTEN_KEEPALIVE float bb_scroll_y() { return g_app.content_scroll_y(); }
EMSCRIPTEN_KEEPALIVE const char* bb_screen() { return g_app.screen_name(); }
EMSCRIPTEN_KEEPALIVE const char* bb_version() { return BB_VERSION "+" BB_GIT_COMMIT; }

EMSCRIPTEN_KEEPALIVE const char* bb_widgets_json() {
  g_json = bb::ui::widget_registry().to_json();
  return g_json.c_str();
}

// Text of a test-probe field, or null (personal fields are never readable here).
EMSCRIPTEN_KEEPALIVE const char* bb_probe_text(const char* id) {
  const std::string* text = bb::ui::widget_registry().probe_text(id);
  if (!text) return nullptr;
  g_json = *text;
  return g_json.c_str();
}

}  // extern "C"

int main() { return 0; }  // boot.js calls bb_start once fonts and canvas are ready
