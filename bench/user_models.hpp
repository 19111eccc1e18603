// The "user model" data sets: the presence and permission documents described the way a user
// writes structs first, every member a std::string, bool, std::optional, std::vector or (where the
// JSON has a number) a plain integer; no enumerations, no identifier types, no extras, no rules.
//
//   user_model::Presence         std::vector<user_model::PresenceRecord>   (presence.json)
//   user_model::PermissionBatch                                            (permissions.json)
//
// Each contestant of contestants.hpp reads and writes them unchanged: this header gives
//   xbl          xbl::meta<> descriptions;
//   nlohmann     to_json/from_json found by argument-dependent lookup in namespace user_model;
//   RapidJSON    specialisations of xbl_rapidjson::parse<T> and xbl_rapidjson::write_value;
//   simdjson     specialisations of xbl_simdjson::parse<T> and xbl_simdjson::write_value.
// Every writer leaves absent optionals and empty arrays out and writes the members in declaration
// order, as xbl does (nlohmann's json object sorts its keys, so its text differs in order only).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <simdjson.h>
#include <xbl/xbl.hpp>

#include "nlohmann_models.hpp"
#include "rapidjson_models.hpp"
#include "simdjson_models.hpp"

namespace user_model {

// ---- presence ---------------------------------------------------------------------------------

struct MediaRecord {
  std::optional<std::string> id;
  std::optional<std::string> id_type;
  std::optional<std::string> name;
  bool operator==(const MediaRecord&) const = default;
};

struct BroadcastRecord {
  std::optional<std::string> id;
  std::optional<std::string> session;
  std::optional<std::string> provider;
  std::optional<std::uint64_t> viewers;
  std::optional<std::string> started;
  bool operator==(const BroadcastRecord&) const = default;
};

struct ActivityRecord {
  std::optional<std::string> rich_presence;
  std::optional<MediaRecord> media;
  std::optional<BroadcastRecord> broadcast;
  bool operator==(const ActivityRecord&) const = default;
};

struct TitleRecord {
  std::string id;  // a string in the documents ("750323071")
  std::optional<std::string> name;
  std::optional<std::string> last_modified;
  std::optional<std::string> timestamp;
  std::optional<std::string> placement;
  std::optional<std::string> state;
  std::optional<ActivityRecord> activity;
  bool operator==(const TitleRecord&) const = default;
};

struct DeviceRecord {
  std::string type;
  std::vector<TitleRecord> titles;
  bool operator==(const DeviceRecord&) const = default;
};

struct LastSeenRecord {
  std::optional<std::string> device_type;
  std::optional<std::string> title_id;
  std::optional<std::string> title_name;
  std::optional<std::string> timestamp;
  bool operator==(const LastSeenRecord&) const = default;
};

struct PresenceRecord {
  std::string xuid;
  std::string state;
  std::vector<DeviceRecord> devices;
  std::optional<LastSeenRecord> last_seen;
  bool operator==(const PresenceRecord&) const = default;
};

using Presence = std::vector<PresenceRecord>;

// ---- permissions ------------------------------------------------------------------------------

struct PermissionUser {
  std::optional<std::string> xuid;
  std::optional<std::string> anonymous_user;
  bool operator==(const PermissionUser&) const = default;
};

struct PermissionReason {
  std::string reason;
  std::optional<std::string> restricted_setting;
  bool operator==(const PermissionReason&) const = default;
};

struct PermissionResult {
  bool is_allowed = false;
  std::vector<PermissionReason> reasons;
  bool operator==(const PermissionResult&) const = default;
};

struct PermissionUserResponse {
  PermissionUser user;
  std::vector<PermissionResult> permissions;
  bool operator==(const PermissionUserResponse&) const = default;
};

struct PermissionBatch {
  std::vector<PermissionUserResponse> responses;
  bool operator==(const PermissionBatch&) const = default;
};

}  // namespace user_model

// ---- xbl ------------------------------------------------------------------------------------------

