// The families screen: the list (search as you type, filters, sorting, a
// clipper over 10,000 families), and the dispatch to the family overview and
// the forms. The leave guard for dirty forms lives here too. docs/ui.md
// ("Case documentation").
#include <algorithm>
#include <chrono>
#include <memory>

#include "core/i18n.h"
#include "imgui.h"
#include "platform/platform.h"
#include "ui/icons.h"
#include "ui/screens/case_ui.h"
#include "ui/screens/consent_ui.h"
#include "ui/screens/handover_ui.h"
#include "ui/screens/kjh_ui.h"
#include "ui/screens/protection_ui.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

constexpr int kPageRows = 60;  // rows fetched around the visible range

double now_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

store::FamilyListQuery make_query(const FamilyListState& l, int offset, int limit) {
  store::FamilyListQuery q;
  q.text = l.search;
  if (l.status_filter >= 0) q.statuses.push_back(static_cast<cases::FamilyStatus>(l.status_filter));
  q.due_reviews = l.due_reviews;
  if (l.visit_filter == 1) {
    q.next_visit_from = cases::today();
    q.next_visit_to = cases::add_days(q.next_visit_from, 7);
  }
  q.without_next_visit = l.visit_filter == 2;
  if (!l.companion.empty()) q.companion = l.companion;
  q.sort = l.sort;
  q.descending = l.sort == store::FamilySort::last_contact;  // the latest first
  q.offset = offset;
  q.limit = limit;
  return q;
}

// Makes rows [first, last) available (one query per page).
void fetch_rows(const store::Store& store, FamilyListState& l, int first, int last) {
  const bool covered = !l.stale && first >= l.offset && last <= l.offset + static_cast<int>(l.rows.size());
  if (covered) return;
  const int offset = std::max(0, first - kPageRows / 3);
  const double t0 = now_ms();
  auto page = store::list_families(store, make_query(l, offset, std::max(kPageRows, last - offset)));
  l.query_ms = now_ms() - t0;
  l.stale = false;
  if (!page.ok()) {
    l.rows.clear();
    l.total = 0;
    return;
  }
  l.total = page->total;
  l.offset = offset;
  l.rows = std::move(page->rows);
}

void draw_filters(ScreenContext& ctx, CaseUi& ui) {
  FamilyListState& l = ui.list;
  if (text_field("families.search", tr(Str::families_search), l.search, false,
                 tr(Str::families_search_hint))) {
    l.stale = true;
    ImGui::SetScrollY(0);
  }
  struct StatusChoice {
    int value;
    const char* id;
    Str label;
  };
  static const StatusChoice kStatus[] = {
      {-1, "families.filter.all", Str::families_filter_all},
      {static_cast<int>(cases::FamilyStatus::anfrage), "families.filter.anfrage", Str::case_status_anfrage},
      {static_cast<int>(cases::FamilyStatus::erstkontakt), "families.filter.erstkontakt",
       Str::case_status_erstkontakt},
      {static_cast<int>(cases::FamilyStatus::laufend), "families.filter.laufend", Str::case_status_laufend},
      {static_cast<int>(cases::FamilyStatus::abgeschlossen), "families.filter.abgeschlossen",
       Str::case_status_abgeschlossen},
  };
  FlowRow row;
  for (const auto& c : kStatus) {
    row.next(tr(c.label));
    if (choice(c.id, tr(c.label), l.status_filter == c.value)) {
      l.status_filter = c.value;
      l.stale = true;
    }
  }
  const std::string due = std::string(BB_ICON_FLAG "  ") + tr(Str::families_filter_due);
  row.next(due.c_str());
  if (choice("families.filter.due", due.c_str(), l.due_reviews)) {
    l.due_reviews = !l.due_reviews;
    l.stale = true;
  }
  const std::string soon = std::string(BB_ICON_CALENDAR "  ") + tr(Str::families_filter_visit_soon);
  row.next(soon.c_str());
  if (choice("families.filter.visit_soon", soon.c_str(), l.visit_filter == 1)) {
    l.visit_filter = l.visit_filter == 1 ? 0 : 1;
    l.stale = true;
  }
  row.next(tr(Str::families_filter_no_visit));
  if (choice("families.filter.no_visit", tr(Str::families_filter_no_visit), l.visit_filter == 2)) {
    l.visit_filter = l.visit_filter == 2 ? 0 : 2;
    l.stale = true;
  }
  // Companion and sorting as two lists to tap.
  if (l.companions.empty() && ctx.session->reader()) {
    auto names = store::list_companions(*ctx.session->reader());
    if (names.ok()) l.companions = *names;
  }
  if (l.companions.size() > 1) {
    std::vector<cases::CatalogEntry> entries;
    for (const auto& name : l.companions) entries.push_back({"", name, name, 0, true});
    if (select_field("families.filter.companion", tr(Str::families_filter_companion), l.companion, entries,
                     tr(Str::families_filter_all_companions)))
      l.stale = true;
  }
  static const std::pair<store::FamilySort, Str> kSorts[] = {
      {store::FamilySort::name, Str::families_sort_name},
      {store::FamilySort::status, Str::families_sort_status},
      {store::FamilySort::last_contact, Str::families_sort_last_contact},
      {store::FamilySort::next_appointment, Str::families_sort_next_appointment},
      {store::FamilySort::next_review, Str::families_sort_next_review},
  };
  std::vector<cases::CatalogEntry> sorts;
  for (const auto& s : kSorts)
    sorts.push_back({"", std::to_string(static_cast<int>(s.first)), tr(s.second), 0, true});
  std::string sort_code = std::to_string(static_cast<int>(l.sort));
  if (select_field("families.sort", tr(Str::families_sort), sort_code, sorts)) {
    l.sort = static_cast<store::FamilySort>(std::atoi(sort_code.c_str()));
    l.stale = true;
  }
}

