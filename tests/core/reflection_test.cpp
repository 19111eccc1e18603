#include "xbl_test.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A user's own types, described with xbl::meta exactly as the library describes its models.
namespace {

enum class Color { red, green, blue };
enum class Shade { light, dark };

}  // namespace

// An enumeration is described before open_enum<E> names it.
template <>
struct xbl::meta<Color> {
  static constexpr auto values = xbl::make_enum(xbl::name(Color::red, "red", "crimson", "scarlet"),
                                                xbl::name(Color::green, "green"), xbl::name(Color::blue, "blue"));
};

template <>
struct xbl::meta<Shade> {
  static constexpr bool ignore_case = true;
  static constexpr auto values = xbl::make_enum(xbl::name(Shade::light, "light", "pale"), xbl::name(Shade::dark, "dark"));
};

namespace {

struct Point {
  int x = 0;
  std::optional<std::string> label;
  bool operator==(const Point&) const = default;
};

struct Widths {
  std::int8_t i8 = 0;
  std::int16_t i16 = 0;
  std::int32_t i32 = 0;
  std::int64_t i64 = 0;
  std::uint8_t u8 = 0;
  std::uint16_t u16 = 0;
  std::uint32_t u32 = 0;
  std::uint64_t u64 = 0;
  bool operator==(const Widths&) const = default;
};

struct Shape {
  std::string name;
  bool closed = false;
  double area = 0;
  float weight = 0;
  std::optional<std::string> note;
  std::vector<Point> points;
  std::array<int, 3> rgb{};
  std::map<std::string, int> tags;
  Point origin;
  xbl::open_enum<Color> color;
  xbl::raw_json payload;
  bool operator==(const Shape&) const = default;
};

struct Paint {
  xbl::open_enum<Color> color;
  std::optional<xbl::open_enum<Shade>> shade;
  bool operator==(const Paint&) const = default;
};

struct Envelope {
  std::string kind;
  xbl::raw_json body;
  bool operator==(const Envelope&) const = default;
};

}  // namespace

template <>
struct xbl::meta<Point> {
  static constexpr auto fields = xbl::make_fields(xbl::field("x", &Point::x), xbl::field("label", &Point::label));
};

template <>
struct xbl::meta<Widths> {
  static constexpr auto fields = xbl::make_fields(
      xbl::field("i8", &Widths::i8), xbl::field("i16", &Widths::i16), xbl::field("i32", &Widths::i32),
      xbl::field("i64", &Widths::i64), xbl::field("u8", &Widths::u8), xbl::field("u16", &Widths::u16),
      xbl::field("u32", &Widths::u32), xbl::field("u64", &Widths::u64));
};

template <>
struct xbl::meta<Shape> {
  static constexpr auto fields = xbl::make_fields(
      xbl::field("name", &Shape::name), xbl::field("closed", &Shape::closed), xbl::field("area", &Shape::area),
      xbl::field("weight", &Shape::weight), xbl::field("note", &Shape::note), xbl::field("points", &Shape::points),
      xbl::field("rgb", &Shape::rgb), xbl::field("tags", &Shape::tags), xbl::field("origin", &Shape::origin),
      xbl::field("color", &Shape::color), xbl::field("payload", &Shape::payload));
};

template <>
struct xbl::meta<Paint> {
  static constexpr auto fields = xbl::make_fields(xbl::field("color", &Paint::color), xbl::field("shade", &Paint::shade));
};

template <>
struct xbl::meta<Envelope> {
  static constexpr auto fields = xbl::make_fields(xbl::field("kind", &Envelope::kind), xbl::field("body", &Envelope::body));
};

// ---- compile-time description --------------------------------------------------------------------

