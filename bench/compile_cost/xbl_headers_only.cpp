// The baseline: the xbl headers included and nothing instantiated. What the two other units cost
// beyond this is the cost of their reading and writing code.
#include <xbl/xbl.hpp>

int headers_only() { return static_cast<int>(xbl::field_count<xbl::PresenceRecord>); }
