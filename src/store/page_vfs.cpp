/*
** The persistence VFS "bb-pages": the main database file lives in memory as
** pages; a PageStore (page_store.h) keeps it between sessions.
**
** WHAT REACHES THE PAGE STORE, AND WHEN
**   Only the main database file, only ciphertext, and only at a commit point:
**   SQLite3MC's cipher shim ("multipleciphers-bb-pages", sqlite3mc_vfs_create)
**   sits ABOVE this VFS, so every page written here is already encrypted. All
**   writes and truncations since the last commit are "pending"; at a commit
**   point the pages that differ from the committed file become ONE
**   CommitRecord {sequence, page size, page count, pages, checksum} and
**   PageStore::commit() gets it. The commit points are:
**     1. SQLITE_FCNTL_COMMIT_ATOMIC_WRITE: the normal case. The VFS advertises
**        SQLITE_IOCAP_BATCH_ATOMIC and the connection runs journal_mode=MEMORY
**        with synchronous=FULL, so the pager writes a transaction's pages
**        between BEGIN_ATOMIC_WRITE and COMMIT_ATOMIC_WRITE and never writes
**        a journal file. Pages spilled from a full page cache before BEGIN are
**        pending as well and go into the same record.
**     2. xSync of the main file with pending writes: the pager's non-batch path
**        (after a batch failed with an I/O error, or with a journal file).
**     3. SQLITE_FCNTL_COMMIT_PHASETWO with pending writes: the pager shrinks
**        the file after the commit (VACUUM, auto-vacuum); the record then has
**        no pages and a smaller page count. Losing it is harmless.
**   Nothing else is ever persisted: journal and temporary files stay in memory
**   and die with the process, which is safe because every commit is atomic
**   in the PageStore (no hot journal can ever be needed).
**
** FAILURES
**   SQLITE_FCNTL_ROLLBACK_ATOMIC_WRITE restores the file to its state at
**   BEGIN_ATOMIC_WRITE (sqlite.org/c3ref/c_fcntl_begin_atomic_write.html).
**   When the PageStore refuses a record, the file returns to the last
**   committed state and COMMIT_ATOMIC_WRITE returns SQLITE_FULL (store full)
**   or SQLITE_ERROR: deliberately not an SQLITE_IOERR_* code, which would make
**   the pager retry the same commit through a journal and hide the failure.
**   The pager then discards its cache and rereads the committed file.
**
** ASYNCHRONOUS STORES
**   xSync cannot wait for IndexedDB without Asyncify. A QueuedPageStore
**   accepts the record at once (it is ordered and kept until durable) and
**   reports durability per record to its listener; see docs/store.md.
**
** Single connection per file, one thread (the wasm build has none); the
** registry of attached stores is guarded by a mutex for the native CLI.
*/
#include "store/page_vfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace bb::store {
namespace {

constexpr const char* kVfsName = "bb-pages";
constexpr const char* kCipherVfsName = "multipleciphers-bb-pages";

//-----------------------------------------------------------------------------
// State shared by the VFS: attached stores and in-memory side files.
//-----------------------------------------------------------------------------

struct Attachment {
  PageStore* store = nullptr;  // the backing of the main file
  PageVfsStats stats;          // updated at each commit point
  bool open = false;           // a connection has the main file open
};

/* The main database file. Locking rule: touched only by the one connection
** that opened it; `registry_mutex` guards the map of attachments only. */
struct MainFile {
  std::string name;            // the attachment's name
  PageStore* store = nullptr;  // where commit records go
  uint32_t page_size = 0;      // 0 until the first write or load
  std::vector<uint8_t> data;   // the whole file: ciphertext, page after page
  uint64_t sequence = 0;       // sequence of the last committed record
  size_t committed_size = 0;   // data.size() at the last commit
  // Page index -> its bytes before its first change since the last commit
  // (nullopt: the page did not exist). Restores the committed file on failure.
  std::map<uint32_t, std::optional<std::vector<uint8_t>>> before_commit;
  // The same since BEGIN_ATOMIC_WRITE, for ROLLBACK_ATOMIC_WRITE.
  std::map<uint32_t, std::optional<std::vector<uint8_t>>> before_batch;
  size_t batch_size = 0;  // data.size() at BEGIN_ATOMIC_WRITE
  bool in_batch = false;  // between BEGIN and COMMIT/ROLLBACK_ATOMIC_WRITE
};

/* A journal, temp or other side file: memory only, never persisted. */
struct SideFile {
  std::vector<uint8_t> data;  // the file's bytes
};

std::mutex registry_mutex;
std::map<std::string, Attachment> attachments;                      // by main file name
std::map<std::string, std::shared_ptr<SideFile>> named_side_files;  // journals by name
sqlite3_vfs* real_vfs = nullptr;                                    // the OS VFS: time, randomness, sleep

//-----------------------------------------------------------------------------
// The file object: sqlite3_file base first, as SQLite requires.
//-----------------------------------------------------------------------------

struct PageVfsFile {
  sqlite3_file base;                // must be first: SQLite's view of the file
  MainFile* main;                   // the main database, or nullptr
  std::shared_ptr<SideFile>* side;  // a side file, or nullptr (heap: the struct is raw memory)
  std::string* side_name;           // the side file's name if named (for delete-on-close)
  bool delete_on_close;             // SQLITE_OPEN_DELETEONCLOSE
  int lock;                         // SQLITE_LOCK_*: tracked, never contended
};

/* Forward declarations of the io methods. */
int pvClose(sqlite3_file*);
int pvRead(sqlite3_file*, void*, int iAmt, sqlite3_int64 iOfst);
int pvWrite(sqlite3_file*, const void*, int iAmt, sqlite3_int64 iOfst);
int pvTruncate(sqlite3_file*, sqlite3_int64 size);
int pvSync(sqlite3_file*, int flags);
int pvFileSize(sqlite3_file*, sqlite3_int64* pSize);
int pvLock(sqlite3_file*, int);
int pvUnlock(sqlite3_file*, int);
int pvCheckReservedLock(sqlite3_file*, int* pResOut);
int pvFileControl(sqlite3_file*, int op, void* pArg);
int pvSectorSize(sqlite3_file*);
int pvDeviceCharacteristics(sqlite3_file*);

/* Forward declarations of the VFS methods. */
int pvOpen(sqlite3_vfs*, const char* zName, sqlite3_file*, int flags, int* pOutFlags);
int pvDelete(sqlite3_vfs*, const char* zName, int syncDir);
int pvAccess(sqlite3_vfs*, const char* zName, int flags, int* pResOut);
int pvFullPathname(sqlite3_vfs*, const char* zName, int nOut, char* zOut);
int pvRandomness(sqlite3_vfs*, int nByte, char* zOut);
int pvSleep(sqlite3_vfs*, int microseconds);
int pvCurrentTime(sqlite3_vfs*, double*);
int pvGetLastError(sqlite3_vfs*, int, char*);
int pvCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64*);