static_assert(xbl::field_count<Point> == 2);
static_assert(xbl::field_count<Widths> == 8);
static_assert(xbl::field_count<Shape> == 11);
static_assert(std::is_same_v<std::remove_cv_t<decltype(xbl::field_count<Point>)>, std::size_t>);
static_assert(std::is_same_v<std::remove_cv_t<decltype(xbl::field_names<Point>)>, std::array<std::string_view, 2>>);
static_assert(xbl::field_names<Point>[0] == "x");
static_assert(xbl::field_names<Point>[1] == "label");
static_assert(xbl::field_names<Shape>[0] == "name");
static_assert(xbl::field_names<Shape>[10] == "payload");
static_assert(xbl::described<Point>);
static_assert(!xbl::described<int>);
static_assert(xbl::to_string(Color::green) == "green");
static_assert(xbl::enum_from_string<Color>("scarlet") == Color::red);
static_assert(xbl::enum_from_string<Shade>("DARK") == Shade::dark);
static_assert(!xbl::enum_from_string<Color>("RED").has_value());

namespace {

}  // namespace

TEST_CASE("reflection: field_count and field_names list the JSON keys in declaration order") {
  constexpr auto names = xbl::field_names<Shape>;
  const std::array<std::string_view, 11> expected{"name",   "closed", "area", "weight", "note",   "points",
                                                  "rgb",    "tags",   "origin", "color", "payload"};
  CHECK(names == expected);
  CHECK(xbl::field_names<Widths>[7] == "u64");
}

TEST_CASE("reflection: a user's struct reads, writes and round-trips") {
  const std::string text =
      R"({"name":"tri","closed":true,"area":0.5,"weight":1.25,"note":"n","points":[{"x":1,"label":"a"},{"x":-2}],)"
      R"("rgb":[255,128,0],"tags":{"a":1,"b":2},"origin":{"x":0},"color":"blue","payload":{"k":[1,2]}})";
  const Shape s = read_ok<Shape>(text);
  CHECK(s.name == "tri");
  CHECK(s.closed);
  CHECK(s.area == 0.5);
  CHECK(s.weight == 1.25f);
  CHECK(s.note == std::optional<std::string>("n"));
  REQUIRE(s.points.size() == 2);
  CHECK(s.points[0] == Point{1, "a"});
  CHECK(s.points[1] == Point{-2, std::nullopt});
  CHECK(s.rgb == std::array<int, 3>{255, 128, 0});
  CHECK(s.tags == std::map<std::string, int>{{"a", 1}, {"b", 2}});
  CHECK(s.origin == Point{0, std::nullopt});
  CHECK(s.color == Color::blue);
  CHECK(s.payload.text() == R"({"k":[1,2]})");
  CHECK(xbl::to_json(s) == text);
  CHECK(read_ok<Shape>(xbl::to_json(s)) == s);
}

TEST_CASE("reflection: member order in the input does not matter, output follows the description") {
  const Point p = read_ok<Point>(R"({"label":"z","x":7})");
  CHECK(p == Point{7, "z"});
  CHECK(xbl::to_json(p) == R"({"x":7,"label":"z"})");
}

TEST_CASE("reflection: bool reads only true and false") {
  CHECK(read_ok<bool>("true"));
  CHECK_FALSE(read_ok<bool>("false"));
  CHECK(xbl::to_json(true) == "true");
  CHECK(xbl::to_json(false) == "false");
  const auto e = read_error<bool>("1");
  CHECK(e.code == xbl::errc::type_mismatch);
  CHECK(e.offset == 0);
  const auto t = read_error<bool>("tru");
  CHECK(t.code == xbl::errc::unexpected_end);
  CHECK(t.offset == 3);
  const auto x = read_error<bool>("trux");
  CHECK(x.code == xbl::errc::syntax);
  CHECK(x.offset == 0);
}

