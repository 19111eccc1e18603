#include "xbl_test.hpp"

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

// from_json(to_json(v)) == v for values drawn by a fixed-seed generator over a struct that holds
// every member type the library supports, in compact and in pretty form.
namespace {

enum class Suit { hearts, spades, clubs };

}  // namespace

template <>
struct xbl::meta<Suit> {
  static constexpr auto values = xbl::make_enum(xbl::name(Suit::hearts, "hearts", "H"), xbl::name(Suit::spades, "spades", "S"),
                                                xbl::name(Suit::clubs, "clubs"));
};

namespace {

struct Leaf {
  std::string text;
  std::optional<std::int32_t> n;
  xbl::open_enum<Suit> suit;
  std::vector<double> values;
  bool operator==(const Leaf&) const = default;
};

struct Everything {
  bool b = false;
  std::int8_t i8 = 0;
  std::int16_t i16 = 0;
  std::int32_t i32 = 0;
  std::int64_t i64 = 0;
  std::uint8_t u8 = 0;
  std::uint16_t u16 = 0;
  std::uint32_t u32 = 0;
  std::uint64_t u64 = 0;
  double d = 0;
  float f = 0;
  std::string s;
  std::optional<std::string> os;
  std::optional<double> od;
  std::vector<std::string> vs;
  std::vector<std::vector<std::int32_t>> vvi;
  std::array<std::int16_t, 3> arr{};
  std::map<std::string, Leaf> by_name;
  std::vector<Leaf> leaves;
  std::optional<Leaf> maybe_leaf;
  std::map<std::string, std::vector<std::optional<std::uint64_t>>> nested;
  std::vector<float> floats;
  std::vector<bool> flags;
  xbl::open_enum<Suit> suit;
  xbl::raw_json raw;
  bool operator==(const Everything&) const = default;
};

}  // namespace

template <>
struct xbl::meta<Leaf> {
  static constexpr auto fields = xbl::make_fields(xbl::field("text", &Leaf::text), xbl::field("n", &Leaf::n),
                                                  xbl::field("suit", &Leaf::suit), xbl::field("values", &Leaf::values));
};

template <>
struct xbl::meta<Everything> {
  using E = Everything;
  static constexpr auto fields = xbl::make_fields(
      xbl::field("b", &E::b), xbl::field("i8", &E::i8), xbl::field("i16", &E::i16), xbl::field("i32", &E::i32),
      xbl::field("i64", &E::i64), xbl::field("u8", &E::u8), xbl::field("u16", &E::u16), xbl::field("u32", &E::u32),
      xbl::field("u64", &E::u64), xbl::field("d", &E::d), xbl::field("f", &E::f), xbl::field("s", &E::s),
      xbl::field("os", &E::os), xbl::field("od", &E::od), xbl::field("vs", &E::vs), xbl::field("vvi", &E::vvi),
      xbl::field("arr", &E::arr), xbl::field("by_name", &E::by_name), xbl::field("leaves", &E::leaves),
      xbl::field("maybe_leaf", &E::maybe_leaf), xbl::field("nested", &E::nested), xbl::field("floats", &E::floats),
      xbl::field("flags", &E::flags), xbl::field("suit", &E::suit), xbl::field("raw", &E::raw));
};

namespace {

class generator {
 public:
  explicit generator(std::uint64_t seed) : rng_(seed) {}

  // Plain modulo keeps the sequence the same with every standard library.
  std::uint64_t below(std::uint64_t n) { return rng_() % n; }
  bool coin() { return below(2) == 0; }

  template <class I>
  I integer() {
    switch (below(6)) {
      case 0: return std::numeric_limits<I>::min();
      case 1: return std::numeric_limits<I>::max();
      case 2: return I(0);
      case 3: return static_cast<I>(std::is_signed_v<I> ? -1 : 1);
      default: return static_cast<I>(rng_());
    }
  }

