#include "xbl_test.hpp"

#include <cstdint>
#include <string>
#include <string_view>

// Xuid, Guid, TitleId and Timestamp: parsing, writing back as read, comparison by value, and the
// compile-time literals.

using namespace xbl::literals;

namespace {

// Known instants as .NET DateTime ticks (100 ns since 0001-01-01T00:00:00).
constexpr std::int64_t ticks_2012_09_17_07_15_23_493 = 634834629234930000;
constexpr std::int64_t ticks_2000_02_29 = 630873792000000000;
constexpr std::int64_t ticks_1970_01_01 = 621355968000000000;
constexpr std::int64_t ticks_9999_12_31_last = 3155378975999999999;

template <class Id>
xbl::error parse_error(std::string_view text) {
  const auto r = Id::parse(text);
  REQUIRE_FALSE(r);
  return r.error();
}

}  // namespace

// ---- literals, at compile time ------------------------------------------------------------------

static_assert((2533274790395904_xuid).value() == 2533274790395904ULL);
static_assert(2533274790395904_xuid == xbl::Xuid{2533274790395904ULL});
static_assert(0_xuid == xbl::Xuid{});
static_assert(18446744073709551615_xuid == xbl::Xuid{UINT64_MAX});
static_assert(1_xuid < 2533274790395904_xuid);

static_assert("bd6c41c3-01c3-468a-a3b5-3e0fe8133862"_guid.text() == "bd6c41c3-01c3-468a-a3b5-3e0fe8133862");
static_assert("bd6c41c3-01c3-468a-a3b5-3e0fe8133862"_guid == "BD6C41C3-01C3-468A-A3B5-3E0FE8133862"_guid);
static_assert("BD6C41C3-01C3-468A-A3B5-3E0FE8133862"_guid.text() == "BD6C41C3-01C3-468A-A3B5-3E0FE8133862");
static_assert("00000000-0000-0000-0000-000000000001"_guid < "00000000-0000-0000-0000-00000000000a"_guid);
static_assert("00000000-0000-0000-0000-00000000000A"_guid > "00000000-0000-0000-0000-000000000009"_guid);

static_assert((12341234_title).value() == 12341234u);
static_assert(!(12341234_title).written_as_number());
static_assert(12341234_title == xbl::TitleId{12341234, true});
static_assert(4294967295_title == xbl::TitleId{UINT32_MAX});
static_assert(0_title < 12341234_title);

static_assert(xbl::Timestamp{ticks_2000_02_29}.ticks() == ticks_2000_02_29);
static_assert(xbl::Timestamp{1} < xbl::Timestamp{2});
static_assert(xbl::Timestamp{}.ticks() == 0);

// ---- Xuid ---------------------------------------------------------------------------------------

TEST_CASE("Xuid parses decimal digits and writes them back as read") {
  const auto x = xbl::Xuid::parse("2533274790395904");
  REQUIRE(x);
  CHECK(x->value() == 2533274790395904ULL);
  CHECK(x->to_string() == "2533274790395904");
  CHECK(*x == 2533274790395904_xuid);

  const auto zero = xbl::Xuid::parse("0");
  REQUIRE(zero);
  CHECK(zero->value() == 0);
  CHECK(zero->to_string() == "0");

  const auto max = xbl::Xuid::parse("18446744073709551615");
  REQUIRE(max);
  CHECK(max->value() == UINT64_MAX);
  CHECK(max->to_string() == "18446744073709551615");

  CHECK(fmt::format("{}", 2533274790395904_xuid) == "2533274790395904");
}

TEST_CASE("Xuid keeps leading zeros on the wire and ignores them in comparison") {
  const auto padded = xbl::Xuid::parse("0123456789");
  REQUIRE(padded);
  CHECK(padded->value() == 123456789u);
  CHECK(padded->to_string() == "0123456789");
  CHECK(*padded == xbl::Xuid{123456789});
  CHECK(*padded == *xbl::Xuid::parse("123456789"));
  CHECK(*padded == *xbl::Xuid::parse("000123456789"));
  CHECK_FALSE(*padded < xbl::Xuid{123456789});
  CHECK(*padded < xbl::Xuid{123456790});

  const auto zeros = xbl::Xuid::parse("000");
  REQUIRE(zeros);
  CHECK(zeros->value() == 0);
  CHECK(zeros->to_string() == "000");
  CHECK(*zeros == 0_xuid);

  // The JSON form is the string as read.
  const auto read = xbl::from_json<xbl::Xuid>(R"("0123456789")");
  REQUIRE(read);
  CHECK(xbl::to_json(*read) == R"("0123456789")");
  CHECK(xbl::to_json(xbl::Xuid{123456789}) == R"("123456789")");
  CHECK(fmt::format("{}", *read) == "0123456789");
}

