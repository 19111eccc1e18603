#pragma once

#include <cerrno>
#include <charconv>
#include <clocale>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <system_error>
#include <type_traits>

#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__NetBSD__) || defined(__OpenBSD__) || defined(__DragonFly__)
#include <xlocale.h>
#elif !defined(_WIN32)
#include <locale.h>
#include <stdlib.h>
#endif

// Decimal text to float and double, rounded to nearest exactly as std::from_chars rounds. Some
// standard libraries (libc++ 16 among them) have std::from_chars for integers only; with those the
// reader uses decimal_from_chars. The rounding is the C library's strtod, which is exact (glibc, musl,
// the BSDs and macOS, the Universal CRT), called with a "C" locale of its own so that the program's
// locale (a decimal comma) cannot change what is read. strtod wants a terminated string and reads
// every digit it is given, so the number is first rewritten into a buffer on the stack: at most
// max_digits significant digits and an exponent, which rounds to the same value (see below).
namespace xbl::detail {

// Whether the standard library reads F with std::from_chars.
template <class F>
concept has_std_from_chars = requires(const char* p, F& v) { std::from_chars(p, p, v); };

#if defined(_WIN32)
using c_locale_handle = _locale_t;
#else
using c_locale_handle = locale_t;
#endif

// Made once, for the life of the program; null only if there was no memory for it.
inline c_locale_handle c_locale() noexcept {
#if defined(_WIN32)
  static const c_locale_handle loc = _create_locale(LC_ALL, "C");
#else
  static const c_locale_handle loc = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(0));
#endif
  return loc;
}

template <class F>
F strto_c_locale(const char* text, char** end, c_locale_handle loc) noexcept {
#if defined(_WIN32)
  if constexpr (std::is_same_v<F, float>) return _strtof_l(text, end, loc);
  else return _strtod_l(text, end, loc);
#else
  if constexpr (std::is_same_v<F, float>) return strtof_l(text, end, loc);
  else return strtod_l(text, end, loc);
#endif
}

// Significant digits that always suffice. A number with more digits, all past the first
// max_digits dropped and one nonzero digit put after what is kept if any dropped digit was
// nonzero, rounds to the same F: kept as D×10^k (D of max_digits digits), both lie strictly between
// D×10^k and (D+1)×10^k, where no number of max_digits significant digits or fewer lies, so
// neither an F (a double has at most 767 significant digits, a float 112) nor a point halfway
// between two (at most 768 and 113).
template <class F>
inline constexpr std::size_t max_digits = std::numeric_limits<F>::digits == 24 ? 120 : 800;

// std::from_chars for F (float, or double, or a long double that is a double) on the text at
// [first, last): an optional '-', digits with an optional '.' and more digits, an optional
// exponent. The same results: the value rounded to nearest, ties to even; result_out_of_range
// (v untouched) when it rounds to infinity or to zero from a value that is not zero;
// invalid_argument (ptr == first) when no number starts at first. Unlike std::from_chars it reads
// no "inf", "nan" or hexadecimal: JSON has none of them. Allocates nothing.
template <class F>
std::from_chars_result decimal_from_chars(const char* first, const char* last, F& v) noexcept {
  using limits = std::numeric_limits<F>;
  static_assert(limits::is_iec559 && (limits::digits == 24 || limits::digits == 53),
                "decimal_from_chars reads IEEE single and double precision only; this standard library "
                "has no std::from_chars for this type");
  using R = std::conditional_t<limits::digits == 24, float, double>;
  constexpr std::size_t kept_max = max_digits<F>;
  // An exponent is read up to this and no further (it never overflows): as the digits move the
  // exponent by at most their count, what lies beyond is ±inf or ±0 for any text that fits in memory.
  constexpr std::int64_t exponent_cap = 1'000'000'000'000'000'000;
  char buf[kept_max + 32];  // sign, digits, sticky digit, 'e', exponent, terminator

  const char* p = first;
  std::size_t n = 0;
  const bool negative = p != last && *p == '-';
  if (negative) {
    buf[n++] = '-';
    ++p;
  }
  // The value is (digits kept, as an integer) × 10^exponent.
  std::size_t kept = 0;
  std::int64_t exponent = 0;
  bool dropped_nonzero = false;
  bool any_digit = false;
  auto take = [&](char c, bool fraction) {
    any_digit = true;
    if (kept == 0 && c == '0') {
      if (fraction) --exponent;
    } else if (kept < kept_max) {
      buf[n++] = c;
      ++kept;
      if (fraction) --exponent;
    } else {
      dropped_nonzero |= c != '0';
      if (!fraction) ++exponent;
    }
  };
  for (; p != last && *p >= '0' && *p <= '9'; ++p) take(*p, false);
  if (p != last && *p == '.') {
    const char* dot = p++;
    const char* digits = p;
    for (; p != last && *p >= '0' && *p <= '9'; ++p) take(*p, true);
    if (p == digits && !any_digit) p = dot;
  }
  if (!any_digit) return {first, std::errc::invalid_argument};

  if (p != last && (*p == 'e' || *p == 'E')) {
    const char* q = p + 1;
    bool exponent_negative = false;
    if (q != last && (*q == '+' || *q == '-')) exponent_negative = *q++ == '-';
    if (q != last && *q >= '0' && *q <= '9') {
      std::int64_t e = 0;
      for (; q != last && *q >= '0' && *q <= '9'; ++q)
        if (e < exponent_cap / 10) e = e * 10 + (*q - '0');
      exponent += exponent_negative ? -e : e;
      p = q;
    }
  }

  if (kept == 0) {
    v = negative ? -F(0) : F(0);
    return {p, std::errc{}};
  }
  if (dropped_nonzero) {
    buf[n++] = '1';
    --exponent;
  }
  // Kept to what strtod reads with ease: 10^100000 and 10^-100000 are as far beyond a double as
  // any larger power.
  if (exponent > 100'000) exponent = 100'000;
  if (exponent < -100'000) exponent = -100'000;
  buf[n++] = 'e';
  n = static_cast<std::size_t>(std::to_chars(buf + n, buf + sizeof buf - 1, exponent).ptr - buf);
  buf[n] = '\0';

  const c_locale_handle loc = c_locale();
  if (!loc) return {first, std::errc::not_enough_memory};
  const int saved_errno = errno;  // std::from_chars leaves errno alone
  char* end = nullptr;
  const R r = strto_c_locale<R>(buf, &end, loc);
  errno = saved_errno;
  if (end != buf + n) return {first, std::errc::invalid_argument};
  if (std::isinf(r) || r == 0) return {p, std::errc::result_out_of_range};
  v = static_cast<F>(r);
  return {p, std::errc{}};
}

// The standard library's std::from_chars where it has one for F, else decimal_from_chars.
template <class F>
std::from_chars_result floating_from_chars(const char* first, const char* last, F& v) noexcept {
  if constexpr (has_std_from_chars<F>)
    return std::from_chars(first, last, v);
  else
    return decimal_from_chars(first, last, v);
}

}  // namespace xbl::detail
