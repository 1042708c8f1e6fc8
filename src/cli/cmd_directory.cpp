// CLI commands for the network directory (docs/directory.md):
//
//   begleitbuch directory import STORE FILE [--passphrase-file F] [--allow-older] [--dry-run]
//   begleitbuch directory export STORE FILE [--passphrase-file F] [--include-local]
//   begleitbuch directory demo FILE --partners N --offers M --seed S [--stand YYYY-MM-DD]
//   begleitbuch directory search STORE [TEXT] [--need CODE] [--place P] [--limit N] [--passphrase-file F]
//   begleitbuch directory bench STORE FILE [--rounds N] [--passphrase-file F]
//
// import validates the whole file BEFORE the store is opened: an invalid file
// exits 1 with the store byte-for-byte unchanged. It prints one line per
// added / changed / removed / conflicting entry and a summary. Passphrases
// come from --passphrase-file F or standard input, never from argv.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "cli/command.h"
#include "exchange/directory_demo.h"
#include "exchange/directory_file.h"
#include "store/directory.h"
#include "store/store.h"

namespace bb::cli {
namespace {

using namespace bb::store;

const char* kUsage =
    "usage:\n"
    "  begleitbuch directory import STORE FILE [--passphrase-file F] [--allow-older] [--dry-run]\n"
    "  begleitbuch directory export STORE FILE [--passphrase-file F] [--include-local]\n"
    "  begleitbuch directory demo FILE --partners N --offers M --seed S [--stand YYYY-MM-DD]\n"
    "  begleitbuch directory search STORE [TEXT] [--need CODE] [--place P] [--limit N] [--passphrase-file "
    "F]\n"
    "  begleitbuch directory bench STORE FILE [--rounds N] [--passphrase-file F]";

bool parse_int(const std::string& text, long long& out) {
  if (text.empty()) return false;
  char* end = nullptr;
  errno = 0;
  out = std::strtoll(text.c_str(), &end, 10);
  return errno == 0 && *end == '\0';
}

Result<std::string> read_whole(const std::string& path, size_t limit) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return make_error(Str::err_file_read, "cannot open " + path + ": " + std::strerror(errno), path);
  std::string text;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    text.append(buf, n);
    if (text.size() > limit) break;
  }
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return make_error(Str::err_file_read, "cannot read " + path, path);
  return text;  // a size above the limit is refused by the parser
}

// Writes a new file (never overwrites: "wbx"); removes it again on failure.
Status write_new(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wbx");
  if (!f) return make_error(Str::err_file_write, "cannot create " + path + ": " + std::strerror(errno), path);
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) {
    std::remove(path.c_str());
    return make_error(Str::err_file_write, "cannot write " + path, path);
  }
  return {};
}

Result<Store> open_store(const std::string& path, const std::string& passphrase_file) {
  auto passphrase = read_passphrase_file(passphrase_file);
  if (!passphrase.ok()) return passphrase.error();
  return Store::open(path, passphrase->view());
}

int fail_open(const Error& e, const std::string& path) {
  if (e.is(Str::store_wrong_passphrase))
    return fail("wrong passphrase for \"" + path + "\" (the file is unchanged)", e.text());
  return fail(e);
}

const char* kind_word(EntryKind k) {
  return k == EntryKind::partner ? "partner" : k == EntryKind::offer ? "offer" : "fachkraft";
}
const char* change_word(ChangeKind c) {
  switch (c) {
    case ChangeKind::added:
      return "added";
    case ChangeKind::changed:
      return "changed";
    case ChangeKind::removed:
      return "removed";
    case ChangeKind::conflict:
      break;
  }
  return "conflict";
}

void print_diff(const DirectoryDiff& diff) {
  for (const auto& c : diff.changes) {
    std::string fields;
    for (const auto& f : c.fields) fields += (fields.empty() ? " (" : ", ") + f;
    if (!fields.empty()) fields += ")";
    std::printf("%s %s %s\t%s%s%s\n", change_word(c.change), kind_word(c.kind), c.directory_id.c_str(),
                c.name.c_str(), c.partner_name.empty() ? "" : (" / " + c.partner_name).c_str(),
                fields.c_str());
    if (c.change == ChangeKind::conflict) std::printf("  kept as note: %s\n", c.kept_note.c_str());
  }
  for (auto k : {EntryKind::partner, EntryKind::offer, EntryKind::fachkraft}) {
    std::printf("%s: %d added, %d changed, %d removed, %d conflicts\n",
                k == EntryKind::partner ? "partners"
                : k == EntryKind::offer ? "offers"
                                        : "fachkraefte",
                diff.count(k, ChangeKind::added), diff.count(k, ChangeKind::changed),
                diff.count(k, ChangeKind::removed), diff.count(k, ChangeKind::conflict));
  }
  std::printf("unchanged: %d; stand %s -> %s\n", diff.unchanged,
              diff.stand_before.empty() ? "(none)" : diff.stand_before.c_str(), diff.stand_after.c_str());
}

