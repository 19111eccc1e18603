#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "xbl/core/digits.hpp"
#include "xbl/core/platform.hpp"
#include "xbl/core/simd.hpp"

// Finding the few bytes of a text that matter, many bytes at a time: where a string ends or must be
// escaped, and where whitespace stops. Written once over eight-byte words, which any CPU has, and
// over the block kernels of simd::active where they are faster.
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

// The first byte in [p, end) that a JSON string cannot hold as it is (see string_special_bytes),
// or `end` when there is none. `wide` is set when a byte of 0x80 or above comes before it: a UTF-8
// sequence that a reader has still to check.
//
// A block at a time where the backend has fast blocks, else eight bytes; the few bytes after the last whole block are not
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
  if constexpr (simd::active::fast_strings) {
    constexpr std::size_t block = simd::string_block;
    while (static_cast<std::size_t>(end - p) >= block) {
      const simd::string_bits b = simd::active::string_block_at(p);
      wide |= (b.high & before_first(b.special)) != 0;
      if (b.special) return p + std::countr_zero(b.special);
      p += block;
    }
    if (p != end && static_cast<std::size_t>(end - begin) >= block) {
      const simd::string_bits b = simd::active::string_block_at(end - block);  // the bytes before p have no flag
      wide |= (b.high & before_first(b.special)) != 0;
      return b.special ? end - block + std::countr_zero(b.special) : end;
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
    if (simd::string_special(c)) break;
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
  if constexpr (simd::active::fast_whitespace) {
    while (static_cast<std::size_t>(end - p) >= simd::whitespace_block) {
      const std::uint32_t other = simd::active::non_whitespace_bits(p);
      if (other) return p + std::countr_zero(other);
      p += simd::whitespace_block;
    }
  }
  while (p < end) {
    const auto c = static_cast<unsigned char>(*p);
    if (c > ' ') return p;  // the next token
    if (c == ' ') {
      ++p;
      for (;;) {
        if constexpr (simd::active::fast_spaces) {
          if (static_cast<std::size_t>(end - p) >= simd::space_block) {
            const std::uint32_t other = simd::active::non_space_bits(p);
            if (other == 0) {
              p += simd::space_block;
              continue;
            }
            p += std::countr_zero(other);
            break;
          }
        }
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

// How many bytes indented_by can look at: 64 (sixteen levels of four spaces) with vectors, one word
// without.
inline constexpr std::size_t indent_window = simd::active::indent_window;

// Whether the `width` bytes at q are all spaces: the indentation a reader foresaw for a line of
// indented text. A yes or no, not a count, so that the reader goes on at q + width while the
// processor still checks the guess (a count from the bytes made every line wait for a load, a
// compare and a bit scan before the next step could start). Needs indent_window readable bytes at
// q, and width < indent_window.
XBL_ALWAYS_INLINE bool indented_by(const char* q, std::size_t width) noexcept {
  const std::uint64_t want = (std::uint64_t{1} << width) - 1;
  return (~simd::active::space_bits(q) & want) == 0;
}

// Whether [p, e) is well-formed UTF-8 (a sequence that runs past e is not). The bytes up to
// `readable` may be loaded, though only those before e count.
inline bool utf8_valid(const char* p, const char* e, const char* readable) noexcept {
  return simd::active::utf8_valid(p, e, readable);
}

}  // namespace xbl::detail
