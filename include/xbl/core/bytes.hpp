#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "xbl/core/digits.hpp"

#if defined(__SSE2__)
#include <immintrin.h>
#endif

// Finding the few bytes of a text that matter, many bytes at a time: where a string ends or must be
// escaped, and where whitespace stops. SSE2 vectors where there are (every x86-64), eight-byte
// words elsewhere.
namespace xbl::detail {

// The high bit of each byte of `w` that a JSON string cannot hold as it is (a quote, a backslash, a
// control character). Bits above the lowest may be spurious; the lowest is exact, which is all
// first_flagged uses.
constexpr std::uint64_t string_special_bytes(std::uint64_t w) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  const std::uint64_t q = w ^ (ones * '"');
  const std::uint64_t b = w ^ (ones * '\\');
  return (((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b)) & highs;
}

// Index (0 to 7) of the first byte a nonzero mask of string_special_bytes flags.
constexpr std::size_t first_flagged(std::uint64_t mask) noexcept {
  return static_cast<std::size_t>(std::countr_zero(mask)) >> 3;
}

// One bit per byte of a block of sixteen: the bytes a JSON string cannot hold as they are, and the
// bytes of 0x80 and above (UTF-8 sequences). Sixteen, not the widest vector there is: most
// strings are shorter, and a wider load crosses a cache line more often than it saves a step (on
// a presence document, 32 bytes made the reader 6% slower and 64 bytes 14%).
struct string_bits {
  std::uint32_t special;
  std::uint32_t high;
};

#if defined(__SSE2__)
inline constexpr std::size_t string_block = 16;
XBL_ALWAYS_INLINE string_bits string_block_at(const char* p) noexcept {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i below_space = _mm_set1_epi8(0x1F);
  const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(x, below_space), below_space);  // x <= 0x1F
  const __m128i special =
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))), control);
  return {static_cast<std::uint32_t>(_mm_movemask_epi8(special)), static_cast<std::uint32_t>(_mm_movemask_epi8(x))};
}
#else
// No vector here: the block loops are left out (string_block is 0), but the code of a discarded
// `if constexpr` branch outside a template must still name a block reader, so this is the same
// reader in plain C++.
inline constexpr std::size_t string_block = 0;
inline string_bits string_block_at(const char* p) noexcept {
  string_bits b{0, 0};
  for (unsigned i = 0; i < 16; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    b.special |= static_cast<std::uint32_t>(c < 0x20 || c == '"' || c == '\\') << i;
    b.high |= static_cast<std::uint32_t>(c >= 0x80) << i;
  }
  return b;
}
#endif

// The first byte in [p, end) that a JSON string cannot hold as it is (see string_special_bytes),
// or `end` when there is none. `wide` is set when a byte of 0x80 or above comes before it: a UTF-8
// sequence that a reader has still to check.
//
// Sixteen bytes at a time (eight without SSE2); the few bytes after the last whole block are not
// looked at one by one, which for the short strings a document is mostly made of would cost more
// than all the rest: they are read again with plain bytes before them, in one load that ends at
// `end`, or in two overlapping words when the whole text is that short.
//
// Always inlined into its two callers, the reader's and the writer's string loops: clang kept it a
// call of its own, which was a fifth of the time of writing a presence document.
XBL_ALWAYS_INLINE const char* find_string_special(const char* p, const char* end, bool& wide) noexcept {
  // The bits of a block below its first special byte (all of them when it has none).
  auto before_first = [](std::uint64_t special) { return special ? (special & (0 - special)) - 1 : ~std::uint64_t{0}; };
  const char* const begin = p;
  if constexpr (string_block != 0) {
    while (static_cast<std::size_t>(end - p) >= string_block) {
      const string_bits b = string_block_at(p);
      wide |= (b.high & before_first(b.special)) != 0;
      if (b.special) return p + std::countr_zero(b.special);
      p += string_block;
    }
    if (p != end && static_cast<std::size_t>(end - begin) >= string_block) {
      const string_bits b = string_block_at(end - string_block);  // the bytes before p have no flag
      wide |= (b.high & before_first(b.special)) != 0;
      return b.special ? end - string_block + std::countr_zero(b.special) : end;
    }
  }
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  // The lowest flag of a word is exact, and the bytes before p raise none.
  auto word = [&](std::uint64_t w, const char* at) {
    const std::uint64_t special = string_special_bytes(w);
    wide |= (w & highs & before_first(special)) != 0;
    return special ? at + first_flagged(special) : nullptr;
  };
  while (end - p >= 8) {
    if (const char* hit = word(load8(p), p)) return hit;
    p += 8;
  }
  if (p == end) return p;
  if (end - begin >= 8) {
    const char* hit = word(load8(end - 8), end - 8);
    return hit ? hit : end;
  }
  if (end - p >= 4) {
    char both[8];
    std::memcpy(both, p, 4);
    std::memcpy(both + 4, end - 4, 4);
    const std::uint64_t w = load8(both);
    const std::uint64_t special = string_special_bytes(w);
    wide |= (w & highs & before_first(special)) != 0;
    if (!special) return end;
    const std::size_t i = first_flagged(special);
    return i < 4 ? p + i : end - 8 + i;
  }
  for (; p < end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x20 || c == '"' || c == '\\') break;
    wide |= c >= 0x80;
  }
  return p;
}

