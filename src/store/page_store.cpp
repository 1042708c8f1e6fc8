// Commit records, images and the native PageStores (memory, append-only file,
// queued). The interface and the file layout are described in page_store.h.
#include "store/page_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace bb::store {

//-----------------------------------------------------------------------------
// [SECTION] Commit records and images
//-----------------------------------------------------------------------------

namespace {

void put32(std::vector<uint8_t>& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void put64(std::vector<uint8_t>& out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}
uint32_t get32(const uint8_t* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}
uint64_t get64(const uint8_t* p) { return uint64_t(get32(p)) | uint64_t(get32(p + 4)) << 32; }

Error io_error(const std::string& what, int err) {
  const bool full = err == ENOSPC || err == EDQUOT;
  return make_error(full ? Str::store_full : Str::store_not_saved, what + ": " + std::strerror(err));
}

}  // namespace

uint64_t record_checksum(const CommitRecord& record) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 16);
  std::vector<uint8_t> head;
  put64(head, record.sequence);
  put32(head, record.page_size);
  put32(head, record.page_count);
  put32(head, static_cast<uint32_t>(record.pages.size()));
  crypto_generichash_update(&state, head.data(), head.size());
  for (const auto& page : record.pages) {
    std::vector<uint8_t> number;
    put32(number, page.number);
    put32(number, static_cast<uint32_t>(page.bytes.size()));
    crypto_generichash_update(&state, number.data(), number.size());
    crypto_generichash_update(&state, page.bytes.data(), page.bytes.size());
  }
  uint8_t digest[16];
  crypto_generichash_final(&state, digest, sizeof digest);
  return get64(digest);
}

void seal(CommitRecord& record) { record.checksum = record_checksum(record); }
bool checksum_ok(const CommitRecord& record) { return record.checksum == record_checksum(record); }

Status apply_record(Image& image, const CommitRecord& record) {
  if (!checksum_ok(record))
    return make_error(Str::store_damaged, "commit record checksum mismatch", "checksum");
  const bool base = image.sequence == 0;
  if (!base && record.sequence != image.sequence + 1) {
    return make_error(Str::store_damaged,
                      "commit record " + std::to_string(record.sequence) + " does not follow " +
                          std::to_string(image.sequence),
                      "sequence");
  }
  // The first record of a log must be complete unless it is record 1 (a
  // compacted log starts with the whole image under its last sequence).
  if (base && record.sequence != 1 && record.pages.size() != record.page_count) {
    return make_error(Str::store_damaged, "first commit record is not a full image", "sequence");
  }
  if (record.page_size == 0 || (image.page_size != 0 && image.page_size != record.page_size)) {
    return make_error(Str::store_damaged, "commit record changes the page size", "page size");
  }
  for (const auto& page : record.pages) {
    if (page.number == 0 || page.number > record.page_count || page.bytes.size() != record.page_size) {
      return make_error(Str::store_damaged, "commit record page out of range", "page");
    }
  }
  image.bytes.resize(size_t(record.page_size) * record.page_count);
  for (const auto& page : record.pages) {
    std::memcpy(image.bytes.data() + size_t(page.number - 1) * record.page_size, page.bytes.data(),
                record.page_size);
  }
  image.sequence = record.sequence;
  image.page_size = record.page_size;
  image.page_count = record.page_count;
  return {};
}

//-----------------------------------------------------------------------------
// [SECTION] MemoryPageStore (tests; fault injection)
//-----------------------------------------------------------------------------

Result<Image> MemoryPageStore::load() { return image_after(records_.size()); }

Result<Image> MemoryPageStore::image_after(size_t count) const {
  Image image;
  for (size_t i = 0; i < count && i < records_.size(); ++i) BB_TRY(apply_record(image, records_[i]));
  return image;
}

void MemoryPageStore::fail_commit(int nth, bool as_full) {
  fail_countdown_ = nth;
  fail_as_full_ = as_full;
}

Status MemoryPageStore::commit(CommitRecord record) {
  if (fail_countdown_ > 0 && --fail_countdown_ == 0) {
    notify({record.sequence, false, "injected fault"});
    return make_error(fail_as_full_ ? Str::store_full : Str::store_not_saved, "injected commit fault");
  }
  const uint64_t expected = records_.empty() ? 1 : records_.back().sequence + 1;
  if (record.sequence != expected || !checksum_ok(record)) {
    return make_error(Str::store_not_saved, "commit record out of order or damaged");
  }
  const uint64_t sequence = record.sequence;
  records_.push_back(std::move(record));
  notify({sequence, true, {}});
  return {};
}

//-----------------------------------------------------------------------------
// [SECTION] FilePageStore (native; append-only log with compaction)
//-----------------------------------------------------------------------------

