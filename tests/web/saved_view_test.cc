// Saved views: after writes the server saves its view beside the store; a
// restart opens it when it still matches (same store sequence, same inputs)
// and rebuilds otherwise: changed inputs, a damaged file, no file at all.
// Either way the graph served is the same as a rebuild gives.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/store/test_dir.h"
#include "tests/web/server_process.h"

namespace pkg::testing {
namespace {

const std::string kToken = "saved-view-token-1";
const httplib::Headers kAuth = {{"Authorization", "Bearer " + kToken}};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Body(httplib::Client& c, const char* path) {
  auto r = c.Get(path);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  return r->body;
}

// /api/stats without the snapshot version (it differs between a rebuild and
// a saved view only by how many writes came before).
std::string Stats(httplib::Client& c) {
  std::string s = Body(c, "/api/stats");
  return s.substr(0, s.find(",\"snapshot_version\""));
}

// Waits until the saved view's tag names store change `seq`.
bool WaitForSave(const std::string& view, int seq) {
  for (int i = 0; i < 200; ++i) {
    if (ReadAll(view + ".tag").find("\nseq " + std::to_string(seq) + "\n") != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

struct Run {
  std::string stats, curation, fund, log;
};

Run Serve(const TempDir& dir, const std::string& log_name, bool write) {
  ServerProcess s;
  std::string error;
  std::vector<std::string> args = {dir.file("small.jsonl"), "--store", dir.file("ws.db"), "--token", kToken};
  REQUIRE(s.Start(args, dir.file(log_name), &error));
  auto c = s.Client();
  if (write) {
    auto up = c.Post("/api/documents?name=a.txt", kAuth, "关于设立上海市先導產業母基金的通知\n设立先導產業母基金，支持集成电路产业。\n",
                     "text/plain; charset=utf-8");
    REQUIRE(up);
    REQUIRE(up->status == 201);
    auto link = c.Post("/api/links", kAuth,
                       R"({"from":"industry:集成电路","to":"industry:人工智能","type":"RELATED_TO","reason":"同属"})",
                       "application/json");
    REQUIRE(link);
    REQUIRE(link->status == 201);
    CHECK(WaitForSave(dir.file("ws.db.view.pkg"), 2));
  }
  Run r{Stats(c), Body(c, "/api/curation"),
        Body(c, "/api/nodes/fund%3A%E5%85%88%E5%AF%BC%E4%BA%A7%E4%B8%9A%E6%AF%8D%E5%9F%BA%E9%87%91"), ""};
  CHECK(s.Stop() == 0);
  r.log = ReadAll(dir.file(log_name));
  return r;
}

TEST_CASE("a restart opens the saved view when it matches and rebuilds otherwise", "[web][saved_view]") {
  TempDir dir;
  std::filesystem::copy_file(FixturePath("small.jsonl"), dir.file("small.jsonl"));
  Run first = Serve(dir, "1.log", /*write=*/true);
  CHECK_THAT(first.fund, Catch::Contains("merged_from"));  // the upload was linked

  // Same store, same inputs: the saved view is opened, nothing is rebuilt.
  Run opened = Serve(dir, "2.log", false);
  CHECK_THAT(opened.log, Catch::Contains("opened the saved view"));
  CHECK(opened.stats == first.stats);
  CHECK(opened.curation == first.curation);
  CHECK(opened.fund == first.fund);

  SECTION("a damaged saved view is ignored with a log line") {
    std::string view = ReadAll(dir.file("ws.db.view.pkg"));
    REQUIRE(view.size() > 200);
    view[view.size() / 2] = static_cast<char>(view[view.size() / 2] ^ 0x5A);  // same size, bad checksum
    std::ofstream(dir.file("ws.db.view.pkg"), std::ios::binary) << view;
    Run rebuilt = Serve(dir, "3.log", false);
    CHECK_THAT(rebuilt.log, Catch::Contains("saved view is not used"));
    CHECK_THAT(rebuilt.log, !Catch::Contains("opened the saved view"));
    CHECK(rebuilt.stats == first.stats);
    CHECK(rebuilt.fund == first.fund);
  }
  SECTION("changed inputs make the saved view out of date") {
    std::ofstream(dir.file("small.jsonl"), std::ios::app)
        << R"({"kind":"node","id":"industry:新材料","type":"Industry","name":"新材料"})" << "\n";
    Run rebuilt = Serve(dir, "3.log", false);
    CHECK_THAT(rebuilt.log, Catch::Contains("saved view is not used"));
    CHECK(rebuilt.stats != first.stats);  // one more industry
    CHECK(rebuilt.fund == first.fund);
  }
  SECTION("no saved view: rebuilt without a word") {
    std::filesystem::remove(dir.file("ws.db.view.pkg"));
    std::filesystem::remove(dir.file("ws.db.view.pkg.tag"));
    Run rebuilt = Serve(dir, "3.log", false);
    CHECK_THAT(rebuilt.log, !Catch::Contains("saved view"));
    CHECK(rebuilt.stats == first.stats);
    CHECK(rebuilt.curation == first.curation);
    CHECK(rebuilt.fund == first.fund);
  }
}

}  // namespace
}  // namespace pkg::testing

namespace pkg::testing {
namespace {

TEST_CASE("with --no-saved-view no view is saved or opened", "[web][saved_view]") {
  TempDir dir;
  ServerProcess s;
  std::string error;
  REQUIRE(s.Start({FixturePath("small.jsonl"), "--store", dir.file("ws.db"), "--token", kToken, "--quiet",
                   "--no-saved-view"},
                  dir.file("stderr.log"), &error));
  auto c = s.Client();
  auto link = c.Post("/api/links", kAuth,
                     R"({"from":"industry:集成电路","to":"industry:人工智能","type":"RELATED_TO","reason":"同属"})",
                     "application/json");
  REQUIRE(link);
  CHECK(link->status == 201);
  CHECK(s.Stop() == 0);
  CHECK_FALSE(std::filesystem::exists(dir.file("ws.db.view.pkg")));
  CHECK_FALSE(std::filesystem::exists(dir.file("ws.db.view.pkg.tag")));
}

}  // namespace
}  // namespace pkg::testing
