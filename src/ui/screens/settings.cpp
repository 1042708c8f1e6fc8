// The settings screen: language, font size, appearance, a keyboard test and
// what the app is made of.
#include <cstdio>

#include "core/auto_lock.h"
#include "core/i18n.h"
#include "core/passphrase.h"
#include "core/version_info.h"
#include "imgui.h"
#include "platform/platform.h"
#include "platform/storage.h"
#include "store/cases.h"
#include "ui/form_widgets.h"
#include "ui/icons.h"
#include "ui/screens/backup_reminder.h"
#include "ui/screens/case_ui.h"
#include "ui/screens/handover_ui.h"
#include "ui/screens/protection_ui.h"
#include "ui/screens/screens.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

// Lays out `n` equal choices in one row, or one per row when the row is too narrow.
float choice_width(int n, float min_width) {
  const float avail = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float w = (avail - spacing * static_cast<float>(n - 1)) / static_cast<float>(n);
  return w >= min_width ? w : -1.0f;
}

void same_line_if(float width) {
  if (width > 0) ImGui::SameLine();
}

// "12,3 MB" (German decimal comma in German, point in English).
std::string format_bytes(double bytes) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB"};
  int u = 0;
  while (bytes >= 1000 && u < 4) {
    bytes /= 1000;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
  std::string out = buf;
  if (language() == Lang::de)
    for (char& c : out)
      if (c == '.') c = ',';
  return out;
}

void labelled_text(const char* id, const std::string& text) {
  ImGui::TextWrapped("%s", text.c_str());
  widget_registry().tag_last_item(id, text.c_str());
}

void draw_book_card(ScreenContext& ctx) {
  Forms& f = ctx.forms;
  begin_card("settings.book.card");
  ImGui::Text(BB_ICON_BOOK "  %s", tr(Str::settings_book));
  text_field("settings.book_title", tr(Str::settings_book_title), f.book_title);
  if (button("settings.book_title.save", tr(Str::settings_save), true)) {
    const Status status = ctx.session->save_setting(Str::action_book_title, "book_title", f.book_title);
    if (status.ok()) f.book_title_shown = f.book_title;
  }
  end_card();
}

void draw_lock_card(ScreenContext& ctx) {
  begin_card("settings.lock.card");
  ImGui::Text(BB_ICON_LOCK "  %s", tr(Str::settings_lock));
  muted_text(tr(Str::settings_auto_lock));
  static const int kMinutes[] = {1, 5, 15, 30};
  static const char* kIds[] = {"settings.autolock.1", "settings.autolock.5", "settings.autolock.15",
                               "settings.autolock.30"};
  const float w = choice_width(4, 90);
  for (int i = 0; i < 4; ++i) {
    if (i) same_line_if(w);
    const std::string label = std::to_string(kMinutes[i]);
    if (choice(kIds[i], label.c_str(), ctx.session->auto_lock().idle_minutes() == kMinutes[i], w))
      (void)ctx.session->set_auto_lock_minutes(kMinutes[i]);
  }
  muted_text(tr(Str::settings_lock_hint));
  end_card();
}

void draw_passphrase_card(ScreenContext& ctx) {
  Forms& f = ctx.forms;
  begin_card("settings.pass.card");
  ImGui::Text(BB_ICON_SHIELD "  %s", tr(Str::settings_passphrase));
  password_field("settings.pass.current", tr(Str::settings_passphrase_current), f.pass1);
  password_field("settings.pass.new", tr(Str::settings_passphrase_new), f.pass2);
  const auto a = assess_passphrase(f.pass2);
  if (!f.pass2.empty()) {
    const std::string label = format_text(Str::lock_strength, tr(strength_label(a.strength)));
    labelled_text("settings.pass.strength", label);
  }
  password_field("settings.pass.again", tr(Str::settings_passphrase_again), f.pass3);
  muted_text(tr(Str::store_forgotten_warning));
  if (!f.message.empty()) labelled_text("settings.pass.message", f.message);
  if (f.pending == Forms::Pending::change_passphrase) {
    labelled_text("settings.pass.busy", tr(Str::lock_working));
  } else if (button("settings.pass.change", tr(Str::settings_passphrase), true)) {
    f.pending = Forms::Pending::change_passphrase;
    platform::request_frame();
  }
  end_card();
}

