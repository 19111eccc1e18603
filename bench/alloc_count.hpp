// Heap use as the benchmark sees it: every allocation made through operator new (replaced in
// bench.cpp) or through RapidJSON's allocator (which calls malloc itself, so it reports here).
// Single-threaded, like the benchmarks.
#pragma once

#include <malloc.h>

#include <cstddef>
#include <cstdint>

namespace alloc_count {

inline std::uint64_t allocations = 0;
inline std::int64_t live_bytes = 0;
inline std::int64_t peak_bytes = 0;

inline void on_alloc(void* p) noexcept {
  if (!p) return;
  ++allocations;
  live_bytes += static_cast<std::int64_t>(malloc_usable_size(p));
  if (live_bytes > peak_bytes) peak_bytes = live_bytes;
}
inline void on_free(void* p) noexcept {
  if (p) live_bytes -= static_cast<std::int64_t>(malloc_usable_size(p));
}

// Peak heap above what was live when it was made.
struct peak_scope {
  std::int64_t base = live_bytes;
  peak_scope() { peak_bytes = live_bytes; }
  std::int64_t peak() const { return peak_bytes - base; }
};

}  // namespace alloc_count
