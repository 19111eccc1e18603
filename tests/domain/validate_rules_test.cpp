#include "xbl_test.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Every domain rule by its stable id: one value that breaks it, one that keeps it.

using namespace xbl::literals;

namespace {

std::string repeat(std::string_view piece, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += piece;
  return s;
}

// The one violation expected, with its path and rule.
template <class T>
void check_one(const T& value, std::string_view path, std::string_view rule) {
  const auto found = xbl::validate(value);
  REQUIRE(found.size() == 1);
  CHECK(found[0].path == path);
  CHECK(found[0].rule == rule);
  CHECK_FALSE(found[0].message.empty());
}

template <class T>
void check_none(const T& value) {
  const auto found = xbl::validate(value);
  for (const auto& v : found) FAIL_CHECK(fmt::format("{}", v));
  CHECK(found.empty());
}

xbl::SessionRef session(std::string template_name, std::optional<std::string> name = std::nullopt) {
  xbl::SessionRef s;
  s.scid = "bd6c41c3-01c3-468a-a3b5-3e0fe8133862"_guid;
  s.template_name = std::move(template_name);
  s.name = std::move(name);
  return s;
}

xbl::PermissionReason reason(xbl::DenyReason r, std::optional<std::string> setting = std::nullopt) {
  xbl::PermissionReason out;
  out.reason = r;
  out.restricted_setting = std::move(setting);
  return out;
}

}  // namespace

TEST_CASE("uri_encoded_length: unreserved characters count 1, every other byte 3") {
  static_assert(xbl::uri_encoded_length("") == 0);
  static_assert(xbl::uri_encoded_length("AZaz09-._~") == 10);
  CHECK(xbl::uri_encoded_length("a b") == 5);
  CHECK(xbl::uri_encoded_length("/?#[]@!$&'()*+,;=%") == 18 * 3);
  CHECK(xbl::uri_encoded_length("\xc3\xa9") == 6);              // é: two bytes
  CHECK(xbl::uri_encoded_length("\xe6\x97\xa5") == 9);          // 日: three bytes
  CHECK(xbl::uri_encoded_length("\xf0\x9f\x8e\xae") == 12);     // 🎮: four bytes
  CHECK(xbl::uri_encoded_length(std::string_view("a\0b", 3)) == 5);
  CHECK(xbl::uri_encoded_length(repeat("\xc3\xa9", 90)) == 540);
}

TEST_CASE("context.max_uri_length: at most 256 once URI-encoded") {
  xbl::InviteAttributes a;
  a.title_id = 12341234_title;
  check_none(a);  // absent: nothing to check

  a.context = repeat("a", 256);
  check_none(a);
  a.context = repeat("a", 257);
  check_one(a, "/context", "context.max_uri_length");

  // 85 spaces are 255 once encoded: one more unreserved character is exactly 256.
  a.context = repeat(" ", 85) + "a";
  REQUIRE(xbl::uri_encoded_length(*a.context) == 256);
  check_none(a);
  a.context = repeat(" ", 85) + "ab";
  REQUIRE(xbl::uri_encoded_length(*a.context) == 257);
  check_one(a, "/context", "context.max_uri_length");
  a.context = repeat(" ", 86);
  check_one(a, "/context", "context.max_uri_length");

  // 90 characters, but 540 once encoded.
  a.context = repeat("\xc3\xa9", 90);
  const auto found = xbl::validate(a);
  REQUIRE(found.size() == 1);
  CHECK(found[0].path == "/context");
  CHECK(found[0].rule == "context.max_uri_length");
  CHECK(found[0].message.find("540") != std::string::npos);

  // Where it sits in a request body.
  xbl::InviteHandleRequest request;
  request.session_ref = session("deathmatch");
  request.invite_attributes = a;
  check_one(request, "/inviteAttributes/context", "context.max_uri_length");
  check_one(xbl::HandleRequest(request), "/inviteAttributes/context", "context.max_uri_length");
  CHECK(fmt::format("{}", xbl::validate(request).at(0)).find("/inviteAttributes/context") != std::string::npos);
}

