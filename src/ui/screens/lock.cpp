// The lock flow: first start (new or restore, side by side; the iPad warning),
// creating a store (passphrase twice, strength, the warning), restoring a
// backup file, unlocking (message and growing wait), another tab, storage
// unavailable; and the save indicator. The rules live in store::Session and
// core/passphrase.h; this file only draws and calls one function per action.
// docs/ui.md, "The lock flow".
#include <algorithm>
#include <cmath>
#include <initializer_list>

#include "core/i18n.h"
#include "core/passphrase.h"
#include "exchange/backup.h"
#include "imgui.h"
#include "platform/platform.h"
#include "platform/print.h"
#include "platform/storage.h"
#include "ui/fonts.h"
#include "ui/icons.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

using store::SessionState;

void message_line(const Forms& f, const char* test_id) {
  if (f.message.empty()) return;
  const Palette& p = palette();
  ImGui::PushStyleColor(ImGuiCol_Text, f.message_ok ? p.accent : p.warning_text);
  ImGui::TextWrapped("%s %s", f.message_ok ? BB_ICON_CHECK : BB_ICON_WARNING, f.message.c_str());
  ImGui::PopStyleColor();
  widget_registry().tag_last_item(test_id, f.message.c_str());
}

void set_message(Forms& f, const Status& status, const std::string& ok_text = {}) {
  f.message_ok = status.ok();
  f.message = status.ok() ? ok_text : status.error().text();
}

void warning_card(const char* id, const char* title, const char* text, std::initializer_list<Str> more = {}) {
  const Palette& p = palette();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, p.warning_bg);
  ImGui::PushStyleColor(ImGuiCol_Text, p.warning_text);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18, 14));
  ImGui::BeginChild(
      id, ImVec2(0, 0),
      ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_Border);
  if (title) {
    ImGui::PushFont(font_heading());
    ImGui::TextWrapped(BB_ICON_WARNING "  %s", title);
    ImGui::PopFont();
  }
  ImGui::TextWrapped("%s", text);
  for (Str line : more) ImGui::TextWrapped("%s", tr(line));
  ImGui::EndChild();
  widget_registry().tag_last_item(id, title ? title : text);
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(2);
  ImGui::Spacing();
}

void busy_line() {
  ImGui::TextUnformatted(tr(Str::lock_working));
  widget_registry().tag_last_item("lock.busy", tr(Str::lock_working));
}

void draw_ios_warning() {
  const auto install = platform::install_info();
  if (!install.ios_safari || install.standalone) return;
  warning_card("lock.ios", tr(Str::ios_title), tr(Str::ios_text),
               {Str::ios_step1, Str::ios_step2, Str::ios_step3});
}

// A choice card of the first start; two side by side when there is room.
void draw_choices(Forms& f) {
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool side_by_side = avail >= 560;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float w = side_by_side ? (avail - spacing) * 0.5f : avail;
  if (nav_card("lock.new", BB_ICON_BOOK, tr(Str::lock_new), tr(Str::lock_new_text), w)) {
    f.step = Forms::Step::create;
    f.message.clear();
  }
  if (side_by_side) ImGui::SameLine();
  if (nav_card("lock.restore", BB_ICON_REFRESH, tr(Str::lock_restore), tr(Str::lock_restore_text), w)) {
    f.step = Forms::Step::restore;
    f.message.clear();
  }
}

void strength_meter(const std::string& passphrase, const char* test_id) {
  const auto a = assess_passphrase(passphrase);
  const Palette& p = palette();
  const float fraction =
      passphrase.empty() ? 0.0f : std::clamp(static_cast<float>(a.bits / 100.0), 0.05f, 1.0f);
  const ImVec4 colour = a.acceptable ? p.accent : p.warning_text;
  ImGui::PushStyleColor(ImGuiCol_PlotHistogram, colour);
  ImGui::ProgressBar(fraction, ImVec2(-1, 8), "");
  ImGui::PopStyleColor();
  const std::string label = format_text(Str::lock_strength, tr(strength_label(a.strength)));
  ImGui::TextUnformatted(label.c_str());
  widget_registry().tag_last_item(test_id, label.c_str());
  if (!passphrase.empty() && !a.acceptable && !a.problems.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, p.muted_text);
    ImGui::TextWrapped("%s", a.problems.front().text().c_str());
    ImGui::PopStyleColor();
    widget_registry().tag_last_item((std::string(test_id) + ".problem").c_str(),
                                    a.problems.front().text().c_str());
  }
}