// The configurable lists (Zugangsweg, contact kinds, topics, professions, end
// reasons, the Bedarfe-und-Ressourcen items): rename, switch off, add.
// Entries are never deleted (old records keep their label).
struct CatalogEditor {
  int kind = 0;
  std::vector<cases::CatalogEntry> entries;
  bool loaded = false;
  std::string new_label;
  std::string message;
};
CatalogEditor g_catalogs;

void draw_catalog_card(ScreenContext& ctx) {
  static const std::pair<const char*, Str> kKinds[] = {
      {"access_route", Str::catalog_access_route},
      {"contact_kind", Str::catalog_contact_kind},
      {"topic", Str::catalog_topic},
      {"instrument", Str::catalog_instrument},
      {"profession", Str::catalog_profession},
      {"end_reason", Str::catalog_end_reason},
  };
  CatalogEditor& c = g_catalogs;
  begin_card("settings.catalog.card");
  ImGui::Text(BB_ICON_LIST "  %s", tr(Str::catalog_title));
  muted_text(tr(Str::catalog_hint));
  std::vector<cases::CatalogEntry> kinds;
  for (int i = 0; i < 6; ++i) kinds.push_back({"", std::to_string(i), tr(kKinds[i].second), i, true});
  std::string kind_code = std::to_string(c.kind);
  if (select_field("settings.catalog.kind", tr(Str::catalog_list), kind_code, kinds)) {
    c.kind = std::atoi(kind_code.c_str());
    c.loaded = false;
    c.message.clear();
  }
  const char* kind = kKinds[c.kind].first;
  if (!c.loaded) {
    auto entries = store::load_catalog(*ctx.session->reader(), kind, true);
    c.entries = entries.ok() ? *entries : std::vector<cases::CatalogEntry>{};
    c.loaded = true;
  }
  for (size_t i = 0; i < c.entries.size(); ++i) {
    cases::CatalogEntry& e = c.entries[i];
    const std::string id = "settings.catalog.entry." + e.code;
    ImGui::PushID(static_cast<int>(i));
    bool active = e.active;
    if (check_field(id.c_str(), e.label.c_str(), active)) {
      cases::CatalogEntry changed = e;
      changed.active = active;
      const Status st = ctx.session->act_on_store(
          Str::action_catalog, [&](store::Store& db) { return store::set_catalog_entry(db, changed); });
      if (st.ok()) {
        e.active = active;
        if (ctx.forms.cases) ctx.forms.cases->catalogs.clear();  // the forms follow the list
      }
      c.message = st.ok() ? "" : st.error().text();
    }
    ImGui::PopID();
  }
  text_field("settings.catalog.new", tr(Str::catalog_new), c.new_label);
  if (button("settings.catalog.add", (std::string(BB_ICON_PLUS "  ") + tr(Str::catalog_add)).c_str())) {
    cases::CatalogEntry e;
    e.kind = kind;
    e.label = c.new_label;
    e.code = cases::new_catalog_code(c.new_label, c.entries);
    e.position = c.entries.empty() ? 1 : c.entries.back().position + 1;
    const Status st = ctx.session->act_on_store(
        Str::action_catalog, [&](store::Store& db) { return store::set_catalog_entry(db, e); });
    if (st.ok()) {
      c.new_label.clear();
      c.loaded = false;
      c.message = tr(Str::form_saved);
      if (ctx.forms.cases) ctx.forms.cases->catalogs.clear();  // the forms show the new entry
    } else {
      c.message = st.error().text();
    }
  }
  if (!c.message.empty()) labelled_text("settings.catalog.message", c.message);
  end_card();
}

void draw_storage_card(ScreenContext& ctx) {
  begin_card("settings.storage.card");
  ImGui::Text(BB_ICON_INFO "  %s", tr(Str::settings_storage));
  const auto info = platform::storage_info();
  labelled_text("settings.storage.persist", tr(info.persisted == 1   ? Str::settings_persist_granted
                                               : info.persisted == 0 ? Str::settings_persist_denied
                                                                     : Str::settings_persist_unknown));
  if (info.known && info.quota_bytes > 0) {
    labelled_text("settings.storage.usage",
                  format_text(Str::settings_storage_usage,
                              format_bytes(info.usage_bytes) + " / " + format_bytes(info.quota_bytes)));
  } else {
    labelled_text("settings.storage.usage", tr(Str::settings_storage_unknown));
  }
  muted_text(tr(Str::settings_backup_text));
  if (button("settings.backup", tr(Str::settings_backup_download))) {
    auto bytes = ctx.session->backup();
    if (bytes.ok()) {
      platform::download_file("begleitbuch-sicherung.bbstore", *bytes);
      record_backup_done(ctx);
    }
  }
  draw_age_backup(ctx);
  draw_backup_reminder(ctx);
  draw_restore_replace(ctx);
  end_card();
}

}  // namespace

