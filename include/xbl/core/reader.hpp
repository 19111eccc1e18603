#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "xbl/core/codec.hpp"
#include "xbl/core/decimal.hpp"
#include "xbl/core/describe.hpp"
#include "xbl/core/digits.hpp"
#include "xbl/core/key_set.hpp"
#include "xbl/core/open_enum.hpp"
#include "xbl/core/options.hpp"
#include "xbl/core/raw_json.hpp"
#include "xbl/core/result.hpp"
#include "xbl/core/scanner.hpp"
#include "xbl/core/thread_buffers.hpp"
#include "xbl/core/validate.hpp"

namespace xbl {
namespace detail {

// ---- values read without a target: skipped members and raw_json ------------------------------------

struct null_sink {
  void put(char) noexcept {}
  void put(const char*, const char*) noexcept {}
};

// Writes what it is shown in compact RFC 8259 form: how a raw value read with a lenient switch on
// keeps only JSON (comments and trailing commas dropped, bare keys quoted).
struct compact_sink {
  std::string& out;
  void put(char c) { out += c; }
  void put(const char* b, const char* e) { out.append(b, e); }
};

template <class Sink>
bool skip_value(scanner& s, Sink& sink) {
  if (s.at_end()) return s.fail_expected("a value");
  const char* start = s.p;
  switch (s.peek()) {
    case '{': {
      sink.put('{');
      bool first = true;
      if (!s.object([&](const scanner::key_info& k) {
            if (!first) sink.put(',');
            first = false;
            if (k.quoted) {
              sink.put(k.at, k.end);
            } else {
              sink.put('"');
              sink.put(k.at, k.end);
              sink.put('"');
            }
            sink.put(':');
            return skip_value(s, sink);
          }))
        return false;
      sink.put('}');
      return true;
    }
    case '[': {
      sink.put('[');
      if (!s.array([&](std::size_t i) {
            if (i) sink.put(',');
            return skip_value(s, sink);
          }))
        return false;
      sink.put(']');
      return true;
    }
    case '"': {
      bool escaped;
      if (!s.string(nullptr, escaped)) return false;
      break;
    }
    case 't': if (!s.literal("true")) return false; break;
    case 'f': if (!s.literal("false")) return false; break;
    case 'n': if (!s.literal("null")) return false; break;
    default: {
      const char c = s.peek();
      if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
        number_token t;
        if (!s.number(t)) return false;
        break;
      }
      return s.fail(errc::syntax, s.p, "expected a JSON value, found " + s.describe_here());
    }
  }
  sink.put(start, s.p);
  return true;
}

inline bool read_raw(scanner& s, raw_json& v) {
  const char* start = s.p;
  if (!s.opt.any_lenient()) {
    null_sink sink;
    if (!skip_value(s, sink)) return false;
    v = raw_access::make(std::string(start, s.p));
    return true;
  }
  std::string text;
  compact_sink sink{text};
  if (!skip_value(s, sink)) return false;
  v = raw_access::make(std::move(text));
  return true;
}

// ---- type mismatches ---------------------------------------------------------------------------------

inline std::string_view kind_at(char c) noexcept {
  switch (c) {
    case '{': return "an object";
    case '[': return "an array";
    case '"': return "a string";
    case 't':
    case 'f': return "a boolean";
    case 'n': return "null";
    default: return (c == '-' || (c >= '0' && c <= '9')) ? "a number" : "";
  }
}

// The value at p is not of the kind expected. When it is no JSON value at all, the syntax error
// that skipping it meets is the first fault, and that is what is reported.
inline bool mismatch(scanner& s, std::string_view expected) {
  if (s.at_end()) return s.fail_expected(expected);
  // A word is a boolean or null only when spelled out in full: `nan` or `tru` is no value at all,
  // and the fault in the word is what the text has wrong.
  if (const char c = s.peek(); c == 't' || c == 'f' || c == 'n') {
    const char* at = s.p;
    if (!s.literal(c == 't' ? "true" : c == 'f' ? "false" : "null")) return false;
    s.p = at;
  }
  const auto found = kind_at(s.peek());
  if (found.empty()) {
    null_sink sink;
    return skip_value(s, sink);
  }
  return s.fail(errc::type_mismatch, s.p, "expected " + std::string(expected) + ", found " + std::string(found));
}

// ---- numbers -----------------------------------------------------------------------------------------

constexpr bool is_number_start(char c) noexcept { return c == '-' || (c >= '0' && c <= '9'); }

template <class I>
bool read_integer(scanner& s, I& v) {
  if (s.at_end() || !is_number_start(s.peek())) return mismatch(s, "an integer");
  number_token t;
  if (!s.number(t)) return false;
  if (!t.integer) return s.fail(errc::type_mismatch, t.begin, "expected an integer, found a number with a fraction or exponent");
  auto out_of_range = [&] {
    return s.fail(errc::number_out_of_range, t.begin,
                  "the number does not fit in " + std::string(std::is_unsigned_v<I> ? "an unsigned " : "a signed ") +
                      std::to_string(sizeof(I) * 8) + "-bit integer [" + std::to_string(std::numeric_limits<I>::min()) +
                      ", " + std::to_string(std::numeric_limits<I>::max()) + "]");
  };
  std::uint64_t magnitude = 0;
  const char* digits = t.begin + (t.negative ? 1 : 0);
  if (!digits_to_u64(digits, static_cast<std::size_t>(t.end - digits), magnitude)) return out_of_range();
  if constexpr (std::is_unsigned_v<I>) {
    if ((t.negative && magnitude != 0) || magnitude > std::numeric_limits<I>::max()) return out_of_range();
    v = static_cast<I>(magnitude);
  } else {
    using U = std::make_unsigned_t<I>;
    const auto limit = static_cast<std::uint64_t>(std::numeric_limits<I>::max()) + (t.negative ? 1 : 0);
    if (magnitude > limit) return out_of_range();
    v = t.negative ? static_cast<I>(U(0) - static_cast<U>(magnitude)) : static_cast<I>(magnitude);
  }
  return true;
}

template <class F>
bool read_floating(scanner& s, F& v) {
  if (s.at_end() || !is_number_start(s.peek())) return mismatch(s, "a number");
  number_token t;
  if (!s.number(t)) return false;
  const auto r = floating_from_chars(t.begin, t.end, v);
  if (r.ec == std::errc::result_out_of_range)
    return s.fail(errc::number_out_of_range, t.begin,
                  std::string("the number is beyond what a ") + (sizeof(F) == 4 ? "float" : "double") + " holds");
  if (r.ec != std::errc{} || r.ptr != t.end) return s.fail(errc::invalid_number, t.begin, "unreadable number");
  return true;
}

// ---- dispatch ----------------------------------------------------------------------------------------

template <class T>
XBL_ALWAYS_INLINE bool read(scanner& s, T& v);

// A string value (p at its '"'), checked before it is copied, and copied once: in one piece when it
// has no escape, else decoded straight into `v`, which is given the room first.
XBL_ALWAYS_INLINE bool read_string(scanner& s, std::string& v) {
  const char* start = s.p;
  bool escaped;
  if (!s.string(nullptr, escaped)) return false;
  if (!escaped) {
    v.assign(start + 1, static_cast<std::size_t>(s.p - start - 2));
    return true;
  }
  v.clear();
  v.reserve(static_cast<std::size_t>(s.p - start - 2));  // decoding never lengthens the text
  s.p = start;
  return s.string(&v, escaped);
}

// Which described members of T an object had, a bit each (a description has at most 64).
template <described T>
class member_set {
 public:
  constexpr member_set() noexcept = default;
  constexpr explicit member_set(std::uint64_t bits) noexcept : bits_(bits) {}
  constexpr bool operator[](std::size_t i) const noexcept { return (bits_ >> i) & 1; }
  constexpr void set(std::size_t i) noexcept { bits_ |= std::uint64_t{1} << i; }
  // Whether every member of `required` is in this set.
  constexpr bool has_all(member_set required) const noexcept { return (bits_ & required.bits_) == required.bits_; }

