#include "xbl_test.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The reader is RFC 8259 (and RFC 3629 for the bytes) by default: every malformed text fails, with
// the first fault met reading front to back.
namespace {

struct Item {
  int id = 0;
  std::optional<std::string> title;
  bool operator==(const Item&) const = default;
};

struct Pair {
  Item first;
  Item second;
  bool operator==(const Pair&) const = default;
};

struct Kept {
  int id = 0;
  xbl::extras extras;
  bool operator==(const Kept&) const = default;
};

}  // namespace

template <>
struct xbl::meta<Item> {
  static constexpr auto fields = xbl::make_fields(xbl::field("id", &Item::id), xbl::field("title", &Item::title));
};

template <>
struct xbl::meta<Pair> {
  static constexpr auto fields = xbl::make_fields(xbl::field("first", &Pair::first), xbl::field("second", &Pair::second));
};

template <>
struct xbl::meta<Kept> {
  static constexpr auto fields = xbl::make_fields(xbl::field("id", &Kept::id));
  static constexpr auto extras = &Kept::extras;
};

namespace {

// A string value made of `before`, the bytes under test, and `after`, in quotes.
std::string quoted_bytes(std::string_view bytes) { return "\"ab" + std::string(bytes) + "cd\""; }

// Checks that `bytes` inside a string fails with invalid_utf8 at the first of them, read as a
// std::string, as raw_json, as a key, and as a skipped member.
void check_invalid_utf8(std::string_view bytes) {
  INFO("bytes: " << bytes.size());
  const std::string text = quoted_bytes(bytes);
  const auto as_string = read_error<std::string>(text);
  CHECK(as_string.code == xbl::errc::invalid_utf8);
  CHECK(as_string.offset == 3);
  CHECK(as_string.column == 4);
  CHECK_FALSE(as_string.message.empty());

  const auto as_raw = read_error<xbl::raw_json>("[" + text + "]");
  CHECK(as_raw.code == xbl::errc::invalid_utf8);
  CHECK(as_raw.offset == 4);
  CHECK(as_raw.path == "/0");

  const auto as_key = read_error<std::map<std::string, int>>("{" + text + ":1}");
  CHECK(as_key.code == xbl::errc::invalid_utf8);
  CHECK(as_key.offset == 4);

  const auto skipped = read_error<Item>("{\"id\":1,\"extra\":[" + text + "]}");
  CHECK(skipped.code == xbl::errc::invalid_utf8);
  CHECK(skipped.offset == 20);
  CHECK(skipped.path == "/extra/0");
}

}  // namespace

TEST_CASE("strict: well-formed UTF-8 of every length is accepted, boundaries included") {
  const char* valid[] = {
      "\xC2\x80",          // U+0080, the smallest two-byte form
      "\xDF\xBF",          // U+07FF
      "\xE0\xA0\x80",      // U+0800, the smallest three-byte form
      "\xED\x9F\xBF",      // U+D7FF, just below the surrogates
      "\xEE\x80\x80",      // U+E000, just above them
      "\xEF\xBF\xBF",      // U+FFFF
      "\xF0\x90\x80\x80",  // U+10000, the smallest four-byte form
      "\xF4\x8F\xBF\xBF",  // U+10FFFF, the last code point
      "\x7F",              // DEL is not a control character for JSON
  };
  for (const char* bytes : valid) {
    const std::string text = quoted_bytes(bytes);
    const auto r = xbl::from_json<std::string>(text);
    REQUIRE(r.has_value());
    CHECK(*r == "ab" + std::string(bytes) + "cd");
  }
}

TEST_CASE("strict: a stray continuation byte is invalid_utf8") {
  check_invalid_utf8("\x80");
  check_invalid_utf8("\xBF");
}

TEST_CASE("strict: overlong encodings are invalid_utf8") {
  check_invalid_utf8("\xC0\xAF");
  check_invalid_utf8("\xC1\xBF");
  check_invalid_utf8("\xE0\x80\xAF");
  check_invalid_utf8("\xE0\x9F\xBF");
  check_invalid_utf8("\xF0\x80\x80\xAF");
  check_invalid_utf8("\xF0\x8F\xBF\xBF");
}

TEST_CASE("strict: a UTF-8-encoded surrogate is invalid_utf8") {
  check_invalid_utf8("\xED\xA0\x80");
  check_invalid_utf8("\xED\xBF\xBF");
}

