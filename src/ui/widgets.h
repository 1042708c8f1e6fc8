// Building blocks every screen uses: touch-sized buttons, headings, cards,
// segmented choices and text fields with the long-press edit menu. Each takes a
// stable test ID (see widget_registry.h).
#pragma once

#include <string>

#include "core/i18n.h"
#include "imgui.h"

namespace bb::ui {

// A button at least one touch target high. `primary` uses the accent colour.
bool button(const char* test_id, const char* label, bool primary = false, float width = 0.0f);

// One option of a segmented choice (e.g. font size); draws as selected if `selected`.
bool choice(const char* test_id, const char* label, bool selected, float width = 0.0f);

// Screen heading in the heading font.
void heading(const char* text, const char* test_id = nullptr);
// Secondary text, wrapped.
void muted_text(const char* text);
// A card: rounded panel with padding. end_card() closes it.
void begin_card(const char* id);
void end_card();
// A navigation card that acts like a big button; returns true when tapped.
// `width` 0: the full width available.
bool nav_card(const char* test_id, const char* icon, const char* title, const char* text, float width = 0.0f);

// Text fields. `probe` marks a field whose text tests may read (non-personal
// fields only). A long press (right-click) opens the edit menu.
bool text_field(const char* test_id, const char* label, std::string& text, bool probe = false,
                const char* hint = nullptr);
bool text_area(const char* test_id, const char* label, std::string& text, float height_lines = 4,
               bool probe = false);
// A passphrase field: shows dots, never readable by tests, no edit menu (no
// copy). Returns true when Enter was pressed in it.
bool password_field(const char* test_id, const char* label, std::string& text);
// True while the active text field is a password field (the host then keeps
// nothing of the typing in its hidden text element).
bool text_input_is_password();
// Forgets everything ImGui holds of typed text: the active field, its edit
// buffers and undo history, queued characters. Called when the app locks.
void forget_text_input();
// Overwrites a string's bytes before clearing it.
void wipe(std::string& text);

// Called once at the start of each frame (forgets fields not drawn any more).
void widgets_begin_frame();
// The bottom edge (screen y) of the text field being edited in this frame.
float active_text_field_bottom();

// The edit menu (Ausschneiden/Kopieren/Einfügen/Alles auswählen) for the text
// field it was opened on; drawn once per frame by the app.
void draw_edit_menu();
// Text that arrives from an asynchronous paste goes to the field it was asked for.
bool deliver_paste(const std::string& text);

}  // namespace bb::ui