void draw_create(ScreenContext& ctx) {
  Forms& f = ctx.forms;
  heading(tr(Str::lock_new), "lock.create.title");
  warning_card("lock.warning", nullptr, tr(Str::store_forgotten_warning));
  muted_text(format_text(Str::lock_passphrase_hint, std::to_string(kMinPassphraseLength)).c_str());
  bool enter = password_field("lock.pass1", tr(Str::lock_passphrase), f.pass1);
  strength_meter(f.pass1, "lock.strength");
  enter = password_field("lock.pass2", tr(Str::lock_passphrase_again), f.pass2) || enter;
  ImGui::Spacing();
  message_line(f, "lock.message");
  if (f.pending != Forms::Pending::none) {
    busy_line();
    return;
  }
  if (button("lock.create", tr(Str::lock_create_button), true) || (enter && !f.pass2.empty())) {
    f.pending = Forms::Pending::create;
    platform::request_frame();
  }
  ImGui::SameLine();
  if (button("lock.back", tr(Str::lock_back))) {
    f.step = Forms::Step::choose;
    wipe(f.pass1);
    wipe(f.pass2);
    f.message.clear();
  }
}

void draw_restore(ScreenContext& ctx) {
  Forms& f = ctx.forms;
  heading(tr(Str::lock_restore), "lock.restore.title");
  muted_text(tr(Str::restore_text));
  if (platform::take_picked_file(f.restore_file)) {
    f.has_restore_file = true;
    f.message.clear();
  }
  if (button("lock.restore.pick", tr(Str::restore_pick)))
    platform::pick_file(".bbstore,.age,application/octet-stream");
  if (f.has_restore_file) {
    const std::string text =
        format_text(Str::restore_picked, std::to_string((f.restore_file.size() + 1023) / 1024));
    ImGui::TextUnformatted(text.c_str());
    widget_registry().tag_last_item("lock.restore.file", text.c_str());
  }
  // An age backup has a passphrase of its own; the store it becomes gets a new one.
  const bool age = f.has_restore_file && exchange::looks_like_age_file(f.restore_file);
  if (age) {
    ImGui::TextWrapped("%s", tr(Str::restore_age_hint));
    widget_registry().tag_last_item("lock.restore.age", tr(Str::restore_age_hint));
  }
  bool enter =
      password_field("lock.restore.pass", tr(age ? Str::restore_age_pass : Str::lock_passphrase), f.pass1);
  if (age) {
    password_field("lock.restore.new1", tr(Str::restore_age_new), f.pass2);
    enter = password_field("lock.restore.new2", tr(Str::restore_age_new_again), f.pass3);
  }
  ImGui::Spacing();
  message_line(f, "lock.message");
  if (f.pending != Forms::Pending::none) {
    busy_line();
    return;
  }
  if ((button("lock.restore.go", tr(Str::restore_button), true) || enter) && f.has_restore_file) {
    f.pending = Forms::Pending::restore;
    platform::request_frame();
  }
  ImGui::SameLine();
  if (button("lock.back", tr(Str::lock_back))) {
    f.step = Forms::Step::choose;
    wipe(f.pass1);
    wipe(f.pass2);
    wipe(f.pass3);
    f.message.clear();
  }
}