int run_import(Args& args) {
  std::string passphrase_file = "-";
  take_option(args, "--passphrase-file", passphrase_file);
  ImportOptions options;
  options.allow_older = take_flag(args, "--allow-older");
  const bool dry_run = take_flag(args, "--dry-run");
  if (args.words.size() != 2) return fail(kUsage);
  const std::string path = args.words[0], file = args.words[1];
  if (passphrase_file == "-" && file == "-") return fail("only one input can come from stdin");
  // The file first: an invalid directory never gets as far as the store.
  auto text = read_whole(file, exchange::kMaxDirectoryBytes + 1);
  if (!text.ok()) return fail(text.error());
  auto dir = exchange::parse_directory_file(*text);
  if (!dir.ok())
    return fail("invalid directory file \"" + file + "\": " + dir.error().detail, dir.error().text());
  auto store = open_store(path, passphrase_file);
  if (!store.ok()) return fail_open(store.error(), path);
  if (dry_run) {
    auto diff = diff_directory(*store, *dir);
    if (!diff.ok()) return fail(diff.error());
    print_diff(*diff);
    std::printf("dry run: nothing changed\n");
    return 0;
  }
  const auto t0 = std::chrono::steady_clock::now();
  auto diff = import_directory(*store, *dir, options);
  if (!diff.ok()) return fail(diff.error());
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  print_diff(*diff);
  std::printf("imported %s: %zu partners, %zu offers, %zu fachkraefte (%.0f ms)\n", file.c_str(),
              dir->partners.size(), dir->offer_count(), dir->fachkraefte.size(), ms);
  return 0;
}

int run_export(Args& args) {
  std::string passphrase_file = "-";
  take_option(args, "--passphrase-file", passphrase_file);
  ExportOptions options;
  options.include_local = take_flag(args, "--include-local");
  if (args.words.size() != 2) return fail(kUsage);
  const std::string path = args.words[0], file = args.words[1];
  auto store = open_store(path, passphrase_file);
  if (!store.ok()) return fail_open(store.error(), path);
  auto dir = export_directory(*store, options);
  if (!dir.ok()) return fail(dir.error());
  if (auto st = write_new(file, exchange::serialize_directory(*dir)); !st.ok()) return fail(st.error());
  std::printf("exported %s: %zu partners, %zu offers, %zu fachkraefte (stand %s)\n", file.c_str(),
              dir->partners.size(), dir->offer_count(), dir->fachkraefte.size(), dir->stand.c_str());
  return 0;
}

int run_demo(Args& args) {
  std::string partners, offers, seed, stand;
  const bool has_partners = take_option(args, "--partners", partners);  // take all three, then check
  const bool has_offers = take_option(args, "--offers", offers);
  const bool has_seed = take_option(args, "--seed", seed);
  const bool ok = has_partners && has_offers && has_seed;
  take_option(args, "--stand", stand);
  exchange::DirectoryDemoOptions o;
  long long np = 0, no = 0, ns = 0;
  if (!ok || args.words.size() != 1 || !parse_int(partners, np) || !parse_int(offers, no) ||
      !parse_int(seed, ns) || np < 1 || np > static_cast<long long>(exchange::kMaxPartners) || no < 0 ||
      no > static_cast<long long>(exchange::kMaxOffers))
    return fail(kUsage, "N: 1..20000 partners, M: 0..100000 offers");
  o.partners = static_cast<int>(np);
  o.offers = static_cast<int>(no);
  o.seed = static_cast<uint64_t>(ns);
  if (!stand.empty()) {
    if (!cases::parse_date(stand)) return fail("--stand must be a date YYYY-MM-DD");
    o.stand = stand;
  }
  const auto dir = exchange::generate_directory(o);
  const std::string text = exchange::serialize_directory(dir);
  if (auto st = write_new(args.words[0], text); !st.ok()) return fail(st.error());
  std::printf("wrote %s: %zu partners, %zu offers, %zu fachkraefte, %zu bytes (seed %lld)\n",
              args.words[0].c_str(), dir.partners.size(), dir.offer_count(), dir.fachkraefte.size(),
              text.size(), ns);
  return 0;
}

