// One translation unit that makes the compiler see as much of the library as it can: every model
// type read, validated, written and formatted, the identifiers, the endpoints, and a user's own
// described types. A user may build with stricter warnings than the project's; this unit is what
// the meson test strict-warnings-O3 compiles with those as errors. At -O3 g++ also analyses the
// inlined code of fmt's headers, which once gave -Wstringop-overflow false positives where the
// formatters inherited fmt's parse.
//
// It is a program that checks what it does and returns 0, but it is built to be compiled: in two
// halves (XBL_STRICT_PART 1 and 2), each a unit of its own, so that neither needs the compiler
// memory of the whole.
#include <xbl/xbl.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>

// ---- a user's own types ------------------------------------------------------------------------

namespace user {

enum class Mood { calm, busy, away };
// Values far apart: the enum's names are looked up by a search rather than a table.
enum class Tier : std::int16_t { bronze = -1, silver = 2, gold = 5000 };

}  // namespace user

// An enumeration is described before open_enum<E> names it.
template <>
struct xbl::meta<user::Mood> {
  static constexpr std::string_view name = "Mood";
  static constexpr bool ignore_case = true;
  static constexpr auto values = xbl::make_enum(xbl::name(user::Mood::calm, "calm", "Calm", "quiet"),
                                                xbl::name(user::Mood::busy, "busy"), xbl::name(user::Mood::away, "away"));
};

template <>
struct xbl::meta<user::Tier> {
  static constexpr auto values = xbl::make_enum(xbl::name(user::Tier::bronze, "bronze"),
                                                xbl::name(user::Tier::silver, "silver"),
                                                xbl::name(user::Tier::gold, "gold", "GOLD"));
};

namespace user {

struct Part {
  std::string label;
  std::uint8_t count = 0;
  bool operator==(const Part&) const = default;
};

struct Gadget {
  std::string name;
  bool enabled = false;
  std::optional<std::string> note;
  std::optional<bool> flag;
  std::vector<std::string> tags;
  std::vector<double> weights;
  double ratio = 0;
  float scale = 0;
  std::int64_t big = 0;
  std::uint64_t huge = 0;
  std::int8_t tiny = 0;
  std::uint16_t port = 0;
  int level = 0;
  unsigned flags = 0;
  long long total = 0;
  std::optional<std::int64_t> maybe;
  std::vector<std::int64_t> counts;
  std::array<int, 3> rgb{};
  std::map<std::string, double> scores;
  std::map<std::string, Part> named_parts;
  xbl::open_enum<Mood> mood;
  std::optional<xbl::open_enum<Tier>> tier;
  std::vector<xbl::open_enum<Mood>> moods;
  xbl::Xuid owner;
  std::optional<xbl::Guid> id;
  xbl::TitleId title;
  std::optional<xbl::Timestamp> seen;
  xbl::raw_json payload;
  std::optional<Part> part;
  std::vector<Part> parts;
  xbl::extras extras;
  bool operator==(const Gadget&) const = default;
};

struct Circle {
  double radius = 1;
  bool operator==(const Circle&) const = default;
};

struct Square {
  std::int64_t side = 1;
  std::optional<std::string> colour;
  bool operator==(const Square&) const = default;
};

using Shape = std::variant<Circle, Square>;

}  // namespace user

template <>
struct xbl::meta<user::Part> {
  static constexpr auto fields = xbl::make_fields(xbl::field("label", &user::Part::label, xbl::length{0, 40, "part.label"}),
                                                  xbl::field("count", &user::Part::count));
};

