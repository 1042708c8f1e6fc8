// The browser implementation of platform.h. Every call goes to window.__bbHost,
// defined in shell/boot.js: the one JavaScript file that talks to the DOM.
#include <emscripten/emscripten.h>

#include <cstdlib>

#include "platform/platform.h"

namespace {

// The bodies of EM_JS are JavaScript: never format them as C++ (clang-format splits "===" and "=>").
// clang-format off
// Returns a malloc'ed UTF-8 copy of a JS string (or null); the caller frees it.
EM_JS(char*, js_load_preference, (const char* key), {
  const value = self.__bbHost ? self.__bbHost.loadPreference(UTF8ToString(key)) : null;
  if (value === null || value === undefined) return 0;
  const size = lengthBytesUTF8(value) + 1;
  const ptr = _malloc(size);
  stringToUTF8(value, ptr, size);
  return ptr;
});

EM_JS(void, js_save_preference, (const char* key, const char* value), {
  if (self.__bbHost) self.__bbHost.savePreference(UTF8ToString(key), UTF8ToString(value));
});

EM_JS(void, js_set_clipboard, (const char* text), {
  if (self.__bbHost) self.__bbHost.setClipboard(UTF8ToString(text));
});

EM_JS(void, js_request_paste, (), {
  if (self.__bbHost) self.__bbHost.requestPaste();
});

EM_JS(int, js_update_available, (), { return self.__bbHost && self.__bbHost.updateAvailable ? 1 : 0; });

EM_JS(void, js_apply_update, (), {
  if (self.__bbHost) self.__bbHost.applyUpdate();
});

EM_JS(void, js_request_frame, (), {
  if (self.__bbHost) self.__bbHost.requestFrame();
});

// clang-format on

std::string g_clipboard;

}  // namespace

namespace bb::platform {

double now_ms() { return emscripten_get_now(); }

std::string load_preference(const std::string& key) {
  char* value = js_load_preference(key.c_str());
  if (!value) return {};
  std::string out(value);
  std::free(value);
  return out;
}

void save_preference(const std::string& key, const std::string& value) {
  js_save_preference(key.c_str(), value.c_str());
}

void set_clipboard_text(const std::string& text) {
  g_clipboard = text;
  js_set_clipboard(text.c_str());
}

std::string clipboard_text() { return g_clipboard; }
void request_paste() { js_request_paste(); }
bool update_available() { return js_update_available() != 0; }
void apply_update() { js_apply_update(); }
void request_frame() { js_request_frame(); }

}  // namespace bb::platform