// Copies the n bytes at p to o. The short runs a document is made of are copied in two or a few
// overlapping loads and stores of a fixed size, inline, rather than by a call to memcpy, whose
// call and choice of method cost more than the copy itself.
XBL_ALWAYS_INLINE void copy_bytes(char* o, const char* p, std::size_t n) noexcept {
  if (n > 64) {
    std::memcpy(o, p, n);
  } else if (n >= 16) {
    for (std::size_t i = 0; i + 16 < n; i += 16) std::memcpy(o + i, p + i, 16);
    std::memcpy(o + n - 16, p + n - 16, 16);
  } else if (n >= 8) {
    std::memcpy(o, p, 8);
    std::memcpy(o + n - 8, p + n - 8, 8);
  } else if (n >= 4) {
    std::memcpy(o, p, 4);
    std::memcpy(o + n - 4, p + n - 4, 4);
  } else if (n > 0) {
    o[0] = p[0];
    o[n / 2] = p[n / 2];
    o[n - 1] = p[n - 1];
  }
}

// The first byte in [p, end) that is not JSON whitespace, or `end`. Made for indentation: line
// breaks and tabs are passed one at a time, runs of spaces sixteen (or eight) at a time.
//
// Indented text goes by fast, mostly spaces, and the hardware's prefetcher, which starts again at
// each 4 KB page, falls behind it: the text a kilobyte ahead is asked for here (on the bench's
// indented presence document this took a tenth off the read).
inline constexpr std::size_t whitespace_prefetch_distance = 1024;
XBL_ALWAYS_INLINE const char* skip_whitespace(const char* p, const char* end) noexcept {
  prefetch(p + whitespace_prefetch_distance);
#if defined(__AVX2__)
  // Where there is AVX2: a line break and up to 31 spaces of indentation in one step.
  constexpr char m = static_cast<char>(0x80);
  while (end - p >= 32) {
    // The four whitespace bytes differ in their low nibble, so one table lookup by it gives each
    // byte the only whitespace it could be (0x80 where there is none, which no byte the lookup
    // keeps can equal: bytes of 0x80 and above look up 0).
    const __m256i table = _mm256_setr_epi8(' ', m, m, m, m, m, m, m, m, '\t', '\n', m, m, '\r', m, m,
                                           ' ', m, m, m, m, m, m, m, m, '\t', '\n', m, m, '\r', m, m);
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const __m256i ws = _mm256_cmpeq_epi8(_mm256_shuffle_epi8(table, x), x);
    const auto other = ~static_cast<unsigned>(_mm256_movemask_epi8(ws));
    if (other) return p + std::countr_zero(other);
    p += 32;
  }
#endif
  while (p < end) {
    const auto c = static_cast<unsigned char>(*p);
    if (c > ' ') return p;  // the next token
    if (c == ' ') {
      ++p;
      for (;;) {
#if defined(__SSE2__)
        if (end - p >= 16) {
          const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
          const auto other = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')))) ^ 0xFFFFu;
          if (other == 0) {
            p += 16;
            continue;
          }
          p += std::countr_zero(other);
          break;
        }
#endif
        if (end - p >= 8) {
          // No carries in a plain XOR: the lowest nonzero byte is the first one that is not a space.
          const std::uint64_t other = load8(p) ^ 0x2020202020202020ULL;
          if (other == 0) {
            p += 8;
            continue;
          }
          p += std::countr_zero(other) >> 3;
          break;
        }
        while (p < end && *p == ' ') ++p;
        break;
      }
    } else if (c == '\n' || c == '\r' || c == '\t') {
      ++p;
    } else {
      return p;  // a control character, which is no whitespace
    }
  }
  return p;
}

// One bit per byte of the indent_window bytes at q, set where the byte is a space: 64 bytes (one
// compare with AVX-512, two with AVX2, four with SSE2), sixteen levels of four spaces.
#if defined(__SSE2__)
inline constexpr std::size_t indent_window = 64;
#else
inline constexpr std::size_t indent_window = 8;
#endif
XBL_ALWAYS_INLINE std::uint64_t space_bits(const char* q) noexcept {
#if defined(__AVX512BW__)
  return _mm512_cmpeq_epi8_mask(_mm512_loadu_si512(q), _mm512_set1_epi8(' '));
#elif defined(__AVX2__)
  auto half = [](const char* h) {
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(h));
    return std::uint64_t{static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(' '))))};
  };
  return half(q) | half(q + 32) << 32;
#elif defined(__SSE2__)
  auto quarter = [](const char* h) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h));
    return std::uint64_t{static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' '))))};
  };
  return quarter(q) | quarter(q + 16) << 16 | quarter(q + 32) << 32 | quarter(q + 48) << 48;
#else
  const std::uint64_t zero_where_space = load8(q) ^ (every_byte * ' ');
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < 8; ++i) bits |= std::uint64_t{((zero_where_space >> (8 * i)) & 0xFF) == 0} << i;
  return bits;
#endif
}

// Whether the `width` bytes at q are all spaces: the indentation a reader foresaw for a line of
// indented text. A yes or no, not a count, so that the reader goes on at q + width while the
// processor still checks the guess (a count from the bytes made every line wait for a load, a
// compare and a bit scan before the next step could start). Needs indent_window readable bytes at
// q, and width < indent_window.
XBL_ALWAYS_INLINE bool indented_by(const char* q, std::size_t width) noexcept {
  const std::uint64_t want = (std::uint64_t{1} << width) - 1;
  return (~space_bits(q) & want) == 0;
}

}  // namespace xbl::detail
