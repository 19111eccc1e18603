// The probe's values: identifiers, the gamerpic, the enumerations.
#include "probe.hpp"

namespace probe {

// ---- identifiers -----------------------------------------------------------------------------------

template <class Id>
void dump_id(std::string_view kind, std::string_view text) {
  const auto r = Id::parse(text);
  if (!r) {
    say("{} {}: {}", kind, show(text), describe(r.error()));
    return;
  }
  std::string extra;
  if constexpr (requires { r->value(); }) extra = fmt::format("value={}", r->value());
  if constexpr (requires { r->ticks(); }) extra = fmt::format("ticks={}", r->ticks());
  say("{} {}: {} {} json={} fmt=[{}] [{:>50}] [{:*^47}] [{:é<45p}]", kind, show(text), show(r->to_string()), extra,
      show(xbl::to_json(*r)), *r, *r, *r, *r);
  const auto back = xbl::from_json<Id>(xbl::to_json(*r));
  say("  back {}", back ? (*back == *r ? "equal" : "UNEQUAL") : describe(back.error()));
}

void identifiers() {
  section("xuid");
  for (const auto t : {"0"sv, "00"sv, "7"sv, "1234567"sv, "12345678"sv, "123456789"sv, "2533274790395904"sv,
                       "0002533274790395904"sv, "18446744073709551615"sv, "18446744073709551616"sv,
                       "99999999999999999999"sv, "000000000000000000000018446744073709551615"sv, ""sv, "12a"sv, "-1"sv,
                       " 1"sv, "1 "sv, "1.0"sv, "+1"sv, "\xD9\xA1"sv})
    dump_id<xbl::Xuid>("xuid", t);
  dump_id<xbl::Xuid>("xuid", std::string(64, '0'));
  dump_id<xbl::Xuid>("xuid", std::string(63, '0') + "9");
  dump_id<xbl::Xuid>("xuid", std::string(65, '0'));
  prng r(0x0001d);
  for (int i = 0; i < 300; ++i) {
    std::string s;
    const auto n = 1 + r.below(24);
    for (std::size_t k = 0; k < n; ++k) s += static_cast<char>('0' + (r.chance(25) ? 0 : r.below(10)));
    if (r.chance(10)) s[r.below(s.size())] = static_cast<char>(r.below(0x100));
    dump_id<xbl::Xuid>("xuid", s);
  }

  section("guid");
  const std::string good = "47ca0049-a5ba-4bc1-aa22-fcf834ce4c13";
  for (const auto& t : {good, std::string("47CA0049-A5BA-4BC1-AA22-FCF834CE4C13"), std::string("47cA0049-a5Ba-4bC1-aA22-fCf834cE4c13"),
                        std::string("00000000-0000-0000-0000-000000000000"), std::string("ffffffff-ffff-ffff-ffff-ffffffffffff"),
                        "{" + good + "}", good.substr(1), good + "0", std::string("47ca0049a5ba4bc1aa22fcf834ce4c13"),
                        std::string("47ca0049-a5ba-4bc1-aa22_fcf834ce4c13"), std::string()})
    dump_id<xbl::Guid>("guid", t);
  for (std::size_t i = 0; i < good.size(); ++i)
    for (const char c : {'g', 'G', '-', '/', ':', '@', '`', '\x80', '0'}) {
      std::string t = good;
      if (t[i] == c) continue;
      t[i] = c;
      dump_id<xbl::Guid>("guid", t);
    }
  for (int i = 0; i < 200; ++i) {
    static constexpr char hex[] = "0123456789abcdefABCDEF";
    std::string s;
    for (int k = 0; k < 32; ++k) {
      if (k == 8 || k == 12 || k == 16 || k == 20) s += '-';
      s += hex[r.below(22)];
    }
    if (r.chance(20)) s[r.below(s.size())] = static_cast<char>(r.below(0x100));
    dump_id<xbl::Guid>("guid", s);
  }
  {
    const auto a = *xbl::Guid::parse(good);
    const auto b = *xbl::Guid::parse("47CA0049-A5BA-4BC1-AA22-FCF834CE4C13");
    const auto c = *xbl::Guid::parse("47ca0049-a5ba-4bc1-aa22-fcf834ce4c14");
    say("guid compare a==b {} a<c {} c>b {}", a == b, a < c, c > b);
  }

  section("title id");
  for (const auto t : {"0"sv, "1"sv, "01"sv, "12341234"sv, "4294967295"sv, "4294967296"sv, "12345678901"sv,
                       "99999999999999999999999"sv, ""sv, "x"sv, "-1"sv, "1e3"sv})
    dump_id<xbl::TitleId>("title", t);
  for (const auto t : {"0"sv, "12341234"sv, "4294967295"sv, "4294967296"sv, "-1"sv, "1.5"sv, "1e3"sv, "01"sv,
                       "\"12341234\""sv, "\"012\""sv, "true"sv, "null"sv, "\"\\u0031\\u0032\""sv}) {
    const auto v = xbl::from_json<xbl::TitleId>(t);
    say("title json {}: {}", show(t),
        v ? fmt::format("{} as_number={} back={}", v->value(), v->written_as_number(), xbl::to_json(*v))
          : describe(v.error()));
  }

  section("timestamp");
  for (const auto t :
       {"2012-09-17T07:15:23.4930000"sv, "2012-09-17T07:15:23Z"sv, "2012-09-17T07:15:23.4930000Z"sv,
        "2012-09-17T07:15:23.4Z"sv, "2012-09-17T07:15:23.1234567"sv, "0001-01-01T00:00:00"sv,
        "9999-12-31T23:59:59.9999999Z"sv, "0000-01-01T00:00:00"sv, "2012-13-01T00:00:00"sv, "2012-00-01T00:00:00"sv,
        "2012-02-30T00:00:00"sv, "2000-02-29T00:00:00"sv, "1900-02-29T00:00:00"sv, "2004-02-29T23:59:59"sv,
        "2012-09-17T24:00:00"sv, "2012-09-17T23:60:00"sv, "2012-09-17T23:59:60"sv, "2012-09-17T23:59:61"sv,
        "2012-09-17T07:15:23."sv, "2012-09-17T07:15:23.12345678"sv, "2012-09-17 07:15:23"sv,
        "2012-09-17T07:15:23+01:00"sv, "2012-09-17T07:15:23ZZ"sv, "2012-09-17T07:15"sv, "2012-9-17T07:15:23"sv,
        "20120917T071523"sv, "２012-09-17T07:15:23"sv, ""sv})
    dump_id<xbl::Timestamp>("timestamp", t);
  for (int i = 0; i < 300; ++i) {
    const auto ticks = static_cast<std::int64_t>(r.below(static_cast<std::uint64_t>(xbl::Timestamp::max_ticks) + 1));
    const auto ts = xbl::Timestamp::from_ticks(ticks);
    const std::string s = ts->to_string();
    const auto back = xbl::Timestamp::parse(s);
    // Cut to a random number of fraction digits, with or without Z, then read again.
    std::string cut = s.substr(0, 19);
    const auto digits = r.below(8);
    if (digits) cut += s.substr(19, digits + 1);
    if (r.chance(50)) cut += 'Z';
    const auto again = xbl::Timestamp::parse(cut);
    say("ticks {}: {} back={} cut {} -> {}", ticks, s, back && back->ticks() == ticks ? "equal" : "UNEQUAL", cut,
        again ? fmt::format("{} {}", again->ticks(), again->to_string()) : describe(again.error()));
  }
  for (const std::int64_t ticks : {std::int64_t{0}, std::int64_t{1}, xbl::Timestamp::max_ticks,
                                   xbl::Timestamp::max_ticks + 1, std::int64_t{-1}, std::numeric_limits<std::int64_t>::max(),
                                   std::numeric_limits<std::int64_t>::min()}) {
    const auto ts = xbl::Timestamp::from_ticks(ticks);
    say("from_ticks {}: {}", ticks, ts ? ts->to_string() : describe(ts.error()));
  }

  section("literals");
  {
    using namespace xbl::literals;
    constexpr auto x = 2533274790395904_xuid;
    constexpr auto x0 = 00012345670_xuid;
    constexpr auto g = "47CA0049-a5ba-4bc1-aa22-fcf834ce4c13"_guid;
    constexpr auto t = 12341234_title;
    constexpr xbl::Timestamp ts{634836525234930000};
    say("xuid {} {} {} {}; guid {}; title {} {}; timestamp {} {}", x, x.value(), x0, x0 == x, g, t, xbl::to_json(t), ts,
        ts.ticks());
  }

  section("requestor ids and authorization");
  for (const auto t : {"me"sv, "xuid(123)"sv, "xuid(0001)"sv, "xuid()"sv, "xuid(abc)"sv, "xuid(18446744073709551616)"sv,
                       "XUID(1)"sv, "xuid(1"sv, "Me"sv, ""sv}) {
    const auto v = xbl::RequestorId::parse(t);
    say("requestor {}: {}", show(t),
        v ? fmt::format("{} me={} xuid={} [{:>20}]", v->to_string(), v->is_me(), v->xuid() ? v->xuid()->to_string() : "-", *v)
          : describe(v.error()));
  }
  for (const auto t : {"XBL3.0 x=123;token"sv, "XBL3.0 x=12 34;t"sv, "XBL3.0 x=;t"sv, "XBL3.0 x=1;"sv,
                       "XBL3.0 x=1"sv, "Bearer abc"sv, "XBL3.0 x=h\x7f;t"sv, "XBL3.0 x=abc;ey.J;x=1"sv}) {
    const auto v = xbl::XblAuthorization::parse(t);
    say("authorization {}: {}", show(t),
        v ? fmt::format("hash={} token={} {} {} [{}]", show(v->user_hash()), show(v->token()), show(v->to_string()),
                        show(v->redacted()), *v)
          : describe(v.error()));
  }

  section("endpoints");
  for (const auto& e : xbl::endpoints) {
    std::string headers;
    for (const auto& h : e.required_headers) headers += fmt::format(" {}={}", h.name, h.value.empty() ? "*" : h.value);
    say("endpoint {} {} {}{} contract={}:{}-{} request={} response={} headers:{}", e.name, e.method, e.host,
        e.path_template, e.contract_version.header, e.contract_version.minimum, e.contract_version.current,
        e.request_body, e.response_body, headers);
  }
  for (const auto& [method, url] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
           {"POST", "https://sessiondirectory.xboxlive.com/handles"},
           {"POST", "HTTPS://SessionDirectory.XboxLive.com:443/handles?x=1&y=%41%4"},
           {"GET", "https://userpresence.xboxlive.com/users/me/groups/People?level=all&x"},
           {"GET", "http://user@userpresence.xboxlive.com/users/me/groups/Peo%2Fple#frag"},
           {"GET", "https://userpresence.xboxlive.com/users/me/groups/"},
           {"GET", "https://privacy.xboxlive.com/users/xuid(2533274790395904)/permission/validate?setting=ViewTargetProfile&target=xuid(1)"},
           {"POST", "https://privacy.xboxlive.com/users/me/permission/validate"},
           {"PUT", "https://gamerpics.xboxlive.com/users/me/gamerpic"},
           {"GET", "https://gamerpics.xboxlive.com/users/me/gamerpic"},
           {"POST", "ftp://sessiondirectory.xboxlive.com/handles"},
           {"POST", "sessiondirectory.xboxlive.com/handles"},
           {"GET", "https://example.com/"}}) {
    const auto m = xbl::match(method, url);
    if (!m) {
      say("match {} {}: none", method, url);
      continue;
    }
    std::string params;
    for (const auto& [k, v] : m->params) params += fmt::format(" {}={}", show(k), show(v));
    std::string query;
    for (const auto& [k, v] : m->query_params) query += fmt::format(" {}={}", show(k), show(v));
    say("match {} {}: {} params:{} query:{}", method, url, m->endpoint.name, params, query);
  }
  for (const auto t : {""sv, "abc"sv, "a b"sv, "-._~"sv, "é"sv, "/?#[]@!$&'()*+,;="sv, "\x01\xff"sv})
    say("uri_encoded_length {}: {}", show(t), xbl::uri_encoded_length(t));
}

