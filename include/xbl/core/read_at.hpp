#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "xbl/core/error.hpp"
#include "xbl/core/options.hpp"
#include "xbl/core/raw_json.hpp"
#include "xbl/core/reader.hpp"
#include "xbl/core/result.hpp"
#include "xbl/core/scanner.hpp"
#include "xbl/core/validate.hpp"

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
