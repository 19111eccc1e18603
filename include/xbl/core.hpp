#pragma once

// The core: describing a type once, and from that reading, writing and validating it. Formatting
// with fmt is in xbl/format.hpp, so that a unit that only reads and writes does not compile fmt's
// formatting machinery.
#include "xbl/core/error.hpp"
#include "xbl/core/result.hpp"
#include "xbl/core/options.hpp"
#include "xbl/core/describe.hpp"
#include "xbl/core/open_enum.hpp"
#include "xbl/core/raw_json.hpp"
#include "xbl/core/uri.hpp"
#include "xbl/core/validate.hpp"
#include "xbl/core/reader.hpp"
#include "xbl/core/writer.hpp"
#include "xbl/core/variant.hpp"
#include "xbl/core/read_at.hpp"
#include "xbl/core/stream.hpp"
#include "xbl/core/ids.hpp"