// ---- gamerpic ------------------------------------------------------------------------------------

std::vector<std::byte> png_header(std::uint32_t width, std::uint32_t height, std::uint8_t depth, std::uint8_t color,
                                  std::uint8_t compression, std::uint8_t filter, std::uint8_t interlace) {
  std::vector<std::byte> b;
  auto put = [&](unsigned v) { b.push_back(static_cast<std::byte>(v & 0xFF)); };
  auto put32 = [&](std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) put(v >> shift);
  };
  for (const unsigned c : {0x89u, 0x50u, 0x4Eu, 0x47u, 0x0Du, 0x0Au, 0x1Au, 0x0Au}) put(c);
  put32(13);
  for (const char c : {'I', 'H', 'D', 'R'}) put(static_cast<unsigned char>(c));
  put32(width);
  put32(height);
  for (const unsigned v : {unsigned{depth}, unsigned{color}, unsigned{compression}, unsigned{filter}, unsigned{interlace}}) put(v);
  put32(xbl::detail::png_crc32(std::span<const std::byte>(b).subspan(12, 17)));
  for (const char c : std::string_view("\0\0\0\0IEND\xAE\x42\x60\x82", 12)) put(static_cast<unsigned char>(c));
  return b;
}

void gamerpic() {
  section("gamerpic");
  std::vector<std::pair<std::string, std::vector<std::byte>>> cases;
  cases.emplace_back("1080 rgba", png_header(1080, 1080, 8, 6, 0, 0, 0));
  cases.emplace_back("64 grey 16", png_header(64, 64, 16, 0, 0, 0, 1));
  cases.emplace_back("max side", png_header(0x7FFFFFFF, 1, 1, 3, 0, 0, 0));
  cases.emplace_back("width 0", png_header(0, 1080, 8, 6, 0, 0, 0));
  cases.emplace_back("width 2^31", png_header(0x80000000u, 1080, 8, 6, 0, 0, 0));
  cases.emplace_back("colour 5", png_header(1080, 1080, 8, 5, 0, 0, 0));
  cases.emplace_back("depth 3", png_header(1080, 1080, 3, 2, 0, 0, 0));
  cases.emplace_back("compression 1", png_header(1080, 1080, 8, 6, 1, 0, 0));
  cases.emplace_back("filter 1", png_header(1080, 1080, 8, 6, 0, 1, 0));
  cases.emplace_back("interlace 2", png_header(1080, 1080, 8, 6, 0, 0, 2));
  auto bad_crc = png_header(1080, 1080, 8, 6, 0, 0, 0);
  bad_crc[30] ^= std::byte{1};
  cases.emplace_back("bad crc", bad_crc);
  auto bad_sig = png_header(1080, 1080, 8, 6, 0, 0, 0);
  bad_sig[3] = std::byte{'g'};
  cases.emplace_back("bad signature", bad_sig);
  auto bad_type = png_header(1080, 1080, 8, 6, 0, 0, 0);
  bad_type[12] = std::byte{'i'};
  cases.emplace_back("bad chunk type", bad_type);
  auto bad_length = png_header(1080, 1080, 8, 6, 0, 0, 0);
  bad_length[11] = std::byte{14};
  cases.emplace_back("bad chunk length", bad_length);
  const auto whole = png_header(1080, 1080, 8, 6, 0, 0, 0);
  for (const std::size_t n : {0, 1, 7, 8, 12, 16, 32}) cases.emplace_back("cut at " + std::to_string(n),
                                                                          std::vector<std::byte>(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(n)));
  for (const auto& [name, bytes] : cases) {
    const auto g = xbl::GamerpicImage::from_png(bytes);
    if (!g) {
      say("png {}: {}", name, describe(g.error()));
      continue;
    }
    say("png {}: {}x{} depth {} colour {} interlace {} bytes {} json {} fmt [{:>90}]", name, g->width, g->height,
        g->bit_depth, g->color_type, g->interlace, g->bytes.size(), xbl::to_json(*g), *g);
    dump_violations(*g);
  }
  prng r(0x9e4);
  for (int i = 0; i < 64; ++i) {
    std::vector<std::byte> data(r.below(300));
    for (auto& b : data) b = static_cast<std::byte>(r.below(0x100));
    say("crc32 {} bytes: {:08x}", data.size(), xbl::detail::png_crc32(data));
  }
}