  double real() {
    switch (below(10)) {
      case 0: return std::numeric_limits<double>::max();
      case 1: return std::numeric_limits<double>::lowest();
      case 2: return std::numeric_limits<double>::denorm_min();
      case 3: return std::numeric_limits<double>::min();
      case 4: return -std::numeric_limits<double>::denorm_min() * static_cast<double>(below(1000) + 1);  // subnormal
      case 5: return static_cast<double>(static_cast<std::int64_t>(rng_())) / 1e6;
      default:
        for (;;) {
          const double d = std::bit_cast<double>(rng_());
          if (std::isfinite(d)) return d;
        }
    }
  }

  float real32() {
    switch (below(6)) {
      case 0: return std::numeric_limits<float>::max();
      case 1: return std::numeric_limits<float>::denorm_min();
      case 2: return -std::numeric_limits<float>::min();
      default:
        for (;;) {
          const float f = std::bit_cast<float>(static_cast<std::uint32_t>(rng_()));
          if (std::isfinite(f)) return f;
        }
    }
  }

  // Unicode of every encoded length, with the characters JSON escapes well represented.
  std::string text(std::size_t max_length = 24) {
    std::string s;
    const std::size_t n = below(max_length + 1);
    for (std::size_t i = 0; i < n; ++i) append_utf8(s, code_point());
    return s;
  }

  xbl::open_enum<Suit> suit() {
    static constexpr const char* spellings[] = {"hearts", "spades", "clubs", "H", "S"};
    switch (below(4)) {
      case 0: return xbl::open_enum<Suit>(static_cast<Suit>(below(3)));
      case 1: return xbl::open_enum<Suit>::from_text(spellings[below(5)]);
      default: return xbl::open_enum<Suit>::from_text(text(8));
    }
  }

  Leaf leaf() {
    Leaf l;
    l.text = text();
    if (coin()) l.n = integer<std::int32_t>();
    l.suit = suit();
    for (std::uint64_t i = below(4); i > 0; --i) l.values.push_back(real());
    return l;
  }

  xbl::raw_json raw() {
    std::string json;
    switch (below(4)) {
      case 0: json = xbl::to_json(leaf()); break;
      case 1: json = xbl::to_json(real()); break;
      case 2: json = xbl::to_json(text()); break;
      default: json = xbl::to_json(std::vector<Leaf>{leaf(), leaf()}); break;
    }
    auto r = xbl::from_json<xbl::raw_json>(json);
    REQUIRE(r.has_value());
    return *r;
  }

  Everything everything() {
    Everything e;
    e.b = coin();
    e.i8 = integer<std::int8_t>();
    e.i16 = integer<std::int16_t>();
    e.i32 = integer<std::int32_t>();
    e.i64 = integer<std::int64_t>();
    e.u8 = integer<std::uint8_t>();
    e.u16 = integer<std::uint16_t>();
    e.u32 = integer<std::uint32_t>();
    e.u64 = integer<std::uint64_t>();
    e.d = real();
    e.f = real32();
    e.s = text(64);
    if (coin()) e.os = text();
    if (coin()) e.od = real();
    for (std::uint64_t i = below(4); i > 0; --i) e.vs.push_back(text());
    for (std::uint64_t i = below(4); i > 0; --i) {
      auto& row = e.vvi.emplace_back();
      for (std::uint64_t j = below(4); j > 0; --j) row.push_back(integer<std::int32_t>());
    }
    for (auto& a : e.arr) a = integer<std::int16_t>();
    for (std::uint64_t i = below(3); i > 0; --i) e.by_name.emplace(text(6), leaf());
    for (std::uint64_t i = below(3); i > 0; --i) e.leaves.push_back(leaf());
    if (coin()) e.maybe_leaf = leaf();
    for (std::uint64_t i = below(3); i > 0; --i) {
      auto& list = e.nested[text(4)];
      for (std::uint64_t j = below(4); j > 0; --j)
        list.push_back(coin() ? std::optional<std::uint64_t>() : std::optional<std::uint64_t>(integer<std::uint64_t>()));
    }
    for (std::uint64_t i = below(3); i > 0; --i) e.floats.push_back(real32());
    for (std::uint64_t i = below(4); i > 0; --i) e.flags.push_back(coin());
    e.suit = suit();
    e.raw = raw();
    return e;
  }

