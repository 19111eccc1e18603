#pragma once

#include <cstddef>
#include <cstdint>

namespace xbl {

// What to do with an object member that the target type does not describe.
enum class unknown_key_policy : std::uint8_t {
  skip,   // validate it as strictly as any value, then drop it
  error,  // fail with errc::unknown_key
  keep,   // keep it, in order, as raw JSON, and write it back after the described members
};

// The deepest nesting any read goes to, whatever read_options::max_depth asks. The reader recurses
// once a level, with at most about 2.9 KB of stack a level unoptimised (clang -O0; 0.2 to 0.3 KB
// optimised, 0.5 KB under AddressSanitizer), so 256 levels fit in 750 KB: within a 1 MB stack, the
// smallest default an SDK meets (a Windows thread's). AddressSanitizer without optimisation needs more.
inline constexpr std::size_t max_depth_ceiling = 256;

// Strict RFC 8259 by default; each lenient switch admits one thing the published samples contain.
struct read_options {
  bool comments = false;         // `// …` to end of line and `/* … */` wherever whitespace may stand
  bool trailing_commas = false;  // one `,` before `]` or `}`
  bool unquoted_keys = false;    // object keys as bare identifiers: [A-Za-z_$][A-Za-z0-9_$]*
  unknown_key_policy unknown_keys = unknown_key_policy::skip;
  std::size_t max_depth = 64;    // arrays and objects nested deeper fail with errc::depth_exceeded
                                 // (at most max_depth_ceiling: a larger value counts as that)
  bool strict_enums = false;     // an enum text outside the known list fails with errc::unknown_enum
  bool validate = false;         // run validate() after reading; the first violation fails the read

  static constexpr read_options lenient() noexcept {
    read_options o;
    o.comments = true;
    o.trailing_commas = true;
    o.unquoted_keys = true;
    return o;
  }

  constexpr bool any_lenient() const noexcept { return comments || trailing_commas || unquoted_keys; }
};

struct write_options {
  bool pretty = false;
  std::size_t indent = 2;
};

}  // namespace xbl
