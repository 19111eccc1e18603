#pragma once

namespace xbl::detail {

// The hook through which a type with a wire form of its own (an identifier written as a string, a
// timestamp) joins the reader, the writer and the validator without them knowing it:
//   static bool read(scanner&, T&);              // p at the value; fail() and return false on error
//   static void write(writer&, const T&);
//   static std::string check(const T&);         // optional: a violation message, empty when sound
template <class T>
struct codec;

template <class T>
concept has_codec = requires { codec<T>::read; };

// Types whose fmt form (xbl/format.hpp) is their to_string() text rather than JSON: the
// identifiers, and what a header states (endpoints.hpp). Declared here, with the other hooks, so
// that a header can say it without compiling the formatters.
template <class T>
inline constexpr bool formats_as_text = false;

}  // namespace xbl::detail
