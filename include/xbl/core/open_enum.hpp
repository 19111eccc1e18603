#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "xbl/core/describe.hpp"
#include "xbl/core/digits.hpp"
#include "xbl/core/rare.hpp"

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

namespace detail {

// Every wire name of E (canonical names and aliases), shortest first and in description order
// within one length, so that a lookup compares a text only with the names of its own length.
template <class E>
struct enum_lookup {
  struct entry {
    std::string_view text;
    E value;
    bool canonical;  // the name the value is written as, not an alias
  };
  static constexpr std::size_t count = [] {
    std::size_t n = 0;
    for (const auto& e : meta<E>::values) {
      ++n;
      for (const auto& alias : e.aliases) n += !alias.empty();
    }
    return n;
  }();
  static constexpr std::array<entry, count> entries = [] {
    std::array<entry, count> a{};
    std::size_t n = 0;
    for (const auto& e : meta<E>::values) {
      a[n++] = entry{e.name, e.value, true};
      for (const auto& alias : e.aliases)
        if (!alias.empty()) a[n++] = entry{alias, e.value, false};
    }
    for (std::size_t i = 1; i < n; ++i)  // stable: insertion
      for (std::size_t j = i; j > 0 && a[j - 1].text.size() > a[j].text.size(); --j) {
        const entry t = a[j];
        a[j] = a[j - 1];
        a[j - 1] = t;
      }
    return a;
  }();
  static constexpr std::size_t longest = entries[count - 1].text.size();
  // Whether two names of different values differ in letter case only. When none do, a text with
  // an exact match can have no other match ignoring case, and the exact comparison can go first.
  static constexpr bool case_ambiguous = [] {
    for (std::size_t i = 0; i < count; ++i)
      for (std::size_t j = i + 1; j < count; ++j)
        if (entries[i].value != entries[j].value && equal_ignoring_case(entries[i].text, entries[j].text)) return true;
    return false;
  }();
  // The entries of length L are [by_length[L], by_length[L + 1]).
  static constexpr std::array<std::size_t, longest + 2> by_length = [] {
    std::array<std::size_t, longest + 2> first{};
    std::size_t i = 0;
    for (std::size_t length = 0; length <= longest + 1; ++length) {
      while (i < count && entries[i].text.size() < length) ++i;
      first[length] = i;
    }
    return first;
  }();

  // The canonical names by value, when the values are small non-negative numbers (as those of an
  // enum class that sets none are); the first enumerator of a value names it.
  static constexpr long long table_limit = 1024;
  static constexpr bool dense = [] {
    for (const auto& e : meta<E>::values) {
      const auto u = static_cast<long long>(e.value);
      if (u < 0 || u >= table_limit) return false;
    }
    return true;
  }();
  static constexpr std::size_t table_size = [] {
    std::size_t size = 0;
    if (dense)
      for (const auto& e : meta<E>::values)
        if (static_cast<std::size_t>(e.value) + 1 > size) size = static_cast<std::size_t>(e.value) + 1;
    return size;
  }();
  static constexpr std::array<std::string_view, table_size> names = [] {
    std::array<std::string_view, table_size> t{};
    if constexpr (table_size > 0)
      for (const auto& e : meta<E>::values)
        if (t[static_cast<std::size_t>(e.value)].empty()) t[static_cast<std::size_t>(e.value)] = e.name;
    return t;
  }();
};

}  // namespace detail

template <described_enum E>
constexpr std::string_view to_string(E value) noexcept {
  using lookup = detail::enum_lookup<E>;
  if constexpr (lookup::dense) {
    const auto i = static_cast<std::size_t>(value);
    return i < lookup::table_size ? lookup::names[i] : std::string_view();
  } else {
    for (const auto& e : meta<E>::values)
      if (e.value == value) return e.name;
    return {};
  }
}

