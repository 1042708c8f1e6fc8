// Durable storage and files: the host side of the encrypted store. In the
// browser (storage_web.cpp + shell/store.js): the IndexedDB page sink, the
// single-writer Web Lock, navigator.storage (persist, estimate), installed or
// not, file download and file picking. Natively (storage_native.cpp): memory
// stand-ins for the tests. docs/store.md, "The browser store".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/page_store.h"
#include "store/session.h"

namespace bb::platform {

// Where committed pages go: IndexedDB in the browser (one readwrite
// transaction with {durability: 'strict'} per record), memory natively.
store::PageSink& page_sink();

// What the host found before the app started: the storage was readable, and
// this tab holds the single-writer lock (navigator.locks).
store::Availability storage_availability();

struct StorageInfo {
  bool known = false;      // navigator.storage answered
  int persisted = -1;      // navigator.storage.persist(): 1 granted, 0 refused, -1 unknown
  double usage_bytes = 0;  // navigator.storage.estimate()
  double quota_bytes = 0;
};
StorageInfo storage_info();
void refresh_storage_info();  // asks again; the answer arrives later (a frame is requested)

struct InstallInfo {
  bool standalone = false;  // runs as an installed app (Home Screen, display-mode standalone)
  bool ios_safari = false;  // iPhone/iPad browser tab: Safari may delete its storage after 7 days
};
InstallInfo install_info();

// Offers `bytes` as a download called `name` (the browser's save dialog or folder).
void download_file(const std::string& name, const std::vector<uint8_t>& bytes);
// The system share sheet with a file (Web Share with files: iPad, Android).
// False where the browser has none or refuses this kind of file (Chrome on
// Android shares only some file types): then the file is downloaded.
bool can_share_files(const std::string& name);
// Opens the share sheet with `bytes` as the file `name` (call inside a tap).
// The outcome arrives later (share_outcome(); a frame is requested).
void share_file(const std::string& name, const std::vector<uint8_t>& bytes);
enum class ShareOutcome { none, pending, shared, cancelled, failed };
ShareOutcome share_outcome();  // of the last share_file()

// Opens the file picker (call inside a tap); the chosen file arrives later.
// `accept`: the file types offered (the input element's accept attribute).
void pick_file(const char* accept = ".bbstore,application/octet-stream");
// The file picked since the last call, if any (moved out).
bool take_picked_file(std::vector<uint8_t>& out);
// Native stand-in only (UI tests): as if the user had picked a file with `bytes`.
void put_picked_file(std::vector<uint8_t> bytes);
// Native stand-in only (UI tests): the oldest file offered by download_file and not yet taken.
struct DownloadedFile {
  std::string name;
  std::vector<uint8_t> bytes;
};
bool take_downloaded_file(DownloadedFile& out);
// Native stand-in only (UI tests): whether a share sheet exists; the files shared.
void set_share_available(bool available);
bool take_shared_file(DownloadedFile& out);

// Reloads the page (a second tab, once the first one closed).
void reload_app();

}  // namespace bb::platform