TEST_CASE("session_ref.template_name and session_ref.name: 1 to 100 characters") {
  check_none(session("d"));
  check_none(session(repeat("d", 100)));
  check_none(session(repeat("\xc3\xa9", 100)));  // characters, not bytes: 200 bytes
  check_one(session(""), "/templateName", "session_ref.template_name");
  check_one(session(repeat("d", 101)), "/templateName", "session_ref.template_name");
  check_one(session(repeat("\xc3\xa9", 101)), "/templateName", "session_ref.template_name");

  check_none(session("t", "n"));
  check_none(session("t", repeat("n", 100)));
  check_one(session("t", ""), "/name", "session_ref.name");
  check_one(session("t", repeat("n", 101)), "/name", "session_ref.name");

  xbl::TransferHandleRequest transfer;
  transfer.session_ref = session("t");
  transfer.origin_session_ref = session("t", "");
  check_one(transfer, "/originSessionRef/name", "session_ref.name");

  // Both broken: both reported, in document order.
  const auto both = xbl::validate(session("", ""));
  REQUIRE(both.size() == 2);
  CHECK(both[0].path == "/templateName");
  CHECK(both[1].path == "/name");
}

TEST_CASE("handle.version: must be 1") {
  xbl::ActivityHandleRequest activity;
  activity.session_ref = session("t");
  check_none(activity);
  activity.version = 2;
  check_one(activity, "/version", "handle.version");
  check_one(xbl::HandleRequest(activity), "/version", "handle.version");
  activity.version = 0;
  check_one(activity, "/version", "handle.version");

  xbl::InviteHandleRequest invite;
  invite.session_ref = session("t");
  check_none(invite);
  invite.version = 3;
  check_one(invite, "/version", "handle.version");

  xbl::TransferHandleRequest transfer;
  transfer.session_ref = session("t");
  transfer.origin_session_ref = session("u");
  check_none(transfer);
  transfer.version = 105;
  check_one(transfer, "/version", "handle.version");
}

TEST_CASE("permission.reasons: allowed without reasons, denied with them") {
  xbl::PermissionResult allowed;
  allowed.is_allowed = true;
  check_none(allowed);
  allowed.reasons.push_back(reason(xbl::DenyReason::NotAllowed));
  check_one(allowed, "", "permission.reasons");

  xbl::PermissionResult denied;
  check_one(denied, "", "permission.reasons");
  denied.reasons.push_back(reason(xbl::DenyReason::NotAllowed));
  check_none(denied);

  xbl::PermissionCheckBatchResponse response;
  response.responses.resize(2);
  response.responses[0].user.xuid = 1_xuid;
  response.responses[1].user.xuid = 2_xuid;
  response.responses[0].permissions = {denied, denied};
  response.responses[1].permissions = {denied, allowed};
  check_one(response, "/responses/1/permissions/1", "permission.reasons");
}

TEST_CASE("permission.restricted_setting: a privilege or a privacy setting, as the reason says") {
  check_none(reason(xbl::DenyReason::MissingPrivilege, "AllowProfileViewing"));
  check_none(reason(xbl::DenyReason::MissingPrivilege, "AllowIngameVoiceCommunications"));
  check_none(reason(xbl::DenyReason::PrivilegeRestrictsTarget, "AllowMultiplayer"));
  check_none(reason(xbl::DenyReason::PrivilegeRestrictsTarget, "VideoCommunications"));
  check_none(reason(xbl::DenyReason::PrivacySettingRestrictsTarget, "ShareFriendList"));
  check_none(reason(xbl::DenyReason::PrivacySettingRestrictsTarget, "CommunicateDuringCrossNetworkPlay"));
  check_none(reason(xbl::DenyReason::MissingPrivilege));  // it is optional

  check_one(reason(xbl::DenyReason::MissingPrivilege, "ShareFriendList"), "", "permission.restricted_setting");
  check_one(reason(xbl::DenyReason::PrivilegeRestrictsTarget, "SharePresence"), "", "permission.restricted_setting");
  check_one(reason(xbl::DenyReason::PrivacySettingRestrictsTarget, "AllowMultiplayer"), "",
            "permission.restricted_setting");
  check_one(reason(xbl::DenyReason::PrivacySettingRestrictsTarget, "sharefriendlist"), "",
            "permission.restricted_setting");

  // A reason that restricts by no setting names none.
  check_none(reason(xbl::DenyReason::BlockListRestrictsTarget));
  check_one(reason(xbl::DenyReason::NotAllowed, "ShareFriendList"), "", "permission.restricted_setting");
  check_one(reason(xbl::DenyReason::BlockListRestrictsTarget, "AllowProfileViewing"), "",
            "permission.restricted_setting");
  // An unknown reason is reported as such (enum.unknown), not what it names: the seed's case.
  xbl::PermissionReason unknown;
  unknown.reason = xbl::open_enum<xbl::DenyReason>::from_text("PrivilegeRest");
  unknown.restricted_setting = "AllowProfileViewing";
  check_one(unknown, "/reason", "enum.unknown");
  // The reason's case does not matter (DenyReason ignores it); the setting's does.
  xbl::PermissionReason lower;
  lower.reason = xbl::open_enum<xbl::DenyReason>::from_text("missingprivilege");
  lower.restricted_setting = "AllowProfileViewing";
  check_none(lower);
  lower.restricted_setting = "allowprofileviewing";
  check_one(lower, "", "permission.restricted_setting");

  xbl::PermissionResult denied;
  denied.reasons = {reason(xbl::DenyReason::NotAllowed), reason(xbl::DenyReason::MissingPrivilege, "ShareProfile")};
  check_one(denied, "/reasons/1", "permission.restricted_setting");
}

