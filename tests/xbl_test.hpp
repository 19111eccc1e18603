// Shared prelude for the test suites.
//
// The same test sources are compiled twice: once with include/ on the include
// path (modular headers) and once with single_include/ and
// XBL_TEST_SINGLE_INCLUDE defined (amalgamated header). Which xbl/xbl.hpp is
// found is decided by the include directory the build passes to the compiler.
#pragma once

// Built without exceptions (-fno-exceptions), where the library ends the program instead of
// throwing, doctest keeps every assertion but those about exceptions (CHECK_THROWS_AS and the
// like), which compile to nothing. XBL_TEST_EXCEPTIONS says whether a test may use try and catch.
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS) || defined(_CPPUNWIND)
#define XBL_TEST_EXCEPTIONS 1
#else
#define XBL_TEST_EXCEPTIONS 0
#ifndef DOCTEST_CONFIG_NO_EXCEPTIONS_BUT_WITH_ALL_ASSERTS
#define DOCTEST_CONFIG_NO_EXCEPTIONS_BUT_WITH_ALL_ASSERTS
#endif
#endif

#include <doctest/doctest.h>

// Before the library, as a user's unit may have it: a call the library leaves unqualified that
// std::quoted could match by argument-dependent lookup fails to compile then.
#include <iomanip>

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

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

// The helpers every suite shares. Inline, so that the suites can also be compiled as one unit.

// Every operator new of the test binary goes through this meter (heap_meter.cpp replaces them).
struct heap_meter {
  static inline std::size_t live = 0;
  static inline std::size_t peak = 0;
  static inline std::size_t count = 0;
  static void on_alloc(std::size_t usable) noexcept {
    ++count;
    live += usable;
    if (live > peak) peak = live;
  }
  static void on_free(std::size_t usable) noexcept { live -= usable; }
  // The most heap in use at once during f(), above what was in use before it.
  template <class F>
  static std::size_t peak_during(F&& f) {
    const std::size_t base = live;
    peak = live;
    f();
    return peak - base;
  }
  // How many allocations f() made; first checks that the meter sees them at all, so that a zero
  // cannot come from a binary without it.
  template <class F>
  static std::size_t allocations_during(F&& f) {
    const std::size_t before_probe = count;
    ::operator delete(::operator new(1));  // a call, which unlike a new-expression may not be left out
    REQUIRE_MESSAGE(count == before_probe + 1, "the heap meter does not see this binary's allocations");
    const std::size_t before = count;
    f();
    return count - before;
  }
};

// The bytes of a file in tests/data.
inline std::string data_file(const char* name) {
  std::ifstream in(std::string(XBL_TEST_DATA_DIR) + "/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing test data file " << name);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Reads text as a T, which must succeed; on failure the text and the error are in the report.
template <class T>
T read_ok(std::string_view text, const xbl::read_options& options = {}) {
  auto r = xbl::from_json<T>(text, options);
  const std::string error = r ? std::string() : fmt::format("{}", r.error());
  INFO("text: " << text);
  INFO("error: " << error);
  REQUIRE(r.has_value());
  return std::move(r).value();
}

// Reads text as a T, which must fail with a message; the error, to look at further.
template <class T>
xbl::error read_error(std::string_view text, const xbl::read_options& options = {}) {
  auto r = xbl::from_json<T>(text, options);
  INFO("text: " << text);
  REQUIRE_FALSE(r.has_value());
  CHECK_FALSE(r.error().message.empty());
  return r.error();
}

// Appends code point cp as UTF-8: the tests' own encoder, apart from the library's, so that text
// generated with it checks the library's decoding rather than repeating it.
inline void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}
