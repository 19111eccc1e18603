#pragma once

#include <cstddef>
#include <cstdint>

#include "xbl/core/digits.hpp"
#include "xbl/core/utf8.hpp"

// The reference backend, in plain C++ for any CPU and byte order. Every backend is a struct with
// these members (the vector ones derive from the one below them and replace what their
// instructions do better); the generic code in bytes.hpp and the scanner names only
// `simd::active`, chosen in simd.hpp. The flags say which block kernels beat the generic
// eight-byte word loops: here none do, so they are the definitions the others are tested against.
namespace xbl::detail::simd {

// One bit per byte of a block of string_block bytes: the bytes a JSON string cannot hold as they
// are (a quote, a backslash, a control character), and the bytes of 0x80 and above (UTF-8).
struct string_bits {
  std::uint32_t special;
  std::uint32_t high;
};

// Whether a JSON string cannot hold byte c as it is: the byte-at-a-time form of `special`.
constexpr bool string_special(unsigned char c) noexcept { return c < 0x20 || c == '"' || c == '\\'; }

// Sixteen bytes, not the widest vector there is: most strings are shorter, and a wider load
// crosses a cache line more often than it saves a step (on a presence document, 32 bytes made the
// reader 6% slower and 64 bytes 14%).
inline constexpr std::size_t string_block = 16;
inline constexpr std::size_t space_block = 16;
inline constexpr std::size_t whitespace_block = 32;

struct scalar {
  static constexpr const char* name = "scalar";
  static constexpr bool fast_strings = false;
  static constexpr bool fast_spaces = false;
  static constexpr bool fast_whitespace = false;
  // Bytes space_bits looks at: eight, one word, when there are no vectors.
  static constexpr std::size_t indent_window = 8;

  static string_bits string_block_at(const char* p) noexcept {
    string_bits b{0, 0};
    for (unsigned i = 0; i < string_block; ++i) {
      const auto c = static_cast<unsigned char>(p[i]);
      b.special |= static_cast<std::uint32_t>(string_special(c)) << i;
      b.high |= static_cast<std::uint32_t>(c >= 0x80) << i;
    }
    return b;
  }

  // Bit i set where p[i] is not a space, for the space_block bytes at p.
  static std::uint32_t non_space_bits(const char* p) noexcept {
    std::uint32_t bits = 0;
    for (unsigned i = 0; i < space_block; ++i) bits |= static_cast<std::uint32_t>(p[i] != ' ') << i;
    return bits;
  }

  // Bit i set where p[i] is not JSON whitespace, for the whitespace_block bytes at p.
  static std::uint32_t non_whitespace_bits(const char* p) noexcept {
    std::uint32_t bits = 0;
    for (unsigned i = 0; i < whitespace_block; ++i) {
      const char c = p[i];
      bits |= static_cast<std::uint32_t>(c != ' ' && c != '\t' && c != '\n' && c != '\r') << i;
    }
    return bits;
  }

  // Bit i set where q[i] is a space, for the indent_window bytes at q.
  static std::uint64_t space_bits(const char* q) noexcept {
    const std::uint64_t zero_where_space = load8(q) ^ (every_byte * ' ');
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < indent_window; ++i) {
      bits |= std::uint64_t{((zero_where_space >> (8 * i)) & 0xFF) == 0} << i;
    }
    return bits;
  }

  // Whether [p, e) is well-formed UTF-8 (a sequence that runs past e is not). The bytes up to
  // `readable` may be loaded, though only those before e count.
  static bool utf8_valid(const char* p, const char* e, const char*) noexcept { return utf8_first_invalid(p, e) == e; }
};

}  // namespace xbl::detail::simd