TEST_CASE("permission_user.exactly_one: a xuid or an anonymous user") {
  xbl::PermissionUser xuid;
  xuid.xuid = 12345_xuid;
  check_none(xuid);
  xbl::PermissionUser anonymous;
  anonymous.anonymous_user = xbl::AnonymousUser::crossNetworkFriend;
  check_none(anonymous);
  xbl::PermissionUser both = xuid;
  both.anonymous_user = xbl::AnonymousUser::allUsers;
  check_one(both, "", "permission_user.exactly_one");
  check_one(xbl::PermissionUser{}, "", "permission_user.exactly_one");

  // At the entry's path, and read without error.
  const auto r = xbl::from_json<xbl::PermissionCheckBatchRequest>(
      R"({"users":[{"xuid":"1"},{"xuid":"2","anonymousUser":"allUsers"},{}],"permissions":["ViewTargetProfile"]})");
  REQUIRE(r);
  const auto found = xbl::validate(*r);
  REQUIRE(found.size() == 2);
  CHECK(found[0].path == "/users/1");
  CHECK(found[0].rule == "permission_user.exactly_one");
  CHECK(found[1].path == "/users/2");
  CHECK(found[1].rule == "permission_user.exactly_one");
}

TEST_CASE("batch.non_empty: users and permissions") {
  const auto ok = xbl::from_json<xbl::PermissionCheckBatchRequest>(
      R"({"users":[{"xuid":"1"}],"permissions":["ViewTargetProfile"]})");
  REQUIRE(ok);
  check_none(*ok);

  const auto no_users = xbl::from_json<xbl::PermissionCheckBatchRequest>(R"({"permissions":["ViewTargetProfile"]})");
  REQUIRE(no_users);
  check_one(*no_users, "/users", "batch.non_empty");

  const auto no_permissions =
      xbl::from_json<xbl::PermissionCheckBatchRequest>(R"({"users":[{"xuid":"1"}],"permissions":[]})");
  REQUIRE(no_permissions);
  check_one(*no_permissions, "/permissions", "batch.non_empty");

  const auto neither = xbl::validate(xbl::PermissionCheckBatchRequest{});
  REQUIRE(neither.size() == 2);
  CHECK(neither[0].path == "/users");
  CHECK(neither[0].rule == "batch.non_empty");
  CHECK(neither[1].path == "/permissions");
  CHECK(neither[1].rule == "batch.non_empty");
}

TEST_CASE("presence.last_seen_with_devices: lastSeen only without devices") {
  const auto last_seen_only = xbl::from_json<xbl::PresenceRecord>(
      R"({"xuid":"1","state":"Offline","lastSeen":{"deviceType":"PC","titleId":"714681658","titleName":"Home","timestamp":"2013-02-01T00:00:00Z"}})");
  REQUIRE(last_seen_only);
  check_none(*last_seen_only);
  const auto devices_only =
      xbl::from_json<xbl::PresenceRecord>(R"({"xuid":"1","state":"Online","devices":[{"type":"PC"}]})");
  REQUIRE(devices_only);
  check_none(*devices_only);

  const auto both = xbl::from_json<xbl::PresenceRecord>(
      R"({"xuid":"1","state":"Online","devices":[{"type":"PC"}],"lastSeen":{"deviceType":"PC"}})");
  REQUIRE(both);
  check_one(*both, "", "presence.last_seen_with_devices");
  check_one(std::vector<xbl::PresenceRecord>{*devices_only, *both}, "/1", "presence.last_seen_with_devices");
}

