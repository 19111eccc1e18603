// Must not compile: a GUID literal in braces (the wire form has none).
// Compiled with -DXBL_WELL_FORMED it must compile: that proves the failure is the literal's.
#include <xbl/xbl.hpp>

using namespace xbl::literals;

#ifdef XBL_WELL_FORMED
constexpr xbl::Guid id = "bd6c41c3-01c3-468a-a3b5-3e0fe8133862"_guid;
#else
constexpr xbl::Guid id = "{bd6c41c3-01c3-468a-a3b5-3e0fe8133862}"_guid;
#endif

static_assert(id.text().size() == 36);
