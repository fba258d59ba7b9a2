// Linking on writes: an uploaded document's items join the base graph's
// nodes as `policykg load` would join them, and a curator's split undoes a
// linker merge for good (store, restart, re-upload, export --curated), both
// for merges made on upload and merges made when the base was loaded.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>

#include "tests/store/test_dir.h"
#include "tests/web/server_process.h"

namespace pkg::testing {
namespace {

const std::string kToken = "linking-token-123";
const httplib::Headers kAuth = {{"Authorization", "Bearer " + kToken}};
// Names the base graph's 先导产业母基金 (small.jsonl) with a region prefix and in
// Traditional characters.
const std::string kDoc = "关于设立上海市先導產業母基金的通知\n上海市设立先導產業母基金，支持集成电路产业发展。\n";
const char* kFund = "/api/nodes/fund%3A%E5%85%88%E5%AF%BC%E4%BA%A7%E4%B8%9A%E6%AF%8D%E5%9F%BA%E9%87%91";

rapidjson::Document Get(httplib::Client& c, const std::string& path, int status = 200) {
  auto r = c.Get(path.c_str());
  REQUIRE(r);
  INFO(path << " " << r->body);
  REQUIRE(r->status == status);
  rapidjson::Document d;
  REQUIRE(ParseBody(r->body, d));
  return d;
}

std::string NodePath(const std::string& key) {
  std::string out = "/api/nodes/";
  for (unsigned char ch : key) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%%%02X", ch);
    out += buf;
  }
  return out;
}

size_t Funds(httplib::Client& c) {
  auto stats = Get(c, "/api/stats");
  return static_cast<size_t>(Num(stats["by_type"], "Fund"));
}

// The keys a kept node says were merged into it.
std::vector<std::string> MergedFrom(const rapidjson::Document& node) {
  std::vector<std::string> out;
  if (!node["props"].HasMember("merged_from")) return out;
  for (const auto& k : node["props"]["merged_from"].GetArray()) out.emplace_back(k.GetString());
  return out;
}

std::string Export(const TempDir& dir) {
  std::string out = dir.file("curated.jsonl");
  std::string cmd = std::string(PKG_BINARY) + " export --curated --store " + dir.file("ws.db") + " -o " + out;
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(out);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("an upload that names a base item in passing mentions it", "[web][linking]") {
  TempDir dir;
  ServerProcess s;
  std::string error;
  REQUIRE(s.Start({FixturePath("small.jsonl"), "--store", dir.file("ws.db"), "--token", kToken, "--quiet"},
                  dir.file("stderr.log"), &error));
  auto c = s.Client();
  // No sentence sets the fund up or describes it: the extractor alone makes
  // no node of it; the base's name does.
  const std::string news = "基金周报\n本周,产业转型升级二期基金同期参与一家机器人企业B轮融资。\n";
  auto up = c.Post("/api/documents?name=weekly.txt", kAuth, news, "text/plain; charset=utf-8");
  REQUIRE(up);
  INFO(up->body);
  REQUIRE(up->status == 201);
  rapidjson::Document ud;
  REQUIRE(ParseBody(up->body, ud));
  std::string doc = ud["id"].GetString();
  auto fund = Get(c, NodePath("fund:产业转型升级二期基金"));
  bool from_upload = false;
  for (const auto& p : fund["provenance"].GetArray()) {
    if (doc == p["document"].GetString()) {
      from_upload = true;
      CHECK(std::string(p["rule"].GetString()) == "link.corpus_mention");
      CHECK_THAT(p["quote"].GetString(), Catch::Contains("同期参与"));
      size_t at = news.find("产业转型升级二期基金");
      auto begin = JsonNumberOf(p["span"][0]);  // numbers are kept as text by ParseJson
      REQUIRE(begin);
      CHECK(*begin == static_cast<double>(at));
    }
  }
  CHECK(from_upload);
  auto nb = Get(c, NodePath("fund:产业转型升级二期基金") + "/neighbors?types=MENTIONS&direction=in");
  bool listed = false;
  for (const auto& n : nb["nodes"].GetArray()) listed = listed || doc == n["id"].GetString();
  CHECK(listed);
}

TEST_CASE("an uploaded document's item joins the base node; a split keeps it apart for good",
          "[web][linking]") {
  TempDir dir;
  std::vector<std::string> args = {FixturePath("small.jsonl"), "--store", dir.file("ws.db"), "--token",
                                   kToken, "--quiet"};
  std::string merged_key;
  {
    ServerProcess s;
    std::string error;
    REQUIRE(s.Start(args, dir.file("stderr.log"), &error));
    auto c = s.Client();
    CHECK(Funds(c) == 2);
    auto up = c.Post("/api/documents?name=a.txt", kAuth, kDoc, "text/plain; charset=utf-8");
    REQUIRE(up);
    REQUIRE(up->status == 201);
    // One node: the base's, with both documents' provenance and the reason.
    CHECK(Funds(c) == 2);
    auto fund = Get(c, kFund);
    REQUIRE(fund["provenance"].Size() == 2);
    CHECK(std::string(fund["provenance"][1]["document"].GetString()).rfind("doc:", 0) == 0);
    auto from = MergedFrom(fund);
    REQUIRE(from.size() == 1);
    merged_key = from[0];
    CHECK_THAT(fund["props"]["merge_reason"][0].GetString(), Catch::Contains("linker:"));
    // The merged key still finds the node.
    auto via = Get(c, NodePath(merged_key));
    CHECK(std::string(via["id"].GetString()) == "fund:先导产业母基金");

    // The curator splits it: a linker merge, so no merge decision is named.
    auto split = c.Post("/api/split", kAuth, "{\"node\":\"" + merged_key + "\",\"reason\":\"另一只基金\"}",
                        "application/json");
    REQUIRE(split);
    INFO(split->body);
    REQUIRE(split->status == 201);
    rapidjson::Document sd;
    REQUIRE(ParseBody(split->body, sd));
    CHECK(sd["decision"].IsNull());
    REQUIRE(sd["apart"].Size() == 1);
    CHECK(Funds(c) == 3);
    CHECK(Get(c, kFund)["provenance"].Size() == 1);
    CHECK(MergedFrom(Get(c, kFund)).empty());
    CHECK(Get(c, NodePath(merged_key))["provenance"].Size() == 1);
    // Splitting again finds no merge in force.
    auto again = c.Post("/api/split", kAuth, "{\"node\":\"" + merged_key + "\"}", "application/json");
    REQUIRE(again);
    CHECK(again->status == 404);
    // Uploading the same text again changes nothing.
    auto dup = c.Post("/api/documents?name=a.txt", kAuth, kDoc, "text/plain; charset=utf-8");
    REQUIRE(dup);
    CHECK(dup->status == 200);
    CHECK(Funds(c) == 3);
    auto cur = Get(c, "/api/curation");
    REQUIRE(cur["splits"].Size() == 1);
    CHECK(cur["splits"][0]["decision"].IsNull());
    CHECK(std::string(cur["splits"][0]["apart"][0][0].GetString()) == merged_key);
    CHECK(s.Stop() == 0);
  }
  // The store keeps it: after a restart the document is extracted and linked
  // again, and the split still holds.
  {
    ServerProcess s;
    std::string error;
    REQUIRE(s.Start(args, dir.file("stderr.log"), &error));
    auto c = s.Client();
    CHECK(Funds(c) == 3);
    CHECK(MergedFrom(Get(c, kFund)).empty());
    CHECK(s.Stop() == 0);
  }
  std::string exported = Export(dir);
  CHECK_THAT(exported, Catch::Contains("\"id\":\"" + merged_key + "\""));
  CHECK_THAT(exported, Catch::Contains("not the same item as fund:先导产业母基金: 另一只基金"));
}

TEST_CASE("a split undoes a merge the linker made when the base was loaded", "[web][linking]") {
  TempDir dir;
  {
    std::ofstream doc(dir.file("a.txt"), std::ios::binary);
    doc << kDoc;
  }
  // The document is a serve input: it is linked to the fund at load.
  std::vector<std::string> args = {FixturePath("small.jsonl"), dir.file("a.txt"), "--store", dir.file("ws.db"),
                                   "--token", kToken, "--quiet"};
  std::string merged_key;
  {
    ServerProcess s;
    std::string error;
    REQUIRE(s.Start(args, dir.file("stderr.log"), &error));
    auto c = s.Client();
    CHECK(Funds(c) == 2);
    auto from = MergedFrom(Get(c, kFund));
    REQUIRE(from.size() == 1);
    merged_key = from[0];
    // Naming the kept node splits every linker merge into it.
    auto split = c.Post("/api/split", kAuth, R"({"node":"fund:先导产业母基金","reason":"不同"})", "application/json");
    REQUIRE(split);
    INFO(split->body);
    REQUIRE(split->status == 201);
    CHECK(Funds(c) == 3);
    CHECK(MergedFrom(Get(c, kFund)).empty());
    CHECK(s.Stop() == 0);
  }
  ServerProcess s;
  std::string error;
  REQUIRE(s.Start(args, dir.file("stderr.log"), &error));
  auto c = s.Client();
  CHECK(Funds(c) == 3);
  CHECK(Get(c, NodePath(merged_key))["provenance"].Size() == 1);
  CHECK(s.Stop() == 0);
}

TEST_CASE("a merge baked into a snapshot input cannot be split", "[web][linking]") {
  TempDir dir;
  {
    std::ofstream doc(dir.file("a.txt"), std::ios::binary);
    doc << kDoc;
  }
  std::string cmd = std::string(PKG_BINARY) + " load " + FixturePath("small.jsonl") + " " + dir.file("a.txt") +
                    " -o " + dir.file("g.pkg") + " 2>/dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  ServerProcess s;
  std::string error;
  REQUIRE(s.Start({dir.file("g.pkg"), "--store", dir.file("ws.db"), "--token", kToken, "--quiet"},
                  dir.file("stderr.log"), &error));
  auto c = s.Client();
  auto split = c.Post("/api/split", kAuth, R"({"node":"fund:先导产业母基金"})", "application/json");
  REQUIRE(split);
  CHECK(split->status == 422);
  CHECK_THAT(split->body, Catch::Contains("snapshot file"));
  CHECK(Get(c, "/api/curation")["splits"].Size() == 0);
  CHECK(s.Stop() == 0);
}

}  // namespace
}  // namespace pkg::testing
