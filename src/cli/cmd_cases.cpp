// CLI commands for the case documentation: demo (generate fictional families)
// and search (the app's family search, one match a line). Passphrases come
// from --passphrase-file F or standard input, never from argv.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <vector>

#include "cli/command.h"
#include "core/passphrase.h"
#include "store/case_demo.h"
#include "store/cases.h"
#include "store/store.h"

namespace bb::cli {
namespace {

bool parse_int(const std::string& text, long long& out) {
  try {
    size_t used = 0;
    out = std::stoll(text, &used);
    return used == text.size();
  } catch (...) {
    return false;
  }
}

int run_demo(Args& args) {
  const char* usage =
      "usage: begleitbuch demo STORE --families N --seed S [--passphrase-file F] [--today YYYY-MM-DD] "
      "[--contacts-per-family K] [--digest]";
  std::string families_text, seed_text, passphrase_file = "-", today, per_family;
  const bool digest = take_flag(args, "--digest");
  const bool has_families = take_option(args, "--families", families_text);
  const bool has_seed = take_option(args, "--seed", seed_text);
  take_option(args, "--passphrase-file", passphrase_file);
  take_option(args, "--today", today);
  take_option(args, "--contacts-per-family", per_family);
  long long families = 0, seed = 0, contacts = 30;
  if (!has_families || !has_seed || args.words.size() != 1 || !parse_int(families_text, families) ||
      families < 0 || !parse_int(seed_text, seed) ||
      (!per_family.empty() && !parse_int(per_family, contacts)))
    return fail(usage, "without --passphrase-file the passphrase is read from stdin");
  const std::string path = args.words[0];
  auto passphrase = bb::store::read_passphrase_file(passphrase_file);
  if (!passphrase.ok()) return fail(passphrase.error());
  std::error_code ec;
  const bool exists = std::filesystem::exists(path, ec);
  if (!exists) {
    if (auto policy = check_passphrase_policy(passphrase->view()); !policy.ok())
      return fail("passphrase rejected: " + policy.error().detail, policy.error().text());
  }
  auto store = exists ? bb::store::Store::open(path, passphrase->view())
                      : bb::store::Store::create(path, passphrase->view());
  passphrase->clear();
  if (!store.ok()) {
    if (store.error().is(Str::store_wrong_passphrase))
      return fail("wrong passphrase for \"" + path + "\" (the file is unchanged)");
    return fail(store.error());
  }
  bb::store::DemoOptions options;
  options.families = static_cast<int>(families);
  options.seed = static_cast<uint64_t>(seed);
  options.contacts_per_family = static_cast<int>(contacts);
  if (!today.empty()) options.today = today;
  const auto start = std::chrono::steady_clock::now();
  auto report = bb::store::generate_demo(*store, options);
  if (!report.ok()) return fail(report.error());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s %s: %d families, %d persons, %d contacts, %d goals, %d assessments (seed %lld, %.1f s)\n",
              exists ? "added to" : "created", path.c_str(), report->families, report->persons,
              report->contacts, report->goals, report->assessments, seed, seconds);
  if (digest) {
    auto d = bb::store::content_digest(*store);
    if (!d.ok()) return fail(d.error());
    std::printf("content digest: %s\n", d->c_str());
  }
  return 0;
}

int run_search(Args& args) {
  std::string passphrase_file = "-", limit_text;
  take_option(args, "--passphrase-file", passphrase_file);
  take_option(args, "--limit", limit_text);
  long long limit = 50;
  if (args.words.size() < 2 || (!limit_text.empty() && (!parse_int(limit_text, limit) || limit < 1)))
    return fail("usage: begleitbuch search STORE TEXT [--passphrase-file F] [--limit N]",
                "prints one matching family a line: id, family name, match context (tab-separated)");
  const std::string path = args.words[0];
  std::string text;
  for (size_t i = 1; i < args.words.size(); ++i) text += (i > 1 ? " " : "") + args.words[i];
  auto passphrase = bb::store::read_passphrase_file(passphrase_file);
  if (!passphrase.ok()) return fail(passphrase.error());
  auto store = bb::store::Store::open(path, passphrase->view());
  passphrase->clear();
  if (!store.ok()) {
    if (store.error().is(Str::store_wrong_passphrase))
      return fail("wrong passphrase for \"" + path + "\" (the file is unchanged)");
    return fail(store.error());
  }
  auto page = bb::store::search_families(*store, text, static_cast<int>(limit));
  if (!page.ok()) return fail(page.error());
  for (const auto& row : page->rows)
    std::printf("%lld\t%s\t%s\n", static_cast<long long>(row.id), row.family_name.c_str(),
                row.context.c_str());
  if (page->total > static_cast<int>(page->rows.size()))
    std::fprintf(stderr, "(%d of %d matching families shown)\n", static_cast<int>(page->rows.size()),
                 page->total);
  return 0;
}

// Latency of the queries behind the screens, on an existing (demo) store:
// search as you type, a family-list page, a family overview.
int run_cases_bench(Args& args) {
  std::string passphrase_file = "-", rounds_text;
  take_option(args, "--passphrase-file", passphrase_file);
  take_option(args, "--rounds", rounds_text);
  long long rounds = 20;
  if (args.words.size() != 1 || (!rounds_text.empty() && (!parse_int(rounds_text, rounds) || rounds < 1)))
    return fail("usage: begleitbuch cases-bench STORE [--passphrase-file F] [--rounds N]");
  auto passphrase = bb::store::read_passphrase_file(passphrase_file);
  if (!passphrase.ok()) return fail(passphrase.error());
  auto t0 = std::chrono::steady_clock::now();
  auto store = bb::store::Store::open(args.words[0], passphrase->view());
  passphrase->clear();
  if (!store.ok()) return fail(store.error());
  auto ms = [](std::chrono::steady_clock::time_point a) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
  };
  std::printf("unlock: %.1f ms\n", ms(t0));
  auto report = [&](const std::string& what, const std::function<bool()>& body) {
    std::vector<double> times;
    for (long long i = 0; i < rounds; ++i) {
      auto t = std::chrono::steady_clock::now();
      if (!body()) {
        std::printf("%-44s failed\n", what.c_str());
        return;
      }
      times.push_back(ms(t));
    }
    std::sort(times.begin(), times.end());
    const double median = times[times.size() / 2];
    const double p95 = times[std::min(times.size() - 1, times.size() * 95 / 100)];
    std::printf("%-44s median %7.2f ms   p95 %7.2f ms\n", what.c_str(), median, p95);
  };
  int total = 0;
  // Search as you type: every prefix of a few words, one page of 50 rows with context.
  for (const char* word :
       {"müller", "muller", "strasse", "schläft", "yilmaz", "anna wohnung", "schuldnerberatung"}) {
    const std::string w = word;
    for (size_t n : {size_t(1), size_t(3), w.size()}) {
      std::string prefix = w.substr(0, n);
      while (!prefix.empty() && (static_cast<unsigned char>(prefix.back()) & 0xC0) == 0x80) prefix.pop_back();
      if (prefix.empty() || (static_cast<unsigned char>(prefix.back()) & 0xC0) == 0xC0)
        prefix = w.substr(0, n + 1);
      report("search \"" + prefix + "\"", [&] {
        auto page = bb::store::search_families(*store, prefix, 50);
        if (page.ok()) total = page->total;
        return page.ok();
      });
      std::printf("    -> %d families\n", total);
    }
  }
  bb::store::FamilyListQuery list;
  report("family list page 1 (by name, 50 rows)",
         [&] { return bb::store::list_families(*store, list).ok(); });
  list.offset = 5000;
  report("family list page at row 5000", [&] { return bb::store::list_families(*store, list).ok(); });
  list = {};
  list.statuses = {bb::cases::FamilyStatus::laufend};
  list.sort = bb::store::FamilySort::next_appointment;
  report("list: laufend, by next appointment", [&] { return bb::store::list_families(*store, list).ok(); });
  list = {};
  list.due_reviews = true;
  report("list: due reviews", [&] { return bb::store::list_families(*store, list).ok(); });
  // The family with the most contacts (about 100 in a 30-per-family demo).
  sqlite3_stmt* st = nullptr;
  int64_t family = 0, contacts = 0;
  if (sqlite3_prepare_v2(
          store->db(),
          "SELECT family_id, count(*) AS n FROM contacts GROUP BY family_id ORDER BY abs(n - 100) "
          "LIMIT 1",
          -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    family = sqlite3_column_int64(st, 0);
    contacts = sqlite3_column_int64(st, 1);
  }
  sqlite3_finalize(st);
  if (family) {
    report("overview of family " + std::to_string(family) + " (" + std::to_string(contacts) + " contacts)",
           [&] { return bb::store::family_overview(*store, family).ok(); });
  }
  return 0;
}

BB_CLI_COMMAND(Command{"demo",
                       "demo STORE --families N --seed S [--passphrase-file F] [--today D] [--digest]    "
                       "generate fictional families (deterministic from the seed)",
                       run_demo});
BB_CLI_COMMAND(Command{"search",
                       "search STORE TEXT [--passphrase-file F] [--limit N]    find families by name or note "
                       "(id, family name, match context)",
                       run_search});
BB_CLI_COMMAND(Command{"cases-bench",
                       "cases-bench STORE [--passphrase-file F] [--rounds N]    time search, family list and "
                       "overview queries",
                       run_cases_bench});

}  // namespace
}  // namespace bb::cli
