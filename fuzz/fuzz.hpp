#pragma once

// What every fuzz target asserts. A failed property aborts, which libFuzzer reports as a crash
// with the input that caused it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <fmt/core.h>
#include <xbl/xbl.hpp>

namespace fuzz {

[[noreturn]] inline void fail(std::string_view what) {
  std::fprintf(stderr, "property broken: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

inline void require(bool ok, std::string_view what) {
  if (!ok) fail(what);
}

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// An error must say where, inside the text, with a path that is a JSON Pointer.
inline void check_error(const xbl::error& e, std::string_view input) {
  require(e.code != xbl::errc::ok, "an error with code ok");
  require(!e.message.empty(), "an error without a message");
  require(e.message.find('\n') == std::string::npos, "an error message of more than one line");
  require(e.offset <= input.size(), "an error offset past the end of the text");
  require(e.line >= 1 && e.column >= 1, "an error without line and column");
  require(e.path.empty() || e.path[0] == '/', "an error path that is not a JSON Pointer");
  (void)fmt::format("{}", e);
}

// Read as T, under strict options and under every lenient switch, keeping unknown members.
// Whatever reads must write, read back equal, write the same bytes again, validate and format.
template <class T>
void model_round_trip(std::string_view input) {
  for (bool lenient : {false, true}) {
    xbl::read_options options = lenient ? xbl::read_options::lenient() : xbl::read_options{};
    options.unknown_keys = xbl::unknown_key_policy::keep;
    const auto value = xbl::from_json<T>(input, options);
    // Read into a value that holds what an earlier input left (a read or a failed read): the
    // same outcome as the fresh read, whatever was there.
    static T held{};
    const xbl::error into = xbl::from_json(input, held, options);
    if (!value) {
      require(into == value.error(), "a read into a value fails otherwise than a fresh read");
      check_error(value.error(), input);
      continue;
    }
    require(into.code == xbl::errc::ok && held == *value, "a read into a value gives another value than a fresh read");
    const auto at = xbl::read_at<T>(input, "", options);
    require(at.has_value() && *at == *value, "read_at of the whole text gives another value than from_json");
    xbl::read_options strict;
    strict.unknown_keys = xbl::unknown_key_policy::keep;
    static std::string written_into;
    for (bool pretty : {false, true}) {
      const std::string written = xbl::to_json(*value, {.pretty = pretty, .indent = 2});
      xbl::to_json(*value, written_into, {.pretty = pretty, .indent = 2});
      require(written_into == written, "a write into a string gives another text than to_json");
      const auto again = xbl::from_json<T>(written, strict);
      if (!again) fail(fmt::format("what was written does not read: {}\n{}", again.error(), written));
      require(*again == *value, "what was written reads back as another value");
      require(xbl::to_json(*again, {.pretty = pretty, .indent = 2}) == written, "writing is not stable");
    }
    (void)xbl::validate(*value);
    if constexpr (fmt::is_formattable<T>::value) {
      require(fmt::format("{}", *value) == xbl::to_json(*value), "fmt and to_json disagree");
    } else {
      for (const auto& element : *value)
        require(fmt::format("{}", element) == xbl::to_json(element), "fmt and to_json disagree");
    }
  }
}

}  // namespace fuzz