TEST_CASE("presence.level: check_level against the level asked") {
  const auto record = xbl::from_json<xbl::PresenceRecord>(
      R"({"xuid":"1","state":"Online","devices":[{"type":"PC","titles":[{"id":"1","activity":{"richPresence":"x"}}]}]})");
  REQUIRE(record);
  CHECK(xbl::check_level(*record, xbl::PresenceLevel::all).empty());
  const auto at_title = xbl::check_level(*record, xbl::PresenceLevel::title);
  REQUIRE(at_title.size() == 1);
  CHECK(at_title[0].path == "/devices/0/titles/0/activity");
  CHECK(at_title[0].rule == "presence.level");
  CHECK(xbl::check_level(xbl::filter(*record, xbl::PresenceLevel::title), xbl::PresenceLevel::title).empty());
}

TEST_CASE("gamerpic.dimensions: 1080 x 1080") {
  xbl::GamerpicImage image;
  image.width = 1080;
  image.height = 1080;
  check_none(image);
  image.width = 512;
  image.height = 512;
  check_one(image, "", "gamerpic.dimensions");
  image.width = 1080;
  image.height = 1079;
  check_one(image, "", "gamerpic.dimensions");
  image.width = 1081;
  image.height = 1080;
  check_one(image, "", "gamerpic.dimensions");
}

TEST_CASE("enum.unknown: wherever an open enum sits") {
  const auto record = xbl::from_json<xbl::PresenceRecord>(
      R"({"xuid":"1","state":"Busy","devices":[{"type":"PC","titles":[{"id":"1","placement":"Full"},{"id":"2","placement":"side"}]}],"lastSeen":{"deviceType":"Win8"}})");
  REQUIRE(record);
  const auto found = xbl::validate(*record);
  REQUIRE(found.size() == 4);
  CHECK(found[0].path == "/state");
  CHECK(found[0].rule == "enum.unknown");
  CHECK(found[0].message.find("Busy") != std::string::npos);
  CHECK(found[1].path == "/devices/0/titles/1/placement");
  CHECK(found[1].rule == "enum.unknown");
  CHECK(found[2].path == "/lastSeen/deviceType");
  CHECK(found[2].rule == "enum.unknown");
  CHECK(found[3].path == "");
  CHECK(found[3].rule == "presence.last_seen_with_devices");

  xbl::DeviceRecord known;
  known.type = xbl::open_enum<xbl::DeviceType>::from_text("xboxone");
  check_none(known);
  known.type = xbl::open_enum<xbl::DeviceType>::from_text("Win8");
  check_one(known, "/type", "enum.unknown");
}

TEST_CASE("read_options::validate: the first violation fails the read") {
  xbl::read_options validating;
  validating.validate = true;

  const std::string good = R"({"users":[{"xuid":"1"}],"permissions":["ViewTargetProfile"]})";
  CHECK(xbl::from_json<xbl::PermissionCheckBatchRequest>(good, validating));

  const std::string bad = R"({"users":[{"xuid":"1"},{}],"permissions":["viewtargetprofile"]})";
  CHECK(xbl::from_json<xbl::PermissionCheckBatchRequest>(bad));  // without validate it reads
  const auto r = xbl::from_json<xbl::PermissionCheckBatchRequest>(bad, validating);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == xbl::errc::invalid_value);
  CHECK(r.error().path == "/users/1");
  CHECK(r.error().message.find("permission_user.exactly_one") != std::string::npos);

  const auto handle = xbl::from_json<xbl::HandleRequest>(
      R"({"type":"activity","version":2,"sessionRef":{"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":""}})",
      validating);
  REQUIRE_FALSE(handle);
  CHECK(handle.error().code == xbl::errc::invalid_value);
  CHECK(handle.error().path == "/version");

  // A read error comes before any rule.
  const auto broken = xbl::from_json<xbl::PermissionCheckBatchRequest>(R"({"users":[{}],"permissions":[1]})", validating);
  REQUIRE_FALSE(broken);
  CHECK(broken.error().code == xbl::errc::type_mismatch);
  CHECK(broken.error().path == "/permissions/0");
}
