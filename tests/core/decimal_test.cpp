#include "xbl_test.hpp"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <charconv>
#include <clocale>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <ostream>
#include <string>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

// xbl::detail::decimal_from_chars, which the reader uses where the standard library has no
// std::from_chars for floating point (libc++ 16), must read every number exactly as
// std::from_chars does. It is held to values whose bits are known, to texts at and on either side
// of the points halfway between neighbouring floats (written out exactly, with more digits than it
// keeps), and, where the standard library has std::from_chars for the type, to it on random texts.

// Named, not anonymous: the suites may be compiled as one unit, where this keeps its names its own.
namespace decimal_test {

using xbl::detail::decimal_from_chars;
using xbl::detail::has_std_from_chars;

#if defined(__GLIBCXX__)
// So that the comparisons with std::from_chars below cannot be skipped without notice.
static_assert(has_std_from_chars<double> && has_std_from_chars<float>);
#endif
#if defined(_LIBCPP_VERSION) && _LIBCPP_VERSION < 170000
static_assert(!has_std_from_chars<double> && !has_std_from_chars<float>);
#endif

template <class F>
using bits_of = std::conditional_t<sizeof(F) == 4, std::uint32_t, std::uint64_t>;

// A NaN that no parse gives: v starts as it, so that a parse that fails is seen to leave v alone.
template <class F>
constexpr bits_of<F> untouched = static_cast<bits_of<F>>(sizeof(F) == 4 ? 0x7FC01234ULL : 0x7FF8000000001234ULL);

template <class F>
constexpr bits_of<F> infinity_bits = std::bit_cast<bits_of<F>>(std::numeric_limits<F>::infinity());

template <class F>
constexpr bits_of<F> sign_bit = bits_of<F>(1) << (sizeof(F) * 8 - 1);

// What a parse gave: its error, how much of the text it read and v's bits after it.
template <class F>
struct outcome {
  std::errc ec;
  std::ptrdiff_t read;
  bits_of<F> bits;
  bool operator==(const outcome&) const = default;
};

template <class F>
std::ostream& operator<<(std::ostream& os, const outcome<F>& o) {
  char bits[24];
  std::snprintf(bits, sizeof bits, "%llx", static_cast<unsigned long long>(o.bits));
  return os << "{ec " << static_cast<int>(o.ec) << ", read " << o.read << ", bits 0x" << bits << "}";
}

template <class F>
outcome<F> read_with_decimal(const std::string& text) {
  F v = std::bit_cast<F>(untouched<F>);
  const auto r = decimal_from_chars(text.data(), text.data() + text.size(), v);
  return {r.ec, r.ptr - text.data(), std::bit_cast<bits_of<F>>(v)};
}

// Instantiated only where has_std_from_chars<F>.
template <class F>
outcome<F> read_with_std(const std::string& text) {
  F v = std::bit_cast<F>(untouched<F>);
  const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  return {r.ec, r.ptr - text.data(), std::bit_cast<bits_of<F>>(v)};
}

// What reading all of a text that rounds to `bits` gives: that value, or result_out_of_range where
// it is an infinity or a zero (which a text of nonzero digits only rounds to).
template <class F>
outcome<F> rounds_to(const std::string& text, bits_of<F> bits) {
  const auto size = static_cast<std::ptrdiff_t>(text.size());
  const bits_of<F> magnitude = bits & ~sign_bit<F>;
  if (magnitude == infinity_bits<F> || magnitude == 0) return {std::errc::result_out_of_range, size, untouched<F>};
  return {std::errc{}, size, bits};
}

template <class F>
void check_text(const std::string& text, const outcome<F>& expected) {
  INFO(text);
  CHECK(read_with_decimal<F>(text) == expected);
  if constexpr (has_std_from_chars<F>) CHECK(read_with_std<F>(text) == expected);
}

// A fixed seed and a generator whose output the standard fixes: the same texts everywhere.
struct splitmix64 {
  std::uint64_t state;
  std::uint64_t operator()() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>((*this)() % n); }
};