void draw_unlock(ScreenContext& ctx) {
  Forms& f = ctx.forms;
  store::Session& s = *ctx.session;
  ImGui::PushFont(font_title());
  ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
  ImGui::TextUnformatted(BB_ICON_LOCK);
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::TextUnformatted(tr(Str::app_name));
  ImGui::PopFont();
  heading(tr(Str::lock_title), "lock.title");
  muted_text(tr(Str::lock_unlock_text));
  const bool enter = password_field("lock.pass", tr(Str::lock_passphrase), f.pass1);
  ImGui::Spacing();
  message_line(f, "lock.message");
  const double wait = s.unlock_wait_ms(ctx.now_ms);
  if (wait > 0) {
    const std::string text =
        format_text(Str::lock_wait, std::to_string(static_cast<int>(std::ceil(wait / 1000))));
    ImGui::PushStyleColor(ImGuiCol_Text, palette().muted_text);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    widget_registry().tag_last_item("lock.wait", text.c_str());
  }
  if (f.pending != Forms::Pending::none) {
    busy_line();
    return;
  }
  ImGui::BeginDisabled(wait > 0);
  const bool pressed = button("lock.unlock", tr(Str::lock_unlock_button), true);
  ImGui::EndDisabled();
  if ((pressed || enter) && wait <= 0) {
    f.pending = Forms::Pending::unlock;
    platform::request_frame();
  }
}

}  // namespace

void Forms::wipe_all() {
  wipe(pass1);
  wipe(pass2);
  wipe(pass3);
  wipe(book_title);
  wipe(book_title_shown);
  std::fill(restore_file.begin(), restore_file.end(), 0);
  restore_file.clear();
  has_restore_file = false;
  platform::discard_print();  // a print frame holds a personal page
  network.reset();
  replace.reset();
  cases.reset();  // its memory is zeroed as it is freed (src/app/zeroing_delete.cpp)
  message.clear();
  pending = Pending::none;
  step = Step::choose;
}

void draw_lock_screen(ScreenContext& ctx) {
  store::Session& s = *ctx.session;
  Forms& f = ctx.forms;
  switch (s.state()) {
    case SessionState::unavailable:
      heading(tr(Str::lock_title), "lock.title");
      warning_card("lock.unavailable", nullptr,
                   format_text(Str::lock_unavailable, s.availability().detail).c_str());
      if (button("lock.reload", tr(Str::lock_reload), true)) platform::reload_app();
      break;
    case SessionState::other_tab:
      heading(tr(Str::lock_other_tab_title), "lock.title");
      warning_card("lock.other_tab", nullptr, tr(Str::lock_other_tab));
      if (button("lock.reload", tr(Str::lock_reload), true)) platform::reload_app();
      break;
    case SessionState::no_store:
      draw_ios_warning();
      if (f.step == Forms::Step::create) {
        draw_create(ctx);
      } else if (f.step == Forms::Step::restore) {
        draw_restore(ctx);
      } else {
        heading(tr(Str::lock_welcome_title), "lock.welcome");
        muted_text(tr(Str::lock_welcome_text));
        ImGui::Spacing();
        draw_choices(f);
      }
      break;
    case SessionState::locked:
      draw_unlock(ctx);
      break;
    case SessionState::unlocked:
      break;
  }
}

void run_pending_action(ScreenContext& ctx) {
  Forms& f = ctx.forms;
  store::Session& s = *ctx.session;
  const auto pending = f.pending;
  f.pending = Forms::Pending::none;
  switch (pending) {
    case Forms::Pending::none:
      return;
    case Forms::Pending::create: {
      const Status status = s.create(f.pass1, f.pass2, ctx.now_ms);
      set_message(f, status);
      if (status.ok()) ctx.navigate_to = ScreenId::start;
      break;
    }
    case Forms::Pending::unlock: {
      const Status status = s.unlock(f.pass1, ctx.now_ms);
      set_message(f, status);
      wipe(f.pass1);  // the app picks the screen after the unlock (a kept draft's form, else this one)
      break;
    }
    case Forms::Pending::restore: {
      Status status;
      if (exchange::looks_like_age_file(f.restore_file)) {
        auto store_file =
            exchange::store_file_from_backup(f.restore_file, f.pass1, f.pass2, f.pass3, s.options());
        status = store_file.ok() ? s.restore(*store_file, f.pass2, ctx.now_ms) : Status(store_file.error());
        if (store_file.ok()) std::fill(store_file->begin(), store_file->end(), 0);
        wipe(f.pass2);
        wipe(f.pass3);
      } else {
        status = s.restore(f.restore_file, f.pass1, ctx.now_ms);
      }
      set_message(f, status);
      wipe(f.pass1);  // typed again for the next attempt
      if (status.ok()) ctx.navigate_to = ScreenId::start;
      break;
    }
    case Forms::Pending::change_passphrase: {
      const Status status = s.change_passphrase(f.pass1, f.pass2, f.pass3);
      set_message(f, status, tr(Str::settings_passphrase_done));
      if (status.ok()) {
        wipe(f.pass2);
        wipe(f.pass3);
      }
      wipe(f.pass1);
      break;
    }
  }
  if (s.unlocked() && pending != Forms::Pending::change_passphrase) {
    // In: the lock flow's buffers are done with.
    wipe(f.pass1);
    wipe(f.pass2);
    std::fill(f.restore_file.begin(), f.restore_file.end(), 0);
    f.restore_file.clear();
    f.has_restore_file = false;
    f.step = Forms::Step::choose;
    f.message.clear();
  }
  platform::request_frame();
}

