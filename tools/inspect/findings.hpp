#pragma once

// What the inspector finds wrong with one exchange, and the checks that find it.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <xbl/xbl.hpp>

#include "base64.hpp"
#include "har.hpp"
#include "services.hpp"

namespace inspect {

// One finding. It is a described type too, so `--json` is to_json of it, one per line.
struct Finding {
  std::optional<std::size_t> entry;  // index in the capture; empty for a lone payload (--type)
  std::string method;
  std::string path;      // the URL's path
  std::string endpoint;  // the endpoint's name, or empty
  std::string part;      // url, request.headers, request.body, response.body
  std::string pointer;   // JSON Pointer within that part
  std::string rule;
  std::string message;
  std::optional<std::size_t> line;  // where a body does not parse
  std::optional<std::size_t> column;
  bool operator==(const Finding&) const = default;
};

}  // namespace inspect

template <>
struct xbl::meta<inspect::Finding> {
  using F = inspect::Finding;
  static constexpr auto fields = make_fields(
      field("entry", &F::entry), field("method", &F::method), field("path", &F::path), field("endpoint", &F::endpoint),
      field("part", &F::part), field("pointer", &F::pointer), field("rule", &F::rule), field("message", &F::message),
      field("line", &F::line), field("column", &F::column));
};

namespace inspect {

// Whole, unlike the library's (which cuts long texts): what the inspector quotes itself is a header or
// URL value of the request, shown as it was sent; Redactor hides whatever of a secret is in it.
// Not `quoted`: with a std::string argument, lookup would also find std::quoted wherever a standard
// library brings in <iomanip> (libc++ does), and prefer it.
inline std::string quote_text(std::string_view s) { return xbl::detail::quoted(s, std::string_view::npos); }

inline bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

inline const HarHeader* find_header(const std::vector<HarHeader>& headers, std::string_view name) {
  for (const auto& h : headers)
    if (same_name(h.name, name)) return &h;
  // HTTP/2 captures carry the host as the :authority pseudo-header.
  if (same_name(name, "Host"))
    for (const auto& h : headers)
      if (h.name == ":authority") return &h;
  return nullptr;
}

// Secrets a capture carries: the token of each Authorization header and every signature header.
// Every finding the inspector prints is passed through a Redactor made of its entry's secrets.
inline bool is_signature_header(std::string_view name) {
  for (std::size_t i = 0; i + 9 <= name.size(); ++i)
    if (same_name(name.substr(i, 9), "signature")) return true;
  return false;
}

inline void collect_secrets(const std::vector<HarHeader>& headers, std::vector<std::string>& secrets) {
  for (const auto& h : headers) {
    if (same_name(h.name, "Authorization")) {
      const auto semicolon = h.value.find(';');
      secrets.push_back(semicolon == std::string::npos ? h.value : h.value.substr(semicolon + 1));
    } else if (is_signature_header(h.name)) {
      secrets.push_back(h.value);
    }
  }
}

// Hides secrets in what the inspector prints. A secret is not always printed whole: the library cuts
// a long value it quotes (an unknown enum, an identifier that does not parse) at 64 bytes, and a body
// may echo any part of a token. So every stretch of text covered by pieces of a secret at least
// `window` bytes long becomes one "<redacted>". The secrets' windows are kept in a hash set: one pass
// over the text, whatever the secrets' lengths. A secret shorter than a window would, as a substring,
// match ordinary text (a one-letter token, every 't'); it is hidden only where a message quotes it
// whole, as messages quote an echoed value.
class Redactor {
 public:
  // Fewer bytes of a secret tell little of it; as many rarely stand in other text by chance.
  static constexpr std::size_t window = sizeof(std::uint64_t);

  explicit Redactor(std::span<const std::string> secrets) {
    for (const auto& secret : secrets) {
      if (secret.empty()) continue;
      if (secret.size() < window) short_quoted_.push_back(quote_text(secret));
      for (std::size_t i = 0; i + window <= secret.size(); ++i) windows_.insert(load(secret.data() + i));
    }
  }

  std::string redact(std::string_view text) const {
    if (windows_.empty() && short_quoted_.empty()) return std::string(text);
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;          // text before this is in out
    std::size_t begin = 0, end = 0;  // the stretch being grown, empty when begin == end
    auto flush = [&] {
      if (begin == end) return;
      out.append(text.substr(copied, begin - copied));
      out += placeholder;
      copied = end;
    };
    for (std::size_t i = 0; i + window <= text.size(); ++i) {
      if (!windows_.contains(load(text.data() + i))) continue;
      // Widened to whole UTF-8 sequences: a secret's bytes may start or end inside one, and the
      // output (JSON in particular) must stay well-formed.
      std::size_t b = i;
      std::size_t e = i + window;
      while (b > 0 && continuation(text[b])) --b;
      while (e < text.size() && continuation(text[e])) ++e;
      if (b > end || begin == end) {
        flush();
        begin = b;
      }
      end = e;
    }
    flush();
    out.append(text.substr(copied));
    const std::string hidden = quote_text(placeholder);
    for (const auto& q : short_quoted_) {
      for (auto at = out.find(q); at != std::string::npos; at = out.find(q, at + hidden.size()))
        out.replace(at, q.size(), hidden);
    }
    return out;
  }

