// The strict reader and nlohmann/json must agree on what is JSON. The documented differences:
// nesting deeper than read_options::max_depth, which xbl refuses and nlohmann/json accepts; and a NUL
// byte, where nlohmann/json sees the end of the text; and a number past the range of a double
// (1e400), which RFC 8259's grammar admits and raw_json keeps digit for digit, and nlohmann/json
// refuses as a "number overflow".
// (Both accept repeated keys in a bare value, as RFC 8259 does.)
#include <nlohmann/json.hpp>

#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = fuzz::text(data, size);
  const auto ours = xbl::from_json<xbl::raw_json>(input);
  // nlohmann/json stops at a NUL byte as at the end of the text; a NUL is never JSON (RFC 8259 allows
  // it neither between tokens nor raw inside a string), so xbl must refuse any text that holds one.
  if (input.find('\0') != std::string_view::npos) {
    if (ours) fuzz::fail("xbl accepts a text with a NUL byte");
    return 0;
  }
  const bool theirs = nlohmann::json::accept(input.begin(), input.end());
  if (!ours && ours.error().code == xbl::errc::depth_exceeded) return 0;
  if (ours && !theirs) {
    try {
      (void)nlohmann::json::parse(input.begin(), input.end());
    } catch (const nlohmann::json::exception& e) {
      if (std::string_view(e.what()).find("number overflow") != std::string_view::npos) return 0;
    }
  }
  if (ours.has_value() != theirs)
    fuzz::fail(fmt::format("xbl {} and nlohmann/json {}: {}", ours ? "accepts" : "rejects",
                           theirs ? "accepts" : "rejects", ours ? std::string("") : fmt::format("{}", ours.error())));
  return 0;
}
