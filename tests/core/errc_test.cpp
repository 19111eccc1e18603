#include "xbl_test.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

// One test per xbl::errc value: each error carries its code, a message, the byte offset, the line
// and column, and the JSON Pointer of the member being read. The faulty entry sits under a map
// key holding both '/' and '~', so every path shows the RFC 6901 escapes ~1 and ~0.
namespace {

enum class Mood { calm, busy };

}  // namespace

template <>
struct xbl::meta<Mood> {
  static constexpr auto values = xbl::make_enum(xbl::name(Mood::calm, "calm"), xbl::name(Mood::busy, "busy"));
};

namespace {

struct Circle {
  double radius = 0;
  bool operator==(const Circle&) const = default;
};

struct Square {
  double side = 0;
  bool operator==(const Square&) const = default;
};

using Figure = std::variant<Circle, Square>;

struct Entry {
  std::int32_t count = 0;
  std::optional<std::string> note;
  std::optional<xbl::open_enum<Mood>> mood;
  std::optional<xbl::raw_json> data;
  std::optional<Figure> figure;
  bool operator==(const Entry&) const = default;
};

struct Doc {
  std::map<std::string, Entry> entries;
  bool operator==(const Doc&) const = default;
};

}  // namespace

template <>
struct xbl::meta<Circle> {
  static constexpr auto fields = xbl::make_fields(xbl::field("radius", &Circle::radius));
};

template <>
struct xbl::meta<Square> {
  static constexpr auto fields = xbl::make_fields(xbl::field("side", &Square::side));
};

template <>
struct xbl::meta<Figure> {
  static constexpr std::string_view tag = "kind";
  static constexpr std::array<std::string_view, 2> tags{"circle", "square"};
};

template <>
struct xbl::meta<Entry> {
  static constexpr auto fields = xbl::make_fields(
      xbl::field("count", &Entry::count,
                 xbl::check{"count.non_negative",
                            [](const std::int32_t& n) -> std::string { return n < 0 ? "must not be negative" : ""; }}),
      xbl::field("note", &Entry::note), xbl::field("mood", &Entry::mood), xbl::field("data", &Entry::data),
      xbl::field("figure", &Entry::figure));
};

template <>
struct xbl::meta<Doc> {
  static constexpr auto fields = xbl::make_fields(xbl::field("entries", &Doc::entries));
};

namespace {

// The entry's members start on line 3 at column 15 (offset 31):
//   {
//     "entries": {
//       "a/b~c": {<body>}
//     }
//   }
std::string doc(std::string_view body) {
  return "{\n  \"entries\": {\n    \"a/b~c\": {" + std::string(body) + "}\n  }\n}";
}
constexpr std::size_t body_offset = 31;
constexpr std::size_t body_column = 15;
const std::string entry_path = "/entries/a~1b~0c";

}  // namespace

TEST_CASE("errc: the layout the errc tests rely on reads cleanly") {
  const std::string text = doc(R"("count": 1, "note": "n", "mood": "busy", "data": [1], "figure": {"kind": "square", "side": 2})");
  REQUIRE(text.substr(body_offset, 7) == "\"count\"");
  REQUIRE(text.rfind('\n', body_offset) == body_offset - body_column);
  const auto r = xbl::from_json<Doc>(text, xbl::read_options{.strict_enums = true, .validate = true});
  REQUIRE(r.has_value());
  const Entry& e = r->entries.at("a/b~c");
  CHECK(e.count == 1);
  CHECK(e.mood == std::optional<xbl::open_enum<Mood>>(Mood::busy));
  REQUIRE(e.figure.has_value());
  CHECK(std::get<Square>(*e.figure) == Square{2});
}

TEST_CASE("errc::syntax: a character that cannot start a value") {
  const auto e = read_error<Doc>(doc(R"("count": @)"));
  CHECK(e.code == xbl::errc::syntax);
  CHECK(e.offset == 40);
  CHECK(e.line == 3);
  CHECK(e.column == 24);
  CHECK(e.path == entry_path + "/count");
  CHECK(e.message.find("'@'") != std::string::npos);
}

TEST_CASE("errc::unexpected_end: the text ends inside a value") {
  const std::string whole = doc(R"("count": 1)");
  const std::string text = whole.substr(0, body_offset + 9);
  const auto e = read_error<Doc>(text);
  CHECK(e.code == xbl::errc::unexpected_end);
  CHECK(e.offset == 40);
  CHECK(e.line == 3);
  CHECK(e.column == 24);
  CHECK(e.path == entry_path + "/count");
}

