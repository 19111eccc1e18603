#include "xbl_test.hpp"

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

// from_json(text, out): reading into a value that holds another read. What is read must be what a
// fresh read gives, whatever `out` held, and the room `out` has is used rather than allocated again.

namespace into_test {

struct Item {
  std::string name;
  std::optional<std::string> note;
  std::vector<int> counts;
  bool operator==(const Item&) const = default;
};

// Defaults of its own for members the text may leave out: a read into a used value gives them back.
struct Defaults {
  std::string id;
  std::optional<int> level = 5;
  std::vector<std::string> tags = {"a", "b"};
  std::vector<Item> items;
  std::map<std::string, Item, std::less<>> by_name;
  std::optional<Item> best;
  bool operator==(const Defaults&) const = default;
};

struct Circle {
  double r = 0;
  bool operator==(const Circle&) const = default;
};
struct Label {
  std::string text;
  std::vector<std::string> lines;
  bool operator==(const Label&) const = default;
};
using Shape = std::variant<Circle, Label>;

}  // namespace into_test

template <>
struct xbl::meta<into_test::Item> {
  static constexpr auto fields = xbl::make_fields(xbl::field("name", &into_test::Item::name), xbl::field("note", &into_test::Item::note),
                                                  xbl::field("counts", &into_test::Item::counts));
};
template <>
struct xbl::meta<into_test::Defaults> {
  static constexpr auto fields =
      xbl::make_fields(xbl::field("id", &into_test::Defaults::id), xbl::field("level", &into_test::Defaults::level), xbl::field("tags", &into_test::Defaults::tags),
                       xbl::field("items", &into_test::Defaults::items), xbl::field("byName", &into_test::Defaults::by_name),
                       xbl::field("best", &into_test::Defaults::best));
};
template <>
struct xbl::meta<into_test::Circle> {
  static constexpr auto fields = xbl::make_fields(xbl::field("r", &into_test::Circle::r));
};
template <>
struct xbl::meta<into_test::Label> {
  static constexpr auto fields = xbl::make_fields(xbl::field("text", &into_test::Label::text), xbl::field("lines", &into_test::Label::lines));
};
template <>
struct xbl::meta<into_test::Shape> {
  static constexpr std::string_view tag = "kind";
  static constexpr std::array<std::string_view, 2> tags{"circle", "label"};
};

