// Empfang (issue 8, item 5): open a handover file with a receiving key or a
// passphrase, validate it fully, show a preview, import it as a received case
// in ONE transaction. Importing the same document again changes nothing; a
// different document under an id already received is refused, never
// overwritten. Design: docs/handover.md.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "crypto/primitives.h"
#include "crypto/recipient.h"
#include "exchange/handover_document.h"
#include "store/store.h"

namespace bb::exchange {

// A decrypted, fully validated handover, not yet imported.
struct OpenedHandover {
  HandoverDocument document;
  std::string json;     // the document text as received
  std::string sha256;   // of `json`, lowercase hex
  std::string preview;  // German text rendered by this app from the content
};

// Decrypts (age) and validates. Errors: handover_err_damaged (truncated,
// tampered, not age), handover_err_wrong_passphrase, handover_err_wrong_key,
// handover_err_limits (file or document too large), and the errors of
// parse_handover_document. `identities`: receiving keys (store::
// receiving_identities, an identity file) or one crypto::ScryptIdentity.
Result<OpenedHandover> open_handover(crypto::ByteView file,
                                     const std::vector<crypto::IdentityPtr>& identities,
                                     const HandoverLimits& limits = {});

struct ReceivedCase {
  int64_t id = 0;
  std::string document_id, created, sender, recipient_name, purpose, basis, family_name, received_at;
};
struct ImportOutcome {
  ReceivedCase received;
  bool already_received = false;  // the same document was imported before: nothing changed
};

// Imports in one transaction. Same document id and content: nothing written,
// already_received. Same id, other content: handover_err_conflict.
Result<ImportOutcome> import_handover(store::Store& store, const OpenedHandover& opened);

// Every received case, oldest first.
Result<std::vector<ReceivedCase>> list_received_cases(const store::Store& store);

// The stored document of a received case (validated again when read).
Result<HandoverDocument> load_received_document(const store::Store& store, int64_t id);

}  // namespace bb::exchange