TEST_CASE("Xuid errors") {
  auto e = parse_error<xbl::Xuid>("18446744073709551616");
  CHECK(e.code == xbl::errc::number_out_of_range);
  e = parse_error<xbl::Xuid>("99999999999999999999");
  CHECK(e.code == xbl::errc::number_out_of_range);
  // Leading zeros do not count towards the range.
  CHECK(xbl::Xuid::parse("0018446744073709551615"));
  CHECK(parse_error<xbl::Xuid>("0018446744073709551616").code == xbl::errc::number_out_of_range);

  e = parse_error<xbl::Xuid>("");
  CHECK(e.code == xbl::errc::invalid_value);
  e = parse_error<xbl::Xuid>("-1");
  CHECK(e.code == xbl::errc::invalid_value);
  CHECK(e.offset == 0);
  e = parse_error<xbl::Xuid>("+1");
  CHECK(e.code == xbl::errc::invalid_value);
  e = parse_error<xbl::Xuid>(" 1");
  CHECK(e.code == xbl::errc::invalid_value);
  e = parse_error<xbl::Xuid>("12a4");
  CHECK(e.code == xbl::errc::invalid_value);
  CHECK(e.offset == 2);
  CHECK(e.column == 3);
  e = parse_error<xbl::Xuid>("1 ");
  CHECK(e.code == xbl::errc::invalid_value);
  CHECK(e.offset == 1);

  // On the wire: a XUID is a JSON string; a number is the wrong kind of value.
  auto r = xbl::from_json<xbl::Xuid>("2533274790395904");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == xbl::errc::type_mismatch);
  r = xbl::from_json<xbl::Xuid>(R"("18446744073709551616")");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == xbl::errc::number_out_of_range);
  CHECK(r.error().column == 1);

  const auto in_record = xbl::from_json<xbl::PresenceRecord>(R"({"xuid":"12x","state":"Online"})");
  REQUIRE_FALSE(in_record);
  CHECK(in_record.error().code == xbl::errc::invalid_value);
  CHECK(in_record.error().path == "/xuid");
  CHECK(in_record.error().column == 9);
}

// ---- Guid ---------------------------------------------------------------------------------------

TEST_CASE("Guid reads either case, compares ignoring case and writes as read") {
  const auto lower = xbl::Guid::parse("bd6c41c3-01c3-468a-a3b5-3e0fe8133862");
  const auto upper = xbl::Guid::parse("BD6C41C3-01C3-468A-A3B5-3E0FE8133862");
  const auto mixed = xbl::Guid::parse("Bd6C41c3-01C3-468a-A3b5-3E0fe8133862");
  REQUIRE(lower);
  REQUIRE(upper);
  REQUIRE(mixed);
  CHECK(*lower == *upper);
  CHECK(*upper == *mixed);
  CHECK_FALSE(*lower < *upper);
  CHECK_FALSE(*upper < *lower);
  CHECK(lower->to_string() == "bd6c41c3-01c3-468a-a3b5-3e0fe8133862");
  CHECK(upper->to_string() == "BD6C41C3-01C3-468A-A3B5-3E0FE8133862");
  CHECK(mixed->to_string() == "Bd6C41c3-01C3-468a-A3b5-3E0fe8133862");
  CHECK(*lower == "bd6c41c3-01c3-468a-a3b5-3e0fe8133862"_guid);
  CHECK(*lower != "bd6c41c3-01c3-468a-a3b5-3e0fe8133863"_guid);

  const auto read = xbl::from_json<xbl::Guid>(R"("BD6C41C3-01C3-468A-A3B5-3E0FE8133862")");
  REQUIRE(read);
  CHECK(xbl::to_json(*read) == R"("BD6C41C3-01C3-468A-A3B5-3E0FE8133862")");
  CHECK(fmt::format("{}", *read) == "BD6C41C3-01C3-468A-A3B5-3E0FE8133862");

  // Ordering is by value too: 'a' (10) sorts after '9' whatever its case.
  CHECK(*xbl::Guid::parse("00000000-0000-0000-0000-00000000000A") >
        *xbl::Guid::parse("00000000-0000-0000-0000-000000000009"));
  CHECK(*xbl::Guid::parse("00000000-0000-0000-0000-00000000000a") <
        *xbl::Guid::parse("00000000-0000-0000-0000-00000000000B"));
}

