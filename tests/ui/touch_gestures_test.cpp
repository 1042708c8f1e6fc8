// Focus: tablet input (src/ui/touch_gestures.*): tap, long press, drag-to-scroll,
// fling, mouse pass-through.
#include <doctest/doctest.h>

#include <cstddef>
#include <vector>

#include "ui/touch_gestures.h"

using namespace bb::ui;
using T = PointerEvent::Type;
using A = InputAction::Type;

namespace {
PointerEvent touch(T type, float x, float y, double t, int id = 1, bool primary = true) {
  PointerEvent e;
  e.type = type;
  e.kind = PointerKind::touch;
  e.pointer_id = id;
  e.primary = primary;
  e.x = x;
  e.y = y;
  e.time_ms = t;
  return e;
}
int count(const std::vector<InputAction>& v, A type, int button = -1, int down = -1) {
  int n = 0;
  for (const auto& a : v)
    if (a.type == type && (button < 0 || a.button == button) && (down < 0 || a.down == (down == 1))) ++n;
  return n;
}
float scrolled_y(const std::vector<InputAction>& v) {
  float y = 0;
  for (const auto& a : v)
    if (a.type == A::scroll_pixels) y += a.y;
  return y;
}
}  // namespace

TEST_CASE("touch-1: a tap is a left click at the place it started") {
  TouchGestures g;
  std::vector<InputAction> out;
  g.on_event(touch(T::down, 100, 200, 0), out);
  CHECK(count(out, A::button) == 0);  // no press until we know it is a tap
  g.on_event(touch(T::move, 104, 203, 40), out);
  g.on_event(touch(T::up, 104, 203, 80), out);
  CHECK(count(out, A::button, 0, 1) == 1);
  CHECK(count(out, A::button, 0, 0) == 1);
  CHECK(count(out, A::scroll_pixels) == 0);
  // The press happens at the starting point, then the hover is lifted.
  bool pressed_at_start = false;
  for (size_t i = 0; i + 1 < out.size(); ++i)
    if (out[i].type == A::mouse_pos && out[i + 1].type == A::button && out[i + 1].down)
      pressed_at_start = out[i].x == 100 && out[i].y == 200;
  CHECK(pressed_at_start);
  CHECK(out.back().type == A::mouse_pos);
  CHECK(out.back().x < -1e30f);
}

TEST_CASE("touch-2: pressing 500 ms without moving is a right click (long press)") {
  TouchGestures g;
  std::vector<InputAction> out;
  g.on_event(touch(T::down, 50, 60, 1000), out);
  CHECK(g.next_deadline_ms() == doctest::Approx(1500));
  g.on_time(1499, out);
  CHECK(count(out, A::button) == 0);
  g.on_time(1500, out);
  CHECK(count(out, A::button, 1, 1) == 1);
  CHECK(count(out, A::button, 1, 0) == 1);
  g.on_event(touch(T::up, 50, 60, 1700), out);
  CHECK(count(out, A::button, 0) == 0);  // lifting after a long press is not a tap
}

TEST_CASE("touch-3: dragging scrolls the content with the finger and never clicks") {
  TouchGestures g;
  std::vector<InputAction> out;
  g.on_event(touch(T::down, 300, 500, 0), out);
  g.on_event(touch(T::move, 300, 470, 30), out);
  g.on_event(touch(T::move, 300, 400, 60), out);
  CHECK(scrolled_y(out) == doctest::Approx(-100));  // finger moved up 100 px
  g.on_event(touch(T::move, 300, 400, 300), out);   // rests before lifting: no fling
  g.on_event(touch(T::up, 300, 400, 400), out);
  CHECK(count(out, A::button) == 0);
  CHECK(g.next_deadline_ms() < 0);
}

TEST_CASE("touch-4: a quick swipe flings on and slows down to a stop") {
  TouchGestures g;
  std::vector<InputAction> out;
  g.on_event(touch(T::down, 300, 600, 0), out);
  for (int i = 1; i <= 5; ++i) g.on_event(touch(T::move, 300, 600 - 40.0f * i, 16.0 * i), out);
  g.on_event(touch(T::up, 300, 400, 90), out);
  REQUIRE(g.next_deadline_ms() > 0);
  out.clear();
  double t = 90;
  float previous = 1e9f;
  int steps = 0;
  while (g.next_deadline_ms() > 0 && steps < 1000) {
    t = g.next_deadline_ms();
    std::vector<InputAction> step;
    g.on_time(t, step);
    const float dy = scrolled_y(step);
    if (dy != 0) {
      CHECK(dy < 0);                    // keeps the swipe's direction
      CHECK(-dy <= previous + 0.001f);  // and slows down
      previous = -dy;
    }
    ++steps;
  }
  CHECK(steps > 3);
  CHECK(steps < 1000);  // it stops
}

TEST_CASE("touch-5: a second finger is ignored") {
  TouchGestures g;
  std::vector<InputAction> out;
  g.on_event(touch(T::down, 10, 10, 0, 1), out);
  const size_t n = out.size();
  g.on_event(touch(T::down, 200, 200, 10, 2, false), out);
  g.on_event(touch(T::up, 200, 200, 20, 2, false), out);
  CHECK(out.size() == n);
}

TEST_CASE("touch-6: a mouse stays a mouse: press, move and release pass through") {
  TouchGestures g;
  std::vector<InputAction> out;
  PointerEvent e;
  e.kind = PointerKind::mouse;
  e.type = T::down;
  e.button = 0;
  e.x = 5;
  e.y = 6;
  g.on_event(e, out);
  CHECK(count(out, A::button, 0, 1) == 1);
  e.type = T::up;
  g.on_event(e, out);
  CHECK(count(out, A::button, 0, 0) == 1);
  CHECK(g.next_deadline_ms() < 0);
}
