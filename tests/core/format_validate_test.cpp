#include "xbl_test.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

// fmt prints described values, enums and raw JSON as JSON, and errors and violations as one line;
// validate() reports every rule broken, with its JSON Pointer and rule id.
namespace {

enum class Level { low, high };

}  // namespace

template <>
struct xbl::meta<Level> {
  static constexpr auto values = xbl::make_enum(xbl::name(Level::low, "low", "Low"), xbl::name(Level::high, "high"));
};

namespace {

struct Invite {
  std::string name;
  std::string context;
  int version = 1;
  std::vector<std::string> tags;
  std::optional<std::string> note;
  int min = 0;
  int max = 0;
  xbl::open_enum<Level> level;
  bool operator==(const Invite&) const = default;
};

struct Batch {
  std::vector<Invite> invites;
  std::map<std::string, Invite> by_key;
  bool operator==(const Batch&) const = default;
};

}  // namespace

template <>
struct xbl::meta<Invite> {
  static constexpr auto fields = xbl::make_fields(
      xbl::field("name", &Invite::name, xbl::length{1, 8, "invite.name_length"}),
      xbl::field("context", &Invite::context, xbl::max_uri_length{16, "invite.context_uri_length"}),
      xbl::field("version", &Invite::version, xbl::equals{1, "invite.version"}),
      xbl::field("tags", &Invite::tags, xbl::non_empty{"invite.tags_non_empty"}),
      xbl::field("note", &Invite::note,
                 xbl::check{"invite.note_no_space",
                            [](const std::string& s) -> std::string {
                              return s.find(' ') == std::string::npos ? "" : "must not contain a space";
                            }}),
      xbl::field("min", &Invite::min), xbl::field("max", &Invite::max), xbl::field("level", &Invite::level));
  static constexpr auto rules = xbl::make_rules(xbl::check{"invite.range", [](const Invite& i) -> std::string {
    return i.min <= i.max ? "" : "min " + std::to_string(i.min) + " is above max " + std::to_string(i.max);
  }});
};

template <>
struct xbl::meta<Batch> {
  static constexpr auto fields =
      xbl::make_fields(xbl::field("invites", &Batch::invites), xbl::field("by_key", &Batch::by_key));
};

namespace {

Invite sound() {
  Invite i;
  i.name = "party";
  i.context = "ctx";
  i.tags = {"t"};
  i.note = "ok";
  i.max = 3;
  return i;
}

xbl::write_options pretty() {
  xbl::write_options w;
  w.pretty = true;
  return w;
}

}  // namespace

TEST_CASE("fmt: {} is to_json and {:p} is the pretty to_json for a described struct") {
  const Invite i = sound();
  CHECK(fmt::format("{}", i) == xbl::to_json(i));
  CHECK(fmt::format("{}", i) ==
        R"({"name":"party","context":"ctx","version":1,"tags":["t"],"note":"ok","min":0,"max":3,"level":"low"})");
  CHECK(fmt::format("{:p}", i) == xbl::to_json(i, pretty()));
  CHECK(fmt::format("{:p}", i).substr(0, 20) == "{\n  \"name\": \"party\",");
  Batch b;
  b.invites = {i};
  CHECK(fmt::format("{}", b) == xbl::to_json(b));
  CHECK(fmt::format("{:p}", b) == xbl::to_json(b, pretty()));
  CHECK(fmt::format("<{}>", b) == "<" + xbl::to_json(b) + ">");
}

TEST_CASE("fmt: an open_enum and a raw_json format as JSON") {
  const auto alias = xbl::open_enum<Level>::from_text("Low");
  CHECK(fmt::format("{}", alias) == R"("Low")");
  CHECK(fmt::format("{}", xbl::open_enum<Level>(Level::high)) == R"("high")");
  CHECK(fmt::format("{:p}", alias) == xbl::to_json(alias, pretty()));
  CHECK(fmt::format("{}", xbl::open_enum<Level>::from_text("a\"b")) == R"("a\"b")");

  const auto raw = xbl::from_json<xbl::raw_json>("[ 1, {\"a\" : null} ]");
  REQUIRE(raw.has_value());
  CHECK(fmt::format("{}", *raw) == xbl::to_json(*raw));
  CHECK(fmt::format("{}", *raw) == R"([1,{"a":null}])");
  CHECK(fmt::format("{:p}", *raw) == xbl::to_json(*raw, pretty()));
  CHECK(fmt::format("{:p}", *raw) == "[\n  1,\n  {\n    \"a\": null\n  }\n]");
}

TEST_CASE("fmt: a format spec other than [[fill]align][width][p] is refused") {
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:x}"), sound()), fmt::format_error);
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:pp}"), xbl::raw_json{}), fmt::format_error);
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:s}"), xbl::Xuid{1}), fmt::format_error);
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:p5}"), xbl::error{}), fmt::format_error);  // the width comes before p
  CHECK(fmt::format(fmt::runtime("[{:p>4}]"), xbl::Xuid{1}) == "[ppp1]");                       // p as a fill
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:>p5}"), xbl::violation{}), fmt::format_error);
  CHECK_THROWS_AS((void)fmt::format(fmt::runtime("{:99999999999}"), xbl::json(1)), fmt::format_error);
}

