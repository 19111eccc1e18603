// The privacy service's checks (services.hpp).
#include "findings.hpp"

namespace inspect {

void check_privacy_bodies(Checker& checker, std::string_view endpoint, const std::optional<std::string>& request,
                          const HarEntry& entry) {
  if (endpoint == "privacy.validate") {
    if (const auto response = checker.response_body(entry))
      checker.read_and_validate<xbl::PermissionResult>("response.body", *response);
    return;
  }
  std::optional<xbl::PermissionCheckBatchRequest> batch;
  if (request) batch = checker.read_and_validate<xbl::PermissionCheckBatchRequest>("request.body", *request);
  const auto response = checker.response_body(entry);
  if (!response) return;
  const auto answer = checker.read_and_validate<xbl::PermissionCheckBatchResponse>("response.body", *response);
  if (answer && batch) {
    if (const auto matrix = xbl::correlate(*batch, *answer); !matrix)
      checker.add("response.body", matrix.error().path, "batch.correlate", matrix.error().message);
  }
}

bool check_privacy_payload(Checker& checker, std::string_view type, std::string_view text) {
  return checker.read_payload(xbl::detail::privacy_models, type, text);
}

}  // namespace inspect