TEST_CASE("reflection: every integer width reads its full range exactly") {
  const std::string text =
      R"({"i8":-128,"i16":-32768,"i32":-2147483648,"i64":-9223372036854775808,)"
      R"("u8":255,"u16":65535,"u32":4294967295,"u64":18446744073709551615})";
  const Widths w = read_ok<Widths>(text);
  CHECK(w.i8 == std::numeric_limits<std::int8_t>::min());
  CHECK(w.i16 == std::numeric_limits<std::int16_t>::min());
  CHECK(w.i32 == std::numeric_limits<std::int32_t>::min());
  CHECK(w.i64 == std::numeric_limits<std::int64_t>::min());
  CHECK(w.u8 == std::numeric_limits<std::uint8_t>::max());
  CHECK(w.u16 == std::numeric_limits<std::uint16_t>::max());
  CHECK(w.u32 == std::numeric_limits<std::uint32_t>::max());
  CHECK(w.u64 == std::numeric_limits<std::uint64_t>::max());
  CHECK(xbl::to_json(w) == text);

  const std::string high =
      R"({"i8":127,"i16":32767,"i32":2147483647,"i64":9223372036854775807,"u8":0,"u16":0,"u32":0,"u64":0})";
  const Widths h = read_ok<Widths>(high);
  CHECK(h.i8 == 127);
  CHECK(h.i16 == 32767);
  CHECK(h.i32 == 2147483647);
  CHECK(h.i64 == std::numeric_limits<std::int64_t>::max());
  CHECK(xbl::to_json(h) == high);

  CHECK(read_ok<std::int64_t>("-9223372036854775808") == std::numeric_limits<std::int64_t>::min());
  CHECK(read_ok<std::int64_t>("9223372036854775807") == std::numeric_limits<std::int64_t>::max());
  CHECK(xbl::to_json(std::numeric_limits<std::int64_t>::min()) == "-9223372036854775808");
  CHECK(read_ok<std::uint32_t>("-0") == 0u);
  CHECK(read_ok<std::int8_t>("-0") == 0);
}

TEST_CASE("reflection: integers are range-checked, never wrapped") {
  auto check_u32 = [](std::string_view text) {
    const auto e = read_error<std::uint32_t>(text);
    CHECK(e.code == xbl::errc::number_out_of_range);
    CHECK(e.offset == 0);
    CHECK_FALSE(e.message.empty());
  };
  check_u32("4294967296");
  check_u32("-1");
  check_u32("18446744073709551616");
  check_u32("99999999999999999999999999");

  CHECK(read_error<std::uint64_t>("18446744073709551616").code == xbl::errc::number_out_of_range);
  CHECK(read_error<std::uint64_t>("-1").code == xbl::errc::number_out_of_range);
  CHECK(read_error<std::int64_t>("9223372036854775808").code == xbl::errc::number_out_of_range);
  CHECK(read_error<std::int64_t>("-9223372036854775809").code == xbl::errc::number_out_of_range);
  CHECK(read_error<std::int8_t>("128").code == xbl::errc::number_out_of_range);
  CHECK(read_error<std::int8_t>("-129").code == xbl::errc::number_out_of_range);
  CHECK(read_error<std::uint8_t>("256").code == xbl::errc::number_out_of_range);
  CHECK(read_error<std::int16_t>("32768").code == xbl::errc::number_out_of_range);
  CHECK(read_error<std::uint16_t>("65536").code == xbl::errc::number_out_of_range);
  CHECK(read_error<std::int32_t>("-2147483649").code == xbl::errc::number_out_of_range);

  // Inside a struct the error points at the number and names the member.
  const std::string wide = R"({"i8":0,"i16":0,"i32":0,"i64":0,"u8":0,"u16":0,"u32":4294967296,"u64":0})";
  const auto e = read_error<Widths>(wide);
  CHECK(e.code == xbl::errc::number_out_of_range);
  CHECK(e.offset == wide.find("4294967296"));
  CHECK(e.offset == 53);
  CHECK(e.path == "/u32");
  CHECK(e.message.find("32-bit") != std::string::npos);

  const std::string negative = R"({"i8":0,"i16":0,"i32":0,"i64":0,"u8":-1,"u16":0,"u32":0,"u64":0})";
  const auto neg = read_error<Widths>(negative);
  CHECK(neg.code == xbl::errc::number_out_of_range);
  CHECK(neg.offset == negative.find("-1"));
  CHECK(neg.path == "/u8");
}

