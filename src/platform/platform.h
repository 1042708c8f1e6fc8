// The platform interface: everything the app needs from its host that plain
// C++ cannot do. platform_web.cpp implements it for the browser (the only code
// that knows the DOM), platform_native.cpp for the CLI and the native tests.
// No #ifdef __EMSCRIPTEN__ outside src/platform and src/app.
#pragma once

#include <string>

namespace bb::platform {

// Milliseconds since some fixed point, monotonic.
double now_ms();

// Small, non-personal preferences (language, theme, font size) that must be
// known before the encrypted store is unlocked. Never put personal data here:
// on the web this is localStorage.
std::string load_preference(const std::string& key);
void save_preference(const std::string& key, const std::string& value);

// Clipboard. Writing goes to the system clipboard where the browser allows it
// and always to a local copy; reading is asynchronous on the web, so
// request_paste() delivers the text later as typed characters.
void set_clipboard_text(const std::string& text);
std::string clipboard_text();
void request_paste();

// A new app version is installed and waiting (service worker). apply_update()
// switches to it by reloading; it is never applied half-way.
bool update_available();
void apply_update();

// Asks the host to draw another frame soon (e.g. after a background task).
void request_frame();

}  // namespace bb::platform