  // Every text of a finding: a body can put a secret in a JSON Pointer (a key) as well as in a message.
  // Redacted before any formatting, so that "<redacted>" never splits an escape of the JSON output.
  Finding redact(Finding f) const {
    for (std::string* text : {&f.method, &f.path, &f.endpoint, &f.part, &f.pointer, &f.rule, &f.message})
      *text = redact(*text);
    return f;
  }

 private:
  static constexpr std::string_view placeholder = "<redacted>";

  static std::uint64_t load(const char* p) noexcept {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  static bool continuation(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

  std::unordered_set<std::uint64_t> windows_;
  std::vector<std::string> short_quoted_;
};

inline std::string url_path(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const auto slash = url.find('/');
  if (slash == std::string_view::npos) return "/";
  url.remove_prefix(slash);
  return std::string(url.substr(0, url.find_first_of("?#")));
}

// Checks one exchange, or one lone payload, and collects what it finds. What is particular to a
// service's bodies is in that service's unit (services.hpp).
class Checker {
 public:
  explicit Checker(xbl::read_options options) : options_(options) { options_.unknown_keys = xbl::unknown_key_policy::keep; }

  std::vector<Finding> findings;

  // A lone payload read as the named model type (`--type`). False when no model has that name.
  bool check_payload(std::string_view type, std::string_view text) {
    here_ = Finding{};
    return check_handles_payload(*this, type, text) || check_presence_payload(*this, type, text) ||
           check_privacy_payload(*this, type, text);
  }

  // One HAR entry. Returns the endpoint's name, or empty when the request is for no known endpoint.
  std::string check_entry(std::size_t index, const HarEntry& e) {
    const auto match = xbl::match(e.request.method, e.request.url);
    if (!match) return {};
    here_ = Finding{};
    level_.reset();
    here_.entry = index;
    here_.method = e.request.method;
    here_.path = url_path(e.request.url);
    here_.endpoint = std::string(match->endpoint.name);
    check_headers(match->endpoint, e.request.headers);
    check_url(*match);
    check_bodies(*match, e);
    return here_.endpoint;
  }

  // What the service units (services.hpp) check bodies with.
  void add(std::string_view part, std::string pointer, std::string_view rule, std::string message) {
    Finding f = here_;
    f.part = part;
    f.pointer = std::move(pointer);
    f.rule = rule;
    f.message = std::move(message);
    findings.push_back(std::move(f));
  }

  template <class T>
  std::optional<T> read_and_validate(std::string_view part, std::string_view text, std::string_view prefix = {}) {
    auto value = xbl::from_json<T>(text, options_);
    if (!value) {
      add_error(part, value.error());
      return std::nullopt;
    }
    for (const auto& v : xbl::validate(*value)) add(part, std::string(prefix) + v.path, v.rule, v.message);
    return std::move(*value);
  }

  // The payload read as the model of `models` named `type`; false when there is none.
  template <class Models>
  bool read_payload(const Models& models, std::string_view type, std::string_view text) {
    return xbl::detail::with_model_in(models, type, [&](auto model) {
      read_and_validate<typename decltype(model)::type>("payload", text);
    });
  }

  // The body of a successful response, decoded; empty when there is none.
  std::optional<std::string> response_body(const HarEntry& e) {
    const int status = e.response.status;
    if (status < 200 || status > 299 || !e.response.content) return std::nullopt;
    return body("response.body", e.response.content->text, e.response.content->encoding);
  }

 private:
  void add_error(std::string_view part, const xbl::error& error) {
    Finding f = here_;
    f.part = part;
    f.pointer = error.path;
    f.rule = "json." + std::string(xbl::to_string(error.code));
    f.message = error.message;
    if (error.line) {
      f.line = error.line;
      f.column = error.column;
    }
    findings.push_back(std::move(f));
  }

  void check_headers(const xbl::Endpoint& endpoint, const std::vector<HarHeader>& headers) {
    for (const auto& required : endpoint.required_headers) {
      const auto* h = find_header(headers, required.name);
      if (!h) {
        add("request.headers", "", "header.missing", "missing required header " + std::string(required.name));
        continue;
      }
      if (!required.value.empty() && h->value.find(required.value) == std::string::npos)
        add("request.headers", "", "header.value",
            std::string(required.name) + " is " + quote_text(h->value) + ", expected " +
                std::string(required.value));
    }
    const auto& contract = endpoint.contract_version;
    if (!contract.header.empty()) {
      if (const auto* h = find_header(headers, contract.header)) {
        unsigned version = 0;
        bool number = !h->value.empty() && h->value.size() < 10;
        for (char c : h->value) {
          if (c < '0' || c > '9') number = false;
          else version = version * 10 + static_cast<unsigned>(c - '0');
        }
        if (!number || version < contract.minimum)
          add("request.headers", "", "header.contract_version",
              std::string(contract.header) + " is " + quote_text(h->value) + ", the models need " +
                  std::to_string(contract.minimum) + " or later (the SDK sends " + std::to_string(contract.current) +
                  ")");
      }  // a missing contract header is one of the required headers, reported above
    }
    if (const auto* h = find_header(headers, "Authorization")) {
      const auto auth = xbl::XblAuthorization::parse(h->value);
      if (!auth) add("request.headers", "", "header.authorization", "Authorization: " + auth.error().message);
    }
  }

  void check_url(const xbl::EndpointMatch& m) {
    if (const auto moniker = m.param("moniker"); moniker && *moniker != "People")
      add("url", "", "url.moniker", "the only moniker the service accepts is People, not " + quote_text(*moniker));
    if (const auto requestor = m.param("requestorId")) {
      if (const auto r = xbl::RequestorId::parse(*requestor); !r)
        add("url", "", "url.requestor_id", r.error().message);
    }
    if (m.endpoint.name == "presence.people") {
      const auto level = m.query("level");
      if (level && !xbl::enum_from_string<xbl::PresenceLevel>(*level))
        add("url", "", "url.level", "level is user, device, title or all, not " + quote_text(*level));
      level_ = level ? xbl::enum_from_string<xbl::PresenceLevel>(*level) : xbl::PresenceLevel::title;
    }
    if (m.endpoint.name == "privacy.validate") {
      const auto setting = m.query("setting");
      if (!setting) add("url", "", "url.setting", "missing query parameter setting");
      else if (!xbl::enum_from_string<xbl::PermissionId>(*setting))
        add("url", "", "enum.unknown", quote_text(*setting) + " is not a known value of PermissionId");
      const auto target = m.query("target");
      const auto parsed = target ? xbl::RequestorId::parse(*target) : xbl::RequestorId::parse("");
      if (!target || !parsed || parsed->is_me())
        add("url", "", "url.target", "target is xuid(N)");
    }
  }

  // The body text of a request or response, base64-decoded when the capture says so.
  std::optional<std::string> body(std::string_view part, const std::optional<std::string>& text,
                                  const std::optional<std::string>& encoding) {
    if (!text || text->empty()) return std::nullopt;
    if (encoding && same_name(*encoding, "base64")) {
      auto decoded = base64_decode(*text);
      if (!decoded) add(part, "", "body.base64", "the body is marked base64 but does not decode");
      return decoded;
    }
    return *text;
  }

  void check_bodies(const xbl::EndpointMatch& m, const HarEntry& e) {
    const auto& endpoint = m.endpoint;
    std::optional<std::string> request_body;
    if (e.request.post_data) request_body = body("request.body", e.request.post_data->text, e.request.post_data->encoding);

    if (!endpoint.request_body.empty()) {
      if (!request_body) {
        // A body that is there but does not decode has its body.base64 finding already; it is not missing.
        const bool sent = e.request.post_data && e.request.post_data->text && !e.request.post_data->text->empty();
        if (!sent)
          add("request.body", "", "body.missing", "a " + std::string(endpoint.request_body) + " body was expected");
      } else if (endpoint.request_body == "GamerpicImage") {
        const auto bytes = std::as_bytes(std::span(request_body->data(), request_body->size()));
        const auto image = xbl::GamerpicImage::from_png(bytes);
        if (!image) add("request.body", "", "gamerpic.png", image.error().message);
        else
          for (const auto& v : xbl::validate(*image)) add("request.body", v.path, v.rule, v.message);
      }
    }

    if (endpoint.name == "handles.post") check_handles_bodies(*this, request_body, e);
    else if (endpoint.name == "presence.people") check_presence_body(*this, e, level_);
    else if (endpoint.name.starts_with("privacy.")) check_privacy_bodies(*this, endpoint.name, request_body, e);
  }

  xbl::read_options options_;
  Finding here_;
  std::optional<xbl::PresenceLevel> level_;
};

}  // namespace inspect
