#include "xbl_test.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// xbl::read_at: one value of a document, found by JSON Pointer (RFC 6901), read as a T; the text
// before it checked as strictly as from_json checks it, the text after it not looked at.
namespace {

struct PointerItem {
  int id = 0;
  std::optional<std::string> title;
  bool operator==(const PointerItem&) const = default;
};

struct PointerCounted {
  std::int32_t count = 0;
  bool operator==(const PointerCounted&) const = default;
};

struct PointerKept {
  int id = 0;
  xbl::extras extras;
};

}  // namespace

template <>
struct xbl::meta<PointerItem> {
  static constexpr auto fields = xbl::make_fields(xbl::field("id", &PointerItem::id), xbl::field("title", &PointerItem::title));
};

template <>
struct xbl::meta<PointerKept> {
  static constexpr auto fields = xbl::make_fields(xbl::field("id", &PointerKept::id));
  static constexpr auto extras = &PointerKept::extras;
};

template <>
struct xbl::meta<PointerCounted> {
  static constexpr auto fields = xbl::make_fields(xbl::field(
      "count", &PointerCounted::count,
      xbl::check{"count.non_negative", [](const std::int32_t& n) -> std::string { return n < 0 ? "must not be negative" : ""; }}));
};

namespace {

// Reads the value at `pointer`, which must succeed; on failure the error is in the report.
template <class T>
T at_ok(std::string_view text, std::string_view pointer, const xbl::read_options& options = {}) {
  auto r = xbl::read_at<T>(text, pointer, options);
  const std::string error = r ? std::string() : fmt::format("{}", r.error());
  INFO("text: " << text);
  INFO("pointer: " << pointer);
  INFO("error: " << error);
  REQUIRE(r.has_value());
  return std::move(r).value();
}

// Reads the value at `pointer`, which must fail with a message; the error, to look at further.
template <class T>
xbl::error at_error(std::string_view text, std::string_view pointer, const xbl::read_options& options = {}) {
  auto r = xbl::read_at<T>(text, pointer, options);
  INFO("text: " << text);
  INFO("pointer: " << pointer);
  REQUIRE_FALSE(r.has_value());
  CHECK_FALSE(r.error().message.empty());
  return r.error();
}

// The byte offset of the first `what` in `text`, which must be there.
std::size_t offset_of(std::string_view text, std::string_view what) {
  const std::size_t at = text.find(what);
  REQUIRE(at != std::string_view::npos);
  return at;
}

const std::string tree = R"({"a": {"b": [10, 20, {"c": "deep"}], "n": null}, "z": true, "s": "text"})";

}  // namespace

// ---- finding the value --------------------------------------------------------------------------

TEST_CASE("read_at: \"\" is the whole document") {
  CHECK(at_ok<PointerItem>(R"({"id": 3, "title": "t"})", "") == PointerItem{3, "t"});
  CHECK(at_ok<int>(" 42 ", "") == 42);
  CHECK(at_ok<std::vector<int>>("[1, 2]", "") == std::vector<int>{1, 2});
}

TEST_CASE("read_at: object members and array elements, nested") {
  CHECK(at_ok<int>(tree, "/a/b/0") == 10);
  CHECK(at_ok<int>(tree, "/a/b/1") == 20);
  CHECK(at_ok<std::string>(tree, "/a/b/2/c") == "deep");
  CHECK(at_ok<bool>(tree, "/z"));
  CHECK(at_ok<std::string>(tree, "/s") == "text");
  CHECK(at_ok<std::optional<int>>(tree, "/a/n") == std::nullopt);
  CHECK(at_ok<std::vector<int>>(R"({"a": {"b": [10, 20]}})", "/a/b") == std::vector<int>{10, 20});
  CHECK(at_ok<std::map<std::string, int>>(R"([0, {"x": 1, "y": 2}])", "/1") == std::map<std::string, int>{{"x", 1}, {"y", 2}});
  CHECK(at_ok<xbl::raw_json>(tree, "/a/b/2").text() == R"({"c": "deep"})");
}

