// Tests for base/tsv.h: rows, comments, CR LF, empty fields, line numbers, errors.
#include "base/tsv.h"

#include <catch2/catch.hpp>

namespace pkg {
namespace {

TEST_CASE("ForEachTsvRow walks data rows with their line numbers", "[tsv]") {
  std::vector<std::pair<size_t, std::vector<std::string>>> rows;
  Status s = ForEachTsvRow("# a comment\r\na\tb\r\n\nc\t\td\n#x\te", [&](size_t n, std::string_view, std::vector<std::string>& f) {
    rows.emplace_back(n, f);
    return Status::OK();
  });
  REQUIRE(s.ok());
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].first == 2);
  CHECK(rows[0].second == std::vector<std::string>{"a", "b"});
  CHECK(rows[1].first == 4);
  CHECK(rows[1].second == std::vector<std::string>{"c", "", "d"});  // an empty field stays
}

TEST_CASE("ForEachTsvRow stops at the first error", "[tsv]") {
  int seen = 0;
  Status s = ForEachTsvRow("a\nb\nc\n", [&](size_t n, std::string_view line, std::vector<std::string>&) {
    ++seen;
    return line == "b" ? Status::Invalid("line " + std::to_string(n)) : Status::OK();
  });
  CHECK_FALSE(s.ok());
  CHECK(s.message() == "line 2");
  CHECK(seen == 2);
  CHECK(ForEachTsvRow("", [](size_t, std::string_view, std::vector<std::string>&) { return Status::Invalid("x"); }).ok());
}

}  // namespace
}  // namespace pkg
