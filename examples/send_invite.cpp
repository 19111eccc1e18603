// Build the body of an invite (POST /handles), check it before it is sent, and print it.
#include <fmt/core.h>
#include <xbl/xbl.hpp>

int main() {
  using namespace xbl::literals;

  xbl::InviteHandleRequest invite;
  invite.session_ref.scid = "bd6c41c3-01c3-468a-a3b5-3e0fe8133862"_guid;
  invite.session_ref.template_name = "deathmatch";
  invite.session_ref.name = "session-49";
  invite.invite_attributes.title_id = 12341234_title;
  invite.invite_attributes.context = "lobby=north&map=Caf\u00e9 de la Gare";
  invite.invited_xuid = 2533274790395904_xuid;

  // The service refuses a context over 256 characters once URI-encoded; find out here, not there.
  if (const auto problems = xbl::validate(xbl::HandleRequest{invite}); !problems.empty()) {
    for (const auto& p : problems) fmt::print(stderr, "{}\n", p);
    return 1;
  }
  fmt::print("POST https://sessiondirectory.xboxlive.com/handles\n{:p}\n", xbl::HandleRequest{invite});

  // The same check catches what would be refused: 90 x 'é' is 540 characters once encoded.
  std::string long_context;
  for (int i = 0; i < 90; ++i) long_context += "\u00e9";
  invite.invite_attributes.context = long_context;
  for (const auto& p : xbl::validate(invite)) fmt::print("refused before sending: {}\n", p);
}
