// The per-frame registry of tagged widgets (see widget_registry.h).
#include "ui/widget_registry.h"

#include <cstdio>

#include "imgui.h"
#include "imgui_internal.h"

namespace bb::ui {

WidgetRegistry& widget_registry() {
  static WidgetRegistry registry;
  return registry;
}

void WidgetRegistry::begin_frame() {
  widgets_.clear();
  probes_.clear();
}

void WidgetRegistry::tag_last_item(const char* id, const char* label) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  WidgetInfo info;
  info.id = id;
  if (label) info.label = label;
  info.x = min.x;
  info.y = min.y;
  info.w = max.x - min.x;
  info.h = max.y - min.y;
  // Visible = the whole rectangle lies inside the window's clipping area.
  const ImRect clip = ImGui::GetCurrentWindowRead()->ClipRect;
  info.visible = ImGui::IsItemVisible() && clip.Contains(ImRect(min, max));
  widgets_.push_back(std::move(info));
}

void WidgetRegistry::tag_personal(const char* id, const std::string& label) {
  tag_last_item(id, reveal_personal_ ? label.c_str() : nullptr);
}

void WidgetRegistry::tag_probe_field(const char* id, const std::string& text) {
  tag_last_item(id);
  probes_.emplace_back(id, text);
}

const std::string* WidgetRegistry::probe_text(const std::string& id) const {
  for (const auto& p : probes_)
    if (p.first == id) return &p.second;
  return nullptr;
}

std::string indexed(const char* prefix, size_t i) { return std::string(prefix) + std::to_string(i); }

std::string json_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 2);
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

std::string WidgetRegistry::to_json() const {
  std::string out = "[";
  char num[160];
  for (size_t i = 0; i < widgets_.size(); ++i) {
    const auto& w = widgets_[i];
    if (i) out += ',';
    out += "{\"id\":\"" + json_escape(w.id) + "\",\"label\":\"" + json_escape(w.label) + "\"";
    std::snprintf(num, sizeof num, ",\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f,\"visible\":%s}", w.x, w.y,
                  w.w, w.h, w.visible ? "true" : "false");
    out += num;
  }
  out += "]";
  return out;
}

}  // namespace bb::ui