 private:
  std::uint64_t bits_ = 0;
};

// The members an object of T must have.
template <described T>
inline constexpr member_set<T> required_members = [] {
  std::uint64_t mask = 0;
  for_each_field<T>([&](const auto& f, auto index) {
    using M = typename std::remove_cvref_t<decltype(f)>::member_type;
    mask |= std::uint64_t{is_required<M>} << index.value;
  });
  return member_set<T>(mask);
}();

template <described T>
bool missing_member(scanner& s, const T& v, const member_set<T>& seen);

// `tagged`: `quoted_tag` (`"key"`) is the member that selected this type among a variant's
// alternatives: it was read already, and is passed over here.
template <described T, bool tagged = false>
bool read_struct(scanner& s, T& v, std::string_view quoted_tag = {});

// Reads one member. `present_empty` tells the caller the member was written as `null` or `[]`,
// which an extras-keeping type remembers so that writing gives it back.
template <class M>
XBL_ALWAYS_INLINE bool read_member(scanner& s, M& m, bool& present_empty) {
  if constexpr (is_optional<M>::value) {
    if (!s.at_end() && s.peek() == 'n') {
      if (!s.literal("null")) return false;
      m.reset();
      present_empty = true;
      return true;
    }
    if constexpr (std::is_same_v<typename M::value_type, std::string>) {
      // Made from the text in one step rather than made empty and then assigned.
      if (!s.at_end() && s.peek() == '"') {
        const char* start = s.p;
        bool escaped;
        if (!s.string(nullptr, escaped)) return false;
        if (!escaped) {
          m.emplace(start + 1, static_cast<std::size_t>(s.p - start - 2));
          return true;
        }
        s.p = start;
      }
    }
    m.emplace();
    return read(s, *m);
  } else {
    if (!read(s, m)) return false;
    if constexpr (is_vector<M>::value) present_empty = m.empty();
    return true;
  }
}

template <class T>
XBL_ALWAYS_INLINE bool read(scanner& s, T& v) {
  if constexpr (has_codec<T>) {
    return codec<T>::read(s, v);
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!s.at_end() && s.peek() == 't') {
      if (!s.literal("true")) return false;
      v = true;
      return true;
    }
    if (!s.at_end() && s.peek() == 'f') {
      if (!s.literal("false")) return false;
      v = false;
      return true;
    }
    return mismatch(s, "true or false");
  } else if constexpr (std::is_integral_v<T>) {
    return read_integer(s, v);
  } else if constexpr (std::is_floating_point_v<T>) {
    return read_floating(s, v);
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (s.at_end() || s.peek() != '"') return mismatch(s, "a string");
    return read_string(s, v);
  } else if constexpr (std::is_same_v<T, raw_json>) {
    return read_raw(s, v);
  } else if constexpr (is_open_enum<T>::value) {
    if (s.at_end() || s.peek() != '"') return mismatch(s, "a string");
    const char* at = s.p;
    std::string_view text;
    if (!s.string_text(text)) return false;
    v = T::from_text(text);
    if (!v.is_known() && s.opt.strict_enums)
      return s.fail(errc::unknown_enum, at, detail::quoted(text) + " is not a known value (read_options::strict_enums)");
    return true;
  } else if constexpr (is_optional<T>::value) {
    bool ignored = false;
    return read_member(s, v, ignored);
  } else if constexpr (is_vector<T>::value) {
    if (s.at_end() || s.peek() != '[') return mismatch(s, "an array");
    v.clear();
    using E = typename T::value_type;
    if constexpr (std::is_same_v<E, bool>) {
      // std::vector<bool> hands out a proxy, not a bool&: read the element aside, then append it.
      return s.array([&](std::size_t) {
        bool b = false;
        if (!read(s, b)) return false;
        v.push_back(b);
        return true;
      });
    } else {
      // Read into this thread's buffer, then moved into a vector allocated once at its size.
      typename thread_buffers<E>::lease lease;
      auto& elements = lease.buffer();
      if (!s.array([&](std::size_t) { return read(s, elements.emplace_back()); })) return false;
      v.assign(std::make_move_iterator(elements.begin()), std::make_move_iterator(elements.end()));
      return true;
    }
  } else if constexpr (is_std_array<T>::value) {
    if (s.at_end() || s.peek() != '[') return mismatch(s, "an array");
    const char* open = s.p;
    std::size_t count = 0;
    if (!s.array([&](std::size_t i) {
          if (i >= v.size())
            return s.fail(errc::type_mismatch, s.p, "expected exactly " + std::to_string(v.size()) + " elements");
          ++count;
          return read(s, v[i]);
        }))
      return false;
    if (count != v.size())
      return s.fail(errc::type_mismatch, open,
                    "expected exactly " + std::to_string(v.size()) + " elements, found " + std::to_string(count));
    return true;
  } else if constexpr (is_string_map<T>::value) {
    if (s.at_end() || s.peek() != '{') return mismatch(s, "an object");
    v.clear();
    return s.object([&](const scanner::key_info& k) {
      auto [it, inserted] = v.try_emplace(std::string(k.text));
      if (!inserted) return s.fail(errc::duplicate_key, k.at, "the key " + detail::quoted(k.text) + " appears twice in one object");
      return read(s, it->second);
    });
  } else if constexpr (described<T>) {
    return read_struct(s, v);
  } else {
    static_assert(sizeof(T) == 0, "xbl cannot read this type: describe it with xbl::meta");
    return false;
  }
}

