// The handles service's checks (services.hpp).
#include "findings.hpp"

namespace inspect {

void check_handles_bodies(Checker& checker, const std::optional<std::string>& request, const HarEntry& entry) {
  std::optional<xbl::HandleRequest> handle;
  if (request) handle = checker.read_and_validate<xbl::HandleRequest>("request.body", *request);
  const auto response = checker.response_body(entry);
  // Only an invite is answered with a handle; an activity has no response body.
  if (response && handle && handle->index() == 1) checker.read_and_validate<xbl::InviteHandle>("response.body", *response);
}

bool check_handles_payload(Checker& checker, std::string_view type, std::string_view text) {
  return checker.read_payload(xbl::detail::handles_models, type, text);
}

}  // namespace inspect
