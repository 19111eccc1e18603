#pragma once

// Privacy: POST https://privacy.xboxlive.com/users/{requestorId}/permission/validate, the batch
// permission check, and matching its answer back to the question.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xbl/core.hpp"

namespace xbl {

// The SDK's permission names, then every privacy setting (a permission id may name one directly).
enum class PermissionId {
  CommunicateUsingText, CommunicateUsingVideo, CommunicateUsingVoice, ViewTargetProfile, ViewTargetGameHistory,
  ViewTargetVideoHistory, ViewTargetMusicHistory, ViewTargetExerciseInfo, ViewTargetPresence,
  ViewTargetVideoStatus, ViewTargetMusicStatus, ViewTargetUserCreatedContent, PlayMultiplayer,
  BroadcastWithTwitch, WriteComment, ShareItem, ShareTargetContentToExternalNetworks,
  ShareFriendList, ShareGameHistory, CommunicateUsingTextAndVoice, SharePresence, ShareProfile,
  ShareVideoAndMusicStatus, CollectVoiceData, ShareXboxMusicActivity, ShareExerciseInfo, ShareIdentity,
  ShareIdentityInGame, ShareRecordedGameSessions, CollectLiveTvData, CollectXboxVideoData,
  ShareIdentityTransitively, ShareVideoHistory, ShareMusicHistory, AllowUserCreatedContentViewing,
  AllowProfileViewing, ShowRealTimeActivity, CollectVoiceDataXboxOneFull, CanShareIdentity,
  ShareContentToExternalNetworks, CollectVoiceSearchData, ShareClubMembership, CollectVoiceGameChatData,
  ShareActivityFeed, CommunicateDuringCrossNetworkPlay,
};

enum class PrivacySetting {
  ShareFriendList, ShareGameHistory, CommunicateUsingTextAndVoice, SharePresence, ShareProfile,
  ShareVideoAndMusicStatus, CommunicateUsingVideo, CollectVoiceData, ShareXboxMusicActivity, ShareExerciseInfo,
  ShareIdentity, ShareIdentityInGame, ShareRecordedGameSessions, CollectLiveTvData, CollectXboxVideoData,
  ShareIdentityTransitively, ShareVideoHistory, ShareMusicHistory, AllowUserCreatedContentViewing,
  AllowProfileViewing, ShowRealTimeActivity, CollectVoiceDataXboxOneFull, CanShareIdentity,
  ShareContentToExternalNetworks, CollectVoiceSearchData, ShareClubMembership, CollectVoiceGameChatData,
  ShareActivityFeed, CommunicateDuringCrossNetworkPlay,
};

enum class DenyReason {
  NotAllowed, MissingPrivilege, PrivilegeRestrictsTarget, BlockListRestrictsTarget, MuteListRestrictsTarget,
  PrivacySettingRestrictsTarget, CrossNetworkUserMustBeFriend, BlockedByRequestor,
};

enum class AnonymousUser { crossNetworkUser, crossNetworkFriend, allUsers };

template <>
struct meta<PermissionId> {
  using P = PermissionId;
  static constexpr std::string_view name = "PermissionId";
  static constexpr auto values = make_enum(
      xbl::name(P::CommunicateUsingText, "CommunicateUsingText"),
      xbl::name(P::CommunicateUsingVideo, "CommunicateUsingVideo"),
      xbl::name(P::CommunicateUsingVoice, "CommunicateUsingVoice"),
      xbl::name(P::ViewTargetProfile, "ViewTargetProfile"),
      xbl::name(P::ViewTargetGameHistory, "ViewTargetGameHistory"),
      xbl::name(P::ViewTargetVideoHistory, "ViewTargetVideoHistory"),
      xbl::name(P::ViewTargetMusicHistory, "ViewTargetMusicHistory"),
      xbl::name(P::ViewTargetExerciseInfo, "ViewTargetExerciseInfo"),
      xbl::name(P::ViewTargetPresence, "ViewTargetPresence"),
      xbl::name(P::ViewTargetVideoStatus, "ViewTargetVideoStatus"),
      xbl::name(P::ViewTargetMusicStatus, "ViewTargetMusicStatus"),
      xbl::name(P::ViewTargetUserCreatedContent, "ViewTargetUserCreatedContent"),
      xbl::name(P::PlayMultiplayer, "PlayMultiplayer"), xbl::name(P::BroadcastWithTwitch, "BroadcastWithTwitch"),
      xbl::name(P::WriteComment, "WriteComment"), xbl::name(P::ShareItem, "ShareItem"),
      xbl::name(P::ShareTargetContentToExternalNetworks, "ShareTargetContentToExternalNetworks"),
      xbl::name(P::ShareFriendList, "ShareFriendList"), xbl::name(P::ShareGameHistory, "ShareGameHistory"),
      xbl::name(P::CommunicateUsingTextAndVoice, "CommunicateUsingTextAndVoice"),
      xbl::name(P::SharePresence, "SharePresence"), xbl::name(P::ShareProfile, "ShareProfile"),
      xbl::name(P::ShareVideoAndMusicStatus, "ShareVideoAndMusicStatus"),
      xbl::name(P::CollectVoiceData, "CollectVoiceData"),
      xbl::name(P::ShareXboxMusicActivity, "ShareXboxMusicActivity"),
      xbl::name(P::ShareExerciseInfo, "ShareExerciseInfo"), xbl::name(P::ShareIdentity, "ShareIdentity"),
      xbl::name(P::ShareIdentityInGame, "ShareIdentityInGame"),
      xbl::name(P::ShareRecordedGameSessions, "ShareRecordedGameSessions"),
      xbl::name(P::CollectLiveTvData, "CollectLiveTvData"),
      xbl::name(P::CollectXboxVideoData, "CollectXboxVideoData"),
      xbl::name(P::ShareIdentityTransitively, "ShareIdentityTransitively"),
      xbl::name(P::ShareVideoHistory, "ShareVideoHistory"), xbl::name(P::ShareMusicHistory, "ShareMusicHistory"),
      xbl::name(P::AllowUserCreatedContentViewing, "AllowUserCreatedContentViewing"),
      xbl::name(P::AllowProfileViewing, "AllowProfileViewing"),
      xbl::name(P::ShowRealTimeActivity, "ShowRealTimeActivity"),
      xbl::name(P::CollectVoiceDataXboxOneFull, "CollectVoiceDataXboxOneFull"),
      xbl::name(P::CanShareIdentity, "CanShareIdentity"),
      xbl::name(P::ShareContentToExternalNetworks, "ShareContentToExternalNetworks"),
      xbl::name(P::CollectVoiceSearchData, "CollectVoiceSearchData"),
      xbl::name(P::ShareClubMembership, "ShareClubMembership"),
      xbl::name(P::CollectVoiceGameChatData, "CollectVoiceGameChatData"),
      xbl::name(P::ShareActivityFeed, "ShareActivityFeed"),
      xbl::name(P::CommunicateDuringCrossNetworkPlay, "CommunicateDuringCrossNetworkPlay"));
};

template <>
struct meta<PrivacySetting> {
  using S = PrivacySetting;
  static constexpr std::string_view name = "PrivacySetting";
  static constexpr auto values = make_enum(
      xbl::name(S::ShareFriendList, "ShareFriendList"), xbl::name(S::ShareGameHistory, "ShareGameHistory"),
      xbl::name(S::CommunicateUsingTextAndVoice, "CommunicateUsingTextAndVoice"),
      xbl::name(S::SharePresence, "SharePresence"), xbl::name(S::ShareProfile, "ShareProfile"),
      xbl::name(S::ShareVideoAndMusicStatus, "ShareVideoAndMusicStatus"),
      xbl::name(S::CommunicateUsingVideo, "CommunicateUsingVideo"),
      xbl::name(S::CollectVoiceData, "CollectVoiceData"),
      xbl::name(S::ShareXboxMusicActivity, "ShareXboxMusicActivity"),
      xbl::name(S::ShareExerciseInfo, "ShareExerciseInfo"), xbl::name(S::ShareIdentity, "ShareIdentity"),
      xbl::name(S::ShareIdentityInGame, "ShareIdentityInGame"),
      xbl::name(S::ShareRecordedGameSessions, "ShareRecordedGameSessions"),
      xbl::name(S::CollectLiveTvData, "CollectLiveTvData"),
      xbl::name(S::CollectXboxVideoData, "CollectXboxVideoData"),
      xbl::name(S::ShareIdentityTransitively, "ShareIdentityTransitively"),
      xbl::name(S::ShareVideoHistory, "ShareVideoHistory"), xbl::name(S::ShareMusicHistory, "ShareMusicHistory"),
      xbl::name(S::AllowUserCreatedContentViewing, "AllowUserCreatedContentViewing"),
      xbl::name(S::AllowProfileViewing, "AllowProfileViewing"),
      xbl::name(S::ShowRealTimeActivity, "ShowRealTimeActivity"),
      xbl::name(S::CollectVoiceDataXboxOneFull, "CollectVoiceDataXboxOneFull"),
      xbl::name(S::CanShareIdentity, "CanShareIdentity"),
      xbl::name(S::ShareContentToExternalNetworks, "ShareContentToExternalNetworks"),
      xbl::name(S::CollectVoiceSearchData, "CollectVoiceSearchData"),
      xbl::name(S::ShareClubMembership, "ShareClubMembership"),
      xbl::name(S::CollectVoiceGameChatData, "CollectVoiceGameChatData"),
      xbl::name(S::ShareActivityFeed, "ShareActivityFeed"),
      xbl::name(S::CommunicateDuringCrossNetworkPlay, "CommunicateDuringCrossNetworkPlay"));
};

template <>
struct meta<DenyReason> {
  using R = DenyReason;
  static constexpr std::string_view name = "DenyReason";
  static constexpr bool ignore_case = true;
  static constexpr auto values = make_enum(
      xbl::name(R::NotAllowed, "NotAllowed"), xbl::name(R::MissingPrivilege, "MissingPrivilege"),
      xbl::name(R::PrivilegeRestrictsTarget, "PrivilegeRestrictsTarget"),
      xbl::name(R::BlockListRestrictsTarget, "BlockListRestrictsTarget"),
      xbl::name(R::MuteListRestrictsTarget, "MuteListRestrictsTarget"),
      xbl::name(R::PrivacySettingRestrictsTarget, "PrivacySettingRestrictsTarget"),
      xbl::name(R::CrossNetworkUserMustBeFriend, "CrossNetworkUserMustBeFriend"),
      xbl::name(R::BlockedByRequestor, "BlockedByRequestor"));
};

template <>
struct meta<AnonymousUser> {
  static constexpr std::string_view name = "AnonymousUser";
  static constexpr bool ignore_case = true;
  static constexpr auto values = make_enum(xbl::name(AnonymousUser::crossNetworkUser, "crossNetworkUser"),
                                           xbl::name(AnonymousUser::crossNetworkFriend, "crossNetworkFriend"),
                                           xbl::name(AnonymousUser::allUsers, "allUsers"));
};

// One target of a check: a user with a XUID, or a kind of user without one. Exactly one of the two.
struct PermissionUser {
  std::optional<Xuid> xuid;
  std::optional<open_enum<AnonymousUser>> anonymous_user;
  xbl::extras extras;
  friend bool operator==(const PermissionUser&, const PermissionUser&) = default;
};

struct PermissionCheckBatchRequest {
  std::vector<PermissionUser> users;
  std::vector<open_enum<PermissionId>> permissions;
  xbl::extras extras;
  friend bool operator==(const PermissionCheckBatchRequest&, const PermissionCheckBatchRequest&) = default;
};

struct PermissionReason {
  open_enum<DenyReason> reason;
  std::optional<std::string> restricted_setting;  // the privilege or privacy setting that denied it
  xbl::extras extras;
  friend bool operator==(const PermissionReason&, const PermissionReason&) = default;
};

struct PermissionResult {
  bool is_allowed = false;
  std::vector<PermissionReason> reasons;  // why not: present exactly when is_allowed is false
  xbl::extras extras;
  friend bool operator==(const PermissionResult&, const PermissionResult&) = default;
};

struct PermissionUserResponse {
  PermissionUser user;
  std::vector<PermissionResult> permissions;  // one per requested permission, in request order
  xbl::extras extras;
  friend bool operator==(const PermissionUserResponse&, const PermissionUserResponse&) = default;
};

struct PermissionCheckBatchResponse {
  std::vector<PermissionUserResponse> responses;  // one per requested user, in request order
  xbl::extras extras;
  friend bool operator==(const PermissionCheckBatchResponse&, const PermissionCheckBatchResponse&) = default;
};

namespace detail {

// The privileges a MissingPrivilege or PrivilegeRestrictsTarget reason names.
inline constexpr std::string_view restricting_privileges[] = {
    "AllowIngameVoiceCommunications", "AllowVideoCommunications", "AllowProfileViewing", "AllowCommunications",
    "AllowMultiplayer", "AllowAddFriend", "VideoCommunications"};

inline std::string check_restricted_setting(const PermissionReason& r) {
  const auto reason = r.reason.known();
  if (!reason) return {};  // an unknown reason is reported as such; what it may name is unknown too
  const bool privilege = *reason == DenyReason::MissingPrivilege || *reason == DenyReason::PrivilegeRestrictsTarget;
  const bool setting = *reason == DenyReason::PrivacySettingRestrictsTarget;
  if (!r.restricted_setting) return {};
  const std::string& named = *r.restricted_setting;
  if (privilege) {
    for (auto p : restricting_privileges)
      if (p == named) return {};
    return "restrictedSetting " + detail::quoted(named) + " is not a privilege, which " + std::string(r.reason.text()) +
           " names";
  }
  if (setting) {
    if (enum_from_string<PrivacySetting>(named)) return {};
    return "restrictedSetting " + detail::quoted(named) + " is not a privacy setting, which PrivacySettingRestrictsTarget names";
  }
  return "restrictedSetting is only given with MissingPrivilege, PrivilegeRestrictsTarget or "
         "PrivacySettingRestrictsTarget, not " + std::string(r.reason.text());
}

}  // namespace detail

template <>
struct meta<PermissionUser> {
  static constexpr auto fields =
      make_fields(field("xuid", &PermissionUser::xuid), field("anonymousUser", &PermissionUser::anonymous_user));
  static constexpr auto rules = make_rules(check{"permission_user.exactly_one", [](const PermissionUser& u) {
    return u.xuid.has_value() == u.anonymous_user.has_value()
               ? std::string("a user is exactly one of xuid and anonymousUser")
               : std::string();
  }});
  static constexpr auto extras = &PermissionUser::extras;
};

template <>
struct meta<PermissionCheckBatchRequest> {
  static constexpr auto fields =
      make_fields(field("users", &PermissionCheckBatchRequest::users, non_empty{"batch.non_empty"}),
                  field("permissions", &PermissionCheckBatchRequest::permissions, non_empty{"batch.non_empty"}));
  static constexpr auto extras = &PermissionCheckBatchRequest::extras;
};

template <>
struct meta<PermissionReason> {
  static constexpr auto fields = make_fields(field("reason", &PermissionReason::reason),
                                             field("restrictedSetting", &PermissionReason::restricted_setting));
  static constexpr auto rules = make_rules(check{"permission.restricted_setting", detail::check_restricted_setting});
  static constexpr auto extras = &PermissionReason::extras;
};

template <>
struct meta<PermissionResult> {
  static constexpr auto fields =
      make_fields(field("isAllowed", &PermissionResult::is_allowed), field("reasons", &PermissionResult::reasons));
  static constexpr auto rules = make_rules(check{"permission.reasons", [](const PermissionResult& r) {
    if (r.is_allowed && !r.reasons.empty()) return std::string("an allowed permission gives no reasons");
    if (!r.is_allowed && r.reasons.empty()) return std::string("a denied permission gives at least one reason");
    return std::string();
  }});
  static constexpr auto extras = &PermissionResult::extras;
};

template <>
struct meta<PermissionUserResponse> {
  static constexpr auto fields = make_fields(field("user", &PermissionUserResponse::user),
                                             field("permissions", &PermissionUserResponse::permissions));
  static constexpr auto extras = &PermissionUserResponse::extras;
};

template <>
struct meta<PermissionCheckBatchResponse> {
  static constexpr auto fields = make_fields(field("responses", &PermissionCheckBatchResponse::responses));
  static constexpr auto extras = &PermissionCheckBatchResponse::extras;
};

// ---- matching an answer to its question -----------------------------------------------------------

// The answer to a batch check laid out as users x permissions, in the request's order.
class PermissionMatrix {
 public:
  std::size_t user_count() const noexcept { return users_.size(); }
  std::size_t permission_count() const noexcept { return permissions_.size(); }
  const PermissionResult& at(std::size_t user, std::size_t permission) const {
    return results_.at(user * permissions_.size() + permission);
  }
  const std::vector<PermissionUser>& users() const noexcept { return users_; }
  const std::vector<open_enum<PermissionId>>& permissions() const noexcept { return permissions_; }

