// The `begleitbuch age` commands: age v1 file encryption on the command line,
// with the flags of the age CLI (docs/age.md):
//
//   begleitbuch age encrypt [-a] (-r RECIPIENT... | -p --passphrase-file F) [-o OUT] [IN]
//   begleitbuch age decrypt (-i IDENTITY_FILE... | --passphrase-file F) [-o OUT] [IN]
//   begleitbuch age keygen [-o FILE]
//   begleitbuch age fingerprint RECIPIENT
//
// IN and OUT default to stdin and stdout. Passphrases come only from a file,
// never from the command line (argv is visible to other users of the machine).
// Input is streamed: memory stays bounded whatever the file size. On failure a
// partial output file is deleted, so a damaged or truncated file never leaves
// plaintext behind that looks complete.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "cli/command.h"
#include "crypto/age.h"
#include "crypto/fingerprint.h"
#include "crypto/keys.h"
#include "crypto/scrypt.h"

namespace bb::cli {

namespace {

using namespace bb::crypto;

const char* const kAgeUsage =
    "usage:\n"
    "  begleitbuch age encrypt [-a] (-r RECIPIENT... | -p --passphrase-file F) [-o OUT] [IN]\n"
    "  begleitbuch age decrypt (-i IDENTITY_FILE... | --passphrase-file F) [-o OUT] [IN]\n"
    "  begleitbuch age keygen [-o FILE]\n"
    "  begleitbuch age fingerprint RECIPIENT\n"
    "\n"
    "  -a, --armor               write ASCII armor (PEM) instead of binary\n"
    "  -r, --recipient KEY       encrypt to this age1... public key (repeatable)\n"
    "  -p, --passphrase          encrypt with a passphrase (read from --passphrase-file)\n"
    "  --passphrase-file F       the passphrase: the first line of F\n"
    "  -i, --identity FILE       decrypt with the secret keys in FILE (repeatable)\n"
    "  -o, --output OUT          write here instead of stdout\n"
    "IN and OUT default to stdin and stdout; \"-\" means stdin.\n";

std::string errno_text() { return std::strerror(errno); }

Result<std::string> read_small_file(const std::string& path, size_t limit) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return make_error(Str::err_file_read, "failed to open " + path + ": " + errno_text(), path);
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    text.append(buf, n);
    if (text.size() > limit) {
      std::fclose(f);
      return make_error(Str::err_file_read,
                        "file " + path + " is larger than " + std::to_string(limit) + " bytes", path);
    }
  }
  const bool bad = std::ferror(f);
  std::fclose(f);
  if (bad) return make_error(Str::err_file_read, "failed to read " + path, path);
  return text;
}

// The passphrase is the first line of the file, without its line end.
Result<std::string> read_passphrase(const std::string& path) {
  auto text = read_small_file(path, 64 * 1024);
  if (!text) return text.error();
  std::string pass = text->substr(0, text->find('\n'));
  if (!pass.empty() && pass.back() == '\r') pass.pop_back();
  wipe(text->data(), text->size());
  if (pass.empty())
    return make_error(Str::age_err_empty_passphrase, "the passphrase file " + path + " is empty");
  return pass;
}

// Where output goes: stdout, or a file created on first write and removed on failure.
class Output {
 public:
  explicit Output(std::string path) : path_(std::move(path)) {}
  ~Output() {
    if (file_ && file_ != stdout) std::fclose(file_);
  }

  Status write(ByteView b) {
    if (!file_) {
      if (path_.empty()) {
        file_ = stdout;
      } else {
        file_ = std::fopen(path_.c_str(), "wb");
        if (!file_)
          return make_error(Str::err_file_write, "failed to create " + path_ + ": " + errno_text(), path_);
        created_ = true;
      }
    }
    if (b.size && std::fwrite(b.data, 1, b.size, file_) != b.size) {
      return make_error(Str::err_file_write, "failed to write " + name() + ": " + errno_text(), name());
    }
    return {};
  }

  Status close() {
    if (!file_) BB_TRY(write(ByteView()));  // an empty result still creates the file
    const bool ok = std::fflush(file_) == 0 && (file_ == stdout || std::fclose(file_) == 0);
    if (file_ != stdout) file_ = nullptr;
    if (!ok)
      return make_error(Str::err_file_write, "failed to write " + name() + ": " + errno_text(), name());
    return {};
  }

  // After a failure: no half-written file may stay behind.
  void discard() {
    if (file_ && file_ != stdout) std::fclose(file_);
    file_ = nullptr;
    if (created_) std::remove(path_.c_str());
  }