// A number written out exactly: digits × 10^exponent.
struct exact_decimal {
  std::string digits;
  long exponent;
};

// m × 2^e2 exactly: m × 5^-e2 × 10^e2 when e2 < 0. In base 10^9, most significant limb last.
exact_decimal exactly(std::uint64_t m, int e2) {
  constexpr std::uint64_t base = 1'000'000'000;
  std::vector<std::uint64_t> limbs;
  for (; m != 0; m /= base) limbs.push_back(m % base);
  const bool fives = e2 < 0;
  for (int left = fives ? -e2 : e2; left > 0;) {
    const int step = std::min(left, fives ? 13 : 30);  // 5^13 and 2^30 times a limb fit 64 bits
    std::uint64_t factor = 1;
    for (int i = 0; i < step; ++i) factor *= fives ? 5 : 2;
    std::uint64_t carry = 0;
    for (auto& limb : limbs) {
      const std::uint64_t t = limb * factor + carry;
      limb = t % base;
      carry = t / base;
    }
    for (; carry != 0; carry /= base) limbs.push_back(carry % base);
    left -= step;
  }
  if (limbs.empty()) return {"0", 0};
  std::string digits = std::to_string(limbs.back());
  for (std::size_t i = limbs.size() - 1; i-- > 0;) {
    char limb[16];
    std::snprintf(limb, sizeof limb, "%09llu", static_cast<unsigned long long>(limbs[i]));
    digits += limb;
  }
  return {digits, fives ? e2 : 0};
}

// digits - 1, for digits that are not zero.
std::string minus_one(std::string digits) {
  std::size_t i = digits.size();
  while (digits[--i] == '0') digits[i] = '9';
  --digits[i];
  if (digits.size() > 1 && digits[0] == '0') digits.erase(0, 1);
  return digits;
}

// The number written as text: `zeros` leading zeros, the point after `point` of the digits (none
// when point is npos) and the exponent that makes up for it.
std::string as_text(bool negative, const exact_decimal& d, std::size_t zeros, std::size_t point) {
  std::string text = negative ? "-" : "";
  const std::string digits = std::string(zeros, '0') + d.digits;
  long exponent = d.exponent;
  if (point == std::string::npos) {
    text += digits;
  } else {
    point = std::min(point, digits.size());
    text += digits.substr(0, point);
    text += '.';
    text += digits.substr(point);
    exponent += static_cast<long>(digits.size() - point);
  }
  if (exponent != 0 || point != std::string::npos) text += (exponent % 2 != 0 ? "e" : "E") + std::to_string(exponent);
  return text;
}

// A positive finite F, from its bits, as m × 2^e2.
template <class F>
std::pair<std::uint64_t, int> significand_and_exponent(bits_of<F> bits) {
  constexpr int fraction_bits = std::numeric_limits<F>::digits - 1;
  constexpr int min_e2 = std::numeric_limits<F>::min_exponent - std::numeric_limits<F>::digits;
  const auto biased = static_cast<int>(bits >> fraction_bits);
  const std::uint64_t fraction = bits & ((bits_of<F>(1) << fraction_bits) - 1);
  if (biased == 0) return {fraction, min_e2};
  return {fraction | (std::uint64_t(1) << fraction_bits), biased - 1 + min_e2};
}

