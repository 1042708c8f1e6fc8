// CLI commands for the encrypted store: init, check, passwd.
// Passphrases come from a file (--passphrase-file F, first line) or standard
// input, never from argv (argv is visible to every user of the machine).
#include <cstdio>

#include "cli/command.h"
#include "core/passphrase.h"
#include "store/store.h"

namespace bb::cli {
namespace {

// Takes STORE (the one remaining word) and the passphrase options.
bool take_store(Args& args, std::string& store, std::string& passphrase_file) {
  if (!take_option(args, "--passphrase-file", passphrase_file)) passphrase_file = "-";
  if (args.words.size() != 1 || args.words[0].rfind("--", 0) == 0) return false;
  store = args.words[0];
  return true;
}

int fail_open(const Error& error, const std::string& store) {
  if (error.is(Str::store_wrong_passphrase)) {
    return fail("wrong passphrase for \"" + store + "\" (the file is unchanged)");
  }
  return fail(error);
}

int run_init(Args& args) {
  std::string store, passphrase_file;
  if (!take_store(args, store, passphrase_file)) {
    return fail("usage: begleitbuch init STORE [--passphrase-file F]",
                "without --passphrase-file the passphrase is read from stdin");
  }
  auto passphrase = bb::store::read_passphrase_file(passphrase_file);
  if (!passphrase.ok()) return fail(passphrase.error());
  if (auto policy = check_passphrase_policy(passphrase->view()); !policy.ok()) {
    return fail("passphrase rejected: " + policy.error().detail, policy.error().text());
  }
  auto created = bb::store::Store::create(store, passphrase->view());
  if (!created.ok()) return fail(created.error());
  std::printf("created %s (schema %d)\n", store.c_str(), created->schema_version());
  return 0;
}

int run_check(Args& args) {
  const bool verbose = take_flag(args, "--verbose");
  std::string store, passphrase_file;
  if (!take_store(args, store, passphrase_file)) {
    return fail("usage: begleitbuch check STORE [--passphrase-file F] [--verbose]");
  }
  auto passphrase = bb::store::read_passphrase_file(passphrase_file);
  if (!passphrase.ok()) return fail(passphrase.error());
  bb::store::Options options;
  options.migrate = false;  // a check never changes the file
  auto opened = bb::store::Store::open(store, passphrase->view(), options);
  passphrase->clear();
  if (!opened.ok()) return fail_open(opened.error(), store);
  auto report = opened->check();
  if (!report.ok()) return fail(report.error());
  if (!report->ok) {
    for (const auto& problem : report->problems)
      std::fprintf(stderr, "begleitbuch: integrity: %s\n", problem.c_str());
    return fail("integrity check of \"" + store + "\" failed", "restore the store from a backup");
  }
  std::printf("ok\n");
  if (verbose) {
    const auto& c = report->cipher;
    std::printf("cipher: %s (%s), Argon2id t=%d m=%d KiB p=%d\n", c.cipher.c_str(), c.algorithm.c_str(),
                c.kdf.time_cost, c.kdf.memory_kib, c.kdf.parallelism);
    std::printf("page size: %d (reserved %d), pages: %lld, schema: %d\n", c.page_size, c.reserved_bytes,
                static_cast<long long>(report->page_count), report->schema_version);
    std::printf("%s, SQLite %s\n", c.sqlite3mc_version.c_str(), c.sqlite_version.c_str());
  }
  return 0;
}

int run_passwd(Args& args) {
  std::string new_file;
  const bool has_new = take_option(args, "--new-passphrase-file", new_file);
  std::string store, passphrase_file;
  if (!has_new || !take_store(args, store, passphrase_file)) {
    return fail("usage: begleitbuch passwd STORE [--passphrase-file F] --new-passphrase-file F2");
  }
  if (passphrase_file == "-" && new_file == "-") return fail("only one passphrase can come from stdin");
  auto old_passphrase = bb::store::read_passphrase_file(passphrase_file);
  if (!old_passphrase.ok()) return fail(old_passphrase.error());
  auto new_passphrase = bb::store::read_passphrase_file(new_file);
  if (!new_passphrase.ok()) return fail(new_passphrase.error());
  if (auto policy = check_passphrase_policy(new_passphrase->view()); !policy.ok()) {
    return fail("new passphrase rejected: " + policy.error().detail, policy.error().text());
  }
  auto opened = bb::store::Store::open(store, old_passphrase->view());
  old_passphrase->clear();
  if (!opened.ok()) return fail_open(opened.error(), store);
  if (auto status = opened->change_passphrase(new_passphrase->view()); !status.ok())
    return fail(status.error());
  std::printf("passphrase changed for %s\n", store.c_str());
  return 0;
}

BB_CLI_COMMAND(Command{"init", "init STORE [--passphrase-file F]    create an empty encrypted store",
                       run_init});
BB_CLI_COMMAND(Command{
    "check", "check STORE [--passphrase-file F] [--verbose]    unlock and run integrity_check", run_check});
BB_CLI_COMMAND(Command{"passwd",
                       "passwd STORE [--passphrase-file F] --new-passphrase-file F2    change the passphrase",
                       run_passwd});

}  // namespace
}  // namespace bb::cli
