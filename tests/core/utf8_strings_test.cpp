#include "xbl_test.hpp"

#include <cstdint>
#include <random>
#include <string>
#include <string_view>

// The UTF-8 check of the reader's strings, which looks at many bytes at a time where the target
// has the vectors for it, against the one that looks at one sequence at a time; and strings of
// every short length with a multi-byte character, a fault or an escape at each place, through
// the reader, where the short plain ones take a way of their own.

namespace {

bool valid_per_sequence(std::string_view s) {
  return xbl::detail::utf8_first_invalid(s.data(), s.data() + s.size()) == s.data() + s.size();
}

// utf8_valid on s as it lies in a larger text, followed by `after` (which it must not look at).
bool valid_in_text(std::string_view s, std::string_view after) {
  const std::string text = std::string(s) + std::string(after);
  return xbl::detail::utf8_valid(text.data(), text.data() + s.size(), text.data() + text.size());
}

}  // namespace

TEST_CASE("utf8_valid agrees with the sequence-by-sequence check on every pair and most triples of bytes") {
  // Each pair and triple at every offset of a block, padded with ASCII around it, and followed by
  // a continuation byte that belongs to the text after it.
  std::string s;
  for (unsigned a = 0x80; a < 0x100; ++a) {
    for (unsigned b = 0; b < 0x100; ++b) {
      for (const std::size_t offset : {0u, 7u, 14u, 15u, 16u}) {
        s.assign(offset, 'x');
        s += static_cast<char>(a);
        s += static_cast<char>(b);
        INFO(a << " " << b << " at " << offset);
        REQUIRE(valid_in_text(s, "\x80\x80") == valid_per_sequence(s));
      }
    }
  }
  for (unsigned a = 0xE0; a < 0xF8; ++a)
    for (unsigned b = 0x70; b < 0xD0; ++b)
      for (unsigned c = 0x70; c < 0xD0; ++c) {
        s = "abcdefghijklmn";  // 14 bytes: the sequence straddles the first block's end
        s += static_cast<char>(a);
        s += static_cast<char>(b);
        s += static_cast<char>(c);
        s += static_cast<char>(0x80 + (a & 0x3F));  // a fourth byte that a four-byte lead needs
        INFO(a << " " << b << " " << c);
        REQUIRE(valid_in_text(s, "") == valid_per_sequence(s));
        s.pop_back();
        REQUIRE(valid_in_text(s, "\x80") == valid_per_sequence(s));
      }
}

TEST_CASE("utf8_valid agrees with the sequence-by-sequence check on random text of every length to 100") {
  std::mt19937 random(20261201);
  const std::string pieces[] = {"a", "Z", "\xC3\xA9", "\xE6\x97\xA5", "\xF0\x9F\x8E\xAE", "\x80", "\xC0\xAF",
                                "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\xFF", "\xC2"};
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const std::size_t length = random() % 100;
    while (s.size() < length) s += pieces[random() % (round % 3 == 0 ? 12 : 5)];  // a third with faults
    INFO(round);
    REQUIRE(valid_in_text(s, "\x80\xBF\x80") == valid_per_sequence(s));
  }
}

TEST_CASE("reader: strings of every length to 40 with a multi-byte character, a fault or an escape at each place") {
  for (std::size_t length = 0; length <= 40; ++length) {
    const std::string plain(length, 'q');
    INFO("length " << length);
    // Plain, and followed by more text than a block, or by nothing.
    for (const std::string& after : {std::string(), ",\"" + std::string(40, 'x') + "\""}) {
      const std::string doc = "[\"" + plain + "\"" + after + "]";
      const auto r = xbl::from_json<std::vector<std::string>>(doc);
      REQUIRE(r);
      CHECK((*r)[0] == plain);
    }
    for (std::size_t at = 0; at < length; ++at) {
      INFO("at " << at);
      std::string s = plain;
      s.replace(at, 1, "\xE6\x97\xA5");  // 日
      auto r = xbl::from_json<std::string>("\"" + s + "\"");
      REQUIRE(r);
      CHECK(*r == s);

      s = plain;
      s[at] = '\xE6';  // a lead byte with no continuation
      r = xbl::from_json<std::string>("\"" + s + "\"");
      REQUIRE_FALSE(r);
      CHECK(r.error().code == xbl::errc::invalid_utf8);
      CHECK(r.error().offset == at + 1);

      s = plain;
      s.replace(at, 1, "\\u00e9");
      r = xbl::from_json<std::string>("\"" + s + "\"");
      REQUIRE(r);
      CHECK(*r == plain.substr(0, at) + "\xC3\xA9" + plain.substr(at + 1));

      s = plain;
      s[at] = '\t';
      r = xbl::from_json<std::string>("\"" + s + "\"");
      REQUIRE_FALSE(r);
      CHECK(r.error().code == xbl::errc::syntax);
      CHECK(r.error().offset == at + 1);
    }
    // Cut by the end of the text: inside the string, and inside a character.
    auto r = xbl::from_json<std::string>("\"" + plain);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == xbl::errc::unexpected_end);
    r = xbl::from_json<std::string>("\"" + plain + "\xE6\x97");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == xbl::errc::unexpected_end);
  }
}
