// A transcript of what the library makes of a fixed set of inputs: every model type read from every
// file in tests/data and from documents given here, written back compact and pretty, validated and
// formatted; the errors of malformed texts; the identifiers, the enumerations and the numbers; and
// the byte kernels over inputs from a generator defined here. Nothing in it may depend on the machine
// (byte order, the signedness of char, the vector instructions there are), so the transcripts of
// every architecture are the same bytes: tools/cross-test compares them.
//
//   xbl-arch-probe [DATA_DIR] > transcript.txt
//
// The transcript holds no address and no size of a type, and the inputs come from this file's own
// generator (splitmix64), not from std:: distributions, whose output differs between standard libraries.
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

#ifndef XBL_PROBE_DATA_DIR
#define XBL_PROBE_DATA_DIR ""
#endif

namespace {

using namespace std::string_view_literals;

// ---- output ------------------------------------------------------------------------------------

std::size_t lines_written = 0;

void emit(std::string_view s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
  std::fputc('\n', stdout);
  ++lines_written;
}

template <class... Args>
void say(fmt::format_string<Args...> f, Args&&... args) {
  emit(fmt::format(f, std::forward<Args>(args)...));
}

void section(std::string_view name) { say("== {}", name); }

// Any bytes as printable ASCII on one line: a backslash doubled, everything else outside 0x20-0x7E
// as \xHH, so that the transcript is lines of text whatever the library wrote.
std::string show(std::string_view s) {
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
void emit_block(std::string_view text) {
  std::size_t start = 0;
  for (;;) {
    const auto nl = text.find('\n', start);
    emit("    | " + show(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start)));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
}

// FNV-1a, for outputs too long to show whole.
std::uint64_t fnv(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string hex64(std::uint64_t v) { return fmt::format("{:016x}", v); }

std::string describe(const xbl::error& e) {
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

void append_utf8(std::string& out, std::uint32_t cp) { xbl::detail::utf8_append(out, cp); }

// A code point of the kinds documents hold: ASCII, what JSON escapes, two, three and four bytes.
std::uint32_t code_point(prng& r) {
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

std::string text(prng& r, std::size_t min, std::size_t max) {
  std::string s;
  const std::size_t n = min + r.below(max - min + 1);
  for (std::size_t i = 0; i < n; ++i) append_utf8(s, code_point(r));
  return s;
}

// A byte drawn from one of several mixes, each aimed at one kind of kernel.
enum class mix { string, whitespace, digits, hex, utf8, any };
constexpr std::array<std::string_view, 6> mix_names{"string", "whitespace", "digits", "hex", "utf8", "any"};

void append_bytes(prng& r, mix m, std::string& out) {
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

sample make_sample(prng& r, mix m, std::size_t n) {
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

std::vector<option_set> option_sets() {
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

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void data_files(const std::filesystem::path& dir) {
  section("data files");
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  if (ec || files.empty()) {
    say("NO DATA FILES in the data directory");
    return;
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const std::string text = read_file(path);
    say("file {} ({} bytes, fnv {})", path.filename().string(), text.size(), hex64(fnv(text)));
    each_type([&](std::string_view name, auto id) {
      using T = typename decltype(id)::type;
      say(" as {}", name);
      for (const auto& o : option_sets()) dump_read<T>(text, o);
    });
  }
}

// Documents that read, each with every member its type describes, and some with more.
constexpr std::array<std::pair<std::string_view, std::string_view>, 26> documents{{
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

void inline_documents() {
  section("documents");
  for (const auto& [type, text] : documents) {
    say("document {} {}", type, show(text));
    const bool known = with_type(type, [&](auto id) {
      using T = typename decltype(id)::type;
      for (const auto& o : option_sets()) dump_read<T>(text, o);
    });
    if (!known) say("  NO SUCH TYPE");
  }
}

// ---- malformed texts -------------------------------------------------------------------------------

std::vector<std::string> malformed_texts() {
  std::vector<std::string> t = {
      "", " ", "\n\n  \t", "{", "[", "[1,", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,", "\"abc", "\"a\\", "\"\\u12",
      "tru", "nul", "falsey", "nan", "Infinity", "-", "01", "1.", ".5", "+1", "1e", "1e+", "-01", "1.e5", "0x10",
      "\"\\x\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\uD83C\\uDFAE\"", "\"\\u00e9\\u0000\"",
      "\"tab\there\"", "\"nl\nhere\"", "\"del\x7f\"", "\"\xC0\x80\"", "\"\xE0\x80\x80\"", "\"\xED\xA0\x80\"",
      "\"\xF4\x90\x80\x80\"", "\"\xF0\x9F\x8E\"", "\"\xE2\x82\"", "\"\xFF\"", "\"abc\xC3", "\"abcdefghijklmnopqrstuvwxyz\x80\"",
      "\xEF\xBB\xBF{}", "{} {}", "[] x", "{\"a\":1,}", "[1,2,]", "{a:1}", "// c\n{}", "/* c */ []", "/* open", "[1 2]",
      "{\"a\" 1}", "{\"a\":1 \"b\":2}", "{,}", "[,]", "{\"a\":1,\"a\":2}", "{\"xuid\":\"1\",\"state\":\"Online\",\"xuid\":\"2\"}",
      "{\"xuid\":\"1\"}", "{\"state\":\"Online\"}", "{\"xuid\":1,\"state\":\"Online\"}", "{\"xuid\":\"1x\",\"state\":\"Online\"}",
      "{\"xuid\":\"18446744073709551616\",\"state\":\"Online\"}", "{\"xuid\":\"1\",\"state\":7}",
      "{\"xuid\":\"1\",\"state\":\"online\",\"devices\":{}}", "{\"xuid\":\"1\",\"state\":\"online\",\"devices\":[{\"titles\":[]}]}",
      "{\"xuid\":\"1\",\"state\":\"Online\",\"devices\":[{\"type\":\"PC\",\"titles\":[{\"id\":\"01\"}]}]}",
      "{\"xuid\":\"1\",\"state\":\"Online\",\"devices\":[{\"type\":\"PC\",\"titles\":[{\"id\":4294967296}]}]}",
      "{\"xuid\":\"1\",\"state\":\"Online\",\"devices\":[{\"type\":\"PC\",\"titles\":[{\"id\":1,\"lastModified\":\"2012-02-30T00:00:00\"}]}]}",
      "{\"type\":\"party\",\"version\":1}", "{\"version\":1}", "{\"type\":3}", "{\"type\":\"invite\",\"version\":1}",
      "{\"id\":\"47ca0049-a5ba-4bc1-aa22-fcf834ce4c1\"}", "{\"id\":\"{47ca0049-a5ba-4bc1-aa22-fcf834ce4c13}\"}",
      "{\"responses\":[{\"user\":{},\"permissions\":[{\"isAllowed\":\"yes\"}]}]}",
      "{\"responses\":[{\"user\":{\"xuid\":\"1\"},\"permissions\":[{\"isAllowed\":true,\"reasons\":[{\"reason\":\"Unknown\"}]}]}]}",
      "{\"users\":[{\"xuid\":\"1\",\"extra\":[1,{\"b\":tru}]}],\"permissions\":[]}",
      "{\"users\":[],\"permissions\":[\"ViewTargetPresence\",]}", "{\"a\":\"" + std::string(70, 'k') + "\"\x01}",
      "{\"" + std::string(100, 'q') + "\":1}", "[" + std::string(300, ' ') + "x]", "{\"a\":[" + std::string(70, '\t') + "1" +
          std::string(41, '\n') + "}",
  };
  t.push_back(std::string(300, '[') + std::string(300, ']'));
  t.push_back(std::string(70, '[') + std::string(70, ']'));
  t.push_back("{\"a\":" + std::string(9, '[') + std::string(9, ']') + "}");
  t.push_back(std::string("\"a\0b\"", 5));
  t.push_back(std::string("{\"a\":1}\0", 8));
  return t;
}

void malformed() {
  section("malformed texts");
  constexpr std::array<std::string_view, 6> types{"raw_json", "PresenceRecord", "PresenceRecord[]", "HandleRequest",
                                                   "InviteHandle", "PermissionCheckBatchResponse"};
  const auto sets = option_sets();
  for (const auto& text : malformed_texts()) {
    say("text {}", show(text));
    for (const auto type : types)
      with_type(type, [&](auto id) {
        using T = typename decltype(id)::type;
        for (const auto& o : sets) {
          const auto r = xbl::from_json<T>(text, o.options);
          if (r) say("  {} {}: ok {}", type, o.name, show(xbl::to_json(*r)));
          else say("  {} {}: {}", type, o.name, describe(r.error()));
        }
      });
    const auto s = xbl::from_json<std::string>(text);
    say("  string: {}", s ? "ok " + show(*s) : describe(s.error()));
    const auto d = xbl::from_json<double>(text);
    say("  double: {}", d ? "ok " + hex64(std::bit_cast<std::uint64_t>(*d)) : describe(d.error()));
  }

  // Every prefix of two documents, and single bytes changed in them: where each read stops, and why.
  section("prefixes and mutations");
  const std::string invite(documents[9].second);
  xbl::write_options pretty;
  pretty.pretty = true;
  const std::string presence = xbl::to_json(must<xbl::PresenceRecord>(documents[10].second), pretty);
  for (const auto& [type, doc] : {std::pair{"InviteHandle"sv, invite}, std::pair{"PresenceRecord"sv, presence}}) {
    say("document {} ({} bytes)", type, doc.size());
    with_type(type, [&](auto id) {
      using T = typename decltype(id)::type;
      for (std::size_t n = 0; n <= doc.size(); ++n) {
        const auto r = xbl::from_json<T>(std::string_view(doc).substr(0, n));
        const auto raw = xbl::from_json<xbl::raw_json>(std::string_view(doc).substr(0, n));
        say("  prefix {}: {} / raw {}", n,
            r ? "ok" : fmt::format("{} {} {}:{} {}", to_string(r.error().code), r.error().offset, r.error().line,
                                   r.error().column, show(r.error().path)),
            raw ? "ok" : fmt::format("{} {}", to_string(raw.error().code), raw.error().offset));
      }
      prng rng(0x5eed0001 + doc.size());
      for (int i = 0; i < 400; ++i) {
        std::string m = doc;
        const auto at = rng.below(m.size());
        const auto k = rng.below(100);
        const char c = k < 40 ? "\"\\{}[],: 0-e.9\x01\x80tnfx"[rng.below(20)] : static_cast<char>(rng.below(0x100));
        m[at] = c;
        const auto r = xbl::from_json<T>(m, xbl::read_options::lenient());
        say("  mutation {} at {} to {:02x}: {}", i, at, static_cast<unsigned>(static_cast<unsigned char>(c)),
            r ? "ok " + hex64(fnv(xbl::to_json(*r))) : describe(r.error()));
      }
    });
  }
}

// ---- domain checks ---------------------------------------------------------------------------------

void domain_checks() {
  section("presence levels");
  const auto record = must<xbl::PresenceRecord>(documents[10].second);
  for (const auto level : {xbl::PresenceLevel::user, xbl::PresenceLevel::device, xbl::PresenceLevel::title,
                           xbl::PresenceLevel::all}) {
    const auto cut = xbl::filter(record, level);
    say("filter {}: level_of {} {}", to_string(level), to_string(xbl::level_of(cut)), show(xbl::to_json(cut)));
    for (const auto asked : {xbl::PresenceLevel::user, xbl::PresenceLevel::device, xbl::PresenceLevel::title,
                             xbl::PresenceLevel::all})
      for (const auto& v : xbl::check_level(cut, asked)) say("  asked {}: {}", to_string(asked), show(fmt::format("{}", v)));
  }

  section("correlate");
  const std::array<std::string_view, 3> requests{
      R"({"users":[{"xuid":"12345"},{"xuid":"54321"}],"permissions":["ViewTargetPresence","CommunicateUsingText"]})",
      R"({"users":[{"xuid":"12345"},{"anonymousUser":"allUsers"},{"xuid":"7"}],"permissions":["ViewTargetPresence","CommunicateUsingText","PlayMultiplayer"]})",
      R"({"users":[{"xuid":"54321"},{"xuid":"12345"}],"permissions":["ViewTargetPresence","CommunicateUsingText"]})"};
  const std::array<std::string_view, 3> responses{
      documents[24].second,
      R"({"responses":[{"user":{"xuid":"12345"},"permissions":[{"isAllowed":true}]},{"user":{"xuid":"54321"},"permissions":[{"isAllowed":true},{"isAllowed":false}]}]})",
      R"({"responses":[{"user":{"xuid":"12345"},"permissions":[{"isAllowed":true},{"isAllowed":false,"reasons":[{"reason":"NotAllowed"}]}]}]})"};
  for (const auto req_text : requests) {
    const auto req = must<xbl::PermissionCheckBatchRequest>(req_text);
    for (const auto resp_text : responses) {
      const auto m = xbl::correlate(req, must<xbl::PermissionCheckBatchResponse>(resp_text));
      if (!m) {
        say("correlate: {}", describe(m.error()));
        continue;
      }
      std::string cells;
      for (std::size_t u = 0; u < m->user_count(); ++u)
        for (std::size_t p = 0; p < m->permission_count(); ++p) cells += m->at(u, p).is_allowed ? 'Y' : 'n';
      const auto a = m->allowed(xbl::Xuid{12345}, xbl::PermissionId::CommunicateUsingText);
      const auto b = m->allowed(xbl::Xuid{99}, xbl::PermissionId::CommunicateUsingText);
      say("correlate: {}x{} {} allowed(12345)={} allowed(99)={}", m->user_count(), m->permission_count(), cells,
          a ? (*a ? "yes" : "no") : "none", b ? (*b ? "yes" : "no") : "none");
    }
  }
}

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

std::string upper(std::string_view s) {
  std::string o(s);
  for (auto& c : o)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return o;
}

std::string lower(std::string_view s) {
  std::string o(s);
  for (auto& c : o)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return o;
}

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

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path data = argc > 1 ? std::filesystem::path(argv[1]) : std::filesystem::path(XBL_PROBE_DATA_DIR);
  say("xbl architecture probe 1");
  data_files(data);
  inline_documents();
  malformed();
  domain_checks();
  identifiers();
  gamerpic();
  enumerations();
  numbers();
  kernels();
  round_trips();
  formatting();
  say("== end ({} lines before this one)", lines_written);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
