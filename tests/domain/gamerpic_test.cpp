#include "xbl_test.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

// GamerpicImage::from_png on PNG headers built here, with a CRC-32 computed here.

namespace {

// CRC-32 (ISO 3309 / PNG), bit by bit: independent of the library's table-driven one.
std::uint32_t crc32(std::span<const std::byte> data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (std::byte b : data) {
    crc ^= static_cast<std::uint32_t>(b);
    for (int k = 0; k < 8; ++k) crc = (crc & 1u) ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
  }
  return ~crc;
}

std::uint32_t crc32(std::string_view text) {
  return crc32(std::as_bytes(std::span<const char>(text.data(), text.size())));
}

struct ihdr_fields {
  std::uint32_t width = 1080;
  std::uint32_t height = 1080;
  std::uint8_t bit_depth = 8;
  std::uint8_t color_type = 6;  // RGBA
  std::uint8_t compression = 0;
  std::uint8_t filter = 0;
  std::uint8_t interlace = 0;
};

void put32(std::vector<std::byte>& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::byte>((v >> shift) & 0xFF));
}

// A chunk: length, type, data, CRC over type and data.
void put_chunk(std::vector<std::byte>& out, std::string_view type, const std::vector<std::byte>& data) {
  put32(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t type_at = out.size();
  for (char c : type) out.push_back(static_cast<std::byte>(c));
  out.insert(out.end(), data.begin(), data.end());
  put32(out, crc32(std::span<const std::byte>(out).subspan(type_at, type.size() + data.size())));
}

std::vector<std::byte> ihdr_data(const ihdr_fields& f) {
  std::vector<std::byte> d;
  put32(d, f.width);
  put32(d, f.height);
  for (std::uint8_t b : {f.bit_depth, f.color_type, f.compression, f.filter, f.interlace}) d.push_back(std::byte{b});
  return d;
}

std::vector<std::byte> png(const ihdr_fields& f = {}, std::string_view first_chunk = "IHDR") {
  std::vector<std::byte> out;
  for (unsigned char c : {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A}) out.push_back(std::byte{c});
  put_chunk(out, first_chunk, ihdr_data(f));
  put_chunk(out, "IEND", {});
  return out;
}

xbl::error png_error(const std::vector<std::byte>& bytes) {
  const auto r = xbl::GamerpicImage::from_png(bytes);
  REQUIRE_FALSE(r);
  CHECK(r.error().code == xbl::errc::invalid_value);
  CHECK_FALSE(r.error().message.empty());
  return r.error();
}

}  // namespace

TEST_CASE("the test's CRC-32 is the PNG one") {
  CHECK(crc32("123456789") == 0xCBF43926u);
  CHECK(crc32("IEND") == 0xAE426082u);  // every PNG ends with these four bytes
  const auto file = png();
  REQUIRE(file.size() == 8 + 25 + 12);
  CHECK(file[file.size() - 4] == std::byte{0xAE});
  CHECK(file.back() == std::byte{0x82});
}

TEST_CASE("from_png: a 1080 x 1080 header reads and validates") {
  const auto bytes = png();
  const auto r = xbl::GamerpicImage::from_png(bytes);
  REQUIRE(r);
  CHECK(r->width == 1080);
  CHECK(r->height == 1080);
  CHECK(r->bit_depth == 8);
  CHECK(r->color_type == 6);
  CHECK(r->interlace == 0);
  CHECK(r->bytes == bytes);
  CHECK(xbl::validate(*r).empty());
  CHECK(xbl::to_json(*r) == R"({"width":1080,"height":1080,"bitDepth":8,"colorType":6,"interlace":0})");
  CHECK(fmt::format("{}", *r) == xbl::to_json(*r));

  // Adam7 interlacing and other colour types with their allowed depths are sound too.
  ihdr_fields f;
  f.interlace = 1;
  f.color_type = 3;
  f.bit_depth = 4;
  const auto palette = xbl::GamerpicImage::from_png(png(f));
  REQUIRE(palette);
  CHECK(palette->interlace == 1);
  CHECK(palette->color_type == 3);
  CHECK(palette->bit_depth == 4);
  f = {};
  f.color_type = 0;
  f.bit_depth = 16;
  CHECK(xbl::GamerpicImage::from_png(png(f)));

  // Chunks after IHDR are not looked at.
  auto trailing = png();
  trailing.resize(8 + 25);
  for (int i = 0; i < 7; ++i) trailing.push_back(std::byte{0xFF});
  CHECK(xbl::GamerpicImage::from_png(trailing));
}

