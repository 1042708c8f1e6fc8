// The offer search ("Beratungsführer"): by need, place, age of the child,
// pregnancy and words; the results follow every keystroke (the store's
// search_offers answers in milliseconds, see bench/directory.mjs).
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "store/cases.h"
#include "ui/icons.h"
#include "ui/screens/network_ui.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

double now_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// "1" → 12, "0,5" → 6 months; nullopt for empty or not a number.
std::optional<int> age_months(const std::string& years) {
  if (years.empty()) return std::nullopt;
  std::string s = years;
  for (char& c : s)
    if (c == ',') c = '.';
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != '\0' || v < 0 || v > 18) return std::nullopt;
  return static_cast<int>(std::lround(v * 12));
}

// The needs an offer answers, with the labels of the store's topic catalogue.
std::vector<cases::CatalogEntry> need_entries(const store::Store& store) {
  std::vector<cases::CatalogEntry> out;
  auto entries = store::load_catalog(store, "topic", true);
  if (!entries.ok()) return out;
  for (const auto& e : *entries)
    if (directory::is_need_code(e.code)) out.push_back(e);
  return out;
}

void run_search(const store::Store& store, OfferSearchState& s) {
  store::OfferQuery q;
  q.text = s.text;
  q.need = s.need;
  q.place = s.place;
  q.pregnancy = s.pregnancy;
  q.child_age_months = age_months(s.age_years);
  const double t0 = now_ms();
  auto page = store::search_offers(store, q);
  s.query_ms = now_ms() - t0;
  s.stale = false;
  s.page = page.ok() ? std::move(*page) : store::OfferPage{};
}

}  // namespace

void draw_offer_search(ScreenContext& ctx, NetworkUi& ui) {
  const store::Store& store = *ctx.session->reader();
  OfferSearchState& s = ui.offers;
  begin_card("network.offers.filters");
  s.stale |= text_field("network.offers.text", tr(Str::network_offers_text), s.text, true,
                        tr(Str::network_offers_text_hint));
  if (s.needs.empty()) s.needs = need_entries(store);
  s.stale |= select_field("network.offers.need", tr(Str::network_offers_need), s.need, s.needs,
                          tr(Str::network_offers_need_any));
  s.stale |= text_field("network.offers.place", tr(Str::network_offers_place), s.place, true,
                        tr(Str::network_offers_place_hint));
  s.stale |= text_field("network.offers.age", tr(Str::network_offers_age), s.age_years, true,
                        tr(Str::network_offers_age_hint));
  s.stale |= check_field("network.offers.pregnancy", tr(Str::dir_pregnancy), s.pregnancy);
  end_card();
  if (s.stale) run_search(store, s);

  const std::string count = format_text(Str::network_offers_count, std::to_string(s.page.total));
  muted_text(count.c_str());
  widget_registry().tag_last_item("network.offers.count", count.c_str());
  for (size_t i = 0; i < s.page.rows.size(); ++i) {
    const auto& row = s.page.rows[i];
    const std::string id = "network.offer." + std::to_string(i);
    if (nav_card(id.c_str(), BB_ICON_HANDSHAKE, row.title.c_str(), offer_line(row).c_str()))
      open_partner(ui, row.partner_id);
  }
  if (s.page.total > static_cast<int>(s.page.rows.size())) muted_text(tr(Str::network_offers_more));
}

}  // namespace bb::ui
