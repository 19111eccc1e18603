#pragma once

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "xbl/core/describe.hpp"
#include "xbl/core/error.hpp"
#include "xbl/core/ids.hpp"
#include "xbl/core/open_enum.hpp"
#include "xbl/core/raw_json.hpp"
#include "xbl/core/validate.hpp"
#include "xbl/core/variant.hpp"
#include "xbl/core/writer.hpp"

namespace xbl::detail {

// `{}` is compact JSON, the same bytes as to_json; `{:p}` is the pretty form.
struct json_formatter {
  bool pretty = false;

  constexpr auto parse(fmt::format_parse_context& ctx) -> decltype(ctx.begin()) {
    auto it = ctx.begin();
    if (it != ctx.end() && *it == 'p') {
      pretty = true;
      ++it;
    }
    if (it != ctx.end() && *it != '}') throw fmt::format_error("an xbl value takes {} (compact JSON) or {:p} (pretty)");
    return it;
  }

  template <class T, class Context>
  auto format(const T& value, Context& ctx) const -> decltype(ctx.out()) {
    write_options options;
    options.pretty = pretty;
    const std::string json = to_json(value, options);
    return std::copy(json.begin(), json.end(), ctx.out());
  }
};

template <class T>
concept json_formattable = described<T> || tagged_variant<T> || is_open_enum<T>::value || std::is_same_v<T, raw_json>;

// Types whose fmt form is their to_string() text rather than JSON: the identifiers, and what a
// header states (endpoints.hpp adds those).
template <class T>
inline constexpr bool formats_as_text = false;
template <>
inline constexpr bool formats_as_text<Xuid> = true;
template <>
inline constexpr bool formats_as_text<Guid> = true;
template <>
inline constexpr bool formats_as_text<TitleId> = true;
template <>
inline constexpr bool formats_as_text<Timestamp> = true;

}  // namespace xbl::detail

template <class T>
  requires xbl::detail::json_formattable<T>
struct fmt::formatter<T, char> : xbl::detail::json_formatter {};

// An identifier formats as its wire text, without JSON quotes: `2533274790395904`.
template <class T>
  requires xbl::detail::formats_as_text<T>
struct fmt::formatter<T, char> : fmt::formatter<fmt::string_view, char> {
  template <class Context>
  auto format(const T& id, Context& ctx) const -> decltype(ctx.out()) {
    if constexpr (requires(char* out) { id.to_chars(out); }) {
      char buf[T::max_chars];  // the identifiers write their text without a string
      const char* end = id.to_chars(buf);
      return fmt::formatter<fmt::string_view, char>::format(fmt::string_view(buf, static_cast<std::size_t>(end - buf)), ctx);
    } else {
      const std::string s = id.to_string();
      return fmt::formatter<fmt::string_view, char>::format(s, ctx);
    }
  }
};

// `line 12, column 24 (/3/devices/0/titles/0): expected ':' after object key, found ';'`
template <>
struct fmt::formatter<xbl::error, char> : fmt::formatter<fmt::string_view, char> {
  template <class Context>
  auto format(const xbl::error& e, Context& ctx) const -> decltype(ctx.out()) {
    // An error found in a value rather than in a text (correlate, read_options::validate) has no line.
    std::string s = e.line ? fmt::format("line {}, column {}", e.line, e.column) : std::string();
    // fmt 9 checks format strings at compile time: the two layouts are two literals.
    if (!e.path.empty()) s += e.line ? fmt::format(" ({})", e.path) : e.path;
    // A fault in the whole value has neither: the message is the whole line, not ": message".
    if (!s.empty()) s += ": ";
    s += e.message;
    return fmt::formatter<fmt::string_view, char>::format(s, ctx);
  }
};

// `/inviteAttributes/context: 540 characters once URI-encoded, more than the 256 allowed [context.max_uri_length]`
template <>
struct fmt::formatter<xbl::violation, char> : fmt::formatter<fmt::string_view, char> {
  template <class Context>
  auto format(const xbl::violation& v, Context& ctx) const -> decltype(ctx.out()) {
    const std::string s = fmt::format("{}: {} [{}]", v.path.empty() ? "/" : v.path, v.message, v.rule);
    return fmt::formatter<fmt::string_view, char>::format(s, ctx);
  }
};
