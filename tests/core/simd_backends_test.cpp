#include "xbl_test.hpp"

#include <cstdint>
#include <random>
#include <string>
#include <tuple>

// Every block kernel of every backend this build can run (simd::available: the scalar one, and the
// vector ones the compiler was allowed) is held to the scalar backend, the plain definition. The
// generic code over them (bytes_test, indented_test, utf8_strings_test) runs on simd::active only;
// the builds that force the scalar backend and those for other CPUs run it on the others.

namespace {

namespace simd = xbl::detail::simd;

// Text of `n` bytes drawn mostly from the bytes the kernels single out, then any byte at all.
std::string random_text(std::mt19937& rng, std::size_t n) {
  static constexpr char pool[] = {' ',  ' ',    ' ',    '\n',   '\r',   '\t', '"',    '\\',   '\x00',
                                  '\x1f', '\x20', '\x7f', '\x80', '\xbf', '\xc2', '\xe2', '\xf0', '\xff'};
  std::string text(n, ' ');
  for (char& c : text) {
    const auto r = rng();
    c = r % 4 == 0 ? static_cast<char>(rng() & 0xFF) : r % 4 == 1 ? 'a' : pool[rng() % sizeof pool];
  }
  return text;
}

// Random UTF-8: well-formed code points, with a fault put in now and then.
std::string random_utf8(std::mt19937& rng, std::size_t points) {
  std::string text;
  for (std::size_t i = 0; i < points; ++i) {
    const auto kind = rng() % 8;
    std::uint32_t cp = kind < 4 ? rng() % 0x80 : kind < 6 ? 0x80 + rng() % 0x780 : kind < 7 ? 0x800 + rng() % 0xF800 : 0x10000 + rng() % 0x100000;
    if (cp >= 0xD800 && cp < 0xE000) cp = 'x';
    xbl::detail::utf8_append(text, cp);
  }
  if (!text.empty() && rng() % 3 == 0) text[rng() % text.size()] = static_cast<char>(rng() & 0xFF);
  return text;
}

template <class Backend>
void agrees_with_scalar(std::mt19937& rng) {
  INFO("backend " << Backend::name);
  for (int round = 0; round < 1500; ++round) {
    // Room for the widest block at every offset of the text.
    const std::string text = random_text(rng, 160);
    for (std::size_t at = 0; at + 64 <= text.size(); at += 1 + rng() % 7) {
      const char* p = text.data() + at;
      const simd::string_bits got = Backend::string_block_at(p);
      const simd::string_bits want = simd::scalar::string_block_at(p);
      REQUIRE(got.special == want.special);
      REQUIRE(got.high == want.high);
      REQUIRE(Backend::non_space_bits(p) == simd::scalar::non_space_bits(p));
      REQUIRE(Backend::non_whitespace_bits(p) == simd::scalar::non_whitespace_bits(p));
      // The scalar backend looks at 8 bytes, a wider one at more: each bit says the same of its byte.
      std::uint64_t spaces = 0;
      for (std::size_t i = 0; i < Backend::indent_window; ++i) spaces |= std::uint64_t{p[i] == ' '} << i;
      REQUIRE(Backend::space_bits(p) == spaces);
    }
  }
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_utf8(rng, rng() % 60);
    std::string padded = text + std::string(64, static_cast<char>(rng() & 0xFF));
    const char* b = padded.data();
    INFO("text of " << text.size() << " bytes");
    REQUIRE(Backend::utf8_valid(b, b + text.size(), b + padded.size()) ==
            simd::scalar::utf8_valid(b, b + text.size(), b + padded.size()));
  }
}

}  // namespace

TEST_CASE("every SIMD backend this build has agrees with the scalar one on every kernel") {
  std::mt19937 rng(2024);
  INFO("active backend " << simd::active::name);
  std::apply([&](auto... backend) { (agrees_with_scalar<decltype(backend)>(rng), ...); }, simd::available{});
  CHECK(std::string(std::tuple_element_t<0, simd::available>::name) == "scalar");
}

TEST_CASE("the backends are the ones the build asked for") {
#if defined(XBL_NO_SIMD)
  CHECK(std::tuple_size_v<simd::available> == 1);
#elif defined(__x86_64__) || defined(_M_X64) || defined(_M_AMD64)
  // SSE2 is part of x86-64: every compiler for it may use it, whether it says so or not.
  CHECK(std::tuple_size_v<simd::available> >= 2);
#endif
  CHECK(std::string(simd::active::name) != "");
}
