#pragma once

// What the inspector checks of each service's bodies, declared here and defined in a unit of its own
// (tools/inspect/<service>.cpp): reading and validating the models is most of what the inspector
// costs to compile, and split by service no unit holds all of it and the units compile side by side.
#include <optional>
#include <string>
#include <string_view>

#include <xbl/xbl.hpp>

namespace inspect {

class Checker;
struct HarEntry;

// The bodies of one exchange with the service's endpoint: `request` is the request body, decoded,
// and the response body is the checker's to decode (Checker::response_body), after the request's
// findings.
void check_handles_bodies(Checker& checker, const std::optional<std::string>& request, const HarEntry& entry);
void check_presence_body(Checker& checker, const HarEntry& entry, std::optional<xbl::PresenceLevel> level);
void check_privacy_bodies(Checker& checker, std::string_view endpoint, const std::optional<std::string>& request,
                          const HarEntry& entry);

// A lone payload read as the model named `type`: false when that is none of the service's models.
bool check_handles_payload(Checker& checker, std::string_view type, std::string_view text);
bool check_presence_payload(Checker& checker, std::string_view type, std::string_view text);
bool check_privacy_payload(Checker& checker, std::string_view type, std::string_view text);

}  // namespace inspect
