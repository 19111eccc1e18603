// Shared prelude for the test suites.
//
// The same test sources are compiled twice: once with include/ on the include
// path (modular headers) and once with single_include/ and
// XBL_TEST_SINGLE_INCLUDE defined (amalgamated header). Which xbl/xbl.hpp is
// found is decided by the include directory the build passes to the compiler.
#pragma once

#include <doctest/doctest.h>

#include <xbl/xbl.hpp>

#if defined(XBL_TEST_SINGLE_INCLUDE) && !defined(XBL_AMALGAMATED)
#error "XBL_TEST_SINGLE_INCLUDE is set but xbl/xbl.hpp is not the amalgamated header"
#endif
#if !defined(XBL_TEST_SINGLE_INCLUDE) && defined(XBL_AMALGAMATED)
#error "the modular build picked up the amalgamated header from single_include/"
#endif

#ifndef XBL_TEST_DATA_DIR
#error "XBL_TEST_DATA_DIR must be defined by the build"
#endif
