// The probe's numbers, byte kernels, generated round trips and formatting.
#include "probe.hpp"

namespace probe {

// ---- numbers ---------------------------------------------------------------------------------------

std::string_view errc_name(std::errc ec) {
  if (ec == std::errc{}) return "ok";
  if (ec == std::errc::invalid_argument) return "invalid_argument";
  if (ec == std::errc::result_out_of_range) return "result_out_of_range";
  return "other";
}

std::string double_bits(double d) { return hex64(std::bit_cast<std::uint64_t>(d)); }

template <class F>
std::string read_number(std::string_view text) {
  const auto r = xbl::from_json<F>(text);
  if (!r) return describe(r.error());
  if constexpr (std::is_floating_point_v<F>) {
    using U = std::conditional_t<sizeof(F) == 8, std::uint64_t, std::uint32_t>;
    return fmt::format("{:0{}x} written {} fmt {}", std::bit_cast<U>(*r), sizeof(F) * 2, xbl::to_json(*r), *r);
  } else {
    return fmt::format("{} written {}", *r, xbl::to_json(*r));
  }
}

void numbers() {
  section("doubles");
  const std::string long_one = "1" + std::string(799, '0') + "1e-799";
  const std::string long_half = "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324";
  std::vector<std::string> texts = {
      "0", "-0", "0.0", "0e0", "-0.0e-5", "1", "-1", "0.1", "0.2", "0.3", "1e308", "1.7976931348623157e308",
      "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "-1e309", "5e-324", "4.9406564584124654e-324",
      "2.4703282292062327e-324", "2.4703282292062328e-324", "2.2250738585072011e-308", "2.2250738585072012e-308",
      "2.225073858507201e-308", "2.2250738585072014e-308", "9007199254740993", "9007199254740992", "9007199254740994",
      "9007199254740995", "18446744073709551616", "1e23", "8.98846567431158e307", "4.35e-322", "1e-400", "-1e-400",
      "1E2", "1e+2", "1.5e-3", "6.02214076e23", "7.2057594037927933e16", "0.000001", "1e-7", "123e-2",
      "0.1000000000000000055511151231257827021181583404541015625",
      "0.1000000000000000055511151231257827021181583404541015624",
      "0.1000000000000000055511151231257827021181583404541015626",
      "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798214808651",
      "123456789012345678901234567890e-10", "0." + std::string(400, '0') + "1", "1" + std::string(400, '0'),
      "1e99999999999999999999", "1e-99999999999999999999", "0e99999999999999999999", long_one, long_half,
      "01", "1.", ".5", "+1", "1e", "NaN", "-Infinity", "0x10", "1_000", "\"1\"",
  };
  for (const auto& t : texts) {
    say("double {}: {}", show(t.size() > 120 ? t.substr(0, 60) + "..." + t.substr(t.size() - 20) : t),
        read_number<double>(t));
    double d = 0;
    const auto dr = xbl::detail::decimal_from_chars(t.data(), t.data() + t.size(), d);
    say("  decimal_from_chars: {} consumed {} {}", errc_name(dr.ec), dr.ptr - t.data(), double_bits(d));
  }
  for (const auto t : {"0.1"sv, "3.4028235e38"sv, "3.4028236e38"sv, "3.40282357e38"sv, "1.4e-45"sv, "7e-46"sv, "8e-46"sv,
                       "1.17549435e-38"sv, "16777217"sv, "16777216.000000001"sv, "0.3"sv, "1e39"sv}) {
    say("float {}: {}", t, read_number<float>(t));
    float f = 0;
    const auto fr = xbl::detail::decimal_from_chars(t.data(), t.data() + t.size(), f);
    say("  decimal_from_chars: {} {:08x}", errc_name(fr.ec), std::bit_cast<std::uint32_t>(f));
  }
  for (const double d : {0.0, -0.0, 1.0, 0.1, 1e308, 5e-324, 2.2250738585072014e-308, 9007199254740993.0,
                         std::numeric_limits<double>::max(), std::numeric_limits<double>::quiet_NaN(),
                         std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(), 1e21, 1e22,
                         123456789.125, -0.000001})
    say("write {}: {}", double_bits(d), xbl::to_json(d));
  std::vector<double> not_finite{std::numeric_limits<double>::quiet_NaN(), 1.5};
  say("validate NaN: {}", fmt::format("{}", fmt::join(xbl::validate(not_finite), "; ")));

  section("integers");
  const std::vector<std::string_view> ints = {
      "0", "-0", "1", "127", "128", "-128", "-129", "255", "256", "32767", "32768", "-32768", "-32769", "65535", "65536",
      "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296", "9223372036854775807",
      "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615",
      "18446744073709551616", "99999999999999999999", "100000000000000000000", "1e2", "1.0", "-1", "00", "-", "\"5\""};
  for (const auto t : ints)
    say("int {}: i8 {} | u8 {} | i16 {} | u16 {} | i32 {} | u32 {} | i64 {} | u64 {}", t, read_number<std::int8_t>(t),
        read_number<std::uint8_t>(t), read_number<std::int16_t>(t), read_number<std::uint16_t>(t),
        read_number<std::int32_t>(t), read_number<std::uint32_t>(t), read_number<std::int64_t>(t),
        read_number<std::uint64_t>(t));
  say("bools: {} {} {} {}", read_number<bool>("true"), read_number<bool>("false"), read_number<bool>("True"),
      read_number<bool>("1"));

  section("random doubles");
  prng r(0xd0b1e);
  for (int i = 0; i < 1500; ++i) {
    std::uint64_t bits = r.next();
    if (i % 5 == 1) bits &= 0x800FFFFFFFFFFFFFULL;  // subnormal
    if (i % 5 == 2) bits = (bits & 0x800FFFFFFFFFFFFFULL) | (std::uint64_t{1023 + r.below(120) - 60} << 52);
    const double d = std::bit_cast<double>(bits);
    const std::string text = xbl::to_json(d);
    const auto back = xbl::from_json<double>(text);
    say("d {} {} {}", hex64(bits), text,
        back ? (std::isnan(d) ? "nan" : std::bit_cast<std::uint64_t>(*back) == bits ? "same" : "OTHER " + double_bits(*back))
             : describe(back.error()));
  }
  for (int i = 0; i < 500; ++i) {
    const auto bits = static_cast<std::uint32_t>(r.next());
    const float f = std::bit_cast<float>(bits);
    const std::string text = xbl::to_json(f);
    const auto back = xbl::from_json<float>(text);
    say("f {:08x} {} {}", bits, text,
        back ? (std::isnan(f) ? "nan" : std::bit_cast<std::uint32_t>(*back) == bits ? "same" : "OTHER") : describe(back.error()));
  }
  for (int i = 0; i < 800; ++i) {
    std::string t;
    if (r.chance(15)) t += '-';
    const auto int_digits = 1 + r.below(r.chance(10) ? 40 : 18);
    for (std::size_t k = 0; k < int_digits; ++k) t += static_cast<char>('0' + (k == 0 && int_digits > 1 ? 1 + r.below(9) : r.below(10)));
    if (r.chance(60)) {
      t += '.';
      const auto frac = 1 + r.below(r.chance(10) ? 60 : 20);
      for (std::size_t k = 0; k < frac; ++k) t += static_cast<char>('0' + r.below(10));
    }
    if (r.chance(60)) {
      t += "eE"[r.below(2)];
      if (r.chance(50)) t += "+-"[r.below(2)];
      t += std::to_string(r.below(r.chance(20) ? 400 : 40));
    }
    double a = 0, b = 0;
    const auto ra = xbl::from_json<double>(t);
    const auto rb = xbl::detail::decimal_from_chars(t.data(), t.data() + t.size(), b);
    if (ra) a = *ra;
    say("text {}: {} | decimal {} {}", t, ra ? double_bits(a) : describe(ra.error()), errc_name(rb.ec),
        double_bits(b));
  }
}

// ---- byte kernels ----------------------------------------------------------------------------------

void kernels() {
  namespace d = xbl::detail;
  namespace simd = xbl::detail::simd;
  section("byte kernels over samples");
  prng r(0xb17e5);
  for (int i = 0; i < 1200; ++i) {
    const auto m = static_cast<mix>(i % 6);
    const std::size_t n = r.chance(80) ? r.below(40) : r.below(200);
    const sample s = make_sample(r, m, n);
    say("sample {} {} {}: {}", i, mix_names[static_cast<std::size_t>(m)], n, show(s.view()));
    bool wide = false;
    const char* special = d::find_string_special(s.begin(), s.end(), wide);
    std::string line = fmt::format("  special={} wide={} ws={}", special - s.begin(), wide,
                                   d::skip_whitespace(s.begin(), s.end()) - s.begin());
    line += fmt::format(" utf8_valid={} first_invalid={} digit_run={}", d::utf8_valid(s.begin(), s.end(), s.end() + 64),
                        d::utf8_first_invalid(s.begin(), s.end()) - s.begin(), d::digit_run(s.begin(), s.end()));
    const auto run = d::digit_run(s.begin(), s.end());
    std::uint64_t v = 0;
    if (run > 0) line += d::digits_to_u64(s.begin(), run, v) ? fmt::format(" u64={}", v) : std::string(" u64=overflow");
    if (run >= 1 && run <= 8) line += fmt::format(" value_at={}", d::digits_value_at(s.begin(), s.end(), run));
    line += fmt::format(" count={} uri={}", d::utf8_count(std::string_view(s.begin(), static_cast<std::size_t>(
                                                                                      d::utf8_first_invalid(s.begin(), s.end()) - s.begin()))),
                        xbl::uri_encoded_length(s.view()));
    emit(line);
    line = "  indented_by";
    for (std::size_t w = 0; w < 8; ++w) line += d::indented_by(s.begin(), w) ? '1' : '0';
    line += fmt::format(" space_bits={:02x}/{:02x} non_space={:04x}/{:04x} non_ws={:08x}/{:08x}",
                        simd::scalar::space_bits(s.begin()) & 0xFF, simd::active::space_bits(s.begin()) & 0xFF,
                        simd::scalar::non_space_bits(s.begin()), simd::active::non_space_bits(s.begin()),
                        simd::scalar::non_whitespace_bits(s.begin()), simd::active::non_whitespace_bits(s.begin()));
    const auto sb = simd::scalar::string_block_at(s.begin());
    const auto ab = simd::active::string_block_at(s.begin());
    line += fmt::format(" block={:04x}:{:04x}/{:04x}:{:04x}", sb.special, sb.high, ab.special, ab.high);
    emit(line);
    const std::uint64_t w = d::load8(s.begin());
    line = fmt::format("  word={} special={} nonhex={} nondigit={} leading={} swap={}", hex64(w),
                       hex64(d::string_special_bytes(w)), hex64(d::non_hex_bytes(w)), hex64(d::non_digit_bytes(w)),
                       d::leading_digits(w), hex64(d::byteswap64(w)));
    if (d::string_special_bytes(w)) line += fmt::format(" first_flagged={}", d::first_flagged(d::string_special_bytes(w)));
    char stored[8];
    d::store8(stored, w);
    line += std::memcmp(stored, s.begin(), 8) == 0 ? " store8=same" : " store8=OTHER";
    std::string copy(n + 8, '#');
    d::copy_bytes(copy.data() + 4, s.begin(), n);
    line += fmt::format(" copy={} same_bytes={}", copy.substr(0, 4) + copy.substr(n + 4) == "########" &&
                                                          copy.compare(4, n, s.view()) == 0 ? "same" : "OTHER",
                        d::same_bytes(s.begin(), copy.data() + 4, n));
    if (n > 0) {
      std::string other(s.view());
      other[r.below(n)] ^= static_cast<char>(1 + r.below(0xFF));
      line += fmt::format("/{}", d::same_bytes(s.begin(), other.data(), n));
    }
    emit(line);
    // The texts through the reader and the writer, as a JSON string and as one in quotes.
    const std::string quoted = "\"" + std::string(s.view()) + "\"";
    const auto str = xbl::from_json<std::string>(quoted);
    const std::string written = xbl::to_json(std::string(s.view()));
    const auto back = xbl::from_json<std::string>(written);
    say("  read {} | written {} back {} | quoted {}", str ? "ok " + show(*str) : describe(str.error()), show(written),
        back ? (*back == s.view() ? "same" : "OTHER") : describe(back.error()), show(d::quoted(s.view(), 24)));
    const auto raw = xbl::from_json<xbl::raw_json>(s.view(), xbl::read_options::lenient());
    say("  raw {}", raw ? "ok " + show(raw->text()) : describe(raw.error()));
  }

  section("digits");
  for (int i = 0; i < 400; ++i) {
    const auto v = static_cast<std::uint32_t>(r.below(100000000));
    const std::uint64_t text = d::eight_digits_text(v);
    char buf[8];
    d::store8(buf, text);
    const auto n = 1 + r.below(8);
    say("eight {} text={} value={} first{}={} hex_of_text={}", v, std::string_view(buf, 8), d::eight_digits_value(text), n,
        d::digits_value(text, n), hex64(text));
  }
  std::string hex_values;
  for (int c = 0; c < 256; ++c) hex_values += fmt::format("{},", d::hex_digit_value(static_cast<char>(c)));
  say("hex_digit_value {}", hex_values);
  say("load8 constant {} runtime {}", hex64([] { constexpr auto w = xbl::detail::load8("\x01\x02\x03\x04\x05\x06\x07\x88"); return w; }()),
      hex64(d::load8("\x01\x02\x03\x04\x05\x06\x07\x88")));

  section("utf8");
  for (unsigned lead = 0; lead < 256; ++lead) {
    std::string lengths, cut;
    for (unsigned second = 0; second < 256; ++second) {
      const unsigned char bytes[4] = {static_cast<unsigned char>(lead), static_cast<unsigned char>(second), 0x80, 0x80};
      lengths += static_cast<char>('0' + d::utf8_sequence_length(bytes, bytes + 4));
      cut += d::utf8_cut_short(bytes, bytes + 2) ? '1' : '0';
    }
    const unsigned char one[1] = {static_cast<unsigned char>(lead)};
    say("lead {:02x} cut1={} len {} cut2 {}", lead, d::utf8_cut_short(one, one + 1), lengths, cut);
  }
  for (int i = 0; i < 300; ++i) {
    const auto cp = code_point(r);
    std::string s;
    d::utf8_append(s, cp);
    say("cp {:06x} {}", cp, show(s));
  }
}

// ---- round trips of generated values ---------------------------------------------------------------

class generator {
 public:
  explicit generator(std::uint64_t seed) : r_(seed) {}

