// The same as xbl_models.cpp with nlohmann/json: json::parse, then get<T>() through the
// from_json/to_json functions of bench/nlohmann_models.hpp, and dump(). The model types come from
// the xbl headers, so their parsing is in both figures; the reading and writing code is not.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "../nlohmann_models.hpp"

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
  return round_trip<xbl::SessionRef>(text) + round_trip<xbl::InviteAttributes>(text) +
         round_trip<xbl::ActivityHandleRequest>(text) + round_trip<xbl::InviteHandleRequest>(text) +
         round_trip<xbl::TransferHandleRequest>(text) + round_trip<xbl::HandleRequest>(text) +
         round_trip<xbl::InviteHandle>(text) + round_trip<xbl::PresenceRecord>(text) +
         round_trip<std::vector<xbl::PresenceRecord>>(text) + round_trip<xbl::DeviceRecord>(text) +
         round_trip<xbl::TitleRecord>(text) + round_trip<xbl::ActivityRecord>(text) +
         round_trip<xbl::MediaRecord>(text) + round_trip<xbl::BroadcastRecord>(text) +
         round_trip<xbl::LastSeenRecord>(text) + round_trip<xbl::PermissionUser>(text) +
         round_trip<xbl::PermissionCheckBatchRequest>(text) + round_trip<xbl::PermissionReason>(text) +
         round_trip<xbl::PermissionResult>(text) + round_trip<xbl::PermissionUserResponse>(text) +
         round_trip<xbl::PermissionCheckBatchResponse>(text);
}
