// xbl-inspect run as a program: the captures in tests/inspect (written by make_test_captures.py),
// the bundled examples/captures/session.har and a generated 100 MB capture, each run with its
// stdout and stderr captured (on pipes, or on a pseudo-terminal where the tool must see one) and
// its exit status and peak memory taken from wait4.
#include <doctest/doctest.h>
#include <fmt/core.h>
#include <xbl/xbl.hpp>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if !defined(XBL_INSPECT) || !defined(XBL_INSPECT_DATA_DIR) || !defined(XBL_SOURCE_ROOT) || !defined(XBL_PYTHON3)
#error "the build defines XBL_INSPECT, XBL_INSPECT_DATA_DIR, XBL_SOURCE_ROOT and XBL_PYTHON3"
#endif

namespace inspect_test {

// What `--json` writes for one finding. Read with unknown_keys = error: a key added, renamed or
// dropped in the tool's output fails the read.
struct Finding {
  std::optional<std::size_t> entry;
  std::string method;
  std::string path;
  std::string endpoint;
  std::string part;
  std::string pointer;
  std::string rule;
  std::string message;
  std::optional<std::size_t> line;
  std::optional<std::size_t> column;
  bool operator==(const Finding&) const = default;
};

}  // namespace inspect_test

template <>
struct xbl::meta<inspect_test::Finding> {
  using F = inspect_test::Finding;
  static constexpr auto fields = make_fields(
      field("entry", &F::entry), field("method", &F::method), field("path", &F::path), field("endpoint", &F::endpoint),
      field("part", &F::part), field("pointer", &F::pointer), field("rule", &F::rule), field("message", &F::message),
      field("line", &F::line), field("column", &F::column));
};

