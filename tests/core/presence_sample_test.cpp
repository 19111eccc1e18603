#include "xbl_test.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

// The presence service's published sample response (tests/data/presence_sample.json, copied as
// printed): bare keys and trailing commas, which the lenient switches admit, and one
// `placement;"full"`, which nothing admits. It is read here into test-local types shaped like the
// presence records, so that the core's handling of it is checked on its own.
namespace sample {
namespace {

struct Activity {
  std::string rich_presence;
  bool operator==(const Activity&) const = default;
};

struct Title {
  std::string id;
  std::string name;
  std::optional<std::string> last_modified;
  std::optional<std::string> timestamp;
  std::optional<std::string> placement;
  std::string state;
  std::optional<Activity> activity;
  bool operator==(const Title&) const = default;
};

struct Device {
  std::string type;
  std::vector<Title> titles;
  bool operator==(const Device&) const = default;
};

struct Record {
  std::string xuid;
  std::string state;
  std::vector<Device> devices;
  bool operator==(const Record&) const = default;
};

}  // namespace
}  // namespace sample

template <>
struct xbl::meta<sample::Activity> {
  static constexpr auto fields = xbl::make_fields(xbl::field("richPresence", &sample::Activity::rich_presence));
};

template <>
struct xbl::meta<sample::Title> {
  using T = sample::Title;
  static constexpr auto fields = xbl::make_fields(
      xbl::field("id", &T::id), xbl::field("name", &T::name), xbl::field("lastModified", &T::last_modified),
      xbl::field("timestamp", &T::timestamp), xbl::field("placement", &T::placement), xbl::field("state", &T::state),
      xbl::field("activity", &T::activity));
};

template <>
struct xbl::meta<sample::Device> {
  static constexpr auto fields =
      xbl::make_fields(xbl::field("type", &sample::Device::type), xbl::field("titles", &sample::Device::titles));
};

template <>
struct xbl::meta<sample::Record> {
  static constexpr auto fields =
      xbl::make_fields(xbl::field("xuid", &sample::Record::xuid), xbl::field("state", &sample::Record::state),
                       xbl::field("devices", &sample::Record::devices));
};

