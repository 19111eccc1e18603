#pragma once

#include <array>
#include <bit>
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

// Passes over an object's key and the ':' after it. The key's text is not needed: a quoted key is
// passed over as any string is, inline.
inline bool skip_key(scanner& s, scanner::key_info& k) {
  if (s.p < s.end && *s.p == '"') {
    bool escaped;
    return s.string(nullptr, escaped) && s.colon();
  }
  return s.key(k) && s.colon();
}

// Passes over the value at p, checking it as skip_value does, in one loop rather than a call per
// value: the containers it is in are a stack of bits (object or array), at most max_depth_ceiling
// deep. A fault sends it back to the value's start to pass over it again with skip_value, which
// gives the same error with the path to it: the loop keeps no keys.
inline bool skip(scanner& s) {
  const char* const start = s.p;
  const std::size_t depth = s.depth;
  std::uint64_t objects[max_depth_ceiling / 64 + 1] = {};  // bit d: the container at level d is an object
  std::size_t level = 0;
  scanner::key_info k;
  auto open = [&](bool object) {
    objects[level / 64] = (objects[level / 64] & ~(std::uint64_t{1} << level % 64)) | (std::uint64_t{object} << level % 64);
    ++level;
  };
  for (;;) {
    // At a value.
    if (s.at_end()) break;
    const char c = s.peek();
    bool empty = false;
    bool ok;
    if (c == '"') {
      bool escaped;
      ok = s.string(nullptr, escaped);
    } else if (c == '{') {
      ok = s.open_object(empty);
      if (ok && !empty) {
        open(true);
        if (!skip_key(s, k)) break;
        continue;
      }
    } else if (c == '[') {
      ok = s.open_array(empty);
      if (ok && !empty) {
        open(false);
        continue;
      }
    } else if (c == 't') {
      ok = s.literal("true");
    } else if (c == 'f') {
      ok = s.literal("false");
    } else if (c == 'n') {
      ok = s.literal("null");
    } else if (c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9')) {
      number_token t;
      ok = s.number(t);
    } else {
      break;
    }
    if (!ok) break;
    // After a value: on to the next member or element, closing the containers it ends.
    for (;;) {
      if (level == 0) return true;
      bool more = false;
      if ((objects[(level - 1) / 64] >> (level - 1) % 64) & 1) {
        if (!s.after_member(more)) goto again;
        if (more) {
          if (!skip_key(s, k)) goto again;
          break;
        }
      } else {
        if (!s.after_element(more)) goto again;
        if (more) break;
      }
      --level;
    }
  }
again:
  s.forget_error();
  s.p = start;
  s.depth = depth;
  null_sink sink;
  return skip_value(s, sink);
}

