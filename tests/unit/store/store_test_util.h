// Helpers shared by the store tests: temp files, file bytes, a cheap KDF.
#pragma once

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "store/store.h"

namespace bb::store::test {

// A path in the temp directory that does not exist yet; removed (with its
// side files) when the object goes away.
class TempPath {
 public:
  explicit TempPath(const std::string& stem) {
    static std::random_device rd;
    path_ = (std::filesystem::temp_directory_path() /
             ("bb-" + stem + "-" + std::to_string(rd()) + "-" + std::to_string(counter()++)))
                .string();
  }
  ~TempPath() {
    std::error_code ec;
    for (const char* suffix : {"", "-journal", ".compact"}) std::filesystem::remove(path_ + suffix, ec);
  }
  const std::string& str() const { return path_; }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::string path_;
};

inline std::vector<uint8_t> file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline bool contains(const std::vector<uint8_t>& haystack, const std::string& needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

inline Options fast() {
  Options o;
  o.kdf = test_kdf();
  return o;
}

constexpr const char* kPass = "Hauskatze Mondschein Zugvogel";

// Runs SQL that must succeed.
inline void sql(Store& s, const std::string& text) {
  char* err = nullptr;
  const int rc = sqlite3_exec(s.db(), text.c_str(), nullptr, nullptr, &err);
  INFO(text << " -> " << (err ? err : ""));
  sqlite3_free(err);
  REQUIRE(rc == SQLITE_OK);
}

// The first column of the first row as text ("" if none).
inline std::string value(Store& s, const std::string& text) {
  sqlite3_stmt* st = nullptr;
  REQUIRE(sqlite3_prepare_v2(s.db(), text.c_str(), -1, &st, nullptr) == SQLITE_OK);
  std::string out;
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  return out;
}

}  // namespace bb::store::test