TEST_CASE("errc::invalid_utf8: bytes that are not UTF-8") {
  const auto e = read_error<Doc>(doc("\"note\": \"x\xFF\""));
  CHECK(e.code == xbl::errc::invalid_utf8);
  CHECK(e.offset == 41);
  CHECK(e.line == 3);
  CHECK(e.column == 25);
  CHECK(e.path == entry_path + "/note");
  CHECK(e.message.find("0xFF") != std::string::npos);
}

TEST_CASE("errc::invalid_escape: a backslash escape JSON does not define") {
  const auto e = read_error<Doc>(doc(R"("note": "x\q")"));
  CHECK(e.code == xbl::errc::invalid_escape);
  CHECK(e.offset == 41);
  CHECK(e.line == 3);
  CHECK(e.column == 25);
  CHECK(e.path == entry_path + "/note");
}

TEST_CASE("errc::invalid_number: a number with a leading zero") {
  const auto e = read_error<Doc>(doc(R"("count": 01)"));
  CHECK(e.code == xbl::errc::invalid_number);
  CHECK(e.offset == 40);
  CHECK(e.line == 3);
  CHECK(e.column == 24);
  CHECK(e.path == entry_path + "/count");
  CHECK(e.message.find("leading zero") != std::string::npos);
}

TEST_CASE("errc::number_out_of_range: a number the member cannot hold") {
  const auto e = read_error<Doc>(doc(R"("count": 2147483648)"));
  CHECK(e.code == xbl::errc::number_out_of_range);
  CHECK(e.offset == 40);
  CHECK(e.line == 3);
  CHECK(e.column == 24);
  CHECK(e.path == entry_path + "/count");
  CHECK(e.message.find("2147483647") != std::string::npos);
}

TEST_CASE("errc::type_mismatch: a string where a number belongs") {
  const auto e = read_error<Doc>(doc(R"("count": "3")"));
  CHECK(e.code == xbl::errc::type_mismatch);
  CHECK(e.offset == 40);
  CHECK(e.line == 3);
  CHECK(e.column == 24);
  CHECK(e.path == entry_path + "/count");
  CHECK(e.message == "expected an integer, found a string");
}

TEST_CASE("errc::missing_member: a required member absent, met at the closing brace") {
  const auto e = read_error<Doc>(doc(R"("note": "x")"));
  CHECK(e.code == xbl::errc::missing_member);
  CHECK(e.offset == 42);
  CHECK(e.line == 3);
  CHECK(e.column == 26);
  CHECK(e.path == entry_path);
  CHECK(e.message.find("\"count\"") != std::string::npos);
}

TEST_CASE("errc::unknown_key: a member the type does not describe, under unknown_keys = error") {
  const xbl::read_options options{.unknown_keys = xbl::unknown_key_policy::error};
  const auto e = read_error<Doc>(doc(R"("count": 1, "x~/y": 2)"), options);
  CHECK(e.code == xbl::errc::unknown_key);
  CHECK(e.offset == 43);
  CHECK(e.line == 3);
  CHECK(e.column == 27);
  CHECK(e.path == entry_path + "/x~0~1y");
  CHECK(e.message.find("\"x~/y\"") != std::string::npos);
}

TEST_CASE("errc::duplicate_key: a member given twice") {
  const auto e = read_error<Doc>(doc(R"("count": 1, "count": 2)"));
  CHECK(e.code == xbl::errc::duplicate_key);
  CHECK(e.offset == 43);
  CHECK(e.line == 3);
  CHECK(e.column == 27);
  CHECK(e.path == entry_path + "/count");
}

TEST_CASE("errc::depth_exceeded: nesting deeper than max_depth") {
  const xbl::read_options options{.max_depth = 3};
  const auto e = read_error<Doc>(doc(R"("count": 1, "data": [[1]])"), options);
  CHECK(e.code == xbl::errc::depth_exceeded);
  CHECK(e.offset == 51);
  CHECK(e.line == 3);
  CHECK(e.column == 35);
  CHECK(e.path == entry_path + "/data");
}

TEST_CASE("errc::unknown_enum: an enum text outside the known list, under strict_enums") {
  const xbl::read_options options{.strict_enums = true};
  const auto e = read_error<Doc>(doc(R"("count": 1, "mood": "grumpy")"), options);
  CHECK(e.code == xbl::errc::unknown_enum);
  CHECK(e.offset == 51);
  CHECK(e.line == 3);
  CHECK(e.column == 35);
  CHECK(e.path == entry_path + "/mood");
  CHECK(e.message.find("\"grumpy\"") != std::string::npos);
  // Without strict_enums the same text reads.
  CHECK(xbl::from_json<Doc>(doc(R"("count": 1, "mood": "grumpy")")).has_value());
}

