#pragma once

// The parts of a HAR 1.2 capture (what browsers, Fiddler, Charles and mitmproxy export) that the
// inspector reads, described like any other xbl type. Members it does not need (timings, cookies,
// cache, pages) are checked as JSON and passed over.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <xbl/xbl.hpp>

namespace inspect {

struct HarHeader {
  std::string name;
  std::string value;
  bool operator==(const HarHeader&) const = default;
};

struct HarPostData {
  std::optional<std::string> mime_type;
  std::optional<std::string> text;
  std::optional<std::string> encoding;  // not in HAR 1.2, but exporters write "base64" for binary bodies
  bool operator==(const HarPostData&) const = default;
};

struct HarContent {
  std::optional<std::int64_t> size;
  std::optional<std::string> mime_type;
  std::optional<std::string> text;
  std::optional<std::string> encoding;  // "base64" when text is the body base64-encoded
  bool operator==(const HarContent&) const = default;
};

struct HarRequest {
  std::string method;
  std::string url;
  std::vector<HarHeader> headers;
  std::optional<HarPostData> post_data;
  bool operator==(const HarRequest&) const = default;
};

struct HarResponse {
  std::int32_t status = 0;
  std::vector<HarHeader> headers;
  std::optional<HarContent> content;
  bool operator==(const HarResponse&) const = default;
};

struct HarEntry {
  std::optional<std::string> started_date_time;
  HarRequest request;
  HarResponse response;
  bool operator==(const HarEntry&) const = default;
};

}  // namespace inspect

template <>
struct xbl::meta<inspect::HarHeader> {
  static constexpr auto fields =
      make_fields(field("name", &inspect::HarHeader::name), field("value", &inspect::HarHeader::value));
};

template <>
struct xbl::meta<inspect::HarPostData> {
  static constexpr auto fields =
      make_fields(field("mimeType", &inspect::HarPostData::mime_type), field("text", &inspect::HarPostData::text),
                  field("encoding", &inspect::HarPostData::encoding));
};

template <>
struct xbl::meta<inspect::HarContent> {
  static constexpr auto fields =
      make_fields(field("size", &inspect::HarContent::size), field("mimeType", &inspect::HarContent::mime_type),
                  field("text", &inspect::HarContent::text), field("encoding", &inspect::HarContent::encoding));
};

template <>
struct xbl::meta<inspect::HarRequest> {
  static constexpr auto fields =
      make_fields(field("method", &inspect::HarRequest::method), field("url", &inspect::HarRequest::url),
                  field("headers", &inspect::HarRequest::headers), field("postData", &inspect::HarRequest::post_data));
};

template <>
struct xbl::meta<inspect::HarResponse> {
  static constexpr auto fields =
      make_fields(field("status", &inspect::HarResponse::status), field("headers", &inspect::HarResponse::headers),
                  field("content", &inspect::HarResponse::content));
};

template <>
struct xbl::meta<inspect::HarEntry> {
  static constexpr auto fields = make_fields(field("startedDateTime", &inspect::HarEntry::started_date_time),
                                             field("request", &inspect::HarEntry::request),
                                             field("response", &inspect::HarEntry::response));
};