TEST_CASE("strict: code points past U+10FFFF and bytes F5..FF are invalid_utf8") {
  check_invalid_utf8("\xF4\x90\x80\x80");
  check_invalid_utf8("\xF5\x80\x80\x80");
  check_invalid_utf8("\xF7\xBF\xBF\xBF");
  check_invalid_utf8("\xF8\x88\x80\x80\x80");
  check_invalid_utf8("\xFE");
  check_invalid_utf8("\xFF");
}

TEST_CASE("strict: a truncated UTF-8 sequence is invalid_utf8, unless the text ends there") {
  check_invalid_utf8("\xC3");
  check_invalid_utf8("\xE2\x82");
  check_invalid_utf8("\xF0\x9F\x98");
  // A lead byte followed by a non-continuation byte.
  check_invalid_utf8("\xC3" "A");
  // The text ends inside the sequence: it was cut short, which is not the same fault.
  const auto e = read_error<std::string>("\"\xF0\x9F");
  CHECK(e.code == xbl::errc::unexpected_end);
  CHECK(e.offset == 3);
}

TEST_CASE("strict: an unpaired surrogate escape is invalid_escape wherever it is read") {
  struct probe {
    std::string_view text;
    std::size_t offset;
  };
  const probe probes[] = {
      {R"("\uD800")", 1},        // lone high surrogate, the last thing in the text
      {R"("\uDBFFx")", 1},       // lone high surrogate followed by a character
      {R"("\uDC00")", 1},        // lone low surrogate
      {R"("\uDFFF\uDFFF")", 1},  // two low surrogates
      {R"("\uDC00\uD800")", 1},  // misordered pair
      {R"("ab\uD800\u0041")", 3},
      {R"("ab\uD800\uD800")", 3},
      {R"("ab\uD800\n")", 3},
  };
  for (const auto& p : probes) {
    INFO(p.text);
    const auto s = read_error<std::string>(p.text);
    CHECK(s.code == xbl::errc::invalid_escape);
    CHECK(s.offset == p.offset);

    const auto raw = read_error<xbl::raw_json>("[" + std::string(p.text) + "]");
    CHECK(raw.code == xbl::errc::invalid_escape);
    CHECK(raw.offset == p.offset + 1);

    const auto key = read_error<std::map<std::string, int>>("{" + std::string(p.text) + ":1}");
    CHECK(key.code == xbl::errc::invalid_escape);
    CHECK(key.offset == p.offset + 1);

    const auto skipped = read_error<Item>(R"({"id":1,"x":)" + std::string(p.text) + "}");
    CHECK(skipped.code == xbl::errc::invalid_escape);
    CHECK(skipped.offset == p.offset + 12);
    CHECK(skipped.path == "/x");
  }
  const auto pair = xbl::from_json<std::string>(R"("\uD83D\uDE00\uDBFF\uDFFF")");
  REQUIRE(pair.has_value());
  CHECK(*pair == "\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");

  // A high surrogate whose escape is cut short by the end of the text.
  const auto cut = read_error<std::string>(R"("\uD800\)");
  CHECK(cut.code == xbl::errc::unexpected_end);
  CHECK(cut.offset == 8);
}

TEST_CASE("strict: a control character raw in a string is errc::syntax") {
  for (const char c : {'\x01', '\x1F', '\t', '\n', '\0'}) {
    INFO(static_cast<int>(c));
    std::string text = "\"ab";
    text += c;
    text += "\"";
    const auto e = read_error<std::string>(text);
    CHECK(e.code == xbl::errc::syntax);
    CHECK(e.offset == 3);
    CHECK(e.message.find("control character") != std::string::npos);
    CHECK(read_error<xbl::raw_json>(text).code == xbl::errc::syntax);
  }
  // Escaped, they are fine.
  CHECK(xbl::from_json<std::string>(R"("\u0001\u001f\t")").value() == "\x01\x1F\t");
}