template <>
struct xbl::meta<user::Gadget> {
  using G = user::Gadget;
  static constexpr auto fields = xbl::make_fields(
      xbl::field("name", &G::name, xbl::length{0, 64, "gadget.name"}, xbl::max_uri_length{200, "gadget.name_uri"}),
      xbl::field("enabled", &G::enabled), xbl::field("note", &G::note, xbl::length{1, 10, "gadget.note"}),
      xbl::field("flag", &G::flag), xbl::field("tags", &G::tags, xbl::non_empty{"gadget.tags"}),
      xbl::field("weights", &G::weights), xbl::field("ratio", &G::ratio, xbl::equals{0.0, "gadget.ratio"}),
      xbl::field("scale", &G::scale), xbl::field("big", &G::big, xbl::equals{std::int64_t{0}, "gadget.big"}),
      xbl::field("huge", &G::huge), xbl::field("tiny", &G::tiny), xbl::field("port", &G::port),
      xbl::field("level", &G::level, xbl::check{"gadget.level", [](int v) {
        return v < 0 ? std::string("a level is not negative") : std::string();
      }}),
      xbl::field("flags", &G::flags), xbl::field("total", &G::total), xbl::field("maybe", &G::maybe),
      xbl::field("counts", &G::counts), xbl::field("rgb", &G::rgb), xbl::field("scores", &G::scores),
      xbl::field("namedParts", &G::named_parts), xbl::field("mood", &G::mood), xbl::field("tier", &G::tier),
      xbl::field("moods", &G::moods), xbl::field("owner", &G::owner), xbl::field("id", &G::id),
      xbl::field("title", &G::title), xbl::field("seen", &G::seen), xbl::field("payload", &G::payload),
      xbl::field("part", &G::part), xbl::field("parts", &G::parts));
  static constexpr auto rules = xbl::make_rules(xbl::check{"gadget.parts", [](const G& g) {
    return g.part && !g.parts.empty() ? std::string("part and parts are not both given") : std::string();
  }});
  static constexpr auto extras = &G::extras;
};

template <>
struct xbl::meta<user::Circle> {
  static constexpr auto fields = xbl::make_fields(xbl::field("radius", &user::Circle::radius));
};

template <>
struct xbl::meta<user::Square> {
  static constexpr auto fields =
      xbl::make_fields(xbl::field("side", &user::Square::side), xbl::field("colour", &user::Square::colour));
};

template <>
struct xbl::meta<user::Shape> {
  static constexpr std::string_view tag = "kind";
  static constexpr std::array<std::string_view, 2> tags{"circle", "square"};
};

static_assert(xbl::field_count<user::Gadget> == 30);
static_assert(xbl::field_names<user::Gadget>[29] == "parts");
static_assert(xbl::to_string(user::Tier::gold) == "gold");
static_assert(xbl::enum_from_string<user::Mood>("QUIET") == user::Mood::calm);
static_assert(std::remove_cvref_t<decltype(xbl::detail::models)>::size == 21);

