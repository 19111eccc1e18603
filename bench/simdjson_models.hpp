// simdjson 3's way to the library's model types: On-Demand parsing, mapped onto the structs by
// hand (each object's fields once, in the order of the text, dispatching on the key), with the
// identifiers made by their own parse(), as the library does. simdjson has no writer, so writing
// is by hand with fmt.
#pragma once

#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>
#include <xbl/xbl.hpp>

namespace xbl_simdjson {

namespace od = simdjson::ondemand;

[[noreturn]] inline void fail(const char* what) { throw std::runtime_error(what); }
inline void need(bool ok, const char* what) {
  if (!ok) fail(what);
}

inline std::string_view text(od::value v) { return v.get_string(); }
inline std::string string(od::value v) { return std::string(text(v)); }

template <class Id>
Id id(od::value v) {
  auto r = Id::parse(text(v));
  if (!r) fail("malformed identifier");
  return *r;
}
inline xbl::TitleId title_id(od::value v) {
  if (v.type() == od::json_type::number) {
    const std::uint64_t n = v.get_uint64();
    need(n <= UINT32_MAX, "a title id must fit in 32 bits");
    return xbl::TitleId(static_cast<std::uint32_t>(n), true);
  }
  return id<xbl::TitleId>(v);
}
template <class E>
xbl::open_enum<E> enumeration(od::value v) {
  return xbl::open_enum<E>::from_text(text(v));
}

// Declared first: array() finds them by name, not by argument-dependent lookup.
inline void read(od::value v, xbl::MediaRecord& r);
inline void read(od::value v, xbl::BroadcastRecord& r);
inline void read(od::value v, xbl::ActivityRecord& r);
inline void read(od::value v, xbl::TitleRecord& r);
inline void read(od::value v, xbl::DeviceRecord& r);
inline void read(od::value v, xbl::LastSeenRecord& r);
inline void read(od::value v, xbl::PresenceRecord& r);
inline void read(od::value v, xbl::PermissionUser& r);
inline void read(od::value v, xbl::PermissionReason& r);
inline void read(od::value v, xbl::PermissionResult& r);
inline void read(od::value v, xbl::PermissionUserResponse& r);
inline void read(od::value v, xbl::PermissionCheckBatchResponse& r);
inline void read(od::value v, xbl::SessionRef& r);
inline void read(od::value v, xbl::InviteAttributes& r);
inline void read(od::value v, xbl::HandleRequest& r);

template <class T>
void array(od::value v, std::vector<T>& out) {
  for (od::value e : v.get_array()) read(e, out.emplace_back());
}

// ---- reading ----------------------------------------------------------------------------------

inline void read(od::value v, xbl::MediaRecord& r) {
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "id") r.id = string(f.value());
    else if (k == "idType") r.id_type = enumeration<xbl::MediaIdType>(f.value());
    else if (k == "name") r.name = string(f.value());
  }
}

inline void read(od::value v, xbl::BroadcastRecord& r) {
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "id") r.id = string(f.value());
    else if (k == "session") r.session = string(f.value());
    else if (k == "provider") r.provider = enumeration<xbl::BroadcastProvider>(f.value());
    else if (k == "viewers") r.viewers = std::uint64_t(f.value().get_uint64());
    else if (k == "started") r.started = id<xbl::Timestamp>(f.value());
  }
}

inline void read(od::value v, xbl::ActivityRecord& r) {
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "richPresence") r.rich_presence = string(f.value());
    else if (k == "media") read(f.value(), r.media.emplace());
    else if (k == "broadcast") read(f.value(), r.broadcast.emplace());
  }
}

inline void read(od::value v, xbl::TitleRecord& r) {
  bool has_id = false;
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "id") {
      r.id = title_id(f.value());
      has_id = true;
    } else if (k == "name") r.name = string(f.value());
    else if (k == "lastModified") r.last_modified = id<xbl::Timestamp>(f.value());
    else if (k == "timestamp") r.timestamp = id<xbl::Timestamp>(f.value());
    else if (k == "placement") r.placement = enumeration<xbl::Placement>(f.value());
    else if (k == "state") r.state = enumeration<xbl::TitleState>(f.value());
    else if (k == "activity") read(f.value(), r.activity.emplace());
  }
  need(has_id, "missing id");
}

inline void read(od::value v, xbl::DeviceRecord& r) {
  bool has_type = false;
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "type") {
      r.type = enumeration<xbl::DeviceType>(f.value());
      has_type = true;
    } else if (k == "titles") {
      array(f.value(), r.titles);
    }
  }
  need(has_type, "missing type");
}

