// bench/compile_cost/user_structs.hpp described for xbl, each struct read and written: what a
// user's unit of plain structs costs. Measured next to nlohmann_user_structs.cpp.
#include <cstddef>
#include <string_view>

#include <xbl/core.hpp>

#include "user_structs.hpp"

template <>
struct xbl::meta<user::Activity> {
  static constexpr auto fields = make_fields(field("richPresence", &user::Activity::richPresence),
                                             field("mediaId", &user::Activity::mediaId));
};
template <>
struct xbl::meta<user::Title> {
  static constexpr auto fields = make_fields(
      field("id", &user::Title::id), field("name", &user::Title::name), field("placement", &user::Title::placement),
      field("state", &user::Title::state), field("lastModified", &user::Title::lastModified),
      field("activity", &user::Title::activity));
};
template <>
struct xbl::meta<user::Device> {
  static constexpr auto fields = make_fields(field("type", &user::Device::type), field("titles", &user::Device::titles));
};
template <>
struct xbl::meta<user::Presence> {
  static constexpr auto fields =
      make_fields(field("xuid", &user::Presence::xuid), field("state", &user::Presence::state),
                  field("devices", &user::Presence::devices), field("lastSeen", &user::Presence::lastSeen));
};
template <>
struct xbl::meta<user::Reason> {
  static constexpr auto fields = make_fields(field("reason", &user::Reason::reason),
                                             field("restrictedSetting", &user::Reason::restrictedSetting));
};
template <>
struct xbl::meta<user::Result> {
  static constexpr auto fields =
      make_fields(field("isAllowed", &user::Result::isAllowed), field("reasons", &user::Result::reasons));
};
template <>
struct xbl::meta<user::Requester> {
  static constexpr auto fields = make_fields(field("xuid", &user::Requester::xuid),
                                             field("anonymousUser", &user::Requester::anonymousUser));
};
template <>
struct xbl::meta<user::Permissions> {
  static constexpr auto fields = make_fields(field("user", &user::Permissions::user),
                                             field("permissions", &user::Permissions::permissions));
};
template <>
struct xbl::meta<user::Batch> {
  static constexpr auto fields = make_fields(field("responses", &user::Batch::responses));
};

namespace {

template <class T>
std::size_t round_trip(std::string_view text) {
  auto value = xbl::from_json<T>(text);
  return value ? xbl::to_json(*value).size() : 0;
}

}  // namespace

std::size_t round_trip_all(std::string_view text) {
  return round_trip<user::Activity>(text) + round_trip<user::Title>(text) + round_trip<user::Device>(text) +
         round_trip<user::Presence>(text) + round_trip<user::Reason>(text) + round_trip<user::Result>(text) +
         round_trip<user::Requester>(text) + round_trip<user::Permissions>(text) + round_trip<user::Batch>(text);
}
