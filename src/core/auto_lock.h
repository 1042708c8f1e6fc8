// When the app locks itself, and how long a wrong passphrase makes the user
// wait. Pure timing rules (times in milliseconds from any monotonic clock);
// the host feeds activity and tab visibility, the store session acts on them.
// docs/ui.md, "The lock flow".
#pragma once

#include <cstdint>

namespace bb {

constexpr int kDefaultAutoLockMinutes = 5;         // idle time before the app locks itself
constexpr double kHiddenGraceMs = 60 * 1000.0;     // a hidden tab locks after this long
constexpr double kMaxUnlockDelayMs = 60 * 1000.0;  // the longest wait after wrong passphrases

// Auto-lock: after `idle_ms` without input, or `hidden_grace_ms` after the tab
// was hidden (whichever comes first). Only armed while unlocked (start/stop).
class AutoLock {
 public:
  void set_idle_minutes(int minutes);  // clamped to 1 ... 240
  int idle_minutes() const { return idle_minutes_; }

  void start(double now);  // at unlock
  void stop() { armed_ = false; }
  bool armed() const { return armed_; }

  void note_activity(double now);            // any input
  void set_hidden(bool hidden, double now);  // the tab went to the background / came back

  bool due(double now) const { return armed_ && now >= deadline(); }
  // When the lock falls due (absolute, same clock); meaningless when not armed.
  double deadline() const;

 private:
  int idle_minutes_ = kDefaultAutoLockMinutes;
  bool armed_ = false;
  bool hidden_ = false;
  double last_activity_ = 0;
  double hidden_since_ = 0;
};

// The growing wait after wrong passphrases: none before the first failure,
// then 1 s, 2 s, 4 s, ... up to kMaxUnlockDelayMs. A success resets it.
class UnlockThrottle {
 public:
  void failed(double now);
  void succeeded() { failures_ = 0, allowed_at_ = 0; }
  int failures() const { return failures_; }
  // Milliseconds until the next attempt is allowed (0: now).
  double wait_ms(double now) const { return now >= allowed_at_ ? 0 : allowed_at_ - now; }
  static double delay_after(int failures);

 private:
  int failures_ = 0;
  double allowed_at_ = 0;
};

}  // namespace bb
