#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

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

}  // namespace xbl::detail