namespace {

using inspect_test::Finding;
namespace fs = std::filesystem;

// The secrets the captures here carry (tools/inspect/make_capture.py's TOKEN and SIGNATURE).
constexpr std::string_view token =
    "eyJlbmMiOiJBMTI4Q0JDK0hTMjU2IiwiYWxnIjoiUlNBLU9BRVAifQ.c2VjcmV0LXRva2VuLW5ldmVyLXByaW50ZWQ";
constexpr std::string_view signature = "AAAAAQHa1s0HbX3Vq2PWmJx0c2lnbmF0dXJlLW5ldmVyLXByaW50ZWQ=";

std::string test_file(std::string_view name) { return (fs::path(XBL_INSPECT_DATA_DIR) / name).string(); }
std::string source(std::string_view name) { return (fs::path(XBL_SOURCE_ROOT) / name).string(); }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot read " << path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool contains(std::string_view text, std::string_view what) { return text.find(what) != std::string_view::npos; }

// The token of long_token.har, longer than the 64 bytes the library quotes of a value.
std::string long_token() {
  const std::string har = slurp(test_file("long_token.har"));
  constexpr std::string_view before = "XBL3.0 x=3459289374829345723;";
  const auto at = har.find(before);
  REQUIRE(at != std::string::npos);
  const auto begin = at + before.size();
  return har.substr(begin, har.find('"', begin) - begin);
}

// The first 8 bytes of `secret` that stand in `text`, or nothing: a secret printed cut short, or in
// pieces, is still printed.
std::string leaked(std::string_view text, std::string_view secret) {
  for (std::size_t i = 0; i + 8 <= secret.size(); ++i)
    if (contains(text, secret.substr(i, 8))) return std::string(secret.substr(i, 8));
  return {};
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    lines.emplace_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

// Which of the child's stdout and stderr are a terminal rather than a pipe.
enum terminal : unsigned { none = 0, out_tty = 1, err_tty = 2 };

struct Run {
  int status = -1;  // the exit status; -1 when the program was killed
  std::string out;
  std::string err;
  long peak_rss_kb = 0;  // ru_maxrss of this child alone (wait4)
};

// One channel for the child's stdout or stderr: [0] the parent reads, [1] the child writes.
void open_channel(bool tty, int fds[2]) {
  if (tty) {
    termios raw{};
    cfmakeraw(&raw);  // no "\n" -> "\r\n": the bytes read are the bytes written
    REQUIRE(openpty(&fds[0], &fds[1], nullptr, &raw, nullptr) == 0);
  } else {
    REQUIRE(pipe(fds) == 0);
  }
}

Run run_program(const std::string& program, const std::vector<std::string>& args, unsigned terminals = none) {
  int out[2];
  int err[2];
  open_channel(terminals & out_tty, out);
  open_channel(terminals & err_tty, err);
  std::vector<std::string> words{program};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);

  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int null = open("/dev/null", O_RDONLY);
    if (null < 0 || dup2(null, 0) < 0 || dup2(out[1], 1) < 0 || dup2(err[1], 2) < 0) _exit(126);
    for (const int fd : {null, out[0], out[1], err[0], err[1]})
      if (fd > 2) close(fd);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  close(err[1]);

  Run r;
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  int open_fds = 2;
  std::vector<char> buffer(1 << 16);
  while (open_fds > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      FAIL("poll failed");
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = read(fds[i].fd, buffer.data(), buffer.size());
      if (n > 0) {
        sinks[i]->append(buffer.data(), static_cast<std::size_t>(n));
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else {  // end of a pipe, or EIO from a terminal whose other side is closed
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0) REQUIRE(errno == EINTR);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.peak_rss_kb = usage.ru_maxrss;
  return r;
}

Run inspect(const std::vector<std::string>& args, unsigned terminals = none) {
  return run_program(XBL_INSPECT, args, terminals);
}

std::vector<Finding> parse_json_lines(const std::string& out) {
  xbl::read_options options;
  options.unknown_keys = xbl::unknown_key_policy::error;
  std::vector<Finding> findings;
  for (const auto& line : lines_of(out)) {
    auto f = xbl::from_json<Finding>(line, options);
    REQUIRE_MESSAGE(f, "not a finding: " << line << "\n  " << (f ? std::string() : fmt::format("{}", f.error())));
    findings.push_back(*f);
  }
  return findings;
}

// "entry part pointer rule" (the pointer left out when it is the whole part), enough to tell findings apart.
std::vector<std::string> brief(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) {
    std::string s = f.entry ? std::to_string(*f.entry) : std::string("-");
    s += " " + f.part;
    if (!f.pointer.empty()) s += " " + f.pointer;
    s += " " + f.rule;
    out.push_back(std::move(s));
  }
  return out;
}

std::string join(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

// Runs a capture with --json and without; checks both agree with `expected` and returns the findings.
std::vector<Finding> check_capture(const std::string& file, const std::vector<std::string>& expected,
                                   std::vector<std::string> extra = {}) {
  auto args = extra;
  args.insert(args.begin(), file);
  args.push_back("--json");
  const Run json = inspect(args);
  const int want = expected.empty() ? 0 : 1;
  CHECK(json.status == want);
  CHECK(json.err.empty());
  const auto findings = parse_json_lines(json.out);
  CHECK(join(brief(findings)) == join(expected));

  args.pop_back();
  const Run human = inspect(args);
  CHECK(human.status == want);
  CHECK(human.err.empty());
  std::size_t finding_lines = 0;
  for (const auto& line : lines_of(human.out))
    if (line.starts_with("  ")) ++finding_lines;
  CHECK(finding_lines == expected.size());
  CHECK(contains(human.out, fmt::format(", {} finding{}\n", expected.size(), expected.size() == 1 ? "" : "s")));
  return findings;
}

const std::vector<std::string>& all_captures() {
  static const std::vector<std::string> files = [] {
    std::vector<std::string> v;
    for (const auto& e : fs::directory_iterator(XBL_INSPECT_DATA_DIR))
      if (e.path().extension() == ".har" || e.path().extension() == ".json") v.push_back(e.path().string());
    v.push_back(source("examples/captures/session.har"));
    std::sort(v.begin(), v.end());
    return v;
  }();
  return files;
}

// The arguments that check a file: a payload (.json) is read with --type.
std::vector<std::string> check_args(const std::string& file) {
  if (file.ends_with(".json")) return {"--type", "PermissionCheckBatchResponse", file};
  return {file};
}

struct TempDir {
  fs::path path;
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "xbl-inspect-test-XXXXXX").string();
    REQUIRE(mkdtemp(templ.data()) != nullptr);
    path = templ;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

}  // namespace

TEST_SUITE("xbl-inspect") {

TEST_CASE("a clean capture: no findings, exit 0, the summary table") {
  check_capture(test_file("clean.har"), {});
  const Run r = inspect({test_file("clean.har")});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "\n"
        "13 entries, 0 findings\n"
        "endpoint                      entries  findings\n"
        "(other hosts and paths)             3         0\n"
        "gamerpic.put                        1         0\n"
        "handles.post                        2         0\n"
        "presence.people                     4         0\n"
        "privacy.validate                    1         0\n"
        "privacy.validate.batch              2         0\n");
  // --json has no summary: nothing at all when nothing is found.
  const Run json = inspect({test_file("clean.har"), "--json"});
  CHECK(json.status == 0);
  CHECK(json.out.empty());
}

TEST_CASE("headers: missing, contract versions, malformed Authorization, wrong values") {
  check_capture(test_file("headers.har"), {
                                         "0 request.headers header.missing",
                                         "1 request.headers header.missing",
                                         "1 request.headers header.missing",
                                         "2 request.headers header.contract_version",
                                         "3 request.headers header.contract_version",
                                         "4 request.headers header.value",
                                         "5 request.headers header.authorization",
                                         "6 request.headers header.authorization",
                                         "7 request.headers header.authorization",
                                         "8 request.headers header.authorization",
                                         "9 request.headers header.missing",
                                         "10 request.headers header.contract_version",
                                         "11 request.headers header.value",
                                     });
  const Run r = inspect({test_file("headers.har")});
  const auto lines = lines_of(r.out);
  CHECK(std::vector<std::string>(lines.begin(), lines.begin() + 7) ==
        std::vector<std::string>{
            "entry 0  GET /users/me/groups/People  (presence.people)",
            "  request.headers  header.missing: missing required header Accept-Language",
            "entry 1  GET /users/me/groups/People  (presence.people)",
            "  request.headers  header.missing: missing required header Authorization",
            "  request.headers  header.missing: missing required header x-xbl-contract-version",
            "entry 2  POST /handles  (handles.post)",
            "  request.headers  header.contract_version: x-xbl-contract-version is \"103\", the models need 104 or "
            "later (the SDK sends 107)",
        });

  // A malformed Authorization is described, never quoted: not even --show-secrets puts the token in it.
  const auto shown = parse_json_lines(inspect({test_file("headers.har"), "--json", "--show-secrets"}).out);
  std::vector<std::string> messages;
  for (const auto& f : shown)
    if (f.rule == "header.authorization") {
      CHECK_FALSE(contains(f.message, token));
      CHECK_FALSE(contains(f.message, "<redacted>"));
      messages.push_back(f.message);
    }
  CHECK(messages == std::vector<std::string>{
                        "Authorization: expected ';' between the user hash and the token",
                        "Authorization: an Xbox Live authorization starts with \"XBL3.0 x=\"",
                        "Authorization: the user hash is empty",
                        "Authorization: the token is empty",
                    });
}

TEST_CASE("url: moniker, level, permission setting, target, requestor id") {
  const auto findings = check_capture(test_file("url.har"), {
                                                           "0 url url.moniker",
                                                           "1 url url.level",
                                                           "2 url enum.unknown",
                                                           "3 url url.setting",
                                                           "3 url url.target",
                                                           "4 url url.requestor_id",
                                                       });
  REQUIRE(findings.size() == 6);
  CHECK(findings[0].path == "/users/me/groups/people");
  CHECK(findings[0].message == "the only moniker the service accepts is People, not \"people\"");
  CHECK(findings[1].message == "level is user, device, title or all, not \"everything\"");
  CHECK(findings[2].message == "\"ViewTargetSocialClubs\" is not a known value of PermissionId");
  CHECK(findings[5].path == "/users/xuid(25332747x)/permission/validate");
  CHECK(findings[5].endpoint == "privacy.validate.batch");
}

TEST_CASE("handles: an invite context over 256 once URI-encoded, version, unknown type, no body") {
  check_capture(test_file("handles.har"), {
                                         "0 request.body /inviteAttributes/context context.max_uri_length",
                                         "0 response.body /inviteAttributes/context context.max_uri_length",
                                         "1 request.body /version handle.version",
                                         "2 request.body /type json.unknown_variant",
                                         "3 request.body body.missing",
                                     });
  const Run r = inspect({test_file("handles.har"), "--no-color"});
  CHECK(r.out ==
        "entry 0  POST /handles  (handles.post)\n"
        "  request.body /inviteAttributes/context  context.max_uri_length: 258 characters once URI-encoded, more "
        "than the 256 allowed\n"
        "  response.body /inviteAttributes/context  context.max_uri_length: 258 characters once URI-encoded, more "
        "than the 256 allowed\n"
        "entry 1  POST /handles  (handles.post)\n"
        "  request.body /version  handle.version: must be 1, is 2\n"
        "entry 2  POST /handles  (handles.post)\n"
        "  request.body line 1, column 21 /type  json.unknown_variant: \"party\" is not a known type (activity, "
        "invite, transfer)\n"
        "entry 3  POST /handles  (handles.post)\n"
        "  request.body  body.missing: a HandleRequest body was expected\n"
        "\n"
        "4 entries, 5 findings\n"
        "endpoint                      entries  findings\n"
        "handles.post                        4         5\n"
        "rule                                    findings\n"
        "body.missing                                   1\n"
        "context.max_uri_length                         2\n"
        "handle.version                                 1\n"
        "json.unknown_variant                           1\n");
}

TEST_CASE("presence: unknown enums, presence.level against the request's level, lastSeen with devices") {
  const auto findings = check_capture(test_file("presence.har"), {
                                                                "0 response.body /0/state enum.unknown",
                                                                "0 response.body /1/devices/0/type enum.unknown",
                                                                "1 response.body /0/devices/0/titles presence.level",
                                                                "1 response.body /1/devices/0/titles presence.level",
                                                                "2 response.body /0/devices/0/titles/0/activity presence.level",
                                                                "3 response.body /0 presence.last_seen_with_devices",
                                                            });
  REQUIRE(findings.size() == 6);
  CHECK(findings[0].message == "\"Busy\" is not a known value of PresenceState");
  CHECK(findings[1].message == "\"Win8\" is not a known value of DeviceType");
  CHECK(findings[2].message == "titles at level device");
  CHECK(findings[4].message == "activity at level title");  // no level in the URL: title, the service's default
}

TEST_CASE("privacy: batch.correlate and the permission rules") {
  check_capture(test_file("privacy.har"), {
                                         "0 response.body /responses/1 batch.correlate",
                                         "1 response.body /responses/1/permissions batch.correlate",
                                         "2 response.body permission.reasons",
                                         "3 request.body /users/0 permission_user.exactly_one",
                                         "3 request.body /permissions batch.non_empty",
                                         "3 response.body /responses/0 batch.correlate",
                                     });
  const Run r = inspect({test_file("privacy.har")});
  CHECK(r.out ==
        "entry 0  POST /users/me/permission/validate  (privacy.validate.batch)\n"
        "  response.body /responses/1  batch.correlate: 1 responses for the 2 users asked\n"
        "entry 1  POST /users/me/permission/validate  (privacy.validate.batch)\n"
        "  response.body /responses/1/permissions  batch.correlate: 2 results for the 3 permissions asked\n"
        "entry 2  GET /users/me/permission/validate  (privacy.validate)\n"
        "  response.body  permission.reasons: an allowed permission gives no reasons\n"
        "entry 3  POST /users/me/permission/validate  (privacy.validate.batch)\n"
        "  request.body /users/0  permission_user.exactly_one: a user is exactly one of xuid and anonymousUser\n"
        "  request.body /permissions  batch.non_empty: must not be empty\n"
        "  response.body /responses/0  batch.correlate: 0 responses for the 1 users asked\n"
        "\n"
        "4 entries, 6 findings\n"
        "endpoint                      entries  findings\n"
        "privacy.validate                    1         1\n"
        "privacy.validate.batch              3         5\n"
        "rule                                    findings\n"
        "batch.correlate                                3\n"
        "batch.non_empty                                1\n"
        "permission.reasons                             1\n"
        "permission_user.exactly_one                    1\n");
}

TEST_CASE("a body that is not JSON: json.* with the line and column within the body") {
  const auto findings = check_capture(test_file("syntax.har"), {
                                                              "0 response.body /0 json.syntax",
                                                              "1 request.body /permissions json.syntax",
                                                              "2 response.body json.syntax",
                                                              "3 response.body /0/xuid json.type_mismatch",
                                                              "4 response.body /0/state json.unexpected_end",
                                                          });
  REQUIRE(findings.size() == 5);
  const std::pair<std::size_t, std::size_t> at[] = {{4, 5}, {3, 39}, {2, 3}, {1, 11}, {1, 44}};
  for (std::size_t i = 0; i < 5; ++i) {
    CAPTURE(i);
    CHECK(findings[i].line == at[i].first);
    CHECK(findings[i].column == at[i].second);
  }
  const Run r = inspect({test_file("syntax.har")});
  CHECK(lines_of(r.out)[1] ==
        "  response.body line 4, column 5 /0  json.syntax: expected ',' or '}' after an object member, found '\"'");
  CHECK(lines_of(r.out)[5] == "  response.body line 2, column 3  json.syntax: comments are not JSON "
                              "(read_options::comments allows them)");

  // --lenient reads the comment and the trailing commas, and nothing else.
  check_capture(test_file("syntax.har"),
                {
                    "0 response.body /0 json.syntax",
                    "3 response.body /0/xuid json.type_mismatch",
                    "4 response.body /0/state json.unexpected_end",
                },
                {"--lenient"});
}

TEST_CASE("base64 bodies: decoded before they are read; one that does not decode is a finding") {
  check_capture(test_file("base64.har"), {
                                        "2 response.body /0/devices presence.level",
                                        "2 response.body /1/devices presence.level",
                                        "3 request.body body.base64",
                                        "4 response.body body.base64",
                                    });
}

TEST_CASE("gamerpic: PNG header and dimensions") {
  const auto findings = check_capture(test_file("gamerpic.har"), {
                                                                "0 request.body gamerpic.dimensions",
                                                                "1 request.body gamerpic.png",
                                                                "2 request.body gamerpic.png",
                                                                "3 request.body body.missing",
                                                            });
  REQUIRE(findings.size() == 4);
  CHECK(findings[0].message == "a gamerpic is 1080 x 1080, this image is 512 x 512");
  CHECK(findings[1].message == "not a PNG: the signature is 89 50 4E 47 0D 0A 1A 0A");
  CHECK(findings[2].message == "the IHDR chunk's CRC-32 does not match its contents");
}

TEST_CASE("a HAR that is not JSON: exit 2, the line and column on stderr, nothing on stdout") {
  for (const std::vector<std::string>& extra : {std::vector<std::string>{}, {"--json"}, {"--lenient"}}) {
    auto args = extra;
    args.insert(args.begin(), test_file("not_json.har"));
    const Run r = inspect(args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "xbl-inspect: " + test_file("not_json.har") +
                       " is not a readable HAR capture: line 5, column 32 (/log/entries/0/request): trailing comma "
                       "before '}' (read_options::trailing_commas allows it)\n");
  }
}

TEST_CASE("a HAR without log.entries: exit 2") {
  const Run r = inspect({test_file("no_entries.har")});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "xbl-inspect: " + test_file("no_entries.har") +
                     " is not a readable HAR capture: line 1, column 81 (/log): missing member \"entries\"\n");
}

TEST_CASE("a HAR cut short: the findings of the entries before the cut, then exit 2") {
  const std::string cut = test_file("cut.har");
  const std::string fault = "xbl-inspect: " + cut +
                            " is not a readable HAR capture: line 190, column 35 (/log/entries/2/comment): the text "
                            "ends inside a string\n";
  const Run r = inspect({cut});
  CHECK(r.status == 2);
  CHECK(r.out ==
        "entry 0  GET /users/me/groups/People  (presence.people)\n"
        "  request.headers  header.missing: missing required header Accept-Language\n"
        "entry 1  GET /users/me/groups/people  (presence.people)\n"
        "  url  url.moniker: the only moniker the service accepts is People, not \"people\"\n");
  CHECK(r.err == fault);
  const Run json = inspect({cut, "--json"});
  CHECK(json.status == 2);
  CHECK(brief(parse_json_lines(json.out)) ==
        std::vector<std::string>{"0 request.headers header.missing", "1 url url.moniker"});
  CHECK(json.err == fault);
}

TEST_CASE("--type on a payload that is not JSON: exit 2, the fault on stderr, nothing on stdout") {
  const std::string cut = test_file("batch_response_cut.json");
  const std::string cut_fault =
      "line 33, column 25 (/responses/1/permissions/1/reasons/0/reason): expected a value but the text ended";
  const std::string commented = test_file("batch_response_lenient.json");
  const std::string comment_fault = "line 2, column 3: comments are not JSON (read_options::comments allows them)";
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--type", "PermissionCheckBatchResponse", cut}, cut_fault},
      {{"--type", "PermissionCheckBatchResponse", cut, "--json"}, cut_fault},
      {{"--type", "PermissionCheckBatchResponse", cut, "--lenient"}, cut_fault},
      // Read to the end: the comment counts, though the typed read would stop at the first '{'.
      {{"--type", "PresenceRecord[]", commented}, comment_fault},
      {{"--type", "PresenceRecord[]", commented, "--json"}, comment_fault},
  };
  for (const auto& c : cases) {
    CAPTURE(join(c.first));
    const Run r = inspect(c.first);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "xbl-inspect: " + c.first[2] + " is not a readable JSON payload: " + c.second + "\n");
  }
  // JSON, but not of the type: that is a finding, exit 1.
  const Run wrong = inspect({"--type", "PresenceRecord[]", test_file("batch_response.json")});
  CHECK(wrong.status == 1);
  CHECK(wrong.err.empty());
  CHECK(lines_of(wrong.out)[1] == "  payload line 1, column 1  json.type_mismatch: expected an array, found an object");
}

