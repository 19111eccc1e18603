// One libFuzzer target per model type: the build names the type with XBL_FUZZ_MODEL.
#include "fuzz.hpp"

namespace {
using Model = XBL_FUZZ_MODEL;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::model_round_trip<Model>(fuzz::text(data, size));
  return 0;
}