namespace xbl {

template <>
struct meta<user_model::MediaRecord> {
  using T = user_model::MediaRecord;
  static constexpr auto fields = make_fields(field("id", &T::id), field("idType", &T::id_type), field("name", &T::name));
};

template <>
struct meta<user_model::BroadcastRecord> {
  using T = user_model::BroadcastRecord;
  static constexpr auto fields =
      make_fields(field("id", &T::id), field("session", &T::session), field("provider", &T::provider),
                  field("viewers", &T::viewers), field("started", &T::started));
};

template <>
struct meta<user_model::ActivityRecord> {
  using T = user_model::ActivityRecord;
  static constexpr auto fields = make_fields(field("richPresence", &T::rich_presence), field("media", &T::media),
                                             field("broadcast", &T::broadcast));
};

template <>
struct meta<user_model::TitleRecord> {
  using T = user_model::TitleRecord;
  static constexpr auto fields =
      make_fields(field("id", &T::id), field("name", &T::name), field("lastModified", &T::last_modified),
                  field("timestamp", &T::timestamp), field("placement", &T::placement), field("state", &T::state),
                  field("activity", &T::activity));
};

template <>
struct meta<user_model::DeviceRecord> {
  using T = user_model::DeviceRecord;
  static constexpr auto fields = make_fields(field("type", &T::type), field("titles", &T::titles));
};

template <>
struct meta<user_model::LastSeenRecord> {
  using T = user_model::LastSeenRecord;
  static constexpr auto fields =
      make_fields(field("deviceType", &T::device_type), field("titleId", &T::title_id),
                  field("titleName", &T::title_name), field("timestamp", &T::timestamp));
};

template <>
struct meta<user_model::PresenceRecord> {
  using T = user_model::PresenceRecord;
  static constexpr auto fields = make_fields(field("xuid", &T::xuid), field("state", &T::state),
                                             field("devices", &T::devices), field("lastSeen", &T::last_seen));
};

template <>
struct meta<user_model::PermissionUser> {
  using T = user_model::PermissionUser;
  static constexpr auto fields = make_fields(field("xuid", &T::xuid), field("anonymousUser", &T::anonymous_user));
};

template <>
struct meta<user_model::PermissionReason> {
  using T = user_model::PermissionReason;
  static constexpr auto fields =
      make_fields(field("reason", &T::reason), field("restrictedSetting", &T::restricted_setting));
};

template <>
struct meta<user_model::PermissionResult> {
  using T = user_model::PermissionResult;
  static constexpr auto fields = make_fields(field("isAllowed", &T::is_allowed), field("reasons", &T::reasons));
};

template <>
struct meta<user_model::PermissionUserResponse> {
  using T = user_model::PermissionUserResponse;
  static constexpr auto fields = make_fields(field("user", &T::user), field("permissions", &T::permissions));
};

template <>
struct meta<user_model::PermissionBatch> {
  using T = user_model::PermissionBatch;
  static constexpr auto fields = make_fields(field("responses", &T::responses));
};

}  // namespace xbl

// ---- nlohmann/json: from_json and to_json beside the types, as its documentation teaches ----------

