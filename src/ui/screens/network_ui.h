// The state of the network screen (Netzwerkpartner, Angebote, insoweit
// erfahrene Fachkräfte, the directory import). It holds no family data: the
// directory is the network's public list. The app keeps it in Forms and drops
// it when it locks, like the case screens' state. docs/ui.md "Network".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/directory.h"
#include "store/directory.h"
#include "ui/form_widgets.h"
#include "ui/screens/screens.h"

namespace bb::ui {

enum class NetworkView { offers, partners, partner, fachkraefte, import_review, partner_form };

// The offer search ("Beratungsführer"): the query as typed and its result.
struct OfferSearchState {
  std::string text, need, place, age_years;  // age typed in years ("1", "0,5")
  bool pregnancy = false;
  std::vector<cases::CatalogEntry> needs;  // the needs with the topic catalogue's labels
  bool stale = true;
  store::OfferPage page;
  double query_ms = 0;  // the last search's time (tests and bench)
};

struct NetworkUi {
  NetworkView view = NetworkView::offers;
  std::optional<store::DirectoryInfo> info;  // reloaded when stale
  bool info_stale = true;

  OfferSearchState offers;

  std::string partner_text;
  int partner_category = -1;  // -1 all, else directory::Category
  bool partners_stale = true;
  store::PartnerPage partners;

  int64_t partner_id = 0;  // the partner shown
  std::optional<store::PartnerRecord> partner;

  std::string fachkraft_text;
  bool fachkraefte_stale = true;
  std::vector<store::FachkraftRecord> fachkraefte;

  // The picked directory file, parsed, and what importing it would change.
  std::optional<directory::Directory> pending;
  std::optional<store::DirectoryDiff> diff;

  int64_t edit_id = 0;  // partner being edited, 0 = new own entry
  directory::Partner edit;
  FieldErrors errors;

  std::string message;  // the last outcome, UI words only
  bool message_ok = false;

  // Everything read from the store is read again (after an import or an edit).
  void reload();
  void show(NetworkView v);
};

NetworkUi& network_ui(Forms& forms);

// The parts of the network screen, one file each (network_*.cpp).
void draw_offer_search(ScreenContext& ctx, NetworkUi& ui);
void draw_partner_list(ScreenContext& ctx, NetworkUi& ui);
void draw_partner_detail(ScreenContext& ctx, NetworkUi& ui);
void draw_partner_form(ScreenContext& ctx, NetworkUi& ui);
void draw_fachkraefte(ScreenContext& ctx, NetworkUi& ui);
// The directory card (Stand, import, export) and the review of an import.
void draw_directory_card(ScreenContext& ctx, NetworkUi& ui);
void draw_import_review(ScreenContext& ctx, NetworkUi& ui);

// Shared by the network screen and the referral form.
std::string offer_line(const store::OfferRow& row);  // partner · town · for whom
std::string need_label(const store::Store& store, const std::string& need);
// Opens the partner's detail.
void open_partner(NetworkUi& ui, int64_t partner_id);
// A message line (green when ok, else warning colour) with its test ID.
void outcome_line(const std::string& text, bool ok, const char* test_id);

}  // namespace bb::ui
