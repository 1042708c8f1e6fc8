// Focus: the auto-lock timing and the growing wait after wrong passphrases
// (src/core/auto_lock.h; issue 4, "App lock").
#include <doctest/doctest.h>

#include "core/auto_lock.h"

using namespace bb;

TEST_CASE("autolock-1: the app locks after 5 minutes without input by default, and input postpones it") {
  AutoLock lock;
  lock.start(0);
  CHECK(lock.idle_minutes() == 5);
  CHECK_FALSE(lock.due(5 * 60 * 1000.0 - 1));
  CHECK(lock.due(5 * 60 * 1000.0));
  lock.note_activity(4 * 60 * 1000.0);
  CHECK_FALSE(lock.due(5 * 60 * 1000.0));
  CHECK(lock.due(9 * 60 * 1000.0));
}

TEST_CASE("autolock-2: a hidden tab locks after the grace period even when the idle time is longer") {
  AutoLock lock;
  lock.set_idle_minutes(30);
  lock.start(0);
  lock.set_hidden(true, 1000);
  CHECK_FALSE(lock.due(1000 + kHiddenGraceMs - 1));
  CHECK(lock.due(1000 + kHiddenGraceMs));
  lock.set_hidden(false, 2000);  // back before the grace ran out: the idle time rules again
  CHECK_FALSE(lock.due(1000 + kHiddenGraceMs));
}

TEST_CASE("autolock-3: nothing is due while not armed, and the idle time is clamped to 1...240 minutes") {
  AutoLock lock;
  CHECK_FALSE(lock.due(1e12));
  lock.start(0);
  lock.stop();
  CHECK_FALSE(lock.due(1e12));
  lock.set_idle_minutes(0);
  CHECK(lock.idle_minutes() == 1);
  lock.set_idle_minutes(10000);
  CHECK(lock.idle_minutes() == 240);
}

TEST_CASE(
    "autolock-4: each wrong passphrase doubles the wait (1 s, 2 s, 4 s ...) up to a minute; success resets "
    "it") {
  UnlockThrottle t;
  CHECK(t.wait_ms(0) == 0);
  t.failed(0);
  CHECK(t.wait_ms(0) == doctest::Approx(1000));
  t.failed(1000);
  CHECK(t.wait_ms(1000) == doctest::Approx(2000));
  t.failed(3000);
  CHECK(t.wait_ms(3000) == doctest::Approx(4000));
  CHECK(UnlockThrottle::delay_after(20) == doctest::Approx(kMaxUnlockDelayMs));
  t.succeeded();
  CHECK(t.wait_ms(3000) == 0);
  CHECK(t.failures() == 0);
}