TEST_CASE("Guid errors: braces, length, separators, digits") {
  auto e = parse_error<xbl::Guid>("{bd6c41c3-01c3-468a-a3b5-3e0fe8133862}");
  CHECK(e.code == xbl::errc::invalid_value);
  e = parse_error<xbl::Guid>("{bd6c41c3-01c3-468a-a3b5-3e0fe81338}");  // 36 characters with braces
  CHECK(e.code == xbl::errc::invalid_value);
  CHECK(e.offset == 0);
  e = parse_error<xbl::Guid>("bd6c41c3-01c3-468a-a3b5-3e0fe813386");
  CHECK(e.code == xbl::errc::invalid_value);
  e = parse_error<xbl::Guid>("bd6c41c3001c3-468a-a3b5-3e0fe8133862");
  CHECK(e.code == xbl::errc::invalid_value);
  CHECK(e.offset == 8);
  e = parse_error<xbl::Guid>("bd6c41c3-01c3-468a-a3b5-3e0fe813386g");
  CHECK(e.code == xbl::errc::invalid_value);
  CHECK(e.offset == 35);
  e = parse_error<xbl::Guid>("bd6c41c301c3468aa3b53e0fe8133862");
  CHECK(e.code == xbl::errc::invalid_value);

  // Every byte at every place: a GUID with it there reads exactly when it is what that place wants,
  // and otherwise fails at that place.
  const std::string good = "bd6c41c3-01c3-468a-a3b5-3e0fe8133862";
  for (std::size_t i = 0; i < good.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    for (unsigned c = 0; c < 256; ++c) {
      std::string text = good;
      text[i] = static_cast<char>(c);
      const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      const auto parsed = xbl::Guid::parse(text);
      INFO("byte " << c << " at " << i);
      REQUIRE(static_cast<bool>(parsed) == (dash ? c == '-' : hex));
      if (parsed) REQUIRE(parsed->to_string() == text);
      else REQUIRE(parsed.error().offset == i);
    }
  }

  const auto r = xbl::from_json<xbl::SessionRef>(R"({"scid":"{bd6c41c3-01c3-468a-a3b5-3e0fe8133862}","templateName":"t"})");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == xbl::errc::invalid_value);
  CHECK(r.error().path == "/scid");
  CHECK(r.error().column == 9);
}

// ---- TitleId ------------------------------------------------------------------------------------

TEST_CASE("TitleId reads a string or a number and writes each back in its form") {
  const auto from_string = xbl::from_json<xbl::TitleId>(R"("12341234")");
  const auto from_number = xbl::from_json<xbl::TitleId>("12341234");
  REQUIRE(from_string);
  REQUIRE(from_number);
  CHECK(from_string->value() == 12341234u);
  CHECK(from_number->value() == 12341234u);
  CHECK_FALSE(from_string->written_as_number());
  CHECK(from_number->written_as_number());
  CHECK(*from_string == *from_number);
  CHECK_FALSE(*from_string < *from_number);
  CHECK(xbl::to_json(*from_string) == R"("12341234")");
  CHECK(xbl::to_json(*from_number) == "12341234");
  CHECK(from_string->to_string() == "12341234");
  CHECK(from_number->to_string() == "12341234");

  // Constructed: a string, as the SDK sends it.
  CHECK(xbl::to_json(xbl::TitleId{12341234}) == R"("12341234")");
  CHECK(xbl::to_json(12341234_title) == R"("12341234")");
  CHECK(xbl::to_json(xbl::TitleId{12341234, true}) == "12341234");

  const auto max = xbl::from_json<xbl::TitleId>("4294967295");
  REQUIRE(max);
  CHECK(max->value() == UINT32_MAX);
  const auto zero = xbl::TitleId::parse("0");
  REQUIRE(zero);
  CHECK(zero->value() == 0);

  // In a record both forms survive a round trip.
  const auto attrs = xbl::from_json<xbl::InviteAttributes>(R"({"titleId":12341234})");
  REQUIRE(attrs);
  CHECK(xbl::to_json(*attrs) == R"({"titleId":12341234})");
  const auto attrs2 = xbl::from_json<xbl::InviteAttributes>(R"({"titleId":"12341234"})");
  REQUIRE(attrs2);
  CHECK(xbl::to_json(*attrs2) == R"({"titleId":"12341234"})");
  CHECK(*attrs == *attrs2);
}

