// The network screen: the directory card (Stand, import, export) and three
// tabs — the offer search ("Beratungsführer"), the Netzwerkpartner by
// category, the insoweit erfahrene Fachkräfte — plus the partner detail, the
// partner form and the review of an import. docs/ui.md "Network".
#include <memory>
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "platform/platform.h"
#include "store/cases.h"
#include "ui/icons.h"
#include "ui/screens/network_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {

void NetworkUi::reload() {
  info_stale = true;
  offers.stale = true;
  partners_stale = true;
  fachkraefte_stale = true;
  partner.reset();
}

void NetworkUi::show(NetworkView v) {
  view = v;
  errors.clear();
  platform::request_frame();
}

NetworkUi& network_ui(Forms& forms) {
  if (!forms.network) forms.network = std::make_shared<NetworkUi>();
  return *forms.network;
}

void open_partner(NetworkUi& ui, int64_t partner_id) {
  ui.partner_id = partner_id;
  ui.partner.reset();
  ui.show(NetworkView::partner);
}

void outcome_line(const std::string& text, bool ok, const char* test_id) {
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ok ? palette().ok_text : palette().warning_text);
  ImGui::TextWrapped("%s  %s", ok ? BB_ICON_CHECK : BB_ICON_WARNING, text.c_str());
  ImGui::PopStyleColor();
  widget_registry().tag_last_item(test_id, text.c_str());
}

std::string need_label(const store::Store& store, const std::string& need) {
  auto entries = store::load_catalog(store, "topic", true);
  if (entries.ok())
    for (const auto& e : *entries)
      if (e.code == need) return e.label;
  return need;
}

std::string offer_line(const store::OfferRow& row) {
  std::string line = row.partner_name;
  if (!row.town.empty()) line += "  ·  " + row.town;
  if (row.pregnancy) line += std::string("  ·  ") + tr(Str::dir_pregnancy);
  if (row.age_from_months || row.age_to_months) {
    const int from = row.age_from_months.value_or(0);
    const std::string range = std::to_string(from) + "–" +
                              (row.age_to_months ? std::to_string(*row.age_to_months) : std::string("…")) +
                              " " + tr(Str::network_months);
    line += "  ·  " + format_text(Str::dir_age_range, range);
  }
  return line;
}

namespace {

void draw_tabs(NetworkUi& ui) {
  struct Tab {
    NetworkView view;
    const char* id;
    const char* icon;
    Str label;
  };
  static const Tab kTabs[] = {
      {NetworkView::offers, "network.tab.offers", BB_ICON_SEARCH, Str::network_tab_offers},
      {NetworkView::partners, "network.tab.partners", BB_ICON_ADDRESS_BOOK, Str::network_tab_partners},
      {NetworkView::fachkraefte, "network.tab.fachkraefte", BB_ICON_SHIELD, Str::network_tab_fachkraefte},
  };
  FlowRow row;
  for (const auto& t : kTabs) {
    const std::string label = std::string(t.icon) + "  " + tr(t.label);
    row.next(label.c_str());
    const bool selected =
        ui.view == t.view || (t.view == NetworkView::partners &&
                              (ui.view == NetworkView::partner || ui.view == NetworkView::partner_form));
    if (choice(t.id, label.c_str(), selected)) ui.show(t.view);
  }
}

}  // namespace

void draw_network_screen(ScreenContext& ctx) {
  NetworkUi& ui = network_ui(ctx.forms);
  heading(tr(Str::network_title), "network.title");
  if (!ctx.session->reader()) return;
  if (ui.view == NetworkView::import_review) {
    draw_import_review(ctx, ui);
    return;
  }
  draw_directory_card(ctx, ui);
  draw_tabs(ui);
  ImGui::Spacing();
  switch (ui.view) {
    case NetworkView::offers:
      draw_offer_search(ctx, ui);
      break;
    case NetworkView::partners:
      draw_partner_list(ctx, ui);
      break;
    case NetworkView::partner:
      draw_partner_detail(ctx, ui);
      break;
    case NetworkView::partner_form:
      draw_partner_form(ctx, ui);
      break;
    case NetworkView::fachkraefte:
      draw_fachkraefte(ctx, ui);
      break;
    case NetworkView::import_review:
      break;
  }
}

}  // namespace bb::ui
