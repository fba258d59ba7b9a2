// Tests web/server/static_files.h: which URL paths resolve to which files of
// the viewer directory, and which are refused (traversal, symlink escape).
#include "web/server/static_files.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/store/test_dir.h"

namespace pkg {
namespace {

TEST_CASE("viewer paths resolve inside the root or are refused", "[web][static]") {
  testing::TempDir dir;
  std::string root = dir.file("viewer");
  std::filesystem::create_directories(root + "/js/sub");
  std::filesystem::create_directories(dir.file("outside"));
  std::ofstream(root + "/index.html") << "i";
  std::ofstream(root + "/js/app.js") << "a";
  std::ofstream(root + "/js/sub/index.html") << "s";
  std::ofstream(root + "/中文.css") << "c";
  std::ofstream(dir.file("outside/secret.txt")) << "x";
  std::ofstream(dir.file("viewer-evil.txt")) << "x";
  std::filesystem::create_directory_symlink(dir.file("outside"), root + "/out");
  std::filesystem::create_symlink(dir.file("outside/secret.txt"), root + "/secret.txt");
  std::filesystem::create_symlink(root + "/js/app.js", root + "/alias.js");  // inside: fine

  auto files = StaticFiles::Open(root);
  REQUIRE(files.ok());
  std::string real_root = files->root();

  struct Case {
    const char* path;
    StatusCode code;         // kOk when it resolves
    const char* file = "";   // relative to the root
  };
  const Case cases[] = {
      {"/", StatusCode::kOk, "/index.html"},
      {"/index.html", StatusCode::kOk, "/index.html"},
      {"/js/app.js", StatusCode::kOk, "/js/app.js"},
      {"/js/sub/", StatusCode::kOk, "/js/sub/index.html"},
      {"/js/sub", StatusCode::kOk, "/js/sub/index.html"},
      {"/中文.css", StatusCode::kOk, "/中文.css"},
      {"/alias.js", StatusCode::kOk, "/js/app.js"},
      {"/missing.js", StatusCode::kNotFound},
      {"/js", StatusCode::kNotFound},  // a directory without index.html
      {"/../viewer-evil.txt", StatusCode::kInvalidArgument},
      {"/js/../../viewer-evil.txt", StatusCode::kInvalidArgument},
      {"/js/./app.js", StatusCode::kInvalidArgument},
      {"/js//app.js", StatusCode::kInvalidArgument},
      {"/..", StatusCode::kInvalidArgument},
      {"/out/secret.txt", StatusCode::kInvalidArgument},  // symlinked directory escapes
      {"/secret.txt", StatusCode::kInvalidArgument},      // symlinked file escapes
      {"/js\\..\\..\\x", StatusCode::kInvalidArgument},
      {"/a\x01" "b", StatusCode::kInvalidArgument},
      {"/\xff.js", StatusCode::kInvalidArgument},
      {"relative.js", StatusCode::kInvalidArgument},
      {"", StatusCode::kInvalidArgument},
  };
  for (const Case& c : cases) {
    INFO(c.path);
    auto r = files->Resolve(c.path);
    CHECK(r.status().code() == c.code);
    if (r.ok()) CHECK(*r == real_root + c.file);
  }
}

TEST_CASE("content types by extension", "[web][static]") {
  struct Case {
    const char* file;
    const char* type;
  };
  const Case cases[] = {
      {"a.html", "text/html; charset=utf-8"}, {"a.js", "text/javascript; charset=utf-8"},
      {"a.css", "text/css; charset=utf-8"},   {"a.svg", "image/svg+xml"},
      {"a.json", "application/json; charset=utf-8"}, {"a.bin", "application/octet-stream"},
      {"js", "application/octet-stream"},
  };
  for (const Case& c : cases) CHECK(std::string(ContentTypeFor(c.file)) == c.type);
}

TEST_CASE("a missing viewer directory is an error", "[web][static]") {
  testing::TempDir dir;
  auto r = StaticFiles::Open(dir.file("none"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("none") != std::string::npos);
}

}  // namespace
}  // namespace pkg