inline bool read_raw(scanner& s, raw_json& v) {
  const char* start = s.p;
  if (!s.opt.any_lenient()) {
    if (!skip(s)) return false;
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

// The kind of the value at p (not at the end), as kind_at names it, for a message that says what
// was found there: true, with `kind` never empty. When p is at no JSON value at all, the fault that
// skipping it meets is the first the text has, and that is what is reported: false then.
inline bool kind_here(scanner& s, std::string_view& kind) {
  // A word is a boolean or null only when spelled out in full: `nan` or `tru` is no value at all,
  // and the fault in the word is what the text has wrong.
  if (const char c = s.peek(); c == 't' || c == 'f' || c == 'n') {
    const char* at = s.p;
    if (!s.literal(c == 't' ? "true" : c == 'f' ? "false" : "null")) return false;
    s.p = at;
  }
  kind = kind_at(s.peek());
  if (!kind.empty()) return true;
  // No JSON value starts with this byte (a '+' or '.' starts a number only to fail in it), so
  // skipping fails, and sets the error.
  static_cast<void>(skip(s));
  return false;
}

// The value at p is not of the kind expected.
inline bool mismatch(scanner& s, std::string_view expected) {
  if (s.at_end()) return s.fail_expected(expected);
  std::string_view found;
  if (!kind_here(s, found)) return false;
  return s.fail(errc::type_mismatch, s.p, "expected " + std::string(expected) + ", found " + std::string(found));
}

// ---- numbers -----------------------------------------------------------------------------------------

constexpr bool is_number_start(char c) noexcept { return c == '-' || (c >= '0' && c <= '9'); }

XBL_NOINLINE inline bool integer_out_of_range(scanner& s, const char* at, bool is_unsigned, std::size_t bits,
                                             const std::string& min, const std::string& max) {
  return s.fail(errc::number_out_of_range, at,
                std::string("the number does not fit in ") + (is_unsigned ? "an unsigned " : "a signed ") +
                    std::to_string(bits) + "-bit integer [" + min + ", " + max + "]");
}

template <class I>
bool read_integer(scanner& s, I& v) {
  if (s.at_end() || !is_number_start(s.peek())) return mismatch(s, "an integer");
  number_token t;
  if (!s.number(t)) return false;
  if (!t.integer) return s.fail(errc::type_mismatch, t.begin, "expected an integer, found a number with a fraction or exponent");
  auto out_of_range = [&] {
    return integer_out_of_range(s, t.begin, std::is_unsigned_v<I>, sizeof(I) * 8,
                                std::to_string(std::numeric_limits<I>::min()), std::to_string(std::numeric_limits<I>::max()));
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

// ---- enumerations -----------------------------------------------------------------------------------
//
// What reading an open_enum does whatever the enumeration: said once, out of the code made per type.

// The text of the string at p, an enumeration's wire text.
inline bool read_enum_text(scanner& s, std::string_view& text) {
  if (s.at_end() || s.peek() != '"') return mismatch(s, "a string");
  return s.string_text(text);
}

XBL_NOINLINE inline bool unknown_enum(scanner& s, const char* at, std::string_view text) {
  return s.fail(errc::unknown_enum, at, detail::quoted(text) + " is not a known value (read_options::strict_enums)");
}

// ---- dispatch ----------------------------------------------------------------------------------------

template <class T>
bool read(scanner& s, T& v);

XBL_ALWAYS_INLINE bool read_bool(scanner& s, bool& v) {
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
}

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

// An optional string that is not null: made from the text in one step rather than made empty and
// then assigned.
XBL_ALWAYS_INLINE bool read_optional_string(scanner& s, std::optional<std::string>& m) {
  if (!s.at_end() && s.peek() == '"') {
    const char* start = s.p;
    bool escaped;
    if (!s.string(nullptr, escaped)) return false;
    if (!escaped) {
      const auto size = static_cast<std::size_t>(s.p - start - 2);
      if (m) m->assign(start + 1, size);  // a value read into keeps its string's room
      else m.emplace(start + 1, size);
      return true;
    }
    s.p = start;
  }
  if (!m) m.emplace();
  return read(s, *m);
}

// `tagged`: `quoted_tag` (`"key"`) is the member that selected this type among a variant's
// alternatives: it was read already, and is passed over here.
template <described T, bool tagged = false>
bool read_struct(scanner& s, T& v, std::string_view quoted_tag = {});

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
    if constexpr (std::is_same_v<typename M::value_type, std::string>) return read_optional_string(s, m);
    if (!m) m.emplace();
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
    return read_bool(s, v);
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
    const char* at = s.p;
    std::string_view text;
    if (!read_enum_text(s, text)) return false;
    v = T::from_text(text);
    return v.is_known() || !s.opt.strict_enums || unknown_enum(s, at, text);
  } else if constexpr (is_optional<T>::value) {
    bool ignored = false;
    return read_member(s, v, ignored);
  } else if constexpr (is_vector<T>::value) {
    if (s.at_end() || s.peek() != '[') return mismatch(s, "an array");
    using E = typename T::value_type;
    if constexpr (std::is_same_v<E, bool>) {
      // std::vector<bool> hands out a proxy, not a bool&: read the element aside, then append it.
      v.clear();
      return s.array([&](std::size_t) {
        bool b = false;
        if (!read(s, b)) return false;
        v.push_back(b);
        return true;
      });
    } else {
      // The elements the vector has are read into in place, keeping what they hold (from_json into
      // a value read before); the others into this thread's buffer, then moved to the vector, which
      // is given its final size at once: JSON does not say how many elements an array has, and a
      // fresh result's vectors are kept exact.
      const std::size_t had = v.size();
      std::size_t in_place = 0;
      typename thread_buffers<E>::lease lease;
      auto& elements = lease.buffer();
      if (!s.array([&](std::size_t i) {
            if (i < had) {
              in_place = i + 1;
              return read(s, v[i]);
            }
            return read(s, elements.emplace_back());
          }))
        return false;
      if (in_place < had) v.erase(v.begin() + static_cast<std::ptrdiff_t>(in_place), v.end());
      if (had == 0) {
        v.assign(std::make_move_iterator(elements.begin()), std::make_move_iterator(elements.end()));
      } else if (!elements.empty()) {
        v.reserve(had + elements.size());
        v.insert(v.end(), std::make_move_iterator(elements.begin()), std::make_move_iterator(elements.end()));
      }
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
    // The entries the map had are set aside, and an entry read again under the same key is read
    // into its old node, so that reading into a map read before keeps its nodes and their values'
    // room; what is left aside at the end goes. (Finding a key without making a std::string of it
    // needs a transparent comparator, std::less<> say.)
    T had;
    had.swap(v);
    return s.object([&](const scanner::key_info& k) {
      typename T::iterator old = had.end();
      if (!had.empty()) {
        if constexpr (requires { typename T::key_compare::is_transparent; }) old = had.find(k.text);
        else old = had.find(std::string(k.text));
      }
      const auto [it, inserted] = old != had.end() ? [&] {
        auto placed = v.insert(had.extract(old));
        return std::pair(placed.position, placed.inserted);
      }() : v.try_emplace(std::string(k.text));
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

// ---- described structs -------------------------------------------------------------------------------
//
// A struct is read by code that knows nothing of the struct: read_object, one loop driven by a table
// made at compile time from the description, which holds each member's key and the function that
// reads a value of the member's type. So the code that reads a type is made once, however many
// structs have a member of that type, and a struct adds its table and a few lines.

// Reads the value at p into the M at `member`: the entry for every member of type M.
template <class M>
bool read_erased(scanner& s, void* member, bool& present_empty) {
  return read_member(s, *static_cast<M*>(member), present_empty);
}

// Sets the member at `member` back to what a T made by `T{}` has, `made` (from_json into a value
// read before, for a member the text leaves out): the entry for every optional or vector member,
// which may be absent. The value's room is kept when the default is empty, as it mostly is.
template <class M>
void reset_erased(void* member, const void* made) {
  auto& to = *static_cast<M*>(member);
  const auto& from = *static_cast<const M*>(made);
  if constexpr (is_optional<M>::value) {
    if (!from) return to.reset();
  } else {
    if (from.empty()) return to.clear();
  }
  to = from;
}
template <class M>
constexpr void (*reset_entry())(void*, const void*) {
  if constexpr (is_required<M>) return nullptr;
  else return &reset_erased<M>;
}

// One described member as read_object sees it.
struct member_reader {
  std::string_view name;
  // The key as compact JSON writes it (`"name"`), empty when the name needs escapes; its first 16
  // bytes as two native words, zero-padded, with a mask over the bytes it has: most keys are told
  // by two 8-byte compares with the text, whatever its length.
  std::string_view quoted;
  std::uint64_t head[2];
  std::uint64_t mask[2];
  bool (*read)(scanner&, void* member, bool& present_empty);
  void (*reset)(void* member, const void* made);  // null for a member the object must have
  member_kind kind;

  // Whether the text at p starts with this member's key as `quoted` has it.
  XBL_ALWAYS_INLINE bool at(const char* p, const char* end) const noexcept {
    const std::size_t n = quoted.size();
    const auto room = static_cast<std::size_t>(end - p);
    if (n == 0) return false;
    if (room >= 16) {
      // Most keys differ from the text in their first 8 bytes.
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      if ((w ^ head[0]) & mask[0]) return false;
      if (n <= 16) {
        std::memcpy(&w, p + 8, 8);
        return ((w ^ head[1]) & mask[1]) == 0;
      }
    }
    return room >= n && std::memcmp(p, quoted.data(), n) == 0;
  }
};

// Bytes from..from+7 of `text` (zero past its end, or 0xFF where it has a byte when `ones`) as the
// native word that memcpy of those bytes makes.
constexpr std::uint64_t native_word(std::string_view text, std::size_t from, bool ones) noexcept {
  std::uint64_t w = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    const std::size_t at = from + i;
    const std::uint64_t byte = at < text.size() ? (ones ? 0xFFu : static_cast<unsigned char>(text[at])) : 0u;
    w |= byte << (std::endian::native == std::endian::little ? 8 * i : 8 * (7 - i));
  }
  return w;
}

template <described T, std::size_t I>
constexpr member_reader member_reader_of() {
  using key = field_key<T, I>;
  using M = field_type<T, I>;
  const std::string_view quoted = key::plain ? std::string_view(key::quoted.data(), key::name.size() + 2) : std::string_view();
  return member_reader{key::name,
                       quoted,
                       {native_word(quoted, 0, false), native_word(quoted, 8, false)},
                       {native_word(quoted, 0, true), native_word(quoted, 8, true)},
                       &read_erased<M>,
                       reset_entry<M>(),
                       member_kind_of<M>};
}

// What read_object needs of a described struct.
struct struct_reader {
  const member_reader* members;
  std::size_t count;
  std::uint64_t required;              // a bit per member that must be in the object
  std::uint64_t optional;              // a bit per member that may be left out
  extras* (*extras_of)(void* object);  // null when the type keeps none
  const void* (*made)();               // a T as `T{}` makes it, for reset_absent
};

template <described T>
struct struct_table {
  static constexpr auto members = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<member_reader, sizeof...(I)>{member_reader_of<T, I>()...};
  }(std::make_index_sequence<field_count<T>>{});

  static constexpr std::uint64_t required = [] {
    std::uint64_t mask = 0;
    for_each_field<T>([&](const auto& f, auto index) {
      using M = typename std::remove_cvref_t<decltype(f)>::member_type;
      mask |= std::uint64_t{is_required<M>} << index.value;
    });
    return mask;
  }();

  static constexpr std::uint64_t optional = (field_count<T> == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << field_count<T>) - 1) & ~required;

  static extras* extras_of(void* object) {
    if constexpr (has_extras<T>) return &(static_cast<T*>(object)->*(meta<T>::extras));
    else return nullptr;
  }

  static const void* made() {
    static const T value{};
    return &value;
  }

  static constexpr struct_reader reader{members.data(), members.size(), required, optional,
                                        has_extras<T> ? &extras_of : nullptr, &made};
};

// The object read_object fills: where each described member lives, the extras if any.
struct object_target {
  void* object;
  void* const* members;
  extras* kept;

  XBL_ALWAYS_INLINE bool read(scanner& s, const member_reader& m, std::size_t i) const {
    void* const at = members[i];
    // Tests rather than a switch: a jump table would be one indirect branch for every member of
    // every type, which predicts worse than these.
    if (m.kind == member_kind::string) {
      if (s.at_end() || s.peek() != '"') return mismatch(s, "a string");
      return read_string(s, *static_cast<std::string*>(at));
    }
    if (m.kind == member_kind::optional_string && !s.at_end() && s.peek() != 'n')
      return read_optional_string(s, *static_cast<std::optional<std::string>*>(at));
    if (m.kind == member_kind::boolean) return read_bool(s, *static_cast<bool*>(at));
    bool present_empty = false;
    if (!m.read(s, at, present_empty)) return false;
    if (present_empty && kept) kept->present_empty |= std::uint64_t{1} << i;
    return true;
  }
};

// Takes member m's key at p, as scanner::key() would, when its `quoted` form is what is there.
XBL_ALWAYS_INLINE bool take_key(scanner& s, const member_reader& m, scanner::key_info& k) noexcept {
  if (!m.at(s.p, s.end)) return false;
  k.at = s.p;
  s.p += m.quoted.size();
  k.end = s.p;
  k.text = m.name;
  k.quoted = true;
  k.decoded = false;
  return true;
}

// read_object's pass in described order from member `from`: each member whose key is at p is read
// right away, with no key to scan and no lookup; the others are left for read_other_members.
XBL_ALWAYS_INLINE bool read_in_order(scanner& s, const struct_reader& r, const object_target& o, std::uint64_t& seen,
                          std::size_t from, std::size_t& hint, bool& more) {
  for (std::size_t i = from; i < r.count && more; ++i) {
    const member_reader& m = r.members[i];
    if (!m.at(s.p, s.end)) continue;
    s.p += m.quoted.size();
    seen |= std::uint64_t{1} << i;
    hint = i + 1;
    if (!s.colon()) return false;
    if (!o.read(s, m, i)) {
      s.unwind_key(m.name);
      return false;
    }
    if (!s.after_member(more)) return false;
  }
  return true;
}

// The index of the member named `key` (r.count when none), trying `hint` first.
inline std::size_t find_member(const struct_reader& r, std::string_view key, std::size_t hint) noexcept {
  if (hint < r.count && r.members[hint].name == key) return hint;
  for (std::size_t i = 0; i < r.count; ++i)
    if (r.members[i].name == key) return i;
  return r.count;
}

// The members that the pass in described order did not take, up to the closing '}': in any order,
// unknown, or with an escaped key. Out of line, so that an object read in order pays nothing for it.
XBL_NOINLINE inline bool read_other_members(scanner& s, const struct_reader& r, const object_target& o,
                                            std::uint64_t& seen, std::size_t hint, std::string_view tag_key,
                                            bool tag_seen) {
  const std::size_t n = r.count;
  std::optional<key_set> unknown;  // the unknown members' keys, to catch a repeat; made at the first one

  // Any member: its key `k` read, `i` its index (n when the type does not describe it), p at its value.
  auto member = [&](const scanner::key_info& k, std::size_t i) -> bool {
    if (i < n) {
      if ((seen >> i) & 1) return s.fail(errc::duplicate_key, k.at, "the member " + detail::quoted(k.text) + " appears twice in one object");
      seen |= std::uint64_t{1} << i;
      hint = i + 1;
      return o.read(s, r.members[i], i);
    }
    if (!tag_key.empty() && k.text == tag_key) {
      // The variant's first look stopped at the first tag: this one may be a second.
      if (tag_seen) return s.fail(errc::duplicate_key, k.at, "the member " + detail::quoted(k.text) + " appears twice in one object");
      tag_seen = true;
      return skip(s);
    }
    const auto policy = s.opt.unknown_keys;
    if (policy == unknown_key_policy::error)
      return s.fail(errc::unknown_key, k.at, "unknown member " + detail::quoted(k.text) + " (read_options::unknown_keys is error)");
    if (policy == unknown_key_policy::keep && !o.kept)
      return s.fail(errc::unknown_key, k.at,
                    "unknown member " + detail::quoted(k.text) + " and this type has no extras member to keep it in");
    if (!unknown) unknown.emplace();
    if (!unknown->insert(s, k)) return false;  // a repeat, said by insert
    if (policy == unknown_key_policy::keep) {
      auto& kept = o.kept->unknown;
      kept.emplace_back(std::string(k.text), raw_json{});
      return read_raw(s, kept.back().second);
    }
    return skip(s);
  };

  // The member expected next is still tried on the raw text first; any other key is read and
  // looked up as usual.
  std::size_t matched = n;
  auto read_key = [&](scanner::key_info& k) {
    if (hint < n && take_key(s, r.members[hint], k)) {
      matched = hint;
      return true;
    }
    matched = n;
    return s.key(k);
  };
  return s.members([&](const scanner::key_info& k) { return member(k, matched < n ? matched : find_member(r, k.text, hint)); },
                   read_key);
}

// The first required member that `seen` lacks, reported at the object's closing brace.
// What read_object does at the closing '}' of an object that lacks members: reports the first
// required member that `seen` lacks; in a value read into (s.into), sets the optional and vector
// members left out back to their defaults, as a fresh value has them.
XBL_NOINLINE inline bool end_object(scanner& s, const struct_reader& r, const object_target& o, std::uint64_t seen) {
  for (std::size_t i = 0; i < r.count; ++i)
    if (((r.required & ~seen) >> i) & 1)
      return s.fail(errc::missing_member, s.p - 1, "missing required member " + detail::quoted(r.members[i].name));
  if (!s.absent_mask) return true;
  const auto* made = static_cast<const char*>(r.made());
  for (std::size_t i = 0; i < r.count; ++i) {
    const auto reset = r.members[i].reset;
    if (((seen >> i) & 1) || !reset) continue;
    const auto offset = static_cast<char*>(o.members[i]) - static_cast<char*>(o.object);
    reset(o.members[i], made + offset);
  }
  return true;
}


// What the pass in described order left of an object, from p to its closing '}'. `quoted_tag`
// (`"key"`), when not empty, is the member that chose this type among a variant's alternatives:
// read already, and passed over here. Out of line, so that an object read in order pays nothing
// for it.
XBL_NOINLINE inline bool read_rest(scanner& s, const struct_reader& r, const object_target& o, std::uint64_t& seen,
                                   std::size_t hint, std::string_view quoted_tag) {
  bool more = true;
  std::string_view tag_key;  // the tag's name, for read_other_members: none when not tagged
  bool tag_seen = false;
  if (!quoted_tag.empty()) {
    tag_key = quoted_tag.substr(1, quoted_tag.size() - 2);
    // The tag mostly stands among the members (the writer puts it after `tag_after`): passed over,
    // so that the members after it are still read in described order. The variant's first look read
    // it already and found a string.
    scanner::key_info k;
    if (s.plain_key(quoted_tag, k)) {
      tag_seen = true;
      if (!s.colon() || !skip(s) || !s.after_member(more)) return false;
      if (more && !read_in_order(s, r, o, seen, hint, hint, more)) return false;
    }
  }
  return !more || read_other_members(s, r, o, seen, hint, tag_key, tag_seen);
}

// Reads an object (p at its '{') into the members `o` points at; `quoted_tag` as read_rest has it.
inline bool read_object(scanner& s, const struct_reader& r, const object_target& o, std::string_view quoted_tag) {
  if (s.at_end() || s.peek() != '{') return mismatch(s, "an object");
  std::uint64_t seen = 0;
  std::size_t hint = 0;
  if (o.kept) {
    o.kept->unknown.clear();
    o.kept->present_empty = 0;
  }

  bool empty = false;
  if (!s.open_object(empty)) return false;
  bool more = !empty;

  // Members mostly come in the order they are described, some left out: read_in_order takes those,
  // read_rest whatever is not in that order (another order, an unknown member, an escaped key).
  if (more && !read_in_order(s, r, o, seen, 0, hint, more)) return false;
  if (more && !read_rest(s, r, o, seen, hint, quoted_tag)) return false;

  // One test for both rare ends: a required member missing, or, in a value read into, a member
  // left out, which is set back to its default (s.absent_mask is all ones then, else zero).
  if (~seen & (r.required | (r.optional & s.absent_mask))) [[unlikely]]
    return end_object(s, r, o, seen);
  return true;
}

template <described T, bool tagged>
bool read_struct(scanner& s, T& v, std::string_view quoted_tag) {
  static_assert((check_description<T>(), true));
  using table = struct_table<T>;
  const auto members = detail::apply([&](const auto&... f) { return std::array<void*, sizeof...(f)>{&(v.*(f.member))...}; },
                                  meta<T>::fields);
  const object_target o{&v, members.data(), table::extras_of(&v)};
  return read_object(s, table::reader, o, tagged ? quoted_tag : std::string_view());
}

// Up to the value that a document is.
inline bool begin_document(scanner& s) {
  if (!s.skip_ws()) return false;
  if (s.at_end()) return s.fail(errc::unexpected_end, s.p, "the text is empty: expected a JSON value");
  return true;
}

// After the value: nothing but whitespace (and comments, when allowed) to the end.
inline bool end_document(scanner& s) {
  if (!s.skip_ws()) return false;
  if (!s.at_end()) return s.fail(errc::syntax, s.p, "unexpected " + s.describe_here() + " after the JSON value");
  return true;
}

// The error from_json reports for a value that reads but breaks a rule: the first violation.
inline error violation_error(const std::vector<violation>& violations) {
  const auto& first = violations.front();
  return value_error(errc::invalid_value, first.path, first.message + " [" + first.rule + "]");
}

// The entries read_document takes for a T.
template <class T>
bool read_value(scanner& s, void* value) {
  return read(s, *static_cast<T*>(value));
}
template <class T>
std::vector<violation> validate_value(const void* value) {
  return xbl::validate(*static_cast<const T*>(value));
}

// Reads `text`, one JSON document, into the value at `value` with `read_entry` and, when the options
// ask, checks it with `check`: what from_json does for every T, made once. The error's code is ok
// when the value was read and kept every rule.
inline error read_document(std::string_view text, const read_options& options, void* value, bool into,
                           bool (*read_entry)(scanner&, void*), std::vector<violation> (*check)(const void*)) {
  scanner s(text, options);
  s.absent_mask = into ? ~std::uint64_t{0} : 0;
  if (!begin_document(s) || !read_entry(s, value) || !end_document(s)) return s.take_error();
  if (options.validate) {
    const auto violations = check(value);
    if (!violations.empty()) return violation_error(violations);
  }
  return error{};
}

}  // namespace detail

// Reads `text` straight into a T in one pass: no document tree in between.
template <class T>
result<T> from_json(std::string_view text, const read_options& options = {}) {
  T value{};
  auto e = detail::read_document(text, options, &value, false, &detail::read_value<T>, &detail::validate_value<T>);
  if (e.code != errc::ok) return e;
  return value;
}

// Reads `text` into `out`, which may hold a value read before: its strings, vectors and maps keep
// their room, so that reading a payload of the same shape again allocates nothing. On success `out`
// is what from_json<T>(text) would have made (the returned error's code is errc::ok); on failure it
// is a valid T of unspecified value.
template <class T>
  requires(!std::is_const_v<T>)
error from_json(std::string_view text, T& out, const read_options& options = {}) {
  return detail::read_document(text, options, &out, true, &detail::read_value<T>, &detail::validate_value<T>);
}

}  // namespace xbl
