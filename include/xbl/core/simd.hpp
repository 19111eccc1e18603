#pragma once

#include <tuple>

#include "xbl/core/simd/scalar.hpp"

// The one interface to the byte kernels: `simd::active` is the widest backend the compiler may
// use for this build, one file per instruction set in simd/, each a struct with the members of
// simd::scalar. Chosen at compile time from what the compiler was told the CPU has (GCC and
// clang's -m flags, MSVC's /arch and its x64 baseline, which defines no __SSE2__).
// Define XBL_NO_SIMD to use the plain C++ one on any CPU.
#if !defined(XBL_NO_SIMD)
#if defined(__SSE2__) || defined(_M_X64) || defined(_M_AMD64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2)
#define XBL_DETAIL_SIMD_SSE2 1
#include "xbl/core/simd/sse2.hpp"
#endif
// AVX implies SSSE3; MSVC's /arch:AVX defines only __AVX__.
#if defined(XBL_DETAIL_SIMD_SSE2) && (defined(__SSSE3__) || defined(__AVX__))
#define XBL_DETAIL_SIMD_SSSE3 1
#include "xbl/core/simd/ssse3.hpp"
#endif
#if defined(XBL_DETAIL_SIMD_SSSE3) && defined(__AVX2__)
#define XBL_DETAIL_SIMD_AVX2 1
#include "xbl/core/simd/avx2.hpp"
#endif
#if defined(XBL_DETAIL_SIMD_AVX2) && defined(__AVX512BW__)
#define XBL_DETAIL_SIMD_AVX512 1
#include "xbl/core/simd/avx512.hpp"
#endif
#endif

namespace xbl::detail::simd {

// Every backend this build can run, narrowest first: the tests hold each to the scalar one.
#if defined(XBL_DETAIL_SIMD_AVX512)
using available = std::tuple<scalar, sse2, ssse3, avx2, avx512>;
#elif defined(XBL_DETAIL_SIMD_AVX2)
using available = std::tuple<scalar, sse2, ssse3, avx2>;
#elif defined(XBL_DETAIL_SIMD_SSSE3)
using available = std::tuple<scalar, sse2, ssse3>;
#elif defined(XBL_DETAIL_SIMD_SSE2)
using available = std::tuple<scalar, sse2>;
#else
using available = std::tuple<scalar>;
#endif

using active = std::tuple_element_t<std::tuple_size_v<available> - 1, available>;

}  // namespace xbl::detail::simd