namespace {

int failures = 0;

void expect(bool ok, std::string_view what) {
  if (ok) return;
  ++failures;
  std::fprintf(stderr, "failed: %.*s\n", static_cast<int>(what.size()), what.data());
}

// Every error formats on one line, with every spec the formatters take.
void format_error(const xbl::error& e) {
  expect(!fmt::format("{}", e).empty() && !fmt::format("{:p}", e).empty(), "an error formats");
  expect(fmt::format("{:*^300}", e).size() >= 300, "an error pads");
  (void)fmt::format("{:>12}|{:<12}|{:→^12}", e, e, e);
  (void)xbl::to_string(e.code);
}

template <class T>
void format_value(const T& value) {
  const std::string compact = xbl::to_json(value);
  const std::string pretty = xbl::to_json(value, {.pretty = true, .indent = 4});
  if constexpr (xbl::detail::json_formattable<T>) {  // the xbl types with a formatter of their own
    expect(fmt::format("{}", value) == compact, "fmt and to_json agree");
    expect(fmt::format("{:p}", value) == xbl::to_json(value, {.pretty = true, .indent = 2}), "{:p} is pretty JSON");
    (void)fmt::format("{:>40}{:_<40p}{:é^9}", value, value, value);
  }
  expect(fmt::format("{}", xbl::json(value)) == compact, "xbl::json is compact JSON");
  (void)fmt::format("{:p}|{:>80p}", xbl::json(value), xbl::json(value));
  (void)pretty;
}

// Reads `text` as T under each set of options, then writes, validates and formats what it read.
template <class T>
void round_trip(std::string_view text) {
  xbl::read_options keep;
  keep.unknown_keys = xbl::unknown_key_policy::keep;
  xbl::read_options lenient = xbl::read_options::lenient();
  lenient.unknown_keys = xbl::unknown_key_policy::keep;
  xbl::read_options strict;
  strict.unknown_keys = xbl::unknown_key_policy::error;
  strict.strict_enums = true;
  strict.validate = true;
  strict.max_depth = 16;

  for (const auto& options : {xbl::read_options{}, keep, lenient, strict}) {
    const xbl::result<T> value = xbl::from_json<T>(text, options);
    if (!value) {
      format_error(value.error());
      continue;
    }
    T into{};
    std::string into_text;
    for (const bool pretty : {false, true}) {
      const std::string written = xbl::to_json(*value, {.pretty = pretty, .indent = 3});
      const auto again = xbl::from_json<T>(written, keep);
      expect(again.has_value() && *again == *value, "what was written reads back equal");
      expect(xbl::from_json(written, into, keep).code == xbl::errc::ok && into == *value, "a read into a used value is a fresh read");
      xbl::to_json(into, into_text, {.pretty = pretty, .indent = 3});
      expect(into_text == written, "a write into a used string is a fresh write");
      const auto whole = xbl::read_at<T>(written, "", keep);
      expect(whole.has_value() && *whole == *value, "read_at of the empty pointer is the whole text");
    }
    for (const auto& v : xbl::validate(*value)) {
      expect(!fmt::format("{}", v).empty(), "a violation formats");
      (void)fmt::format("{:p}{:>30}", v, v);
    }
    format_value(*value);
  }
  // Faults of each kind, each reported and formatted.
  for (const std::string_view bad : {"", "{", "[1,]", "{\"a\":1,\"a\":2}", "\"\\ud800\"", "01", "{} x", "[[[[[[[[[[]]]]]]]]]]",
                                     "{\"version\":99999999999999999999}", "\xC0\xAF", "nul"}) {
    xbl::read_options shallow;
    shallow.max_depth = 4;
    const auto r = xbl::from_json<T>(bad, shallow);
    if (!r) format_error(r.error());
  }
}

// A default value written, read back, and round-tripped.
template <class T>
void model() {
  const T value{};
  const std::string text = xbl::to_json(value);
  const auto back = xbl::from_json<T>(text);
  expect(back.has_value() && *back == value, "a default value reads back equal");
  round_trip<T>(text);
  round_trip<T>(xbl::to_json(value, {.pretty = true, .indent = 1}));
}

constexpr std::string_view presence_text = R"([
  {"xuid": "2533274790395904", "state": "Online", "devices": [
    {"type": "XboxOne", "titles": [
      {"id": "714681658", "name": "Home", "placement": "background", "state": "active",
       "lastModified": "2024-02-29T23:59:59.1234567Z",
       "activity": {"richPresence": "In a match", "media": {"id": "m1", "idType": "bing", "name": "Film"},
                    "broadcast": {"id": "b", "session": "s", "provider": "twitch", "viewers": 12,
                                  "started": "2013-02-01T00:00:00Z"}}}]},
    {"type": "Win8", "titles": []}]},
  {"xuid": "0002533274790395905", "state": "offline",
   "lastSeen": {"deviceType": "PC", "titleId": 1234, "titleName": "Game", "timestamp": "2020-01-01T12:00:00"}}
])";

[[maybe_unused]] constexpr std::string_view handle_text = R"({
  "version": 1, "type": "invite",
  "sessionRef": {"scid": "00000000-0000-0000-0000-00007a1d2c3b", "templateName": "lobby", "name": "S1"},
  "inviteAttributes": {"titleId": "1234", "context": "ctx", "contextString": "join", "senderString": "me"},
  "invitedXuid": "2533274790395904", "extra": [1, {"x": null}]
})";

constexpr std::string_view batch_request_text = R"({
  "users": [{"xuid": "12345"}, {"anonymousUser": "crossNetworkFriend"}],
  "permissions": ["CommunicateUsingText", "PlayMultiplayer", "ViewTargetSocialClubs"]
})";

