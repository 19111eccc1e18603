#include "xbl_test.hpp"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

// The writer's output is fixed to the byte: keys in declaration order, minimal escaping, no
// whitespace in compact form, and one layout for pretty form.
namespace {

struct Inner {
  int n = 0;
  std::optional<std::string> s;
  bool operator==(const Inner&) const = default;
};

struct Hollow {
  std::optional<int> x;
  std::vector<int> v;
  bool operator==(const Hollow&) const = default;
};

struct Outer {
  std::string zeta;
  std::vector<int> alpha;
  std::vector<Inner> inners;
  std::map<std::string, int> map;
  std::array<int, 0> none{};
  Hollow hollow;
  std::optional<int> maybe;
  bool flag = false;
  bool operator==(const Outer&) const = default;
};

// Keys of each form the writer copies or escapes: short, the longest copied in one piece (28
// characters: `"` key `": ` is 32 bytes), one longer, one with a quote and one beyond ASCII.
struct Keys {
  int a = 1;
  int longest = 2;
  int longer = 3;
  int quote = 4;
  int accent = 5;
  bool operator==(const Keys&) const = default;
};

struct Holder {
  std::string kind;
  xbl::raw_json body;
  bool operator==(const Holder&) const = default;
};

}  // namespace

template <>
struct xbl::meta<Inner> {
  static constexpr auto fields = xbl::make_fields(xbl::field("n", &Inner::n), xbl::field("s", &Inner::s));
};

template <>
struct xbl::meta<Hollow> {
  static constexpr auto fields = xbl::make_fields(xbl::field("x", &Hollow::x), xbl::field("v", &Hollow::v));
};

template <>
struct xbl::meta<Outer> {
  static constexpr auto fields = xbl::make_fields(
      xbl::field("zeta", &Outer::zeta), xbl::field("alpha", &Outer::alpha), xbl::field("inners", &Outer::inners),
      xbl::field("map", &Outer::map), xbl::field("none", &Outer::none), xbl::field("hollow", &Outer::hollow),
      xbl::field("maybe", &Outer::maybe), xbl::field("flag", &Outer::flag));
};

template <>
struct xbl::meta<Keys> {
  static constexpr auto fields = xbl::make_fields(xbl::field("a", &Keys::a),
                                                  xbl::field("k23456789012345678901234567_", &Keys::longest),
                                                  xbl::field("k234567890123456789012345678_", &Keys::longer),
                                                  xbl::field("q\"q", &Keys::quote), xbl::field("\u00e9t\u00e9", &Keys::accent));
};

template <>
struct xbl::meta<Holder> {
  static constexpr auto fields = xbl::make_fields(xbl::field("kind", &Holder::kind), xbl::field("body", &Holder::body));
};

namespace {

Outer sample_outer() {
  Outer o;
  o.zeta = "x";
  o.alpha = {1, 2};
  o.inners = {Inner{1, "a"}, Inner{2, std::nullopt}};
  o.flag = true;
  return o;
}

xbl::write_options pretty(std::size_t indent) {
  xbl::write_options w;
  w.pretty = true;
  w.indent = indent;
  return w;
}

// Every line of `text`, to look for trailing spaces.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void check_no_trailing_spaces(const std::string& text) {
  for (const auto& line : lines_of(text)) {
    INFO(line);
    CHECK((line.empty() || line.back() != ' '));
  }
  CHECK(text.back() != '\n');
}

}  // namespace

TEST_CASE("writer: write_options default to compact with an indent of 2") {
  const xbl::write_options w;
  CHECK_FALSE(w.pretty);
  CHECK(w.indent == 2);
}

TEST_CASE("writer: keys come in declaration order and compact output has no whitespace") {
  const std::string json = xbl::to_json(sample_outer());
  CHECK(json ==
        R"({"zeta":"x","alpha":[1,2],"inners":[{"n":1,"s":"a"},{"n":2}],"map":{},"none":[],"hollow":{},"flag":true})");
  CHECK(json.find_first_of(" \n\t\r") == std::string::npos);
  const auto back = xbl::from_json<Outer>(json);
  REQUIRE(back.has_value());
  CHECK(*back == sample_outer());
}

