// Identifier and header texts: what parses prints as it was read and parses again to an equal
// value; an authorization never prints its token.
#include "fuzz.hpp"

namespace {
template <class Id>
void round_trip(std::string_view input) {
  const auto id = Id::parse(input);
  if (!id) {
    fuzz::require(id.error().offset <= input.size(), "an identifier error past the end of its text");
    return;
  }
  const std::string text = id->to_string();
  fuzz::require(text == input, "an identifier prints otherwise than it was read");
  const auto again = Id::parse(text);
  fuzz::require(again && *again == *id, "an identifier's text does not parse back to it");
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = fuzz::text(data, size);
  round_trip<xbl::Xuid>(input);
  round_trip<xbl::Guid>(input);
  round_trip<xbl::TitleId>(input);
  round_trip<xbl::Timestamp>(input);
  if (const auto r = xbl::RequestorId::parse(input))
    fuzz::require(r->to_string() == input, "a requestor id prints otherwise than it was read");
  if (const auto a = xbl::XblAuthorization::parse(input))
    fuzz::require(fmt::format("{}", *a) == "XBL3.0 x=" + a->user_hash() + ";<redacted>",
                  "fmt shows more of an authorization than its user hash");
  return 0;
}
