// `policykg query`: runs the built binary (PKG_BINARY) on a small statements
// file and checks the table, CSV, JSON, --param, --timing and error output
// (message, caret, exit code).
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct Run {
  int code = -1;
  std::string out;  // stdout and stderr, stderr after "--stderr--"
};

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

Run Policykg(const std::string& args) {
  std::string err_file = "/tmp/pkg_query_cli_" + std::to_string(getpid()) + ".err";
  std::string cmd = std::string(PKG_BINARY) + " " + args + " 2>" + err_file;
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf;
  for (size_t n; (n = fread(buf.data(), 1, buf.size(), p)) > 0;) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  r.out += "--stderr--\n" + std::string(std::istreambuf_iterator<char>(err), {});
  std::remove(err_file.c_str());
  return r;
}

std::string Graph() {
  std::string path = "/tmp/pkg_query_cli_" + std::to_string(getpid()) + ".jsonl";
  std::ofstream f(path);
  f << R"({"kind":"node","id":"goal:x","type":"Goal","name":"新型工业化","aliases":["推进新型工业化"]})" "\n"
    << R"({"kind":"node","id":"ini:ai","type":"Initiative","name":"AI+制造行动","name_en":"AI+manufacturing"})" "\n"
    << R"({"kind":"node","id":"fund:f","type":"Fund","name":"先导产业母基金"})" "\n"
    << R"({"kind":"edge","type":"SUPPORTS","from":"ini:ai","to":"goal:x"})" "\n"
    << R"({"kind":"edge","type":"SUPPORTS","from":"fund:f","to":"ini:ai"})" "\n";
  return path;
}

TEST_CASE("policykg query: formats, parameters, timing, errors") {
  std::string g = Graph();
  auto table = Policykg("query " + g + " " + Quote("CALL supporters('推进新型工业化') YIELD measure, hops RETURN measure.name AS 举措, hops"));
  CHECK(table.code == 0);
  CHECK(table.out ==
        "举措           | hops\n"
        "---------------+-----\n"
        "AI+制造行动    | 1\n"
        "先导产业母基金 | 2\n"
        "(2 rows)\n--stderr--\n");

  auto csv = Policykg("query " + g + " " + Quote("MATCH (n {name: $n}) RETURN n.id, n.name") + " --param n=AI+manufacturing --csv");
  CHECK(csv.out == "n.id,n.name\nini:ai,AI+制造行动\n--stderr--\n");

  auto json = Policykg("query " + g + " " + Quote("MATCH (n:Fund) RETURN n.name") + " --json");
  CHECK(json.out.rfind("{\"columns\":[\"n.name\"],\"rows\":[[\"先导产业母基金\"]],\"elapsed_ms\":", 0) == 0);

  auto timing = Policykg("query " + g + " " + Quote("MATCH (n) RETURN count(*)") + " --repeat 3 --timing");
  CHECK(timing.code == 0);
  CHECK(timing.out.find("--stderr--\ntiming: median ") != std::string::npos);
  CHECK(timing.out.find("over 3 run(s); 1 row(s)") != std::string::npos);

  auto bad = Policykg("query " + g + " " + Quote("MATCH (n:基金) RETURN n"));
  CHECK(bad.code == 1);
  CHECK(bad.out ==
        "--stderr--\n"
        "policykg: error: unknown label '基金' for node pattern; did you mean 'Fund'? at line 1, column 10\n"
        "LINE 1: MATCH (n:基金) RETURN n\n"
        "                 ^\n");

  auto param = Policykg("query " + g + " " + Quote("RETURN 1") + " --param novalue");
  CHECK(param.code == 1);
  CHECK(param.out.find("--param expects NAME=VALUE") != std::string::npos);
  std::remove(g.c_str());
}

}  // namespace
