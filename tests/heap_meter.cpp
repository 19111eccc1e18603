// The test binary's operator new and delete, through heap_meter (xbl_test.hpp): the suites measure
// what a read or a write allocates with it.
#include "xbl_test.hpp"

#include <malloc.h>

#include <cstdlib>
#include <new>

namespace {
void* metered_new(std::size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) xbl::detail::raise<std::bad_alloc>();
  heap_meter::on_alloc(malloc_usable_size(p));
  return p;
}
void metered_delete(void* p) noexcept {
  if (!p) return;
  heap_meter::on_free(malloc_usable_size(p));
  std::free(p);
}
}  // namespace

void* operator new(std::size_t n) { return metered_new(n); }
void* operator new[](std::size_t n) { return metered_new(n); }
void operator delete(void* p) noexcept { metered_delete(p); }
void operator delete[](void* p) noexcept { metered_delete(p); }
void operator delete(void* p, std::size_t) noexcept { metered_delete(p); }
void operator delete[](void* p, std::size_t) noexcept { metered_delete(p); }
