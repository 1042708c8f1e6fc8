// The directory card (Stand, counts, import, export) and the review of an
// import: the picked file is parsed (an invalid file is refused whole with the
// parser's German message, nothing changes), the diff is shown — added,
// changed, removed, conflicts with own edits — and only "Übernehmen" applies
// it, in one transaction (store::import_directory). docs/directory.md.
#include <algorithm>
#include <string>
#include <string_view>

#include "core/cases.h"
#include "core/i18n.h"
#include "exchange/directory_file.h"
#include "imgui.h"
#include "platform/platform.h"
#include "platform/storage.h"
#include "ui/icons.h"
#include "ui/screens/network_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

// Parses the picked bytes and computes what importing them would change.
void review_file(const store::Store& store, NetworkUi& ui, const std::vector<uint8_t>& bytes) {
  ui.pending.reset();
  ui.diff.reset();
  auto dir = exchange::parse_directory_file(
      std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  if (!dir.ok()) {
    ui.message = dir.error().text();
    ui.message_ok = false;
    return;
  }
  auto diff = store::diff_directory(store, *dir);
  if (!diff.ok()) {
    ui.message = diff.error().text();
    ui.message_ok = false;
    return;
  }
  ui.pending = std::move(*dir);
  ui.diff = std::move(*diff);
  ui.message.clear();
  ui.show(NetworkView::import_review);
}

void export_file(ScreenContext& ctx, NetworkUi& ui) {
  auto dir = store::export_directory(*ctx.session->reader());
  if (!dir.ok()) {
    ui.message = dir.error().text();
    ui.message_ok = false;
    return;
  }
  const std::string text = exchange::serialize_directory(*dir);
  platform::download_file("netzwerkverzeichnis-" + dir->stand + ".json",
                          std::vector<uint8_t>(text.begin(), text.end()));
  ui.message = tr(Str::network_exported);
  ui.message_ok = true;
}

std::string change_line(const store::DirectoryChange& c) {
  std::string line = std::string(tr(store::label(c.kind))) + ": " + c.name;
  if (!c.partner_name.empty()) line += " (" + c.partner_name + ")";
  line += " – " + std::string(tr(store::label(c.change)));
  if (!c.fields.empty()) {
    line += ":";
    for (const auto& f : c.fields) line += " " + f;
  }
  return line;
}

}  // namespace

void draw_directory_card(ScreenContext& ctx, NetworkUi& ui) {
  const store::Store& store = *ctx.session->reader();
  std::vector<uint8_t> picked;
  if (platform::take_picked_file(picked)) review_file(store, ui, picked);
  if (ui.view == NetworkView::import_review) return;
  if (ui.info_stale) {
    auto info = store::directory_info(store);
    ui.info = info.ok() ? std::optional<store::DirectoryInfo>(*info) : std::nullopt;
    ui.info_stale = false;
  }
  begin_card("network.directory");
  if (ui.info && ui.info->imported) {
    const std::string title =
        ui.info->network + "  ·  " + format_text(Str::network_stand, cases::german_date(ui.info->stand));
    ImGui::TextWrapped("%s", title.c_str());
    widget_registry().tag_last_item("network.directory.stand", title.c_str());
    std::string counts = format_text(Str::network_partners_count, std::to_string(ui.info->partners)) +
                         "  ·  " + format_text(Str::network_offers_count, std::to_string(ui.info->offers));
    muted_text(counts.c_str());
  } else {
    ImGui::TextWrapped("%s", tr(Str::network_empty));
    widget_registry().tag_last_item("network.empty", tr(Str::network_empty));
  }
  const std::string import = std::string(BB_ICON_REFRESH "  ") + tr(Str::network_import);
  if (button("network.import", import.c_str(), !(ui.info && ui.info->imported)))
    platform::pick_file(".json,application/json");
  if (ui.info && ui.info->imported) {
    ImGui::SameLine();
    if (button("network.export", tr(Str::network_export))) export_file(ctx, ui);
  }
  outcome_line(ui.message, ui.message_ok, "network.message");
  end_card();
}

void draw_import_review(ScreenContext& ctx, NetworkUi& ui) {
  if (!ui.pending || !ui.diff) {
    ui.show(NetworkView::offers);
    return;
  }
  const store::DirectoryDiff& d = *ui.diff;
  begin_card("network.review");
  const std::string title = format_text(Str::network_review_title, cases::german_date(d.stand_after));
  heading(title.c_str(), "network.review.title");
  if (d.older) outcome_line(tr(Str::network_review_older), false, "network.review.older");
  using store::ChangeKind;
  using store::EntryKind;
  struct Count {
    ChangeKind change;
    const char* id;
  };
  static const Count kCounts[] = {{ChangeKind::added, "network.review.added"},
                                  {ChangeKind::changed, "network.review.changed"},
                                  {ChangeKind::removed, "network.review.removed"},
                                  {ChangeKind::conflict, "network.review.conflicts"}};
  for (const auto& c : kCounts) {
    const int n = d.count(EntryKind::partner, c.change) + d.count(EntryKind::offer, c.change) +
                  d.count(EntryKind::fachkraft, c.change);
    const std::string line = std::string(tr(store::label(c.change))) + ": " + std::to_string(n);
    ImGui::TextUnformatted(line.c_str());
    widget_registry().tag_last_item(c.id, line.c_str());
  }
  if (d.empty()) muted_text(tr(Str::network_review_nothing));
  end_card();
  ImGui::Spacing();
  if (button("network.review.apply", tr(Str::network_review_apply), true)) {
    const directory::Directory dir = std::move(*ui.pending);
    const bool older = d.older;
    int total = 0;
    const Status st =
        ctx.session->act_on_store(Str::action_directory_import, [&](store::Store& db) -> Status {
          store::ImportOptions options;
          options.allow_older = older;  // the user saw the warning and chose to apply
          auto done = store::import_directory(db, dir, options);
          if (!done.ok()) return done.error();
          total = static_cast<int>(done->changes.size());
          return {};
        });
    ui.pending.reset();
    ui.diff.reset();
    ui.message = st.ok() ? format_text(Str::network_imported, std::to_string(total)) : st.error().text();
    ui.message_ok = st.ok();
    ui.reload();
    ui.show(NetworkView::offers);
    return;
  }
  ImGui::SameLine();
  if (button("network.review.cancel", tr(Str::form_cancel))) {
    ui.pending.reset();
    ui.diff.reset();
    ui.show(NetworkView::offers);
    return;
  }
  // The list of changes (at most the first 200: a full directory's first import is all "neu").
  const size_t shown = std::min<size_t>(d.changes.size(), 200);
  for (size_t i = 0; i < shown; ++i) {
    const std::string line = change_line(d.changes[i]);
    ImGui::TextWrapped("%s", line.c_str());
    widget_registry().tag_last_item(("network.review.change." + std::to_string(i)).c_str(), line.c_str());
  }
  if (d.changes.size() > shown)
    muted_text(format_text(Str::network_review_more, std::to_string(d.changes.size() - shown)).c_str());
}

}  // namespace bb::ui