const sqlite3_io_methods page_io_methods = {
    1,                       /* iVersion: no shared memory (no WAL), no mmap */
    pvClose,                 /* xClose */
    pvRead,                  /* xRead: from memory; short reads zero-fill */
    pvWrite,                 /* xWrite: into memory; pending until a commit point */
    pvTruncate,              /* xTruncate: pending until a commit point */
    pvSync,                  /* xSync: commit point 2 (non-batch path) */
    pvFileSize,              /* xFileSize */
    pvLock,                  /* xLock: one connection; tracked only */
    pvUnlock,                /* xUnlock */
    pvCheckReservedLock,     /* xCheckReservedLock: never held by others */
    pvFileControl,           /* xFileControl: BEGIN/COMMIT/ROLLBACK_ATOMIC_WRITE, COMMIT_PHASETWO */
    pvSectorSize,            /* xSectorSize */
    pvDeviceCharacteristics, /* xDeviceCharacteristics: BATCH_ATOMIC and friends */
    0,                       /* xShmMap */
    0,                       /* xShmLock */
    0,                       /* xShmBarrier */
    0,                       /* xShmUnmap */
    0,                       /* xFetch */
    0,                       /* xUnfetch */
};

sqlite3_vfs page_vfs = {
    2,                   /* iVersion */
    sizeof(PageVfsFile), /* szOsFile */
    512,                 /* mxPathname */
    nullptr,             /* pNext */
    kVfsName,            /* zName */
    nullptr,             /* pAppData */
    pvOpen,              /* xOpen */
    pvDelete,            /* xDelete: side files only */
    pvAccess,            /* xAccess: side files only; no hot journal ever */
    pvFullPathname,      /* xFullPathname: names are keys, not paths */
    nullptr,             /* xDlOpen */
    nullptr,             /* xDlError */
    nullptr,             /* xDlSym */
    nullptr,             /* xDlClose */
    pvRandomness,        /* xRandomness: the OS VFS */
    pvSleep,             /* xSleep: the OS VFS */
    pvCurrentTime,       /* xCurrentTime: the OS VFS */
    pvGetLastError,      /* xGetLastError */
    pvCurrentTimeInt64,  /* xCurrentTimeInt64: the OS VFS */
    nullptr,             /* xSetSystemCall */
    nullptr,             /* xGetSystemCall */
    nullptr,             /* xNextSystemCall */
};

