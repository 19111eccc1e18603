#pragma once

#include <array>
#include <charconv>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "xbl/core/codec.hpp"
#include "xbl/core/digits.hpp"
#include "xbl/core/error.hpp"
#include "xbl/core/platform.hpp"
#include "xbl/core/reader.hpp"
#include "xbl/core/result.hpp"
#include "xbl/core/writer.hpp"

// The identifiers the services pass around. Each compares by value and writes back the wire form
// it was read in (leading zeros, letter case, string or number, fraction digits and `Z`), so that a
// payload read and written is the payload that was read.
namespace xbl {

namespace detail {

// The outcome of parsing an identifier's text, usable in constant expressions (the literals).
struct id_failure {
  errc code = errc::ok;
  std::size_t offset = 0;
  const char* message = "";
  constexpr explicit operator bool() const noexcept { return code != errc::ok; }
};

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// The last two decimal digits of v at o, from one table rather than two divisions each.
inline char* two_digits(char* o, unsigned v) noexcept {
  static constexpr char pairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  std::memcpy(o, pairs + 2 * (v % 100), 2);
  return o + 2;
}

// Eight bytes of a text of fixed form: '0' where a digit goes, a separator as itself, and '?'
// where the byte is another word's to check.
struct form_word {
  std::uint64_t bytes = 0, digits = 0, separators = 0;
  consteval explicit form_word(const char (&text)[9]) {
    for (int i = 0; i < 8; ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c == '?') continue;
      bytes |= std::uint64_t{c} << (8 * i);
      (c == '0' ? digits : separators) |= std::uint64_t{0xFF} << (8 * i);
    }
  }
  // Nonzero unless x, eight bytes of text XOR `bytes`, holds 0 to 9 at each digit and 0 at each
  // separator. A carry from one byte to the next only ever leaves a byte that is wrong already.
  constexpr std::uint64_t misfit(std::uint64_t x) const noexcept {
    return (x & separators) | ((x | (x + (digits & every_byte * 6))) & digits & every_byte * 0xF0);
  }
};

// `id` by reference: callers parse into it in the other argument, and the order in which arguments
// are evaluated is unspecified (clang copied a by-value `id` before the parse had filled it).
template <class Id>
result<Id> id_result(const Id& id, id_failure f) {
  if (!f) return id;
  return text_error(f.code, f.offset, f.message);
}

}  // namespace detail

// ---- Xuid ---------------------------------------------------------------------------------------

// A user's Xbox user id: an unsigned 64-bit number written as a string of decimal digits.
class Xuid {
 public:
  constexpr Xuid() noexcept = default;
  constexpr explicit Xuid(std::uint64_t value) noexcept : value_(value) {}

  constexpr std::uint64_t value() const noexcept { return value_; }

  static constexpr detail::id_failure parse_into(std::string_view text, Xuid& out) noexcept {
    if (text.empty()) return {errc::invalid_value, 0, "a XUID needs at least one digit"};
    if (text.size() > 64) return {errc::invalid_value, 64, "a XUID is at most 64 characters long"};
    const std::size_t n = detail::digit_run(text.data(), text.data() + text.size());
    if (n != text.size()) return {errc::invalid_value, n, "a XUID is decimal digits only"};
    return from_digits(text.data(), n, out);
  }

  // The end of the well-formed XUID at p, read no further than `end`, or null.
  static constexpr const char* scan(const char* p, const char* end, Xuid& out) noexcept {
    const std::size_t n = detail::digit_run(p, end);
    return n >= 1 && n <= 64 && !from_digits(p, n, out) ? p + n : nullptr;
  }