template <described T>
constexpr std::size_t find_field(std::string_view key, std::size_t hint) noexcept {
  constexpr auto& names = field_names<T>;
  // Members usually come in the order they are described: try the one after the last match first.
  if (hint < names.size() && names[hint] == key) return hint;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i].size() == key.size() && names[i] == key) return i;
  return names.size();
}

// When the text at p is member I's key exactly as compact JSON writes it (`"name"`, no escape),
// takes it as key() would, without scanning it as a string or looking it up.
template <described T, std::size_t I>
bool match_key_at(scanner& s, scanner::key_info& k) {
  using key = field_key<T, I>;
  if constexpr (!key::plain) {
    return false;
  } else {
    return s.plain_key({key::quoted.data(), key::name.size() + 2}, k);
  }
}

// match_key_at for the member `index` names (known only at run time).
template <described T>
bool match_key(scanner& s, std::size_t index, scanner::key_info& k) {
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    bool hit = false;
    (void)((I == index ? (hit = match_key_at<T, I>(s, k), true) : false) || ...);
    return hit;
  }(std::make_index_sequence<field_count<T>>{});
}

// Reads member I's value (p at it), its key having been read.
template <described T, std::size_t I>
XBL_ALWAYS_INLINE bool read_field(scanner& s, T& v) {
  bool present_empty = false;
  if (!read_member(s, v.*(std::get<I>(meta<T>::fields).member), present_empty)) return false;
  if constexpr (has_extras<T>) {
    if (present_empty) (v.*(meta<T>::extras)).present_empty |= std::uint64_t{1} << I;
  }
  return true;
}

