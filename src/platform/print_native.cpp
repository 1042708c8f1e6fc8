#include "platform/print.h"

namespace bb::platform {
namespace {
std::string g_last;
}

void print_html(const std::string& html) { g_last = html; }
void discard_print() {
  for (auto& c : g_last) c = '\0';
  g_last.clear();
}
const std::string& last_printed_html() { return g_last; }

}  // namespace bb::platform