TEST_CASE("reflection: an integer member rejects fractions, exponents and other kinds") {
  CHECK(read_error<int>("1.0").code == xbl::errc::type_mismatch);
  CHECK(read_error<int>("1e2").code == xbl::errc::type_mismatch);
  CHECK(read_error<int>("\"1\"").code == xbl::errc::type_mismatch);
  CHECK(read_error<int>("null").code == xbl::errc::type_mismatch);
  CHECK(read_error<int>("[1]").code == xbl::errc::type_mismatch);
}

TEST_CASE("reflection: double and float write the shortest text that reads back") {
  CHECK(xbl::to_json(0.1) == "0.1");
  CHECK(xbl::to_json(1e300) == "1e+300");
  CHECK(xbl::to_json(-2.5) == "-2.5");
  CHECK(xbl::to_json(1.0) == "1");
  CHECK(xbl::to_json(0.30000000000000004) == "0.30000000000000004");
  CHECK(xbl::to_json(std::numeric_limits<double>::max()) == "1.7976931348623157e+308");
  CHECK(xbl::to_json(std::numeric_limits<double>::denorm_min()) == "5e-324");
  CHECK(xbl::to_json(0.1f) == "0.1");
  CHECK(xbl::to_json(16777216.0f) == "16777216");

  CHECK(read_ok<double>("0.1") == 0.1);
  CHECK(read_ok<double>("1e300") == 1e300);
  CHECK(read_ok<double>(xbl::to_json(1e300)) == 1e300);
  CHECK(read_ok<double>("1.7976931348623157e+308") == std::numeric_limits<double>::max());
  CHECK(read_ok<double>("5e-324") == std::numeric_limits<double>::denorm_min());
  CHECK(read_ok<double>("-0") == 0.0);
  CHECK(std::signbit(read_ok<double>("-0")));
  CHECK(read_ok<double>("42") == 42.0);
  CHECK(read_ok<double>("1E2") == 100.0);
  CHECK(read_ok<float>("0.1") == 0.1f);
  CHECK(read_ok<float>("3.4028235e+38") == std::numeric_limits<float>::max());

  const auto big = read_error<double>("1e400");
  CHECK(big.code == xbl::errc::number_out_of_range);
  CHECK(big.offset == 0);
  CHECK(read_error<float>("1e39").code == xbl::errc::number_out_of_range);
  CHECK(read_error<double>("\"0.1\"").code == xbl::errc::type_mismatch);
}

TEST_CASE("reflection: a number JSON cannot carry is written as null and reported by validate") {
  CHECK(xbl::to_json(std::numeric_limits<double>::quiet_NaN()) == "null");
  CHECK(xbl::to_json(std::numeric_limits<double>::infinity()) == "null");
  Shape s;
  s.area = std::numeric_limits<double>::infinity();
  const auto v = xbl::validate(s);
  REQUIRE(v.size() == 1);
  CHECK(v[0].path == "/area");
  CHECK(v[0].rule == "number.finite");
}

TEST_CASE("reflection: strings decode every JSON escape") {
  CHECK(read_ok<std::string>(R"("a\"b\\c\/d\b\f\n\r\t")") == "a\"b\\c/d\b\f\n\r\t");
  CHECK(read_ok<std::string>(R"("\u0041\u00e9\u20AC\ud83d\ude00\u0000")") ==
        std::string("A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", 10) + std::string(1, '\0'));
  CHECK(read_ok<std::string>("\"\xC3\xA9\xF4\x8F\xBF\xBF\"") == "\xC3\xA9\xF4\x8F\xBF\xBF");
  CHECK(read_ok<std::string>(R"("")").empty());
  CHECK(read_error<std::string>("1").code == xbl::errc::type_mismatch);
}

