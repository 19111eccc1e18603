#pragma once

// Multiplayer handles: the bodies of POST https://sessiondirectory.xboxlive.com/handles and the
// invite handle it answers with.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "xbl/core.hpp"

namespace xbl {

struct SessionRef {
  Guid scid;
  std::string template_name;
  std::optional<std::string> name;  // optional in a POST: the directory then names the session
  xbl::extras extras;
  friend bool operator==(const SessionRef&, const SessionRef&) = default;
};

struct InviteAttributes {
  TitleId title_id;
  std::optional<std::string> context;         // the title's own token, at most 256 once URI-encoded
  std::optional<std::string> context_string;  // the name of a custom invite string
  std::optional<std::string> sender_string;   // the sender's name when the sender is a service
  xbl::extras extras;
  friend bool operator==(const InviteAttributes&, const InviteAttributes&) = default;
};

// Sets the session of the user's current activity. No response body.
struct ActivityHandleRequest {
  std::optional<Guid> id;
  std::uint32_t version = 1;
  SessionRef session_ref;
  xbl::extras extras;
  friend bool operator==(const ActivityHandleRequest&, const ActivityHandleRequest&) = default;
};

// Invites one user (one POST per invited user). The response is an InviteHandle.
struct InviteHandleRequest {
  std::optional<Guid> id;
  std::uint32_t version = 1;
  SessionRef session_ref;
  InviteAttributes invite_attributes;
  Xuid invited_xuid;
  xbl::extras extras;
  friend bool operator==(const InviteHandleRequest&, const InviteHandleRequest&) = default;
};

// Moves the members of one session to another (sent by the SDK; the reference does not list it).
struct TransferHandleRequest {
  std::uint32_t version = 1;
  SessionRef session_ref;
  SessionRef origin_session_ref;
  xbl::extras extras;
  friend bool operator==(const TransferHandleRequest&, const TransferHandleRequest&) = default;
};

// The body of POST /handles: its `type` member, wherever it stands, says which shape it has.
using HandleRequest = std::variant<ActivityHandleRequest, InviteHandleRequest, TransferHandleRequest>;

// What the directory answers an invite with: the handle's id, and the request's members echoed.
struct InviteHandle {
  Guid id;
  std::optional<std::uint32_t> version;
  std::optional<std::string> type;
  std::optional<SessionRef> session_ref;
  std::optional<InviteAttributes> invite_attributes;
  std::optional<Xuid> invited_xuid;
  std::optional<TitleId> title_id;
  std::optional<Xuid> owner_xuid;
  xbl::extras extras;
  friend bool operator==(const InviteHandle&, const InviteHandle&) = default;
};

namespace detail {
inline constexpr auto handle_version = equals{std::uint32_t{1}, "handle.version"};
inline constexpr auto session_name_length = length{1, 100, "session_ref.name"};
}  // namespace detail

template <>
struct meta<SessionRef> {
  static constexpr auto fields = make_fields(
      field("scid", &SessionRef::scid),
      field("templateName", &SessionRef::template_name, length{1, 100, "session_ref.template_name"}),
      field("name", &SessionRef::name, detail::session_name_length));
  static constexpr auto extras = &SessionRef::extras;
};

template <>
struct meta<InviteAttributes> {
  static constexpr auto fields = make_fields(
      field("titleId", &InviteAttributes::title_id),
      field("context", &InviteAttributes::context, max_uri_length{256, "context.max_uri_length"}),
      field("contextString", &InviteAttributes::context_string),
      field("senderString", &InviteAttributes::sender_string));
  static constexpr auto extras = &InviteAttributes::extras;
};

template <>
struct meta<ActivityHandleRequest> {
  static constexpr auto fields = make_fields(
      field("id", &ActivityHandleRequest::id),
      field("version", &ActivityHandleRequest::version, detail::handle_version),
      field("sessionRef", &ActivityHandleRequest::session_ref));
  static constexpr auto extras = &ActivityHandleRequest::extras;
};

template <>
struct meta<InviteHandleRequest> {
  static constexpr auto fields = make_fields(
      field("id", &InviteHandleRequest::id),
      field("version", &InviteHandleRequest::version, detail::handle_version),
      field("sessionRef", &InviteHandleRequest::session_ref),
      field("inviteAttributes", &InviteHandleRequest::invite_attributes),
      field("invitedXuid", &InviteHandleRequest::invited_xuid));
  static constexpr auto extras = &InviteHandleRequest::extras;
};

template <>
struct meta<TransferHandleRequest> {
  static constexpr auto fields = make_fields(
      field("version", &TransferHandleRequest::version, detail::handle_version),
      field("sessionRef", &TransferHandleRequest::session_ref),
      field("originSessionRef", &TransferHandleRequest::origin_session_ref));
  static constexpr auto extras = &TransferHandleRequest::extras;
};

template <>
struct meta<HandleRequest> {
  static constexpr std::string_view tag = "type";
  static constexpr std::array<std::string_view, 3> tags{"activity", "invite", "transfer"};
  static constexpr std::string_view tag_after = "version";  // where the reference's samples have it
};

template <>
struct meta<InviteHandle> {
  static constexpr auto fields = make_fields(
      field("id", &InviteHandle::id),
      field("version", &InviteHandle::version),
      field("type", &InviteHandle::type),
      field("sessionRef", &InviteHandle::session_ref),
      field("inviteAttributes", &InviteHandle::invite_attributes),
      field("invitedXuid", &InviteHandle::invited_xuid),
      field("titleId", &InviteHandle::title_id),
      field("ownerXuid", &InviteHandle::owner_xuid));
  static constexpr auto extras = &InviteHandle::extras;
};

namespace detail {
// The multiplayer handles models by name (xbl::with_model).
inline constexpr auto handles_models = make_pack(
    named_model<SessionRef>{"SessionRef"},
    named_model<InviteAttributes>{"InviteAttributes"},
    named_model<ActivityHandleRequest>{"ActivityHandleRequest"},
    named_model<InviteHandleRequest>{"InviteHandleRequest"},
    named_model<TransferHandleRequest>{"TransferHandleRequest"},
    named_model<HandleRequest>{"HandleRequest"},
    named_model<InviteHandle>{"InviteHandle"});
}  // namespace detail

}  // namespace xbl
