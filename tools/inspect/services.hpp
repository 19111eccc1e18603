#pragma once

// What the inspector checks of each service's bodies, declared here and defined in a unit of its own
// (tools/inspect/<service>.cpp): reading and validating the models is most of what the inspector
// costs to compile, and split by service no unit holds all of it and the units compile side by side.
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include <xbl/xbl.hpp>

namespace inspect {

class Checker;
struct HarEntry;

// The models each service's unit reads as a lone payload (--type).
using handles_models = std::tuple<xbl::SessionRef, xbl::InviteAttributes, xbl::ActivityHandleRequest,
                                  xbl::InviteHandleRequest, xbl::TransferHandleRequest, xbl::HandleRequest,
                                  xbl::InviteHandle>;
using presence_models = std::tuple<xbl::PresenceRecord, std::vector<xbl::PresenceRecord>, xbl::DeviceRecord,
                                   xbl::TitleRecord, xbl::ActivityRecord, xbl::MediaRecord, xbl::BroadcastRecord,
                                   xbl::LastSeenRecord>;
using privacy_models = std::tuple<xbl::PermissionUser, xbl::PermissionCheckBatchRequest, xbl::PermissionReason,
                                  xbl::PermissionResult, xbl::PermissionUserResponse,
                                  xbl::PermissionCheckBatchResponse>;

// A model in none of the lists would be an unknown --type.
static_assert(std::tuple_size_v<handles_models> + std::tuple_size_v<presence_models> +
                  std::tuple_size_v<privacy_models> ==
              xbl::model_names.size());

template <class T, class Models>
inline constexpr bool is_one_of = false;
template <class T, class... Models>
inline constexpr bool is_one_of<T, std::tuple<Models...>> = (std::is_same_v<T, Models> || ...);

// The bodies of one exchange with the service's endpoint: `request` is the request body, decoded,
// and the response body is the checker's to decode (Checker::response_body), after the request's
// findings.
void check_handles_bodies(Checker& checker, const std::optional<std::string>& request, const HarEntry& entry);
void check_presence_body(Checker& checker, const HarEntry& entry, std::optional<xbl::PresenceLevel> level);
void check_privacy_bodies(Checker& checker, std::string_view endpoint, const std::optional<std::string>& request,
                          const HarEntry& entry);

// A lone payload read as the model named `type`: false when that is none of the service's models.
bool check_handles_payload(Checker& checker, std::string_view type, std::string_view text);
bool check_presence_payload(Checker& checker, std::string_view type, std::string_view text);
bool check_privacy_payload(Checker& checker, std::string_view type, std::string_view text);

}  // namespace inspect
