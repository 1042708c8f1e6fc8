// The settings card „Empfangsschlüssel“: create a receiving key with a label,
// list the keys with their public key „age1…“ and the fingerprint in groups
// (read out on the phone, as the directory shows a partner's key), copy the
// public key or download it as a recipients file for age and the network's
// directory. The secret key never leaves the store (store/keys.h).
#include <string>
#include <vector>

#include "core/cases.h"
#include "core/i18n.h"
#include "imgui.h"
#include "platform/platform.h"
#include "platform/storage.h"
#include "store/keys.h"
#include "ui/icons.h"
#include "ui/screens/handover_ui.h"
#include "ui/screens/network_ui.h"
#include "ui/widget_registry.h"
#include "ui/widgets.h"

namespace bb::ui {
namespace {

// Not personal: a label names an office, the keys are public. The list is read
// on every draw (a few rows), so a store opened after a lock never shows
// another store's keys.
struct KeysCard {
  std::string label;
  std::string message;
  bool message_ok = false;
};
KeysCard g_keys;

// What `age -R` reads: comments, then the key.
std::vector<uint8_t> recipients_file(const store::ReceivingKey& k) {
  const std::string text = "# Begleitbuch – " + k.label + "\n# " + k.created_at + "\n# " + k.fingerprint +
                           "\n" + k.public_key + "\n";
  return std::vector<uint8_t>(text.begin(), text.end());
}

void draw_key(const store::ReceivingKey& k, size_t i) {
  const std::string id = "settings.keys." + std::to_string(i);
  ImGui::PushID(static_cast<int>(i));
  ImGui::Separator();
  ImGui::TextWrapped("%s", k.label.c_str());
  widget_registry().tag_last_item((id + ".label").c_str(), k.label.c_str());
  muted_text(
      format_text(Str::handover_ui_key_created, cases::german_date(k.created_at.substr(0, 10))).c_str());
  ImGui::TextWrapped("%s", k.public_key.c_str());
  widget_registry().tag_last_item((id + ".public").c_str(), k.public_key.c_str());
  const std::string fp = std::string(tr(Str::network_fingerprint)) + ": " + k.fingerprint;
  ImGui::TextWrapped("%s", fp.c_str());
  widget_registry().tag_last_item((id + ".fingerprint").c_str(), k.fingerprint.c_str());
  if (button((id + ".copy").c_str(), tr(Str::handover_ui_key_copy))) {
    platform::set_clipboard_text(k.public_key);
    g_keys.message = tr(Str::handover_ui_key_copied);
    g_keys.message_ok = true;
  }
  ImGui::SameLine();
  if (button((id + ".download").c_str(), tr(Str::handover_ui_key_download))) {
    platform::download_file("empfangsschluessel-" + std::to_string(k.id) + ".txt", recipients_file(k));
    g_keys.message = tr(Str::handover_ui_key_downloaded);
    g_keys.message_ok = true;
  }
  ImGui::PopID();
}

}  // namespace

void draw_receiving_keys_card(ScreenContext& ctx) {
  KeysCard& c = g_keys;
  auto listed = store::list_receiving_keys(*ctx.session->reader());
  const std::vector<store::ReceivingKey> keys =
      listed.ok() ? std::move(*listed) : std::vector<store::ReceivingKey>{};
  begin_card("settings.keys.card");
  ImGui::Text(BB_ICON_SHIELD "  %s", tr(Str::handover_ui_keys_title));
  muted_text(tr(Str::handover_ui_keys_hint));
  if (keys.empty()) muted_text(tr(Str::handover_ui_keys_none));
  for (size_t i = 0; i < keys.size(); ++i) draw_key(keys[i], i);
  if (!keys.empty()) muted_text(tr(Str::network_fingerprint_hint));
  ImGui::Separator();
  text_field("settings.keys.new_label", tr(Str::handover_ui_key_label), c.label);
  if (button("settings.keys.create", (std::string(BB_ICON_PLUS "  ") + tr(Str::keys_create)).c_str())) {
    const Status st = ctx.session->act_on_store(Str::handover_ui_action_key, [&](store::Store& db) -> Status {
      auto made = store::create_receiving_key(db, c.label);
      if (!made.ok()) return made.error();
      return {};
    });
    c.message_ok = st.ok();
    c.message = st.ok() ? tr(Str::handover_ui_key_made) : st.error().text();
    if (st.ok()) c.label.clear();
  }
  outcome_line(c.message, c.message_ok, "settings.keys.message");
  end_card();
}

}  // namespace bb::ui
