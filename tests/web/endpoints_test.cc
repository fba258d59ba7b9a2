// Every endpoint of docs/api.md against the real server on the small fixture
// (tests/web/data/small.jsonl): shapes, statuses, and the write round trips
// (upload, link, delete, merge, split) seen through the read endpoints.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "tests/store/test_dir.h"
#include "tests/web/server_process.h"

namespace pkg::testing {
namespace {

const std::string kToken = "endpoint-token-42";

std::string Enc(const std::string& s) {
  std::string out;
  static const char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

struct Fixture {
  TempDir dir;
  ServerProcess server;
  Fixture() {
    std::string error;
    bool ok = server.Start({FixturePath("small.jsonl"), "--store", dir.file("ws.db"), "--token", kToken},
                           dir.file("stderr.log"), &error);
    INFO(error);
    REQUIRE(ok);
  }
  // GET; REQUIREs the status and parses the body into `doc`.
  void Get(const std::string& path, int status, rapidjson::Document& doc) {
    auto c = server.Client();
    auto res = c.Get(path.c_str());
    REQUIRE(res);
    INFO(path << " → " << res->body);
    REQUIRE(res->status == status);
    CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
    REQUIRE(ParseBody(res->body, doc));
  }
  void Send(const std::string& method, const std::string& path, const std::string& body,
            int status, rapidjson::Document& doc, const std::string& type = "application/json") {
    auto c = server.Client();
    httplib::Headers h = {{"Authorization", "Bearer " + kToken}};
    httplib::Result res = method == "POST" ? c.Post(path.c_str(), h, body, type.c_str())
                                           : c.Delete(path.c_str(), h);
    REQUIRE(res);
    INFO(method << " " << path << " → " << res->body);
    REQUIRE(res->status == status);
    REQUIRE(ParseBody(res->body, doc));
  }
};

TEST_CASE("read endpoints answer with the documented shapes", "[web][endpoints]") {
  Fixture f;
  rapidjson::Document d;

  f.Get("/api/health", 200, d);
  CHECK(Str(d, "status") == "ok");
  CHECK(Num(d, "snapshot_version") >= 1);

  f.Get("/api/schema", 200, d);
  CHECK(d["node_types"].Size() >= 16);
  CHECK(d["edge_types"].Size() >= 12);
  CHECK(d["instruments"].Size() >= 16);

  f.Get("/api/stats", 200, d);
  CHECK(Num(d, "nodes") == 10);
  CHECK(Num(d, "edges") == 8);
  CHECK(Num(d["by_type"], "Industry") == 3);
  CHECK(Num(d["by_edge_type"], "FUNDS") == 2);
  CHECK(Num(d, "documents") == 1);

  struct SearchCase {
    std::string q;
    std::string first;
  };
  const SearchCase searches[] = {
      {"先导产业", "fund:先导产业母基金"},
      {"三大先导", "fund:先导产业母基金"},  // alias
      {"Integrated", "industry:集成电路"},   // English
      {"市经信委", "agency:上海市经济和信息化委员会"},
  };
  for (const auto& s : searches) {
    INFO(s.q);
    f.Get("/api/search?q=" + Enc(s.q), 200, d);
    REQUIRE(d["results"].Size() >= 1);
    CHECK(Str(d["results"][0], "id") == s.first);
    CHECK(!Str(d["results"][0], "type_zh").empty());
    CHECK(Num(d["results"][0], "score") > 0);
  }

  f.Get("/api/nodes/" + Enc("fund:先导产业母基金"), 200, d);
  CHECK(Str(d, "type") == "Fund");
  CHECK(d["labels"].Size() == 2);
  CHECK(Str(d, "instrument") == "finance");
  CHECK(Num(d["props"]["size"], "cny") == 1.0e11);
  REQUIRE(d["provenance"].Size() == 1);
  CHECK(Str(d["provenance"][0], "document_title") == "关于推动先导产业发展的通知");
  CHECK(Num(d["degree"], "out") == 3);

  f.Get("/api/nodes/" + Enc("fund:先导产业母基金") + "/neighbors?direction=out&types=FUNDS", 200, d);
  CHECK(d["edges"].Size() == 2);
  CHECK(d["nodes"].Size() == 3);
  CHECK_FALSE(d["truncated"].GetBool());
  f.Get("/api/nodes/" + Enc("fund:先导产业母基金") + "/neighbors?limit=1", 200, d);
  CHECK(d["edges"].Size() == 1);
  CHECK(d["truncated"].GetBool());

  f.Get("/api/paths?from=" + Enc("region:上海") + "&to=" + Enc("industry:集成电路"), 200, d);
  REQUIRE(d["paths"].Size() == 1);
  CHECK(d["paths"][0]["edges"].Size() == 3);
  f.Get("/api/paths?from=" + Enc("region:上海") + "&to=" + Enc("industry:集成电路") + "&max=2", 200, d);
  CHECK(d["paths"].Size() == 0);

  f.Get("/api/supporters/" + Enc("goal:新型工业化"), 200, d);
  CHECK(Str(d["target"], "id") == "goal:新型工业化");
  CHECK(d["measures"].Size() == 2);  // the initiative and the fund behind it
  CHECK(d["graph"]["nodes"].Size() == 3);

  f.Get("/api/query?q=" + Enc("MATCH (f:Fund)-[r:FUNDS]->(i) RETURN f, r, i.name ORDER BY i.name"), 200, d);
  CHECK(d["columns"].Size() == 3);
  CHECK(d["rows"].Size() == 2);
  CHECK(d["rows"][0][0].HasMember("node"));
  CHECK(d["rows"][0][1].HasMember("edge"));
  CHECK(d["graph"]["edges"].Size() == 2);

  f.Get("/api/documents", 200, d);
  REQUIRE(d["documents"].Size() == 1);
  CHECK(Str(d["documents"][0], "title") == "关于推动先导产业发展的通知");
  f.Get("/api/documents/" + Enc("doc:test0000000001"), 200, d);
  CHECK(d["text"].IsNull());  // a statements input keeps no text
  CHECK(d["spans"].Size() >= 1);

  f.Get("/api/curation", 200, d);
  CHECK(d["links"].Size() == 0);
  CHECK(f.server.Stop() == 0);
}

TEST_CASE("POST /api/query takes params and a limit", "[web][endpoints]") {
  Fixture f;
  auto c = f.server.Client();
  auto res = c.Post("/api/query",
                    R"({"query":"MATCH (n:Industry) WHERE n.name = $name RETURN n.name","params":{"name":"集成电路"},"limit":5})",
                    "application/json");
  REQUIRE(res);
  INFO(res->body);
  REQUIRE(res->status == 200);
  rapidjson::Document d;
  REQUIRE(ParseBody(res->body, d));
  REQUIRE(d["rows"].Size() == 1);
  CHECK(std::string(d["rows"][0][0].GetString()) == "集成电路");
  res = c.Post("/api/query", R"({"query":"MATCH (n) RETURN n","limit":3})", "application/json");
  REQUIRE(res);
  REQUIRE(ParseBody(res->body, d));
  CHECK(d["rows"].Size() == 3);
  CHECK(d["truncated"].GetBool());
}

TEST_CASE("writes: upload, link, delete, merge, split", "[web][endpoints]") {
  Fixture f;
  rapidjson::Document d;

  // Upload a document (text/plain), then the same content again.
  std::string text = "关于加快集成电路产业发展的若干措施\n上海市经济和信息化委员会\n设立先导产业母基金，支持集成电路和人工智能产业发展。\n";
  f.Send("POST", "/api/documents?name=measures.txt", text, 201, d, "text/plain; charset=utf-8");
  std::string doc_id = Str(d, "id");
  CHECK(doc_id.rfind("doc:", 0) == 0);
  CHECK(Num(d, "nodes") >= 1);
  CHECK_FALSE(d["duplicate"].GetBool());
  f.Send("POST", "/api/documents", "{\"name\":\"again.txt\",\"text\":" + std::string("\"") +
             "关于加快集成电路产业发展的若干措施\\n上海市经济和信息化委员会\\n设立先导产业母基金，支持集成电路和人工智能产业发展。\\n\"}",
         200, d);
  CHECK(d["duplicate"].GetBool());
  CHECK(Str(d, "id") == doc_id);
  f.Get("/api/documents/" + Enc(doc_id), 200, d);
  CHECK(Str(d, "text") == text);
  f.Get("/api/health", 200, d);
  CHECK(Num(d, "snapshot_version") == 2);

  // A curated link, visible as an edge with a link id, then deleted.
  f.Send("POST", "/api/links",
         R"({"from":"industry:集成电路","to":"industry:人工智能","type":"RELATED_TO","reason":"同属先导产业"})",
         201, d);
  std::string link = Str(d, "id");
  CHECK(link.rfind("link:", 0) == 0);
  CHECK(Str(d["edge"], "id") == link);
  CHECK(d["edge"]["props"]["curated"].GetBool());
  f.Get("/api/nodes/" + Enc("industry:集成电路") + "/neighbors?types=RELATED_TO", 200, d);
  REQUIRE(d["edges"].Size() == 1);
  CHECK(Str(d["edges"][0], "id") == link);
  f.Get("/api/curation", 200, d);
  CHECK(d["links"].Size() == 1);
  f.Send("DELETE", "/api/links/" + Enc(link), "", 200, d);
  CHECK(Str(d, "deleted") == link);
  f.Send("DELETE", "/api/links/" + Enc(link), "", 409, d);  // already deleted
  f.Get("/api/nodes/" + Enc("industry:集成电路") + "/neighbors?types=RELATED_TO", 200, d);
  CHECK(d["edges"].Size() == 0);

  // Merge two funds; the merged key resolves to the kept node; split undoes it.
  f.Get("/api/stats", 200, d);
  double funds = Num(d["by_type"], "Fund");
  f.Send("POST", "/api/merge",
         R"({"keep":"fund:先导产业母基金","merge":["fund:产业转型升级二期基金"],"reason":"测试合并"})", 201, d);
  std::string merge = Str(d, "id");
  CHECK(merge.rfind("merge:", 0) == 0);
  CHECK(Str(d["node"], "id") == "fund:先导产业母基金");
  bool has_alias = false;
  for (const auto& a : d["node"]["aliases"].GetArray()) has_alias |= std::string(a.GetString()) == "产业转型升级二期基金";
  CHECK(has_alias);
  f.Get("/api/nodes/" + Enc("fund:产业转型升级二期基金"), 200, d);
  CHECK(Str(d, "id") == "fund:先导产业母基金");
  f.Get("/api/stats", 200, d);
  CHECK(Num(d["by_type"], "Fund") == funds - 1);
  f.Send("POST", "/api/split", "{\"decision\":\"" + merge + "\",\"reason\":\"不是同一基金\"}", 201, d);
  CHECK(Str(d, "id").rfind("split:", 0) == 0);
  f.Send("POST", "/api/split", "{\"decision\":\"" + merge + "\"}", 409, d);  // already split
  f.Get("/api/stats", 200, d);
  CHECK(Num(d["by_type"], "Fund") == funds);
  f.Get("/api/curation", 200, d);
  CHECK(d["merges"].Size() == 1);
  CHECK(d["splits"].Size() == 1);
  CHECK(f.server.Stop() == 0);

  // The access log has one line per request.
  std::ifstream log(f.dir.file("stderr.log"));
  std::stringstream ss;
  ss << log.rdbuf();
  CHECK(ss.str().find("\"POST /api/merge\" 201") != std::string::npos);
  CHECK(ss.str().find("\"DELETE /api/links/") != std::string::npos);
}

TEST_CASE("a GB18030 upload is shown as UTF-8 with its spans mapped", "[web][endpoints]") {
  Fixture f;
  rapidjson::Document d;
  // "关于支持集成电路产业发展的通知\n上海市支持集成电路产业发展。\n" in GB18030.
  const std::string gb =
      "\xb9\xd8\xd3\xda\xd6\xa7\xb3\xd6\xbc\xaf\xb3\xc9\xb5\xe7\xc2\xb7\xb2\xfa\xd2\xb5\xb7\xa2\xd5"
      "\xb9\xb5\xc4\xcd\xa8\xd6\xaa\x0a\xc9\xcf\xba\xa3\xca\xd0\xd6\xa7\xb3\xd6\xbc\xaf\xb3\xc9\xb5"
      "\xe7\xc2\xb7\xb2\xfa\xd2\xb5\xb7\xa2\xd5\xb9\xa1\xa3\x0a";
  f.Send("POST", "/api/documents?name=gb.txt", gb, 201, d, "text/plain; charset=GB18030");
  std::string id = Str(d, "id");
  f.Get("/api/documents/" + Enc(id), 200, d);
  std::string text = Str(d, "text");
  CHECK(text == "关于支持集成电路产业发展的通知\n上海市支持集成电路产业发展。\n");
  REQUIRE(d["spans"].Size() >= 1);
  int industry_spans = 0;
  // Every span lies inside the UTF-8 text on character boundaries.
  for (const auto& span : d["spans"].GetArray()) {
    double b = Num(span, "begin"), e = Num(span, "end");
    INFO(b << ".." << e);
    REQUIRE(b >= 0);
    REQUIRE(e <= text.size());
    CHECK(b < e);
    auto boundary = [&](double at) {
      size_t i = static_cast<size_t>(at);
      return i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    };
    CHECK(boundary(b));
    CHECK(boundary(e));
    // A span of the industry covers its name in the decoded text. (The
    // document's Industry:集成电路 is linked to the base's industry:集成电路.)
    std::string node = Str(span, "node");
    if (node.find("ndustry:") != std::string::npos && node.find("集成电路") != std::string::npos) {
      CHECK(text.substr(static_cast<size_t>(b), static_cast<size_t>(e - b)).find("集成电路") !=
            std::string::npos);
      ++industry_spans;
    }
  }
  CHECK(industry_spans >= 1);
}

TEST_CASE("quiet mode turns the access log off; a token file is created 0600", "[web][endpoints]") {
  TempDir dir;
  ServerProcess server;
  std::string error;
  REQUIRE(server.Start({FixturePath("small.jsonl"), "--store", dir.file("ws.db"), "--quiet"},
                       dir.file("stderr.log"), &error));
  CHECK(server.stdout_text().find("write token created in") != std::string::npos);
  auto c = server.Client();
  REQUIRE(c.Get("/api/health"));
  struct stat st{};
  REQUIRE(::stat(dir.file("ws.db.token").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  std::ifstream tf(dir.file("ws.db.token"));
  std::string token;
  tf >> token;
  CHECK(token.size() == 64);
  auto res = c.Post("/api/links", {{"Authorization", "Bearer " + token}},
                    R"({"from":"industry:集成电路","to":"industry:生物医药","type":"RELATED_TO","reason":"r"})",
                    "application/json");
  REQUIRE(res);
  CHECK(res->status == 201);
  CHECK(server.Stop() == 0);
  std::ifstream log(dir.file("stderr.log"));
  std::stringstream ss;
  ss << log.rdbuf();
  CHECK(ss.str().find("GET /api/health") == std::string::npos);
}

}  // namespace
}  // namespace pkg::testing