TEST_CASE("reflection: optional members may be absent or null and are written only when set") {
  CHECK(read_ok<Point>(R"({"x":1})").label == std::nullopt);
  CHECK(read_ok<Point>(R"({"x":1,"label":null})").label == std::nullopt);
  CHECK(read_ok<Point>(R"({"x":1,"label":"l"})").label == std::optional<std::string>("l"));
  CHECK(xbl::to_json(Point{1, std::nullopt}) == R"({"x":1})");
  CHECK(xbl::to_json(Point{1, "l"}) == R"({"x":1,"label":"l"})");
  CHECK(read_ok<std::optional<int>>("null") == std::nullopt);
  CHECK(read_ok<std::optional<int>>("3") == std::optional<int>(3));
  CHECK(xbl::to_json(std::optional<int>{}) == "null");
  CHECK(read_error<Point>(R"({"x":1,"label":nul})").code == xbl::errc::syntax);
}

TEST_CASE("reflection: vectors read absent as empty and are written only when non-empty") {
  const std::string base = R"({"name":"s","closed":false,"area":0,"weight":0,"rgb":[0,0,0],"tags":{},"origin":{"x":0},"color":"red","payload":null})";
  const Shape absent = read_ok<Shape>(base);
  CHECK(absent.points.empty());
  CHECK(xbl::to_json(absent) == base);
  CHECK(read_ok<std::vector<int>>("[]").empty());
  CHECK(read_ok<std::vector<int>>("[1, 2 ,3]") == std::vector<int>{1, 2, 3});
  CHECK(xbl::to_json(std::vector<int>{}) == "[]");
  CHECK(xbl::to_json(std::vector<int>{1, 2}) == "[1,2]");
  const auto e = read_error<std::vector<int>>(R"([1,"2"])");
  CHECK(e.code == xbl::errc::type_mismatch);
  CHECK(e.offset == 3);
  CHECK(e.path == "/1");
}

TEST_CASE("reflection: std::vector<bool> reads and writes like any other vector") {
  CHECK(read_ok<std::vector<bool>>("[true,false,true]") == std::vector<bool>{true, false, true});
  CHECK(xbl::to_json(std::vector<bool>{false, true}) == "[false,true]");
  const auto e = read_error<std::vector<bool>>("[true,0]");
  CHECK(e.code == xbl::errc::type_mismatch);
  CHECK(e.offset == 6);
  CHECK(e.path == "/1");
}

TEST_CASE("reflection: std::array needs exactly its element count") {
  using A = std::array<int, 3>;
  CHECK(read_ok<A>("[1,2,3]") == A{1, 2, 3});
  CHECK(xbl::to_json(A{1, 2, 3}) == "[1,2,3]");

  const auto few = read_error<A>("[1,2]");
  CHECK(few.code == xbl::errc::type_mismatch);
  CHECK(few.offset == 0);
  CHECK(few.message.find("3") != std::string::npos);

  const auto many = read_error<A>("[1,2,3,4]");
  CHECK(many.code == xbl::errc::type_mismatch);
  CHECK(many.offset == 7);
  CHECK(many.path == "/3");

  const auto empty = read_error<A>("[]");
  CHECK(empty.code == xbl::errc::type_mismatch);
  CHECK(empty.offset == 0);

  const std::string inner = R"({"name":"s","closed":false,"area":0,"weight":0,"rgb":[0,0],"tags":{},"origin":{"x":0},"color":"red","payload":null})";
  const auto in_struct = read_error<Shape>(inner);
  CHECK(in_struct.code == xbl::errc::type_mismatch);
  CHECK(in_struct.offset == inner.find("[0,0]"));
  CHECK(in_struct.path == "/rgb");
}

TEST_CASE("reflection: std::map<std::string, T> reads objects and rejects a repeated key") {
  using M = std::map<std::string, int>;
  CHECK(read_ok<M>(R"({"b":2,"a":1})") == M{{"a", 1}, {"b", 2}});
  CHECK(xbl::to_json(M{{"b", 2}, {"a", 1}}) == R"({"a":1,"b":2})");
  CHECK(xbl::to_json(M{}) == "{}");
  CHECK(read_ok<M>(R"({"a\/b":1})") == M{{"a/b", 1}});

  const auto dup = read_error<M>(R"({"a":1,"b":2,"a":3})");
  CHECK(dup.code == xbl::errc::duplicate_key);
  CHECK(dup.offset == 13);
  CHECK(dup.path == "/a");

  const auto escaped = read_error<M>(R"({"ab":1,"a\u0062":2})");
  CHECK(escaped.code == xbl::errc::duplicate_key);
  CHECK(escaped.offset == 8);
  CHECK(escaped.path == "/ab");

  CHECK(read_error<M>("[]").code == xbl::errc::type_mismatch);
}

