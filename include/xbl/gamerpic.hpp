#pragma once

// Gamerpic: PUT https://gamerpics.xboxlive.com/users/me/gamerpic with a 1080 x 1080 PNG body.
// Setting one needs privilege 211 (ShareContent); without it the service answers 403.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "xbl/core.hpp"

namespace xbl {

// Privileges by the service's numbers.
enum class Privilege : int {
  Broadcast = 190,
  ViewFriendsList = 197,
  GameDvr = 198,
  ShareKinectContent = 199,
  MultiplayerParties = 203,
  CommunicationVoiceIngame = 205,
  CommunicationVoiceSkype = 206,
  CloudGamingManageSession = 207,
  CloudGamingJoinSession = 208,
  CloudSavedGames = 209,
  ShareContent = 211,
  PremiumContent = 214,
  SubscriptionContent = 219,
  SocialNetworkSharing = 220,
  PremiumVideo = 224,
  VideoCommunications = 235,
  PurchaseContent = 245,
  UserCreatedContent = 247,
  ProfileViewing = 249,
  Communications = 252,
  MultiplayerSessions = 254,
  AddFriend = 255,
};

template <>
struct meta<Privilege> {
  using P = Privilege;
  static constexpr std::string_view name = "Privilege";
  static constexpr auto values = make_enum(
      xbl::name(P::Broadcast, "Broadcast"), xbl::name(P::ViewFriendsList, "ViewFriendsList"),
      xbl::name(P::GameDvr, "GameDvr"), xbl::name(P::ShareKinectContent, "ShareKinectContent"),
      xbl::name(P::MultiplayerParties, "MultiplayerParties"),
      xbl::name(P::CommunicationVoiceIngame, "CommunicationVoiceIngame"),
      xbl::name(P::CommunicationVoiceSkype, "CommunicationVoiceSkype"),
      xbl::name(P::CloudGamingManageSession, "CloudGamingManageSession"),
      xbl::name(P::CloudGamingJoinSession, "CloudGamingJoinSession"),
      xbl::name(P::CloudSavedGames, "CloudSavedGames"), xbl::name(P::ShareContent, "ShareContent"),
      xbl::name(P::PremiumContent, "PremiumContent"), xbl::name(P::SubscriptionContent, "SubscriptionContent"),
      xbl::name(P::SocialNetworkSharing, "SocialNetworkSharing"), xbl::name(P::PremiumVideo, "PremiumVideo"),
      xbl::name(P::VideoCommunications, "VideoCommunications"), xbl::name(P::PurchaseContent, "PurchaseContent"),
      xbl::name(P::UserCreatedContent, "UserCreatedContent"), xbl::name(P::ProfileViewing, "ProfileViewing"),
      xbl::name(P::Communications, "Communications"), xbl::name(P::MultiplayerSessions, "MultiplayerSessions"),
      xbl::name(P::AddFriend, "AddFriend"));
};

// An uploaded PNG and what its header says. The pixels are not decoded: that is the service's job;
// the description (and so JSON and fmt) covers the header's facts, not the file's bytes.
struct GamerpicImage {
  static constexpr std::uint32_t required_side = 1080;

  std::uint32_t width = 0;
  std::uint32_t height = 0;
  std::uint8_t bit_depth = 0;
  std::uint8_t color_type = 0;
  std::uint8_t interlace = 0;
  std::vector<std::byte> bytes;  // the PNG file itself, as it is uploaded

  friend bool operator==(const GamerpicImage&, const GamerpicImage&) = default;