// The members that read_struct's pass in described order did not take, up to the closing '}':
// in any order, unknown, or with an escaped key. Out of line, so that a small object read in
// order pays nothing for what this needs.
template <described T>
XBL_NOINLINE bool read_other_members(scanner& s, T& v, member_set<T>& seen, std::size_t hint,
                                          std::string_view tag_key, bool tag_seen) {
  constexpr std::size_t n = field_count<T>;
  std::optional<key_set> unknown;  // the unknown members' keys, to catch a repeat; made at the first one

  // Any member: its key `k` read, `i` its index (n when T does not describe it), p at its value.
  auto member = [&](const scanner::key_info& k, std::size_t i) -> bool {
    if (i < n) {
      if (seen[i]) return s.fail(errc::duplicate_key, k.at, "the member " + detail::quoted(k.text) + " appears twice in one object");
      seen.set(i);
      hint = i + 1;
      return visit_field<T>(i, [&](const auto&, auto index) { return read_field<T, index.value>(s, v); });
    }
    if (!tag_key.empty() && k.text == tag_key) {
      // The variant's first look stopped at the first tag: this one may be a second.
      if (tag_seen) return s.fail(errc::duplicate_key, k.at, "the member " + detail::quoted(k.text) + " appears twice in one object");
      tag_seen = true;
      null_sink sink;
      return skip_value(s, sink);
    }
    const auto policy = s.opt.unknown_keys;
    if (policy == unknown_key_policy::error)
      return s.fail(errc::unknown_key, k.at, "unknown member " + detail::quoted(k.text) + " (read_options::unknown_keys is error)");
    if constexpr (!has_extras<T>) {
      if (policy == unknown_key_policy::keep)
        return s.fail(errc::unknown_key, k.at,
                      "unknown member " + detail::quoted(k.text) + " and this type has no extras member to keep it in");
    }
    if (!unknown) unknown.emplace();
    if (!unknown->insert(s, k)) return false;  // a repeat, said by insert
    if constexpr (has_extras<T>) {
      if (policy == unknown_key_policy::keep) {
        auto& kept = (v.*(meta<T>::extras)).unknown;
        kept.emplace_back(std::string(k.text), raw_json{});
        return read_raw(s, kept.back().second);
      }
    }
    null_sink sink;
    return skip_value(s, sink);
  };

  // The member expected next is still tried on the raw text first; any other key is read and
  // looked up as usual.
  std::size_t matched = n;
  auto read_key = [&](scanner::key_info& k) {
    if (hint < n && match_key<T>(s, hint, k)) {
      matched = hint;
      return true;
    }
    matched = n;
    return s.key(k);
  };
  return s.members([&](const scanner::key_info& k) { return member(k, matched < n ? matched : find_field<T>(k.text, hint)); },
                   read_key);
}

