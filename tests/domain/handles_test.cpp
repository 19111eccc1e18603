#include "xbl_test.hpp"

#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <variant>

// The body of POST /handles (a variant chosen by `type`), the invite handle, and the seed's samples.

using namespace xbl::literals;

namespace {

constexpr std::string_view session_ref =
    R"({"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":"deathmatch","name":"session-49"})";

std::string with_session(std::string_view before, std::string_view after) {
  return std::string(before) + std::string(session_ref) + std::string(after);
}

}  // namespace

TEST_CASE("HandleRequest: the type selects the alternative wherever it stands") {
  const std::string canonical = with_session(R"({"version":1,"type":"activity","sessionRef":)", "}");
  const std::string placements[] = {
      with_session(R"({"type":"activity","version":1,"sessionRef":)", "}"),
      canonical,
      with_session(R"({"version":1,"sessionRef":)", R"(,"type":"activity"})"),
      with_session("{\n  \"version\" : 1 ,\n  \"sessionRef\" : ", " ,\n  \"type\" : \"activity\"\n}"),
      // After the tag, a member described before the one read last.
      with_session(R"({"sessionRef":)", R"(,"type":"activity","version":1})"),
      // The tag's key escaped: not the text the reader compares with first.
      with_session(R"({"version":1,"typ\u0065":"activity","sessionRef":)", "}"),
  };
  for (const auto& text : placements) {
    CAPTURE(text);
    const auto r = xbl::from_json<xbl::HandleRequest>(text);
    REQUIRE(r);
    REQUIRE(r->index() == 0);
    const auto& activity = std::get<xbl::ActivityHandleRequest>(*r);
    CHECK_FALSE(activity.id.has_value());
    CHECK(activity.version == 1);
    CHECK(activity.session_ref.scid == "bd6c41c3-01c3-468a-a3b5-3e0fe8133862"_guid);
    CHECK(activity.session_ref.template_name == "deathmatch");
    CHECK(activity.session_ref.name == "session-49");
    // Written back with `type` right after `version`.
    CHECK(xbl::to_json(*r) == canonical);
    CHECK(fmt::format("{}", *r) == canonical);
  }
}

TEST_CASE("HandleRequest: invite and transfer, written with type after version") {
  const std::string invite = with_session(
      R"({"invitedXuid":"3210","inviteAttributes":{"titleId":"12341234"},"sessionRef":)",
      R"(,"type":"invite","version":1,"id":"47ca0049-a5ba-4bc1-aa22-fcf834ce4c13"})");
  const auto r = xbl::from_json<xbl::HandleRequest>(invite);
  REQUIRE(r);
  REQUIRE(std::holds_alternative<xbl::InviteHandleRequest>(*r));
  const auto& request = std::get<xbl::InviteHandleRequest>(*r);
  CHECK(request.id == "47ca0049-a5ba-4bc1-aa22-fcf834ce4c13"_guid);
  CHECK(request.invited_xuid == 3210_xuid);
  CHECK(request.invite_attributes.title_id == 12341234_title);
  CHECK(xbl::to_json(*r) == with_session(R"({"id":"47ca0049-a5ba-4bc1-aa22-fcf834ce4c13","version":1,"type":"invite","sessionRef":)",
                                         R"(,"inviteAttributes":{"titleId":"12341234"},"invitedXuid":"3210"})"));

  const std::string transfer = with_session(R"({"originSessionRef":)", "") + "," +
                               with_session(R"("sessionRef":)", R"(,"version":1,"type":"transfer"})");
  const auto t = xbl::from_json<xbl::HandleRequest>(transfer);
  REQUIRE(t);
  REQUIRE(std::holds_alternative<xbl::TransferHandleRequest>(*t));
  CHECK(std::get<xbl::TransferHandleRequest>(*t).origin_session_ref.template_name == "deathmatch");
  CHECK(xbl::to_json(*t) == with_session(R"({"version":1,"type":"transfer","sessionRef":)", "") +
                                with_session(R"(,"originSessionRef":)", "}"));

  // Constructed values are written the same way, pretty too.
  xbl::ActivityHandleRequest activity;
  activity.session_ref.scid = "bd6c41c3-01c3-468a-a3b5-3e0fe8133862"_guid;
  activity.session_ref.template_name = "deathmatch";
  const xbl::HandleRequest body = activity;
  xbl::write_options pretty;
  pretty.pretty = true;
  CHECK(xbl::to_json(body, pretty) ==
        "{\n"
        "  \"version\": 1,\n"
        "  \"type\": \"activity\",\n"
        "  \"sessionRef\": {\n"
        "    \"scid\": \"bd6c41c3-01c3-468a-a3b5-3e0fe8133862\",\n"
        "    \"templateName\": \"deathmatch\"\n"
        "  }\n"
        "}");
  CHECK(fmt::format("{:p}", body) == xbl::to_json(body, pretty));
}

