// The equivalence cases for the user model data sets (user_models.hpp): #included at the end of
// equivalence_test.cpp, whose data(), reference<T>() and check_document<C, T>() they use.
//
// Each contestant reads presence.json, presence_pretty.json and permissions.json as the user model
// to the values xbl reads, and writes text (compact and pretty) that xbl reads back to them; and the
// user model is shown to mirror the documents: xbl's read of it agrees with the library model's
// read member by member on spot values, and xbl writes it back to the documents' very bytes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "user_models.hpp"

TEST_CASE_TEMPLATE("every contestant reads and writes the user model's values", C, contestants::xbl_lib,
                   contestants::nlohmann_lib, contestants::rapidjson_lib, contestants::simdjson_lib) {
  const auto& in = data();
  SUBCASE("presence") { check_document<C, user_model::Presence>(contestants::view(in.presence)); }
  SUBCASE("presence, pretty") { check_document<C, user_model::Presence>(contestants::view(in.presence_pretty)); }
  SUBCASE("permissions") { check_document<C, user_model::PermissionBatch>(contestants::view(in.permissions)); }
}

TEST_CASE("the user model mirrors the documents") {
  const auto& in = data();

  SUBCASE("presence") {
    const auto text = contestants::view(in.presence);
    const auto user = reference<user_model::Presence>(text);
    const auto model = reference<std::vector<xbl::PresenceRecord>>(text);
    REQUIRE(user.size() == 1000);
    REQUIRE(user.size() == model.size());
    std::size_t titles = 0, media = 0, broadcasts = 0, last_seen = 0;
    for (std::size_t i = 0; i < user.size(); ++i) {
      CAPTURE(i);
      const auto& u = user[i];
      const auto& m = model[i];
      CHECK(u.xuid == fmt::format("{}", m.xuid));
      CHECK(u.state == m.state.text());
      REQUIRE(u.devices.size() == m.devices.size());
      REQUIRE(u.last_seen.has_value() == m.last_seen.has_value());
      if (u.last_seen) {
        ++last_seen;
        CHECK(u.last_seen->title_id == fmt::format("{}", m.last_seen->title_id.value()));
        CHECK(u.last_seen->timestamp == fmt::format("{}", m.last_seen->timestamp.value()));
      }
      for (std::size_t d = 0; d < u.devices.size(); ++d) {
        CHECK(u.devices[d].type == m.devices[d].type.text());
        REQUIRE(u.devices[d].titles.size() == m.devices[d].titles.size());
        for (std::size_t t = 0; t < u.devices[d].titles.size(); ++t) {
          const auto& ut = u.devices[d].titles[t];
          const auto& mt = m.devices[d].titles[t];
          ++titles;
          CHECK(ut.id == fmt::format("{}", mt.id));
          CHECK(ut.name == mt.name);
          REQUIRE(ut.activity.has_value());
          REQUIRE(mt.activity.has_value());
          CHECK(ut.activity->rich_presence == mt.activity->rich_presence);
          REQUIRE(ut.activity->media.has_value() == mt.activity->media.has_value());
          REQUIRE(ut.activity->broadcast.has_value() == mt.activity->broadcast.has_value());
          media += ut.activity->media.has_value();
          if (ut.activity->broadcast) {
            ++broadcasts;
            CHECK(ut.activity->broadcast->viewers == mt.activity->broadcast->viewers);
          }
        }
      }
    }
    CHECK(titles > 1000);
    CHECK(media > 100);
    CHECK(broadcasts > 100);
    CHECK(last_seen > 100);
    // Nothing left out and nothing reordered: xbl writes the user model back to the same bytes.
    CHECK(xbl::to_json(user) == text);
    CHECK(xbl::to_json(user, {.pretty = true, .indent = 4}) == contestants::view(in.presence_pretty));
  }

  SUBCASE("permissions") {
    const auto text = contestants::view(in.permissions);
    const auto user = reference<user_model::PermissionBatch>(text);
    const auto model = reference<xbl::PermissionCheckBatchResponse>(text);
    REQUIRE(user.responses.size() == 100);
    REQUIRE(user.responses.size() == model.responses.size());
    std::size_t anonymous = 0, reasons = 0, settings = 0;
    for (std::size_t i = 0; i < user.responses.size(); ++i) {
      CAPTURE(i);
      const auto& u = user.responses[i];
      const auto& m = model.responses[i];
      REQUIRE(u.user.xuid.has_value() == m.user.xuid.has_value());
      if (u.user.xuid) CHECK(*u.user.xuid == fmt::format("{}", *m.user.xuid));
      if (u.user.anonymous_user) {
        ++anonymous;
        CHECK(*u.user.anonymous_user == m.user.anonymous_user.value().text());
      }
      REQUIRE(u.permissions.size() == 16);
      REQUIRE(u.permissions.size() == m.permissions.size());
      for (std::size_t p = 0; p < u.permissions.size(); ++p) {
        CHECK(u.permissions[p].is_allowed == m.permissions[p].is_allowed);
        REQUIRE(u.permissions[p].reasons.size() == m.permissions[p].reasons.size());
        for (std::size_t r = 0; r < u.permissions[p].reasons.size(); ++r) {
          ++reasons;
          CHECK(u.permissions[p].reasons[r].reason == m.permissions[p].reasons[r].reason.text());
          CHECK(u.permissions[p].reasons[r].restricted_setting == m.permissions[p].reasons[r].restricted_setting);
          settings += u.permissions[p].reasons[r].restricted_setting.has_value();
        }
      }
    }
    CHECK(anonymous == 4);
    CHECK(reasons > 300);
    CHECK(settings > 50);
    CHECK(xbl::to_json(user) == text);
  }
}
