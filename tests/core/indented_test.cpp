#include "xbl_test.hpp"

#include <cstddef>
#include <random>
#include <string>
#include <vector>

// Indented text is read with the place of each line's first token foreseen from its depth and the
// indentation width of the lines before (scanner::line_starting); the bytes are checked after the
// guess. These hold the guess to what it only speeds up: every layout reads to the same values,
// and a byte out of place in the indentation is the same error, at the same offset, as anywhere.

namespace {

using presence = std::vector<xbl::PresenceRecord>;

// Records that reach the deepest level the model has (an activity's media and broadcast), with
// objects and arrays closing one after another.
constexpr std::string_view records_json =
    R"([{"xuid":"2533274798347490","state":"Offline","lastSeen":{"deviceType":"PC","titleId":"1144039928",)"
    R"("titleName":"Halo: The Master Chief Collection","timestamp":"2024-05-19T00:52:17.0009496Z"}},)"
    R"({"xuid":"2533274795782967","state":"Online","devices":[{"type":"Scarlett","titles":[{"id":"750323071",)"
    R"("name":"Home","lastModified":"2024-02-11T16:41:51.3914695Z","placement":"background","state":"inactive",)"
    R"("activity":{"richPresence":"Korean BBQ Tycoon: \uc77c\uc694\uc77c"}},{"id":"1828326430","name":"Sea of Thieves",)"
    R"("lastModified":"2024-09-06T20:24:09.0685480Z","placement":"full","state":"active","activity":)"
    R"({"richPresence":"Voyage","media":{"id":"12","idType":"Provider","name":"Movie"},"broadcast":{"id":"b1",)"
    R"("session":"s1","provider":"Twitch","viewers":12,"started":"2024-09-06T20:24:09Z"}}}]},{"type":"Web","titles":[]}]},)"
    R"({"xuid":"2533274790000001","state":"Online","devices":[{"type":"PC","titles":[{"id":"1","name":"x",)"
    R"("lastModified":"2024-01-01T00:00:00Z","placement":"snapped","state":"active"}]}]}])";

presence records() {
  auto r = xbl::from_json<presence>(records_json);
  REQUIRE_MESSAGE(r, r.error().message);
  return std::move(*r);
}

// The text with each line's leading spaces replaced by what `indent(line, spaces)` gives.
template <class Indent>
std::string reindent(const std::string& text, Indent&& indent) {
  std::string out;
  std::size_t line = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t spaces = 0;
    while (i + spaces < text.size() && text[i + spaces] == ' ') ++spaces;
    out += indent(line++, spaces);
    const std::size_t nl = text.find('\n', i + spaces);
    const std::size_t stop = nl == std::string::npos ? text.size() : nl + 1;
    out.append(text, i + spaces, stop - (i + spaces));
    i = stop;
  }
  return out;
}

}  // namespace

TEST_CASE("indented_by: the first `width` bytes are spaces, for every width and any byte in the way") {
  constexpr std::size_t window = xbl::detail::indent_window;
  const char others[] = {'\t', '\n', '\r', 'x', '"', '\0', '\x80', '\x21', '\x1f'};
  for (std::size_t width = 0; width < window; ++width) {
    // In a buffer of exactly the window, so that a read past it is caught under AddressSanitizer.
    std::vector<char> text(window, ' ');
    INFO("width " << width);
    REQUIRE(xbl::detail::indented_by(text.data(), width));
    for (std::size_t place = 0; place < window; ++place) {
      for (const char c : others) {
        text.assign(window, ' ');
        text[place] = c;
        INFO("byte " << int(static_cast<unsigned char>(c)) << " at " << place);
        REQUIRE(xbl::detail::indented_by(text.data(), width) == (place >= width));
      }
    }
  }
}

TEST_CASE("indented text of every width reads to the same values as compact text") {
  const presence v = records();
  for (std::size_t indent = 0; indent <= 20; ++indent) {
    const std::string text = xbl::to_json(v, {.pretty = true, .indent = indent});
    INFO("indent " << indent);
    const auto back = xbl::from_json<presence>(text);
    REQUIRE_MESSAGE(back, back.error().message);
    CHECK(*back == v);
  }
}

