#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSSE3__)
#include <immintrin.h>
#endif

namespace xbl::detail {

// Length of the well-formed UTF-8 sequence starting at p (RFC 3629: no overlongs, no encoded
// surrogates, nothing past U+10FFFF), or 0 when the bytes there are not one. `end` bounds the read.
constexpr std::size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) noexcept {
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return p + i < end && p[i] >= lo && p[i] <= hi;
  };
  if (c < 0xC2) return 0;  // stray continuation byte or overlong two-byte form
  if (c < 0xE0) return cont(1) ? 2 : 0;
  if (c < 0xF0) {
    const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;  // E0 80..9F would be overlong
    const unsigned char hi = c == 0xED ? 0x9F : 0xBF;  // ED A0..BF would encode a surrogate
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c < 0xF5) {
    const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;  // F0 80..8F would be overlong
    const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;  // F4 90.. would pass U+10FFFF
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// Whether the bytes from p to `end` (fewer than a whole sequence) are the start of a well-formed
// one: then the text was cut short, which is unexpected_end, not invalid_utf8.
constexpr bool utf8_cut_short(const unsigned char* p, const unsigned char* end) noexcept {
  const auto have = static_cast<std::size_t>(end - p);
  if (have == 0 || have >= 4) return false;
  // The missing bytes are given the smallest value their place allows after this lead byte.
  unsigned char whole[4] = {p[0], static_cast<unsigned char>(p[0] == 0xE0 ? 0xA0 : p[0] == 0xF0 ? 0x90 : 0x80), 0x80, 0x80};
  for (std::size_t i = 1; i < have; ++i) whole[i] = p[i];
  return utf8_sequence_length(whole, whole + 4) > have;
}

// Code points in text already known to be well-formed.
constexpr std::size_t utf8_count(std::string_view s) noexcept {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

inline void utf8_append(std::string& out, std::uint32_t cp) {
  char buf[4];
  std::size_t n;
  if (cp < 0x80) {
    buf[0] = static_cast<char>(cp);
    n = 1;
  } else if (cp < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (cp >> 6));
    buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (cp >> 12));
    buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    buf[0] = static_cast<char>(0xF0 | (cp >> 18));
    buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 4;
  }
  out.append(buf, n);
}

// The position of the first byte in [p, e) that does not start a well-formed sequence (one that
// runs past e is not), or e when there is none.
inline const char* utf8_first_invalid(const char* p, const char* e) noexcept {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  const auto* ue = reinterpret_cast<const unsigned char*>(e);
  while (u < ue) {
    const std::size_t n = utf8_sequence_length(u, ue);
    if (n == 0) break;
    u += n;
  }
  return reinterpret_cast<const char*>(u);
}

#if defined(__SSSE3__)
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
    return _mm_testz_si128(errors_, errors_);
  }

 private:
  __m128i prev_ = _mm_setzero_si128();
  __m128i errors_ = _mm_setzero_si128();
};
#endif

// Whether [p, e) is well-formed UTF-8 (a sequence that runs past e is not). The bytes up to
// `readable` may be loaded, though only those before e count.
inline bool utf8_valid(const char* p, const char* e, const char* readable) noexcept {
#if defined(__SSSE3__)
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
#else
  (void)readable;
  return utf8_first_invalid(p, e) == e;
#endif
}

}  // namespace xbl::detail
