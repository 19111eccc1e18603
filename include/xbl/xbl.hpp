#pragma once

// Everything: the core and every service's payloads.
#include "xbl/core.hpp"