TEST_CASE("read_at: ~0 and ~1 in the pointer are '~' and '/' in the key") {
  const std::string text = R"({"a/b": {"m~n": 1, "~1": 2, "/": 3, "": 4}})";
  CHECK(at_ok<int>(text, "/a~1b/m~0n") == 1);
  // ~01 is "~1", not "/": ~0 is decoded on its own.
  CHECK(at_ok<int>(text, "/a~1b/~01") == 2);
  CHECK(at_ok<int>(text, "/a~1b/~1") == 3);
  // An empty token is the key "".
  CHECK(at_ok<int>(text, "/a~1b/") == 4);
}

TEST_CASE("read_at: keys are compared decoded, escapes and all") {
  const std::string text = R"({"\\u0041": 1, "\u0041b": 2, "x\/y": 3, "\"q\"": 4, "A": 5, "\u00e9": 6})";
  CHECK(at_ok<int>(text, "/Ab") == 2);
  CHECK(at_ok<int>(text, "/x~1y") == 3);
  CHECK(at_ok<int>(text, "/\"q\"") == 4);
  // `"\\u0041"` is the six characters \u0041, not "A".
  CHECK(at_ok<int>(text, "/A") == 5);
  CHECK(at_ok<int>(text, "/\\u0041") == 1);
  CHECK(at_ok<int>(text, "/\xC3\xA9") == 6);
}

TEST_CASE("read_at: the first member with the key is taken, and the rest of the object is not read") {
  CHECK(at_ok<int>(R"({"a": 1, "a": 2})", "/a") == 1);
  CHECK(at_ok<int>(R"({"a": 1, "a": "two", @)", "/a") == 1);
}

TEST_CASE("read_at: a token that is an array index elsewhere is a key in an object") {
  const std::string text = R"({"01": 1, "-": 2, "0": 3})";
  CHECK(at_ok<int>(text, "/01") == 1);
  CHECK(at_ok<int>(text, "/-") == 2);
  CHECK(at_ok<int>(text, "/0") == 3);
}

TEST_CASE("read_at: a described model, and its leaves, in a presence record") {
  const std::string text = R"({"xuid": "2533274800000000", "state": "Online", "devices": [
    {"type": "Xbox360", "titles": []},
    {"type": "Scarlett", "titles": [{"id": "1234", "name": "Halo", "placement": "full", "state": "active"}]}
  ]})";
  const auto whole = read_ok<xbl::PresenceRecord>(text);
  REQUIRE(whole.devices.size() == 2);

  const auto device = at_ok<xbl::DeviceRecord>(text, "/devices/1");
  CHECK(device == whole.devices[1]);
  CHECK(device.type == xbl::DeviceType::Scarlett);
  REQUIRE(device.titles.size() == 1);
  CHECK(device.titles[0].id == xbl::TitleId(1234));
  CHECK(device.titles[0].name == std::optional<std::string>("Halo"));

  CHECK(at_ok<xbl::DeviceRecord>(text, "/devices/0").type == xbl::DeviceType::Xbox360);
  CHECK(at_ok<std::string>(text, "/devices/1/titles/0/name") == "Halo");
  CHECK(at_ok<xbl::TitleId>(text, "/devices/1/titles/0/id") == xbl::TitleId(1234));
  CHECK(at_ok<xbl::Xuid>(text, "/xuid") == xbl::Xuid(2533274800000000));

  // Pretty text, which the scanner reads by its indentation, gives the same values.
  const std::string pretty = xbl::to_json(whole, xbl::write_options{.pretty = true});
  REQUIRE(pretty.find('\n') != std::string::npos);
  CHECK(at_ok<xbl::DeviceRecord>(pretty, "/devices/1") == whole.devices[1]);
  CHECK(at_ok<std::string>(pretty, "/devices/1/titles/0/state") == "active");
  const auto missing = at_error<int>(pretty, "/devices/2");
  CHECK(missing.code == xbl::errc::not_found);
  CHECK(pretty[missing.offset] == ']');
}