  // From n (1 to 64) decimal digits at p.
  static constexpr detail::id_failure from_digits(const char* p, std::size_t n, Xuid& out) noexcept {
    std::size_t zeros = 0;
    while (zeros + 1 < n && p[zeros] == '0') ++zeros;  // a lone 0 is the value, not padding
    std::uint64_t v = 0;
    if (!detail::digits_to_u64(p + zeros, n - zeros, v))
      return {errc::number_out_of_range, 0, "a XUID must fit in 64 bits (at most 18446744073709551615)"};
    out.value_ = v;
    out.leading_zeros_ = static_cast<std::uint16_t>(zeros);
    return {};
  }

  static result<Xuid> parse(std::string_view text) {
    Xuid x;
    return detail::id_result(x, parse_into(text, x));
  }

  // to_string()'s text written at `out`, which has room for max_chars; returns its end.
  static constexpr std::size_t max_chars = 64 + 20;
  char* to_chars(char* out) const noexcept {
    for (std::uint16_t i = 0; i < leading_zeros_; ++i) *out++ = '0';
    return std::to_chars(out, out + 20, value_).ptr;
  }

  std::string to_string() const {
    char buf[max_chars];
    return std::string(buf, to_chars(buf));
  }

  friend constexpr bool operator==(const Xuid& a, const Xuid& b) noexcept { return a.value_ == b.value_; }
  friend constexpr auto operator<=>(const Xuid& a, const Xuid& b) noexcept { return a.value_ <=> b.value_; }

 private:
  std::uint64_t value_ = 0;
  std::uint16_t leading_zeros_ = 0;
};

// ---- Guid ---------------------------------------------------------------------------------------

// 8-4-4-4-12 hexadecimal digits, in either case, without braces.
class Guid {
 public:
  constexpr Guid() noexcept { text_.fill('0'); text_[8] = text_[13] = text_[18] = text_[23] = '-'; }

  static constexpr detail::id_failure parse_into(std::string_view text, Guid& out) noexcept {
    if (text.size() != 36) return {errc::invalid_value, 0, "a GUID is 36 characters: 8-4-4-4-12 hexadecimal digits"};
    if (well_formed(text.data())) {
      for (std::size_t i = 0; i < 36; ++i) out.text_[i] = text[i];
      return {};
    }
    // Not well formed: find the first fault, to say which and where.
    for (std::size_t i = 0; i < 36; ++i) {
      const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? text[i] == '-' : detail::hex_digit_value(text[i]) >= 0) continue;
      if (dash) return {errc::invalid_value, i, "a GUID has '-' after the 8th, 12th, 16th and 20th digits"};
      return {errc::invalid_value, i, "a GUID is hexadecimal digits and '-' (no braces)"};
    }
    return {};
  }

  // The end of the well-formed GUID at p, read no further than `end`, or null.
  static constexpr const char* scan(const char* p, const char* end, Guid& out) noexcept {
    return end - p >= 36 && !parse_into(std::string_view(p, 36), out) ? p + 36 : nullptr;
  }

  static result<Guid> parse(std::string_view text) {
    Guid g;
    return detail::id_result(g, parse_into(text, g));
  }

  std::string to_string() const { return std::string(text_.data(), text_.size()); }
  constexpr std::string_view text() const noexcept { return {text_.data(), text_.size()}; }

  static constexpr std::size_t max_chars = 36;
  char* to_chars(char* out) const noexcept {
    std::memcpy(out, text_.data(), text_.size());
    return out + text_.size();
  }

  friend constexpr bool operator==(const Guid& a, const Guid& b) noexcept { return (a <=> b) == 0; }
  friend constexpr std::strong_ordering operator<=>(const Guid& a, const Guid& b) noexcept {
    for (std::size_t i = 0; i < 36; ++i) {
      const char x = lower(a.text_[i]);
      const char y = lower(b.text_[i]);
      if (x != y) return x <=> y;
    }
    return std::strong_ordering::equal;
  }

 private:
  static constexpr char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

  // Four words of digits, a branch for none of them (for random hexadecimal digits, a letter as
  // often as not, a branch per character mispredicts on every other one): the eight before the
  // first dash, the two groups of four on either side of the second and of the fourth, the twelve
  // after the last.
  static constexpr bool well_formed(const char* p) noexcept {
    using detail::load8;
    constexpr std::uint64_t low_half = 0xFFFFFFFFu;
    const std::uint64_t digits = detail::non_hex_bytes(load8(p)) |
                                 detail::non_hex_bytes((load8(p + 9) & low_half) | load8(p + 14) << 32) |
                                 detail::non_hex_bytes((load8(p + 19) & low_half) | load8(p + 24) << 32) |
                                 detail::non_hex_bytes(load8(p + 28));
    const unsigned dashes = static_cast<unsigned>((p[8] ^ '-') | (p[13] ^ '-') | (p[18] ^ '-') | (p[23] ^ '-'));
    return (digits | dashes) == 0;
  }

  std::array<char, 36> text_{};
};