//-----------------------------------------------------------------------------
// Pending changes, commit and rollback of the main file.
//-----------------------------------------------------------------------------

std::optional<std::vector<uint8_t>> page_bytes(const MainFile& f, uint32_t index) {
  const size_t at = size_t(index) * f.page_size;
  if (f.page_size == 0 || at + f.page_size > f.data.size()) return std::nullopt;
  return std::vector<uint8_t>(f.data.begin() + static_cast<long>(at),
                              f.data.begin() + static_cast<long>(at + f.page_size));
}

// Remembers page `index` as it is now, before it changes.
void capture(MainFile& f, uint32_t index) {
  if (!f.before_commit.count(index)) f.before_commit.emplace(index, page_bytes(f, index));
  if (f.in_batch && !f.before_batch.count(index)) f.before_batch.emplace(index, page_bytes(f, index));
}

void capture_range(MainFile& f, size_t from, size_t to) {
  if (f.page_size == 0 || to <= from) return;
  for (size_t i = from / f.page_size; i * f.page_size < to; ++i) capture(f, static_cast<uint32_t>(i));
}

void restore(MainFile& f, const std::map<uint32_t, std::optional<std::vector<uint8_t>>>& before,
             size_t size) {
  f.data.resize(size);
  for (const auto& [index, bytes] : before) {
    if (bytes && size_t(index + 1) * f.page_size <= size) {
      std::memcpy(f.data.data() + size_t(index) * f.page_size, bytes->data(), f.page_size);
    }
  }
}

void revert_to_committed(MainFile& f) {
  restore(f, f.before_commit, f.committed_size);
  f.before_commit.clear();
  f.before_batch.clear();
}

Attachment* attachment(const std::string& name) {
  auto it = attachments.find(name);
  return it == attachments.end() ? nullptr : &it->second;
}

// A commit point: hands the pending changes to the PageStore as one record.
int commit_pending(MainFile& f) {
  const uint32_t page_count = f.page_size ? static_cast<uint32_t>(f.data.size() / f.page_size) : 0;
  CommitRecord record;
  for (const auto& [index, old] : f.before_commit) {
    if (index >= page_count) continue;
    const uint8_t* now = f.data.data() + size_t(index) * f.page_size;
    if (old && std::memcmp(old->data(), now, f.page_size) == 0) continue;  // e.g. a journal playback
    record.pages.push_back({index + 1, std::vector<uint8_t>(now, now + f.page_size)});
  }
  if (record.pages.empty() && f.data.size() == f.committed_size) {
    f.before_commit.clear();
    return SQLITE_OK;
  }
  record.sequence = f.sequence + 1;
  record.page_size = f.page_size;
  record.page_count = page_count;
  seal(record);
  const size_t pages = record.pages.size();
  const uint64_t sequence = record.sequence;
  const Status status = f.store->commit(std::move(record));
  std::lock_guard<std::mutex> guard(registry_mutex);
  Attachment* att = attachment(f.name);
  if (!status.ok()) {
    revert_to_committed(f);
    if (att) {
      att->stats.failed_commits++;
      att->stats.last_error = status.error().detail;
    }
    return status.error().is(Str::store_full) ? SQLITE_FULL : SQLITE_ERROR;
  }
  f.sequence = sequence;
  f.committed_size = f.data.size();
  f.before_commit.clear();
  if (att) {
    att->stats.commits++;
    att->stats.last_commit_pages = pages;
    att->stats.sequence = sequence;
  }
  return SQLITE_OK;
}

