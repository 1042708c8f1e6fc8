// Stable widget IDs for tests and tools: each frame the screens tag the widgets
// a test may need ("nav.families", "settings.probe"), and the registry keeps
// their screen rectangles, labels and visibility. The browser test harness reads
// them through window.__bb.widgets() (never by guessing pixels).
//
// IDs and labels hold UI words only, never personal data. Field contents are
// readable only for fields registered as test probes (non-personal by design).
#pragma once

#include <string>
#include <vector>

namespace bb::ui {

struct WidgetInfo {
  std::string id;
  std::string label;
  float x = 0, y = 0, w = 0, h = 0;  // CSS pixels
  bool visible = false;              // inside its window's visible area
};

class WidgetRegistry {
 public:
  void begin_frame();
  // Tags the last ImGui item (call right after the widget).
  void tag_last_item(const char* id, const char* label = nullptr);
  // Tags the last item whose label is personal data (a family's name in a
  // list row): the label is kept only while reveal_personal is on, which only
  // the browser tests' hooks switch on (window.__bbTestHooks before load).
  void tag_personal(const char* id, const std::string& label);
  void set_reveal_personal(bool on) { reveal_personal_ = on; }
  // Tags the last item as a test-readable text field with its current text.
  void tag_probe_field(const char* id, const std::string& text);

  const std::vector<WidgetInfo>& widgets() const { return widgets_; }
  const std::string* probe_text(const std::string& id) const;
  // {"widgets":[{id,label,x,y,w,h,visible}...]} for the test API.
  std::string to_json() const;

 private:
  std::vector<WidgetInfo> widgets_;
  std::vector<std::pair<std::string, std::string>> probes_;
  bool reveal_personal_ = false;
};

WidgetRegistry& widget_registry();

// The test ID of the i-th row of a list: prefix + i ("cp.mitteilung." 0 → "cp.mitteilung.0").
std::string indexed(const char* prefix, size_t i);

// JSON string escaping shared by the test API.
std::string json_escape(const std::string& s);

}  // namespace bb::ui
