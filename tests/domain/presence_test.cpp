#include "xbl_test.hpp"

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

// People presence: levels (filter, level_of, check_level) and the seed's sample response.

using namespace xbl::literals;

namespace {

// Two devices: the first with a title at level `all` and one at level `title`, the second bare.
constexpr const char* full_record =
    R"({"xuid":"2533274790395904","state":"Online","devices":[)"
    R"({"type":"D","titles":[{"id":"12341234","name":"Contoso 5","lastModified":"2012-09-17T07:15:23.4930000","placement":"full","state":"active","activity":{"richPresence":"Playing on Nirvana","media":{"id":"m1","idType":"bing","name":"Film"}}},)"
    R"({"id":"714681658","name":"Home","placement":"background","state":"active"}]},)"
    R"({"type":"PC"}]})";

xbl::PresenceRecord record(const std::string& json) {
  auto r = xbl::from_json<xbl::PresenceRecord>(json);
  REQUIRE(r);
  return *r;
}

std::vector<std::string> paths(const std::vector<xbl::violation>& found, std::string_view rule) {
  std::vector<std::string> out;
  for (const auto& v : found) {
    CHECK(v.rule == rule);
    out.push_back(v.path);
  }
  return out;
}

}  // namespace

TEST_CASE("filter cuts a record down to each level") {
  const auto all = record(full_record);
  CHECK(xbl::filter(all, xbl::PresenceLevel::all) == all);
  CHECK(xbl::to_json(xbl::filter(all, xbl::PresenceLevel::all)) == full_record);

  const auto title = xbl::filter(all, xbl::PresenceLevel::title);
  CHECK(xbl::to_json(title) ==
        R"({"xuid":"2533274790395904","state":"Online","devices":[)"
        R"({"type":"D","titles":[{"id":"12341234","name":"Contoso 5","lastModified":"2012-09-17T07:15:23.4930000","placement":"full","state":"active"},)"
        R"({"id":"714681658","name":"Home","placement":"background","state":"active"}]},)"
        R"({"type":"PC"}]})");

  const auto device = xbl::filter(all, xbl::PresenceLevel::device);
  CHECK(xbl::to_json(device) == R"({"xuid":"2533274790395904","state":"Online","devices":[{"type":"D"},{"type":"PC"}]})");

  const auto user = xbl::filter(all, xbl::PresenceLevel::user);
  CHECK(xbl::to_json(user) == R"({"xuid":"2533274790395904","state":"Online"})");

  // Filtering to a deeper level than the record has changes nothing.
  CHECK(xbl::filter(user, xbl::PresenceLevel::all) == user);
  CHECK(xbl::filter(device, xbl::PresenceLevel::title) == device);
  // A user-level record keeps its lastSeen.
  const auto offline = record(R"({"xuid":"1","state":"Offline","lastSeen":{"titleName":"Home"}})");
  CHECK(xbl::filter(offline, xbl::PresenceLevel::user) == offline);
}

TEST_CASE("level_of tells the deepest level a record has") {
  const auto all = record(full_record);
  CHECK(xbl::level_of(all) == xbl::PresenceLevel::all);
  for (auto level : {xbl::PresenceLevel::user, xbl::PresenceLevel::device, xbl::PresenceLevel::title,
                     xbl::PresenceLevel::all}) {
    CAPTURE(xbl::to_string(level));
    CHECK(xbl::level_of(xbl::filter(all, level)) == level);
  }
  CHECK(xbl::level_of(record(R"({"xuid":"1","state":"Offline"})")) == xbl::PresenceLevel::user);
  CHECK(xbl::level_of(record(R"({"xuid":"1","state":"Offline","lastSeen":{"titleName":"Home"}})")) ==
        xbl::PresenceLevel::user);
  CHECK(xbl::level_of(record(R"({"xuid":"1","state":"Online","devices":[{"type":"PC","titles":[]}]})")) ==
        xbl::PresenceLevel::device);
  // The deepest wins, wherever it is: the activity is on the last title of the last device.
  CHECK(xbl::level_of(record(
            R"({"xuid":"1","state":"Online","devices":[{"type":"PC"},{"type":"D","titles":[{"id":"1"},{"id":"2","activity":{}}]}]})")) ==
        xbl::PresenceLevel::all);
  CHECK(xbl::level_of(record(R"({"xuid":"1","state":"Online","devices":[{"type":"PC"},{"type":"D","titles":[{"id":"1"}]}]})")) ==
        xbl::PresenceLevel::title);
}

TEST_CASE("check_level reports what is deeper than the level asked, each at its path") {
  const auto all = record(full_record);
  CHECK(xbl::check_level(all, xbl::PresenceLevel::all).empty());
  CHECK(paths(xbl::check_level(all, xbl::PresenceLevel::title), "presence.level") ==
        std::vector<std::string>{"/devices/0/titles/0/activity"});
  CHECK(paths(xbl::check_level(all, xbl::PresenceLevel::device), "presence.level") ==
        std::vector<std::string>{"/devices/0/titles"});
  CHECK(paths(xbl::check_level(all, xbl::PresenceLevel::user), "presence.level") ==
        std::vector<std::string>{"/devices"});

  const auto two = record(
      R"({"xuid":"1","state":"Online","devices":[{"type":"PC","titles":[{"id":"1","activity":{}}]},{"type":"D","titles":[{"id":"2"},{"id":"3","activity":{"richPresence":"x"}}]}]})");
  CHECK(paths(xbl::check_level(two, xbl::PresenceLevel::title), "presence.level") ==
        std::vector<std::string>{"/devices/0/titles/0/activity", "/devices/1/titles/1/activity"});
  CHECK(paths(xbl::check_level(two, xbl::PresenceLevel::device), "presence.level") ==
        std::vector<std::string>{"/devices/0/titles", "/devices/1/titles"});

  for (auto level : {xbl::PresenceLevel::user, xbl::PresenceLevel::device, xbl::PresenceLevel::title,
                     xbl::PresenceLevel::all}) {
    CAPTURE(xbl::to_string(level));
    CHECK(xbl::check_level(xbl::filter(two, level), level).empty());
    // A shallower record is no violation at a deeper level.
    CHECK(xbl::check_level(xbl::filter(two, xbl::PresenceLevel::user), level).empty());
  }
}

