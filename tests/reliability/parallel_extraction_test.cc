// Extraction on several threads (issue 3): `policykg extract --jobs N` and
// `policykg load --jobs N` give the same bytes as one thread, for documents
// of every genre and encoding in the corpus. Run by scripts/tsan too, where
// the binary is built with ThreadSanitizer and any race fails the run.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

#include "tests/cli/run_policykg.h"

using pkg_cli_test::Policykg;
using pkg_cli_test::Quote;

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("Extraction on several threads gives the bytes of one", "[parallel]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("pkg_parallel_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "docs");
  size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(std::string(PKG_TEST_DIR) + "/corpus")) {
    if (e.path().extension() != ".txt") continue;
    // Flattened names keep every document (two folders may hold one name).
    fs::copy_file(e.path(), dir / "docs" / (std::to_string(n++) + "_" + e.path().filename().string()));
  }
  REQUIRE(n >= 20);
  const std::string docs = Quote((dir / "docs").string());
  std::string files;
  for (const auto& e : fs::directory_iterator(dir / "docs")) files += " " + Quote(e.path().string());

  auto one = Policykg("extract --jobs 1" + files);
  auto four = Policykg("extract --jobs 4" + files);
  REQUIRE(one.code == 0);
  CHECK(one.out.size() > 100000);
  CHECK(four.code == 0);
  CHECK(four.out == one.out);

  const std::string a = (dir / "one.pkg").string(), b = (dir / "four.pkg").string();
  auto load1 = Policykg("load --jobs 1 " + docs + " -o " + Quote(a));
  auto load4 = Policykg("load --jobs 4 " + docs + " -o " + Quote(b));
  REQUIRE(load1.code == 0);
  REQUIRE(load4.code == 0);
  const std::string snap1 = ReadFile(a);
  CHECK(snap1.size() > 10000);
  CHECK(ReadFile(b) == snap1);
  fs::remove_all(dir);
}