// ---- TitleId ------------------------------------------------------------------------------------

// A title's id: a uint32 the SDK sends as a string and the docs show as a number. Both read; each is
// written back in its own form, and a constructed one as a string.
class TitleId {
 public:
  constexpr TitleId() noexcept = default;
  constexpr explicit TitleId(std::uint32_t value, bool as_number = false) noexcept
      : value_(value), as_number_(as_number) {}

  constexpr std::uint32_t value() const noexcept { return value_; }
  constexpr bool written_as_number() const noexcept { return as_number_; }

  static constexpr detail::id_failure parse_into(std::string_view text, TitleId& out) noexcept {
    if (text.empty()) return {errc::invalid_value, 0, "a title id needs at least one digit"};
    const std::size_t n = detail::digit_run(text.data(), text.data() + text.size());
    if (n != text.size()) return {errc::invalid_value, n, "a title id is decimal digits only"};
    return from_digits(text.data(), n, out);
  }

  // The end of the well-formed title id at p, read no further than `end`, or null.
  static constexpr const char* scan(const char* p, const char* end, TitleId& out) noexcept {
    const std::size_t n = detail::digit_run(p, end);
    return n >= 1 && !from_digits(p, n, out) ? p + n : nullptr;
  }

  // From n (at least 1) decimal digits at p, as a string has them.
  static constexpr detail::id_failure from_digits(const char* p, std::size_t n, TitleId& out) noexcept {
    if (n > 1 && p[0] == '0') return {errc::invalid_value, 0, "a title id has no leading zeros"};
    std::uint64_t v = 0;
    if (n > 10 || !detail::digits_to_u64(p, n, v) || v > UINT32_MAX)
      return {errc::number_out_of_range, 0, "a title id must fit in 32 bits (at most 4294967295)"};
    out.value_ = static_cast<std::uint32_t>(v);
    out.as_number_ = false;
    return {};
  }

  static result<TitleId> parse(std::string_view text) {
    TitleId t;
    return detail::id_result(t, parse_into(text, t));
  }

  std::string to_string() const { return std::to_string(value_); }

  static constexpr std::size_t max_chars = 10;
  char* to_chars(char* out) const noexcept { return std::to_chars(out, out + max_chars, value_).ptr; }

  friend constexpr bool operator==(const TitleId& a, const TitleId& b) noexcept { return a.value_ == b.value_; }
  friend constexpr auto operator<=>(const TitleId& a, const TitleId& b) noexcept { return a.value_ <=> b.value_; }

 private:
  std::uint32_t value_ = 0;
  bool as_number_ = false;
};

// ---- Timestamp ----------------------------------------------------------------------------------

// A UTC instant in 100 ns ticks since 0001-01-01T00:00:00 (the services' DateTime), written in
// ISO 8601 as `YYYY-MM-DDTHH:MM:SS[.f{1,7}][Z]`. Its range is the form's: the years 0001 to 9999,
// ticks 0 to max_ticks, so that every Timestamp writes text that reads back equal. A tick count
// known at run time becomes one through from_ticks, which refuses one out of range; the
// constructor takes only a constant, and an out-of-range constant does not compile.
class Timestamp {
 public:
  static constexpr std::int64_t ticks_per_second = 10'000'000;
  static constexpr std::int64_t min_ticks = 0;                          // 0001-01-01T00:00:00
  static constexpr std::int64_t max_ticks = 3'155'378'975'999'999'999;  // 9999-12-31T23:59:59.9999999