int run_search(Args& args) {
  std::string passphrase_file = "-", limit_text;
  OfferQuery q;
  take_option(args, "--passphrase-file", passphrase_file);
  take_option(args, "--need", q.need);
  take_option(args, "--place", q.place);
  take_option(args, "--limit", limit_text);
  long long limit = 50;
  if (args.words.empty() || (!limit_text.empty() && (!parse_int(limit_text, limit) || limit < 1)))
    return fail(kUsage);
  q.limit = static_cast<int>(limit);
  for (size_t i = 1; i < args.words.size(); ++i) q.text += (i > 1 ? " " : "") + args.words[i];
  auto store = open_store(args.words[0], passphrase_file);
  if (!store.ok()) return fail_open(store.error(), args.words[0]);
  auto page = search_offers(*store, q);
  if (!page.ok()) return fail(page.error());
  for (const auto& r : page->rows)
    std::printf("%lld\t%s\t%s\t%s\n", static_cast<long long>(r.offer_id), r.title.c_str(),
                r.partner_name.c_str(), r.town.c_str());
  std::fprintf(stderr, "(%zu of %d matching offers shown)\n", page->rows.size(), page->total);
  return 0;
}

// Import time of FILE into STORE and the latency of typical offer searches.
int run_bench(Args& args) {
  std::string passphrase_file = "-", rounds_text;
  take_option(args, "--passphrase-file", passphrase_file);
  take_option(args, "--rounds", rounds_text);
  long long rounds = 20;
  if (args.words.size() != 2 || (!rounds_text.empty() && (!parse_int(rounds_text, rounds) || rounds < 1)))
    return fail(kUsage);
  auto ms_since = [](std::chrono::steady_clock::time_point a) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
  };
  auto t = std::chrono::steady_clock::now();
  auto text = read_whole(args.words[1], exchange::kMaxDirectoryBytes + 1);
  if (!text.ok()) return fail(text.error());
  auto dir = exchange::parse_directory_file(*text);
  if (!dir.ok()) return fail(dir.error());
  std::printf("parse %zu bytes: %.1f ms\n", text->size(), ms_since(t));
  auto store = open_store(args.words[0], passphrase_file);
  if (!store.ok()) return fail_open(store.error(), args.words[0]);
  t = std::chrono::steady_clock::now();
  auto diff = import_directory(*store, *dir, {true});
  if (!diff.ok()) return fail(diff.error());
  std::printf("import (%zu partners, %zu offers): %.1f ms\n", dir->partners.size(), dir->offer_count(),
              ms_since(t));
  auto report = [&](const std::string& what, const OfferQuery& q) {
    std::vector<double> times;
    int total = 0;
    for (long long i = 0; i < rounds; ++i) {
      auto t0 = std::chrono::steady_clock::now();
      auto page = search_offers(*store, q);
      if (!page.ok()) {
        std::printf("%-40s failed: %s\n", what.c_str(), page.error().detail.c_str());
        return;
      }
      total = page->total;
      times.push_back(ms_since(t0));
    }
    std::sort(times.begin(), times.end());
    std::printf("%-40s median %7.2f ms   p95 %7.2f ms   (%d offers)\n", what.c_str(), times[times.size() / 2],
                times[std::min(times.size() - 1, times.size() * 95 / 100)], total);
  };
  OfferQuery q;
  report("all offers, first page", q);
  for (const char* text_query :
       {"s", "sch", "schlaf", "schläft", "babysprechstunde", "muhlheim", "Mühlheim stillen"}) {
    q = {};
    q.text = text_query;
    report(std::string("text \"") + text_query + "\"", q);
  }
  q = {};
  q.need = "schlafen";
  report("need schlafen", q);
  q.place = "lindenau";
  report("need schlafen, place lindenau", q);
  q = {};
  q.child_age_months = 5;
  q.need = "entwicklung";
  report("need entwicklung, child 5 months", q);
  return 0;
}

int run_directory(Args& args) {
  if (args.words.empty()) return fail(kUsage);
  const std::string sub = args.words[0];
  args.words.erase(args.words.begin());
  if (sub == "import") return run_import(args);
  if (sub == "export") return run_export(args);
  if (sub == "demo") return run_demo(args);
  if (sub == "search") return run_search(args);
  if (sub == "bench") return run_bench(args);
  return fail("unknown directory command \"" + sub + "\"", kUsage);
}

BB_CLI_COMMAND(Command{
    "directory", "directory (import|export|demo|search|bench) ...    network directory file, offer search",
    run_directory});

}  // namespace
}  // namespace bb::cli
