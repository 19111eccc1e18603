// The strict reader and nlohmann/json must agree on what is JSON. The one documented difference:
// nesting deeper than read_options::max_depth, which xbl refuses and nlohmann/json accepts.
// (Both accept repeated keys in a bare value, as RFC 8259 does.)
#include <nlohmann/json.hpp>

#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = fuzz::text(data, size);
  const auto ours = xbl::from_json<xbl::raw_json>(input);
  const bool theirs = nlohmann::json::accept(input.begin(), input.end());
  if (!ours && ours.error().code == xbl::errc::depth_exceeded) return 0;
  if (ours.has_value() != theirs)
    fuzz::fail(fmt::format("xbl {} and nlohmann/json {}: {}", ours ? "accepts" : "rejects",
                           theirs ? "accepts" : "rejects", ours ? std::string("") : fmt::format("{}", ours.error())));
  return 0;
}