namespace {

constexpr char kLogMagic[8] = {'B', 'B', 'P', 'A', 'G', 'E', 'S', '1'};
constexpr char kRecordMagic[4] = {'B', 'B', 'C', 'R'};
constexpr size_t kRecordFixed = 4 + 4 + 8 + 4 + 4 + 4 + 8;  // magic..count of pages + checksum

std::vector<uint8_t> serialize(const CommitRecord& record) {
  std::vector<uint8_t> out;
  out.reserve(kRecordFixed + record.pages.size() * (4 + size_t(record.page_size)));
  for (char c : kRecordMagic) out.push_back(static_cast<uint8_t>(c));
  put32(out, 0);  // length, patched below
  put64(out, record.sequence);
  put32(out, record.page_size);
  put32(out, record.page_count);
  put32(out, static_cast<uint32_t>(record.pages.size()));
  for (const auto& page : record.pages) {
    put32(out, page.number);
    out.insert(out.end(), page.bytes.begin(), page.bytes.end());
  }
  put64(out, record.checksum);
  const auto length = static_cast<uint32_t>(out.size());
  for (int i = 0; i < 4; ++i) out[4 + i] = static_cast<uint8_t>(length >> (8 * i));
  return out;
}

// Parses one record from `data` (exactly its length). False if malformed.
bool parse(const std::vector<uint8_t>& data, CommitRecord& record) {
  if (data.size() < kRecordFixed) return false;
  const uint8_t* p = data.data() + 8;
  record.sequence = get64(p);
  record.page_size = get32(p + 8);
  record.page_count = get32(p + 12);
  const uint32_t n = get32(p + 16);
  p += 20;
  if (record.page_size == 0 || data.size() != kRecordFixed + size_t(n) * (4 + size_t(record.page_size))) {
    return false;
  }
  record.pages.resize(n);
  for (auto& page : record.pages) {
    page.number = get32(p);
    page.bytes.assign(p + 4, p + 4 + record.page_size);
    p += 4 + record.page_size;
  }
  record.checksum = get64(p);
  return checksum_ok(record);
}

bool write_all(int fd, const uint8_t* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

void sync_parent_dir(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  const int fd = ::open(dir.c_str(), O_RDONLY);
  if (fd < 0) return;
  (void)::fsync(fd);  // not every file system syncs directories; the rename is still atomic
  ::close(fd);
}

}  // namespace

bool FilePageStore::empty() {
  if (loaded_) return last_sequence_ == 0;
  struct stat st {};
  return ::stat(path_.c_str(), &st) != 0 || st.st_size <= static_cast<off_t>(sizeof kLogMagic);
}

Result<Image> FilePageStore::load() {
  Image image;
  loaded_ = true;
  log_bytes_ = 0;
  image_bytes_ = 0;
  last_sequence_ = 0;
  std::FILE* f = std::fopen(path_.c_str(), "rb");
  if (!f) {
    if (errno == ENOENT) return image;
    return make_error(Str::store_unreadable, "open " + path_ + ": " + std::strerror(errno), path_);
  }
  char magic[8];
  uint64_t valid = 0;
  if (std::fread(magic, 1, 8, f) == 8 && std::memcmp(magic, kLogMagic, 8) == 0) {
    valid = 8;
    std::vector<uint8_t> buffer;
    for (;;) {
      uint8_t head[8];
      if (std::fread(head, 1, 8, f) != 8 || std::memcmp(head, kRecordMagic, 4) != 0) break;
      const uint32_t length = get32(head + 4);
      if (length < kRecordFixed) break;
      buffer.assign(head, head + 8);
      buffer.resize(length);
      if (std::fread(buffer.data() + 8, 1, length - 8, f) != length - 8) break;  // torn append
      CommitRecord record;
      if (!parse(buffer, record)) break;
      if (!apply_record(image, record).ok()) break;
      valid += length;
    }
  } else {
    std::fclose(f);
    struct stat st {};
    if (::stat(path_.c_str(), &st) == 0 && st.st_size == 0) return image;  // created, never written
    return make_error(Str::store_unreadable, path_ + " is not a page log", path_);
  }
  std::fclose(f);
  // Cut off a torn tail so the next append follows the last good record.
  struct stat st {};
  if (::stat(path_.c_str(), &st) == 0 && static_cast<uint64_t>(st.st_size) > valid) {
    if (::truncate(path_.c_str(), static_cast<off_t>(valid)) != 0) {
      return make_error(Str::store_unreadable, "truncate torn tail: " + std::string(std::strerror(errno)),
                        path_);
    }
  }
  log_bytes_ = valid;
  image_bytes_ = image.bytes.size();
  last_sequence_ = image.sequence;
  return image;
}

Status FilePageStore::commit(CommitRecord record) {
  if (!loaded_) {
    auto image = load();
    if (!image.ok()) return image.error();
  }
  if (record.sequence != last_sequence_ + 1 || !checksum_ok(record)) {
    return make_error(Str::store_not_saved, "commit record out of order or damaged");
  }
  const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT, 0600);
  if (fd < 0) return io_error("open " + path_, errno);
  const uint64_t before = log_bytes_;
  bool ok = true;
  int err = 0;
  if (before < sizeof kLogMagic) {  // a new log: write the magic first
    ok = ::ftruncate(fd, 0) == 0 && ::lseek(fd, 0, SEEK_SET) == 0 &&
         write_all(fd, reinterpret_cast<const uint8_t*>(kLogMagic), sizeof kLogMagic);
    log_bytes_ = sizeof kLogMagic;
  }
  const auto bytes = serialize(record);
  if (ok)
    ok = ::lseek(fd, static_cast<off_t>(log_bytes_), SEEK_SET) >= 0 &&
         write_all(fd, bytes.data(), bytes.size());
  if (ok) ok = ::fsync(fd) == 0;
  if (!ok) {
    err = errno;
    // Leave the log as it was: the torn bytes would be cut at the next load anyway.
    (void)::ftruncate(fd, static_cast<off_t>(before));
    ::close(fd);
    log_bytes_ = before;
    notify({record.sequence, false, std::strerror(err)});
    return io_error("append to " + path_, err);
  }
  ::close(fd);
  log_bytes_ += bytes.size();
  last_sequence_ = record.sequence;
  image_bytes_ = uint64_t(record.page_size) * record.page_count;
  notify({record.sequence, true, {}});
  if (log_bytes_ > 2 * image_bytes_ + compact_threshold)
    (void)compact();  // the log stays valid if this fails
  return {};
}