namespace detail {

// Whether the n bytes at a and at b are the same, in a few word compares rather than a call.
constexpr bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
  if (std::is_constant_evaluated()) {
    for (std::size_t i = 0; i < n; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  if (n < 8) {
    // Most names are this short: two words of four that may overlap, or the first, middle and
    // last bytes, with no loop.
    if (n >= 4) {
      auto word = [](const char* p) {
        std::uint32_t w;
        std::memcpy(&w, p, 4);
        return w;
      };
      return ((word(a) ^ word(b)) | (word(a + n - 4) ^ word(b + n - 4))) == 0;
    }
    return n == 0 || ((a[0] ^ b[0]) | (a[n / 2] ^ b[n / 2]) | (a[n - 1] ^ b[n - 1])) == 0;
  }
  std::uint64_t differ = 0;
  for (std::size_t i = 0; i + 8 < n; i += 8) differ |= load8(a + i) ^ load8(b + i);
  return (differ | (load8(a + n - 8) ^ load8(b + n - 8))) == 0;  // the last word may overlap the one before
}

// The entry of E's lookup a wire text matches (exactly first, then ignoring ASCII case where the
// description says the service does), or none; and whether the match was exact, which the caller
// needs to know to keep a spelling in other letter case.
template <class E>
struct enum_match {
  const typename enum_lookup<E>::entry* entry = nullptr;
  bool exact = false;
};

template <class E>
constexpr enum_match<E> find_enum_entry(std::string_view text) noexcept {
  constexpr bool fold = enum_ignores_case<E>();
  using lookup = enum_lookup<E>;
  if (text.size() > lookup::longest) return {};
  const std::size_t first = lookup::by_length[text.size()], last = lookup::by_length[text.size() + 1];
  // The services mostly send the canonical spelling: an exact match first, even where case is ignored.
  if (!fold || !lookup::case_ambiguous)
    for (std::size_t i = first; i < last; ++i)
      if (same_bytes(lookup::entries[i].text.data(), text.data(), text.size())) return {&lookup::entries[i], true};
  // Where the exact pass ran, a match here differs in case; only an ambiguous table skips it.
  if (fold)
    for (std::size_t i = first; i < last; ++i)
      if (equal_ignoring_case(lookup::entries[i].text, text))
        return {&lookup::entries[i],
                lookup::case_ambiguous && same_bytes(lookup::entries[i].text.data(), text.data(), text.size())};
  return {};
}

}  // namespace detail

// The known enumerator a wire text names (by its name or an alias, ignoring ASCII case where the
// description says the service does), or nothing.
template <described_enum E>
constexpr std::optional<E> enum_from_string(std::string_view text) noexcept {
  if (const auto* e = detail::find_enum_entry<E>(text).entry) return e->value;
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
    if (const auto [known, exact] = detail::find_enum_entry<E>(text); known) {
      e.value_ = known->value;
      // An alias is the description's own text, kept as its place in the table; a spelling in
      // other letter case is kept as it came.
      if (!exact) e.text_.make().assign(text);
      else if (!known->canonical) e.spelling_ = static_cast<std::uint16_t>(known - lookup::entries.data() + 1);
    } else {
      e.known_ = false;
      if (!text.empty()) e.text_.make().assign(text);
    }
    return e;
  }

  constexpr bool is_known() const noexcept { return known_; }
  constexpr std::optional<E> known() const noexcept { return known_ ? std::optional<E>(value_) : std::nullopt; }
  // An unknown value's text is its own even when empty: `""` read is `""` written, not a known name.
  std::string_view text() const noexcept {
    if (const std::string* kept = text_.get()) return *kept;
    if (!known_) return {};
    return spelling_ ? lookup::entries[spelling_ - 1u].text : to_string(value_);
  }

  friend bool operator==(const open_enum& a, E b) noexcept { return a.known_ && a.value_ == b; }
  // Equal when both name the same known value (whatever the spelling), or both carry the same unknown text.
  friend bool operator==(const open_enum& a, const open_enum& b) noexcept {
    if (a.known_ != b.known_) return false;
    return a.known_ ? a.value_ == b.value_ : a.text() == b.text();
  }

 private:
  using lookup = detail::enum_lookup<E>;
  static_assert(lookup::count < 65535, "too many names for one enumeration");

  E value_;
  bool known_ = true;
  std::uint16_t spelling_ = 0;      // 1 + the lookup entry of an alias read, 0 for the canonical name
  detail::rare<std::string> text_;  // a text the table does not hold: another letter case, or unknown
};

namespace detail {
template <class T>
struct is_open_enum : std::false_type {};
template <class E>
struct is_open_enum<open_enum<E>> : std::true_type {};
}  // namespace detail

}  // namespace xbl
