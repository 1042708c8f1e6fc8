// The native command line tool `begleitbuch`: the same core, store, crypto and
// exchange libraries as the browser app, for scripts, tests and benchmarks.
#include <cstdio>
#include <cstring>
#include <exception>

#include "cli/command.h"
#include "core/version_info.h"

namespace bb::cli {

namespace {
std::vector<Command>& registry() {
  static std::vector<Command> list;
  return list;
}

void print_usage() {
  std::printf("Begleitbuch %s (%s)\nusage:\n", BB_VERSION, BB_GIT_COMMIT);
  for (const auto& c : commands()) std::printf("  begleitbuch %s\n", c.usage);
  std::printf("  begleitbuch version\n");
}
}  // namespace

bool register_command(const Command& command) {
  registry().push_back(command);
  return true;
}
const std::vector<Command>& commands() { return registry(); }

int fail(const std::string& text, const std::string& hint) {
  std::fprintf(stderr, "begleitbuch: error: %s\n", text.c_str());
  if (!hint.empty()) std::fprintf(stderr, "begleitbuch: hint: %s\n", hint.c_str());
  return 1;
}

int fail(const Error& error) {
  return fail(error.detail.empty() ? error.text() : error.detail, error.text());
}

bool take_option(Args& args, const std::string& name, std::string& value) {
  for (size_t i = 0; i < args.words.size(); ++i) {
    if (args.words[i] == name && i + 1 < args.words.size()) {
      value = args.words[i + 1];
      args.words.erase(args.words.begin() + static_cast<long>(i),
                       args.words.begin() + static_cast<long>(i) + 2);
      return true;
    }
    const std::string prefix = name + "=";
    if (args.words[i].rfind(prefix, 0) == 0) {
      value = args.words[i].substr(prefix.size());
      args.words.erase(args.words.begin() + static_cast<long>(i));
      return true;
    }
  }
  return false;
}

bool take_flag(Args& args, const std::string& name) {
  for (size_t i = 0; i < args.words.size(); ++i) {
    if (args.words[i] == name) {
      args.words.erase(args.words.begin() + static_cast<long>(i));
      return true;
    }
  }
  return false;
}

}  // namespace bb::cli

int main(int argc, char** argv) {
  using namespace bb::cli;
  // The CLI speaks English in its technical lines; user messages stay German.
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "help")) {
    print_usage();
    return argc < 2 ? 2 : 0;
  }
  if (!std::strcmp(argv[1], "version") || !std::strcmp(argv[1], "--version")) {
    std::printf("begleitbuch %s (%s)\n", BB_VERSION, BB_GIT_COMMIT);
    return 0;
  }
  for (const auto& c : commands()) {
    if (std::strcmp(c.name, argv[1]) != 0) continue;
    Args args;
    for (int i = 2; i < argc; ++i) args.words.emplace_back(argv[i]);
    try {
      return c.run(args);
    } catch (const std::exception& e) {  // last line of defence: never abort on input
      return fail(std::string("internal error: ") + e.what());
    }
  }
  return fail(std::string("unknown command \"") + argv[1] + "\"", "run 'begleitbuch help' for the list");
}
