#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>

#if defined(_MSC_VER) && !defined(__clang__) && (defined(_M_X64) || defined(_M_AMD64))
#include <intrin.h>
#endif

// What differs between compilers and build modes, in one place, so that the rest of the library is
// written once: inlining hints, prefetching, byte order, whether exceptions are on and how the
// library raises one. Nothing else in the library names a compiler builtin or attribute.

// XBL_ALWAYS_INLINE declares an inline function that the compiler must inline, where the library
// measured that a call costs more than the code: only when optimising (an unoptimised build gains
// nothing from it and pays in compile time), and never with XBL_NO_FORCE_INLINE defined.
// XBL_ALWAYS_INLINE_LAMBDA is the same for a lambda (after its parameter list); XBL_NOINLINE keeps
// a cold path out of its hot caller. Each is plain `inline` (or nothing) where the compiler is not
// known.
#if defined(XBL_NO_FORCE_INLINE)
#define XBL_ALWAYS_INLINE inline
#define XBL_ALWAYS_INLINE_LAMBDA
#elif defined(__GNUC__) || defined(__clang__)
#if defined(__OPTIMIZE__)
#define XBL_ALWAYS_INLINE [[gnu::always_inline]] inline
#define XBL_ALWAYS_INLINE_LAMBDA __attribute__((always_inline))
#else
#define XBL_ALWAYS_INLINE inline
#define XBL_ALWAYS_INLINE_LAMBDA
#endif
#elif defined(_MSC_VER)
#define XBL_ALWAYS_INLINE __forceinline
#define XBL_ALWAYS_INLINE_LAMBDA
#else
#define XBL_ALWAYS_INLINE inline
#define XBL_ALWAYS_INLINE_LAMBDA
#endif

#if defined(__GNUC__) || defined(__clang__)
#define XBL_NOINLINE [[gnu::noinline]]
#elif defined(_MSC_VER)
#define XBL_NOINLINE __declspec(noinline)
#else
#define XBL_NOINLINE
#endif

namespace xbl::detail {

// Asks for the cache line at p ahead of its use; a hint only, and nothing where there is no way to
// give it.
inline void prefetch(const char* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#elif defined(_MSC_VER) && (defined(_M_X64) || defined(_M_AMD64))
  _mm_prefetch(p, _MM_HINT_T0);
#else
  (void)p;
#endif
}

// The bytes of w in the other order. Written out, it is the pattern compilers turn into their one
// byte-swap instruction; only big-endian machines call it (std::byteswap is C++23).
constexpr std::uint64_t byteswap64(std::uint64_t w) noexcept {
  w = ((w & 0x00FF00FF00FF00FFULL) << 8) | ((w >> 8) & 0x00FF00FF00FF00FFULL);
  w = ((w & 0x0000FFFF0000FFFFULL) << 16) | ((w >> 16) & 0x0000FFFF0000FFFFULL);
  return (w << 32) | (w >> 32);
}

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
