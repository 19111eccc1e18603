// The probe's documents: every model read from tests/data and from texts given here, the errors of
// malformed texts, and the domain checks.
#include "probe.hpp"

namespace probe {

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

}  // namespace probe
