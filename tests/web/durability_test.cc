// Durability: a restart keeps every curated decision and uploaded document,
// and after kill -9 in the middle of a stream of writes every write that was
// acknowledged (201) is there when the server comes back.
#include <atomic>
#include <catch2/catch.hpp>
#include <set>
#include <thread>

#include "tests/store/test_dir.h"
#include "tests/web/server_process.h"

namespace pkg::testing {
namespace {

const std::string kToken = "durable-token-123";
const httplib::Headers kAuth = {{"Authorization", "Bearer " + kToken}};

std::vector<std::string> Args(const TempDir& dir) {
  return {FixturePath("small.jsonl"), "--store", dir.file("ws.db"), "--token", kToken, "--quiet"};
}

std::string Body(httplib::Client& c, const char* path) {
  auto r = c.Get(path);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  return r->body;
}

TEST_CASE("a restart keeps every curated decision and document", "[web][durability]") {
  TempDir dir;
  std::string curation_before, stats_before, fund_before;
  {
    ServerProcess s;
    std::string error;
    REQUIRE(s.Start(Args(dir), dir.file("stderr.log"), &error));
    auto c = s.Client();
    struct Write {
      const char* path;
      std::string body;
      int status;
    };
    const Write writes[] = {
        {"/api/links", R"({"from":"industry:集成电路","to":"industry:人工智能","type":"RELATED_TO","reason":"一"})", 201},
        {"/api/links", R"({"from":"industry:生物医药","to":"industry:人工智能","type":"RELATED_TO","reason":"二"})", 201},
        {"/api/links", R"({"from":"fund:产业转型升级二期基金","to":"industry:生物医药","type":"FUNDS","reason":"三"})", 201},
        {"/api/merge", R"({"keep":"fund:先导产业母基金","merge":["fund:产业转型升级二期基金"],"reason":"同一"})", 201},
        {"/api/merge", R"({"keep":"industry:集成电路","merge":["industry:生物医药"],"reason":"误并"})", 201},
        {"/api/split", R"({"node":"industry:生物医药","reason":"拆开"})", 201},
    };
    for (const Write& w : writes) {
      INFO(w.path << " " << w.body);
      auto r = c.Post(w.path, kAuth, w.body, "application/json");
      REQUIRE(r);
      INFO(r->body);
      CHECK(r->status == w.status);
    }
    auto del = c.Delete("/api/links/link:2", kAuth);
    REQUIRE(del);
    CHECK(del->status == 200);
    auto up = c.Post("/api/documents?name=a.txt", kAuth, "上海市推进人工智能产业发展。\n", "text/plain");
    REQUIRE(up);
    CHECK(up->status == 201);
    curation_before = Body(c, "/api/curation");
    stats_before = Body(c, "/api/stats");
    fund_before = Body(c, "/api/nodes/fund%3A%E5%85%88%E5%AF%BC%E4%BA%A7%E4%B8%9A%E6%AF%8D%E5%9F%BA%E9%87%91");
    CHECK(s.Stop() == 0);
  }
  ServerProcess s;
  std::string error;
  REQUIRE(s.Start(Args(dir), dir.file("stderr.log"), &error));
  auto c = s.Client();
  CHECK(Body(c, "/api/curation") == curation_before);
  // Same graph (the snapshot version restarts, everything else is equal).
  rapidjson::Document a, b;
  REQUIRE(ParseBody(stats_before, a));
  REQUIRE(ParseBody(Body(c, "/api/stats"), b));
  CHECK(Num(a, "nodes") == Num(b, "nodes"));
  CHECK(Num(a, "edges") == Num(b, "edges"));
  CHECK(Num(a, "documents") == Num(b, "documents"));
  CHECK(Num(b["by_type"], "Fund") == 1);  // the merge is still in force
  CHECK(Body(c, "/api/nodes/fund%3A%E5%85%88%E5%AF%BC%E4%BA%A7%E4%B8%9A%E6%AF%8D%E5%9F%BA%E9%87%91") == fund_before);
  CHECK(s.Stop() == 0);
}

TEST_CASE("kill -9 during writes loses no acknowledged write", "[web][durability]") {
  TempDir dir;
  std::set<std::string> acknowledged;
  {
    ServerProcess s;
    std::string error;
    REQUIRE(s.Start(Args(dir), dir.file("stderr.log"), &error));
    std::atomic<bool> stop{false};
    std::vector<std::set<std::string>> acked(3);  // each writer's own; read after join
    std::atomic<size_t> acked_count{0};
    std::vector<std::thread> writers;
    for (int t = 0; t < 3; ++t) {
      writers.emplace_back([&, t] {
        auto c = s.Client();
        for (int i = 0; !stop.load(); ++i) {
          std::string body = R"({"from":"industry:集成电路","to":"industry:人工智能","type":"RELATED_TO","reason":"w)" +
                             std::to_string(t) + "-" + std::to_string(i) + "\"}";
          auto r = c.Post("/api/links", kAuth, body, "application/json");
          if (!r) continue;  // the server died under this request: not acknowledged
          if (r->status == 201) {
            rapidjson::Document d;
            if (ParseBody(r->body, d)) {
              acked[t].insert(Str(d, "id"));
              ++acked_count;
            }
          }
        }
      });
    }
    // Let some writes through (at most 10 s on a loaded machine), then crash
    // the server mid-stream.
    for (int i = 0; i < 500; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      if (acked_count.load() >= 30) break;
    }
    s.Kill9();
    stop = true;
    for (auto& w : writers) w.join();
    for (auto& a : acked) acknowledged.insert(a.begin(), a.end());
  }
  REQUIRE(acknowledged.size() >= 10);
  ServerProcess s;
  std::string error;
  REQUIRE(s.Start(Args(dir), dir.file("stderr.log"), &error));
  auto c = s.Client();
  rapidjson::Document d;
  REQUIRE(ParseBody(Body(c, "/api/curation"), d));
  std::set<std::string> stored;
  for (const auto& l : d["links"].GetArray()) stored.insert(Str(l, "id"));
  for (const std::string& id : acknowledged) {
    INFO(id);
    CHECK(stored.count(id) == 1);
  }
  CHECK(s.Stop() == 0);
}

}  // namespace
}  // namespace pkg::testing
