// CLI commands for backups and receiving keys (docs/exchange.md):
//
//   begleitbuch backup STORE -o OUT [--passphrase-file F] [--backup-passphrase-file F2]
//                          [-r RECOVERY_KEY] [-a] [--work-factor N]
//   begleitbuch restore STORE FILE [--passphrase-file F]
//                          [--backup-passphrase-file F2 | -i IDENTITY_FILE] [--replace]
//   begleitbuch keys create STORE [--label L] [--passphrase-file F]
//   begleitbuch keys list STORE [--passphrase-file F]
//   begleitbuch keys export STORE ID [--passphrase-file F]
//   begleitbuch keys decrypt STORE [-o OUT] [IN] [--passphrase-file F]
//
// Passphrases come only from files or stdin ("-"), never from argv; at most
// one of them can come from stdin. The backup passphrase defaults to the
// store passphrase. restore: F is the passphrase of the restored store; if
// STORE exists (only with --replace) F must unlock it, and the restored store
// keeps it. Errors: exit 1, "begleitbuch: error: ..." (+ a hint line).
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/passphrase.h"
#include "crypto/age.h"
#include "crypto/keys.h"
#include "crypto/scrypt.h"
#include "exchange/backup.h"
#include "store/keys.h"
#include "store/store.h"

namespace bb::cli {
namespace {

using namespace bb::exchange;

int fail_store(const Error& error, const std::string& store) {
  if (error.is(Str::store_wrong_passphrase)) {
    return fail("wrong passphrase for \"" + store + "\" (the file is unchanged)", error.text());
  }
  return fail(error);
}

Result<std::string> read_file(const std::string& path, size_t limit) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return make_error(Str::err_file_read, "cannot open " + path + ": " + std::strerror(errno), path);
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    text.append(buf, n);
    if (text.size() > limit) break;
  }
  if (f != stdin) std::fclose(f);
  if (text.size() > limit) return make_error(Str::err_file_read, path + " is too large", path);
  return text;
}

// Passphrase options: "-" (stdin) at most once.
bool two_stdin(const std::string& a, const std::string& b) { return a == "-" && b == "-"; }

Result<store::Store> open_store(const std::string& path, const std::string& passphrase_file) {
  auto passphrase = store::read_passphrase_file(passphrase_file);
  if (!passphrase.ok()) return passphrase.error();
  return store::Store::open(path, passphrase->view());
}

int run_backup(Args& args) {
  std::string out, passphrase_file = "-", backup_file, recovery, work;
  const bool has_out = take_option(args, "-o", out) || take_option(args, "--output", out);
  take_option(args, "--passphrase-file", passphrase_file);
  const bool has_backup_pass = take_option(args, "--backup-passphrase-file", backup_file);
  if (!take_option(args, "-r", recovery)) take_option(args, "--recipient", recovery);
  const bool armor = take_flag(args, "-a") || take_flag(args, "--armor");
  const bool has_work = take_option(args, "--work-factor", work);
  if (!has_out || args.words.size() != 1 || args.words[0].rfind("-", 0) == 0) {
    return fail(
        "usage: begleitbuch backup STORE -o OUT [--passphrase-file F] [--backup-passphrase-file F2] "
        "[-r RECOVERY_KEY] [-a] [--work-factor N]",
        "the backup passphrase defaults to the store passphrase");
  }
  if (has_backup_pass && two_stdin(passphrase_file, backup_file)) {
    return fail("only one passphrase can come from stdin");
  }
  const std::string path = args.words[0];
  BackupOptions options;
  if (has_work) {
    if (work.size() != 2 || work < "10" || work > "22") return fail("--work-factor must be 10..22");
    options.work_factor = std::stoi(work);
  }
  options.armor = armor;
  options.recovery_recipient = recovery;
  auto store_pass = store::read_passphrase_file(passphrase_file);
  if (!store_pass.ok()) return fail(store_pass.error());
  if (has_backup_pass) {
    auto backup_pass = store::read_passphrase_file(backup_file);
    if (!backup_pass.ok()) return fail(backup_pass.error());
    if (auto policy = check_passphrase_policy(backup_pass->view()); !policy.ok()) {
      return fail("backup passphrase rejected: " + policy.error().detail, policy.error().text());
    }
    options.passphrase = std::string(backup_pass->view());
  } else {
    options.passphrase = std::string(store_pass->view());
  }
  auto opened = store::Store::open(path, store_pass->view());
  store_pass->clear();
  if (!opened.ok()) {
    crypto::wipe(options.passphrase.data(), options.passphrase.size());
    return fail_store(opened.error(), path);
  }
  auto info = backup_to_file(*opened, out, options);
  crypto::wipe(options.passphrase.data(), options.passphrase.size());
  if (!info.ok()) return fail(info.error());
  std::printf("backup written: %s (%lld bytes of data, schema %lld)\n", out.c_str(),
              static_cast<long long>(info->header.image_bytes),
              static_cast<long long>(info->header.schema_version));
  if (info->recovery_written) std::printf("recovery file: %s\n", recovery_path(out).c_str());
  return 0;
}