namespace into_test {

// Reads `second` into the value `first` was read into; it must equal a fresh read of `second`.
template <class T>
T read_after(std::string_view first, std::string_view second) {
  T value{};
  const auto e1 = xbl::from_json(first, value);
  INFO("first: " << first << " error: " << e1.message);
  REQUIRE(e1.code == xbl::errc::ok);
  const auto e2 = xbl::from_json(second, value);
  INFO("second: " << second << " error: " << e2.message);
  REQUIRE(e2.code == xbl::errc::ok);
  CHECK(value == read_ok<T>(second));
  return value;
}

// Presence as the service sends it, every level of the record filled in; strings past any
// small-string room, so that a read that did not keep them would have to allocate.
constexpr std::string_view presence =
    R"([{"xuid":"2533274792693551","state":"Online","devices":[{"type":"PC","titles":[)"
    R"({"id":"1234567890","name":"A title with a long name to be kept","lastModified":"2012-09-17T07:15:23.4930000Z",)"
    R"("placement":"full","state":"active","activity":{"richPresence":"Playing a long rich presence line",)"
    R"("media":{"id":"a media identifier, long enough","idType":"bing","name":"a media name as long as this"}}},)"
    R"({"id":"750","name":"Home screen with a long name too","placement":"background","state":"inactive"}]},)"
    R"({"type":"D","titles":[{"id":"4","name":"The last of the titles, named at length"}]}]},)"
    R"({"xuid":"2533274792693552","state":"Offline","lastSeen":{"deviceType":"D","titleId":"12","titleName":"Seen last in this title","timestamp":"2013-02-01T01:02:03Z"}}])";

constexpr std::string_view full = R"({"id":"x","level":1,"tags":["t1","t2","t3"],)"
                                  R"("items":[{"name":"one","note":"n","counts":[1,2,3]},{"name":"two","counts":[4]}],)"
                                  R"("byName":{"k1":{"name":"a","counts":[]},"k2":{"name":"b","note":"bn","counts":[9]}},)"
                                  R"("best":{"name":"top","note":"best note","counts":[7,7]}})";

TEST_CASE("read into: members left out get the defaults a fresh value has, not what was there") {
  const auto v = read_after<Defaults>(full, R"({"id":"y","byName":{}})");
  CHECK(v.level == 5);
  CHECK(v.tags == std::vector<std::string>{"a", "b"});
  CHECK(v.items.empty());
  CHECK(v.by_name.empty());
  CHECK_FALSE(v.best.has_value());
  // And inside elements read in place: the second item's note and counts go.
  const auto w = read_after<Defaults>(full, R"({"id":"y","byName":{},"items":[{"name":"n1"},{"name":"n2","note":"x"}]})");
  REQUIRE(w.items.size() == 2);
  CHECK_FALSE(w.items[0].note.has_value());
  CHECK(w.items[0].counts.empty());
  CHECK(w.items[1].note == "x");
}

TEST_CASE("read into: arrays longer, shorter and empty, strings longer and shorter") {
  read_after<Defaults>(full, R"({"id":"","byName":{},"items":[{"name":"only","counts":[1,2,3,4,5,6,7,8]}]})");
  read_after<Defaults>(R"({"id":"a","byName":{},"items":[{"name":"one","counts":[]}]})", full);
  read_after<Defaults>(full, R"({"id":"a","byName":{},"items":[],"tags":[]})");
  read_after<Defaults>(R"({"id":"a","byName":{},"tags":[]})",
                       R"({"id":"a much longer identifier than before, past any small-string room","byName":{}})");
  read_after<Defaults>(full, full);
  // Nulls where there were values.
  read_after<Defaults>(full, R"({"id":"a","byName":{},"level":null,"best":null})");
}

TEST_CASE("read into: a map keeps the nodes of the keys read again and drops the others") {
  Defaults v;
  REQUIRE(xbl::from_json(full, v).code == xbl::errc::ok);
  const Item* k2 = &v.by_name.at("k2");
  const auto e = xbl::from_json(R"({"id":"x","byName":{"k2":{"name":"b2","counts":[1]},"k3":{"name":"c","counts":[]}}})", v);
  REQUIRE(e.code == xbl::errc::ok);
  CHECK(v.by_name.size() == 2);
  CHECK(v.by_name.count("k1") == 0);
  CHECK(&v.by_name.at("k2") == k2);  // the same node, read into
  CHECK(v.by_name.at("k2") == Item{"b2", std::nullopt, {1}});
  CHECK(v.by_name.at("k3").name == "c");
  // A key given twice is still an error, whether or not the map had it.
  const auto twice = xbl::from_json(R"({"id":"x","byName":{"k2":{"name":"b","counts":[]},"k2":{"name":"b","counts":[]}}})", v);
  CHECK(twice.code == xbl::errc::duplicate_key);
  CHECK(twice.path == "/byName/k2");
}

TEST_CASE("read into: a variant keeps its alternative when the tag names it again, and changes it when not") {
  Shape s = Label{"old", {"l1", "l2"}};
  REQUIRE(xbl::from_json(R"({"kind":"label","text":"new"})", s).code == xbl::errc::ok);
  REQUIRE(std::holds_alternative<Label>(s));
  CHECK(std::get<Label>(s) == Label{"new", {}});
  REQUIRE(xbl::from_json(R"({"r":2.5,"kind":"circle"})", s).code == xbl::errc::ok);
  CHECK(s == Shape(Circle{2.5}));
  REQUIRE(xbl::from_json(R"({"kind":"label","text":"again","lines":["x"]})", s).code == xbl::errc::ok);
  CHECK(s == Shape(Label{"again", {"x"}}));
}

TEST_CASE("read into: errors are reported as a fresh read reports them, and leave a value that reads again") {
  Defaults v;
  REQUIRE(xbl::from_json(full, v).code == xbl::errc::ok);
  const std::string_view bad = R"({"id":"x","items":[{"name":"one","counts":[1,"two"]}]})";
  const auto e = xbl::from_json(bad, v);
  CHECK(e == read_error<Defaults>(bad));
  CHECK(e.code == xbl::errc::type_mismatch);
  CHECK(e.path == "/items/0/counts/1");
  // Whatever the failed read left, the value is whole: it reads, compares and writes.
  REQUIRE(xbl::from_json(R"({"id":"z","byName":{}})", v).code == xbl::errc::ok);
  CHECK(v == read_ok<Defaults>(R"({"id":"z","byName":{}})"));
  // Validation runs on the value read into, as from_json<T> runs it.
  xbl::read_options validating;
  validating.validate = true;
  xbl::PermissionResult r;
  const auto invalid = xbl::from_json(R"({"isAllowed":false})", r, validating);
  CHECK(invalid.code == xbl::errc::invalid_value);
  CHECK(invalid == xbl::from_json<xbl::PermissionResult>(R"({"isAllowed":false})", validating).error());
}

TEST_CASE("read into: a second read of the same payloads allocates nothing") {
  std::vector<xbl::PresenceRecord> p;
  REQUIRE(xbl::from_json(presence, p).code == xbl::errc::ok);
  CHECK(heap_meter::allocations_during([&] { REQUIRE(xbl::from_json(presence, p).code == xbl::errc::ok); }) == 0);
  CHECK(p == read_ok<std::vector<xbl::PresenceRecord>>(presence));

  // The seed with its misspelt reason put right: an unknown enumeration text is kept in a string of
  // its own, made anew by each read.
  std::string privacy = data_file("privacy_response_seed.json");
  const auto typo = privacy.find("\"PrivilegeRest\"");
  REQUIRE(typo != std::string::npos);
  privacy.replace(typo, 15, "\"PrivilegeRestrictsTarget\"");
  xbl::PermissionCheckBatchResponse batch;
  REQUIRE(xbl::from_json(privacy, batch).code == xbl::errc::ok);
  CHECK(heap_meter::allocations_during([&] { REQUIRE(xbl::from_json(privacy, batch).code == xbl::errc::ok); }) == 0);

  Defaults d;
  REQUIRE(xbl::from_json(full, d).code == xbl::errc::ok);
  CHECK(heap_meter::allocations_during([&] { REQUIRE(xbl::from_json(full, d).code == xbl::errc::ok); }) == 0);
  // A read that needs more room than the value has does allocate: the meter is not blind.
  CHECK(heap_meter::allocations_during([&] {
          REQUIRE(xbl::from_json(R"({"id":"a string longer than the room the last one left behind it","byName":{}})", d).code ==
                  xbl::errc::ok);
        }) > 0);
}

TEST_CASE("write into: to_json(value, out) replaces out's text and reuses its room") {
  const auto v = read_ok<Defaults>(full);
  std::string out = "text that was here before";
  xbl::to_json(v, out);
  CHECK(out == xbl::to_json(v));
  xbl::write_options pretty;
  pretty.pretty = true;
  xbl::to_json(v, out, pretty);
  CHECK(out == xbl::to_json(v, pretty));
  CHECK(heap_meter::allocations_during([&] { xbl::to_json(v, out); }) == 0);
  CHECK(out == xbl::to_json(v));

  // A text longer than the writer's buffer is written straight into the string's own room.
  Defaults big;
  for (int i = 0; i < 5000; ++i) big.tags.push_back("tag number " + std::to_string(i));
  std::string long_out;
  xbl::to_json(big, long_out);
  CHECK(long_out == xbl::to_json(big));
  REQUIRE(long_out.size() > 64 * 1024);
  const char* room = long_out.data();
  CHECK(heap_meter::allocations_during([&] { xbl::to_json(big, long_out); }) == 0);
  CHECK(long_out.data() == room);
  CHECK(long_out == xbl::to_json(big));
  // And a short text after it keeps that room too.
  xbl::to_json(Item{"x", std::nullopt, {}}, long_out);
  CHECK(long_out == xbl::to_json(Item{"x", std::nullopt, {}}));
  CHECK(long_out.data() == room);
}

TEST_CASE("write into: formatting into an fmt buffer gives to_json's text, with no string made") {
  const auto v = read_ok<Defaults>(full);
  fmt::memory_buffer buf;
  buf.reserve(4096);
  fmt::format_to(std::back_inserter(buf), "{}", v);  // the thread's writer buffer, warmed
  buf.clear();
  const std::size_t made = heap_meter::allocations_during([&] { fmt::format_to(std::back_inserter(buf), "{}", v); });
  CHECK(made == 0);
  CHECK(fmt::to_string(buf) == xbl::to_json(v));
  buf.clear();
  fmt::format_to(std::back_inserter(buf), "[{:*^60p}]", Item{"x", "y", {1}});
  xbl::write_options pretty;
  pretty.pretty = true;
  const std::string text = xbl::to_json(Item{"x", "y", {1}}, pretty);
  REQUIRE(text.size() < 60);
  const std::size_t pad = 60 - text.size();
  CHECK(fmt::to_string(buf) == "[" + std::string(pad / 2, '*') + text + std::string(pad - pad / 2, '*') + "]");
}

}  // namespace into_test
