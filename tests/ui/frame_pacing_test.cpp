// Focus: event-driven rendering (src/ui/frame_pacing.*): no frames while nothing changes.
#include <doctest/doctest.h>

#include "ui/frame_pacing.h"

using namespace bb::ui;

TEST_CASE("frames-1: after activity a few frames are drawn, then none until something happens") {
  FramePacing p;
  FrameNeeds idle;
  int frames = 0;
  double t = 0;
  while (p.after_frame(t, idle) == 0 && frames < 100) {
    ++frames;
    t += 16;
  }
  CHECK(frames == FramePacing::kFramesAfterActivity - 1);
  CHECK(p.after_frame(t, idle) < 0);
  p.note_activity();
  CHECK(p.after_frame(t, idle) == 0);
}

TEST_CASE("frames-2: a due timer wakes the app at its time, not before") {
  FramePacing p;
  FrameNeeds needs;
  for (int i = 0; i < 5; ++i) (void)p.after_frame(0, needs);
  needs.timer_due_ms = 500;
  CHECK(p.after_frame(100, needs) == doctest::Approx(400));
  CHECK(p.after_frame(600, needs) == 0);  // overdue: next frame
}

TEST_CASE("frames-3: queued input keeps frames coming until it is processed") {
  FramePacing p;
  FrameNeeds needs;
  for (int i = 0; i < 5; ++i) (void)p.after_frame(0, needs);
  needs.input_queued = true;
  CHECK(p.after_frame(0, needs) == 0);
}

TEST_CASE("frames-4: an active text field wakes only for the caret blink") {
  FramePacing p;
  FrameNeeds needs;
  for (int i = 0; i < 5; ++i) (void)p.after_frame(0, needs);
  needs.text_caret_visible = true;
  CHECK(p.after_frame(0, needs) == doctest::Approx(FramePacing::kCaretBlinkMs));
}