// The point halfway between the positive finite F of `bits` and the next one up (for the largest,
// infinity; for zero, the smallest subnormal), written exactly and then nudged by one in the last of
// many digits, each written several ways. The point itself rounds to whichever of the two has an even
// significand, and the nudged ones to the nearer.
template <class F>
void check_around_halfway(bits_of<F> bits, bool negative, splitmix64& random) {
  const auto [m, e2] = significand_and_exponent<F>(bits);
  const exact_decimal half = exactly(2 * m + 1, e2 - 1);
  const bits_of<F> sign = negative ? sign_bit<F> : 0;
  const bits_of<F> down = bits | sign;
  const bits_of<F> up = (bits + 1) | sign;
  const bits_of<F> even = (bits % 2 == 0 ? bits : bits + 1) | sign;

  // Padded with zeros to about the digits decimal_from_chars keeps: a last digit is dropped at
  // max_digits + 1 and beyond, and must still decide.
  constexpr std::size_t kept = xbl::detail::max_digits<F>;
  const std::size_t total = random.below(3) == 0 ? kept + random.below(200) : kept - 2 + random.below(5);
  const std::size_t pad = total > half.digits.size() + 1 ? total - half.digits.size() - 1 : 0;
  const auto lpad = static_cast<long>(pad);

  const exact_decimal cases[] = {
      half,
      {half.digits + "1", half.exponent - 1},
      {minus_one(half.digits) + "9", half.exponent - 1},
      {half.digits + std::string(pad + 1, '0'), half.exponent - lpad - 1},
      {half.digits + std::string(pad, '0') + "1", half.exponent - lpad - 1},
      {minus_one(half.digits) + std::string(pad + 1, '9'), half.exponent - lpad - 1},
  };
  const bits_of<F> expected[] = {even, up, down, even, up, down};
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    const std::size_t point_choices[] = {std::string::npos, 0, 1, cases[i].digits.size(), random.below(cases[i].digits.size() + 1)};
    const std::size_t point = point_choices[random.below(std::size(point_choices))];
    const std::size_t zeros = random.below(4) == 0 ? random.below(5) : 0;
    const std::string text = as_text(negative, cases[i], zeros, point);
    check_text<F>(text, rounds_to<F>(text, expected[i]));
  }
}

template <class F>
void check_halfway_points(std::uint64_t seed, int random_count) {
  using B = bits_of<F>;
  constexpr int fraction_bits = std::numeric_limits<F>::digits - 1;
  const B max_bits = std::bit_cast<B>(std::numeric_limits<F>::max());
  const B min_normal_bits = std::bit_cast<B>(std::numeric_limits<F>::min());
  std::vector<B> values = {0,
                           1,
                           2,
                           min_normal_bits - 1,
                           min_normal_bits,
                           std::bit_cast<B>(F(1)) - 1,
                           std::bit_cast<B>(F(1)),
                           std::bit_cast<B>(F(0.1)),
                           std::bit_cast<B>(F(1) / F(3)),
                           std::bit_cast<B>(F(std::uint64_t(1) << std::numeric_limits<F>::digits)),
                           max_bits - 1,
                           max_bits};
  splitmix64 random{seed};
  for (int i = 0; i < random_count; ++i) {
    const auto r = static_cast<B>(random());
    const B fraction = r & ((B(1) << fraction_bits) - 1);
    switch (i % 4) {
      case 0: values.push_back(fraction); break;                                                 // subnormal
      case 1: values.push_back(max_bits - (fraction >> (fraction_bits / 2))); break;             // near the top
      default: values.push_back(static_cast<B>(r % (infinity_bits<F>))); break;                  // anywhere
    }
  }
  for (std::size_t i = 0; i < values.size(); ++i) check_around_halfway<F>(values[i], i % 2 == 1, random);
}

template <class F>
std::string random_text(splitmix64& random) {
  switch (random.below(64)) {
    case 0: return "";
    case 1: return "-";
    case 2: return ".";
    case 3: return "-.e1";
    case 4: return "e5";
    case 5: return "+1";
    default: break;
  }
  std::string text;
  if (random.below(2) == 0) text += '-';
  const std::size_t length = random.below(200) == 0 ? 700 + random.below(250) : 1 + random.below(25);
  const std::size_t point = random.below(length + 2);  // length + 1: no point
  const std::size_t leading_zeros = random.below(4) == 0 ? random.below(length + 1) : 0;
  for (std::size_t i = 0; i < length; ++i) {
    if (i == point) text += '.';
    text += i < leading_zeros ? '0' : static_cast<char>('0' + random.below(10));
  }
  if (point == length) text += '.';
  if (random.below(4) != 0) {
    text += random.below(2) == 0 ? 'e' : 'E';
    const std::size_t sign = random.below(3);
    if (sign != 0) text += sign == 1 ? '-' : '+';
    if (random.below(100) == 0)
      text += std::string(1 + random.below(30), '9');
    else
      text += std::to_string(random.below(sizeof(F) == 4 ? 70 : 420));
  }
  if (random.below(20) == 0) {
    const char* const tails[] = {"e", "E+", "e-", "x", ".", "-", "0", ".5"};
    text += tails[random.below(std::size(tails))];
  }
  return text;
}

