// The benchmark compares like with like only if every contestant does the whole job. This checks,
// on the benchmark's own data, that each one reads exactly the values the library reads (the same
// structs, compared with their operator==), and that what each one writes, compact and pretty,
// reads back with the library to those same values.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "contestants.hpp"

#ifndef XBL_BENCH_DATA_DIR
#error "XBL_BENCH_DATA_DIR must be defined by the build"
#endif

namespace {

const contestants::inputs& data() {
  static const contestants::inputs in(XBL_BENCH_DATA_DIR);
  return in;
}

template <class T>
T reference(std::string_view text) {
  auto r = xbl::from_json<T>(text);
  REQUIRE_MESSAGE(r.has_value(), fmt::format("{}", r.error()));
  return std::move(*r);
}

template <class C, class T>
void check_document(std::string_view text) {
  C c;
  const T expected = reference<T>(text);
  const T got = c.template read<T>(text);
  CHECK(got == expected);
  for (const bool pretty : {false, true}) {
    CAPTURE(pretty);
    const auto out = c.write(expected, pretty);
    auto back = xbl::from_json<T>(C::text(out));
    REQUIRE_MESSAGE(back.has_value(), fmt::format("{}", back.error()));
    CHECK(*back == expected);
  }
}

}  // namespace

TEST_CASE("the data is what the benchmark expects") {
  const auto& in = data();
  CHECK(in.invite_lines.size() == 10000);
  CHECK(reference<std::vector<xbl::PresenceRecord>>(contestants::view(in.presence)).size() == 1000);
  const auto batch = reference<xbl::PermissionCheckBatchResponse>(contestants::view(in.permissions));
  REQUIRE(batch.responses.size() == 100);
  for (const auto& r : batch.responses) CHECK(r.permissions.size() == 16);
  // The pretty document is the compact one, indented.
  CHECK(reference<std::vector<xbl::PresenceRecord>>(contestants::view(in.presence_pretty)) ==
        reference<std::vector<xbl::PresenceRecord>>(contestants::view(in.presence)));
  CHECK(in.presence_pretty.size() > 2 * in.presence.size());
}

TEST_CASE_TEMPLATE("every contestant reads and writes the same values", C, contestants::xbl_lib,
                   contestants::nlohmann_lib, contestants::rapidjson_lib, contestants::simdjson_lib) {
  const auto& in = data();
  SUBCASE("presence") { check_document<C, std::vector<xbl::PresenceRecord>>(contestants::view(in.presence)); }
  SUBCASE("presence, pretty") {
    check_document<C, std::vector<xbl::PresenceRecord>>(contestants::view(in.presence_pretty));
  }
  SUBCASE("permissions") { check_document<C, xbl::PermissionCheckBatchResponse>(contestants::view(in.permissions)); }
  SUBCASE("invites") {
    for (std::size_t i = 0; i < in.invite_lines.size(); i += 7) {
      CAPTURE(i);
      check_document<C, xbl::HandleRequest>(in.invite_lines[i]);
    }
  }
}

// Equal values could still hide a contestant that reads less: these spot checks look at members
// deep in the documents, which a mapping that skipped them would leave empty.
TEST_CASE_TEMPLATE("the documents are read to their depths", C, contestants::xbl_lib, contestants::nlohmann_lib,
                   contestants::rapidjson_lib, contestants::simdjson_lib) {
  const auto& in = data();
  C c;
  const auto people = c.template read<std::vector<xbl::PresenceRecord>>(contestants::view(in.presence));
  std::size_t broadcasts = 0, media = 0, last_seen = 0, escaped = 0, non_ascii = 0;
  for (const auto& p : people) {
    last_seen += p.last_seen.has_value();
    for (const auto& d : p.devices)
      for (const auto& t : d.titles) {
        REQUIRE(t.activity.has_value());
        broadcasts += t.activity->broadcast && t.activity->broadcast->viewers && t.activity->broadcast->started;
        media += t.activity->media && t.activity->media->id_type;
        const auto& rp = t.activity->rich_presence.value();
        escaped += rp.find_first_of("\"\\\t\x01") != std::string::npos;
        non_ascii += rp.find_first_of("\x80\xC3\xD0\xE3") != std::string::npos;
      }
  }
  CHECK(broadcasts > 100);
  CHECK(media > 100);
  CHECK(last_seen > 100);
  CHECK(escaped > 50);
  CHECK(non_ascii > 100);
  const auto batch = c.template read<xbl::PermissionCheckBatchResponse>(contestants::view(in.permissions));
  std::size_t settings = 0;
  for (const auto& r : batch.responses)
    for (const auto& p : r.permissions)
      for (const auto& reason : p.reasons) settings += reason.restricted_setting.has_value();
  CHECK(settings > 50);
}
#include "user_equivalence_cases.hpp"
