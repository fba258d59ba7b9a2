// Runs the built policykg binary (PKG_BINARY) for the cli tests: its exit
// code and its output, standard error after a "--stderr--" line.
#pragma once

#include <array>
#include <cstdio>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

namespace pkg_cli_test {

struct Run {
  int code = -1;
  std::string out;  // stdout and stderr, stderr after "--stderr--"
};

inline std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline Run Policykg(const std::string& args) {
  std::string err_file = "/tmp/pkg_cli_" + std::to_string(getpid()) + ".err";
  std::string cmd = std::string(PKG_BINARY) + " " + args + " 2>" + err_file;
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf;
  for (size_t n; (n = fread(buf.data(), 1, buf.size(), p)) > 0;) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  r.out += "--stderr--\n" + std::string(std::istreambuf_iterator<char>(err), {});
  std::remove(err_file.c_str());
  return r;
}


}  // namespace pkg_cli_test