// ---- not found ----------------------------------------------------------------------------------

TEST_CASE("read_at: errc::not_found, no such member") {
  const std::string text = R"({"a": {"b": {"x": 1, "y": [2]}}})";
  const auto e = at_error<int>(text, "/a/b/foo/c");
  CHECK(e.code == xbl::errc::not_found);
  CHECK(e.message == R"(no member "foo" in the object at /a/b (looking for /a/b/foo/c))");
  CHECK(e.offset == offset_of(text, "]}") + 1);  // the '}' closing /a/b
  CHECK(text[e.offset] == '}');
  CHECK(e.line == 1);
  CHECK(e.column == e.offset + 1);
  CHECK(e.path == "/a/b/foo/c");

  const auto root = at_error<int>(R"({"a": 1})", "/b");
  CHECK(root.message == R"(no member "b" in the object at the root (looking for /b))");
  CHECK(root.offset == 7);

  const auto empty = at_error<int>(R"({"a": {}})", "/a/b");
  CHECK(empty.code == xbl::errc::not_found);
  CHECK(empty.offset == 7);
  CHECK(empty.path == "/a/b");

  // The key as the message shows it is quoted, and the path keeps the pointer's escapes.
  const auto escaped = at_error<int>(R"({"a": {}})", "/a/x~1y~0z");
  CHECK(escaped.message == R"(no member "x/y~z" in the object at /a (looking for /a/x~1y~0z))");
  CHECK(escaped.path == "/a/x~1y~0z");
}

TEST_CASE("read_at: errc::not_found, an index past the end") {
  const std::string text = "{\"a\": [1, 2,\n 3]}";
  const auto e = at_error<int>(text, "/a/7");
  CHECK(e.code == xbl::errc::not_found);
  CHECK(e.message == "the array at /a has 3 elements: no element 7 (looking for /a/7)");
  CHECK(e.offset == 15);
  CHECK(text[e.offset] == ']');
  CHECK(e.line == 2);
  CHECK(e.column == 3);
  CHECK(e.path == "/a/7");

  CHECK(at_error<int>(text, "/a/3").message == "the array at /a has 3 elements: no element 3 (looking for /a/3)");
  CHECK(at_error<int>("[5]", "/1").message == "the array at the root has 1 element: no element 1 (looking for /1)");
  const auto empty = at_error<int>(R"({"a": []})", "/a/0");
  CHECK(empty.message == "the array at /a has 0 elements: no element 0 (looking for /a/0)");
  CHECK(empty.offset == 7);
  const auto huge = at_error<int>("[1]", "/99999999999999999999999999");
  CHECK(huge.code == xbl::errc::not_found);
  CHECK(huge.message == "the array at the root has 1 element: no element 99999999999999999999999999 "
                        "(looking for /99999999999999999999999999)");
}

TEST_CASE("read_at: errc::not_found, tokens that are no index: \"-\", a leading zero, anything else") {
  const std::string text = R"({"a": [1, 2, 3]})";
  CHECK(at_ok<int>(text, "/a/0") == 1);
  CHECK(at_ok<int>(text, "/a/2") == 3);

  const auto dash = at_error<int>(text, "/a/-");
  CHECK(dash.code == xbl::errc::not_found);
  CHECK(dash.message ==
        R"(the array at /a has 3 elements: "-" names the element after the last, which is never there (looking for /a/-))");
  CHECK(dash.offset == 14);
  CHECK(dash.path == "/a/-");

  const auto zero = at_error<int>(text, "/a/01");
  CHECK(zero.code == xbl::errc::not_found);
  CHECK(zero.message ==
        R"(the array at /a has 3 elements: "01" is not an array index (an index has no leading zero) (looking for /a/01))");
  CHECK(zero.path == "/a/01");

  for (const char* token : {"/a/x", "/a/+1", "/a/1.0", "/a/-1", "/a/", "/a/ 1", "/a/1e0"}) {
    INFO(token);
    const auto e = at_error<int>(text, token);
    CHECK(e.code == xbl::errc::not_found);
    CHECK(e.message.find("is not an array index") != std::string::npos);
    CHECK(e.offset == 14);
    CHECK(e.path == token);
  }
}