namespace user_model {

using xbl_nlohmann::get_optional;
using xbl_nlohmann::get_vector;
using xbl_nlohmann::put_optional;
using xbl_nlohmann::put_vector;

inline void from_json(const nlohmann::json& j, MediaRecord& v) {
  get_optional(j, "id", v.id);
  get_optional(j, "idType", v.id_type);
  get_optional(j, "name", v.name);
}
inline void to_json(nlohmann::json& j, const MediaRecord& v) {
  j = nlohmann::json::object();
  put_optional(j, "id", v.id);
  put_optional(j, "idType", v.id_type);
  put_optional(j, "name", v.name);
}

inline void from_json(const nlohmann::json& j, BroadcastRecord& v) {
  get_optional(j, "id", v.id);
  get_optional(j, "session", v.session);
  get_optional(j, "provider", v.provider);
  get_optional(j, "viewers", v.viewers);
  get_optional(j, "started", v.started);
}
inline void to_json(nlohmann::json& j, const BroadcastRecord& v) {
  j = nlohmann::json::object();
  put_optional(j, "id", v.id);
  put_optional(j, "session", v.session);
  put_optional(j, "provider", v.provider);
  put_optional(j, "viewers", v.viewers);
  put_optional(j, "started", v.started);
}

inline void from_json(const nlohmann::json& j, ActivityRecord& v) {
  get_optional(j, "richPresence", v.rich_presence);
  get_optional(j, "media", v.media);
  get_optional(j, "broadcast", v.broadcast);
}
inline void to_json(nlohmann::json& j, const ActivityRecord& v) {
  j = nlohmann::json::object();
  put_optional(j, "richPresence", v.rich_presence);
  put_optional(j, "media", v.media);
  put_optional(j, "broadcast", v.broadcast);
}

inline void from_json(const nlohmann::json& j, TitleRecord& v) {
  j.at("id").get_to(v.id);
  get_optional(j, "name", v.name);
  get_optional(j, "lastModified", v.last_modified);
  get_optional(j, "timestamp", v.timestamp);
  get_optional(j, "placement", v.placement);
  get_optional(j, "state", v.state);
  get_optional(j, "activity", v.activity);
}
inline void to_json(nlohmann::json& j, const TitleRecord& v) {
  j = nlohmann::json::object();
  j["id"] = v.id;
  put_optional(j, "name", v.name);
  put_optional(j, "lastModified", v.last_modified);
  put_optional(j, "timestamp", v.timestamp);
  put_optional(j, "placement", v.placement);
  put_optional(j, "state", v.state);
  put_optional(j, "activity", v.activity);
}

inline void from_json(const nlohmann::json& j, DeviceRecord& v) {
  j.at("type").get_to(v.type);
  get_vector(j, "titles", v.titles);
}
inline void to_json(nlohmann::json& j, const DeviceRecord& v) {
  j = nlohmann::json::object();
  j["type"] = v.type;
  put_vector(j, "titles", v.titles);
}

inline void from_json(const nlohmann::json& j, LastSeenRecord& v) {
  get_optional(j, "deviceType", v.device_type);
  get_optional(j, "titleId", v.title_id);
  get_optional(j, "titleName", v.title_name);
  get_optional(j, "timestamp", v.timestamp);
}
inline void to_json(nlohmann::json& j, const LastSeenRecord& v) {
  j = nlohmann::json::object();
  put_optional(j, "deviceType", v.device_type);
  put_optional(j, "titleId", v.title_id);
  put_optional(j, "titleName", v.title_name);
  put_optional(j, "timestamp", v.timestamp);
}

inline void from_json(const nlohmann::json& j, PresenceRecord& v) {
  j.at("xuid").get_to(v.xuid);
  j.at("state").get_to(v.state);
  get_vector(j, "devices", v.devices);
  get_optional(j, "lastSeen", v.last_seen);
}
inline void to_json(nlohmann::json& j, const PresenceRecord& v) {
  j = nlohmann::json::object();
  j["xuid"] = v.xuid;
  j["state"] = v.state;
  put_vector(j, "devices", v.devices);
  put_optional(j, "lastSeen", v.last_seen);
}

inline void from_json(const nlohmann::json& j, PermissionUser& v) {
  get_optional(j, "xuid", v.xuid);
  get_optional(j, "anonymousUser", v.anonymous_user);
}
inline void to_json(nlohmann::json& j, const PermissionUser& v) {
  j = nlohmann::json::object();
  put_optional(j, "xuid", v.xuid);
  put_optional(j, "anonymousUser", v.anonymous_user);
}

inline void from_json(const nlohmann::json& j, PermissionReason& v) {
  j.at("reason").get_to(v.reason);
  get_optional(j, "restrictedSetting", v.restricted_setting);
}
inline void to_json(nlohmann::json& j, const PermissionReason& v) {
  j = nlohmann::json::object();
  j["reason"] = v.reason;
  put_optional(j, "restrictedSetting", v.restricted_setting);
}

inline void from_json(const nlohmann::json& j, PermissionResult& v) {
  j.at("isAllowed").get_to(v.is_allowed);
  get_vector(j, "reasons", v.reasons);
}
inline void to_json(nlohmann::json& j, const PermissionResult& v) {
  j = nlohmann::json::object();
  j["isAllowed"] = v.is_allowed;
  put_vector(j, "reasons", v.reasons);
}

inline void from_json(const nlohmann::json& j, PermissionUserResponse& v) {
  j.at("user").get_to(v.user);
  get_vector(j, "permissions", v.permissions);
}
inline void to_json(nlohmann::json& j, const PermissionUserResponse& v) {
  j = nlohmann::json::object();
  j["user"] = v.user;
  put_vector(j, "permissions", v.permissions);
}

inline void from_json(const nlohmann::json& j, PermissionBatch& v) { get_vector(j, "responses", v.responses); }
inline void to_json(nlohmann::json& j, const PermissionBatch& v) {
  j = nlohmann::json::object();
  put_vector(j, "responses", v.responses);
}

}  // namespace user_model

