// libFuzzer target: the backup import validator (src/exchange/backup.h).
// The input is the PLAINTEXT of a backup (header line + SQLite image), which
// is what an attacker who knows the passphrase controls; it is wrapped in a
// valid age file (fixed passphrase, scrypt 2^1 for speed) and pushed through
// BackupReader in pieces whose size comes from the first input byte.
// Properties: never crash, never hang; an accepted backup has a header that
// round-trips and an image of exactly image_bytes; an error is always one of
// the backup kinds with a German text.
#include <cstdlib>
#include <string>

#include "crypto/age.h"
#include "crypto/scrypt.h"
#include "exchange/backup.h"

using namespace bb;
using namespace bb::crypto;
using namespace bb::exchange;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const size_t piece = 1 + data[0] * 97;
  const ByteView plain(data + 1, size - 1);
  auto file = encrypt(plain, {std::make_shared<ScryptRecipient>("fuzz", 1)});
  if (!file.ok()) std::abort();
  BackupLimits limits;
  limits.max_image_bytes = 1 << 20;
  BackupReader reader({std::make_shared<ScryptIdentity>("fuzz")}, limits);
  Status st;
  for (size_t off = 0; st.ok() && off < file->size(); off += piece) {
    st = reader.write(ByteView(file->data() + off, std::min(piece, file->size() - off)));
  }
  if (!st.ok()) {
    if (st.error().text().empty()) std::abort();
    return 0;
  }
  auto backup = reader.finish();
  if (!backup.ok()) {
    if (backup.error().text().empty()) std::abort();
    return 0;
  }
  const auto& h = backup->header();
  if (h.format != "begleitbuch-backup" || h.version != kBackupVersion) std::abort();
  if (h.image_bytes != h.page_size * h.page_count || h.image_bytes > limits.max_image_bytes) std::abort();
  auto again = parse_backup_header(format_backup_header(h), limits);
  if (!again.ok() || format_backup_header(*again) != format_backup_header(h)) std::abort();
  return 0;
}