TEST_CASE("read_at: errc::not_found, a token applied to a scalar") {
  const std::string text = "{\"a\": {\"s\": \"str\",\n \"n\": 12, \"t\": true, \"z\": null}}";
  const auto e = at_error<int>(text, "/a/s/x");
  CHECK(e.code == xbl::errc::not_found);
  CHECK(e.message == "the value at /a/s is a string, not an object or array (looking for /a/s/x)");
  CHECK(e.offset == 12);
  CHECK(text[e.offset] == '"');
  CHECK(e.line == 1);
  CHECK(e.column == 13);
  CHECK(e.path == "/a/s/x");

  const auto n = at_error<int>(text, "/a/n/0");
  CHECK(n.message == "the value at /a/n is a number, not an object or array (looking for /a/n/0)");
  CHECK(n.line == 2);
  CHECK(n.column == 7);
  CHECK(at_error<int>(text, "/a/t/0").message.find("is a boolean") != std::string::npos);
  CHECK(at_error<int>(text, "/a/z/0").message.find("is null") != std::string::npos);
  CHECK(at_error<int>("7", "/0").message == "the value at the root is a number, not an object or array (looking for /0)");
}

TEST_CASE("read_at: a malformed scalar where the pointer goes on is its own fault, not not_found") {
  const auto word = at_error<int>(R"({"a": tru})", "/a/x");
  CHECK(word.code == xbl::errc::syntax);
  CHECK(word.offset == 6);
  CHECK(word.path == "/a");
  const auto nothing = at_error<int>(R"({"a": @})", "/a/x");
  CHECK(nothing.code == xbl::errc::syntax);
  CHECK(nothing.offset == 6);
  CHECK(nothing.path == "/a");
  const auto cut = at_error<int>(R"({"a": )", "/a/x");
  CHECK(cut.code == xbl::errc::unexpected_end);
  CHECK(cut.path == "/a");
}

// ---- invalid pointers ---------------------------------------------------------------------------

TEST_CASE("read_at: errc::invalid_pointer, no place in the text") {
  const std::string text = R"({"a": 1})";
  const auto slash = at_error<int>(text, "a/b");
  CHECK(slash.code == xbl::errc::invalid_pointer);
  CHECK(slash.offset == 0);
  CHECK(slash.line == 0);
  CHECK(slash.column == 0);
  CHECK(slash.path == "a/b");
  CHECK(slash.message == "character 1 of the JSON Pointer is 'a', not '/': a pointer is empty or starts with '/'");

  const auto escape = at_error<int>(text, "/a~2");
  CHECK(escape.code == xbl::errc::invalid_pointer);
  CHECK(escape.line == 0);
  CHECK(escape.path == "/a~2");
  CHECK(escape.message == "character 3 of the JSON Pointer is a '~' followed by '2': the only escapes are ~0 and ~1 (RFC 6901)");

  const auto trailing = at_error<int>(text, "/a~");
  CHECK(trailing.code == xbl::errc::invalid_pointer);
  CHECK(trailing.offset == 0);
  CHECK(trailing.path == "/a~");
  CHECK(trailing.message == "character 3 of the JSON Pointer is a '~' that ends it: the only escapes are ~0 and ~1 (RFC 6901)");

  CHECK(at_error<int>(text, "/~a/b").message.find("character 2 ") != std::string::npos);
  CHECK(at_error<int>(text, "#/a").code == xbl::errc::invalid_pointer);
  CHECK(at_error<int>(text, "/a/~").code == xbl::errc::invalid_pointer);
  // The pointer is checked before the text: a broken text does not hide it.
  CHECK(at_error<int>("", "a").code == xbl::errc::invalid_pointer);
  CHECK(at_error<int>("{", "/~9").code == xbl::errc::invalid_pointer);
}

