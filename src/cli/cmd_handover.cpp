// CLI commands for the Übergabe an die KJH and its Empfang (docs/handover.md):
//
//   begleitbuch handover STORE --family ID (-r RECIPIENT... | --passphrase-file F) -o OUT
//                        [--partner PARTNER_ID] [--sections a,b,...] [--by NAME] [-a]
//                        [--store-passphrase-file S] [--work-factor N]
//   begleitbuch receive STORE FILE (-i IDENTITY_FILE | --passphrase-file F)
//                        [--store-passphrase-file S] [--preview]
//
// As in the contract (and age's flags), -r / -i / --passphrase-file
// are about the handover FILE; the store's own passphrase comes from
// --store-passphrase-file (default: stdin). receive without -i and
// --passphrase-file uses the receiving keys in the store. Errors: exit 1,
// "begleitbuch: error: ..." (+ a German hint line).
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "core/cases.h"
#include "core/passphrase.h"
#include "crypto/age.h"
#include "crypto/keys.h"
#include "crypto/scrypt.h"
#include "exchange/handover.h"
#include "exchange/receive.h"
#include "store/consents.h"
#include "store/directory.h"
#include "store/disclosures.h"
#include "store/keys.h"
#include "store/store.h"

namespace bb::cli {
namespace {

using namespace bb::exchange;

Result<std::string> slurp(const std::string& path, size_t limit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(Str::err_file_read, "cannot open " + path, path);
  std::string text;
  text.resize(limit + 1);
  in.read(&text[0], static_cast<std::streamsize>(limit + 1));
  text.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) return make_error(Str::err_file_read, "cannot read " + path, path);
  return text;  // longer than `limit`: the reader refuses it by size
}

// OUT is written as OUT.part and renamed into place: never a half file.
Status write_atomically(const std::string& path, const crypto::Bytes& data) {
  const std::string part = path + ".part";
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) {
      std::remove(part.c_str());
      return make_error(Str::handover_err_write, "cannot write " + part, path);
    }
  }
  if (std::rename(part.c_str(), path.c_str()) != 0) {
    std::remove(part.c_str());
    return make_error(Str::handover_err_write, "cannot rename " + part, path);
  }
  return {};
}

Result<store::Store> open_with(const std::string& path, const std::string& passphrase_file) {
  auto passphrase = store::read_passphrase_file(passphrase_file);
  if (!passphrase.ok()) return passphrase.error();
  return store::Store::open(path, passphrase->view());
}

bool parse_number(const std::string& text, long long& out) {
  char* end = nullptr;
  errno = 0;
  out = std::strtoll(text.c_str(), &end, 10);
  return !text.empty() && errno == 0 && end && *end == '\0' && out > 0;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');)
    if (!part.empty()) out.push_back(part);
  return out;
}

Result<rules::Categories> parse_sections(const std::string& text) {
  rules::Categories out;
  for (const auto& name : split_commas(text)) {
    bool found = false;
    for (int i = 0; i < rules::kCategoryCount; ++i) {
      const auto c = static_cast<rules::DataCategory>(i);
      if (name == rules::code(c)) {
        out.add(c);
        found = true;
      }
    }
    if (!found) return make_error(Str::handover_err_invalid, "unknown section \"" + name + "\"");
  }
  return out;
}

