// Helpers for the network directory tests: a store with the clock fixed (as
// the case tests), small fictional directories, and a digest of every table
// the directory and referrals live in (to prove "nothing changed").
#pragma once

#include <doctest/doctest.h>
#include <sodium.h>

#include <fstream>
#include <sstream>
#include <string>

#include "../cases/cases_test_util.h"
#include "core/directory.h"
#include "exchange/directory_file.h"
#include "store/directory.h"
#include "store/referrals.h"

namespace bb::directory::test {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string example_path() { return std::string(BB_SOURCE_DIR) + "/docs/examples/directory.json"; }

// BLAKE2b over the rows of every directory and referral table, in key order.
inline std::string tables_digest(store::Store& s) {
  static const char* kQueries[] = {"SELECT * FROM directory_info",
                                   "SELECT * FROM partners ORDER BY id",
                                   "SELECT * FROM offers ORDER BY id",
                                   "SELECT * FROM offer_codes ORDER BY offer_id, kind, code",
                                   "SELECT * FROM fachkraefte ORDER BY id",
                                   "SELECT * FROM referrals ORDER BY id",
                                   "SELECT * FROM referral_info ORDER BY referral_id, category",
                                   "SELECT * FROM referral_feedback ORDER BY id",
                                   "SELECT rowid FROM offer_search ORDER BY rowid"};
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 32);
  for (const char* sql : kQueries) {
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(s.db(), sql, -1, &st, nullptr) == SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const auto* text = sqlite3_column_text(st, c);
        const uint32_t len = static_cast<uint32_t>(sqlite3_column_bytes(st, c));
        const unsigned char type = static_cast<unsigned char>(sqlite3_column_type(st, c));
        crypto_generichash_update(&state, &type, 1);
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(&len), sizeof len);
        if (text) crypto_generichash_update(&state, text, len);
      }
    }
    sqlite3_finalize(st);
  }
  unsigned char h[32];
  crypto_generichash_final(&state, h, sizeof h);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

inline std::string file_hash(const std::string& path) {
  const auto bytes = store::test::file_bytes(path);
  unsigned char h[32];
  crypto_generichash(h, sizeof h, bytes.data(), bytes.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

inline Offer offer(const std::string& id, const std::string& title, std::vector<std::string> topics) {
  Offer o;
  o.id = id;
  o.title = title;
  o.topics = std::move(topics);
  o.cost = "kostenlos";
  return o;
}

inline Partner partner(const std::string& id, const std::string& name, const std::string& type,
                       const std::string& town) {
  Partner p;
  p.id = id;
  p.name = name;
  p.type = type;
  p.address.town = town;
  p.phone = "01234 5678";
  return p;
}

// Three partners (one per town), four offers, one Fachkraft.
inline Directory small_directory(const std::string& stand = "2026-09-01") {
  Directory d;
  d.stand = stand;
  d.network = "Netzwerk Frühe Hilfen Lindenau (Test)";
  auto a = partner("p-a", "Familienzentrum Mühlbach", "familienbildung", "Mühlheim am Bach");
  a.offers = {offer("o-a1", "Elterncafé", {"umfeld", "bindung"}),
              offer("o-a2", "Schlafberatung", {"schlafen"})};
  a.offers[1].age_from_months = 0;
  a.offers[1].age_to_months = 12;
  auto b = partner("p-b", "Hebammenpraxis Nowak", "hebamme", "Birkenfeld");
  b.offers = {offer("o-b1", "Babysprechstunde", {"schlafen", "stillen"})};
  b.offers[0].pregnancy = true;
  auto c = partner("p-c", "Schuldnerberatung Lindenau", "schuldnerberatung", "Lindenau");
  c.offers = {offer("o-c1", "Schuldnerberatung für Familien", {"existenz"})};
  d.partners = {a, b, c};
  Fachkraft f;
  f.id = "f-1";
  f.name = "Ines Horvath";
  f.organisation = "Kinderschutzzentrum Lindenau";
  d.fachkraefte = {f};
  return d;
}

// The row id of a directory entry.
inline int64_t row_of(store::Store& s, const char* table, const std::string& directory_id) {
  return std::stoll("0" + store::test::value(s, std::string("SELECT id FROM ") + table +
                                                    " WHERE directory_id = '" + directory_id + "'"));
}

}  // namespace bb::directory::test