// ---- RapidJSON: the DOM mapped by hand, written with Writer / PrettyWriter -------------------------

namespace xbl_rapidjson {

inline void read(const Value& v, user_model::MediaRecord& r) {
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "id") r.id = string(value);
    else if (k == "idType") r.id_type = string(value);
    else if (k == "name") r.name = string(value);
  });
}

inline void read(const Value& v, user_model::BroadcastRecord& r) {
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "id") r.id = string(value);
    else if (k == "session") r.session = string(value);
    else if (k == "provider") r.provider = string(value);
    else if (k == "viewers") {
      need(value.IsUint64(), "expected an unsigned integer");
      r.viewers = value.GetUint64();
    } else if (k == "started") r.started = string(value);
  });
}

inline void read(const Value& v, user_model::ActivityRecord& r) {
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "richPresence") r.rich_presence = string(value);
    else if (k == "media") read(value, r.media.emplace());
    else if (k == "broadcast") read(value, r.broadcast.emplace());
  });
}

inline void read(const Value& v, user_model::TitleRecord& r) {
  bool has_id = false;
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "id") {
      r.id = string(value);
      has_id = true;
    } else if (k == "name") r.name = string(value);
    else if (k == "lastModified") r.last_modified = string(value);
    else if (k == "timestamp") r.timestamp = string(value);
    else if (k == "placement") r.placement = string(value);
    else if (k == "state") r.state = string(value);
    else if (k == "activity") read(value, r.activity.emplace());
  });
  need(has_id, "missing id");
}

inline void read(const Value& v, user_model::DeviceRecord& r) {
  bool has_type = false;
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "type") {
      r.type = string(value);
      has_type = true;
    } else if (k == "titles") {
      array(value, r.titles, [](const Value& e, user_model::TitleRecord& t) { read(e, t); });
    }
  });
  need(has_type, "missing type");
}

inline void read(const Value& v, user_model::LastSeenRecord& r) {
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "deviceType") r.device_type = string(value);
    else if (k == "titleId") r.title_id = string(value);
    else if (k == "titleName") r.title_name = string(value);
    else if (k == "timestamp") r.timestamp = string(value);
  });
}

inline void read(const Value& v, user_model::PresenceRecord& r) {
  bool has_xuid = false, has_state = false;
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "xuid") {
      r.xuid = string(value);
      has_xuid = true;
    } else if (k == "state") {
      r.state = string(value);
      has_state = true;
    } else if (k == "devices") {
      array(value, r.devices, [](const Value& e, user_model::DeviceRecord& d) { read(e, d); });
    } else if (k == "lastSeen") {
      read(value, r.last_seen.emplace());
    }
  });
  need(has_xuid && has_state, "missing xuid or state");
}

inline void read(const Value& v, user_model::PermissionUser& r) {
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "xuid") r.xuid = string(value);
    else if (k == "anonymousUser") r.anonymous_user = string(value);
  });
}

inline void read(const Value& v, user_model::PermissionReason& r) {
  bool has_reason = false;
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "reason") {
      r.reason = string(value);
      has_reason = true;
    } else if (k == "restrictedSetting") {
      r.restricted_setting = string(value);
    }
  });
  need(has_reason, "missing reason");
}

inline void read(const Value& v, user_model::PermissionResult& r) {
  bool has_allowed = false;
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "isAllowed") {
      need(value.IsBool(), "expected true or false");
      r.is_allowed = value.GetBool();
      has_allowed = true;
    } else if (k == "reasons") {
      array(value, r.reasons, [](const Value& e, user_model::PermissionReason& x) { read(e, x); });
    }
  });
  need(has_allowed, "missing isAllowed");
}

