// The CLI's subcommands register themselves here: one file per command group
// (cmd_store.cpp, cmd_age.cpp, ...), no central list to edit.
//
// Errors follow the age CLI: one line "begleitbuch: error: ...", optional
// "begleitbuch: hint: ..." lines, exit status non-zero.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace bb::cli {

struct Args {
  std::vector<std::string> words;  // everything after the command name
};

struct Command {
  const char* name;   // e.g. "init" or "age" (dispatches on the next word itself)
  const char* usage;  // one line, e.g. "init STORE [--passphrase-file F]"
  int (*run)(Args& args);
};

// Adds a command to the registry (called by BB_CLI_COMMAND at start-up).
bool register_command(const Command& command);
const std::vector<Command>& commands();

// Prints "begleitbuch: error: <text>" (and a hint line if given); returns 1.
int fail(const std::string& text, const std::string& hint = {});
// Prints an Error the same way: its technical detail, then its message as hint.
int fail(const Error& error);

// Small argument helpers: take "--name VALUE" out of args; false if absent.
bool take_option(Args& args, const std::string& name, std::string& value);
bool take_flag(Args& args, const std::string& name);

}  // namespace bb::cli

#define BB_CLI_CONCAT2(a, b) a##b
#define BB_CLI_CONCAT(a, b) BB_CLI_CONCAT2(a, b)
#define BB_CLI_COMMAND(...) \
  static const bool BB_CLI_CONCAT(bb_cli_registered_, __LINE__) = ::bb::cli::register_command(__VA_ARGS__)
