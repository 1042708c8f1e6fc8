// The persistence VFS: keeps the main database file in memory as pages and
// hands each committed transaction's changed (already encrypted) pages to a
// PageStore as one CommitRecord. Implementation and contract: page_vfs.cpp,
// docs/store.md.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "store/page_store.h"

namespace bb::store {

// Registers "bb-pages" and the SQLite3MC cipher shim over it
// ("multipleciphers-bb-pages") once; later calls do nothing.
Status register_page_vfs();
// The name to pass to sqlite3_open_v2: the cipher shim over "bb-pages".
const char* page_vfs_name();

// What the VFS did for one attached file: for tests, benchmarks and the save indicator.
struct PageVfsStats {
  uint64_t commits = 0;            // records the PageStore accepted
  uint64_t last_commit_pages = 0;  // pages in the newest accepted record
  uint64_t failed_commits = 0;     // records the PageStore refused (transaction rolled back)
  uint64_t batch_rollbacks = 0;    // SQLITE_FCNTL_ROLLBACK_ATOMIC_WRITE received
  uint64_t sequence = 0;           // sequence of the last accepted record
  std::string last_error;          // the PageStore's detail of the last refusal
};

// Makes `store` the backing of the database file called `name` (open it with
// sqlite3_open_v2(name, ..., page_vfs_name())). One connection per name; the
// store must outlive the connection.
Status attach_page_store(const std::string& name, PageStore* store);
void detach_page_store(const std::string& name);
PageVfsStats page_vfs_stats(const std::string& name);

}  // namespace bb::store
