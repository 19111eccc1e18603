#pragma once

#include <cstddef>
#include <string_view>

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