constexpr std::string_view batch_response_text = R"({"responses": [
  {"user": {"xuid": "12345"}, "permissions": [{"isAllowed": true}, {"isAllowed": true}, {"isAllowed": true}]},
  {"user": {"anonymousUser": "crossNetworkFriend"}, "permissions": [
    {"isAllowed": false, "reasons": [{"reason": "MissingPrivilege", "restrictedSetting": "AllowMultiplayer"}]},
    {"isAllowed": false, "reasons": [{"reason": "PrivacySettingRestrictsTarget", "restrictedSetting": "ShareIdentity"}]},
    {"isAllowed": false, "reasons": [{"reason": "NotAllowed", "restrictedSetting": "ShareIdentity"}]}]}
]})";

constexpr std::string_view gadget_text = R"({
  "name": "widget", "enabled": true, "note": "short", "flag": null, "tags": ["a", "b\n\u00e9"],
  "weights": [0.5, -1e-300, 1.7976931348623157e308], "ratio": 0, "scale": 3.25,
  "big": -9223372036854775808, "huge": 18446744073709551615, "tiny": -128, "port": 65535,
  "level": -3, "flags": 4294967295, "total": 9223372036854775807, "maybe": 42, "counts": [1, -2, 3],
  "rgb": [255, 128, 0], "scores": {"x": 1.5, "y": -0.25}, "namedParts": {"p": {"label": "L", "count": 255}},
  "mood": "QUIET", "tier": "GOLD", "moods": ["busy", "sleepy"], "owner": "007", "id": "0123abcd-0000-ffff-AAAA-123456789012",
  "title": 4294967295, "seen": "9999-12-31T23:59:59.9999999Z", "payload": {"k": [true, false, null, "s"]},
  "part": {"label": "only", "count": 1}, "parts": [{"label": "one", "count": 2}],
  "unknown": {"kept": [1, 2, 3]}
})";

[[maybe_unused]] void presence() {
  const auto records = xbl::from_json<std::vector<xbl::PresenceRecord>>(presence_text);
  expect(records.has_value(), "the presence sample reads");
  if (!records) return;
  for (const auto& record : *records) {
    const auto level = xbl::level_of(record);
    (void)fmt::format("{} {}", record.xuid, xbl::to_string(level));
    for (const auto asked : {xbl::PresenceLevel::user, xbl::PresenceLevel::device, xbl::PresenceLevel::title,
                             xbl::PresenceLevel::all}) {
      for (const auto& v : xbl::check_level(record, asked)) (void)fmt::format("{}", v);
      expect(xbl::level_of(xbl::filter(record, asked)) <= asked, "a filtered record is no deeper than asked");
    }
  }
  std::size_t seen = 0;
  const auto streamed = xbl::for_each_element<xbl::PresenceRecord>(
      presence_text, "", [&](const xbl::PresenceRecord& r, const xbl::element_position& at) {
        seen += at.index + 1;
        (void)fmt::format("{:p}", r);
      });
  expect(streamed.has_value() && *streamed == 2 && seen == 3, "for_each_element sees each record");
}

[[maybe_unused]] void privacy() {
  const auto request = xbl::from_json<xbl::PermissionCheckBatchRequest>(batch_request_text);
  const auto response = xbl::from_json<xbl::PermissionCheckBatchResponse>(batch_response_text);
  expect(request && response, "the privacy samples read");
  if (!request || !response) return;
  const auto matrix = xbl::correlate(*request, *response);
  expect(matrix.has_value(), "the answer lines up with the question");
  if (matrix) {
    expect(matrix->user_count() == 2 && matrix->permission_count() == 3, "2 users x 3 permissions");
    expect(matrix->allowed(xbl::Xuid(12345), xbl::PermissionId::PlayMultiplayer) == true, "the first user may play");
    expect(!matrix->at(1, 0).is_allowed, "the second may not");
  }
  auto short_response = *response;
  short_response.responses.pop_back();
  const auto mismatch = xbl::correlate(*request, short_response);
  expect(!mismatch, "a missing user is reported");
  if (!mismatch) format_error(mismatch.error());
  for (const auto& v : xbl::validate(*response)) (void)fmt::format("{}", v);
}

