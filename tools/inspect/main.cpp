// xbl-inspect: checks a HAR capture of Xbox Live traffic against the services' payload models.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/color.h>
#include <fmt/core.h>
#include <xbl/xbl.hpp>

#include "findings.hpp"
#include "har.hpp"

namespace {

constexpr std::string_view help = R"(usage: xbl-inspect CAPTURE.har [options]
       xbl-inspect --type TYPE PAYLOAD.json [options]

Checks every request in a HAR capture (as exported by browsers, Fiddler, Charles or
mitmproxy) that goes to a known Xbox Live endpoint: the URL, the required headers, and
the request and response bodies, read as the endpoint's model types and validated
against the services' rules. Requests to other hosts are counted and passed over.

Each finding names the entry, its method and path, the part (url, request.headers,
request.body, response.body), a JSON Pointer into that part, the rule and a message.
A body that is not valid JSON is reported with the line and column in the body.

Without --show-secrets, the token of each Authorization header and the value of each
signature header are secrets: any 8 or more bytes of one, wherever they stand (a body
that echoes a token, a message that quotes its first 64 bytes), are printed as
<redacted>. A secret shorter than 8 bytes is redacted only where a message quotes it
whole: as a part of other text it could not be told from that text.

options:
  --json          one JSON object per finding, one per line, and no summary
  --type TYPE     check one JSON payload file as TYPE instead of a capture
  --lenient       accept comments, trailing commas and unquoted keys in bodies
  --show-secrets  print Authorization tokens and signature headers (redacted otherwise)
  --no-color      no colour, even on a terminal
  --help          this text

types for --type:
 )";

constexpr std::string_view exit_help = R"(
exit status: 0 nothing found, 1 findings, 2 the capture or payload could not be read.
A capture cut short has the findings of the entries before the cut printed, then the
fault on stderr, and exits with 2. A payload (--type) that is not JSON is not checked:
the fault on stderr, exit status 2; one that is JSON but not a TYPE is a finding.
)";

struct Options {
  std::string file;
  std::string type;
  bool json = false;
  bool lenient = false;
  bool show_secrets = false;
  bool color = false;
};

class Report {
 public:
  explicit Report(const Options& o) : options_(o) {}

  void entry(const std::vector<inspect::Finding>& findings, const std::vector<std::string>& secrets) {
    if (findings.empty()) return;
    const inspect::Redactor redactor(options_.show_secrets ? std::span<const std::string>() : secrets);
    for (const auto& found : findings) {
      ++by_rule_[found.rule];
      ++total_;
      const inspect::Finding f = redactor.redact(found);
      if (options_.json) {
        line(xbl::to_json(f));
        continue;
      }
      if (&found == &findings.front()) heading(f);
      std::string where = f.part;
      if (f.line) where += fmt::format(" line {}, column {}", *f.line, *f.column);
      if (!f.pointer.empty()) where += " " + f.pointer;
      const std::string rule = options_.color ? fmt::format(fmt::fg(fmt::terminal_color::yellow), "{}", f.rule) : f.rule;
      line(fmt::format("  {}  {}: {}", where, rule, f.message));
    }
  }

  void count(const std::string& endpoint, std::size_t findings) {
    auto& row = by_endpoint_[endpoint.empty() ? std::string("(other hosts and paths)") : endpoint];
    ++row.first;
    row.second += findings;
  }

  std::size_t total() const noexcept { return total_; }

  void summary(std::size_t entries) const {
    if (options_.json) return;
    fmt::print("\n{} entr{}, {} finding{}\n", entries, entries == 1 ? "y" : "ies", total_, total_ == 1 ? "" : "s");
    fmt::print("{:<28} {:>8} {:>9}\n", "endpoint", "entries", "findings");
    for (const auto& [name, row] : by_endpoint_) fmt::print("{:<28} {:>8} {:>9}\n", name, row.first, row.second);
    if (by_rule_.empty()) return;
    fmt::print("{:<38} {:>9}\n", "rule", "findings");
    for (const auto& [rule, n] : by_rule_) fmt::print("{:<38} {:>9}\n", rule, n);
  }

 private:
  void heading(const inspect::Finding& f) {
    const std::string text = f.entry ? fmt::format("entry {}  {} {}  ({})", *f.entry, f.method, f.path, f.endpoint)
                                     : std::string("payload");
    line(options_.color ? fmt::format(fmt::emphasis::bold, "{}", text) : text);
  }

  static void line(const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fputc('\n', stdout);
  }

  const Options& options_;
  std::map<std::string, std::size_t> by_rule_;
  std::map<std::string, std::pair<std::size_t, std::size_t>> by_endpoint_;
  std::size_t total_ = 0;
};

