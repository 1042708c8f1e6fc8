// The network directory file: the versioned JSON file in which the
// Netzwerkkoordination publishes its partner list (seed 003 §4: it "aktualisiert
// die Kontaktliste und stellt sie regelmäßig allen Netzwerkpartnern zur
// Verfügung"). It holds partners, their offers and the insoweit erfahrene
// Fachkräfte with the list's "Stand" date — never family data.
// Format: docs/directory.md; example: docs/examples/directory.json.
//
// The input is untrusted (a file from anywhere). Before anything is used:
//   - size at most kMaxDirectoryBytes; UTF-8 only (a leading byte-order mark
//     is skipped, nothing else is tolerated);
//   - one JSON object, nesting at most kMaxDirectoryDepth levels, no
//     duplicate key in any object, at most kMaxPartners / kMaxOffers /
//     kMaxFachkraefte entries;
//   - "format" must be "begleitbuch-directory"; "version" 1 (a higher one is
//     refused as written by a newer Begleitbuch, before anything else);
//   - every key is known (keys starting with "x_" are extensions and are
//     ignored; anything else unknown is refused, which catches typos);
//   - every value has its type and passes core/directory.h validation; ids
//     are unique; a public key "age1..." must decode.
// The first problem is returned as an Error whose arg names the place, e.g.
// `partners[3] "p-0004" / offers[0] "o-0012" / topics: „yoga“ steht nicht …`.
// Nothing is partial: a file is accepted whole or not at all.
#pragma once

#include <string>
#include <string_view>

#include "core/directory.h"
#include "core/result.h"

namespace bb::exchange {

constexpr const char* kDirectoryFormat = "begleitbuch-directory";
constexpr int kDirectoryVersion = 1;
constexpr size_t kMaxDirectoryBytes = size_t{64} << 20;  // 64 MiB (10,000 offers take about 6 MiB)
constexpr int kMaxDirectoryDepth = 8;
constexpr size_t kMaxPartners = 20000;
constexpr size_t kMaxOffers = 100000;
constexpr size_t kMaxFachkraefte = 5000;

// Errors (all Str::dir_err_*): not_directory, newer_version, unknown_version,
// file_too_large, encoding, limits, syntax, missing, type, value,
// duplicate_id, unknown_key. No exception escapes.
Result<directory::Directory> parse_directory_file(std::string_view text);

// The file for `dir`: keys in the documented order, two-space indentation,
// empty values left out (a reader takes them as empty). Deterministic:
// serialize(parse(serialize(d))) == serialize(d).
std::string serialize_directory(const directory::Directory& dir);

}  // namespace bb::exchange