 private:
  std::uint32_t code_point() {
    switch (below(10)) {
      case 0: return static_cast<std::uint32_t>(below(0x20));  // control characters, NUL included
      case 1: return coin() ? '"' : '\\';
      case 2: return coin() ? 0x7F : '/';
      case 3: return static_cast<std::uint32_t>(0x80 + below(0x800 - 0x80));
      case 4: {
        const auto cp = static_cast<std::uint32_t>(0x800 + below(0x10000 - 0x800 - 0x800));
        return cp < 0xD800 ? cp : cp + 0x800;  // over the surrogates
      }
      case 5: return static_cast<std::uint32_t>(0x10000 + below(0x110000 - 0x10000));  // astral
      case 6: return coin() ? 0x10FFFF : 0xFFFF;
      default: return static_cast<std::uint32_t>(0x20 + below(0x7F - 0x20));
    }
  }

  std::mt19937_64 rng_;
};

constexpr int rounds = 600;

}  // namespace

TEST_CASE("property: the generator is deterministic and covers what it should") {
  generator a(20240601);
  generator b(20240601);
  for (int i = 0; i < 20; ++i) CHECK(a.everything() == b.everything());

  // Across the rounds, the interesting corners do come up.
  generator g(20240601);
  bool control = false, quote = false, backslash = false, astral = false, subnormal = false, unknown = false;
  for (int i = 0; i < rounds; ++i) {
    const Everything e = g.everything();
    for (unsigned char c : e.s) {
      control |= c < 0x20;
      quote |= c == '"';
      backslash |= c == '\\';
      astral |= c >= 0xF0;
    }
    subnormal |= std::fpclassify(e.d) == FP_SUBNORMAL;
    unknown |= !e.suit.is_known();
  }
  CHECK(control);
  CHECK(quote);
  CHECK(backslash);
  CHECK(astral);
  CHECK(subnormal);
  CHECK(unknown);
}

TEST_CASE("property: from_json(to_json(v)) == v in compact form, 600 random values") {
  generator g(20240601);
  for (int i = 0; i < rounds; ++i) {
    const Everything v = g.everything();
    const std::string json = xbl::to_json(v);
    INFO("round " << i << ": " << json);
    const auto back = xbl::from_json<Everything>(json);
    const std::string error = back ? std::string() : fmt::format("{}", back.error());
    INFO(error);
    REQUIRE(back.has_value());
    CHECK(*back == v);
    CHECK(xbl::to_json(*back) == json);
    CHECK(fmt::format("{}", v) == json);
  }
}

TEST_CASE("property: from_json(to_json(v, pretty)) == v in pretty form, 600 random values") {
  generator g(20240601);
  for (int i = 0; i < rounds; ++i) {
    const Everything v = g.everything();
    xbl::write_options pretty;
    pretty.pretty = true;
    pretty.indent = static_cast<std::size_t>(i % 5);
    const std::string json = xbl::to_json(v, pretty);
    INFO("round " << i << ": " << json);
    auto back = xbl::from_json<Everything>(json);
    const std::string error = back ? std::string() : fmt::format("{}", back.error());
    INFO(error);
    REQUIRE(back.has_value());
    // A raw value keeps the text it was read from, here laid out pretty; in compact form it is the
    // value that was written.
    CHECK(xbl::to_json(back->raw) == v.raw.text());
    back->raw = v.raw;
    CHECK(*back == v);
    CHECK(xbl::to_json(*back, pretty) == json);
    CHECK(xbl::to_json(*back) == xbl::to_json(v));
  }
}

TEST_CASE("property: from_json(to_json(v), into) == v whatever `into` held, 600 random values") {
  // One value read into over and over, each text unlike the one before it: the read must give what
  // a fresh read gives (members left out at their defaults, shorter arrays cut, longer ones grown,
  // maps without the keys the text no longer has), and the write into one string the same text.
  generator g(20240607);
  Everything into;
  std::string text;
  for (int i = 0; i < rounds; ++i) {
    const Everything v = g.everything();
    const std::string json = xbl::to_json(v);
    INFO("round " << i << ": " << json);
    const auto e = xbl::from_json(json, into);
    INFO(e.message);
    REQUIRE(e.code == xbl::errc::ok);
    CHECK(into == v);
    xbl::to_json(into, text);
    CHECK(text == json);
  }
}