TEST_CASE("writer: keys short, as long as one copy takes, longer, with a quote and beyond ASCII, exact bytes") {
  static_assert(std::string_view("k23456789012345678901234567_").size() == 28);
  const Keys k;
  const std::string compact = xbl::to_json(k);
  CHECK(compact == "{\"a\":1,\"k23456789012345678901234567_\":2,\"k234567890123456789012345678_\":3,\"q\\\"q\":4,"
                   "\"\u00e9t\u00e9\":5}");
  const std::string indented = xbl::to_json(k, pretty(2));
  CHECK(indented == "{\n  \"a\": 1,\n  \"k23456789012345678901234567_\": 2,\n  \"k234567890123456789012345678_\": 3,\n"
                    "  \"q\\\"q\": 4,\n  \"\u00e9t\u00e9\": 5\n}");
  for (const auto& text : {compact, indented}) {
    const auto back = xbl::from_json<Keys>(text);
    REQUIRE(back.has_value());
    CHECK(*back == k);
  }
}

TEST_CASE("writer: pretty output with indent 2, exact bytes") {
  const std::string json = xbl::to_json(sample_outer(), pretty(2));
  CHECK(json ==
        "{\n"
        "  \"zeta\": \"x\",\n"
        "  \"alpha\": [\n"
        "    1,\n"
        "    2\n"
        "  ],\n"
        "  \"inners\": [\n"
        "    {\n"
        "      \"n\": 1,\n"
        "      \"s\": \"a\"\n"
        "    },\n"
        "    {\n"
        "      \"n\": 2\n"
        "    }\n"
        "  ],\n"
        "  \"map\": {},\n"
        "  \"none\": [],\n"
        "  \"hollow\": {},\n"
        "  \"flag\": true\n"
        "}");
  check_no_trailing_spaces(json);
  const auto back = xbl::from_json<Outer>(json);
  REQUIRE(back.has_value());
  CHECK(*back == sample_outer());
}

TEST_CASE("writer: pretty output with indent 4, exact bytes") {
  Outer o = sample_outer();
  o.map = {{"k", 7}, {"j", 6}};
  o.hollow.x = 0;
  o.maybe = -3;
  const std::string json = xbl::to_json(o, pretty(4));
  CHECK(json ==
        "{\n"
        "    \"zeta\": \"x\",\n"
        "    \"alpha\": [\n"
        "        1,\n"
        "        2\n"
        "    ],\n"
        "    \"inners\": [\n"
        "        {\n"
        "            \"n\": 1,\n"
        "            \"s\": \"a\"\n"
        "        },\n"
        "        {\n"
        "            \"n\": 2\n"
        "        }\n"
        "    ],\n"
        "    \"map\": {\n"
        "        \"j\": 6,\n"
        "        \"k\": 7\n"
        "    },\n"
        "    \"none\": [],\n"
        "    \"hollow\": {\n"
        "        \"x\": 0\n"
        "    },\n"
        "    \"maybe\": -3,\n"
        "    \"flag\": true\n"
        "}");
  check_no_trailing_spaces(json);
  CHECK(xbl::to_json(o) ==
        R"({"zeta":"x","alpha":[1,2],"inners":[{"n":1,"s":"a"},{"n":2}],"map":{"j":6,"k":7},"none":[],"hollow":{"x":0},"maybe":-3,"flag":true})");
}

