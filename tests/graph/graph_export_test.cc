// Tests for graph/graph_export.h and graph_loader.h: export → load round
// trips, GraphML and CSV layout, folder loading and --skip-invalid.
#include "graph/graph_export.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "graph/graph_loader.h"
#include "graph_test_util.h"

namespace pkg {
namespace {

std::string TempDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("pkg-export-" + std::to_string(::getpid())) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string Dump(const Snapshot& g) {
  std::ostringstream out;
  REQUIRE(ExportJsonl(g, out).ok());
  return out.str();
}

TEST_CASE("export jsonl → load gives the same graph", "[export]") {
  auto g = testing::BuildFromJsonl(testing::kSmallGraph);
  std::string dir = TempDir("jsonl");
  { std::ofstream(dir + "/g.jsonl") << Dump(*g); }
  LoadOptions opts;
  opts.progress = false;
  auto back = LoadGraphInputs({dir + "/g.jsonl"}, testing::TestSchema(), opts);
  INFO(back.status().message());
  REQUIRE(back.ok());
  CHECK(Dump(**back) == Dump(*g));
}

TEST_CASE("graphml names every node and edge with its type", "[export]") {
  auto g = testing::BuildFromJsonl(testing::kSmallGraph);
  std::ostringstream out;
  REQUIRE(ExportGraphml(*g, out).ok());
  std::string xml = out.str();
  CHECK_THAT(xml, Catch::Contains("<graphml"));
  CHECK_THAT(xml, Catch::Contains("先导产业母基金"));
  CHECK_THAT(xml, Catch::Contains("FUNDS"));
  size_t nodes = 0, edges = 0;
  for (size_t p = 0; (p = xml.find("<node ", p)) != std::string::npos; ++p) ++nodes;
  for (size_t p = 0; (p = xml.find("<edge ", p)) != std::string::npos; ++p) ++edges;
  CHECK(nodes == g->num_nodes());
  CHECK(edges == g->num_edges());
}

TEST_CASE("csv export writes nodes and one file per edge type", "[export]") {
  auto g = testing::BuildFromJsonl(testing::kSmallGraph);
  std::string dir = TempDir("csv");
  REQUIRE(ExportCsv(*g, dir, false).ok());
  std::ifstream nodes(dir + "/nodes.csv");
  std::string line;
  size_t n = 0;
  while (std::getline(nodes, line)) ++n;
  CHECK(n == g->num_nodes());
  CHECK(std::filesystem::exists(dir + "/edges_FUNDS.csv"));
  CHECK(std::filesystem::exists(dir + "/edges_SUPPORTS.csv"));
  std::ifstream funds(dir + "/edges_FUNDS.csv");
  std::getline(funds, line);
  CHECK(line == "fund:xd,ind:ic");
}

TEST_CASE("folders load recursively; bad lines fail the load or are skipped", "[loader]") {
  std::string dir = TempDir("folder");
  std::filesystem::create_directories(dir + "/sub");
  { std::ofstream(dir + "/a.jsonl") << R"({"kind":"node","id":"g","type":"Goal","name":"目标"})" << "\n"; }
  { std::ofstream(dir + "/sub/b.jsonl") << R"({"kind":"node","id":"i","type":"Initiative","name":"行动"})" << "\n"
                                        << R"({"kind":"edge","type":"SUPPORTS","from":"i","to":"g"})" << "\n"
                                        << R"({"kind":"node","id":"x","type":"Fnud","name":"坏"})" << "\n"; }
  LoadOptions opts;
  opts.progress = false;
  auto bad = LoadGraphInputs({dir}, testing::TestSchema(), opts);
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.status().message(), Catch::Contains("b.jsonl:3:"));
  opts.skip_invalid = true;
  LoadReport report;
  auto ok = LoadGraphInputs({dir}, testing::TestSchema(), opts, &report);
  REQUIRE(ok.ok());
  CHECK((*ok)->num_nodes() == 2);
  CHECK((*ok)->num_edges() == 1);
  CHECK(report.files == 2);
  CHECK(report.skipped.size() == 1);
  auto missing = LoadGraphInputs({dir + "/none"}, testing::TestSchema(), opts);
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.status().message(), Catch::Contains("no such file or folder"));
}

TEST_CASE("text documents need an extractor", "[loader]") {
  std::string dir = TempDir("doc");
  { std::ofstream(dir + "/notice.txt") << "关于印发《某某行动计划》的通知\n"; }
  LoadOptions opts;
  opts.progress = false;
  auto r = LoadGraphInputs({dir + "/notice.txt"}, testing::TestSchema(), opts);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.status().message(), Catch::Contains("looks like a text document"));
  opts.extract_document = [](const std::string&, std::string_view, const std::function<void(Statement&&)>& sink) {
    sink(NodeStatement{"doc:1", "Document", "通知"});
    return Status::OK();
  };
  auto ok = LoadGraphInputs({dir + "/notice.txt"}, testing::TestSchema(), opts);
  REQUIRE(ok.ok());
  CHECK((*ok)->num_nodes() == 1);
}

}  // namespace
}  // namespace pkg
