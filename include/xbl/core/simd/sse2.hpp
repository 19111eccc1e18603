#pragma once

#include <emmintrin.h>

#include <cstddef>
#include <cstdint>

#include "xbl/core/platform.hpp"
#include "xbl/core/simd/scalar.hpp"

// SSE2: sixteen bytes at a time, on every x86-64.
namespace xbl::detail::simd {

struct sse2 : scalar {
  static constexpr const char* name = "sse2";
  static constexpr bool fast_strings = true;
  static constexpr bool fast_spaces = true;
  // Four compares: sixteen levels of four spaces.
  static constexpr std::size_t indent_window = 64;

  XBL_ALWAYS_INLINE static string_bits string_block_at(const char* p) noexcept {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i below_space = _mm_set1_epi8(0x1F);
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(x, below_space), below_space);  // x <= 0x1F
    const __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))), control);
    return {static_cast<std::uint32_t>(_mm_movemask_epi8(special)), static_cast<std::uint32_t>(_mm_movemask_epi8(x))};
  }

  XBL_ALWAYS_INLINE static std::uint32_t non_space_bits(const char* p) noexcept {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')))) ^ 0xFFFFu;
  }

  XBL_ALWAYS_INLINE static std::uint64_t space_bits(const char* q) noexcept {
    auto quarter = [](const char* h) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h));
      return std::uint64_t{static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' '))))};
    };
    return quarter(q) | quarter(q + 16) << 16 | quarter(q + 32) << 32 | quarter(q + 48) << 48;
  }
};

}  // namespace xbl::detail::simd