TEST_CASE("TitleId errors") {
  auto e = parse_error<xbl::TitleId>("4294967296");
  CHECK(e.code == xbl::errc::number_out_of_range);
  e = parse_error<xbl::TitleId>("99999999999999999999999");
  CHECK(e.code == xbl::errc::number_out_of_range);
  e = parse_error<xbl::TitleId>("");
  CHECK(e.code == xbl::errc::invalid_value);
  e = parse_error<xbl::TitleId>("12ab");
  CHECK(e.code == xbl::errc::invalid_value);
  CHECK(e.offset == 2);
  e = parse_error<xbl::TitleId>("-1");
  CHECK(e.code == xbl::errc::invalid_value);

  auto r = xbl::from_json<xbl::TitleId>("4294967296");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == xbl::errc::number_out_of_range);
  r = xbl::from_json<xbl::TitleId>("-1");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == xbl::errc::number_out_of_range);
  r = xbl::from_json<xbl::TitleId>("1.5");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == xbl::errc::type_mismatch);
  r = xbl::from_json<xbl::TitleId>(R"("4294967296")");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == xbl::errc::number_out_of_range);
  r = xbl::from_json<xbl::TitleId>("true");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == xbl::errc::type_mismatch);
}

// ---- Timestamp ----------------------------------------------------------------------------------

TEST_CASE("Timestamp reads both wire forms and writes each back as read") {
  const auto seed_form = xbl::Timestamp::parse("2012-09-17T07:15:23.4930000");
  const auto sdk_form = xbl::Timestamp::parse("2012-09-17T07:15:23.493Z");
  REQUIRE(seed_form);
  REQUIRE(sdk_form);
  CHECK(seed_form->ticks() == ticks_2012_09_17_07_15_23_493);
  CHECK(sdk_form->ticks() == ticks_2012_09_17_07_15_23_493);
  CHECK(*seed_form == *sdk_form);
  CHECK(seed_form->to_string() == "2012-09-17T07:15:23.4930000");
  CHECK(sdk_form->to_string() == "2012-09-17T07:15:23.493Z");

  const auto whole = xbl::Timestamp::parse("2012-09-17T07:15:23");
  REQUIRE(whole);
  CHECK(whole->ticks() == ticks_2012_09_17_07_15_23_493 - 4930000);
  CHECK(whole->to_string() == "2012-09-17T07:15:23");
  const auto whole_z = xbl::Timestamp::parse("2012-09-17T07:15:23Z");
  REQUIRE(whole_z);
  CHECK(*whole_z == *whole);
  CHECK(whole_z->to_string() == "2012-09-17T07:15:23Z");
  CHECK(*whole < *seed_form);

  const auto one_digit = xbl::Timestamp::parse("1970-01-01T00:00:00.5");
  REQUIRE(one_digit);
  CHECK(one_digit->ticks() == ticks_1970_01_01 + 5000000);
  CHECK(one_digit->to_string() == "1970-01-01T00:00:00.5");
  const auto seven = xbl::Timestamp::parse("1970-01-01T00:00:00.0000001Z");
  REQUIRE(seven);
  CHECK(seven->ticks() == ticks_1970_01_01 + 1);
  CHECK(seven->to_string() == "1970-01-01T00:00:00.0000001Z");

  const auto last = xbl::Timestamp::parse("9999-12-31T23:59:59.9999999Z");
  REQUIRE(last);
  CHECK(last->ticks() == ticks_9999_12_31_last);

  const auto read = xbl::from_json<xbl::Timestamp>(R"("2012-09-17T07:15:23.4930000")");
  REQUIRE(read);
  CHECK(xbl::to_json(*read) == R"("2012-09-17T07:15:23.4930000")");
  CHECK(fmt::format("{}", *read) == "2012-09-17T07:15:23.4930000");
}

