// RapidJSON's way to the library's model types: parse into its DOM (`Document::Parse`), then map
// the DOM onto the structs by hand; write with its `Writer` (or `PrettyWriter`).
//
// The mapping walks each object's members once and dispatches on the key, checks the kind of
// every value it takes, fails on a missing required member, and makes the identifiers with their
// own parse(), as the library does. Parse flags are RapidJSON's defaults (which do not check
// UTF-8: the library and the other contestants do).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <xbl/xbl.hpp>

#include "alloc_count.hpp"

namespace xbl_rapidjson {

// RapidJSON's CrtAllocator, telling alloc_count what it does.
class counted_allocator {
 public:
  static const bool kNeedFree = true;
  void* Malloc(std::size_t size) {
    if (!size) return nullptr;
    void* p = std::malloc(size);
    alloc_count::on_alloc(p);
    return p;
  }
  void* Realloc(void* original, std::size_t, std::size_t size) {
    if (size == 0) {
      Free(original);
      return nullptr;
    }
    alloc_count::on_free(original);
    void* p = std::realloc(original, size);
    alloc_count::on_alloc(p);
    return p;
  }
  static void Free(void* p) {
    alloc_count::on_free(p);
    std::free(p);
  }
};

using Document = rapidjson::GenericDocument<rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<counted_allocator>,
                                            counted_allocator>;
using Value = Document::ValueType;
using StringBuffer = rapidjson::GenericStringBuffer<rapidjson::UTF8<>, counted_allocator>;
using Writer = rapidjson::Writer<StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>, counted_allocator>;
using PrettyWriter = rapidjson::PrettyWriter<StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>, counted_allocator>;

[[noreturn]] inline void fail(const char* what) { throw std::runtime_error(what); }
inline void need(bool ok, const char* what) {
  if (!ok) fail(what);
}

inline std::string_view text(const Value& v) {
  need(v.IsString(), "expected a string");
  return {v.GetString(), v.GetStringLength()};
}
inline std::string string(const Value& v) { return std::string(text(v)); }

template <class Id>
Id id(const Value& v) {
  auto r = Id::parse(text(v));
  if (!r) fail("malformed identifier");
  return *r;
}
inline xbl::TitleId title_id(const Value& v) {
  if (v.IsNumber()) {
    need(v.IsUint(), "a title id must fit in 32 bits");
    return xbl::TitleId(v.GetUint(), true);
  }
  return id<xbl::TitleId>(v);
}
template <class E>
xbl::open_enum<E> enumeration(const Value& v) {
  return xbl::open_enum<E>::from_text(text(v));
}

template <class T, class F>
void array(const Value& v, std::vector<T>& out, F&& element) {
  need(v.IsArray(), "expected an array");
  out.reserve(v.Size());
  for (const auto& e : v.GetArray()) element(e, out.emplace_back());
}

// Each member once, in the order of the text: f(key, value).
template <class F>
void for_members(const Value& v, F&& f) {
  need(v.IsObject(), "expected an object");
  for (const auto& m : v.GetObject()) f(std::string_view(m.name.GetString(), m.name.GetStringLength()), m.value);
}

// ---- reading ----------------------------------------------------------------------------------

inline void read(const Value& v, xbl::MediaRecord& r) {
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "id") r.id = string(value);
    else if (k == "idType") r.id_type = enumeration<xbl::MediaIdType>(value);
    else if (k == "name") r.name = string(value);
  });
}

inline void read(const Value& v, xbl::BroadcastRecord& r) {
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "id") r.id = string(value);
    else if (k == "session") r.session = string(value);
    else if (k == "provider") r.provider = enumeration<xbl::BroadcastProvider>(value);
    else if (k == "viewers") {
      need(value.IsUint64(), "expected an unsigned integer");
      r.viewers = value.GetUint64();
    } else if (k == "started") r.started = id<xbl::Timestamp>(value);
  });
}

inline void read(const Value& v, xbl::ActivityRecord& r) {
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "richPresence") r.rich_presence = string(value);
    else if (k == "media") read(value, r.media.emplace());
    else if (k == "broadcast") read(value, r.broadcast.emplace());
  });
}

