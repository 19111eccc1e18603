#pragma once

#include <charconv>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "xbl/core/codec.hpp"
#include "xbl/core/describe.hpp"
#include "xbl/core/open_enum.hpp"
#include "xbl/core/options.hpp"
#include "xbl/core/raw_json.hpp"
#include "xbl/core/result.hpp"
#include "xbl/core/scanner.hpp"
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
  for (const char* d = t.begin + (t.negative ? 1 : 0); d < t.end; ++d) {
    const auto digit = static_cast<std::uint64_t>(*d - '0');
    if (magnitude > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return out_of_range();
    magnitude = magnitude * 10 + digit;
  }
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
  const auto r = std::from_chars(t.begin, t.end, v);
  if (r.ec == std::errc::result_out_of_range)
    return s.fail(errc::number_out_of_range, t.begin,
                  std::string("the number is beyond what a ") + (sizeof(F) == 4 ? "float" : "double") + " holds");
  if (r.ec != std::errc{} || r.ptr != t.end) return s.fail(errc::invalid_number, t.begin, "unreadable number");
  return true;
}

// ---- dispatch ----------------------------------------------------------------------------------------

template <class T>
bool read(scanner& s, T& v);

// `tag_key` names a member that selected this type among a variant's alternatives: it was
// read already, and is passed over here.
template <described T>
bool read_struct(scanner& s, T& v, std::string_view tag_key = {});

// Reads one member. `present_empty` tells the caller the member was written as `null` or `[]`,
// which an extras-keeping type remembers so that writing gives it back.
template <class M>
bool read_member(scanner& s, M& m, bool& present_empty) {
  if constexpr (is_optional<M>::value) {
    if (!s.at_end() && s.peek() == 'n') {
      if (!s.literal("null")) return false;
      m.reset();
      present_empty = true;
      return true;
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
bool read(scanner& s, T& v) {
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
    v.clear();
    bool escaped;
    return s.string(&v, escaped);
  } else if constexpr (std::is_same_v<T, raw_json>) {
    return read_raw(s, v);
  } else if constexpr (is_open_enum<T>::value) {
    if (s.at_end() || s.peek() != '"') return mismatch(s, "a string");
    const char* at = s.p;
    std::string& text = s.scratch;
    text.clear();
    bool escaped;
    if (!s.string(&text, escaped)) return false;
    v = T::from_text(text);
    if (!v.is_known() && s.opt.strict_enums)
      return s.fail(errc::unknown_enum, at, quoted(text) + " is not a known value (read_options::strict_enums)");
    return true;
  } else if constexpr (is_optional<T>::value) {
    bool ignored = false;
    return read_member(s, v, ignored);
  } else if constexpr (is_vector<T>::value) {
    if (s.at_end() || s.peek() != '[') return mismatch(s, "an array");
    v.clear();
    return s.array([&](std::size_t) { return read(s, v.emplace_back()); });
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
      if (!inserted) return s.fail(errc::duplicate_key, k.at, "the key " + quoted(k.text) + " appears twice in one object");
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
    if (names[i] == key) return i;
  return names.size();
}

template <described T>
bool read_struct(scanner& s, T& v, std::string_view tag_key) {
  static_assert((check_description<T>(), true));
  constexpr std::size_t n = field_count<T>;
  if (s.at_end() || s.peek() != '{') return mismatch(s, "an object");
  std::array<bool, n> seen{};
  std::size_t hint = 0;
  std::vector<std::string> skipped;  // names of skipped unknown members, to catch a repeat
  if constexpr (has_extras<T>) v.*(meta<T>::extras) = {};

  const bool ok = s.object([&](const scanner::key_info& k) -> bool {
    const std::size_t i = find_field<T>(k.text, hint);
    if (i < n) {
      if (seen[i]) return s.fail(errc::duplicate_key, k.at, "the member " + quoted(k.text) + " appears twice in one object");
      seen[i] = true;
      hint = i + 1;
      return visit_field<T>(i, [&](const auto& f, auto index) {
        bool present_empty = false;
        if (!read_member(s, v.*(f.member), present_empty)) return false;
        if constexpr (has_extras<T>) {
          if (present_empty) (v.*(meta<T>::extras)).present_empty |= std::uint64_t{1} << index.value;
        }
        return true;
      });
    }
    if (!tag_key.empty() && k.text == tag_key) {
      null_sink sink;
      return skip_value(s, sink);
    }
    const auto policy = s.opt.unknown_keys;
    if (policy == unknown_key_policy::error)
      return s.fail(errc::unknown_key, k.at, "unknown member " + quoted(k.text) + " (read_options::unknown_keys is error)");
    if constexpr (has_extras<T>) {
      if (policy == unknown_key_policy::keep) {
        auto& kept = (v.*(meta<T>::extras)).unknown;
        for (const auto& [name, value] : kept)
          if (name == k.text) return s.fail(errc::duplicate_key, k.at, "the member " + quoted(k.text) + " appears twice in one object");
        kept.emplace_back(std::string(k.text), raw_json{});
        return read_raw(s, kept.back().second);
      }
    } else {
      if (policy == unknown_key_policy::keep)
        return s.fail(errc::unknown_key, k.at,
                      "unknown member " + quoted(k.text) + " and this type has no extras member to keep it in");
    }
    for (const auto& name : skipped)
      if (name == k.text) return s.fail(errc::duplicate_key, k.at, "the member " + quoted(k.text) + " appears twice in one object");
    skipped.emplace_back(k.text);
    null_sink sink;
    return skip_value(s, sink);
  });
  if (!ok) return false;

  const char* close = s.p - 1;
  bool all = true;
  for_each_field<T>([&](const auto& f, auto index) {
    using M = typename std::remove_cvref_t<decltype(f)>::member_type;
    if (all && is_required<M> && !seen[index.value]) {
      all = false;
      s.fail(errc::missing_member, close, "missing required member " + quoted(f.name));
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
