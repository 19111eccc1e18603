#include "xbl_test.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

// read_options::unknown_keys: skip (the default) drops unknown members after checking them, error
// refuses them, keep stores them in the struct's xbl::extras and writes them back.
namespace {

struct Plain {
  int a = 0;
  bool operator==(const Plain&) const = default;
};

struct Wrap {
  Plain p;
  xbl::extras extras;
  bool operator==(const Wrap&) const = default;
};

struct Child {
  int a = 0;
  std::vector<std::string> tags;
  std::optional<int> opt;
  xbl::extras extras;
  bool operator==(const Child&) const = default;
};

struct Parent {
  std::string name;
  Child child;
  std::vector<Child> children;
  std::optional<Child> maybe;
  xbl::extras extras;
  bool operator==(const Parent&) const = default;
};

}  // namespace

template <>
struct xbl::meta<Plain> {
  static constexpr auto fields = xbl::make_fields(xbl::field("a", &Plain::a));
};

template <>
struct xbl::meta<Wrap> {
  static constexpr auto fields = xbl::make_fields(xbl::field("p", &Wrap::p));
  static constexpr auto extras = &Wrap::extras;
};

template <>
struct xbl::meta<Child> {
  static constexpr auto fields =
      xbl::make_fields(xbl::field("a", &Child::a), xbl::field("tags", &Child::tags), xbl::field("opt", &Child::opt));
  static constexpr auto extras = &Child::extras;
};

template <>
struct xbl::meta<Parent> {
  static constexpr auto fields =
      xbl::make_fields(xbl::field("name", &Parent::name), xbl::field("child", &Parent::child),
                       xbl::field("children", &Parent::children), xbl::field("maybe", &Parent::maybe));
  static constexpr auto extras = &Parent::extras;
};

namespace {

constexpr xbl::read_options skip{};
constexpr xbl::read_options error{.unknown_keys = xbl::unknown_key_policy::error};
constexpr xbl::read_options keep{.unknown_keys = xbl::unknown_key_policy::keep};

// Reads with keep and checks that writing gives back exactly the text read.
template <class T>
void check_byte_for_byte(std::string_view text) {
  const T v = read_ok<T>(text, keep);
  CHECK(xbl::to_json(v) == text);
}

}  // namespace

static_assert(xbl::read_options{}.unknown_keys == xbl::unknown_key_policy::skip);

TEST_CASE("unknown_keys = skip: unknown members are dropped") {
  const std::string text = R"({"zz":[1,{"q":2}],"a":1,"yy":null})";
  CHECK(read_ok<Plain>(text, skip) == Plain{1});
  CHECK(xbl::to_json(read_ok<Plain>(text, skip)) == R"({"a":1})");
  const Child c = read_ok<Child>(R"({"a":1,"x":2})", skip);
  CHECK(c.extras.unknown.empty());
  CHECK(xbl::to_json(c) == R"({"a":1})");
}

TEST_CASE("unknown_keys = error: an unknown member is errc::unknown_key") {
  const auto e = read_error<Plain>(R"({"a":1,"zz":2})", error);
  CHECK(e.code == xbl::errc::unknown_key);
  CHECK(e.offset == 7);
  CHECK(e.line == 1);
  CHECK(e.column == 8);
  CHECK(e.path == "/zz");
  CHECK(e.message.find("\"zz\"") != std::string::npos);

  const auto nested = read_error<Parent>(R"({"name":"p","child":{"a":1,"b":2}})", error);
  CHECK(nested.code == xbl::errc::unknown_key);
  CHECK(nested.offset == 27);
  CHECK(nested.path == "/child/b");
  // A struct with extras refuses it just the same.
  CHECK(read_error<Child>(R"({"a":1,"b":2})", error).code == xbl::errc::unknown_key);
  CHECK(read_ok<Plain>(R"({"a":1})", error) == Plain{1});
}

TEST_CASE("unknown_keys = keep: unknown members are kept in order as raw JSON") {
  const Child c = read_ok<Child>(R"({"x":{"k":[1,2]},"a":1,"y":"s","z":-0.5e1})", keep);
  CHECK(c.a == 1);
  REQUIRE(c.extras.unknown.size() == 3);
  CHECK(c.extras.unknown[0].first == "x");
  CHECK(c.extras.unknown[0].second.text() == R"({"k":[1,2]})");
  CHECK(c.extras.unknown[1].first == "y");
  CHECK(c.extras.unknown[1].second.text() == R"("s")");
  CHECK(c.extras.unknown[2].first == "z");
  CHECK(c.extras.unknown[2].second.text() == "-0.5e1");
  // Written back after the described members, in the order read.
  CHECK(xbl::to_json(c) == R"({"a":1,"x":{"k":[1,2]},"y":"s","z":-0.5e1})");

  // A key with escapes is kept decoded and written in the writer's own escaping.
  const Child e = read_ok<Child>(R"({"a":1,"q\"\u00e9\/":1})", keep);
  REQUIRE(e.extras.unknown.size() == 1);
  CHECK(e.extras.unknown[0].first == "q\"\xC3\xA9/");
  CHECK(xbl::to_json(e) == "{\"a\":1,\"q\\\"\xC3\xA9/\":1}");
}

