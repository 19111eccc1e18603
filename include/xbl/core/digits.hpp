#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "xbl/core/platform.hpp"

// Decimal digits eight at a time, for the numbers and the identifiers a payload is full of. Every
// function is constexpr, so that the compile-time literals parse with the same code as the reader.
namespace xbl::detail {

// The eight bytes at p as one word, the byte at p in its lowest bits: one load, or byte by byte in
// a constant expression (g++ does not make one load of the loop).
constexpr std::uint64_t load8(const char* p) noexcept {
  if (!std::is_constant_evaluated()) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    if constexpr (std::endian::native == std::endian::big) w = byteswap64(w);
    return w;
  }
  std::uint64_t w = 0;
  for (int i = 0; i < 8; ++i) w |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return w;
}

// The value of one hexadecimal digit (either case), or -1: for \u escapes and percent-encoding.
constexpr int hex_digit_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline constexpr std::uint64_t every_byte = 0x0101010101010101ULL;

// The high bit of each byte of w that is not a hexadecimal digit (either case), exactly: the sums
// are of 7-bit bytes and carry into no neighbour.
constexpr std::uint64_t non_hex_bytes(std::uint64_t w) noexcept {
  const std::uint64_t highs = every_byte * 0x80;
  const std::uint64_t low7 = w & ~highs;
  // A sum's high bit says the byte is at least `lo` (+ 0x80 - lo) or above `hi` (+ 0x7F - hi).
  const std::uint64_t digit = (low7 + every_byte * (0x80 - '0')) & ~(low7 + every_byte * (0x7F - '9'));
  const std::uint64_t folded = low7 | every_byte * 0x20;  // 'A'-'F' to 'a'-'f'
  const std::uint64_t letter = (folded + every_byte * (0x80 - 'a')) & ~(folded + every_byte * (0x7F - 'f'));
  return (~(digit | letter) & highs) | (w & highs);
}

// Nonzero in each byte of w that is not an ASCII digit. Only the lowest such byte is sure to be
// flagged exactly (a byte past it may see a carry), which is all a count of leading digits needs.
constexpr std::uint64_t non_digit_bytes(std::uint64_t w) noexcept {
  const std::uint64_t x = w ^ (every_byte * '0');  // a digit is now 0 to 9
  return (x | (x + every_byte * 6)) & (every_byte * 0xF0);
}

// How many of the eight bytes of w, from the lowest, are ASCII digits.
constexpr std::size_t leading_digits(std::uint64_t w) noexcept {
  return static_cast<std::size_t>(std::countr_zero(non_digit_bytes(w))) >> 3;
}

// The number the eight ASCII digits of w spell, the first digit in the lowest byte.
constexpr std::uint32_t eight_digits_value(std::uint64_t w) noexcept {
  w = (w & (every_byte * 0x0F)) * (10 * 256 + 1) >> 8;
  w = (w & 0x00FF00FF00FF00FFULL) * (100 * 65536 + 1) >> 16;
  return static_cast<std::uint32_t>((w & 0x0000FFFF0000FFFFULL) * (10000 * (std::uint64_t{1} << 32) + 1) >> 32);
}

// The eight bytes of w at o, the lowest first (load8's order).
inline void store8(char* o, std::uint64_t w) noexcept {
  if constexpr (std::endian::native == std::endian::big) w = byteswap64(w);
  std::memcpy(o, &w, 8);
}

// The eight ASCII digits of v (below 10^8, with leading zeros) as one word in load8's order, made
// in a register: each half's four digits split into two pairs, each pair into two digits, by
// multiplications that stand for the divisions.
constexpr std::uint64_t eight_digits_text(std::uint32_t v) noexcept {
  std::uint64_t x = (v / 10000) | (std::uint64_t{v % 10000} << 32);  // the first four digits in the low half
  std::uint64_t q = (x * 10486 >> 20) & 0x0000007F0000007FULL;          // each half / 100 (exact below 10^4)
  x = q | ((x - q * 100) << 16);
  q = (x * 103 >> 10) & 0x000F000F000F000FULL;  // each quarter / 10 (exact below 100)
  x = q | ((x - q * 10) << 8);
  return x | (every_byte * '0');
}

// The number the first n (1 to 8) digits of w spell: moved to the top of the word, they are the
// last digits of eight whose first are zeros.
constexpr std::uint32_t digits_value(std::uint64_t w, std::size_t n) noexcept {
  return eight_digits_value(w << (8 * (8 - n)));
}

// The number the n (1 to 8) digits at p spell, looking no further than `end`.
constexpr std::uint32_t digits_value_at(const char* p, const char* end, std::size_t n) noexcept {
  if (end - p >= 8) return digits_value(load8(p), n);
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v = v * 10 + static_cast<std::uint32_t>(p[i] - '0');
  return v;
}

// The length of the run of ASCII digits at p, looking no further than `end`.
XBL_ALWAYS_INLINE constexpr std::size_t digit_run(const char* p, const char* end) noexcept {
  const char* q = p;
  while (end - q >= 8) {
    const std::size_t n = leading_digits(load8(q));
    q += n;
    if (n < 8) return static_cast<std::size_t>(q - p);
  }
  while (q < end && *q >= '0' && *q <= '9') ++q;
  return static_cast<std::size_t>(q - p);
}

// The value of the n digits at p (all known to be digits), or false when it passes 2^64 - 1.
XBL_ALWAYS_INLINE constexpr bool digits_to_u64(const char* p, std::size_t n, std::uint64_t& v) noexcept {
  constexpr std::size_t most_without_check = 19;  // 10^19 - 1 < 2^64
  if (n > 20) {
    // Leading zeros do not count: "000…01" is still 1.
    while (n > 20 && *p == '0') {
      ++p;
      --n;
    }
    if (n > 20) return false;
  }
  std::uint64_t value = 0;
  const std::size_t head = n > most_without_check ? most_without_check : n;
  std::size_t i = 0;
  for (; i + 8 <= head; i += 8) value = value * 100000000 + eight_digits_value(load8(p + i));
  for (; i < head; ++i) value = value * 10 + static_cast<std::uint64_t>(p[i] - '0');
  if (n > head) {
    const auto last = static_cast<std::uint64_t>(p[head] - '0');
    if (value > (UINT64_MAX - last) / 10) return false;
    value = value * 10 + last;
  }
  v = value;
  return true;
}

}  // namespace xbl::detail
