#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "xbl/core/codec.hpp"
#include "xbl/core/describe.hpp"
#include "xbl/core/open_enum.hpp"
#include "xbl/core/scanner.hpp"
#include "xbl/core/uri.hpp"
#include "xbl/core/utf8.hpp"

namespace xbl {

// One broken rule: where (JSON Pointer), which (a stable identifier to filter or count on), and why.
struct violation {
  std::string path;
  std::string rule;
  std::string message;

  friend bool operator==(const violation&, const violation&) = default;
};

// ---- rules ---------------------------------------------------------------------------------------
// A rule is an object with an `id` and a call operator that takes the member's value and returns a
// message, empty when the value is sound. It is given to xbl::field after the member pointer, or to
// xbl::make_rules for a rule over the whole object. On an optional member a rule sees the value
// only when there is one.

// A string whose length in characters (Unicode code points) is within [min, max].
struct length {
  std::size_t min;
  std::size_t max;
  std::string_view id;
  std::string operator()(const std::string& s) const {
    const std::size_t n = detail::utf8_count(s);
    if (n >= min && n <= max) return {};
    return "length " + std::to_string(n) + " is outside " + std::to_string(min) + " to " + std::to_string(max) +
           " characters";
  }
};

// A string at most `max` bytes long once percent-encoded (RFC 3986).
struct max_uri_length {
  std::size_t max;
  std::string_view id;
  std::string operator()(const std::string& s) const {
    const std::size_t n = uri_encoded_length(s);
    if (n <= max) return {};
    return std::to_string(n) + " characters once URI-encoded, more than the " + std::to_string(max) + " allowed";
  }
};

// A value that must be exactly `expected`.
template <class V>
struct equals {
  V expected;
  std::string_view id;
  std::string operator()(const V& v) const {
    if (v == expected) return {};
    if constexpr (std::is_arithmetic_v<V>) return "must be " + std::to_string(expected) + ", is " + std::to_string(v);
    else return "has a value other than the one allowed";
  }
};
template <class V>
equals(V, std::string_view) -> equals<V>;

// A container with at least one element.
struct non_empty {
  std::string_view id;
  template <class C>
    requires requires(const C& c) { c.empty(); }
  std::string operator()(const C& c) const {
    return c.empty() ? "must not be empty" : std::string{};
  }
};

// Any other rule: `f(value)` returns the message of the violation, or an empty string.
template <class F>
struct check {
  std::string_view id;
  F f;
  template <class V>
    requires std::is_invocable_r_v<std::string, const F&, const V&>
  std::string operator()(const V& v) const {
    return f(v);
  }
};
template <class F>
check(std::string_view, F) -> check<F>;

namespace detail {

// What walk tells apart beyond the containers: any std::variant, and a codec type with a check of
// its own.
template <class T>
concept any_variant = requires { std::variant_size<T>::value; };
template <class T>
concept checked_codec = has_codec<T> && requires(const T& v) { codec<T>::check(v); };

// Whether walk can find a fault in a T by itself, without a rule given to its member: not in a
// string, an integer, a bool or an id without a check, whose members then cost no code in the walk.
template <class T>
constexpr bool may_violate() {
  if constexpr (any_variant<T>) return true;
  else if constexpr (has_codec<T>) return checked_codec<T>;
  else if constexpr (std::is_floating_point_v<T> || is_open_enum<T>::value) return true;
  else if constexpr (is_optional<T>::value || is_vector<T>::value || is_std_array<T>::value)
    return may_violate<typename T::value_type>();
  else if constexpr (is_string_map<T>::value) return may_violate<typename T::mapped_type>();
  else return described<T>;
}

class validator {
 public:
  std::vector<violation> found;

  template <class Rule, class V>
  void apply(const Rule& rule, const V& v) {
    if constexpr (std::is_invocable_v<const Rule&, const V&>) {
      report(rule.id, rule(v));
    } else if constexpr (is_optional<V>::value) {
      if (v) apply(rule, *v);
    } else {
      static_assert(sizeof(Rule) == 0, "this rule does not apply to the member it is given to");
    }
  }

  void report(std::string_view rule, std::string message) {
    if (!message.empty()) found.push_back(violation{path_, std::string(rule), std::move(message)});
  }

  template <class T>
  void walk(const T& v) {
    if constexpr (any_variant<T>) {
      std::visit([&](const auto& alternative) { walk(alternative); }, v);
    } else if constexpr (has_codec<T>) {
      if constexpr (checked_codec<T>) report("value.invalid", codec<T>::check(v));
    } else if constexpr (std::is_floating_point_v<T>) {
      if (!std::isfinite(v)) report("number.finite", "NaN and infinity have no JSON form");
    } else if constexpr (is_open_enum<T>::value) {
      if (!v.is_known()) unknown_enum(v.text(), enum_name<T>());
    } else if constexpr (is_optional<T>::value) {
      if (v) walk(*v);
    } else if constexpr (is_vector<T>::value || is_std_array<T>::value) {
      for (std::size_t i = 0; i < v.size(); ++i) nested(std::to_string(i), v[i]);
    } else if constexpr (is_string_map<T>::value) {
      for (const auto& [key, value] : v) nested(key, value);
    } else if constexpr (described<T>) {
      for_each_field<T>([&](const auto& f, auto) {
        using field = std::remove_cvref_t<decltype(f)>;
        if constexpr (decltype(field::rules)::size > 0 || may_violate<typename field::member_type>()) {
          const auto& member = v.*(f.member);
          const std::size_t mark = enter(f.name);
          detail::apply([&](const auto&... rule) { (apply(rule, member), ...); }, f.rules);
          walk(member);
          path_.resize(mark);
        }
      });
      if constexpr (has_object_rules<T>) detail::apply([&](const auto&... rule) { (apply(rule, v), ...); }, meta<T>::rules);
    }
  }

  // Lets a domain check run its own walk at a deeper path.
  std::string& path() noexcept { return path_; }

 private:
  // The name an open_enum's description gives its enumeration, if any.
  template <class E>
  static constexpr std::string_view enum_name() {
    if constexpr (requires { meta<typename E::enum_type>::name; }) return meta<typename E::enum_type>::name;
    else return {};
  }

  XBL_NOINLINE void unknown_enum(std::string_view text, std::string_view enumeration) {
    std::string message = detail::quoted(text) + " is not a known value";
    if (!enumeration.empty()) message += std::string(" of ") + std::string(enumeration);
    report("enum.unknown", std::move(message));
  }

  std::size_t enter(std::string_view token) {
    const std::size_t mark = path_.size();
    append_pointer_token(path_, token);
    return mark;
  }

  template <class V>
  void nested(std::string_view token, const V& v) {
    const std::size_t mark = enter(token);
    walk(v);
    path_.resize(mark);
  }

  std::string path_;
};

}  // namespace detail

// Every rule the value breaks, in document order: the rules its description gives each member and
// object, an enum text outside the known list (`enum.unknown`), and a number JSON cannot carry.
template <class T>
std::vector<violation> validate(const T& value) {
  detail::validator v;
  v.walk(value);
  return std::move(v.found);
}

}  // namespace xbl
