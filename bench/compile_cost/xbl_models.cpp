// One translation unit that reads and writes every model type with xbl: what a program that uses
// all of them costs to compile. Measured by bench/compile_cost.sh next to nlohmann_models.cpp.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xbl/xbl.hpp>

namespace {

template <class T>
std::size_t round_trip(std::string_view text) {
  auto value = xbl::from_json<T>(text);
  return value ? xbl::to_json(*value).size() : 0;
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