//-----------------------------------------------------------------------------
// io methods
//-----------------------------------------------------------------------------

std::vector<uint8_t>& bytes_of(PageVfsFile* p) { return p->main ? p->main->data : (*p->side)->data; }

int pvClose(sqlite3_file* file) {
  auto* p = reinterpret_cast<PageVfsFile*>(file);
  if (p->main) {
    // Uncommitted writes never outlive the connection.
    std::lock_guard<std::mutex> guard(registry_mutex);
    if (Attachment* att = attachment(p->main->name)) att->open = false;
    delete p->main;
  } else if (p->side) {
    if (p->delete_on_close && p->side_name) {
      std::lock_guard<std::mutex> guard(registry_mutex);
      named_side_files.erase(*p->side_name);
    }
    delete p->side;
    delete p->side_name;
  }
  p->main = nullptr;
  p->side = nullptr;
  p->side_name = nullptr;
  return SQLITE_OK;
}

int pvRead(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
  auto* p = reinterpret_cast<PageVfsFile*>(file);
  const auto& data = bytes_of(p);
  auto* out = static_cast<uint8_t*>(buffer);
  size_t got = 0;
  if (offset >= 0 && static_cast<size_t>(offset) < data.size()) {
    got = std::min(static_cast<size_t>(amount), data.size() - static_cast<size_t>(offset));
    std::memcpy(out, data.data() + offset, got);
  }
  if (got < static_cast<size_t>(amount)) {
    std::memset(out + got, 0, static_cast<size_t>(amount) - got);
    return SQLITE_IOERR_SHORT_READ;
  }
  return SQLITE_OK;
}

int pvWrite(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
  auto* p = reinterpret_cast<PageVfsFile*>(file);
  if (offset < 0 || amount < 0) return SQLITE_IOERR_WRITE;
  const size_t end = static_cast<size_t>(offset) + static_cast<size_t>(amount);
  try {
    if (p->main) {
      MainFile& f = *p->main;
      if (f.page_size == 0) {
        if (offset != 0 || amount < 512) return SQLITE_IOERR_WRITE;  // SQLite writes page 1 first
        f.page_size = static_cast<uint32_t>(amount);
      }
      if (offset % f.page_size != 0 || amount % f.page_size != 0) {
        return SQLITE_IOERR_WRITE;  // SQLite writes whole pages; the page size never changes here
      }
      capture_range(f, static_cast<size_t>(offset), end);
      // Pages skipped by a write past the end exist from now on (zero-filled).
      capture_range(f, f.data.size(), static_cast<size_t>(offset));
    }
    auto& data = bytes_of(p);
    if (data.size() < end) data.resize(end);
    std::memcpy(data.data() + offset, buffer, static_cast<size_t>(amount));
  } catch (const std::bad_alloc&) {
    return SQLITE_IOERR_NOMEM;
  }
  return SQLITE_OK;
}

int pvTruncate(sqlite3_file* file, sqlite3_int64 size) {
  auto* p = reinterpret_cast<PageVfsFile*>(file);
  if (size < 0) return SQLITE_IOERR_TRUNCATE;
  auto& data = bytes_of(p);
  if (p->main) {
    MainFile& f = *p->main;
    if (f.page_size && size % f.page_size != 0) return SQLITE_IOERR_TRUNCATE;
    if (static_cast<size_t>(size) < data.size())
      capture_range(f, static_cast<size_t>(size), data.size());
    else
      capture_range(f, data.size(), static_cast<size_t>(size));
  }
  data.resize(static_cast<size_t>(size));
  return SQLITE_OK;
}

int pvSync(sqlite3_file* file, int) {
  auto* p = reinterpret_cast<PageVfsFile*>(file);
  if (!p->main || p->main->in_batch) return SQLITE_OK;
  if (p->main->before_commit.empty() && p->main->data.size() == p->main->committed_size) return SQLITE_OK;
  const int rc = commit_pending(*p->main);
  return rc == SQLITE_OK ? SQLITE_OK : (rc == SQLITE_FULL ? SQLITE_FULL : SQLITE_IOERR_FSYNC);
}

