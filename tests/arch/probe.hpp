// What the units of the architecture probe share: the transcript's output, the input generator,
// and reading and dumping every model type. probe.cpp describes the probe as a whole.
#pragma once
#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>
#if FMT_VERSION >= 110000
#include <fmt/ranges.h>  // fmt::join
#endif

#include <xbl/xbl.hpp>

namespace probe {

using namespace std::string_view_literals;

using namespace std::string_view_literals;

// ---- output ------------------------------------------------------------------------------------

inline std::size_t lines_written = 0;

inline void emit(std::string_view s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
  std::fputc('\n', stdout);
  ++lines_written;
}

template <class... Args>
void say(fmt::format_string<Args...> f, Args&&... args) {
  emit(fmt::format(f, std::forward<Args>(args)...));
}

inline void section(std::string_view name) { say("== {}", name); }

// Any bytes as printable ASCII on one line: a backslash doubled, everything else outside 0x20-0x7E
// as \xHH, so that the transcript is lines of text whatever the library wrote.
inline std::string show(std::string_view s) {
  std::string o;
  o.reserve(s.size() + 8);
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\\') o += "\\\\";
    else if (c >= 0x20 && c < 0x7F) o += ch;
    else o += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
  }
  return o;
}

// A multi-line text (pretty JSON), each line shown and indented.
inline void emit_block(std::string_view text) {
  std::size_t start = 0;
  for (;;) {
    const auto nl = text.find('\n', start);
    emit("    | " + show(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start)));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
}

