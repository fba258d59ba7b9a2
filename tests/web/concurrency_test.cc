// Readers keep being answered, with consistent snapshots, while documents are
// ingested: every read is 200, the snapshot version never goes back, and a
// stats answer is never a half-built graph (node count never decreases).
#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "tests/store/test_dir.h"
#include "tests/web/server_process.h"

namespace pkg::testing {
namespace {

const std::string kToken = "concurrent-token-7";

TEST_CASE("readers run while documents are ingested", "[web][concurrency]") {
  TempDir dir;
  ServerProcess s;
  std::string error;
  REQUIRE(s.Start({FixturePath("small.jsonl"), "--store", dir.file("ws.db"), "--token", kToken, "--quiet"},
                  dir.file("stderr.log"), &error));
  std::atomic<bool> done{false};
  std::atomic<int> reads{0}, failures{0}, regressions{0};
  std::vector<std::thread> readers;
  const char* paths[] = {"/api/stats", "/api/search?q=%E9%9B%86%E6%88%90",
                         "/api/nodes/industry%3A%E9%9B%86%E6%88%90%E7%94%B5%E8%B7%AF/neighbors"};
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&, t] {
      auto c = s.Client();
      double last_version = 0, last_nodes = 0;
      while (!done.load()) {
        auto r = c.Get(paths[t]);
        if (!r || r->status != 200) {
          ++failures;
          continue;
        }
        ++reads;
        if (t == 0) {
          rapidjson::Document d;
          if (!ParseBody(r->body, d)) {
            ++failures;
            continue;
          }
          double v = Num(d, "snapshot_version"), n = Num(d, "nodes");
          if (v < last_version || n < last_nodes) ++regressions;
          last_version = v;
          last_nodes = n;
        }
      }
    });
  }
  auto w = s.Client();
  const char* industries[] = {"集成电路", "人工智能", "生物医药", "高端装备", "新材料", "航空航天"};
  int created = 0;
  for (int i = 0; i < 12; ++i) {
    std::string text = "第" + std::to_string(i) + "号通知\n上海市支持" + industries[i % 6] +
                       "产业发展，推进新型工业化。\n";
    auto r = w.Post("/api/documents?name=n" + std::to_string(i) + ".txt",
                    {{"Authorization", "Bearer " + kToken}}, text, "text/plain");
    REQUIRE(r);
    INFO(r->body);
    CHECK(r->status == 201);
    created += r->status == 201;
  }
  done = true;
  for (auto& t : readers) t.join();
  CHECK(failures.load() == 0);
  CHECK(regressions.load() == 0);
  CHECK(reads.load() > 20);
  auto st = w.Get("/api/stats");
  REQUIRE(st);
  rapidjson::Document d;
  REQUIRE(ParseBody(st->body, d));
  CHECK(Num(d, "documents") == 1 + created);
  CHECK(Num(d, "snapshot_version") == 1 + created);
  CHECK(s.Stop() == 0);
}

}  // namespace
}  // namespace pkg::testing
