// Widgets shared by all screens (see widgets.h).
#include "ui/widgets.h"

#include <cstring>

#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "platform/platform.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

namespace bb::ui {
namespace {

// The edit menu's target: which field, and a pointer to its text for this frame.
struct EditMenuState {
  ImGuiID field = 0;
  std::string test_id;
  std::string* text = nullptr;  // refreshed every frame the field is drawn
  bool open_requested = false;
  int sel_start = 0, sel_end = 0;  // selection at the time of the long press (bytes)
  bool paste_pending = false;
};
EditMenuState g_menu;

float g_active_field_bottom = 0;  // bottom edge of the text field being edited

void after_text_widget(const char* test_id, std::string& text, bool probe) {
  const ImGuiID id = ImGui::GetItemID();
  if (ImGui::IsItemActive()) g_active_field_bottom = ImGui::GetItemRectMax().y;
  if (probe)
    widget_registry().tag_probe_field(test_id, text);
  else
    widget_registry().tag_last_item(test_id);
  if (g_menu.field == id) g_menu.text = &text;
  // A long press arrives as a right-click: open the edit menu for this field.
  if (ImGui::IsItemHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) {
    g_menu.field = id;
    g_menu.test_id = test_id;
    g_menu.text = &text;
    g_menu.open_requested = true;
    g_menu.sel_start = g_menu.sel_end = 0;
    ImGuiInputTextState* state = ImGui::GetInputTextState(id);
    if (state && ImGui::GetActiveID() == id && state->HasSelection()) {
      // ImGui keeps the selection in characters; map it to UTF-8 byte offsets.
      const int a = ImMin(state->GetSelectionStart(), state->GetSelectionEnd());
      const int b = ImMax(state->GetSelectionStart(), state->GetSelectionEnd());
      g_menu.sel_start = ImTextCountUtf8BytesFromStr(state->TextW.Data, state->TextW.Data + a);
      g_menu.sel_end = ImTextCountUtf8BytesFromStr(state->TextW.Data, state->TextW.Data + b);
    }
  }
}

}  // namespace

void widgets_begin_frame() { g_menu.text = nullptr; }

float active_text_field_bottom() { return g_active_field_bottom; }

bool button(const char* test_id, const char* label, bool primary, float width) {
  const Palette& p = palette();
  if (primary) {
    ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                          ImVec4(p.accent.x * 0.9f, p.accent.y * 0.9f, p.accent.z * 0.9f, 1));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive,
                          ImVec4(p.accent.x * 0.8f, p.accent.y * 0.8f, p.accent.z * 0.8f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
  }
  ImGui::PushID(test_id);
  const bool pressed = ImGui::Button(label, ImVec2(width, touch_target_height()));
  ImGui::PopID();
  widget_registry().tag_last_item(test_id, label);
  if (primary) ImGui::PopStyleColor(4);
  return pressed;
}

bool choice(const char* test_id, const char* label, bool selected, float width) {
  if (selected) return button(test_id, label, true, width);
  return button(test_id, label, false, width);
}

void heading(const char* text, const char* test_id) {
  ImGui::PushFont(font_heading());
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
  if (test_id) widget_registry().tag_last_item(test_id, text);
}

void muted_text(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

void begin_card(const char* id) {
  ImGui::PushStyleColor(ImGuiCol_ChildBg, palette().card);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(20, 18));
  ImGui::BeginChild(
      id, ImVec2(0, 0),
      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
}

void end_card() {
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

bool nav_card(const char* test_id, const char* icon, const char* title, const char* text, float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  if (width <= 0) width = ImGui::GetContentRegionAvail().x;
  const float wrap = width - 2 * style.FramePadding.x - 40;
  const ImVec2 title_size = ImGui::CalcTextSize(title);
  const ImVec2 text_size = ImGui::CalcTextSize(text, nullptr, false, wrap);
  const float height =
      ImMax(touch_target_height() * 1.6f, title_size.y + text_size.y + 3 * style.FramePadding.y);

  ImGui::PushID(test_id);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton("card", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  widget_registry().tag_last_item(test_id, title);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 bg = ImGui::GetColorU32(hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), bg, style.ChildRounding);
  dl->AddRect(pos, ImVec2(pos.x + width, pos.y + height), ImGui::GetColorU32(ImGuiCol_Border),
              style.ChildRounding);
  const float x = pos.x + style.FramePadding.x;
  float y = pos.y + style.FramePadding.y;
  dl->AddText(ImVec2(x, y), ImGui::GetColorU32(palette().accent), icon);
  dl->AddText(ImVec2(x + 40, y), ImGui::GetColorU32(ImGuiCol_Text), title);
  y += title_size.y + style.FramePadding.y * 0.5f;
  dl->AddText(nullptr, 0.0f, ImVec2(x + 40, y), ImGui::GetColorU32(palette().muted_text), text, nullptr,
              wrap);
  ImGui::PopID();
  return pressed;
}

bool text_field(const char* test_id, const char* label, std::string& text, bool probe, const char* hint) {
  ImGui::TextUnformatted(label);
  ImGui::PushID(test_id);
  ImGui::SetNextItemWidth(-1);
  const bool changed =
      hint ? ImGui::InputTextWithHint("##field", hint, &text) : ImGui::InputText("##field", &text);
  after_text_widget(test_id, text, probe);
  ImGui::PopID();
  return changed;
}

bool text_area(const char* test_id, const char* label, std::string& text, float height_lines, bool probe) {
  ImGui::TextUnformatted(label);
  ImGui::PushID(test_id);
  const float h = ImGui::GetTextLineHeight() * height_lines + ImGui::GetStyle().FramePadding.y * 2;
  const bool changed = ImGui::InputTextMultiline("##area", &text, ImVec2(-1, h));
  after_text_widget(test_id, text, probe);
  ImGui::PopID();
  return changed;
}

bool password_field(const char* test_id, const char* label, std::string& text) {
  ImGui::TextUnformatted(label);
  ImGui::PushID(test_id);
  ImGui::SetNextItemWidth(-1);
  const bool enter = ImGui::InputText(
      "##password", &text,
      ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_NoUndoRedo);
  widget_registry().tag_last_item(test_id);
  ImGui::PopID();
  return enter;
}

bool text_input_is_password() {
  ImGuiContext& g = *GImGui;
  return g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId &&
         (g.InputTextState.Flags & ImGuiInputTextFlags_Password) != 0;
}

void wipe(std::string& text) {
  volatile char* p = text.data();
  for (size_t i = 0; i < text.capacity(); ++i) p[i] = 0;
  text.clear();
}

void forget_text_input() {
  ImGuiContext& g = *GImGui;
  ImGui::ClearActiveID();
  ImGuiInputTextState& s = g.InputTextState;
  auto zero = [](auto& v) {
    if (v.Data) std::memset(v.Data, 0, static_cast<size_t>(v.Capacity) * sizeof(v.Data[0]));
  };
  zero(s.TextW);
  zero(s.TextA);
  zero(s.InitialTextA);
  s.ClearFreeMemory();
  std::memset(static_cast<void*>(&s.Stb), 0, sizeof(s.Stb));  // the undo history holds typed characters
  s.ID = 0;
  s.CurLenW = s.CurLenA = 0;
  for (auto* events : {&g.InputEventsQueue, &g.InputEventsTrail}) {
    for (ImGuiInputEvent& e : *events)
      if (e.Type == ImGuiInputEventType_Text) e.Text.Char = 0;  // filtered out as a control character
    if (events->Data && events->Capacity > events->Size)        // stale events past the end
      std::memset(static_cast<void*>(events->Data + events->Size), 0,
                  static_cast<size_t>(events->Capacity - events->Size) * sizeof(ImGuiInputEvent));
  }
  zero(g.InputTextDeactivatedState.TextA);  // the text of the field deactivated last
  g.InputTextDeactivatedState.TextA.resize(0);
  g.InputTextDeactivatedState.ID = 0;
  zero(g.TempBuffer);
  zero(g.IO.InputQueueCharacters);
  g.IO.InputQueueCharacters.resize(0);
  g_menu = EditMenuState{};
}

void draw_edit_menu() {
  if (g_menu.open_requested) {
    ImGui::OpenPopup("##edit_menu");
    g_menu.open_requested = false;
  }
  if (!ImGui::BeginPopup("##edit_menu")) return;
  ImGui::Dummy(ImVec2(0, 0));
  widget_registry().tag_last_item("edit.menu");
  std::string* text = g_menu.text;
  const bool has_sel = g_menu.sel_end > g_menu.sel_start;
  const float w = ImGui::CalcTextSize(tr(Str::edit_select_all)).x + 2 * ImGui::GetStyle().FramePadding.x + 24;
  auto selected_text = [&]() -> std::string {
    if (!text) return {};
    if (!has_sel) return *text;
    return text->substr(static_cast<size_t>(g_menu.sel_start),
                        static_cast<size_t>(g_menu.sel_end - g_menu.sel_start));
  };
  // Editing the string while ImGui edits it would be overwritten: deactivate first.
  auto release_field = [&]() {
    if (ImGui::GetActiveID() == g_menu.field) ImGui::ClearActiveID();
  };
  if (button("edit.cut", tr(Str::edit_cut), false, w) && text) {
    platform::set_clipboard_text(selected_text());
    release_field();
    if (has_sel)
      text->erase(static_cast<size_t>(g_menu.sel_start),
                  static_cast<size_t>(g_menu.sel_end - g_menu.sel_start));
    else
      text->clear();
    ImGui::CloseCurrentPopup();
  }
  if (button("edit.copy", tr(Str::edit_copy), false, w) && text) {
    platform::set_clipboard_text(selected_text());
    ImGui::CloseCurrentPopup();
  }
  if (button("edit.paste", tr(Str::edit_paste), false, w)) {
    release_field();
    g_menu.paste_pending = true;
    platform::request_paste();
    ImGui::CloseCurrentPopup();
  }
  if (button("edit.select_all", tr(Str::edit_select_all), false, w) && text) {
    g_menu.sel_start = 0;
    g_menu.sel_end = static_cast<int>(text->size());
    ImGui::ActivateItemByID(g_menu.field);  // activation by navigation selects all
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

bool deliver_paste(const std::string& pasted) {
  if (!g_menu.paste_pending || !g_menu.text) return false;
  g_menu.paste_pending = false;
  std::string& text = *g_menu.text;
  if (g_menu.sel_end > g_menu.sel_start) {
    text.replace(static_cast<size_t>(g_menu.sel_start),
                 static_cast<size_t>(g_menu.sel_end - g_menu.sel_start), pasted);
  } else {
    text += pasted;
  }
  g_menu.sel_start = g_menu.sel_end = 0;
  return true;
}

}  // namespace bb::ui
