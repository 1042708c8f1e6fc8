// Übergabe an die KJH (issue 8, item 4): a family's case data, as far as the
// one decision point allows it, in an age-encrypted handover file for the
// Jugendamt (and optionally the own Fachliche Leitung) or a passphrase.
//
//   plan_handover     read-only: per data category, whether it may go to
//                     this recipient for this purpose, and the German reason
//                     if not (store::decide).
//   create_handover   builds the document (handover_document.h) from the
//                     allowed categories only, encrypts it, and writes the
//                     handover to the Offenlegungsprotokoll via
//                     store::disclose — which decides again in its own
//                     transaction, so a Widerruf in between refuses it.
// Design and schema: docs/handover.md.
#pragma once

#include <string>
#include <vector>

#include "core/disclosure.h"
#include "core/result.h"
#include "crypto/age.h"
#include "crypto/primitives.h"
#include "crypto/recipient.h"
#include "exchange/handover_document.h"
#include "store/store.h"

namespace bb::exchange {

struct HandoverRequest {
  int64_t family_id = 0;
  rules::Recipient recipient;                               // kind kjh: the Jugendamt (a directory partner)
  rules::Purpose purpose = rules::Purpose::uebergabe_kjh;   // or mitteilung_kjh: its documented content only
  rules::Categories categories = rules::Categories::all();  // the sections asked for
  std::string by;                                           // the companion who hands over
};

struct HandoverPlanLine {
  rules::DataCategory category = rules::DataCategory::stammdaten;
  bool allowed = false;
  std::string reason;  // German, when not allowed
};
struct HandoverPlan {
  rules::DisclosureDecision decision;
  std::vector<HandoverPlanLine> lines;  // one per requested category, in enum order
  rules::Categories allowed;            // what the file will hold
};

// What decide() allows, per category. Read-only.
Result<HandoverPlan> plan_handover(const store::Store& store, const HandoverRequest& request);

// The document for the allowed categories of `plan` (content from the
// Auskunft of the family; categories without stored content are left out).
Result<HandoverDocument> build_handover_document(const store::Store& store, const HandoverRequest& request,
                                                 const HandoverPlan& plan);

struct HandoverResult {
  HandoverDocument document;
  crypto::Bytes file;       // the age file
  int64_t protocol_id = 0;  // the Offenlegungsprotokoll line
};

// Plans, builds, encrypts to `recipients` (X25519 keys, or one scrypt
// recipient) and records the disclosure. Errors: handover_err_nothing_allowed
// (no category allowed; detail names the reasons), the errors of disclose()
// (nothing written then). A legal basis (Mitteilung) needs `consent_sought`.
Result<HandoverResult> create_handover(store::Store& store, const HandoverRequest& request,
                                       const std::vector<crypto::RecipientPtr>& recipients,
                                       const std::optional<rules::ConsentSoughtRecord>& consent_sought = {},
                                       crypto::EncryptOptions options = {});

}  // namespace bb::exchange
