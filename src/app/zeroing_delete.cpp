// Freed C++ heap memory is zeroed before it is returned to the allocator.
//
// Why: after the app locks, no personal data may stay in memory the UI can
// reach (issue 4). The screens' state (families, notes, forms) lives in
// std::string and std::vector on the C++ heap; destroying it on lock frees
// it, and this makes the freed bytes zeros instead of readable leftovers.
// SQLite's memory is zeroed the same way by store.cpp's allocator. Cost: a
// zeroing per delete, negligible next to drawing a frame.
#include <malloc.h>
#include <sodium.h>

#include <cstdlib>
#include <new>

namespace {

void zero_and_free(void* p) noexcept {
  if (!p) return;
  // sodium_memzero, not memset: a memset right before free is a dead store the
  // optimiser removes (it did: names stayed readable after the lock).
  sodium_memzero(p, malloc_usable_size(p));
  std::free(p);
}

void* allocate(std::size_t size) {
  void* p = std::malloc(size ? size : 1);
  if (!p) std::abort();  // out of memory: the wasm heap cannot grow (no user input causes this)
  return p;
}

}  // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return std::malloc(size ? size : 1); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return std::malloc(size ? size : 1);
}
void operator delete(void* p) noexcept { zero_and_free(p); }
void operator delete[](void* p) noexcept { zero_and_free(p); }
void operator delete(void* p, std::size_t) noexcept { zero_and_free(p); }
void operator delete[](void* p, std::size_t) noexcept { zero_and_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { zero_and_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { zero_and_free(p); }