TEST_CASE("reflection: nested structs report the path of the faulty member") {
  const auto e = read_error<std::vector<Point>>(R"([{"x":1},{"x":2,"label":3}])");
  CHECK(e.code == xbl::errc::type_mismatch);
  CHECK(e.path == "/1/label");
  CHECK(e.offset == 24);
}

TEST_CASE("open_enum: a known name, an alias and a case variant") {
  const Paint known = read_ok<Paint>(R"({"color":"green"})");
  CHECK(known.color == Color::green);
  CHECK(known.color.is_known());
  CHECK(known.color.known() == std::optional<Color>(Color::green));
  CHECK(known.color.text() == "green");
  CHECK_FALSE(known.shade.has_value());

  // An alias is the known value but is written back as it was read.
  const Paint alias = read_ok<Paint>(R"({"color":"crimson","shade":"pale"})");
  CHECK(alias.color == Color::red);
  CHECK(alias.color.text() == "crimson");
  CHECK(*alias.shade == Shade::light);
  CHECK(xbl::to_json(alias) == R"({"color":"crimson","shade":"pale"})");
  CHECK(alias.color == xbl::open_enum<Color>(Color::red));

  // Shade ignores ASCII case; Color does not.
  const Paint cased = read_ok<Paint>(R"({"color":"RED","shade":"DaRk"})");
  CHECK(*cased.shade == Shade::dark);
  CHECK(cased.shade->text() == "DaRk");
  CHECK_FALSE(cased.color.is_known());
  CHECK(cased.color.text() == "RED");
  CHECK(xbl::to_json(cased) == R"({"color":"RED","shade":"DaRk"})");
}

TEST_CASE("open_enum: an unknown value is kept verbatim, written back and reported by validate") {
  const Paint p = read_ok<Paint>(R"({"color":"ultra\u0076iolet"})");
  CHECK_FALSE(p.color.is_known());
  CHECK(p.color.known() == std::nullopt);
  CHECK(p.color.text() == "ultraviolet");
  CHECK_FALSE(p.color == Color::red);
  CHECK_FALSE(p.color == xbl::open_enum<Color>(Color::red));
  CHECK(p.color == xbl::open_enum<Color>::from_text("ultraviolet"));
  CHECK_FALSE(p.color == xbl::open_enum<Color>::from_text("infrared"));
  CHECK(xbl::to_json(p) == R"({"color":"ultraviolet"})");

  const auto v = xbl::validate(p);
  REQUIRE(v.size() == 1);
  CHECK(v[0].path == "/color");
  CHECK(v[0].rule == "enum.unknown");
  CHECK(v[0].message.find("ultraviolet") != std::string::npos);
}

TEST_CASE("open_enum: an unknown empty text is kept as the empty text") {
  const Paint p = read_ok<Paint>(R"({"color":""})");
  CHECK_FALSE(p.color.is_known());
  CHECK(p.color.text().empty());
  CHECK(xbl::to_json(p) == R"({"color":""})");
}

TEST_CASE("open_enum: strict_enums turns an unknown value into errc::unknown_enum") {
  xbl::read_options strict;
  strict.strict_enums = true;
  CHECK(read_ok<Paint>(R"({"color":"scarlet"})", strict).color == Color::red);
  const auto e = read_error<Paint>(R"({"color":"blue","shade":"medium"})", strict);
  CHECK(e.code == xbl::errc::unknown_enum);
  CHECK(e.offset == 24);
  CHECK(e.path == "/shade");
  CHECK(e.message.find("\"medium\"") != std::string::npos);
  CHECK(read_error<Paint>(R"({"color":1})").code == xbl::errc::type_mismatch);
}

