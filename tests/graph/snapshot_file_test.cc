// Tests for graph/snapshot_file.h: round trip, and damaged files refused.
#include "graph/snapshot_file.h"

#include <filesystem>
#include <fstream>

#include "graph/graph_export.h"
#include "graph_test_util.h"

namespace pkg {
namespace {

std::string TempPath(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("pkg-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

std::string Dump(const Snapshot& g) {
  std::ostringstream out;
  REQUIRE(ExportJsonl(g, out).ok());
  return out.str();
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

TEST_CASE("snapshot → file → snapshot gives the same graph", "[snapshot_file]") {
  auto g = testing::BuildFromJsonl(testing::kSmallGraph);
  std::string path = TempPath("round.pkg");
  REQUIRE(WriteSnapshotFile(*g, path).ok());
  CHECK(IsSnapshotFile(path));
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
  auto back = ReadSnapshotFile(path, testing::TestSchema());
  INFO(back.status().message());
  REQUIRE(back.ok());
  CHECK(Dump(**back) == Dump(*g));
  // Indexes work after reopening.
  CHECK((*back)->FindByName("集成電路").size() == 1);
  CHECK((*back)->FindByKey("fund:xd").has_value());
  CHECK_FALSE((*back)->Search("先导", 5).empty());
}

TEST_CASE("truncated and damaged snapshot files are refused", "[snapshot_file]") {
  auto g = testing::BuildFromJsonl(testing::kSmallGraph);
  std::string good = TempPath("good.pkg");
  REQUIRE(WriteSnapshotFile(*g, good).ok());
  std::string bytes = ReadAll(good);
  std::string bad = TempPath("bad.pkg");
  struct Case { std::string name; std::string bytes; std::string message; };
  std::vector<Case> cases = {
      {"empty", "", "shorter than its 64-byte header"},
      {"not a snapshot", std::string(100, 'x'), "bad magic"},
      {"cut in the header", bytes.substr(0, 40), "shorter than its 64-byte header"},
      {"cut in the payload", bytes.substr(0, bytes.size() - 7), "truncated or extended"},
      {"extended", bytes + "junk", "truncated or extended"},
  };
  std::string header_flip = bytes;
  header_flip[20] ^= 0x01;
  cases.push_back({"header byte flipped", header_flip, "header is damaged"});
  for (size_t pos : {size_t{64}, size_t{100}, bytes.size() / 2, bytes.size() - 1}) {
    std::string flipped = bytes;
    flipped[pos] ^= 0x40;
    cases.push_back({"payload byte flipped at " + std::to_string(pos), flipped, "damaged"});
  }
  for (const auto& c : cases) {
    INFO(c.name);
    WriteAll(bad, c.bytes);
    auto r = ReadSnapshotFile(bad, testing::TestSchema());
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::Contains(c.message));
    CHECK_THAT(r.status().message(), Catch::StartsWith(bad));
  }
  auto missing = ReadSnapshotFile(TempPath("nope.pkg"), testing::TestSchema());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kIoError);
}

TEST_CASE("a snapshot built with another schema is refused", "[snapshot_file]") {
  auto g = testing::BuildFromJsonl(testing::kSmallGraph);
  std::string path = TempPath("schema.pkg");
  REQUIRE(WriteSnapshotFile(*g, path).ok());
  auto other = Schema::Parse(R"({"node_types":[{"name":"A"}],"edge_types":[{"name":"E","from":["A"],"to":["A"]}]})", "o");
  REQUIRE(other.ok());
  auto r = ReadSnapshotFile(path, *other);
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.status().message(), Catch::Contains("different schema"));
}

}  // namespace
}  // namespace pkg