inline void read(od::value v, xbl::LastSeenRecord& r) {
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "deviceType") r.device_type = enumeration<xbl::DeviceType>(f.value());
    else if (k == "titleId") r.title_id = title_id(f.value());
    else if (k == "titleName") r.title_name = string(f.value());
    else if (k == "timestamp") r.timestamp = id<xbl::Timestamp>(f.value());
  }
}

inline void read(od::value v, xbl::PresenceRecord& r) {
  bool has_xuid = false, has_state = false;
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "xuid") {
      r.xuid = id<xbl::Xuid>(f.value());
      has_xuid = true;
    } else if (k == "state") {
      r.state = enumeration<xbl::PresenceState>(f.value());
      has_state = true;
    } else if (k == "devices") {
      array(f.value(), r.devices);
    } else if (k == "lastSeen") {
      read(f.value(), r.last_seen.emplace());
    }
  }
  need(has_xuid && has_state, "missing xuid or state");
}

inline void read(od::value v, xbl::PermissionUser& r) {
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "xuid") r.xuid = id<xbl::Xuid>(f.value());
    else if (k == "anonymousUser") r.anonymous_user = enumeration<xbl::AnonymousUser>(f.value());
  }
}

inline void read(od::value v, xbl::PermissionReason& r) {
  bool has_reason = false;
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "reason") {
      r.reason = enumeration<xbl::DenyReason>(f.value());
      has_reason = true;
    } else if (k == "restrictedSetting") {
      r.restricted_setting = string(f.value());
    }
  }
  need(has_reason, "missing reason");
}

inline void read(od::value v, xbl::PermissionResult& r) {
  bool has_allowed = false;
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "isAllowed") {
      r.is_allowed = f.value().get_bool();
      has_allowed = true;
    } else if (k == "reasons") {
      array(f.value(), r.reasons);
    }
  }
  need(has_allowed, "missing isAllowed");
}

inline void read(od::value v, xbl::PermissionUserResponse& r) {
  bool has_user = false;
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "user") {
      read(f.value(), r.user);
      has_user = true;
    } else if (k == "permissions") {
      array(f.value(), r.permissions);
    }
  }
  need(has_user, "missing user");
}

inline void read(od::value v, xbl::PermissionCheckBatchResponse& r) {
  for (od::field f : v.get_object())
    if (f.key() == "responses") array(f.value(), r.responses);
}

inline void read(od::value v, xbl::SessionRef& r) {
  bool has_scid = false, has_template = false;
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "scid") {
      r.scid = id<xbl::Guid>(f.value());
      has_scid = true;
    } else if (k == "templateName") {
      r.template_name = string(f.value());
      has_template = true;
    } else if (k == "name") {
      r.name = string(f.value());
    }
  }
  need(has_scid && has_template, "missing scid or templateName");
}

inline void read(od::value v, xbl::InviteAttributes& r) {
  bool has_title = false;
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "titleId") {
      r.title_id = title_id(f.value());
      has_title = true;
    } else if (k == "context") r.context = string(f.value());
    else if (k == "contextString") r.context_string = string(f.value());
    else if (k == "senderString") r.sender_string = string(f.value());
  }
  need(has_title, "missing titleId");
}

// The object is walked once: `type` is checked where it stands, and only invites are mapped (the
// only alternative in the benchmark's data).
inline void read(od::value v, xbl::HandleRequest& r_out) {
  auto& r = r_out.emplace<xbl::InviteHandleRequest>();
  bool has_type = false, has_version = false, has_ref = false, has_attributes = false, has_xuid = false;
  for (od::field f : v.get_object()) {
    const auto k = f.key();
    if (k == "id") r.id = id<xbl::Guid>(f.value());
    else if (k == "version") {
      const std::uint64_t n = f.value().get_uint64();
      need(n <= UINT32_MAX, "version out of range");
      r.version = static_cast<std::uint32_t>(n);
      has_version = true;
    } else if (k == "type") {
      need(text(f.value()) == "invite", "only invites are mapped");
      has_type = true;
    } else if (k == "sessionRef") {
      read(f.value(), r.session_ref);
      has_ref = true;
    } else if (k == "inviteAttributes") {
      read(f.value(), r.invite_attributes);
      has_attributes = true;
    } else if (k == "invitedXuid") {
      r.invited_xuid = id<xbl::Xuid>(f.value());
      has_xuid = true;
    }
  }
  need(has_type && has_version && has_ref && has_attributes && has_xuid, "missing member of an invite");
}

