#include "xbl_test.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>

// Every enumeration SPEC.md lists: its wire names, its aliases, whether it ignores case, and that an
// open_enum writes back the text it read.

namespace {

// Each name must be known, must be the canonical name of its own enumerator, and the names must
// name distinct enumerators.
template <class E>
void check_names(const std::vector<std::string_view>& names) {
  std::set<E> seen;
  for (auto name : names) {
    CAPTURE(name);
    const auto value = xbl::enum_from_string<E>(name);
    REQUIRE(value.has_value());
    CHECK(xbl::to_string(*value) == name);
    seen.insert(*value);
  }
  CHECK(seen.size() == names.size());
}

template <class E>
xbl::open_enum<E> read_enum(std::string_view text) {
  const auto json = "\"" + std::string(text) + "\"";
  auto r = xbl::from_json<xbl::open_enum<E>>(json);
  REQUIRE(r);
  // Whatever was read is written back.
  CHECK(xbl::to_json(*r) == json);
  CHECK(r->text() == text);
  return *r;
}

const std::vector<std::string_view> privacy_settings = {
    "ShareFriendList", "ShareGameHistory", "CommunicateUsingTextAndVoice", "SharePresence", "ShareProfile",
    "ShareVideoAndMusicStatus", "CommunicateUsingVideo", "CollectVoiceData", "ShareXboxMusicActivity",
    "ShareExerciseInfo", "ShareIdentity", "ShareIdentityInGame", "ShareRecordedGameSessions", "CollectLiveTvData",
    "CollectXboxVideoData", "ShareIdentityTransitively", "ShareVideoHistory", "ShareMusicHistory",
    "AllowUserCreatedContentViewing", "AllowProfileViewing", "ShowRealTimeActivity", "CollectVoiceDataXboxOneFull",
    "CanShareIdentity", "ShareContentToExternalNetworks", "CollectVoiceSearchData", "ShareClubMembership",
    "CollectVoiceGameChatData", "ShareActivityFeed", "CommunicateDuringCrossNetworkPlay"};

}  // namespace

TEST_CASE("every enumeration has the wire names SPEC.md lists") {
  check_names<xbl::PresenceState>({"Online", "Away", "Offline"});
  check_names<xbl::DeviceType>({"D", "Xbox360", "MoLIVE", "WindowsPhone", "WindowsPhone7", "PC", "Web",
                                "WindowsOneCore", "WindowsOneCoreMobile", "iOS", "Android", "AppleTV", "Nintendo",
                                "PlayStation", "Win32", "Scarlett"});
  check_names<xbl::Placement>({"full", "fill", "snapped", "background"});
  check_names<xbl::TitleState>({"active", "inactive"});
  check_names<xbl::MediaIdType>({"bing", "provider"});
  check_names<xbl::BroadcastProvider>({"twitch"});
  check_names<xbl::PresenceLevel>({"user", "device", "title", "all"});
  check_names<xbl::DenyReason>({"NotAllowed", "MissingPrivilege", "PrivilegeRestrictsTarget",
                                "BlockListRestrictsTarget", "MuteListRestrictsTarget",
                                "PrivacySettingRestrictsTarget", "CrossNetworkUserMustBeFriend",
                                "BlockedByRequestor"});
  check_names<xbl::AnonymousUser>({"crossNetworkUser", "crossNetworkFriend", "allUsers"});
  check_names<xbl::PrivacySetting>(privacy_settings);

  std::vector<std::string_view> permissions = {
      "CommunicateUsingText", "CommunicateUsingVideo", "CommunicateUsingVoice", "ViewTargetProfile",
      "ViewTargetGameHistory", "ViewTargetVideoHistory", "ViewTargetMusicHistory", "ViewTargetExerciseInfo",
      "ViewTargetPresence", "ViewTargetVideoStatus", "ViewTargetMusicStatus", "ViewTargetUserCreatedContent",
      "PlayMultiplayer", "BroadcastWithTwitch", "WriteComment", "ShareItem", "ShareTargetContentToExternalNetworks"};
  // Every privacy setting is a permission id too; CommunicateUsingVideo is in both lists, one enumerator.
  for (auto s : privacy_settings)
    if (s != "CommunicateUsingVideo") permissions.push_back(s);
  CHECK(permissions.size() == 45);
  check_names<xbl::PermissionId>(permissions);
}

