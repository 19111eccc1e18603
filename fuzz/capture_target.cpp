// The inspector's capture reader and checks, on any text as a HAR file.
#include "../tools/inspect/findings.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto input = fuzz::text(data, size);
  const auto read = xbl::for_each_element<inspect::HarEntry>(
      input, "/log/entries", [](const inspect::HarEntry& entry, const xbl::element_position& at) {
        for (bool lenient : {false, true}) {
          inspect::Checker checker(lenient ? xbl::read_options::lenient() : xbl::read_options{});
          (void)checker.check_entry(at.index, entry);
          for (const auto& f : checker.findings) (void)xbl::to_json(f);
        }
      });
  if (!read) fuzz::check_error(read.error(), input);
  return 0;
}
