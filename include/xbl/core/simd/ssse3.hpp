#pragma once

#include <tmmintrin.h>

#include <cstddef>
#include <cstring>

#include "xbl/core/platform.hpp"
#include "xbl/core/simd/sse2.hpp"

// SSSE3: UTF-8 checked sixteen bytes at a time (a byte shuffle is a sixteen-entry table lookup).
namespace xbl::detail::simd {

// Sixteen bytes at a time, by the method of Keiser and Lemire ("Validating UTF-8 in less than one
// instruction per byte", 2021): each byte's class, looked up from the high nibble of the byte
// before it, that byte's low nibble and its own high nibble, names the faults the pair can have;
// what is left is the check that the third and fourth bytes of long sequences are continuations.
class utf8_blocks {
 public:
  // Feeds the next sixteen bytes of the text.
  void add(__m128i input) noexcept {
    constexpr char too_short = 1 << 0, too_long = 1 << 1, overlong_3 = 1 << 2, too_large = 1 << 3,
                   surrogate = 1 << 4, overlong_2 = 1 << 5, too_large_1000 = 1 << 6, overlong_4 = 1 << 6;
    constexpr char two_conts = static_cast<char>(1 << 7);
    constexpr char carry = too_short | too_long | two_conts;
    const __m128i first_high = _mm_setr_epi8(
        too_long, too_long, too_long, too_long, too_long, too_long, too_long, too_long,  // 0___ ASCII
        two_conts, two_conts, two_conts, two_conts,                                      // 10__ continuation
        too_short | overlong_2, too_short, too_short | overlong_3 | surrogate,            // 1100, 1101, 1110
        too_short | too_large | too_large_1000 | overlong_4);                             // 1111
    const __m128i first_low = _mm_setr_epi8(
        carry | overlong_3 | overlong_2 | overlong_4, carry | overlong_2, carry, carry, carry | too_large,
        carry | too_large | too_large_1000, carry | too_large | too_large_1000, carry | too_large | too_large_1000,
        carry | too_large | too_large_1000, carry | too_large | too_large_1000, carry | too_large | too_large_1000,
        carry | too_large | too_large_1000, carry | too_large | too_large_1000,
        carry | too_large | too_large_1000 | surrogate, carry | too_large | too_large_1000,
        carry | too_large | too_large_1000);
    const __m128i second_high = _mm_setr_epi8(
        too_short, too_short, too_short, too_short, too_short, too_short, too_short, too_short,
        too_long | overlong_2 | two_conts | overlong_3 | too_large_1000 | overlong_4,
        too_long | overlong_2 | two_conts | overlong_3 | too_large,
        too_long | overlong_2 | two_conts | surrogate | too_large, too_long | overlong_2 | two_conts | surrogate | too_large,
        too_short, too_short, too_short, too_short);
    const __m128i nibble = _mm_set1_epi8(0x0F);
    const __m128i prev1 = _mm_alignr_epi8(input, prev_, 15);
    const __m128i faults = _mm_and_si128(
        _mm_and_si128(_mm_shuffle_epi8(first_high, _mm_and_si128(_mm_srli_epi16(prev1, 4), nibble)),
                      _mm_shuffle_epi8(first_low, _mm_and_si128(prev1, nibble))),
        _mm_shuffle_epi8(second_high, _mm_and_si128(_mm_srli_epi16(input, 4), nibble)));
    // A byte two after a lead of three or more, or three after a lead of four, is a continuation:
    // two_conts there is right, and anywhere else a fault.
    const __m128i third = _mm_subs_epu8(_mm_alignr_epi8(input, prev_, 14), _mm_set1_epi8(static_cast<char>(0xE0 - 0x80)));
    const __m128i fourth = _mm_subs_epu8(_mm_alignr_epi8(input, prev_, 13), _mm_set1_epi8(static_cast<char>(0xF0 - 0x80)));
    const __m128i must_continue = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8(static_cast<char>(0x80)));
    errors_ = _mm_or_si128(errors_, _mm_xor_si128(must_continue, faults));
    prev_ = input;
  }
  // Whether all that was fed is well-formed, a sequence cut by the end of it included.
  bool valid() noexcept {
    add(_mm_setzero_si128());
    return _mm_movemask_epi8(_mm_cmpeq_epi8(errors_, _mm_setzero_si128())) == 0xFFFF;
  }

 private:
  __m128i prev_ = _mm_setzero_si128();
  __m128i errors_ = _mm_setzero_si128();
};

struct ssse3 : sse2 {
  static constexpr const char* name = "ssse3";

  static bool utf8_valid(const char* p, const char* e, const char* readable) noexcept {
    utf8_blocks blocks;
    for (; e - p >= 16; p += 16) blocks.add(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
    if (p != e) {
      const auto left = static_cast<char>(e - p);
      __m128i last;
      if (readable - p >= 16) {
        last = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      } else {
        alignas(16) char copy[16] = {};
        std::memcpy(copy, p, static_cast<std::size_t>(e - p));
        last = _mm_load_si128(reinterpret_cast<const __m128i*>(copy));
      }
      const __m128i index = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
      blocks.add(_mm_and_si128(last, _mm_cmpgt_epi8(_mm_set1_epi8(left), index)));  // what follows e as ASCII
    }
    return blocks.valid();
  }
};

}  // namespace xbl::detail::simd
