// The bad-request table: every request here must get its expected status and
// a JSON error body {"error":{"code","message"}}, never a hang, an HTML page,
// an EXCEPTION_WHAT header or a crash; the server must still answer after all
// of them. Requests are sent raw so that framing errors (chunked, gzip, bad
// Content-Length) can be made.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "tests/store/test_dir.h"
#include "tests/web/server_process.h"

namespace pkg::testing {
namespace {

const std::string kToken = "test-token-0123456789";

std::string Req(const std::string& method, const std::string& target, const std::string& body = "",
                const std::string& headers = "", bool content_length = true) {
  std::string r = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers;
  if (content_length && (!body.empty() || method == "POST")) {
    r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  return r + "\r\n" + body;
}

const std::string kJson = "Content-Type: application/json\r\n";
const std::string kAuth = "Authorization: Bearer " + kToken + "\r\n";

std::string Nested(int depth) {
  return "{\"query\":" + std::string(depth, '[') + std::string(depth, ']') + "}";
}

struct BadCase {
  const char* what;
  std::string request;
  int status;
  size_t stream_bytes = 0;  // keep sending this much body after the request
};

std::vector<BadCase> Cases() {
  const std::string q = "MATCH (n) RETURN n";
  std::vector<BadCase> c = {
      // Malformed JSON.
      {"truncated JSON", Req("POST", "/api/query", "{\"query\":", kJson), 400},
      {"unquoted key", Req("POST", "/api/query", "{query:\"x\"}", kJson), 400},
      {"trailing text", Req("POST", "/api/query", "{\"query\":\"" + q + "\"} x", kJson), 400},
      {"body is a list", Req("POST", "/api/query", "[1,2]", kJson), 400},
      {"empty JSON body", Req("POST", "/api/query", "", kJson), 400},
      {"query is a number", Req("POST", "/api/query", "{\"query\":5}", kJson), 400},
      {"params not an object", Req("POST", "/api/query", "{\"query\":\"" + q + "\",\"params\":[1]}", kJson), 400},
      // Deep nesting.
      {"deep lists", Req("POST", "/api/query", Nested(100), kJson), 400},
      {"very deep lists", Req("POST", "/api/query", Nested(100000), kJson), 400},
      {"deep objects", Req("POST", "/api/merge", [] {
         std::string s;
         for (int i = 0; i < 5000; ++i) s += "{\"a\":";
         return s + "1" + std::string(5000, '}');
       }(), kJson + kAuth), 400},
      // Invalid UTF-8.
      {"invalid UTF-8 in JSON", Req("POST", "/api/query", "{\"query\":\"\xff\xfe\"}", kJson), 400},
      {"overlong UTF-8 in JSON", Req("POST", "/api/query", "{\"query\":\"\xc0\xaf\"}", kJson), 400},
      {"lone surrogate escape", Req("POST", "/api/query", "{\"query\":\"\\ud800\"}", kJson), 400},
      {"invalid UTF-8 in search", Req("GET", "/api/search?q=%ff%fe"), 400},
      {"invalid UTF-8 in a link reason", Req("POST", "/api/links", "{\"from\":\"industry:集成电路\",\"to\":\"industry:人工智能\",\"type\":\"RELATED_TO\",\"reason\":\"\xed\xa0\x80\"}", kJson + kAuth), 400},
      // Huge and wrong numbers.
      {"limit 1e999", Req("POST", "/api/query", "{\"query\":\"" + q + "\",\"limit\":1e999}", kJson), 400},
      {"limit past int64", Req("POST", "/api/query", "{\"query\":\"" + q + "\",\"limit\":99999999999999999999999}", kJson), 400},
      {"limit negative", Req("POST", "/api/query", "{\"query\":\"" + q + "\",\"limit\":-1}", kJson), 400},
      {"limit as a string", Req("POST", "/api/query", "{\"query\":\"" + q + "\",\"limit\":\"10\"}", kJson), 400},
      {"limit fraction", Req("POST", "/api/query", "{\"query\":\"" + q + "\",\"limit\":2.5}", kJson), 400},
      {"search limit huge", Req("GET", "/api/search?q=a&limit=99999999999999999999"), 400},
      {"neighbors limit 0", Req("GET", "/api/nodes/industry%3A%E9%9B%86%E6%88%90%E7%94%B5%E8%B7%AF/neighbors?limit=0"), 400},
      {"paths max 99", Req("GET", "/api/paths?from=region%3A%E4%B8%8A%E6%B5%B7&to=goal%3A%E6%96%B0%E5%9E%8B%E5%B7%A5%E4%B8%9A%E5%8C%96&max=99"), 400},
      // Oversize bodies (refused from the Content-Length, before the body).
      {"JSON body over 1 MiB", Req("POST", "/api/query", "", kJson + "Content-Length: 2097152\r\n", false), 413, 256 << 10},
      {"upload over the limit", Req("POST", "/api/documents", "", "Content-Type: text/plain\r\n" + kAuth + "Content-Length: 104857600\r\n", false), 413, 1 << 20},
      {"Expect 100-continue over the limit", Req("POST", "/api/query", "", kJson + "Expect: 100-continue\r\nContent-Length: 5000000\r\n", false), 413},
      {"Expect 100-continue without token", Req("POST", "/api/links", "", kJson + "Expect: 100-continue\r\nContent-Length: 10\r\n", false), 401},
      // Chunked and compressed bodies.
      {"chunked query", Req("POST", "/api/query", "5\r\n{\"a\":\r\n0\r\n\r\n", kJson + "Transfer-Encoding: chunked\r\n", false), 411},
      {"chunked upload that never ends", Req("POST", "/api/documents", "10000\r\n", "Content-Type: text/plain\r\n" + kAuth + "Transfer-Encoding: chunked\r\n", false), 411, 8 << 20},
      {"gzip body", Req("POST", "/api/query", std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8), kJson + "Content-Encoding: gzip\r\n"), 415},
      {"deflate upload", Req("POST", "/api/documents", "xx", "Content-Type: text/plain\r\n" + kAuth + "Content-Encoding: deflate\r\n"), 415},
      // Framing and media types.
      {"POST without Content-Length", Req("POST", "/api/query", "", kJson, false), 411},
      {"Content-Length not a number", Req("POST", "/api/query", "", kJson + "Content-Length: 12abc\r\n", false), 400},
      {"query as text/plain", Req("POST", "/api/query", "{\"query\":\"" + q + "\"}", "Content-Type: text/plain\r\n"), 415},
      {"link as XML", Req("POST", "/api/links", "<link/>", "Content-Type: application/xml\r\n" + kAuth), 415},
      {"GET with a body", Req("GET", "/api/health", "hello"), 400},
      {"request target too long", Req("GET", "/api/search?q=" + std::string(20000, 'a')), 414},
      {"unknown method", "BREW /api/health HTTP/1.1\r\nHost: x\r\n\r\n", 400},
      // Traversal.
      {"dot-dot", Req("GET", "/../../etc/passwd"), 400},
      {"encoded dot-dot", Req("GET", "/%2e%2e/%2e%2e/etc/passwd"), 400},
      {"encoded slash and dot-dot", Req("GET", "/js%2f..%2f..%2f..%2fetc%2fpasswd"), 400},
      {"double-encoded dot-dot", Req("GET", "/%252e%252e/%252e%252e/etc/passwd"), 404},
      {"backslashes", Req("GET", "/..%5c..%5cetc%5cpasswd"), 400},
      {"NUL byte", Req("GET", "/index.html%00.js"), 400},
      {"symlink out of the viewer", Req("GET", "/escape/passwd"), 400},
      {"no such file", Req("GET", "/nope.js"), 404},
      // Token.
      {"link without token", Req("POST", "/api/links", "{}", kJson), 401},
      {"link with a wrong token", Req("POST", "/api/links", "{}", kJson + "Authorization: Bearer nope\r\n"), 401},
      {"basic auth instead of bearer", Req("POST", "/api/merge", "{}", kJson + "Authorization: Basic " + kToken + "\r\n"), 401},
      {"delete without token", Req("DELETE", "/api/links/link:1"), 401},
      {"upload without token", Req("POST", "/api/documents", "text", "Content-Type: text/plain\r\n"), 401},
      // Unknown ids and routes.
      {"unknown node", Req("GET", "/api/nodes/industry%3Anope"), 404},
      {"unknown node's neighbors", Req("GET", "/api/nodes/nope/neighbors"), 404},
      {"unknown document", Req("GET", "/api/documents/doc%3Anope"), 404},
      {"a node that is no document", Req("GET", "/api/documents/region%3A%E4%B8%8A%E6%B5%B7"), 404},
      {"unknown supporters target", Req("GET", "/api/supporters/nope"), 404},
      {"unknown route", Req("GET", "/api/nothing"), 404},
      {"unknown link id", Req("DELETE", "/api/links/link:99999", "", kAuth), 404},
      {"malformed link id", Req("DELETE", "/api/links/e12", "", kAuth), 404},
      {"unknown merge to split", Req("POST", "/api/split", "{\"decision\":\"merge:999\"}", kJson + kAuth), 404},
      {"paths from unknown node", Req("GET", "/api/paths?from=nope&to=region%3A%E4%B8%8A%E6%B5%B7"), 404},
      // Requests that cannot apply.
      {"link to an unknown node", Req("POST", "/api/links", "{\"from\":\"industry:集成电路\",\"to\":\"nope\",\"type\":\"RELATED_TO\",\"reason\":\"r\"}", kJson + kAuth), 422},
      {"link of an unknown type", Req("POST", "/api/links", "{\"from\":\"industry:集成电路\",\"to\":\"industry:人工智能\",\"type\":\"SUPORTS\",\"reason\":\"r\"}", kJson + kAuth), 422},
      {"link the schema forbids", Req("POST", "/api/links", "{\"from\":\"region:上海\",\"to\":\"industry:人工智能\",\"type\":\"FUNDS\",\"reason\":\"r\"}", kJson + kAuth), 422},
      {"link without a reason", Req("POST", "/api/links", "{\"from\":\"industry:集成电路\",\"to\":\"industry:人工智能\",\"type\":\"RELATED_TO\"}", kJson + kAuth), 422},
      {"merge into an unknown node", Req("POST", "/api/merge", "{\"keep\":\"nope\",\"merge\":[\"industry:集成电路\"]}", kJson + kAuth), 422},
      {"merge a node into itself", Req("POST", "/api/merge", "{\"keep\":\"industry:集成电路\",\"merge\":[\"industry:集成电路\"]}", kJson + kAuth), 422},
      {"split naming both", Req("POST", "/api/split", "{\"decision\":\"merge:1\",\"node\":\"x\"}", kJson + kAuth), 400},
      // Bad queries and parameters.
      {"query syntax error", Req("GET", "/api/query?q=MATCH%20(n%20RETURN%20n"), 400},
      {"query unknown label", Req("GET", "/api/query?q=MATCH%20(n%3AFnud)%20RETURN%20n"), 400},
      {"write query", Req("GET", "/api/query?q=CREATE%20(n%3AFund)"), 400},
      {"empty query", Req("GET", "/api/query?q="), 400},
      {"query naming an unknown node", Req("GET", "/api/query?q=CALL%20supporters('nope')%20YIELD%20measure%20RETURN%20measure"), 400},
      {"search without q", Req("GET", "/api/search"), 400},
      {"neighbors direction", Req("GET", "/api/nodes/region%3A%E4%B8%8A%E6%B5%B7/neighbors?direction=up"), 400},
      {"neighbors unknown type", Req("GET", "/api/nodes/region%3A%E4%B8%8A%E6%B5%B7/neighbors?types=FOO"), 400},
  };
  return c;
}

TEST_CASE("every bad request gets its status and a JSON error", "[web][bad]") {
  TempDir dir;
  // A viewer directory with a symlink that points out of it.
  std::string viewer = dir.file("viewer");
  std::filesystem::create_directories(viewer + "/js");
  std::ofstream(viewer + "/index.html") << "<!doctype html><title>viewer</title>";
  std::ofstream(viewer + "/js/app.js") << "console.log(1)";
  std::filesystem::create_directory_symlink("/etc", viewer + "/escape");

  ServerProcess server;
  std::string error;
  REQUIRE(server.Start({FixturePath("small.jsonl"), "--store", dir.file("ws.db"), "--token", kToken,
                        "--viewer", viewer, "--upload-limit", "1048576"},
                       dir.file("stderr.log"), &error));
  INFO(error);

  auto cases = Cases();
  REQUIRE(cases.size() >= 40);
  for (const BadCase& c : cases) {
    INFO(c.what);
    std::string response = RawExchange(server.port(), c.request, 5000, c.stream_bytes);
    CHECK(RawStatus(response) == c.status);
    CHECK(response.find("EXCEPTION_WHAT") == std::string::npos);
    CHECK(response.find("application/json") != std::string::npos);
    rapidjson::Document doc;
    std::string body = RawBody(response);
    INFO(body);
    REQUIRE(ParseBody(body, doc));
    REQUIRE(doc.HasMember("error"));
    CHECK(!Str(doc["error"], "code").empty());
    CHECK(!Str(doc["error"], "message").empty());
  }

  // Still healthy, and the good files are served.
  auto client = server.Client();
  auto health = client.Get("/api/health");
  REQUIRE(health);
  CHECK(health->status == 200);
  auto index = client.Get("/");
  REQUIRE(index);
  CHECK(index->status == 200);
  CHECK(index->get_header_value("Content-Type").find("text/html") == 0);
  auto js = client.Get("/js/app.js");
  REQUIRE(js);
  CHECK(js->body == "console.log(1)");
  CHECK(server.Stop() == 0);
}

TEST_CASE("a query error carries its position and caret", "[web][bad]") {
  TempDir dir;
  ServerProcess server;
  std::string error;
  REQUIRE(server.Start({FixturePath("small.jsonl"), "--store", dir.file("ws.db"), "--token", kToken},
                       dir.file("stderr.log"), &error));
  auto client = server.Client();
  auto res = client.Post("/api/query", "{\"query\":\"MATCH (n:Fnud) RETURN n\"}", "application/json");
  REQUIRE(res);
  CHECK(res->status == 400);
  rapidjson::Document doc;
  REQUIRE(ParseBody(res->body, doc));
  const auto& err = doc["error"];
  REQUIRE(err.HasMember("position"));
  CHECK(Num(err["position"], "line") == 1);
  CHECK(Num(err["position"], "column") > 1);
  CHECK(Str(err, "caret").find('^') != std::string::npos);
  server.Stop();
}

}  // namespace
}  // namespace pkg::testing