int run_handover(Args& args) {
  std::string out, family, file_pass, store_pass = "-", partner, sections, by = "Begleitbuch", work;
  std::vector<std::string> recipients;
  for (std::string r; take_option(args, "-r", r) || take_option(args, "--recipient", r);)
    recipients.push_back(r);
  const bool has_out = take_option(args, "-o", out) || take_option(args, "--output", out);
  const bool has_family = take_option(args, "--family", family);
  const bool has_pass = take_option(args, "--passphrase-file", file_pass);
  take_option(args, "--store-passphrase-file", store_pass);
  const bool has_partner = take_option(args, "--partner", partner);
  const bool has_sections = take_option(args, "--sections", sections);
  take_option(args, "--by", by);
  const bool has_work = take_option(args, "--work-factor", work);
  const bool armor = take_flag(args, "-a") || take_flag(args, "--armor");
  if (!has_out || !has_family || args.words.size() != 1 || (recipients.empty() == !has_pass)) {
    return fail(
        "usage: begleitbuch handover STORE --family ID (-r RECIPIENT... | --passphrase-file F) -o OUT "
        "[--partner PARTNER_ID] [--sections a,b] [--by NAME] [-a] [--store-passphrase-file S]",
        "-r and --passphrase-file are about the handover file; the store passphrase comes from "
        "--store-passphrase-file (default stdin)");
  }
  if (has_pass && file_pass == "-" && store_pass == "-")
    return fail("only one passphrase can come from stdin");
  HandoverRequest request;
  request.by = by;
  request.recipient = {rules::RecipientKind::kjh, std::nullopt, "Kinder- und Jugendhilfe"};
  long long number = 0;
  if (!parse_number(family, number)) return fail("--family must be a number");
  request.family_id = number;
  if (has_sections) {
    auto cats = parse_sections(sections);
    if (!cats.ok()) return fail(cats.error());
    request.categories = *cats;
  }
  std::vector<crypto::RecipientPtr> to;
  for (const auto& r : recipients) {
    auto parsed = crypto::parse_recipient(r);
    if (!parsed.ok()) return fail(make_error(Str::handover_err_recipient_key, parsed.error().detail, r));
    to.push_back(*parsed);
  }
  if (has_pass) {
    auto pass = store::read_passphrase_file(file_pass);
    if (!pass.ok()) return fail(pass.error());
    if (auto policy = check_passphrase_policy(pass->view()); !policy.ok())
      return fail("handover passphrase rejected: " + policy.error().detail, policy.error().text());
    int factor = crypto::kScryptDefaultWorkFactor;
    if (has_work) {
      if (work.size() != 2 || work < "10" || work > "22") return fail("--work-factor must be 10..22");
      factor = std::stoi(work);
    }
    to.push_back(std::make_shared<crypto::ScryptRecipient>(std::string(pass->view()), factor));
  }
  auto store = open_with(args.words[0], store_pass);
  if (!store.ok()) return fail(store.error());
  if (has_partner) {
    if (!parse_number(partner, number)) return fail("--partner must be a number");
    request.recipient.partner = number;
    auto p = store::load_partner(*store, *request.recipient.partner);
    if (!p.ok()) return fail(p.error());
    request.recipient.name = p->partner.name;
  }
  auto plan = plan_handover(*store, request);
  if (!plan.ok()) return fail(plan.error());
  for (const auto& line : plan->lines) {
    std::fprintf(stderr, "%s %s%s%s\n", line.allowed ? "+" : "-", rules::code(line.category),
                 line.allowed ? "" : ": ", line.reason.c_str());
  }
  crypto::EncryptOptions options;
  options.armor = armor;
  auto made = create_handover(*store, request, to, std::nullopt, options);
  if (!made.ok()) return fail(made.error());
  if (auto st = write_atomically(out, made->file); !st.ok()) return fail(st.error());
  std::printf("handover written: %s (document %s, protocol line %lld)\n", out.c_str(),
              made->document.id.c_str(), static_cast<long long>(made->protocol_id));
  return 0;
}