void draw_row(CaseUi& ui, int index, const store::FamilyListRow& row, float height) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float width = ImGui::GetContentRegionAvail().x;
  ImGui::PushID(index);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton("row", ImVec2(width, height - style.ItemSpacing.y));
  const std::string id = "families.row." + std::to_string(index);
  widget_registry().tag_personal(id.c_str(), row.family_name);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 bg = ImGui::GetColorU32(ImGui::IsItemHovered() ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height - style.ItemSpacing.y), bg,
                    style.FrameRounding);
  const float x = pos.x + style.FramePadding.x;
  float y = pos.y + style.FramePadding.y * 0.6f;
  const std::string title = format_text(Str::case_header_family, row.family_name);
  dl->AddText(ImVec2(x, y), ImGui::GetColorU32(ImGuiCol_Text), title.c_str());
  const char* status = tr(cases::label(row.status));
  const float status_w = ImGui::CalcTextSize(status).x;
  dl->AddText(ImVec2(pos.x + width - status_w - style.FramePadding.x, y),
              ImGui::GetColorU32(palette().accent), status);
  y += ImGui::GetTextLineHeightWithSpacing();
  std::string line;
  if (!row.context.empty()) {
    line = row.context;
  } else {
    if (!row.companion.empty()) line += row.companion;
    if (!row.last_contact_on.empty())
      line += (line.empty() ? "" : "  ·  ") +
              format_text(Str::families_last_contact, cases::german_date(row.last_contact_on));
    if (!row.next_appointment.empty())
      line += (line.empty() ? "" : "  ·  ") +
              format_text(Str::families_next_appointment, cases::german_date(row.next_appointment));
  }
  ImGui::PushClipRect(pos, ImVec2(pos.x + width - style.FramePadding.x, pos.y + height), true);
  dl->AddText(ImVec2(x, y), ImGui::GetColorU32(palette().muted_text), line.c_str());
  ImGui::PopClipRect();
  ImGui::PopID();
  if (pressed) {
    ui.family_id = row.id;
    ui.overview_stale = true;
    go_to(ui, CaseView::overview);
  }
}

