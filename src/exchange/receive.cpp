// Empfang of a handover file (receive.h).
#include "exchange/receive.h"

#include <sodium.h>

#include <ctime>

#include "crypto/age.h"
#include "store/sql.h"

namespace bb::exchange {
namespace {

using store::Statement;

// age's own errors, worded for a handover (the file was not opened).
Error map_decrypt_error(const Error& e) {
  if (e.is(Str::age_err_wrong_passphrase)) return make_error(Str::handover_err_wrong_passphrase, e.detail);
  if (e.is(Str::age_err_no_match)) return make_error(Str::handover_err_wrong_key, e.detail);
  if (e.is(Str::age_err_not_age_file) || e.is(Str::age_err_header_damaged) || e.is(Str::age_err_header_mac) ||
      e.is(Str::age_err_payload_damaged) || e.is(Str::age_err_armor) || e.is(Str::age_err_scrypt_not_alone) ||
      e.is(Str::age_err_unsupported_version) || e.is(Str::age_err_unsupported_type)) {
    return make_error(Str::handover_err_damaged, e.detail);
  }
  return e;  // work factor too high, no identities, ...
}

std::string sha256_hex(std::string_view text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

constexpr const char* kColumns =
    "id, document_id, created, sender, recipient_name, purpose, basis, family_name, received_at";

ReceivedCase read_row(const Statement& s) {
  ReceivedCase r;
  int i = 0;
  r.id = s.column_int(i++);
  r.document_id = s.column_text(i++);
  r.created = s.column_text(i++);
  r.sender = s.column_text(i++);
  r.recipient_name = s.column_text(i++);
  r.purpose = s.column_text(i++);
  r.basis = s.column_text(i++);
  r.family_name = s.column_text(i++);
  r.received_at = s.column_text(i++);
  return r;
}

}  // namespace

Result<OpenedHandover> open_handover(crypto::ByteView file,
                                     const std::vector<crypto::IdentityPtr>& identities,
                                     const HandoverLimits& limits) {
  // age adds a header, 16 bytes per 64 KiB chunk, and armor 4/3: twice the
  // document limit bounds every honest file; the document limit is then
  // checked exactly on the plaintext.
  if (file.size > 2 * limits.max_bytes + (64u << 10))
    return make_error(Str::handover_err_limits, "handover: file larger than allowed");
  auto plain = crypto::decrypt(file, identities);
  if (!plain.ok()) return map_decrypt_error(plain.error());
  OpenedHandover out;
  out.json.assign(plain->begin(), plain->end());
  sodium_memzero(plain->data(), plain->size());
  auto doc = parse_handover_document(out.json, limits);
  if (!doc.ok()) return doc.error();
  out.document = std::move(*doc);
  out.sha256 = sha256_hex(out.json);
  out.preview = handover_report_text(out.document);
  return out;
}

Result<ImportOutcome> import_handover(store::Store& store, const OpenedHandover& opened) {
  ImportOutcome out;
  const auto& d = opened.document;
  auto st = store::with_transaction(store, [&](sqlite3* db) -> Status {
    auto existing = Statement::prepare(db, (std::string("SELECT ") + kColumns +
                                            ", document_sha256 FROM received_cases WHERE document_id = ?1")
                                               .c_str());
    if (!existing.ok()) return existing.error();
    existing->bind(1, d.id);
    auto row = existing->step();
    if (!row.ok()) return row.error();
    if (*row) {
      if (existing->column_text(9) != opened.sha256) {
        return make_error(Str::handover_err_conflict,
                          "handover: document " + d.id + " was received before with other content",
                          existing->column_text(8).substr(0, 10));
      }
      out.received = read_row(*existing);
      out.already_received = true;
      return {};
    }
    auto insert = Statement::prepare(
        db,
        "INSERT INTO received_cases(document_id, document_sha256, format_version, created, sender, "
        "recipient_name, purpose, basis, family_name, document, received_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    if (!insert.ok()) return insert.error();
    insert->bind(1, d.id).bind(2, opened.sha256).bind(3, d.version).bind(4, d.created).bind(5, d.sender);
    insert->bind(6, d.recipient_name).bind(7, d.purpose).bind(8, d.basis).bind(9, d.family_name);
    insert->bind(10, opened.json).bind(11, utc_now());
    BB_TRY(insert->run());
    auto back = Statement::prepare(
        db,
        (std::string("SELECT ") + kColumns + " FROM received_cases WHERE id = last_insert_rowid()").c_str());
    if (!back.ok()) return back.error();
    auto got = back->step();
    if (!got.ok()) return got.error();
    if (!*got) return make_error(Str::err_internal, "received case not read back");
    out.received = read_row(*back);
    return {};
  });
  if (!st.ok()) return st.error();
  return out;
}

Result<std::vector<ReceivedCase>> list_received_cases(const store::Store& store) {
  auto s = Statement::prepare(
      store.db(), (std::string("SELECT ") + kColumns + " FROM received_cases ORDER BY id").c_str());
  if (!s.ok()) return s.error();
  std::vector<ReceivedCase> out;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out.push_back(read_row(*s));
  }
  return out;
}

Result<HandoverDocument> load_received_document(const store::Store& store, int64_t id) {
  auto s = Statement::prepare(store.db(), "SELECT document FROM received_cases WHERE id = ?1");
  if (!s.ok()) return s.error();
  s->bind(1, id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) return make_error(Str::err_internal, "received case " + std::to_string(id) + " not found");
  return parse_handover_document(s->column_text(0));
}

}  // namespace bb::exchange