// ---- faults in the text -------------------------------------------------------------------------

TEST_CASE("read_at: a syntax error in a member passed over before the target") {
  const std::string text = "{\n  \"skip\": [1, 2, @],\n  \"want\": 1\n}";
  const auto e = at_error<int>(text, "/want");
  CHECK(e.code == xbl::errc::syntax);
  CHECK(e.offset == 19);
  CHECK(text[e.offset] == '@');
  CHECK(e.line == 2);
  CHECK(e.column == 18);
  CHECK(e.path == "/skip/2");
  // As a whole read reports it.
  CHECK(e == xbl::from_json<xbl::raw_json>(text).error());

  // Under a prefix of the pointer, the prefix leads the path.
  const std::string nested = "{\"o\": [{\"p\": {\n  \"skip\": [1, 2, @],\n  \"want\": 1\n}}]}";
  const auto deep = at_error<int>(nested, "/o/0/p/want");
  CHECK(deep.code == xbl::errc::syntax);
  CHECK(deep.offset == offset_of(nested, "@"));
  CHECK(deep.line == 2);
  CHECK(deep.column == 18);
  CHECK(deep.path == "/o/0/p/skip/2");
  CHECK(deep == xbl::from_json<xbl::raw_json>(nested).error());
}

TEST_CASE("read_at: every fault before the target is the one a whole read meets first") {
  // Each text has its first fault before the member "t" (or before the element 3) that is asked for.
  const std::string texts[] = {
      R"({"a": [1, 2,, 3], "t": 1})",     R"({"a": 01, "t": 1})",         R"({"a": "x\q", "t": 1})",
      R"({"a": "x)" "\xFF" R"(", "t": 1})", R"({"a": 1 "t": 1})",          R"({"a" 1, "t": 1})",
      R"({a: 1, "t": 1})",                R"({"a": [1, 2)",               R"({"a": {"b": nul}, "t": 1})",
      R"({"a": [{}, {"b": [}], "t": 1})", R"({"a": "\uD800", "t": 1})",   R"([1, 2 3, 4])",
      R"([1, 2, {"x" 1}, 4])",            R"([1, 2, 3)",
  };
  for (const auto& text : texts) {
    INFO("text: " << text);
    const auto e = at_error<int>(text, text[0] == '[' ? "/3" : "/t");
    const auto whole = xbl::from_json<xbl::raw_json>(text);
    REQUIRE_FALSE(whole.has_value());
    CHECK(e == whole.error());
  }
  // Where the text ends at the target, the fault is the target's, as from_json<std::vector<int>>
  // reports it.
  const std::string cut = "[1, 2, 3,";
  const auto e = at_error<int>(cut, "/3");
  CHECK(e.code == xbl::errc::unexpected_end);
  CHECK(e.path == "/3");
  CHECK(e == read_error<std::vector<int>>(cut));
}