  std::string str() { return text(r_, 0, 12); }
  std::optional<std::string> maybe_str() {
    if (r_.chance(60)) return str();
    return std::nullopt;
  }
  xbl::Xuid xuid() {
    const auto v = r_.chance(30) ? r_.below(100000) : r_.next();
    if (r_.chance(20)) return *xbl::Xuid::parse(std::string(1 + r_.below(3), '0') + std::to_string(v));
    return xbl::Xuid{v};
  }
  xbl::Guid guid() {
    static constexpr char hex[] = "0123456789abcdefABCDEF";
    std::string s;
    for (int k = 0; k < 32; ++k) {
      if (k == 8 || k == 12 || k == 16 || k == 20) s += '-';
      s += hex[r_.below(22)];
    }
    return *xbl::Guid::parse(s);
  }
  xbl::TitleId title() {
    const auto v = static_cast<std::uint32_t>(r_.next());
    return r_.chance(50) ? xbl::TitleId{v, true} : *xbl::TitleId::parse(std::to_string(v));
  }
  xbl::Timestamp timestamp() {
    const auto ticks = static_cast<std::int64_t>(r_.below(static_cast<std::uint64_t>(xbl::Timestamp::max_ticks)));
    const std::string s = xbl::Timestamp::from_ticks(ticks)->to_string();
    std::string t = s.substr(0, 19);
    if (const auto k = r_.below(8)) t += s.substr(19, k + 1);
    if (r_.chance(50)) t += 'Z';
    return *xbl::Timestamp::parse(t);
  }
  template <class E>
  xbl::open_enum<E> open() {
    const auto& values = xbl::meta<E>::values;
    if (r_.chance(10)) return xbl::open_enum<E>::from_text("Unknown" + std::to_string(r_.below(100)));
    const auto& e = values[r_.below(values.size())];
    return xbl::open_enum<E>::from_text(r_.chance(20) ? upper(e.name) : std::string(e.name));
  }
  template <class T, class F>
  std::optional<T> maybe(F&& make) {
    if (r_.chance(60)) return make();
    return std::nullopt;
  }
  template <class F>
  auto many(std::size_t max, F&& make) {
    std::vector<decltype(make())> v;
    const auto n = r_.below(max + 1);
    for (std::size_t i = 0; i < n; ++i) v.push_back(make());
    return v;
  }