TEST_CASE("the C++ enumerator is spelled as its first wire name") {
  CHECK(xbl::to_string(xbl::PresenceState::Online) == "Online");
  CHECK(xbl::to_string(xbl::PresenceLevel::all) == "all");
  CHECK(xbl::to_string(xbl::Placement::full) == "full");
  CHECK(xbl::to_string(xbl::DeviceType::D) == "D");
  CHECK(xbl::to_string(xbl::DeviceType::MoLIVE) == "MoLIVE");
  CHECK(xbl::to_string(xbl::DeviceType::iOS) == "iOS");
  CHECK(xbl::to_string(xbl::AnonymousUser::crossNetworkUser) == "crossNetworkUser");
  CHECK(xbl::to_string(xbl::PermissionId::ViewTargetProfile) == "ViewTargetProfile");
  CHECK(xbl::to_string(xbl::PermissionId::CommunicateDuringCrossNetworkPlay) == "CommunicateDuringCrossNetworkPlay");
  CHECK(xbl::to_string(xbl::PrivacySetting::CommunicateUsingVideo) == "CommunicateUsingVideo");
  CHECK(xbl::to_string(xbl::DenyReason::BlockedByRequestor) == "BlockedByRequestor");
  CHECK(xbl::to_string(xbl::MediaIdType::provider) == "provider");
  CHECK(xbl::to_string(xbl::BroadcastProvider::twitch) == "twitch");
  CHECK(xbl::to_string(xbl::TitleState::inactive) == "inactive");
}

TEST_CASE("DeviceType: aliases and case, each written back as read") {
  using xbl::DeviceType;
  struct alias {
    std::string_view text;
    DeviceType value;
  };
  const alias aliases[] = {
      {"D", DeviceType::D},           {"XboxOne", DeviceType::D},       {"MCapensis", DeviceType::D},
      {"d", DeviceType::D},           {"XBOXONE", DeviceType::D},       {"mcapensis", DeviceType::D},
      {"MoLIVE", DeviceType::MoLIVE}, {"MoLive", DeviceType::MoLIVE},   {"W8", DeviceType::MoLIVE},
      {"w8", DeviceType::MoLIVE},     {"molive", DeviceType::MoLIVE},   {"IOS", DeviceType::iOS},
      {"pc", DeviceType::PC},         {"scarlett", DeviceType::Scarlett}, {"Xbox360", DeviceType::Xbox360},
  };
  for (const auto& a : aliases) {
    CAPTURE(a.text);
    const auto e = read_enum<DeviceType>(a.text);
    CHECK(e.is_known());
    CHECK(e.known() == a.value);
    CHECK(e == a.value);
    CHECK(e == xbl::open_enum<DeviceType>(a.value));
  }
  // Spellings are one value: XboxOne and D compare equal, and each keeps its own text.
  const auto xbox_one = read_enum<DeviceType>("XboxOne");
  const auto d = read_enum<DeviceType>("D");
  CHECK(xbox_one == d);
  CHECK(xbox_one.text() == "XboxOne");
  CHECK(d.text() == "D");

  // Not known: Win8 (the seed's), Windows8, XboxOneX.
  for (std::string_view text : {"Win8", "Windows8", "XboxOneX", ""}) {
    CAPTURE(text);
    const auto e = read_enum<DeviceType>(text);
    CHECK_FALSE(e.is_known());
    CHECK_FALSE(e.known().has_value());
    CHECK_FALSE(e == DeviceType::D);
  }
  // Unknown texts compare by their exact text.
  CHECK(read_enum<DeviceType>("Win8") == read_enum<DeviceType>("Win8"));
  CHECK_FALSE(read_enum<DeviceType>("Win8") == read_enum<DeviceType>("win8"));
  CHECK_FALSE(read_enum<DeviceType>("Win8") == xbl::open_enum<DeviceType>(DeviceType::D));
}

TEST_CASE("PresenceState, Placement, TitleState, BroadcastProvider, AnonymousUser, DenyReason ignore case") {
  CHECK(read_enum<xbl::PresenceState>("online") == xbl::PresenceState::Online);
  CHECK(read_enum<xbl::PresenceState>("AWAY") == xbl::PresenceState::Away);
  CHECK(read_enum<xbl::PresenceState>("offline") == xbl::PresenceState::Offline);
  CHECK_FALSE(read_enum<xbl::PresenceState>("Busy").is_known());
  CHECK(read_enum<xbl::Placement>("Full") == xbl::Placement::full);
  CHECK(read_enum<xbl::Placement>("SNAPPED") == xbl::Placement::snapped);
  CHECK(read_enum<xbl::TitleState>("Active") == xbl::TitleState::active);
  CHECK(read_enum<xbl::BroadcastProvider>("Twitch") == xbl::BroadcastProvider::twitch);
  CHECK(read_enum<xbl::AnonymousUser>("CrossNetworkUser") == xbl::AnonymousUser::crossNetworkUser);
  CHECK(read_enum<xbl::AnonymousUser>("ALLUSERS") == xbl::AnonymousUser::allUsers);
  CHECK(read_enum<xbl::DenyReason>("notallowed") == xbl::DenyReason::NotAllowed);
  CHECK(read_enum<xbl::DenyReason>("PRIVILEGERESTRICTSTARGET") == xbl::DenyReason::PrivilegeRestrictsTarget);
  // A truncated name is no name: the seed's PrivilegeRest.
  CHECK_FALSE(read_enum<xbl::DenyReason>("PrivilegeRest").is_known());
  CHECK_FALSE(read_enum<xbl::DenyReason>("NotAllowed ").is_known());
}

