// Must not compile: a 21-digit XUID literal does not fit in 64 bits.
// Compiled with -DXBL_WELL_FORMED it must compile: that proves the failure is the literal's.
#include <xbl/xbl.hpp>

using namespace xbl::literals;

#ifdef XBL_WELL_FORMED
constexpr xbl::Xuid id = 18446744073709551615_xuid;
#else
constexpr xbl::Xuid id = 184467440737095516150_xuid;
#endif

static_assert(id.value() != 0);