TEST_CASE("fmt: {:p} is accepted by every xbl type, and the same as {} where there is nothing to indent") {
  const auto r = xbl::from_json<Batch>("{\"invites\": 5}");
  REQUIRE_FALSE(r.has_value());
  const xbl::violation v{"/a", "rule.id", "message"};
  const auto xuid = xbl::Xuid{2533274790395904};
  const auto ts = xbl::Timestamp::parse("2012-09-17T07:15:23.493Z");
  REQUIRE(ts);
  // Run-time format strings, as a program that takes them from its user has.
  const auto p = fmt::runtime("{:p}");
  CHECK(fmt::format(p, r.error()) == fmt::format("{}", r.error()));
  CHECK(fmt::format(p, v) == "/a: message [rule.id]");
  CHECK(fmt::format(p, xuid) == "2533274790395904");
  CHECK(fmt::format(p, *ts) == "2012-09-17T07:15:23.493Z");
  CHECK(fmt::format(p, xbl::TitleId{12}) == "12");
  CHECK(fmt::format(p, *xbl::Guid::parse("bd6c41c3-01c3-468a-a3b5-3e0fe8133862")) == "bd6c41c3-01c3-468a-a3b5-3e0fe8133862");
  // Checked at compile time, too.
  CHECK(fmt::format("{:p}|{:p}", xuid, v) == "2533274790395904|/a: message [rule.id]");
}

TEST_CASE("fmt: fill, alignment and width lay out any xbl value, counted in characters") {
  const auto xuid = xbl::Xuid{42};
  CHECK(fmt::format("[{:>6}]", xuid) == "[    42]");
  CHECK(fmt::format("[{:<6}]", xuid) == "[42    ]");
  CHECK(fmt::format("[{:^7}]", xuid) == "[  42   ]");
  CHECK(fmt::format("[{:6}]", xuid) == "[42    ]");
  CHECK(fmt::format("[{:*>5}]", xuid) == "[***42]");
  CHECK(fmt::format("[{:\u00b7<4}]", xuid) == "[42\u00b7\u00b7]");  // a fill of two bytes, one character
  CHECK(fmt::format("[{:1}]", xuid) == "[42]");                   // narrower than the text: no cut
  const xbl::violation v{"/\u00e9", "r", "m"};                     // width counts characters, not bytes
  CHECK(fmt::format("[{:>14}]", v) == "[     /\u00e9: m [r]]");  // 9 characters, 10 bytes
  CHECK(fmt::format("[{:>10}]", xbl::open_enum<Level>(Level::high)) == "[    \"high\"]");
  CHECK(fmt::format("[{:_<9p}]", xbl::json(std::vector<int>{})) == "[[]_______]");
}

TEST_CASE("xbl::json: any value the library writes, formatted as its JSON") {
  const std::vector<Invite> invites = {sound(), sound()};
  // A std::vector of records: fmt/ranges.h would print fmt's own list form.
  CHECK(fmt::format("{}", xbl::json(invites)) == xbl::to_json(invites));
  CHECK(fmt::format("{:p}", xbl::json(invites)) == xbl::to_json(invites, pretty()));
  CHECK(fmt::format("{:p}", xbl::json(invites)).substr(0, 8) == "[\n  {\n  ");
  // An identifier is bare text through its own formatter, and a JSON string through json().
  CHECK(fmt::format("{}", xbl::json(xbl::Xuid{7})) == R"("7")");
  CHECK(fmt::format("{}", xbl::json(std::vector<xbl::open_enum<Level>>{Level::high, Level::low})) == R"(["high","low"])");
  CHECK(fmt::format("{}", xbl::json(std::optional<int>{})) == "null");
  CHECK(fmt::format("{}", xbl::json(std::map<std::string, int>{{"a", 1}})) == R"({"a":1})");
  CHECK(fmt::format("{:p}", xbl::json(std::map<std::string, int>{{"a", 1}})) == "{\n  \"a\": 1\n}");
  // A described value prints the same through json() as through its own formatter.
  CHECK(fmt::format("{:p}", xbl::json(sound())) == fmt::format("{:p}", sound()));
}