TEST_CASE("read_at: a fault inside the target has the pointer and the path inside it") {
  const std::string text = "{\"a\": {\"b\": [1,\n \"x\"]}}";
  const auto e = at_error<std::vector<int>>(text, "/a/b");
  CHECK(e.code == xbl::errc::type_mismatch);
  CHECK(e.message == "expected an integer, found a string");
  CHECK(e.offset == 17);
  CHECK(e.line == 2);
  CHECK(e.column == 2);
  CHECK(e.path == "/a/b/1");

  const auto item = at_error<PointerItem>(R"({"list": [{"id": 1}, {"id": 2, "title": 3}]})", "/list/1");
  CHECK(item.code == xbl::errc::type_mismatch);
  CHECK(item.path == "/list/1/title");

  const auto required = at_error<PointerItem>(R"({"k~/": {"title": "t"}})", "/k~0~1");
  CHECK(required.code == xbl::errc::missing_member);
  CHECK(required.path == "/k~0~1");

  // unknown_keys applies to the value read, not to the containers on the way, which have no type.
  const xbl::read_options strict_keys{.unknown_keys = xbl::unknown_key_policy::error};
  CHECK(at_ok<PointerItem>(R"({"other": 1, "item": {"id": 1}})", "/item", strict_keys) == PointerItem{1, std::nullopt});
  const auto unknown = at_error<PointerItem>(R"({"item": {"id": 1, "extra": 2}})", "/item", strict_keys);
  CHECK(unknown.code == xbl::errc::unknown_key);
  CHECK(unknown.path == "/item/extra");

  const auto cut = at_error<std::string>(R"({"a": "abc)", "/a");
  CHECK(cut.code == xbl::errc::unexpected_end);
  CHECK(cut.path == "/a");
}

TEST_CASE("read_at: the lenient switches apply before the target as in a whole read") {
  const std::string commented = "{/* first */ \"a\": 1, // note\n \"b\": 2}";
  const auto no_comments = at_error<int>(commented, "/b");
  CHECK(no_comments.code == xbl::errc::syntax);
  CHECK(no_comments.offset == 1);
  CHECK(no_comments.path == "");
  CHECK(no_comments.message.find("read_options::comments") != std::string::npos);
  CHECK(at_ok<int>(commented, "/b", xbl::read_options{.comments = true}) == 2);

  const std::string trailing = R"({"a": [1, 2,], "b": {"x": 1,}, "c": 3})";
  const auto no_trailing = at_error<int>(trailing, "/c");
  CHECK(no_trailing.code == xbl::errc::syntax);
  CHECK(no_trailing.offset == 11);
  CHECK(no_trailing.path == "/a");
  CHECK(no_trailing.message.find("read_options::trailing_commas") != std::string::npos);
  CHECK(at_ok<int>(trailing, "/c", xbl::read_options{.trailing_commas = true}) == 3);
  // A trailing comma ends the array: the element after it is not there.
  const auto past = at_error<int>(trailing, "/a/2", xbl::read_options{.trailing_commas = true});
  CHECK(past.code == xbl::errc::not_found);
  CHECK(past.message == "the array at /a has 2 elements: no element 2 (looking for /a/2)");
  CHECK(past.offset == 12);

  const std::string bare = R"({a: {b: 1}})";
  CHECK(at_error<int>(bare, "/a/b").code == xbl::errc::syntax);
  CHECK(at_ok<int>(bare, "/a/b", xbl::read_options{.unquoted_keys = true}) == 1);
  CHECK(at_ok<int>(bare, "/a/b", xbl::read_options::lenient()) == 1);
}

TEST_CASE("read_at: the text after the value is not looked at") {
  // Cut short, or malformed, after the value.
  CHECK(at_ok<int>(R"({"a": 1, "b": )", "/a") == 1);
  CHECK(at_ok<int>(R"({"a": [1, 2] @@@)", "/a/1") == 2);
  CHECK(at_ok<PointerItem>(R"([{"id": 7}, {"id": "x"}, )", "/0") == PointerItem{7, std::nullopt});
  CHECK_FALSE(xbl::from_json<xbl::raw_json>(R"({"a": 1, "b": )").has_value());
  // With "", what follows the document's value as well.
  CHECK(at_ok<int>("1 2", "") == 1);
  CHECK_FALSE(xbl::from_json<int>("1 2").has_value());
  // But the value itself is read in full.
  CHECK(at_error<std::vector<int>>(R"({"a": [1, 2)", "/a").code == xbl::errc::unexpected_end);
}

