// xbl-model 0.1.0 - single-header distribution
//
// Generated from include/ by tools/amalgamate.py - do not edit.
// Regenerate with: python3 tools/amalgamate.py
#pragma once

#define XBL_AMALGAMATED 1

// ---- begin xbl/xbl.hpp ----

// Everything: the core, every service's payloads, and their fmt formatters.
// ---- begin xbl/core.hpp ----

// The core: describing a type once, and from that reading, writing and validating it. Formatting
// with fmt is in xbl/format.hpp, so that a unit that only reads and writes does not compile fmt's
// formatting machinery.
// ---- begin xbl/core/error.hpp ----

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace xbl {

// Every way a read can fail. The set is closed on purpose: callers switch on it.
enum class errc : std::uint8_t {
  ok = 0,
  syntax,               // a character that cannot start or continue the JSON here
  unexpected_end,       // the text ended inside a value
  invalid_utf8,         // bytes that are not well-formed UTF-8 (RFC 3629)
  invalid_escape,       // a backslash escape JSON does not define, or an unpaired surrogate
  invalid_number,       // a number that breaks the RFC 8259 grammar
  number_out_of_range,  // a well-formed number the target type cannot hold
  type_mismatch,        // a valid JSON value of the wrong kind for the target
  missing_member,       // a required member is absent
  unknown_key,          // a member the type does not describe, under unknown_keys = error
  duplicate_key,        // a member given twice in one object
  depth_exceeded,       // nesting deeper than read_options::max_depth
  unknown_enum,         // an enum text outside the known list, under strict_enums
  unknown_variant,      // a variant tag that names no alternative
  invalid_value,        // a well-formed value that breaks a rule of its type or the domain
  not_found,            // the JSON Pointer given to read_at names no value in the text
  invalid_pointer,      // a JSON Pointer that breaks RFC 6901
};

constexpr std::string_view to_string(errc code) noexcept {
  switch (code) {
    case errc::ok: return "ok";
    case errc::syntax: return "syntax";
    case errc::unexpected_end: return "unexpected_end";
    case errc::invalid_utf8: return "invalid_utf8";
    case errc::invalid_escape: return "invalid_escape";
    case errc::invalid_number: return "invalid_number";
    case errc::number_out_of_range: return "number_out_of_range";
    case errc::type_mismatch: return "type_mismatch";
    case errc::missing_member: return "missing_member";
    case errc::unknown_key: return "unknown_key";
    case errc::duplicate_key: return "duplicate_key";
    case errc::depth_exceeded: return "depth_exceeded";
    case errc::unknown_enum: return "unknown_enum";
    case errc::unknown_variant: return "unknown_variant";
    case errc::invalid_value: return "invalid_value";
    case errc::not_found: return "not_found";
    case errc::invalid_pointer: return "invalid_pointer";
  }
  return "unknown";
}

// Where and why a read failed. `column` counts bytes from the start of the line, not characters:
// it is what an editor shows for ASCII and what a byte-oriented tool can seek to for the rest.
struct error {
  errc code = errc::ok;
  std::string message;
  std::size_t offset = 0;
  std::size_t line = 0;    // 1-based; 0 when the fault is in a value, not at a place in a text
  std::size_t column = 0;  // 1-based, in bytes
  std::string path;  // JSON Pointer (RFC 6901) of the member being read

  friend bool operator==(const error&, const error&) = default;
};

namespace detail {
// An error at byte `offset` of a one-line text such as an identifier or a header value.
inline error text_error(errc code, std::size_t offset, std::string message) {
  return error{code, std::move(message), offset, 1, offset + 1, {}};
}
// An error in a value, not at a place in a text: it has a path and no line.
inline error value_error(errc code, std::string path, std::string message) {
  return error{code, std::move(message), 0, 0, 0, std::move(path)};
}
}  // namespace detail

// Thrown only by result<T>::value() on an empty result: the one exception the library raises.
class bad_result : public std::runtime_error {
 public:
  explicit bad_result(const xbl::error& e)
      : std::runtime_error(e.message), error_(e) {}
  const xbl::error& error() const noexcept { return error_; }

 private:
  xbl::error error_;
};

}  // namespace xbl
// ---- end xbl/core/error.hpp ----
// ---- begin xbl/core/result.hpp ----

#include <memory>
#include <type_traits>

// ---- begin xbl/core/platform.hpp ----

#include <cstdio>
#include <cstdlib>

#if defined(_MSC_VER) && !defined(__clang__) && (defined(_M_X64) || defined(_M_AMD64))
#include <intrin.h>
#endif

// What differs between compilers and build modes, in one place, so that the rest of the library is
// written once: inlining hints, prefetching, byte order, whether exceptions are on and how the
// library raises one. Nothing else in the library names a compiler builtin or attribute.

// XBL_ALWAYS_INLINE declares an inline function that the compiler must inline, where the library
// measured that a call costs more than the code: only when optimising (an unoptimised build gains
// nothing from it and pays in compile time), and never with XBL_NO_FORCE_INLINE defined.
// XBL_ALWAYS_INLINE_LAMBDA is the same for a lambda (after its parameter list); XBL_NOINLINE keeps
// a cold path out of its hot caller. Each is plain `inline` (or nothing) where the compiler is not
// known.
#if defined(XBL_NO_FORCE_INLINE)
#define XBL_ALWAYS_INLINE inline
#define XBL_ALWAYS_INLINE_LAMBDA
#elif defined(__GNUC__) || defined(__clang__)
#if defined(__OPTIMIZE__)
#define XBL_ALWAYS_INLINE [[gnu::always_inline]] inline
#define XBL_ALWAYS_INLINE_LAMBDA __attribute__((always_inline))
#else
#define XBL_ALWAYS_INLINE inline
#define XBL_ALWAYS_INLINE_LAMBDA
#endif
#elif defined(_MSC_VER)
#define XBL_ALWAYS_INLINE __forceinline
#define XBL_ALWAYS_INLINE_LAMBDA
#else
#define XBL_ALWAYS_INLINE inline
#define XBL_ALWAYS_INLINE_LAMBDA
#endif

#if defined(__GNUC__) || defined(__clang__)
#define XBL_NOINLINE [[gnu::noinline]]
#elif defined(_MSC_VER)
#define XBL_NOINLINE __declspec(noinline)
#else
#define XBL_NOINLINE
#endif

namespace xbl::detail {

// Asks for the cache line at p ahead of its use; a hint only, and nothing where there is no way to
// give it.
inline void prefetch(const char* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#elif defined(_MSC_VER) && (defined(_M_X64) || defined(_M_AMD64))
  _mm_prefetch(p, _MM_HINT_T0);
#else
  (void)p;
#endif
}

// The bytes of w in the other order. Written out, it is the pattern compilers turn into their one
// byte-swap instruction; only big-endian machines call it (std::byteswap is C++23).
constexpr std::uint64_t byteswap64(std::uint64_t w) noexcept {
  w = ((w & 0x00FF00FF00FF00FFULL) << 8) | ((w >> 8) & 0x00FF00FF00FF00FFULL);
  w = ((w & 0x0000FFFF0000FFFFULL) << 16) | ((w >> 16) & 0x0000FFFF0000FFFFULL);
  return (w << 32) | (w >> 32);
}

#if defined(__cpp_exceptions) || defined(_CPPUNWIND)
inline constexpr bool exceptions_enabled = true;
#else
inline constexpr bool exceptions_enabled = false;
#endif

// Throws E where exceptions are on. Where they are off, the program ends with E's message on
// stderr, as the standard library ends it where it would have thrown.
template <class E, class... Args>
[[noreturn]] void raise(Args&&... args) {
#if defined(__cpp_exceptions) || defined(_CPPUNWIND)
  throw E(std::forward<Args>(args)...);
#else
  const E e(std::forward<Args>(args)...);
  std::fprintf(stderr, "xbl: %s\n", e.what());
  std::abort();
#endif
}

// Reached only in a constant expression, where it stops compilation with the reason in view.
inline void compile_time_error(const char*) {}

}  // namespace xbl::detail
// ---- end xbl/core/platform.hpp ----

namespace xbl {

// A value or the error that prevented it: the small stand-in for std::expected that C++20 lacks.
// A union and a flag rather than a std::variant, whose machinery every unit that reads a type
// would instantiate for that type, a few dozen functions each.
template <class T>
class result {
 public:
  result(T value) : ok_(true) { std::construct_at(&value_, std::move(value)); }
  result(xbl::error e) : ok_(false) { std::construct_at(&error_, std::move(e)); }

  result(const result& other) : ok_(other.ok_) {
    if (ok_) std::construct_at(&value_, other.value_);
    else std::construct_at(&error_, other.error_);
  }
  result(result&& other) noexcept(std::is_nothrow_move_constructible_v<T>) : ok_(other.ok_) {
    if (ok_) std::construct_at(&value_, std::move(other.value_));
    else std::construct_at(&error_, std::move(other.error_));
  }
  // A value replaces a value and an error an error in place; otherwise the copy is made first, so
  // that a copy that throws leaves this result as it was.
  result& operator=(const result& other) {
    if (this != &other) {
      if (ok_ && other.ok_) value_ = other.value_;
      else if (!ok_ && !other.ok_) error_ = other.error_;
      else *this = result(other);
    }
    return *this;
  }
  result& operator=(result&& other) noexcept(std::is_nothrow_move_constructible_v<T> && std::is_nothrow_move_assignable_v<T>) {
    static_assert(std::is_nothrow_move_constructible_v<T>, "xbl::result<T> needs a T that moves without throwing");
    if (this == &other) return *this;
    if (ok_ && other.ok_) {
      value_ = std::move(other.value_);
    } else if (!ok_ && !other.ok_) {
      error_ = std::move(other.error_);
    } else {
      destroy();
      ok_ = other.ok_;
      if (ok_) std::construct_at(&value_, std::move(other.value_));
      else std::construct_at(&error_, std::move(other.error_));
    }
    return *this;
  }
  ~result() { destroy(); }

  explicit operator bool() const noexcept { return ok_; }
  bool has_value() const noexcept { return ok_; }

  T& value() & { check(); return value_; }
  const T& value() const& { check(); return value_; }
  T&& value() && { check(); return std::move(value_); }

  T& operator*() & noexcept { return value_; }
  const T& operator*() const& noexcept { return value_; }
  T&& operator*() && noexcept { return std::move(value_); }
  T* operator->() noexcept { return &value_; }
  const T* operator->() const noexcept { return &value_; }

  // The error of an empty result; a default error (code ok) when there is a value.
  const xbl::error& error() const noexcept {
    static const xbl::error none{};
    return ok_ ? none : error_;
  }

 private:
  void check() const {
    if (!ok_) detail::raise<bad_result>(error_);
  }
  void destroy() noexcept {
    if (ok_) std::destroy_at(&value_);
    else std::destroy_at(&error_);
  }

  union {
    T value_;
    xbl::error error_;
  };
  bool ok_;
};

}  // namespace xbl
// ---- end xbl/core/result.hpp ----
// ---- begin xbl/core/options.hpp ----


namespace xbl {

// What to do with an object member that the target type does not describe.
enum class unknown_key_policy : std::uint8_t {
  skip,   // validate it as strictly as any value, then drop it
  error,  // fail with errc::unknown_key
  keep,   // keep it, in order, as raw JSON, and write it back after the described members
};

// The deepest nesting any read goes to, whatever read_options::max_depth asks. The reader recurses
// once a level, with at most about 2.9 KB of stack a level unoptimised (clang -O0; 0.2 to 0.3 KB
// optimised, 0.5 KB under AddressSanitizer), so 256 levels fit in 750 KB: within a 1 MB stack, the
// smallest default an SDK meets (a Windows thread's). AddressSanitizer without optimisation needs more.
inline constexpr std::size_t max_depth_ceiling = 256;

// Strict RFC 8259 by default; each lenient switch admits one thing the published samples contain.
struct read_options {
  bool comments = false;         // `// …` to end of line and `/* … */` wherever whitespace may stand
  bool trailing_commas = false;  // one `,` before `]` or `}`
  bool unquoted_keys = false;    // object keys as bare identifiers: [A-Za-z_$][A-Za-z0-9_$]*
  unknown_key_policy unknown_keys = unknown_key_policy::skip;
  std::size_t max_depth = 64;    // arrays and objects nested deeper fail with errc::depth_exceeded
                                 // (at most max_depth_ceiling: a larger value counts as that)
  bool strict_enums = false;     // an enum text outside the known list fails with errc::unknown_enum
  bool validate = false;         // run validate() after reading; the first violation fails the read

  static constexpr read_options lenient() noexcept {
    read_options o;
    o.comments = true;
    o.trailing_commas = true;
    o.unquoted_keys = true;
    return o;
  }

  constexpr bool any_lenient() const noexcept { return comments || trailing_commas || unquoted_keys; }
};

struct write_options {
  bool pretty = false;
  std::size_t indent = 2;
};

}  // namespace xbl
// ---- end xbl/core/options.hpp ----
// ---- begin xbl/core/describe.hpp ----

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <vector>

// ---- begin xbl/core/raw_json.hpp ----



namespace xbl {

namespace detail {
struct raw_access;
}

// One JSON value kept as text. It is only ever made by the reader, so its text is always valid JSON
// (`from_json<raw_json>` is a conformance check); a default one is `null`. Read strictly, the text is
// exactly what was read; read with a lenient switch on, it is that value in compact RFC 8259 form.
class raw_json {
 public:
  raw_json() = default;

  std::string_view text() const noexcept { return text_; }

  // The value at a JSON Pointer inside this one (RFC 6901; "" is the whole value), as a T: a
  // raw_json by default. It is read_at<T>(text(), pointer, options), so an error's offset, line
  // and column count in text(). Defined in <xbl/core/read_at.hpp>, with read_at.
  template <class T = raw_json>
  result<T> at(std::string_view pointer, const read_options& options = {}) const;

  // The same JSON tokens: whitespace between them is not part of the value, so a value read from
  // pretty text equals the one read from compact text. Key order and number spelling are.
  friend bool operator==(const raw_json& a, const raw_json& b) noexcept { return same_tokens(a.text_, b.text_); }

 private:
  friend struct detail::raw_access;
  explicit raw_json(std::string text) : text_(std::move(text)) {}
  std::string text_ = "null";

  // Both texts are valid JSON (only the reader makes one), so whitespace can only stand between tokens
  // or inside strings, where it is kept.
  static bool same_tokens(std::string_view a, std::string_view b) noexcept {
    auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
    std::size_t i = 0, j = 0;
    bool in_string = false;
    for (;;) {
      if (!in_string) {
        while (i < a.size() && blank(a[i])) ++i;
        while (j < b.size() && blank(b[j])) ++j;
      }
      if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
      if (a[i] != b[j]) return false;
      if (a[i] == '"') {
        in_string = !in_string;
      } else if (in_string && a[i] == '\\') {
        ++i, ++j;  // the escaped character, compared below as any other
        if (i == a.size() || j == b.size() || a[i] != b[j]) return false;
      }
      ++i, ++j;
    }
  }
};

namespace detail {
struct raw_access {
  static raw_json make(std::string text) { return raw_json(std::move(text)); }
};
}  // namespace detail

}  // namespace xbl
// ---- end xbl/core/raw_json.hpp ----
// ---- begin xbl/core/rare.hpp ----


namespace xbl::detail {

// A T that nearly no value has (the text of an enum value outside the known list, the unknown
// members of an object), kept on the heap: one pointer in every object, and a null test to copy,
// move or destroy it when absent, where the T itself would cost its full size and its own work in
// each of them. A copy is deep.
template <class T>
class rare {
 public:
  rare() noexcept = default;
  rare(const rare& other) : p_(other.p_ ? new T(*other.p_) : nullptr) {}
  rare(rare&& other) noexcept : p_(std::exchange(other.p_, nullptr)) {}
  rare& operator=(const rare& other) {
    if (this != &other) *this = rare(other);
    return *this;
  }
  rare& operator=(rare&& other) noexcept {
    std::swap(p_, other.p_);
    return *this;
  }
  ~rare() { delete p_; }

  T* get() const noexcept { return p_; }
  // The T, made (empty) first when absent.
  T& make() {
    if (!p_) p_ = new T();
    return *p_;
  }
  void reset() noexcept {
    delete p_;
    p_ = nullptr;
  }

 private:
  T* p_ = nullptr;
};

}  // namespace xbl::detail
// ---- end xbl/core/rare.hpp ----

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
// ---- end xbl/core/describe.hpp ----
// ---- begin xbl/core/open_enum.hpp ----

#include <cstring>

// ---- begin xbl/core/digits.hpp ----

#include <bit>


// Decimal digits eight at a time, for the numbers and the identifiers a payload is full of. Every
// function is constexpr, so that the compile-time literals parse with the same code as the reader.
namespace xbl::detail {

// The eight bytes at p as one word, the byte at p in its lowest bits: one load, or byte by byte in
// a constant expression (g++ does not make one load of the loop).
constexpr std::uint64_t load8(const char* p) noexcept {
  if (!std::is_constant_evaluated()) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    if constexpr (std::endian::native == std::endian::big) w = byteswap64(w);
    return w;
  }
  std::uint64_t w = 0;
  for (int i = 0; i < 8; ++i) w |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return w;
}

// The value of one hexadecimal digit (either case), or -1: for \u escapes and percent-encoding.
constexpr int hex_digit_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline constexpr std::uint64_t every_byte = 0x0101010101010101ULL;

// The high bit of each byte of w that is not a hexadecimal digit (either case), exactly: the sums
// are of 7-bit bytes and carry into no neighbour.
constexpr std::uint64_t non_hex_bytes(std::uint64_t w) noexcept {
  const std::uint64_t highs = every_byte * 0x80;
  const std::uint64_t low7 = w & ~highs;
  // A sum's high bit says the byte is at least `lo` (+ 0x80 - lo) or above `hi` (+ 0x7F - hi).
  const std::uint64_t digit = (low7 + every_byte * (0x80 - '0')) & ~(low7 + every_byte * (0x7F - '9'));
  const std::uint64_t folded = low7 | every_byte * 0x20;  // 'A'-'F' to 'a'-'f'
  const std::uint64_t letter = (folded + every_byte * (0x80 - 'a')) & ~(folded + every_byte * (0x7F - 'f'));
  return (~(digit | letter) & highs) | (w & highs);
}

// Nonzero in each byte of w that is not an ASCII digit. Only the lowest such byte is sure to be
// flagged exactly (a byte past it may see a carry), which is all a count of leading digits needs.
constexpr std::uint64_t non_digit_bytes(std::uint64_t w) noexcept {
  const std::uint64_t x = w ^ (every_byte * '0');  // a digit is now 0 to 9
  return (x | (x + every_byte * 6)) & (every_byte * 0xF0);
}

// How many of the eight bytes of w, from the lowest, are ASCII digits.
constexpr std::size_t leading_digits(std::uint64_t w) noexcept {
  return static_cast<std::size_t>(std::countr_zero(non_digit_bytes(w))) >> 3;
}

// The number the eight ASCII digits of w spell, the first digit in the lowest byte.
constexpr std::uint32_t eight_digits_value(std::uint64_t w) noexcept {
  w = (w & (every_byte * 0x0F)) * (10 * 256 + 1) >> 8;
  w = (w & 0x00FF00FF00FF00FFULL) * (100 * 65536 + 1) >> 16;
  return static_cast<std::uint32_t>((w & 0x0000FFFF0000FFFFULL) * (10000 * (std::uint64_t{1} << 32) + 1) >> 32);
}

// The eight bytes of w at o, the lowest first (load8's order).
inline void store8(char* o, std::uint64_t w) noexcept {
  if constexpr (std::endian::native == std::endian::big) w = byteswap64(w);
  std::memcpy(o, &w, 8);
}

// The eight ASCII digits of v (below 10^8, with leading zeros) as one word in load8's order, made
// in a register: each half's four digits split into two pairs, each pair into two digits, by
// multiplications that stand for the divisions.
constexpr std::uint64_t eight_digits_text(std::uint32_t v) noexcept {
  std::uint64_t x = (v / 10000) | (std::uint64_t{v % 10000} << 32);  // the first four digits in the low half
  std::uint64_t q = (x * 10486 >> 20) & 0x0000007F0000007FULL;          // each half / 100 (exact below 10^4)
  x = q | ((x - q * 100) << 16);
  q = (x * 103 >> 10) & 0x000F000F000F000FULL;  // each quarter / 10 (exact below 100)
  x = q | ((x - q * 10) << 8);
  return x | (every_byte * '0');
}

// The number the first n (1 to 8) digits of w spell: moved to the top of the word, they are the
// last digits of eight whose first are zeros.
constexpr std::uint32_t digits_value(std::uint64_t w, std::size_t n) noexcept {
  return eight_digits_value(w << (8 * (8 - n)));
}

// The number the n (1 to 8) digits at p spell, looking no further than `end`.
constexpr std::uint32_t digits_value_at(const char* p, const char* end, std::size_t n) noexcept {
  if (end - p >= 8) return digits_value(load8(p), n);
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v = v * 10 + static_cast<std::uint32_t>(p[i] - '0');
  return v;
}

// The length of the run of ASCII digits at p, looking no further than `end`.
XBL_ALWAYS_INLINE constexpr std::size_t digit_run(const char* p, const char* end) noexcept {
  const char* q = p;
  while (end - q >= 8) {
    const std::size_t n = leading_digits(load8(q));
    q += n;
    if (n < 8) return static_cast<std::size_t>(q - p);
  }
  while (q < end && *q >= '0' && *q <= '9') ++q;
  return static_cast<std::size_t>(q - p);
}

// The value of the n digits at p (all known to be digits), or false when it passes 2^64 - 1.
XBL_ALWAYS_INLINE constexpr bool digits_to_u64(const char* p, std::size_t n, std::uint64_t& v) noexcept {
  constexpr std::size_t most_without_check = 19;  // 10^19 - 1 < 2^64
  if (n > 20) {
    // Leading zeros do not count: "000…01" is still 1.
    while (n > 20 && *p == '0') {
      ++p;
      --n;
    }
    if (n > 20) return false;
  }
  std::uint64_t value = 0;
  const std::size_t head = n > most_without_check ? most_without_check : n;
  std::size_t i = 0;
  for (; i + 8 <= head; i += 8) value = value * 100000000 + eight_digits_value(load8(p + i));
  for (; i < head; ++i) value = value * 10 + static_cast<std::uint64_t>(p[i] - '0');
  if (n > head) {
    const auto last = static_cast<std::uint64_t>(p[head] - '0');
    if (value > (UINT64_MAX - last) / 10) return false;
    value = value * 10 + last;
  }
  v = value;
  return true;
}

}  // namespace xbl::detail
// ---- end xbl/core/digits.hpp ----

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
// ---- end xbl/core/open_enum.hpp ----
// ---- begin xbl/core/uri.hpp ----


namespace xbl {

// The length of `text` once percent-encoded per RFC 3986: the unreserved characters
// A-Z a-z 0-9 - . _ ~ stay as they are and every other byte becomes %XX.
constexpr std::size_t uri_encoded_length(std::string_view text) noexcept {
  std::size_t n = 0;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '_' || c == '~';
    n += unreserved ? 1 : 3;
  }
  return n;
}

}  // namespace xbl
// ---- end xbl/core/uri.hpp ----
// ---- begin xbl/core/validate.hpp ----

#include <cmath>
#include <variant>

// ---- begin xbl/core/codec.hpp ----

namespace xbl::detail {

// The hook through which a type with a wire form of its own (an identifier written as a string, a
// timestamp) joins the reader, the writer and the validator without them knowing it:
//   static bool read(scanner&, T&);              // p at the value; fail() and return false on error
//   static void write(writer&, const T&);
//   static std::string check(const T&);         // optional: a violation message, empty when sound
template <class T>
struct codec;

template <class T>
concept has_codec = requires { codec<T>::read; };

// Types whose fmt form (xbl/format.hpp) is their to_string() text rather than JSON: the
// identifiers, and what a header states (endpoints.hpp). Declared here, with the other hooks, so
// that a header can say it without compiling the formatters.
template <class T>
inline constexpr bool formats_as_text = false;

}  // namespace xbl::detail
// ---- end xbl/core/codec.hpp ----
// ---- begin xbl/core/scanner.hpp ----


// ---- begin xbl/core/bytes.hpp ----


// ---- begin xbl/core/simd.hpp ----

#include <tuple>

// ---- begin xbl/core/simd/scalar.hpp ----


// ---- begin xbl/core/utf8.hpp ----


namespace xbl::detail {

// Length of the well-formed UTF-8 sequence starting at p (RFC 3629: no overlongs, no encoded
// surrogates, nothing past U+10FFFF), or 0 when the bytes there are not one. `end` bounds the read.
constexpr std::size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) noexcept {
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return p + i < end && p[i] >= lo && p[i] <= hi;
  };
  if (c < 0xC2) return 0;  // stray continuation byte or overlong two-byte form
  if (c < 0xE0) return cont(1) ? 2 : 0;
  if (c < 0xF0) {
    const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;  // E0 80..9F would be overlong
    const unsigned char hi = c == 0xED ? 0x9F : 0xBF;  // ED A0..BF would encode a surrogate
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c < 0xF5) {
    const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;  // F0 80..8F would be overlong
    const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;  // F4 90.. would pass U+10FFFF
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// Whether the bytes from p to `end` (fewer than a whole sequence) are the start of a well-formed
// one: then the text was cut short, which is unexpected_end, not invalid_utf8.
constexpr bool utf8_cut_short(const unsigned char* p, const unsigned char* end) noexcept {
  const auto have = static_cast<std::size_t>(end - p);
  if (have == 0 || have >= 4) return false;
  // The missing bytes are given the smallest value their place allows after this lead byte.
  unsigned char whole[4] = {p[0], static_cast<unsigned char>(p[0] == 0xE0 ? 0xA0 : p[0] == 0xF0 ? 0x90 : 0x80), 0x80, 0x80};
  for (std::size_t i = 1; i < have; ++i) whole[i] = p[i];
  return utf8_sequence_length(whole, whole + 4) > have;
}

// Code points in text already known to be well-formed.
constexpr std::size_t utf8_count(std::string_view s) noexcept {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

inline void utf8_append(std::string& out, std::uint32_t cp) {
  char buf[4];
  std::size_t n;
  if (cp < 0x80) {
    buf[0] = static_cast<char>(cp);
    n = 1;
  } else if (cp < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (cp >> 6));
    buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (cp >> 12));
    buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    buf[0] = static_cast<char>(0xF0 | (cp >> 18));
    buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 4;
  }
  out.append(buf, n);
}