  constexpr Timestamp() noexcept = default;
  consteval explicit Timestamp(std::int64_t ticks) : ticks_(ticks) {
    if (!in_range(ticks)) detail::compile_time_error(range);
  }

  static constexpr bool in_range(std::int64_t ticks) noexcept { return ticks >= min_ticks && ticks <= max_ticks; }

  static result<Timestamp> from_ticks(std::int64_t ticks) {
    if (!in_range(ticks)) return detail::value_error(errc::number_out_of_range, "", range);
    Timestamp ts;
    ts.ticks_ = ticks;
    return ts;
  }

  constexpr std::int64_t ticks() const noexcept { return ticks_; }

  static constexpr detail::id_failure parse_into(std::string_view t, Timestamp& out) noexcept {
    Timestamp ts;
    const char* stop = nullptr;
    if (const auto f = parse_prefix(t.data(), t.data() + t.size(), ts, stop)) return f;
    if (stop != t.data() + t.size()) return {errc::invalid_value, static_cast<std::size_t>(stop - t.data()), form};
    out = ts;
    return {};
  }

  // The end of the well-formed timestamp at p, read no further than `end`, or null.
  static constexpr const char* scan(const char* p, const char* end, Timestamp& out) noexcept {
    const char* stop = nullptr;
    return parse_prefix(p, end, out, stop) ? nullptr : stop;
  }

  // The timestamp that starts at p, read no further than `end`: `stop` is set just past it. What
  // follows is the caller's to judge (the end of the text for parse_into, a quote for the reader).
  static constexpr detail::id_failure parse_prefix(const char* p, const char* end, Timestamp& out,
                                                   const char*& stop) noexcept {
    if (end - p < 19) return {errc::invalid_value, 0, form};
    // The 19 bytes of `YYYY-MM-DDTHH:MM:SS` as three words (bytes 0-7, 8-15, 11-18), each made to
    // hold 0 to 9 at a digit and 0 at a separator by an XOR with its pattern, then checked at once.
    constexpr detail::form_word date("0000-00-"), time("00T00:00"), seconds("?????:00");
    const std::uint64_t a = detail::load8(p) ^ date.bytes, b = detail::load8(p + 8) ^ time.bytes,
                        c = detail::load8(p + 11) ^ seconds.bytes;
    if (date.misfit(a) | time.misfit(b) | seconds.misfit(c)) return {errc::invalid_value, 0, form};
    auto two = [](std::uint64_t x, int at) { return static_cast<int>((x >> (8 * at) & 0xFF) * 10 + (x >> (8 * at + 8) & 0xFF)); };
    const int year = two(a, 0) * 100 + two(a, 2), month = two(a, 5), day = two(b, 0), hour = two(b, 3),
              minute = two(b, 6), second = two(c, 6);
    if (year < 1) return {errc::invalid_value, 0, "the year must be 0001 or later"};
    if (month < 1 || month > 12) return {errc::invalid_value, 5, "the month must be 01 to 12"};
    if (day < 1 || day > days_in_month(year, month)) return {errc::invalid_value, 8, "no such day in that month"};
    if (hour > 23) return {errc::invalid_value, 11, "the hour must be 00 to 23"};
    if (minute > 59) return {errc::invalid_value, 14, "the minute must be 00 to 59"};
    // The services' DateTime counts no leap seconds, so `:60` has no tick count to read into.
    if (second == 60) return {errc::invalid_value, 17, "a leap second (:60) has no 100 ns tick count; the second must be 00 to 59"};
    if (second > 59) return {errc::invalid_value, 17, "the second must be 00 to 59"};
    const char* q = p + 19;
    std::int64_t fraction = 0;
    std::size_t fraction_digits = 0;
    if (q < end && *q == '.') {
      ++q;
      fraction_digits = detail::digit_run(q, end);
      if (fraction_digits == 0) return {errc::invalid_value, static_cast<std::size_t>(q - p), "a '.' needs fraction digits after it"};
      if (fraction_digits > 7) return {errc::invalid_value, static_cast<std::size_t>(q - p) + 7, "at most 7 fraction digits (100 ns)"};
      fraction = static_cast<std::int64_t>(detail::digits_value_at(q, end, fraction_digits)) * ticks_of_digit[fraction_digits];
      q += fraction_digits;
    }
    const bool zulu = q < end && *q == 'Z';
    q += zulu;
    const std::int64_t days = days_from_civil(year, month, day);
    out.ticks_ = ((days * 24 + hour) * 60 + minute) * 60 * ticks_per_second + second * ticks_per_second + fraction;
    out.fraction_digits_ = static_cast<std::uint8_t>(fraction_digits);
    out.zulu_ = zulu;
    out.constructed_ = false;
    stop = q;
    return {};
  }