TEST_CASE("read_at: the presence sample, read leniently, up to its one ';'") {
  const std::string text = data_file("presence_sample.json");
  const auto lenient = xbl::read_options::lenient();
  // Before the ';' (line 39, column 35, in the second record's title), and in that title before it.
  CHECK(at_ok<std::string>(text, "/0/devices/0/titles/0/name", lenient) == "Contoso 5");
  CHECK(at_ok<std::string>(text, "/1/devices/0/titles/0/name", lenient) == "Contoso Waypoint");
  // After it: the fault a whole read reports.
  const auto e = at_error<std::string>(text, "/2/xuid", lenient);
  CHECK(e.code == xbl::errc::syntax);
  CHECK(e.line == 39);
  CHECK(e.column == 35);
  CHECK(e.offset == 1056);
  CHECK(e.path == "/1/devices/0/titles/0");
  CHECK(e == xbl::from_json<xbl::raw_json>(text, lenient).error());
}

TEST_CASE("read_at: max_depth counts from the document's root") {
  const std::string text = R"({"a": {"b": {"c": 1}}})";
  const xbl::read_options two{.max_depth = 2};
  const auto e = at_error<int>(text, "/a/b/c", two);
  CHECK(e.code == xbl::errc::depth_exceeded);
  CHECK(e.offset == 12);
  CHECK(text[e.offset] == '{');
  CHECK(e.path == "/a/b");
  CHECK(at_ok<int>(text, "/a/b/c", xbl::read_options{.max_depth = 3}) == 1);
  // The value read goes on from the depth the pointer reached.
  const auto inside = at_error<std::map<std::string, int>>(text, "/a/b", two);
  CHECK(inside.code == xbl::errc::depth_exceeded);
  CHECK(inside.path == "/a/b");
  CHECK(inside == xbl::from_json<xbl::raw_json>(text, two).error());
  CHECK(at_ok<std::map<std::string, int>>(text, "/a/b", xbl::read_options{.max_depth = 3}).at("c") == 1);
  // A member passed over on the way is held to the limit too.
  const auto skipped = at_error<int>(R"({"deep": [[[1]]], "t": 1})", "/t", two);
  CHECK(skipped.code == xbl::errc::depth_exceeded);
  CHECK(skipped.path == "/deep/0");
}

TEST_CASE("read_at: read_options::validate checks the value read, under the pointer's path") {
  const std::string text = R"({"a/b": {"list": [{"count": 1}, {"count": -2}]}})";
  CHECK(at_ok<PointerCounted>(text, "/a~1b/list/1") == PointerCounted{-2});
  const xbl::read_options validate{.validate = true};
  CHECK(at_ok<PointerCounted>(text, "/a~1b/list/0", validate) == PointerCounted{1});
  const auto e = at_error<PointerCounted>(text, "/a~1b/list/1", validate);
  CHECK(e.code == xbl::errc::invalid_value);
  CHECK(e.offset == 0);
  CHECK(e.line == 0);
  CHECK(e.column == 0);
  CHECK(e.path == "/a~1b/list/1/count");
  CHECK(e.message == "must not be negative [count.non_negative]");

  // A rule over a whole record: its path is the pointer itself.
  const std::string people = R"({"people": [{"xuid": "1", "state": "Online",
    "devices": [{"type": "PC", "titles": []}], "lastSeen": {"titleName": "Halo"}}]})";
  CHECK(at_ok<xbl::PresenceRecord>(people, "/people/0").last_seen.has_value());
  const auto rule = at_error<xbl::PresenceRecord>(people, "/people/0", validate);
  CHECK(rule.code == xbl::errc::invalid_value);
  CHECK(rule.path == "/people/0");
  CHECK(rule.message.find("[presence.last_seen_with_devices]") != std::string::npos);
}

TEST_CASE("read_at: the errc values it adds have names") {
  CHECK(xbl::to_string(xbl::errc::not_found) == "not_found");
  CHECK(xbl::to_string(xbl::errc::invalid_pointer) == "invalid_pointer");
  CHECK(fmt::format("{}", at_error<int>("[]", "/0")).find("no element 0") != std::string::npos);
}

