// „Sicherung wiederherstellen“ in the settings (issue 8, item 6): a backup —
// the raw store file or an age backup — restored onto the book that is
// already on this device. Nothing is merged, so the screen makes the choice
// explicit: it first opens the backup in memory and shows what it holds next
// to what this device holds, then replaces only after a tick „Ich will …“ and
// the passphrase of this device. The device keeps its passphrase. Afterwards
// the app behaves as after a lock and an unlock: every screen's state of the
// old book is gone. docs/ui.md ("Sicherung wiederherstellen").
#include <memory>
#include <string>
#include <vector>

#include "core/cases.h"
#include "core/i18n.h"
#include "exchange/backup.h"
#include "imgui.h"
#include "platform/platform.h"
#include "platform/storage.h"
#include "store/cases.h"
#include "ui/form_widgets.h"
#include "ui/icons.h"
#include "ui/screens/handover_ui.h"
#include "ui/screens/network_ui.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

int family_count(const store::Store& db) {
  store::FamilyListQuery all;
  all.limit = 0;
  auto page = store::list_families(db, all);
  return page.ok() ? page->total : 0;
}

// This screen's words for a wrong device passphrase: nothing was replaced.
std::string message_of(const Status& st) {
  return st.error().is(Str::lock_current_wrong) ? tr(Str::replace_current_wrong) : st.error().text();
}

void forget(ReplaceForm& r) {
  wipe(r.file_pass);
  wipe(r.current_pass);
  std::fill(r.file.begin(), r.file.end(), 0);
  std::fill(r.store_file.begin(), r.store_file.end(), 0);
  r = ReplaceForm{};
}

// Opens the backup in memory: an age backup becomes a store file under this
// device's passphrase (so its preview opens like the raw one).
Status check(ScreenContext& ctx, ReplaceForm& r) {
  store::Session& s = *ctx.session;
  BB_TRY(s.confirm_passphrase(r.current_pass));
  r.age = exchange::looks_like_age_file(r.file);
  r.backup_date.clear();
  if (r.age) {
    exchange::BackupHeader header;
    auto file = exchange::store_file_from_backup(r.file, r.file_pass, r.current_pass, r.current_pass,
                                                 s.options(), &header);
    if (!file.ok()) return file.error();
    r.store_file = std::move(*file);
    r.backup_date = cases::german_date(header.created.substr(0, 10));
  } else {
    r.store_file = r.file;
  }
  auto copy = store::open_store_file(r.store_file, r.age ? r.current_pass : r.file_pass, s.options());
  if (!copy.ok()) return copy.error();
  r.backup_families = family_count((*copy)->store);
  r.device_families = family_count(*s.reader());
  r.checked = true;
  return {};
}

void draw_check_result(ReplaceForm& r) {
  const std::string holds = format_text(Str::replace_backup_holds, std::to_string(r.backup_families));
  ImGui::TextWrapped("%s", holds.c_str());
  widget_registry().tag_last_item("settings.replace.backup_families", holds.c_str());
  if (!r.backup_date.empty()) {
    const std::string saved = format_text(Str::replace_backup_saved, r.backup_date);
    muted_text(saved.c_str());
    widget_registry().tag_last_item("settings.replace.backup_date", saved.c_str());
  }
  const std::string here = format_text(Str::replace_device_holds, std::to_string(r.device_families));
  ImGui::TextWrapped("%s", here.c_str());
  widget_registry().tag_last_item("settings.replace.device_families", here.c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, palette().warning_text);
  ImGui::TextWrapped(BB_ICON_WARNING "  %s", tr(Str::replace_warning));
  ImGui::PopStyleColor();
  widget_registry().tag_last_item("settings.replace.warning", tr(Str::replace_warning));
  check_field("settings.replace.confirm", tr(Str::replace_confirm), r.confirmed);
}

}  // namespace

void draw_restore_replace(ScreenContext& ctx) {
  if (!ctx.forms.replace) ctx.forms.replace = std::make_shared<ReplaceForm>();
  ReplaceForm& r = *ctx.forms.replace;
  ImGui::Separator();
  ImGui::TextUnformatted(tr(Str::replace_title));
  muted_text(tr(Str::replace_text));
  std::vector<uint8_t> picked;
  if (platform::take_picked_file(picked)) {
    forget(r);
    r.file = std::move(picked);
    r.has_file = true;
  }
  if (button("settings.replace.pick", tr(Str::restore_pick)))
    platform::pick_file(".bbstore,.age,application/octet-stream");
  if (!r.has_file) {
    outcome_line(r.message, r.message_ok, "settings.replace.message");
    return;
  }
  const std::string chosen = format_text(Str::restore_picked, std::to_string((r.file.size() + 1023) / 1024));
  ImGui::TextUnformatted(chosen.c_str());
  widget_registry().tag_last_item("settings.replace.file", chosen.c_str());

  if (slow_step_due(r.step)) {
    r.message.clear();
    if (!r.checked) {
      const Status st = check(ctx, r);
      wipe(r.current_pass);  // typed again to confirm the replacement
      if (!st.ok()) {
        r.message = message_of(st);
        wipe(r.current_pass);
        wipe(r.file_pass);
        std::fill(r.store_file.begin(), r.store_file.end(), 0);
        r.store_file.clear();
      }
    } else {
      // The replacement goes through a lock: the app wipes every form then,
      // this one too, so it is held here until the call returns.
      const std::shared_ptr<ReplaceForm> held = ctx.forms.replace;
      // An age backup was re-encrypted under this device's passphrase by check().
      const Status st = ctx.session->replace(
          held->store_file, held->age ? held->current_pass : held->file_pass, held->current_pass, ctx.now_ms);
      const int families = held->backup_families;
      if (ctx.forms.replace != held || st.ok()) forget(*held);
      if (!ctx.forms.replace) ctx.forms.replace = std::make_shared<ReplaceForm>();
      ReplaceForm& after = *ctx.forms.replace;
      if (st.ok()) {
        after.message = format_text(Str::replace_done, std::to_string(families));
        after.message_ok = true;
        ctx.navigate_to = ScreenId::settings;  // the lock sent the app to the start screen
      } else {
        after.message = message_of(st);
        wipe(after.current_pass);
      }
      platform::request_frame();
      return;
    }
  }
  if (!r.checked) {
    const bool age = exchange::looks_like_age_file(r.file);
    password_field("settings.replace.file_pass", tr(age ? Str::restore_age_pass : Str::replace_file_pass),
                   r.file_pass);
    password_field("settings.replace.current_pass", tr(Str::replace_current_pass), r.current_pass);
  } else {
    draw_check_result(r);
    password_field("settings.replace.current_pass", tr(Str::replace_current_pass), r.current_pass);
  }
  outcome_line(r.message, r.message_ok, "settings.replace.message");
  if (r.step != SlowStep::none) {
    ImGui::TextUnformatted(tr(Str::lock_working));
    widget_registry().tag_last_item("settings.replace.busy", tr(Str::lock_working));
    return;
  }
  if (!r.checked || r.confirmed) {
    const bool go = r.checked ? button("settings.replace.go", tr(Str::restore_replace), true)
                              : button("settings.replace.check", tr(Str::replace_check), true);
    if (go) request_slow_step(r.step);
    ImGui::SameLine();
  }
  if (button("settings.replace.cancel", tr(Str::restore_cancel))) forget(r);
}

}  // namespace bb::ui