  xbl::SessionRef session() { return {guid(), text(r_, 1, 20), maybe_str(), {}}; }
  xbl::InviteAttributes invite_attributes() { return {title(), maybe_str(), maybe_str(), maybe_str(), {}}; }
  xbl::HandleRequest handle_request() {
    switch (r_.below(3)) {
      case 0: return xbl::ActivityHandleRequest{maybe<xbl::Guid>([&] { return guid(); }), 1, session(), {}};
      case 1: return xbl::InviteHandleRequest{maybe<xbl::Guid>([&] { return guid(); }), 1, session(), invite_attributes(), xuid(), {}};
      default: return xbl::TransferHandleRequest{1, session(), session(), {}};
    }
  }
  xbl::TitleRecord title_record() {
    xbl::TitleRecord t;
    t.id = title();
    t.name = maybe_str();
    t.last_modified = maybe<xbl::Timestamp>([&] { return timestamp(); });
    t.timestamp = maybe<xbl::Timestamp>([&] { return timestamp(); });
    t.placement = maybe<xbl::open_enum<xbl::Placement>>([&] { return open<xbl::Placement>(); });
    t.state = maybe<xbl::open_enum<xbl::TitleState>>([&] { return open<xbl::TitleState>(); });
    if (r_.chance(50)) {
      xbl::ActivityRecord a;
      a.rich_presence = maybe_str();
      a.media = maybe<xbl::MediaRecord>([&] {
        return xbl::MediaRecord{maybe_str(), maybe<xbl::open_enum<xbl::MediaIdType>>([&] { return open<xbl::MediaIdType>(); }),
                                maybe_str(), {}};
      });
      a.broadcast = maybe<xbl::BroadcastRecord>([&] {
        return xbl::BroadcastRecord{maybe_str(), maybe_str(),
                                    maybe<xbl::open_enum<xbl::BroadcastProvider>>([&] { return open<xbl::BroadcastProvider>(); }),
                                    maybe<std::uint64_t>([&] { return r_.next() >> r_.below(64); }),
                                    maybe<xbl::Timestamp>([&] { return timestamp(); }), {}};
      });
      t.activity = a;
    }
    return t;
  }
  xbl::PresenceRecord presence() {
    xbl::PresenceRecord p;
    p.xuid = xuid();
    p.state = open<xbl::PresenceState>();
    p.devices = many(3, [&] { return xbl::DeviceRecord{open<xbl::DeviceType>(), many(3, [&] { return title_record(); }), {}}; });
    if (r_.chance(30))
      p.last_seen = xbl::LastSeenRecord{maybe<xbl::open_enum<xbl::DeviceType>>([&] { return open<xbl::DeviceType>(); }),
                                        maybe<xbl::TitleId>([&] { return title(); }), maybe_str(),
                                        maybe<xbl::Timestamp>([&] { return timestamp(); }), {}};
    return p;
  }
  xbl::PermissionUser user() {
    xbl::PermissionUser u;
    if (r_.chance(80)) u.xuid = xuid();
    else u.anonymous_user = open<xbl::AnonymousUser>();
    return u;
  }
  xbl::PermissionCheckBatchRequest batch_request() {
    return {many(4, [&] { return user(); }), many(4, [&] { return open<xbl::PermissionId>(); }), {}};
  }
  xbl::PermissionCheckBatchResponse batch_response() {
    xbl::PermissionCheckBatchResponse b;
    b.responses = many(3, [&] {
      return xbl::PermissionUserResponse{user(), many(3, [&] {
                                           xbl::PermissionResult p;
                                           p.is_allowed = r_.chance(50);
                                           p.reasons = many(2, [&] {
                                             return xbl::PermissionReason{open<xbl::DenyReason>(), maybe_str(), {}};
                                           });
                                           return p;
                                         }),
                                         {}};
    });
    return b;
  }

