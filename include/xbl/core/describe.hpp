#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "xbl/core/raw_json.hpp"
#include "xbl/core/platform.hpp"
#include "xbl/core/rare.hpp"

namespace xbl {

// The one description of a type. Specialise it with
//   static constexpr auto fields = xbl::make_fields(xbl::field("jsonName", &T::member, rules...), ...);
// and optionally
//   static constexpr auto rules = xbl::make_rules(rule...);   // rules over the whole object
//   static constexpr auto extras = &T::extras;                // where unknown members are kept
// Enumerations are described with `values` instead (see open_enum.hpp).
template <class T>
struct meta;

namespace detail {

template <std::size_t I, class T>
struct pack_slot {
  T value;
};

template <class Indices, class... T>
struct pack_base;

template <std::size_t... I, class... T>
struct pack_base<std::index_sequence<I...>, T...> : pack_slot<I, T>... {};

}  // namespace detail

// A fixed list of values of different types: what make_fields and make_rules return. A plain
// aggregate, because every std::tuple a description would make weighs its constructors'
// constraints for every element in every unit that includes it.
template <class... T>
struct pack : detail::pack_base<std::index_sequence_for<T...>, T...> {
  static constexpr std::size_t size = sizeof...(T);
};

namespace detail {

// Element I of a pack.
template <std::size_t I, class T>
constexpr const T& get(const pack_slot<I, T>& slot) noexcept {
  return slot.value;
}

// f(elements...).
template <class F, class... T>
constexpr decltype(auto) apply(F&& f, const pack<T...>& p) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) -> decltype(auto) {
    return f(detail::get<I>(p)...);
  }(std::index_sequence_for<T...>{});
}

template <class... T>
constexpr pack<T...> make_pack(T... values) {
  return pack<T...>{{{values}...}};
}

// The elements of both packs, in order, as one.
template <class... A, class... B>
constexpr auto pack_cat(const pack<A...>& a, const pack<B...>& b) {
  return detail::apply([&](const A&... x) { return detail::apply([&](const B&... y) { return make_pack(x..., y...); }, b); }, a);
}

// A model type and the name a program gives it at run time (xbl::with_model): each service header
// lists its own, and <xbl/models.hpp> joins the lists.
template <class T>
struct named_model {
  std::string_view name;
  using type = T;
};

// Calls f(std::type_identity<T>{}) for the model of `list` named `name`; false when there is none.
template <class... M, class F>
bool with_model_in(const pack<M...>& list, std::string_view name, F&& f) {
  return detail::apply(
      [&](const auto&... m) {
        return ((m.name == name ? (f(std::type_identity<typename std::remove_cvref_t<decltype(m)>::type>{}), true)
                                : false) ||
                ...);
      },
      list);
}

}  // namespace detail

// One described member: its JSON key, where it lives, and the rules its value must meet.
template <class Struct, class Member, class... Rules>
struct field_t {
  using struct_type = Struct;
  using member_type = Member;
  std::string_view name;
  Member Struct::*member;
  pack<Rules...> rules;
};

template <class Struct, class Member, class... Rules>
constexpr auto field(std::string_view name, Member Struct::*member, Rules... rules) {
  return field_t<Struct, Member, Rules...>{name, member, detail::make_pack(rules...)};
}

template <class... Fields>
constexpr auto make_fields(Fields... fields) {
  return detail::make_pack(fields...);
}

template <class... Rules>
constexpr auto make_rules(Rules... rules) {
  return detail::make_pack(rules...);
}

// The members of one object that its description does not name, in the order they came: each its
// key and its value as raw JSON. A sequence with the vector's everyday operations, one pointer wide
// while empty, which is what nearly every object's is.
class kept_members {
 public:
  using value_type = std::pair<std::string, raw_json>;
  using iterator = value_type*;
  using const_iterator = const value_type*;

  bool empty() const noexcept { return size() == 0; }
  std::size_t size() const noexcept { return members_.get() ? members_.get()->size() : 0; }
  iterator begin() noexcept { return members_.get() ? members_.get()->data() : nullptr; }
  iterator end() noexcept { return begin() + size(); }
  const_iterator begin() const noexcept { return members_.get() ? members_.get()->data() : nullptr; }
  const_iterator end() const noexcept { return begin() + size(); }
  value_type& operator[](std::size_t i) noexcept { return begin()[i]; }
  const value_type& operator[](std::size_t i) const noexcept { return begin()[i]; }
  const value_type& at(std::size_t i) const {
    if (i >= size()) detail::raise<std::out_of_range>("xbl::kept_members::at");
    return begin()[i];
  }
  value_type& front() noexcept { return *begin(); }
  value_type& back() noexcept { return end()[-1]; }
  template <class... Args>
  value_type& emplace_back(Args&&... args) {
    return members_.make().emplace_back(std::forward<Args>(args)...);
  }
  void push_back(value_type member) { members_.make().push_back(std::move(member)); }
  void clear() noexcept { members_.reset(); }