void draw_save_badge(store::Session& session, ImVec2 top_right) {
  const auto& st = session.save_status();
  if (st.state != store::SaveState::saving && st.state != store::SaveState::saved) return;
  const bool saved = st.state == store::SaveState::saved;
  const Palette& p = palette();
  const char* text = tr(saved ? Str::save_saved : Str::save_saving);
  // A small window of its own over the content: it never shifts the layout
  // (a field being typed in stays where it is) and takes no input.
  ImGui::SetNextWindowPos(top_right, ImGuiCond_Always, ImVec2(1, 0));
  ImGui::SetNextWindowBgAlpha(0.9f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 4));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 8);
  ImGui::Begin("##save_badge", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoNav);
  ImGui::PushFont(font_small());
  ImGui::PushStyleColor(ImGuiCol_Text, saved ? p.accent : p.muted_text);
  ImGui::Text("%s %s", saved ? BB_ICON_CHECK : BB_ICON_REFRESH, text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
  widget_registry().tag_last_item("save.state", text);
  ImGui::End();
  ImGui::PopStyleVar(2);
}

void draw_save_status(ScreenContext& ctx) {
  const auto& st = ctx.session->save_status();
  const Palette& p = palette();
  switch (st.state) {
    case store::SaveState::idle:
    case store::SaveState::saving:
    case store::SaveState::saved:
      return;  // the badge (draw_save_badge) shows these
    case store::SaveState::failed: {
      std::string unsaved;
      for (Str what : st.unsaved) unsaved += (unsaved.empty() ? "" : ", ") + std::string(tr(what));
      const std::string list = unsaved.empty() ? std::string() : format_text(Str::save_unsaved, unsaved);
      ImGui::PushStyleColor(ImGuiCol_ChildBg, p.warning_bg);
      ImGui::PushStyleColor(ImGuiCol_Text, p.warning_text);
      ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18, 14));
      ImGui::BeginChild(
          "save.error", ImVec2(0, 0),
          ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding | ImGuiChildFlags_Border);
      ImGui::PushFont(font_heading());
      ImGui::TextWrapped(BB_ICON_WARNING "  %s", tr(Str::save_failed_title));
      ImGui::PopFont();
      widget_registry().tag_last_item("save.state", tr(Str::save_failed_title));
      ImGui::TextWrapped("%s", tr(st.error));
      widget_registry().tag_last_item("save.message", tr(st.error));
      if (!list.empty()) {
        ImGui::TextWrapped("%s", list.c_str());
        widget_registry().tag_last_item("save.unsaved", list.c_str());
      }
      ImGui::TextWrapped("%s", tr(Str::save_kept));
      ImGui::PopStyleColor();
      if (button("save.retry", tr(Str::save_retry), true)) ctx.session->retry();
      ImGui::EndChild();
      widget_registry().tag_last_item("save.error");
      ImGui::PopStyleVar();
      ImGui::PopStyleColor();
      ImGui::Spacing();
      return;
    }
  }
}

}  // namespace bb::ui
