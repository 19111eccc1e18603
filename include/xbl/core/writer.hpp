#pragma once

#include <algorithm>
#include <array>
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