  friend bool operator==(const kept_members& a, const kept_members& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  detail::rare<std::vector<value_type>> members_;
};

// What the wire carried beyond the described values of one object, so that a value read with
// unknown_keys = keep writes back what it read: the unknown members in order, and which
// described members were present although empty (`[]`, `null`), so they are not dropped on write.
// It does not take part in comparison of the present bits: `[]` and an absent array are the same value.
struct extras {
  kept_members unknown;
  std::uint64_t present_empty = 0;

  friend bool operator==(const extras& a, const extras& b) { return a.unknown == b.unknown; }
};

template <class T>
concept described = requires { meta<T>::fields; };

template <class T>
concept described_enum = std::is_enum_v<T> && requires { meta<T>::values; };

template <described T>
inline constexpr std::size_t field_count = std::remove_cvref_t<decltype(meta<T>::fields)>::size;

template <described T>
inline constexpr std::array<std::string_view, field_count<T>> field_names = [] {
  return detail::apply([](const auto&... f) { return std::array<std::string_view, sizeof...(f)>{f.name...}; },
                    meta<T>::fields);
}();

namespace detail {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

template <class T>
struct is_std_array : std::false_type {};
template <class T, std::size_t N>
struct is_std_array<std::array<T, N>> : std::true_type {};

template <class T>
struct is_string_map : std::false_type {};
template <class T, class C, class A>
struct is_string_map<std::map<std::string, T, C, A>> : std::true_type {};

template <class T>
concept has_extras = described<T> && requires(T& t) {
  { t.*(meta<T>::extras) } -> std::same_as<extras&>;
};

template <class T>
concept has_object_rules = described<T> && requires { meta<T>::rules; };

// Absent optional and vector members are allowed; every other member must be in the object.
template <class M>
inline constexpr bool is_required = !is_optional<M>::value && !is_vector<M>::value;

// The type of described member I of T.
template <described T, std::size_t I>
using field_type = typename std::remove_cvref_t<decltype(detail::get<I>(meta<T>::fields))>::member_type;

// The member types that the reader's and the writer's loop over a struct's members handle
// themselves rather than through a call per member type: the commonest, for which a call would
// cost more than the reading or writing.
enum class member_kind : unsigned char { other, boolean, string, optional_string };

template <class M>
inline constexpr member_kind member_kind_of = std::is_same_v<M, bool>                       ? member_kind::boolean
                                              : std::is_same_v<M, std::string>                ? member_kind::string
                                              : std::is_same_v<M, std::optional<std::string>> ? member_kind::optional_string
                                                                                              : member_kind::other;

template <class T, class F, std::size_t... I>
XBL_ALWAYS_INLINE constexpr void for_each_field_of(F& f, std::index_sequence<I...>) {
  (f(detail::get<I>(meta<T>::fields), std::integral_constant<std::size_t, I>{}), ...);
}

// Calls f(field, index) for each described member in turn. Always inlined, like the pack
// expansion it holds: clang otherwise keeps a call per object for this loop of a handful of steps.
template <class T, class F>
XBL_ALWAYS_INLINE constexpr void for_each_field(F&& f) {
  for_each_field_of<T>(f, std::make_index_sequence<field_count<T>>{});
}

// Whether a key needs no escape in JSON text (printable ASCII, no quote or backslash): such a key
// is compared with the text as it stands, and written as it is.
constexpr bool plain_name(std::string_view name) noexcept {
  for (const char c : name)
    if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return false;
  return true;
}

// A plain key as JSON text has it, `"name": `, worked out once at compile time: the reader
// compares the text with its first N + 2 bytes, the writer copies it whole when pretty and
// without the space when compact.
template <std::size_t N>
constexpr std::array<char, N + 4> quoted_key(std::string_view name) noexcept {
  std::array<char, N + 4> a{};
  a[0] = '"';
  for (std::size_t i = 0; i < N; ++i) a[i + 1] = name[i];
  a[N + 1] = '"';
  a[N + 2] = ':';
  a[N + 3] = ' ';
  return a;
}

// Member I's key (see quoted_key); `quoted` only means something for a `plain` name.
template <class T, std::size_t I>
struct field_key {
  static constexpr std::string_view name = detail::get<I>(meta<T>::fields).name;
  static constexpr bool plain = plain_name(name);
  static constexpr std::array<char, name.size() + 4> quoted = quoted_key<name.size()>(name);
};

template <class T>
constexpr void check_description() {
  static_assert(field_count<T> > 0, "xbl::meta<T>::fields describes no member");
  static_assert(field_count<T> <= 64, "xbl::meta<T>::fields describes at most 64 members");
  constexpr auto names = field_names<T>;
  for (std::size_t i = 0; i < names.size(); ++i)
    for (std::size_t j = i + 1; j < names.size(); ++j)
      if (names[i] == names[j]) compile_time_error("xbl::meta<T>::fields names one JSON key twice");
}

}  // namespace detail
}  // namespace xbl