int run_restore(Args& args) {
  std::string passphrase_file = "-", backup_file, identity_file;
  take_option(args, "--passphrase-file", passphrase_file);
  const bool has_backup_pass = take_option(args, "--backup-passphrase-file", backup_file);
  const bool has_identity =
      take_option(args, "-i", identity_file) || take_option(args, "--identity", identity_file);
  const bool replace = take_flag(args, "--replace");
  if (args.words.size() != 2 || args.words[0].rfind("-", 0) == 0 || args.words[1].rfind("--", 0) == 0 ||
      (has_backup_pass && has_identity)) {
    return fail(
        "usage: begleitbuch restore STORE FILE [--passphrase-file F] "
        "[--backup-passphrase-file F2 | -i IDENTITY_FILE] [--replace]",
        "without F2 or -i the store passphrase also opens the backup");
  }
  if ((has_backup_pass && two_stdin(passphrase_file, backup_file)) ||
      (has_identity && two_stdin(passphrase_file, identity_file))) {
    return fail("only one input can come from stdin");
  }
  const std::string path = args.words[0], file = args.words[1];
  auto store_pass = store::read_passphrase_file(passphrase_file);
  if (!store_pass.ok()) return fail(store_pass.error());
  std::vector<crypto::IdentityPtr> identities;
  if (has_identity) {
    auto text = read_file(identity_file, 1 << 20);
    if (!text.ok()) return fail(text.error());
    auto ids = crypto::parse_identity_file(*text);
    crypto::wipe(text->data(), text->size());
    if (!ids.ok()) return fail(ids.error());
    identities = *ids;
  } else if (has_backup_pass) {
    auto backup_pass = store::read_passphrase_file(backup_file);
    if (!backup_pass.ok()) return fail(backup_pass.error());
    identities.push_back(std::make_shared<crypto::ScryptIdentity>(std::string(backup_pass->view())));
  } else {
    identities.push_back(std::make_shared<crypto::ScryptIdentity>(std::string(store_pass->view())));
  }
  auto backup = read_backup_file(file, identities);
  identities.clear();
  if (!backup.ok()) return fail(backup.error());
  // A new store gets the passphrase of F: it must meet the policy. (An
  // existing one is checked by unlocking it in restore_backup.)
  if (std::FILE* existing = std::fopen(path.c_str(), "rb")) {
    std::fclose(existing);
  } else if (auto policy = check_passphrase_policy(store_pass->view()); !policy.ok()) {
    return fail("passphrase for the new store rejected: " + policy.error().detail, policy.error().text());
  }
  auto restored = restore_backup(*backup, path, store_pass->view(),
                                 replace ? RestoreChoice::replace : RestoreChoice::cancel);
  store_pass->clear();
  if (!restored.ok()) {
    if (restored.error().is(Str::restore_err_target_exists)) {
      return fail("\"" + path + "\" exists: add --replace to replace it completely (nothing is merged)",
                  restored.error().text());
    }
    return fail_store(restored.error(), path);
  }
  std::printf("%s %s from the backup of %s (schema %d)\n", restored->replaced ? "replaced" : "restored",
              path.c_str(), backup->header().created.c_str(), restored->schema_version);
  return 0;
}

