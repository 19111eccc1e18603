// Must not compile: a XUID literal is decimal digits, and 0x12 is not.
// Compiled with -DXBL_WELL_FORMED it must compile: that proves the failure is the literal's.
#include <xbl/xbl.hpp>

using namespace xbl::literals;

#ifdef XBL_WELL_FORMED
constexpr xbl::Xuid id = 2533274790395904_xuid;
#else
constexpr xbl::Xuid id = 0x12_xuid;
#endif

static_assert(id.value() != 0);
