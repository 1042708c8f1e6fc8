// Receiving keys ("Empfangsschlüssel"): X25519 identities that this
// Begleitbuch receives files with, e.g. a Jugendamt receiving a handover.
// The secret key lives only in the encrypted store (table receiving_keys,
// migration 3); what leaves it is the public key "age1..." and its phone
// fingerprint (crypto/fingerprint.h). Design: docs/exchange.md "Receiving keys".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/recipient.h"
#include "store/store.h"

namespace bb::store {

struct ReceivingKey {
  int64_t id = 0;
  std::string label;        // free text, e.g. "Jugendamt Musterstadt, ASD"
  std::string public_key;   // "age1..."
  std::string fingerprint;  // four groups of four characters joined by "-", to compare by phone
  std::string created_at;   // UTC "YYYY-MM-DDTHH:MM:SSZ"
};

// Generates a fresh identity and stores it in one transaction. The label is
// trimmed; at most 200 characters (code points), no control characters
// (Str::keys_err_label).
Result<ReceivingKey> create_receiving_key(Store& store, std::string_view label);

// All receiving keys, oldest first. Never returns a secret key.
Result<std::vector<ReceivingKey>> list_receiving_keys(const Store& store);

// One key by id (Str::keys_err_not_found).
Result<ReceivingKey> receiving_key(const Store& store, int64_t id);

// The identities to decrypt with, newest first (Str::keys_err_none if there
// are none). The secret key strings are wiped after parsing.
Result<std::vector<crypto::IdentityPtr>> receiving_identities(const Store& store);

}  // namespace bb::store
