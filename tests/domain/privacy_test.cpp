#include "xbl_test.hpp"

#include <fstream>
#include <iterator>
#include <string>

// The batch permission check: the seed's request and response, and correlate / PermissionMatrix.

using namespace xbl::literals;

namespace {

template <class T>
T read(const std::string& json) {
  auto r = xbl::from_json<T>(json);
  REQUIRE_MESSAGE(r, fmt::format("{}", r.error()));
  return *r;
}

// Two users (one anonymous) and three permissions; the answer lines up with it.
const std::string request_json =
    R"({"users":[{"xuid":"2533274790395904"},{"anonymousUser":"crossNetworkFriend"}],)"
    R"("permissions":["CommunicateUsingText","ViewTargetPresence","ShareFriendList"]})";

std::string answer(std::string_view first_user, std::string_view second_user) {
  return std::string(R"({"responses":[{"user":)") + std::string(first_user) +
         R"(,"permissions":[{"isAllowed":true},{"isAllowed":false,"reasons":[{"reason":"BlockListRestrictsTarget"}]},{"isAllowed":true}]},)"
         R"({"user":)" + std::string(second_user) +
         R"(,"permissions":[{"isAllowed":false,"reasons":[{"reason":"CrossNetworkUserMustBeFriend"}]},{"isAllowed":true},{"isAllowed":false,"reasons":[{"reason":"PrivacySettingRestrictsTarget","restrictedSetting":"ShareFriendList"}]}]}]})";
}

xbl::error correlate_error(const xbl::PermissionCheckBatchRequest& request, const std::string& response_json) {
  const auto m = xbl::correlate(request, read<xbl::PermissionCheckBatchResponse>(response_json));
  REQUIRE_FALSE(m);
  CHECK(m.error().code == xbl::errc::invalid_value);
  return m.error();
}

}  // namespace

TEST_CASE("seed: the permission request and response read strictly") {
  const auto request = xbl::from_json<xbl::PermissionCheckBatchRequest>(data_file("privacy_request_seed.json"));
  REQUIRE(request);
  REQUIRE(request->users.size() == 2);
  CHECK(request->users[0].xuid == 12345_xuid);
  CHECK(request->users[1].xuid == 54321_xuid);
  CHECK_FALSE(request->users[0].anonymous_user.has_value());
  REQUIRE(request->permissions.size() == 2);
  CHECK(request->permissions[0] == xbl::PermissionId::ViewTargetGameHistory);
  CHECK(request->permissions[1] == xbl::PermissionId::ViewTargetProfile);
  CHECK(xbl::validate(*request).empty());
  CHECK(xbl::to_json(*request) ==
        R"({"users":[{"xuid":"12345"},{"xuid":"54321"}],"permissions":["ViewTargetGameHistory","ViewTargetProfile"]})");

  const auto response = xbl::from_json<xbl::PermissionCheckBatchResponse>(data_file("privacy_response_seed.json"));
  REQUIRE(response);
  REQUIRE(response->responses.size() == 2);
  const auto& denied = response->responses[1].permissions.at(1);
  CHECK_FALSE(denied.is_allowed);
  REQUIRE(denied.reasons.size() == 1);
  CHECK_FALSE(denied.reasons[0].reason.is_known());
  CHECK(denied.reasons[0].reason.text() == "PrivilegeRest");
  CHECK(denied.reasons[0].restricted_setting == "AllowProfileViewing");
  CHECK(response->responses[1].permissions.at(0).reasons.at(0).reason == xbl::DenyReason::NotAllowed);

  const auto found = xbl::validate(*response);
  REQUIRE(found.size() == 1);
  CHECK(found[0].path == "/responses/1/permissions/1/reasons/0/reason");
  CHECK(found[0].rule == "enum.unknown");
  const std::string shown = fmt::format("{}", found[0]);
  CHECK(shown.find("/responses/1/permissions/1/reasons/0/reason") != std::string::npos);
  CHECK(shown.find("enum.unknown") != std::string::npos);
  CHECK(shown.find('\n') == std::string::npos);

  // strict_enums turns it into a read error at the same place.
  xbl::read_options strict_enums;
  strict_enums.strict_enums = true;
  const auto strict = xbl::from_json<xbl::PermissionCheckBatchResponse>(data_file("privacy_response_seed.json"), strict_enums);
  REQUIRE_FALSE(strict);
  CHECK(strict.error().code == xbl::errc::unknown_enum);
  CHECK(strict.error().path == "/responses/1/permissions/1/reasons/0/reason");
  CHECK(strict.error().line == 31);
  CHECK(strict.error().column == 35);

  const auto m = xbl::correlate(*request, *response);
  REQUIRE(m);
  CHECK(m->user_count() == 2);
  CHECK(m->permission_count() == 2);
  CHECK(m->allowed(12345_xuid, xbl::PermissionId::ViewTargetGameHistory) == true);
  CHECK(m->allowed(12345_xuid, xbl::PermissionId::ViewTargetProfile) == true);
  CHECK(m->allowed(54321_xuid, xbl::PermissionId::ViewTargetGameHistory) == false);
  CHECK(m->allowed(54321_xuid, xbl::PermissionId::ViewTargetProfile) == false);
  CHECK(m->at(1, 1).reasons.at(0).reason.text() == "PrivilegeRest");
}

