// Method and URL, split at the first newline: match() answers or declines, and never misreads.
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = fuzz::text(data, size);
  const auto newline = input.find('\n');
  const auto method = input.substr(0, newline);
  const auto url = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
  if (const auto m = xbl::match(method, url)) {
    fuzz::require(m->endpoint.method == method, "a match for another method");
    for (const auto& [name, value] : m->params) fuzz::require(!value.empty(), "an empty path parameter");
    if (const auto level = m->query("level")) (void)xbl::enum_from_string<xbl::PresenceLevel>(*level);
  }
  return 0;
}
