// The backup reminder in the settings (issue 8, "Sicherung"): when the last
// backup was made, whether one is due, and after how many days to remind.
#pragma once

#include "ui/screens/screens.h"

namespace bb::ui {

// Inside the storage card: last backup date, "due" line, the day choices.
void draw_backup_reminder(ScreenContext& ctx);

// After a backup left the device: records its date (meta.last_backup_at).
void record_backup_done(ScreenContext& ctx);

}  // namespace bb::ui
