#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "xbl/core/codec.hpp"
#include "xbl/core/describe.hpp"
#include "xbl/core/reader.hpp"
#include "xbl/core/writer.hpp"

namespace xbl {

// A std::variant of described structs whose alternative a string member names. Describe it with
//   template <> struct xbl::meta<std::variant<A, B>> {
//     static constexpr std::string_view tag = "type";
//     static constexpr std::array<std::string_view, 2> tags{"a", "b"};   // one per alternative
//     static constexpr std::string_view tag_after = "version";          // optional: where it is written
//   };
// The tag may stand anywhere in the object; it is written after `tag_after`, or first.
template <class V>
concept tagged_variant = requires {
  meta<V>::tag;
  meta<V>::tags;
  std::variant_size<V>::value;
};

namespace detail {

template <class V>
constexpr std::string_view tag_after() {
  if constexpr (requires { meta<V>::tag_after; }) return meta<V>::tag_after;
  else return {};
}

template <class... Ts>
  requires tagged_variant<std::variant<Ts...>>
struct codec<std::variant<Ts...>> {
  using V = std::variant<Ts...>;
  static_assert(meta<V>::tags.size() == sizeof...(Ts), "one tag per alternative");

  static constexpr std::string_view key = meta<V>::tag;
  static_assert(plain_name(key), "a variant's tag is printable ASCII, without quote or backslash");
  static constexpr auto key_text = quoted_key<key.size()>(key);
  static constexpr std::string_view quoted_tag{key_text.data(), key.size() + 2};

  static bool read(scanner& s, V& v) {
    if (s.at_end() || s.peek() != '{') return mismatch(s, "an object");
    // A first look through the object for the tag, so that it may come after the members it
    // governs; it stops at the tag, which mostly comes first, and the object is then read for
    // real once the alternative is known (that read finds a second tag).
    const char* start = s.p;
    const std::size_t depth = s.depth;
    std::string tag;
    const char* tag_at = nullptr;
    if (!s.object([&](const scanner::key_info& k) {
          if (k.text != key) {
            return skip(s) ? scanner::member_step::next : scanner::member_step::failed;
          }
          tag_at = s.p;
          if (s.at_end() || s.peek() != '"') {
            mismatch(s, "a string naming the kind of object");
            return scanner::member_step::failed;
          }
          bool escaped;
          return s.string(&tag, escaped) ? scanner::member_step::done : scanner::member_step::failed;
        },
        [&](scanner::key_info& k) { return s.plain_key(quoted_tag, k) || s.key(k); }))  // the tag's key as it stands
      return false;
    if (!tag_at) return s.fail(errc::missing_member, s.p - 1, "missing required member " + detail::quoted(key));
    std::size_t index = meta<V>::tags.size();
    for (std::size_t i = 0; i < meta<V>::tags.size(); ++i)
      if (meta<V>::tags[i] == tag) index = i;
    if (index == meta<V>::tags.size()) {
      std::string known;
      for (auto t : meta<V>::tags) known += (known.empty() ? "" : ", ") + std::string(t);
      s.fail(errc::unknown_variant, tag_at, detail::quoted(tag) + " is not a known " + std::string(key) + " (" + known + ")");
      s.unwind_key(key);
      return false;
    }
    s.p = start;
    s.depth = depth;
    return read_alternative(s, v, index, std::make_index_sequence<sizeof...(Ts)>{});
  }

  static void write(writer& w, const V& v) {
    std::visit(
        [&](const auto& alternative) {
          constexpr std::size_t before = tag_position<std::remove_cvref_t<decltype(alternative)>>(tag_after<V>());
          const tag_member tag{meta<V>::tag, meta<V>::tags[v.index()], before};
          write_struct(w, alternative, &tag);
        },
        v);
  }

 private:
  template <std::size_t... I>
  static bool read_alternative(scanner& s, V& v, std::size_t index, std::index_sequence<I...>) {
    bool ok = false;
    auto one = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) {
      // The alternative the variant holds is read into, as any value is (from_json into).
      auto& alternative = v.index() == J ? *std::get_if<J>(&v) : v.template emplace<J>();
      return read_struct<std::variant_alternative_t<J, V>, true>(s, alternative, quoted_tag);
    };
    (void)((I == index ? (ok = one(std::integral_constant<std::size_t, I>{}), true) : false) || ...);
    return ok;
  }
};

}  // namespace detail
}  // namespace xbl
