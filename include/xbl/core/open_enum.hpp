#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "xbl/core/describe.hpp"

namespace xbl {

// One enumerator's wire names: the canonical one it is written as, and the other spellings the
// services or the SDK use for the same value.
template <class E>
struct enumerator {
  E value;
  std::string_view name;
  std::array<std::string_view, 3> aliases{};
};

template <class E, class... Aliases>
constexpr enumerator<E> name(E value, std::string_view text, Aliases... aliases) {
  static_assert(sizeof...(Aliases) <= 3, "at most three aliases per enumerator");
  return enumerator<E>{value, text, {std::string_view(aliases)...}};
}

template <class E, class... More>
constexpr auto make_enum(enumerator<E> first, More... more) {
  return std::array<enumerator<E>, 1 + sizeof...(More)>{first, more...};
}

namespace detail {

constexpr char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

constexpr bool equal_ignoring_case(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

template <class E>
constexpr bool enum_ignores_case() {
  if constexpr (requires { meta<E>::ignore_case; }) return meta<E>::ignore_case;
  else return false;
}

}  // namespace detail

template <described_enum E>
constexpr std::string_view to_string(E value) noexcept {
  for (const auto& e : meta<E>::values)
    if (e.value == value) return e.name;
  return {};
}

// The known enumerator a wire text names (by its name or an alias, ignoring ASCII case where the
// description says the service does), or nothing.
template <described_enum E>
constexpr std::optional<E> enum_from_string(std::string_view text) noexcept {
  constexpr bool fold = detail::enum_ignores_case<E>();
  auto same = [](std::string_view a, std::string_view b) {
    return fold ? detail::equal_ignoring_case(a, b) : a == b;
  };
  for (const auto& e : meta<E>::values) {
    if (same(e.name, text)) return e.value;
    // By reference: g++ 12 refuses, in a constant expression, the copy of an element of a
    // `static constexpr` array that a by-value range-for makes.
    for (const auto& alias : e.aliases)
      if (!alias.empty() && same(alias, text)) return e.value;
  }
  return std::nullopt;
}

// An enumeration as the wire has it: a known value, or the exact text of one this library does not
// know yet. The text read is the text written, even when it is an alias or differs in case.
template <described_enum E>
class open_enum {
 public:
  using enum_type = E;

  constexpr open_enum() noexcept : value_(meta<E>::values[0].value) {}
  constexpr open_enum(E value) noexcept : value_(value) {}

  // Reads a wire text: known if the description names it, kept verbatim either way.
  static open_enum from_text(std::string_view text) {
    open_enum e;
    if (auto known = enum_from_string<E>(text)) {
      e.value_ = *known;
      if (text != to_string(*known)) e.text_ = text;
    } else {
      e.known_ = false;
      e.text_ = text;
    }
    return e;
  }

  constexpr bool is_known() const noexcept { return known_; }
  constexpr std::optional<E> known() const noexcept { return known_ ? std::optional<E>(value_) : std::nullopt; }
  // An unknown value's text is its own even when empty: `""` read is `""` written, not a known name.
  std::string_view text() const noexcept {
    return known_ && text_.empty() ? to_string(value_) : std::string_view(text_);
  }

  friend bool operator==(const open_enum& a, E b) noexcept { return a.known_ && a.value_ == b; }
  // Equal when both name the same known value (whatever the spelling), or both carry the same unknown text.
  friend bool operator==(const open_enum& a, const open_enum& b) noexcept {
    if (a.known_ != b.known_) return false;
    return a.known_ ? a.value_ == b.value_ : a.text_ == b.text_;
  }

 private:
  E value_;
  bool known_ = true;
  std::string text_;  // for a known value, empty when the text is the canonical name
};

namespace detail {
template <class T>
struct is_open_enum : std::false_type {};
template <class E>
struct is_open_enum<open_enum<E>> : std::true_type {};
}  // namespace detail

}  // namespace xbl
