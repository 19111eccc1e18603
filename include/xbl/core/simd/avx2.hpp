#pragma once

#include <immintrin.h>

#include <cstddef>
#include <cstdint>

#include "xbl/core/platform.hpp"
#include "xbl/core/simd/ssse3.hpp"

// AVX2: whitespace thirty-two bytes at a time, and the indentation window in two compares.
namespace xbl::detail::simd {

struct avx2 : ssse3 {
  static constexpr const char* name = "avx2";
  // A line break and up to 31 spaces of indentation in one step.
  static constexpr bool fast_whitespace = true;

  XBL_ALWAYS_INLINE static std::uint32_t non_whitespace_bits(const char* p) noexcept {
    // The four whitespace bytes differ in their low nibble, so one table lookup by it gives each
    // byte the only whitespace it could be (0x80 where there is none, which no byte the lookup
    // keeps can equal: bytes of 0x80 and above look up 0).
    constexpr char m = static_cast<char>(0x80);
    const __m256i table = _mm256_setr_epi8(' ', m, m, m, m, m, m, m, m, '\t', '\n', m, m, '\r', m, m,
                                           ' ', m, m, m, m, m, m, m, m, '\t', '\n', m, m, '\r', m, m);
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const __m256i ws = _mm256_cmpeq_epi8(_mm256_shuffle_epi8(table, x), x);
    return ~static_cast<std::uint32_t>(_mm256_movemask_epi8(ws));
  }

  XBL_ALWAYS_INLINE static std::uint64_t space_bits(const char* q) noexcept {
    auto half = [](const char* h) {
      const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(h));
      return std::uint64_t{static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(' '))))};
    };
    return half(q) | half(q + 32) << 32;
  }
};

}  // namespace xbl::detail::simd