TEST_CASE("strict: numbers outside the RFC 8259 grammar are invalid_number") {
  struct probe {
    std::string_view text;
    xbl::errc code;
  };
  const probe probes[] = {
      {"01", xbl::errc::invalid_number},   {"-01", xbl::errc::invalid_number},
      {"00", xbl::errc::invalid_number},   {"+1", xbl::errc::invalid_number},
      {".5", xbl::errc::invalid_number},   {"1.", xbl::errc::invalid_number},
      {"1.e5", xbl::errc::invalid_number}, {"1e", xbl::errc::invalid_number},
      {"1e+", xbl::errc::invalid_number},  {"1E-", xbl::errc::invalid_number},
      {"-", xbl::errc::invalid_number},    {"-.5", xbl::errc::invalid_number},
      {"-Infinity", xbl::errc::invalid_number},
      // Not the start of any JSON value.
      {"NaN", xbl::errc::syntax},          {"Infinity", xbl::errc::syntax},
      {"nan", xbl::errc::syntax},
  };
  for (const auto& p : probes) {
    INFO(p.text);
    // Alone, a number the text cuts before its grammar is done ("1.", "1e+", "-") is a text that
    // ended too soon; followed by anything, it is a malformed number.
    const auto d = read_error<double>(p.text);
    const bool cut = p.code == xbl::errc::invalid_number && std::string_view("-.eE+").find(p.text.back()) != std::string_view::npos;
    CHECK(d.code == (cut ? xbl::errc::unexpected_end : p.code));
    CHECK(d.offset == (cut ? p.text.size() : 0));
    CHECK_FALSE(d.message.empty());
    CHECK(read_error<xbl::raw_json>(p.text).code == d.code);
    const auto in_array = read_error<xbl::raw_json>("[1, " + std::string(p.text) + "]");
    CHECK(in_array.code == p.code);
    CHECK(in_array.offset == 4);
    CHECK(in_array.path == "/1");
  }
  // A number ends where the grammar stops it: what follows is judged as what follows a value.
  const auto hex = read_error<double>("0x10");
  CHECK(hex.code == xbl::errc::syntax);
  CHECK(hex.offset == 1);
  const auto hex_in_array = read_error<xbl::raw_json>("[1, 0x10]");
  CHECK(hex_in_array.code == xbl::errc::syntax);
  CHECK(hex_in_array.offset == 5);
  CHECK(read_error<int>("01").code == xbl::errc::invalid_number);
  CHECK(read_error<int>("+1").code == xbl::errc::invalid_number);
  CHECK(read_error<double>("-x").message.find("NaN and Infinity are not JSON") != std::string::npos);
}

TEST_CASE("strict: trailing garbage after the value is errc::syntax") {
  const auto e = read_error<xbl::raw_json>("{} x");
  CHECK(e.code == xbl::errc::syntax);
  CHECK(e.offset == 3);
  CHECK(e.line == 1);
  CHECK(e.column == 4);
  CHECK(e.path.empty());
  CHECK(read_error<Item>("{\"id\":1}\n}").offset == 9);
  CHECK(read_error<int>("1 2").offset == 2);
  CHECK(read_error<xbl::raw_json>("[]]").offset == 2);
  CHECK(read_error<xbl::raw_json>("null null").code == xbl::errc::syntax);
  // Trailing whitespace is not garbage.
  CHECK(xbl::from_json<xbl::raw_json>("{} \r\n\t ").has_value());
}

TEST_CASE("strict: an empty or whitespace-only text is unexpected_end") {
  const auto empty = read_error<xbl::raw_json>("");
  CHECK(empty.code == xbl::errc::unexpected_end);
  CHECK(empty.offset == 0);
  CHECK(empty.line == 1);
  CHECK(empty.column == 1);
  CHECK_FALSE(empty.message.empty());

  const auto blank = read_error<Item>(" \n\t ");
  CHECK(blank.code == xbl::errc::unexpected_end);
  CHECK(blank.offset == 4);
  CHECK(blank.line == 2);
  CHECK(blank.column == 3);

  CHECK(read_error<int>("").code == xbl::errc::unexpected_end);
  CHECK(read_error<std::string>("\r\n").code == xbl::errc::unexpected_end);
}

