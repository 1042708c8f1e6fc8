// Tap, long press, drag-to-scroll and fling for touch; pass-through for mouse.
#include "ui/touch_gestures.h"

#include <cmath>

namespace bb::ui {
namespace {
constexpr float kNoPointer = -3.0e38f;
constexpr float kFlingStopSpeed = 0.02f;  // px/ms
constexpr float kFlingDecayMs = 325.0f;   // time constant, as in common mobile scrollers

InputAction pos(float x, float y, PointerKind kind) {
  InputAction a;
  a.type = InputAction::Type::mouse_pos;
  a.kind = kind;
  a.x = x;
  a.y = y;
  return a;
}
InputAction button(int b, bool down, PointerKind kind) {
  InputAction a;
  a.type = InputAction::Type::button;
  a.kind = kind;
  a.button = b;
  a.down = down;
  return a;
}
InputAction scroll(float dx, float dy) {
  InputAction a;
  a.type = InputAction::Type::scroll_pixels;
  a.kind = PointerKind::touch;
  a.x = dx;
  a.y = dy;
  return a;
}
InputAction source(PointerKind kind) {
  InputAction a;
  a.type = InputAction::Type::source;
  a.kind = kind;
  return a;
}
}  // namespace

void TouchGestures::on_event(const PointerEvent& e, std::vector<InputAction>& out) {
  using T = PointerEvent::Type;
  if (e.kind == PointerKind::mouse) {
    flinging_ = false;
    out.push_back(source(PointerKind::mouse));
    out.push_back(pos(e.x, e.y, PointerKind::mouse));
    if (e.type == T::down) out.push_back(button(e.button, true, PointerKind::mouse));
    if (e.type == T::up) out.push_back(button(e.button, false, PointerKind::mouse));
    state_ = State::idle;
    return;
  }

  // Touch and pen: only the primary pointer counts.
  if (!e.primary) return;
  switch (e.type) {
    case T::down:
      flinging_ = false;
      state_ = State::pending;
      pointer_ = e.pointer_id;
      start_x_ = last_x_ = e.x;
      start_y_ = last_y_ = e.y;
      start_ms_ = last_ms_ = e.time_ms;
      vx_ = vy_ = 0;
      out.push_back(source(e.kind));
      out.push_back(pos(e.x, e.y, e.kind));  // so the widget under the finger is "hovered"
      break;
    case T::move: {
      if (e.pointer_id != pointer_) return;
      if (state_ == State::pending) {
        const float dx = e.x - start_x_, dy = e.y - start_y_;
        if (std::sqrt(dx * dx + dy * dy) <= kTapSlopPx) return;
        state_ = State::scrolling;
        // The first step scrolls by the whole movement so the content follows the finger.
        last_x_ = start_x_;
        last_y_ = start_y_;
        last_ms_ = start_ms_;
      }
      if (state_ != State::scrolling) return;
      const float dx = e.x - last_x_, dy = e.y - last_y_;
      const double dt = e.time_ms - last_ms_;
      if (dt > 0) {  // smoothed velocity for the fling
        vx_ = 0.8f * static_cast<float>(dx / dt) + 0.2f * vx_;
        vy_ = 0.8f * static_cast<float>(dy / dt) + 0.2f * vy_;
      }
      out.push_back(scroll(dx, dy));
      last_x_ = e.x;
      last_y_ = e.y;
      last_ms_ = e.time_ms;
      break;
    }
    case T::up:
      if (e.pointer_id != pointer_) return;
      if (state_ == State::pending) {  // a tap: press and release where it started
        out.push_back(pos(start_x_, start_y_, e.kind));
        out.push_back(button(0, true, e.kind));
        out.push_back(button(0, false, e.kind));
      } else if (state_ == State::scrolling) {
        // A finger that stopped before lifting does not fling.
        if (e.time_ms - last_ms_ < 60 && std::hypot(vx_, vy_) > kFlingStopSpeed * 4) {
          flinging_ = true;
          fling_ms_ = e.time_ms;
        }
      }
      // Lift the hover so no highlight or tooltip sticks to where the finger was.
      out.push_back(pos(kNoPointer, kNoPointer, e.kind));
      state_ = State::idle;
      pointer_ = -1;
      break;
    case T::cancel:
      if (e.pointer_id != pointer_) return;
      out.push_back(pos(kNoPointer, kNoPointer, e.kind));
      state_ = State::idle;
      pointer_ = -1;
      break;
  }
}

void TouchGestures::on_time(double now_ms, std::vector<InputAction>& out) {
  if (state_ == State::pending && now_ms - start_ms_ >= kLongPressMs) {
    state_ = State::long_pressed;  // right-click where the finger rests
    out.push_back(pos(start_x_, start_y_, PointerKind::touch));
    out.push_back(button(1, true, PointerKind::touch));
    out.push_back(button(1, false, PointerKind::touch));
  }
  if (flinging_) {
    const double dt = now_ms - fling_ms_;
    if (dt <= 0) return;
    const float decay = std::exp(static_cast<float>(-dt) / kFlingDecayMs);
    vx_ *= decay;
    vy_ *= decay;
    fling_ms_ = now_ms;
    if (std::hypot(vx_, vy_) < kFlingStopSpeed) {
      flinging_ = false;
      return;
    }
    out.push_back(scroll(vx_ * static_cast<float>(dt), vy_ * static_cast<float>(dt)));
  }
}

double TouchGestures::next_deadline_ms() const {
  if (state_ == State::pending) return start_ms_ + kLongPressMs;
  if (flinging_) return fling_ms_ + kFlingTickMs;
  return -1;
}

}  // namespace bb::ui
