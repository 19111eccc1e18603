#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "xbl/core/reader.hpp"

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
