// The handover document ("Übergabe an die KJH", issue 8 item 4): the JSON
// that a handover file carries inside age, and its strict reader — the import
// validator of a received case. Schema and limits: docs/handover.md.
//
// The reader takes untrusted input (a file from anywhere) and checks, before
// any value is used: size, UTF-8 (no BOM), nesting depth, duplicate keys at
// every level, the number of values, then every field's type, range and
// length. Every failure is a handover_err_* Error with a German message.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace bb::exchange {

constexpr std::string_view kHandoverFormat = "begleitbuch-handover";
constexpr int64_t kHandoverVersion = 1;  // the newest version this app reads and writes

struct HandoverLimits {
  size_t max_bytes = 8u << 20;       // the whole JSON document
  int max_depth = 16;                // nesting of objects and arrays
  size_t max_values = 200000;        // scalars, objects and arrays together
  size_t max_text_bytes = 1u << 20;  // one string value
};

struct HandoverItem {
  std::string label, value;
};
struct HandoverRecord {
  std::string title;
  std::vector<HandoverItem> items;
};
struct HandoverPart {
  std::string title;  // the Auskunft section, e.g. "Kontakte"
  std::vector<HandoverRecord> records;
};
// One data category (rules::DataCategory code) and what it holds.
struct HandoverSection {
  std::string category;  // "stammdaten", "kontakte", ...
  std::string title;     // its label in German
  std::vector<HandoverPart> parts;
};
// A category that was asked for but is not in the file, and why (German).
struct HandoverLeftOut {
  std::string category, title, reason;
};

struct HandoverDocument {
  std::string format = std::string(kHandoverFormat);
  int64_t version = kHandoverVersion;
  std::string id;       // 32 lowercase hex characters, random: the document's identity
  std::string created;  // UTC "YYYY-MM-DDTHH:MM:SSZ"
  std::string app_version;
  std::string sender;          // the companion who hands over
  std::string recipient_kind;  // rules::RecipientKind code ("kjh")
  std::string recipient_name;  // e.g. "Jugendamt Nordstadt"
  std::string purpose;         // rules::Purpose code ("uebergabe_kjh", "mitteilung_kjh")
  std::string basis;           // rules::BasisKind code
  std::string family_name;
  std::vector<HandoverSection> sections;
  std::vector<HandoverLeftOut> left_out;
  std::string report;  // the same content as readable German text
};

// The document as one JSON object (keys in a fixed order, UTF-8).
std::string format_handover_document(const HandoverDocument& doc);

// The readable report of the document (German plain text).
std::string handover_report_text(const HandoverDocument& doc);

// Parses and fully validates `text`. Errors: handover_err_limits (size,
// depth, count), handover_err_encoding, handover_err_invalid (JSON syntax,
// duplicate key, a field missing, of the wrong type or out of range),
// handover_err_not_handover (format), handover_err_newer_version,
// handover_err_unknown_version. The `report` is only checked as text: the
// receiving app shows its own rendering of the content (handover_report_text),
// so a report that says something else cannot mislead.
Result<HandoverDocument> parse_handover_document(std::string_view text, const HandoverLimits& limits = {});

}  // namespace bb::exchange