int run_receive(Args& args) {
  std::string identity_file, file_pass, store_pass = "-";
  const bool has_identity =
      take_option(args, "-i", identity_file) || take_option(args, "--identity", identity_file);
  const bool has_pass = take_option(args, "--passphrase-file", file_pass);
  take_option(args, "--store-passphrase-file", store_pass);
  const bool preview_only = take_flag(args, "--preview");
  if (args.words.size() != 2 || (has_identity && has_pass)) {
    return fail(
        "usage: begleitbuch receive STORE FILE (-i IDENTITY_FILE | --passphrase-file F) "
        "[--store-passphrase-file S] [--preview]",
        "without -i and --passphrase-file the receiving keys of the store open the file");
  }
  if ((has_pass && file_pass == "-" && store_pass == "-") ||
      (has_identity && identity_file == "-" && store_pass == "-"))
    return fail("only one input can come from stdin");
  std::vector<crypto::IdentityPtr> identities;
  if (has_identity) {
    auto text = slurp(identity_file, 1 << 20);
    if (!text.ok()) return fail(text.error());
    auto ids = crypto::parse_identity_file(*text);
    if (!ids.ok()) return fail(ids.error());
    identities = std::move(*ids);
  } else if (has_pass) {
    auto pass = store::read_passphrase_file(file_pass);
    if (!pass.ok()) return fail(pass.error());
    identities.push_back(std::make_shared<crypto::ScryptIdentity>(std::string(pass->view())));
  }
  auto store = open_with(args.words[0], store_pass);
  if (!store.ok()) return fail(store.error());
  if (identities.empty()) {
    auto own = store::receiving_identities(*store);
    if (!own.ok()) return fail(own.error());
    identities = std::move(*own);
  }
  const HandoverLimits limits;
  auto data = slurp(args.words[1], 2 * limits.max_bytes + (64u << 10) + 1);
  if (!data.ok()) return fail(data.error());
  auto opened = open_handover(crypto::ByteView(*data), identities, limits);
  if (!opened.ok()) return fail(opened.error());
  std::fputs(opened->preview.c_str(), stdout);
  if (preview_only) return 0;
  auto imported = import_handover(*store, *opened);
  if (!imported.ok()) return fail(imported.error());
  std::printf("%s: received case %lld (document %s)\n",
              imported->already_received ? "already received, nothing changed" : "imported",
              static_cast<long long>(imported->received.id), imported->received.document_id.c_str());
  return 0;
}

// Records a written consent of the family's first parent or caregiver to hand
// the given sections over to the KJH, dated today: for scripts and the
// interop test (the app records consents in its consent form).
int run_handover_consent(Args& args) {
  std::string family, sections, store_pass = "-";
  const bool has_family = take_option(args, "--family", family);
  const bool has_sections = take_option(args, "--sections", sections);
  take_option(args, "--store-passphrase-file", store_pass);
  long long number = 0;
  if (!has_family || !has_sections || args.words.size() != 1 || !parse_number(family, number)) {
    return fail(
        "usage: begleitbuch handover-consent STORE --family ID --sections a,b [--store-passphrase-file S]");
  }
  auto cats = parse_sections(sections);
  if (!cats.ok()) return fail(cats.error());
  auto store = open_with(args.words[0], store_pass);
  if (!store.ok()) return fail(store.error());
  auto facts = store::load_case_facts(*store, number);
  if (!facts.ok()) return fail(facts.error());
  if (facts->may_consent.empty()) return fail("the family has no parent or caregiver who could consent");
  rules::Consent c;
  c.family = number;
  c.person = facts->may_consent.front();
  c.purpose = rules::Purpose::uebergabe_kjh;
  c.recipient = {rules::RecipientKind::kjh, std::nullopt, "Kinder- und Jugendhilfe"};
  c.categories = *cats;
  c.given_on = *rules::Date::from_iso(cases::today());
  auto id = store::record_consent(*store, c);
  if (!id.ok()) return fail(id.error());
  std::printf("consent %lld recorded\n", static_cast<long long>(*id));
  return 0;
}

BB_CLI_COMMAND(Command{"handover-consent",
                       "handover-consent STORE --family ID --sections a,b    record a written consent to a "
                       "handover to the KJH (scripts, tests)",
                       run_handover_consent});
BB_CLI_COMMAND(Command{"handover",
                       "handover STORE --family ID (-r RECIPIENT... | --passphrase-file F) -o OUT    "
                       "Übergabe an die KJH",
                       run_handover});
BB_CLI_COMMAND(Command{"receive",
                       "receive STORE FILE (-i IDENTITY_FILE | --passphrase-file F)    receive a handover",
                       run_receive});

}  // namespace
}  // namespace bb::cli