float font_size_for_step(int step) {
  static const float kSizes[] = {16.0f, 18.0f, 21.0f, 25.0f};
  return kSizes[step < 0 ? 0 : step > 3 ? 3 : step];
}

void draw_settings_screen(ScreenContext& ctx) {
  Preferences& p = ctx.prefs;
  heading(tr(Str::settings_title), "settings.title");

  begin_card("settings.language.card");
  ImGui::Text(BB_ICON_GLOBE "  %s", tr(Str::settings_language));
  float w = choice_width(2, 180);
  if (choice("settings.language.de", tr(Str::settings_language_de), p.language == 0, w)) {
    p.language = 0;
    ctx.prefs_changed = true;
  }
  same_line_if(w);
  if (choice("settings.language.en", tr(Str::settings_language_en), p.language == 1, w)) {
    p.language = 1;
    ctx.prefs_changed = true;
  }
  end_card();

  begin_card("settings.font.card");
  ImGui::Text(BB_ICON_FONT "  %s", tr(Str::settings_font_size));
  static const char* kIds[] = {"settings.font.small", "settings.font.normal", "settings.font.large",
                               "settings.font.xlarge"};
  static const Str kLabels[] = {Str::settings_font_small, Str::settings_font_normal, Str::settings_font_large,
                                Str::settings_font_xlarge};
  w = choice_width(4, 120);
  for (int i = 0; i < 4; ++i) {
    if (i) same_line_if(w);
    if (choice(kIds[i], tr(kLabels[i]), p.font_step == i, w)) {
      p.font_step = i;
      ctx.prefs_changed = true;
    }
  }
  ImGui::TextWrapped("%s", tr(Str::settings_sample_text));
  end_card();

  begin_card("settings.theme.card");
  ImGui::Text(BB_ICON_SUN "  %s", tr(Str::settings_theme));
  w = choice_width(2, 180);
  if (choice("settings.theme.light", tr(Str::settings_theme_light), p.theme == Theme::light, w)) {
    p.theme = Theme::light;
    ctx.prefs_changed = true;
  }
  same_line_if(w);
  if (choice("settings.theme.dark", tr(Str::settings_theme_dark), p.theme == Theme::dark, w)) {
    p.theme = Theme::dark;
    ctx.prefs_changed = true;
  }
  end_card();

  if (!ctx.session || !ctx.session->unlocked()) {  // locked: nothing personal, nothing stored
    g_catalogs.loaded = false;                     // another store may open next
    muted_text(tr(Str::settings_locked_note));
    return;
  }
  begin_card("settings.keyboard.card");
  ImGui::Text(BB_ICON_KEYBOARD "  %s", tr(Str::settings_keyboard));
  muted_text(tr(Str::settings_keyboard_hint));
  text_field("settings.probe", tr(Str::settings_keyboard_line), ctx.probe_line, true);
  text_area("settings.probe_multiline", tr(Str::settings_keyboard_lines), ctx.probe_multiline, 3, true);
  end_card();

  draw_book_card(ctx);
  draw_lock_card(ctx);
  draw_passphrase_card(ctx);
  draw_storage_card(ctx);
  draw_receiving_keys_card(ctx);
  draw_catalog_card(ctx);
  draw_organisation_card(ctx);

  begin_card("settings.privacy.card");
  ImGui::Text(BB_ICON_SHIELD "  %s", tr(Str::settings_privacy));
  muted_text(tr(Str::settings_privacy_text));
  end_card();

  begin_card("settings.about.card");
  ImGui::Text(BB_ICON_INFO "  %s", tr(Str::settings_about));
  ImGui::TextUnformatted(format_text(Str::settings_version, BB_VERSION).c_str());
  muted_text(format_text(Str::settings_build, BB_GIT_COMMIT).c_str());
  ImGui::Spacing();
  ImGui::TextUnformatted(tr(Str::settings_licences));
  muted_text(tr(Str::settings_licence_list));
  end_card();
}

}  // namespace bb::ui