// The position of the first byte in [p, e) that does not start a well-formed sequence (one that
// runs past e is not), or e when there is none.
inline const char* utf8_first_invalid(const char* p, const char* e) noexcept {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  const auto* ue = reinterpret_cast<const unsigned char*>(e);
  while (u < ue) {
    const std::size_t n = utf8_sequence_length(u, ue);
    if (n == 0) break;
    u += n;
  }
  return reinterpret_cast<const char*>(u);
}

}  // namespace xbl::detail
// ---- end xbl/core/utf8.hpp ----

// The reference backend, in plain C++ for any CPU and byte order. Every backend is a struct with
// these members (the vector ones derive from the one below them and replace what their
// instructions do better); the generic code in bytes.hpp and the scanner names only
// `simd::active`, chosen in simd.hpp. The flags say which block kernels beat the generic
// eight-byte word loops: here none do, so they are the definitions the others are tested against.
namespace xbl::detail::simd {

// One bit per byte of a block of string_block bytes: the bytes a JSON string cannot hold as they
// are (a quote, a backslash, a control character), and the bytes of 0x80 and above (UTF-8).
struct string_bits {
  std::uint32_t special;
  std::uint32_t high;
};

// Whether a JSON string cannot hold byte c as it is: the byte-at-a-time form of `special`.
constexpr bool string_special(unsigned char c) noexcept { return c < 0x20 || c == '"' || c == '\\'; }

// Sixteen bytes, not the widest vector there is: most strings are shorter, and a wider load
// crosses a cache line more often than it saves a step (on a presence document, 32 bytes made the
// reader 6% slower and 64 bytes 14%).
inline constexpr std::size_t string_block = 16;
inline constexpr std::size_t space_block = 16;
inline constexpr std::size_t whitespace_block = 32;

struct scalar {
  static constexpr const char* name = "scalar";
  static constexpr bool fast_strings = false;
  static constexpr bool fast_spaces = false;
  static constexpr bool fast_whitespace = false;
  // Bytes space_bits looks at: eight, one word, when there are no vectors.
  static constexpr std::size_t indent_window = 8;

  static string_bits string_block_at(const char* p) noexcept {
    string_bits b{0, 0};
    for (unsigned i = 0; i < string_block; ++i) {
      const auto c = static_cast<unsigned char>(p[i]);
      b.special |= static_cast<std::uint32_t>(string_special(c)) << i;
      b.high |= static_cast<std::uint32_t>(c >= 0x80) << i;
    }
    return b;
  }

  // Bit i set where p[i] is not a space, for the space_block bytes at p.
  static std::uint32_t non_space_bits(const char* p) noexcept {
    std::uint32_t bits = 0;
    for (unsigned i = 0; i < space_block; ++i) bits |= static_cast<std::uint32_t>(p[i] != ' ') << i;
    return bits;
  }

  // Bit i set where p[i] is not JSON whitespace, for the whitespace_block bytes at p.
  static std::uint32_t non_whitespace_bits(const char* p) noexcept {
    std::uint32_t bits = 0;
    for (unsigned i = 0; i < whitespace_block; ++i) {
      const char c = p[i];
      bits |= static_cast<std::uint32_t>(c != ' ' && c != '\t' && c != '\n' && c != '\r') << i;
    }
    return bits;
  }

  // Bit i set where q[i] is a space, for the indent_window bytes at q.
  static std::uint64_t space_bits(const char* q) noexcept {
    const std::uint64_t zero_where_space = load8(q) ^ (every_byte * ' ');
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < indent_window; ++i) {
      bits |= std::uint64_t{((zero_where_space >> (8 * i)) & 0xFF) == 0} << i;
    }
    return bits;
  }

  // Whether [p, e) is well-formed UTF-8 (a sequence that runs past e is not). The bytes up to
  // `readable` may be loaded, though only those before e count.
  static bool utf8_valid(const char* p, const char* e, const char*) noexcept { return utf8_first_invalid(p, e) == e; }
};

}  // namespace xbl::detail::simd
// ---- end xbl/core/simd/scalar.hpp ----

// The one interface to the byte kernels: `simd::active` is the widest backend the compiler may
// use for this build, one file per instruction set in simd/, each a struct with the members of
// simd::scalar. Chosen at compile time from what the compiler was told the CPU has (GCC and
// clang's -m flags, MSVC's /arch and its x64 baseline, which defines no __SSE2__).
// Define XBL_NO_SIMD to use the plain C++ one on any CPU.
#if !defined(XBL_NO_SIMD)
#if defined(__SSE2__) || defined(_M_X64) || defined(_M_AMD64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2)
#define XBL_DETAIL_SIMD_SSE2 1
// ---- begin xbl/core/simd/sse2.hpp ----

#include <emmintrin.h>

#include <cstddef>
#include <cstdint>


// SSE2: sixteen bytes at a time, on every x86-64.
namespace xbl::detail::simd {

struct sse2 : scalar {
  static constexpr const char* name = "sse2";
  static constexpr bool fast_strings = true;
  static constexpr bool fast_spaces = true;
  // Four compares: sixteen levels of four spaces.
  static constexpr std::size_t indent_window = 64;

  XBL_ALWAYS_INLINE static string_bits string_block_at(const char* p) noexcept {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i below_space = _mm_set1_epi8(0x1F);
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(x, below_space), below_space);  // x <= 0x1F
    const __m128i special =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))), control);
    return {static_cast<std::uint32_t>(_mm_movemask_epi8(special)), static_cast<std::uint32_t>(_mm_movemask_epi8(x))};
  }

  XBL_ALWAYS_INLINE static std::uint32_t non_space_bits(const char* p) noexcept {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')))) ^ 0xFFFFu;
  }

  XBL_ALWAYS_INLINE static std::uint64_t space_bits(const char* q) noexcept {
    auto quarter = [](const char* h) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h));
      return std::uint64_t{static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(' '))))};
    };
    return quarter(q) | quarter(q + 16) << 16 | quarter(q + 32) << 32 | quarter(q + 48) << 48;
  }
};

}  // namespace xbl::detail::simd
// ---- end xbl/core/simd/sse2.hpp ----
#endif
// AVX implies SSSE3; MSVC's /arch:AVX defines only __AVX__.
#if defined(XBL_DETAIL_SIMD_SSE2) && (defined(__SSSE3__) || defined(__AVX__))
#define XBL_DETAIL_SIMD_SSSE3 1
// ---- begin xbl/core/simd/ssse3.hpp ----

#include <tmmintrin.h>

#include <cstddef>
#include <cstring>


// SSSE3: UTF-8 checked sixteen bytes at a time (a byte shuffle is a sixteen-entry table lookup).
namespace xbl::detail::simd {

// Sixteen bytes at a time, by the method of Keiser and Lemire ("Validating UTF-8 in less than one
// instruction per byte", 2021): each byte's class, looked up from the high nibble of the byte
// before it, that byte's low nibble and its own high nibble, names the faults the pair can have;
// what is left is the check that the third and fourth bytes of long sequences are continuations.
class utf8_blocks {
 public:
  // Feeds the next sixteen bytes of the text.
  void add(__m128i input) noexcept {
    constexpr char too_short = 1 << 0, too_long = 1 << 1, overlong_3 = 1 << 2, too_large = 1 << 3,
                   surrogate = 1 << 4, overlong_2 = 1 << 5, too_large_1000 = 1 << 6, overlong_4 = 1 << 6;
    constexpr char two_conts = static_cast<char>(1 << 7);
    constexpr char carry = too_short | too_long | two_conts;
    const __m128i first_high = _mm_setr_epi8(
        too_long, too_long, too_long, too_long, too_long, too_long, too_long, too_long,  // 0___ ASCII
        two_conts, two_conts, two_conts, two_conts,                                      // 10__ continuation
        too_short | overlong_2, too_short, too_short | overlong_3 | surrogate,            // 1100, 1101, 1110
        too_short | too_large | too_large_1000 | overlong_4);                             // 1111
    const __m128i first_low = _mm_setr_epi8(
        carry | overlong_3 | overlong_2 | overlong_4, carry | overlong_2, carry, carry, carry | too_large,
        carry | too_large | too_large_1000, carry | too_large | too_large_1000, carry | too_large | too_large_1000,
        carry | too_large | too_large_1000, carry | too_large | too_large_1000, carry | too_large | too_large_1000,
        carry | too_large | too_large_1000, carry | too_large | too_large_1000,
        carry | too_large | too_large_1000 | surrogate, carry | too_large | too_large_1000,
        carry | too_large | too_large_1000);
    const __m128i second_high = _mm_setr_epi8(
        too_short, too_short, too_short, too_short, too_short, too_short, too_short, too_short,
        too_long | overlong_2 | two_conts | overlong_3 | too_large_1000 | overlong_4,
        too_long | overlong_2 | two_conts | overlong_3 | too_large,
        too_long | overlong_2 | two_conts | surrogate | too_large, too_long | overlong_2 | two_conts | surrogate | too_large,
        too_short, too_short, too_short, too_short);
    const __m128i nibble = _mm_set1_epi8(0x0F);
    const __m128i prev1 = _mm_alignr_epi8(input, prev_, 15);
    const __m128i faults = _mm_and_si128(
        _mm_and_si128(_mm_shuffle_epi8(first_high, _mm_and_si128(_mm_srli_epi16(prev1, 4), nibble)),
                      _mm_shuffle_epi8(first_low, _mm_and_si128(prev1, nibble))),
        _mm_shuffle_epi8(second_high, _mm_and_si128(_mm_srli_epi16(input, 4), nibble)));
    // A byte two after a lead of three or more, or three after a lead of four, is a continuation:
    // two_conts there is right, and anywhere else a fault.
    const __m128i third = _mm_subs_epu8(_mm_alignr_epi8(input, prev_, 14), _mm_set1_epi8(static_cast<char>(0xE0 - 0x80)));
    const __m128i fourth = _mm_subs_epu8(_mm_alignr_epi8(input, prev_, 13), _mm_set1_epi8(static_cast<char>(0xF0 - 0x80)));
    const __m128i must_continue = _mm_and_si128(_mm_or_si128(third, fourth), _mm_set1_epi8(static_cast<char>(0x80)));
    errors_ = _mm_or_si128(errors_, _mm_xor_si128(must_continue, faults));
    prev_ = input;
  }
  // Whether all that was fed is well-formed, a sequence cut by the end of it included.
  bool valid() noexcept {
    add(_mm_setzero_si128());
    return _mm_movemask_epi8(_mm_cmpeq_epi8(errors_, _mm_setzero_si128())) == 0xFFFF;
  }

 private:
  __m128i prev_ = _mm_setzero_si128();
  __m128i errors_ = _mm_setzero_si128();
};

struct ssse3 : sse2 {
  static constexpr const char* name = "ssse3";

  static bool utf8_valid(const char* p, const char* e, const char* readable) noexcept {
    utf8_blocks blocks;
    for (; e - p >= 16; p += 16) blocks.add(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
    if (p != e) {
      const auto left = static_cast<char>(e - p);
      __m128i last;
      if (readable - p >= 16) {
        last = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      } else {
        alignas(16) char copy[16] = {};
        std::memcpy(copy, p, static_cast<std::size_t>(e - p));
        last = _mm_load_si128(reinterpret_cast<const __m128i*>(copy));
      }
      const __m128i index = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
      blocks.add(_mm_and_si128(last, _mm_cmpgt_epi8(_mm_set1_epi8(left), index)));  // what follows e as ASCII
    }
    return blocks.valid();
  }
};

}  // namespace xbl::detail::simd
// ---- end xbl/core/simd/ssse3.hpp ----
#endif
#if defined(XBL_DETAIL_SIMD_SSSE3) && defined(__AVX2__)
#define XBL_DETAIL_SIMD_AVX2 1
// ---- begin xbl/core/simd/avx2.hpp ----

#include <immintrin.h>

#include <cstddef>
#include <cstdint>


// AVX2: whitespace thirty-two bytes at a time, and the indentation window in two compares.
namespace xbl::detail::simd {

struct avx2 : ssse3 {
  static constexpr const char* name = "avx2";
  // A line break and up to 31 spaces of indentation in one step.
  static constexpr bool fast_whitespace = true;

  XBL_ALWAYS_INLINE static std::uint32_t non_whitespace_bits(const char* p) noexcept {
    // The four whitespace bytes differ in their low nibble, so one table lookup by it gives each
    // byte the only whitespace it could be (0x80 where there is none, which no byte the lookup
    // keeps can equal: bytes of 0x80 and above look up 0).
    constexpr char m = static_cast<char>(0x80);
    const __m256i table = _mm256_setr_epi8(' ', m, m, m, m, m, m, m, m, '\t', '\n', m, m, '\r', m, m,
                                           ' ', m, m, m, m, m, m, m, m, '\t', '\n', m, m, '\r', m, m);
    const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const __m256i ws = _mm256_cmpeq_epi8(_mm256_shuffle_epi8(table, x), x);
    return ~static_cast<std::uint32_t>(_mm256_movemask_epi8(ws));
  }

  XBL_ALWAYS_INLINE static std::uint64_t space_bits(const char* q) noexcept {
    auto half = [](const char* h) {
      const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(h));
      return std::uint64_t{static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(' '))))};
    };
    return half(q) | half(q + 32) << 32;
  }
};

}  // namespace xbl::detail::simd
// ---- end xbl/core/simd/avx2.hpp ----
#endif
#if defined(XBL_DETAIL_SIMD_AVX2) && defined(__AVX512BW__)
#define XBL_DETAIL_SIMD_AVX512 1
// ---- begin xbl/core/simd/avx512.hpp ----

#include <immintrin.h>

#include <cstdint>


// AVX-512 (BW): the indentation window in one compare. Nothing else: the string and whitespace
// kernels gain nothing from wider loads on the short runs a document is made of.
namespace xbl::detail::simd {

struct avx512 : avx2 {
  static constexpr const char* name = "avx512";

  XBL_ALWAYS_INLINE static std::uint64_t space_bits(const char* q) noexcept {
    return _mm512_cmpeq_epi8_mask(_mm512_loadu_si512(q), _mm512_set1_epi8(' '));
  }
};

}  // namespace xbl::detail::simd
// ---- end xbl/core/simd/avx512.hpp ----
#endif
#endif

namespace xbl::detail::simd {

// Every backend this build can run, narrowest first: the tests hold each to the scalar one.
#if defined(XBL_DETAIL_SIMD_AVX512)
using available = std::tuple<scalar, sse2, ssse3, avx2, avx512>;
#elif defined(XBL_DETAIL_SIMD_AVX2)
using available = std::tuple<scalar, sse2, ssse3, avx2>;
#elif defined(XBL_DETAIL_SIMD_SSSE3)
using available = std::tuple<scalar, sse2, ssse3>;
#elif defined(XBL_DETAIL_SIMD_SSE2)
using available = std::tuple<scalar, sse2>;
#else
using available = std::tuple<scalar>;
#endif

using active = std::tuple_element_t<std::tuple_size_v<available> - 1, available>;

}  // namespace xbl::detail::simd
// ---- end xbl/core/simd.hpp ----

// Finding the few bytes of a text that matter, many bytes at a time: where a string ends or must be
// escaped, and where whitespace stops. Written once over eight-byte words, which any CPU has, and
// over the block kernels of simd::active where they are faster.
namespace xbl::detail {

// The high bit of each byte of `w` that a JSON string cannot hold as it is (a quote, a backslash, a
// control character). Bits above the lowest may be spurious; the lowest is exact, which is all
// first_flagged uses.
constexpr std::uint64_t string_special_bytes(std::uint64_t w) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  const std::uint64_t q = w ^ (ones * '"');
  const std::uint64_t b = w ^ (ones * '\\');
  return (((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b)) & highs;
}

// Index (0 to 7) of the first byte a nonzero mask of string_special_bytes flags.
constexpr std::size_t first_flagged(std::uint64_t mask) noexcept {
  return static_cast<std::size_t>(std::countr_zero(mask)) >> 3;
}

// The first byte in [p, end) that a JSON string cannot hold as it is (see string_special_bytes),
// or `end` when there is none. `wide` is set when a byte of 0x80 or above comes before it: a UTF-8
// sequence that a reader has still to check.
//
// A block at a time where the backend has fast blocks, else eight bytes; the few bytes after the last whole block are not
// looked at one by one, which for the short strings a document is mostly made of would cost more
// than all the rest: they are read again with plain bytes before them, in one load that ends at
// `end`, or in two overlapping words when the whole text is that short.
//
// Always inlined into its two callers, the reader's and the writer's string loops: clang kept it a
// call of its own, which was a fifth of the time of writing a presence document.
XBL_ALWAYS_INLINE const char* find_string_special(const char* p, const char* end, bool& wide) noexcept {
  // The bits of a block below its first special byte (all of them when it has none).
  auto before_first = [](std::uint64_t special) { return special ? (special & (0 - special)) - 1 : ~std::uint64_t{0}; };
  const char* const begin = p;
  if constexpr (simd::active::fast_strings) {
    constexpr std::size_t block = simd::string_block;
    while (static_cast<std::size_t>(end - p) >= block) {
      const simd::string_bits b = simd::active::string_block_at(p);
      wide |= (b.high & before_first(b.special)) != 0;
      if (b.special) return p + std::countr_zero(b.special);
      p += block;
    }
    if (p != end && static_cast<std::size_t>(end - begin) >= block) {
      const simd::string_bits b = simd::active::string_block_at(end - block);  // the bytes before p have no flag
      wide |= (b.high & before_first(b.special)) != 0;
      return b.special ? end - block + std::countr_zero(b.special) : end;
    }
  }
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  // The lowest flag of a word is exact, and the bytes before p raise none.
  auto word = [&](std::uint64_t w, const char* at) {
    const std::uint64_t special = string_special_bytes(w);
    wide |= (w & highs & before_first(special)) != 0;
    return special ? at + first_flagged(special) : nullptr;
  };
  while (end - p >= 8) {
    if (const char* hit = word(load8(p), p)) return hit;
    p += 8;
  }
  if (p == end) return p;
  if (end - begin >= 8) {
    const char* hit = word(load8(end - 8), end - 8);
    return hit ? hit : end;
  }
  if (end - p >= 4) {
    char both[8];
    std::memcpy(both, p, 4);
    std::memcpy(both + 4, end - 4, 4);
    const std::uint64_t w = load8(both);
    const std::uint64_t special = string_special_bytes(w);
    wide |= (w & highs & before_first(special)) != 0;
    if (!special) return end;
    const std::size_t i = first_flagged(special);
    return i < 4 ? p + i : end - 8 + i;
  }
  for (; p < end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (simd::string_special(c)) break;
    wide |= c >= 0x80;
  }
  return p;
}

// Copies the n bytes at p to o. The short runs a document is made of are copied in two or a few
// overlapping loads and stores of a fixed size, inline, rather than by a call to memcpy, whose
// call and choice of method cost more than the copy itself.
XBL_ALWAYS_INLINE void copy_bytes(char* o, const char* p, std::size_t n) noexcept {
  if (n > 64) {
    std::memcpy(o, p, n);
  } else if (n >= 16) {
    for (std::size_t i = 0; i + 16 < n; i += 16) std::memcpy(o + i, p + i, 16);
    std::memcpy(o + n - 16, p + n - 16, 16);
  } else if (n >= 8) {
    std::memcpy(o, p, 8);
    std::memcpy(o + n - 8, p + n - 8, 8);
  } else if (n >= 4) {
    std::memcpy(o, p, 4);
    std::memcpy(o + n - 4, p + n - 4, 4);
  } else if (n > 0) {
    o[0] = p[0];
    o[n / 2] = p[n / 2];
    o[n - 1] = p[n - 1];
  }
}

// The first byte in [p, end) that is not JSON whitespace, or `end`. Made for indentation: line
// breaks and tabs are passed one at a time, runs of spaces sixteen (or eight) at a time.
//
// Indented text goes by fast, mostly spaces, and the hardware's prefetcher, which starts again at
// each 4 KB page, falls behind it: the text a kilobyte ahead is asked for here (on the bench's
// indented presence document this took a tenth off the read).
inline constexpr std::size_t whitespace_prefetch_distance = 1024;
XBL_ALWAYS_INLINE const char* skip_whitespace(const char* p, const char* end) noexcept {
  prefetch(p + whitespace_prefetch_distance);
  if constexpr (simd::active::fast_whitespace) {
    while (static_cast<std::size_t>(end - p) >= simd::whitespace_block) {
      const std::uint32_t other = simd::active::non_whitespace_bits(p);
      if (other) return p + std::countr_zero(other);
      p += simd::whitespace_block;
    }
  }
  while (p < end) {
    const auto c = static_cast<unsigned char>(*p);
    if (c > ' ') return p;  // the next token
    if (c == ' ') {
      ++p;
      for (;;) {
        if constexpr (simd::active::fast_spaces) {
          if (static_cast<std::size_t>(end - p) >= simd::space_block) {
            const std::uint32_t other = simd::active::non_space_bits(p);
            if (other == 0) {
              p += simd::space_block;
              continue;
            }
            p += std::countr_zero(other);
            break;
          }
        }
        if (end - p >= 8) {
          // No carries in a plain XOR: the lowest nonzero byte is the first one that is not a space.
          const std::uint64_t other = load8(p) ^ 0x2020202020202020ULL;
          if (other == 0) {
            p += 8;
            continue;
          }
          p += std::countr_zero(other) >> 3;
          break;
        }
        while (p < end && *p == ' ') ++p;
        break;
      }
    } else if (c == '\n' || c == '\r' || c == '\t') {
      ++p;
    } else {
      return p;  // a control character, which is no whitespace
    }
  }
  return p;
}

// How many bytes indented_by can look at: 64 (sixteen levels of four spaces) with vectors, one word
// without.
inline constexpr std::size_t indent_window = simd::active::indent_window;

// Whether the `width` bytes at q are all spaces: the indentation a reader foresaw for a line of
// indented text. A yes or no, not a count, so that the reader goes on at q + width while the
// processor still checks the guess (a count from the bytes made every line wait for a load, a
// compare and a bit scan before the next step could start). Needs indent_window readable bytes at
// q, and width < indent_window.
XBL_ALWAYS_INLINE bool indented_by(const char* q, std::size_t width) noexcept {
  const std::uint64_t want = (std::uint64_t{1} << width) - 1;
  return (~simd::active::space_bits(q) & want) == 0;
}

// Whether [p, e) is well-formed UTF-8 (a sequence that runs past e is not). The bytes up to
// `readable` may be loaded, though only those before e count.
inline bool utf8_valid(const char* p, const char* e, const char* readable) noexcept {
  return simd::active::utf8_valid(p, e, readable);
}

}  // namespace xbl::detail
// ---- end xbl/core/bytes.hpp ----

namespace xbl::detail {

// RFC 6901: `~` and `/` inside a reference token are written `~0` and `~1`.
inline void append_pointer_token(std::string& out, std::string_view token) {
  out += '/';
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
}

// A text from the input as an error message shows it: in quotes, on one line (a control character,
// a quote or a backslash as its JSON escape), and cut after `limit` bytes, at a character boundary,
// with the size said, so that a hostile megabyte-long key makes a message of a line, not a megabyte.
inline std::string quoted(std::string_view s, std::size_t limit = 64) {
  std::size_t shown = s.size();
  if (shown > limit) {
    shown = limit;
    while (shown > 0 && (static_cast<unsigned char>(s[shown]) & 0xC0) == 0x80) --shown;
  }
  std::string out;
  out.reserve(shown + 2);
  out += '"';
  for (const char c : s.substr(0, shown)) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7F) {
      constexpr char hex[] = "0123456789abcdef";
      out += "\\u00";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  out += '"';
  if (shown < s.size()) out += "... (" + std::to_string(s.size()) + " bytes)";
  return out;
}

// A number as it stands in the text, already checked against the RFC 8259 grammar.
struct number_token {
  const char* begin;
  const char* end;
  bool negative;
  bool integer;  // no fraction and no exponent
};

// Throws nothing, allocates nothing on the way to success: a failed step records the first error
// (what and where) and returns false, and every level it unwinds through adds its key or index to
// the path. The path is therefore only ever built for the one error that is reported.
class scanner {
 public:
  scanner(std::string_view text, const read_options& options) noexcept
      : begin_(text.data()),
        p(text.data()),
        end(text.data() + text.size()),
        opt(options),
        depth_limit(options.max_depth < max_depth_ceiling ? options.max_depth : max_depth_ceiling) {}

