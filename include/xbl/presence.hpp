#pragma once

// People presence: GET https://userpresence.xboxlive.com/users/me/groups/{moniker}?level=…
// answers a JSON array of PresenceRecord, as deep as the level asked for.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "xbl/core.hpp"

namespace xbl {

enum class PresenceState { Online, Away, Offline };
enum class DeviceType {
  D, Xbox360, MoLIVE, WindowsPhone, WindowsPhone7, PC, Web, WindowsOneCore, WindowsOneCoreMobile,
  iOS, Android, AppleTV, Nintendo, PlayStation, Win32, Scarlett,
};
enum class Placement { full, fill, snapped, background };
enum class TitleState { active, inactive };
enum class MediaIdType { bing, provider };
enum class BroadcastProvider { twitch };
// How deep a presence answer goes, shallowest first: the order is the one the comparisons use.
enum class PresenceLevel { user, device, title, all };

template <>
struct meta<PresenceState> {
  static constexpr std::string_view name = "PresenceState";
  static constexpr bool ignore_case = true;
  static constexpr auto values = make_enum(xbl::name(PresenceState::Online, "Online"),
                                           xbl::name(PresenceState::Away, "Away"),
                                           xbl::name(PresenceState::Offline, "Offline"));
};

template <>
struct meta<DeviceType> {
  static constexpr std::string_view name = "DeviceType";
  static constexpr bool ignore_case = true;
  static constexpr auto values = make_enum(
      xbl::name(DeviceType::D, "D", "XboxOne", "MCapensis"), xbl::name(DeviceType::Xbox360, "Xbox360"),
      xbl::name(DeviceType::MoLIVE, "MoLIVE", "W8"), xbl::name(DeviceType::WindowsPhone, "WindowsPhone"),
      xbl::name(DeviceType::WindowsPhone7, "WindowsPhone7"), xbl::name(DeviceType::PC, "PC"),
      xbl::name(DeviceType::Web, "Web"), xbl::name(DeviceType::WindowsOneCore, "WindowsOneCore"),
      xbl::name(DeviceType::WindowsOneCoreMobile, "WindowsOneCoreMobile"), xbl::name(DeviceType::iOS, "iOS"),
      xbl::name(DeviceType::Android, "Android"), xbl::name(DeviceType::AppleTV, "AppleTV"),
      xbl::name(DeviceType::Nintendo, "Nintendo"), xbl::name(DeviceType::PlayStation, "PlayStation"),
      xbl::name(DeviceType::Win32, "Win32"), xbl::name(DeviceType::Scarlett, "Scarlett"));
};

template <>
struct meta<Placement> {
  static constexpr std::string_view name = "Placement";
  static constexpr bool ignore_case = true;
  static constexpr auto values = make_enum(xbl::name(Placement::full, "full"), xbl::name(Placement::fill, "fill"),
                                           xbl::name(Placement::snapped, "snapped"),
                                           xbl::name(Placement::background, "background"));
};

template <>
struct meta<TitleState> {
  static constexpr std::string_view name = "TitleState";
  static constexpr bool ignore_case = true;
  static constexpr auto values =
      make_enum(xbl::name(TitleState::active, "active"), xbl::name(TitleState::inactive, "inactive"));
};

template <>
struct meta<MediaIdType> {
  static constexpr std::string_view name = "MediaIdType";
  static constexpr auto values =
      make_enum(xbl::name(MediaIdType::bing, "bing"), xbl::name(MediaIdType::provider, "provider"));
};

template <>
struct meta<BroadcastProvider> {
  static constexpr std::string_view name = "BroadcastProvider";
  static constexpr bool ignore_case = true;
  static constexpr auto values = make_enum(xbl::name(BroadcastProvider::twitch, "twitch"));
};

template <>
struct meta<PresenceLevel> {
  static constexpr std::string_view name = "PresenceLevel";
  static constexpr auto values =
      make_enum(xbl::name(PresenceLevel::user, "user"), xbl::name(PresenceLevel::device, "device"),
                xbl::name(PresenceLevel::title, "title"), xbl::name(PresenceLevel::all, "all"));
};


struct MediaRecord {
  std::optional<std::string> id;
  std::optional<open_enum<MediaIdType>> id_type;
  std::optional<std::string> name;
  xbl::extras extras;
  friend bool operator==(const MediaRecord&, const MediaRecord&) = default;
};

struct BroadcastRecord {
  std::optional<std::string> id;
  std::optional<std::string> session;
  std::optional<open_enum<BroadcastProvider>> provider;
  std::optional<std::uint64_t> viewers;
  std::optional<Timestamp> started;
  xbl::extras extras;
  friend bool operator==(const BroadcastRecord&, const BroadcastRecord&) = default;
};

struct ActivityRecord {
  std::optional<std::string> rich_presence;
  std::optional<MediaRecord> media;
  std::optional<BroadcastRecord> broadcast;
  xbl::extras extras;
  friend bool operator==(const ActivityRecord&, const ActivityRecord&) = default;
};

struct TitleRecord {
  TitleId id;
  std::optional<std::string> name;
  // The reference's table and the SDK call it lastModified; its samples say timestamp. Both are kept.
  std::optional<Timestamp> last_modified;
  std::optional<Timestamp> timestamp;
  std::optional<open_enum<Placement>> placement;  // `full` when absent
  std::optional<open_enum<TitleState>> state;
  std::optional<ActivityRecord> activity;  // only at level `all`
  xbl::extras extras;
  friend bool operator==(const TitleRecord&, const TitleRecord&) = default;
};

struct DeviceRecord {
  open_enum<DeviceType> type;
  std::vector<TitleRecord> titles;
  xbl::extras extras;
  friend bool operator==(const DeviceRecord&, const DeviceRecord&) = default;
};

struct LastSeenRecord {
  std::optional<open_enum<DeviceType>> device_type;
  std::optional<TitleId> title_id;
  std::optional<std::string> title_name;
  std::optional<Timestamp> timestamp;
  xbl::extras extras;
  friend bool operator==(const LastSeenRecord&, const LastSeenRecord&) = default;
};

struct PresenceRecord {
  Xuid xuid;
  open_enum<PresenceState> state;
  std::vector<DeviceRecord> devices;
  std::optional<LastSeenRecord> last_seen;  // only for a user with no device
  xbl::extras extras;
  friend bool operator==(const PresenceRecord&, const PresenceRecord&) = default;
};

template <>
struct meta<MediaRecord> {
  static constexpr auto fields = make_fields(field("id", &MediaRecord::id), field("idType", &MediaRecord::id_type),
                                             field("name", &MediaRecord::name));
  static constexpr auto extras = &MediaRecord::extras;
};

template <>
struct meta<BroadcastRecord> {
  static constexpr auto fields =
      make_fields(field("id", &BroadcastRecord::id), field("session", &BroadcastRecord::session),
                  field("provider", &BroadcastRecord::provider), field("viewers", &BroadcastRecord::viewers),
                  field("started", &BroadcastRecord::started));
  static constexpr auto extras = &BroadcastRecord::extras;
};

template <>
struct meta<ActivityRecord> {
  static constexpr auto fields =
      make_fields(field("richPresence", &ActivityRecord::rich_presence), field("media", &ActivityRecord::media),
                  field("broadcast", &ActivityRecord::broadcast));
  static constexpr auto extras = &ActivityRecord::extras;
};

template <>
struct meta<TitleRecord> {
  static constexpr auto fields = make_fields(
      field("id", &TitleRecord::id), field("name", &TitleRecord::name),
      field("lastModified", &TitleRecord::last_modified), field("timestamp", &TitleRecord::timestamp),
      field("placement", &TitleRecord::placement), field("state", &TitleRecord::state),
      field("activity", &TitleRecord::activity));
  static constexpr auto extras = &TitleRecord::extras;
};

template <>
struct meta<DeviceRecord> {
  static constexpr auto fields = make_fields(field("type", &DeviceRecord::type), field("titles", &DeviceRecord::titles));
  static constexpr auto extras = &DeviceRecord::extras;
};

template <>
struct meta<LastSeenRecord> {
  static constexpr auto fields =
      make_fields(field("deviceType", &LastSeenRecord::device_type), field("titleId", &LastSeenRecord::title_id),
                  field("titleName", &LastSeenRecord::title_name), field("timestamp", &LastSeenRecord::timestamp));
  static constexpr auto extras = &LastSeenRecord::extras;
};

template <>
struct meta<PresenceRecord> {
  static constexpr auto fields =
      make_fields(field("xuid", &PresenceRecord::xuid), field("state", &PresenceRecord::state),
                  field("devices", &PresenceRecord::devices), field("lastSeen", &PresenceRecord::last_seen));
  static constexpr auto rules = make_rules(check{"presence.last_seen_with_devices", [](const PresenceRecord& r) {
    return r.last_seen && !r.devices.empty() ? std::string("lastSeen is only sent for a user with no device")
                                             : std::string();
  }});
  static constexpr auto extras = &PresenceRecord::extras;
};

// ---- levels --------------------------------------------------------------------------------------

// The record cut down to what the service sends at `level`.
inline PresenceRecord filter(PresenceRecord record, PresenceLevel level) {
  if (level == PresenceLevel::user) {
    record.devices.clear();
    return record;
  }
  for (auto& device : record.devices) {
    if (level == PresenceLevel::device) {
      device.titles.clear();
      continue;
    }
    if (level == PresenceLevel::title)
      for (auto& title : device.titles) title.activity.reset();
  }
  return record;
}

// The deepest level the record has anything at.
inline PresenceLevel level_of(const PresenceRecord& record) {
  auto deepest = PresenceLevel::user;
  for (const auto& device : record.devices) {
    if (deepest < PresenceLevel::device) deepest = PresenceLevel::device;
    for (const auto& title : device.titles) {
      if (deepest < PresenceLevel::title) deepest = PresenceLevel::title;
      if (title.activity) return PresenceLevel::all;
    }
  }
  return deepest;
}

// Everything in the record deeper than the level that was asked for (rule `presence.level`), each
// at its own path: what a capture checker holds an answer to against its request's `level`.
inline std::vector<violation> check_level(const PresenceRecord& record, PresenceLevel asked) {
  std::vector<violation> found;
  const std::string asked_name(to_string(asked));
  auto report = [&](std::string path, std::string_view what) {
    found.push_back({std::move(path), "presence.level", std::string(what) + " at level " + asked_name});
  };
  if (asked == PresenceLevel::all) return found;
  if (asked == PresenceLevel::user) {
    if (!record.devices.empty()) report("/devices", "devices");
    return found;
  }
  for (std::size_t d = 0; d < record.devices.size(); ++d) {
    const auto& titles = record.devices[d].titles;
    const std::string device_path = "/devices/" + std::to_string(d);
    if (asked == PresenceLevel::device) {
      if (!titles.empty()) report(device_path + "/titles", "titles");
      continue;
    }
    for (std::size_t t = 0; t < titles.size(); ++t)
      if (titles[t].activity) report(device_path + "/titles/" + std::to_string(t) + "/activity", "activity");
  }
  return found;
}

namespace detail {
// The presence models by name (xbl::with_model).
inline constexpr auto presence_models = make_pack(
    named_model<PresenceRecord>{"PresenceRecord"},
    named_model<std::vector<PresenceRecord>>{"PresenceRecord[]"},
    named_model<DeviceRecord>{"DeviceRecord"},
    named_model<TitleRecord>{"TitleRecord"},
    named_model<ActivityRecord>{"ActivityRecord"},
    named_model<MediaRecord>{"MediaRecord"},
    named_model<BroadcastRecord>{"BroadcastRecord"},
    named_model<LastSeenRecord>{"LastSeenRecord"});
}  // namespace detail

}  // namespace xbl