TEST_CASE("strict: a backslash escape JSON does not define is invalid_escape") {
  for (std::string_view text : {R"("\x41")", R"("\a")", R"("\U0041")", R"("\')", R"("\u00G0")", R"("\u12")", R"("\ ")"}) {
    INFO(text);
    const auto e = read_error<std::string>(text);
    CHECK(e.code == xbl::errc::invalid_escape);
    CHECK(e.offset == 1);
    CHECK(read_error<xbl::raw_json>(text).code == xbl::errc::invalid_escape);
  }
  const auto later = read_error<std::string>(R"("ok\n\q")");
  CHECK(later.code == xbl::errc::invalid_escape);
  CHECK(later.offset == 5);
  CHECK(later.message.find("'q'") != std::string::npos);
}

TEST_CASE("strict: every proper prefix of a valid text is unexpected_end at its end") {
  const std::string text = R"({"id": 12, "title": "x\u00e9\"y", "more": [true, false, null, {"k": []}]})";
  REQUIRE(xbl::from_json<Item>(text).has_value());
  REQUIRE(xbl::from_json<xbl::raw_json>(text).has_value());
  for (std::size_t n = 0; n < text.size(); ++n) {
    const std::string_view prefix(text.data(), n);
    INFO("prefix: " << prefix);
    const auto raw = read_error<xbl::raw_json>(prefix);
    CHECK(raw.code == xbl::errc::unexpected_end);
    CHECK(raw.offset == n);
    const auto item = read_error<Item>(prefix);
    CHECK(item.code == xbl::errc::unexpected_end);
    CHECK(item.offset == n);
  }
}

TEST_CASE("strict: a skipped unknown member is validated as strictly as a read one") {
  const auto utf8 = read_error<Item>("{\"id\":1,\"note\":{\"a\":[\"\xC0\x80\"]}}");
  CHECK(utf8.code == xbl::errc::invalid_utf8);
  CHECK(utf8.offset == 22);
  CHECK(utf8.path == "/note/a/0");

  const auto number = read_error<Item>(R"({"note":[1,2,03],"id":1})");
  CHECK(number.code == xbl::errc::invalid_number);
  CHECK(number.offset == 13);
  CHECK(number.path == "/note/2");

  const auto control = read_error<Item>("{\"note\":\"a\x01\",\"id\":1}");
  CHECK(control.code == xbl::errc::syntax);
  CHECK(control.offset == 10);

  const auto trailing = read_error<Item>(R"({"note":[1,],"id":1})");
  CHECK(trailing.code == xbl::errc::syntax);
  CHECK(trailing.offset == 10);

  const auto literal = read_error<Item>(R"({"note":True,"id":1})");
  CHECK(literal.code == xbl::errc::syntax);
  CHECK(literal.offset == 8);

  // Well-formed unknown members are dropped.
  const auto ok = xbl::from_json<Item>(R"({"note":{"a":[1,-2.5e3,"\u00e9",null]},"id":4,"z":true})");
  REQUIRE(ok.has_value());
  CHECK(*ok == Item{4, std::nullopt});
}

TEST_CASE("strict: a repeated key in a struct is duplicate_key") {
  const auto known = read_error<Item>(R"({"id":1,"title":"a","id":2})");
  CHECK(known.code == xbl::errc::duplicate_key);
  CHECK(known.offset == 20);
  CHECK(known.path == "/id");
  CHECK(known.message.find("\"id\"") != std::string::npos);

  // The same key once plain and once spelled with a \u escape.
  const auto escaped = read_error<Item>(R"({"id":1,"\u0069d":2})");
  CHECK(escaped.code == xbl::errc::duplicate_key);
  CHECK(escaped.offset == 8);
  CHECK(escaped.path == "/id");

  // A repeated unknown key, skipped and kept.
  const std::string unknown = R"({"id":1,"zz":1,"zz":[2]})";
  const auto skipped = read_error<Item>(unknown);
  CHECK(skipped.code == xbl::errc::duplicate_key);
  CHECK(skipped.offset == 15);
  CHECK(skipped.path == "/zz");

  xbl::read_options keep;
  keep.unknown_keys = xbl::unknown_key_policy::keep;
  const auto kept = read_error<Kept>(unknown, keep);
  CHECK(kept.code == xbl::errc::duplicate_key);
  CHECK(kept.offset == 15);
  CHECK(kept.path == "/zz");

  const auto kept_escaped = read_error<Kept>(R"({"z\"":1,"id":1,"z\u0022":2})", keep);
  CHECK(kept_escaped.code == xbl::errc::duplicate_key);
  CHECK(kept_escaped.offset == 16);
  CHECK(kept_escaped.path == "/z\"");

  // Nested: the path leads to the object holding the repeat.
  const auto nested = read_error<Pair>(R"({"first":{"id":1},"second":{"id":2,"id":3}})");
  CHECK(nested.code == xbl::errc::duplicate_key);
  CHECK(nested.offset == 35);
  CHECK(nested.path == "/second/id");
}