// Random texts, read with both: they must agree on each, in error, length and bits.
template <class F>
void compare_with_std(std::uint64_t seed, int shortest_count, int digit_strings) {
  if constexpr (has_std_from_chars<F>) {
    using B = bits_of<F>;
    splitmix64 random{seed};
    int mismatches = 0;
    auto compare = [&](const std::string& text, const B* original) {
      const outcome<F> ours = read_with_decimal<F>(text);
      const outcome<F> theirs = read_with_std<F>(text);
      const bool same = ours == theirs && (original == nullptr || ours.bits == *original);
      if (!same && ++mismatches <= 5) {
        INFO(text);
        CHECK(ours == theirs);
        if (original != nullptr) CHECK(ours.bits == *original);
      }
    };
    char buf[64];
    constexpr int full_digits = std::numeric_limits<F>::max_digits10;
    for (int i = 0; i < shortest_count; ++i) {
      const auto bits = static_cast<B>(random());
      const F v = std::bit_cast<F>(bits);
      if ((bits & ~sign_bit<F>) >= infinity_bits<F>) continue;  // not finite
      std::to_chars_result r{};
      switch (i % 4) {
        case 0:
        case 1: r = std::to_chars(buf, buf + sizeof buf, v); break;
        case 2: r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific, full_digits); break;
        default: r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific, full_digits + 8); break;
      }
      REQUIRE(r.ec == std::errc{});
      compare(std::string(buf, r.ptr), &bits);
    }
    for (int i = 0; i < digit_strings; ++i) compare(random_text<F>(random), nullptr);
    CHECK(mismatches == 0);
  } else {
    (void)seed;
    (void)shortest_count;
    (void)digit_strings;
  }
}

struct row {
  const char* text;
  std::errc ec;
  std::ptrdiff_t read;  // -1: all of it
  std::uint64_t bits;   // when ec is std::errc{}
};

constexpr std::errc ok{};
constexpr std::errc out_of_range = std::errc::result_out_of_range;
constexpr std::errc invalid = std::errc::invalid_argument;

template <class F>
void check_rows(std::initializer_list<row> rows) {
  for (const row& r : rows) {
    const std::string text = r.text;
    const std::ptrdiff_t read = r.read < 0 ? static_cast<std::ptrdiff_t>(text.size()) : r.read;
    const auto bits = r.ec == ok ? static_cast<bits_of<F>>(r.bits) : untouched<F>;
    check_text<F>(text, {r.ec, read, bits});
  }
}


