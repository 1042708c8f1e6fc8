// A fictional network directory for benchmarks and demos: N partners with M
// offers in total, deterministic from a seed (splitmix64, no library
// distributions), every name invented. `begleitbuch directory demo` writes it.
#pragma once

#include <cstdint>

#include "core/directory.h"

namespace bb::exchange {

struct DirectoryDemoOptions {
  int partners = 100;
  int offers = 500;  // spread over the partners (at least 0 per partner)
  int fachkraefte = 12;
  uint64_t seed = 1;
  std::string stand = "2026-10-01";
};

directory::Directory generate_directory(const DirectoryDemoOptions& options);

}  // namespace bb::exchange
