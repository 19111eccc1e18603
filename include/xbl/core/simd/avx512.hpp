#pragma once

#include <immintrin.h>

#include <cstdint>

#include "xbl/core/platform.hpp"
#include "xbl/core/simd/avx2.hpp"

// AVX-512 (BW): the indentation window in one compare. Nothing else: the string and whitespace
// kernels gain nothing from wider loads on the short runs a document is made of.
namespace xbl::detail::simd {

struct avx512 : avx2 {
  static constexpr const char* name = "avx512";

  XBL_ALWAYS_INLINE static std::uint64_t space_bits(const char* q) noexcept {
    return _mm512_cmpeq_epi8_mask(_mm512_loadu_si512(q), _mm512_set1_epi8(' '));
  }
};

}  // namespace xbl::detail::simd
