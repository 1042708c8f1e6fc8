// The browser app's store session and its C entry points: auto-lock ticks and
// tab visibility from shell/boot.js, the flush on visibilitychange/pagehide,
// and the read-only test API (window.__bb.saveState(), storeCheck(), and the
// burst hooks shell/boot.js exposes only to tests). Nothing here returns
// personal data: sequences, counts, states and UI texts only.
#include "app/store_web.h"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <string>

#include "exchange/directory_demo.h"
#include "exchange/directory_file.h"
#include "platform/platform.h"
#include "platform/storage.h"
#include "store/case_demo.h"
#include "store/cases.h"
#include "store/directory.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::app {

store::Session& session() {
  static store::Session s(platform::page_sink());
  return s;
}

store::Session& start_session() {
  auto& s = session();
  s.set_availability(platform::storage_availability());
  platform::refresh_storage_info();
  return s;
}

}  // namespace bb::app

namespace {

std::string g_out;  // the last string handed to JS (kept alive until the next call)

const char* state_name(bb::store::SessionState s) {
  switch (s) {
    case bb::store::SessionState::unavailable:
      return "unavailable";
    case bb::store::SessionState::other_tab:
      return "other_tab";
    case bb::store::SessionState::no_store:
      return "no_store";
    case bb::store::SessionState::locked:
      return "locked";
    case bb::store::SessionState::unlocked:
      return "unlocked";
  }
  return "?";
}

const char* save_name(bb::store::SaveState s) {
  switch (s) {
    case bb::store::SaveState::idle:
      return "idle";
    case bb::store::SaveState::saving:
      return "saving";
    case bb::store::SaveState::saved:
      return "saved";
    case bb::store::SaveState::failed:
      return "failed";
  }
  return "?";
}

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out += c;
  }
  return out + "\"";
}

}  // namespace

