// The state of the issue 8 exchange screens: „Übergabe an die KJH“ (from the
// family overview) and „Fall empfangen“ (from the families list), plus the
// „Empfangsschlüssel“ card of the settings. The decisions are the core's
// (exchange/handover.h, receive.h, store/keys.h); these screens only collect
// the choices and show what the core says. Personal like CaseUi and owned by
// it (destroyed on lock); passphrases are wiped as soon as they were used.
// docs/ui.md "Übergabe an die KJH, Fall empfangen, Empfangsschlüssel".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/child_protection.h"
#include "core/disclosure.h"
#include "exchange/handover.h"
#include "exchange/receive.h"
#include "store/directory.h"
#include "ui/screens/case_ui.h"

namespace bb::ui {

// A slow step (scrypt, age) runs one frame after the tap so „Einen Moment …“
// is on screen meanwhile: requested → shown → run.
enum class SlowStep { none, requested, shown };
// Called every frame: moves the step on; true in the frame its action is due.
bool slow_step_due(SlowStep& step);
// On the tap.
void request_slow_step(SlowStep& step);

struct HandoverForm {
  int64_t family_id = 0;  // the family this form was opened for
  // Opened from a Mitteilung sent as an encrypted file: its recipient and its
  // documented content are fixed, its legal basis carries it (with the record
  // of whether consent was sought), not a consent.
  std::optional<int64_t> mitteilung;
  rules::Recipient mitteilung_recipient;
  rules::ConsentSoughtRecord consent_sought;
  bool partners_loaded = false;
  std::vector<store::PartnerRecord> partners;  // the Kinder- und Jugendhilfe entries of the directory
  int64_t partner_id = 0;                      // 0 = the Kinder- und Jugendhilfe in general
  bool use_passphrase = false;                 // else the partner's age key
  std::string pass1, pass2;
  std::string by;  // the companion who hands over
  rules::Categories categories = rules::Categories::all();
  std::optional<exchange::HandoverPlan> plan;
  bool plan_stale = true;
  SlowStep step = SlowStep::none;
  std::string message;  // the last outcome, UI words only
  // After „Übergabedatei erstellen“: the file (to offer it again), its name
  // and the protocol line the core wrote.
  std::vector<uint8_t> file;
  std::string file_name;
  std::string protocol_line;
  bool shareable = false;    // the browser's share sheet takes the file
  bool share_asked = false;  // „Teilen …“ was tapped: its outcome is shown
};

struct ReceiveForm {
  std::vector<uint8_t> file;  // the picked, still encrypted file
  bool has_file = false;
  std::string passphrase;  // empty: the receiving keys of this Begleitbuch
  SlowStep step = SlowStep::none;
  std::optional<exchange::OpenedHandover> opened;
  std::string message;
  bool message_ok = false;
  std::vector<exchange::ReceivedCase> received;
  bool received_stale = true;
  int64_t shown_id = 0;      // the received case shown
  std::string shown_report;  // its text, rendered by this app
};

// The age-wrapped backup in the settings (backup_age.cpp): its own passphrase,
// optionally the Fachliche Leitung's recovery key (a second file).
struct AgeBackupForm {
  std::string pass1, pass2, recovery;
  SlowStep step = SlowStep::none;
  std::string message;
  bool message_ok = false;
};

// „Sicherung wiederherstellen“ onto the book on this device (restore_replace.cpp):
// the picked file, a check in memory, what it holds, then the explicit choice.
struct ReplaceForm {
  std::vector<uint8_t> file;  // as picked, still encrypted
  bool has_file = false;
  bool age = false;                 // an age backup (else the raw store file)
  std::string file_pass;            // the backup's passphrase
  std::string current_pass;         // this device's: confirms, and stays the passphrase
  std::vector<uint8_t> store_file;  // after the check: what Session::replace gets
  bool checked = false;
  int backup_families = 0, device_families = 0;
  std::string backup_date;  // age backups: when it was made (German date)
  bool confirmed = false;   // „Ich will den Bestand auf diesem Gerät ersetzen“
  SlowStep step = SlowStep::none;
  std::string message;
  bool message_ok = false;
};

struct HandoverUi {
  HandoverForm handover;
  ReceiveForm receive;
  AgeBackupForm backup;
};

HandoverUi& handover_ui(CaseUi& ui);

// Opens „Übergabe an die KJH“ for the family of the overview.
void open_handover(CaseUi& ui);
// Opens it for a Mitteilung sent as an encrypted file: only its content, to its recipient.
void open_mitteilung_handover(CaseUi& ui, const rules::Mitteilung& m);
// Opens „Fall empfangen“ (the received cases and the file picker).
void open_receive(CaseUi& ui);

void draw_handover_view(ScreenContext& ctx, CaseUi& ui);
void draw_receive_view(ScreenContext& ctx, CaseUi& ui);
void draw_received_case(ScreenContext& ctx, CaseUi& ui);
// The button on the family overview. True when it navigated away.
bool draw_handover_button(CaseUi& ui);

// The settings card „Empfangsschlüssel“ (receiving_keys.cpp).
void draw_receiving_keys_card(ScreenContext& ctx);
// Inside the storage card of the settings: „Verschlüsselte Sicherung (age)“ (backup_age.cpp).
void draw_age_backup(ScreenContext& ctx);

// Inside the storage card of the settings: „Sicherung wiederherstellen“ (restore_replace.cpp).
void draw_restore_replace(ScreenContext& ctx);

// A file name for a download that names no person: "<prefix>-YYYYMMDD-<8 hex of id>.age".
std::string exchange_file_name(const char* prefix, const std::string& created, const std::string& id);

}  // namespace bb::ui