TEST_CASE("Timestamp constructed from ticks is written with 7 digits and Z") {
  CHECK(xbl::Timestamp{ticks_2012_09_17_07_15_23_493}.to_string() == "2012-09-17T07:15:23.4930000Z");
  CHECK(xbl::Timestamp{}.to_string() == "0001-01-01T00:00:00.0000000Z");
  CHECK(xbl::Timestamp{ticks_2000_02_29}.to_string() == "2000-02-29T00:00:00.0000000Z");
  CHECK(xbl::Timestamp{ticks_9999_12_31_last}.to_string() == "9999-12-31T23:59:59.9999999Z");
  CHECK(xbl::to_json(xbl::Timestamp{ticks_1970_01_01 + 1}) == R"("1970-01-01T00:00:00.0000001Z")");
  CHECK(xbl::Timestamp{ticks_2012_09_17_07_15_23_493} == *xbl::Timestamp::parse("2012-09-17T07:15:23.493"));
}

TEST_CASE("Timestamp holds only the form's range: every one writes text that reads back equal") {
  CHECK(xbl::Timestamp::max_ticks == ticks_9999_12_31_last);
  // A run-time tick count goes through from_ticks, which refuses what the form cannot write.
  for (const std::int64_t bad : {std::int64_t{-1}, INT64_MIN, xbl::Timestamp::max_ticks + 1, INT64_MAX}) {
    CAPTURE(bad);
    const auto r = xbl::Timestamp::from_ticks(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == xbl::errc::number_out_of_range);
    CHECK(r.error().message.find("0001-01-01T00:00:00 to 9999-12-31T23:59:59.9999999") != std::string::npos);
  }
  // The ends and points across the range: each writes text that parses back to the same ticks.
  std::vector<std::int64_t> ticks = {0, 1, xbl::Timestamp::max_ticks - 1, xbl::Timestamp::max_ticks};
  for (std::int64_t t = 0; t <= xbl::Timestamp::max_ticks - 9'999'999'937; t += 9'999'999'937 * 1'000'003) ticks.push_back(t);
  for (const auto t : ticks) {
    CAPTURE(t);
    const auto ts = xbl::Timestamp::from_ticks(t);
    REQUIRE(ts);
    CHECK(ts->ticks() == t);
    const auto back = xbl::Timestamp::parse(ts->to_string());
    REQUIRE(back);
    CHECK(back->ticks() == t);
    CHECK(back->to_string() == ts->to_string());
  }
  CHECK(xbl::Timestamp::from_ticks(0)->to_string() == "0001-01-01T00:00:00.0000000Z");
  CHECK(xbl::Timestamp::from_ticks(xbl::Timestamp::max_ticks)->to_string() == "9999-12-31T23:59:59.9999999Z");
  // Text outside the range has no four-digit year, so parse never makes one either.
  CHECK_FALSE(xbl::Timestamp::parse("0000-12-31T23:59:59.9999999Z"));
  CHECK_FALSE(xbl::Timestamp::parse("10000-01-01T00:00:00Z"));
}

TEST_CASE("Timestamp: a leap second is refused, with the reason") {
  // The services' DateTime counts no leap seconds: 23:59:60 has no tick count, so reading it
  // into the next second would write back other text, and into :59 would lose it.
  const auto e = parse_error<xbl::Timestamp>("2016-12-31T23:59:60Z");
  CHECK(e.code == xbl::errc::invalid_value);
  CHECK(e.offset == 17);
  CHECK(e.message.find("leap second") != std::string::npos);
  const auto r = xbl::from_json<xbl::TitleRecord>(R"({"id":"1","lastModified":"2016-12-31T23:59:60.5"})");
  REQUIRE_FALSE(r);
  CHECK(r.error().path == "/lastModified");
  CHECK(r.error().message.find("leap second") != std::string::npos);
}

