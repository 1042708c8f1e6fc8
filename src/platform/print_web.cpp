#include "platform/print.h"

#include <emscripten.h>

// The bodies of EM_JS are JavaScript: never format them as C++.
// clang-format off
EM_JS(void, js_print_html, (const char* html), {
  if (self.__bbHost && self.__bbHost.printHtml) self.__bbHost.printHtml(UTF8ToString(html));
});

EM_JS(void, js_discard_print, (), {
  if (self.__bbHost && self.__bbHost.discardPrint) self.__bbHost.discardPrint();
});
// clang-format on

namespace bb::platform {

void print_html(const std::string& html) { js_print_html(html.c_str()); }
void discard_print() { js_discard_print(); }
const std::string& last_printed_html() {
  static const std::string none;
  return none;
}

}  // namespace bb::platform
