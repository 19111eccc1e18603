// nlohmann/json's way to the library's model types: a from_json and a to_json for each, as its
// documentation teaches (adl_serializer specialisations, since the types are not ours to add
// free functions to). `json::parse(text).get<T>()` reads, `json(value).dump()` writes.
//
// Optional members are read only when present and not null, and written only when they hold a
// value; a vector member is written when not empty: the same choices the library makes. The
// identifiers are made with their own parse(), as the library makes them, and keep their wire
// form. Unknown members are dropped, as the library does by default.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>
#include <xbl/xbl.hpp>

namespace xbl_nlohmann {

using json = nlohmann::json;

template <class T>
void get_optional(const json& j, const char* key, std::optional<T>& out) {
  if (const auto it = j.find(key); it != j.end() && !it->is_null()) out = it->template get<T>();
}
template <class T>
void get_vector(const json& j, const char* key, std::vector<T>& out) {
  if (const auto it = j.find(key); it != j.end()) it->get_to(out);
}
template <class T>
void put_optional(json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}
template <class T>
void put_vector(json& j, const char* key, const std::vector<T>& v) {
  if (!v.empty()) j[key] = v;
}

// The identifiers read from their wire text with the library's own parse().
template <class Id>
Id parse_id(const json& j) {
  auto r = Id::parse(j.get_ref<const std::string&>());
  if (!r) throw std::runtime_error(r.error().message);
  return *r;
}

}  // namespace xbl_nlohmann