inline void read(const Value& v, user_model::PermissionUserResponse& r) {
  bool has_user = false;
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "user") {
      read(value, r.user);
      has_user = true;
    } else if (k == "permissions") {
      array(value, r.permissions, [](const Value& e, user_model::PermissionResult& x) { read(e, x); });
    }
  });
  need(has_user, "missing user");
}

inline void read(const Value& v, user_model::PermissionBatch& r) {
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "responses")
      array(value, r.responses, [](const Value& e, user_model::PermissionUserResponse& x) { read(e, x); });
  });
}

template <>
inline user_model::Presence parse<user_model::Presence>(std::string_view json) {
  Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError()) fail("RapidJSON parse error");
  user_model::Presence value;
  array(d, value, [](const Value& e, user_model::PresenceRecord& r) { read(e, r); });
  return value;
}

template <>
inline user_model::PermissionBatch parse<user_model::PermissionBatch>(std::string_view json) {
  Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError()) fail("RapidJSON parse error");
  user_model::PermissionBatch value;
  read(d, value);
  return value;
}

// Writing: array() of rapidjson_models.hpp finds these by argument-dependent lookup (the writers'
// buffer type is this namespace's).

template <class W>
void write(W& w, const user_model::MediaRecord& r) {
  w.StartObject();
  if (r.id) key(w, "id"), string(w, *r.id);
  if (r.id_type) key(w, "idType"), string(w, *r.id_type);
  if (r.name) key(w, "name"), string(w, *r.name);
  w.EndObject();
}

template <class W>
void write(W& w, const user_model::BroadcastRecord& r) {
  w.StartObject();
  if (r.id) key(w, "id"), string(w, *r.id);
  if (r.session) key(w, "session"), string(w, *r.session);
  if (r.provider) key(w, "provider"), string(w, *r.provider);
  if (r.viewers) key(w, "viewers"), w.Uint64(*r.viewers);
  if (r.started) key(w, "started"), string(w, *r.started);
  w.EndObject();
}

template <class W>
void write(W& w, const user_model::ActivityRecord& r) {
  w.StartObject();
  if (r.rich_presence) key(w, "richPresence"), string(w, *r.rich_presence);
  if (r.media) key(w, "media"), write(w, *r.media);
  if (r.broadcast) key(w, "broadcast"), write(w, *r.broadcast);
  w.EndObject();
}

template <class W>
void write(W& w, const user_model::TitleRecord& r) {
  w.StartObject();
  key(w, "id"), string(w, r.id);
  if (r.name) key(w, "name"), string(w, *r.name);
  if (r.last_modified) key(w, "lastModified"), string(w, *r.last_modified);
  if (r.timestamp) key(w, "timestamp"), string(w, *r.timestamp);
  if (r.placement) key(w, "placement"), string(w, *r.placement);
  if (r.state) key(w, "state"), string(w, *r.state);
  if (r.activity) key(w, "activity"), write(w, *r.activity);
  w.EndObject();
}

template <class W>
void write(W& w, const user_model::DeviceRecord& r) {
  w.StartObject();
  key(w, "type"), string(w, r.type);
  if (!r.titles.empty()) key(w, "titles"), array(w, r.titles);
  w.EndObject();
}

template <class W>
void write(W& w, const user_model::LastSeenRecord& r) {
  w.StartObject();
  if (r.device_type) key(w, "deviceType"), string(w, *r.device_type);
  if (r.title_id) key(w, "titleId"), string(w, *r.title_id);
  if (r.title_name) key(w, "titleName"), string(w, *r.title_name);
  if (r.timestamp) key(w, "timestamp"), string(w, *r.timestamp);
  w.EndObject();
}

template <class W>
void write(W& w, const user_model::PresenceRecord& r) {
  w.StartObject();
  key(w, "xuid"), string(w, r.xuid);
  key(w, "state"), string(w, r.state);
  if (!r.devices.empty()) key(w, "devices"), array(w, r.devices);
  if (r.last_seen) key(w, "lastSeen"), write(w, *r.last_seen);
  w.EndObject();
}

