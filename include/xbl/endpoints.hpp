#pragma once

// The endpoints as data: what a request to each must look like, and matching a request to one.
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "xbl/core.hpp"

namespace xbl {

// The header that selects a service's contract, the oldest version this library's models follow,
// and the one the SDK sends today.
struct ContractVersion {
  std::string_view header;  // empty when the endpoint has none
  unsigned minimum = 0;
  unsigned current = 0;
};

// A header a request must carry; `value` empty when any value will do.
struct RequiredHeader {
  std::string_view name;
  std::string_view value;
};

struct Endpoint {
  std::string_view name;
  std::string_view method;
  std::string_view host;
  std::string_view path_template;  // `{name}` stands for one path segment
  ContractVersion contract_version;
  std::span<const RequiredHeader> required_headers;
  std::string_view request_body;   // the model type a request body reads as; empty when there is none
  std::string_view response_body;  // the same for a successful response

  friend constexpr bool operator==(const Endpoint& a, const Endpoint& b) noexcept { return a.name == b.name; }
};

namespace detail {
inline constexpr RequiredHeader gamerpic_headers[] = {{"Authorization", {}}, {"Content-Type", "image/png"}};
inline constexpr RequiredHeader handles_headers[] = {{"Authorization", {}}, {"x-xbl-contract-version", {}}};
inline constexpr RequiredHeader presence_headers[] = {{"Authorization", {}},
                                                      {"x-xbl-contract-version", {}},
                                                      {"Accept", "application/json"},
                                                      {"Accept-Language", {}},
                                                      {"Host", "userpresence.xboxlive.com"}};
inline constexpr RequiredHeader privacy_headers[] = {{"Authorization", {}}, {"X-RequestedServiceVersion", {}}};
}  // namespace detail

inline constexpr std::array<Endpoint, 5> endpoints{{
    {"gamerpic.put", "PUT", "gamerpics.xboxlive.com", "/users/me/gamerpic", {}, detail::gamerpic_headers,
     "GamerpicImage", ""},
    {"handles.post", "POST", "sessiondirectory.xboxlive.com", "/handles", {"x-xbl-contract-version", 104, 107},
     detail::handles_headers, "HandleRequest", "InviteHandle"},
    {"presence.people", "GET", "userpresence.xboxlive.com", "/users/me/groups/{moniker}",
     {"x-xbl-contract-version", 3, 3}, detail::presence_headers, "", "PresenceRecord[]"},
    {"privacy.validate", "GET", "privacy.xboxlive.com", "/users/{requestorId}/permission/validate",
     {"X-RequestedServiceVersion", 1, 1}, detail::privacy_headers, "", "PermissionResult"},
    {"privacy.validate.batch", "POST", "privacy.xboxlive.com", "/users/{requestorId}/permission/validate",
     {"X-RequestedServiceVersion", 1, 1}, detail::privacy_headers, "PermissionCheckBatchRequest",
     "PermissionCheckBatchResponse"},
}};

// A request matched to its endpoint, with the path parameters and the query, percent-decoded.
struct EndpointMatch {
  Endpoint endpoint;
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<std::pair<std::string, std::string>> query_params;

  std::optional<std::string_view> param(std::string_view name) const { return find(params, name); }
  std::optional<std::string_view> query(std::string_view name) const { return find(query_params, name); }

