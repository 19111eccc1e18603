#include "xbl_test.hpp"

#include <memory>
#include <random>
#include <string>

// skip_whitespace and find_string_special look at many bytes at a time, with a different kernel
// for each vector width the target has; each is held here to the byte-at-a-time definition, for
// every byte value at every place of a text long enough to take every kernel's steps.

namespace {

bool json_whitespace(unsigned char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool string_special(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

const char* first_non_whitespace(const char* p, const char* end) {
  while (p < end && json_whitespace(static_cast<unsigned char>(*p))) ++p;
  return p;
}

}  // namespace

TEST_CASE("skip_whitespace stops at the first byte that is not JSON whitespace, whatever it is and wherever") {
  const std::string runs[] = {" ", "\n", "\r", "\t", "\n    ", "  \t\r\n"};
  for (unsigned c = 0; c < 0x100; ++c) {
    if (json_whitespace(static_cast<unsigned char>(c))) continue;
    for (std::size_t place = 0; place < 70; ++place) {
      for (const std::string& run : runs) {
        std::string text;
        while (text.size() < place) text += run;
        text.resize(place);
        text += static_cast<char>(c);
        text += std::string(40, ' ');  // more whitespace after the stop, which must not be passed
        INFO("byte " << c << " at " << place);
        REQUIRE(xbl::detail::skip_whitespace(text.data(), text.data() + text.size()) == text.data() + place);
      }
    }
  }
}

TEST_CASE("skip_whitespace ends at the end of a text of whitespace of any length, not past it") {
  std::mt19937 rng(7);
  const char ws[] = {' ', '\n', '\r', '\t'};
  for (std::size_t n = 0; n < 100; ++n) {
    std::string text;
    for (std::size_t i = 0; i < n; ++i) text += ws[rng() % 4];
    text += 'x';  // beyond the end it is given, so it must not be found
    REQUIRE(xbl::detail::skip_whitespace(text.data(), text.data() + n) == text.data() + n);
  }
}

TEST_CASE("skip_whitespace and find_string_special agree with their definitions on random text") {
  std::mt19937 rng(11);
  const char pool[] = {' ', ' ', ' ', '\n', '\t', '\r', 'a', '"', '\\', '\x01', '\x1f', '\x7f', '\x80', '\xe2', '/'};
  for (int round = 0; round < 20000; ++round) {
    std::string text(rng() % 90, ' ');
    for (char& c : text) c = rng() % 3 == 0 ? pool[rng() % sizeof pool] : (rng() % 2 ? ' ' : 'b');
    const char* begin = text.data();
    const char* end = begin + text.size();
    REQUIRE(xbl::detail::skip_whitespace(begin, end) == first_non_whitespace(begin, end));
    const char* special = begin;
    bool wide_expected = false;
    while (special < end && !string_special(static_cast<unsigned char>(*special))) {
      wide_expected |= static_cast<unsigned char>(*special) >= 0x80;
      ++special;
    }
    bool wide = false;
    REQUIRE(xbl::detail::find_string_special(begin, end, wide) == special);
    REQUIRE(wide == wide_expected);
  }
}

TEST_CASE("same_bytes tells equal from different texts of every length, a difference at any place, reading no byte past either") {
  for (std::size_t n = 0; n <= 24; ++n) {
    // Each text in an allocation of exactly its size, so that a read past it is caught by ASan.
    auto a = std::make_unique<char[]>(n + (n == 0)), b = std::make_unique<char[]>(n + (n == 0));
    for (std::size_t i = 0; i < n; ++i) a[i] = b[i] = static_cast<char>('a' + i % 26);
    CHECK(xbl::detail::same_bytes(a.get(), b.get(), n));
    for (std::size_t at = 0; at < n; ++at)
      for (unsigned flip : {0x01u, 0x20u, 0x80u}) {
        b[at] = static_cast<char>(static_cast<unsigned char>(a[at]) ^ flip);
        INFO("length ", n, ", byte ", at, " xor ", flip);
        CHECK_FALSE(xbl::detail::same_bytes(a.get(), b.get(), n));
        b[at] = a[at];
      }
  }
  static_assert(xbl::detail::same_bytes("Scarlett", "Scarlett", 8) && !xbl::detail::same_bytes("Full", "full", 4));
}