  const char* begin_;
  const char* p;
  const char* end;
  const read_options& opt;
  std::size_t depth = 0;
  std::size_t depth_limit;  // opt.max_depth, at most max_depth_ceiling
  std::string scratch;  // decoded keys that had escapes
  // All ones when the value read into was not made for this read (from_json into an existing
  // value): the members the text leaves out are then set back to their defaults, which a fresh
  // value already has. A mask rather than a flag, so that read_object tests it with the required
  // members in one go.
  std::uint64_t absent_mask = 0;

  bool at_end() const noexcept { return p >= end; }
  char peek() const noexcept { return *p; }  // only after !at_end()

  // ---- errors -----------------------------------------------------------------------------------

  bool fail(errc code, const char* where, std::string message) {
    if (code_ == errc::ok) {
      code_ = code;
      where_ = where;
      message_ = std::move(message);
    }
    return false;
  }
  bool failed() const noexcept { return code_ != errc::ok; }
  // Takes back an error recorded with no path yet, so that the same text can be read again for it
  // (see detail::skip).
  void forget_error() noexcept { code_ = errc::ok; }
  void unwind_key(std::string_view key) { reversed_path_.emplace_back(key); }
  void unwind_index(std::size_t i) { reversed_path_.push_back(std::to_string(i)); }

  error take_error() const {
    error e;
    e.code = code_;
    e.message = message_;
    e.offset = static_cast<std::size_t>(where_ - begin_);
    e.line = 1;
    const char* line_start = begin_;
    for (const char* q = begin_; q < where_; ++q)
      if (*q == '\n') {
        ++e.line;
        line_start = q + 1;
      }
    e.column = static_cast<std::size_t>(where_ - line_start) + 1;
    for (auto it = reversed_path_.rbegin(); it != reversed_path_.rend(); ++it) append_pointer_token(e.path, *it);
    return e;
  }

  // Fails with a message naming the character found, or unexpected_end when there is none.
  bool fail_expected(std::string_view what) {
    if (at_end()) return fail(errc::unexpected_end, p, "expected " + std::string(what) + " but the text ended");
    return fail(errc::syntax, p, "expected " + std::string(what) + ", found " + describe_here());
  }

  std::string describe_here() const {
    const auto c = static_cast<unsigned char>(*p);
    if (c >= 0x21 && c < 0x7F) return "'" + std::string(1, static_cast<char>(c)) + "'";
    static constexpr char hex[] = "0123456789ABCDEF";
    return std::string("byte 0x") + hex[c >> 4] + hex[c & 15];
  }

  // ---- whitespace and comments ------------------------------------------------------------------

  // Compact text has no whitespace to skip: that case costs one comparison here. Only a comment
  // goes on to skip_ws_and_comments.
  XBL_ALWAYS_INLINE bool skip_ws() {
    if (p < end && static_cast<unsigned char>(*p) > ' ' && *p != '/') return true;
    // The one space pretty text puts after a ':'.
    if (end - p >= 2 && *p == ' ' && static_cast<unsigned char>(p[1]) > ' ' && p[1] != '/') {
      ++p;
      return true;
    }
    p = skip_whitespace(p, end);
    if (p >= end || *p != '/') return true;
    return skip_ws_and_comments();
  }

  XBL_NOINLINE bool skip_ws_and_comments() {
    for (;;) {
      p = skip_whitespace(p, end);
      if (p >= end || *p != '/') return true;
      if (!opt.comments) return fail(errc::syntax, p, "comments are not JSON (read_options::comments allows them)");
      if (p + 1 < end && p[1] == '/') {
        p += 2;
        while (p < end && *p != '\n') ++p;
      } else if (p + 1 < end && p[1] == '*') {
        const char* start = p;
        p += 2;
        while (p + 1 < end && !(p[0] == '*' && p[1] == '/')) ++p;
        if (p + 1 >= end) {
          p = end;
          return fail(errc::unexpected_end, start, "a '/*' comment is never closed");
        }
        p += 2;
      } else {
        return fail(errc::syntax, p, "a '/' that starts no comment");
      }
    }
  }

  // ---- indented text ----------------------------------------------------------------------------

  // Indented text puts each member and element on a line of its own, indented by its depth times
  // one width, which this learns from the text and then foresees.
  std::size_t indent_width = 0;

  // Whether the rest of the text is long enough for the callers of line_starting to need no other
  // bounds check: a line break and a window of indentation.
  bool line_room() const noexcept { return static_cast<std::size_t>(end - p) > indent_window + 1; }

  // Where the line after the line break at `nl` (a line at nesting `level`) has its first token,
  // when that is `token` (any byte above ' ' for 0) and the line is indented as foreseen: the
  // place is known before the bytes are looked at, and the look is a branch the processor
  // predicts. Otherwise null, and the width is learned again for the next line. Needs
  // indent_window bytes after `nl`.
  template <char token>
  XBL_ALWAYS_INLINE const char* line_starting(const char* nl, std::size_t level) noexcept {
    const char* q = nl + 1;
    prefetch(q + whitespace_prefetch_distance);
    const std::size_t width = level * indent_width;
    if (width < indent_window && indented_by(q, width)) {
      const char c = q[width];
      if (token != 0 ? c == token : static_cast<unsigned char>(c) > ' ') return q + width;
    }
    learn_indent(q, level);
    return nullptr;
  }
  XBL_NOINLINE void learn_indent(const char* q, std::size_t level) noexcept {
    const auto n = static_cast<std::size_t>(skip_whitespace(q, end) - q);
    if (level != 0 && n % level == 0) indent_width = n / level;
  }

  // ---- structure --------------------------------------------------------------------------------

  XBL_ALWAYS_INLINE bool enter(const char* where) {
    if (depth >= depth_limit) return too_deep(where);
    ++depth;
    return true;
  }
  XBL_NOINLINE bool too_deep(const char* where) {
    return fail(errc::depth_exceeded, where,
                "nesting deeper than " + std::to_string(depth_limit) + " levels (read_options::max_depth" +
                    (depth_limit < opt.max_depth ? ", at most xbl::max_depth_ceiling)" : ")"));
  }
  void leave() noexcept { --depth; }

  // After a ',' in an array or object: true when a trailing comma closes it here (and it is allowed).
  XBL_ALWAYS_INLINE bool trailing_comma_closes(char close, const char* comma) {
    if (p < end && *p == close) return trailing_comma_allowed(close, comma);
    return false;
  }
  XBL_NOINLINE bool trailing_comma_allowed(char close, const char* comma) {
    if (opt.trailing_commas) return true;
    fail(errc::syntax, comma, "trailing comma before '" + std::string(1, close) +
                                  "' (read_options::trailing_commas allows it)");
    return false;
  }

  // ---- literals ---------------------------------------------------------------------------------

  XBL_ALWAYS_INLINE bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end - p) >= word.size() && std::memcmp(p, word.data(), word.size()) == 0) {
      p += word.size();
      return true;
    }
    return literal_slow(word);
  }
  XBL_NOINLINE bool literal_slow(std::string_view word) {
    const std::size_t left = static_cast<std::size_t>(end - p);
    const std::size_t n = left < word.size() ? left : word.size();
    for (std::size_t i = 0; i < n; ++i)
      if (p[i] != word[i]) return fail(errc::syntax, p, "invalid literal; did you mean '" + std::string(word) + "'?");
    if (left < word.size()) return fail(errc::unexpected_end, end, "the text ends inside '" + std::string(word) + "'");
    p += word.size();
    return true;
  }

  // ---- numbers ----------------------------------------------------------------------------------

  // Where the grammar needs a digit at p: none there is a malformed number starting at `start`,
  // unless the text ended first, which is the text's fault, not the number's.
  bool digit_here(const char* start, const char* expected) {
    if (p >= end) return fail(errc::unexpected_end, end, "the text ends inside a number");
    if (*p >= '0' && *p <= '9') return true;
    return fail(errc::invalid_number, start, expected);
  }

  bool number(number_token& t) {
    t.begin = p;
    t.negative = false;
    t.integer = true;
    if (*p == '+') return fail(errc::invalid_number, p, "a number may not start with '+'");
    if (*p == '.') return fail(errc::invalid_number, p, "a number needs a digit before '.'");
    if (*p == '-') {
      t.negative = true;
      ++p;
    }
    if (!digit_here(t.begin, "expected a digit after '-' (NaN and Infinity are not JSON)")) return false;
    if (*p == '0') {
      ++p;
      if (p < end && *p >= '0' && *p <= '9') return fail(errc::invalid_number, t.begin, "a number may not have leading zeros");
    } else {
      p += digit_run(p, end);
    }
    if (p < end && *p == '.') {
      ++p;
      t.integer = false;
      if (!digit_here(t.begin, "expected a digit after '.'")) return false;
      p += digit_run(p, end);
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
      ++p;
      t.integer = false;
      if (p < end && (*p == '+' || *p == '-')) ++p;
      if (!digit_here(t.begin, "expected a digit in the exponent")) return false;
      p += digit_run(p, end);
    }
    t.end = p;
    return true;
  }

  // ---- strings ----------------------------------------------------------------------------------

  // Reads the string at p (which is a '"'), appending its decoded text to *out unless out is null.
  // Sets `escaped` when the text held a backslash escape, so a caller that only needs a view can
  // tell whether the bytes in the input are the value.
  XBL_ALWAYS_INLINE bool string(std::string* out, bool& escaped) {
    // Most strings are plain ASCII with no escape: their blocks are passed here, inline, in a few
    // instructions each, up to the closing quote. Anything else is string_in_full's.
    if constexpr (simd::active::fast_strings) {
      const char* q = p + 1;
      while (static_cast<std::size_t>(end - q) >= simd::string_block) {
        const simd::string_bits b = simd::active::string_block_at(q);
        if (b.special) {
          const auto n = static_cast<std::size_t>(std::countr_zero(b.special));
          if (q[n] != '"' || (b.high & ((1u << n) - 1)) != 0) break;
          if (out) out->append(p + 1, q + n);
          p = q + n + 1;
          escaped = false;
          return true;
        }
        if (b.high) break;
        q += simd::string_block;
      }
    }
    return string_in_full(out, escaped);
  }

  // string() for any string: escapes, UTF-8, long text, and the faults.
  XBL_NOINLINE bool string_in_full(std::string* out, bool& escaped) {
    ++p;
    escaped = false;
    const char* run = p;
    for (;;) {
      // On to the first byte that needs a look: the closing quote, a backslash or a control
      // character. The UTF-8 passed on the way is checked as a whole, and only if there is any.
      const char* passed = p;
      bool wide = false;
      p = find_string_special(p, end, wide);
      if (wide && !utf8_valid(passed, p, end)) return utf8_fault(passed, p);
      if (p >= end) return fail(errc::unexpected_end, end, "the text ends inside a string");
      const auto c = static_cast<unsigned char>(*p);
      if (c == '"') {
        if (out) out->append(run, p);
        ++p;
        return true;
      }
      if (c < 0x20) {
        return fail(errc::syntax, p, "control character " + describe_here() +
                                         " in a string; write it as an escape such as \\n or \\u00XX");
      }
      // a backslash
      escaped = true;
      if (out) out->append(run, p);
      if (!escape(out)) return false;
      run = p;
    }
  }

  // The fault in the UTF-8 of a string's bytes [from, to): where the first ill-formed sequence
  // starts, or the end of the text when a sequence well begun is cut short by it.
  XBL_NOINLINE bool utf8_fault(const char* from, const char* to) {
    p = utf8_first_invalid(from, to);
    if (utf8_cut_short(reinterpret_cast<const unsigned char*>(p), reinterpret_cast<const unsigned char*>(end)))
      return fail(errc::unexpected_end, end, "the text ends inside a string");
    return fail(errc::invalid_utf8, p, "invalid UTF-8 in a string (" + describe_here() + ")");
  }

  // Reads the string at p (which is a '"') and sets `text` to its decoded value without copying it
  // when it has no escape: a view of the input then, else of `scratch` (valid until its next use).
  XBL_ALWAYS_INLINE bool string_text(std::string_view& text) {
    const char* start = p;
    bool escaped;
    if (!string(nullptr, escaped)) return false;
    if (!escaped) {
      text = std::string_view(start + 1, static_cast<std::size_t>(p - start - 2));
      return true;
    }
    scratch.clear();
    p = start;
    string(&scratch, escaped);
    text = scratch;
    return true;
  }

  // ---- keys, objects, arrays --------------------------------------------------------------------

  struct key_info {
    std::string_view text;      // decoded; valid until the next key is read
    const char* at = nullptr;   // where the key starts
    const char* end = nullptr;  // just past it
    bool quoted = false;
    bool decoded = false;  // the key had escapes: `text` lives in `scratch`, which deeper keys overwrite
  };

  static constexpr bool ident_start(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
  }
  static constexpr bool ident_char(char c) noexcept { return ident_start(c) || (c >= '0' && c <= '9'); }

  bool key(key_info& k) {
    k.at = p;
    if (p < end && *p == '"') {
      k.quoted = true;
      bool escaped;
      if (!string(nullptr, escaped)) return false;
      k.end = p;
      k.decoded = escaped;
      if (!escaped) {
        k.text = std::string_view(k.at + 1, static_cast<std::size_t>(p - k.at - 2));
      } else {
        scratch.clear();
        p = k.at;
        string(&scratch, escaped);
        k.text = scratch;
      }
      return true;
    }
    if (p < end && ident_start(*p)) {
      if (!opt.unquoted_keys)
        return fail(errc::syntax, p, "object keys must be quoted (read_options::unquoted_keys allows bare identifiers)");
      k.quoted = false;
      k.decoded = false;
      p = bare_key_end(p);
      k.end = p;
      k.text = std::string_view(k.at, static_cast<std::size_t>(p - k.at));
      return true;
    }
    return fail_expected("an object key");
  }

  // The decoded text of the key at `at`, read again: only the error path needs it after the value.
  std::string key_text_at(const char* at) {
    if (*at != '"') return std::string(at, bare_key_end(at));
    const char* save = p;
    p = at;
    std::string text;
    bool escaped;
    string(&text, escaped);
    p = save;
    return text;
  }

  // The end of the bare key (read_options::unquoted_keys) that starts at `at`.
  const char* bare_key_end(const char* at) const noexcept {
    while (at < end && ident_char(*at)) ++at;
    return at;
  }

  // When the key at p is `quoted` (`"name"`, a plain name as compact JSON writes it), takes it as
  // key() would, without scanning it as a string or looking it up.
  XBL_ALWAYS_INLINE bool plain_key(std::string_view quoted, key_info& k) noexcept {
    if (static_cast<std::size_t>(end - p) < quoted.size() || std::memcmp(p, quoted.data(), quoted.size()) != 0)
      return false;
    k.at = p;
    p += quoted.size();
    k.end = p;
    k.text = quoted.substr(1, quoted.size() - 2);
    k.quoted = true;
    k.decoded = false;
    return true;
  }

  enum class member_step : unsigned char { failed, next, done };
  static constexpr member_step as_step(bool ok) noexcept { return ok ? member_step::next : member_step::failed; }
  static constexpr member_step as_step(member_step step) noexcept { return step; }

  // The one loop every object goes through (described structs, maps, skipped and raw values):
  // `member(key)` is called with p at the member's value and must consume it. It returns whether
  // it did, or a member_step: `done` when the caller has what it looked for and the rest of the
  // object is not to be looked at (the object is then left unfinished, for the caller to go back).
  template <class Member>
  bool object(Member&& member) {
    return object(member, [this](key_info& k) { return key(k); });
  }

  // The same loop with the key read by `read_key(k)` (as key() reads it, or faster when it knows
  // which keys to expect).
  template <class Member, class KeyReader>
  bool object(Member&& member, KeyReader&& read_key) {
    bool empty = false;
    if (!open_object(empty)) return false;
    return empty || members(member, read_key);
  }

  // The pieces of object(), for a reader that takes some members its own way.
  // At the '{': enters the object; `empty` when it closes at once (it is then left too).
  XBL_ALWAYS_INLINE bool open_object(bool& empty) {
    if (!enter(p)) return false;
    ++p;
    // Indented text: the first key on the next line.
    if (line_room() && *p == '\n') {
      if (const char* key = line_starting<'"'>(p, depth)) {
        p = key;
        empty = false;
        return true;
      }
    }
    if (!skip_ws()) return false;
    empty = p < end && *p == '}';
    if (empty) {
      ++p;
      leave();
    }
    return true;
  }
  // Between a key and its value.
  XBL_ALWAYS_INLINE bool colon() {
    // The value right after the ':' (compact text) or after the one space pretty text puts there,
    // decided with one bounds check.
    if (end - p >= 3 && p[0] == ':') {
      const auto c1 = static_cast<unsigned char>(p[1]);
      if (c1 > ' ' && c1 != '/') {
        p += 1;
        return true;
      }
      const auto c2 = static_cast<unsigned char>(p[2]);
      if (c1 == ' ' && c2 > ' ' && c2 != '/') {
        p += 2;
        return true;
      }
    }
    if (p < end && *p == ':') {
      ++p;
      return skip_ws();
    }
    if (!skip_ws()) return false;
    if (p >= end || *p != ':') return fail_expected("':' after object key");
    ++p;
    return skip_ws();
  }
  // After a member's value: `more` when a ',' says another member follows, else the '}' closed
  // the object and it was left.
  XBL_ALWAYS_INLINE bool after_member(bool& more) {
    if (line_room()) {
      if (p[0] == ',') {
        // Compact text: the next key's '"' right after the ','.
        if (p[1] == '"') {
          p += 1;
          more = true;
          return true;
        }
        // Indented text: the ',' ends the line, and the next key comes after the indentation.
        if (p[1] == '\n') {
          if (const char* key = line_starting<'"'>(p + 1, depth)) {
            p = key;
            more = true;
            return true;
          }
        }
      } else if (p[0] == '}') {
        ++p;
        leave();
        more = false;
        return true;
      } else if (p[0] == '\n') {
        // Indented text: the '}' on a line of its own.
        if (const char* close = line_starting<'}'>(p, depth - 1)) {
          p = close + 1;
          leave();
          more = false;
          return true;
        }
      }
    }
    return separator('}', more);
  }
  // The members from the key at p to the closing '}', which it leaves.
  template <class Member, class KeyReader>
  bool members(Member&& member, KeyReader&& read_key) {
    for (;;) {
      key_info k;
      if (!read_key(k)) return false;
      if (!colon()) return false;
      const member_step step = as_step(member(static_cast<const key_info&>(k)));
      if (step == member_step::failed) {
        unwind_key(k.decoded ? key_text_at(k.at) : std::string(k.text));
        return false;
      }
      if (step == member_step::done) return true;
      bool more = false;
      if (!after_member(more)) return false;
      if (!more) return true;
    }
  }

  // `element(index)` is called with p at each element and must consume it. The loop is all it
  // has of its own: entering and stepping are the functions below, made once rather than once per
  // kind of element.
  template <class Element>
  bool array(Element&& element) {
    bool empty = false;
    if (!open_array(empty)) return false;
    if (empty) return true;
    for (std::size_t i = 0;; ++i) {
      if (!element(i)) {
        unwind_index(i);
        return false;
      }
      bool more = false;
      if (!after_element(more)) return false;
      if (!more) return true;
    }
  }

  // At the '[': enters the array; `empty` when it closes at once (it is then left too).
  bool open_array(bool& empty) {
    if (!enter(p)) return false;
    ++p;
    // Indented text: the first element on the next line.
    if (line_room() && *p == '\n') {
      if (const char* first = line_starting<0>(p, depth)) p = first;
    }
    if (!skip_ws()) return false;
    empty = p < end && *p == ']';
    if (empty) {
      ++p;
      leave();
    }
    return true;
  }

  // After an element: `more` when a ',' says another follows (p is then at it), else the ']'
  // closed the array and it was left.
  bool after_element(bool& more) {
    more = true;
    if (line_room()) {
      if (p[0] == ',') {
        // Compact text: the next element right after the ','.
        if (static_cast<unsigned char>(p[1]) > ' ' && p[1] != '/' && p[1] != ']') {
          ++p;
          return true;
        }
        // Indented text: the ',' ends the line, and the next element comes after the indentation.
        if (p[1] == '\n') {
          const char* next = line_starting<0>(p + 1, depth);
          if (next && *next != ']' && *next != '/') {
            p = next;
            return true;
          }
        }
      } else if (p[0] == ']') {
        ++p;
        leave();
        more = false;
        return true;
      } else if (p[0] == '\n') {
        // Indented text: the ']' on a line of its own.
        if (const char* close = line_starting<']'>(p, depth - 1)) {
          p = close + 1;
          leave();
          more = false;
          return true;
        }
      }
    }
    return separator(']', more);
  }

  // What after_member and after_element do when the text is not laid out as they expect: any
  // whitespace and comments, then a ',' (`more`) or the `close` that ends the container (left).
  bool separator(char close, bool& more) {
    if (!skip_ws()) return false;
    if (p < end && *p == ',') {
      const char* comma = p++;
      if (!skip_ws()) return false;
      if (trailing_comma_closes(close, comma)) {
        ++p;
        leave();
        more = false;
        return true;
      }
      more = true;
      return !failed();
    }
    if (p < end && *p == close) {
      ++p;
      leave();
      more = false;
      return true;
    }
    return fail_expected(close == '}' ? "',' or '}' after an object member" : "',' or ']' after an array element");
  }

 private:
  bool hex4(const char* at, std::uint32_t& v) {
    v = 0;
    for (int i = 0; i < 4; ++i) {
      if (at + 2 + i >= end) return fail(errc::unexpected_end, end, "the text ends inside a \\u escape");
      const int h = hex_digit_value(at[2 + i]);
      if (h < 0) return fail(errc::invalid_escape, at, "a \\u escape needs four hexadecimal digits");
      v = v * 16 + static_cast<std::uint32_t>(h);
    }
    return true;
  }

  bool escape(std::string* out) {
    const char* at = p;
    if (p + 1 >= end) return fail(errc::unexpected_end, end, "the text ends inside an escape");
    char decoded;
    switch (p[1]) {
      case '"': decoded = '"'; break;
      case '\\': decoded = '\\'; break;
      case '/': decoded = '/'; break;
      case 'b': decoded = '\b'; break;
      case 'f': decoded = '\f'; break;
      case 'n': decoded = '\n'; break;
      case 'r': decoded = '\r'; break;
      case 't': decoded = '\t'; break;
      case 'u': {
        std::uint32_t cp;
        if (!hex4(at, cp)) return false;
        p += 6;
        if (cp >= 0xDC00 && cp <= 0xDFFF)
          return fail(errc::invalid_escape, at, "a \\u escape of a low surrogate with no high surrogate before it");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (!(p + 1 < end && p[0] == '\\' && p[1] == 'u')) {
            // Only a text that stops here, or on the backslash of a next escape, ended too soon:
            // `"\uD800"` closing the text is an unpaired surrogate like any other.
            if (p >= end || (p[0] == '\\' && p + 1 >= end))
              return fail(errc::unexpected_end, end, "the text ends after a high surrogate escape");
            return fail(errc::invalid_escape, at, "a \\u escape of a high surrogate not followed by a low one");
          }
          std::uint32_t low;
          if (!hex4(p, low)) return false;
          if (low < 0xDC00 || low > 0xDFFF)
            return fail(errc::invalid_escape, at, "a \\u escape of a high surrogate not followed by a low one");
          p += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        if (out) utf8_append(*out, cp);
        return true;
      }
      default:
        ++p;
        return fail(errc::invalid_escape, at, describe_here() + " after a backslash is not a JSON escape");
    }
    if (out) *out += decoded;
    p += 2;
    return true;
  }

  errc code_ = errc::ok;
  const char* where_ = nullptr;
  std::string message_;
  std::vector<std::string> reversed_path_;
};

}  // namespace xbl::detail
// ---- end xbl/core/scanner.hpp ----

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
// ---- end xbl/core/validate.hpp ----
// ---- begin xbl/core/reader.hpp ----

#include <charconv>
#include <iterator>
#include <limits>

// ---- begin xbl/core/decimal.hpp ----

#include <cerrno>
#include <clocale>
#include <system_error>

#if defined(__APPLE__) || defined(__FreeBSD__) || defined(__NetBSD__) || defined(__OpenBSD__) || defined(__DragonFly__)
#include <xlocale.h>
#elif !defined(_WIN32)
#include <locale.h>
#include <stdlib.h>
#endif

// Decimal text to float and double, rounded to nearest exactly as std::from_chars rounds. Some
// standard libraries (libc++ 16 among them) have std::from_chars for integers only; with those the
// reader uses decimal_from_chars. The rounding is the C library's strtod, which is exact (glibc, musl,
// the BSDs and macOS, the Universal CRT), called with a "C" locale of its own so that the program's
// locale (a decimal comma) cannot change what is read. strtod wants a terminated string and reads
// every digit it is given, so the number is first rewritten into a buffer on the stack: at most
// max_digits significant digits and an exponent, which rounds to the same value (see below).
namespace xbl::detail {

// Whether the standard library reads F with std::from_chars.
template <class F>
concept has_std_from_chars = requires(const char* p, F& v) { std::from_chars(p, p, v); };

#if defined(_WIN32)
using c_locale_handle = _locale_t;
#else
using c_locale_handle = locale_t;
#endif

// Made once, for the life of the program; null only if there was no memory for it.
inline c_locale_handle c_locale() noexcept {
#if defined(_WIN32)
  static const c_locale_handle loc = _create_locale(LC_ALL, "C");
#else
  static const c_locale_handle loc = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(0));
#endif
  return loc;
}

