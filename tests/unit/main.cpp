// The doctest runner for every unit test, native and wasm alike.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#define DOCTEST_CONFIG_NO_POSIX_SIGNALS  // wasm has none; native gets them from the sanitizers
#include <doctest/doctest.h>