// A bar on stderr for large captures when someone is watching; nothing otherwise.
class Progress {
 public:
  Progress(std::size_t total, bool shown) : total_(total), shown_(shown) {}
  void at(std::size_t offset) {
    if (!shown_) return;
    const std::size_t percent = offset * 100 / total_;
    if (percent == last_) return;
    last_ = percent;
    const std::size_t filled = percent * 40 / 100;
    fmt::print(stderr, "\r[{:=<{}}{: <{}}] {:3}%", "", filled, "", 40 - filled, percent);
    std::fflush(stderr);
  }
  ~Progress() {
    if (shown_) fmt::print(stderr, "\r{: <50}\r", "");
  }

 private:
  std::size_t total_;
  bool shown_;
  std::size_t last_ = 101;
};

int usage_error(std::string_view message) {
  fmt::print(stderr, "xbl-inspect: {}\nTry xbl-inspect --help.\n", message);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  options.color = isatty(STDOUT_FILENO) == 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      fmt::print("{}", help);
      for (auto name : xbl::model_names) fmt::print(" {}", name);
      fmt::print("\n{}", exit_help);
      return 0;
    }
    if (arg == "--json") options.json = true;
    else if (arg == "--lenient") options.lenient = true;
    else if (arg == "--show-secrets") options.show_secrets = true;
    else if (arg == "--no-color") options.color = false;
    else if (arg == "--type") {
      if (++i == argc) return usage_error("--type needs a type name");
      options.type = argv[i];
    } else if (arg.starts_with("-")) return usage_error(fmt::format("unknown option {}", arg));
    else if (options.file.empty()) options.file = arg;
    else return usage_error("one file at a time");
  }
  if (options.file.empty()) return usage_error("no file given");
  if (options.json) options.color = false;

  std::ifstream in(options.file, std::ios::binary);
  if (!in) return usage_error(fmt::format("cannot open {}", options.file));
  // One allocation of the file's size where the size is known (a pipe has none): a string grown as
  // it fills holds its old and new buffers at once, up to three times the file's size just past a
  // power of two, and the capture is the one large thing the inspector keeps.
  std::string text;
  if (const std::streamoff size = in.rdbuf()->pubseekoff(0, std::ios::end, std::ios::in); size > 0) {
    text.reserve(static_cast<std::size_t>(size));
    in.rdbuf()->pubseekoff(0, std::ios::beg, std::ios::in);
  }
  char chunk[1 << 16];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) text.append(chunk, static_cast<std::size_t>(in.gcount()));
  in.close();

  xbl::read_options body_options = options.lenient ? xbl::read_options::lenient() : xbl::read_options{};
  Report report(options);

  if (!options.type.empty()) {
    // A payload that is not JSON has nothing to check, as a capture that is not JSON has no entries:
    // exit status 2, not a json.syntax finding that a status of 1 would leave a script to tell apart
    // from a payload that is JSON of the wrong shape. Read to the end, so that a fault anywhere
    // counts, not only one the typed read reaches before it stops at a value of the wrong shape.
    if (const auto json = xbl::from_json<xbl::raw_json>(text, body_options); !json) {
      fmt::print(stderr, "xbl-inspect: {} is not a readable JSON payload: {}\n", options.file, json.error());
      return 2;
    }
    inspect::Checker checker(body_options);
    if (!checker.check_payload(options.type, text)) return usage_error(fmt::format("unknown type {}", options.type));
    report.entry(checker.findings, {});
    return report.total() ? 1 : 0;
  }

  Progress progress(text.size(), !options.json && isatty(STDERR_FILENO) == 1 && text.size() > (4u << 20));
  std::size_t entries = 0;
  // The capture is read one entry at a time: memory stays near the file's size however many entries.
  const auto read = xbl::for_each_element<inspect::HarEntry>(
      text, "/log/entries", [&](const inspect::HarEntry& entry, const xbl::element_position& at) {
        ++entries;
        inspect::Checker checker(body_options);
        const std::string endpoint = checker.check_entry(at.index, entry);
        std::vector<std::string> secrets;
        inspect::collect_secrets(entry.request.headers, secrets);
        inspect::collect_secrets(entry.response.headers, secrets);
        report.entry(checker.findings, secrets);
        report.count(endpoint, checker.findings.size());
        progress.at(at.end);
      });
  if (!read) {
    std::fflush(stdout);
    fmt::print(stderr, "xbl-inspect: {} is not a readable HAR capture: {}\n", options.file, read.error());
    return 2;
  }
  report.summary(entries);
  return report.total() ? 1 : 0;
}