template <class F>
F strto_c_locale(const char* text, char** end, c_locale_handle loc) noexcept {
#if defined(_WIN32)
  if constexpr (std::is_same_v<F, float>) return _strtof_l(text, end, loc);
  else return _strtod_l(text, end, loc);
#else
  if constexpr (std::is_same_v<F, float>) return strtof_l(text, end, loc);
  else return strtod_l(text, end, loc);
#endif
}

// Significant digits that always suffice. A number with more digits, all past the first
// max_digits dropped and one nonzero digit put after what is kept if any dropped digit was
// nonzero, rounds to the same F: kept as D×10^k (D of max_digits digits), both lie strictly between
// D×10^k and (D+1)×10^k, where no number of max_digits significant digits or fewer lies, so
// neither an F (a double has at most 767 significant digits, a float 112) nor a point halfway
// between two (at most 768 and 113).
template <class F>
inline constexpr std::size_t max_digits = std::numeric_limits<F>::digits == 24 ? 120 : 800;

// std::from_chars for F (float, or double, or a long double that is a double) on the text at
// [first, last): an optional '-', digits with an optional '.' and more digits, an optional
// exponent. The same results: the value rounded to nearest, ties to even; result_out_of_range
// (v untouched) when it rounds to infinity or to zero from a value that is not zero;
// invalid_argument (ptr == first) when no number starts at first. Unlike std::from_chars it reads
// no "inf", "nan" or hexadecimal: JSON has none of them. Allocates nothing.
template <class F>
std::from_chars_result decimal_from_chars(const char* first, const char* last, F& v) noexcept {
  using limits = std::numeric_limits<F>;
  static_assert(limits::is_iec559 && (limits::digits == 24 || limits::digits == 53),
                "decimal_from_chars reads IEEE single and double precision only; this standard library "
                "has no std::from_chars for this type");
  using R = std::conditional_t<limits::digits == 24, float, double>;
  constexpr std::size_t kept_max = max_digits<F>;
  // An exponent is read up to this and no further (it never overflows): as the digits move the
  // exponent by at most their count, what lies beyond is ±inf or ±0 for any text that fits in memory.
  constexpr std::int64_t exponent_cap = 1'000'000'000'000'000'000;
  char buf[kept_max + 32];  // sign, digits, sticky digit, 'e', exponent, terminator

  const char* p = first;
  std::size_t n = 0;
  const bool negative = p != last && *p == '-';
  if (negative) {
    buf[n++] = '-';
    ++p;
  }
  // The value is (digits kept, as an integer) × 10^exponent.
  std::size_t kept = 0;
  std::int64_t exponent = 0;
  bool dropped_nonzero = false;
  bool any_digit = false;
  auto take = [&](char c, bool fraction) {
    any_digit = true;
    if (kept == 0 && c == '0') {
      if (fraction) --exponent;
    } else if (kept < kept_max) {
      buf[n++] = c;
      ++kept;
      if (fraction) --exponent;
    } else {
      dropped_nonzero |= c != '0';
      if (!fraction) ++exponent;
    }
  };
  for (; p != last && *p >= '0' && *p <= '9'; ++p) take(*p, false);
  if (p != last && *p == '.') {
    const char* dot = p++;
    const char* digits = p;
    for (; p != last && *p >= '0' && *p <= '9'; ++p) take(*p, true);
    if (p == digits && !any_digit) p = dot;
  }
  if (!any_digit) return {first, std::errc::invalid_argument};

  if (p != last && (*p == 'e' || *p == 'E')) {
    const char* q = p + 1;
    bool exponent_negative = false;
    if (q != last && (*q == '+' || *q == '-')) exponent_negative = *q++ == '-';
    if (q != last && *q >= '0' && *q <= '9') {
      std::int64_t e = 0;
      for (; q != last && *q >= '0' && *q <= '9'; ++q)
        if (e < exponent_cap / 10) e = e * 10 + (*q - '0');
      exponent += exponent_negative ? -e : e;
      p = q;
    }
  }

  if (kept == 0) {
    v = negative ? -F(0) : F(0);
    return {p, std::errc{}};
  }
  if (dropped_nonzero) {
    buf[n++] = '1';
    --exponent;
  }
  // Kept to what strtod reads with ease: 10^100000 and 10^-100000 are as far beyond a double as
  // any larger power.
  if (exponent > 100'000) exponent = 100'000;
  if (exponent < -100'000) exponent = -100'000;
  buf[n++] = 'e';
  n = static_cast<std::size_t>(std::to_chars(buf + n, buf + sizeof buf - 1, exponent).ptr - buf);
  buf[n] = '\0';

  const c_locale_handle loc = c_locale();
  if (!loc) return {first, std::errc::not_enough_memory};
  const int saved_errno = errno;  // std::from_chars leaves errno alone
  char* end = nullptr;
  const R r = strto_c_locale<R>(buf, &end, loc);
  errno = saved_errno;
  if (end != buf + n) return {first, std::errc::invalid_argument};
  if (std::isinf(r) || r == 0) return {p, std::errc::result_out_of_range};
  v = static_cast<F>(r);
  return {p, std::errc{}};
}

// The standard library's std::from_chars where it has one for F, else decimal_from_chars.
template <class F>
std::from_chars_result floating_from_chars(const char* first, const char* last, F& v) noexcept {
  if constexpr (has_std_from_chars<F>)
    return std::from_chars(first, last, v);
  else
    return decimal_from_chars(first, last, v);
}

}  // namespace xbl::detail
// ---- end xbl/core/decimal.hpp ----
// ---- begin xbl/core/key_set.hpp ----


// ---- begin xbl/core/thread_buffers.hpp ----


namespace xbl::detail {

// Where each thread keeps the scratch vectors of the reads it makes, one vector per element type and
// nesting level, from one read to the next: the elements of an array before they are moved into a
// result allocated once at its final size, the keys of an object for the duplicate check. They are
// allocated only by a thread's first reads. A vector that held more than `keep_bytes` is given back
// after use. The levels are a fixed array, so that each element type costs no code to grow them:
// a read nested deeper than that in arrays of one element type has a vector of its own, made and
// freed with the lease.
template <class E, std::size_t KeepBytes = std::size_t{1} << 20>
class thread_buffers {
 public:
  static constexpr std::size_t keep_bytes = KeepBytes;
  static constexpr std::size_t kept_levels = 8;

  class lease {
   public:
    // The level is counted only once the buffer is had: a `new` that throws leaves the depth as it was.
    lease() : owner_(of_this_thread()) {
      const std::size_t depth = owner_.depth_;
      if (depth < kept_levels) [[likely]] buffer_ = &owner_.levels_[depth];
      else buffer_ = new std::vector<E>();
      owner_.depth_ = depth + 1;
    }
    ~lease() {
      const std::size_t depth = --owner_.depth_;
      if (depth < kept_levels) [[likely]] owner_.release(*buffer_);
      else delete buffer_;
    }
    lease(const lease&) = delete;
    lease& operator=(const lease&) = delete;
    std::vector<E>& buffer() noexcept { return *buffer_; }

   private:
    thread_buffers& owner_;
    std::vector<E>* buffer_;
  };

  static thread_buffers& of_this_thread() {
    thread_local thread_buffers buffers;
    return buffers;
  }

 private:
  void release(std::vector<E>& buffer) noexcept {
    buffer.clear();
    if (buffer.capacity() * sizeof(E) > keep_bytes) std::vector<E>().swap(buffer);
  }

  std::array<std::vector<E>, kept_levels> levels_;
  std::size_t depth_ = 0;
};

}  // namespace xbl::detail
// ---- end xbl/core/thread_buffers.hpp ----

namespace xbl::detail {

constexpr std::uint64_t mix64(std::uint64_t x) noexcept {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9u;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBu;
  return x ^ (x >> 31);
}

// Seeded once per thread from where the thread's storage lies, so that which keys collide is not
// known to whoever writes the text, and a text cannot make the duplicate check quadratic by
// sending keys that all land in one place.
inline std::uint64_t key_hash_seed() noexcept {
  thread_local const std::uint64_t seed = mix64(static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(&seed)));
  return seed;
}

inline std::uint64_t key_hash(std::string_view key, std::uint64_t seed) noexcept {
  std::uint64_t h = seed ^ key.size();
  std::size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, key.data() + i, 8);
    h = mix64(h ^ word);
  }
  std::uint64_t tail = 0;
  for (; i < key.size(); ++i) tail = (tail << 8) | static_cast<unsigned char>(key[i]);
  return mix64(h ^ tail);
}

// The keys of one object that the duplicate check has to remember (those no description names), in
// an open-addressed table of the thread's reused storage: n keys cost O(n) time, and nothing of
// them is copied. A key is remembered in eight bytes, where it stands in the text, what kind of key
// it is and the top bits of its hash, which are also where it goes in the table; and in one control
// byte of seven other bits of its hash, the only part a lookup reads while the bits differ. The
// control bytes of a hundred thousand keys fit in a core's cache where the slots would not. The key
// itself is found again in the text only when all those bits match, which, the hash being seeded,
// in practice means a repeat.
class key_set {
 public:
  // Adds the key `k` that `s` has just read. False, with s.fail() called, when the object had it
  // before, or when the key stands past the first TiB of the text, beyond what a slot can say.
  bool insert(scanner& s, const scanner::key_info& k) {
    if ((count_ + 1) * 2 > size_) grow(s);
    const auto offset = static_cast<std::uint64_t>((k.decoded ? k.at : k.text.data()) - s.begin_);
    if (offset >= max_offset)
      return s.fail(errc::invalid_value, k.at, "an unknown member past the first TiB of the text cannot be checked for a repeat");
    const std::uint64_t hash = key_hash(k.text, seed_);
    const std::uint64_t kind = k.decoded ? decoded : k.quoted ? quoted : bare;
    const std::uint64_t entry = (offset + 1) << offset_shift | kind << kind_shift | hash >> (64 - hash_bits);
    const auto tag = control_of(hash);
    word* slots = lease_.buffer().data();
    unsigned char* control = control_bytes(slots);
    const std::size_t mask = size_ - 1;
    for (std::size_t i = static_cast<std::size_t>(hash >> (64 - bits_));; i = (i + 1) & mask) {
      if (control[i] == 0) {
        control[i] = tag;
        slots[i] = entry;
        ++count_;
        return true;
      }
      if (control[i] == tag && (slots[i] & hash_mask) == (entry & hash_mask) &&
          with_key(s, slots[i], [&](std::string_view key) { return key == k.text; }))
        return s.fail(errc::duplicate_key, k.at, "the member " + detail::quoted(k.text) + " appears twice in one object");
    }
  }

 private:
  // Kept up to 8 MB, the tables of an object of about 300,000 unknown members: fresh memory for each
  // read of a large object costs more in page faults than its reading (more than 3x, measured).
  struct word {
    std::uint64_t bits;
    word() noexcept {}  // left uninitialised: resize() writes nothing
    word(std::uint64_t b) noexcept : bits(b) {}
    operator std::uint64_t() const noexcept { return bits; }
  };
  using buffers = thread_buffers<word, std::size_t{8} << 20>;

  // A slot: the key's offset in the text plus one in the top 40 bits, its kind in the next 2, and
  // the top 22 bits of its hash in the rest. A control byte: 0 for a free slot, else the hash's
  // bits 35 to 41 and the top bit set.
  static constexpr int offset_shift = 24, kind_shift = 22, hash_bits = 22;
  static constexpr std::uint64_t hash_mask = (std::uint64_t{1} << hash_bits) - 1;
  static constexpr std::uint64_t max_offset = (std::uint64_t{1} << 40) - 1;
  static constexpr std::uint64_t quoted = 0, bare = 1, decoded = 2;  // decoded: offset of its opening quote

  static constexpr unsigned char control_of(std::uint64_t hash) noexcept {
    return static_cast<unsigned char>(0x80 | (hash >> 35 & 0x7F));
  }
  // The control bytes follow the slots in one buffer: size_ slots, then size_ bytes.
  unsigned char* control_bytes(word* slots) const noexcept { return reinterpret_cast<unsigned char*>(slots + size_); }
  static std::size_t words_for(std::size_t size) noexcept { return size + size / sizeof(std::uint64_t); }

  // The text of the key a slot remembers: a view where it stands when it has no escapes (found
  // by its end, as it cannot hold a quote), decoded again where it has.
  template <class Use>
  static std::invoke_result_t<Use, std::string_view> with_key(scanner& s, std::uint64_t e, Use&& use) {
    const char* at = s.begin_ + ((e >> offset_shift) - 1);
    const auto kind = e >> kind_shift & 3;
    if (kind == decoded) return use(std::string_view(s.key_text_at(at)));
    const char* stop = kind == quoted ? static_cast<const char*>(std::memchr(at, '"', static_cast<std::size_t>(s.end - at)))
                                      : s.bare_key_end(at);
    return use(std::string_view(at, static_cast<std::size_t>(stop - at)));
  }

  // Made four times larger, at half full: moving the keys costs a third of what doubling costs,
  // and the table of n keys has at most 8n slots (72n bytes). The old table is copied aside into
  // a second buffer of the thread's, a quarter of the size, so that both keep their room for the
  // next object and a warm thread's reads allocate nothing here. The place a key goes is the top bits of its hash, so the old table, read in
  // order, fills the new one nearly in order too.
  void grow(scanner& s) {
    auto& slots = lease_.buffer();
    auto& old = spare_.buffer();
    old.assign(slots.begin(), slots.end());  // a copy, so that `slots` keeps the room of the largest table
    const std::size_t old_size = size_;
    bits_ = old_size == 0 ? 6 : bits_ + 2;
    size_ = std::size_t{1} << bits_;
    slots.resize(words_for(size_));  // not zeroed: a slot is read only where its control byte is set
    unsigned char* control = control_bytes(slots.data());
    std::memset(control, 0, size_);
    const unsigned char* old_control = reinterpret_cast<const unsigned char*>(old.data() + old_size);
    const std::size_t mask = size_ - 1;
    for (std::size_t j = 0; j < old_size; ++j) {
      if (old_control[j] == 0) continue;
      const std::uint64_t e = old[j];
      // The slot has the top 22 bits of the hash: the place in a table of up to 2^22 slots. A
      // larger table hashes the key again.
      std::size_t i = bits_ <= hash_bits ? static_cast<std::size_t>((e & hash_mask) >> (hash_bits - bits_))
                                         : with_key(s, e, [&](std::string_view key) { return static_cast<std::size_t>(key_hash(key, seed_) >> (64 - bits_)); });
      while (control[i] != 0) i = (i + 1) & mask;
      control[i] = old_control[j];
      slots[i] = e;
    }
    old.clear();
  }

  buffers::lease lease_, spare_;
  std::uint64_t seed_ = key_hash_seed();
  std::size_t count_ = 0;
  std::size_t size_ = 0;  // slots in the table: 2^bits_, or 0 before the first key
  int bits_ = 0;
};

}  // namespace xbl::detail
// ---- end xbl/core/key_set.hpp ----

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
// ---- end xbl/core/reader.hpp ----
// ---- begin xbl/core/writer.hpp ----



namespace xbl {
namespace detail {

// Writes into one buffer (each piece is a bounds check and a copy, not a call to append): first
// the thread's own, of `chunk_bytes`, kept from one write to the next, so that it stays in the
// cache. A text that fits is handed over as a string of exactly its length, the one allocation a
// write makes. A text that outgrows it moves, once, to the string that will be the result, made
// the size the thread's last long text needed and an eighth more, and is written on straight into
// it; at the end that string is cut to the text. C++20 can only size a string by writing every
// byte of it, so the room is zeroed first: that still costs less than writing the text into the
// buffer and copying it out from there (on a 2.4 MB text, 25 µs against 45 µs for the copy, in a
// trial). (A write made while the thread's buffer is in use, from inside another, has a buffer of
// its own, which starts small.)
class writer {
 public:
  static constexpr std::size_t chunk_bytes = std::size_t{64} << 10;
  // The most that moving a text to its result string zeroes beyond what is written: room for the
  // payloads this library is for, and a bound on what one very long text costs each shorter one
  // after it.
  static constexpr std::size_t first_room_limit = std::size_t{4} << 20;

  // `into`, when given, is the string the text is to end in (to_json into a string): a text that
  // outgrows the thread's buffer is written on straight into it, in the room it has.
  explicit writer(const write_options& options, std::string* into = nullptr)
      : pretty_(options.pretty), indent_(options.indent), result_(into ? into : &text_) {
    auto& shared = thread_buffer();
    if (!shared.busy) {
      shared.busy = true;
      shared_ = &shared;
      out_ = &shared.text;
      if (out_->size() < chunk_bytes) out_->resize(chunk_bytes);
    } else {
      out_ = &own_;
      out_->resize(initial_size);
    }
    cur_ = out_->data();
    lim_ = cur_ + out_->size();
  }
  ~writer() {
    if (shared_) shared_->busy = false;
  }
  writer(const writer&) = delete;
  writer& operator=(const writer&) = delete;

  // What was written, as a string of exactly that length (with room to spare when it outgrew the
  // buffer). Once only.
  std::string take() {
    const auto written = static_cast<std::size_t>(cur_ - out_->data());
    if (out_ != &text_) return std::string(out_->data(), written);
    text_.resize(written);
    if (shared_) shared_->last_long = written;
    return std::move(text_);
  }
  // What was written, as the contents of the string the writer was made with (`into`), which keeps
  // its room. Once only.
  void finish() {
    const auto written = static_cast<std::size_t>(cur_ - out_->data());
    if (out_ != result_) {
      result_->assign(out_->data(), written);
      return;
    }
    result_->resize(written);
    if (shared_) shared_->last_long = written;
  }
  // What was written so far, valid until the next write.
  std::string_view view() const noexcept { return {out_->data(), static_cast<std::size_t>(cur_ - out_->data())}; }

  // At least n bytes to write at the returned position; commit(end) then says how many were.
  char* room(std::size_t n) {
    if (static_cast<std::size_t>(lim_ - cur_) < n) grow(n);
    return cur_;
  }
  void commit(char* end) noexcept { cur_ = end; }

  void raw(char c) {
    char* o = room(1);
    *o = c;
    cur_ = o + 1;
  }
  void raw(std::string_view s) {
    char* o = room(s.size());
    if (!s.empty()) std::memcpy(o, s.data(), s.size());
    cur_ = o + s.size();
  }

  // Five bytes copied whichever the value, of which `true` keeps four.
  void boolean(bool v) {
    char* o = room(5);
    std::memcpy(o, v ? "true" : "false", 5);
    cur_ = o + (v ? 4 : 5);
  }

  // Minimal escaping: the quote, the backslash and control characters; UTF-8 passes through.
  void string(std::string_view s) {
    const char* p = s.data();
    const char* const end = p + s.size();
    char* o = room(s.size() + 2);
    *o++ = '"';
    for (;;) {
      const char* run = p;
      bool wide = false;  // UTF-8 passes through as it is
      p = find_string_special(p, end, wide);
      copy_bytes(o, run, static_cast<std::size_t>(p - run));
      o += p - run;
      if (p == end) break;
      // An escape takes up to 6 bytes: room for it, the rest of the string and the closing quote.
      cur_ = o;
      const std::size_t need = 6 + static_cast<std::size_t>(end - p);
      const char c = *p++;
      o = escape(room(need), c);
    }
    *o++ = '"';
    cur_ = o;
  }

  template <class I>
  void integer(I v) {
    char* o = room(24);
    cur_ = std::to_chars(o, o + 24, v).ptr;
  }

  // Shortest text that reads back to the same value; JSON has no NaN or infinity, so those are
  // written as null (and validate() reports them as rule `number.finite`).
  template <class F>
  void floating(F v) {
    if (!std::isfinite(v)) {
      raw("null");
      return;
    }
    char* o = room(32);
    cur_ = std::to_chars(o, o + 32, v).ptr;
  }

  // An identifier's wire text, which never needs an escape, written in place.
  template <class Id>
  void id(const Id& v) {
    char* o = room(Id::max_chars + 2);
    *o++ = '"';
    o = v.to_chars(o);
    *o++ = '"';
    cur_ = o;
  }

  // Arrays: `first` is the caller's, so nesting needs no stack of its own.
  void open(char c) {
    raw(c);
    indentation_ += indent_;
  }
  void next(bool& first) {
    const bool comma = !first;
    first = false;
    if (!pretty_) {
      if (comma) raw(',');
      return;
    }
    cur_ = line(comma, 0);
  }
  void close(char c, bool empty) {
    indentation_ -= indent_;
    if (pretty_ && !empty) {
      char* o = line(false, 1);
      *o = c;
      cur_ = o + 1;
      return;
    }
    raw(c);
  }

  // Objects: every member is written after a comma, the first one's included, which close_object()
  // then makes the '{': no flag is carried from one member to the next. open_object() returns the
  // place of that first comma (an offset: the text may move to a larger buffer on the way).
  std::size_t open_object() {
    indentation_ += indent_;
    return static_cast<std::size_t>(cur_ - out_->data());
  }
  XBL_ALWAYS_INLINE void close_object(std::size_t start) {
    indentation_ -= indent_;
    char* const first = out_->data() + start;
    if (pretty_ || first == cur_) [[unlikely]] {
      close_object_on_line(first);
      return;
    }
    *first = '{';
    raw('}');
  }
  // A member's comma and its key `k`, which may need escapes.
  void member(std::string_view k) {
    if (pretty_) cur_ = line(true, 0);
    else raw(',');
    string(k);
    raw(':');
    if (pretty_) raw(' ');
  }
  // member() for a plain key: `quoted` is the key as pretty JSON writes it (`"name": `, see
  // quoted_key), n bytes of it, and has at least key_room bytes: copied in one fixed-size piece,
  // which costs less than a copy of the key's own length.
  static constexpr std::size_t key_room = 32;
  XBL_ALWAYS_INLINE void member(const char* quoted, std::size_t n) {
    if (pretty_) {
      char* o = line(true, key_room);
      std::memcpy(o, quoted, key_room);
      cur_ = o + n;
    } else {
      char* o = room(1 + key_room);
      *o = ',';
      std::memcpy(o + 1, quoted, key_room);
      cur_ = o + n;  // without the space
    }
  }

  // A raw value's text in this writer's layout: its own whitespace dropped, and indentation
  // made anew when pretty. The text is valid JSON (raw_json guarantees it).
  void reformat(std::string_view json) {
    const char* p = json.data();
    const char* end = p + json.size();
    auto skip_ws = [&](const char* q) {
      while (q < end && (*q == ' ' || *q == '\n' || *q == '\r' || *q == '\t')) ++q;
      return q;
    };
    while (p < end) {
      const char c = *p;
      switch (c) {
        case ' ': case '\n': case '\r': case '\t': ++p; break;
        case '"': {
          const char* start = p++;
          while (*p != '"') p += *p == '\\' ? 2 : 1;
          ++p;
          raw(std::string_view(start, static_cast<std::size_t>(p - start)));
          break;
        }
        case '{': case '[': {
          const char* q = skip_ws(p + 1);
          if (*q == (c == '{' ? '}' : ']')) {
            raw(c);
            raw(*q);
            p = q + 1;
          } else {
            open(c);
            newline();
            ++p;
          }
          break;
        }
        case '}': case ']': close(c, false); ++p; break;
        case ',': raw(','); newline(); ++p; break;
        case ':': raw(':'); if (pretty_) raw(' '); ++p; break;
        default: {
          const char* start = p;
          while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' && *p != '\r' && *p != '\t') ++p;
          raw(std::string_view(start, static_cast<std::size_t>(p - start)));
        }
      }
    }
  }

 private:
  static constexpr std::size_t initial_size = 256;

  struct buffer {
    std::string text;  // kept at its full size: every byte of it is room
    std::size_t last_long = 0;  // the length of the last text longer than the buffer
    bool busy = false;
  };
  static buffer& thread_buffer() {
    thread_local buffer b;
    return b;
  }

  // Makes room for n bytes: a text that outgrows the thread's buffer moves to the result string
  // (see the class comment); a smaller buffer (a nested write's own) and the result string double.
  XBL_NOINLINE void grow(std::size_t n) {
    const auto used = static_cast<std::size_t>(cur_ - out_->data());
    if (out_ != result_ && out_->size() >= chunk_bytes) {
      const std::size_t last = shared_ ? shared_->last_long : 0;
      const std::size_t room = std::min(last ? last + last / 8 : 2 * used, used + first_room_limit);
      result_->resize(std::max(room, used + n));
      std::memcpy(result_->data(), out_->data(), used);
      out_ = result_;
    } else if (out_->size() - used < n) {
      out_->resize(out_->size() * 2 > used + n ? out_->size() * 2 : used + n);
      out_->resize(out_->capacity());  // whatever the string allocated is room too
    }
    cur_ = out_->data() + used;
    lim_ = out_->data() + out_->size();
  }

