// `policykg extract`: runs the built binary (PKG_BINARY) on the shipped test
// documents; --jobs changes how many are extracted at once, never the bytes
// or their order, and a bad file is reported in its place without stopping
// the others.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "tests/cli/run_policykg.h"

using pkg_cli_test::Policykg;
using pkg_cli_test::Quote;

TEST_CASE("policykg extract: the same output, in file order, whatever --jobs") {
  namespace fs = std::filesystem;
  std::string files;
  int n = 0;
  for (const auto& e : fs::recursive_directory_iterator(std::string(PKG_TEST_DIR) + "/corpus")) {
    if (e.path().extension() != ".txt" || n >= 12) continue;
    files += " " + Quote(e.path().string());
    ++n;
  }
  REQUIRE(n >= 6);
  // A missing file between good ones: reported, the others still extracted.
  std::string with_missing = files + " /nonexistent/policy.txt" + files;
  auto one = Policykg("extract --jobs 1" + with_missing);
  auto three = Policykg("extract --jobs 3" + with_missing);
  auto many = Policykg("extract -j 16" + with_missing);
  CHECK(one.code == 1);
  CHECK(three.code == 1);
  CHECK(many.code == 1);
  CHECK(one.out.find("\"kind\":\"node\"") != std::string::npos);
  CHECK(one.out.find("/nonexistent/policy.txt: cannot open") != std::string::npos);
  CHECK(three.out == one.out);
  CHECK(many.out == one.out);
  // The document nodes come in the order of the files.
  auto first = one.out.find("\"type\":\"Document\"");
  auto second = one.out.find("\"type\":\"Document\"", first + 1);
  CHECK(first < second);
  auto bad = Policykg("extract --jobs 999 " + Quote(std::string(PKG_TEST_DIR) + "/corpus/README.md"));
  CHECK(bad.code != 0);
  CHECK(bad.out.find("jobs") != std::string::npos);
}

TEST_CASE("policykg extract: a folder stands for its files, and devices are refused rather than read forever") {
  std::string dir = std::string(PKG_TEST_DIR) + "/corpus/news";
  namespace fs = std::filesystem;
  std::vector<std::string> names;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string n = e.path().filename().string();
    // A folder's statement files (the gold .jsonl here) are no text to extract.
    if (e.is_regular_file() && e.path().extension() == ".txt" && n[0] != '.') names.push_back(e.path().string());
  }
  std::sort(names.begin(), names.end());
  REQUIRE(!names.empty());
  std::string listed;
  for (const auto& n : names) listed += " " + Quote(n);
  auto by_folder = Policykg("extract -j 2 " + Quote(dir));
  auto by_files = Policykg("extract -j 2" + listed);
  CHECK(by_folder.out == by_files.out);
  CHECK(by_folder.code == by_files.code);
  auto dev = Policykg("extract /dev/null");
  CHECK(dev.code == 1);
  CHECK(dev.out.find("/dev/null: not a regular file") != std::string::npos);
}

TEST_CASE("policykg extract: a file over the size limit is refused before it is read") {
  namespace fs = std::filesystem;
  // A sparse file: 65 MiB long, almost no disk.
  fs::path big = fs::temp_directory_path() / ("pkg_extract_big_" + std::to_string(::getpid()) + ".txt");
  { std::ofstream(big, std::ios::binary) << "x"; }
  fs::resize_file(big, (65u << 20));
  auto r = Policykg("extract " + Quote(big.string()));
  fs::remove(big);
  CHECK(r.code == 1);
  CHECK(r.out.find("over the 64 MiB limit") != std::string::npos);
}