TEST_CASE("strict: the first fault front to back is the one reported") {
  // A missing member in the first element, invalid UTF-8 in the second.
  const auto missing_first = read_error<std::vector<Item>>("[{\"title\":\"a\"},{\"id\":1,\"title\":\"\xFF\"}]");
  CHECK(missing_first.code == xbl::errc::missing_member);
  CHECK(missing_first.offset == 13);
  CHECK(missing_first.path == "/0");

  // Invalid UTF-8 in the first element, a missing member in the second.
  const auto utf8_first = read_error<std::vector<Item>>("[{\"id\":1,\"title\":\"\xFF\"},{\"title\":\"a\"}]");
  CHECK(utf8_first.code == xbl::errc::invalid_utf8);
  CHECK(utf8_first.offset == 18);
  CHECK(utf8_first.path == "/0/title");

  // A string where a number belongs comes before the bad byte inside it.
  const auto kind_first = read_error<Item>("{\"id\":\"\xFF\"}");
  CHECK(kind_first.code == xbl::errc::type_mismatch);
  CHECK(kind_first.offset == 6);

  // A bad escape in a key comes before a repeated key later on.
  const auto escape_first = read_error<Item>(R"({"id":1,"a\q":1,"id":2})");
  CHECK(escape_first.code == xbl::errc::invalid_escape);
  CHECK(escape_first.offset == 10);

  // An out-of-range number comes before trailing garbage.
  const auto range_first = read_error<Item>(R"({"id":99999999999} x)");
  CHECK(range_first.code == xbl::errc::number_out_of_range);
  CHECK(range_first.offset == 6);
}

TEST_CASE("strict: a missing required member is reported at its object's closing brace") {
  const std::string top = "{\"title\":\"t\"\n}";
  const auto e = read_error<Item>(top);
  CHECK(e.code == xbl::errc::missing_member);
  CHECK(e.offset == 13);
  CHECK(e.line == 2);
  CHECK(e.column == 1);
  CHECK(e.path.empty());
  CHECK(e.message.find("\"id\"") != std::string::npos);

  const std::string nested = R"({"first":{"id":1},"second":{"title":"x"}})";
  const auto n = read_error<Pair>(nested);
  CHECK(n.code == xbl::errc::missing_member);
  CHECK(n.offset == nested.size() - 2);
  CHECK(n.path == "/second");
  CHECK(n.message.find("\"id\"") != std::string::npos);

  const auto whole = read_error<Pair>(R"({"first":{"id":1}})");
  CHECK(whole.code == xbl::errc::missing_member);
  CHECK(whole.offset == 17);
  CHECK(whole.path.empty());
  CHECK(whole.message.find("\"second\"") != std::string::npos);

  CHECK(read_error<Item>("{}").offset == 1);
}

