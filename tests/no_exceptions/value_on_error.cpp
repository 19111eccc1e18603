// result::value() on an error. Where exceptions are on it throws xbl::bad_result carrying the
// error. Where they are off (-fno-exceptions) it must end the program, with SIGABRT, after writing
// "xbl: " and the error's message to stderr: that is done in a child process whose stderr is read
// through a pipe, since it cannot be done in the process that checks it.
//
// Exit status: 0 passed, 1 failed, 77 skipped (no fork on this system; meson's code for a skip).
#include <xbl/xbl.hpp>

#include <cstdio>
#include <string>

#if !defined(__cpp_exceptions) && __has_include(<sys/wait.h>)
#include <csignal>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace {

int failed(const char* what) {
  std::fprintf(stderr, "FAILED: %s\n", what);
  return 1;
}

}  // namespace

int main() {
  const auto r = xbl::from_json<std::string>("\"abc");
  if (r.has_value() || r.error().message.empty()) return failed("an unterminated string was read");

#if defined(__cpp_exceptions)
  try {
    (void)r.value();
  } catch (const xbl::bad_result& e) {
    if (!(e.error() == r.error()) || e.what() != r.error().message) return failed("bad_result carries another error");
    return 0;
  }
  return failed("value() returned");
#elif __has_include(<sys/wait.h>)
  const std::string expected = "xbl: " + r.error().message + "\n";
  int fds[2];
  if (pipe(fds) != 0) return failed("pipe");
  const pid_t child = fork();
  if (child < 0) return failed("fork");
  if (child == 0) {
    const rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    dup2(fds[1], STDERR_FILENO);
    close(fds[0]);
    close(fds[1]);
    (void)r.value();
    _exit(0);
  }
  close(fds[1]);
  std::string written;
  char buf[512];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) written.append(buf, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  if (waitpid(child, &status, 0) != child) return failed("waitpid");
  if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGABRT) return failed("value() did not end the program with SIGABRT");
  if (written != expected) {
    std::fprintf(stderr, "stderr was:\n%s\nnot:\n%s", written.c_str(), expected.c_str());
    return failed("value() wrote another message");
  }
  return 0;
#else
  return 77;
#endif
}