TEST_CASE("decimal_from_chars: doubles whose bits are known") {
  check_rows<double>({
      {"0.1", ok, -1, 0x3FB999999999999A},
      {"2.2250738585072011e-308", ok, -1, 0x000FFFFFFFFFFFFF},  // the largest subnormal
      {"2.2250738585072012e-308", ok, -1, 0x0010000000000000},  // the smallest normal
      {"4.9406564584124654e-324", ok, -1, 0x0000000000000001},  // 2^-1074
      {"3e-324", ok, -1, 0x0000000000000001},
      {"2.4703282292062328e-324", ok, -1, 0x0000000000000001},  // just over 2^-1075, half of 2^-1074
      {"2.4703282292062327e-324", out_of_range, -1, 0},         // just under it: zero
      {"1e-324", out_of_range, -1, 0},
      {"2e-1074", out_of_range, -1, 0},
      {"1.7976931348623157e308", ok, -1, 0x7FEFFFFFFFFFFFFF},  // DBL_MAX
      {"1.7976931348623158e308", ok, -1, 0x7FEFFFFFFFFFFFFF},  // under DBL_MAX + 2^970, where it rounds up
      {"1.7976931348623159e308", out_of_range, -1, 0},         // over it
      {"-1.7976931348623159e308", out_of_range, -1, 0},
      {"9007199254740993", ok, -1, 0x4340000000000000},  // 2^53 + 1: a tie, to the even 2^53
      {"9007199254740993.0000000001", ok, -1, 0x4340000000000001},
      {"9007199254740995", ok, -1, 0x4340000000000002},  // 2^53 + 3: a tie, to the even 2^53 + 4
      {"123456789012345678901234567890", ok, -1, 0x45F8EE90FF6C373E},
      {"-1e-5", ok, -1, 0xBEE4F8B588E368F1},
      {"1e400", out_of_range, -1, 0},
      {"-1e400", out_of_range, -1, 0},
      {"1e-400", out_of_range, -1, 0},
      {"-1e-400", out_of_range, -1, 0},
      {"1e99999999999999999999999", out_of_range, -1, 0},
      {"1e-99999999999999999999999", out_of_range, -1, 0},
      {"0e400", ok, -1, 0},
      {"0", ok, -1, 0},
      {"0.0", ok, -1, 0},
      {"-0", ok, -1, 0x8000000000000000},
      {"-0.0e+0", ok, -1, 0x8000000000000000},
      {"-0.0e-99999999999999999999999", ok, -1, 0x8000000000000000},
      {"00012.50", ok, -1, 0x4029000000000000},
      {"1E5", ok, -1, 0x40F86A0000000000},
      {"1.e5", ok, -1, 0x40F86A0000000000},
      {"5.", ok, -1, 0x4014000000000000},
      {".5", ok, -1, 0x3FE0000000000000},
      {"-.5e1", ok, -1, 0xC014000000000000},
      // An exponent without digits is not part of the number; nor is what follows it.
      {"1e", ok, 1, 0x3FF0000000000000},
      {"1e+", ok, 1, 0x3FF0000000000000},
      {"1.5x", ok, 3, 0x3FF8000000000000},
      {"0x10", ok, 1, 0},
      {"", invalid, 0, 0},
      {"-", invalid, 0, 0},
      {".", invalid, 0, 0},
      {"-.", invalid, 0, 0},
      {"e5", invalid, 0, 0},
      {"+1", invalid, 0, 0},
  });
}

TEST_CASE("decimal_from_chars: floats whose bits are known") {
  check_rows<float>({
      {"0.1", ok, -1, 0x3DCCCCCD},
      {"1.17549435e-38", ok, -1, 0x00800000},  // FLT_MIN
      {"1.4e-45", ok, -1, 0x00000001},         // 2^-149
      {"1e-45", ok, -1, 0x00000001},
      {"7.0064924e-46", ok, -1, 0x00000001},  // just over 2^-150, half of 2^-149
      {"7.0064923e-46", out_of_range, -1, 0},  // just under it
      {"3.4028235e38", ok, -1, 0x7F7FFFFF},   // FLT_MAX
      {"3.4028236e38", out_of_range, -1, 0},  // over FLT_MAX + 2^103
      {"1e39", out_of_range, -1, 0},
      {"16777217", ok, -1, 0x4B800000},  // 2^24 + 1: a tie, to the even 2^24
      {"16777217.000001", ok, -1, 0x4B800001},
      {"9007199254740993", ok, -1, 0x5A000000},
      {"-0", ok, -1, 0x80000000},
      {"-1e-5", ok, -1, 0xB727C5AC},
      {"1e", ok, 1, 0x3F800000},
      {"-", invalid, 0, 0},
  });
}

TEST_CASE("decimal_from_chars: no inf, nan or hexadecimal, which JSON does not have") {
  for (const char* text : {"inf", "-inf", "infinity", "nan", "NaN", "0x1p3"}) {
    INFO(text);
    const outcome<double> expected = text[0] == '0' ? outcome<double>{ok, 1, 0} : outcome<double>{invalid, 0, untouched<double>};
    CHECK(read_with_decimal<double>(text) == expected);
  }
}

