// What the family may see about its own data (issue 7): the
// Offenlegungsprotokoll — who got what, when, on which basis — and the
// Auskunft — everything stored about the family —, each on screen and
// printed; and the card „Datenschutz“ on the family overview that leads there.
#include <string>

#include "core/i18n.h"
#include "exchange/record_print.h"
#include "imgui.h"
#include "platform/print.h"
#include "store/auskunft.h"
#include "store/disclosures.h"
#include "ui/icons.h"
#include "ui/screens/protection_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

std::string family_header(const CaseUi& ui) { return ui.overview ? ui.overview->header : std::string(); }

void error_line(const char* id, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().warning_text);
  ImGui::TextWrapped(BB_ICON_WARNING "  %s", text.c_str());
  ImGui::PopStyleColor();
  widget_registry().tag_last_item(id, text.c_str());
}

}  // namespace

void open_disclosure_log(CaseUi& ui) {
  protection_ui(ui).log.reset();
  go_to(ui, CaseView::disclosure_log);
}

void open_auskunft(CaseUi& ui) {
  protection_ui(ui).auskunft.reset();
  go_to(ui, CaseView::auskunft);
}

void draw_disclosure_log(ScreenContext& ctx, CaseUi& ui) {
  ProtectionUi& p = protection_ui(ui);
  view_header(ui, Str::ausk_disclosures, "log", CaseView::overview);
  if (ui.view != CaseView::disclosure_log) return;
  muted_text(tr(Str::cp_ui_log_hint));
  if (!p.log) {
    auto log = store::load_disclosure_log(*ctx.session->reader(), ui.family_id);
    if (!log.ok()) {
      error_line("log.error", log.error().text());
      return;
    }
    p.log = std::move(*log);
  }
  begin_card("log.card");
  if (p.log->empty()) {
    muted_text(tr(Str::ausk_none));
    widget_registry().tag_last_item("log.empty", tr(Str::ausk_none));
  }
  for (size_t i = 0; i < p.log->size(); ++i) {
    const std::string line = rules::describe((*p.log)[i].entry, language());
    ImGui::TextWrapped("%s", line.c_str());
    widget_registry().tag_personal(("log.line." + std::to_string(i)).c_str(), line);
  }
  end_card();
  if (button("log.print", (std::string(BB_ICON_BOOK "  ") + tr(Str::print_action)).c_str()))
    platform::print_html(
        exchange::disclosure_log_document(*p.log, family_header(ui), language()).html(language()));
}

void draw_auskunft(ScreenContext& ctx, CaseUi& ui) {
  ProtectionUi& p = protection_ui(ui);
  view_header(ui, Str::cp_ui_auskunft, "ausk", CaseView::overview);
  if (ui.view != CaseView::auskunft) return;
  muted_text(tr(Str::cp_ui_auskunft_hint));
  if (!p.auskunft) {
    auto a = store::gather_auskunft(*ctx.session->reader(), ui.family_id, language());
    if (!a.ok()) {
      error_line("ausk.error", a.error().text());
      return;
    }
    p.auskunft = std::move(*a);
  }
  if (button("ausk.print", (std::string(BB_ICON_BOOK "  ") + tr(Str::print_action)).c_str()))
    platform::print_html(exchange::auskunft_document(*p.auskunft, language()).html(language()));
  for (size_t s = 0; s < p.auskunft->sections.size(); ++s) {
    const auto& section = p.auskunft->sections[s];
    const std::string sid = "ausk.section." + std::to_string(s);
    ImGui::Spacing();
    heading(tr(section.title), sid.c_str());
    if (section.records.empty()) muted_text(tr(Str::ausk_none));
    for (size_t r = 0; r < section.records.size(); ++r) {
      const auto& record = section.records[r];
      const std::string rid = sid + "." + std::to_string(r);
      begin_card(rid.c_str());
      if (!record.title.empty()) {
        ImGui::TextColored(palette().accent, "%s", record.title.c_str());
        widget_registry().tag_personal(rid.c_str(), record.title);
      }
      for (size_t i = 0; i < record.items.size(); ++i) {
        const std::string line = record.items[i].label + ":  " + record.items[i].value;
        ImGui::TextWrapped("%s", line.c_str());
        widget_registry().tag_personal((rid + "." + std::to_string(i)).c_str(), line);
      }
      end_card();
    }
  }
}

void draw_privacy_card(ScreenContext&, CaseUi& ui) {
  ImGui::Spacing();
  begin_card("overview.privacy");
  ImGui::TextColored(palette().accent, BB_ICON_LOCK "  %s", tr(Str::cp_ui_privacy_title));
  muted_text(tr(Str::cp_ui_privacy_hint));
  if (button("overview.privacy.log", tr(Str::ausk_disclosures))) {
    open_disclosure_log(ui);
    end_card();
    return;
  }
  ImGui::SameLine();
  if (button("overview.privacy.auskunft", tr(Str::cp_ui_auskunft))) open_auskunft(ui);
  end_card();
}

}  // namespace bb::ui