  static result<Timestamp> parse(std::string_view text) {
    Timestamp ts;
    return detail::id_result(ts, parse_into(text, ts));
  }

  std::string to_string() const {
    char buf[max_chars];
    return std::string(buf, to_chars(buf));
  }

  static constexpr std::size_t max_chars = 40;
  char* to_chars(char* buf) const noexcept {
    // In range, the ticks are not negative and the year has four digits.
    const std::int64_t seconds = ticks_ / ticks_per_second, fraction = ticks_ % ticks_per_second;
    int year, month, day;
    civil_from_days(static_cast<std::uint32_t>(seconds / 86400), year, month, day);
    const auto y = static_cast<unsigned>(year);
    const auto t = static_cast<unsigned>(seconds % 86400);
    char* o = detail::two_digits(detail::two_digits(buf, y / 100), y);
    *o++ = '-';
    o = detail::two_digits(o, static_cast<unsigned>(month));
    *o++ = '-';
    o = detail::two_digits(o, static_cast<unsigned>(day));
    *o++ = 'T';
    o = detail::two_digits(o, t / 3600);
    *o++ = ':';
    o = detail::two_digits(o, t / 60 % 60);
    *o++ = ':';
    o = detail::two_digits(o, t % 60);
    const int digits = constructed_ ? 7 : fraction_digits_;
    if (digits > 0) {
      // All seven digits of the 100 ns count and a zero are stored, of which the first `digits`
      // are the text's (the buffer has room for them all).
      *o++ = '.';
      detail::store8(o, detail::eight_digits_text(static_cast<std::uint32_t>(fraction) * 10));
      o += digits;
    }
    if (constructed_ || zulu_) *o++ = 'Z';
    return o;
  }

  friend constexpr bool operator==(const Timestamp& a, const Timestamp& b) noexcept { return a.ticks_ == b.ticks_; }
  friend constexpr auto operator<=>(const Timestamp& a, const Timestamp& b) noexcept { return a.ticks_ <=> b.ticks_; }

 private:
  static constexpr const char* form = "a timestamp is YYYY-MM-DDTHH:MM:SS, an optional fraction of 1 to 7 digits and an optional Z";
  static constexpr const char* range = "a timestamp is 0001-01-01T00:00:00 to 9999-12-31T23:59:59.9999999: ticks 0 to 3155378975999999999";