TEST_CASE("open_enum: to_string and enum_from_string convert both ways") {
  CHECK(xbl::to_string(Color::red) == "red");
  CHECK(xbl::to_string(Shade::dark) == "dark");
  CHECK(xbl::enum_from_string<Color>("blue") == Color::blue);
  CHECK(xbl::enum_from_string<Color>("crimson") == Color::red);
  CHECK(xbl::enum_from_string<Color>("purple") == std::nullopt);
  CHECK(xbl::enum_from_string<Shade>("PALE") == Shade::light);
  CHECK(xbl::open_enum<Color>().known() == Color::red);
  CHECK(xbl::open_enum<Color>(Color::blue).text() == "blue");
  CHECK(xbl::to_json(xbl::open_enum<Color>(Color::blue)) == R"("blue")");
}

TEST_CASE("raw_json: keeps the exact text of a value") {
  const Envelope e = read_ok<Envelope>("{\"kind\":\"k\",\"body\":  { \"a\" : [1, 2.50, \"\\u00e9\"],\n\"b\":null }  }");
  CHECK(e.body.text() == "{ \"a\" : [1, 2.50, \"\\u00e9\"],\n\"b\":null }");
  CHECK(xbl::to_json(e) == R"({"kind":"k","body":{"a":[1,2.50,"\u00e9"],"b":null}})");
  CHECK(xbl::raw_json().text() == "null");
  CHECK(read_ok<xbl::raw_json>(" \"s\" ").text() == "\"s\"");
  CHECK(read_ok<xbl::raw_json>("-1.5e-3").text() == "-1.5e-3");
  CHECK(read_ok<xbl::raw_json>("false").text() == "false");
}

TEST_CASE("raw_json: from_json<raw_json> is a conformance check") {
  const char* valid[] = {"null", "true", "0", "-0", "1.5E+10", "\"\"", "[]", "{}", "[[],{}]", R"({"a":{"b":[null]}})",
                         " \t\r\n[ 1 , 2 ] \n"};
  for (const char* text : valid) {
    INFO(text);
    CHECK(xbl::from_json<xbl::raw_json>(text).has_value());
  }
  struct bad {
    const char* text;
    xbl::errc code;
    std::size_t offset;
  };
  const bad invalid[] = {
      {"", xbl::errc::unexpected_end, 0},
      {"[1,]", xbl::errc::syntax, 2},
      {"{\"a\"}", xbl::errc::syntax, 4},
      {"{a:1}", xbl::errc::syntax, 1},
      {"'a'", xbl::errc::syntax, 0},
      {"[1 2]", xbl::errc::syntax, 3},
      {"01", xbl::errc::invalid_number, 0},
      {"\"\\x\"", xbl::errc::invalid_escape, 1},
      {"[\"\xFF\"]", xbl::errc::invalid_utf8, 2},
      {"{\"a\":1}}", xbl::errc::syntax, 7},
      {"nul", xbl::errc::unexpected_end, 3},
      {"[true false]", xbl::errc::syntax, 6},
  };
  for (const auto& b : invalid) {
    INFO(b.text);
    const auto e = read_error<xbl::raw_json>(b.text);
    CHECK(e.code == b.code);
    CHECK(e.offset == b.offset);
  }
}

TEST_CASE("raw_json: repeated keys are accepted, as RFC 8259 allows") {
  const auto r = read_ok<xbl::raw_json>(R"({"a":1,"a":2})");
  CHECK(r.text() == R"({"a":1,"a":2})");
  const Envelope e = read_ok<Envelope>(R"({"kind":"k","body":{"x":[],"x":{}}})");
  CHECK(e.body.text() == R"({"x":[],"x":{}})");
}

TEST_CASE("raw_json: read with a lenient switch on, it keeps the value in compact RFC 8259 form") {
  const auto r = read_ok<xbl::raw_json>("{a: 1, /* c */ \"b\" : [1, 2,], // end\n}", xbl::read_options::lenient());
  CHECK(r.text() == R"({"a":1,"b":[1,2]})");
  CHECK(read_ok<xbl::raw_json>(r.text()).text() == r.text());
}
