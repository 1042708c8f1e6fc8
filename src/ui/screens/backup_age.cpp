// „Verschlüsselte Sicherung (age)“ in the settings, next to the raw download:
// a standard age file of a snapshot under a backup passphrase of its own
// (entered twice, the store's passphrase policy), and with a recovery key of
// the Fachliche Leitung („age1…“) a second file for it (exchange/backup.h:
// age forbids a passphrase next to other recipients). The files are built in
// memory and offered as downloads named by the date only; then the backup
// date is recorded for the reminder. Such a file restores on the lock screen
// (a new device) or in the settings (restore_replace.cpp). docs/exchange.md.
#include <memory>
#include <string>
#include <vector>

#include "core/cases.h"
#include "core/i18n.h"
#include "core/passphrase.h"
#include "exchange/backup.h"
#include "imgui.h"
#include "platform/storage.h"
#include "ui/screens/backup_reminder.h"
#include "ui/screens/handover_ui.h"
#include "ui/screens/network_ui.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

crypto::Sink into(std::vector<uint8_t>& bytes) {
  return [&bytes](crypto::ByteView piece) -> Status {
    bytes.insert(bytes.end(), piece.data, piece.data + piece.size);
    return {};
  };
}

Status write(ScreenContext& ctx, AgeBackupForm& b) {
  if (b.pass1 != b.pass2) return make_error(Str::passphrase_mismatch, "backup passphrases differ");
  BB_TRY(check_passphrase_policy(b.pass1));
  exchange::BackupOptions options;
  options.passphrase = b.pass1;
  options.recovery_recipient = b.recovery;
  std::vector<uint8_t> main_file, recovery_file;
  auto info = exchange::write_backup(*ctx.session->reader(), options, into(main_file),
                                     b.recovery.empty() ? crypto::Sink{} : into(recovery_file));
  wipe(options.passphrase);
  if (!info.ok()) return info.error();
  std::string day;
  for (char c : info->header.created.substr(0, 10))
    if (c != '-') day += c;
  const std::string name = "begleitbuch-sicherung-" + day + ".age";
  platform::download_file(name, main_file);
  if (info->recovery_written) platform::download_file(exchange::recovery_path(name), recovery_file);
  std::fill(main_file.begin(), main_file.end(), 0);
  std::fill(recovery_file.begin(), recovery_file.end(), 0);
  record_backup_done(ctx);
  return {};
}

}  // namespace

void draw_age_backup(ScreenContext& ctx) {
  if (!ctx.forms.cases) ctx.forms.cases = std::make_shared<CaseUi>();  // destroyed, and so wiped, on lock
  AgeBackupForm& b = handover_ui(*ctx.forms.cases).backup;
  ImGui::Separator();
  ImGui::TextUnformatted(tr(Str::handover_ui_age_backup));
  muted_text(tr(Str::handover_ui_age_backup_hint));
  password_field("settings.age_backup.pass1", tr(Str::handover_ui_age_backup_pass), b.pass1);
  password_field("settings.age_backup.pass2", tr(Str::handover_ui_passphrase_again), b.pass2);
  text_field("settings.age_backup.recovery", tr(Str::handover_ui_age_backup_recovery), b.recovery);
  if (slow_step_due(b.step)) {
    const Status st = write(ctx, b);
    wipe(b.pass1);
    wipe(b.pass2);
    b.message_ok = st.ok();
    b.message = st.ok() ? tr(Str::handover_ui_age_backup_done) : st.error().text();
  }
  if (b.step != SlowStep::none) {
    ImGui::TextUnformatted(tr(Str::lock_working));
    widget_registry().tag_last_item("settings.age_backup.busy", tr(Str::lock_working));
  } else if (button("settings.age_backup.download", tr(Str::handover_ui_age_backup_download))) {
    request_slow_step(b.step);
    b.message.clear();
  }
  outcome_line(b.message, b.message_ok, "settings.age_backup.message");
}

}  // namespace bb::ui
