#include "xbl_test.hpp"

#include <cstdint>
#include <cstdio>
#include <random>
#include <cstring>
#include <string>

// The word-at-a-time digit helpers the reader and the writer share, against the obvious ways.

namespace {

std::string eight(std::uint32_t v) {
  char text[9];
  std::snprintf(text, sizeof text, "%08u", v);
  return text;
}

std::string from_word(std::uint64_t w) {
  char text[8];
  xbl::detail::store8(text, w);
  return std::string(text, 8);
}

}  // namespace

TEST_CASE("eight_digits_text and eight_digits_value are each other's inverse, and right") {
  std::mt19937 random(7);
  for (std::uint32_t i = 0; i < 300000; ++i) {
    const std::uint32_t v = i < 100000 ? i : random() % 100000000;
    const std::string text = eight(v);
    REQUIRE(from_word(xbl::detail::eight_digits_text(v)) == text);
    REQUIRE(xbl::detail::eight_digits_value(xbl::detail::load8(text.data())) == v);
  }
  CHECK(from_word(xbl::detail::eight_digits_text(99999999)) == "99999999");
  static_assert(xbl::detail::eight_digits_value(xbl::detail::load8("12345678")) == 12345678);
}

TEST_CASE("leading_digits stops at the first byte that is no digit, whatever the bytes after it") {
  char text[8];
  for (int at = 0; at < 8; ++at) {
    for (int c = 0; c < 256; ++c) {
      std::memcpy(text, "01234567", 8);
      text[at] = static_cast<char>(c);
      for (int k = at + 1; k < 8; ++k) text[k] = static_cast<char>(0xFF - k);  // carries, if any, land here
      const bool digit = c >= '0' && c <= '9';
      const std::size_t expected = digit ? (at == 7 ? 8 : static_cast<std::size_t>(at + 1)) : static_cast<std::size_t>(at);
      INFO("byte " << c << " at " << at);
      REQUIRE(xbl::detail::leading_digits(xbl::detail::load8(text)) == expected);
    }
  }
}

TEST_CASE("non_hex_bytes flags exactly the bytes that are no hexadecimal digit, whatever their neighbours") {
  // Every pair of byte values side by side, at every place: a carry or borrow from one byte into
  // the next would show as a wrong flag on the neighbour.
  auto hex = [](unsigned c) { return xbl::detail::hex_digit_value(static_cast<char>(c)) >= 0; };
  char text[8];
  for (int at = 0; at < 7; ++at) {
    for (unsigned a = 0; a < 256; ++a) {
      for (unsigned b = 0; b < 256; ++b) {
        std::memcpy(text, "0a9fA0F0", 8);
        text[at] = static_cast<char>(a);
        text[at + 1] = static_cast<char>(b);
        std::uint64_t expected = 0;
        for (int k = 0; k < 8; ++k)
          if (!hex(static_cast<unsigned char>(text[k]))) expected |= std::uint64_t{0x80} << (8 * k);
        const std::uint64_t flags = xbl::detail::non_hex_bytes(xbl::detail::load8(text));
        if (flags != expected) {
          INFO("bytes " << a << ", " << b << " at " << at);
          REQUIRE(flags == expected);
        }
      }
    }
  }
  static_assert(xbl::detail::non_hex_bytes(xbl::detail::load8("09afAFfa")) == 0);
}

TEST_CASE("digits_to_u64 is exact to 2^64 - 1, past leading zeros, and says when it overflows") {
  auto value = [](std::string digits) {
    std::uint64_t v = 0;
    const bool ok = xbl::detail::digits_to_u64(digits.data(), digits.size(), v);
    return ok ? std::to_string(v) : std::string("overflow");
  };
  CHECK(value("0") == "0");
  CHECK(value("18446744073709551615") == "18446744073709551615");
  CHECK(value("18446744073709551616") == "overflow");
  CHECK(value("99999999999999999999") == "overflow");
  CHECK(value("000000000018446744073709551615") == "18446744073709551615");
  CHECK(value("000000000018446744073709551616") == "overflow");
  CHECK(value("123456789012345678901") == "overflow");
  std::mt19937_64 random(11);
  for (int i = 0; i < 100000; ++i) {
    const std::uint64_t v = random() >> (random() % 64);
    REQUIRE(value(std::to_string(v)) == std::to_string(v));
  }
}