TEST_CASE("PermissionId, PrivacySetting, MediaIdType and PresenceLevel match exactly") {
  const auto lower = read_enum<xbl::PermissionId>("viewtargetprofile");
  CHECK_FALSE(lower.is_known());
  CHECK_FALSE(lower == xbl::PermissionId::ViewTargetProfile);
  CHECK(read_enum<xbl::PermissionId>("ViewTargetProfile") == xbl::PermissionId::ViewTargetProfile);
  CHECK_FALSE(read_enum<xbl::PermissionId>("VIEWTARGETPROFILE").is_known());
  CHECK(read_enum<xbl::PermissionId>("ShareFriendList") == xbl::PermissionId::ShareFriendList);
  CHECK_FALSE(read_enum<xbl::PrivacySetting>("sharefriendlist").is_known());
  CHECK_FALSE(read_enum<xbl::MediaIdType>("Bing").is_known());
  CHECK(read_enum<xbl::MediaIdType>("bing") == xbl::MediaIdType::bing);
  CHECK_FALSE(read_enum<xbl::PresenceLevel>("All").is_known());
  CHECK_FALSE(xbl::enum_from_string<xbl::PermissionId>("viewtargetprofile").has_value());
  CHECK(xbl::enum_from_string<xbl::PermissionId>("ViewTargetProfile") == xbl::PermissionId::ViewTargetProfile);
  static_assert(xbl::enum_from_string<xbl::DeviceType>("w8") == xbl::DeviceType::MoLIVE);
  static_assert(!xbl::enum_from_string<xbl::PermissionId>("viewtargetprofile").has_value());
}

TEST_CASE("an unknown value reads, is written back, is reported by validate, and fails under strict_enums") {
  const std::string body = R"({"users":[{"xuid":"1"}],"permissions":["ViewTargetProfile","viewtargetprofile"]})";
  const auto r = xbl::from_json<xbl::PermissionCheckBatchRequest>(body);
  REQUIRE(r);
  REQUIRE(r->permissions.size() == 2);
  CHECK(r->permissions[0] == xbl::PermissionId::ViewTargetProfile);
  CHECK_FALSE(r->permissions[1].is_known());
  CHECK(r->permissions[1].text() == "viewtargetprofile");
  CHECK(xbl::to_json(*r) == body);

  const auto v = xbl::validate(*r);
  REQUIRE(v.size() == 1);
  CHECK(v[0].path == "/permissions/1");
  CHECK(v[0].rule == "enum.unknown");

  xbl::read_options strict;
  strict.strict_enums = true;
  const auto s = xbl::from_json<xbl::PermissionCheckBatchRequest>(body, strict);
  REQUIRE_FALSE(s);
  CHECK(s.error().code == xbl::errc::unknown_enum);
  CHECK(s.error().path == "/permissions/1");
  CHECK(s.error().column == body.find("\"viewtargetprofile\"") + 1);

  // A known alias is no error under strict_enums, and keeps its text.
  const auto alias = xbl::from_json<xbl::DeviceRecord>(R"({"type":"XboxOne"})", strict);
  REQUIRE(alias);
  CHECK(alias->type == xbl::DeviceType::D);
  CHECK(xbl::to_json(*alias) == R"({"type":"XboxOne"})");

  // A non-string is a type mismatch, not an unknown value.
  const auto number = xbl::from_json<xbl::DeviceRecord>(R"({"type":1})");
  REQUIRE_FALSE(number);
  CHECK(number.error().code == xbl::errc::type_mismatch);
  CHECK(number.error().path == "/type");
}

TEST_CASE("open_enum construction, formatting and conversion") {
  const xbl::open_enum<xbl::DeviceType> constructed(xbl::DeviceType::Scarlett);
  CHECK(constructed.is_known());
  CHECK(constructed.text() == "Scarlett");
  CHECK(xbl::to_json(constructed) == R"("Scarlett")");
  CHECK(fmt::format("{}", constructed) == R"("Scarlett")");
  CHECK(fmt::format("{}", read_enum<xbl::DeviceType>("W8")) == R"("W8")");
  const xbl::open_enum<xbl::PresenceState> defaulted;
  CHECK(defaulted == xbl::PresenceState::Online);
}