  // Pretty only: a comma (when `comma`), a new line and its indentation, with room for `extra` bytes
  // after it, which the caller writes at the returned position. One bounds check per line, no branch
  // for the comma, and the indentation of all but the deepest lines in one 32-byte copy (room is
  // taken for its overshoot), which beats a call to memset for the few bytes a line needs. Deeper
  // lines are a call: a loop here would be one more in every struct's writer, which the compiler
  // spends time and memory on.
  static constexpr std::size_t indent_run = 32;
  XBL_ALWAYS_INLINE char* line(bool comma, std::size_t extra) {
    static constexpr char spaces[indent_run] = {' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
                                                ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '};
    const std::size_t n = indentation_;
    char* o = room(n + 2 + indent_run + extra);
    o[0] = ',';
    o += comma;
    *o++ = '\n';
    std::memcpy(o, spaces, indent_run);
    if (n > indent_run) [[unlikely]] deep_indentation(o, n);
    return o + n;
  }
  // The indentation of a line deeper than line()'s one copy, beyond its first 32 bytes.
  XBL_NOINLINE static void deep_indentation(char* o, std::size_t n) {
    for (std::size_t i = indent_run; i < n; i += indent_run) std::memset(o + i, ' ', indent_run);
  }

  // close_object() of an empty object, or in the pretty layout.
  XBL_NOINLINE void close_object_on_line(char* first) {
    if (first == cur_) {
      char* o = room(2);
      std::memcpy(o, "{}", 2);
      cur_ = o + 2;
      return;
    }
    *first = '{';
    char* o = line(false, 1);
    *o = '}';
    cur_ = o + 1;
  }

  void newline() {
    if (pretty_) cur_ = line(false, 0);
  }

  static char* escape(char* o, char c) {
    auto put2 = [&](char e) {
      o[0] = '\\';
      o[1] = e;
      return o + 2;
    };
    switch (c) {
      case '"': return put2('"');
      case '\\': return put2('\\');
      case '\b': return put2('b');
      case '\f': return put2('f');
      case '\n': return put2('n');
      case '\r': return put2('r');
      case '\t': return put2('t');
      default: {
        static constexpr char hex[] = "0123456789abcdef";
        const auto u = static_cast<unsigned char>(c);
        const char e[6] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 15]};
        std::memcpy(o, e, 6);
        return o + 6;
      }
    }
  }

  // The options the writing needs at each member, held here rather than behind a reference that
  // every store into the text might have changed.
  bool pretty_;
  std::size_t indent_;
  std::size_t indentation_ = 0;  // spaces at the start of a line at the current depth
  buffer* shared_ = nullptr;  // the thread's buffer, when this writer has it
  std::string own_;
  std::string text_;  // the result, written straight into once the text is longer than the buffer
  std::string* result_;  // text_, or the string given to write into
  std::string* out_;
  char* cur_ = nullptr;
  char* lim_ = nullptr;
};

template <class T>
void write(writer& w, const T& v);

// Whether a described member is written: absent optionals and empty arrays are left out, unless
// the value was read with them present (`null`, `[]`) and kept that in its extras.
template <class M>
bool member_written(const M& m, bool present_empty) {
  if constexpr (is_optional<M>::value) return m.has_value() || present_empty;
  else if constexpr (is_vector<M>::value) return !m.empty() || present_empty;
  else return true;
}

// The member that names a variant's alternative, written before the described member `before` (after
// the last one when that is the count of members; see tag_position).
struct tag_member {
  std::string_view key;
  std::string_view value;
  std::size_t before;
};

// Where a tag written after the member named `after` goes among T's members: before the member that
// follows it; first when `after` is empty, last when it names none of them.
template <described T>
constexpr std::size_t tag_position(std::string_view after) {
  if (after.empty()) return 0;
  for (std::size_t i = 0; i < field_count<T>; ++i)
    if (field_names<T>[i] == after) return i + 1;
  return field_count<T>;
}

// ---- described structs -------------------------------------------------------------------------------
//
// A struct's writer is a few instructions per member, made from its description: whether the member
// is written, its key copied from a constant, and a call to the code that writes the member's type.
// That code is made once per type, however many structs have a member of it; only strings and bools,
// which the writer holds as calls of its own, are written in place.

// Writes the value of type M at `member`: out of line, so that each struct with a member of type M
// calls it rather than holds a copy of it.
template <class M>
XBL_NOINLINE void write_erased(writer& w, const void* member) {
  write(w, *static_cast<const M*>(member));
}

// One described member's key as write_member sees it.
struct member_writer {
  std::string_view name;
  // The key as pretty JSON writes it (`"name": `, see quoted_key), zero-padded, and its length: 0
  // when the name needs escapes or is too long to be copied in one piece.
  std::array<char, writer::key_room> quoted;
  std::size_t quoted_size;
};

template <described T, std::size_t I>
constexpr member_writer member_writer_of() {
  using key = field_key<T, I>;
  constexpr bool fits = key::plain && key::quoted.size() <= writer::key_room;
  std::array<char, writer::key_room> quoted{};
  if constexpr (fits) std::copy(key::quoted.begin(), key::quoted.end(), quoted.begin());
  return member_writer{key::name, quoted, fits ? key::quoted.size() : 0};
}

template <described T>
struct struct_writer {
  static constexpr auto members = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<member_writer, sizeof...(I)>{member_writer_of<T, I>()...};
  }(std::make_index_sequence<field_count<T>>{});
};

// A member's comma, key and value. `key` is an entry of a struct_writer table, a constant once this is
// inlined: its key is copied from the table as a few fixed stores.
template <class M>
XBL_ALWAYS_INLINE void write_member(writer& w, const M& m, const member_writer& key) {
  if (key.quoted_size == 0) w.member(key.name);
  else w.member(key.quoted.data(), key.quoted_size);
  if constexpr (std::is_same_v<M, std::string>) w.string(m);
  else if constexpr (std::is_same_v<M, bool>) w.boolean(m);
  else write_erased<M>(w, &m);
}

XBL_NOINLINE inline void write_tag(writer& w, const tag_member& tag) {
  w.member(tag.key);
  w.string(tag.value);
}

XBL_NOINLINE inline void write_kept(writer& w, const extras& kept) {
  for (const auto& [key, value] : kept.unknown) {
    w.member(key);
    w.reformat(value.text());
  }
}

// `tag`, when not null, is the member that names the variant alternative `v` is.
template <described T>
void write_struct(writer& w, const T& v, const tag_member* tag = nullptr) {
  const extras* kept = nullptr;
  if constexpr (has_extras<T>) kept = &(v.*(meta<T>::extras));
  const std::uint64_t present_empty = kept ? kept->present_empty : 0;
  constexpr std::size_t count = field_count<T>;
  const std::size_t tag_before = tag ? tag->before : count + 1;
  const std::size_t start = w.open_object();
  for_each_field<T>([&](const auto& f, auto index) XBL_ALWAYS_INLINE_LAMBDA {
    if (tag_before == index.value) [[unlikely]] write_tag(w, *tag);
    const auto& m = v.*(f.member);
    if (member_written(m, (present_empty >> index.value) & 1)) write_member(w, m, struct_writer<T>::members[index.value]);
  });
  if (tag_before == count) [[unlikely]] write_tag(w, *tag);
  if (kept && !kept->unknown.empty()) [[unlikely]] write_kept(w, *kept);
  w.close_object(start);
}

template <class T>
void write(writer& w, const T& v) {
  if constexpr (has_codec<T>) {
    codec<T>::write(w, v);
  } else if constexpr (std::is_same_v<T, bool>) {
    w.boolean(v);
  } else if constexpr (std::is_integral_v<T>) {
    w.integer(v);
  } else if constexpr (std::is_floating_point_v<T>) {
    w.floating(v);
  } else if constexpr (std::is_same_v<T, std::string>) {
    w.string(v);
  } else if constexpr (std::is_same_v<T, raw_json>) {
    w.reformat(v.text());
  } else if constexpr (is_open_enum<T>::value) {
    w.string(v.text());
  } else if constexpr (is_optional<T>::value) {
    if (v) write(w, *v);
    else w.raw("null");
  } else if constexpr (is_vector<T>::value || is_std_array<T>::value) {
    w.open('[');
    bool first = true;
    for (const auto& e : v) {
      w.next(first);
      // std::vector<bool> hands out a proxy, which libc++'s const_iterator does not make a bool.
      if constexpr (std::is_same_v<typename T::value_type, bool>) write(w, static_cast<bool>(e));
      else write(w, e);
    }
    w.close(']', first);
  } else if constexpr (is_string_map<T>::value) {
    const std::size_t start = w.open_object();
    for (const auto& [key, value] : v) {
      w.member(key);
      write(w, value);
    }
    w.close_object(start);
  } else if constexpr (described<T>) {
    write_struct(w, v);
  } else {
    static_assert(sizeof(T) == 0, "xbl cannot write this type: describe it with xbl::meta");
  }
}

}  // namespace detail

template <class T>
std::string to_json(const T& value, const write_options& options = {}) {
  detail::writer w(options);
  detail::write(w, value);
  return w.take();
}

// Writes `value` as the contents of `out`, in the room `out` has: writing into a string written
// before allocates nothing while the text fits.
template <class T>
void to_json(const T& value, std::string& out, const write_options& options = {}) {
  detail::writer w(options, &out);
  detail::write(w, value);
  w.finish();
}

}  // namespace xbl
// ---- end xbl/core/writer.hpp ----
// ---- begin xbl/core/variant.hpp ----



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
// ---- end xbl/core/variant.hpp ----
// ---- begin xbl/core/read_at.hpp ----



namespace xbl {
namespace detail {

// A byte of a pointer as a message names it: printable ASCII in quotes, anything else by its code,
// so that the message stays on one line whatever the pointer holds.
inline std::string pointer_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x21 && u < 0x7F) return "'" + std::string(1, c) + "'";
  static constexpr char hex[] = "0123456789ABCDEF";
  return std::string("byte 0x") + hex[u >> 4] + hex[u & 15];
}

// The pointer is no place in the text, so the error has a path and no line, as value_error's.
// `at` is 0-based; the message counts from 1, in bytes, as error::column does.
inline error pointer_error(std::string_view pointer, std::size_t at, std::string what) {
  return value_error(errc::invalid_pointer, std::string(pointer),
                     "character " + std::to_string(at + 1) + " of the JSON Pointer " + std::move(what));
}

// The reference tokens of `pointer`, decoded (RFC 6901). The error's code is ok when the pointer
// keeps the RFC. Whether a token is an array index is not decided here: that depends on the value
// it is applied to, and "01" or "-" is a sound pointer to an object member.
inline error parse_pointer(std::string_view pointer, std::vector<std::string>& tokens) {
  tokens.clear();
  if (pointer.empty()) return error{};
  if (pointer.front() != '/')
    return pointer_error(pointer, 0, "is " + pointer_char(pointer.front()) + ", not '/': a pointer is empty or starts with '/'");
  for (std::size_t i = 0; i < pointer.size(); ++i) {
    const char c = pointer[i];
    if (c == '/') {
      tokens.emplace_back();
    } else if (c != '~') {
      tokens.back() += c;
    } else if (i + 1 == pointer.size()) {
      return pointer_error(pointer, i, "is a '~' that ends it: the only escapes are ~0 and ~1 (RFC 6901)");
    } else if (pointer[i + 1] == '0' || pointer[i + 1] == '1') {
      tokens.back() += pointer[++i] == '0' ? '~' : '/';
    } else {
      return pointer_error(pointer, i, "is a '~' followed by " + pointer_char(pointer[i + 1]) +
                                           ": the only escapes are ~0 and ~1 (RFC 6901)");
    }
  }
  return error{};
}

// The first `n` tokens as a JSON Pointer, in the form error::path has: built for messages only.
inline std::string pointer_prefix(const std::vector<std::string>& tokens, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) append_pointer_token(out, tokens[i]);
  return out;
}

// Where a message says a value is: the empty prefix has no text of its own.
inline std::string pointer_place(const std::vector<std::string>& tokens, std::size_t n) {
  return n == 0 ? std::string("the root") : pointer_prefix(tokens, n);
}

// What a token is to an array. Only an `index` can name an element; the others name none, and are
// told apart for the message. `too_large` is a sound index past any array a text can hold, kept
// apart so that the count of elements never has to reach it.
struct array_token {
  enum kind_t : unsigned char { index, too_large, past_end, leading_zero, not_index } kind;
  std::size_t value;
};

inline array_token parse_array_token(std::string_view token) noexcept {
  if (token == "-") return {array_token::past_end, 0};
  if (token.empty()) return {array_token::not_index, 0};
  for (const char c : token)
    if (c < '0' || c > '9') return {array_token::not_index, 0};
  if (token.size() > 1 && token.front() == '0') return {array_token::leading_zero, 0};
  std::size_t v = 0;
  constexpr std::size_t max = std::numeric_limits<std::size_t>::max();
  for (const char c : token) {
    const auto d = static_cast<std::size_t>(c - '0');
    if (v > (max - d) / 10) return {array_token::too_large, 0};
    v = v * 10 + d;
  }
  return {array_token::index, v};
}

// The pointer names no value: the error is recorded where the search ended.
XBL_NOINLINE inline bool pointer_not_found(scanner& s, const char* where, const std::vector<std::string>& tokens,
                                           std::string what) {
  return s.fail(errc::not_found, where, what + " (looking for " + pointer_prefix(tokens, tokens.size()) + ")");
}

// In the object at p, on to the value of the first member whose decoded key is tokens[level]. The
// members before it are checked as JSON and passed over, as a member a type does not describe is.
inline bool pointer_member(scanner& s, const std::vector<std::string>& tokens, std::size_t level) {
  const std::string& token = tokens[level];
  bool empty = false;
  if (!s.open_object(empty)) return false;
  bool found = false;
  if (!empty && !s.members(
                    [&](const scanner::key_info& k) -> scanner::member_step {
                      if (k.text == token) {
                        found = true;
                        return scanner::member_step::done;
                      }
                      return scanner::as_step(skip(s));
                    },
                    [&](scanner::key_info& k) { return s.key(k); }))
    return false;
  if (found) return true;
  return pointer_not_found(s, s.p - 1, tokens,
                           "no member " + detail::quoted(token) + " in the object at " + pointer_place(tokens, level));
}

// In the array at p, on to the element tokens[level] names. A token that names none is only known
// not found once the array has been read to its ']', which the message counts the elements to.
inline bool pointer_element(scanner& s, const std::vector<std::string>& tokens, std::size_t level) {
  const std::string& token = tokens[level];
  const array_token wanted = parse_array_token(token);
  bool empty = false;
  if (!s.open_array(empty)) return false;
  std::size_t count = 0;
  if (!empty) {
    for (std::size_t i = 0;; ++i) {
      if (wanted.kind == array_token::index && i == wanted.value) return true;
      if (!skip(s)) {
        s.unwind_index(i);
        return false;
      }
      bool more = false;
      if (!s.after_element(more)) return false;
      if (!more) {
        count = i + 1;
        break;
      }
    }
  }
  std::string what = "the array at " + pointer_place(tokens, level) + " has " + std::to_string(count) +
                     (count == 1 ? " element: " : " elements: ");
  switch (wanted.kind) {
    case array_token::index:
    case array_token::too_large: what += "no element " + token; break;
    case array_token::past_end: what += "\"-\" names the element after the last, which is never there"; break;
    case array_token::leading_zero: what += detail::quoted(token) + " is not an array index (an index has no leading zero)"; break;
    case array_token::not_index: what += detail::quoted(token) + " is not an array index"; break;
  }
  return pointer_not_found(s, s.p - 1, tokens, std::move(what));
}

// A token applied to what is not a container. A scalar is told by kind_here, as a type
// mismatch is (see mismatch): a word only when spelled out in full, and what is no value at all
// fails with the fault the text has there.
inline bool pointer_into_scalar(scanner& s, const std::vector<std::string>& tokens, std::size_t level) {
  std::string_view kind;
  if (!kind_here(s, kind)) return false;
  return pointer_not_found(s, s.p, tokens,
                           "the value at " + pointer_place(tokens, level) + " is " + std::string(kind) +
                               ", not an object or array");
}

// From the document's first value on to the value `tokens` names, p then at its first byte. The
// walk does not depend on what is read there, so it is made once, not once per type. `level` is
// how many tokens were resolved: on failure, the prefix of the pointer the fault is under.
inline bool walk_pointer(scanner& s, const std::vector<std::string>& tokens, std::size_t& level) {
  for (level = 0; level < tokens.size(); ++level) {
    if (s.at_end()) return s.fail_expected("a value");
    const char c = s.peek();
    const bool ok = c == '{'   ? pointer_member(s, tokens, level)
                    : c == '[' ? pointer_element(s, tokens, level)
                               : pointer_into_scalar(s, tokens, level);
    if (!ok) return false;
  }
  return true;
}

// What read_at does for every T, made once; `read_entry` and `check` as read_document takes them.
// The error's code is ok when the value was read and kept every rule.
inline error read_at_document(std::string_view text, std::string_view pointer, const read_options& options, void* value,
                              bool (*read_entry)(scanner&, void*), std::vector<violation> (*check)(const void*)) {
  std::vector<std::string> tokens;
  if (error e = parse_pointer(pointer, tokens); e.code != errc::ok) return e;
  scanner s(text, options);
  std::size_t level = 0;
  const bool reached = begin_document(s) && walk_pointer(s, tokens, level);
  if (!reached || !read_entry(s, value)) {
    // The scanner's path is built from the innermost level out: the pointer's tokens come last.
    for (std::size_t i = level; i-- > 0;) s.unwind_key(tokens[i]);
    error e = s.take_error();
    // A valid pointer's text is already in the form error::path has: decoding and escaping again
    // give it back.
    if (!reached && e.code == errc::not_found) e.path = std::string(pointer);
    return e;
  }
  if (options.validate) {
    const auto violations = check(value);
    if (!violations.empty()) {
      error e = violation_error(violations);
      e.path.insert(0, pointer);
      return e;
    }
  }
  return error{};
}

}  // namespace detail

// Reads only the value at `pointer` (a JSON Pointer, RFC 6901) in `text` as a T, building nothing
// else: "" is the whole document, "/a/0" the first element of member "a".
//
// - The text up to the value is checked as strictly as from_json<T> would check it with the same
//   options: the lenient switches and max_depth (counted from the document's root) apply. The
//   containers on the way have no type: their other members and elements are checked as JSON and
//   passed over, as a member a type does not describe is, with no unknown_keys or repeat check.
// - Once the value is read, the text after it is not looked at: reading an early member succeeds
//   even when the document is cut short or malformed later, and with "" text after the document's
//   value is not looked at either.
// - A token matches a member whose key, decoded (`"\u0041"` is "A"), is the token: the first such
//   member is taken. In an array, a token names an element only as a decimal index with no
//   leading zero ("0", "12"); "-", "01", "+1" or any other token there is not found (not an
//   invalid pointer: the same token may name an object's member).
// - errc::invalid_pointer: the pointer breaks RFC 6901 (no leading '/', '~' not followed by 0 or
//   1). No place in the text: offset, line and column 0, path the pointer as given.
// - errc::not_found: the pointer names no value. The message says what was missing and where;
//   the place is where the search ended (the closing '}' or ']' of the container that lacks the
//   token, or the first byte of a scalar a token was applied to); path is the whole pointer.
// - Any fault in the text before or in the value is reported as from_json reports it, with a path
//   from the document's root (the pointer's prefix, then the path inside the value). Under
//   read_options::validate, a violation's path is the pointer followed by the path in the value.
template <class T>
result<T> read_at(std::string_view text, std::string_view pointer, const read_options& options = {}) {
  T value{};
  auto e = detail::read_at_document(text, pointer, options, &value, &detail::read_value<T>, &detail::validate_value<T>);
  if (e.code != errc::ok) return e;
  return value;
}

template <class T>
result<T> raw_json::at(std::string_view pointer, const read_options& options) const {
  return read_at<T>(text_, pointer, options);
}

}  // namespace xbl
// ---- end xbl/core/read_at.hpp ----
// ---- begin xbl/core/stream.hpp ----



namespace xbl {

// Where an element handed to a for_each_element callback stood in the text.
struct element_position {
  std::size_t index;  // within its array
  std::size_t begin;  // byte offset of its first character
  std::size_t end;    // byte offset just past it
};

namespace detail {

inline std::vector<std::string> pointer_tokens(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  pointer.remove_prefix(1);  // the leading '/'
  for (;;) {
    const auto slash = pointer.find('/');
    std::string token;
    for (std::size_t i = 0; i < pointer.size() && i < slash; ++i) {
      if (pointer[i] == '~' && i + 1 < pointer.size() && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
        token += pointer[++i] == '0' ? '~' : '/';
      } else {
        token += pointer[i];
      }
    }
    tokens.push_back(std::move(token));
    if (slash == std::string_view::npos) break;
    pointer.remove_prefix(slash + 1);
  }
  return tokens;
}

template <class T, class F>
bool stream_at(scanner& s, const std::vector<std::string>& tokens, std::size_t depth, F& on_element) {
  if (depth == tokens.size()) {
    if (s.at_end() || s.peek() != '[') return mismatch(s, "an array");
    return s.array([&](std::size_t i) {
      const char* begin = s.p;
      T value{};
      if (!read(s, value)) return false;
      on_element(value, element_position{i, static_cast<std::size_t>(begin - s.begin_),
                                         static_cast<std::size_t>(s.p - s.begin_)});
      return true;
    });
  }
  const std::string& token = tokens[depth];
  bool found = false;
  if (!s.at_end() && s.peek() == '{') {
    if (!s.object([&](const scanner::key_info& k) {
          if (found || k.text != token) return skip(s);
          found = true;
          return stream_at<T>(s, tokens, depth + 1, on_element);
        }))
      return false;
    if (!found) return s.fail(errc::missing_member, s.p - 1, "missing member " + detail::quoted(token));
    return true;
  }
  if (!s.at_end() && s.peek() == '[') {
    if (!s.array([&](std::size_t i) {
          if (found || token != std::to_string(i)) return skip(s);
          found = true;
          return stream_at<T>(s, tokens, depth + 1, on_element);
        }))
      return false;
    if (!found) return s.fail(errc::missing_member, s.p - 1, "no element " + token + " in the array");
    return true;
  }
  return mismatch(s, "an object or an array");
}

}  // namespace detail

// Reads the array at `pointer` (a JSON Pointer; "" for the whole text) one element at a time, as T,
// calling on_element(T&, element_position) for each and keeping none: a large document is read
// in the memory of its largest element. The rest of the text is checked as strictly as ever, and
// an error stops the walk with its place, as from_json would report it. Returns the elements seen.
template <class T, class F>
result<std::size_t> for_each_element(std::string_view text, std::string_view pointer, F&& on_element,
                                     const read_options& options = {}) {
  detail::scanner s(text, options);
  const auto tokens = detail::pointer_tokens(pointer);
  std::size_t count = 0;
  auto counting = [&](T& value, const element_position& at) {
    ++count;
    on_element(value, at);
  };
  if (!s.skip_ws()) return s.take_error();
  if (s.at_end()) {
    s.fail(errc::unexpected_end, s.p, "the text is empty: expected a JSON value");
    return s.take_error();
  }
  if (!detail::stream_at<T>(s, tokens, 0, counting) || !s.skip_ws()) return s.take_error();
  if (!s.at_end()) {
    s.fail(errc::syntax, s.p, "unexpected " + s.describe_here() + " after the JSON value");
    return s.take_error();
  }
  return count;
}

}  // namespace xbl
// ---- end xbl/core/stream.hpp ----
// ---- begin xbl/core/ids.hpp ----

#include <compare>


// The identifiers the services pass around. Each compares by value and writes back the wire form
// it was read in (leading zeros, letter case, string or number, fraction digits and `Z`), so that a
// payload read and written is the payload that was read.
namespace xbl {

namespace detail {

// The outcome of parsing an identifier's text, usable in constant expressions (the literals).
struct id_failure {
  errc code = errc::ok;
  std::size_t offset = 0;
  const char* message = "";
  constexpr explicit operator bool() const noexcept { return code != errc::ok; }
};

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// The last two decimal digits of v at o, from one table rather than two divisions each.
inline char* two_digits(char* o, unsigned v) noexcept {
  static constexpr char pairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  std::memcpy(o, pairs + 2 * (v % 100), 2);
  return o + 2;
}

// Eight bytes of a text of fixed form: '0' where a digit goes, a separator as itself, and '?'
// where the byte is another word's to check.
struct form_word {
  std::uint64_t bytes = 0, digits = 0, separators = 0;
  consteval explicit form_word(const char (&text)[9]) {
    for (int i = 0; i < 8; ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c == '?') continue;
      bytes |= std::uint64_t{c} << (8 * i);
      (c == '0' ? digits : separators) |= std::uint64_t{0xFF} << (8 * i);
    }
  }
  // Nonzero unless x, eight bytes of text XOR `bytes`, holds 0 to 9 at each digit and 0 at each
  // separator. A carry from one byte to the next only ever leaves a byte that is wrong already.
  constexpr std::uint64_t misfit(std::uint64_t x) const noexcept {
    return (x & separators) | ((x | (x + (digits & every_byte * 6))) & digits & every_byte * 0xF0);
  }
};

// `id` by reference: callers parse into it in the other argument, and the order in which arguments
// are evaluated is unspecified (clang copied a by-value `id` before the parse had filled it).
template <class Id>
result<Id> id_result(const Id& id, id_failure f) {
  if (!f) return id;
  return text_error(f.code, f.offset, f.message);
}

}  // namespace detail

// ---- Xuid ---------------------------------------------------------------------------------------

// A user's Xbox user id: an unsigned 64-bit number written as a string of decimal digits.
class Xuid {
 public:
  constexpr Xuid() noexcept = default;
  constexpr explicit Xuid(std::uint64_t value) noexcept : value_(value) {}

  constexpr std::uint64_t value() const noexcept { return value_; }

  static constexpr detail::id_failure parse_into(std::string_view text, Xuid& out) noexcept {
    if (text.empty()) return {errc::invalid_value, 0, "a XUID needs at least one digit"};
    if (text.size() > 64) return {errc::invalid_value, 64, "a XUID is at most 64 characters long"};
    const std::size_t n = detail::digit_run(text.data(), text.data() + text.size());
    if (n != text.size()) return {errc::invalid_value, n, "a XUID is decimal digits only"};
    return from_digits(text.data(), n, out);
  }

