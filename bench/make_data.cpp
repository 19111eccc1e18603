// Writes the benchmark inputs, always the same bytes (a fixed seed and a generator of our own, so
// that no standard library's distributions change them), with the library itself:
//
//   presence.json         GET /users/me/groups/People?level=all: 1,000 PresenceRecord, about 1 MB
//   presence_pretty.json  the same, pretty-printed with 4-space indentation
//   permissions.json      a PermissionCheckBatchResponse: 100 users x 16 permissions
//   invites.jsonl         10,000 invite bodies of POST /handles (HandleRequest), one per line
//
//   make_data OUTPUT_DIR
#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>
#include <xbl/xbl.hpp>

namespace {

// splitmix64: small, fast, and the same everywhere.
class rng {
 public:
  explicit rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  bool chance(unsigned percent) { return below(100) < percent; }
  template <class C>
  const auto& pick(const C& c) {
    return c[below(std::size(c))];
  }

 private:
  std::uint64_t state_;
};

constexpr std::string_view gamertag_words[] = {
    "Shadow", "Frost", "Nova", "Rogue", "Pixel", "Turbo", "Lunar", "Viper", "Echo", "Blaze", "Ghost", "Storm",
    "Iron", "Neon", "Crimson", "Atomic", "Silent", "Wild", "Cosmic", "Rusty", "Mango", "Tofu", "Panda", "Otter",
    "Falcon", "Wolf", "Raven", "Kraken", "Badger", "Llama", "Goose", "Yeti", "Ninja", "Wizard", "Knight", "Pilot",
};
constexpr std::string_view gamertag_suffixes[] = {"", "", "", "X", "TV", "GG", "YT", "HD", "Pro", "Jr"};

std::string gamertag(rng& r) {
  std::string g;
  if (r.chance(15)) g += "xX";
  g += r.pick(gamertag_words);
  if (r.chance(60)) g += r.pick(gamertag_words);
  g += r.pick(gamertag_suffixes);
  if (r.chance(55)) g += std::to_string(r.below(r.chance(50) ? 100 : 10000));
  if (g.starts_with("xX")) g += "Xx";
  return g;
}

struct title_info {
  std::uint32_t id;
  std::string_view name;
};
constexpr title_info titles[] = {
    {750323071, "Home"},
    {1144039928, "Halo: The Master Chief Collection"},
    {2043073184, "Forza Horizon 5"},
    {1739947436, "Minecraft"},
    {219630713, "Fortnite"},
    {1828326430, "Sea of Thieves"},
    {2030093255, "Microsoft Flight Simulator"},
    {1681151197, "Rocket League®"},
    {1829527939, "Gears 5"},
    {896928775, "Grounded"},
    {1970421516, "Pokémon Café ReMix"},
    {328178078, "Ori and the Will of the Wisps"},
    {1216319838, "Forza Motorsport"},
    {1700712022, "DOOM Eternal"},
    {1659804324, "Starfield"},
    {4294967294u, "Contoso Racing \"Turbo\" Edition"},
};

constexpr std::string_view rich_presence[] = {
    "Playing on Nirvana",
    "In the main menu",
    "Viewing stats",
    "Ranked match — Gold III",
    "Jugando en el nivel 3: Ruinas de Aldea",
    "Спидран: глава 2, 14:32",
    "ランクマッチ中 (ダイヤ帯)",
    "Défi quotidien ★ 3/5",
    "排位赛 · 第 5 局",
    "Exploring the Forbidden Forest 🌲",
    "🏆 Season 12 finals",
    "Watching \"The Expanse\" S03E07",
    "Editing map C:\\Maps\\Dust2_remake",
    "Lobby\tWaiting for players (3/8)",
    "Racing at Circuit de Spa-Francorchamps",
    "Building a castle with friends",
    "Custom game: Slayer on Streets",
    "Zone 4 — boss: Κέρβερος",
    "Korean BBQ Tycoon: 일요일 영업 중",
    "Resting at a bonfire\u0001",
};

constexpr std::string_view media_names[] = {
    "The Expanse", "Stranger Things", "Lo-fi beats to relax to", "Café Tacvba — Re", "Halo Infinite OST",
    "Музыка для работы", "NFL RedZone", "進撃の巨人",
};

constexpr std::string_view device_types[] = {"XboxOne", "Scarlett", "PC", "Win32", "iOS", "Android", "Web", "D"};
constexpr std::string_view deny_reasons[] = {"NotAllowed", "MissingPrivilege", "PrivilegeRestrictsTarget",
                                             "BlockListRestrictsTarget", "MuteListRestrictsTarget",
                                             "PrivacySettingRestrictsTarget", "CrossNetworkUserMustBeFriend"};
constexpr std::string_view privileges[] = {"AllowIngameVoiceCommunications", "AllowVideoCommunications",
                                           "AllowProfileViewing", "AllowCommunications", "AllowMultiplayer",
                                           "AllowAddFriend"};
constexpr std::string_view settings[] = {"ShareFriendList", "ShareGameHistory", "CommunicateUsingTextAndVoice",
                                         "SharePresence", "ShareProfile", "ShareVideoAndMusicStatus",
                                         "CommunicateUsingVideo", "ShareIdentity", "ShareExerciseInfo"};
constexpr std::string_view permission_names[] = {
    "CommunicateUsingText", "CommunicateUsingVideo", "CommunicateUsingVoice", "ViewTargetProfile",
    "ViewTargetGameHistory", "ViewTargetVideoHistory", "ViewTargetMusicHistory", "ViewTargetExerciseInfo",
    "ViewTargetPresence", "ViewTargetVideoStatus", "ViewTargetMusicStatus", "ViewTargetUserCreatedContent",
    "PlayMultiplayer", "BroadcastWithTwitch", "WriteComment", "ShareItem",
};
constexpr std::string_view templates[] = {"deathmatch", "coop_campaign", "ranked-2v2", "party", "lobby_public",
                                          "custom-game", "raid"};

template <class Id>
Id parsed(std::string_view text) {
  auto r = Id::parse(text);
  if (!r) {
    fmt::print(stderr, "make_data: bad identifier {}: {}\n", text, r.error());
    std::exit(1);
  }
  return *r;
}

xbl::Xuid xuid(rng& r) { return xbl::Xuid(2533274790000000ULL + r.below(9999999)); }

std::string guid_text(rng& r) {
  const std::uint64_t a = r.next(), b = r.next();
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xFFFF, 0x4000 | (a & 0x0FFF),
                     0x8000 | (b >> 52 & 0x3FFF), b & 0xFFFFFFFFFFFFULL);
}