 private:
  prng r_;
};

template <class T>
void round_trip(std::string_view name, const T& v) {
  const std::string compact = xbl::to_json(v);
  xbl::write_options pretty_options;
  pretty_options.pretty = true;
  const std::string pretty = xbl::to_json(v, pretty_options);
  const auto a = xbl::from_json<T>(compact);
  const auto b = xbl::from_json<T>(pretty);
  say("{} {} | pretty {} fnv {} | back {} {} | {}", name, show(compact), pretty.size(), hex64(fnv(pretty)),
      a ? (*a == v && xbl::to_json(*a) == compact ? "same" : "OTHER") : describe(a.error()),
      b ? (*b == v && xbl::to_json(*b) == compact ? "same" : "OTHER") : describe(b.error()),
      fmt::format("{}", fmt::join(xbl::validate(v), "; ")));
}

void round_trips() {
  section("round trips");
  generator g(0x7a11);
  for (int i = 0; i < 60; ++i) round_trip("HandleRequest", g.handle_request());
  for (int i = 0; i < 60; ++i) round_trip("PresenceRecord", g.presence());
  for (int i = 0; i < 40; ++i) round_trip("PermissionCheckBatchRequest", g.batch_request());
  for (int i = 0; i < 40; ++i) round_trip("PermissionCheckBatchResponse", g.batch_response());
  std::vector<xbl::PresenceRecord> records;
  for (int i = 0; i < 30; ++i) records.push_back(g.presence());
  round_trip("PresenceRecord[]", records);

  // The same array read an element at a time.
  const std::string array = xbl::to_json(records);
  const auto count = xbl::for_each_element<xbl::PresenceRecord>(array, "", [&](const xbl::PresenceRecord& p, const xbl::element_position& at) {
    say("  element {} at {}-{} {}", at.index, at.begin, at.end, p == records[at.index] ? "same" : "OTHER");
  });
  say("for_each_element: {}", count ? std::to_string(*count) : describe(count.error()));
  const std::string nested = R"({"a":{"b~/c":[1,{"x":[{"xuid":"5","state":"Away"},{"xuid":"6","state":"Online"}]}]}})";
  for (const auto pointer : {"/a/b~0~1c/1/x"sv, "/a/b~0~1c/2/x"sv, "/a"sv, "/z"sv, ""sv}) {
    const auto c = xbl::for_each_element<xbl::PresenceRecord>(nested, pointer, [&](const xbl::PresenceRecord& p, const xbl::element_position& at) {
      say("  {} element {} at {}-{} {}", show(pointer), at.index, at.begin, at.end, xbl::to_json(p));
    });
    say("for_each_element {}: {}", show(pointer), c ? std::to_string(*c) : describe(c.error()));
  }
}

// ---- formatting ------------------------------------------------------------------------------------

void formatting() {
  section("formatting");
  const auto invite = must<xbl::InviteHandle>(documents[9].second);
  const auto record = must<xbl::PresenceRecord>(documents[11].second);
  const auto e = xbl::from_json<xbl::PresenceRecord>("{\"xuid\":\"1\",\n\"state\":[]}").error();
  const auto violations = xbl::validate(must<xbl::PermissionResult>(documents[22].second));
  const auto xuid = *xbl::Xuid::parse("0002533274790395904");
  const auto stamp = *xbl::Timestamp::parse("2012-09-17T07:15:23.4930000");
  emit(show(fmt::format("[{}] [{:p}]", invite, invite)));
  emit(show(fmt::format("[{:>400}] [{:<300}] [{:-^310}]", record, record, record)));
  emit(show(fmt::format("[{:🎮^320p}] [{:é>30}]", record, record)));
  emit(show(fmt::format("[{}] [{:>120}] [{:.<120}]", e, e, e)));
  for (const auto& v : violations) emit(show(fmt::format("[{}] [{:^150}]", v, v)));
  emit(show(fmt::format("[{}] [{:>30}] [{:<30}] [{:0>30}] [{}] [{:#^40p}]", xuid, xuid, xuid, xuid, stamp, stamp)));
  emit(show(fmt::format("[{}] [{:p}] [{:>20}]", xbl::json(xuid), xbl::json(std::optional<xbl::Xuid>{}),
                        xbl::json(std::vector<int>{1, 2, 3}))));
  emit(show(fmt::format("[{}] [{:>30}]", xbl::open_enum<xbl::DeviceType>::from_text("xboxone"),
                        must<xbl::raw_json>(" [ 1 , {\"a\" : null} ] "))));
#if defined(__cpp_exceptions)
  for (const auto spec : {"{:x}"sv, "{:>p5}"sv, "{:1000001}"sv, "{:<>10}"sv, "{:pp}"sv}) {
    try {
      say("spec {}: [{}]", spec, show(fmt::format(fmt::runtime(spec), invite)));
    } catch (const fmt::format_error& ex) {
      say("spec {}: format_error {}", spec, ex.what());
    }
  }
  try {
    const auto bad = xbl::Xuid::parse("x");
    (void)bad.value();
    say("value() did not throw");
  } catch (const xbl::bad_result& ex) {
    say("bad_result {} | {}", ex.what(), describe(ex.error()));
  }
#endif
}

}  // namespace probe