  // The end of the well-formed XUID at p, read no further than `end`, or null.
  static constexpr const char* scan(const char* p, const char* end, Xuid& out) noexcept {
    const std::size_t n = detail::digit_run(p, end);
    return n >= 1 && n <= 64 && !from_digits(p, n, out) ? p + n : nullptr;
  }

  // From n (1 to 64) decimal digits at p.
  static constexpr detail::id_failure from_digits(const char* p, std::size_t n, Xuid& out) noexcept {
    std::size_t zeros = 0;
    while (zeros + 1 < n && p[zeros] == '0') ++zeros;  // a lone 0 is the value, not padding
    std::uint64_t v = 0;
    if (!detail::digits_to_u64(p + zeros, n - zeros, v))
      return {errc::number_out_of_range, 0, "a XUID must fit in 64 bits (at most 18446744073709551615)"};
    out.value_ = v;
    out.leading_zeros_ = static_cast<std::uint16_t>(zeros);
    return {};
  }

  static result<Xuid> parse(std::string_view text) {
    Xuid x;
    return detail::id_result(x, parse_into(text, x));
  }

  // to_string()'s text written at `out`, which has room for max_chars; returns its end.
  static constexpr std::size_t max_chars = 64 + 20;
  char* to_chars(char* out) const noexcept {
    for (std::uint16_t i = 0; i < leading_zeros_; ++i) *out++ = '0';
    return std::to_chars(out, out + 20, value_).ptr;
  }

  std::string to_string() const {
    char buf[max_chars];
    return std::string(buf, to_chars(buf));
  }

  friend constexpr bool operator==(const Xuid& a, const Xuid& b) noexcept { return a.value_ == b.value_; }
  friend constexpr auto operator<=>(const Xuid& a, const Xuid& b) noexcept { return a.value_ <=> b.value_; }

 private:
  std::uint64_t value_ = 0;
  std::uint16_t leading_zeros_ = 0;
};

// ---- Guid ---------------------------------------------------------------------------------------

// 8-4-4-4-12 hexadecimal digits, in either case, without braces.
class Guid {
 public:
  constexpr Guid() noexcept { text_.fill('0'); text_[8] = text_[13] = text_[18] = text_[23] = '-'; }

  static constexpr detail::id_failure parse_into(std::string_view text, Guid& out) noexcept {
    if (text.size() != 36) return {errc::invalid_value, 0, "a GUID is 36 characters: 8-4-4-4-12 hexadecimal digits"};
    if (well_formed(text.data())) {
      for (std::size_t i = 0; i < 36; ++i) out.text_[i] = text[i];
      return {};
    }
    // Not well formed: find the first fault, to say which and where.
    for (std::size_t i = 0; i < 36; ++i) {
      const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? text[i] == '-' : detail::hex_digit_value(text[i]) >= 0) continue;
      if (dash) return {errc::invalid_value, i, "a GUID has '-' after the 8th, 12th, 16th and 20th digits"};
      return {errc::invalid_value, i, "a GUID is hexadecimal digits and '-' (no braces)"};
    }
    return {};
  }

  // The end of the well-formed GUID at p, read no further than `end`, or null.
  static constexpr const char* scan(const char* p, const char* end, Guid& out) noexcept {
    return end - p >= 36 && !parse_into(std::string_view(p, 36), out) ? p + 36 : nullptr;
  }

  static result<Guid> parse(std::string_view text) {
    Guid g;
    return detail::id_result(g, parse_into(text, g));
  }

  std::string to_string() const { return std::string(text_.data(), text_.size()); }
  constexpr std::string_view text() const noexcept { return {text_.data(), text_.size()}; }

  static constexpr std::size_t max_chars = 36;
  char* to_chars(char* out) const noexcept {
    std::memcpy(out, text_.data(), text_.size());
    return out + text_.size();
  }

  friend constexpr bool operator==(const Guid& a, const Guid& b) noexcept { return (a <=> b) == 0; }
  friend constexpr std::strong_ordering operator<=>(const Guid& a, const Guid& b) noexcept {
    for (std::size_t i = 0; i < 36; ++i) {
      const char x = lower(a.text_[i]);
      const char y = lower(b.text_[i]);
      if (x != y) return x <=> y;
    }
    return std::strong_ordering::equal;
  }

 private:
  static constexpr char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

  // Four words of digits, a branch for none of them (for random hexadecimal digits, a letter as
  // often as not, a branch per character mispredicts on every other one): the eight before the
  // first dash, the two groups of four on either side of the second and of the fourth, the twelve
  // after the last.
  static constexpr bool well_formed(const char* p) noexcept {
    using detail::load8;
    constexpr std::uint64_t low_half = 0xFFFFFFFFu;
    const std::uint64_t digits = detail::non_hex_bytes(load8(p)) |
                                 detail::non_hex_bytes((load8(p + 9) & low_half) | load8(p + 14) << 32) |
                                 detail::non_hex_bytes((load8(p + 19) & low_half) | load8(p + 24) << 32) |
                                 detail::non_hex_bytes(load8(p + 28));
    const unsigned dashes = static_cast<unsigned>((p[8] ^ '-') | (p[13] ^ '-') | (p[18] ^ '-') | (p[23] ^ '-'));
    return (digits | dashes) == 0;
  }

  std::array<char, 36> text_{};
};

// ---- TitleId ------------------------------------------------------------------------------------

// A title's id: a uint32 the SDK sends as a string and the docs show as a number. Both read; each is
// written back in its own form, and a constructed one as a string.
class TitleId {
 public:
  constexpr TitleId() noexcept = default;
  constexpr explicit TitleId(std::uint32_t value, bool as_number = false) noexcept
      : value_(value), as_number_(as_number) {}

  constexpr std::uint32_t value() const noexcept { return value_; }
  constexpr bool written_as_number() const noexcept { return as_number_; }

  static constexpr detail::id_failure parse_into(std::string_view text, TitleId& out) noexcept {
    if (text.empty()) return {errc::invalid_value, 0, "a title id needs at least one digit"};
    const std::size_t n = detail::digit_run(text.data(), text.data() + text.size());
    if (n != text.size()) return {errc::invalid_value, n, "a title id is decimal digits only"};
    return from_digits(text.data(), n, out);
  }

  // The end of the well-formed title id at p, read no further than `end`, or null.
  static constexpr const char* scan(const char* p, const char* end, TitleId& out) noexcept {
    const std::size_t n = detail::digit_run(p, end);
    return n >= 1 && !from_digits(p, n, out) ? p + n : nullptr;
  }

  // From n (at least 1) decimal digits at p, as a string has them.
  static constexpr detail::id_failure from_digits(const char* p, std::size_t n, TitleId& out) noexcept {
    if (n > 1 && p[0] == '0') return {errc::invalid_value, 0, "a title id has no leading zeros"};
    std::uint64_t v = 0;
    if (n > 10 || !detail::digits_to_u64(p, n, v) || v > UINT32_MAX)
      return {errc::number_out_of_range, 0, "a title id must fit in 32 bits (at most 4294967295)"};
    out.value_ = static_cast<std::uint32_t>(v);
    out.as_number_ = false;
    return {};
  }

  static result<TitleId> parse(std::string_view text) {
    TitleId t;
    return detail::id_result(t, parse_into(text, t));
  }

  std::string to_string() const { return std::to_string(value_); }

  static constexpr std::size_t max_chars = 10;
  char* to_chars(char* out) const noexcept { return std::to_chars(out, out + max_chars, value_).ptr; }

  friend constexpr bool operator==(const TitleId& a, const TitleId& b) noexcept { return a.value_ == b.value_; }
  friend constexpr auto operator<=>(const TitleId& a, const TitleId& b) noexcept { return a.value_ <=> b.value_; }

 private:
  std::uint32_t value_ = 0;
  bool as_number_ = false;
};

// ---- Timestamp ----------------------------------------------------------------------------------

// A UTC instant in 100 ns ticks since 0001-01-01T00:00:00 (the services' DateTime), written in
// ISO 8601 as `YYYY-MM-DDTHH:MM:SS[.f{1,7}][Z]`. Its range is the form's: the years 0001 to 9999,
// ticks 0 to max_ticks, so that every Timestamp writes text that reads back equal. A tick count
// known at run time becomes one through from_ticks, which refuses one out of range; the
// constructor takes only a constant, and an out-of-range constant does not compile.
class Timestamp {
 public:
  static constexpr std::int64_t ticks_per_second = 10'000'000;
  static constexpr std::int64_t min_ticks = 0;                          // 0001-01-01T00:00:00
  static constexpr std::int64_t max_ticks = 3'155'378'975'999'999'999;  // 9999-12-31T23:59:59.9999999

  constexpr Timestamp() noexcept = default;
  consteval explicit Timestamp(std::int64_t ticks) : ticks_(ticks) {
    if (!in_range(ticks)) detail::compile_time_error(range);
  }

  static constexpr bool in_range(std::int64_t ticks) noexcept { return ticks >= min_ticks && ticks <= max_ticks; }

  static result<Timestamp> from_ticks(std::int64_t ticks) {
    if (!in_range(ticks)) return detail::value_error(errc::number_out_of_range, "", range);
    Timestamp ts;
    ts.ticks_ = ticks;
    return ts;
  }

  constexpr std::int64_t ticks() const noexcept { return ticks_; }

  static constexpr detail::id_failure parse_into(std::string_view t, Timestamp& out) noexcept {
    Timestamp ts;
    const char* stop = nullptr;
    if (const auto f = parse_prefix(t.data(), t.data() + t.size(), ts, stop)) return f;
    if (stop != t.data() + t.size()) return {errc::invalid_value, static_cast<std::size_t>(stop - t.data()), form};
    out = ts;
    return {};
  }

  // The end of the well-formed timestamp at p, read no further than `end`, or null.
  static constexpr const char* scan(const char* p, const char* end, Timestamp& out) noexcept {
    const char* stop = nullptr;
    return parse_prefix(p, end, out, stop) ? nullptr : stop;
  }

  // The timestamp that starts at p, read no further than `end`: `stop` is set just past it. What
  // follows is the caller's to judge (the end of the text for parse_into, a quote for the reader).
  static constexpr detail::id_failure parse_prefix(const char* p, const char* end, Timestamp& out,
                                                   const char*& stop) noexcept {
    if (end - p < 19) return {errc::invalid_value, 0, form};
    // The 19 bytes of `YYYY-MM-DDTHH:MM:SS` as three words (bytes 0-7, 8-15, 11-18), each made to
    // hold 0 to 9 at a digit and 0 at a separator by an XOR with its pattern, then checked at once.
    constexpr detail::form_word date("0000-00-"), time("00T00:00"), seconds("?????:00");
    const std::uint64_t a = detail::load8(p) ^ date.bytes, b = detail::load8(p + 8) ^ time.bytes,
                        c = detail::load8(p + 11) ^ seconds.bytes;
    if (date.misfit(a) | time.misfit(b) | seconds.misfit(c)) return {errc::invalid_value, 0, form};
    auto two = [](std::uint64_t x, int at) { return static_cast<int>((x >> (8 * at) & 0xFF) * 10 + (x >> (8 * at + 8) & 0xFF)); };
    const int year = two(a, 0) * 100 + two(a, 2), month = two(a, 5), day = two(b, 0), hour = two(b, 3),
              minute = two(b, 6), second = two(c, 6);
    if (year < 1) return {errc::invalid_value, 0, "the year must be 0001 or later"};
    if (month < 1 || month > 12) return {errc::invalid_value, 5, "the month must be 01 to 12"};
    if (day < 1 || day > days_in_month(year, month)) return {errc::invalid_value, 8, "no such day in that month"};
    if (hour > 23) return {errc::invalid_value, 11, "the hour must be 00 to 23"};
    if (minute > 59) return {errc::invalid_value, 14, "the minute must be 00 to 59"};
    // The services' DateTime counts no leap seconds, so `:60` has no tick count to read into.
    if (second == 60) return {errc::invalid_value, 17, "a leap second (:60) has no 100 ns tick count; the second must be 00 to 59"};
    if (second > 59) return {errc::invalid_value, 17, "the second must be 00 to 59"};
    const char* q = p + 19;
    std::int64_t fraction = 0;
    std::size_t fraction_digits = 0;
    if (q < end && *q == '.') {
      ++q;
      fraction_digits = detail::digit_run(q, end);
      if (fraction_digits == 0) return {errc::invalid_value, static_cast<std::size_t>(q - p), "a '.' needs fraction digits after it"};
      if (fraction_digits > 7) return {errc::invalid_value, static_cast<std::size_t>(q - p) + 7, "at most 7 fraction digits (100 ns)"};
      fraction = static_cast<std::int64_t>(detail::digits_value_at(q, end, fraction_digits)) * ticks_of_digit[fraction_digits];
      q += fraction_digits;
    }
    const bool zulu = q < end && *q == 'Z';
    q += zulu;
    const std::int64_t days = days_from_civil(year, month, day);
    out.ticks_ = ((days * 24 + hour) * 60 + minute) * 60 * ticks_per_second + second * ticks_per_second + fraction;
    out.fraction_digits_ = static_cast<std::uint8_t>(fraction_digits);
    out.zulu_ = zulu;
    out.constructed_ = false;
    stop = q;
    return {};
  }

  static result<Timestamp> parse(std::string_view text) {
    Timestamp ts;
    return detail::id_result(ts, parse_into(text, ts));
  }

  std::string to_string() const {
    char buf[max_chars];
    return std::string(buf, to_chars(buf));
  }

  static constexpr std::size_t max_chars = 40;
  char* to_chars(char* buf) const noexcept {
    // In range, the ticks are not negative and the year has four digits.
    const std::int64_t seconds = ticks_ / ticks_per_second, fraction = ticks_ % ticks_per_second;
    int year, month, day;
    civil_from_days(static_cast<std::uint32_t>(seconds / 86400), year, month, day);
    const auto y = static_cast<unsigned>(year);
    const auto t = static_cast<unsigned>(seconds % 86400);
    char* o = detail::two_digits(detail::two_digits(buf, y / 100), y);
    *o++ = '-';
    o = detail::two_digits(o, static_cast<unsigned>(month));
    *o++ = '-';
    o = detail::two_digits(o, static_cast<unsigned>(day));
    *o++ = 'T';
    o = detail::two_digits(o, t / 3600);
    *o++ = ':';
    o = detail::two_digits(o, t / 60 % 60);
    *o++ = ':';
    o = detail::two_digits(o, t % 60);
    const int digits = constructed_ ? 7 : fraction_digits_;
    if (digits > 0) {
      // All seven digits of the 100 ns count and a zero are stored, of which the first `digits`
      // are the text's (the buffer has room for them all).
      *o++ = '.';
      detail::store8(o, detail::eight_digits_text(static_cast<std::uint32_t>(fraction) * 10));
      o += digits;
    }
    if (constructed_ || zulu_) *o++ = 'Z';
    return o;
  }

  friend constexpr bool operator==(const Timestamp& a, const Timestamp& b) noexcept { return a.ticks_ == b.ticks_; }
  friend constexpr auto operator<=>(const Timestamp& a, const Timestamp& b) noexcept { return a.ticks_ <=> b.ticks_; }

 private:
  static constexpr const char* form = "a timestamp is YYYY-MM-DDTHH:MM:SS, an optional fraction of 1 to 7 digits and an optional Z";
  static constexpr const char* range = "a timestamp is 0001-01-01T00:00:00 to 9999-12-31T23:59:59.9999999: ticks 0 to 3155378975999999999";

  // Tables at class scope: a constexpr function may not have static ones, and a local one is
  // copied to the stack at each call.
  static constexpr int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  static constexpr std::int64_t ticks_of_digit[8] = {10'000'000, 1'000'000, 100'000, 10'000, 1'000, 100, 10, 1};  // by fraction length

  static constexpr bool leap(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
  static constexpr int days_in_month(int y, int m) noexcept {
    return m == 2 && leap(y) ? 29 : month_days[m - 1];
  }
  // Days since 0001-01-01 of a proleptic Gregorian date, and back (H. Hinnant's algorithms).
  static constexpr std::int64_t days_from_civil(int y, int m, int d) noexcept {
    y -= m <= 2;
    const std::int64_t era = y / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 306;  // 306 days from 0000-03-01, where the algorithm counts from, to 0001-01-01
  }
  // In 32-bit arithmetic, which makes the divisions by constants cheap: the days of the range
  // (0 to 3652058) fit with room to spare.
  static constexpr void civil_from_days(std::uint32_t days, int& y, int& m, int& d) noexcept {
    const std::uint32_t z = days + 306;
    const std::uint32_t era = z / 146097;
    const std::uint32_t doe = z - era * 146097;
    const std::uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::uint32_t mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe + era * 400 + (m <= 2));
  }

  std::int64_t ticks_ = 0;
  std::uint8_t fraction_digits_ = 7;
  bool zulu_ = true;
  bool constructed_ = true;
};

// ---- literals -----------------------------------------------------------------------------------

namespace detail {
template <class Id, char... C>
consteval Id numeric_literal() {
  constexpr char text[] = {C...};
  Id id;
  const auto f = Id::parse_into(std::string_view(text, sizeof...(C)), id);
  if (f) compile_time_error(f.message);
  return id;
}
}  // namespace detail

namespace literals {
template <char... C>
consteval Xuid operator""_xuid() { return detail::numeric_literal<Xuid, C...>(); }

template <char... C>
consteval TitleId operator""_title() { return detail::numeric_literal<TitleId, C...>(); }

consteval Guid operator""_guid(const char* text, std::size_t n) {
  Guid g;
  const auto f = Guid::parse_into(std::string_view(text, n), g);
  if (f) detail::compile_time_error(f.message);
  return g;
}
}  // namespace literals

// ---- the wire ------------------------------------------------------------------------------------

namespace detail {

// Identifiers travel as JSON strings; the text is parsed and a bad one is reported at the string.
template <class Id>
bool read_id_string(scanner& s, Id& v, std::string_view what) {
  if (s.at_end() || s.peek() != '"') return mismatch(s, what);
  // Mostly the string is the id and nothing else, no escape in it: read straight from the input
  // then. Anything else takes the way of every string, which also gives the exact error.
  if (const char* e = Id::scan(s.p + 1, s.end, v); e && e != s.end && *e == '"') {
    s.p = e + 1;
    return true;
  }
  const char* at = s.p;
  std::string_view text;
  if (!s.string_text(text)) return false;
  const auto f = Id::parse_into(text, v);
  if (f) return s.fail(f.code, at, std::string(f.message) + ", not " + detail::quoted(text));
  return true;
}

template <>
struct codec<Xuid> {
  static bool read(scanner& s, Xuid& v) { return read_id_string(s, v, "a XUID string"); }
  static void write(writer& w, const Xuid& v) { w.id(v); }
};

template <>
struct codec<Guid> {
  static bool read(scanner& s, Guid& v) { return read_id_string(s, v, "a GUID string"); }
  static void write(writer& w, const Guid& v) { w.id(v); }
};

template <>
struct codec<Timestamp> {
  static bool read(scanner& s, Timestamp& v) { return read_id_string(s, v, "a timestamp string"); }
  static void write(writer& w, const Timestamp& v) { w.id(v); }
};

template <>
struct codec<TitleId> {
  static bool read(scanner& s, TitleId& v) {
    if (!s.at_end() && is_number_start(s.peek())) {
      std::uint32_t n = 0;
      if (!read_integer(s, n)) return false;
      v = TitleId(n, true);
      return true;
    }
    return read_id_string(s, v, "a title id (string or number)");
  }
  static void write(writer& w, const TitleId& v) {
    if (v.written_as_number()) w.integer(v.value());
    else w.id(v);
  }
};

}  // namespace detail
}  // namespace xbl
// ---- end xbl/core/ids.hpp ----
// ---- end xbl/core.hpp ----
// ---- begin xbl/handles.hpp ----

// Multiplayer handles: the bodies of POST https://sessiondirectory.xboxlive.com/handles and the
// invite handle it answers with.


namespace xbl {

struct SessionRef {
  Guid scid;
  std::string template_name;
  std::optional<std::string> name;  // optional in a POST: the directory then names the session
  xbl::extras extras;
  friend bool operator==(const SessionRef&, const SessionRef&) = default;
};

struct InviteAttributes {
  TitleId title_id;
  std::optional<std::string> context;         // the title's own token, at most 256 once URI-encoded
  std::optional<std::string> context_string;  // the name of a custom invite string
  std::optional<std::string> sender_string;   // the sender's name when the sender is a service
  xbl::extras extras;
  friend bool operator==(const InviteAttributes&, const InviteAttributes&) = default;
};

// Sets the session of the user's current activity. No response body.
struct ActivityHandleRequest {
  std::optional<Guid> id;
  std::uint32_t version = 1;
  SessionRef session_ref;
  xbl::extras extras;
  friend bool operator==(const ActivityHandleRequest&, const ActivityHandleRequest&) = default;
};

// Invites one user (one POST per invited user). The response is an InviteHandle.
struct InviteHandleRequest {
  std::optional<Guid> id;
  std::uint32_t version = 1;
  SessionRef session_ref;
  InviteAttributes invite_attributes;
  Xuid invited_xuid;
  xbl::extras extras;
  friend bool operator==(const InviteHandleRequest&, const InviteHandleRequest&) = default;
};

// Moves the members of one session to another (sent by the SDK; the reference does not list it).
struct TransferHandleRequest {
  std::uint32_t version = 1;
  SessionRef session_ref;
  SessionRef origin_session_ref;
  xbl::extras extras;
  friend bool operator==(const TransferHandleRequest&, const TransferHandleRequest&) = default;
};

// The body of POST /handles: its `type` member, wherever it stands, says which shape it has.
using HandleRequest = std::variant<ActivityHandleRequest, InviteHandleRequest, TransferHandleRequest>;

// What the directory answers an invite with: the handle's id, and the request's members echoed.
struct InviteHandle {
  Guid id;
  std::optional<std::uint32_t> version;
  std::optional<std::string> type;
  std::optional<SessionRef> session_ref;
  std::optional<InviteAttributes> invite_attributes;
  std::optional<Xuid> invited_xuid;
  std::optional<TitleId> title_id;
  std::optional<Xuid> owner_xuid;
  xbl::extras extras;
  friend bool operator==(const InviteHandle&, const InviteHandle&) = default;
};

namespace detail {
inline constexpr auto handle_version = equals{std::uint32_t{1}, "handle.version"};
inline constexpr auto session_name_length = length{1, 100, "session_ref.name"};
}  // namespace detail

template <>
struct meta<SessionRef> {
  static constexpr auto fields = make_fields(
      field("scid", &SessionRef::scid),
      field("templateName", &SessionRef::template_name, length{1, 100, "session_ref.template_name"}),
      field("name", &SessionRef::name, detail::session_name_length));
  static constexpr auto extras = &SessionRef::extras;
};

template <>
struct meta<InviteAttributes> {
  static constexpr auto fields = make_fields(
      field("titleId", &InviteAttributes::title_id),
      field("context", &InviteAttributes::context, max_uri_length{256, "context.max_uri_length"}),
      field("contextString", &InviteAttributes::context_string),
      field("senderString", &InviteAttributes::sender_string));
  static constexpr auto extras = &InviteAttributes::extras;
};

template <>
struct meta<ActivityHandleRequest> {
  static constexpr auto fields = make_fields(
      field("id", &ActivityHandleRequest::id),
      field("version", &ActivityHandleRequest::version, detail::handle_version),
      field("sessionRef", &ActivityHandleRequest::session_ref));
  static constexpr auto extras = &ActivityHandleRequest::extras;
};

template <>
struct meta<InviteHandleRequest> {
  static constexpr auto fields = make_fields(
      field("id", &InviteHandleRequest::id),
      field("version", &InviteHandleRequest::version, detail::handle_version),
      field("sessionRef", &InviteHandleRequest::session_ref),
      field("inviteAttributes", &InviteHandleRequest::invite_attributes),
      field("invitedXuid", &InviteHandleRequest::invited_xuid));
  static constexpr auto extras = &InviteHandleRequest::extras;
};

template <>
struct meta<TransferHandleRequest> {
  static constexpr auto fields = make_fields(
      field("version", &TransferHandleRequest::version, detail::handle_version),
      field("sessionRef", &TransferHandleRequest::session_ref),
      field("originSessionRef", &TransferHandleRequest::origin_session_ref));
  static constexpr auto extras = &TransferHandleRequest::extras;
};

template <>
struct meta<HandleRequest> {
  static constexpr std::string_view tag = "type";
  static constexpr std::array<std::string_view, 3> tags{"activity", "invite", "transfer"};
  static constexpr std::string_view tag_after = "version";  // where the reference's samples have it
};

template <>
struct meta<InviteHandle> {
  static constexpr auto fields = make_fields(
      field("id", &InviteHandle::id),
      field("version", &InviteHandle::version),
      field("type", &InviteHandle::type),
      field("sessionRef", &InviteHandle::session_ref),
      field("inviteAttributes", &InviteHandle::invite_attributes),
      field("invitedXuid", &InviteHandle::invited_xuid),
      field("titleId", &InviteHandle::title_id),
      field("ownerXuid", &InviteHandle::owner_xuid));
  static constexpr auto extras = &InviteHandle::extras;
};

namespace detail {
// The multiplayer handles models by name (xbl::with_model).
inline constexpr auto handles_models = make_pack(
    named_model<SessionRef>{"SessionRef"},
    named_model<InviteAttributes>{"InviteAttributes"},
    named_model<ActivityHandleRequest>{"ActivityHandleRequest"},
    named_model<InviteHandleRequest>{"InviteHandleRequest"},
    named_model<TransferHandleRequest>{"TransferHandleRequest"},
    named_model<HandleRequest>{"HandleRequest"},
    named_model<InviteHandle>{"InviteHandle"});
}  // namespace detail

}  // namespace xbl
// ---- end xbl/handles.hpp ----
// ---- begin xbl/presence.hpp ----

