#pragma once

// Everything: the core and every service's payloads.
#include "xbl/core.hpp"
#include "xbl/handles.hpp"
#include "xbl/presence.hpp"
#include "xbl/privacy.hpp"
#include "xbl/gamerpic.hpp"
#include "xbl/endpoints.hpp"
#include "xbl/models.hpp"