TEST_CASE("usage errors: exit 2 and a pointer to --help") {
  const std::vector<std::vector<std::string>> cases = {
      {},
      {test_file("clean.har"), "--bogus"},
      {test_file("clean.har"), test_file("url.har")},
      {test_file("no-such-file.har")},
      {"--type"},
      {"--type", "NoSuchModel", test_file("batch_response.json")},
      {"--type", "PermissionCheckBatchResponse", test_file("no-such-file.json")},
  };
  for (const auto& args : cases) {
    CAPTURE(join(args));
    const Run r = inspect(args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with("xbl-inspect: "));
    CHECK(r.err.ends_with("\nTry xbl-inspect --help.\n"));
  }
}

TEST_CASE("--help: exit 0, every option and every --type name") {
  for (const char* flag : {"--help", "-h"}) {
    const Run r = inspect({flag});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.starts_with("usage: xbl-inspect CAPTURE.har [options]\n"));
    for (const char* option : {"--json", "--type TYPE", "--lenient", "--show-secrets", "--no-color", "--help"})
      CHECK_MESSAGE(contains(r.out, std::string("\n  ") + option + " "), option);
    for (const auto name : xbl::model_names) CHECK_MESSAGE(contains(r.out, " " + std::string(name)), name);
    CHECK(contains(r.out, "exit status: 0 nothing found, 1 findings, 2 "));
    CHECK(contains(r.out, "A capture cut short has the findings of the entries before the cut"));
    CHECK(contains(r.out, "any 8 or more bytes of one"));
  }
}

