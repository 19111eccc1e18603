// The presence service's checks (services.hpp).
#include "findings.hpp"

namespace inspect {

void check_presence_body(Checker& checker, const HarEntry& entry, std::optional<xbl::PresenceLevel> level) {
  const auto response = checker.response_body(entry);
  if (!response) return;
  const auto records = checker.read_and_validate<std::vector<xbl::PresenceRecord>>("response.body", *response);
  if (records && level)
    for (std::size_t i = 0; i < records->size(); ++i)
      for (const auto& v : xbl::check_level((*records)[i], *level))
        checker.add("response.body", "/" + std::to_string(i) + v.path, v.rule, v.message);
}

bool check_presence_payload(Checker& checker, std::string_view type, std::string_view text) {
  return checker.read_payload(xbl::detail::presence_models, type, text);
}

}  // namespace inspect
