#pragma once

#include <cstdio>
#include <cstdlib>
#include <utility>

// What differs between compilers and build modes, in one place, so that the rest of the library is
// written once: whether exceptions are on, and how the library raises one.
namespace xbl::detail {

#if defined(__cpp_exceptions) || defined(_CPPUNWIND)
inline constexpr bool exceptions_enabled = true;
#else
inline constexpr bool exceptions_enabled = false;
#endif

// Throws E where exceptions are on. Where they are off, the program ends with E's message on
// stderr, as the standard library ends it where it would have thrown.
template <class E, class... Args>
[[noreturn]] void raise(Args&&... args) {
#if defined(__cpp_exceptions) || defined(_CPPUNWIND)
  throw E(std::forward<Args>(args)...);
#else
  const E e(std::forward<Args>(args)...);
  std::fprintf(stderr, "xbl: %s\n", e.what());
  std::abort();
#endif
}

// Reached only in a constant expression, where it stops compilation with the reason in view.
inline void compile_time_error(const char*) {}

}  // namespace xbl::detail