TEST_CASE("--json: one object per finding and line, the key set fixed") {
  for (const auto& file : all_captures()) {
    CAPTURE(file);
    auto args = check_args(file);
    args.push_back("--json");
    const Run json = inspect(args);
    if (json.status == 2) continue;  // not a capture
    const auto findings = parse_json_lines(json.out);
    CHECK(json.status == (findings.empty() ? 0 : 1));
    CHECK(json.out.find('\x1b') == std::string::npos);
    for (const auto& f : findings) {
      CHECK(!f.rule.empty());
      CHECK(!f.part.empty());
      CHECK((f.pointer.empty() || f.pointer.starts_with("/")));
      CHECK(f.line.has_value() == f.column.has_value());
      CHECK(f.line.has_value() == f.rule.starts_with("json."));
      CHECK(f.entry.has_value() == !file.ends_with(".json"));
    }
    // The same findings as the human report, which has one indented line for each.
    args.pop_back();
    std::size_t finding_lines = 0;
    for (const auto& line : lines_of(inspect(args).out))
      if (line.starts_with("  ")) ++finding_lines;
    CHECK(finding_lines == findings.size());
  }
  // A key the tool does not write is an error for this reader, as is a missing one.
  xbl::read_options options;
  options.unknown_keys = xbl::unknown_key_policy::error;
  CHECK_FALSE(xbl::from_json<Finding>(R"({"entry":0,"method":"GET","path":"/","endpoint":"e","part":"url",)"
                                      R"("pointer":"","rule":"r","message":"m","severity":"x"})",
                                      options));
  CHECK_FALSE(xbl::from_json<Finding>(R"({"entry":0,"method":"GET","path":"/","endpoint":"e","part":"url",)"
                                      R"("pointer":"","rule":"r"})",
                                      options));
}