void draw_leave_dialog(ScreenContext& ctx, CaseUi& ui) {
  if (!ui.confirm_leave) return;
  if (!ImGui::IsPopupOpen("##leave")) ImGui::OpenPopup("##leave");
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetMainViewport()->WorkSize.x - 24, 460.0f), 0));
  if (ImGui::BeginPopupModal("##leave", nullptr,
                             ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize)) {
    heading(tr(Str::form_leave_title), "form.leave.title");
    muted_text(tr(Str::form_leave_text));
    if (button("form.leave.stay", tr(Str::form_leave_stay), true)) {
      ui.confirm_leave = false;
      ui.leave_to_view.reset();
      ui.leave_to_screen.reset();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (button("form.leave.discard", tr(Str::form_leave_discard))) {
      ui.confirm_leave = false;
      ui.dirty = false;
      ui.errors.clear();
      if (ui.leave_to_screen) {
        ctx.navigate_to = *ui.leave_to_screen;
        ui.view = ui.family_id ? CaseView::overview : CaseView::list;
      } else if (ui.leave_to_view) {
        go_to(ui, *ui.leave_to_view);
      }
      ui.leave_to_view.reset();
      ui.leave_to_screen.reset();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace

const std::vector<cases::CatalogEntry>& CaseUi::catalog(const store::Store& store, const std::string& kind) {
  auto it = catalogs.find(kind);
  if (it == catalogs.end()) {
    auto entries = store::load_catalog(store, kind, true);
    it = catalogs.emplace(kind, entries.ok() ? *entries : std::vector<cases::CatalogEntry>{}).first;
  }
  return it->second;
}

void go_to(CaseUi& ui, CaseView view) {
  const bool in_form = ui.view != CaseView::list && ui.view != CaseView::overview;
  if (in_form && ui.dirty && view != ui.view) {
    ui.confirm_leave = true;
    ui.leave_to_view = view;
    return;
  }
  if (view == CaseView::overview) ui.overview_stale = true;
  if (view == CaseView::list) ui.list.stale = true;
  ui.view = view;
  ui.dirty = false;
  ui.draft_notice = Str::count_;
  ui.scroll_to_top = true;
  ui.errors.clear();
  platform::request_frame();
}

void saved_back_to_overview(CaseUi& ui) {
  ui.dirty = false;
  ui.errors.clear();
  ui.list.stale = true;
  ui.list.companions.clear();
  go_to(ui, CaseView::overview);
}

bool save_form(ScreenContext& ctx, CaseUi& ui, cases::ValidationErrors errors, Str what,
               const std::function<Status(store::Store&)>& action, Str notice) {
  ui.errors.clear();
  ui.errors.list = std::move(errors);
  if (!ui.errors.list.empty()) {
    ui.errors.general = tr(Str::form_check_fields);
    return false;
  }
  const Status st = ctx.session->act_on_store(what, action);
  if (!st.ok()) {
    ui.errors.set(st.error());
    return false;
  }
  ui.notice = tr(notice);
  saved_back_to_overview(ui);
  return true;
}

void form_header(CaseUi& ui, const char* title, const char* test_id, std::optional<CaseView> back_to) {
  const std::string back = std::string(BB_ICON_CHEVRON_LEFT "  ") + tr(Str::form_cancel);
  if (button((std::string(test_id) + ".cancel").c_str(), back.c_str()))
    go_to(ui, back_to ? *back_to : ui.family_id ? CaseView::overview : CaseView::list);
  heading(title, test_id);
  if (ui.draft_notice != Str::count_) {
    ImGui::TextColored(palette().ok_text, BB_ICON_CHECK "  %s", tr(ui.draft_notice));
    widget_registry().tag_last_item("form.draft_restored", tr(ui.draft_notice));
  }
  if (!ui.errors.general.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().warning_text);
    ImGui::TextWrapped(BB_ICON_WARNING "  %s", ui.errors.general.c_str());
    ImGui::PopStyleColor();
    widget_registry().tag_last_item("form.error", ui.errors.general.c_str());
  }
}

bool may_leave_screen(Forms& forms, ScreenId to) {
  CaseUi* ui = forms.cases.get();
  if (!ui || !ui->dirty) return true;
  if (ui->view == CaseView::list || ui->view == CaseView::overview) return true;
  ui->confirm_leave = true;
  ui->leave_to_screen = to;
  return false;
}

void draw_family_list(ScreenContext& ctx, CaseUi& ui) {
  heading(tr(Str::families_title), "families.title");
  const std::string add = std::string(BB_ICON_PLUS "  ") + tr(Str::families_new);
  if (button("families.new", add.c_str(), true)) {
    ui.family_id = 0;
    ui.family = cases::FamilyInput{};
    ui.family.request_on = cases::today();
    ui.persons.clear();
    go_to(ui, CaseView::family_form);
    return;
  }
  ImGui::SameLine();
  if (button("families.receive", tr(Str::handover_ui_receive_title))) {
    open_receive(ui);
    return;
  }
  ImGui::Spacing();
  draw_filters(ctx, ui);
  ImGui::Spacing();

  const store::Store* store = ctx.session->reader();
  if (!store) return;
  FamilyListState& l = ui.list;
  if (l.stale) fetch_rows(*store, l, 0, kPageRows);
  const std::string count = format_text(Str::families_count, std::to_string(l.total));
  muted_text(count.c_str());
  widget_registry().tag_last_item("families.count", count.c_str());
  if (l.total == 0) {
    begin_card("families.empty");
    ImGui::TextWrapped(
        "%s", tr(l.search.empty() && l.status_filter < 0 && !l.due_reviews ? Str::families_empty
                                                                           : Str::families_none_found));
    end_card();
    return;
  }
  const float row_h = ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetStyle().FramePadding.y * 1.2f +
                      ImGui::GetStyle().ItemSpacing.y;
  ImGuiListClipper clipper;
  clipper.Begin(l.total, row_h);
  while (clipper.Step()) {
    fetch_rows(*store, l, clipper.DisplayStart, clipper.DisplayEnd);
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const int k = i - l.offset;
      if (k < 0 || k >= static_cast<int>(l.rows.size())) {
        ImGui::Dummy(ImVec2(0, row_h - ImGui::GetStyle().ItemSpacing.y));
        continue;
      }
      draw_row(ui, i, l.rows[static_cast<size_t>(k)], row_h);
    }
  }
}

void draw_families_screen(ScreenContext& ctx) {
  if (!ctx.session || !ctx.session->reader()) return;
  if (!ctx.forms.cases) ctx.forms.cases = std::make_shared<CaseUi>();
  CaseUi& ui = *ctx.forms.cases;
  drop_finished_draft(*ctx.session, ui);
  if (ui.scroll_to_top) {
    ctx.forms.scroll_to_top = true;
    ui.scroll_to_top = false;
  }
  switch (ui.view) {
    case CaseView::list:
      draw_family_list(ctx, ui);
      break;
    case CaseView::overview:
      draw_family_overview(ctx, ui);
      break;
    case CaseView::family_form:
      draw_family_form(ctx, ui);
      break;
    case CaseView::person_form:
      draw_person_form(ctx, ui);
      break;
    case CaseView::contact_form:
      draw_contact_form(ctx, ui);
      break;
    case CaseView::goal_form:
      draw_goal_form(ctx, ui);
      break;
    case CaseView::assessment_form:
      draw_assessment_form(ctx, ui);
      break;
    case CaseView::status_form:
      draw_status_form(ctx, ui);
      break;
    case CaseView::responsibility_form:
      draw_responsibility_form(ctx, ui);
      break;
    case CaseView::kjh:
      draw_kjh_view(ctx, ui);
      break;
    case CaseView::kjh_involvement_form:
      draw_kjh_involvement_form(ctx, ui);
      break;
    case CaseView::kjh_exception_form:
      draw_kjh_exception_form(ctx, ui);
      break;
    case CaseView::cooperation_agreement:
      draw_cooperation_agreement(ctx, ui);
      break;
    case CaseView::referral_form:
      draw_referral_form(ctx, ui);
      break;
    case CaseView::referral:
      draw_referral(ctx, ui);
      break;
    case CaseView::consents:
      draw_consents_view(ctx, ui);
      break;
    case CaseView::consent_form:
      draw_consent_form(ctx, ui);
      break;
    case CaseView::information_form:
      draw_information_form(ctx, ui);
      break;
    case CaseView::handover:
      draw_handover_view(ctx, ui);
      break;
    case CaseView::receive:
      draw_receive_view(ctx, ui);
      break;
    case CaseView::received_case:
      draw_received_case(ctx, ui);
      break;
    case CaseView::cp:
    case CaseView::cp_anhaltspunkt_form:
    case CaseView::cp_support_form:
    case CaseView::cp_consultation_form:
    case CaseView::cp_mitteilung_form:
    case CaseView::cp_informed_form:
    case CaseView::disclosure_log:
    case CaseView::auskunft:
      draw_protection_view(ctx, ui);
      break;
  }
  draw_leave_dialog(ctx, ui);
}

}  // namespace bb::ui