namespace nlohmann {

#define XBL_NLOHMANN_SERIALIZER(Type)                  \
  template <>                                          \
  struct adl_serializer<Type> {                        \
    static void from_json(const json& j, Type& v);     \
    static void to_json(json& j, const Type& v);       \
  };
XBL_NLOHMANN_SERIALIZER(xbl::Xuid)
XBL_NLOHMANN_SERIALIZER(xbl::Guid)
XBL_NLOHMANN_SERIALIZER(xbl::TitleId)
XBL_NLOHMANN_SERIALIZER(xbl::Timestamp)
XBL_NLOHMANN_SERIALIZER(xbl::SessionRef)
XBL_NLOHMANN_SERIALIZER(xbl::InviteAttributes)
XBL_NLOHMANN_SERIALIZER(xbl::ActivityHandleRequest)
XBL_NLOHMANN_SERIALIZER(xbl::InviteHandleRequest)
XBL_NLOHMANN_SERIALIZER(xbl::TransferHandleRequest)
XBL_NLOHMANN_SERIALIZER(xbl::HandleRequest)
XBL_NLOHMANN_SERIALIZER(xbl::InviteHandle)
XBL_NLOHMANN_SERIALIZER(xbl::MediaRecord)
XBL_NLOHMANN_SERIALIZER(xbl::BroadcastRecord)
XBL_NLOHMANN_SERIALIZER(xbl::ActivityRecord)
XBL_NLOHMANN_SERIALIZER(xbl::TitleRecord)
XBL_NLOHMANN_SERIALIZER(xbl::DeviceRecord)
XBL_NLOHMANN_SERIALIZER(xbl::LastSeenRecord)
XBL_NLOHMANN_SERIALIZER(xbl::PresenceRecord)
XBL_NLOHMANN_SERIALIZER(xbl::PermissionUser)
XBL_NLOHMANN_SERIALIZER(xbl::PermissionCheckBatchRequest)
XBL_NLOHMANN_SERIALIZER(xbl::PermissionReason)
XBL_NLOHMANN_SERIALIZER(xbl::PermissionResult)
XBL_NLOHMANN_SERIALIZER(xbl::PermissionUserResponse)
XBL_NLOHMANN_SERIALIZER(xbl::PermissionCheckBatchResponse)
#undef XBL_NLOHMANN_SERIALIZER

// An enumeration is its wire text; open_enum keeps an unknown one.
template <class E>
struct adl_serializer<xbl::open_enum<E>> {
  static void from_json(const json& j, xbl::open_enum<E>& v) {
    v = xbl::open_enum<E>::from_text(j.get_ref<const std::string&>());
  }
  static void to_json(json& j, const xbl::open_enum<E>& v) { j = std::string(v.text()); }
};

// ---- identifiers ------------------------------------------------------------------------------

inline void adl_serializer<xbl::Xuid>::from_json(const json& j, xbl::Xuid& v) {
  v = xbl_nlohmann::parse_id<xbl::Xuid>(j);
}
inline void adl_serializer<xbl::Xuid>::to_json(json& j, const xbl::Xuid& v) { j = v.to_string(); }

inline void adl_serializer<xbl::Guid>::from_json(const json& j, xbl::Guid& v) {
  v = xbl_nlohmann::parse_id<xbl::Guid>(j);
}
inline void adl_serializer<xbl::Guid>::to_json(json& j, const xbl::Guid& v) { j = std::string(v.text()); }

inline void adl_serializer<xbl::TitleId>::from_json(const json& j, xbl::TitleId& v) {
  if (j.is_number_unsigned()) {
    const auto n = j.get<std::uint64_t>();
    if (n > UINT32_MAX) throw std::runtime_error("a title id must fit in 32 bits");
    v = xbl::TitleId(static_cast<std::uint32_t>(n), true);
  } else {
    v = xbl_nlohmann::parse_id<xbl::TitleId>(j);
  }
}
inline void adl_serializer<xbl::TitleId>::to_json(json& j, const xbl::TitleId& v) {
  if (v.written_as_number()) j = v.value();
  else j = v.to_string();
}

inline void adl_serializer<xbl::Timestamp>::from_json(const json& j, xbl::Timestamp& v) {
  v = xbl_nlohmann::parse_id<xbl::Timestamp>(j);
}
inline void adl_serializer<xbl::Timestamp>::to_json(json& j, const xbl::Timestamp& v) { j = v.to_string(); }

// ---- handles ----------------------------------------------------------------------------------

inline void adl_serializer<xbl::SessionRef>::from_json(const json& j, xbl::SessionRef& v) {
  j.at("scid").get_to(v.scid);
  j.at("templateName").get_to(v.template_name);
  xbl_nlohmann::get_optional(j, "name", v.name);
}
inline void adl_serializer<xbl::SessionRef>::to_json(json& j, const xbl::SessionRef& v) {
  j = json::object();
  j["scid"] = v.scid;
  j["templateName"] = v.template_name;
  xbl_nlohmann::put_optional(j, "name", v.name);
}

inline void adl_serializer<xbl::InviteAttributes>::from_json(const json& j, xbl::InviteAttributes& v) {
  j.at("titleId").get_to(v.title_id);
  xbl_nlohmann::get_optional(j, "context", v.context);
  xbl_nlohmann::get_optional(j, "contextString", v.context_string);
  xbl_nlohmann::get_optional(j, "senderString", v.sender_string);
}
inline void adl_serializer<xbl::InviteAttributes>::to_json(json& j, const xbl::InviteAttributes& v) {
  j = json::object();
  j["titleId"] = v.title_id;
  xbl_nlohmann::put_optional(j, "context", v.context);
  xbl_nlohmann::put_optional(j, "contextString", v.context_string);
  xbl_nlohmann::put_optional(j, "senderString", v.sender_string);
}

inline void adl_serializer<xbl::ActivityHandleRequest>::from_json(const json& j, xbl::ActivityHandleRequest& v) {
  xbl_nlohmann::get_optional(j, "id", v.id);
  j.at("version").get_to(v.version);
  j.at("sessionRef").get_to(v.session_ref);
}
inline void adl_serializer<xbl::ActivityHandleRequest>::to_json(json& j, const xbl::ActivityHandleRequest& v) {
  j = json::object();
  xbl_nlohmann::put_optional(j, "id", v.id);
  j["version"] = v.version;
  j["sessionRef"] = v.session_ref;
}

inline void adl_serializer<xbl::InviteHandleRequest>::from_json(const json& j, xbl::InviteHandleRequest& v) {
  xbl_nlohmann::get_optional(j, "id", v.id);
  j.at("version").get_to(v.version);
  j.at("sessionRef").get_to(v.session_ref);
  j.at("inviteAttributes").get_to(v.invite_attributes);
  j.at("invitedXuid").get_to(v.invited_xuid);
}
inline void adl_serializer<xbl::InviteHandleRequest>::to_json(json& j, const xbl::InviteHandleRequest& v) {
  j = json::object();
  xbl_nlohmann::put_optional(j, "id", v.id);
  j["version"] = v.version;
  j["sessionRef"] = v.session_ref;
  j["inviteAttributes"] = v.invite_attributes;
  j["invitedXuid"] = v.invited_xuid;
}

inline void adl_serializer<xbl::TransferHandleRequest>::from_json(const json& j, xbl::TransferHandleRequest& v) {
  j.at("version").get_to(v.version);
  j.at("sessionRef").get_to(v.session_ref);
  j.at("originSessionRef").get_to(v.origin_session_ref);
}
inline void adl_serializer<xbl::TransferHandleRequest>::to_json(json& j, const xbl::TransferHandleRequest& v) {
  j = json::object();
  j["version"] = v.version;
  j["sessionRef"] = v.session_ref;
  j["originSessionRef"] = v.origin_session_ref;
}

inline void adl_serializer<xbl::HandleRequest>::from_json(const json& j, xbl::HandleRequest& v) {
  const auto& type = j.at("type").get_ref<const std::string&>();
  if (type == "invite") v = j.get<xbl::InviteHandleRequest>();
  else if (type == "activity") v = j.get<xbl::ActivityHandleRequest>();
  else if (type == "transfer") v = j.get<xbl::TransferHandleRequest>();
  else throw std::runtime_error("unknown handle type " + type);
}
inline void adl_serializer<xbl::HandleRequest>::to_json(json& j, const xbl::HandleRequest& v) {
  std::visit([&](const auto& alternative) { j = alternative; }, v);
  static constexpr const char* names[] = {"activity", "invite", "transfer"};
  j["type"] = names[v.index()];
}

inline void adl_serializer<xbl::InviteHandle>::from_json(const json& j, xbl::InviteHandle& v) {
  j.at("id").get_to(v.id);
  xbl_nlohmann::get_optional(j, "version", v.version);
  xbl_nlohmann::get_optional(j, "type", v.type);
  xbl_nlohmann::get_optional(j, "sessionRef", v.session_ref);
  xbl_nlohmann::get_optional(j, "inviteAttributes", v.invite_attributes);
  xbl_nlohmann::get_optional(j, "invitedXuid", v.invited_xuid);
  xbl_nlohmann::get_optional(j, "titleId", v.title_id);
  xbl_nlohmann::get_optional(j, "ownerXuid", v.owner_xuid);
}
inline void adl_serializer<xbl::InviteHandle>::to_json(json& j, const xbl::InviteHandle& v) {
  j = json::object();
  j["id"] = v.id;
  xbl_nlohmann::put_optional(j, "version", v.version);
  xbl_nlohmann::put_optional(j, "type", v.type);
  xbl_nlohmann::put_optional(j, "sessionRef", v.session_ref);
  xbl_nlohmann::put_optional(j, "inviteAttributes", v.invite_attributes);
  xbl_nlohmann::put_optional(j, "invitedXuid", v.invited_xuid);
  xbl_nlohmann::put_optional(j, "titleId", v.title_id);
  xbl_nlohmann::put_optional(j, "ownerXuid", v.owner_xuid);
}

// ---- presence ---------------------------------------------------------------------------------

inline void adl_serializer<xbl::MediaRecord>::from_json(const json& j, xbl::MediaRecord& v) {
  xbl_nlohmann::get_optional(j, "id", v.id);
  xbl_nlohmann::get_optional(j, "idType", v.id_type);
  xbl_nlohmann::get_optional(j, "name", v.name);
}
inline void adl_serializer<xbl::MediaRecord>::to_json(json& j, const xbl::MediaRecord& v) {
  j = json::object();
  xbl_nlohmann::put_optional(j, "id", v.id);
  xbl_nlohmann::put_optional(j, "idType", v.id_type);
  xbl_nlohmann::put_optional(j, "name", v.name);
}

inline void adl_serializer<xbl::BroadcastRecord>::from_json(const json& j, xbl::BroadcastRecord& v) {
  xbl_nlohmann::get_optional(j, "id", v.id);
  xbl_nlohmann::get_optional(j, "session", v.session);
  xbl_nlohmann::get_optional(j, "provider", v.provider);
  xbl_nlohmann::get_optional(j, "viewers", v.viewers);
  xbl_nlohmann::get_optional(j, "started", v.started);
}
inline void adl_serializer<xbl::BroadcastRecord>::to_json(json& j, const xbl::BroadcastRecord& v) {
  j = json::object();
  xbl_nlohmann::put_optional(j, "id", v.id);
  xbl_nlohmann::put_optional(j, "session", v.session);
  xbl_nlohmann::put_optional(j, "provider", v.provider);
  xbl_nlohmann::put_optional(j, "viewers", v.viewers);
  xbl_nlohmann::put_optional(j, "started", v.started);
}

inline void adl_serializer<xbl::ActivityRecord>::from_json(const json& j, xbl::ActivityRecord& v) {
  xbl_nlohmann::get_optional(j, "richPresence", v.rich_presence);
  xbl_nlohmann::get_optional(j, "media", v.media);
  xbl_nlohmann::get_optional(j, "broadcast", v.broadcast);
}
inline void adl_serializer<xbl::ActivityRecord>::to_json(json& j, const xbl::ActivityRecord& v) {
  j = json::object();
  xbl_nlohmann::put_optional(j, "richPresence", v.rich_presence);
  xbl_nlohmann::put_optional(j, "media", v.media);
  xbl_nlohmann::put_optional(j, "broadcast", v.broadcast);
}

inline void adl_serializer<xbl::TitleRecord>::from_json(const json& j, xbl::TitleRecord& v) {
  j.at("id").get_to(v.id);
  xbl_nlohmann::get_optional(j, "name", v.name);
  xbl_nlohmann::get_optional(j, "lastModified", v.last_modified);
  xbl_nlohmann::get_optional(j, "timestamp", v.timestamp);
  xbl_nlohmann::get_optional(j, "placement", v.placement);
  xbl_nlohmann::get_optional(j, "state", v.state);
  xbl_nlohmann::get_optional(j, "activity", v.activity);
}
inline void adl_serializer<xbl::TitleRecord>::to_json(json& j, const xbl::TitleRecord& v) {
  j = json::object();
  j["id"] = v.id;
  xbl_nlohmann::put_optional(j, "name", v.name);
  xbl_nlohmann::put_optional(j, "lastModified", v.last_modified);
  xbl_nlohmann::put_optional(j, "timestamp", v.timestamp);
  xbl_nlohmann::put_optional(j, "placement", v.placement);
  xbl_nlohmann::put_optional(j, "state", v.state);
  xbl_nlohmann::put_optional(j, "activity", v.activity);
}

inline void adl_serializer<xbl::DeviceRecord>::from_json(const json& j, xbl::DeviceRecord& v) {
  j.at("type").get_to(v.type);
  xbl_nlohmann::get_vector(j, "titles", v.titles);
}
inline void adl_serializer<xbl::DeviceRecord>::to_json(json& j, const xbl::DeviceRecord& v) {
  j = json::object();
  j["type"] = v.type;
  xbl_nlohmann::put_vector(j, "titles", v.titles);
}

inline void adl_serializer<xbl::LastSeenRecord>::from_json(const json& j, xbl::LastSeenRecord& v) {
  xbl_nlohmann::get_optional(j, "deviceType", v.device_type);
  xbl_nlohmann::get_optional(j, "titleId", v.title_id);
  xbl_nlohmann::get_optional(j, "titleName", v.title_name);
  xbl_nlohmann::get_optional(j, "timestamp", v.timestamp);
}
inline void adl_serializer<xbl::LastSeenRecord>::to_json(json& j, const xbl::LastSeenRecord& v) {
  j = json::object();
  xbl_nlohmann::put_optional(j, "deviceType", v.device_type);
  xbl_nlohmann::put_optional(j, "titleId", v.title_id);
  xbl_nlohmann::put_optional(j, "titleName", v.title_name);
  xbl_nlohmann::put_optional(j, "timestamp", v.timestamp);
}

inline void adl_serializer<xbl::PresenceRecord>::from_json(const json& j, xbl::PresenceRecord& v) {
  j.at("xuid").get_to(v.xuid);
  j.at("state").get_to(v.state);
  xbl_nlohmann::get_vector(j, "devices", v.devices);
  xbl_nlohmann::get_optional(j, "lastSeen", v.last_seen);
}
inline void adl_serializer<xbl::PresenceRecord>::to_json(json& j, const xbl::PresenceRecord& v) {
  j = json::object();
  j["xuid"] = v.xuid;
  j["state"] = v.state;
  xbl_nlohmann::put_vector(j, "devices", v.devices);
  xbl_nlohmann::put_optional(j, "lastSeen", v.last_seen);
}

// ---- privacy ----------------------------------------------------------------------------------

inline void adl_serializer<xbl::PermissionUser>::from_json(const json& j, xbl::PermissionUser& v) {
  xbl_nlohmann::get_optional(j, "xuid", v.xuid);
  xbl_nlohmann::get_optional(j, "anonymousUser", v.anonymous_user);
}
inline void adl_serializer<xbl::PermissionUser>::to_json(json& j, const xbl::PermissionUser& v) {
  j = json::object();
  xbl_nlohmann::put_optional(j, "xuid", v.xuid);
  xbl_nlohmann::put_optional(j, "anonymousUser", v.anonymous_user);
}

inline void adl_serializer<xbl::PermissionCheckBatchRequest>::from_json(const json& j,
                                                                         xbl::PermissionCheckBatchRequest& v) {
  xbl_nlohmann::get_vector(j, "users", v.users);
  xbl_nlohmann::get_vector(j, "permissions", v.permissions);
}
inline void adl_serializer<xbl::PermissionCheckBatchRequest>::to_json(json& j,
                                                                       const xbl::PermissionCheckBatchRequest& v) {
  j = json::object();
  xbl_nlohmann::put_vector(j, "users", v.users);
  xbl_nlohmann::put_vector(j, "permissions", v.permissions);
}

inline void adl_serializer<xbl::PermissionReason>::from_json(const json& j, xbl::PermissionReason& v) {
  j.at("reason").get_to(v.reason);
  xbl_nlohmann::get_optional(j, "restrictedSetting", v.restricted_setting);
}
inline void adl_serializer<xbl::PermissionReason>::to_json(json& j, const xbl::PermissionReason& v) {
  j = json::object();
  j["reason"] = v.reason;
  xbl_nlohmann::put_optional(j, "restrictedSetting", v.restricted_setting);
}

inline void adl_serializer<xbl::PermissionResult>::from_json(const json& j, xbl::PermissionResult& v) {
  j.at("isAllowed").get_to(v.is_allowed);
  xbl_nlohmann::get_vector(j, "reasons", v.reasons);
}
inline void adl_serializer<xbl::PermissionResult>::to_json(json& j, const xbl::PermissionResult& v) {
  j = json::object();
  j["isAllowed"] = v.is_allowed;
  xbl_nlohmann::put_vector(j, "reasons", v.reasons);
}

inline void adl_serializer<xbl::PermissionUserResponse>::from_json(const json& j, xbl::PermissionUserResponse& v) {
  j.at("user").get_to(v.user);
  xbl_nlohmann::get_vector(j, "permissions", v.permissions);
}
inline void adl_serializer<xbl::PermissionUserResponse>::to_json(json& j, const xbl::PermissionUserResponse& v) {
  j = json::object();
  j["user"] = v.user;
  xbl_nlohmann::put_vector(j, "permissions", v.permissions);
}

inline void adl_serializer<xbl::PermissionCheckBatchResponse>::from_json(const json& j,
                                                                          xbl::PermissionCheckBatchResponse& v) {
  xbl_nlohmann::get_vector(j, "responses", v.responses);
}
inline void adl_serializer<xbl::PermissionCheckBatchResponse>::to_json(json& j,
                                                                        const xbl::PermissionCheckBatchResponse& v) {
  j = json::object();
  xbl_nlohmann::put_vector(j, "responses", v.responses);
}

}  // namespace nlohmann
