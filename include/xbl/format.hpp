#pragma once

// fmt formatters (fmt::formatter<T>) for every xbl type: described structs and enums, identifiers,
// raw JSON, errors and violations. Kept apart from the core, as fmt keeps fmt/format.h apart from
// fmt/core.h: it is what brings in <fmt/format.h>.
#include "xbl/core/format.hpp"