  bool is_terminal() const { return path_.empty() && isatty(STDOUT_FILENO); }
  Sink sink() {
    return [this](ByteView b) { return write(b); };
  }

 private:
  std::string name() const { return path_.empty() ? "standard output" : path_; }
  std::string path_;
  FILE* file_ = nullptr;
  bool created_ = false;
};

// Feeds IN (or stdin) to `write` in 64 KiB pieces.
template <class Write>
Status pump(const std::string& in_path, Write&& write) {
  FILE* in = stdin;
  if (!in_path.empty() && in_path != "-") {
    in = std::fopen(in_path.c_str(), "rb");
    if (!in)
      return make_error(Str::err_file_read, "failed to open " + in_path + ": " + errno_text(), in_path);
  }
  std::vector<uint8_t> buf(64 * 1024);
  Status st;
  size_t n;
  while (st.ok() && (n = std::fread(buf.data(), 1, buf.size(), in)) > 0) st = write(ByteView(buf.data(), n));
  if (st.ok() && std::ferror(in)) {
    st = make_error(Str::err_file_read,
                    "failed to read " + (in == stdin ? std::string("standard input") : in_path), in_path);
  }
  if (in != stdin) std::fclose(in);
  return st;
}

// Takes every occurrence of -x / --long VALUE.
std::vector<std::string> take_all(Args& args, const char* short_name, const char* long_name) {
  std::vector<std::string> values;
  std::string v;
  while (take_option(args, short_name, v) || take_option(args, long_name, v)) values.push_back(v);
  return values;
}

std::string take_one(Args& args, const char* short_name, const char* long_name) {
  std::string v;
  if (!take_option(args, short_name, v) && long_name) take_option(args, long_name, v);
  return v;
}

// What is left must be at most one input path.
Result<std::string> input_path(Args& args) {
  for (const auto& w : args.words) {
    if (w.size() > 1 && w[0] == '-') {
      return make_error(Str::err_usage, "unknown flag or missing value: \"" + w + "\"");
    }
  }
  if (args.words.size() > 1)
    return make_error(Str::err_usage, "too many arguments: only one input file is read");
  return args.words.empty() ? std::string() : args.words[0];
}

int usage_error(const std::string& text) { return fail(text, "run 'begleitbuch age help' for the usage"); }

int run_encrypt(Args& args) {
  const bool armor = take_flag(args, "-a") || take_flag(args, "--armor");
  const bool passphrase = take_flag(args, "-p") || take_flag(args, "--passphrase");
  const std::string pass_file = take_one(args, "--passphrase-file", nullptr);
  const auto recipients_text = take_all(args, "-r", "--recipient");
  const std::string out_path = take_one(args, "-o", "--output");
  auto in_path = input_path(args);
  if (!in_path) return usage_error(in_path.error().detail);

  std::vector<RecipientPtr> recipients;
  if (passphrase || !pass_file.empty()) {
    if (!recipients_text.empty()) {
      return fail("-p/--passphrase can't be combined with -r/--recipient",
                  "a passphrase must be the only recipient of a file (age v1)");
    }
    if (pass_file.empty()) {
      return fail("-p/--passphrase needs --passphrase-file F",
                  "passphrases are never taken from the command line; put it in a file only you can read");
    }
    auto pass = read_passphrase(pass_file);
    if (!pass) return fail(pass.error());
    recipients.push_back(std::make_shared<ScryptRecipient>(*pass));
    wipe(pass->data(), pass->size());
  }
  for (const auto& text : recipients_text) {
    auto r = parse_recipient(text);
    if (!r) return fail(r.error());
    recipients.push_back(*r);
  }
  if (recipients.empty())
    return usage_error("missing recipients: give -r RECIPIENT or -p --passphrase-file F");

  Output out(out_path);
  if (!armor && out.is_terminal()) {
    return fail("refusing to output binary to the terminal", "did you mean to use -a/--armor or -o OUT?");
  }
  auto enc = Encryptor::create(recipients, out.sink(), EncryptOptions{armor});
  Status st = enc ? pump(*in_path, [&](ByteView b) { return enc->write(b); }) : Status(enc.error());
  if (st.ok()) st = enc->finish();
  if (st.ok()) st = out.close();
  if (!st.ok()) {
    out.discard();
    return fail(st.error());
  }
  return 0;
}

