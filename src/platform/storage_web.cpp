// The browser side of storage.h. The JavaScript half is shell/store.js
// (self.__bbStore): it holds the Web Lock, reads every page from IndexedDB
// before the app starts (no Asyncify: the image is handed over synchronously
// through bb_store_image_alloc + bb_store_loaded), and writes each commit
// record in ONE readwrite transaction opened with {durability: 'strict'};
// completion comes back through bb_sink_done. Only ciphertext pages cross
// this boundary (SQLite3MC encrypts above the page VFS).
#include <emscripten/emscripten.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <utility>

#include "platform/platform.h"
#include "platform/storage.h"

namespace {

using bb::make_error;
using bb::Status;
using bb::Str;
namespace store = bb::store;

// The bodies of EM_JS are JavaScript: never format them as C++ (clang-format splits "===" and "=>").
// clang-format off
// Hands one record to shell/store.js; done(code, message) arrives later.
EM_JS(void, js_sink_write, (int id, double sequence, int page_size, int page_count, const char* checksum,
                            const uint32_t* numbers, int n, const uint8_t* bytes), {
  const pages = [];
  for (let i = 0; i < n; i++) {
    const start = bytes + i * page_size;
    pages.push([HEAPU32[(numbers >> 2) + i], HEAPU8.slice(start, start + page_size)]);
  }
  const record = { sequence: sequence, pageSize: page_size, pageCount: page_count,
                   checksum: UTF8ToString(checksum), pages: pages };
  const report = (code, message) => {
    const text = String(message || "");
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    _bb_sink_done(id, code, ptr);
    _free(ptr);
  };
  if (!self.__bbStore) { report(2, 'no store.js'); return; }
  self.__bbStore.write(record, report);
});

EM_JS(void, js_refresh_storage_info, (), {
  if (self.__bbStore) self.__bbStore.refreshInfo();
});

EM_JS(void, js_download, (const char* name, const uint8_t* bytes, int size), {
  if (self.__bbStore) self.__bbStore.download(UTF8ToString(name), HEAPU8.slice(bytes, bytes + size));
});

EM_JS(void, js_pick_file, (const char* accept), {
  if (self.__bbStore) self.__bbStore.pickFile(UTF8ToString(accept));
});

EM_JS(int, js_can_share_files, (const char* name), {
  return self.__bbStore ? (self.__bbStore.canShareFiles(UTF8ToString(name)) ? 1 : 0) : 0;
});

EM_JS(void, js_share_file, (const char* name, const uint8_t* bytes, int size), {
  if (self.__bbStore) self.__bbStore.share(UTF8ToString(name), HEAPU8.slice(bytes, bytes + size));
});

EM_JS(void, js_reload, (), { location.reload(); });
// clang-format on

std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

class WebPageSink final : public store::PageSink {
 public:
  bb::Result<store::Image> load() override { return image_; }
  bool empty() override { return image_.sequence == 0; }

  void write(const store::CommitRecord& record, std::function<void(Status)> done) override {
    const int id = ++next_id_;
    std::vector<uint32_t> numbers;
    std::vector<uint8_t> bytes;
    numbers.reserve(record.pages.size());
    bytes.reserve(record.pages.size() * record.page_size);
    for (const auto& p : record.pages) {
      numbers.push_back(p.number);
      bytes.insert(bytes.end(), p.bytes.begin(), p.bytes.end());
    }
    pending_.emplace(id, Pending{record, std::move(done)});
    js_sink_write(id, static_cast<double>(record.sequence), static_cast<int>(record.page_size),
                  static_cast<int>(record.page_count), hex64(record.checksum).c_str(), numbers.data(),
                  static_cast<int>(numbers.size()), bytes.data());
  }

  void done(int id, int code, const char* message) {
    auto it = pending_.find(id);
    if (it == pending_.end()) return;
    Pending p = std::move(it->second);
    pending_.erase(it);
    Status status;
    if (code == 0) {
      status = store::apply_record(image_, p.record);  // the durable image follows IndexedDB
    } else {
      status = make_error(code == 1 ? Str::store_full : Str::store_not_saved,
                          std::string("indexeddb: ") + (message ? message : "?"));
    }
    p.done(std::move(status));
    bb::platform::request_frame();
  }

  store::Image& image() { return image_; }

 private:
  struct Pending {
    store::CommitRecord record;
    std::function<void(Status)> done;
  };
  store::Image image_;
  std::map<int, Pending> pending_;
  int next_id_ = 0;
};

WebPageSink& sink() {
  static WebPageSink s;
  return s;
}

store::Availability g_availability;
bb::platform::StorageInfo g_info;
bb::platform::InstallInfo g_install;
std::vector<uint8_t> g_picked;
bool g_has_picked = false;
bb::platform::ShareOutcome g_share_outcome = bb::platform::ShareOutcome::none;

}  // namespace

