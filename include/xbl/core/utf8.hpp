#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__AVX2__)
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
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

// Offset of the first byte that does not start a well-formed sequence, or npos.
inline std::size_t utf8_invalid_offset(std::string_view s) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const auto* e = b + s.size();
  for (const auto* p = b; p < e;) {
    const std::size_t n = utf8_sequence_length(p, e);
    if (n == 0) return static_cast<std::size_t>(p - b);
    p += n;
  }
  return std::string_view::npos;
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

// Eight bytes at a time, the fast path over plain text of the reader and the writer: nonzero when
// one of the bytes at p is a quote, a backslash or a control character, which a JSON string must
// escape. (Which bits are set is not exact; whether any is, is.)
inline std::uint64_t escape_bytes(const char* p, std::uint64_t& word) noexcept {
  std::memcpy(&word, p, 8);
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  auto has_zero = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
  const std::uint64_t control = (word - ones * 0x20) & ~word & highs;  // bytes below 0x20
  return control | has_zero(word ^ (ones * '"')) | has_zero(word ^ (ones * '\\'));
}

// True when the writer can copy the eight bytes at p as they are.
inline bool escape_free_word(const char* p) noexcept {
  std::uint64_t word;
  return escape_bytes(p, word) == 0;
}

// True when the reader can pass over the eight bytes at p: nothing to escape and all ASCII, so
// there is no UTF-8 sequence to check either.
inline bool plain_word(const char* p) noexcept {
  std::uint64_t word;
  const std::uint64_t special = escape_bytes(p, word);
  return (special | (word & 0x8080808080808080ULL)) == 0;
}

constexpr bool plain_byte(unsigned char c) noexcept { return c >= 0x20 && c != '"' && c != '\\' && c < 0x80; }

// The eight bytes at p as one word whose lowest bits hold the byte at p, whatever the machine's
// byte order, so that the lowest flagged byte of a mask below is the first one in the text.
inline std::uint64_t load_word(const char* p) noexcept {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  if constexpr (std::endian::native == std::endian::big) {
    w = ((w & 0x00000000FFFFFFFFULL) << 32) | ((w & 0xFFFFFFFF00000000ULL) >> 32);
    w = ((w & 0x0000FFFF0000FFFFULL) << 16) | ((w & 0xFFFF0000FFFF0000ULL) >> 16);
    w = ((w & 0x00FF00FF00FF00FFULL) << 8) | ((w & 0xFF00FF00FF00FF00ULL) >> 8);
  }
  return w;
}

// The high bit of each byte of `w` that a JSON string cannot hold as it is (a quote, a backslash, a
// control character), and of each byte that starts or continues a UTF-8 sequence when `ascii` is
// set. Bits above the lowest may be spurious; the lowest is exact, which is all first_flagged uses.
constexpr std::uint64_t string_special_bytes(std::uint64_t w, bool ascii) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  const std::uint64_t q = w ^ (ones * '"');
  const std::uint64_t b = w ^ (ones * '\\');
  std::uint64_t m = ((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b);
  if (ascii) m |= w;
  return m & highs;
}

// Index (0 to 7) of the first byte a nonzero mask of string_special_bytes flags.
constexpr std::size_t first_flagged(std::uint64_t mask) noexcept {
  return static_cast<std::size_t>(std::countr_zero(mask)) >> 3;
}

// The first byte in [p, end) that a JSON string cannot hold as it is (see string_special_bytes),
// or that starts a UTF-8 sequence when `ascii` is set; `end` when there is none. Sixteen bytes at
// a time where SSE2 is there (every x86-64), eight at a time elsewhere. The last few bytes are not
// looked at one by one, which for the short strings a document is mostly made of would cost more
// than the rest: they are read again with the plain bytes before them, in one load that ends at
// `end`, or in two overlapping ones when the whole text is that short.
inline const char* find_string_special(const char* p, const char* end, bool ascii) noexcept {
  const char* const begin = p;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i below_space = _mm_set1_epi8(0x1F);
  // Exact: a flag for each byte that is special, and for no other.
  auto special16 = [&](const char* at) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(x, below_space), below_space);  // x <= 0x1F
    const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)), control);
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(special));
    if (ascii) mask |= static_cast<unsigned>(_mm_movemask_epi8(x));
    return mask;
  };
  while (end - p >= 16) {
    if (const unsigned mask = special16(p)) return p + std::countr_zero(mask);
    p += 16;
  }
  if (p != end && end - begin >= 16) {
    const unsigned mask = special16(end - 16);  // the bytes before p have no flag
    return mask ? end - 16 + std::countr_zero(mask) : end;
  }
#endif
  while (end - p >= 8) {
    const std::uint64_t special = string_special_bytes(load_word(p), ascii);
    if (special) return p + first_flagged(special);
    p += 8;
  }
  if (p == end) return p;
  // The lowest flag of a word is exact, and the bytes before p raise none.
  if (end - begin >= 8) {
    const std::uint64_t special = string_special_bytes(load_word(end - 8), ascii);
    return special ? end - 8 + first_flagged(special) : end;
  }
  if (end - p >= 4) {
    char both[8];
    std::memcpy(both, p, 4);
    std::memcpy(both + 4, end - 4, 4);
    const std::uint64_t special = string_special_bytes(load_word(both), ascii);
    if (!special) return end;
    const std::size_t i = first_flagged(special);
    return i < 4 ? p + i : end - 8 + i;
  }
  for (; p < end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x20 || c == '"' || c == '\\' || (ascii && c >= 0x80)) break;
  }
  return p;
}

// The first byte in [p, end) that is not JSON whitespace, or `end`. Made for indentation: line
// breaks and tabs are passed one at a time, runs of spaces sixteen (or eight) at a time.
[[gnu::always_inline]] inline const char* skip_whitespace(const char* p, const char* end) noexcept {
#if defined(__AVX2__)
  // Where there is AVX2: a line break and up to 31 spaces of indentation in one step.
  while (end - p >= 32) {
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const __m256i ws = _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(' ')), _mm256_cmpeq_epi8(x, _mm256_set1_epi8('\n'))),
        _mm256_or_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8('\r')), _mm256_cmpeq_epi8(x, _mm256_set1_epi8('\t'))));
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
          const std::uint64_t other = load_word(p) ^ 0x2020202020202020ULL;
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

}  // namespace xbl::detail