TEST_CASE("seed: the presence sample fails at its ';' typo, with its place") {
  const std::string text = data_file("presence_seed.json");
  const auto offset = text.find(';');
  REQUIRE(offset == 1056);

  const auto r = xbl::from_json<std::vector<xbl::PresenceRecord>>(text, xbl::read_options::lenient());
  REQUIRE_FALSE(r);
  CHECK(r.error().code == xbl::errc::syntax);
  CHECK(r.error().offset == offset);
  CHECK(r.error().line == 39);
  CHECK(r.error().column == 35);
  CHECK(r.error().path == "/1/devices/0/titles/0");
  const std::string shown = fmt::format("{}", r.error());
  CHECK(shown.find("39") != std::string::npos);
  CHECK(shown.find("35") != std::string::npos);
  CHECK(shown.find("/1/devices/0/titles/0") != std::string::npos);
  CHECK(shown.find(r.error().message) != std::string::npos);
  CHECK(shown.find('\n') == std::string::npos);

  // Strictly, the first fault is the first bare key.
  const auto strict = xbl::from_json<std::vector<xbl::PresenceRecord>>(text);
  REQUIRE_FALSE(strict);
  CHECK(strict.error().code == xbl::errc::syntax);
  CHECK(strict.error().line == 3);
  CHECK(strict.error().column == 10);
}

TEST_CASE("seed: the presence sample with its typo fixed reads three records") {
  std::string text = data_file("presence_seed.json");
  text[text.find(';')] = ':';

  const auto r = xbl::from_json<std::vector<xbl::PresenceRecord>>(text, xbl::read_options::lenient());
  REQUIRE(r);
  const auto& records = *r;
  REQUIRE(records.size() == 3);

  const auto& first = records[0];
  CHECK(first.xuid == 123456789_xuid);
  CHECK(first.xuid.to_string() == "0123456789");
  CHECK(first.state == xbl::PresenceState::Online);
  CHECK(first.state.text() == "online");
  REQUIRE(first.devices.size() == 1);
  CHECK(first.devices[0].type == xbl::DeviceType::D);
  REQUIRE(first.devices[0].titles.size() == 1);
  const auto& contoso = first.devices[0].titles[0];
  CHECK(contoso.id == 12341234_title);
  CHECK_FALSE(contoso.id.written_as_number());
  CHECK(contoso.name == "Contoso 5");
  REQUIRE(contoso.last_modified.has_value());
  CHECK(contoso.last_modified->ticks() == 634834629234930000);
  CHECK(contoso.last_modified->to_string() == "2012-09-17T07:15:23.4930000");
  CHECK_FALSE(contoso.timestamp.has_value());
  CHECK(contoso.placement == xbl::Placement::full);
  CHECK(contoso.state == xbl::TitleState::active);
  REQUIRE(contoso.activity.has_value());
  CHECK(contoso.activity->rich_presence == "Playing on Nirvana");

  CHECK(records[1].xuid.to_string() == "0123456780");
  CHECK(records[1].devices.at(0).titles.at(0).placement == xbl::Placement::full);
  CHECK(records[1].devices.at(0).titles.at(0).activity->rich_presence == "Viewing stats");

  // The third title says `timestamp`, not `lastModified`.
  const auto& third = records[2];
  CHECK(third.xuid.to_string() == "0123456781");
  REQUIRE(third.devices.size() == 1);
  CHECK_FALSE(third.devices[0].type.is_known());
  CHECK(third.devices[0].type.text() == "Win8");
  const auto& help = third.devices[0].titles.at(0);
  CHECK(help.id == 23452345_title);
  CHECK(help.name == "Contoso Gamehelp");
  CHECK_FALSE(help.last_modified.has_value());
  REQUIRE(help.timestamp.has_value());
  CHECK(help.timestamp->to_string() == "2012-09-17T07:15:23.4930000");
  CHECK_FALSE(help.placement.has_value());
  CHECK(help.activity->rich_presence == "Viewing help");

  // Win8 is the one thing validate has to say.
  const auto found = xbl::validate(records);
  REQUIRE(found.size() == 1);
  CHECK(found[0].path == "/2/devices/0/type");
  CHECK(found[0].rule == "enum.unknown");
  CHECK(found[0].message.find("Win8") != std::string::npos);

  for (const auto& rec : records) {
    CHECK(xbl::level_of(rec) == xbl::PresenceLevel::all);
    CHECK(paths(xbl::check_level(rec, xbl::PresenceLevel::title), "presence.level") ==
          std::vector<std::string>{"/devices/0/titles/0/activity"});
  }

  // Written as JSON, it reads back strictly to the same records, and writes the same again.
  const std::string json = xbl::to_json(records);
  CHECK(json.find("\"type\":\"Win8\"") != std::string::npos);
  CHECK(json.find("\"state\":\"online\"") != std::string::npos);
  CHECK(json.find("\"timestamp\":\"2012-09-17T07:15:23.4930000\"") != std::string::npos);
  const auto again = xbl::from_json<std::vector<xbl::PresenceRecord>>(json);
  REQUIRE(again);
  CHECK(*again == records);
  CHECK(xbl::to_json(*again) == json);
}
