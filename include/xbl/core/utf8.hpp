#pragma once

#include <bit>
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
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
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

}  // namespace xbl::detail
