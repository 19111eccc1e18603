#include "domain/round_trip.hpp"

#include <vector>

// The presence model types: random values read back from their own JSON (compact and pretty) equal
// themselves and write the same bytes again (round_trip.hpp).

TEST_CASE_TEMPLATE("round trip: from_json(to_json(v)) == v, compact and pretty (presence)", T, xbl::MediaRecord, xbl::BroadcastRecord,
                   xbl::ActivityRecord, xbl::TitleRecord, xbl::DeviceRecord, xbl::LastSeenRecord,
                   xbl::PresenceRecord, std::vector<xbl::PresenceRecord>) {
  round_trip::round_trip_many<T>(0x5eed0000u + sizeof(T));
}