// ---- raw_json::at -------------------------------------------------------------------------------

TEST_CASE("read_at: raw_json::at finds a value inside a kept raw value") {
  const auto kept = xbl::from_json<xbl::raw_json>(tree);
  REQUIRE(kept.has_value());
  const auto b2 = kept->at("/a/b/2");
  REQUIRE(b2.has_value());
  CHECK(b2->text() == R"({"c": "deep"})");
  CHECK(kept->at<int>("/a/b/1").value() == 20);
  CHECK(kept->at<std::string>("/a/b/2/c").value() == "deep");
  CHECK(b2->at<std::string>("/c").value() == "deep");
  // "" is the whole value, and at() of at() is at() of the joined pointer.
  CHECK(kept->at("").value() == *kept);
  CHECK(kept->at("/a")->at("/b/2/c")->text() == kept->at("/a/b/2/c")->text());

  // A default raw_json is null: every token applied to it is not found.
  const auto none = xbl::raw_json{}.at("/x");
  REQUIRE_FALSE(none.has_value());
  CHECK(none.error().code == xbl::errc::not_found);
}

TEST_CASE("read_at: raw_json::at reports its errors as read_at does, in the raw value's text") {
  const auto kept = xbl::from_json<xbl::raw_json>(tree);
  REQUIRE(kept.has_value());
  const auto missing = kept->at<int>("/a/b/3");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error() == xbl::read_at<int>(tree, "/a/b/3").error());
  CHECK(missing.error().code == xbl::errc::not_found);
  CHECK(missing.error().path == "/a/b/3");
  CHECK(missing.error().offset == offset_of(tree, "]"));

  const auto wrong = kept->at<int>("/s");
  REQUIRE_FALSE(wrong.has_value());
  CHECK(wrong.error().code == xbl::errc::type_mismatch);
  CHECK(wrong.error().offset == offset_of(tree, R"("text")"));

  const auto bad = kept->at("a");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == xbl::errc::invalid_pointer);

  // The options are the read's: a rule checked with validate is reported under the full pointer.
  const auto counted = xbl::from_json<xbl::raw_json>(R"({"list": [{"count": -1}]})");
  REQUIRE(counted.has_value());
  CHECK(counted->at<PointerCounted>("/list/0").value() == PointerCounted{-1});
  const auto rule = counted->at<PointerCounted>("/list/0", {.validate = true});
  REQUIRE_FALSE(rule.has_value());
  CHECK(rule.error().code == xbl::errc::invalid_value);
  CHECK(rule.error().path == "/list/0/count");
}

TEST_CASE("read_at: raw_json::at in the unknown members a struct keeps") {
  const xbl::read_options keep{.unknown_keys = xbl::unknown_key_policy::keep};
  const std::string text = R"({"id": 1, "extra": {"list": [3, {"deep": "yes"}]}})";
  PointerKept value;
  REQUIRE(xbl::from_json(text, value, keep).code == xbl::errc::ok);
  REQUIRE(value.extras.unknown.size() == 1);
  const xbl::raw_json& extra = value.extras.unknown[0].second;
  CHECK(extra.at<int>("/list/0").value() == 3);
  CHECK(extra.at<std::string>("/list/1/deep").value() == "yes");
  CHECK(extra.at("/list/2").error().code == xbl::errc::not_found);

  // Read with a lenient switch, a raw value holds its JSON in compact form, and at() reads that.
  const xbl::read_options lenient{.trailing_commas = true, .unknown_keys = xbl::unknown_key_policy::keep};
  REQUIRE(xbl::from_json(R"({"id": 2, "extra": {"list": [4, {"deep": "no",},],},})", value, lenient).code == xbl::errc::ok);
  REQUIRE(value.extras.unknown.size() == 1);
  CHECK(value.extras.unknown[0].second.text() == R"({"list":[4,{"deep":"no"}]})");
  CHECK(value.extras.unknown[0].second.at<std::string>("/list/1/deep").value() == "no");
}