  // Tables at class scope: a constexpr function may not have static ones, and a local one is
  // copied to the stack at each call.
  static constexpr int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  static constexpr std::int64_t ticks_of_digit[8] = {10'000'000, 1'000'000, 100'000, 10'000, 1'000, 100, 10, 1};  // by fraction length

  static constexpr bool leap(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
  static constexpr int days_in_month(int y, int m) noexcept {
    return m == 2 && leap(y) ? 29 : month_days[m - 1];
  }
  // Days since 0001-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms).
  static constexpr std::int64_t days_from_civil(int y, int m, int d) noexcept {
    y -= m <= 2;
    const std::int64_t era = y / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 306;  // 306 days from 0000-03-01, where the algorithm counts from, to 0001-01-01
  }
  // In 32-bit arithmetic, which makes the divisions by constants cheap: the days of the range
  // (0 to 3652058) fit with room to spare.
  static constexpr void civil_from_days(std::uint32_t days, int& y, int& m, int& d) noexcept {
    const std::uint32_t z = days + 306;
    const std::uint32_t era = z / 146097;
    const std::uint32_t doe = z - era * 146097;
    const std::uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::uint32_t mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe + era * 400 + (m <= 2));
  }

  std::int64_t ticks_ = 0;
  std::uint8_t fraction_digits_ = 7;
  bool zulu_ = true;
  bool constructed_ = true;
};

// ---- literals -----------------------------------------------------------------------------------

namespace detail {
template <class Id, char... C>
consteval Id numeric_literal() {
  constexpr char text[] = {C...};
  Id id;
  const auto f = Id::parse_into(std::string_view(text, sizeof...(C)), id);
  if (f) compile_time_error(f.message);
  return id;
}
}  // namespace detail

namespace literals {
template <char... C>
consteval Xuid operator""_xuid() { return detail::numeric_literal<Xuid, C...>(); }

template <char... C>
consteval TitleId operator""_title() { return detail::numeric_literal<TitleId, C...>(); }

consteval Guid operator""_guid(const char* text, std::size_t n) {
  Guid g;
  const auto f = Guid::parse_into(std::string_view(text, n), g);
  if (f) detail::compile_time_error(f.message);
  return g;
}
}  // namespace literals

// ---- the wire ------------------------------------------------------------------------------------

namespace detail {

// Identifiers travel as JSON strings; the text is parsed and a bad one is reported at the string.
template <class Id>
bool read_id_string(scanner& s, Id& v, std::string_view what) {
  if (s.at_end() || s.peek() != '"') return mismatch(s, what);
  // Mostly the string is the id and nothing else, no escape in it: read straight from the input
  // then. Anything else takes the way of every string, which also gives the exact error.
  if (const char* e = Id::scan(s.p + 1, s.end, v); e && e != s.end && *e == '"') {
    s.p = e + 1;
    return true;
  }
  const char* at = s.p;
  std::string_view text;
  if (!s.string_text(text)) return false;
  const auto f = Id::parse_into(text, v);
  if (f) return s.fail(f.code, at, std::string(f.message) + ", not " + detail::quoted(text));
  return true;
}

template <>
struct codec<Xuid> {
  static bool read(scanner& s, Xuid& v) { return read_id_string(s, v, "a XUID string"); }
  static void write(writer& w, const Xuid& v) { w.id(v); }
};

template <>
struct codec<Guid> {
  static bool read(scanner& s, Guid& v) { return read_id_string(s, v, "a GUID string"); }
  static void write(writer& w, const Guid& v) { w.id(v); }
};

template <>
struct codec<Timestamp> {
  static bool read(scanner& s, Timestamp& v) { return read_id_string(s, v, "a timestamp string"); }
  static void write(writer& w, const Timestamp& v) { w.id(v); }
};

template <>
struct codec<TitleId> {
  static bool read(scanner& s, TitleId& v) {
    if (!s.at_end() && is_number_start(s.peek())) {
      std::uint32_t n = 0;
      if (!read_integer(s, n)) return false;
      v = TitleId(n, true);
      return true;
    }
    return read_id_string(s, v, "a title id (string or number)");
  }
  static void write(writer& w, const TitleId& v) {
    if (v.written_as_number()) w.integer(v.value());
    else w.id(v);
  }
};

}  // namespace detail
}  // namespace xbl
