// The one program every consumer project builds: it reads, checks and writes a payload through
// the public API, so a build that compiles and links it but gets the wrong headers or no fmt
// library fails here rather than in a user's program. Exit status 0 when everything holds.
#include <cstdio>
#include <string>
#include <string_view>

#include <fmt/core.h>
#include <xbl/xbl.hpp>

namespace {

int failures = 0;

void expect(bool ok, std::string_view what) {
  if (!ok) {
    std::fprintf(stderr, "consumer: FAILED: %.*s\n", static_cast<int>(what.size()), what.data());
    ++failures;
  }
}

}  // namespace

int main() {
  // Compact and canonical, with a member no model describes: with `keep` it must come back byte
  // for byte.
  constexpr std::string_view payload =
      R"({"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":"lobby","name":"room-1",)"
      R"("unmodelled":[1,{"deep":null}]})";

  xbl::read_options keep;
  keep.unknown_keys = xbl::unknown_key_policy::keep;
  auto ref = xbl::from_json<xbl::SessionRef>(payload, keep);
  if (!ref) {
    fmt::print(stderr, "consumer: read failed: {}\n", ref.error());
    return 1;
  }
  expect(ref->template_name == "lobby", "templateName read");
  expect(ref->name && *ref->name == "room-1", "name read");
  expect(xbl::validate(*ref).empty(), "a sound payload has no violations");
  expect(xbl::to_json(*ref) == payload, "written back byte for byte");
  // Through fmt too, which needs the fmt library linked, not only its headers.
  expect(fmt::format("{}", *ref) == payload, "fmt writes the same bytes");

  // A rule broken: validate reports it by path and rule id.
  auto empty_name =
      xbl::from_json<xbl::SessionRef>(R"({"scid":"bd6c41c3-01c3-468a-a3b5-3e0fe8133862","templateName":""})");
  expect(empty_name.has_value(), "an empty templateName reads");
  if (empty_name) {
    const auto found = xbl::validate(*empty_name);
    expect(found.size() == 1 && found[0].path == "/templateName" && found[0].rule == "session_ref.template_name",
           "an empty templateName is reported");
  }

  // Not JSON: the error says where.
  auto broken = xbl::from_json<xbl::SessionRef>("{\"scid\" 1}");
  expect(!broken && broken.error().line == 1 && broken.error().column == 9, "a malformed payload fails at 1:9");

  if (failures == 0) fmt::print("consumer: ok\n");
  return failures == 0 ? 0 : 1;
}
