// A transcript of what the library makes of a fixed set of inputs: every model type read from every
// file in tests/data and from documents given here, written back compact and pretty, validated and
// formatted; the errors of malformed texts; the identifiers, the enumerations and the numbers; and
// the byte kernels over inputs from a generator defined here. Nothing in it may depend on the machine
// (byte order, the signedness of char, the vector instructions there are), so the transcripts of
// every architecture are the same bytes: tools/cross-test compares them.
//
//   xbl-arch-probe [DATA_DIR] > transcript.txt
//
// The transcript holds no address and no size of a type, and the inputs come from this file's own
// generator (splitmix64), not from std:: distributions, whose output differs between standard libraries.
#include <cstdio>
#include <filesystem>

#include "probe.hpp"

#ifndef XBL_PROBE_DATA_DIR
#define XBL_PROBE_DATA_DIR ""
#endif

using namespace probe;

int main(int argc, char** argv) {
  const std::filesystem::path data = argc > 1 ? std::filesystem::path(argv[1]) : std::filesystem::path(XBL_PROBE_DATA_DIR);
  say("xbl architecture probe 1");
  data_files(data);
  inline_documents();
  malformed();
  domain_checks();
  identifiers();
  gamerpic();
  enumerations();
  numbers();
  kernels();
  round_trips();
  formatting();
  say("== end ({} lines before this one)", lines_written);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