TEST_CASE("--type PermissionCheckBatchResponse FILE checks one payload") {
  const Run r = inspect({"--type", "PermissionCheckBatchResponse", test_file("batch_response.json")});
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "payload\n"
        "  payload /responses/0/permissions/1  permission.reasons: an allowed permission gives no reasons\n"
        "  payload /responses/1/permissions/1/reasons/0/reason  enum.unknown: \"PrivilegeRest\" is not a known value "
        "of DenyReason\n");
  const Run json = inspect({"--type", "PermissionCheckBatchResponse", test_file("batch_response.json"), "--json"});
  CHECK(json.status == 1);
  const auto findings = parse_json_lines(json.out);
  CHECK(brief(findings) == std::vector<std::string>{
                               "- payload /responses/0/permissions/1 permission.reasons",
                               "- payload /responses/1/permissions/1/reasons/0/reason enum.unknown",
                           });
  for (const auto& f : findings) {
    CHECK_FALSE(f.entry);
    CHECK(f.method.empty());
    CHECK(f.path.empty());
    CHECK(f.endpoint.empty());
  }
  // The options may come in any order.
  CHECK(inspect({"--json", test_file("batch_response.json"), "--type", "PermissionCheckBatchResponse"}).out == json.out);
}

TEST_CASE("--type with --lenient") {
  const std::vector<std::string> args = {"--type", "PermissionCheckBatchResponse", test_file("batch_response_lenient.json")};
  const Run strict = inspect(args);
  CHECK(strict.status == 2);
  CHECK(strict.out.empty());
  CHECK(strict.err == "xbl-inspect: " + args.back() +
                          " is not a readable JSON payload: line 2, column 3: comments are not JSON "
                          "(read_options::comments allows them)\n");
  auto lenient_args = args;
  lenient_args.push_back("--lenient");
  const Run lenient = inspect(lenient_args);
  CHECK(lenient.status == 0);
  CHECK(lenient.out.empty());
  CHECK(lenient.err.empty());
  // The same payload is no PresenceRecord[]: --lenient reads it, the type still does not fit.
  const Run wrong = inspect({"--type", "PresenceRecord[]", test_file("batch_response_lenient.json"), "--lenient", "--json"});
  CHECK(wrong.status == 1);
  CHECK(brief(parse_json_lines(wrong.out)) == std::vector<std::string>{"- payload json.type_mismatch"});
}

