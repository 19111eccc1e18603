// print_payload: read one payload as a model type, print it back as JSON, and list what breaks
// the services' rules.
//
//   print_payload [--lenient] [--pretty] TYPE FILE.json
//
// TYPE is a model name such as PresenceRecord[] or PermissionCheckBatchResponse.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include <fmt/core.h>
#include <xbl/xbl.hpp>

namespace {

int usage() {
  fmt::print(stderr, "usage: print_payload [--lenient] [--pretty] TYPE FILE.json\ntypes:");
  for (auto name : xbl::model_names) fmt::print(stderr, " {}", name);
  fmt::print(stderr, "\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  xbl::read_options read;
  read.unknown_keys = xbl::unknown_key_policy::keep;  // print back everything that was read
  xbl::write_options write;
  std::string_view type, path;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--lenient") {
      read.comments = read.trailing_commas = read.unquoted_keys = true;
    } else if (arg == "--pretty") {
      write.pretty = true;
    } else if (type.empty()) {
      type = arg;
    } else if (path.empty()) {
      path = arg;
    } else {
      return usage();
    }
  }
  if (path.empty()) return usage();

  std::ifstream file{std::string(path), std::ios::binary};
  if (!file) {
    fmt::print(stderr, "{}: cannot open\n", path);
    return 2;
  }
  const std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};

  int status = 0;
  const bool known = xbl::with_model(type, [&](auto model) {
    using T = typename decltype(model)::type;
    const auto value = xbl::from_json<T>(text, read);
    if (!value) {
      fmt::print(stderr, "{}: {}\n", path, value.error());
      status = 2;
      return;
    }
    fmt::print("{}\n", xbl::to_json(*value, write));
    const auto violations = xbl::validate(*value);
    for (const auto& v : violations) fmt::print("{}\n", v);
    fmt::print("{} violation{}\n", violations.size(), violations.size() == 1 ? "" : "s");
    status = violations.empty() ? 0 : 1;
  });
  if (!known) {
    fmt::print(stderr, "unknown type {}\n", type);
    return usage();
  }
  return status;
}
