// The four ways from JSON text to the library's structs and back, behind one interface so that the
// benchmark and the equivalence test run exactly the same code:
//
//   T    c.read<T>(std::string_view text)       // throws on any failure
//   auto c.write(const T& value, bool pretty)   // pretty: 4-space indentation
//   std::string_view contestant::text(output)   // the written bytes
//
// T is one of the benchmark's documents: std::vector<xbl::PresenceRecord>,
// xbl::PermissionCheckBatchResponse or xbl::HandleRequest. Every input text lies in a buffer with
// at least simdjson::SIMDJSON_PADDING readable bytes after it.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <simdjson.h>
#include <xbl/xbl.hpp>

#include "nlohmann_models.hpp"
#include "rapidjson_models.hpp"
#include "simdjson_models.hpp"

namespace contestants {

struct xbl_lib {
  static constexpr const char* name = "xbl";
  template <class T>
  T read(std::string_view json) {
    auto r = xbl::from_json<T>(json);
    if (!r) throw std::runtime_error(fmt::format("{}", r.error()));
    return std::move(*r);
  }
  template <class T>
  std::string write(const T& value, bool pretty) {
    return xbl::to_json(value, {.pretty = pretty, .indent = 4});
  }
  static std::string_view text(const std::string& s) { return s; }
};

struct nlohmann_lib {
  static constexpr const char* name = "nlohmann";
  template <class T>
  T read(std::string_view json) {
    return nlohmann::json::parse(json).get<T>();
  }
  template <class T>
  std::string write(const T& value, bool pretty) {
    return nlohmann::json(value).dump(pretty ? 4 : -1);
  }
  static std::string_view text(const std::string& s) { return s; }
};

struct rapidjson_lib {
  static constexpr const char* name = "rapidjson";
  template <class T>
  T read(std::string_view json) {
    return xbl_rapidjson::parse<T>(json);
  }
  template <class T>
  xbl_rapidjson::StringBuffer write(const T& value, bool pretty) {
    xbl_rapidjson::StringBuffer out;
    xbl_rapidjson::write_value(out, value, pretty);
    return out;
  }
  static std::string_view text(const xbl_rapidjson::StringBuffer& b) { return {b.GetString(), b.GetSize()}; }
};

// One parser, reused from document to document as simdjson intends.
struct simdjson_lib {
  static constexpr const char* name = "simdjson";
  simdjson::ondemand::parser parser;
  template <class T>
  T read(std::string_view json) {
    return xbl_simdjson::parse<T>(parser, json);
  }
  template <class T>
  fmt::memory_buffer write(const T& value, bool pretty) {
    fmt::memory_buffer out;
    xbl_simdjson::write_value(out, value, pretty);
    return out;
  }
  static std::string_view text(const fmt::memory_buffer& b) { return {b.data(), b.size()}; }
};

// The inputs, from the directory make_data wrote them to, each in a padded buffer.
struct inputs {
  simdjson::padded_string presence, presence_pretty, permissions, invites;
  std::vector<std::string_view> invite_lines;

  static simdjson::padded_string load(const std::string& path) {
    auto r = simdjson::padded_string::load(path);
    if (r.error()) throw std::runtime_error("cannot read " + path + " (run make_data first)");
    return std::move(r).value_unsafe();
  }

  explicit inputs(const std::string& dir)
      : presence(load(dir + "/presence.json")),
        presence_pretty(load(dir + "/presence_pretty.json")),
        permissions(load(dir + "/permissions.json")),
        invites(load(dir + "/invites.jsonl")) {
    std::string_view all(invites.data(), invites.size());
    while (!all.empty()) {
      const auto nl = all.find('\n');
      invite_lines.push_back(all.substr(0, nl));
      if (nl == std::string_view::npos) break;
      all.remove_prefix(nl + 1);
    }
  }
};

inline std::string_view view(const simdjson::padded_string& s) { return {s.data(), s.size()}; }

}  // namespace contestants
