#include "xbl_test.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

// Each lenient switch admits one thing and nothing else; each is off by default and names itself in
// the error a strict read gives.
namespace {

struct Config {
  int a = 0;
  std::vector<int> list;
  bool operator==(const Config&) const = default;
};

}  // namespace

template <>
struct xbl::meta<Config> {
  static constexpr auto fields = xbl::make_fields(xbl::field("a", &Config::a), xbl::field("list", &Config::list));
};

namespace {

bool mentions(const xbl::error& e, std::string_view what) { return e.message.find(what) != std::string::npos; }

constexpr xbl::read_options with_comments{.comments = true};
constexpr xbl::read_options with_trailing_commas{.trailing_commas = true};
constexpr xbl::read_options with_unquoted_keys{.unquoted_keys = true};

}  // namespace

static_assert(!xbl::read_options{}.comments);
static_assert(!xbl::read_options{}.trailing_commas);
static_assert(!xbl::read_options{}.unquoted_keys);
static_assert(!xbl::read_options{}.any_lenient());
static_assert(xbl::read_options::lenient().comments);
static_assert(xbl::read_options::lenient().trailing_commas);
static_assert(xbl::read_options::lenient().unquoted_keys);

TEST_CASE("lenient: // comments are read with comments on and are errc::syntax with it off") {
  const std::string text = "// head\n{\"a\": 1, // the a\n\"list\": [2] // the list\n}\n// tail";
  CHECK(read_ok<Config>(text, with_comments) == Config{1, {2}});
  const auto e = read_error<Config>(text);
  CHECK(e.code == xbl::errc::syntax);
  CHECK(e.offset == 0);
  CHECK(e.line == 1);
  CHECK(e.column == 1);
  CHECK(mentions(e, "read_options::comments"));

  const auto inside = read_error<Config>("{\"a\": 1 // x\n}");
  CHECK(inside.code == xbl::errc::syntax);
  CHECK(inside.offset == 8);
  CHECK(mentions(inside, "read_options::comments"));
  // Other switches do not admit comments.
  CHECK(read_error<Config>("{\"a\": 1 // x\n}", with_trailing_commas).offset == 8);
  CHECK(read_error<Config>("{\"a\": 1 // x\n}", with_unquoted_keys).offset == 8);
  // A comment that runs to the end of the text is fine.
  CHECK(read_ok<Config>("{\"a\": 1}// end", with_comments) == Config{1, {}});
}