TEST_CASE("HandleRequest: unknown, missing, repeated and mistyped type") {
  const std::string unknown = with_session(R"({"version":1,"type":"session","sessionRef":)", "}");
  auto e = read_error<xbl::HandleRequest>(unknown);
  CHECK(e.code == xbl::errc::unknown_variant);
  CHECK(e.path == "/type");
  CHECK(e.line == 1);
  CHECK(e.column == 21);  // the value "session"

  // Tags match exactly.
  e = read_error<xbl::HandleRequest>(with_session(R"({"version":1,"sessionRef":)", R"(,"type":"Activity"})"));
  CHECK(e.code == xbl::errc::unknown_variant);
  CHECK(e.path == "/type");

  const std::string missing = with_session(R"({"version":1,"sessionRef":)", "}");
  e = read_error<xbl::HandleRequest>(missing);
  CHECK(e.code == xbl::errc::missing_member);
  CHECK(e.path == "");
  CHECK(e.offset == missing.size() - 1);  // met at the closing brace

  // A `type` inside a nested object is not the body's.
  e = read_error<xbl::HandleRequest>(R"({"version":1,"sessionRef":{"type":"activity","scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":"t"}})");
  CHECK(e.code == xbl::errc::missing_member);
  CHECK(e.path == "");

  // A second tag, the same or another, wherever the first one stands.
  for (const std::string& twice : {with_session(R"({"type":"activity","version":1,"sessionRef":)", R"(,"type":"activity"})"),
                                   with_session(R"({"version":1,"type":"invite","sessionRef":)", R"(,"type":"transfer"})")}) {
    e = read_error<xbl::HandleRequest>(twice);
    CHECK(e.code == xbl::errc::duplicate_key);
    CHECK(e.offset == twice.rfind("\"type\""));
    CHECK(e.path == "/type");
  }

  // A member again after the tag, which stood between the two.
  const std::string version_twice = with_session(R"({"version":1,"type":"activity","version":1,"sessionRef":)", "}");
  e = read_error<xbl::HandleRequest>(version_twice);
  CHECK(e.code == xbl::errc::duplicate_key);
  CHECK(e.offset == version_twice.rfind("\"version\""));
  CHECK(e.path == "/version");

  e = read_error<xbl::HandleRequest>(with_session(R"({"version":1,"type":1,"sessionRef":)", "}"));
  CHECK(e.code == xbl::errc::type_mismatch);
  CHECK(e.path == "/type");

  e = read_error<xbl::HandleRequest>(R"(["activity"])");
  CHECK(e.code == xbl::errc::type_mismatch);

  // Once the alternative is known, its own members are checked with their paths.
  e = read_error<xbl::HandleRequest>(with_session(R"({"version":1,"type":"invite","sessionRef":)", R"(,"inviteAttributes":{"titleId":"1"}})"));
  CHECK(e.code == xbl::errc::missing_member);
  CHECK(e.path == "");
  e = read_error<xbl::HandleRequest>(R"({"type":"activity","version":1,"sessionRef":{"scid":"nope","templateName":"t"}})");
  CHECK(e.code == xbl::errc::invalid_value);
  CHECK(e.path == "/sessionRef/scid");
  e = read_error<xbl::HandleRequest>(with_session(R"({"version":-1,"type":"activity","sessionRef":)", "}"));
  CHECK(e.code == xbl::errc::number_out_of_range);
  CHECK(e.path == "/version");
}

