#pragma once

// Nine plain structs as a user writes them first (strings, bools, optionals, vectors; no enums, no
// identifiers), the shape of the presence and permission documents: what bench/compile_cost.sh
// compiles with each library's description of them.
#include <optional>
#include <string>
#include <vector>

namespace user {

struct Activity {
  std::string richPresence;
  std::optional<std::string> mediaId;
};

struct Title {
  std::string id;
  std::string name;
  std::string placement;
  std::string state;
  std::optional<std::string> lastModified;
  std::optional<Activity> activity;
};

struct Device {
  std::string type;
  std::vector<Title> titles;
};

struct Presence {
  std::string xuid;
  std::string state;
  std::vector<Device> devices;
  std::optional<std::string> lastSeen;
};

struct Reason {
  std::string reason;
  std::optional<std::string> restrictedSetting;
};

struct Result {
  bool isAllowed = false;
  std::vector<Reason> reasons;
};

struct Requester {
  std::optional<std::string> xuid;
  std::optional<std::string> anonymousUser;
};

struct Permissions {
  Requester user;
  std::vector<Result> permissions;
};

struct Batch {
  std::vector<Permissions> responses;
};

}  // namespace user
