#pragma once

// The model types by their names, for programs that learn which type a payload is at run time
// (from an endpoint table entry, a command line): `with_model("InviteHandle", f)` calls
// f(std::type_identity<xbl::InviteHandle>{}).
#include <array>
#include <string_view>
#include <type_traits>
#include <vector>

#include "xbl/handles.hpp"
#include "xbl/presence.hpp"
#include "xbl/privacy.hpp"

namespace xbl {

namespace detail {
template <class T>
struct named_model {
  std::string_view name;
  using type = T;
};

inline constexpr auto models = make_pack(
    named_model<SessionRef>{"SessionRef"},
    named_model<InviteAttributes>{"InviteAttributes"},
    named_model<ActivityHandleRequest>{"ActivityHandleRequest"},
    named_model<InviteHandleRequest>{"InviteHandleRequest"},
    named_model<TransferHandleRequest>{"TransferHandleRequest"},
    named_model<HandleRequest>{"HandleRequest"},
    named_model<InviteHandle>{"InviteHandle"},
    named_model<PresenceRecord>{"PresenceRecord"},
    named_model<std::vector<PresenceRecord>>{"PresenceRecord[]"},
    named_model<DeviceRecord>{"DeviceRecord"},
    named_model<TitleRecord>{"TitleRecord"},
    named_model<ActivityRecord>{"ActivityRecord"},
    named_model<MediaRecord>{"MediaRecord"},
    named_model<BroadcastRecord>{"BroadcastRecord"},
    named_model<LastSeenRecord>{"LastSeenRecord"},
    named_model<PermissionUser>{"PermissionUser"},
    named_model<PermissionCheckBatchRequest>{"PermissionCheckBatchRequest"},
    named_model<PermissionReason>{"PermissionReason"},
    named_model<PermissionResult>{"PermissionResult"},
    named_model<PermissionUserResponse>{"PermissionUserResponse"},
    named_model<PermissionCheckBatchResponse>{"PermissionCheckBatchResponse"});
}  // namespace detail

// The names with_model knows, in the order above.
inline constexpr auto model_names = detail::apply(
    [](const auto&... m) { return std::array<std::string_view, sizeof...(m)>{m.name...}; }, detail::models);

// Calls f(std::type_identity<T>{}) for the JSON model named `name`; false when there is none.
template <class F>
bool with_model(std::string_view name, F&& f) {
  return detail::apply(
      [&](const auto&... m) {
        return ((m.name == name ? (f(std::type_identity<typename std::remove_cvref_t<decltype(m)>::type>{}), true)
                                : false) ||
                ...);
      },
      detail::models);
}

}  // namespace xbl
