// Must not compile: a tick count known only at run time goes through Timestamp::from_ticks, which
// can refuse it; the constructor takes constants only.
// Compiled with -DXBL_WELL_FORMED it must compile: that proves the failure is the constructor's.
#include <cstdint>
#include <xbl/xbl.hpp>

std::int64_t ticks_from_somewhere();

#ifdef XBL_WELL_FORMED
const auto t = xbl::Timestamp::from_ticks(ticks_from_somewhere());
#else
const auto t = xbl::Timestamp{ticks_from_somewhere()};
#endif