int pvFileSize(sqlite3_file* file, sqlite3_int64* size) {
  *size = static_cast<sqlite3_int64>(bytes_of(reinterpret_cast<PageVfsFile*>(file)).size());
  return SQLITE_OK;
}

int pvLock(sqlite3_file* file, int lock) {
  auto* p = reinterpret_cast<PageVfsFile*>(file);
  if (lock > p->lock) p->lock = lock;
  return SQLITE_OK;
}

int pvUnlock(sqlite3_file* file, int lock) {
  auto* p = reinterpret_cast<PageVfsFile*>(file);
  if (lock < p->lock) p->lock = lock;
  return SQLITE_OK;
}

int pvCheckReservedLock(sqlite3_file*, int* result) {
  *result = 0;  // one connection per file: nobody else can hold RESERVED
  return SQLITE_OK;
}

int pvFileControl(sqlite3_file* file, int op, void* arg) {
  auto* p = reinterpret_cast<PageVfsFile*>(file);
  if (!p->main) return SQLITE_NOTFOUND;
  MainFile& f = *p->main;
  switch (op) {
    case SQLITE_FCNTL_BEGIN_ATOMIC_WRITE:
      f.in_batch = true;
      f.before_batch.clear();
      f.batch_size = f.data.size();
      return SQLITE_OK;
    case SQLITE_FCNTL_COMMIT_ATOMIC_WRITE: {
      f.in_batch = false;
      f.before_batch.clear();
      return commit_pending(f);  // on failure the file is back at the last commit
    }
    case SQLITE_FCNTL_ROLLBACK_ATOMIC_WRITE: {
      if (f.in_batch) restore(f, f.before_batch, f.batch_size);
      f.in_batch = false;
      f.before_batch.clear();
      std::lock_guard<std::mutex> guard(registry_mutex);
      if (Attachment* att = attachment(f.name)) att->stats.batch_rollbacks++;
      return SQLITE_OK;
    }
    case SQLITE_FCNTL_COMMIT_PHASETWO:
      // A shrink after the commit (see header): persist it, or keep the larger
      // committed file, which is consistent too.
      if (!f.in_batch && (!f.before_commit.empty() || f.data.size() != f.committed_size)) {
        (void)commit_pending(f);
      }
      return SQLITE_OK;
    case SQLITE_FCNTL_VFSNAME:
      *static_cast<char**>(arg) = sqlite3_mprintf("%s", kVfsName);
      return SQLITE_OK;
    default:
      return SQLITE_NOTFOUND;
  }
}

int pvSectorSize(sqlite3_file*) { return 512; }

int pvDeviceCharacteristics(sqlite3_file*) {
  // BATCH_ATOMIC: see the header. SAFE_APPEND and POWERSAFE_OVERWRITE hold
  // because nothing reaches storage between commit points. Not ATOMIC: that
  // promise is about single writes reaching storage, which never happens here.
  return SQLITE_IOCAP_BATCH_ATOMIC | SQLITE_IOCAP_SAFE_APPEND | SQLITE_IOCAP_SEQUENTIAL |
         SQLITE_IOCAP_POWERSAFE_OVERWRITE | SQLITE_IOCAP_UNDELETABLE_WHEN_OPEN;
}

//-----------------------------------------------------------------------------
// VFS methods
//-----------------------------------------------------------------------------