 private:
  static std::optional<std::string_view> find(const std::vector<std::pair<std::string, std::string>>& list,
                                              std::string_view name) {
    for (const auto& [key, value] : list)
      if (key == name) return std::string_view(value);
    return std::nullopt;
  }
};

namespace detail {

// RFC 3986 percent-decoding; a `%` not followed by two hex digits stays as it is.
inline std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit_value(s[i + 1]) >= 0 && hex_digit_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit_value(s[i + 1]) * 16 + hex_digit_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The next piece of `s` up to `sep` (all of it when there is none); `s` keeps the rest.
inline std::string_view take_until(std::string_view& s, char sep) {
  const auto at = s.find(sep);
  const auto piece = s.substr(0, at);
  s = at == std::string_view::npos ? std::string_view{} : s.substr(at + 1);
  return piece;
}

inline bool match_path(std::string_view templ, std::string_view path,
                       std::vector<std::pair<std::string, std::string>>& params) {
  if (templ.empty() || path.empty() || templ[0] != '/' || path[0] != '/') return false;
  templ.remove_prefix(1);
  path.remove_prefix(1);
  for (;;) {
    const bool templ_done = templ.empty();
    const bool path_done = path.empty();
    if (templ_done || path_done) return templ_done && path_done;
    const auto t = take_until(templ, '/');
    const auto p = take_until(path, '/');
    if (t.size() > 2 && t.front() == '{' && t.back() == '}') {
      if (p.empty()) return false;
      params.emplace_back(std::string(t.substr(1, t.size() - 2)), percent_decode(p));
    } else if (t != p) {
      return false;
    }
  }
}

}  // namespace detail

// The endpoint a request is for: scheme http or https, host compared ignoring case (a port and
// user info are passed over), the method exactly, the path segment by segment.
inline std::optional<EndpointMatch> match(std::string_view method, std::string_view url) {
  std::string_view rest = url;
  const auto scheme_end = rest.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  const auto scheme = rest.substr(0, scheme_end);
  if (!detail::equal_ignoring_case(scheme, "https") && !detail::equal_ignoring_case(scheme, "http")) return std::nullopt;
  rest.remove_prefix(scheme_end + 3);
  const auto authority_end = rest.find_first_of("/?#");
  auto authority = rest.substr(0, authority_end);
  rest = authority_end == std::string_view::npos ? std::string_view{} : rest.substr(authority_end);
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (const auto colon = authority.find(':'); colon != std::string_view::npos) authority = authority.substr(0, colon);
  const auto fragment = rest.find('#');
  if (fragment != std::string_view::npos) rest = rest.substr(0, fragment);
  const auto query_start = rest.find('?');
  const auto path = rest.substr(0, query_start);
  auto query = query_start == std::string_view::npos ? std::string_view{} : rest.substr(query_start + 1);

  for (const auto& e : endpoints) {
    if (e.method != method || !detail::equal_ignoring_case(e.host, authority)) continue;
    EndpointMatch m{e, {}, {}};
    if (!detail::match_path(e.path_template, path.empty() ? std::string_view("/") : path, m.params)) continue;
    while (!query.empty()) {
      auto pair = detail::take_until(query, '&');
      if (pair.empty()) continue;
      const auto key = detail::take_until(pair, '=');
      m.query_params.emplace_back(detail::percent_decode(key), detail::percent_decode(pair));
    }
    return m;
  }
  return std::nullopt;
}

// The `{requestorId}` of a privacy path: `me`, or `xuid(N)`.
class RequestorId {
 public:
  static result<RequestorId> parse(std::string_view text) {
    RequestorId r;
    if (text == "me") {
      r.me_ = true;
      return r;
    }
    auto fail = [](std::size_t at, std::string message) { return detail::text_error(errc::invalid_value, at, std::move(message)); };
    if (text.size() < 7 || text.substr(0, 5) != "xuid(" || text.back() != ')')
      return fail(0, "a requestor id is me or xuid(N), not " + detail::quoted(text));
    const auto digits = text.substr(5, text.size() - 6);
    const auto f = Xuid::parse_into(digits, r.xuid_);
    // The XUID's own code: a number too large is number_out_of_range here as in Xuid::parse.
    if (f) return detail::text_error(f.code, 5 + f.offset, f.message);
    return r;
  }

  bool is_me() const noexcept { return me_; }
  std::optional<Xuid> xuid() const noexcept { return me_ ? std::nullopt : std::optional<Xuid>(xuid_); }
  std::string to_string() const { return me_ ? "me" : "xuid(" + xuid_.to_string() + ")"; }

  friend bool operator==(const RequestorId&, const RequestorId&) = default;

 private:
  bool me_ = false;
  Xuid xuid_;
};

// `Authorization: XBL3.0 x=<userhash>;<token>`. The token is a secret: to_string(), redacted() and
// fmt never show it; token() is the one way to it.
class XblAuthorization {
 public:
  static result<XblAuthorization> parse(std::string_view text) {
    auto fail = [](std::size_t at, std::string message) { return detail::text_error(errc::invalid_value, at, std::move(message)); };
    constexpr std::string_view prefix = "XBL3.0 x=";
    if (text.substr(0, prefix.size()) != prefix)
      return fail(0, "an Xbox Live authorization starts with \"XBL3.0 x=\"");
    const auto semicolon = text.find(';', prefix.size());
    if (semicolon == std::string_view::npos)
      return fail(text.size(), "expected ';' between the user hash and the token");
    XblAuthorization a;
    a.user_hash_ = text.substr(prefix.size(), semicolon - prefix.size());
    a.token_ = text.substr(semicolon + 1);
    if (a.user_hash_.empty()) return fail(prefix.size(), "the user hash is empty");
    if (a.token_.empty()) return fail(semicolon + 1, "the token is empty");
    for (std::size_t i = 0; i < a.user_hash_.size(); ++i)
      if (static_cast<unsigned char>(a.user_hash_[i]) <= 0x20 || static_cast<unsigned char>(a.user_hash_[i]) >= 0x7F)
        return fail(prefix.size() + i, "the user hash is printable ASCII without spaces");
    return a;
  }

  const std::string& user_hash() const noexcept { return user_hash_; }
  const std::string& token() const noexcept { return token_; }
  // The header with its token replaced: what fmt prints, and what any log may show.
  std::string to_string() const { return "XBL3.0 x=" + user_hash_ + ";<redacted>"; }
  std::string redacted() const { return to_string(); }

  friend bool operator==(const XblAuthorization&, const XblAuthorization&) = default;

 private:
  std::string user_hash_;
  std::string token_;
};

}  // namespace xbl

template <>
inline constexpr bool xbl::detail::formats_as_text<xbl::XblAuthorization> = true;
template <>
inline constexpr bool xbl::detail::formats_as_text<xbl::RequestorId> = true;