TEST_CASE("lenient: /* */ comments are read with comments on and are errc::syntax with it off") {
  const std::string text = "/* a\n * block */{/**/\"a\"/* k */:/* v */3,\"list\":[/* none */]}/* tail */";
  CHECK(read_ok<Config>(text, with_comments) == Config{3, {}});
  const auto e = read_error<Config>(text);
  CHECK(e.code == xbl::errc::syntax);
  CHECK(e.offset == 0);
  CHECK(mentions(e, "read_options::comments"));

  const auto inside = read_error<Config>("{\"a\":/* v */3}");
  CHECK(inside.code == xbl::errc::syntax);
  CHECK(inside.offset == 5);
  CHECK(mentions(inside, "read_options::comments"));

  // Never closed: the text ends inside it, reported where it opens.
  const auto open = read_error<Config>("{\"a\":3 /* no end *", with_comments);
  CHECK(open.code == xbl::errc::unexpected_end);
  CHECK(open.offset == 7);
  // A lone '/' is no comment even with comments on.
  const auto slash = read_error<Config>("{\"a\":3 / 2}", with_comments);
  CHECK(slash.code == xbl::errc::syntax);
  CHECK(slash.offset == 7);
  // Inside a string, comment marks are text.
  CHECK(xbl::from_json<std::string>(R"("// /* */")").value() == "// /* */");
}

TEST_CASE("lenient: trailing commas in arrays are read with trailing_commas on and are errc::syntax with it off") {
  CHECK(read_ok<std::vector<int>>("[1,2,]", with_trailing_commas) == std::vector<int>{1, 2});
  CHECK(read_ok<std::vector<int>>("[1 , 2 , \n ]", with_trailing_commas) == std::vector<int>{1, 2});
  const auto e = read_error<std::vector<int>>("[1,2,]");
  CHECK(e.code == xbl::errc::syntax);
  CHECK(e.offset == 4);
  CHECK(mentions(e, "read_options::trailing_commas"));
  CHECK(read_error<xbl::raw_json>("[[1,],2]").offset == 3);
  CHECK(read_error<std::vector<int>>("[1,2,]", with_comments).offset == 4);
  // One comma before the close, no more, and never alone.
  CHECK(read_error<std::vector<int>>("[1,,]", with_trailing_commas).code == xbl::errc::syntax);
  CHECK(read_error<std::vector<int>>("[,]", with_trailing_commas).offset == 1);
  CHECK(read_error<xbl::raw_json>("[1,,]", with_trailing_commas).offset == 3);
}

TEST_CASE("lenient: trailing commas in objects are read with trailing_commas on and are errc::syntax with it off") {
  CHECK(read_ok<Config>(R"({"a":1,"list":[3,],})", with_trailing_commas) == Config{1, {3}});
  CHECK(read_ok<std::map<std::string, int>>(R"({"k":1,})", with_trailing_commas) == std::map<std::string, int>{{"k", 1}});
  const auto e = read_error<Config>(R"({"a":1,})");
  CHECK(e.code == xbl::errc::syntax);
  CHECK(e.offset == 6);
  CHECK(mentions(e, "read_options::trailing_commas"));
  CHECK(read_error<Config>(R"({"a":1,})", with_unquoted_keys).offset == 6);
  CHECK(read_error<Config>(R"({,})", with_trailing_commas).offset == 1);
  CHECK(read_error<Config>(R"({"a":1,,})", with_trailing_commas).offset == 7);
}

TEST_CASE("lenient: unquoted keys are read with unquoted_keys on and are errc::syntax with it off") {
  CHECK(read_ok<Config>("{a: 1, list: [4]}", with_unquoted_keys) == Config{1, {4}});
  const auto map = read_ok<std::map<std::string, int>>("{$x_1: 1, _: 2, Z9: 3}", with_unquoted_keys);
  CHECK(map == std::map<std::string, int>{{"$x_1", 1}, {"_", 2}, {"Z9", 3}});
  const auto e = read_error<Config>("{a: 1}");
  CHECK(e.code == xbl::errc::syntax);
  CHECK(e.offset == 1);
  CHECK(mentions(e, "read_options::unquoted_keys"));
  CHECK(read_error<Config>("{a: 1}", with_comments).offset == 1);
  // Only identifiers: not digits first, not dashes, not single quotes.
  CHECK(read_error<Config>("{1a: 1}", with_unquoted_keys).offset == 1);
  const auto dash = read_error<Config>("{a-b: 1}", with_unquoted_keys);
  CHECK(dash.code == xbl::errc::syntax);
  CHECK(dash.offset == 2);
  CHECK(read_error<Config>("{'a': 1}", xbl::read_options::lenient()).offset == 1);
  // Bare and quoted spellings are the same key.
  const auto twice = read_error<Config>(R"({a: 1, "a": 2})", with_unquoted_keys);
  CHECK(twice.code == xbl::errc::duplicate_key);
  CHECK(twice.offset == 7);
  // Values stay JSON: a bare word is not a string.
  CHECK(read_error<std::map<std::string, std::string>>("{a: b}", with_unquoted_keys).code == xbl::errc::syntax);
}

TEST_CASE("lenient: read_options::lenient() turns every switch on and nothing else") {
  constexpr auto o = xbl::read_options::lenient();
  CHECK(o.any_lenient());
  CHECK(o.unknown_keys == xbl::unknown_key_policy::skip);
  CHECK(o.max_depth == 64);
  CHECK_FALSE(o.strict_enums);
  CHECK_FALSE(o.validate);

  // One text that needs all three switches.
  const std::string text = "{\n  a: 5, // five\n  /* the list */ list: [1, 2,],\n}";
  CHECK(read_ok<Config>(text, o) == Config{5, {1, 2}});
  CHECK(read_error<Config>(text).offset == 4);
  CHECK(read_error<Config>(text, with_unquoted_keys).offset == 10);
  const xbl::read_options no_trailing{.comments = true, .unquoted_keys = true};
  const auto e = read_error<Config>(text, no_trailing);
  CHECK(e.offset == 46);
  CHECK(e.line == 3);
  CHECK(e.column == 29);
  CHECK(mentions(e, "read_options::trailing_commas"));

  // Lenient reading is still strict about everything else.
  CHECK(read_error<Config>("{a: 01}", o).code == xbl::errc::invalid_number);
  CHECK(read_error<Config>("{a: 1} x", o).code == xbl::errc::syntax);
  CHECK(read_error<std::string>("\"\xC0\xAF\"", o).code == xbl::errc::invalid_utf8);
  CHECK(read_error<Config>("{a: NaN}", o).code == xbl::errc::syntax);
}