TEST_CASE("errc::unknown_variant: a variant tag that names no alternative") {
  const auto e = read_error<Doc>(doc(R"("count": 1, "figure": {"side": 1, "kind": "hexagon"})"));
  CHECK(e.code == xbl::errc::unknown_variant);
  CHECK(e.offset == 73);
  CHECK(e.line == 3);
  CHECK(e.column == 57);
  CHECK(e.path == entry_path + "/figure/kind");
  CHECK(e.message.find("\"hexagon\"") != std::string::npos);
}

TEST_CASE("errc::invalid_value: a rule broken, under read_options::validate") {
  const std::string text = doc(R"("count": -5)");
  CHECK(xbl::from_json<Doc>(text).has_value());
  const auto e = read_error<Doc>(text, xbl::read_options{.validate = true});
  CHECK(e.code == xbl::errc::invalid_value);
  // The fault is in the value read, not at a place in the text.
  CHECK(e.offset == 0);
  CHECK(e.line == 0);
  CHECK(e.column == 0);
  CHECK(e.path == entry_path + "/count");
  CHECK(e.message == "must not be negative [count.non_negative]");
}

TEST_CASE("errc::not_found: a JSON Pointer given to read_at that names no value") {
  const auto r = xbl::read_at<std::int32_t>(doc(R"("count": 1)"), entry_path + "/note");
  REQUIRE_FALSE(r.has_value());
  const auto& e = r.error();
  CHECK(e.code == xbl::errc::not_found);
  // At the '}' that closes the entry, where the search ended.
  CHECK(e.offset == 41);
  CHECK(e.line == 3);
  CHECK(e.column == 25);
  CHECK(e.path == entry_path + "/note");
  CHECK(e.message == "no member \"note\" in the object at " + entry_path + " (looking for " + entry_path + "/note)");
}

TEST_CASE("errc::invalid_pointer: a JSON Pointer that breaks RFC 6901") {
  // The key written as it is, without ~1 and ~0: "~c" is no escape.
  const auto r = xbl::read_at<std::int32_t>(doc(R"("count": 1)"), "/entries/a/b~c/count");
  REQUIRE_FALSE(r.has_value());
  const auto& e = r.error();
  CHECK(e.code == xbl::errc::invalid_pointer);
  // The fault is in the pointer, not at a place in the text.
  CHECK(e.offset == 0);
  CHECK(e.line == 0);
  CHECK(e.column == 0);
  CHECK(e.path == "/entries/a/b~c/count");
  CHECK(e.message == "character 13 of the JSON Pointer is a '~' followed by 'c': the only escapes are ~0 and ~1 (RFC 6901)");
}

TEST_CASE("errc: to_string names every code") {
  using xbl::errc;
  CHECK(xbl::to_string(errc::ok) == "ok");
  CHECK(xbl::to_string(errc::syntax) == "syntax");
  CHECK(xbl::to_string(errc::unexpected_end) == "unexpected_end");
  CHECK(xbl::to_string(errc::invalid_utf8) == "invalid_utf8");
  CHECK(xbl::to_string(errc::invalid_escape) == "invalid_escape");
  CHECK(xbl::to_string(errc::invalid_number) == "invalid_number");
  CHECK(xbl::to_string(errc::number_out_of_range) == "number_out_of_range");
  CHECK(xbl::to_string(errc::type_mismatch) == "type_mismatch");
  CHECK(xbl::to_string(errc::missing_member) == "missing_member");
  CHECK(xbl::to_string(errc::unknown_key) == "unknown_key");
  CHECK(xbl::to_string(errc::duplicate_key) == "duplicate_key");
  CHECK(xbl::to_string(errc::depth_exceeded) == "depth_exceeded");
  CHECK(xbl::to_string(errc::unknown_enum) == "unknown_enum");
  CHECK(xbl::to_string(errc::unknown_variant) == "unknown_variant");
  CHECK(xbl::to_string(errc::invalid_value) == "invalid_value");
  CHECK(xbl::to_string(errc::not_found) == "not_found");
  CHECK(xbl::to_string(errc::invalid_pointer) == "invalid_pointer");
}