inline void read(const Value& v, xbl::TitleRecord& r) {
  bool has_id = false;
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "id") {
      r.id = title_id(value);
      has_id = true;
    } else if (k == "name") r.name = string(value);
    else if (k == "lastModified") r.last_modified = id<xbl::Timestamp>(value);
    else if (k == "timestamp") r.timestamp = id<xbl::Timestamp>(value);
    else if (k == "placement") r.placement = enumeration<xbl::Placement>(value);
    else if (k == "state") r.state = enumeration<xbl::TitleState>(value);
    else if (k == "activity") read(value, r.activity.emplace());
  });
  need(has_id, "missing id");
}

inline void read(const Value& v, xbl::DeviceRecord& r) {
  bool has_type = false;
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "type") {
      r.type = enumeration<xbl::DeviceType>(value);
      has_type = true;
    } else if (k == "titles") {
      array(value, r.titles, [](const Value& e, xbl::TitleRecord& t) { read(e, t); });
    }
  });
  need(has_type, "missing type");
}

inline void read(const Value& v, xbl::LastSeenRecord& r) {
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "deviceType") r.device_type = enumeration<xbl::DeviceType>(value);
    else if (k == "titleId") r.title_id = title_id(value);
    else if (k == "titleName") r.title_name = string(value);
    else if (k == "timestamp") r.timestamp = id<xbl::Timestamp>(value);
  });
}

inline void read(const Value& v, xbl::PresenceRecord& r) {
  bool has_xuid = false, has_state = false;
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "xuid") {
      r.xuid = id<xbl::Xuid>(value);
      has_xuid = true;
    } else if (k == "state") {
      r.state = enumeration<xbl::PresenceState>(value);
      has_state = true;
    } else if (k == "devices") {
      array(value, r.devices, [](const Value& e, xbl::DeviceRecord& d) { read(e, d); });
    } else if (k == "lastSeen") {
      read(value, r.last_seen.emplace());
    }
  });
  need(has_xuid && has_state, "missing xuid or state");
}

inline void read(const Value& v, xbl::PermissionUser& r) {
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "xuid") r.xuid = id<xbl::Xuid>(value);
    else if (k == "anonymousUser") r.anonymous_user = enumeration<xbl::AnonymousUser>(value);
  });
}

inline void read(const Value& v, xbl::PermissionReason& r) {
  bool has_reason = false;
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "reason") {
      r.reason = enumeration<xbl::DenyReason>(value);
      has_reason = true;
    } else if (k == "restrictedSetting") {
      r.restricted_setting = string(value);
    }
  });
  need(has_reason, "missing reason");
}

inline void read(const Value& v, xbl::PermissionResult& r) {
  bool has_allowed = false;
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "isAllowed") {
      need(value.IsBool(), "expected true or false");
      r.is_allowed = value.GetBool();
      has_allowed = true;
    } else if (k == "reasons") {
      array(value, r.reasons, [](const Value& e, xbl::PermissionReason& x) { read(e, x); });
    }
  });
  need(has_allowed, "missing isAllowed");
}

inline void read(const Value& v, xbl::PermissionUserResponse& r) {
  bool has_user = false;
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "user") {
      read(value, r.user);
      has_user = true;
    } else if (k == "permissions") {
      array(value, r.permissions, [](const Value& e, xbl::PermissionResult& x) { read(e, x); });
    }
  });
  need(has_user, "missing user");
}

inline void read(const Value& v, xbl::PermissionCheckBatchResponse& r) {
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "responses")
      array(value, r.responses, [](const Value& e, xbl::PermissionUserResponse& x) { read(e, x); });
  });
}

inline void read(const Value& v, xbl::SessionRef& r) {
  bool has_scid = false, has_template = false;
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "scid") {
      r.scid = id<xbl::Guid>(value);
      has_scid = true;
    } else if (k == "templateName") {
      r.template_name = string(value);
      has_template = true;
    } else if (k == "name") {
      r.name = string(value);
    }
  });
  need(has_scid && has_template, "missing scid or templateName");
}

inline void read(const Value& v, xbl::InviteAttributes& r) {
  bool has_title = false;
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "titleId") {
      r.title_id = title_id(value);
      has_title = true;
    } else if (k == "context") r.context = string(value);
    else if (k == "contextString") r.context_string = string(value);
    else if (k == "senderString") r.sender_string = string(value);
  });
  need(has_title, "missing titleId");
}