TEST_CASE("tokens and signatures never appear in any output without --show-secrets") {
  const std::vector<std::vector<std::string>> modes = {{}, {"--json"}, {"--lenient"}, {"--json", "--lenient"}};
  const std::string long_secret = long_token();
  for (const auto& file : all_captures()) {
    for (const auto& mode : modes) {
      auto args = check_args(file);
      args.insert(args.end(), mode.begin(), mode.end());
      CAPTURE(join(args));
      const Run r = inspect(args);
      for (const std::string_view secret : {token, signature, std::string_view(long_secret)}) {
        CHECK(leaked(r.out, secret) == "");
        CHECK(leaked(r.err, secret) == "");
      }
    }
  }
  // Where a finding quotes a secret, the secret is replaced and the rest stays.
  const auto findings = parse_json_lines(inspect({test_file("leak.har"), "--json"}).out);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message ==
        "x-xbl-contract-version is \"XBL3.0 x=3459289374829345723;<redacted>\", the models need 3 or later (the SDK "
        "sends 3)");
  CHECK(findings[1].message == "\"<redacted>\" is not a known value of PermissionId");
}

TEST_CASE("--show-secrets shows the secrets a finding quotes, and changes nothing else") {
  const Run shown = inspect({test_file("leak.har"), "--show-secrets"});
  CHECK(shown.status == 1);
  CHECK(contains(shown.out, std::string("x-xbl-contract-version is \"XBL3.0 x=3459289374829345723;") +
                                std::string(token) + "\""));
  CHECK(contains(shown.out, "\"" + std::string(signature) + "\" is not a known value of PermissionId"));
  const auto json = parse_json_lines(inspect({test_file("leak.har"), "--json", "--show-secrets"}).out);
  REQUIRE(json.size() == 2);
  CHECK(contains(json[0].message, token));
  CHECK(contains(json[1].message, signature));

  // Each secret as the captures print it: whole, or (the long token) cut at 64 bytes.
  const std::string long_secret = long_token();
  auto redact = [&](std::string text) {
    for (const std::string_view secret :
         {token, signature, std::string_view(long_secret), std::string_view(long_secret).substr(0, 64)})
      for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at))
        text.replace(at, secret.size(), "<redacted>");
    return text;
  };
  for (const auto& file : all_captures()) {
    if (file == test_file("short_token.har")) continue;  // its own test case compares the two
    for (const std::vector<std::string>& mode : {std::vector<std::string>{}, {"--json"}}) {
      auto args = check_args(file);
      args.insert(args.end(), mode.begin(), mode.end());
      CAPTURE(join(args));
      const Run hidden = inspect(args);
      args.push_back("--show-secrets");
      const Run with = inspect(args);
      CHECK(with.status == hidden.status);
      CHECK(redact(with.out) == hidden.out);
      CHECK(redact(with.err) == hidden.err);
    }
  }
}

TEST_CASE("a token longer than the 64 bytes the library quotes: no 8 bytes of it in any output") {
  const std::string secret = long_token();
  REQUIRE(secret.size() == 200);
  const auto findings = check_capture(test_file("long_token.har"), {
                                                                     "0 response.body /0/state enum.unknown",
                                                                     "1 response.body /1/xuid json.invalid_value",
                                                                     "2 request.body /type json.unknown_variant",
                                                                     "3 request.headers header.contract_version",
                                                                 });
  REQUIRE(findings.size() == 4);
  CHECK(findings[0].message == "\"<redacted>\"... (200 bytes) is not a known value of PresenceState");
  CHECK(findings[1].message == "a XUID is at most 64 characters long, not \"<redacted>\"... (200 bytes)");
  CHECK(findings[2].message == "\"<redacted>\"... (200 bytes) is not a known type (activity, invite, transfer)");
  CHECK(findings[3].message ==
        "x-xbl-contract-version is \"XBL3.0 x=3459289374829345723;<redacted>\", the models need 3 or later (the SDK "
        "sends 3)");
  const Run human = inspect({test_file("long_token.har")});
  CHECK(lines_of(human.out)[1] ==
        "  response.body /0/state  enum.unknown: \"<redacted>\"... (200 bytes) is not a known value of PresenceState");
  for (const std::vector<std::string>& mode : {std::vector<std::string>{}, {"--json"}}) {
    auto args = mode;
    args.insert(args.begin(), test_file("long_token.har"));
    CAPTURE(join(args));
    const Run hidden = inspect(args);
    CHECK(hidden.status == 1);
    CHECK(leaked(hidden.out + hidden.err, secret) == "");
    // --show-secrets prints what the library quotes (the first 64 bytes) and the header quoted whole.
    args.push_back("--show-secrets");
    const Run shown = inspect(args);
    CHECK(shown.status == 1);
    CHECK(contains(shown.out, secret.substr(0, 64) + (mode.empty() ? "\"... (200 bytes)" : "\\\"... (200 bytes)")));
    CHECK(contains(shown.out, secret));
  }
}