template <class W>
void write(W& w, const user_model::PermissionUser& r) {
  w.StartObject();
  if (r.xuid) key(w, "xuid"), string(w, *r.xuid);
  if (r.anonymous_user) key(w, "anonymousUser"), string(w, *r.anonymous_user);
  w.EndObject();
}

template <class W>
void write(W& w, const user_model::PermissionReason& r) {
  w.StartObject();
  key(w, "reason"), string(w, r.reason);
  if (r.restricted_setting) key(w, "restrictedSetting"), string(w, *r.restricted_setting);
  w.EndObject();
}

template <class W>
void write(W& w, const user_model::PermissionResult& r) {
  w.StartObject();
  key(w, "isAllowed"), w.Bool(r.is_allowed);
  if (!r.reasons.empty()) key(w, "reasons"), array(w, r.reasons);
  w.EndObject();
}

template <class W>
void write(W& w, const user_model::PermissionUserResponse& r) {
  w.StartObject();
  key(w, "user"), write(w, r.user);
  if (!r.permissions.empty()) key(w, "permissions"), array(w, r.permissions);
  w.EndObject();
}

template <class W>
void write(W& w, const user_model::PermissionBatch& r) {
  w.StartObject();
  if (!r.responses.empty()) key(w, "responses"), array(w, r.responses);
  w.EndObject();
}

template <>
inline void write_value<user_model::Presence>(StringBuffer& out, const user_model::Presence& value, bool pretty) {
  if (pretty) {
    PrettyWriter w(out);
    w.SetIndent(' ', 4);
    array(w, value);
  } else {
    Writer w(out);
    array(w, value);
  }
}

template <>
inline void write_value<user_model::PermissionBatch>(StringBuffer& out, const user_model::PermissionBatch& value,
                                                     bool pretty) {
  if (pretty) {
    PrettyWriter w(out);
    w.SetIndent(' ', 4);
    write(w, value);
  } else {
    Writer w(out);
    write(w, value);
  }
}

}  // namespace xbl_rapidjson

// ---- simdjson On-Demand, mapped by hand; written by hand with fmt -----------------------------------

namespace xbl_simdjson {

// Declared first: elements() finds them by name. (array() of simdjson_models.hpp was defined
// before these and finds only the library model's reads.)
inline void read(od::value v, user_model::MediaRecord& r);
inline void read(od::value v, user_model::BroadcastRecord& r);
inline void read(od::value v, user_model::ActivityRecord& r);
inline void read(od::value v, user_model::TitleRecord& r);
inline void read(od::value v, user_model::DeviceRecord& r);
inline void read(od::value v, user_model::LastSeenRecord& r);
inline void read(od::value v, user_model::PresenceRecord& r);
inline void read(od::value v, user_model::PermissionUser& r);
inline void read(od::value v, user_model::PermissionReason& r);
inline void read(od::value v, user_model::PermissionResult& r);
inline void read(od::value v, user_model::PermissionUserResponse& r);
inline void read(od::value v, user_model::PermissionBatch& r);

template <class T>
void elements(od::value v, std::vector<T>& out) {
  for (od::value e : v.get_array()) read(e, out.emplace_back());
}

inline void read(od::value v, user_model::MediaRecord& r) {
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "id") r.id = string(f.value());
    else if (k == "idType") r.id_type = string(f.value());
    else if (k == "name") r.name = string(f.value());
  }
}

inline void read(od::value v, user_model::BroadcastRecord& r) {
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "id") r.id = string(f.value());
    else if (k == "session") r.session = string(f.value());
    else if (k == "provider") r.provider = string(f.value());
    else if (k == "viewers") r.viewers = std::uint64_t(f.value().get_uint64());
    else if (k == "started") r.started = string(f.value());
  }
}

inline void read(od::value v, user_model::ActivityRecord& r) {
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "richPresence") r.rich_presence = string(f.value());
    else if (k == "media") read(f.value(), r.media.emplace());
    else if (k == "broadcast") read(f.value(), r.broadcast.emplace());
  }
}