extern "C" {

// Start-up, step 1: room for the stored image (page_size * page_count bytes);
// store.js copies the pages straight into it.
EMSCRIPTEN_KEEPALIVE uint8_t* bb_store_image_alloc(uint32_t size) {
  auto& image = sink().image();
  image.bytes.assign(size, 0);
  return image.bytes.data();
}

// Start-up, step 2: what store.js found. `writer`: this tab holds the Web
// Lock; `ok`: IndexedDB was readable. The last commit row (sequence, page
// size and count, checksum over the pages it wrote, their numbers) is checked
// against the image: a mismatch means the storage is damaged. Returns 0 when
// the image is usable.
EMSCRIPTEN_KEEPALIVE int bb_store_loaded(int ok, int writer, double sequence, int page_size, int page_count,
                                         const char* checksum, const uint32_t* last_pages, int n_last,
                                         const char* detail) {
  auto& image = sink().image();
  g_availability.writer = writer != 0;
  g_availability.storage_ok = ok != 0;
  g_availability.detail = detail ? detail : "";
  if (!ok || !writer || sequence <= 0) {
    image = store::Image{};
    return ok ? 0 : 1;
  }
  image.sequence = static_cast<uint64_t>(sequence);
  image.page_size = static_cast<uint32_t>(page_size);
  image.page_count = static_cast<uint32_t>(page_count);
  bool good = image.page_size > 0 && image.bytes.size() == size_t(image.page_size) * image.page_count;
  if (good && checksum && *checksum) {
    store::CommitRecord last;
    last.sequence = image.sequence;
    last.page_size = image.page_size;
    last.page_count = image.page_count;
    for (int i = 0; i < n_last && good; ++i) {
      const uint32_t number = last_pages[i];
      if (number == 0 || number > image.page_count) {
        good = false;
        break;
      }
      const auto* at = image.bytes.data() + size_t(number - 1) * image.page_size;
      last.pages.push_back({number, std::vector<uint8_t>(at, at + image.page_size)});
    }
    if (good) good = hex64(store::record_checksum(last)) == checksum;
  }
  if (!good) {
    g_availability.storage_ok = false;
    g_availability.detail = "the stored pages do not match their last commit record";
    image = store::Image{};
    return 1;
  }
  return 0;
}

// A write finished: code 0 complete, 1 quota exceeded, 2 other failure.
EMSCRIPTEN_KEEPALIVE void bb_sink_done(int id, int code, const char* message) {
  sink().done(id, code, message);
}

// navigator.storage answered: persisted 1/0/-1, usage and quota in bytes.
EMSCRIPTEN_KEEPALIVE void bb_storage_info(int persisted, double usage, double quota) {
  g_info.known = true;
  g_info.persisted = persisted;
  g_info.usage_bytes = usage;
  g_info.quota_bytes = quota;
  bb::platform::request_frame();
}

EMSCRIPTEN_KEEPALIVE void bb_install_info(int standalone, int ios_safari) {
  g_install.standalone = standalone != 0;
  g_install.ios_safari = ios_safari != 0;
}

// The outcome of the share sheet: 2 shared, 3 cancelled by the user, 4 failed.
EMSCRIPTEN_KEEPALIVE void bb_share_done(int outcome) {
  g_share_outcome = outcome == 2   ? bb::platform::ShareOutcome::shared
                    : outcome == 3 ? bb::platform::ShareOutcome::cancelled
                                   : bb::platform::ShareOutcome::failed;
  bb::platform::request_frame();
}

// The file the user picked (copied).
EMSCRIPTEN_KEEPALIVE void bb_file_picked(const uint8_t* bytes, int size) {
  g_picked.assign(bytes, bytes + (size > 0 ? size : 0));
  g_has_picked = true;
  bb::platform::request_frame();
}

}  // extern "C"

namespace bb::platform {

store::PageSink& page_sink() { return sink(); }
store::Availability storage_availability() { return g_availability; }
StorageInfo storage_info() { return g_info; }
void refresh_storage_info() { js_refresh_storage_info(); }
InstallInfo install_info() { return g_install; }

void download_file(const std::string& name, const std::vector<uint8_t>& bytes) {
  js_download(name.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}
bool can_share_files(const std::string& name) { return js_can_share_files(name.c_str()) != 0; }
void share_file(const std::string& name, const std::vector<uint8_t>& bytes) {
  g_share_outcome = ShareOutcome::pending;
  js_share_file(name.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}
ShareOutcome share_outcome() { return g_share_outcome; }
void pick_file(const char* accept) { js_pick_file(accept); }
bool take_picked_file(std::vector<uint8_t>& out) {
  if (!g_has_picked) return false;
  out = std::move(g_picked);
  g_picked.clear();
  g_has_picked = false;
  return true;
}
void reload_app() { js_reload(); }

}  // namespace bb::platform