TEST_CASE("strict: a million nested arrays read as raw_json fail with depth_exceeded, no crash") {
  const std::string deep(1'000'000, '[');
  const auto e = read_error<xbl::raw_json>(deep);
  CHECK(e.code == xbl::errc::depth_exceeded);
  CHECK(e.offset == 64);
  CHECK(e.column == 65);
  std::string path;
  for (int i = 0; i < 64; ++i) path += "/0";
  CHECK(e.path == path);
  CHECK(e.message.find("64") != std::string::npos);

  const std::string objects = [] {
    std::string s;
    for (int i = 0; i < 100'000; ++i) s += "{\"a\":";
    return s;
  }();
  CHECK(read_error<xbl::raw_json>(objects).code == xbl::errc::depth_exceeded);
}

TEST_CASE("strict: depth 64 passes and 65 fails with the default max_depth") {
  auto nest = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  CHECK(xbl::read_options{}.max_depth == 64);
  CHECK(xbl::from_json<xbl::raw_json>(nest(64)).has_value());
  const auto e = read_error<xbl::raw_json>(nest(65));
  CHECK(e.code == xbl::errc::depth_exceeded);
  CHECK(e.offset == 64);

  auto nest_objects = [](std::size_t depth) {
    std::string s;
    for (std::size_t i = 0; i < depth; ++i) s += "{\"k\":";
    s += "1";
    s += std::string(depth, '}');
    return s;
  };
  CHECK(xbl::from_json<xbl::raw_json>(nest_objects(64)).has_value());
  const auto o = read_error<xbl::raw_json>(nest_objects(65));
  CHECK(o.code == xbl::errc::depth_exceeded);
  CHECK(o.offset == 64 * 5);
}

TEST_CASE("strict: a custom max_depth is honoured") {
  const xbl::read_options three{.max_depth = 3};
  CHECK(xbl::from_json<xbl::raw_json>("[[[1]]]", three).has_value());
  CHECK(xbl::from_json<std::vector<std::vector<std::vector<int>>>>("[[[1]]]", three).has_value());
  const auto e = read_error<xbl::raw_json>("[[[[1]]]]", three);
  CHECK(e.code == xbl::errc::depth_exceeded);
  CHECK(e.offset == 3);
  CHECK(e.path == "/0/0/0");
  CHECK(e.message.find("3 levels") != std::string::npos);

  // Objects count as levels the same way: Pair > Item is two.
  const xbl::read_options one{.max_depth = 1};
  const auto s = read_error<Pair>(R"({"first":{"id":1},"second":{"id":2}})", one);
  CHECK(s.code == xbl::errc::depth_exceeded);
  CHECK(s.offset == 9);
  CHECK(s.path == "/first");
  const xbl::read_options two{.max_depth = 2};
  CHECK(xbl::from_json<Pair>(R"({"first":{"id":1},"second":{"id":2}})", two).has_value());

  const xbl::read_options deeper{.max_depth = 200};
  CHECK(xbl::from_json<xbl::raw_json>(std::string(200, '[') + std::string(200, ']'), deeper).has_value());
  CHECK(read_error<xbl::raw_json>(std::string(201, '[') + std::string(201, ']'), deeper).offset == 200);

  // Past xbl::max_depth_ceiling, the ceiling holds.
  const xbl::read_options beyond{.max_depth = 1000};
  CHECK(xbl::from_json<xbl::raw_json>(std::string(256, '[') + std::string(256, ']'), beyond).has_value());
  CHECK(read_error<xbl::raw_json>(std::string(257, '[') + std::string(257, ']'), beyond).offset == 256);
}

TEST_CASE("strict: a misspelt true, false or null is a syntax error whatever the target") {
  const auto as_int = read_error<int>("trux");
  CHECK(as_int.code == xbl::errc::syntax);
  CHECK(as_int.offset == 0);
  CHECK(as_int.message.find("'true'") != std::string::npos);
  CHECK(read_error<std::string>("nan").code == xbl::errc::syntax);
  CHECK(read_error<Item>("fals").code == xbl::errc::unexpected_end);
  const auto member = read_error<Item>(R"({"id":nil})");
  CHECK(member.code == xbl::errc::syntax);
  CHECK(member.offset == 6);
  CHECK(member.path == "/id");
  // Spelled out in full, the word is a value of the wrong kind.
  const auto kind = read_error<Item>(R"({"id":null})");
  CHECK(kind.code == xbl::errc::type_mismatch);
  CHECK(kind.message.find("found null") != std::string::npos);
  CHECK(read_error<std::string>("false").code == xbl::errc::type_mismatch);
}

TEST_CASE("strict: a value passed over is checked exactly as a value read, whichever way it is passed over") {
  // detail::skip passes over a value in one loop and, on a fault, again with skip_value for the
  // error's path: the two must agree on every text, to the byte where they stop and the error.
  const std::string base =
      R"({"a":[1,-2.5e3,true,false,null,"s\u00e9",{"b":{}},[]],"c":{"d":[[{"e":"\"x\\"}]],"f":0},"g":"end"})";
  std::vector<std::string> texts{base, "[]", "{}", "7", R"("x")", "", " "};
  for (std::size_t i = 0; i < base.size(); ++i)
    for (const char c : std::string_view("}],:\"x\\ 1{[/")) {
      std::string t = base;
      t[i] = c;
      texts.push_back(t);
      texts.push_back(base.substr(0, i));  // cut short
    }
  for (const auto& options : {xbl::read_options{}, xbl::read_options::lenient(), xbl::read_options{.max_depth = 3}}) {
    for (const auto& t : texts) {
      INFO("text: " << t);
      xbl::detail::scanner fast(t, options), slow(t, options);
      if (!xbl::detail::begin_document(fast)) continue;
      REQUIRE(xbl::detail::begin_document(slow));
      xbl::detail::null_sink sink;
      const bool a = xbl::detail::skip(fast);
      const bool b = xbl::detail::skip_value(slow, sink);
      CHECK(a == b);
      CHECK(fast.p == slow.p);
      CHECK(fast.depth == slow.depth);
      if (!a && !b) CHECK(fast.take_error() == slow.take_error());
    }
  }
}