  // Empty when that user or that permission was not asked about.
  std::optional<bool> allowed(Xuid user, PermissionId permission) const {
    for (std::size_t u = 0; u < users_.size(); ++u) {
      if (users_[u].xuid != user) continue;
      for (std::size_t p = 0; p < permissions_.size(); ++p)
        if (permissions_[p] == permission) return at(u, p).is_allowed;
    }
    return std::nullopt;
  }

 private:
  friend result<PermissionMatrix> correlate(const PermissionCheckBatchRequest&, const PermissionCheckBatchResponse&);
  std::vector<PermissionUser> users_;
  std::vector<open_enum<PermissionId>> permissions_;
  std::vector<PermissionResult> results_;
};

// Lines a response up with its request: one entry per user, in order, each with one result per
// permission. Fails with the path of the first entry that does not line up (errc::invalid_value).
inline result<PermissionMatrix> correlate(const PermissionCheckBatchRequest& request,
                                          const PermissionCheckBatchResponse& response) {
  auto mismatch = [](std::string path, std::string message) {
    return detail::value_error(errc::invalid_value, std::move(path), std::move(message));
  };
  const auto& entries = response.responses;
  const std::size_t users = request.users.size();
  const std::size_t permissions = request.permissions.size();
  for (std::size_t u = 0; u < users && u < entries.size(); ++u) {
    const std::string path = "/responses/" + std::to_string(u);
    const auto& asked = request.users[u];
    const auto& got = entries[u].user;
    if (asked.xuid != got.xuid || asked.anonymous_user != got.anonymous_user)
      return mismatch(path + "/user", "user " + to_json(got) + " answers for request user " + std::to_string(u) +
                                          ", which is " + to_json(asked));
    if (entries[u].permissions.size() != permissions)
      return mismatch(path + "/permissions", std::to_string(entries[u].permissions.size()) +
                                                 " results for the " + std::to_string(permissions) +
                                                 " permissions asked");
  }
  if (entries.size() != users) {
    const std::size_t first = entries.size() < users ? entries.size() : users;
    return mismatch("/responses/" + std::to_string(first), std::to_string(entries.size()) +
                                                                 " responses for the " + std::to_string(users) +
                                                                 " users asked");
  }
  PermissionMatrix m;
  m.users_ = request.users;
  m.permissions_ = request.permissions;
  m.results_.reserve(users * permissions);
  for (const auto& entry : entries)
    m.results_.insert(m.results_.end(), entry.permissions.begin(), entry.permissions.end());
  return m;
}

namespace detail {
// The privacy models by name (xbl::with_model).
inline constexpr auto privacy_models = make_pack(
    named_model<PermissionUser>{"PermissionUser"},
    named_model<PermissionCheckBatchRequest>{"PermissionCheckBatchRequest"},
    named_model<PermissionReason>{"PermissionReason"},
    named_model<PermissionResult>{"PermissionResult"},
    named_model<PermissionUserResponse>{"PermissionUserResponse"},
    named_model<PermissionCheckBatchResponse>{"PermissionCheckBatchResponse"});
}  // namespace detail

}  // namespace xbl
