// Any JSON value: raw_json keeps it, and writing it reformats without changing what it says.
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = fuzz::text(data, size);
  for (bool lenient : {false, true}) {
    const auto value = xbl::from_json<xbl::raw_json>(input, lenient ? xbl::read_options::lenient() : xbl::read_options{});
    if (!value) {
      fuzz::check_error(value.error(), input);
      continue;
    }
    for (bool pretty : {false, true}) {
      const std::string written = xbl::to_json(*value, {.pretty = pretty, .indent = 2});
      const auto again = xbl::from_json<xbl::raw_json>(written);
      fuzz::require(again.has_value(), "a raw value writes as text that does not read");
      fuzz::require(xbl::to_json(*again) == xbl::to_json(*value), "a raw value changes when written and read");
    }
  }
  return 0;
}
