// The backup reminder in the settings (backup_reminder.h). The rule (due when
// never backed up or the last backup is at least N days old) is the core's
// exchange::backup_reminder_due; this file only shows it.
#include "ui/screens/backup_reminder.h"

#include <string>

#include "core/cases.h"
#include "core/i18n.h"
#include "exchange/backup.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

std::string german_date(const exchange::Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", d.day, d.month, d.year);
  return buf;
}

void tagged_text(const char* id, const std::string& text) {
  ImGui::TextWrapped("%s", text.c_str());
  widget_registry().tag_last_item(id, text.c_str());
}

}  // namespace

void draw_backup_reminder(ScreenContext& ctx) {
  const store::Store* store = ctx.session->reader();
  if (!store) return;
  auto days = exchange::reminder_days(*store);
  auto last = exchange::last_backup_date(*store);
  const auto today = exchange::parse_date(cases::today());
  if (!days.ok() || !last.ok() || !today) return;
  tagged_text("settings.backup.last", *last ? format_text(Str::settings_backup_last, german_date(**last))
                                            : std::string(tr(Str::settings_backup_never)));
  if (exchange::backup_reminder_due(*today, *last, *days))
    tagged_text("settings.backup.due", format_text(Str::settings_backup_due, std::to_string(*days)));
  muted_text(tr(Str::settings_backup_remind));
  static const int kDays[] = {7, 14, 30, 90};
  static const char* kIds[] = {"settings.backup.remind.7", "settings.backup.remind.14",
                               "settings.backup.remind.30", "settings.backup.remind.90"};
  for (int i = 0; i < 4; ++i) {
    if (i) ImGui::SameLine();
    const std::string label = std::to_string(kDays[i]);
    if (choice(kIds[i], label.c_str(), *days == kDays[i])) {
      const int chosen = kDays[i];
      (void)ctx.session->act_on_store(Str::action_backup_reminder, [&](store::Store& s) {
        return exchange::set_reminder_days(s, chosen);
      });
    }
  }
}

void record_backup_done(ScreenContext& ctx) {
  const std::string created = cases::now_timestamp();
  (void)ctx.session->act_on_store(Str::action_backup_recorded,
                                  [&](store::Store& s) { return exchange::record_backup(s, created); });
}

}  // namespace bb::ui
