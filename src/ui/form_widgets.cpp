// Form building blocks (see form_widgets.h).
#include "ui/form_widgets.h"

#include <algorithm>
#include <cstdio>

#include "core/i18n.h"
#include "imgui.h"
#include "ui/icons.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

std::string part_id(const char* test_id, const char* part) { return std::string(test_id) + "." + part; }

// The state of the one picker that is open (only one popup can be).
struct PickerState {
  std::string typed;        // the text field inside the picker
  int year = 0, month = 0;  // the month the calendar shows
};
PickerState g_picker;

const char* month_name(int month) {
  static const Str kMonths[] = {Str::month_1, Str::month_2,  Str::month_3,  Str::month_4,
                                Str::month_5, Str::month_6,  Str::month_7,  Str::month_8,
                                Str::month_9, Str::month_10, Str::month_11, Str::month_12};
  return tr(kMonths[std::clamp(month, 1, 12) - 1]);
}

// A field-like button that shows the value (or a hint) and opens a popup.
bool picker_button(const char* test_id, const std::string& shown, const char* icon) {
  ImGui::PushID(test_id);
  const std::string label = std::string(icon) + "  " + shown + "##value";
  ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
  ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
  const bool pressed = ImGui::Button(label.c_str(), ImVec2(-1, touch_target_height()));
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  ImGui::PopID();
  widget_registry().tag_last_item(test_id);
  return pressed;
}

bool small_button(const char* test_id, const char* label, bool selected = false, float width = 0) {
  return choice(test_id, label, selected, width);
}

}  // namespace

void FieldErrors::set(const Error& error) {
  const std::string field = cases::invalid_field(error);
  if (field.empty()) {
    general = error.text();
    return;
  }
  cases::ValidationError v;
  v.field = field;
  v.message = error.message;
  v.arg = error.arg;
  list.push_back(std::move(v));
}

const cases::ValidationError* FieldErrors::find(const std::string& field) const {
  for (const auto& e : list)
    if (e.field == field) return &e;
  return nullptr;
}

void field_error(const FieldErrors& errors, const std::string& field, const char* test_id) {
  const cases::ValidationError* e = errors.find(field);
  if (!e) return;
  ImGui::PushStyleColor(ImGuiCol_Text, palette().warning_text);
  const std::string text = e->text();
  ImGui::TextWrapped(BB_ICON_WARNING "  %s", text.c_str());
  ImGui::PopStyleColor();
  widget_registry().tag_last_item(test_id, text.c_str());
}