TEST_CASE("unknown_keys = keep: compact canonical input comes back byte for byte") {
  check_byte_for_byte<Child>(R"({"a":1})");
  check_byte_for_byte<Child>(R"({"a":1,"tags":["t","u"],"opt":7,"x":[{"y":[]},{}],"w":"\u00e9\n"})");
  // Nested structs and arrays of structs that keep extras of their own.
  check_byte_for_byte<Parent>(
      R"({"name":"p","child":{"a":1,"u":true},"children":[{"a":2,"tags":["t"],"v":[]},{"a":3,"w":{"deep":[1,[2]]}}],)"
      R"("maybe":{"a":4,"m":null},"top":null,"last":[false]})");
  check_byte_for_byte<std::vector<Child>>(R"([{"a":1,"b":2},{"a":3,"c":{"d":4}}])");
}

TEST_CASE("unknown_keys = keep: present-but-empty [] and null optional come back") {
  check_byte_for_byte<Child>(R"({"a":1,"tags":[],"opt":null})");
  check_byte_for_byte<Child>(R"({"a":1,"tags":[]})");
  check_byte_for_byte<Child>(R"({"a":1,"opt":null,"x":0})");
  check_byte_for_byte<Parent>(
      R"({"name":"p","child":{"a":1,"tags":[]},"children":[],"maybe":null})");
  check_byte_for_byte<Parent>(R"({"name":"p","child":{"a":1,"opt":null},"children":[{"a":2,"tags":[],"opt":null}]})");

  // Absent stays absent.
  const Child absent = read_ok<Child>(R"({"a":1})", keep);
  CHECK(xbl::to_json(absent) == R"({"a":1})");
  // [] and absent are the same value; only the writing differs.
  const Child empty = read_ok<Child>(R"({"a":1,"tags":[]})", keep);
  CHECK(empty == absent);
  // Without extras to remember it, an empty array is left out on write.
  CHECK(xbl::to_json(read_ok<Plain>(R"({"a":1})", keep)) == R"({"a":1})");
}

TEST_CASE("unknown_keys = keep: pretty output lays kept members out like the rest") {
  const Child c = read_ok<Child>(R"({"a":1,"x":{"k":[1,2]},"e":[]})", keep);
  xbl::write_options pretty;
  pretty.pretty = true;
  CHECK(xbl::to_json(c, pretty) ==
        "{\n"
        "  \"a\": 1,\n"
        "  \"x\": {\n"
        "    \"k\": [\n"
        "      1,\n"
        "      2\n"
        "    ]\n"
        "  },\n"
        "  \"e\": []\n"
        "}");
  // Whitespace inside a kept value is not kept on a compact write.
  const Child spaced = read_ok<Child>("{\"a\":1,\"x\": { \"k\" : [ 1 , 2 ] } }", keep);
  CHECK(spaced.extras.unknown.at(0).second.text() == "{ \"k\" : [ 1 , 2 ] }");
  CHECK(xbl::to_json(spaced) == R"({"a":1,"x":{"k":[1,2]}})");
}

TEST_CASE("unknown_keys = keep: a struct without extras fails with errc::unknown_key") {
  const auto e = read_error<Plain>(R"({"a":1,"zz":2})", keep);
  CHECK(e.code == xbl::errc::unknown_key);
  CHECK(e.offset == 7);
  CHECK(e.path == "/zz");
  CHECK(e.message.find("extras") != std::string::npos);
  // Inside a struct that has extras, a member struct without them still fails.
  const auto inner = read_error<Wrap>(R"({"p":{"a":1,"z":2},"w":3})", keep);
  CHECK(inner.code == xbl::errc::unknown_key);
  CHECK(inner.offset == 12);
  CHECK(inner.path == "/p/z");
  CHECK(xbl::to_json(read_ok<Wrap>(R"({"p":{"a":1},"w":3})", keep)) == R"({"p":{"a":1},"w":3})");
}

TEST_CASE("unknown_keys = keep: kept values are checked as strictly as any other") {
  const auto utf8 = read_error<Child>("{\"a\":1,\"x\":[\"\xED\xA0\x80\"]}", keep);
  CHECK(utf8.code == xbl::errc::invalid_utf8);
  CHECK(utf8.offset == 13);
  CHECK(utf8.path == "/x/0");
  const auto depth = read_error<Child>(R"({"a":1,"x":[[1]]})", xbl::read_options{.unknown_keys = xbl::unknown_key_policy::keep, .max_depth = 2});
  CHECK(depth.code == xbl::errc::depth_exceeded);
  CHECK(depth.offset == 12);
  // Read leniently, a kept value is kept in compact RFC 8259 form.
  xbl::read_options lenient_keep = xbl::read_options::lenient();
  lenient_keep.unknown_keys = xbl::unknown_key_policy::keep;
  const Child c = read_ok<Child>("{a: 1, x: {k: [1, 2,], /* c */},}", lenient_keep);
  REQUIRE(c.extras.unknown.size() == 1);
  CHECK(c.extras.unknown[0].second.text() == R"({"k":[1,2]})");
  CHECK(xbl::to_json(c) == R"({"a":1,"x":{"k":[1,2]}})");
}
