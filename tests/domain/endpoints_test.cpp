#include "xbl_test.hpp"

#include <optional>
#include <string>
#include <string_view>

// The endpoint table and match(), RequestorId and XblAuthorization.

using namespace xbl::literals;

namespace {

xbl::EndpointMatch matched(std::string_view method, std::string_view url, std::string_view name) {
  auto m = xbl::match(method, url);
  REQUIRE_MESSAGE(m.has_value(), method << " " << url);
  CHECK(m->endpoint.name == name);
  CHECK(m->endpoint.method == method);
  return *m;
}

std::optional<std::string_view> header_value(const xbl::Endpoint& e, std::string_view name) {
  for (const auto& h : e.required_headers)
    if (h.name == name) return h.value;
  return std::nullopt;
}

}  // namespace

TEST_CASE("match: the five endpoints") {
  auto m = matched("PUT", "https://gamerpics.xboxlive.com/users/me/gamerpic", "gamerpic.put");
  CHECK(m.endpoint.host == "gamerpics.xboxlive.com");
  CHECK(m.endpoint.path_template == "/users/me/gamerpic");
  CHECK(header_value(m.endpoint, "Content-Type") == "image/png");
  CHECK(m.params.empty());

  m = matched("POST", "https://sessiondirectory.xboxlive.com/handles", "handles.post");
  CHECK(m.endpoint.host == "sessiondirectory.xboxlive.com");
  CHECK(m.endpoint.path_template == "/handles");
  CHECK(m.endpoint.contract_version.header == "x-xbl-contract-version");
  CHECK(m.endpoint.contract_version.minimum == 104);
  CHECK(m.endpoint.contract_version.current == 107);
  CHECK(header_value(m.endpoint, "x-xbl-contract-version").has_value());

  m = matched("GET", "https://userpresence.xboxlive.com/users/me/groups/People?level=all", "presence.people");
  CHECK(m.endpoint.path_template == "/users/me/groups/{moniker}");
  CHECK(m.param("moniker") == "People");
  CHECK(m.query("level") == "all");
  CHECK_FALSE(m.param("requestorId").has_value());
  CHECK_FALSE(m.query("moniker").has_value());
  CHECK(m.endpoint.contract_version.current == 3);
  CHECK(header_value(m.endpoint, "Accept") == "application/json");
  CHECK(header_value(m.endpoint, "Accept-Language").has_value());
  CHECK(header_value(m.endpoint, "Authorization").has_value());
  // Without a level, the query has none (the service then uses `title`).
  m = matched("GET", "https://userpresence.xboxlive.com/users/me/groups/People", "presence.people");
  CHECK_FALSE(m.query("level").has_value());

  m = matched("GET",
              "https://privacy.xboxlive.com/users/xuid(0987654321)/permission/validate?setting=ViewTargetProfile&target=xuid(2533274790395904)",
              "privacy.validate");
  CHECK(m.endpoint.path_template == "/users/{requestorId}/permission/validate");
  CHECK(m.param("requestorId") == "xuid(0987654321)");
  CHECK(m.query("setting") == "ViewTargetProfile");
  CHECK(m.query("target") == "xuid(2533274790395904)");
  CHECK(header_value(m.endpoint, "X-RequestedServiceVersion").has_value());

  m = matched("POST", "https://privacy.xboxlive.com/users/me/permission/validate", "privacy.validate.batch");
  CHECK(m.param("requestorId") == "me");
  CHECK(m.endpoint.contract_version.header == "X-RequestedServiceVersion");
  CHECK(m.endpoint.contract_version.current == 1);
}