Status FilePageStore::compact() {
  auto image = load();
  if (!image.ok()) return image.error();
  if (image->sequence == 0) return {};
  CommitRecord whole;
  whole.sequence = image->sequence;
  whole.page_size = image->page_size;
  whole.page_count = image->page_count;
  whole.pages.resize(image->page_count);
  for (uint32_t i = 0; i < image->page_count; ++i) {
    whole.pages[i].number = i + 1;
    const auto* at = image->bytes.data() + size_t(i) * image->page_size;
    whole.pages[i].bytes.assign(at, at + image->page_size);
  }
  seal(whole);
  const std::string temp = path_ + ".compact";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return io_error("open " + temp, errno);
  const auto bytes = serialize(whole);
  bool ok = write_all(fd, reinterpret_cast<const uint8_t*>(kLogMagic), sizeof kLogMagic) &&
            write_all(fd, bytes.data(), bytes.size()) && ::fsync(fd) == 0;
  const int err = errno;
  ::close(fd);
  if (!ok || std::rename(temp.c_str(), path_.c_str()) != 0) {
    ::unlink(temp.c_str());
    return io_error("compact " + path_, ok ? errno : err);
  }
  sync_parent_dir(path_);
  log_bytes_ = sizeof kLogMagic + bytes.size();
  return {};
}

//-----------------------------------------------------------------------------
// [SECTION] QueuedPageStore (asynchronous sinks such as IndexedDB)
//-----------------------------------------------------------------------------

Result<Image> QueuedPageStore::load() {
  auto image = sink_.load();
  if (!image.ok()) return image.error();
  for (const auto& record : queue_) {
    if (record.sequence <= image->sequence) continue;  // became durable meanwhile
    BB_TRY(apply_record(*image, record));
  }
  last_accepted_ = image->sequence;
  return image;
}

bool QueuedPageStore::empty() {
  if (!queue_.empty() || last_accepted_ != 0) return false;
  return sink_.empty();
}

Status QueuedPageStore::commit(CommitRecord record) {
  if (record.sequence != last_accepted_ + 1 || !checksum_ok(record)) {
    return make_error(Str::store_not_saved, "commit record out of order or damaged");
  }
  last_accepted_ = record.sequence;
  queue_.push_back(std::move(record));
  start_next();
  return {};
}

void QueuedPageStore::retry() {
  if (!stopped_) return;
  stopped_ = false;
  start_next();
}

void QueuedPageStore::start_next() {
  if (writing_ || stopped_ || queue_.empty()) return;
  writing_ = true;
  const uint64_t sequence = queue_.front().sequence;
  sink_.write(queue_.front(), [this, sequence](Status status) { on_done(sequence, std::move(status)); });
}

void QueuedPageStore::on_done(uint64_t sequence, Status status) {
  writing_ = false;
  if (queue_.empty() || queue_.front().sequence != sequence) return;  // stale callback
  if (!status.ok()) {
    stopped_ = true;  // keep this record and all later ones for retry()
    notify({sequence, false, status.error().detail, status.error().message});
    return;
  }
  queue_.pop_front();
  notify({sequence, true, {}});
  start_next();
}

}  // namespace bb::store
