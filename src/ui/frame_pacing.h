// When to draw the next frame. An idle tablet must not burn its battery at 60
// frames per second: after input the app draws a few frames (ImGui needs them to
// settle hover and trickled events), then sleeps until the next input or a due
// timer (long press, fling, caret blink). Plain C++, tested natively.
#pragma once

namespace bb::ui {

struct FrameNeeds {
  bool input_queued = false;        // ImGui still has queued (trickled) input events
  bool animating = false;           // something on screen is moving
  double timer_due_ms = -1;         // absolute time of the next timer, < 0 = none
  bool text_caret_visible = false;  // a text field is active (caret blinks)
};

class FramePacing {
 public:
  static constexpr int kFramesAfterActivity = 3;
  static constexpr double kCaretBlinkMs = 400;  // ImGui's caret toggles at 0.8 s / 1.2 s

  // Something happened (input, resize, data changed): draw a few frames.
  void note_activity() { active_frames_ = kFramesAfterActivity; }

  // Called after each frame drawn at `now_ms`. Returns the delay until the next
  // frame: 0 = at the next animation frame, > 0 = after that many ms, < 0 = only
  // when something happens.
  double after_frame(double now_ms, const FrameNeeds& needs);

 private:
  int active_frames_ = kFramesAfterActivity;  // the first frames lay out the UI
};

}  // namespace bb::ui
