// The native stand-in for the browser: preferences and clipboard in memory.
// Used by the CLI and the native unit tests.
#include <chrono>
#include <map>

#include "platform/platform.h"

namespace bb::platform {
namespace {
std::map<std::string, std::string>& preferences() {
  static std::map<std::string, std::string> map;
  return map;
}
std::string& clipboard() {
  static std::string text;
  return text;
}
}  // namespace

double now_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

std::string load_preference(const std::string& key) {
  auto it = preferences().find(key);
  return it == preferences().end() ? std::string() : it->second;
}
void save_preference(const std::string& key, const std::string& value) { preferences()[key] = value; }

void set_clipboard_text(const std::string& text) { clipboard() = text; }
std::string clipboard_text() { return clipboard(); }
void request_paste() {}

bool update_available() { return false; }
void apply_update() {}
void request_frame() {}

}  // namespace bb::platform