// ---- enumerations ----------------------------------------------------------------------------------

template <class E>
void dump_enum(std::string_view name) {
  say("enum {} ({} values)", name, xbl::meta<E>::values.size());
  auto from = [](std::string_view t) {
    const auto v = xbl::enum_from_string<E>(t);
    return v ? fmt::format("{}", static_cast<long long>(*v)) : std::string("none");
  };
  auto open = [](std::string_view t) {
    const auto e = xbl::open_enum<E>::from_text(t);
    const auto json = xbl::to_json(e);
    const auto back = xbl::from_json<xbl::open_enum<E>>(json);
    return fmt::format("known={} value={} text={} json={} back={}", e.is_known(),
                       e.known() ? fmt::format("{}", static_cast<long long>(*e.known())) : "-", show(e.text()), show(json),
                       back && *back == e && back->text() == e.text() ? "same" : "OTHER");
  };
  for (const auto& en : xbl::meta<E>::values) {
    std::string aliases;
    for (const auto a : en.aliases)
      if (!a.empty()) aliases += fmt::format(" {}({}|{})", a, from(a), open(upper(a)));
    say("  {} = {} to_string={} from={} upper={} lower={} open={} open_upper={} aliases:{}", en.name,
        static_cast<long long>(en.value), xbl::to_string(en.value), from(en.name), from(upper(en.name)),
        from(lower(en.name)), open(en.name), open(upper(en.name)), aliases);
  }
  for (const auto t : {""sv, "x"sv, "unknown value"sv, "\xC3\xA9"sv}) say("  text {}: from={} open={}", show(t), from(t), open(t));
  say("  default open {}", xbl::to_json(xbl::open_enum<E>{}));
  xbl::read_options strict;
  strict.strict_enums = true;
  const auto r = xbl::from_json<xbl::open_enum<E>>("\"NoSuchValue\"", strict);
  say("  strict: {}", r ? "ok" : describe(r.error()));
}

void enumerations() {
  section("enumerations");
  dump_enum<xbl::PresenceState>("PresenceState");
  dump_enum<xbl::DeviceType>("DeviceType");
  dump_enum<xbl::Placement>("Placement");
  dump_enum<xbl::TitleState>("TitleState");
  dump_enum<xbl::MediaIdType>("MediaIdType");
  dump_enum<xbl::BroadcastProvider>("BroadcastProvider");
  dump_enum<xbl::PresenceLevel>("PresenceLevel");
  dump_enum<xbl::PermissionId>("PermissionId");
  dump_enum<xbl::PrivacySetting>("PrivacySetting");
  dump_enum<xbl::DenyReason>("DenyReason");
  dump_enum<xbl::AnonymousUser>("AnonymousUser");
  dump_enum<xbl::Privilege>("Privilege");
  for (int i = 0; i <= 15; ++i) say("errc {} = {}", i, xbl::to_string(static_cast<xbl::errc>(i)));
  say("model names: {}", fmt::format("{}", fmt::join(xbl::model_names, " ")));
}

}  // namespace probe