TEST_CASE("lines indented against the foreseen width, by chance or by the hundred, read the same") {
  const presence v = records();
  const std::string pretty = xbl::to_json(v, {.pretty = true, .indent = 4});
  std::mt19937 rng(2026);
  const std::string kinds[] = {" ", " ", " ", "\t", "\r", "  "};
  auto check = [&](const std::string& text) {
    const auto back = xbl::from_json<presence>(text);
    REQUIRE_MESSAGE(back, back.error().message << "\n" << text);
    CHECK(*back == v);
  };
  // The width changes from one line to the next: each line's own, from none to well past a window.
  for (int round = 0; round < 300; ++round) {
    check(reindent(pretty, [&](std::size_t, std::size_t) {
      std::string s;
      for (std::size_t n = rng() % 90; n > 0; --n) s += kinds[rng() % std::size(kinds)];
      return s;
    }));
  }
  // Mostly as foreseen, now and then not: every line at a random place gets one more space.
  for (int round = 0; round < 100; ++round) {
    check(reindent(pretty, [&](std::size_t, std::size_t spaces) { return std::string(spaces + (rng() % 7 == 0), ' '); }));
  }
  // Deeper than the window: each level of indentation wider than the window (a text of three
  // windows' indentation for the deepest lines).
  const std::size_t wide = xbl::detail::indent_window / 4 + 3;
  check(reindent(pretty, [&](std::size_t, std::size_t spaces) { return std::string(spaces / 4 * wide, ' '); }));
  // Line breaks as \r\n, and as \n\n with an empty line between.
  std::string crlf, doubled;
  for (const char c : pretty) {
    if (c == '\n') crlf += '\r', doubled += '\n';
    crlf += c;
    doubled += c;
  }
  check(crlf);
  check(doubled);
}

TEST_CASE("a byte out of place in indented text is an error at that byte, wherever it stands") {
  const presence v = records();
  const std::string pretty = xbl::to_json(v, {.pretty = true, .indent = 4});
  std::size_t tried = 0;
  bool in_string = false;  // the records hold no escaped quote
  for (std::size_t i = 0; i < pretty.size(); ++i) {
    if (pretty[i] == '"') in_string = !in_string;
    // Only whitespace between tokens: inside a string a space is text.
    if (pretty[i] != ' ' || in_string) continue;
    for (const char c : {'x', '#', '\x01'}) {
      std::string text = pretty;
      text[i] = c;
      const auto r = xbl::from_json<presence>(text);
      INFO("byte " << int(c) << " at " << i);
      REQUIRE_FALSE(r);
      CHECK(r.error().offset == i);
      ++tried;
    }
  }
  CHECK(tried > 1000);
}

TEST_CASE("nesting deeper than a window of indentation: raw values and skipped members read the same") {
  // Forty levels of arrays and objects, written with 4-space indentation: the deepest lines hold
  // 160 spaces, more than one window.
  std::string compact;
  for (int i = 0; i < 40; ++i) compact += i % 2 ? R"({"a":[1,)" : "[";
  compact += "true";
  for (int i = 39; i >= 0; --i) compact += i % 2 ? "]}" : "]";
  const auto raw = xbl::from_json<xbl::raw_json>(compact);
  REQUIRE_MESSAGE(raw, raw.error().message);
  const std::string pretty = xbl::to_json(*raw, {.pretty = true, .indent = 4});
  REQUIRE(pretty.find(std::string(150, ' ')) != std::string::npos);
  const auto back = xbl::from_json<xbl::raw_json>(pretty);
  REQUIRE_MESSAGE(back, back.error().message);
  CHECK(*back == *raw);
  // The same value as an unknown member, skipped by a described type.
  const std::string member = R"({"xuid":"1","state":"Online","deep":)" + compact + "}";
  const auto record = xbl::from_json<xbl::PresenceRecord>(member);
  REQUIRE_MESSAGE(record, record.error().message);
  const auto pretty_record = xbl::from_json<xbl::PresenceRecord>(
      R"({"xuid":"1","state":"Online","deep":)" + pretty + "\n}");
  REQUIRE_MESSAGE(pretty_record, pretty_record.error().message);
  CHECK(*pretty_record == *record);
}
