// Read a people-presence answer and cut each record down to the level a caller asked for.
//
//   presence_levels FILE.json [user|device|title|all]
#include <fstream>
#include <iterator>
#include <string>

#include <fmt/core.h>
#include <xbl/xbl.hpp>

int main(int argc, char** argv) {
  if (argc != 3) {
    fmt::print(stderr, "usage: presence_levels FILE.json user|device|title|all\n");
    return 2;
  }
  const auto level = xbl::enum_from_string<xbl::PresenceLevel>(argv[2]);
  if (!level) {
    fmt::print(stderr, "unknown level {}\n", argv[2]);
    return 2;
  }
  std::ifstream file(argv[1], std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};

  // The reference's samples are not strict JSON: read them with the lenient switches.
  const auto records = xbl::from_json<std::vector<xbl::PresenceRecord>>(text, xbl::read_options::lenient());
  if (!records) {
    fmt::print(stderr, "{}: {}\n", argv[1], records.error());
    return 1;
  }
  for (const auto& record : *records) {
    const auto cut = xbl::filter(record, *level);
    fmt::print("{} was at level {}, now {}: {}\n", record.xuid, xbl::to_string(xbl::level_of(record)),
               xbl::to_string(xbl::level_of(cut)), cut);
    // What a capture checker asks of an answer: nothing deeper than the request's level.
    for (const auto& v : xbl::check_level(record, *level)) fmt::print("  as an answer at {}: {}\n", argv[2], v);
  }
}