// FNV-1a, for outputs too long to show whole.
inline std::uint64_t fnv(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

inline std::string hex64(std::uint64_t v) { return fmt::format("{:016x}", v); }

inline std::string describe(const xbl::error& e) {
  return fmt::format("error {} offset={} at={}:{} path={} message={} | {}", to_string(e.code), e.offset, e.line,
                     e.column, show(e.path), show(e.message), show(fmt::format("{}", e)));
}

// ---- inputs ------------------------------------------------------------------------------------

// splitmix64: the same numbers on every machine.
class prng {
 public:
  explicit prng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
  bool chance(unsigned percent) { return below(100) < percent; }

 private:
  std::uint64_t s_;
};

inline void append_utf8(std::string& out, std::uint32_t cp) { xbl::detail::utf8_append(out, cp); }

// A code point of the kinds documents hold: ASCII, what JSON escapes, two, three and four bytes.
inline std::uint32_t code_point(prng& r) {
  const auto kind = r.below(100);
  if (kind < 50) return static_cast<std::uint32_t>(0x20 + r.below(0x5F));
  if (kind < 60) {
    constexpr std::array<std::uint32_t, 10> special{'"', '\\', '\n', '\t', '\r', '\b', '\f', 0x00, 0x1F, 0x7F};
    return special[r.below(special.size())];
  }
  if (kind < 75) return static_cast<std::uint32_t>(0x80 + r.below(0x800 - 0x80));
  if (kind < 90) {
    auto cp = static_cast<std::uint32_t>(0x800 + r.below(0x10000 - 0x800 - 0x800));
    return cp >= 0xD800 ? cp + 0x800 : cp;
  }
  return static_cast<std::uint32_t>(0x10000 + r.below(0x110000 - 0x10000));
}

inline std::string text(prng& r, std::size_t min, std::size_t max) {
  std::string s;
  const std::size_t n = min + r.below(max - min + 1);
  for (std::size_t i = 0; i < n; ++i) append_utf8(s, code_point(r));
  return s;
}

// A byte drawn from one of several mixes, each aimed at one kind of kernel.
enum class mix { string, whitespace, digits, hex, utf8, any };
constexpr std::array<std::string_view, 6> mix_names{"string", "whitespace", "digits", "hex", "utf8", "any"};

inline void append_bytes(prng& r, mix m, std::string& out) {
  switch (m) {
    case mix::string: {
      const auto k = r.below(100);
      if (k < 80) out += static_cast<char>(0x20 + r.below(0x5F));
      else if (k < 85) out += '"';
      else if (k < 90) out += '\\';
      else if (k < 95) out += static_cast<char>(r.below(0x20));
      else out += static_cast<char>(0x80 + r.below(0x80));
      break;
    }
    case mix::whitespace: {
      const auto k = r.below(100);
      if (k < 70) out += ' ';
      else if (k < 78) out += '\n';
      else if (k < 84) out += '\t';
      else if (k < 88) out += '\r';
      else if (k < 94) out += static_cast<char>(0x21 + r.below(0x5E));
      else out += static_cast<char>(r.below(0x100));
      break;
    }
    case mix::digits: {
      const auto k = r.below(100);
      if (k < 88) out += static_cast<char>('0' + r.below(10));
      else if (k < 92) out += "/:"[r.below(2)];  // next to '0' and '9'
      else out += static_cast<char>(r.below(0x100));
      break;
    }
    case mix::hex: {
      static constexpr char digits[] = "0123456789abcdefABCDEF";
      const auto k = r.below(100);
      if (k < 85) out += digits[r.below(22)];
      else if (k < 92) out += "/:@G`g-"[r.below(7)];  // next to the ranges
      else out += static_cast<char>(r.below(0x100));
      break;
    }
    case mix::utf8: {
      const auto k = r.below(100);
      if (k < 85) append_utf8(out, code_point(r));
      else if (k < 90) out += static_cast<char>(0x80 + r.below(0x40));  // stray continuation
      else if (k < 95) {
        // A lead byte with one continuation too few, or an overlong or surrogate form.
        constexpr std::array<std::string_view, 8> bad{"\xC0\x80", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                                      "\xF5\x80\x80\x80", "\xE2\x82", "\xF0\x9F\x8E", "\xC2"};
        out += bad[r.below(bad.size())];
      } else out += static_cast<char>(r.below(0x100));
      break;
    }
    case mix::any: out += static_cast<char>(r.below(0x100)); break;
  }
}

// n bytes of one mix, then padding: the kernels that look past the end of their input (a block at
// a time, the indentation window) find readable bytes there, which change nothing they report.
struct sample {
  std::string bytes;  // with 96 bytes of padding after `size`
  std::size_t size = 0;
  const char* begin() const noexcept { return bytes.data(); }
  const char* end() const noexcept { return bytes.data() + size; }
  std::string_view view() const noexcept { return {bytes.data(), size}; }
};

inline sample make_sample(prng& r, mix m, std::size_t n) {
  sample s;
  while (s.bytes.size() < n) append_bytes(r, m, s.bytes);
  s.bytes.resize(n);
  s.size = n;
  for (int i = 0; i < 96; ++i) s.bytes += static_cast<char>(r.below(0x100));
  return s;
}

// ---- models ------------------------------------------------------------------------------------

struct option_set {
  std::string_view name;
  xbl::read_options options;
};

inline std::vector<option_set> option_sets() {
  option_set strict{"strict", {}};
  option_set lenient{"lenient", xbl::read_options::lenient()};
  option_set keep{"keep", xbl::read_options::lenient()};
  keep.options.unknown_keys = xbl::unknown_key_policy::keep;
  option_set exacting{"exacting", {}};
  exacting.options.unknown_keys = xbl::unknown_key_policy::error;
  exacting.options.strict_enums = true;
  exacting.options.validate = true;
  exacting.options.max_depth = 8;
  return {strict, lenient, keep, exacting};
}

template <class T>
void dump_violations(const T& v) {
  for (const auto& violation : xbl::validate(v))
    say("    violation {} | {} | {} | {}", show(violation.path), show(violation.rule), show(violation.message),
        show(fmt::format("{}", violation)));
}

// What a value read is: its compact and pretty JSON, fmt's forms of it, whether it reads back equal
// and writes the same bytes again, and what validate() finds.
template <class T>
void dump_value(const T& v, const xbl::read_options& options) {
  const std::string compact = xbl::to_json(v);
  xbl::write_options pretty_options;
  pretty_options.pretty = true;
  const std::string pretty = xbl::to_json(v, pretty_options);
  pretty_options.indent = 5;
  const std::string pretty5 = xbl::to_json(v, pretty_options);
  say("  ok {}", show(compact));
  // The pretty text in full once, not again for each set of options that reads the same value.
  static std::string last_pretty;
  if (pretty != last_pretty) emit_block(pretty);
  else say("    pretty as above");
  last_pretty = pretty;
  say("    indent 5: {} bytes, fnv {}", pretty5.size(), hex64(fnv(pretty5)));
  const std::string f = fmt::format("{}", xbl::json(v));
  const std::string fp = fmt::format("{:p}", xbl::json(v));
  say("    fmt {} {}", f == compact ? "same" : "DIFFERS " + show(f), fp == pretty ? "same" : "DIFFERS " + show(fp));
  xbl::read_options again = options;
  again.validate = false;
  for (const auto& [name, text] : {std::pair{"compact"sv, compact}, std::pair{"pretty"sv, pretty},
                                   std::pair{"indent5"sv, pretty5}}) {
    const auto back = xbl::from_json<T>(text, again);
    if (!back) {
      say("    reread {}: {}", name, describe(back.error()));
      continue;
    }
    say("    reread {}: {} {}", name, *back == v ? "equal" : "UNEQUAL",
        xbl::to_json(*back) == compact ? "same bytes" : "OTHER BYTES " + show(xbl::to_json(*back)));
  }
  dump_violations(v);
}

template <class T>
void dump_read(std::string_view text, const option_set& o) {
  const auto r = xbl::from_json<T>(text, o.options);
  if (!r) {
    say("  {}: {}", o.name, describe(r.error()));
    return;
  }
  say("  {}:", o.name);
  dump_value(*r, o.options);
}

// Every named model, then the types not in the table that read JSON too.
template <class F>
void each_type(F&& f) {
  for (const auto name : xbl::model_names) xbl::with_model(name, [&](auto id) { f(name, id); });
  f("GamerpicImage"sv, std::type_identity<xbl::GamerpicImage>{});
  f("raw_json"sv, std::type_identity<xbl::raw_json>{});
}

template <class F>
bool with_type(std::string_view name, F&& f) {
  bool found = false;
  each_type([&](std::string_view n, auto id) {
    if (n == name && !found) {
      found = true;
      f(id);
    }
  });
  return found;
}

// A document the probe itself relies on; that it does not read ends the transcript here.
template <class T>
T must(std::string_view text) {
  auto r = xbl::from_json<T>(text);
  if (!r) {
    say("UNREADABLE {}: {}", show(text), describe(r.error()));
    std::fflush(stdout);
    std::exit(1);
  }
  return std::move(*r);
}


// ---- shared by the sections ------------------------------------------------------------------

// Documents that read, each with every member its type describes, and some with more.
inline constexpr std::array<std::pair<std::string_view, std::string_view>, 26> documents{{
    {"SessionRef", R"({"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":"deathmatch","name":"session-49"})"},
    {"SessionRef", R"({"templateName":"t\u00e9\ud83c\udfae\n\"x\"","scid":"BD6C41C3-01C3-468A-A3B5-3E0FE8133862","extra":[1,2.50,{"a":null}],"name":null})"},
    {"InviteAttributes", R"({"titleId":"12341234","context":"lobby 49/é","contextString":"invite_to_match","senderString":"Contoso"})"},
    {"InviteAttributes", R"({"titleId":4294967295})"},
    {"ActivityHandleRequest", R"({"version":1,"sessionRef":{"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":"deathmatch"}})"},
    {"InviteHandleRequest", R"({"id":"47ca0049-a5ba-4bc1-aa22-fcf834ce4c13","version":1,"sessionRef":{"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":"deathmatch","name":"session-49"},"inviteAttributes":{"titleId":12341234,"context":"lobby-49"},"invitedXuid":"0003210"})"},
    {"TransferHandleRequest", R"({"version":1,"sessionRef":{"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":"a"},"originSessionRef":{"scid":"00000000-0000-0000-0000-000000000000","templateName":"b","name":"c"}})"},
    {"HandleRequest", R"({"sessionRef":{"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":"a"},"version":1,"type":"transfer","originSessionRef":{"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":"b"}})"},
    {"HandleRequest", R"({"type":"activity","version":2,"sessionRef":{"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":""},"unknown":{"deep":[[[]]]}})"},
    {"InviteHandle", R"({"id":"47ca0049-a5ba-4bc1-aa22-fcf834ce4c13","version":1,"type":"invite","sessionRef":{"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":"deathmatch","name":"session-49"},"inviteAttributes":{"titleId":"12341234","context":"lobby-49","contextString":"s","senderString":"t"},"invitedXuid":"3210","titleId":12341234,"ownerXuid":"2533274790395904","expiration":"2024-01-01T00:00:00Z"})"},
    {"PresenceRecord", R"({"xuid":"2533274790395904","state":"Online","devices":[{"type":"XboxOne","titles":[{"id":"1","name":"Home","lastModified":"2012-09-17T07:15:23.4930000","placement":"Background","state":"active","activity":{"richPresence":"Playing","media":{"id":"m","idType":"bing","name":"Film"},"broadcast":{"id":"b","session":"s","provider":"Twitch","viewers":18446744073709551615,"started":"2001-02-03T04:05:06Z"}}},{"id":2,"timestamp":"9999-12-31T23:59:59.9999999Z","placement":"sideways","state":"paused"}]},{"type":"Scarlett","titles":[]}]})"},
    {"PresenceRecord", R"({"xuid":"1","state":"Offline","lastSeen":{"deviceType":"W8","titleId":"714681658","titleName":"Xbox App","timestamp":"2015-06-01T19:24:51.123Z"}})"},
    {"PresenceRecord[]", R"([{"xuid":"1","state":"Away"},{"xuid":"2","state":"unknown-state","devices":[{"type":"Quantum","titles":[{"id":"3"}]}],"lastSeen":{}}])"},
    {"DeviceRecord", R"({"type":"pc","titles":[{"id":"4294967295","placement":"SNAPPED"}]})"},
    {"TitleRecord", R"({"id":"0","name":"\u0000\u001f\u007f\u0080\u07ff\u0800\uffff","lastModified":"0001-01-01T00:00:00","timestamp":"2000-02-29T12:00:00.1Z"})"},
    {"ActivityRecord", R"({"richPresence":"x","media":{"idType":"provider"}})"},
    {"MediaRecord", R"({"id":"1","idType":"BING","name":""})"},
    {"BroadcastRecord", R"({"viewers":0,"provider":"twitch","started":"1970-01-01T00:00:00.0000001"})"},
    {"LastSeenRecord", R"({"deviceType":"MCapensis","titleId":12})"},
    {"PermissionUser", R"({"anonymousUser":"crossNetworkFriend"})"},
    {"PermissionCheckBatchRequest", R"({"users":[{"xuid":"12345"},{"anonymousUser":"allUsers"},{"xuid":"1","anonymousUser":"crossNetworkUser"},{}],"permissions":["ViewTargetPresence","CommunicateUsingText","ViewTargetSocialClubs"]})"},
    {"PermissionReason", R"({"reason":"PrivacySettingRestrictsTarget","restrictedSetting":"ShareXboxMusicActivity"})"},
    {"PermissionResult", R"({"isAllowed":false,"reasons":[{"reason":"MissingPrivilege","restrictedSetting":"AllowProfileViewing"},{"reason":"privilegerestrictstarget","restrictedSetting":"Nope"},{"reason":"NotAllowed","restrictedSetting":"x"}]})"},
    {"PermissionUserResponse", R"({"user":{"xuid":"12345"},"permissions":[{"isAllowed":true,"reasons":[{"reason":"NotAllowed"}]},{"isAllowed":false}]})"},
    {"PermissionCheckBatchResponse", R"({"responses":[{"user":{"xuid":"12345"},"permissions":[{"isAllowed":true},{"isAllowed":true}]},{"user":{"xuid":"54321"},"permissions":[{"isAllowed":false,"reasons":[{"reason":"BlockListRestrictsTarget"}]},{"isAllowed":true}]}]})"},
    {"GamerpicImage", R"({"width":1080,"height":1080,"bitDepth":8,"colorType":6,"interlace":0})"},
}};

inline std::string upper(std::string_view s) {
  std::string o(s);
  for (auto& c : o)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return o;
}

inline std::string lower(std::string_view s) {
  std::string o(s);
  for (auto& c : o)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return o;
}

// The sections of the transcript, in its order, each in a unit of its own.
void data_files(const std::filesystem::path& dir);
void inline_documents();
void malformed();
void domain_checks();
void identifiers();
void gamerpic();
void enumerations();
void numbers();
void kernels();
void round_trips();
void formatting();

}  // namespace probe