// read_struct's pass in described order, one member: member I, read when its key is at p.
// False on a fault. Always inlined, as the pack expansion below: clang otherwise makes a call
// per object of that loop of a handful of steps.
template <described T, std::size_t I>
XBL_ALWAYS_INLINE bool read_if_next(scanner& s, T& v, member_set<T>& seen,
                                                std::size_t& hint, bool& more) {
  scanner::key_info k;
  if (!match_key_at<T, I>(s, k)) return true;
  seen.set(I);
  hint = I + 1;
  if (!s.colon()) return false;
  if (!read_field<T, I>(s, v)) {
    s.unwind_key(k.text);
    return false;
  }
  return s.after_member(more);
}

// From member `from` on: the members before it were taken or passed over already.
template <described T, std::size_t... I>
XBL_ALWAYS_INLINE bool read_in_order(scanner& s, T& v, member_set<T>& seen, std::size_t from,
                                                 std::size_t& hint, bool& more, std::index_sequence<I...>) {
  return ((I < from || !more || read_if_next<T, I>(s, v, seen, hint, more)) && ...);
}

template <described T, bool tagged>
bool read_struct(scanner& s, T& v, std::string_view quoted_tag) {
  static_assert((check_description<T>(), true));
  constexpr std::size_t n = field_count<T>;
  if (s.at_end() || s.peek() != '{') return mismatch(s, "an object");
  member_set<T> seen;
  std::size_t hint = 0;
  if constexpr (has_extras<T>) {
    auto& x = v.*(meta<T>::extras);
    x.unknown.clear();
    x.present_empty = 0;
  }

  bool empty = false;
  if (!s.open_object(empty)) return false;
  bool more = !empty;

  // Members mostly come in the order they are described, some left out. So each described member
  // in turn is compared with the text at p (`"name"`, as compact JSON writes it) and, when it is
  // there, read right away: no key to scan, no lookup. Whatever is not in that order (another
  // order, an unknown member, an escaped key) goes to read_other_members, which reads the rest.
  constexpr auto in_order = std::make_index_sequence<n>{};
  if (more && !read_in_order(s, v, seen, 0, hint, more, in_order)) return false;
  std::string_view tag_key;  // the tag's name, for read_other_members: none when not tagged
  bool tag_seen = false;
  if constexpr (tagged) {
    tag_key = quoted_tag.substr(1, quoted_tag.size() - 2);
    // The tag mostly stands among the members (the writer puts it after `tag_after`): passed over,
    // so that the members after it are still read in described order. The variant's first look read
    // it already and found a string.
    scanner::key_info k;
    if (more && s.plain_key(quoted_tag, k)) {
      tag_seen = true;
      null_sink sink;
      if (!s.colon() || !skip_value(s, sink) || !s.after_member(more)) return false;
      if (more && !read_in_order(s, v, seen, hint, hint, more, in_order)) return false;
    }
  }
  if (more && !read_other_members(s, v, seen, hint, tag_key, tag_seen)) return false;

  if (!seen.has_all(required_members<T>)) [[unlikely]]
    return missing_member(s, v, seen);
  return true;
}

// The first required member that `seen` lacks, reported at the object's closing brace.
template <described T>
XBL_NOINLINE bool missing_member(scanner& s, const T&, const member_set<T>& seen) {
  const char* close = s.p - 1;
  bool all = true;
  for_each_field<T>([&](const auto& f, auto index) {
    using M = typename std::remove_cvref_t<decltype(f)>::member_type;
    if (all && is_required<M> && !seen[index.value]) {
      all = false;
      s.fail(errc::missing_member, close, "missing required member " + detail::quoted(f.name));
    }
  });
  return all;
}

template <class T>
bool read_document(scanner& s, T& v) {
  if (!s.skip_ws()) return false;
  if (s.at_end()) return s.fail(errc::unexpected_end, s.p, "the text is empty: expected a JSON value");
  if (!read(s, v)) return false;
  if (!s.skip_ws()) return false;
  if (!s.at_end()) return s.fail(errc::syntax, s.p, "unexpected " + s.describe_here() + " after the JSON value");
  return true;
}

}  // namespace detail

// Reads `text` straight into a T in one pass: no document tree in between.
template <class T>
result<T> from_json(std::string_view text, const read_options& options = {}) {
  detail::scanner s(text, options);
  T value{};
  if (!detail::read_document(s, value)) return s.take_error();
  if (options.validate) {
    auto violations = validate(value);
    if (!violations.empty()) {
      const auto& first = violations.front();
      return detail::value_error(errc::invalid_value, first.path, first.message + " [" + first.rule + "]");
    }
  }
  return value;
}

}  // namespace xbl