TEST_CASE("Timestamp is written back with as many fraction digits as it was read with") {
  const std::string digits = "1234567";
  for (std::size_t n = 0; n <= 7; ++n) {
    for (const std::string zone : {"", "Z"}) {
      const std::string text = "2024-05-19T00:52:17" + (n ? "." + digits.substr(0, n) : std::string()) + zone;
      INFO(text);
      const auto t = xbl::Timestamp::parse(text);
      REQUIRE(t);
      CHECK(t->to_string() == text);
    }
  }
}

TEST_CASE("Timestamp errors: calendar, clock, fraction, form") {
  struct bad {
    std::string_view text;
    std::size_t offset;
  };
  const bad cases[] = {
      {"2012-13-01T00:00:00", 5},          // month 13
      {"2012-00-01T00:00:00", 5},          // month 0
      {"2012-02-30T00:00:00", 8},          // Feb 30
      {"2100-02-29T00:00:00", 8},          // 2100 is not a leap year
      {"1900-02-29T00:00:00", 8},          // nor is 1900
      {"2012-04-31T00:00:00", 8},          // April has 30 days
      {"2012-01-00T00:00:00", 8},          // day 0
      {"2012-01-01T24:00:00", 11},         // hour 24
      {"2012-01-01T00:60:00", 14},         // minute 60
      {"2012-01-01T00:00:61", 17},         // second 61
      {"2012-01-01T00:00:00.12345678", 27},  // 8 fraction digits
      {"2012-01-01T00:00:00.", 20},        // a '.' without digits
      {"2012-01-01T00:00:00ZZ", 20},       // trailing text
      {"2012-01-01T00:00:00+01:00", 19},   // offsets other than Z are not the wire form
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const auto e = parse_error<xbl::Timestamp>(c.text);
    CHECK(e.code == xbl::errc::invalid_value);
    CHECK(e.offset == c.offset);
  }
  const std::string_view shapeless[] = {"", "2012-01-01", "2012-01-01 00:00:00", "2012/01/01T00:00:00",
                                        "12-01-01T00:00:00", "0000-01-01T00:00:00"};
  for (auto text : shapeless) {
    CAPTURE(text);
    CHECK(parse_error<xbl::Timestamp>(text).code == xbl::errc::invalid_value);
  }

  // 2000 is a leap year (divisible by 400), 2012 one by 4.
  const auto leap = xbl::Timestamp::parse("2000-02-29T00:00:00");
  REQUIRE(leap);
  CHECK(leap->ticks() == ticks_2000_02_29);
  CHECK(xbl::Timestamp::parse("2012-02-29T00:00:00"));
  CHECK(xbl::Timestamp::parse("2012-01-01T23:59:59.9999999Z"));

  // In a record: the error is at the string, with the member's path.
  const auto r = xbl::from_json<xbl::TitleRecord>("{\"id\":\"1\",\n\"lastModified\":\"2012-02-30T00:00:00\"}");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == xbl::errc::invalid_value);
  CHECK(r.error().path == "/lastModified");
  CHECK(r.error().line == 2);
  CHECK(r.error().column == 16);
}

// ---- in a document: read straight from the input, or as any string -------------------------------

namespace {

// The id in `inner` (the text between the quotes of a JSON string) read from a document, against
// the same text parsed once decoded.
template <class Id>
void check_same_as_parse(std::string_view inner, std::string_view decoded) {
  CAPTURE(inner);
  const std::string json = "\"" + std::string(inner) + "\"";
  const auto read = xbl::from_json<Id>(json);
  const auto parsed = Id::parse(decoded);
  REQUIRE(read.has_value() == parsed.has_value());
  if (parsed) {
    CHECK(*read == *parsed);
    CHECK(read->to_string() == parsed->to_string());
  } else {
    CHECK(read.error().code == parsed.error().code);
    CHECK(read.error().offset == 0);  // at the string
  }
}

}  // namespace