TEST_CASE("HandleRequest: the first fault in the text is the one reported, before the tag or after it") {
  // The look for the tag stops at it; whatever follows is checked by the read of the alternative
  // (which also finds a second tag, tested above).
  const std::string broken_after = R"({"version":1,"type":"activity","sessionRef":{"scid":})";
  auto e = read_error<xbl::HandleRequest>(broken_after);
  CHECK(e.code == xbl::errc::syntax);
  CHECK(e.offset == broken_after.rfind('}'));
  CHECK(e.path == "/sessionRef/scid");

  const std::string unknown_then_broken = R"({"type":"party","version":1,"sessionRef":{"scid":})";
  e = read_error<xbl::HandleRequest>(unknown_then_broken);
  CHECK(e.code == xbl::errc::unknown_variant);
  CHECK(e.path == "/type");
  CHECK(e.offset == unknown_then_broken.find("\"party\""));

  // A fault before the tag comes first in the text, and is reported whatever the tag says.
  const std::string broken_before = R"({"version":1,"sessionRef":{"scid":},"type":"party"})";
  e = read_error<xbl::HandleRequest>(broken_before);
  CHECK(e.code == xbl::errc::syntax);
  CHECK(e.offset == broken_before.find('}'));
  CHECK(e.path == "/sessionRef/scid");
}

TEST_CASE("HandleRequest: `type` is no unknown member, and is never kept twice") {
  const std::string body = with_session(R"({"version":1,"type":"activity","sessionRef":)", "}");
  xbl::read_options error_on_unknown;
  error_on_unknown.unknown_keys = xbl::unknown_key_policy::error;
  CHECK(xbl::from_json<xbl::HandleRequest>(body, error_on_unknown));

  xbl::read_options keep;
  keep.unknown_keys = xbl::unknown_key_policy::keep;
  const auto kept = xbl::from_json<xbl::HandleRequest>(body, keep);
  REQUIRE(kept);
  CHECK(std::get<xbl::ActivityHandleRequest>(*kept).extras.unknown.empty());
  CHECK(xbl::to_json(*kept) == body);

  const std::string extra = with_session(R"({"version":1,"type":"activity","sessionRef":)", R"(,"sequence":7})");
  const auto with_extra = xbl::from_json<xbl::HandleRequest>(extra, error_on_unknown);
  REQUIRE_FALSE(with_extra);
  CHECK(with_extra.error().code == xbl::errc::unknown_key);
  CHECK(with_extra.error().path == "/sequence");
}

TEST_CASE("InviteHandle: id required, the rest echoed") {
  const std::string response =
      with_session(R"({"id":"47ca0049-a5ba-4bc1-aa22-fcf834ce4c13","version":1,"type":"invite","sessionRef":)",
                   R"(,"inviteAttributes":{"titleId":12341234},"invitedXuid":"3210","titleId":"12341234","ownerXuid":"2533274790395904"})");
  const auto r = xbl::from_json<xbl::InviteHandle>(response);
  REQUIRE(r);
  CHECK(r->id == "47CA0049-A5BA-4BC1-AA22-FCF834CE4C13"_guid);
  CHECK(r->type == "invite");
  CHECK(r->owner_xuid == 2533274790395904_xuid);
  CHECK(r->title_id == 12341234_title);
  CHECK(xbl::to_json(*r) == response);

  const auto only_id = xbl::from_json<xbl::InviteHandle>(R"({"id":"47ca0049-a5ba-4bc1-aa22-fcf834ce4c13"})");
  REQUIRE(only_id);
  CHECK_FALSE(only_id->session_ref.has_value());
  CHECK_FALSE(only_id->version.has_value());

  const auto no_id = xbl::from_json<xbl::InviteHandle>(R"({"version":1})");
  REQUIRE_FALSE(no_id);
  CHECK(no_id.error().code == xbl::errc::missing_member);
  CHECK(no_id.error().column == 13);
}

