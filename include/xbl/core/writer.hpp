#pragma once

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "xbl/core/codec.hpp"
#include "xbl/core/describe.hpp"
#include "xbl/core/open_enum.hpp"
#include "xbl/core/options.hpp"
#include "xbl/core/raw_json.hpp"
#include "xbl/core/bytes.hpp"

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

  explicit writer(const write_options& options) : pretty_(options.pretty), indent_(options.indent) {
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

  // Containers: `first` is the caller's, so nesting needs no stack of its own.
  void open(char c) {
    raw(c);
    indentation_ += indent_;
  }
  void next(bool& first) {
    if (!pretty_) {
      if (!first) raw(',');
      first = false;
      return;
    }
    cur_ = line(first, 0);
  }
  void close(char c, bool empty) {
    indentation_ -= indent_;
    if (pretty_ && !empty) {
      bool first = true;
      char* o = line(first, 1);
      *o = c;
      cur_ = o + 1;
      return;
    }
    raw(c);
  }
  void key(std::string_view k) {
    string(k);
    raw(':');
    if (pretty_) raw(' ');
  }

  // next() and key() for a member whose key, when plain, is the first `n` bytes of `quoted`
  // (`"name": `, see quoted_key), which has at least key_room bytes: copied in one fixed-size piece,
  // which costs less than a copy of the key's own length.
  static constexpr std::size_t key_room = 32;
  XBL_ALWAYS_INLINE void member_key(std::string_view name, const char* quoted, std::size_t n, bool& first) {
    if (n == 0) [[unlikely]] {
      next(first);
      key(name);
    } else if (pretty_) {
      char* o = line(first, key_room);
      std::memcpy(o, quoted, key_room);
      cur_ = o + n;
    } else {
      char* o = room(1 + key_room);
      *o = ',';
      o += !first;
      first = false;
      std::memcpy(o, quoted, key_room);
      cur_ = o + n - 1;  // without the space
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
    if (out_ != &text_ && out_->size() >= chunk_bytes) {
      const std::size_t last = shared_ ? shared_->last_long : 0;
      const std::size_t room = std::min(last ? last + last / 8 : 2 * used, used + first_room_limit);
      text_.resize(std::max(room, used + n));
      std::memcpy(text_.data(), out_->data(), used);
      out_ = &text_;
    } else if (out_->size() - used < n) {
      out_->resize(out_->size() * 2 > used + n ? out_->size() * 2 : used + n);
      out_->resize(out_->capacity());  // whatever the string allocated is room too
    }
    cur_ = out_->data() + used;
    lim_ = out_->data() + out_->size();
  }

  // Pretty only: the comma before an element (unless `first`), a new line and its indentation, with
  // room for `extra` bytes after it, which the caller writes at the returned position. One bounds
  // check per line, no branch for the comma, and the indentation of all but the deepest lines in
  // one 32-byte copy (room is taken for its overshoot), which beats a call to memset for the few
  // bytes a line needs.
  XBL_ALWAYS_INLINE char* line(bool& first, std::size_t extra) {
    static constexpr std::size_t run = 32;
    static constexpr char spaces[run] = {' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
                                         ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '};
    const std::size_t n = indentation_;
    char* o = room(n + 2 + run + extra);
    o[0] = ',';
    o += !first;
    first = false;
    *o++ = '\n';
    std::memcpy(o, spaces, run);
    for (std::size_t i = run; i < n; i += run) std::memcpy(o + i, spaces, run);
    return o + n;
  }

  void newline() {
    if (!pretty_) return;
    bool first = true;
    cur_ = line(first, 0);
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

// The member that names a variant's alternative, written after the member `after` (first when empty).
struct tag_member {
  std::string_view key;
  std::string_view value;
  std::string_view after;
};

// ---- described structs -------------------------------------------------------------------------------
//
// As the reader does, a struct is written by one loop that knows nothing of the struct, driven by a
// table made at compile time from the description: each member's key and the function that writes a
// member of its type. The code that writes a type is made once, however many structs have a member of
// that type.

// Writes the value of type M at `member`: the entry for every member of type M.
template <class M>
void write_erased(writer& w, const void* member) {
  write(w, *static_cast<const M*>(member));
}

// One described member as write_object sees it.
struct member_writer {
  std::string_view name;
  // The key as pretty JSON writes it (`"name": `, see quoted_key), zero-padded, and its length: 0
  // when the name needs escapes or is too long to be copied in one piece.
  std::array<char, writer::key_room> quoted;
  std::size_t quoted_size;
  void (*write)(writer&, const void* member);
  member_kind kind;
};

template <described T, std::size_t I>
constexpr member_writer member_writer_of() {
  using key = field_key<T, I>;
  using M = field_type<T, I>;
  constexpr bool fits = key::plain && key::quoted.size() <= writer::key_room;
  std::array<char, writer::key_room> quoted{};
  if constexpr (fits) std::copy(key::quoted.begin(), key::quoted.end(), quoted.begin());
  return member_writer{key::name, quoted, fits ? key::quoted.size() : 0, &write_erased<M>, member_kind_of<M>};
}

template <described T>
struct struct_writer {
  static constexpr auto members = []<std::size_t... I>(std::index_sequence<I...>) {
    return std::array<member_writer, sizeof...(I)>{member_writer_of<T, I>()...};
  }(std::make_index_sequence<field_count<T>>{});
};

// Writes an object of the `count` described members at `members`, their values at `values`, those
// with a bit in `written` (see member_written); then the unknown members `kept` holds, if any. `tag`
// as write_struct has it.
inline void write_object(writer& w, const member_writer* members, std::size_t count, const void* const* values,
                         std::uint64_t written, const extras* kept, const tag_member* tag) {
  w.open('{');
  bool first = true;
  // Each member with a bit in `bits`, in turn.
  auto write_members = [&](std::uint64_t bits) XBL_ALWAYS_INLINE_LAMBDA {
    for (; bits != 0; bits &= bits - 1) {
      const auto i = static_cast<std::size_t>(std::countr_zero(bits));
      const member_writer& m = members[i];
      const void* const at = values[i];
      w.member_key(m.name, m.quoted.data(), m.quoted_size, first);
      // Tests rather than a switch, as in the reader.
      if (m.kind == member_kind::string) w.string(*static_cast<const std::string*>(at));
      else if (m.kind == member_kind::boolean) write(w, *static_cast<const bool*>(at));
      else m.write(w, at);
    }
  };
  if (!tag) [[likely]] {
    write_members(written);
  } else {
    // The tag goes before member `before`: the one after `tag->after`, or the first, or none.
    std::size_t before = 0;
    if (!tag->after.empty()) {
      while (before < count && members[before].name != tag->after) ++before;
      before = before < count ? before + 1 : count;
    }
    const std::uint64_t below = before < 64 ? (std::uint64_t{1} << before) - 1 : ~std::uint64_t{0};
    write_members(written & below);
    w.next(first);
    w.key(tag->key);
    w.string(tag->value);
    write_members(written & ~below);
  }
  if (kept) {
    for (const auto& [key, value] : kept->unknown) {
      w.next(first);
      w.key(key);
      w.reformat(value.text());
    }
  }
  w.close('}', first);
}

// `tag`, when not null, is the member that names the variant alternative `v` is.
template <described T>
void write_struct(writer& w, const T& v, const tag_member* tag = nullptr) {
  const extras* kept = nullptr;
  if constexpr (has_extras<T>) kept = &(v.*(meta<T>::extras));
  const std::uint64_t present_empty = kept ? kept->present_empty : 0;
  // Which members are written is told here, where it is a test of a flag or a size, rather than by
  // a call per member from write_object.
  std::uint64_t written = 0;
  std::array<const void*, field_count<T>> values;
  for_each_field<T>([&](const auto& f, auto index) XBL_ALWAYS_INLINE_LAMBDA {
    const auto& m = v.*(f.member);
    values[index.value] = &m;
    written |= std::uint64_t{member_written(m, (present_empty >> index.value) & 1)} << index.value;
  });
  write_object(w, struct_writer<T>::members.data(), field_count<T>, values.data(), written, kept, tag);
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
    w.open('{');
    bool first = true;
    for (const auto& [key, value] : v) {
      w.next(first);
      w.key(key);
      write(w, value);
    }
    w.close('}', first);
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

}  // namespace xbl