TEST_CASE("writer: lines indented deeper than 32 spaces, in objects and arrays, exact bytes") {
  // Depths 1 to 3 at indent 15: 15, 30 and 45 spaces, either side of one 32-byte copy; at indent 40,
  // 40 to 120, one to four copies.
  const std::vector<Outer> outers{sample_outer()};
  for (const std::size_t indent : {std::size_t{15}, std::size_t{40}}) {
    const std::string json = xbl::to_json(outers, pretty(indent));
    // Each line's indentation is the indent times the brackets open before it.
    std::istringstream lines(json);
    std::string line;
    std::size_t depth = 0, count = 0;
    while (std::getline(lines, line)) {
      ++count;
      const std::size_t first = line.find_first_not_of(' ');
      REQUIRE(first != std::string::npos);
      const bool closes = line[first] == '}' || line[first] == ']';
      CHECK(first == indent * (depth - (closes ? 1 : 0)));
      for (const char c : line.substr(first)) {
        if (c == '{' || c == '[') ++depth;
        if (c == '}' || c == ']') --depth;
      }
    }
    CHECK(depth == 0);
    CHECK(count > 10);
    CHECK(xbl::from_json<std::vector<Outer>>(json).value() == outers);
  }
}

TEST_CASE("writer: empty arrays and objects are [] and {} in both forms") {
  CHECK(xbl::to_json(std::vector<int>{}) == "[]");
  CHECK(xbl::to_json(std::vector<int>{}, pretty(2)) == "[]");
  CHECK(xbl::to_json(std::map<std::string, int>{}) == "{}");
  CHECK(xbl::to_json(std::map<std::string, int>{}, pretty(4)) == "{}");
  CHECK(xbl::to_json(Hollow{}) == "{}");
  CHECK(xbl::to_json(Hollow{}, pretty(2)) == "{}");
  CHECK(xbl::to_json(std::vector<std::vector<int>>{{}, {}}, pretty(2)) == "[\n  [],\n  []\n]");
  CHECK(xbl::to_json(std::vector<Hollow>{{}}, pretty(2)) == "[\n  {}\n]");
  CHECK(xbl::to_json(std::vector<std::optional<int>>{std::nullopt, 1}) == "[null,1]");
  CHECK(xbl::to_json(1, pretty(2)) == "1");
  CHECK(xbl::to_json(std::string("s"), pretty(2)) == "\"s\"");
}

TEST_CASE("writer: minimal escaping: quote, backslash and control characters only") {
  CHECK(xbl::to_json(std::string("a\"b\\c/d")) == R"("a\"b\\c/d")");
  CHECK(xbl::to_json(std::string("\b\f\n\r\t")) == R"("\b\f\n\r\t")");
  CHECK(xbl::to_json(std::string("\x1F")) == R"("\u001f")");
  CHECK(xbl::to_json(std::string("\x01\x0B\x0E")) == R"("\u0001\u000b\u000e")");
  CHECK(xbl::to_json(std::string(1, '\0')) == R"("\u0000")");
  // DEL and non-ASCII UTF-8 pass through unescaped.
  CHECK(xbl::to_json(std::string("\x7F")) == "\"\x7F\"");
  const std::string unicode = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF\xE2\x80\xA8";
  CHECK(xbl::to_json(unicode) == "\"" + unicode + "\"");
  // Keys are escaped the same way.
  CHECK(xbl::to_json(std::map<std::string, int>{{"a\"\n\x01", 1}}) == R"({"a\"\n\u0001":1})");
}

TEST_CASE("writer: every control character has its one escape, wherever it stands in a long string") {
  const char* const expected[32] = {
      "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
      "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",     "\\u000e", "\\u000f",
      "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
      "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
  };
  for (int c = 0; c < 32; ++c) {
    // Positions across two eight-byte words, so both the word-at-a-time path and the byte path meet it.
    for (std::size_t at = 0; at < 20; ++at) {
      std::string s = "abcdefghijklmnopqrst";
      s[at] = static_cast<char>(c);
      const std::string want = "\"" + s.substr(0, at) + expected[c] + s.substr(at + 1) + "\"";
      INFO("char " << c << " at " << at);
      CHECK(xbl::to_json(s) == want);
      const auto back = xbl::from_json<std::string>(want);
      REQUIRE(back.has_value());
      CHECK(*back == s);
    }
  }
  for (std::size_t at = 0; at < 20; ++at) {
    std::string s = "abcdefghijklmnopqrst";
    s[at] = '"';
    CHECK(xbl::to_json(s) == "\"" + s.substr(0, at) + "\\\"" + s.substr(at + 1) + "\"");
    s[at] = '\\';
    CHECK(xbl::to_json(s) == "\"" + s.substr(0, at) + "\\\\" + s.substr(at + 1) + "\"");
    s[at] = '\x7F';
    CHECK(xbl::to_json(s) == "\"" + s + "\"");
  }
}