int run_keys(Args& args) {
  const char* usage =
      "usage:\n"
      "  begleitbuch keys create STORE [--label L] [--passphrase-file F]\n"
      "  begleitbuch keys list STORE [--passphrase-file F]\n"
      "  begleitbuch keys export STORE ID [--passphrase-file F]\n"
      "  begleitbuch keys decrypt STORE [-o OUT] [IN] [--passphrase-file F]";
  if (args.words.empty()) return fail(usage);
  const std::string sub = args.words[0];
  args.words.erase(args.words.begin());
  std::string passphrase_file = "-", label, out;
  take_option(args, "--passphrase-file", passphrase_file);
  if (sub == "create") {
    take_option(args, "--label", label);
    if (args.words.size() != 1) return fail(usage);
    auto store = open_store(args.words[0], passphrase_file);
    if (!store.ok()) return fail_store(store.error(), args.words[0]);
    auto key = store::create_receiving_key(*store, label);
    if (!key.ok()) return fail(key.error());
    std::printf("%lld\t%s\t%s\t%s\n", static_cast<long long>(key->id), key->public_key.c_str(),
                key->fingerprint.c_str(), key->label.c_str());
    return 0;
  }
  if (sub == "list") {
    if (args.words.size() != 1) return fail(usage);
    auto store = open_store(args.words[0], passphrase_file);
    if (!store.ok()) return fail_store(store.error(), args.words[0]);
    auto keys = store::list_receiving_keys(*store);
    if (!keys.ok()) return fail(keys.error());
    for (const auto& key : *keys) {
      std::printf("%lld\t%s\t%s\t%s\t%s\n", static_cast<long long>(key.id), key.public_key.c_str(),
                  key.fingerprint.c_str(), key.created_at.c_str(), key.label.c_str());
    }
    return 0;
  }
  if (sub == "export") {
    if (args.words.size() != 2) return fail(usage);
    char* end = nullptr;
    const long long id = std::strtoll(args.words[1].c_str(), &end, 10);
    if (args.words[1].empty() || *end != '\0' || id <= 0) return fail("ID must be a positive number", usage);
    auto store = open_store(args.words[0], passphrase_file);
    if (!store.ok()) return fail_store(store.error(), args.words[0]);
    auto key = store::receiving_key(*store, id);
    if (!key.ok()) return fail(key.error());
    std::printf("# label: %s\n# fingerprint: %s\n%s\n", key->label.c_str(), key->fingerprint.c_str(),
                key->public_key.c_str());
    return 0;
  }
  if (sub == "decrypt") {
    const bool has_out = take_option(args, "-o", out) || take_option(args, "--output", out);
    if (args.words.empty() || args.words.size() > 2) return fail(usage);
    const std::string in = args.words.size() == 2 ? args.words[1] : "-";
    if (two_stdin(passphrase_file, in)) return fail("only one input can come from stdin");
    auto store = open_store(args.words[0], passphrase_file);
    if (!store.ok()) return fail_store(store.error(), args.words[0]);
    auto ids = store::receiving_identities(*store);
    if (!ids.ok()) return fail(ids.error());
    auto file = read_file(in, size_t{1} << 31);
    if (!file.ok()) return fail(file.error());
    auto plain = crypto::decrypt(*file, *ids);  // never partial: whole-buffer
    if (!plain.ok()) return fail(plain.error());
    std::FILE* f = has_out ? std::fopen(out.c_str(), "wbx") : stdout;
    if (!f) return fail("cannot create " + out + ": " + std::strerror(errno));
    const bool ok = std::fwrite(plain->data(), 1, plain->size(), f) == plain->size();
    crypto::wipe(plain->data(), plain->size());
    if (has_out && (std::fclose(f) != 0 || !ok)) {
      std::remove(out.c_str());
      return fail("cannot write " + out);
    }
    return ok ? 0 : fail("cannot write the output");
  }
  return fail("unknown keys command \"" + sub + "\"", usage);
}

BB_CLI_COMMAND(Command{
    "backup",
    "backup STORE -o OUT [--passphrase-file F] [--backup-passphrase-file F2] [-r RECOVERY_KEY] "
    "[-a]    encrypted full backup",
    run_backup});
BB_CLI_COMMAND(Command{
    "restore",
    "restore STORE FILE [--passphrase-file F] [--backup-passphrase-file F2 | -i IDENTITY_FILE] "
    "[--replace]    restore a backup",
    run_restore});
BB_CLI_COMMAND(Command{"keys", "keys (create|list|export|decrypt) STORE ...    receiving keys", run_keys});

}  // namespace
}  // namespace bb::cli
