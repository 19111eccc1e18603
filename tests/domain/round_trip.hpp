#pragma once

// Random values of every model type, and the check that one comes back from its own JSON: what the
// round-trip suites (round_trip_*_test.cpp) share.
#include "xbl_test.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace round_trip {

using namespace xbl::literals;

inline constexpr int values_per_type = 300;

// Random values of the model types. A valid model_generator makes only values that validate() accepts;
// an open one also makes unknown enum texts and values that break the domain rules (they must
// still read back as they were written).
class model_generator {
 public:
  model_generator(std::uint64_t seed, bool open) : rng_(seed), open_(open) {}

  bool open() const noexcept { return open_; }

  // ---- primitives ------------------------------------------------------------------------------

  std::uint64_t u64() { return rng_(); }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng_() % n); }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  bool coin() { return chance(50); }

  std::uint32_t code_point() {
    const auto kind = below(100);
    if (kind < 45) return static_cast<std::uint32_t>(0x20 + below(0x5F));  // printable ASCII
    if (kind < 55) {                                                      // what JSON escapes
      constexpr std::array<std::uint32_t, 10> special{'"', '\\', '\n', '\t', '\r', '\b', '\f', 0x00, 0x1F, 0x7F};
      return special[below(special.size())];
    }
    if (kind < 60) return '/';
    if (kind < 75) return static_cast<std::uint32_t>(0x80 + below(0x800 - 0x80));  // two bytes: é
    if (kind < 90) {                                                            // three bytes, no surrogates
      auto cp = static_cast<std::uint32_t>(0x800 + below(0x10000 - 0x800 - 0x800));
      return cp >= 0xD800 ? cp + 0x800 : cp;
    }
    return static_cast<std::uint32_t>(0x10000 + below(0x110000 - 0x10000));  // four bytes: 🎮
  }

  // `min` to `max` code points.
  std::string text(std::size_t min, std::size_t max) {
    std::string s;
    const std::size_t n = min + below(max - min + 1);
    for (std::size_t i = 0; i < n; ++i) append_utf8(s, code_point());
    return s;
  }
  std::string text() { return text(0, 12); }

  template <class T, class F>
  std::optional<T> maybe(F&& make, int percent = 60) {
    if (chance(percent)) return make();
    return std::nullopt;
  }

  template <class F>
  auto many(std::size_t min, std::size_t max, F&& make) {
    std::vector<decltype(make())> v;
    const std::size_t n = min + below(max - min + 1);
    for (std::size_t i = 0; i < n; ++i) v.push_back(make());
    return v;
  }

  // ---- identifiers -----------------------------------------------------------------------------

  xbl::Xuid xuid() {
    std::uint64_t v = u64();
    if (chance(30)) v %= 100000;
    if (chance(5)) v = UINT64_MAX;
    if (chance(20)) {  // leading zeros, as in the seed's "0123456789"
      const auto r = xbl::Xuid::parse(std::string(1 + below(3), '0') + std::to_string(v));
      REQUIRE(r);
      return *r;
    }
    return xbl::Xuid{v};
  }

  xbl::Guid guid() {
    static constexpr char hex[] = "0123456789abcdefABCDEF";
    const int casing = static_cast<int>(below(3));  // lower, upper, mixed
    std::string s;
    for (std::size_t i = 0; i < 32; ++i) {
      if (i == 8 || i == 12 || i == 16 || i == 20) s += '-';
      const auto d = below(16);
      const bool upper = d >= 10 && (casing == 1 || (casing == 2 && coin()));
      s += upper ? hex[d + 6] : hex[d];
    }
    const auto r = xbl::Guid::parse(s);
    REQUIRE(r);
    return *r;
  }

  xbl::TitleId title_id() {
    auto v = static_cast<std::uint32_t>(u64());
    if (chance(10)) v = UINT32_MAX;
    switch (below(3)) {
      case 0: return xbl::TitleId{v, true};  // as a JSON number
      case 1: {
        const auto r = xbl::TitleId::parse(std::to_string(v));  // as read from a JSON string
        REQUIRE(r);
        return *r;
      }
      default: return xbl::TitleId{v};  // constructed: written as a string
    }
  }

  xbl::Timestamp timestamp() {
    const auto ticks = static_cast<std::int64_t>(u64() % static_cast<std::uint64_t>(xbl::Timestamp::max_ticks + 1));
    const auto constructed = xbl::Timestamp::from_ticks(ticks);
    REQUIRE(constructed);
    if (coin()) return *constructed;  // 7 digits and Z
    // As read: 0 to 7 fraction digits, with or without Z.
    std::string s = constructed->to_string();  // YYYY-MM-DDTHH:MM:SS.fffffffZ
    s.resize(19 + 8);
    const std::size_t digits = below(8);
    s.resize(digits == 0 ? 19 : 20 + digits);
    if (coin()) s += 'Z';
    const auto r = xbl::Timestamp::parse(s);
    REQUIRE(r);
    return *r;
  }

  // ---- enumerations ----------------------------------------------------------------------------

  template <class E>
  xbl::open_enum<E> enumeration() {
    if (open_ && chance(15)) {
      for (;;) {
        auto e = xbl::open_enum<E>::from_text(text(0, 10));
        if (!e.is_known()) return e;
      }
    }
    const auto& values = xbl::meta<E>::values;
    const auto& picked = values[below(values.size())];
    std::string name(picked.name);
    std::vector<std::string_view> aliases;
    for (auto a : picked.aliases)
      if (!a.empty()) aliases.push_back(a);
    if (!aliases.empty() && coin()) name = std::string(aliases[below(aliases.size())]);
    if constexpr (requires { xbl::meta<E>::ignore_case; }) {
      if (xbl::meta<E>::ignore_case && chance(30))
        for (char& c : name)
          if (coin()) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : (c >= 'A' && c <= 'Z' ? c + 32 : c));
    }
    auto e = xbl::open_enum<E>::from_text(name);
    REQUIRE(e.is_known());
    return e;
  }

  // ---- handles ---------------------------------------------------------------------------------

  // 1 to 100 characters when valid, mostly short, sometimes at the limits.
  std::string session_name() {
    if (open_ && chance(10)) return text(0, 110);
    switch (below(10)) {
      case 0: return text(1, 1);
      case 1: return text(100, 100);
      default: return text(1, 20);
    }
  }

  std::uint32_t version() { return open_ && chance(20) ? static_cast<std::uint32_t>(u64()) : 1u; }

  xbl::SessionRef session_ref() {
    xbl::SessionRef s;
    s.scid = guid();
    s.template_name = session_name();
    s.name = maybe<std::string>([&] { return session_name(); });
    return s;
  }

  xbl::InviteAttributes invite_attributes() {
    xbl::InviteAttributes a;
    a.title_id = title_id();
    a.context = maybe<std::string>([&] {
      if (chance(10)) return std::string(open_ && coin() ? 257 : 256, 'c');
      return text(0, 20);  // at most 240 once URI-encoded
    });
    a.context_string = maybe<std::string>([&] { return text(); });
    a.sender_string = maybe<std::string>([&] { return text(); });
    return a;
  }

  xbl::ActivityHandleRequest activity() {
    xbl::ActivityHandleRequest r;
    r.id = maybe<xbl::Guid>([&] { return guid(); });
    r.version = version();
    r.session_ref = session_ref();
    return r;
  }

  xbl::InviteHandleRequest invite() {
    xbl::InviteHandleRequest r;
    r.id = maybe<xbl::Guid>([&] { return guid(); });
    r.version = version();
    r.session_ref = session_ref();
    r.invite_attributes = invite_attributes();
    r.invited_xuid = xuid();
    return r;
  }

  xbl::TransferHandleRequest transfer() {
    xbl::TransferHandleRequest r;
    r.version = version();
    r.session_ref = session_ref();
    r.origin_session_ref = session_ref();
    return r;
  }

  xbl::HandleRequest handle_request() {
    switch (below(3)) {
      case 0: return activity();
      case 1: return invite();
      default: return transfer();
    }
  }

  xbl::InviteHandle invite_handle() {
    xbl::InviteHandle h;
    h.id = guid();
    h.version = maybe<std::uint32_t>([&] { return version(); });
    h.type = maybe<std::string>([&] { return coin() ? std::string("invite") : text(); });
    h.session_ref = maybe<xbl::SessionRef>([&] { return session_ref(); });
    h.invite_attributes = maybe<xbl::InviteAttributes>([&] { return invite_attributes(); });
    h.invited_xuid = maybe<xbl::Xuid>([&] { return xuid(); });
    h.title_id = maybe<xbl::TitleId>([&] { return title_id(); });
    h.owner_xuid = maybe<xbl::Xuid>([&] { return xuid(); });
    return h;
  }

  // ---- presence --------------------------------------------------------------------------------

  xbl::MediaRecord media() {
    xbl::MediaRecord m;
    m.id = maybe<std::string>([&] { return text(); });
    m.id_type = maybe<xbl::open_enum<xbl::MediaIdType>>([&] { return enumeration<xbl::MediaIdType>(); });
    m.name = maybe<std::string>([&] { return text(); });
    return m;
  }

  xbl::BroadcastRecord broadcast() {
    xbl::BroadcastRecord b;
    b.id = maybe<std::string>([&] { return text(); });
    b.session = maybe<std::string>([&] { return text(); });
    b.provider = maybe<xbl::open_enum<xbl::BroadcastProvider>>([&] { return enumeration<xbl::BroadcastProvider>(); });
    b.viewers = maybe<std::uint64_t>([&] { return coin() ? u64() : u64() % 1000; });
    b.started = maybe<xbl::Timestamp>([&] { return timestamp(); });
    return b;
  }

  xbl::ActivityRecord activity_record() {
    xbl::ActivityRecord a;
    a.rich_presence = maybe<std::string>([&] { return text(); });
    a.media = maybe<xbl::MediaRecord>([&] { return media(); }, 40);
    a.broadcast = maybe<xbl::BroadcastRecord>([&] { return broadcast(); }, 40);
    return a;
  }

  xbl::TitleRecord title() {
    xbl::TitleRecord t;
    t.id = title_id();
    t.name = maybe<std::string>([&] { return text(); });
    t.last_modified = maybe<xbl::Timestamp>([&] { return timestamp(); });
    t.timestamp = maybe<xbl::Timestamp>([&] { return timestamp(); }, 30);
    t.placement = maybe<xbl::open_enum<xbl::Placement>>([&] { return enumeration<xbl::Placement>(); });
    t.state = maybe<xbl::open_enum<xbl::TitleState>>([&] { return enumeration<xbl::TitleState>(); });
    t.activity = maybe<xbl::ActivityRecord>([&] { return activity_record(); }, 50);
    return t;
  }

  xbl::DeviceRecord device() {
    xbl::DeviceRecord d;
    d.type = enumeration<xbl::DeviceType>();
    d.titles = many(0, 3, [&] { return title(); });
    return d;
  }

  xbl::LastSeenRecord last_seen() {
    xbl::LastSeenRecord l;
    l.device_type = maybe<xbl::open_enum<xbl::DeviceType>>([&] { return enumeration<xbl::DeviceType>(); });
    l.title_id = maybe<xbl::TitleId>([&] { return title_id(); });
    l.title_name = maybe<std::string>([&] { return text(); });
    l.timestamp = maybe<xbl::Timestamp>([&] { return timestamp(); });
    return l;
  }

  xbl::PresenceRecord presence() {
    xbl::PresenceRecord r;
    r.xuid = xuid();
    r.state = enumeration<xbl::PresenceState>();
    r.devices = many(0, 3, [&] { return device(); });
    if (r.devices.empty() || (open_ && chance(20))) r.last_seen = maybe<xbl::LastSeenRecord>([&] { return last_seen(); });
    return r;
  }

  // ---- privacy ---------------------------------------------------------------------------------

  xbl::PermissionUser permission_user() {
    xbl::PermissionUser u;
    const auto shape = below(open_ ? 4 : 2);
    if (shape == 0 || shape == 2) u.xuid = xuid();
    if (shape == 1 || shape == 2) u.anonymous_user = enumeration<xbl::AnonymousUser>();
    return u;
  }

  xbl::PermissionCheckBatchRequest batch_request() {
    xbl::PermissionCheckBatchRequest r;
    const std::size_t min = open_ ? 0 : 1;
    r.users = many(min, 5, [&] { return permission_user(); });
    r.permissions = many(min, 5, [&] { return enumeration<xbl::PermissionId>(); });
    return r;
  }

  xbl::PermissionReason reason() {
    static constexpr std::array<std::string_view, 7> privileges{
        "AllowIngameVoiceCommunications", "AllowVideoCommunications", "AllowProfileViewing", "AllowCommunications",
        "AllowMultiplayer", "AllowAddFriend", "VideoCommunications"};
    xbl::PermissionReason r;
    r.reason = enumeration<xbl::DenyReason>();
    if (open_ && chance(20)) {
      r.restricted_setting = text();
      return r;
    }
    const auto known = r.reason.known();
    if (known == xbl::DenyReason::MissingPrivilege || known == xbl::DenyReason::PrivilegeRestrictsTarget) {
      r.restricted_setting = maybe<std::string>([&] { return std::string(privileges[below(privileges.size())]); });
    } else if (known == xbl::DenyReason::PrivacySettingRestrictsTarget) {
      const auto& settings = xbl::meta<xbl::PrivacySetting>::values;
      r.restricted_setting = maybe<std::string>([&] { return std::string(settings[below(settings.size())].name); });
    }
    return r;
  }

  xbl::PermissionResult permission_result() {
    xbl::PermissionResult r;
    r.is_allowed = coin();
    if (!r.is_allowed) r.reasons = many(1, 3, [&] { return reason(); });
    if (open_ && chance(20)) r.reasons = many(0, 2, [&] { return reason(); });
    return r;
  }

  xbl::PermissionUserResponse user_response() {
    xbl::PermissionUserResponse r;
    r.user = permission_user();
    r.permissions = many(0, 4, [&] { return permission_result(); });
    return r;
  }

  xbl::PermissionCheckBatchResponse batch_response() {
    xbl::PermissionCheckBatchResponse r;
    r.responses = many(0, 4, [&] { return user_response(); });
    return r;
  }

  // ---- gamerpic --------------------------------------------------------------------------------

  xbl::GamerpicImage gamerpic() {
    xbl::GamerpicImage g;
    g.width = open_ ? static_cast<std::uint32_t>(u64()) : 1080;
    g.height = open_ ? static_cast<std::uint32_t>(u64()) : 1080;
    g.bit_depth = static_cast<std::uint8_t>(u64());
    g.color_type = static_cast<std::uint8_t>(u64());
    g.interlace = static_cast<std::uint8_t>(u64());
    return g;  // bytes are the file, not part of the JSON description
  }

  template <class T>
  T make() {
    if constexpr (std::is_same_v<T, xbl::SessionRef>) return session_ref();
    else if constexpr (std::is_same_v<T, xbl::InviteAttributes>) return invite_attributes();
    else if constexpr (std::is_same_v<T, xbl::ActivityHandleRequest>) return activity();
    else if constexpr (std::is_same_v<T, xbl::InviteHandleRequest>) return invite();
    else if constexpr (std::is_same_v<T, xbl::TransferHandleRequest>) return transfer();
    else if constexpr (std::is_same_v<T, xbl::HandleRequest>) return handle_request();
    else if constexpr (std::is_same_v<T, xbl::InviteHandle>) return invite_handle();
    else if constexpr (std::is_same_v<T, xbl::MediaRecord>) return media();
    else if constexpr (std::is_same_v<T, xbl::BroadcastRecord>) return broadcast();
    else if constexpr (std::is_same_v<T, xbl::ActivityRecord>) return activity_record();
    else if constexpr (std::is_same_v<T, xbl::TitleRecord>) return title();
    else if constexpr (std::is_same_v<T, xbl::DeviceRecord>) return device();
    else if constexpr (std::is_same_v<T, xbl::LastSeenRecord>) return last_seen();
    else if constexpr (std::is_same_v<T, xbl::PresenceRecord>) return presence();
    else if constexpr (std::is_same_v<T, std::vector<xbl::PresenceRecord>>) return many(0, 4, [&] { return presence(); });
    else if constexpr (std::is_same_v<T, xbl::PermissionUser>) return permission_user();
    else if constexpr (std::is_same_v<T, xbl::PermissionCheckBatchRequest>) return batch_request();
    else if constexpr (std::is_same_v<T, xbl::PermissionReason>) return reason();
    else if constexpr (std::is_same_v<T, xbl::PermissionResult>) return permission_result();
    else if constexpr (std::is_same_v<T, xbl::PermissionUserResponse>) return user_response();
    else if constexpr (std::is_same_v<T, xbl::PermissionCheckBatchResponse>) return batch_response();
    else if constexpr (std::is_same_v<T, xbl::GamerpicImage>) return gamerpic();
    else static_assert(sizeof(T) == 0, "no model_generator for this type");
  }

 private:
  std::mt19937_64 rng_;
  bool open_;
};