inline void read(const Value& v, xbl::InviteHandleRequest& r) {
  bool has_version = false, has_ref = false, has_attributes = false, has_xuid = false;
  for_members(v, [&](std::string_view k, const Value& value) {
    if (k == "id") r.id = id<xbl::Guid>(value);
    else if (k == "version") {
      need(value.IsUint(), "expected an unsigned integer");
      r.version = value.GetUint();
      has_version = true;
    } else if (k == "sessionRef") {
      read(value, r.session_ref);
      has_ref = true;
    } else if (k == "inviteAttributes") {
      read(value, r.invite_attributes);
      has_attributes = true;
    } else if (k == "invitedXuid") {
      r.invited_xuid = id<xbl::Xuid>(value);
      has_xuid = true;
    }
  });
  need(has_version && has_ref && has_attributes && has_xuid, "missing member of an invite");
}

// Only the invite alternative is in the benchmark's data; the others fail loudly.
inline void read(const Value& v, xbl::HandleRequest& r) {
  need(v.IsObject(), "expected an object");
  const auto type = v.FindMember("type");
  need(type != v.MemberEnd(), "missing type");
  need(text(type->value) == "invite", "only invites are mapped");
  read(v, r.emplace<xbl::InviteHandleRequest>());
}

template <class T>
T parse(std::string_view json) {
  Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError()) fail("RapidJSON parse error");
  T value{};
  if constexpr (std::is_same_v<T, std::vector<xbl::PresenceRecord>>) {
    array(d, value, [](const Value& e, xbl::PresenceRecord& r) { read(e, r); });
  } else {
    read(d, value);
  }
  return value;
}

// ---- writing ----------------------------------------------------------------------------------