bool date_field(const char* test_id, const char* label, std::string& iso, bool allow_empty) {
  ImGui::TextUnformatted(label);
  const std::string shown = iso.empty() ? std::string(tr(Str::form_choose_date)) : cases::german_date(iso);
  bool changed = false;
  const std::string popup = part_id(test_id, "popup");
  if (picker_button(test_id, shown, BB_ICON_CALENDAR)) {
    const auto d = cases::parse_date(iso.empty() ? cases::today() : iso);
    g_picker.year = d ? d->year : 2026;
    g_picker.month = d ? d->month : 1;
    g_picker.typed = iso.empty() ? std::string() : cases::german_date(iso);
    ImGui::OpenPopup(popup.c_str());
  }
  ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(ImGui::GetMainViewport()->WorkSize.x - 20, 360.0f), 0),
                                      ImVec2(FLT_MAX, FLT_MAX));
  if (ImGui::BeginPopup(popup.c_str())) {
    // Typing is quickest for a birth date decades ago; the calendar for this month's visits.
    text_field(part_id(test_id, "typed").c_str(), tr(Str::form_type_date), g_picker.typed, false,
               "TT.MM.JJJJ");
    const std::string typed_iso = cases::iso_from_typed_date(g_picker.typed);
    if (!g_picker.typed.empty() && typed_iso.empty()) muted_text(tr(Str::form_date_format));
    if (!typed_iso.empty() && small_button(part_id(test_id, "use").c_str(), tr(Str::form_use_date), true)) {
      iso = typed_iso;
      changed = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::Separator();
    const float w = touch_target_height();
    if (small_button(part_id(test_id, "prev_year").c_str(), "«", false, w)) --g_picker.year;
    ImGui::SameLine();
    if (small_button(part_id(test_id, "prev").c_str(), "‹", false, w)) {
      if (--g_picker.month < 1) g_picker.month = 12, --g_picker.year;
    }
    ImGui::SameLine();
    char title[48];
    std::snprintf(title, sizeof title, "%s %d", month_name(g_picker.month), g_picker.year);
    const float title_w = ImGui::CalcTextSize(title).x;
    const float room = 7 * (w + ImGui::GetStyle().ItemSpacing.x) - 4 * (w + ImGui::GetStyle().ItemSpacing.x);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (room - title_w) * 0.5f));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title);
    widget_registry().tag_last_item(part_id(test_id, "month").c_str(), title);
    ImGui::SameLine(ImGui::GetCursorStartPos().x + 5 * (w + ImGui::GetStyle().ItemSpacing.x));
    if (small_button(part_id(test_id, "next").c_str(), "›", false, w)) {
      if (++g_picker.month > 12) g_picker.month = 1, ++g_picker.year;
    }
    ImGui::SameLine();
    if (small_button(part_id(test_id, "next_year").c_str(), "»", false, w)) ++g_picker.year;

    static const Str kDays[] = {Str::weekday_mo, Str::weekday_di, Str::weekday_mi, Str::weekday_do,
                                Str::weekday_fr, Str::weekday_sa, Str::weekday_so};
    for (int i = 0; i < 7; ++i) {
      if (i) ImGui::SameLine();
      ImGui::Button(tr(kDays[i]), ImVec2(w, 0));  // a header cell; tapping it does nothing
    }
    const int64_t first = cases::days_from_civil({g_picker.year, g_picker.month, 1});
    const int weekday = static_cast<int>(((first % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday: 0 = Monday
    const int64_t next_first =
        cases::days_from_civil({g_picker.month == 12 ? g_picker.year + 1 : g_picker.year,
                                g_picker.month == 12 ? 1 : g_picker.month + 1, 1});
    const int days = static_cast<int>(next_first - first);
    const std::string today = cases::today();
    for (int cell = 0; cell < weekday + days; ++cell) {
      if (cell % 7) ImGui::SameLine();
      if (cell < weekday) {
        ImGui::Dummy(ImVec2(w, w));
        continue;
      }
      const int day = cell - weekday + 1;
      const std::string day_iso = cases::format_date({g_picker.year, g_picker.month, day});
      char text[16];
      std::snprintf(text, sizeof text, "%d", day);
      const std::string id = part_id(test_id, "day.") + std::to_string(day);
      const bool selected = day_iso == iso;
      if (day_iso == today && !selected) ImGui::PushStyleColor(ImGuiCol_Border, palette().accent);
      if (small_button(id.c_str(), text, selected, w)) {
        iso = day_iso;
        changed = true;
        ImGui::CloseCurrentPopup();
      }
      if (day_iso == today && !selected) ImGui::PopStyleColor();
    }
    ImGui::Separator();
    if (small_button(part_id(test_id, "today").c_str(), tr(Str::form_today))) {
      iso = today;
      changed = true;
      ImGui::CloseCurrentPopup();
    }
    if (allow_empty) {
      ImGui::SameLine();
      if (small_button(part_id(test_id, "clear").c_str(), tr(Str::form_no_date))) {
        changed = !iso.empty();
        iso.clear();
        ImGui::CloseCurrentPopup();
      }
    }
    ImGui::SameLine();
    if (small_button(part_id(test_id, "close").c_str(), tr(Str::form_close))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  return changed;
}

bool time_field(const char* test_id, const char* label, std::string& hhmm) {
  ImGui::TextUnformatted(label);
  const std::string shown = hhmm.empty() ? std::string(tr(Str::form_choose_time)) : hhmm;
  bool changed = false;
  const std::string popup = part_id(test_id, "popup");
  if (picker_button(test_id, shown, BB_ICON_CLOCK)) {
    g_picker.typed = hhmm;
    ImGui::OpenPopup(popup.c_str());
  }
  if (ImGui::BeginPopup(popup.c_str())) {
    text_field(part_id(test_id, "typed").c_str(), tr(Str::form_type_time), g_picker.typed, false, "HH:MM");
    if (cases::valid_time(g_picker.typed) &&
        small_button(part_id(test_id, "use").c_str(), tr(Str::form_use_date), true)) {
      hhmm = g_picker.typed;
      changed = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::Separator();
    // Hours of a working day, then the quarter hours of the chosen hour.
    const float w = touch_target_height() * 1.2f;
    const int hour = hhmm.size() == 5 ? std::atoi(hhmm.substr(0, 2).c_str()) : -1;
    for (int h = 7; h <= 20; ++h) {
      if ((h - 7) % 7) ImGui::SameLine();
      char text[8];
      std::snprintf(text, sizeof text, "%02d", h);
      if (small_button(part_id(test_id, (std::string("h.") + text).c_str()).c_str(), text, h == hour, w)) {
        char value[8];
        std::snprintf(value, sizeof value, "%02d:%s", h, hhmm.size() == 5 ? hhmm.substr(3).c_str() : "00");
        hhmm = value;
        changed = true;
      }
    }
    ImGui::Separator();
    for (int m = 0; m < 60; m += 15) {
      if (m) ImGui::SameLine();
      char text[8];
      std::snprintf(text, sizeof text, ":%02d", m);
      if (small_button(part_id(test_id, (std::string("m.") + (text + 1)).c_str()).c_str(), text,
                       hhmm.size() == 5 && std::atoi(hhmm.substr(3).c_str()) == m, w)) {
        char value[8];
        std::snprintf(value, sizeof value, "%02d:%02d", hour < 0 ? 9 : hour, m);
        hhmm = value;
        changed = true;
        ImGui::CloseCurrentPopup();
      }
    }
    ImGui::Separator();
    if (small_button(part_id(test_id, "clear").c_str(), tr(Str::form_no_time))) {
      changed = !hhmm.empty();
      hhmm.clear();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (small_button(part_id(test_id, "close").c_str(), tr(Str::form_close))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  return changed;
}

bool minutes_field(const char* test_id, const char* label, int& minutes, int step) {
  ImGui::TextUnformatted(label);
  const float w = touch_target_height() * 1.3f;
  bool changed = false;
  if (small_button(part_id(test_id, "less").c_str(), "−", false, w) && minutes > step) {
    minutes -= step;
    changed = true;
  }
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  const std::string text = format_text(Str::form_minutes, std::to_string(minutes));
  ImGui::TextUnformatted(text.c_str());
  widget_registry().tag_last_item(test_id, text.c_str());
  ImGui::SameLine();
  if (small_button(part_id(test_id, "more").c_str(), "+", false, w) && minutes + step <= 24 * 60) {
    minutes += step;
    changed = true;
  }
  return changed;
}

bool select_field(const char* test_id, const char* label, std::string& code,
                  const std::vector<cases::CatalogEntry>& entries, const char* empty_label) {
  ImGui::TextUnformatted(label);
  std::string shown = empty_label ? empty_label : tr(Str::form_choose);
  for (const auto& e : entries)
    if (e.code == code) shown = e.label;
  bool changed = false;
  const std::string popup = part_id(test_id, "popup");
  if (picker_button(test_id, shown, BB_ICON_CARET_DOWN)) ImGui::OpenPopup(popup.c_str());
  ImGui::SetNextWindowSizeConstraints(ImVec2(std::min(ImGui::GetMainViewport()->WorkSize.x - 20, 360.0f), 0),
                                      ImVec2(FLT_MAX, ImGui::GetMainViewport()->WorkSize.y * 0.8f));
  if (ImGui::BeginPopup(popup.c_str())) {
    const float h = touch_target_height();
    if (empty_label) {
      if (ImGui::Selectable(empty_label, code.empty(), 0, ImVec2(0, h))) {
        changed = !code.empty();
        code.clear();
      }
      widget_registry().tag_last_item(part_id(test_id, "none").c_str(), empty_label);
    }
    for (const auto& e : entries) {
      if (!e.active && e.code != code) continue;
      ImGui::PushID(e.code.c_str());
      if (ImGui::Selectable(e.label.c_str(), e.code == code, 0, ImVec2(0, h))) {
        changed = e.code != code;
        code = e.code;
      }
      ImGui::PopID();
      widget_registry().tag_last_item(part_id(test_id, e.code.c_str()).c_str(), e.label.c_str());
    }
    ImGui::EndPopup();
  }
  return changed;
}

FlowRow::FlowRow() : right_(ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x) {}

void FlowRow::next(const char* label) {
  const float w = ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
  if (!first_) {
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + w > right_) ImGui::NewLine();
  }
  first_ = false;
}

bool chips(const char* test_id, const std::vector<cases::CatalogEntry>& entries,
           std::vector<std::string>& codes) {
  bool changed = false;
  FlowRow row;
  for (const auto& e : entries) {
    const bool on = std::find(codes.begin(), codes.end(), e.code) != codes.end();
    if (!e.active && !on) continue;
    const std::string label = (on ? std::string(BB_ICON_CHECK "  ") : std::string()) + e.label;
    row.next(label.c_str());
    if (choice(part_id(test_id, e.code.c_str()).c_str(), label.c_str(), on)) {
      if (on)
        codes.erase(std::remove(codes.begin(), codes.end(), e.code), codes.end());
      else
        codes.push_back(e.code);
      changed = true;
    }
  }
  return changed;
}

bool check_field(const char* test_id, const char* label, bool& value, bool personal) {
  // A long label wraps inside the available width: a one-line Selectable would
  // grow past the card's edge (clipped in portrait, and a tap target partly off screen).
  const ImGuiStyle& style = ImGui::GetStyle();
  const char* icon = value ? BB_ICON_CHECK_SQUARE "  " : BB_ICON_SQUARE "  ";
  const float width = ImGui::GetContentRegionAvail().x;
  const float icon_width = ImGui::CalcTextSize(icon).x;
  const float wrap = std::max(1.0f, width - icon_width);
  const ImVec2 label_size = ImGui::CalcTextSize(label, nullptr, false, wrap);
  const float height = std::max(touch_target_height(), label_size.y + style.FramePadding.y * 2);
  ImGui::PushID(test_id);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::Selectable("##check", false, 0, ImVec2(width, height));
  ImGui::PopID();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
  const float text_y = pos.y + (height - label_size.y) * 0.5f;
  draw->AddText(ImVec2(pos.x, text_y), colour, icon);
  draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(pos.x + icon_width, text_y), colour, label,
                nullptr, wrap);
  if (personal)
    widget_registry().tag_personal(test_id, label);
  else
    widget_registry().tag_last_item(test_id, label);
  if (pressed) value = !value;
  return pressed;
}

}  // namespace bb::ui