TEST_CASE("fmt: xbl::error formats as line L, column C (path): message") {
  const auto r = xbl::from_json<Batch>("{\n  \"invites\": [\n    {\"name\": 5}\n  ]\n}");
  REQUIRE_FALSE(r.has_value());
  CHECK(fmt::format("{}", r.error()) == "line 3, column 14 (/invites/0/name): expected a string, found a number");

  // No path at the top level.
  const auto top = xbl::from_json<std::vector<int>>("[] x");
  REQUIRE_FALSE(top.has_value());
  CHECK(fmt::format("{}", top.error()) == "line 1, column 4: unexpected 'x' after the JSON value");

  // A fault in a value, not at a place in a text, has no line: the path leads.
  const auto value = xbl::from_json<Invite>(R"({"name":"","context":"c","version":1,"min":0,"max":0,"level":"low"})",
                                            xbl::read_options{.validate = true});
  REQUIRE_FALSE(value.has_value());
  CHECK(value.error().line == 0);
  CHECK(fmt::format("{}", value.error()) ==
        "/name: length 0 is outside 1 to 8 characters [invite.name_length]");

  // A fault in the whole value has neither line nor path: the message stands alone.
  const auto whole = xbl::from_json<Invite>(
      R"({"name":"n","context":"c","version":1,"tags":["t"],"min":5,"max":1,"level":"low"})",
      xbl::read_options{.validate = true});
  REQUIRE_FALSE(whole.has_value());
  CHECK(whole.error().path.empty());
  CHECK(fmt::format("{}", whole.error()) == "min 5 is above max 1 [invite.range]");

  xbl::error e;
  e.code = xbl::errc::syntax;
  e.message = "m";
  e.line = 12;
  e.column = 24;
  e.path = "/a~1b";
  CHECK(fmt::format("{}", e) == "line 12, column 24 (/a~1b): m");
}

TEST_CASE("fmt: xbl::violation formats as path: message [rule]") {
  const xbl::violation v{"/invites/0/context", "invite.context_uri_length", "18 characters once URI-encoded, more than the 16 allowed"};
  CHECK(fmt::format("{}", v) ==
        "/invites/0/context: 18 characters once URI-encoded, more than the 16 allowed [invite.context_uri_length]");
}

TEST_CASE("validate: a sound value has no violations") {
  CHECK(xbl::validate(sound()).empty());
  Batch b;
  b.invites = {sound(), sound()};
  b.by_key["k"] = sound();
  CHECK(xbl::validate(b).empty());
  // Lengths count characters, not bytes: eight two-byte characters are within 1 to 8.
  Invite wide = sound();
  wide.name = "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";
  CHECK(xbl::validate(wide).empty());
  // Five '?' are fifteen bytes URI-encoded, within 16.
  wide.context = "?????";
  CHECK(xbl::validate(wide).empty());
  // A rule on an optional member sees only a value that is there.
  wide.note.reset();
  CHECK(xbl::validate(wide).empty());
}

TEST_CASE("validate: every violation is returned, in document order, with pointer and rule") {
  Invite bad;
  bad.name = "far-too-long";
  bad.context = "??????";
  bad.version = 2;
  bad.note = "a b";
  bad.min = 5;
  bad.max = 1;
  bad.level = xbl::open_enum<Level>::from_text("mid");
  const auto v = xbl::validate(bad);
  const std::vector<xbl::violation> expected{
      {"/name", "invite.name_length", "length 12 is outside 1 to 8 characters"},
      {"/context", "invite.context_uri_length", "18 characters once URI-encoded, more than the 16 allowed"},
      {"/version", "invite.version", "must be 1, is 2"},
      {"/tags", "invite.tags_non_empty", "must not be empty"},
      {"/note", "invite.note_no_space", "must not contain a space"},
      {"/level", "enum.unknown", "\"mid\" is not a known value"},
      {"", "invite.range", "min 5 is above max 1"},
  };
  CHECK(v == expected);
}

TEST_CASE("validate: nested values report JSON Pointers with ~0 and ~1") {
  Batch b;
  b.invites = {sound(), sound()};
  b.invites[1].name.clear();
  b.invites[1].min = 9;
  b.by_key["a/b~c"] = sound();
  b.by_key["a/b~c"].tags.clear();
  b.by_key["ok"] = sound();
  const auto v = xbl::validate(b);
  REQUIRE(v.size() == 3);
  CHECK(v[0].path == "/invites/1/name");
  CHECK(v[0].rule == "invite.name_length");
  CHECK(v[1].path == "/invites/1");
  CHECK(v[1].rule == "invite.range");
  CHECK(v[2].path == "/by_key/a~1b~0c/tags");
  CHECK(v[2].rule == "invite.tags_non_empty");
  CHECK(fmt::format("{}", v[2]) == "/by_key/a~1b~0c/tags: must not be empty [invite.tags_non_empty]");
}

TEST_CASE("validate: read_options::validate fails the read with the first violation") {
  const std::string text =
      R"({"invites":[{"name":"n","context":"c","version":1,"tags":["t"],"min":0,"max":1,"level":"high"},)"
      R"({"name":"n","context":"c","version":3,"min":0,"max":1,"level":"high"}],"by_key":{}})";
  const auto plain = xbl::from_json<Batch>(text);
  REQUIRE(plain.has_value());
  CHECK(xbl::validate(*plain).size() == 2);

  const auto r = xbl::from_json<Batch>(text, xbl::read_options{.validate = true});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == xbl::errc::invalid_value);
  CHECK(r.error().path == "/invites/1/version");
  CHECK(r.error().message == "must be 1, is 3 [invite.version]");
}