template <class W, std::size_t N>
void key(W& w, const char (&k)[N]) {
  w.Key(k, N - 1);
}
template <class W>
void string(W& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
// An identifier's wire text through the library's fmt support, into a buffer on the stack.
template <class W, class Id>
void id(W& w, const Id& v) {
  char buf[64];
  const auto r = fmt::format_to_n(buf, sizeof buf, "{}", v);
  w.String(buf, static_cast<rapidjson::SizeType>(r.size));
}
template <class W>
void title_id(W& w, const xbl::TitleId& v) {
  if (v.written_as_number()) w.Uint(v.value());
  else id(w, v);
}
template <class W, class E>
void enumeration(W& w, const xbl::open_enum<E>& e) {
  string(w, e.text());
}
template <class W, class T>
void array(W& w, const std::vector<T>& v) {
  w.StartArray();
  for (const auto& e : v) write(w, e);
  w.EndArray();
}

template <class W>
void write(W& w, const xbl::MediaRecord& r) {
  w.StartObject();
  if (r.id) key(w, "id"), string(w, *r.id);
  if (r.id_type) key(w, "idType"), enumeration(w, *r.id_type);
  if (r.name) key(w, "name"), string(w, *r.name);
  w.EndObject();
}

template <class W>
void write(W& w, const xbl::BroadcastRecord& r) {
  w.StartObject();
  if (r.id) key(w, "id"), string(w, *r.id);
  if (r.session) key(w, "session"), string(w, *r.session);
  if (r.provider) key(w, "provider"), enumeration(w, *r.provider);
  if (r.viewers) key(w, "viewers"), w.Uint64(*r.viewers);
  if (r.started) key(w, "started"), id(w, *r.started);
  w.EndObject();
}

template <class W>
void write(W& w, const xbl::ActivityRecord& r) {
  w.StartObject();
  if (r.rich_presence) key(w, "richPresence"), string(w, *r.rich_presence);
  if (r.media) key(w, "media"), write(w, *r.media);
  if (r.broadcast) key(w, "broadcast"), write(w, *r.broadcast);
  w.EndObject();
}

template <class W>
void write(W& w, const xbl::TitleRecord& r) {
  w.StartObject();
  key(w, "id"), title_id(w, r.id);
  if (r.name) key(w, "name"), string(w, *r.name);
  if (r.last_modified) key(w, "lastModified"), id(w, *r.last_modified);
  if (r.timestamp) key(w, "timestamp"), id(w, *r.timestamp);
  if (r.placement) key(w, "placement"), enumeration(w, *r.placement);
  if (r.state) key(w, "state"), enumeration(w, *r.state);
  if (r.activity) key(w, "activity"), write(w, *r.activity);
  w.EndObject();
}

template <class W>
void write(W& w, const xbl::DeviceRecord& r) {
  w.StartObject();
  key(w, "type"), enumeration(w, r.type);
  if (!r.titles.empty()) key(w, "titles"), array(w, r.titles);
  w.EndObject();
}

template <class W>
void write(W& w, const xbl::LastSeenRecord& r) {
  w.StartObject();
  if (r.device_type) key(w, "deviceType"), enumeration(w, *r.device_type);
  if (r.title_id) key(w, "titleId"), title_id(w, *r.title_id);
  if (r.title_name) key(w, "titleName"), string(w, *r.title_name);
  if (r.timestamp) key(w, "timestamp"), id(w, *r.timestamp);
  w.EndObject();
}

template <class W>
void write(W& w, const xbl::PresenceRecord& r) {
  w.StartObject();
  key(w, "xuid"), id(w, r.xuid);
  key(w, "state"), enumeration(w, r.state);
  if (!r.devices.empty()) key(w, "devices"), array(w, r.devices);
  if (r.last_seen) key(w, "lastSeen"), write(w, *r.last_seen);
  w.EndObject();
}

template <class W>
void write(W& w, const xbl::PermissionUser& r) {
  w.StartObject();
  if (r.xuid) key(w, "xuid"), id(w, *r.xuid);
  if (r.anonymous_user) key(w, "anonymousUser"), enumeration(w, *r.anonymous_user);
  w.EndObject();
}

template <class W>
void write(W& w, const xbl::PermissionReason& r) {
  w.StartObject();
  key(w, "reason"), enumeration(w, r.reason);
  if (r.restricted_setting) key(w, "restrictedSetting"), string(w, *r.restricted_setting);
  w.EndObject();
}

template <class W>
void write(W& w, const xbl::PermissionResult& r) {
  w.StartObject();
  key(w, "isAllowed"), w.Bool(r.is_allowed);
  if (!r.reasons.empty()) key(w, "reasons"), array(w, r.reasons);
  w.EndObject();
}

template <class W>
void write(W& w, const xbl::PermissionUserResponse& r) {
  w.StartObject();
  key(w, "user"), write(w, r.user);
  if (!r.permissions.empty()) key(w, "permissions"), array(w, r.permissions);
  w.EndObject();
}

template <class W>
void write(W& w, const xbl::PermissionCheckBatchResponse& r) {
  w.StartObject();
  if (!r.responses.empty()) key(w, "responses"), array(w, r.responses);
  w.EndObject();
}

template <class W>
void write(W& w, const xbl::SessionRef& r) {
  w.StartObject();
  key(w, "scid"), id(w, r.scid);
  key(w, "templateName"), string(w, r.template_name);
  if (r.name) key(w, "name"), string(w, *r.name);
  w.EndObject();
}

template <class W>
void write(W& w, const xbl::InviteAttributes& r) {
  w.StartObject();
  key(w, "titleId"), title_id(w, r.title_id);
  if (r.context) key(w, "context"), string(w, *r.context);
  if (r.context_string) key(w, "contextString"), string(w, *r.context_string);
  if (r.sender_string) key(w, "senderString"), string(w, *r.sender_string);
  w.EndObject();
}

template <class W>
void write(W& w, const xbl::HandleRequest& v) {
  const auto* r = std::get_if<xbl::InviteHandleRequest>(&v);
  if (!r) fail("only invites are mapped");
  w.StartObject();
  if (r->id) key(w, "id"), id(w, *r->id);
  key(w, "version"), w.Uint(r->version);
  key(w, "type"), string(w, "invite");
  key(w, "sessionRef"), write(w, r->session_ref);
  key(w, "inviteAttributes"), write(w, r->invite_attributes);
  key(w, "invitedXuid"), id(w, r->invited_xuid);
  w.EndObject();
}

template <class T>
void write_value(StringBuffer& out, const T& value, bool pretty) {
  if (pretty) {
    PrettyWriter w(out);
    w.SetIndent(' ', 4);
    if constexpr (std::is_same_v<T, std::vector<xbl::PresenceRecord>>) array(w, value);
    else write(w, value);
  } else {
    Writer w(out);
    if constexpr (std::is_same_v<T, std::vector<xbl::PresenceRecord>>) array(w, value);
    else write(w, value);
  }
}

}  // namespace xbl_rapidjson
