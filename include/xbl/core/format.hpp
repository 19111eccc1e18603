#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "xbl/core/codec.hpp"
#include "xbl/core/describe.hpp"
#include "xbl/core/error.hpp"
#include "xbl/core/ids.hpp"
#include "xbl/core/open_enum.hpp"
#include "xbl/core/raw_json.hpp"
#include "xbl/core/utf8.hpp"
#include "xbl/core/validate.hpp"
#include "xbl/core/variant.hpp"
#include "xbl/core/writer.hpp"

namespace xbl {

namespace detail {

// What every xbl formatter takes: `[[fill]align][width][p]`. `p` asks for pretty JSON and changes
// nothing where there is no JSON to indent (an identifier, an error), so that one spelling works
// for every xbl type. The parse is the library's own rather than fmt's string formatter's, so
// that it is the same across fmt 9 to 12.
struct format_spec {
  bool pretty = false;
  char align = '\0';  // '<', '>', '^', or none: left
  char fill[4] = {' '};
  unsigned char fill_size = 1;
  std::size_t width = 0;

  static constexpr bool is_align(char c) noexcept { return c == '<' || c == '>' || c == '^'; }

  template <class ParseContext>
  constexpr auto parse(ParseContext& ctx) -> decltype(ctx.begin()) {
    auto it = ctx.begin();
    const auto end = ctx.end();
    // The fill is one UTF-8 character, known by the alignment after it.
    const auto lead = it != end ? static_cast<unsigned char>(*it) : 0u;
    const std::ptrdiff_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (end - it > n && is_align(it[n]) && *it != '{' && *it != '}') {
      for (std::ptrdiff_t i = 0; i < n; ++i) fill[i] = it[i];
      fill_size = static_cast<unsigned char>(n);
      align = it[n];
      it += n + 1;
    } else if (it != end && is_align(*it)) {
      align = *it++;
    }
    for (; it != end && *it >= '0' && *it <= '9'; ++it) {
      width = width * 10 + static_cast<std::size_t>(*it - '0');
      if (width > 1'000'000) fail(ctx, "an xbl value's width is at most 1000000");
    }
    if (it != end && *it == 'p') {
      pretty = true;
      ++it;
    }
    if (it != end && *it != '}') fail(ctx, "an xbl value takes {}, {:p} (pretty JSON), and a fill, alignment and width before the p: {:>20}");
    return it;
  }

  // fmt's own report: format_error where exceptions are on, a compile error in a checked format
  // string, the end of the program where exceptions are off.
  template <class ParseContext>
  static constexpr void fail(ParseContext& ctx, const char* message) {
#if FMT_VERSION >= 110000
    (void)ctx;
    fmt::report_error(message);
#else
    ctx.on_error(message);
#endif
  }

  // `text` laid out in the width, counted in UTF-8 characters.
  template <class Context>
  auto write(std::string_view text, Context& ctx) const -> decltype(ctx.out()) {
    auto out = ctx.out();
    const std::size_t chars = width ? utf8_count(text) : 0;
    const std::size_t pad = width > chars ? width - chars : 0;
    const std::size_t before = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    auto put_fill = [&](std::size_t count) {
      for (std::size_t i = 0; i < count; ++i) out = std::copy(fill, fill + fill_size, out);
    };
    put_fill(before);
    // In one piece: fmt appends a string to its buffer at once, where std::copy would push each byte.
    out = fmt::format_to(out, "{}", fmt::string_view(text.data(), text.size()));
    put_fill(pad - before);
    return out;
  }
};

template <class T>
concept json_formattable = described<T> || tagged_variant<T> || is_open_enum<T>::value || std::is_same_v<T, raw_json>;

// `{}` is compact JSON, the same bytes as to_json; `{:p}` is the pretty form.
struct json_formatter : format_spec {
  template <class T, class Context>
  auto format(const T& value, Context& ctx) const -> decltype(ctx.out()) {
    write_options options;
    options.pretty = pretty;
    // From the writer's buffer (the thread's, kept from one write to the next) straight to fmt's
    // output: no string is made for the text.
    writer w(options);
    detail::write(w, value);
    return write(w.view(), ctx);
  }
};

template <>
inline constexpr bool formats_as_text<Xuid> = true;
template <>
inline constexpr bool formats_as_text<Guid> = true;
template <>
inline constexpr bool formats_as_text<TitleId> = true;
template <>
inline constexpr bool formats_as_text<Timestamp> = true;

template <class T>
struct json_view {
  const T& value;
};

}  // namespace detail

// Any value the library can write, formatted as its JSON: `{}` compact, `{:p}` pretty. For what has
// no formatter of its own as JSON: a std::vector of records (fmt/ranges.h would print fmt's list
// form), an identifier (which formats as bare text), an optional, a map.
//   fmt::print("{:p}\n", xbl::json(records));
template <class T>
detail::json_view<T> json(const T& value) noexcept {
  return {value};
}

}  // namespace xbl

template <class T>
  requires xbl::detail::json_formattable<T>
struct fmt::formatter<T, char> : xbl::detail::json_formatter {};

template <class T>
struct fmt::formatter<xbl::detail::json_view<T>, char> : xbl::detail::json_formatter {
  template <class Context>
  auto format(const xbl::detail::json_view<T>& v, Context& ctx) const -> decltype(ctx.out()) {
    return xbl::detail::json_formatter::format(v.value, ctx);
  }
};

// An identifier formats as its wire text, without JSON quotes: `2533274790395904`.
template <class T>
  requires xbl::detail::formats_as_text<T>
struct fmt::formatter<T, char> : xbl::detail::format_spec {
  template <class Context>
  auto format(const T& id, Context& ctx) const -> decltype(ctx.out()) {
    if constexpr (requires(char* out) { id.to_chars(out); }) {
      char buf[T::max_chars];  // the identifiers write their text without a string
      const char* end = id.to_chars(buf);
      return write(std::string_view(buf, static_cast<std::size_t>(end - buf)), ctx);
    } else {
      return write(id.to_string(), ctx);
    }
  }
};

// `line 12, column 24 (/3/devices/0/titles/0): expected ':' after object key, found ';'`
template <>
struct fmt::formatter<xbl::error, char> : xbl::detail::format_spec {
  template <class Context>
  auto format(const xbl::error& e, Context& ctx) const -> decltype(ctx.out()) {
    // An error found in a value rather than in a text (correlate, read_options::validate) has no line.
    // Built with std::string rather than fmt::format, whose format strings, checked at compile time,
    // would be checked in every unit that includes this header.
    std::string s = e.line ? "line " + std::to_string(e.line) + ", column " + std::to_string(e.column) : std::string();
    if (!e.path.empty()) s += e.line ? " (" + e.path + ")" : e.path;
    // A fault in the whole value has neither: the message is the whole line, not ": message".
    if (!s.empty()) s += ": ";
    s += e.message;
    return write(s, ctx);
  }
};

// `/inviteAttributes/context: 540 characters once URI-encoded, more than the 256 allowed [context.max_uri_length]`
template <>
struct fmt::formatter<xbl::violation, char> : xbl::detail::format_spec {
  template <class Context>
  auto format(const xbl::violation& v, Context& ctx) const -> decltype(ctx.out()) {
    return write((v.path.empty() ? std::string("/") : v.path) + ": " + v.message + " [" + v.rule + "]", ctx);
  }
};
