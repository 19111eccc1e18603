#pragma once

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
#include "xbl/core/utf8.hpp"

namespace xbl {
namespace detail {

class writer {
 public:
  explicit writer(const write_options& options) : opt_(options) {}

  std::string out;

  void raw(char c) { out += c; }
  void raw(std::string_view s) { out.append(s); }

  // Minimal escaping: the quote, the backslash and control characters; UTF-8 passes through.
  void string(std::string_view s) {
    out += '"';
    const char* p = s.data();
    const char* end = p + s.size();
    const char* run = p;
    while (p < end) {
      while (end - p >= 8 && escape_free_word(p)) p += 8;
      while (p < end && static_cast<unsigned char>(*p) >= 0x20 && *p != '"' && *p != '\\') ++p;
      if (p >= end) break;
      out.append(run, p);
      escape(*p++);
      run = p;
    }
    out.append(run, p);
    out += '"';
  }

  template <class I>
  void integer(I v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
  }

  // Shortest text that reads back to the same value; JSON has no NaN or infinity, so those are
  // written as null (and validate() reports them as rule `number.finite`).
  template <class F>
  void floating(F v) {
    if (!std::isfinite(v)) {
      out += "null";
      return;
    }
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
  }

  // Containers: `first` is the caller's, so nesting needs no stack of its own.
  void open(char c) {
    out += c;
    ++level_;
  }
  void next(bool& first) {
    if (!first) out += ',';
    first = false;
    newline();
  }
  void close(char c, bool empty) {
    --level_;
    if (!empty) newline();
    out += c;
  }
  void key(std::string_view k) {
    string(k);
    out += ':';
    if (opt_.pretty) out += ' ';
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
          out.append(start, ++p);
          break;
        }
        case '{': case '[': {
          const char* q = skip_ws(p + 1);
          if (*q == (c == '{' ? '}' : ']')) {
            out += c;
            out += *q;
            p = q + 1;
          } else {
            open(c);
            newline();
            ++p;
          }
          break;
        }
        case '}': case ']': close(c, false); ++p; break;
        case ',': out += ','; newline(); ++p; break;
        case ':': out += ':'; if (opt_.pretty) out += ' '; ++p; break;
        default: {
          const char* start = p;
          while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' && *p != '\r' && *p != '\t') ++p;
          out.append(start, p);
        }
      }
    }
  }

 private:
  void newline() {
    if (!opt_.pretty) return;
    out += '\n';
    out.append(level_ * opt_.indent, ' ');
  }

  void escape(char c) {
    switch (c) {
      case '"': out += "\\\""; return;
      case '\\': out += "\\\\"; return;
      case '\b': out += "\\b"; return;
      case '\f': out += "\\f"; return;
      case '\n': out += "\\n"; return;
      case '\r': out += "\\r"; return;
      case '\t': out += "\\t"; return;
      default: {
        static constexpr char hex[] = "0123456789abcdef";
        const auto u = static_cast<unsigned char>(c);
        const char e[6] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 15]};
        out.append(e, 6);
      }
    }
  }

  const write_options& opt_;
  std::size_t level_ = 0;
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

template <described T>
void write_struct(writer& w, const T& v, const tag_member* tag = nullptr) {
  w.open('{');
  bool first = true;
  auto write_tag = [&] {
    w.next(first);
    w.key(tag->key);
    w.string(tag->value);
    tag = nullptr;
  };
  if (tag && tag->after.empty()) write_tag();
  for_each_field<T>([&](const auto& f, auto index) {
    const auto& m = v.*(f.member);
    bool present_empty = false;
    if constexpr (has_extras<T>) present_empty = ((v.*(meta<T>::extras)).present_empty >> index.value) & 1;
    if (member_written(m, present_empty)) {
      w.next(first);
      w.key(f.name);
      write(w, m);
    }
    if (tag && f.name == tag->after) write_tag();
  });
  if (tag) write_tag();
  if constexpr (has_extras<T>) {
    for (const auto& [key, value] : (v.*(meta<T>::extras)).unknown) {
      w.next(first);
      w.key(key);
      w.reformat(value.text());
    }
  }
  w.close('}', first);
}

template <class T>
void write(writer& w, const T& v) {
  if constexpr (has_codec<T>) {
    codec<T>::write(w, v);
  } else if constexpr (std::is_same_v<T, bool>) {
    w.raw(v ? std::string_view("true") : std::string_view("false"));
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
      write(w, e);
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
  return std::move(w.out);
}

}  // namespace xbl