extern "C" {

// The active text field is a passphrase field: boot.js then empties its hidden
// text element after every input, so no passphrase lingers in the DOM.
EMSCRIPTEN_KEEPALIVE int bb_text_input_password() { return bb::ui::text_input_is_password() ? 1 : 0; }

// Auto-lock: called by boot.js on a timer and when the tab comes back. Returns 1 if it locked.
EMSCRIPTEN_KEEPALIVE int bb_tick(double now_ms) { return bb::app::session().tick(now_ms) ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE void bb_visibility(int hidden, double now_ms) {
  bb::app::session().set_hidden(hidden != 0, now_ms);
}

// ms until the auto-lock falls due (-1: not armed), for boot.js's background timer.
EMSCRIPTEN_KEEPALIVE double bb_lock_due_in(double now_ms) {
  const auto& lock = bb::app::session().auto_lock();
  if (!lock.armed()) return -1;
  const double in = lock.deadline() - now_ms;
  return in < 0 ? 0 : in;
}

// visibilitychange (hidden) / pagehide: every commit is already on its way to
// IndexedDB; a stopped queue (a failed commit) is tried once more.
EMSCRIPTEN_KEEPALIVE void bb_flush() {
  auto& s = bb::app::session();
  if (s.save_status().state == bb::store::SaveState::failed) s.retry();
}

// {"state":"unlocked","save":"saved","accepted":N,"durable":N,"pending":N,"error":"...","unsaved":[...]}
EMSCRIPTEN_KEEPALIVE const char* bb_save_state_json() {
  auto& s = bb::app::session();
  const auto& st = s.save_status();
  g_out = std::string("{\"state\":\"") + state_name(s.state()) + "\",\"save\":\"" + save_name(st.state) +
          "\",\"accepted\":" + std::to_string(st.accepted) + ",\"durable\":" + std::to_string(st.durable) +
          ",\"pending\":" + std::to_string(st.pending) +
          ",\"error\":" + quote(st.state == bb::store::SaveState::failed ? bb::tr(st.error) : "") +
          ",\"detail\":" + quote(st.detail) + ",\"unsaved\":[";
  for (size_t i = 0; i < st.unsaved.size(); ++i) g_out += (i ? "," : "") + quote(bb::tr(st.unsaved[i]));
  g_out += "],\"failedAttempts\":" + std::to_string(s.failed_attempts()) + "}";
  return g_out.c_str();
}

// {"ok":true,"problems":[],"schema":N,"pages":N,"cipher":"aegis"} or {"error":"..."} when locked.
EMSCRIPTEN_KEEPALIVE const char* bb_store_check_json() {
  auto report = bb::app::session().check();
  if (!report.ok()) {
    g_out = "{\"error\":" + quote(report.error().detail) + "}";
    return g_out.c_str();
  }
  g_out = std::string("{\"ok\":") + (report->ok ? "true" : "false") + ",\"problems\":[";
  for (size_t i = 0; i < report->problems.size(); ++i) g_out += (i ? "," : "") + quote(report->problems[i]);
  g_out += "],\"schema\":" + std::to_string(report->schema_version) +
           ",\"pages\":" + std::to_string(report->page_count) +
           ",\"cipher\":" + quote(report->cipher.cipher) +
           ",\"reserved\":" + std::to_string(report->cipher.reserved_bytes) + "}";
  return g_out.c_str();
}

// Test hooks (exposed by boot.js only when a test asked for them): one
// transaction writing the counter `k` into the settings table; returns the
// commit's sequence (0 on failure).
EMSCRIPTEN_KEEPALIVE double bb_test_write(int k) {
  auto& s = bb::app::session();
  const std::string key = "test.burst." + std::to_string(100000000 + k);
  if (!s.save_setting(bb::Str::action_test_write, key, std::to_string(k)).ok()) return 0;
  return static_cast<double>(s.save_status().accepted);
}

// The counters the test hook wrote, ascending: [1,2,3,...] (test data only).
EMSCRIPTEN_KEEPALIVE const char* bb_test_read_json() {
  auto rows = bb::app::session().settings_with_prefix("test.burst.");
  g_out = "[";
  if (rows.ok()) {
    bool first = true;
    for (const auto& [key, value] : *rows) {
      g_out += (first ? "" : ",") + std::to_string(std::atoi(value.c_str()));
      first = false;
    }
  }
  g_out += "]";
  return g_out.c_str();
}

// Benchmarks: grows the store by rows x bytes in one transaction; returns its sequence.
EMSCRIPTEN_KEEPALIVE double bb_test_fill(int rows, int bytes) {
  auto& s = bb::app::session();
  if (!s.fill_for_benchmark(rows, bytes).ok()) return 0;
  return static_cast<double>(s.save_status().accepted);
}

// Benchmarks: unlock (key derivation + schema read + migrations check); returns ms, or -1.
EMSCRIPTEN_KEEPALIVE double bb_test_unlock(const char* passphrase) {
  const double t0 = emscripten_get_now();
  if (!bb::app::session().unlock(passphrase, t0).ok()) return -1;
  return emscripten_get_now() - t0;
}

// Browser tests: labels of personal widgets (family names in list rows) become
// readable through window.__bb.widgets(), so a scenario can check its data.
EMSCRIPTEN_KEEPALIVE void bb_test_reveal_labels(int on) {
  bb::ui::widget_registry().set_reveal_personal(on != 0);
}

// Tests and benchmarks: fictional demo families (store/case_demo.h) in one
// transaction; returns its sequence (0 on failure).
EMSCRIPTEN_KEEPALIVE double bb_test_demo(int families, int contacts_per_family, double seed) {
  auto& s = bb::app::session();
  bb::store::DemoOptions options;
  options.families = families;
  options.contacts_per_family = contacts_per_family;
  options.seed = static_cast<uint64_t>(seed);
  options.batch = families;
  const bb::Status st =
      s.act_on_store(bb::Str::action_test_write, [&](bb::store::Store& store) -> bb::Status {
        auto report = bb::store::generate_demo(store, options);
        if (!report.ok()) return report.error();
        return {};
      });
  if (!st.ok()) return 0;
  return static_cast<double>(s.save_status().accepted);
}

// Benchmarks: one family-list query with a search text, as the list runs it
// (first page of 60 rows); {"ms":..,"total":..}.
EMSCRIPTEN_KEEPALIVE const char* bb_test_search(const char* text) {
  const bb::store::Store* store = bb::app::session().reader();
  g_out = "null";
  if (!store) return g_out.c_str();
  bb::store::FamilyListQuery q;
  q.text = text;
  q.limit = 60;
  const double t0 = emscripten_get_now();
  auto page = bb::store::list_families(*store, q);
  const double ms = emscripten_get_now() - t0;
  if (page.ok()) g_out = "{\"ms\":" + std::to_string(ms) + ",\"total\":" + std::to_string(page->total) + "}";
  return g_out.c_str();
}

// Benchmarks: a fictional directory of `partners` and `offers` written as a
// file, then read and imported as the network screen does (parse, one
// transaction); {"bytes":..,"parse_ms":..,"import_ms":..,"changes":..,"seq":..}.
EMSCRIPTEN_KEEPALIVE const char* bb_test_directory_import(int partners, int offers) {
  auto& s = bb::app::session();
  g_out = "null";
  bb::exchange::DirectoryDemoOptions options;
  options.partners = partners;
  options.offers = offers;
  const std::string text = bb::exchange::serialize_directory(bb::exchange::generate_directory(options));
  const double t0 = emscripten_get_now();
  auto dir = bb::exchange::parse_directory_file(text);
  const double t1 = emscripten_get_now();
  if (!dir.ok()) return g_out.c_str();
  size_t changes = 0;
  const bb::Status st =
      s.act_on_store(bb::Str::action_directory_import, [&](bb::store::Store& store) -> bb::Status {
        auto done = bb::store::import_directory(store, *dir);
        if (!done.ok()) return done.error();
        changes = done->changes.size();
        return {};
      });
  const double t2 = emscripten_get_now();
  if (!st.ok()) return g_out.c_str();
  g_out = "{\"bytes\":" + std::to_string(text.size()) + ",\"parse_ms\":" + std::to_string(t1 - t0) +
          ",\"import_ms\":" + std::to_string(t2 - t1) + ",\"changes\":" + std::to_string(changes) +
          ",\"seq\":" + std::to_string(s.save_status().accepted) + "}";
  return g_out.c_str();
}

// Benchmarks: one offer search as the Beratungsführer runs it (words and a
// need, first 50 rows and the total); {"ms":..,"total":..}.
EMSCRIPTEN_KEEPALIVE const char* bb_test_offer_search(const char* text, const char* need) {
  const bb::store::Store* store = bb::app::session().reader();
  g_out = "null";
  if (!store) return g_out.c_str();
  bb::store::OfferQuery q;
  q.text = text;
  q.need = need;
  const double t0 = emscripten_get_now();
  auto page = bb::store::search_offers(*store, q);
  const double ms = emscripten_get_now() - t0;
  if (page.ok()) g_out = "{\"ms\":" + std::to_string(ms) + ",\"total\":" + std::to_string(page->total) + "}";
  return g_out.c_str();
}

}  // extern "C"