// People presence: GET https://userpresence.xboxlive.com/users/me/groups/{moniker}?level=…
// answers a JSON array of PresenceRecord, as deep as the level asked for.


namespace xbl {

enum class PresenceState { Online, Away, Offline };
enum class DeviceType {
  D, Xbox360, MoLIVE, WindowsPhone, WindowsPhone7, PC, Web, WindowsOneCore, WindowsOneCoreMobile,
  iOS, Android, AppleTV, Nintendo, PlayStation, Win32, Scarlett,
};
enum class Placement { full, fill, snapped, background };
enum class TitleState { active, inactive };
enum class MediaIdType { bing, provider };
enum class BroadcastProvider { twitch };
// How deep a presence answer goes, shallowest first: the order is the one the comparisons use.
enum class PresenceLevel { user, device, title, all };

template <>
struct meta<PresenceState> {
  static constexpr std::string_view name = "PresenceState";
  static constexpr bool ignore_case = true;
  static constexpr auto values = make_enum(xbl::name(PresenceState::Online, "Online"),
                                           xbl::name(PresenceState::Away, "Away"),
                                           xbl::name(PresenceState::Offline, "Offline"));
};

template <>
struct meta<DeviceType> {
  static constexpr std::string_view name = "DeviceType";
  static constexpr bool ignore_case = true;
  static constexpr auto values = make_enum(
      xbl::name(DeviceType::D, "D", "XboxOne", "MCapensis"), xbl::name(DeviceType::Xbox360, "Xbox360"),
      xbl::name(DeviceType::MoLIVE, "MoLIVE", "W8"), xbl::name(DeviceType::WindowsPhone, "WindowsPhone"),
      xbl::name(DeviceType::WindowsPhone7, "WindowsPhone7"), xbl::name(DeviceType::PC, "PC"),
      xbl::name(DeviceType::Web, "Web"), xbl::name(DeviceType::WindowsOneCore, "WindowsOneCore"),
      xbl::name(DeviceType::WindowsOneCoreMobile, "WindowsOneCoreMobile"), xbl::name(DeviceType::iOS, "iOS"),
      xbl::name(DeviceType::Android, "Android"), xbl::name(DeviceType::AppleTV, "AppleTV"),
      xbl::name(DeviceType::Nintendo, "Nintendo"), xbl::name(DeviceType::PlayStation, "PlayStation"),
      xbl::name(DeviceType::Win32, "Win32"), xbl::name(DeviceType::Scarlett, "Scarlett"));
};

template <>
struct meta<Placement> {
  static constexpr std::string_view name = "Placement";
  static constexpr bool ignore_case = true;
  static constexpr auto values = make_enum(xbl::name(Placement::full, "full"), xbl::name(Placement::fill, "fill"),
                                           xbl::name(Placement::snapped, "snapped"),
                                           xbl::name(Placement::background, "background"));
};

template <>
struct meta<TitleState> {
  static constexpr std::string_view name = "TitleState";
  static constexpr bool ignore_case = true;
  static constexpr auto values =
      make_enum(xbl::name(TitleState::active, "active"), xbl::name(TitleState::inactive, "inactive"));
};

template <>
struct meta<MediaIdType> {
  static constexpr std::string_view name = "MediaIdType";
  static constexpr auto values =
      make_enum(xbl::name(MediaIdType::bing, "bing"), xbl::name(MediaIdType::provider, "provider"));
};

template <>
struct meta<BroadcastProvider> {
  static constexpr std::string_view name = "BroadcastProvider";
  static constexpr bool ignore_case = true;
  static constexpr auto values = make_enum(xbl::name(BroadcastProvider::twitch, "twitch"));
};

template <>
struct meta<PresenceLevel> {
  static constexpr std::string_view name = "PresenceLevel";
  static constexpr auto values =
      make_enum(xbl::name(PresenceLevel::user, "user"), xbl::name(PresenceLevel::device, "device"),
                xbl::name(PresenceLevel::title, "title"), xbl::name(PresenceLevel::all, "all"));
};


struct MediaRecord {
  std::optional<std::string> id;
  std::optional<open_enum<MediaIdType>> id_type;
  std::optional<std::string> name;
  xbl::extras extras;
  friend bool operator==(const MediaRecord&, const MediaRecord&) = default;
};

struct BroadcastRecord {
  std::optional<std::string> id;
  std::optional<std::string> session;
  std::optional<open_enum<BroadcastProvider>> provider;
  std::optional<std::uint64_t> viewers;
  std::optional<Timestamp> started;
  xbl::extras extras;
  friend bool operator==(const BroadcastRecord&, const BroadcastRecord&) = default;
};

struct ActivityRecord {
  std::optional<std::string> rich_presence;
  std::optional<MediaRecord> media;
  std::optional<BroadcastRecord> broadcast;
  xbl::extras extras;
  friend bool operator==(const ActivityRecord&, const ActivityRecord&) = default;
};

struct TitleRecord {
  TitleId id;
  std::optional<std::string> name;
  // The reference's table and the SDK call it lastModified; its samples say timestamp. Both are kept.
  std::optional<Timestamp> last_modified;
  std::optional<Timestamp> timestamp;
  std::optional<open_enum<Placement>> placement;  // `full` when absent
  std::optional<open_enum<TitleState>> state;
  std::optional<ActivityRecord> activity;  // only at level `all`
  xbl::extras extras;
  friend bool operator==(const TitleRecord&, const TitleRecord&) = default;
};

struct DeviceRecord {
  open_enum<DeviceType> type;
  std::vector<TitleRecord> titles;
  xbl::extras extras;
  friend bool operator==(const DeviceRecord&, const DeviceRecord&) = default;
};

struct LastSeenRecord {
  std::optional<open_enum<DeviceType>> device_type;
  std::optional<TitleId> title_id;
  std::optional<std::string> title_name;
  std::optional<Timestamp> timestamp;
  xbl::extras extras;
  friend bool operator==(const LastSeenRecord&, const LastSeenRecord&) = default;
};

struct PresenceRecord {
  Xuid xuid;
  open_enum<PresenceState> state;
  std::vector<DeviceRecord> devices;
  std::optional<LastSeenRecord> last_seen;  // only for a user with no device
  xbl::extras extras;
  friend bool operator==(const PresenceRecord&, const PresenceRecord&) = default;
};

template <>
struct meta<MediaRecord> {
  static constexpr auto fields = make_fields(field("id", &MediaRecord::id), field("idType", &MediaRecord::id_type),
                                             field("name", &MediaRecord::name));
  static constexpr auto extras = &MediaRecord::extras;
};

template <>
struct meta<BroadcastRecord> {
  static constexpr auto fields =
      make_fields(field("id", &BroadcastRecord::id), field("session", &BroadcastRecord::session),
                  field("provider", &BroadcastRecord::provider), field("viewers", &BroadcastRecord::viewers),
                  field("started", &BroadcastRecord::started));
  static constexpr auto extras = &BroadcastRecord::extras;
};

template <>
struct meta<ActivityRecord> {
  static constexpr auto fields =
      make_fields(field("richPresence", &ActivityRecord::rich_presence), field("media", &ActivityRecord::media),
                  field("broadcast", &ActivityRecord::broadcast));
  static constexpr auto extras = &ActivityRecord::extras;
};

template <>
struct meta<TitleRecord> {
  static constexpr auto fields = make_fields(
      field("id", &TitleRecord::id), field("name", &TitleRecord::name),
      field("lastModified", &TitleRecord::last_modified), field("timestamp", &TitleRecord::timestamp),
      field("placement", &TitleRecord::placement), field("state", &TitleRecord::state),
      field("activity", &TitleRecord::activity));
  static constexpr auto extras = &TitleRecord::extras;
};

template <>
struct meta<DeviceRecord> {
  static constexpr auto fields = make_fields(field("type", &DeviceRecord::type), field("titles", &DeviceRecord::titles));
  static constexpr auto extras = &DeviceRecord::extras;
};

template <>
struct meta<LastSeenRecord> {
  static constexpr auto fields =
      make_fields(field("deviceType", &LastSeenRecord::device_type), field("titleId", &LastSeenRecord::title_id),
                  field("titleName", &LastSeenRecord::title_name), field("timestamp", &LastSeenRecord::timestamp));
  static constexpr auto extras = &LastSeenRecord::extras;
};

template <>
struct meta<PresenceRecord> {
  static constexpr auto fields =
      make_fields(field("xuid", &PresenceRecord::xuid), field("state", &PresenceRecord::state),
                  field("devices", &PresenceRecord::devices), field("lastSeen", &PresenceRecord::last_seen));
  static constexpr auto rules = make_rules(check{"presence.last_seen_with_devices", [](const PresenceRecord& r) {
    return r.last_seen && !r.devices.empty() ? std::string("lastSeen is only sent for a user with no device")
                                             : std::string();
  }});
  static constexpr auto extras = &PresenceRecord::extras;
};

// ---- levels --------------------------------------------------------------------------------------

// The record cut down to what the service sends at `level`.
inline PresenceRecord filter(PresenceRecord record, PresenceLevel level) {
  if (level == PresenceLevel::user) {
    record.devices.clear();
    return record;
  }
  for (auto& device : record.devices) {
    if (level == PresenceLevel::device) {
      device.titles.clear();
      continue;
    }
    if (level == PresenceLevel::title)
      for (auto& title : device.titles) title.activity.reset();
  }
  return record;
}

// The deepest level the record has anything at.
inline PresenceLevel level_of(const PresenceRecord& record) {
  auto deepest = PresenceLevel::user;
  for (const auto& device : record.devices) {
    if (deepest < PresenceLevel::device) deepest = PresenceLevel::device;
    for (const auto& title : device.titles) {
      if (deepest < PresenceLevel::title) deepest = PresenceLevel::title;
      if (title.activity) return PresenceLevel::all;
    }
  }
  return deepest;
}

// Everything in the record deeper than the level that was asked for (rule `presence.level`), each
// at its own path: what a capture checker holds an answer to against its request's `level`.
inline std::vector<violation> check_level(const PresenceRecord& record, PresenceLevel asked) {
  std::vector<violation> found;
  const std::string asked_name(to_string(asked));
  auto report = [&](std::string path, std::string_view what) {
    found.push_back({std::move(path), "presence.level", std::string(what) + " at level " + asked_name});
  };
  if (asked == PresenceLevel::all) return found;
  if (asked == PresenceLevel::user) {
    if (!record.devices.empty()) report("/devices", "devices");
    return found;
  }
  for (std::size_t d = 0; d < record.devices.size(); ++d) {
    const auto& titles = record.devices[d].titles;
    const std::string device_path = "/devices/" + std::to_string(d);
    if (asked == PresenceLevel::device) {
      if (!titles.empty()) report(device_path + "/titles", "titles");
      continue;
    }
    for (std::size_t t = 0; t < titles.size(); ++t)
      if (titles[t].activity) report(device_path + "/titles/" + std::to_string(t) + "/activity", "activity");
  }
  return found;
}

namespace detail {
// The presence models by name (xbl::with_model).
inline constexpr auto presence_models = make_pack(
    named_model<PresenceRecord>{"PresenceRecord"},
    named_model<std::vector<PresenceRecord>>{"PresenceRecord[]"},
    named_model<DeviceRecord>{"DeviceRecord"},
    named_model<TitleRecord>{"TitleRecord"},
    named_model<ActivityRecord>{"ActivityRecord"},
    named_model<MediaRecord>{"MediaRecord"},
    named_model<BroadcastRecord>{"BroadcastRecord"},
    named_model<LastSeenRecord>{"LastSeenRecord"});
}  // namespace detail

}  // namespace xbl
// ---- end xbl/presence.hpp ----
// ---- begin xbl/privacy.hpp ----

// Privacy: POST https://privacy.xboxlive.com/users/{requestorId}/permission/validate, the batch
// permission check, and matching its answer back to the question.


namespace xbl {

// The SDK's permission names, then every privacy setting (a permission id may name one directly).
enum class PermissionId {
  CommunicateUsingText, CommunicateUsingVideo, CommunicateUsingVoice, ViewTargetProfile, ViewTargetGameHistory,
  ViewTargetVideoHistory, ViewTargetMusicHistory, ViewTargetExerciseInfo, ViewTargetPresence,
  ViewTargetVideoStatus, ViewTargetMusicStatus, ViewTargetUserCreatedContent, PlayMultiplayer,
  BroadcastWithTwitch, WriteComment, ShareItem, ShareTargetContentToExternalNetworks,
  ShareFriendList, ShareGameHistory, CommunicateUsingTextAndVoice, SharePresence, ShareProfile,
  ShareVideoAndMusicStatus, CollectVoiceData, ShareXboxMusicActivity, ShareExerciseInfo, ShareIdentity,
  ShareIdentityInGame, ShareRecordedGameSessions, CollectLiveTvData, CollectXboxVideoData,
  ShareIdentityTransitively, ShareVideoHistory, ShareMusicHistory, AllowUserCreatedContentViewing,
  AllowProfileViewing, ShowRealTimeActivity, CollectVoiceDataXboxOneFull, CanShareIdentity,
  ShareContentToExternalNetworks, CollectVoiceSearchData, ShareClubMembership, CollectVoiceGameChatData,
  ShareActivityFeed, CommunicateDuringCrossNetworkPlay,
};

enum class PrivacySetting {
  ShareFriendList, ShareGameHistory, CommunicateUsingTextAndVoice, SharePresence, ShareProfile,
  ShareVideoAndMusicStatus, CommunicateUsingVideo, CollectVoiceData, ShareXboxMusicActivity, ShareExerciseInfo,
  ShareIdentity, ShareIdentityInGame, ShareRecordedGameSessions, CollectLiveTvData, CollectXboxVideoData,
  ShareIdentityTransitively, ShareVideoHistory, ShareMusicHistory, AllowUserCreatedContentViewing,
  AllowProfileViewing, ShowRealTimeActivity, CollectVoiceDataXboxOneFull, CanShareIdentity,
  ShareContentToExternalNetworks, CollectVoiceSearchData, ShareClubMembership, CollectVoiceGameChatData,
  ShareActivityFeed, CommunicateDuringCrossNetworkPlay,
};

enum class DenyReason {
  NotAllowed, MissingPrivilege, PrivilegeRestrictsTarget, BlockListRestrictsTarget, MuteListRestrictsTarget,
  PrivacySettingRestrictsTarget, CrossNetworkUserMustBeFriend, BlockedByRequestor,
};

enum class AnonymousUser { crossNetworkUser, crossNetworkFriend, allUsers };

template <>
struct meta<PermissionId> {
  using P = PermissionId;
  static constexpr std::string_view name = "PermissionId";
  static constexpr auto values = make_enum(
      xbl::name(P::CommunicateUsingText, "CommunicateUsingText"),
      xbl::name(P::CommunicateUsingVideo, "CommunicateUsingVideo"),
      xbl::name(P::CommunicateUsingVoice, "CommunicateUsingVoice"),
      xbl::name(P::ViewTargetProfile, "ViewTargetProfile"),
      xbl::name(P::ViewTargetGameHistory, "ViewTargetGameHistory"),
      xbl::name(P::ViewTargetVideoHistory, "ViewTargetVideoHistory"),
      xbl::name(P::ViewTargetMusicHistory, "ViewTargetMusicHistory"),
      xbl::name(P::ViewTargetExerciseInfo, "ViewTargetExerciseInfo"),
      xbl::name(P::ViewTargetPresence, "ViewTargetPresence"),
      xbl::name(P::ViewTargetVideoStatus, "ViewTargetVideoStatus"),
      xbl::name(P::ViewTargetMusicStatus, "ViewTargetMusicStatus"),
      xbl::name(P::ViewTargetUserCreatedContent, "ViewTargetUserCreatedContent"),
      xbl::name(P::PlayMultiplayer, "PlayMultiplayer"), xbl::name(P::BroadcastWithTwitch, "BroadcastWithTwitch"),
      xbl::name(P::WriteComment, "WriteComment"), xbl::name(P::ShareItem, "ShareItem"),
      xbl::name(P::ShareTargetContentToExternalNetworks, "ShareTargetContentToExternalNetworks"),
      xbl::name(P::ShareFriendList, "ShareFriendList"), xbl::name(P::ShareGameHistory, "ShareGameHistory"),
      xbl::name(P::CommunicateUsingTextAndVoice, "CommunicateUsingTextAndVoice"),
      xbl::name(P::SharePresence, "SharePresence"), xbl::name(P::ShareProfile, "ShareProfile"),
      xbl::name(P::ShareVideoAndMusicStatus, "ShareVideoAndMusicStatus"),
      xbl::name(P::CollectVoiceData, "CollectVoiceData"),
      xbl::name(P::ShareXboxMusicActivity, "ShareXboxMusicActivity"),
      xbl::name(P::ShareExerciseInfo, "ShareExerciseInfo"), xbl::name(P::ShareIdentity, "ShareIdentity"),
      xbl::name(P::ShareIdentityInGame, "ShareIdentityInGame"),
      xbl::name(P::ShareRecordedGameSessions, "ShareRecordedGameSessions"),
      xbl::name(P::CollectLiveTvData, "CollectLiveTvData"),
      xbl::name(P::CollectXboxVideoData, "CollectXboxVideoData"),
      xbl::name(P::ShareIdentityTransitively, "ShareIdentityTransitively"),
      xbl::name(P::ShareVideoHistory, "ShareVideoHistory"), xbl::name(P::ShareMusicHistory, "ShareMusicHistory"),
      xbl::name(P::AllowUserCreatedContentViewing, "AllowUserCreatedContentViewing"),
      xbl::name(P::AllowProfileViewing, "AllowProfileViewing"),
      xbl::name(P::ShowRealTimeActivity, "ShowRealTimeActivity"),
      xbl::name(P::CollectVoiceDataXboxOneFull, "CollectVoiceDataXboxOneFull"),
      xbl::name(P::CanShareIdentity, "CanShareIdentity"),
      xbl::name(P::ShareContentToExternalNetworks, "ShareContentToExternalNetworks"),
      xbl::name(P::CollectVoiceSearchData, "CollectVoiceSearchData"),
      xbl::name(P::ShareClubMembership, "ShareClubMembership"),
      xbl::name(P::CollectVoiceGameChatData, "CollectVoiceGameChatData"),
      xbl::name(P::ShareActivityFeed, "ShareActivityFeed"),
      xbl::name(P::CommunicateDuringCrossNetworkPlay, "CommunicateDuringCrossNetworkPlay"));
};

template <>
struct meta<PrivacySetting> {
  using S = PrivacySetting;
  static constexpr std::string_view name = "PrivacySetting";
  static constexpr auto values = make_enum(
      xbl::name(S::ShareFriendList, "ShareFriendList"), xbl::name(S::ShareGameHistory, "ShareGameHistory"),
      xbl::name(S::CommunicateUsingTextAndVoice, "CommunicateUsingTextAndVoice"),
      xbl::name(S::SharePresence, "SharePresence"), xbl::name(S::ShareProfile, "ShareProfile"),
      xbl::name(S::ShareVideoAndMusicStatus, "ShareVideoAndMusicStatus"),
      xbl::name(S::CommunicateUsingVideo, "CommunicateUsingVideo"),
      xbl::name(S::CollectVoiceData, "CollectVoiceData"),
      xbl::name(S::ShareXboxMusicActivity, "ShareXboxMusicActivity"),
      xbl::name(S::ShareExerciseInfo, "ShareExerciseInfo"), xbl::name(S::ShareIdentity, "ShareIdentity"),
      xbl::name(S::ShareIdentityInGame, "ShareIdentityInGame"),
      xbl::name(S::ShareRecordedGameSessions, "ShareRecordedGameSessions"),
      xbl::name(S::CollectLiveTvData, "CollectLiveTvData"),
      xbl::name(S::CollectXboxVideoData, "CollectXboxVideoData"),
      xbl::name(S::ShareIdentityTransitively, "ShareIdentityTransitively"),
      xbl::name(S::ShareVideoHistory, "ShareVideoHistory"), xbl::name(S::ShareMusicHistory, "ShareMusicHistory"),
      xbl::name(S::AllowUserCreatedContentViewing, "AllowUserCreatedContentViewing"),
      xbl::name(S::AllowProfileViewing, "AllowProfileViewing"),
      xbl::name(S::ShowRealTimeActivity, "ShowRealTimeActivity"),
      xbl::name(S::CollectVoiceDataXboxOneFull, "CollectVoiceDataXboxOneFull"),
      xbl::name(S::CanShareIdentity, "CanShareIdentity"),
      xbl::name(S::ShareContentToExternalNetworks, "ShareContentToExternalNetworks"),
      xbl::name(S::CollectVoiceSearchData, "CollectVoiceSearchData"),
      xbl::name(S::ShareClubMembership, "ShareClubMembership"),
      xbl::name(S::CollectVoiceGameChatData, "CollectVoiceGameChatData"),
      xbl::name(S::ShareActivityFeed, "ShareActivityFeed"),
      xbl::name(S::CommunicateDuringCrossNetworkPlay, "CommunicateDuringCrossNetworkPlay"));
};

template <>
struct meta<DenyReason> {
  using R = DenyReason;
  static constexpr std::string_view name = "DenyReason";
  static constexpr bool ignore_case = true;
  static constexpr auto values = make_enum(
      xbl::name(R::NotAllowed, "NotAllowed"), xbl::name(R::MissingPrivilege, "MissingPrivilege"),
      xbl::name(R::PrivilegeRestrictsTarget, "PrivilegeRestrictsTarget"),
      xbl::name(R::BlockListRestrictsTarget, "BlockListRestrictsTarget"),
      xbl::name(R::MuteListRestrictsTarget, "MuteListRestrictsTarget"),
      xbl::name(R::PrivacySettingRestrictsTarget, "PrivacySettingRestrictsTarget"),
      xbl::name(R::CrossNetworkUserMustBeFriend, "CrossNetworkUserMustBeFriend"),
      xbl::name(R::BlockedByRequestor, "BlockedByRequestor"));
};

template <>
struct meta<AnonymousUser> {
  static constexpr std::string_view name = "AnonymousUser";
  static constexpr bool ignore_case = true;
  static constexpr auto values = make_enum(xbl::name(AnonymousUser::crossNetworkUser, "crossNetworkUser"),
                                           xbl::name(AnonymousUser::crossNetworkFriend, "crossNetworkFriend"),
                                           xbl::name(AnonymousUser::allUsers, "allUsers"));
};

// One target of a check: a user with a XUID, or a kind of user without one. Exactly one of the two.
struct PermissionUser {
  std::optional<Xuid> xuid;
  std::optional<open_enum<AnonymousUser>> anonymous_user;
  xbl::extras extras;
  friend bool operator==(const PermissionUser&, const PermissionUser&) = default;
};

struct PermissionCheckBatchRequest {
  std::vector<PermissionUser> users;
  std::vector<open_enum<PermissionId>> permissions;
  xbl::extras extras;
  friend bool operator==(const PermissionCheckBatchRequest&, const PermissionCheckBatchRequest&) = default;
};

struct PermissionReason {
  open_enum<DenyReason> reason;
  std::optional<std::string> restricted_setting;  // the privilege or privacy setting that denied it
  xbl::extras extras;
  friend bool operator==(const PermissionReason&, const PermissionReason&) = default;
};

struct PermissionResult {
  bool is_allowed = false;
  std::vector<PermissionReason> reasons;  // why not: present exactly when is_allowed is false
  xbl::extras extras;
  friend bool operator==(const PermissionResult&, const PermissionResult&) = default;
};

struct PermissionUserResponse {
  PermissionUser user;
  std::vector<PermissionResult> permissions;  // one per requested permission, in request order
  xbl::extras extras;
  friend bool operator==(const PermissionUserResponse&, const PermissionUserResponse&) = default;
};

struct PermissionCheckBatchResponse {
  std::vector<PermissionUserResponse> responses;  // one per requested user, in request order
  xbl::extras extras;
  friend bool operator==(const PermissionCheckBatchResponse&, const PermissionCheckBatchResponse&) = default;
};

namespace detail {

// The privileges a MissingPrivilege or PrivilegeRestrictsTarget reason names.
inline constexpr std::string_view restricting_privileges[] = {
    "AllowIngameVoiceCommunications", "AllowVideoCommunications", "AllowProfileViewing", "AllowCommunications",
    "AllowMultiplayer", "AllowAddFriend", "VideoCommunications"};

inline std::string check_restricted_setting(const PermissionReason& r) {
  const auto reason = r.reason.known();
  if (!reason) return {};  // an unknown reason is reported as such; what it may name is unknown too
  const bool privilege = *reason == DenyReason::MissingPrivilege || *reason == DenyReason::PrivilegeRestrictsTarget;
  const bool setting = *reason == DenyReason::PrivacySettingRestrictsTarget;
  if (!r.restricted_setting) return {};
  const std::string& named = *r.restricted_setting;
  if (privilege) {
    for (auto p : restricting_privileges)
      if (p == named) return {};
    return "restrictedSetting " + detail::quoted(named) + " is not a privilege, which " + std::string(r.reason.text()) +
           " names";
  }
  if (setting) {
    if (enum_from_string<PrivacySetting>(named)) return {};
    return "restrictedSetting " + detail::quoted(named) + " is not a privacy setting, which PrivacySettingRestrictsTarget names";
  }
  return "restrictedSetting is only given with MissingPrivilege, PrivilegeRestrictsTarget or "
         "PrivacySettingRestrictsTarget, not " + std::string(r.reason.text());
}

}  // namespace detail

template <>
struct meta<PermissionUser> {
  static constexpr auto fields =
      make_fields(field("xuid", &PermissionUser::xuid), field("anonymousUser", &PermissionUser::anonymous_user));
  static constexpr auto rules = make_rules(check{"permission_user.exactly_one", [](const PermissionUser& u) {
    return u.xuid.has_value() == u.anonymous_user.has_value()
               ? std::string("a user is exactly one of xuid and anonymousUser")
               : std::string();
  }});
  static constexpr auto extras = &PermissionUser::extras;
};

template <>
struct meta<PermissionCheckBatchRequest> {
  static constexpr auto fields =
      make_fields(field("users", &PermissionCheckBatchRequest::users, non_empty{"batch.non_empty"}),
                  field("permissions", &PermissionCheckBatchRequest::permissions, non_empty{"batch.non_empty"}));
  static constexpr auto extras = &PermissionCheckBatchRequest::extras;
};

template <>
struct meta<PermissionReason> {
  static constexpr auto fields = make_fields(field("reason", &PermissionReason::reason),
                                             field("restrictedSetting", &PermissionReason::restricted_setting));
  static constexpr auto rules = make_rules(check{"permission.restricted_setting", detail::check_restricted_setting});
  static constexpr auto extras = &PermissionReason::extras;
};

template <>
struct meta<PermissionResult> {
  static constexpr auto fields =
      make_fields(field("isAllowed", &PermissionResult::is_allowed), field("reasons", &PermissionResult::reasons));
  static constexpr auto rules = make_rules(check{"permission.reasons", [](const PermissionResult& r) {
    if (r.is_allowed && !r.reasons.empty()) return std::string("an allowed permission gives no reasons");
    if (!r.is_allowed && r.reasons.empty()) return std::string("a denied permission gives at least one reason");
    return std::string();
  }});
  static constexpr auto extras = &PermissionResult::extras;
};

template <>
struct meta<PermissionUserResponse> {
  static constexpr auto fields = make_fields(field("user", &PermissionUserResponse::user),
                                             field("permissions", &PermissionUserResponse::permissions));
  static constexpr auto extras = &PermissionUserResponse::extras;
};

template <>
struct meta<PermissionCheckBatchResponse> {
  static constexpr auto fields = make_fields(field("responses", &PermissionCheckBatchResponse::responses));
  static constexpr auto extras = &PermissionCheckBatchResponse::extras;
};

// ---- matching an answer to its question -----------------------------------------------------------

// The answer to a batch check laid out as users x permissions, in the request's order.
class PermissionMatrix {
 public:
  std::size_t user_count() const noexcept { return users_.size(); }
  std::size_t permission_count() const noexcept { return permissions_.size(); }
  const PermissionResult& at(std::size_t user, std::size_t permission) const {
    return results_.at(user * permissions_.size() + permission);
  }
  const std::vector<PermissionUser>& users() const noexcept { return users_; }
  const std::vector<open_enum<PermissionId>>& permissions() const noexcept { return permissions_; }

