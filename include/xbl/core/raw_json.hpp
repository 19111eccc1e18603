#pragma once

#include <string>
#include <string_view>
#include <utility>

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

  friend bool operator==(const raw_json&, const raw_json&) = default;

 private:
  friend struct detail::raw_access;
  explicit raw_json(std::string text) : text_(std::move(text)) {}
  std::string text_ = "null";
};

namespace detail {
struct raw_access {
  static raw_json make(std::string text) { return raw_json(std::move(text)); }
};
}  // namespace detail

}  // namespace xbl
