// The native stand-in for the browser storage (storage.h): a page sink that
// keeps the image in memory and completes every write at once. Used by the
// UI tests; the CLI uses plain store files instead.
#include <utility>

#include "platform/storage.h"

namespace bb::platform {
namespace {

class MemoryPageSink final : public store::PageSink {
 public:
  Result<store::Image> load() override { return image_; }
  bool empty() override { return image_.sequence == 0; }
  void write(const store::CommitRecord& record, std::function<void(Status)> done) override {
    done(store::apply_record(image_, record));
  }

 private:
  store::Image image_;
};

std::vector<uint8_t>& picked() {
  static std::vector<uint8_t> bytes;
  return bytes;
}
bool& has_picked() {
  static bool flag = false;
  return flag;
}
std::vector<DownloadedFile>& downloaded() {
  static std::vector<DownloadedFile> files;
  return files;
}

std::vector<DownloadedFile>& shared() {
  static std::vector<DownloadedFile> files;
  return files;
}
bool g_share_available = false;
ShareOutcome g_share_outcome = ShareOutcome::none;

}  // namespace

bool can_share_files(const std::string&) { return g_share_available; }
void share_file(const std::string& name, const std::vector<uint8_t>& bytes) {
  shared().push_back({name, bytes});
  g_share_outcome = ShareOutcome::shared;
}
ShareOutcome share_outcome() { return g_share_outcome; }
void set_share_available(bool available) {
  g_share_available = available;
  g_share_outcome = ShareOutcome::none;
}
bool take_shared_file(DownloadedFile& out) {
  if (shared().empty()) return false;
  out = std::move(shared().front());
  shared().erase(shared().begin());
  return true;
}

store::PageSink& page_sink() {
  static MemoryPageSink sink;
  return sink;
}

store::Availability storage_availability() { return {}; }
StorageInfo storage_info() { return {}; }
void refresh_storage_info() {}
InstallInfo install_info() { return {true, false}; }
void download_file(const std::string& name, const std::vector<uint8_t>& bytes) {
  downloaded().push_back({name, bytes});
}
bool take_downloaded_file(DownloadedFile& out) {
  if (downloaded().empty()) return false;
  out = std::move(downloaded().front());
  downloaded().erase(downloaded().begin());
  return true;
}
void pick_file(const char*) {}
void put_picked_file(std::vector<uint8_t> bytes) {
  picked() = std::move(bytes);
  has_picked() = true;
}
bool take_picked_file(std::vector<uint8_t>& out) {
  if (!has_picked()) return false;
  out = std::move(picked());
  has_picked() = false;
  return true;
}
void reload_app() {}

}  // namespace bb::platform
