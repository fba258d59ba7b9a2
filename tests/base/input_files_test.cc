// Tests for base/input_files.h: a folder stands for its files, sorted and
// recursive, hidden names skipped; paths that are neither file nor folder
// are refused with a message naming them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "base/input_files.h"

namespace fs = std::filesystem;

namespace {

fs::path FreshFolder(const std::string& name) {
  fs::path p = fs::temp_directory_path() / ("pkg_input_files_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(p);
  fs::create_directories(p);
  return p;
}

void Write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("ExpandInput lists a folder's files recursively, sorted, without hidden ones", "[base][input_files]") {
  fs::path root = FreshFolder("list");
  Write(root / "b.txt", "b");
  Write(root / "a" / "z.txt", "z");
  Write(root / ".hidden", "h");
  Write(root / "a" / "c.jsonl", "c");
  std::vector<std::string> files;
  REQUIRE(pkg::ExpandInput(root.string(), &files).ok());
  std::vector<std::string> want = {(root / "a" / "c.jsonl").string(), (root / "a" / "z.txt").string(),
                                   (root / "b.txt").string()};
  CHECK(files == want);
  // A file stands for itself and is appended after what was there.
  REQUIRE(pkg::ExpandInput((root / "b.txt").string(), &files).ok());
  CHECK(files.back() == (root / "b.txt").string());
  fs::remove_all(root);
}

TEST_CASE("ExpandInput refuses missing paths and devices, naming them", "[base][input_files]") {
  std::vector<std::string> files;
  pkg::Status missing = pkg::ExpandInput("/nonexistent/policy.txt", &files);
  CHECK(missing.code() == pkg::StatusCode::kNotFound);
  CHECK(missing.message().find("/nonexistent/policy.txt") != std::string::npos);
  if (fs::exists("/dev/null")) {
    pkg::Status dev = pkg::ExpandInput("/dev/null", &files);
    CHECK(dev.code() == pkg::StatusCode::kInvalidArgument);
    CHECK(dev.message().find("/dev/null") != std::string::npos);
  }
  CHECK(files.empty());
  // An empty folder is no error: it just adds nothing.
  fs::path empty = FreshFolder("empty");
  CHECK(pkg::ExpandInputs({empty.string()}, &files).ok());
  CHECK(files.empty());
  fs::remove_all(empty);
}

TEST_CASE("ReadWholeFile reads bytes exactly and refuses folders", "[base][input_files]") {
  fs::path root = FreshFolder("read");
  std::string bytes("a\0b\r\n\xff", 6);
  Write(root / "x.bin", bytes);
  auto r = pkg::ReadWholeFile((root / "x.bin").string());
  REQUIRE(r.ok());
  CHECK(*r == bytes);
  CHECK(!pkg::ReadWholeFile(root.string()).ok());
  auto missing = pkg::ReadWholeFile((root / "none").string());
  REQUIRE(!missing.ok());
  CHECK(missing.status().message().find("none") != std::string::npos);
  fs::remove_all(root);
}
