// Subcommand registry for the policykg binary.
//
// Each subcommand lives in its own file cli/<name>_command.cc and registers
// itself with a static PKG_REGISTER_COMMAND: main.cc knows none of them by
// name. A command's setup function adds a CLI11 subcommand and its callback;
// the callback sets the process exit code through SetExitCode.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace pkg::cli {

using CommandSetup = std::function<void(CLI::App& app)>;

struct CommandEntry {
  std::string name;
  int order;  // position in --help
  CommandSetup setup;
};

std::vector<CommandEntry>& CommandRegistry();

struct CommandRegistrar {
  CommandRegistrar(std::string name, int order, CommandSetup setup) {
    CommandRegistry().push_back({std::move(name), order, std::move(setup)});
  }
};

// Exit code of the process once the chosen command returns (default 0).
void SetExitCode(int code);
int ExitCode();

// Prints "policykg: error: <message>" to stderr and sets exit code 1.
void Fail(const std::string& message);

}  // namespace pkg::cli

#define PKG_REGISTER_COMMAND(name, order, fn) \
  static ::pkg::cli::CommandRegistrar pkg_cmd_registrar_##name(#name, order, fn)