inline void read(od::value v, user_model::TitleRecord& r) {
  bool has_id = false;
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "id") {
      r.id = string(f.value());
      has_id = true;
    } else if (k == "name") r.name = string(f.value());
    else if (k == "lastModified") r.last_modified = string(f.value());
    else if (k == "timestamp") r.timestamp = string(f.value());
    else if (k == "placement") r.placement = string(f.value());
    else if (k == "state") r.state = string(f.value());
    else if (k == "activity") read(f.value(), r.activity.emplace());
  }
  need(has_id, "missing id");
}

inline void read(od::value v, user_model::DeviceRecord& r) {
  bool has_type = false;
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "type") {
      r.type = string(f.value());
      has_type = true;
    } else if (k == "titles") {
      elements(f.value(), r.titles);
    }
  }
  need(has_type, "missing type");
}

inline void read(od::value v, user_model::LastSeenRecord& r) {
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "deviceType") r.device_type = string(f.value());
    else if (k == "titleId") r.title_id = string(f.value());
    else if (k == "titleName") r.title_name = string(f.value());
    else if (k == "timestamp") r.timestamp = string(f.value());
  }
}

inline void read(od::value v, user_model::PresenceRecord& r) {
  bool has_xuid = false, has_state = false;
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "xuid") {
      r.xuid = string(f.value());
      has_xuid = true;
    } else if (k == "state") {
      r.state = string(f.value());
      has_state = true;
    } else if (k == "devices") {
      elements(f.value(), r.devices);
    } else if (k == "lastSeen") {
      read(f.value(), r.last_seen.emplace());
    }
  }
  need(has_xuid && has_state, "missing xuid or state");
}

inline void read(od::value v, user_model::PermissionUser& r) {
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "xuid") r.xuid = string(f.value());
    else if (k == "anonymousUser") r.anonymous_user = string(f.value());
  }
}

inline void read(od::value v, user_model::PermissionReason& r) {
  bool has_reason = false;
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "reason") {
      r.reason = string(f.value());
      has_reason = true;
    } else if (k == "restrictedSetting") {
      r.restricted_setting = string(f.value());
    }
  }
  need(has_reason, "missing reason");
}

inline void read(od::value v, user_model::PermissionResult& r) {
  bool has_allowed = false;
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "isAllowed") {
      r.is_allowed = f.value().get_bool();
      has_allowed = true;
    } else if (k == "reasons") {
      elements(f.value(), r.reasons);
    }
  }
  need(has_allowed, "missing isAllowed");
}

inline void read(od::value v, user_model::PermissionUserResponse& r) {
  bool has_user = false;
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "user") {
      read(f.value(), r.user);
      has_user = true;
    } else if (k == "permissions") {
      elements(f.value(), r.permissions);
    }
  }
  need(has_user, "missing user");
}

inline void read(od::value v, user_model::PermissionBatch& r) {
  for (od::field f : v.get_object())
    if (f.key() == "responses") elements(f.value(), r.responses);
}

// `json` must be followed by at least SIMDJSON_PADDING readable bytes, as for parse<T>.
template <>
inline user_model::Presence parse<user_model::Presence>(od::parser& parser, std::string_view json) {
  od::document doc = parser.iterate(json, json.size() + simdjson::SIMDJSON_PADDING);
  user_model::Presence value;
  elements(doc.get_value(), value);
  need(doc.current_location().error() != simdjson::SUCCESS, "text after the JSON value");
  return value;
}

template <>
inline user_model::PermissionBatch parse<user_model::PermissionBatch>(od::parser& parser, std::string_view json) {
  od::document doc = parser.iterate(json, json.size() + simdjson::SIMDJSON_PADDING);
  user_model::PermissionBatch value;
  read(doc.get_value(), value);
  need(doc.current_location().error() != simdjson::SUCCESS, "text after the JSON value");
  return value;
}

// Writing: array() of simdjson_models.hpp finds these by argument-dependent lookup (writer is this
// namespace's).

inline void write(writer& w, const user_model::MediaRecord& r) {
  w.open('{');
  if (r.id) w.key("id"), w.string(*r.id);
  if (r.id_type) w.key("idType"), w.string(*r.id_type);
  if (r.name) w.key("name"), w.string(*r.name);
  w.close('}');
}