int run_decrypt(Args& args) {
  take_flag(args, "-d");  // age's own decrypt flag, accepted for muscle memory
  take_flag(args, "--decrypt");
  const std::string pass_file = take_one(args, "--passphrase-file", nullptr);
  const auto identity_files = take_all(args, "-i", "--identity");
  const std::string out_path = take_one(args, "-o", "--output");
  if (take_flag(args, "-p") || take_flag(args, "--passphrase")) {
    if (pass_file.empty()) return usage_error("-p/--passphrase needs --passphrase-file F");
  }
  auto in_path = input_path(args);
  if (!in_path) return usage_error(in_path.error().detail);

  std::vector<IdentityPtr> identities;
  for (const auto& path : identity_files) {
    auto text = read_small_file(path, 16 * 1024 * 1024);
    if (!text) return fail(text.error());
    auto ids = parse_identity_file(*text);
    wipe(text->data(), text->size());
    if (!ids) {
      Error e = ids.error();
      e.detail = path + ": " + e.detail;
      return fail(e);
    }
    identities.insert(identities.end(), ids->begin(), ids->end());
  }
  if (!pass_file.empty()) {
    auto pass = read_passphrase(pass_file);
    if (!pass) return fail(pass.error());
    identities.push_back(std::make_shared<ScryptIdentity>(*pass));
    wipe(pass->data(), pass->size());
  }
  if (identities.empty()) {
    return usage_error("missing identities: give -i IDENTITY_FILE or --passphrase-file F");
  }

  Output out(out_path);
  Decryptor dec(identities, out.sink());
  Status st = pump(*in_path, [&](ByteView b) { return dec.write(b); });
  if (st.ok()) st = dec.finish();
  if (st.ok()) st = out.close();
  if (!st.ok()) {
    out.discard();
    return fail(st.error());
  }
  return 0;
}

// RFC 3339 local time, as age-keygen writes it: 2006-01-02T15:04:05+01:00.
std::string now_rfc3339() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);
  std::string s = buf;
  const std::string offset = s.substr(s.size() - 5);
  s.resize(s.size() - 5);
  return s + (offset == "+0000" ? "Z" : offset.substr(0, 3) + ":" + offset.substr(3));
}

int run_keygen(Args& args) {
  const std::string out_path = take_one(args, "-o", "--output");
  if (!args.words.empty()) return usage_error("unexpected argument: \"" + args.words[0] + "\"");
  const X25519Identity id = X25519Identity::generate();
  const std::string text = format_identity_file(id, now_rfc3339());
  FILE* out = stdout;
  if (!out_path.empty()) {
    // Like age-keygen: never overwrite an existing key file; readable by the owner only.
    const int fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) return fail("failed to open output file \"" + out_path + "\": " + errno_text());
    out = fdopen(fd, "wb");
    if (!out) {
      ::close(fd);
      return fail("failed to open output file \"" + out_path + "\": " + errno_text());
    }
  }
  const std::string recipient = id.recipient().to_string();
  if (!isatty(fileno(out))) std::fprintf(stderr, "Public key: %s\n", recipient.c_str());
  std::fprintf(stderr, "Fingerprint: %s\n", fingerprint(id.recipient()).c_str());
  const bool ok = std::fwrite(text.data(), 1, text.size(), out) == text.size() && std::fflush(out) == 0;
  if (out != stdout) std::fclose(out);
  if (!ok) return fail("failed to write the key: " + errno_text());
  return 0;
}

int run_fingerprint(Args& args) {
  if (args.words.size() != 1) return usage_error("fingerprint needs exactly one RECIPIENT (age1...)");
  auto fp = fingerprint(args.words[0]);
  if (!fp) return fail(fp.error());
  std::printf("%s\n", fp->c_str());
  return 0;
}

int run_age(Args& args) {
  if (args.words.empty()) {
    std::fputs(kAgeUsage, stderr);
    return 2;
  }
  const std::string sub = args.words[0];
  args.words.erase(args.words.begin());
  if (sub == "encrypt") return run_encrypt(args);
  if (sub == "decrypt") return run_decrypt(args);
  if (sub == "keygen") return run_keygen(args);
  if (sub == "fingerprint") return run_fingerprint(args);
  if (sub == "help" || sub == "--help" || sub == "-h") {
    std::fputs(kAgeUsage, stdout);
    return 0;
  }
  return usage_error("unknown age command \"" + sub + "\"");
}

}  // namespace

BB_CLI_COMMAND(Command{"age", "age (encrypt|decrypt|keygen|fingerprint) ...   (begleitbuch age help)",
                       run_age});

}  // namespace bb::cli
