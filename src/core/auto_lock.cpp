// Auto-lock and unlock throttle (auto_lock.h).
#include "core/auto_lock.h"

#include <algorithm>

namespace bb {

void AutoLock::set_idle_minutes(int minutes) { idle_minutes_ = std::clamp(minutes, 1, 240); }

void AutoLock::start(double now) {
  armed_ = true;
  last_activity_ = now;
  if (hidden_) hidden_since_ = now;
}

void AutoLock::note_activity(double now) { last_activity_ = std::max(last_activity_, now); }

void AutoLock::set_hidden(bool hidden, double now) {
  if (hidden && !hidden_) hidden_since_ = now;
  hidden_ = hidden;
}

double AutoLock::deadline() const {
  double at = last_activity_ + idle_minutes_ * 60.0 * 1000.0;
  if (hidden_) at = std::min(at, hidden_since_ + kHiddenGraceMs);
  return at;
}

double UnlockThrottle::delay_after(int failures) {
  if (failures <= 0) return 0;
  double delay = 1000;
  for (int i = 1; i < failures && delay < kMaxUnlockDelayMs; ++i) delay *= 2;
  return std::min(delay, kMaxUnlockDelayMs);
}

void UnlockThrottle::failed(double now) {
  ++failures_;
  allowed_at_ = now + delay_after(failures_);
}

}  // namespace bb