TEST_CASE("a token shorter than 8 bytes: redacted where a message quotes it whole, and nowhere else") {
  // Every 't' printed as <redacted> would be the one-byte token found in every word that has one.
  const Run r = inspect({test_file("short_token.har")});
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "entry 0  GET /users/me/groups/People  (presence.people)\n"
        "  request.headers  header.missing: missing required header Accept-Language\n"
        "  response.body /0/state  enum.unknown: \"<redacted>\" is not a known value of PresenceState\n"
        "\n"
        "1 entry, 2 findings\n"
        "endpoint                      entries  findings\n"
        "presence.people                     1         2\n"
        "rule                                    findings\n"
        "enum.unknown                                   1\n"
        "header.missing                                 1\n");
  const auto json = parse_json_lines(inspect({test_file("short_token.har"), "--json"}).out);
  REQUIRE(json.size() == 2);
  CHECK(json[0].message == "missing required header Accept-Language");
  CHECK(json[1].pointer == "/0/state");
  CHECK(json[1].message == "\"<redacted>\" is not a known value of PresenceState");

  const Run shown = inspect({test_file("short_token.har"), "--show-secrets"});
  CHECK(shown.status == 1);
  std::string expected = r.out;
  expected.replace(expected.find("\"<redacted>\""), 12, "\"t\"");
  CHECK(shown.out == expected);
}

TEST_CASE("objects of 150,000 unknown members, in the HAR and in a body: read in linear time, a repeat still found") {
  // Any byte a capture holds may be an unknown member. Each is checked against the ones before it
  // through a hash table: comparing with every earlier key took minutes here, and this suite's
  // meson timeout is two minutes.
  const std::string clean = slurp(test_file("clean.har"));
  const Run expected = inspect({test_file("clean.har")});
  REQUIRE(expected.status == 0);
  constexpr int members = 150'000;
  auto unknown = [](std::string_view quote, int count) {
    std::string s;
    for (int i = 0; i < count; ++i) s += fmt::format("{}u{}{}:{},", quote, i, quote, i);
    return s;
  };
  const std::string log_open = "\"log\": {", body_open = "\"text\": \"{\\\"version\\\":1,\\\"type\\\":\\\"activity\\\"";
  REQUIRE(contains(clean, log_open));
  REQUIRE(contains(clean, body_open));
  auto with_members = [&](const std::string& body_members) {
    std::string har = clean;
    har.insert(har.find(log_open) + log_open.size(), unknown("\"", members));
    const std::size_t body = har.find(body_open) + std::string_view("\"text\": \"{").size();
    har.insert(body, body_members);
    return har;
  };
  TempDir dir;
  const std::string big = (dir.path / "unknown.har").string(), repeat = (dir.path / "repeat.har").string();
  std::ofstream(big) << with_members(unknown("\\\"", members));
  std::ofstream(repeat) << with_members(unknown("\\\"", members) + "\\\"u0\\\":1,");
  REQUIRE(fs::file_size(big) > 4'000'000);

  // Unknown members are kept, not findings: the report is the clean capture's.
  const Run r = inspect({big});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == expected.out);

  const Run twice = inspect({repeat, "--json"});
  CHECK(twice.status == 1);
  const auto findings = parse_json_lines(twice.out);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "json.duplicate_key");
  CHECK(contains(findings[0].message, "\"u0\" appears twice"));
}

TEST_CASE("colour only on a terminal; no progress bar for a small capture") {
  const Run piped = inspect({test_file("privacy.har")});
  CHECK(piped.out.find('\x1b') == std::string::npos);

  const Run tty = inspect({test_file("privacy.har")}, out_tty | err_tty);
  CHECK(tty.status == 1);
  CHECK(tty.err.empty());  // a capture this small has no progress bar
  CHECK(contains(tty.out, "\x1b["));
  // Take the escapes out and it is the piped report.
  std::string plain;
  for (std::size_t i = 0; i < tty.out.size(); ++i) {
    if (tty.out[i] == '\x1b') {
      while (i < tty.out.size() && tty.out[i] != 'm') ++i;
      continue;
    }
    plain += tty.out[i];
  }
  CHECK(plain == piped.out);

  CHECK(inspect({test_file("privacy.har"), "--no-color"}, out_tty).out == piped.out);
  const Run json = inspect({test_file("privacy.har"), "--json"}, out_tty);
  CHECK(json.out.find('\x1b') == std::string::npos);
  CHECK(json.out == inspect({test_file("privacy.har"), "--json"}).out);
}