  // Checks the signature, then that IHDR is the first chunk, 13 bytes long, with sound fields and
  // a correct CRC-32. Later chunks are not looked at.
  static result<GamerpicImage> from_png(std::span<const std::byte> png);
};

template <>
struct meta<GamerpicImage> {
  static constexpr auto fields =
      make_fields(field("width", &GamerpicImage::width), field("height", &GamerpicImage::height),
                  field("bitDepth", &GamerpicImage::bit_depth), field("colorType", &GamerpicImage::color_type),
                  field("interlace", &GamerpicImage::interlace));
  static constexpr auto rules = make_rules(check{"gamerpic.dimensions", [](const GamerpicImage& g) {
    if (g.width == GamerpicImage::required_side && g.height == GamerpicImage::required_side) return std::string();
    return "a gamerpic is 1080 x 1080, this image is " + std::to_string(g.width) + " x " + std::to_string(g.height);
  }});
};

namespace detail {

// CRC-32 as PNG defines it (ISO 3309, reflected polynomial 0xEDB88320).
inline std::uint32_t png_crc32(std::span<const std::byte> data) noexcept {
  static constexpr auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (std::byte b : data) c = table[(c ^ static_cast<std::uint32_t>(b)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

inline std::uint32_t big_endian32(std::span<const std::byte> b) noexcept {
  return static_cast<std::uint32_t>(b[0]) << 24 | static_cast<std::uint32_t>(b[1]) << 16 |
         static_cast<std::uint32_t>(b[2]) << 8 | static_cast<std::uint32_t>(b[3]);
}

}  // namespace detail

inline result<GamerpicImage> GamerpicImage::from_png(std::span<const std::byte> png) {
  // A PNG has no lines: the place is the byte offset alone.
  auto fail = [](std::size_t offset, std::string message) {
    auto e = detail::value_error(errc::invalid_value, {}, std::move(message));
    e.offset = offset;
    return e;
  };
  static constexpr unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  for (std::size_t i = 0; i < 8; ++i) {
    if (i >= png.size()) return fail(png.size(), "not a PNG: the file ends inside the 8-byte signature");
    if (png[i] != std::byte{signature[i]}) return fail(i, "not a PNG: the signature is 89 50 4E 47 0D 0A 1A 0A");
  }
  constexpr std::size_t ihdr_end = 8 + 4 + 4 + 13 + 4;  // length, type, data, CRC
  if (png.size() < ihdr_end) return fail(png.size(), "the file ends inside the IHDR chunk");
  // The type before the length: a first chunk of another type is not an IHDR of the wrong length.
  static constexpr unsigned char ihdr[4] = {'I', 'H', 'D', 'R'};
  for (std::size_t i = 0; i < 4; ++i)
    if (png[12 + i] != std::byte{ihdr[i]}) return fail(12, "the first chunk must be IHDR");
  if (detail::big_endian32(png.subspan(8, 4)) != 13) return fail(8, "the IHDR chunk must be 13 bytes long");
  if (detail::png_crc32(png.subspan(12, 17)) != detail::big_endian32(png.subspan(29, 4)))
    return fail(29, "the IHDR chunk's CRC-32 does not match its contents");

  GamerpicImage image;
  image.width = detail::big_endian32(png.subspan(16, 4));
  image.height = detail::big_endian32(png.subspan(20, 4));
  image.bit_depth = static_cast<std::uint8_t>(png[24]);
  image.color_type = static_cast<std::uint8_t>(png[25]);
  image.interlace = static_cast<std::uint8_t>(png[28]);
  image.bytes.assign(png.begin(), png.end());
  if (image.width == 0 || image.height == 0 || image.width > 0x7FFFFFFFu || image.height > 0x7FFFFFFFu)
    return fail(16, "width and height must be 1 to 2^31-1");
  // The bit depths each colour type allows (PNG 11.2.2).
  const auto depth = image.bit_depth;
  bool depth_ok = false;
  switch (image.color_type) {
    case 0: depth_ok = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16; break;
    case 3: depth_ok = depth == 1 || depth == 2 || depth == 4 || depth == 8; break;
    case 2: case 4: case 6: depth_ok = depth == 8 || depth == 16; break;
    default: return fail(25, "colour type must be 0, 2, 3, 4 or 6");
  }
  if (!depth_ok) return fail(24, "bit depth " + std::to_string(depth) + " is not allowed with colour type " +
                                     std::to_string(image.color_type));
  if (png[26] != std::byte{0}) return fail(26, "compression method must be 0");
  if (png[27] != std::byte{0}) return fail(27, "filter method must be 0");
  if (image.interlace > 1) return fail(28, "interlace method must be 0 or 1");
  return image;
}

}  // namespace xbl