int pvOpen(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  auto* p = reinterpret_cast<PageVfsFile*>(file);
  std::memset(p, 0, sizeof(PageVfsFile));
  try {
    if (flags & SQLITE_OPEN_MAIN_DB) {
      if (!name) return SQLITE_CANTOPEN;
      PageStore* store = nullptr;
      {
        std::lock_guard<std::mutex> guard(registry_mutex);
        Attachment* att = attachment(name);
        if (!att || att->open) return SQLITE_CANTOPEN;  // unknown name, or a second connection
        store = att->store;
      }
      if (!(flags & SQLITE_OPEN_CREATE) && store->empty()) return SQLITE_CANTOPEN;
      auto image = store->load();  // startup: every page comes from the PageStore
      if (!image.ok()) return SQLITE_CANTOPEN;
      auto* f = new MainFile;
      f->name = name;
      f->store = store;
      f->page_size = image->page_size;
      f->sequence = image->sequence;
      f->data = std::move(image->bytes);
      f->committed_size = f->data.size();
      p->main = f;
      std::lock_guard<std::mutex> guard(registry_mutex);
      Attachment* att = attachment(name);
      att->open = true;
      att->stats.sequence = f->sequence;
    } else {
      std::shared_ptr<SideFile> side;
      if (name) {
        std::lock_guard<std::mutex> guard(registry_mutex);
        auto& slot = named_side_files[name];
        if (!slot) {
          if (!(flags & SQLITE_OPEN_CREATE)) {
            named_side_files.erase(name);
            return SQLITE_CANTOPEN;
          }
          slot = std::make_shared<SideFile>();
        }
        side = slot;
        p->side_name = new std::string(name);
      } else {
        side = std::make_shared<SideFile>();
      }
      p->side = new std::shared_ptr<SideFile>(std::move(side));
      p->delete_on_close = (flags & SQLITE_OPEN_DELETEONCLOSE) != 0;
    }
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  }
  p->base.pMethods = &page_io_methods;
  if (out_flags) *out_flags = flags;
  return SQLITE_OK;
}

int pvDelete(sqlite3_vfs*, const char* name, int) {
  std::lock_guard<std::mutex> guard(registry_mutex);
  named_side_files.erase(name);
  return SQLITE_OK;
}

int pvAccess(sqlite3_vfs*, const char* name, int, int* result) {
  std::lock_guard<std::mutex> guard(registry_mutex);
  *result = named_side_files.count(name) ? 1 : 0;
  return SQLITE_OK;
}

int pvFullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
  sqlite3_snprintf(size, out, "%s", name);
  return SQLITE_OK;
}

int pvRandomness(sqlite3_vfs*, int size, char* out) { return real_vfs->xRandomness(real_vfs, size, out); }
int pvSleep(sqlite3_vfs*, int microseconds) { return real_vfs->xSleep(real_vfs, microseconds); }
int pvCurrentTime(sqlite3_vfs*, double* now) { return real_vfs->xCurrentTime(real_vfs, now); }
int pvGetLastError(sqlite3_vfs*, int, char*) { return 0; }
int pvCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* now) {
  if (real_vfs->iVersion >= 2 && real_vfs->xCurrentTimeInt64)
    return real_vfs->xCurrentTimeInt64(real_vfs, now);
  double day = 0;
  const int rc = real_vfs->xCurrentTime(real_vfs, &day);
  *now = static_cast<sqlite3_int64>(day * 86400000.0);
  return rc;
}

}  // namespace

//-----------------------------------------------------------------------------
// Public functions
//-----------------------------------------------------------------------------

Status register_page_vfs() {
  static std::once_flag once;
  static int rc = SQLITE_OK;
  std::call_once(once, [] {
    rc = sqlite3_initialize();
    if (rc != SQLITE_OK) return;
    real_vfs = sqlite3_vfs_find(nullptr);
    if (!real_vfs) {
      rc = SQLITE_ERROR;
      return;
    }
    rc = sqlite3_vfs_register(&page_vfs, 0);
    if (rc == SQLITE_OK) rc = sqlite3mc_vfs_create(kVfsName, 0);  // the cipher shim above it
  });
  if (rc != SQLITE_OK) {
    return make_error(Str::err_internal, std::string("register page vfs: ") + sqlite3_errstr(rc));
  }
  return {};
}

const char* page_vfs_name() { return kCipherVfsName; }

Status attach_page_store(const std::string& name, PageStore* store) {
  BB_TRY(register_page_vfs());
  std::lock_guard<std::mutex> guard(registry_mutex);
  auto& att = attachments[name];
  if (att.open) return make_error(Str::err_internal, "page store \"" + name + "\" is open");
  att = Attachment{};
  att.store = store;
  return {};
}

void detach_page_store(const std::string& name) {
  std::lock_guard<std::mutex> guard(registry_mutex);
  attachments.erase(name);
}

PageVfsStats page_vfs_stats(const std::string& name) {
  std::lock_guard<std::mutex> guard(registry_mutex);
  const Attachment* att = attachment(name);
  return att ? att->stats : PageVfsStats{};
}

}  // namespace bb::store