TEST_CASE("correlate lays the answer out as users x permissions") {
  const auto request = read<xbl::PermissionCheckBatchRequest>(request_json);
  const auto m = xbl::correlate(request, read<xbl::PermissionCheckBatchResponse>(
                                             answer(R"({"xuid":"2533274790395904"})", R"({"anonymousUser":"crossNetworkFriend"})")));
  REQUIRE(m);
  CHECK(m->user_count() == 2);
  CHECK(m->permission_count() == 3);
  CHECK(m->at(0, 0).is_allowed);
  CHECK_FALSE(m->at(0, 1).is_allowed);
  CHECK(m->at(0, 1).reasons.at(0).reason == xbl::DenyReason::BlockListRestrictsTarget);
  CHECK(m->at(0, 2).is_allowed);
  CHECK_FALSE(m->at(1, 0).is_allowed);
  CHECK(m->at(1, 0).reasons.at(0).reason == xbl::DenyReason::CrossNetworkUserMustBeFriend);
  CHECK(m->at(1, 1).is_allowed);
  CHECK(m->at(1, 2).reasons.at(0).restricted_setting == "ShareFriendList");

  CHECK(m->allowed(2533274790395904_xuid, xbl::PermissionId::CommunicateUsingText) == true);
  CHECK(m->allowed(2533274790395904_xuid, xbl::PermissionId::ViewTargetPresence) == false);
  CHECK(m->allowed(2533274790395904_xuid, xbl::PermissionId::ShareFriendList) == true);
  // Leading zeros do not make another user.
  CHECK(m->allowed(*xbl::Xuid::parse("02533274790395904"), xbl::PermissionId::ShareFriendList) == true);
  // Not asked: an unknown user, or a permission not in the request.
  CHECK_FALSE(m->allowed(12345_xuid, xbl::PermissionId::CommunicateUsingText).has_value());
  CHECK_FALSE(m->allowed(2533274790395904_xuid, xbl::PermissionId::ViewTargetProfile).has_value());
  CHECK_FALSE(m->allowed(0_xuid, xbl::PermissionId::CommunicateUsingText).has_value());

  // The anonymous user matches as written in either case (AnonymousUser ignores case).
  CHECK(xbl::correlate(request, read<xbl::PermissionCheckBatchResponse>(answer(
                                    R"({"xuid":"02533274790395904"})", R"({"anonymousUser":"CrossNetworkFriend"})"))));
}

TEST_CASE("correlate fails at the first entry that does not line up") {
  const auto request = read<xbl::PermissionCheckBatchRequest>(request_json);
  const std::string first = R"({"xuid":"2533274790395904"})";
  const std::string second = R"({"anonymousUser":"crossNetworkFriend"})";

  // Users in another order: the first entry already answers for someone else.
  auto e = correlate_error(request, answer(second, first));
  CHECK(e.path == "/responses/0/user");
  // Another user in second place.
  e = correlate_error(request, answer(first, R"({"xuid":"1"})"));
  CHECK(e.path == "/responses/1/user");
  e = correlate_error(request, answer(first, R"({"anonymousUser":"allUsers"})"));
  CHECK(e.path == "/responses/1/user");

  // Fewer users: the first missing entry.
  auto fewer = read<xbl::PermissionCheckBatchResponse>(answer(first, second));
  fewer.responses.pop_back();
  auto m = xbl::correlate(request, fewer);
  REQUIRE_FALSE(m);
  CHECK(m.error().code == xbl::errc::invalid_value);
  CHECK(m.error().path == "/responses/1");
  fewer.responses.clear();
  m = xbl::correlate(request, fewer);
  REQUIRE_FALSE(m);
  CHECK(m.error().path == "/responses/0");

  // More users than asked: the first extra entry.
  auto more = read<xbl::PermissionCheckBatchResponse>(answer(first, second));
  more.responses.push_back(more.responses[0]);
  m = xbl::correlate(request, more);
  REQUIRE_FALSE(m);
  CHECK(m.error().path == "/responses/2");

  // A wrong number of permissions for one user.
  auto short_of_one = read<xbl::PermissionCheckBatchResponse>(answer(first, second));
  short_of_one.responses[1].permissions.pop_back();
  m = xbl::correlate(request, short_of_one);
  REQUIRE_FALSE(m);
  CHECK(m.error().code == xbl::errc::invalid_value);
  CHECK(m.error().path == "/responses/1/permissions");
  auto one_too_many = read<xbl::PermissionCheckBatchResponse>(answer(first, second));
  one_too_many.responses[0].permissions.push_back(one_too_many.responses[0].permissions[0]);
  m = xbl::correlate(request, one_too_many);
  REQUIRE_FALSE(m);
  CHECK(m.error().path == "/responses/0/permissions");

  // The first fault wins: entry 0 has too few permissions and entry 1 the wrong user.
  auto two_faults = read<xbl::PermissionCheckBatchResponse>(answer(first, R"({"xuid":"1"})"));
  two_faults.responses[0].permissions.pop_back();
  m = xbl::correlate(request, two_faults);
  REQUIRE_FALSE(m);
  CHECK(m.error().path == "/responses/0/permissions");
}
