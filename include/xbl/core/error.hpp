#pragma once

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
