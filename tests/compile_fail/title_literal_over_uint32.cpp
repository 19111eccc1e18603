// Must not compile: a title id literal over 4294967295 does not fit in a uint32.
// Compiled with -DXBL_WELL_FORMED it must compile: that proves the failure is the literal's.
#include <xbl/xbl.hpp>

using namespace xbl::literals;

#ifdef XBL_WELL_FORMED
constexpr xbl::TitleId id = 4294967295_title;
#else
constexpr xbl::TitleId id = 4294967296_title;
#endif

static_assert(id.value() != 0);
