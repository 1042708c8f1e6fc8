// Turns raw pointer events into what a tablet user means: a tap is a click, a
// press held still for 500 ms is a right-click (context menu), a drag scrolls
// the content under the finger (with a short fling), a mouse stays a mouse.
//
// Plain C++ with no ImGui: the app feeds the resulting actions to ImGui, and
// the unit tests drive it with synthetic events.
#pragma once

#include <vector>

namespace bb::ui {

enum class PointerKind { mouse, touch, pen };

struct PointerEvent {
  enum class Type { down, move, up, cancel } type = Type::move;
  int pointer_id = 0;
  PointerKind kind = PointerKind::mouse;
  bool primary = true;  // the first finger; others are ignored (no pinch here)
  int button = 0;       // mouse: 0 left, 1 right, 2 middle
  float x = 0, y = 0;   // CSS pixels
  double time_ms = 0;
};

struct InputAction {
  enum class Type {
    source,        // the input source changed (kind)
    mouse_pos,     // move to (x, y); x < -1e30 means "no pointer" (hover off)
    button,        // button `button` down (down = true) or up
    scroll_pixels  // scroll the content under the pointer by (x, y) CSS pixels
  } type = Type::mouse_pos;
  PointerKind kind = PointerKind::mouse;
  int button = 0;
  bool down = false;
  float x = 0, y = 0;
};

class TouchGestures {
 public:
  static constexpr double kLongPressMs = 500;  // as on iOS/Android
  static constexpr float kTapSlopPx = 10;      // movement that still counts as a tap
  static constexpr double kFlingTickMs = 16;

  void on_event(const PointerEvent& e, std::vector<InputAction>& out);
  // Advances timers (long press, fling) to `now_ms`.
  void on_time(double now_ms, std::vector<InputAction>& out);
  // When on_time() must run next, or < 0 if no timer is pending.
  double next_deadline_ms() const;

  bool scrolling() const { return state_ == State::scrolling; }

 private:
  enum class State { idle, pending, scrolling, long_pressed, mouse };
  State state_ = State::idle;
  int pointer_ = -1;
  float start_x_ = 0, start_y_ = 0, last_x_ = 0, last_y_ = 0;
  double start_ms_ = 0, last_ms_ = 0;
  float vx_ = 0, vy_ = 0;  // px per ms, smoothed, for the fling
  bool flinging_ = false;
  double fling_ms_ = 0;
};

}  // namespace bb::ui