TEST_CASE("the bundled examples/captures/session.har: its deliberate faults, and no token") {
  const std::string session = source("examples/captures/session.har");
  const auto findings = check_capture(session, {
                                                   "2 request.body /inviteAttributes/context context.max_uri_length",
                                                   "2 response.body /inviteAttributes/context context.max_uri_length",
                                                   "3 response.body /1/devices presence.level",
                                                   "7 request.body /permissions/2 enum.unknown",
                                                   "7 response.body /responses/2 batch.correlate",
                                               });
  REQUIRE(findings.size() == 5);
  CHECK(findings[0].message == "720 characters once URI-encoded, more than the 256 allowed");
  CHECK(findings[3].message == "\"ViewTargetSocialClubs\" is not a known value of PermissionId");
  CHECK(findings[4].message == "2 responses for the 3 users asked");

  const Run r = inspect({session});
  CHECK(r.out ==
        "entry 2  POST /handles  (handles.post)\n"
        "  request.body /inviteAttributes/context  context.max_uri_length: 720 characters once URI-encoded, more "
        "than the 256 allowed\n"
        "  response.body /inviteAttributes/context  context.max_uri_length: 720 characters once URI-encoded, more "
        "than the 256 allowed\n"
        "entry 3  GET /users/me/groups/People  (presence.people)\n"
        "  response.body /1/devices  presence.level: devices at level user\n"
        "entry 7  POST /users/me/permission/validate  (privacy.validate.batch)\n"
        "  request.body /permissions/2  enum.unknown: \"ViewTargetSocialClubs\" is not a known value of "
        "PermissionId\n"
        "  response.body /responses/2  batch.correlate: 2 responses for the 3 users asked\n"
        "\n"
        "11 entries, 5 findings\n"
        "endpoint                      entries  findings\n"
        "(other hosts and paths)             2         0\n"
        "gamerpic.put                        1         0\n"
        "handles.post                        2         2\n"
        "presence.people                     4         1\n"
        "privacy.validate                    1         0\n"
        "privacy.validate.batch              1         2\n"
        "rule                                    findings\n"
        "batch.correlate                                1\n"
        "context.max_uri_length                         2\n"
        "enum.unknown                                   1\n"
        "presence.level                                 1\n");
  // The capture carries the token (and the handles' signature) in its headers; no output shows them.
  const std::string har = slurp(session);
  CHECK(contains(har, token));
  CHECK(contains(har, signature));
  for (const auto& args : {std::vector<std::string>{session}, {session, "--json"}}) {
    const Run run = inspect(args);
    CHECK_FALSE(contains(run.out + run.err, token));
    CHECK_FALSE(contains(run.out + run.err, signature));
  }
}

TEST_CASE("the bundled capture and the test captures are what their scripts write") {
  TempDir dir;
  const Run session = run_program(XBL_PYTHON3, {source("tools/inspect/make_capture.py"), "session",
                                                (dir.path / "session.har").string()});
  REQUIRE(session.status == 0);
  CHECK(slurp((dir.path / "session.har").string()) == slurp(source("examples/captures/session.har")));

  const Run tests = run_program(XBL_PYTHON3, {test_file("make_test_captures.py"), dir.path.string()});
  REQUIRE_MESSAGE(tests.status == 0, tests.err);
  std::size_t compared = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) {
    if (e.path().filename() == "session.har") continue;
    CAPTURE(e.path().filename().string());
    CHECK(slurp(e.path().string()) == slurp(test_file(e.path().filename().string())));
    ++compared;
  }
  CHECK(compared == all_captures().size() - 1);  // every committed capture and payload but session.har
}

}  // TEST_SUITE("xbl-inspect")

TEST_SUITE("large") {

TEST_CASE("a 100 MB capture: the tool finishes in under twice the file's size of memory") {
  TempDir dir;
  const std::string har = (dir.path / "large.har").string();
  const auto t0 = std::chrono::steady_clock::now();
  const Run made = run_program(XBL_PYTHON3, {source("tools/inspect/make_capture.py"), "large", har, "--mb", "100"});
  REQUIRE_MESSAGE(made.status == 0, made.err);
  const auto size = fs::file_size(har);
  REQUIRE(size >= 100'000'000);
  const auto t1 = std::chrono::steady_clock::now();

  // Both streams on pipes: the report and nothing on stderr (no progress bar off a terminal).
  const Run r = inspect({har});
  const auto t2 = std::chrono::steady_clock::now();
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 4);
  CHECK(lines[1].ends_with(" entries, 0 findings"));
  CHECK(lines[3].starts_with("presence.people "));
  const long limit_kb = static_cast<long>(2 * size / 1024);
  CHECK_MESSAGE(r.peak_rss_kb < limit_kb, "peak RSS " << r.peak_rss_kb << " KiB for a " << size << "-byte capture");

  // stderr on a terminal: a progress bar there, the same report on stdout.
  const Run tty = inspect({har}, err_tty);
  CHECK(tty.status == 0);
  CHECK(tty.out == r.out);
  CHECK(tty.err.starts_with("\r["));
  CHECK(contains(tty.err, "%"));
  CHECK(tty.err.ends_with("\r" + std::string(50, ' ') + "\r"));  // the bar wiped when done
  CHECK(tty.peak_rss_kb < limit_kb);
  const auto t3 = std::chrono::steady_clock::now();

  using seconds = std::chrono::duration<double>;
  std::printf("large capture: %llu bytes, written in %.1f s; xbl-inspect %.1f s, peak RSS %ld KiB (%.2f x the file); "
              "again with a progress bar %.1f s, peak RSS %ld KiB\n",
              static_cast<unsigned long long>(size), seconds(t1 - t0).count(), seconds(t2 - t1).count(),
              r.peak_rss_kb, static_cast<double>(r.peak_rss_kb) * 1024 / static_cast<double>(size),
              seconds(t3 - t2).count(), tty.peak_rss_kb);
}

}  // TEST_SUITE("large")
