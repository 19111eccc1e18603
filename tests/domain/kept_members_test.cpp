#include "xbl_test.hpp"

#include <string>
#include <type_traits>
#include <vector>

// Members this library does not know survive a read and a write with unknown_keys = keep, byte for
// byte, in every service's payloads.

namespace {

template <class T>
void check_kept(const std::string& payload) {
  CAPTURE(payload);
  xbl::read_options keep;
  keep.unknown_keys = xbl::unknown_key_policy::keep;
  const auto r = xbl::from_json<T>(payload, keep);
  REQUIRE_MESSAGE(r, fmt::format("{}", r.error()));
  CHECK(xbl::to_json(*r) == payload);
  if constexpr (!std::is_same_v<T, std::vector<xbl::PresenceRecord>>) CHECK(fmt::format("{}", *r) == payload);

  // Pretty and back, with keep again, loses nothing either. (The values are compared by their
  // JSON: a kept member is raw text, and its text now has the pretty layout's whitespace.)
  xbl::write_options pretty;
  pretty.pretty = true;
  const std::string layout = xbl::to_json(*r, pretty);
  const auto again = xbl::from_json<T>(layout, keep);
  REQUIRE(again);
  CHECK(xbl::to_json(*again, pretty) == layout);
  CHECK(xbl::to_json(*again) == payload);

  // Skipped, the unknown members are gone and the rest is the same value.
  const auto skipped = xbl::from_json<T>(payload);
  REQUIRE(skipped);
  CHECK(xbl::to_json(*skipped).size() < payload.size());
  CHECK(xbl::to_json(*skipped) == xbl::to_json(xbl::from_json<T>(xbl::to_json(*skipped), keep).value()));
}

}  // namespace

TEST_CASE("unknown members survive read and write with unknown_keys = keep, byte for byte") {
  // Presence: unknown members in the record, in a device and a title inside arrays, inside the
  // activity and its media, with values of every JSON kind; and described members present as null
  // or [] where that was what the payload said.
  const std::string presence =
      R"([{"xuid":"0123456789","state":"online","devices":[{"type":"XboxOne","titles":[{"id":12341234,"name":"Contoso \"5\" é\\日🎮","lastModified":"2012-09-17T07:15:23.4930000","placement":"FULL","activity":{"richPresence":"Playing","media":{"id":"m","idType":"bing","rating":{"stars":4,"tags":["a",null,true,false,-1.5e3,{"deep":[[],{}]}]}},"broadcastNext":[1,2.50,"\u00e9\ud83c\udfae"]},"sessionHint":"abc"},{"id":"1","name":null}],"firmware":"10.0.1"},{"type":"Win8","titles":[],"os":{"name":"Windows"}}],"lastSeen":null,"mood":"\u00e9t\u00e9","friends":[{"xuid":"1"}]},)"
      R"({"xuid":"1","state":"Away","devices":[],"extra":0}])";
  check_kept<std::vector<xbl::PresenceRecord>>(presence);

  // The contents of what was kept.
  xbl::read_options keep;
  keep.unknown_keys = xbl::unknown_key_policy::keep;
  const auto records = xbl::from_json<std::vector<xbl::PresenceRecord>>(presence, keep);
  REQUIRE(records);
  const auto& unknown = (*records)[0].extras.unknown;
  REQUIRE(unknown.size() == 2);
  CHECK(unknown[0].first == "mood");
  CHECK(unknown[0].second.text() == R"("\u00e9t\u00e9")");
  CHECK(unknown[1].first == "friends");
  CHECK(unknown[1].second.text() == R"([{"xuid":"1"}])");
  CHECK((*records)[0].devices[0].titles[0].extras.unknown.at(0).first == "sessionHint");
  CHECK((*records)[0].devices[0].titles[0].activity->media->extras.unknown.at(0).first == "rating");
  CHECK((*records)[0].devices[1].extras.unknown.at(0).second.text() == R"({"name":"Windows"})");

  // Handles: in the body, in its session reference and invite attributes; `type` stays the tag.
  check_kept<xbl::HandleRequest>(
      R"({"id":"47CA0049-a5ba-4bc1-aa22-fcf834ce4c13","version":1,"type":"invite","sessionRef":{"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":"deathmatch","region":"westus"},"inviteAttributes":{"titleId":"12341234","context":"a b","gameMode":{"teams":[2,2]}},"invitedXuid":"3210","priority":"high","tags":[]})");
  check_kept<xbl::InviteHandle>(
      R"({"id":"47ca0049-a5ba-4bc1-aa22-fcf834ce4c13","type":"invite","sessionRef":{"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":"t","name":null,"x":1},"ownerXuid":"02","expiration":"2013-01-01T00:00:00Z"})");

  // Privacy: in each response entry, in its user, in each result and reason.
  check_kept<xbl::PermissionCheckBatchResponse>(
      R"({"responses":[{"user":{"xuid":"12345","gamertag":"Contoso"},"permissions":[{"isAllowed":true,"cached":true},{"isAllowed":false,"reasons":[{"reason":"PrivilegeRest","restrictedSetting":"AllowProfileViewing","detail":{"code":403}}]}],"etag":"\"abc\""}],"continuation":null})");
  check_kept<xbl::PermissionCheckBatchRequest>(
      R"({"users":[{"anonymousUser":"CrossNetworkUser","platform":"PSN"}],"permissions":["ViewTargetProfile","viewtargetprofile"],"locale":"fr-FR"})");
}

TEST_CASE("unknown members kept: a pretty payload writes back pretty, byte for byte") {
  const std::string pretty_payload =
      "{\n"
      "  \"scid\": \"bd6c41c3-01c3-468a-a3b5-3e0fe8133862\",\n"
      "  \"templateName\": \"deathmatch\",\n"
      "  \"region\": {\n"
      "    \"name\": \"westus\",\n"
      "    \"hosts\": [\n"
      "      1,\n"
      "      {\n"
      "        \"a\": []\n"
      "      }\n"
      "    ],\n"
      "    \"empty\": {}\n"
      "  }\n"
      "}";
  xbl::read_options keep;
  keep.unknown_keys = xbl::unknown_key_policy::keep;
  const auto r = xbl::from_json<xbl::SessionRef>(pretty_payload, keep);
  REQUIRE(r);
  xbl::write_options pretty;
  pretty.pretty = true;
  CHECK(xbl::to_json(*r, pretty) == pretty_payload);
  CHECK(fmt::format("{:p}", *r) == pretty_payload);
  CHECK(xbl::to_json(*r) ==
        R"({"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":"deathmatch","region":{"name":"westus","hosts":[1,{"a":[]}],"empty":{}}})");
}