TEST_CASE("decimal_from_chars: many digits, where only the last decides or the exponent makes up for them") {
  const std::string zeros_900(900, '0');
  const std::string nines_900(900, '9');
  const auto one = std::bit_cast<std::uint64_t>(1.0);
  check_text<double>("1" + zeros_900 + "e-900", {ok, 901 + 5, one});
  check_text<double>("0." + zeros_900 + "1e901", {ok, 903 + 4, one});
  check_text<double>("0." + nines_900, {ok, 902, one});
  check_text<double>("1" + zeros_900 + "1e-901", {ok, 902 + 5, one});
  check_text<double>("1" + zeros_900, {out_of_range, 901, untouched<double>});
  check_text<double>("0." + zeros_900 + "1", {out_of_range, 903, untouched<double>});
  check_text<double>("-0." + zeros_900 + zeros_900, {ok, 1803, std::bit_cast<std::uint64_t>(-0.0)});
  // The exponent's digits past what is read still belong to the number.
  check_text<double>("1e-" + std::string(40, '9') + "x", {out_of_range, 43, untouched<double>});
  check_text<double>("1" + zeros_900 + "e-" + std::string(30, '0') + "900", {ok, 901 + 2 + 33, one});
  check_text<float>("1" + zeros_900 + "e-900", {ok, 906, std::bit_cast<std::uint32_t>(1.0f)});
  check_text<float>("0." + nines_900, {ok, 902, std::bit_cast<std::uint32_t>(1.0f)});
}

TEST_CASE("decimal_from_chars: at and beside the halfway points, written out exactly") {
  check_halfway_points<double>(1, 400);
  check_halfway_points<float>(2, 400);
}

TEST_CASE("decimal_from_chars: the same as std::from_chars on random texts") {
  compare_with_std<double>(3, 200'000, 100'000);
  compare_with_std<float>(4, 100'000, 50'000);
}

TEST_CASE("decimal_from_chars: errno and the program's locale are left alone") {
  errno = 0;
  for (const char* text : {"1e400", "1e-400", "4.9e-324", "2.5"}) {
    double v = 0;
    const std::string s = text;
    (void)decimal_from_chars(s.data(), s.data() + s.size(), v);
  }
  CHECK(errno == 0);
  // A locale with a decimal comma, where the machine has one.
  const std::string saved = std::setlocale(LC_NUMERIC, nullptr);
  for (const char* name : {"de_DE.UTF-8", "fr_FR.UTF-8", "de_DE", "fr_FR"}) {
    if (!std::setlocale(LC_NUMERIC, name)) continue;
    check_text<double>("2.5", {ok, 3, std::bit_cast<std::uint64_t>(2.5)});
    break;
  }
  std::setlocale(LC_NUMERIC, saved.c_str());
}

TEST_CASE("the reader reads floating point numbers as std::from_chars does") {
  const auto tie = xbl::from_json<double>("9007199254740993");
  REQUIRE(tie.has_value());
  CHECK(std::bit_cast<std::uint64_t>(*tie) == 0x4340000000000000);
  const auto long_one = xbl::from_json<double>("0." + std::string(900, '9'));
  REQUIRE(long_one.has_value());
  CHECK(*long_one == 1.0);
  const auto negative_zero = xbl::from_json<float>("-0.0");
  REQUIRE(negative_zero.has_value());
  CHECK(std::bit_cast<std::uint32_t>(*negative_zero) == 0x80000000);
  CHECK(xbl::from_json<double>("1e400").error().code == xbl::errc::number_out_of_range);
  CHECK(xbl::from_json<double>("-1e-400").error().code == xbl::errc::number_out_of_range);
  CHECK(xbl::from_json<float>("3.4028236e38").error().code == xbl::errc::number_out_of_range);
  const auto smallest = xbl::from_json<std::vector<double>>("[4.9406564584124654e-324, 2.4703282292062328e-324]");
  REQUIRE(smallest.has_value());
  CHECK(*smallest == std::vector<double>{std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::denorm_min()});
}

}  // namespace decimal_test