// The two forms the services use: the samples' 7 fraction digits without `Z`, and the SDK's `Z`
// with trailing zeros trimmed.
xbl::Timestamp timestamp(rng& r) {
  const auto month = 1 + r.below(12), day = 1 + r.below(28), hour = r.below(24), minute = r.below(60),
             second = r.below(60);
  std::string t = fmt::format("2024-{:02}-{:02}T{:02}:{:02}:{:02}", month, day, hour, minute, second);
  if (r.chance(50)) {
    t += fmt::format(".{:07}", r.below(10'000'000));
  } else {
    std::string fraction = fmt::format("{:07}", r.below(10'000'000));
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    if (!fraction.empty()) t += "." + fraction;
    t += 'Z';
  }
  return parsed<xbl::Timestamp>(t);
}

template <class E>
xbl::open_enum<E> enum_text(std::string_view text) {
  return xbl::open_enum<E>::from_text(text);
}

xbl::TitleRecord title(rng& r, bool home) {
  const auto& info = home ? titles[0] : titles[1 + r.below(std::size(titles) - 1)];
  xbl::TitleRecord t;
  t.id = xbl::TitleId(info.id);
  t.name = std::string(info.name);
  t.last_modified = timestamp(r);
  t.placement = enum_text<xbl::Placement>(home ? "background" : r.chance(85) ? "full" : "snapped");
  t.state = enum_text<xbl::TitleState>(home || r.chance(20) ? "inactive" : "active");
  xbl::ActivityRecord a;
  std::string rp(r.pick(rich_presence));
  if (r.chance(25)) rp += " with " + gamertag(r);
  a.rich_presence = rp;
  if (r.chance(45)) {
    xbl::MediaRecord m;
    m.id = r.chance(50) ? guid_text(r) : std::to_string(r.below(1'000'000'000));
    m.id_type = enum_text<xbl::MediaIdType>(r.chance(50) ? "bing" : "provider");
    m.name = std::string(r.pick(media_names));
    a.media = m;
  }
  if (r.chance(25)) {
    xbl::BroadcastRecord b;
    b.id = gamertag(r);
    b.session = guid_text(r);
    b.provider = enum_text<xbl::BroadcastProvider>("twitch");
    b.viewers = r.below(r.chance(10) ? 100000 : 300);
    b.started = timestamp(r);
    a.broadcast = b;
  }
  t.activity = a;
  return t;
}

xbl::PresenceRecord presence_record(rng& r) {
  xbl::PresenceRecord p;
  p.xuid = xuid(r);
  const auto roll = r.below(100);
  p.state = enum_text<xbl::PresenceState>(roll < 70 ? "Online" : roll < 82 ? "Away" : "Offline");
  if (roll >= 82) {
    xbl::LastSeenRecord seen;
    const auto& info = titles[r.below(std::size(titles))];
    seen.device_type = enum_text<xbl::DeviceType>(r.pick(device_types));
    seen.title_id = xbl::TitleId(info.id);
    seen.title_name = std::string(info.name);
    seen.timestamp = timestamp(r);
    p.last_seen = seen;
    return p;
  }
  const auto devices = 1 + (r.chance(70) ? 1 + r.below(2) : 0);
  for (std::uint64_t d = 0; d < devices; ++d) {
    xbl::DeviceRecord device;
    device.type = enum_text<xbl::DeviceType>(r.pick(device_types));
    const bool console = device.type == xbl::DeviceType::D || device.type == xbl::DeviceType::Scarlett;
    if (console) device.titles.push_back(title(r, true));
    const std::uint64_t games = r.chance(60) ? 2 : 1;
    for (std::uint64_t g = 0; g < games; ++g) device.titles.push_back(title(r, false));
    p.devices.push_back(std::move(device));
  }
  return p;
}

xbl::PermissionCheckBatchResponse permissions(rng& r) {
  xbl::PermissionCheckBatchResponse batch;
  for (int u = 0; u < 100; ++u) {
    xbl::PermissionUserResponse entry;
    if (u % 25 == 24) entry.user.anonymous_user = enum_text<xbl::AnonymousUser>(r.chance(50) ? "crossNetworkUser" : "crossNetworkFriend");
    else entry.user.xuid = xuid(r);
    for (int k = 0; k < 16; ++k) {
      xbl::PermissionResult result;
      result.is_allowed = r.chance(70);
      if (!result.is_allowed) {
        const std::uint64_t reasons = r.chance(20) ? 2 : 1;
        for (std::uint64_t i = 0; i < reasons; ++i) {
          xbl::PermissionReason reason;
          const auto which = r.below(std::size(deny_reasons));
          reason.reason = enum_text<xbl::DenyReason>(deny_reasons[which]);
          if (which == 1 || which == 2) reason.restricted_setting = std::string(r.pick(privileges));
          else if (which == 5) reason.restricted_setting = std::string(r.pick(settings));
          result.reasons.push_back(std::move(reason));
        }
      }
      entry.permissions.push_back(std::move(result));
    }
    batch.responses.push_back(std::move(entry));
  }
  (void)permission_names;
  return batch;
}

xbl::HandleRequest invite(rng& r) {
  xbl::InviteHandleRequest i;
  if (r.chance(80)) i.id = parsed<xbl::Guid>(guid_text(r));
  i.session_ref.scid = parsed<xbl::Guid>(guid_text(r));
  i.session_ref.template_name = std::string(r.pick(templates));
  if (r.chance(90)) i.session_ref.name = r.chance(50) ? guid_text(r) : "session-" + std::to_string(r.below(100000));
  const auto& info = titles[1 + r.below(std::size(titles) - 1)];
  // The SDK sends a title id as a string, the reference shows a number: both occur.
  i.invite_attributes.title_id = xbl::TitleId(info.id, r.chance(20));
  if (r.chance(70)) {
    std::string context = "lobby=" + std::to_string(r.below(1000)) + "&map=";
    context += r.chance(30) ? "Café de la Gare" : r.chance(50) ? "Blood Gulch" : "Заброшенный завод";
    if (r.chance(10)) context += "&note=\"" + gamertag(r) + "\"";
    i.invite_attributes.context = context;
  }
  if (r.chance(40)) i.invite_attributes.context_string = r.chance(50) ? "JoinMyParty" : "RankedInvite";
  if (r.chance(15)) i.invite_attributes.sender_string = gamertag(r) + "'s Tournament Bot";
  i.invited_xuid = xuid(r);
  return i;
}

void save(const std::string& dir, std::string_view name, std::string_view text) {
  const std::string path = dir + "/" + std::string(name);
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) {
    fmt::print(stderr, "make_data: cannot write {}\n", path);
    std::exit(1);
  }
}

// Every file must read back to what was written: the benchmark reads nothing else.
template <class T>
void check_round_trip(std::string_view text, const T& value) {
  auto back = xbl::from_json<T>(text);
  if (!back || !(*back == value)) {
    fmt::print(stderr, "make_data: a generated document does not read back: {}\n", back.error());
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    fmt::print(stderr, "usage: make_data OUTPUT_DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  rng r(20240517);

  std::vector<xbl::PresenceRecord> people;
  for (int i = 0; i < 1000; ++i) people.push_back(presence_record(r));
  const std::string presence = xbl::to_json(people);
  const std::string pretty = xbl::to_json(people, {.pretty = true, .indent = 4});
  check_round_trip(presence, people);
  check_round_trip(pretty, people);
  save(dir, "presence.json", presence);
  save(dir, "presence_pretty.json", pretty);

  const auto batch = permissions(r);
  const std::string batch_text = xbl::to_json(batch);
  check_round_trip(batch_text, batch);
  save(dir, "permissions.json", batch_text);

  std::string lines;
  for (int i = 0; i < 10000; ++i) {
    const auto body = invite(r);
    const std::string line = xbl::to_json(body);
    check_round_trip(line, body);
    lines += line;
    lines += '\n';
  }
  save(dir, "invites.jsonl", lines);
  return 0;
}
