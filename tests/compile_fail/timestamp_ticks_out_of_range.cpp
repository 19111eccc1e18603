// Must not compile: -1 ticks is before 0001-01-01, which no timestamp text can say.
// Compiled with -DXBL_WELL_FORMED it must compile: that proves the failure is the tick count's.
#include <xbl/xbl.hpp>

#ifdef XBL_WELL_FORMED
constexpr xbl::Timestamp t{0};
#else
constexpr xbl::Timestamp t{-1};
#endif

static_assert(t.ticks() <= 0);
