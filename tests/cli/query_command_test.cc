// `policykg query`: runs the built binary (PKG_BINARY) on a small statements
// file and checks the table, CSV, JSON, --param, --timing and error output
// (message, caret, exit code).
#include <catch2/catch.hpp>

#include "tests/cli/run_policykg.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

using pkg_cli_test::Policykg;
using pkg_cli_test::Quote;

namespace {

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