TEST_CASE("writer: strings of every length up to 40, with a byte to escape at each place or none") {
  // Short strings end in loads that overlap bytes already passed; the escape must still be found
  // at its own place, and a plain string copied whole.
  for (std::size_t length = 0; length <= 40; ++length) {
    std::string plain;  // ASCII and é (two bytes), which pass through as they are
    while (plain.size() < length) plain += plain.size() % 3 == 0 && plain.size() + 2 <= length ? "\xC3\xA9" : "q";
    INFO("length " << length);
    CHECK(xbl::to_json(plain) == "\"" + plain + "\"");
    for (std::size_t at = 0; at < length; ++at) {
      for (const char c : {'"', '\\', '\n', '\x01'}) {
        std::string s(length, 'x');
        s[at] = c;
        const std::string escaped = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : "\\u0001";
        INFO("byte " << int(c) << " at " << at);
        CHECK(xbl::to_json(s) == "\"" + s.substr(0, at) + escaped + s.substr(at + 1) + "\"");
      }
    }
  }
}

TEST_CASE("writer: numbers are written exactly") {
  CHECK(xbl::to_json(std::int8_t{-128}) == "-128");
  CHECK(xbl::to_json(std::uint8_t{255}) == "255");
  CHECK(xbl::to_json(std::uint64_t{18446744073709551615u}) == "18446744073709551615");
  CHECK(xbl::to_json(std::int64_t{-9223372036854775807 - 1}) == "-9223372036854775808");
  CHECK(xbl::to_json(0.1) == "0.1");
  CHECK(xbl::to_json(-0.0) == "-0");
  CHECK(xbl::to_json(1e21) == "1e+21");
  CHECK(xbl::to_json(123456.789) == "123456.789");
  CHECK(xbl::to_json(1.5f) == "1.5");
}

TEST_CASE("writer: raw_json is re-laid in the writer's layout, strings untouched") {
  const auto body = xbl::from_json<xbl::raw_json>("{ \"a\" : [ 1 , { } , [ ] ],\n \"s\" : \"x, y: [z] {w} \\\" \" }");
  REQUIRE(body.has_value());
  Holder h{"k", *body};
  CHECK(xbl::to_json(h) == R"({"kind":"k","body":{"a":[1,{},[]],"s":"x, y: [z] {w} \" "}})");
  const std::string json = xbl::to_json(h, pretty(2));
  CHECK(json ==
        "{\n"
        "  \"kind\": \"k\",\n"
        "  \"body\": {\n"
        "    \"a\": [\n"
        "      1,\n"
        "      {},\n"
        "      []\n"
        "    ],\n"
        "    \"s\": \"x, y: [z] {w} \\\" \"\n"
        "  }\n"
        "}");
  check_no_trailing_spaces(json);
  CHECK(xbl::to_json(*body, pretty(2)) ==
        "{\n  \"a\": [\n    1,\n    {},\n    []\n  ],\n  \"s\": \"x, y: [z] {w} \\\" \"\n}");
  CHECK(xbl::to_json(xbl::raw_json{}) == "null");
  CHECK(xbl::to_json(Holder{"k", {}}) == R"({"kind":"k","body":null})");
}

// ---- long texts: longer than the thread's buffer, written on into the result ----------------------