inline void write(writer& w, const user_model::BroadcastRecord& r) {
  w.open('{');
  if (r.id) w.key("id"), w.string(*r.id);
  if (r.session) w.key("session"), w.string(*r.session);
  if (r.provider) w.key("provider"), w.string(*r.provider);
  if (r.viewers) w.key("viewers"), w.number(*r.viewers);
  if (r.started) w.key("started"), w.string(*r.started);
  w.close('}');
}

inline void write(writer& w, const user_model::ActivityRecord& r) {
  w.open('{');
  if (r.rich_presence) w.key("richPresence"), w.string(*r.rich_presence);
  if (r.media) w.key("media"), write(w, *r.media);
  if (r.broadcast) w.key("broadcast"), write(w, *r.broadcast);
  w.close('}');
}

inline void write(writer& w, const user_model::TitleRecord& r) {
  w.open('{');
  w.key("id"), w.string(r.id);
  if (r.name) w.key("name"), w.string(*r.name);
  if (r.last_modified) w.key("lastModified"), w.string(*r.last_modified);
  if (r.timestamp) w.key("timestamp"), w.string(*r.timestamp);
  if (r.placement) w.key("placement"), w.string(*r.placement);
  if (r.state) w.key("state"), w.string(*r.state);
  if (r.activity) w.key("activity"), write(w, *r.activity);
  w.close('}');
}

inline void write(writer& w, const user_model::DeviceRecord& r) {
  w.open('{');
  w.key("type"), w.string(r.type);
  if (!r.titles.empty()) w.key("titles"), array(w, r.titles);
  w.close('}');
}

inline void write(writer& w, const user_model::LastSeenRecord& r) {
  w.open('{');
  if (r.device_type) w.key("deviceType"), w.string(*r.device_type);
  if (r.title_id) w.key("titleId"), w.string(*r.title_id);
  if (r.title_name) w.key("titleName"), w.string(*r.title_name);
  if (r.timestamp) w.key("timestamp"), w.string(*r.timestamp);
  w.close('}');
}

inline void write(writer& w, const user_model::PresenceRecord& r) {
  w.open('{');
  w.key("xuid"), w.string(r.xuid);
  w.key("state"), w.string(r.state);
  if (!r.devices.empty()) w.key("devices"), array(w, r.devices);
  if (r.last_seen) w.key("lastSeen"), write(w, *r.last_seen);
  w.close('}');
}

inline void write(writer& w, const user_model::PermissionUser& r) {
  w.open('{');
  if (r.xuid) w.key("xuid"), w.string(*r.xuid);
  if (r.anonymous_user) w.key("anonymousUser"), w.string(*r.anonymous_user);
  w.close('}');
}

inline void write(writer& w, const user_model::PermissionReason& r) {
  w.open('{');
  w.key("reason"), w.string(r.reason);
  if (r.restricted_setting) w.key("restrictedSetting"), w.string(*r.restricted_setting);
  w.close('}');
}

inline void write(writer& w, const user_model::PermissionResult& r) {
  w.open('{');
  w.key("isAllowed"), w.boolean(r.is_allowed);
  if (!r.reasons.empty()) w.key("reasons"), array(w, r.reasons);
  w.close('}');
}

inline void write(writer& w, const user_model::PermissionUserResponse& r) {
  w.open('{');
  w.key("user"), write(w, r.user);
  if (!r.permissions.empty()) w.key("permissions"), array(w, r.permissions);
  w.close('}');
}

inline void write(writer& w, const user_model::PermissionBatch& r) {
  w.open('{');
  if (!r.responses.empty()) w.key("responses"), array(w, r.responses);
  w.close('}');
}

template <>
inline void write_value<user_model::Presence>(fmt::memory_buffer& out, const user_model::Presence& value,
                                              bool pretty) {
  writer w(out, pretty);
  array(w, value);
}

template <>
inline void write_value<user_model::PermissionBatch>(fmt::memory_buffer& out, const user_model::PermissionBatch& value,
                                                     bool pretty) {
  writer w(out, pretty);
  write(w, value);
}

}  // namespace xbl_simdjson
