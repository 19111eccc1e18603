#pragma once

// Everything: the core, every service's payloads, and their fmt formatters.
#include "xbl/core.hpp"
#include "xbl/handles.hpp"
#include "xbl/presence.hpp"
#include "xbl/privacy.hpp"
#include "xbl/gamerpic.hpp"
#include "xbl/endpoints.hpp"
#include "xbl/models.hpp"
#include "xbl/format.hpp"