// `json` must be followed by at least SIMDJSON_PADDING readable bytes (the benchmark's inputs
// live in one padded buffer).
template <class T>
T parse(od::parser& parser, std::string_view json) {
  od::document doc = parser.iterate(json, json.size() + simdjson::SIMDJSON_PADDING);
  T value{};
  od::value root = doc.get_value();
  if constexpr (std::is_same_v<T, std::vector<xbl::PresenceRecord>>) array(root, value);
  else read(root, value);
  // simdjson 3.0 has no document::at_end(): past the value, there is no current location.
  need(doc.current_location().error() != simdjson::SUCCESS, "text after the JSON value");
  return value;
}

// ---- writing, with fmt ------------------------------------------------------------------------

class writer {
 public:
  writer(fmt::memory_buffer& out, bool pretty) : out_(out), pretty_(pretty) {}

  void open(char c) {
    out_.push_back(c);
    first_[++level_] = true;
  }
  void close(char c) {
    const bool empty = first_[level_];
    --level_;
    if (!empty) newline();
    out_.push_back(c);
  }
  // Before each element of an array.
  void element() {
    if (!first_[level_]) out_.push_back(',');
    first_[level_] = false;
    newline();
  }
  template <std::size_t N>
  void key(const char (&k)[N]) {
    element();
    out_.push_back('"');
    out_.append(k, k + N - 1);
    out_.push_back('"');
    out_.push_back(':');
    if (pretty_) out_.push_back(' ');
  }
  void string(std::string_view s) {
    out_.push_back('"');
    const char* run = s.data();
    const char* end = run + s.size();
    for (const char* p = run; p < end; ++p) {
      const auto c = static_cast<unsigned char>(*p);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(run, p);
      run = p + 1;
      switch (c) {
        case '"': out_.append(std::string_view("\\\"")); break;
        case '\\': out_.append(std::string_view("\\\\")); break;
        case '\n': out_.append(std::string_view("\\n")); break;
        case '\r': out_.append(std::string_view("\\r")); break;
        case '\t': out_.append(std::string_view("\\t")); break;
        case '\b': out_.append(std::string_view("\\b")); break;
        case '\f': out_.append(std::string_view("\\f")); break;
        default: fmt::format_to(std::back_inserter(out_), "\\u{:04x}", c);
      }
    }
    out_.append(run, end);
    out_.push_back('"');
  }
  template <class Id>
  void id(const Id& v) {
    out_.push_back('"');
    fmt::format_to(std::back_inserter(out_), "{}", v);
    out_.push_back('"');
  }
  void number(std::uint64_t n) { fmt::format_to(std::back_inserter(out_), "{}", n); }
  void boolean(bool b) { out_.append(b ? std::string_view("true") : std::string_view("false")); }

 private:
  void newline() {
    if (!pretty_) return;
    out_.push_back('\n');
    for (int i = 0; i < level_ * 4; ++i) out_.push_back(' ');
  }

  fmt::memory_buffer& out_;
  bool pretty_;
  int level_ = 0;
  bool first_[64] = {};
};

inline void title_id(writer& w, const xbl::TitleId& v) {
  if (v.written_as_number()) w.number(v.value());
  else w.id(v);
}
template <class E>
void enumeration(writer& w, const xbl::open_enum<E>& e) {
  w.string(e.text());
}
template <class T>
void array(writer& w, const std::vector<T>& v) {
  w.open('[');
  for (const auto& e : v) {
    w.element();
    write(w, e);
  }
  w.close(']');
}

inline void write(writer& w, const xbl::MediaRecord& r) {
  w.open('{');
  if (r.id) w.key("id"), w.string(*r.id);
  if (r.id_type) w.key("idType"), enumeration(w, *r.id_type);
  if (r.name) w.key("name"), w.string(*r.name);
  w.close('}');
}

inline void write(writer& w, const xbl::BroadcastRecord& r) {
  w.open('{');
  if (r.id) w.key("id"), w.string(*r.id);
  if (r.session) w.key("session"), w.string(*r.session);
  if (r.provider) w.key("provider"), enumeration(w, *r.provider);
  if (r.viewers) w.key("viewers"), w.number(*r.viewers);
  if (r.started) w.key("started"), w.id(*r.started);
  w.close('}');
}

inline void write(writer& w, const xbl::ActivityRecord& r) {
  w.open('{');
  if (r.rich_presence) w.key("richPresence"), w.string(*r.rich_presence);
  if (r.media) w.key("media"), write(w, *r.media);
  if (r.broadcast) w.key("broadcast"), write(w, *r.broadcast);
  w.close('}');
}