[[maybe_unused]] void endpoints() {
  const auto m = xbl::match("GET", "https://user@UserPresence.xboxlive.com:443/users/me/groups/People%20A?level=all&x=%41#f");
  expect(m.has_value() && m->param("moniker") == "People A" && m->query("x") == "A", "the presence endpoint matches");
  if (m) (void)fmt::format("{} {} {}", m->endpoint.name, m->endpoint.contract_version.current, m->endpoint.host);
  for (const auto& e : xbl::endpoints) {
    for (const auto& header : e.required_headers) (void)fmt::format("{}: {}", header.name, header.value);
    if (!e.request_body.empty()) expect(xbl::with_model(e.request_body, [](auto) {}) || e.request_body == "GamerpicImage", "a request body names a model");
  }
  for (const std::string_view text : {"me", "xuid(2533274790395904)", "xuid(99999999999999999999)", "xuid(12a)", "you"}) {
    const auto r = xbl::RequestorId::parse(text);
    if (r) (void)fmt::format("{} {:>30}", *r, *r);
    else format_error(r.error());
  }
  for (const std::string_view text : {"XBL3.0 x=123;secret", "XBL3.0 x=;t", "XBL3.0 x=1 2;t", "Bearer t"}) {
    const auto a = xbl::XblAuthorization::parse(text);
    if (a) expect(fmt::format("{}", *a).find("secret") == std::string::npos, "a token is never formatted");
    else format_error(a.error());
  }
}

[[maybe_unused]] void gamerpic() {
  constexpr std::array<unsigned char, 33> header = {
      0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',       // signature
      0, 0, 0, 13, 'I', 'H', 'D', 'R',                    // IHDR, 13 bytes
      0, 0, 0x04, 0x38, 0, 0, 0x04, 0x38, 8, 6, 0, 0, 0,  // 1080 x 1080, 8-bit RGBA
      0xEC, 0x10, 0x6C, 0x8F};                            // its CRC-32
  std::vector<std::byte> png(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) png[i] = std::byte{header[i]};
  const auto image = xbl::GamerpicImage::from_png(png);
  expect(image.has_value() && xbl::validate(*image).empty(), "a 1080 x 1080 PNG reads");
  if (image) format_value(*image);
  png[20] = std::byte{0x7F};
  const auto bad = xbl::GamerpicImage::from_png(std::span<const std::byte>(png).first(30));
  expect(!bad, "a cut PNG fails");
  if (!bad) format_error(bad.error());
  round_trip<xbl::GamerpicImage>(R"({"width":1080,"height":1080,"bitDepth":8,"colorType":6,"interlace":0})");
  round_trip<xbl::GamerpicImage>(R"({"width":1,"height":4294967296,"bitDepth":256,"colorType":-1,"interlace":0})");
}

