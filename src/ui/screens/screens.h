// The screens of the navigation frame. To add a screen: write
// src/ui/screens/<name>.cpp with a draw function, add it to the table in
// app.cpp (id, icon, title string) and give its widgets test IDs
// "<name>.<what>". See docs/ui.md.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "imgui.h"
#include "store/session.h"
#include "ui/theme.h"

namespace bb::ui {

enum class ScreenId { start, families, network, settings };

struct CaseUi;       // the case-documentation screens' state (case_ui.h)
struct NetworkUi;    // the network screen's state (network_ui.h)
struct ReplaceForm;  // „Sicherung wiederherstellen“ in the settings (handover_ui.h)

// The preferences the settings screen edits (stored by the app).
struct Preferences {
  int language = 0;   // bb::Lang
  int font_step = 1;  // 0 small, 1 normal, 2 large, 3 very large
  Theme theme = Theme::light;
};

// The edit buffers of the lock flow and of the personal settings. The app
// wipes them all when it locks (Forms::wipe_all).
struct Forms {
  enum class Step { choose, create, restore };
  enum class Pending { none, create, unlock, restore, change_passphrase };
  Step step = Step::choose;
  Pending pending = Pending::none;  // a slow action (key derivation) runs in the next frame
  std::string pass1, pass2, pass3;  // passphrase fields (create: 1+2; unlock: 1; change: 1 current, 2+3 new)
  std::string message;              // the last outcome, a UI text (never personal)
  bool message_ok = false;          // success (green) rather than error
  std::string book_title;           // personal: the settings field
  std::string book_title_shown;     // personal: as stored, shown on the start screen
  std::vector<uint8_t> restore_file;  // the encrypted backup file picked
  bool has_restore_file = false;
  std::shared_ptr<CaseUi> cases;         // personal: created on the families screen, destroyed on lock
  std::shared_ptr<NetworkUi> network;    // the network screen's state, dropped on lock
  std::shared_ptr<ReplaceForm> replace;  // the picked backup and its passphrases, dropped on lock
  bool scroll_to_top = false;            // a screen opened a new view: the app scrolls the page to its top
  void wipe_all();
};

// What a screen may read and change.
struct ScreenContext {
  Preferences& prefs;
  bool& prefs_changed;      // set when prefs changed (the app applies and saves them)
  ScreenId& navigate_to;    // set to switch screen
  std::string& probe_line;  // keyboard test fields on the settings screen
  std::string& probe_multiline;
  store::Session* session;  // never null in the app
  Forms& forms;
  double now_ms;  // the frame's time (same clock as the session's)
};

float font_size_for_step(int step);

// False (and the families screen asks "Änderungen verwerfen?") while a case
// form has unsaved changes; the app then stays on the screen.
bool may_leave_screen(Forms& forms, ScreenId to);

// Drafts across the lock (src/exchange/case_draft.h, docs/ui.md "No lost input").
// Writes the open form's unsaved input into the store, or removes a draft no
// longer needed; the session calls it just before a lock and when the tab is hidden.
void keep_case_draft(store::Session& session, Forms& forms);
// After an unlock: opens the form of a stored draft again, unsaved. True if it did.
bool restore_case_draft(store::Session& session, Forms& forms);

void draw_start_screen(ScreenContext& ctx);
void draw_families_screen(ScreenContext& ctx);
void draw_network_screen(ScreenContext& ctx);
void draw_settings_screen(ScreenContext& ctx);
// Instead of the start screen while not unlocked: first start, create,
// restore, unlock, another tab, storage unavailable.
void draw_lock_screen(ScreenContext& ctx);
// Runs the slow action the lock flow or the settings queued (one frame after
// the tap, so "Einen Moment …" is on screen while the key is derived).
void run_pending_action(ScreenContext& ctx);
// After a failed save: what was not saved, and "Erneut versuchen" (in the content).
void draw_save_status(ScreenContext& ctx);
// The save indicator ("Wird gespeichert …" / "Gespeichert"): a small badge of
// its own at `top_right` (screen coordinates), drawn after the root window.
void draw_save_badge(store::Session& session, ImVec2 top_right);

}  // namespace bb::ui