inline void write(writer& w, const xbl::TitleRecord& r) {
  w.open('{');
  w.key("id"), title_id(w, r.id);
  if (r.name) w.key("name"), w.string(*r.name);
  if (r.last_modified) w.key("lastModified"), w.id(*r.last_modified);
  if (r.timestamp) w.key("timestamp"), w.id(*r.timestamp);
  if (r.placement) w.key("placement"), enumeration(w, *r.placement);
  if (r.state) w.key("state"), enumeration(w, *r.state);
  if (r.activity) w.key("activity"), write(w, *r.activity);
  w.close('}');
}

inline void write(writer& w, const xbl::DeviceRecord& r) {
  w.open('{');
  w.key("type"), enumeration(w, r.type);
  if (!r.titles.empty()) w.key("titles"), array(w, r.titles);
  w.close('}');
}

inline void write(writer& w, const xbl::LastSeenRecord& r) {
  w.open('{');
  if (r.device_type) w.key("deviceType"), enumeration(w, *r.device_type);
  if (r.title_id) w.key("titleId"), title_id(w, *r.title_id);
  if (r.title_name) w.key("titleName"), w.string(*r.title_name);
  if (r.timestamp) w.key("timestamp"), w.id(*r.timestamp);
  w.close('}');
}

inline void write(writer& w, const xbl::PresenceRecord& r) {
  w.open('{');
  w.key("xuid"), w.id(r.xuid);
  w.key("state"), enumeration(w, r.state);
  if (!r.devices.empty()) w.key("devices"), array(w, r.devices);
  if (r.last_seen) w.key("lastSeen"), write(w, *r.last_seen);
  w.close('}');
}

inline void write(writer& w, const xbl::PermissionUser& r) {
  w.open('{');
  if (r.xuid) w.key("xuid"), w.id(*r.xuid);
  if (r.anonymous_user) w.key("anonymousUser"), enumeration(w, *r.anonymous_user);
  w.close('}');
}

inline void write(writer& w, const xbl::PermissionReason& r) {
  w.open('{');
  w.key("reason"), enumeration(w, r.reason);
  if (r.restricted_setting) w.key("restrictedSetting"), w.string(*r.restricted_setting);
  w.close('}');
}

inline void write(writer& w, const xbl::PermissionResult& r) {
  w.open('{');
  w.key("isAllowed"), w.boolean(r.is_allowed);
  if (!r.reasons.empty()) w.key("reasons"), array(w, r.reasons);
  w.close('}');
}

inline void write(writer& w, const xbl::PermissionUserResponse& r) {
  w.open('{');
  w.key("user"), write(w, r.user);
  if (!r.permissions.empty()) w.key("permissions"), array(w, r.permissions);
  w.close('}');
}

inline void write(writer& w, const xbl::PermissionCheckBatchResponse& r) {
  w.open('{');
  if (!r.responses.empty()) w.key("responses"), array(w, r.responses);
  w.close('}');
}

inline void write(writer& w, const xbl::SessionRef& r) {
  w.open('{');
  w.key("scid"), w.id(r.scid);
  w.key("templateName"), w.string(r.template_name);
  if (r.name) w.key("name"), w.string(*r.name);
  w.close('}');
}

inline void write(writer& w, const xbl::InviteAttributes& r) {
  w.open('{');
  w.key("titleId"), title_id(w, r.title_id);
  if (r.context) w.key("context"), w.string(*r.context);
  if (r.context_string) w.key("contextString"), w.string(*r.context_string);
  if (r.sender_string) w.key("senderString"), w.string(*r.sender_string);
  w.close('}');
}

inline void write(writer& w, const xbl::HandleRequest& v) {
  const auto* r = std::get_if<xbl::InviteHandleRequest>(&v);
  if (!r) fail("only invites are mapped");
  w.open('{');
  if (r->id) w.key("id"), w.id(*r->id);
  w.key("version"), w.number(r->version);
  w.key("type"), w.string("invite");
  w.key("sessionRef"), write(w, r->session_ref);
  w.key("inviteAttributes"), write(w, r->invite_attributes);
  w.key("invitedXuid"), w.id(r->invited_xuid);
  w.close('}');
}

template <class T>
void write_value(fmt::memory_buffer& out, const T& value, bool pretty) {
  writer w(out, pretty);
  if constexpr (std::is_same_v<T, std::vector<xbl::PresenceRecord>>) array(w, value);
  else write(w, value);
}

}  // namespace xbl_simdjson
