// policykg: the command-line entry point. Subcommands register themselves
// (cli/command.h); this file only builds the CLI11 app and runs it.
#include <algorithm>
#include <cstdio>

#include "cli/command.h"

namespace pkg::cli {

std::vector<CommandEntry>& CommandRegistry() {
  static std::vector<CommandEntry> registry;
  return registry;
}

static int g_exit_code = 0;
void SetExitCode(int code) { g_exit_code = code; }
int ExitCode() { return g_exit_code; }

void Fail(const std::string& message) {
  std::fprintf(stderr, "policykg: error: %s\n", message.c_str());
  SetExitCode(1);
}

}  // namespace pkg::cli

int main(int argc, char** argv) {
  CLI::App app{"PolicyKG: a policy knowledge graph engine", "policykg"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "policykg 0.1.0");
  auto& reg = pkg::cli::CommandRegistry();
  std::sort(reg.begin(), reg.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
  for (auto& entry : reg) entry.setup(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return pkg::cli::ExitCode();
}