// From JSON back to the same value, and to the same bytes, in both layouts. False (with the
// failure reported) at the first value that does not come back.
template <class T>
bool round_trips(const T& value, bool expect_valid) {
  const std::string compact = xbl::to_json(value);
  CAPTURE(compact);
  const auto back = xbl::from_json<T>(compact);
  if (!back) {
    FAIL_CHECK("compact form does not read: " << fmt::format("{}", back.error()));
    return false;
  }
  if (!(*back == value)) {
    FAIL_CHECK("compact form reads as another value: " << xbl::to_json(*back));
    return false;
  }
  if (xbl::to_json(*back) != compact) {
    FAIL_CHECK("compact form writes back differently: " << xbl::to_json(*back));
    return false;
  }

  xbl::write_options pretty;
  pretty.pretty = true;
  const std::string layout = xbl::to_json(value, pretty);
  CAPTURE(layout);
  const auto back_pretty = xbl::from_json<T>(layout);
  if (!back_pretty) {
    FAIL_CHECK("pretty form does not read: " << fmt::format("{}", back_pretty.error()));
    return false;
  }
  if (!(*back_pretty == value) || xbl::to_json(*back_pretty, pretty) != layout || xbl::to_json(*back_pretty) != compact) {
    FAIL_CHECK("pretty form does not come back: " << xbl::to_json(*back_pretty, pretty));
    return false;
  }

  if constexpr (!std::is_same_v<T, std::vector<xbl::PresenceRecord>>) {
    if (fmt::format("{}", value) != compact || fmt::format("{:p}", value) != layout) {
      FAIL_CHECK("fmt differs from to_json");
      return false;
    }
  }
  if (expect_valid) {
    const auto found = xbl::validate(value);
    if (!found.empty()) {
      FAIL_CHECK("the valid model_generator made a value that breaks a rule: " << fmt::format("{}", found.front()));
      return false;
    }
  }
  return true;
}

template <class T>
void round_trip_many(std::uint64_t seed) {
  for (bool open : {false, true}) {
    CAPTURE(open);
    model_generator g(seed, open);
    int checked = 0;
    for (int i = 0; i < values_per_type; ++i) {
      if (!round_trips(g.make<T>(), !open)) break;
      ++checked;
    }
    CHECK(checked == values_per_type);
  }
}

}  // namespace round_trip