TEST_CASE("match: percent-decoding of path parameters and query") {
  auto m = matched("POST", "https://privacy.xboxlive.com/users/xuid%280987654321%29/permission/validate",
                   "privacy.validate.batch");
  CHECK(m.param("requestorId") == "xuid(0987654321)");

  m = matched("GET", "https://userpresence.xboxlive.com/users/me/groups/Peo%70le?level=%61ll&x%20y=a%2Fb%zz",
              "presence.people");
  CHECK(m.param("moniker") == "People");
  CHECK(m.query("level") == "all");
  CHECK(m.query("x y") == "a/b%zz");  // a '%' without two hex digits stays

  m = matched("GET",
              "https://privacy.xboxlive.com/users/me/permission/validate?target=xuid%282533274790395904%29&setting=ShareFriendList",
              "privacy.validate");
  CHECK(m.query("target") == "xuid(2533274790395904)");
  CHECK(m.query("setting") == "ShareFriendList");

  // A fragment is not part of the query.
  m = matched("GET", "https://userpresence.xboxlive.com/users/me/groups/People?level=device#top", "presence.people");
  CHECK(m.query("level") == "device");
}

TEST_CASE("match: host ignoring case, port passed over; anything else is no match") {
  CHECK(matched("GET", "https://UserPresence.XboxLive.com/users/me/groups/People", "presence.people")
            .param("moniker") == "People");
  matched("PUT", "https://gamerpics.xboxlive.com:443/users/me/gamerpic", "gamerpic.put");
  matched("POST", "http://sessiondirectory.xboxlive.com/handles", "handles.post");

  // Wrong host.
  CHECK_FALSE(xbl::match("PUT", "https://gamerpic.xboxlive.com/users/me/gamerpic"));
  CHECK_FALSE(xbl::match("POST", "https://sessiondirectory.xboxlive.com.example.com/handles"));
  CHECK_FALSE(xbl::match("GET", "https://privacy.xboxlive.com/users/me/groups/People"));
  // Wrong method (methods are case-sensitive).
  CHECK_FALSE(xbl::match("GET", "https://gamerpics.xboxlive.com/users/me/gamerpic"));
  CHECK_FALSE(xbl::match("GET", "https://sessiondirectory.xboxlive.com/handles"));
  CHECK_FALSE(xbl::match("POST", "https://userpresence.xboxlive.com/users/me/groups/People"));
  CHECK_FALSE(xbl::match("put", "https://gamerpics.xboxlive.com/users/me/gamerpic"));
  CHECK_FALSE(xbl::match("DELETE", "https://privacy.xboxlive.com/users/me/permission/validate"));
  // Wrong path.
  CHECK_FALSE(xbl::match("GET", "https://userpresence.xboxlive.com/users/me/groups"));
  CHECK_FALSE(xbl::match("GET", "https://userpresence.xboxlive.com/users/me/groups/"));
  CHECK_FALSE(xbl::match("GET", "https://userpresence.xboxlive.com/users/me/groups/People/extra"));
  CHECK_FALSE(xbl::match("POST", "https://sessiondirectory.xboxlive.com/handles/1"));
  CHECK_FALSE(xbl::match("POST", "https://sessiondirectory.xboxlive.com/"));
  CHECK_FALSE(xbl::match("POST", "https://sessiondirectory.xboxlive.com"));
  CHECK_FALSE(xbl::match("PUT", "https://gamerpics.xboxlive.com/users/xuid(1)/gamerpic"));
  // Not a URL of the scheme.
  CHECK_FALSE(xbl::match("POST", "sessiondirectory.xboxlive.com/handles"));
  CHECK_FALSE(xbl::match("POST", "ftp://sessiondirectory.xboxlive.com/handles"));
  CHECK_FALSE(xbl::match("POST", ""));
}

TEST_CASE("RequestorId: me and xuid(N)") {
  const auto me = xbl::RequestorId::parse("me");
  REQUIRE(me);
  CHECK(me->is_me());
  CHECK_FALSE(me->xuid().has_value());
  CHECK(me->to_string() == "me");
  CHECK(fmt::format("{}", *me) == "me");

  const auto user = xbl::RequestorId::parse("xuid(0987654321)");
  REQUIRE(user);
  CHECK_FALSE(user->is_me());
  CHECK(user->xuid() == 987654321_xuid);
  CHECK(user->to_string() == "xuid(0987654321)");
  CHECK(fmt::format("{}", *user) == "xuid(0987654321)");
  CHECK(*user == *xbl::RequestorId::parse("xuid(987654321)"));
  CHECK_FALSE(*user == *me);

  // From a matched path.
  const auto m = xbl::match("POST", "https://privacy.xboxlive.com/users/xuid%282533274790395904%29/permission/validate");
  REQUIRE(m);
  const auto from_path = xbl::RequestorId::parse(*m->param("requestorId"));
  REQUIRE(from_path);
  CHECK(from_path->xuid() == 2533274790395904_xuid);
}