TEST_CASE("Privilege has the service's numbers") {
  using xbl::Privilege;
  CHECK(static_cast<int>(Privilege::Broadcast) == 190);
  CHECK(static_cast<int>(Privilege::ViewFriendsList) == 197);
  CHECK(static_cast<int>(Privilege::GameDvr) == 198);
  CHECK(static_cast<int>(Privilege::ShareKinectContent) == 199);
  CHECK(static_cast<int>(Privilege::MultiplayerParties) == 203);
  CHECK(static_cast<int>(Privilege::CommunicationVoiceIngame) == 205);
  CHECK(static_cast<int>(Privilege::CommunicationVoiceSkype) == 206);
  CHECK(static_cast<int>(Privilege::CloudGamingManageSession) == 207);
  CHECK(static_cast<int>(Privilege::CloudGamingJoinSession) == 208);
  CHECK(static_cast<int>(Privilege::CloudSavedGames) == 209);
  CHECK(static_cast<int>(Privilege::ShareContent) == 211);
  CHECK(static_cast<int>(Privilege::PremiumContent) == 214);
  CHECK(static_cast<int>(Privilege::SubscriptionContent) == 219);
  CHECK(static_cast<int>(Privilege::SocialNetworkSharing) == 220);
  CHECK(static_cast<int>(Privilege::PremiumVideo) == 224);
  CHECK(static_cast<int>(Privilege::VideoCommunications) == 235);
  CHECK(static_cast<int>(Privilege::PurchaseContent) == 245);
  CHECK(static_cast<int>(Privilege::UserCreatedContent) == 247);
  CHECK(static_cast<int>(Privilege::ProfileViewing) == 249);
  CHECK(static_cast<int>(Privilege::Communications) == 252);
  CHECK(static_cast<int>(Privilege::MultiplayerSessions) == 254);
  CHECK(static_cast<int>(Privilege::AddFriend) == 255);
  CHECK(xbl::to_string(Privilege::ShareContent) == "ShareContent");
}

TEST_CASE("open_enum: every spelling survives a copy, a move and an assignment, and writes back as read") {
  using xbl::DeviceType;
  // The canonical name, an alias (kept as its place in the table), another letter case and an
  // unknown text (kept as text), and an unknown empty text.
  for (const std::string_view text : {"D", "XboxOne", "xboxone", "Win8", "", "MCapensis"}) {
    CAPTURE(text);
    const auto read = read_enum<DeviceType>(text);
    CHECK(read.text() == text);
    auto copy = read;
    CHECK(copy.text() == text);
    CHECK(copy == read);
    auto moved = std::move(copy);
    CHECK(moved.text() == text);
    xbl::open_enum<DeviceType> assigned(DeviceType::PC);
    assigned = moved;
    CHECK(assigned.text() == text);
    assigned = read_enum<DeviceType>("Web");
    CHECK(assigned.text() == "Web");
    CHECK(xbl::to_json(read) == "\"" + std::string(text) + "\"");
  }
}

TEST_CASE("kept_members: a deep copy, a move, and the vector's everyday operations") {
  const auto record =
      xbl::from_json<xbl::MediaRecord>(R"({"id":"1","a":[1,2],"b":{"c":null}})", {.unknown_keys = xbl::unknown_key_policy::keep});
  REQUIRE(record);
  const auto& kept = record->extras.unknown;
  REQUIRE(kept.size() == 2);
  CHECK(kept.at(0).first == "a");
  CHECK(kept[1].second.text() == R"({"c":null})");
  CHECK_THROWS_AS((void)kept.at(2), std::out_of_range);
  auto copy = *record;
  copy.extras.unknown.emplace_back("d", xbl::raw_json{});
  CHECK(record->extras.unknown.size() == 2);  // the copy is its own
  CHECK_FALSE(copy == *record);
  copy.extras.unknown.clear();
  CHECK(copy.extras.unknown.empty());
  CHECK(copy.extras.unknown.begin() == copy.extras.unknown.end());
  auto moved = std::move(copy);
  CHECK(moved.extras.unknown.empty());
  std::size_t n = 0;
  for (const auto& [name, value] : record->extras.unknown) n += name.size() + value.text().size();
  CHECK(n == 1 + 5 + 1 + 10);
  CHECK(xbl::to_json(*record) == R"({"id":"1","a":[1,2],"b":{"c":null}})");
}