  // Empty when that user or that permission was not asked about.
  std::optional<bool> allowed(Xuid user, PermissionId permission) const {
    for (std::size_t u = 0; u < users_.size(); ++u) {
      if (users_[u].xuid != user) continue;
      for (std::size_t p = 0; p < permissions_.size(); ++p)
        if (permissions_[p] == permission) return at(u, p).is_allowed;
    }
    return std::nullopt;
  }

 private:
  friend result<PermissionMatrix> correlate(const PermissionCheckBatchRequest&, const PermissionCheckBatchResponse&);
  std::vector<PermissionUser> users_;
  std::vector<open_enum<PermissionId>> permissions_;
  std::vector<PermissionResult> results_;
};

// Lines a response up with its request: one entry per user, in order, each with one result per
// permission. Fails with the path of the first entry that does not line up (errc::invalid_value).
inline result<PermissionMatrix> correlate(const PermissionCheckBatchRequest& request,
                                          const PermissionCheckBatchResponse& response) {
  auto mismatch = [](std::string path, std::string message) {
    return detail::value_error(errc::invalid_value, std::move(path), std::move(message));
  };
  const auto& entries = response.responses;
  const std::size_t users = request.users.size();
  const std::size_t permissions = request.permissions.size();
  for (std::size_t u = 0; u < users && u < entries.size(); ++u) {
    const std::string path = "/responses/" + std::to_string(u);
    const auto& asked = request.users[u];
    const auto& got = entries[u].user;
    if (asked.xuid != got.xuid || asked.anonymous_user != got.anonymous_user)
      return mismatch(path + "/user", "user " + to_json(got) + " answers for request user " + std::to_string(u) +
                                          ", which is " + to_json(asked));
    if (entries[u].permissions.size() != permissions)
      return mismatch(path + "/permissions", std::to_string(entries[u].permissions.size()) +
                                                 " results for the " + std::to_string(permissions) +
                                                 " permissions asked");
  }
  if (entries.size() != users) {
    const std::size_t first = entries.size() < users ? entries.size() : users;
    return mismatch("/responses/" + std::to_string(first), std::to_string(entries.size()) +
                                                                 " responses for the " + std::to_string(users) +
                                                                 " users asked");
  }
  PermissionMatrix m;
  m.users_ = request.users;
  m.permissions_ = request.permissions;
  m.results_.reserve(users * permissions);
  for (const auto& entry : entries)
    m.results_.insert(m.results_.end(), entry.permissions.begin(), entry.permissions.end());
  return m;
}

namespace detail {
// The privacy models by name (xbl::with_model).
inline constexpr auto privacy_models = make_pack(
    named_model<PermissionUser>{"PermissionUser"},
    named_model<PermissionCheckBatchRequest>{"PermissionCheckBatchRequest"},
    named_model<PermissionReason>{"PermissionReason"},
    named_model<PermissionResult>{"PermissionResult"},
    named_model<PermissionUserResponse>{"PermissionUserResponse"},
    named_model<PermissionCheckBatchResponse>{"PermissionCheckBatchResponse"});
}  // namespace detail

}  // namespace xbl
// ---- end xbl/privacy.hpp ----
// ---- begin xbl/gamerpic.hpp ----

// Gamerpic: PUT https://gamerpics.xboxlive.com/users/me/gamerpic with a 1080 x 1080 PNG body.
// Setting one needs privilege 211 (ShareContent); without it the service answers 403.
#include <span>


namespace xbl {

// Privileges by the service's numbers.
enum class Privilege : int {
  Broadcast = 190,
  ViewFriendsList = 197,
  GameDvr = 198,
  ShareKinectContent = 199,
  MultiplayerParties = 203,
  CommunicationVoiceIngame = 205,
  CommunicationVoiceSkype = 206,
  CloudGamingManageSession = 207,
  CloudGamingJoinSession = 208,
  CloudSavedGames = 209,
  ShareContent = 211,
  PremiumContent = 214,
  SubscriptionContent = 219,
  SocialNetworkSharing = 220,
  PremiumVideo = 224,
  VideoCommunications = 235,
  PurchaseContent = 245,
  UserCreatedContent = 247,
  ProfileViewing = 249,
  Communications = 252,
  MultiplayerSessions = 254,
  AddFriend = 255,
};

template <>
struct meta<Privilege> {
  using P = Privilege;
  static constexpr std::string_view name = "Privilege";
  static constexpr auto values = make_enum(
      xbl::name(P::Broadcast, "Broadcast"), xbl::name(P::ViewFriendsList, "ViewFriendsList"),
      xbl::name(P::GameDvr, "GameDvr"), xbl::name(P::ShareKinectContent, "ShareKinectContent"),
      xbl::name(P::MultiplayerParties, "MultiplayerParties"),
      xbl::name(P::CommunicationVoiceIngame, "CommunicationVoiceIngame"),
      xbl::name(P::CommunicationVoiceSkype, "CommunicationVoiceSkype"),
      xbl::name(P::CloudGamingManageSession, "CloudGamingManageSession"),
      xbl::name(P::CloudGamingJoinSession, "CloudGamingJoinSession"),
      xbl::name(P::CloudSavedGames, "CloudSavedGames"), xbl::name(P::ShareContent, "ShareContent"),
      xbl::name(P::PremiumContent, "PremiumContent"), xbl::name(P::SubscriptionContent, "SubscriptionContent"),
      xbl::name(P::SocialNetworkSharing, "SocialNetworkSharing"), xbl::name(P::PremiumVideo, "PremiumVideo"),
      xbl::name(P::VideoCommunications, "VideoCommunications"), xbl::name(P::PurchaseContent, "PurchaseContent"),
      xbl::name(P::UserCreatedContent, "UserCreatedContent"), xbl::name(P::ProfileViewing, "ProfileViewing"),
      xbl::name(P::Communications, "Communications"), xbl::name(P::MultiplayerSessions, "MultiplayerSessions"),
      xbl::name(P::AddFriend, "AddFriend"));
};

// An uploaded PNG and what its header says. The pixels are not decoded: that is the service's job;
// the description (and so JSON and fmt) covers the header's facts, not the file's bytes.
struct GamerpicImage {
  static constexpr std::uint32_t required_side = 1080;

  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::uint8_t bit_depth = 0;
  std::uint8_t color_type = 0;
  std::uint8_t interlace = 0;
  std::vector<std::byte> bytes;  // the PNG file itself, as it is uploaded

  friend bool operator==(const GamerpicImage&, const GamerpicImage&) = default;

  // Checks the signature, then that IHDR is the first chunk, 13 bytes long, with sound fields and
  // a correct CRC-32. Later chunks are not looked at.
  static result<GamerpicImage> from_png(std::span<const std::byte> png);
};

template <>
struct meta<GamerpicImage> {
  static constexpr auto fields =
      make_fields(field("width", &GamerpicImage::width), field("height", &GamerpicImage::height),
                  field("bitDepth", &GamerpicImage::bit_depth), field("colorType", &GamerpicImage::color_type),
                  field("interlace", &GamerpicImage::interlace));
  static constexpr auto rules = make_rules(check{"gamerpic.dimensions", [](const GamerpicImage& g) {
    if (g.width == GamerpicImage::required_side && g.height == GamerpicImage::required_side) return std::string();
    return "a gamerpic is 1080 x 1080, this image is " + std::to_string(g.width) + " x " + std::to_string(g.height);
  }});
};

namespace detail {

// CRC-32 as PNG defines it (ISO 3309, reflected polynomial 0xEDB88320).
inline std::uint32_t png_crc32(std::span<const std::byte> data) noexcept {
  static constexpr auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::byte b : data) c = table[(c ^ static_cast<std::uint32_t>(b)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

inline std::uint32_t big_endian32(std::span<const std::byte> b) noexcept {
  return static_cast<std::uint32_t>(b[0]) << 24 | static_cast<std::uint32_t>(b[1]) << 16 |
         static_cast<std::uint32_t>(b[2]) << 8 | static_cast<std::uint32_t>(b[3]);
}

}  // namespace detail

inline result<GamerpicImage> GamerpicImage::from_png(std::span<const std::byte> png) {
  // A PNG has no lines: the place is the byte offset alone.
  auto fail = [](std::size_t offset, std::string message) {
    auto e = detail::value_error(errc::invalid_value, {}, std::move(message));
    e.offset = offset;
    return e;
  };
  static constexpr unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  for (std::size_t i = 0; i < 8; ++i) {
    if (i >= png.size()) return fail(png.size(), "not a PNG: the file ends inside the 8-byte signature");
    if (png[i] != std::byte{signature[i]}) return fail(i, "not a PNG: the signature is 89 50 4E 47 0D 0A 1A 0A");
  }
  constexpr std::size_t ihdr_end = 8 + 4 + 4 + 13 + 4;  // length, type, data, CRC
  if (png.size() < ihdr_end) return fail(png.size(), "the file ends inside the IHDR chunk");
  // The type before the length: a first chunk of another type is not an IHDR of the wrong length.
  static constexpr unsigned char ihdr[4] = {'I', 'H', 'D', 'R'};
  for (std::size_t i = 0; i < 4; ++i)
    if (png[12 + i] != std::byte{ihdr[i]}) return fail(12, "the first chunk must be IHDR");
  if (detail::big_endian32(png.subspan(8, 4)) != 13) return fail(8, "the IHDR chunk must be 13 bytes long");
  if (detail::png_crc32(png.subspan(12, 17)) != detail::big_endian32(png.subspan(29, 4)))
    return fail(29, "the IHDR chunk's CRC-32 does not match its contents");

  GamerpicImage image;
  image.width = detail::big_endian32(png.subspan(16, 4));
  image.height = detail::big_endian32(png.subspan(20, 4));
  image.bit_depth = static_cast<std::uint8_t>(png[24]);
  image.color_type = static_cast<std::uint8_t>(png[25]);
  image.interlace = static_cast<std::uint8_t>(png[28]);
  image.bytes.assign(png.begin(), png.end());
  if (image.width == 0 || image.height == 0 || image.width > 0x7FFFFFFFu || image.height > 0x7FFFFFFFu)
    return fail(16, "width and height must be 1 to 2^31-1");
  // The bit depths each colour type allows (PNG 11.2.2).
  const auto depth = image.bit_depth;
  bool depth_ok = false;
  switch (image.color_type) {
    case 0: depth_ok = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16; break;
    case 3: depth_ok = depth == 1 || depth == 2 || depth == 4 || depth == 8; break;
    case 2: case 4: case 6: depth_ok = depth == 8 || depth == 16; break;
    default: return fail(25, "colour type must be 0, 2, 3, 4 or 6");
  }
  if (!depth_ok) return fail(24, "bit depth " + std::to_string(depth) + " is not allowed with colour type " +
                                     std::to_string(image.color_type));
  if (png[26] != std::byte{0}) return fail(26, "compression method must be 0");
  if (png[27] != std::byte{0}) return fail(27, "filter method must be 0");
  if (image.interlace > 1) return fail(28, "interlace method must be 0 or 1");
  return image;
}

}  // namespace xbl
// ---- end xbl/gamerpic.hpp ----
// ---- begin xbl/endpoints.hpp ----

// The endpoints as data: what a request to each must look like, and matching a request to one.


namespace xbl {

// The header that selects a service's contract, the oldest version this library's models follow,
// and the one the SDK sends today.
struct ContractVersion {
  std::string_view header;  // empty when the endpoint has none
  unsigned minimum = 0;
  unsigned current = 0;
};

// A header a request must carry; `value` empty when any value will do.
struct RequiredHeader {
  std::string_view name;
  std::string_view value;
};

struct Endpoint {
  std::string_view name;
  std::string_view method;
  std::string_view host;
  std::string_view path_template;  // `{name}` stands for one path segment
  ContractVersion contract_version;
  std::span<const RequiredHeader> required_headers;
  std::string_view request_body;   // the model type a request body reads as; empty when there is none
  std::string_view response_body;  // the same for a successful response

  friend constexpr bool operator==(const Endpoint& a, const Endpoint& b) noexcept { return a.name == b.name; }
};

namespace detail {
inline constexpr RequiredHeader gamerpic_headers[] = {{"Authorization", {}}, {"Content-Type", "image/png"}};
inline constexpr RequiredHeader handles_headers[] = {{"Authorization", {}}, {"x-xbl-contract-version", {}}};
inline constexpr RequiredHeader presence_headers[] = {{"Authorization", {}},
                                                      {"x-xbl-contract-version", {}},
                                                      {"Accept", "application/json"},
                                                      {"Accept-Language", {}},
                                                      {"Host", "userpresence.xboxlive.com"}};
inline constexpr RequiredHeader privacy_headers[] = {{"Authorization", {}}, {"X-RequestedServiceVersion", {}}};
}  // namespace detail

inline constexpr std::array<Endpoint, 5> endpoints{{
    {"gamerpic.put", "PUT", "gamerpics.xboxlive.com", "/users/me/gamerpic", {}, detail::gamerpic_headers,
     "GamerpicImage", ""},
    {"handles.post", "POST", "sessiondirectory.xboxlive.com", "/handles", {"x-xbl-contract-version", 104, 107},
     detail::handles_headers, "HandleRequest", "InviteHandle"},
    {"presence.people", "GET", "userpresence.xboxlive.com", "/users/me/groups/{moniker}",
     {"x-xbl-contract-version", 3, 3}, detail::presence_headers, "", "PresenceRecord[]"},
    {"privacy.validate", "GET", "privacy.xboxlive.com", "/users/{requestorId}/permission/validate",
     {"X-RequestedServiceVersion", 1, 1}, detail::privacy_headers, "", "PermissionResult"},
    {"privacy.validate.batch", "POST", "privacy.xboxlive.com", "/users/{requestorId}/permission/validate",
     {"X-RequestedServiceVersion", 1, 1}, detail::privacy_headers, "PermissionCheckBatchRequest",
     "PermissionCheckBatchResponse"},
}};

// A request matched to its endpoint, with the path parameters and the query, percent-decoded.
struct EndpointMatch {
  Endpoint endpoint;
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<std::pair<std::string, std::string>> query_params;

  std::optional<std::string_view> param(std::string_view name) const { return find(params, name); }
  std::optional<std::string_view> query(std::string_view name) const { return find(query_params, name); }

 private:
  static std::optional<std::string_view> find(const std::vector<std::pair<std::string, std::string>>& list,
                                              std::string_view name) {
    for (const auto& [key, value] : list)
      if (key == name) return std::string_view(value);
    return std::nullopt;
  }
};

namespace detail {

// RFC 3986 percent-decoding; a `%` not followed by two hex digits stays as it is.
inline std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit_value(s[i + 1]) >= 0 && hex_digit_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit_value(s[i + 1]) * 16 + hex_digit_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The next piece of `s` up to `sep` (all of it when there is none); `s` keeps the rest.
inline std::string_view take_until(std::string_view& s, char sep) {
  const auto at = s.find(sep);
  const auto piece = s.substr(0, at);
  s = at == std::string_view::npos ? std::string_view{} : s.substr(at + 1);
  return piece;
}

inline bool match_path(std::string_view templ, std::string_view path,
                       std::vector<std::pair<std::string, std::string>>& params) {
  if (templ.empty() || path.empty() || templ[0] != '/' || path[0] != '/') return false;
  templ.remove_prefix(1);
  path.remove_prefix(1);
  for (;;) {
    const bool templ_done = templ.empty();
    const bool path_done = path.empty();
    if (templ_done || path_done) return templ_done && path_done;
    const auto t = take_until(templ, '/');
    const auto p = take_until(path, '/');
    if (t.size() > 2 && t.front() == '{' && t.back() == '}') {
      if (p.empty()) return false;
      params.emplace_back(std::string(t.substr(1, t.size() - 2)), percent_decode(p));
    } else if (t != p) {
      return false;
    }
  }
}

}  // namespace detail

// The endpoint a request is for: scheme http or https, host compared ignoring case (a port and
// user info are passed over), the method exactly, the path segment by segment.
inline std::optional<EndpointMatch> match(std::string_view method, std::string_view url) {
  std::string_view rest = url;
  const auto scheme_end = rest.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  const auto scheme = rest.substr(0, scheme_end);
  if (!detail::equal_ignoring_case(scheme, "https") && !detail::equal_ignoring_case(scheme, "http")) return std::nullopt;
  rest.remove_prefix(scheme_end + 3);
  const auto authority_end = rest.find_first_of("/?#");
  auto authority = rest.substr(0, authority_end);
  rest = authority_end == std::string_view::npos ? std::string_view{} : rest.substr(authority_end);
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (const auto colon = authority.find(':'); colon != std::string_view::npos) authority = authority.substr(0, colon);
  const auto fragment = rest.find('#');
  if (fragment != std::string_view::npos) rest = rest.substr(0, fragment);
  const auto query_start = rest.find('?');
  const auto path = rest.substr(0, query_start);
  auto query = query_start == std::string_view::npos ? std::string_view{} : rest.substr(query_start + 1);

  for (const auto& e : endpoints) {
    if (e.method != method || !detail::equal_ignoring_case(e.host, authority)) continue;
    EndpointMatch m{e, {}, {}};
    if (!detail::match_path(e.path_template, path.empty() ? std::string_view("/") : path, m.params)) continue;
    while (!query.empty()) {
      auto pair = detail::take_until(query, '&');
      if (pair.empty()) continue;
      const auto key = detail::take_until(pair, '=');
      m.query_params.emplace_back(detail::percent_decode(key), detail::percent_decode(pair));
    }
    return m;
  }
  return std::nullopt;
}

// The `{requestorId}` of a privacy path: `me`, or `xuid(N)`.
class RequestorId {
 public:
  static result<RequestorId> parse(std::string_view text) {
    RequestorId r;
    if (text == "me") {
      r.me_ = true;
      return r;
    }
    auto fail = [](std::size_t at, std::string message) { return detail::text_error(errc::invalid_value, at, std::move(message)); };
    if (text.size() < 7 || text.substr(0, 5) != "xuid(" || text.back() != ')')
      return fail(0, "a requestor id is me or xuid(N), not " + detail::quoted(text));
    const auto digits = text.substr(5, text.size() - 6);
    const auto f = Xuid::parse_into(digits, r.xuid_);
    // The XUID's own code: a number too large is number_out_of_range here as in Xuid::parse.
    if (f) return detail::text_error(f.code, 5 + f.offset, f.message);
    return r;
  }

  bool is_me() const noexcept { return me_; }
  std::optional<Xuid> xuid() const noexcept { return me_ ? std::nullopt : std::optional<Xuid>(xuid_); }
  std::string to_string() const { return me_ ? "me" : "xuid(" + xuid_.to_string() + ")"; }

  friend bool operator==(const RequestorId&, const RequestorId&) = default;

 private:
  bool me_ = false;
  Xuid xuid_;
};

// `Authorization: XBL3.0 x=<userhash>;<token>`. The token is a secret: to_string(), redacted() and
// fmt never show it; token() is the one way to it.
class XblAuthorization {
 public:
  static result<XblAuthorization> parse(std::string_view text) {
    auto fail = [](std::size_t at, std::string message) { return detail::text_error(errc::invalid_value, at, std::move(message)); };
    constexpr std::string_view prefix = "XBL3.0 x=";
    if (text.substr(0, prefix.size()) != prefix)
      return fail(0, "an Xbox Live authorization starts with \"XBL3.0 x=\"");
    const auto semicolon = text.find(';', prefix.size());
    if (semicolon == std::string_view::npos)
      return fail(text.size(), "expected ';' between the user hash and the token");
    XblAuthorization a;
    a.user_hash_ = text.substr(prefix.size(), semicolon - prefix.size());
    a.token_ = text.substr(semicolon + 1);
    if (a.user_hash_.empty()) return fail(prefix.size(), "the user hash is empty");
    if (a.token_.empty()) return fail(semicolon + 1, "the token is empty");
    for (std::size_t i = 0; i < a.user_hash_.size(); ++i)
      if (static_cast<unsigned char>(a.user_hash_[i]) <= 0x20 || static_cast<unsigned char>(a.user_hash_[i]) >= 0x7F)
        return fail(prefix.size() + i, "the user hash is printable ASCII without spaces");
    return a;
  }

  const std::string& user_hash() const noexcept { return user_hash_; }
  const std::string& token() const noexcept { return token_; }
  // The header with its token replaced: what fmt prints, and what any log may show.
  std::string to_string() const { return "XBL3.0 x=" + user_hash_ + ";<redacted>"; }
  std::string redacted() const { return to_string(); }

  friend bool operator==(const XblAuthorization&, const XblAuthorization&) = default;

 private:
  std::string user_hash_;
  std::string token_;
};

}  // namespace xbl

template <>
inline constexpr bool xbl::detail::formats_as_text<xbl::XblAuthorization> = true;
template <>
inline constexpr bool xbl::detail::formats_as_text<xbl::RequestorId> = true;
// ---- end xbl/endpoints.hpp ----
// ---- begin xbl/models.hpp ----

// The model types by their names, for programs that learn which type a payload is at run time
// (from an endpoint table entry, a command line): `with_model("InviteHandle", f)` calls
// f(std::type_identity<xbl::InviteHandle>{}).


namespace xbl {

namespace detail {
// Every service's list, one after the other: a new service's list is one more entry here.
inline constexpr auto models = pack_cat(handles_models, pack_cat(presence_models, privacy_models));
}  // namespace detail

// The names with_model knows, in the order of the lists.
inline constexpr auto model_names = detail::apply(
    [](const auto&... m) { return std::array<std::string_view, sizeof...(m)>{m.name...}; }, detail::models);

// Calls f(std::type_identity<T>{}) for the JSON model named `name`; false when there is none.
template <class F>
bool with_model(std::string_view name, F&& f) {
  return detail::with_model_in(detail::models, name, std::forward<F>(f));
}

}  // namespace xbl
// ---- end xbl/models.hpp ----
// ---- begin xbl/format.hpp ----

// fmt formatters (fmt::formatter<T>) for every xbl type: described structs and enums, identifiers,
// raw JSON, errors and violations. Kept apart from the core, as fmt keeps fmt/format.h apart from
// fmt/core.h: it is what brings in <fmt/format.h>.
// ---- begin xbl/core/format.hpp ----


#include <fmt/format.h>


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
// ---- end xbl/core/format.hpp ----
// ---- end xbl/format.hpp ----
// ---- end xbl/xbl.hpp ----