namespace {

std::string load_sample() {
  std::ifstream in(std::string(XBL_TEST_DATA_DIR) + "/presence_sample.json", std::ios::binary);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct place {
  std::size_t offset;
  std::size_t line;
  std::size_t column;
};

// Where the one ';' of the sample is, worked out from the text itself.
place semicolon_in(const std::string& text) {
  const std::size_t at = text.find("placement;");
  REQUIRE(at != std::string::npos);
  REQUIRE(std::count(text.begin(), text.end(), ';') == 1);
  const std::size_t offset = at + std::string_view("placement").size();
  const std::size_t line = static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n')) + 1;
  const std::size_t line_start = text.rfind('\n', offset) + 1;
  return {offset, line, offset - line_start + 1};
}

void check_at_semicolon(const xbl::error& e, const place& where) {
  CHECK(e.code == xbl::errc::syntax);
  CHECK(e.offset == where.offset);
  CHECK(e.line == where.line);
  CHECK(e.column == where.column);
  // What the sample shows: line 39, column 35 of the block as printed.
  CHECK(e.line == 39);
  CHECK(e.column == 35);
  CHECK(e.offset == 1056);
  CHECK(e.path == "/1/devices/0/titles/0");
  CHECK(e.message.find("':'") != std::string::npos);
  CHECK(e.message.find("expected") != std::string::npos);
  CHECK(e.message.find("';'") != std::string::npos);
}

}  // namespace

TEST_CASE("presence sample: the data file is the sample block as printed") {
  const std::string text = load_sample();
  REQUIRE_FALSE(text.empty());
  CHECK(text.front() == '[');
  CHECK(text.substr(0, 8) == "[\n     {");
  CHECK(text.substr(text.size() - 3) == " ]\n");
  CHECK(text.find("\r") == std::string::npos);
}

TEST_CASE("presence sample: read leniently, it fails at the ';' with errc::syntax, expecting ':'") {
  const std::string text = load_sample();
  const place where = semicolon_in(text);
  const auto r = xbl::from_json<std::vector<sample::Record>>(text, xbl::read_options::lenient());
  REQUIRE_FALSE(r.has_value());
  check_at_semicolon(r.error(), where);
  CHECK(fmt::format("{}", r.error()) ==
        "line 39, column 35 (/1/devices/0/titles/0): expected ':' after object key, found ';'");
}

TEST_CASE("presence sample: no lenient switch accepts the ';', read as raw_json either") {
  const std::string text = load_sample();
  const place where = semicolon_in(text);
  const auto raw = xbl::from_json<xbl::raw_json>(text, xbl::read_options::lenient());
  REQUIRE_FALSE(raw.has_value());
  check_at_semicolon(raw.error(), where);

  xbl::read_options keep = xbl::read_options::lenient();
  keep.unknown_keys = xbl::unknown_key_policy::error;
  const auto strict_keys = xbl::from_json<std::vector<sample::Record>>(text, keep);
  REQUIRE_FALSE(strict_keys.has_value());
  check_at_semicolon(strict_keys.error(), where);

  // Read strictly, the first fault is the first bare key, well before the ';'.
  const auto strict = xbl::from_json<xbl::raw_json>(text);
  REQUIRE_FALSE(strict.has_value());
  CHECK(strict.error().code == xbl::errc::syntax);
  CHECK(strict.error().line == 3);
  CHECK(strict.error().column == 10);
  CHECK(strict.error().path == "/0");
  CHECK(strict.error().message.find("read_options::unquoted_keys") != std::string::npos);
}

TEST_CASE("presence sample: with the ';' made a ':' it reads completely, three records") {
  std::string text = load_sample();
  const place where = semicolon_in(text);
  text[where.offset] = ':';

  const auto r = xbl::from_json<std::vector<sample::Record>>(text, xbl::read_options::lenient());
  const std::string error = r ? std::string() : fmt::format("{}", r.error());
  INFO(error);
  REQUIRE(r.has_value());
  const auto& records = *r;
  REQUIRE(records.size() == 3);

  CHECK(records[0].xuid == "0123456789");
  CHECK(records[0].state == "online");
  REQUIRE(records[0].devices.size() == 1);
  CHECK(records[0].devices[0].type == "D");
  REQUIRE(records[0].devices[0].titles.size() == 1);
  const sample::Title& first = records[0].devices[0].titles[0];
  CHECK(first.id == "12341234");
  CHECK(first.name == "Contoso 5");
  CHECK(first.last_modified == std::optional<std::string>("2012-09-17T07:15:23.4930000"));
  CHECK(first.timestamp == std::nullopt);
  CHECK(first.placement == std::optional<std::string>("full"));
  CHECK(first.state == "active");
  CHECK(first.activity == std::optional<sample::Activity>(sample::Activity{"Playing on Nirvana"}));

  CHECK(records[1].xuid == "0123456780");
  CHECK(records[1].devices.at(0).titles.at(0).placement == std::optional<std::string>("full"));
  CHECK(records[1].devices.at(0).titles.at(0).activity->rich_presence == "Viewing stats");

  CHECK(records[2].xuid == "0123456781");
  CHECK(records[2].devices.at(0).type == "Win8");
  const sample::Title& third = records[2].devices.at(0).titles.at(0);
  CHECK(third.id == "23452345");
  CHECK(third.name == "Contoso Gamehelp");
  CHECK(third.last_modified == std::nullopt);
  CHECK(third.placement == std::nullopt);
  CHECK(third.timestamp == std::optional<std::string>("2012-09-17T07:15:23.4930000"));
  CHECK(third.activity->rich_presence == "Viewing help");

  // Written back it is strict JSON that reads to the same records.
  const std::string json = xbl::to_json(records);
  const auto again = xbl::from_json<std::vector<sample::Record>>(json);
  REQUIRE(again.has_value());
  CHECK(*again == records);

  // As raw_json it comes out as compact RFC 8259 text, which a strict read accepts.
  const auto raw = xbl::from_json<xbl::raw_json>(text, xbl::read_options::lenient());
  REQUIRE(raw.has_value());
  constexpr std::string_view start = R"([{"xuid":"0123456789","state":"online","devices":[{"type":"D","titles":[{"id")";
  CHECK(raw->text().substr(0, start.size()) == start);
  CHECK(raw->text().find('\n') == std::string_view::npos);
  CHECK(xbl::to_json(*raw) == raw->text());
  CHECK(xbl::from_json<xbl::raw_json>(raw->text()).has_value());
  CHECK(xbl::from_json<std::vector<sample::Record>>(raw->text()).value() == records);
}

TEST_CASE("presence sample: every combination of lenient switches still refuses the ';'") {
  const std::string text = load_sample();
  const place where = semicolon_in(text);
  std::string fixed = text;
  fixed[where.offset] = ':';
  for (int bits = 0; bits < 8; ++bits) {
    xbl::read_options o;
    o.comments = (bits & 1) != 0;
    o.trailing_commas = (bits & 2) != 0;
    o.unquoted_keys = (bits & 4) != 0;
    INFO("comments " << o.comments << ", trailing_commas " << o.trailing_commas << ", unquoted_keys " << o.unquoted_keys);
    const auto r = xbl::from_json<std::vector<sample::Record>>(text, o);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == xbl::errc::syntax);
    // The sample needs bare keys and trailing commas (it has no comments); with both admitted
    // the ';' is the first fault, otherwise an earlier one is.
    const bool enough = o.trailing_commas && o.unquoted_keys;
    if (enough) CHECK(r.error().offset == where.offset);
    else CHECK(r.error().offset < where.offset);
    CHECK(xbl::from_json<std::vector<sample::Record>>(fixed, o).has_value() == enough);
  }
}