[[maybe_unused]] void identifiers() {
  using namespace xbl::literals;
  constexpr xbl::Xuid xuid = 2533274790395904_xuid;
  constexpr xbl::TitleId title = 4294967295_title;
  constexpr xbl::Guid guid = "0123abcd-0000-ffff-AAAA-123456789012"_guid;
  constexpr xbl::Timestamp epoch(xbl::Timestamp::max_ticks);
  static_assert(xuid.value() == 2533274790395904u && title.value() == std::numeric_limits<std::uint32_t>::max());
  (void)fmt::format("{} {} {} {}", xuid, title, guid, epoch);
  (void)fmt::format("{:>30}|{:-<40}|{:^12}|{:p}", xuid, guid, title, epoch);
  (void)fmt::format("{} {} {} {}", xbl::json(xuid), xbl::json(title), xbl::json(guid), xbl::json(epoch));
  const auto from_ticks = xbl::Timestamp::from_ticks(xbl::Timestamp::max_ticks + 1);
  expect(!from_ticks, "ticks out of range are refused");
  if (!from_ticks) format_error(from_ticks.error());
  for (const std::string_view text : {"2024-02-29T23:59:59.1234567Z", "2023-02-29T00:00:00", "0001-01-01T00:00:00.1",
                                      "2020-01-01T24:00:00Z", "2020-01-01T00:00:60"}) {
    const auto t = xbl::Timestamp::parse(text);
    if (t) expect(t->to_string() == text, "a timestamp writes what it read");
    else format_error(t.error());
  }
  for (const std::string_view text : {"0", "00000000000000000000000018446744073709551615", "18446744073709551616", "1x"}) {
    const auto x = xbl::Xuid::parse(text);
    if (x) expect(x->to_string() == text, "a XUID writes what it read");
    else format_error(x.error());
  }
  for (const std::string_view text : {"4294967295", "4294967296", "012"}) {
    const auto t = xbl::TitleId::parse(text);
    if (!t) format_error(t.error());
  }
  const auto g = xbl::Guid::parse("{0123abcd-0000-ffff-AAAA-123456789012}");
  if (!g) format_error(g.error());
  const auto unknown = xbl::open_enum<xbl::DeviceType>::from_text("Toaster");
  const auto alias = xbl::open_enum<xbl::DeviceType>::from_text("xboxone");
  expect(!unknown.is_known() && alias == xbl::DeviceType::D && alias.text() == "xboxone", "open enums keep their text");
  (void)fmt::format("{} {:p} {:>20}", unknown, alias, xbl::open_enum<xbl::Privilege>(xbl::Privilege::AddFriend));
  expect(xbl::enum_from_string<xbl::Privilege>("ShareContent") == xbl::Privilege::ShareContent, "privileges by name");
  const xbl::raw_json raw = xbl::from_json<xbl::raw_json>(" [ 1 , {\"a\" : \"\\u0041\"} ] ").value();
  (void)fmt::format("{} {:p}", raw, raw);
}

[[maybe_unused]] void users() {
  round_trip<user::Gadget>(gadget_text);
  model<user::Gadget>();
  model<user::Part>();
  model<user::Shape>();
  round_trip<user::Shape>(R"({"side": 3, "kind": "square", "colour": "red"})");
  round_trip<user::Shape>(R"({"kind": "triangle"})");
  round_trip<std::map<std::string, user::Shape>>(R"({"a": {"kind": "circle", "radius": 0.5}, "b": {"kind": "square"}})");
  round_trip<std::vector<std::optional<xbl::open_enum<user::Tier>>>>(R"(["bronze", null, "platinum", "gold"])");
  round_trip<std::array<std::uint8_t, 4>>("[0, 1, 255, 256]");
  round_trip<std::vector<std::int16_t>>("[-32768, 32767, 32768]");
  round_trip<std::vector<float>>("[3.4028235e38, 1e39, -0.0]");
  round_trip<std::optional<std::string>>("\"caf\\u00e9 \\ud83d\\ude00\"");
  round_trip<bool>("true");
}

}  // namespace

#ifndef XBL_STRICT_PART
#error "compile this unit with XBL_STRICT_PART defined as 1 or 2"
#endif

int main() {
#if XBL_STRICT_PART == 1
  xbl::detail::apply([](const auto&... m) { (model<typename std::remove_cvref_t<decltype(m)>::type>(), ...); },
             xbl::detail::models);
  std::size_t named = 0;
  for (const auto name : xbl::model_names)
    named += xbl::with_model(name, [](auto type) { model<typename decltype(type)::type>(); });
  expect(named == 21, "with_model knows each model name");

  round_trip<std::vector<xbl::PresenceRecord>>(presence_text);
  round_trip<xbl::HandleRequest>(handle_text);
  round_trip<xbl::InviteHandleRequest>(handle_text);
  round_trip<xbl::InviteHandle>(R"({"id": "00000000-0000-0000-0000-00007a1d2c3b", "version": 1, "type": "invite",
    "invitedXuid": "1", "titleId": 7, "ownerXuid": "2", "sessionRef": {"scid": "00000000-0000-0000-0000-00007a1d2c3b",
    "templateName": "t"}, "inviteAttributes": {"titleId": "9"}})");
  round_trip<xbl::PermissionCheckBatchRequest>(batch_request_text);
  round_trip<xbl::PermissionCheckBatchResponse>(batch_response_text);

  presence();
  privacy();
#else
  model<xbl::GamerpicImage>();
  endpoints();
  gamerpic();
  identifiers();
  users();
#endif
  return failures == 0 ? 0 : 1;
}
