// Receiving keys in the encrypted store (keys.h).
#include "store/keys.h"

#include <sodium.h>

#include "crypto/fingerprint.h"
#include "crypto/keys.h"
#include "crypto/x25519.h"
#include "store/sql.h"

namespace bb::store {
namespace {

Result<std::string> clean_label(std::string_view label) {
  while (!label.empty() && (label.front() == ' ' || label.front() == '\t')) label.remove_prefix(1);
  while (!label.empty() && (label.back() == ' ' || label.back() == '\t')) label.remove_suffix(1);
  size_t code_points = 0;
  for (const char ch : label) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) return make_error(Str::keys_err_label, "control character in label");
    if ((c & 0xC0) != 0x80) ++code_points;
  }
  if (code_points > 200) return make_error(Str::keys_err_label, "label longer than 200 characters");
  return std::string(label);
}

ReceivingKey row_to_key(const Statement& s) {
  ReceivingKey key;
  key.id = s.column_int(0);
  key.label = s.column_text(1);
  key.public_key = s.column_text(2);
  key.created_at = s.column_text(3);
  auto fp = crypto::fingerprint(key.public_key);
  key.fingerprint = fp.ok() ? *fp : "?";
  return key;
}

constexpr const char* kSelect = "SELECT id, label, public_key, created_at FROM receiving_keys";

}  // namespace

Result<ReceivingKey> create_receiving_key(Store& store, std::string_view label) {
  if (!store.is_open()) return make_error(Str::store_locked, "store is locked");
  auto clean = clean_label(label);
  if (!clean.ok()) return clean.error();
  const auto identity = crypto::X25519Identity::generate();
  std::string secret = identity.to_string();
  const std::string public_key = identity.recipient().to_string();
  int64_t id = 0;
  Status status = with_transaction(store, [&](sqlite3* db) -> Status {
    auto s = Statement::prepare(db,
                                "INSERT INTO receiving_keys(label, public_key, secret_key, created_at) "
                                "VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
    if (!s.ok()) return s.error();
    BB_TRY(s->bind(1, std::string_view(*clean)).bind(2, std::string_view(public_key)).bind(3, secret).run());
    id = sqlite3_last_insert_rowid(db);
    return {};
  });
  sodium_memzero(secret.data(), secret.size());
  if (!status.ok()) return status.error();
  return receiving_key(store, id);
}

Result<std::vector<ReceivingKey>> list_receiving_keys(const Store& store) {
  if (!store.is_open()) return make_error(Str::store_locked, "store is locked");
  auto s = Statement::prepare(store.db(), (std::string(kSelect) + " ORDER BY id").c_str());
  if (!s.ok()) return s.error();
  std::vector<ReceivingKey> keys;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    keys.push_back(row_to_key(*s));
  }
  return keys;
}

Result<ReceivingKey> receiving_key(const Store& store, int64_t id) {
  if (!store.is_open()) return make_error(Str::store_locked, "store is locked");
  auto s = Statement::prepare(store.db(), (std::string(kSelect) + " WHERE id = ?1").c_str());
  if (!s.ok()) return s.error();
  s->bind(1, id);
  auto row = s->step();
  if (!row.ok()) return row.error();
  if (!*row) {
    return make_error(Str::keys_err_not_found, "no receiving key with id " + std::to_string(id),
                      std::to_string(id));
  }
  return row_to_key(*s);
}

Result<std::vector<crypto::IdentityPtr>> receiving_identities(const Store& store) {
  if (!store.is_open()) return make_error(Str::store_locked, "store is locked");
  auto s = Statement::prepare(store.db(), "SELECT secret_key FROM receiving_keys ORDER BY id DESC");
  if (!s.ok()) return s.error();
  std::vector<crypto::IdentityPtr> identities;
  for (;;) {
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    std::string secret = s->column_text(0);
    auto identity = crypto::parse_identity(secret);
    sodium_memzero(secret.data(), secret.size());
    if (!identity.ok()) return identity.error();
    identities.push_back(*identity);
  }
  if (identities.empty()) return make_error(Str::keys_err_none, "the store has no receiving key");
  return identities;
}

}  // namespace bb::store
