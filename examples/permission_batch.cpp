// Ask whether a user may do two things with two others, then line the answer up with the question.
#include <fmt/core.h>
#include <xbl/xbl.hpp>

int main() {
  using namespace xbl::literals;

  xbl::PermissionCheckBatchRequest request;
  for (auto xuid : {12345_xuid, 54321_xuid}) request.users.emplace_back().xuid = xuid;
  request.permissions = {xbl::PermissionId::ViewTargetGameHistory, xbl::PermissionId::ViewTargetProfile};
  fmt::print("POST https://privacy.xboxlive.com/users/me/permission/validate\n{}\n\n", request);

  // What the service answered (the reference's sample, whose last reason is cut short).
  const auto response = xbl::from_json<xbl::PermissionCheckBatchResponse>(R"({"responses":[
    {"user":{"xuid":"12345"},"permissions":[{"isAllowed":true},{"isAllowed":true}]},
    {"user":{"xuid":"54321"},"permissions":[
      {"isAllowed":false,"reasons":[{"reason":"NotAllowed"}]},
      {"isAllowed":false,"reasons":[{"reason":"PrivilegeRest","restrictedSetting":"AllowProfileViewing"}]}]}]})");
  if (!response) {
    fmt::print(stderr, "{}\n", response.error());
    return 1;
  }
  for (const auto& v : xbl::validate(*response)) fmt::print("note: {}\n", v);

  const auto matrix = xbl::correlate(request, *response);
  if (!matrix) {
    fmt::print(stderr, "the answer does not match the question: {}\n", matrix.error());
    return 1;
  }
  for (std::size_t u = 0; u < matrix->user_count(); ++u)
    for (std::size_t p = 0; p < matrix->permission_count(); ++p)
      fmt::print("{} {} {}\n", *matrix->users()[u].xuid, matrix->permissions()[p].text(),
                 matrix->at(u, p).is_allowed ? "allowed" : "denied");
  fmt::print("may 54321's profile be viewed? {}\n", *matrix->allowed(54321_xuid, xbl::PermissionId::ViewTargetProfile));
}
