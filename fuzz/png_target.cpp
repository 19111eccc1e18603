// Gamerpic uploads: any bytes give an image or an error, never a read past the end.
#include <span>

#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto bytes = std::as_bytes(std::span(data, size));
  const auto image = xbl::GamerpicImage::from_png(bytes);
  if (!image) {
    fuzz::require(image.error().offset <= size, "a PNG error past the end");
    return 0;
  }
  fuzz::require(image->bytes.size() == size, "the image does not hold the file");
  (void)xbl::validate(*image);
  (void)fmt::format("{}", *image);
  return 0;
}