TEST_CASE("from_png: a 512 x 512 header reads, and validate reports its dimensions") {
  ihdr_fields f;
  f.width = 512;
  f.height = 512;
  const auto r = xbl::GamerpicImage::from_png(png(f));
  REQUIRE(r);
  CHECK(r->width == 512);
  CHECK(r->height == 512);
  const auto found = xbl::validate(*r);
  REQUIRE(found.size() == 1);
  CHECK(found[0].path == "");
  CHECK(found[0].rule == "gamerpic.dimensions");
  CHECK(found[0].message.find("512 x 512") != std::string::npos);
}

TEST_CASE("from_png: what is not a PNG with a sound IHDR fails") {
  // The signature.
  auto bytes = png();
  bytes[0] = std::byte{0x88};
  CHECK(png_error(bytes).offset == 0);
  bytes = png();
  bytes[6] = std::byte{0x1B};
  CHECK(png_error(bytes).offset == 6);
  CHECK(png_error({}).offset == 0);

  // Truncated: inside the signature, inside IHDR, inside its CRC.
  bytes = png();
  for (std::size_t size : {std::size_t{5}, std::size_t{8}, std::size_t{20}, std::size_t{32}}) {
    CAPTURE(size);
    const std::vector<std::byte> cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(size));
    CHECK(png_error(cut).offset == size);
  }

  // IHDR not first: another chunk, of IHDR's length and with its own correct CRC.
  CHECK(png_error(png({}, "tEXt")).offset == 12);
  CHECK(png_error(png({}, "ihdr")).offset == 12);
  {
    // A gAMA chunk (4 bytes) before IHDR: the fault is the chunk's type, not an IHDR's length.
    std::vector<std::byte> gama_first(bytes.begin(), bytes.begin() + 8);
    put_chunk(gama_first, "gAMA", {std::byte{0}, std::byte{0}, std::byte{0xB1}, std::byte{0x8F}});
    put_chunk(gama_first, "IHDR", ihdr_data({}));
    const auto e = png_error(gama_first);
    CHECK(e.offset == 12);
    CHECK(e.message.find("IHDR") != std::string::npos);
  }

  // Wrong length: 14 bytes of data, CRC correct over them.
  {
    std::vector<std::byte> wrong(bytes.begin(), bytes.begin() + 8);
    auto data = ihdr_data({});
    data.push_back(std::byte{0});
    put_chunk(wrong, "IHDR", data);
    CHECK(png_error(wrong).offset == 8);
  }

  // Bad CRC: a flipped CRC bit, or a changed width under the old CRC.
  bytes = png();
  bytes[29] ^= std::byte{0x01};
  CHECK(png_error(bytes).offset == 29);
  bytes = png();
  bytes[19] = std::byte{0x39};  // width 1081
  CHECK(png_error(bytes).offset == 29);

  // Fields IHDR cannot hold.
  ihdr_fields f;
  f.width = 0;
  CHECK(png_error(png(f)).offset == 16);
  f = {};
  f.height = 0x80000000u;
  CHECK(png_error(png(f)).offset == 16);
  f = {};
  f.color_type = 5;
  CHECK(png_error(png(f)).offset == 25);
  f = {};
  f.color_type = 3;
  f.bit_depth = 16;
  CHECK(png_error(png(f)).offset == 24);
  f = {};
  f.bit_depth = 7;
  CHECK(png_error(png(f)).offset == 24);
  f = {};
  f.compression = 1;
  CHECK(png_error(png(f)).offset == 26);
  f = {};
  f.filter = 1;
  CHECK(png_error(png(f)).offset == 27);
  f = {};
  f.interlace = 2;
  CHECK(png_error(png(f)).offset == 28);
}