TEST_CASE("seed: the activity body reads leniently") {
  const std::string text = data_file("handles_activity_seed.json");

  const auto strict = xbl::from_json<xbl::HandleRequest>(text);
  REQUIRE_FALSE(strict);
  CHECK(strict.error().code == xbl::errc::syntax);  // the `//` comment
  CHECK(strict.error().line == 7);
  CHECK(strict.error().column == 5);

  const auto r = xbl::from_json<xbl::HandleRequest>(text, xbl::read_options::lenient());
  REQUIRE(r);
  REQUIRE(std::holds_alternative<xbl::ActivityHandleRequest>(*r));
  const auto& activity = std::get<xbl::ActivityHandleRequest>(*r);
  CHECK(activity.version == 1);
  CHECK_FALSE(activity.id.has_value());
  CHECK(activity.session_ref.scid == "bd6c41c3-01c3-468a-a3b5-3e0fe8133862"_guid);
  CHECK(activity.session_ref.template_name == "deathmatch");
  CHECK(activity.session_ref.name == "session-49");
  CHECK(xbl::validate(*r).empty());
  CHECK(xbl::to_json(*r) == with_session(R"({"version":1,"type":"activity","sessionRef":)", "}"));
}

TEST_CASE("seed: the invite body as printed fails with a located error") {
  const std::string text = data_file("handles_invite_seed.json");

  // Strict: the first fault is the comment on line 2.
  for (const auto& e : {read_error<xbl::HandleRequest>(text), xbl::from_json<xbl::InviteHandleRequest>(text).error(),
                        xbl::from_json<xbl::raw_json>(text).error()}) {
    CHECK(e.code == xbl::errc::syntax);
    CHECK(e.line == 2);
    CHECK(e.column == 3);
    CHECK(e.offset == 4);
  }
  // Lenient: comments pass; the key `"id: "` is not followed by ':' (the 4 of the GUID stands there).
  const auto lenient = xbl::read_options::lenient();
  for (const auto& e : {read_error<xbl::HandleRequest>(text, lenient), xbl::from_json<xbl::InviteHandleRequest>(text, lenient).error(),
                        xbl::from_json<xbl::raw_json>(text, lenient).error()}) {
    CHECK(e.code == xbl::errc::syntax);
    CHECK(e.line == 3);
    CHECK(e.column == 9);
    CHECK(e.offset == 36);
    CHECK(e.path == "");
  }

  // With the key mended, the next fault is the `{titleId}` placeholder. As a title id it is the
  // wrong kind of value, an object (column 18 of line 12); as JSON it is an object whose bare key
  // has no ':' after it (the '}' at column 26).
  std::string mended = text;
  mended.replace(mended.find("\"id: \""), 6, "\"id\": \"");
  const auto as_body = read_error<xbl::HandleRequest>(mended, lenient);
  CHECK(as_body.code == xbl::errc::type_mismatch);
  CHECK(as_body.line == 12);
  CHECK(as_body.column == 18);
  CHECK(as_body.path == "/inviteAttributes/titleId");
  const auto as_json = xbl::from_json<xbl::raw_json>(mended, lenient).error();
  CHECK(as_json.code == xbl::errc::syntax);
  CHECK(as_json.line == 12);
  CHECK(as_json.column == 26);
}

TEST_CASE("seed: the invite body with real values reads and round-trips byte for byte") {
  const std::string text = data_file("handles_invite_fixed.json");
  const auto r = xbl::from_json<xbl::HandleRequest>(text);
  REQUIRE(r);
  REQUIRE(std::holds_alternative<xbl::InviteHandleRequest>(*r));
  const auto& invite = std::get<xbl::InviteHandleRequest>(*r);
  CHECK(invite.id == "47ca0049-a5ba-4bc1-aa22-fcf834ce4c13"_guid);
  CHECK(invite.version == 1);
  CHECK(invite.session_ref.name == "session-49");
  CHECK(invite.invite_attributes.title_id == 12341234_title);
  CHECK(invite.invite_attributes.title_id.written_as_number());
  CHECK(invite.invite_attributes.context == "lobby-49");
  CHECK(invite.invite_attributes.context_string == "invite_to_match");
  CHECK(invite.invite_attributes.sender_string == "Contoso Matchmaker");
  CHECK(invite.invited_xuid == 3210_xuid);
  CHECK(xbl::validate(*r).empty());
  CHECK(xbl::to_json(*r) == text);
  CHECK(fmt::format("{}", *r) == text);

  // Pretty and back gives the same value and, compact again, the same bytes.
  xbl::write_options pretty;
  pretty.pretty = true;
  const auto again = xbl::from_json<xbl::HandleRequest>(xbl::to_json(*r, pretty));
  REQUIRE(again);
  CHECK(*again == *r);
  CHECK(xbl::to_json(*again) == text);
}
