// Frame pacing decisions (see frame_pacing.h).
#include "ui/frame_pacing.h"

#include <algorithm>

namespace bb::ui {

double FramePacing::after_frame(double now_ms, const FrameNeeds& needs) {
  if (active_frames_ > 0) --active_frames_;
  if (needs.input_queued || needs.animating || active_frames_ > 0) return 0;
  double wake = -1;
  if (needs.timer_due_ms >= 0) wake = std::max(0.0, needs.timer_due_ms - now_ms);
  if (needs.text_caret_visible) wake = wake < 0 ? kCaretBlinkMs : std::min(wake, kCaretBlinkMs);
  return wake;
}

}  // namespace bb::ui
