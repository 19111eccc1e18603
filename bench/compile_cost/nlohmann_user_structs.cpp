// The same as xbl_user_structs.cpp with nlohmann/json, described as its users do: its macros, and
// a serializer for std::optional (which nlohmann/json 3.11 lacks).
#include <cstddef>
#include <exception>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "user_structs.hpp"

template <class T>
struct nlohmann::adl_serializer<std::optional<T>> {
  static void to_json(json& j, const std::optional<T>& v) {
    if (v) j = *v;
    else j = nullptr;
  }
  static void from_json(const json& j, std::optional<T>& v) {
    if (j.is_null()) v.reset();
    else v = j.get<T>();
  }
};

namespace user {
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Activity, richPresence, mediaId)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Title, id, name, placement, state, lastModified, activity)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Device, type, titles)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Presence, xuid, state, devices, lastSeen)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Reason, reason, restrictedSetting)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Result, isAllowed, reasons)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Requester, xuid, anonymousUser)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Permissions, user, permissions)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Batch, responses)
}  // namespace user

namespace {

template <class T>
std::size_t round_trip(std::string_view text) {
  try {
    const T value = nlohmann::json::parse(text).get<T>();
    return nlohmann::json(value).dump().size();
  } catch (const std::exception&) {
    return 0;
  }
}

}  // namespace

std::size_t round_trip_all(std::string_view text) {
  return round_trip<user::Activity>(text) + round_trip<user::Title>(text) + round_trip<user::Device>(text) +
         round_trip<user::Presence>(text) + round_trip<user::Reason>(text) + round_trip<user::Result>(text) +
         round_trip<user::Requester>(text) + round_trip<user::Permissions>(text) + round_trip<user::Batch>(text);
}