TEST_CASE("ids read from a document are what parse makes of the string's text") {
  // Escaped digits, and text after a well-formed id, go the way of every string.
  check_same_as_parse<xbl::Xuid>("2533274790395904", "2533274790395904");
  check_same_as_parse<xbl::Xuid>("\\u0032533274790395904", "2533274790395904");
  check_same_as_parse<xbl::Xuid>("2533274790395904x", "2533274790395904x");
  check_same_as_parse<xbl::Xuid>("00042", "00042");
  check_same_as_parse<xbl::Xuid>("18446744073709551616", "18446744073709551616");
  check_same_as_parse<xbl::Xuid>(std::string(65, '1'), std::string(65, '1'));
  check_same_as_parse<xbl::TitleId>("1144039928", "1144039928");
  check_same_as_parse<xbl::TitleId>("114403992\\u0038", "1144039928");
  check_same_as_parse<xbl::TitleId>("01", "01");
  check_same_as_parse<xbl::TitleId>("4294967296", "4294967296");
  check_same_as_parse<xbl::Guid>("bd6c41c3-01c3-468a-a3b5-3e0fe8133862", "bd6c41c3-01c3-468a-a3b5-3e0fe8133862");
  check_same_as_parse<xbl::Guid>("bd6c41c3-01c3-468a-a3b5-3e0fe8133862}", "bd6c41c3-01c3-468a-a3b5-3e0fe8133862}");
  check_same_as_parse<xbl::Guid>("bd6c41c3\\u002d01c3-468a-a3b5-3e0fe8133862", "bd6c41c3-01c3-468a-a3b5-3e0fe8133862");
  const std::string digits = "1234567";
  for (std::size_t n = 0; n <= 8; ++n) {
    const std::string fraction = n == 0 ? "" : "." + (digits + "8").substr(0, n);
    for (const std::string zone : {"", "Z", "ZZ", "+01:00"}) {
      const std::string text = "2024-05-19T00:52:17" + fraction + zone;
      check_same_as_parse<xbl::Timestamp>(text, text);
    }
  }
  check_same_as_parse<xbl::Timestamp>("2024-05-19T00:52:17\\u002e5Z", "2024-05-19T00:52:17.5Z");
  check_same_as_parse<xbl::Timestamp>("2024-02-30T00:52:17", "2024-02-30T00:52:17");
}

TEST_CASE("an id cut short by the end of the text is unexpected_end") {
  for (const std::string_view text : {"\"2533274790395904", "\"1144039928", "\"2024-05-19T00:52:17.12",
                                      "\"bd6c41c3-01c3-468a-a3b5-3e0fe8133862"}) {
    CAPTURE(text);
    CHECK(xbl::from_json<xbl::Xuid>(text).error().code == xbl::errc::unexpected_end);
    CHECK(xbl::from_json<xbl::TitleId>(text).error().code == xbl::errc::unexpected_end);
    CHECK(xbl::from_json<xbl::Timestamp>(text).error().code == xbl::errc::unexpected_end);
    CHECK(xbl::from_json<xbl::Guid>(text).error().code == xbl::errc::unexpected_end);
  }
}

TEST_CASE("integers of up to 20 digits are exact, and one past the range is out of range") {
  CHECK(*xbl::from_json<std::uint64_t>("18446744073709551615") == UINT64_MAX);
  CHECK(xbl::from_json<std::uint64_t>("18446744073709551616").error().code == xbl::errc::number_out_of_range);
  CHECK(xbl::from_json<std::uint64_t>("99999999999999999999").error().code == xbl::errc::number_out_of_range);
  CHECK(xbl::from_json<std::uint64_t>("100000000000000000000").error().code == xbl::errc::number_out_of_range);
  CHECK(*xbl::from_json<std::uint64_t>("12345678901234567") == 12345678901234567ULL);
  CHECK(*xbl::from_json<std::int64_t>("-9223372036854775808") == INT64_MIN);
  CHECK(xbl::from_json<std::int64_t>("-9223372036854775809").error().code == xbl::errc::number_out_of_range);
  std::uint64_t v = 0;
  for (int n = 1; n <= 19; ++n) {
    v = v * 10 + static_cast<std::uint64_t>(n % 10);
    CHECK(*xbl::from_json<std::uint64_t>(std::to_string(v)) == v);
  }
}
