#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "xbl/core/options.hpp"
#include "xbl/core/result.hpp"

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