TEST_CASE("RequestorId: bad forms") {
  struct bad {
    std::string_view text;
    std::size_t offset;
  };
  const bad cases[] = {
      {"", 0},       {"ME", 0},          {"Me", 0},        {"me ", 0},          {"you", 0},
      {"xuid()", 0}, {"xuid(12", 0},     {"xuid12)", 0},   {"XUID(12)", 0},     {"xuid[12]", 0},
      {"xuid(-1)", 5}, {"xuid( 1)", 5},  {"xuid(1a)", 6},  {"xuid(0x10)", 6},   {"xuid(1)(2)", 6},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto r = xbl::RequestorId::parse(c.text);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == xbl::errc::invalid_value);
    CHECK(r.error().offset == c.offset);
    CHECK(r.error().column == c.offset + 1);
  }
  // Too large for a XUID: the same error as the XUID's own.
  const auto big = xbl::RequestorId::parse("xuid(18446744073709551616)");
  REQUIRE_FALSE(big);
  CHECK(big.error().code == xbl::errc::number_out_of_range);
  CHECK(big.error().code == xbl::Xuid::parse("18446744073709551616").error().code);
  CHECK(xbl::RequestorId::parse("xuid(18446744073709551615)"));
}

TEST_CASE("XblAuthorization: parsed, and the token never shown") {
  constexpr std::string_view header = "XBL3.0 x=1234567890123456789;eyJhbGciOiJSU0EtT0FFUCJ9.c2VjcmV0LXRva2Vu";
  const auto a = xbl::XblAuthorization::parse(header);
  REQUIRE(a);
  CHECK(a->user_hash() == "1234567890123456789");
  CHECK(a->token() == "eyJhbGciOiJSU0EtT0FFUCJ9.c2VjcmV0LXRva2Vu");
  CHECK(fmt::format("{}", *a) == "XBL3.0 x=1234567890123456789;<redacted>");
  CHECK(a->redacted() == "XBL3.0 x=1234567890123456789;<redacted>");
  for (const auto& shown : {fmt::format("{}", *a), fmt::format("{:>80}", *a), fmt::format("[{:<10}]", *a),
                            a->redacted()}) {
    CAPTURE(shown);
    CHECK(shown.find("eyJ") == std::string::npos);
    CHECK(shown.find("c2VjcmV0") == std::string::npos);
    CHECK(shown.find("<redacted>") != std::string::npos);
  }

  // Everything after the first ';' is the token.
  const auto semi = xbl::XblAuthorization::parse("XBL3.0 x=abc;t;o;k");
  REQUIRE(semi);
  CHECK(semi->user_hash() == "abc");
  CHECK(semi->token() == "t;o;k");
  CHECK(fmt::format("{}", *semi) == "XBL3.0 x=abc;<redacted>");
}

TEST_CASE("XblAuthorization: bad headers, and no token in the error") {
  struct bad {
    std::string_view text;
    std::size_t offset;
  };
  const bad cases[] = {
      {"", 0},
      {"Bearer secret-token", 0},
      {"XBL2.0 x=abc;secret-token", 0},
      {"XBL3.0 y=abc;secret-token", 0},
      {"XBL3.0 x=abc", 12},
      {"XBL3.0 x=;secret-token", 9},
      {"XBL3.0 x=abc;", 13},
      {"XBL3.0 x=a c;secret-token", 10},
      {"XBL3.0 x=ab\tc;secret-token", 11},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto r = xbl::XblAuthorization::parse(c.text);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == xbl::errc::invalid_value);
    CHECK(r.error().offset == c.offset);
    CHECK(r.error().message.find("secret-token") == std::string::npos);
    CHECK(fmt::format("{}", r.error()).find("secret-token") == std::string::npos);
  }
}
