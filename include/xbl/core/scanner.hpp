#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "xbl/core/bytes.hpp"
#include "xbl/core/digits.hpp"
#include "xbl/core/error.hpp"
#include "xbl/core/options.hpp"
#include "xbl/core/platform.hpp"
#include "xbl/core/utf8.hpp"

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