namespace {

// A value whose write calls to_json for another value while the outer write still holds the
// thread's buffer: the inner one writes into a buffer of its own.
struct Nested {
  std::vector<int> numbers;
  bool operator==(const Nested&) const = default;
};

// JSON text of a string as the writer is specified to make it, built the slow way.
std::string quoted_json(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (u < 0x20) out += fmt::format("\\u{:04x}", u);
    else out += c;
  }
  return out + "\"";
}

}  // namespace

template <>
struct xbl::detail::codec<Nested> {
  static bool read(scanner&, Nested&) { return false; }
  static void write(writer& w, const Nested& v) { w.string(xbl::to_json(v.numbers)); }
};

TEST_CASE("writer: texts many chunks long are exact, whether the thread's last one was longer or shorter") {
  const std::size_t chunk = xbl::detail::writer::chunk_bytes;
  // Lengths that put pieces across the chunk boundaries, and escapes on both sides of them.
  for (const std::size_t count : {std::size_t{40000}, std::size_t{3000}, std::size_t{90000}, std::size_t{90000}}) {
    std::vector<std::string> values;
    std::string expected = "[";
    for (std::size_t i = 0; i < count; ++i) {
      std::string v(i % 61, static_cast<char>('a' + i % 26));
      if (i % 7 == 0) v += "\"\n\\";
      if (i % 11 == 0) v += "\xE6\x97\xA5";
      if (i) expected += ',';
      expected += quoted_json(v);
      values.push_back(std::move(v));
    }
    expected += ']';
    INFO(count << " strings, " << expected.size() << " bytes");
    REQUIRE(expected.size() > 2 * chunk * (count > 10000));
    CHECK(xbl::to_json(values) == expected);
  }
}

TEST_CASE("writer: a long text after a much longer one is given room for itself, not for the other") {
  const std::size_t limit = xbl::detail::writer::first_room_limit;
  auto strings = [](std::size_t bytes) {
    std::vector<std::string> v(bytes / 64, std::string(61, 'q'));  // 64 bytes each, with quotes and comma
    std::string expected = "[";
    for (std::size_t i = 0; i < v.size(); ++i) expected += (i ? ",\"" : "\"") + v[i] + "\"";
    return std::pair{v, expected + "]"};
  };
  const auto [huge, huge_text] = strings(3 * limit);
  const auto [small, small_text] = strings(xbl::detail::writer::chunk_bytes * 2);
  CHECK(xbl::to_json(huge) == huge_text);
  const std::string after = xbl::to_json(small);
  CHECK(after == small_text);
  CHECK(after.capacity() <= small_text.size() + limit + xbl::detail::writer::chunk_bytes);
  CHECK(xbl::to_json(huge) == huge_text);  // and the long one again, from the short one's room
}

TEST_CASE("writer: a single string longer than a chunk, with escapes at its ends") {
  const std::size_t chunk = xbl::detail::writer::chunk_bytes;
  for (const std::size_t length : {chunk - 1, chunk, chunk + 1, 3 * chunk + 5}) {
    std::string s = "\n" + std::string(length, 'x') + "\"";
    const std::vector<std::string> around{"before", s, "after"};
    CHECK(xbl::to_json(around) == "[\"before\"," + quoted_json(s) + ",\"after\"]");
  }
}

TEST_CASE("writer: a write made inside another write, short and long") {
  Nested small{{1, 2, 3}};
  CHECK(xbl::to_json(small) == "\"[1,2,3]\"");
  Nested large;
  std::string inner = "[";
  for (int i = 0; i < 30000; ++i) {
    large.numbers.push_back(i);
    inner += (i ? "," : "") + std::to_string(i);
  }
  inner += ']';
  const std::vector<Nested> both{small, large, small};
  CHECK(xbl::to_json(both) == "[\"[1,2,3]\"," + quoted_json(inner) + ",\"[1,2,3]\"]");
}
