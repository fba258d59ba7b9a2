// Tests for ingest/emit.h through the extractor: a node's sources are its
// first places (at most 8, the first with its sentence), MENTIONS carries the
// node's first place without the quote, and a body named only through its
// office (工业和信息化部办公厅 → 工业和信息化部) takes the office's first place
// under the rule metadata.issuer_body.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "graph/schema.h"
#include "ingest/extractor.h"
#include "tests/ingest/extract_fixture.h"

using namespace pkg;

namespace {

std::vector<Statement> Run(const std::string& bytes) {
  std::vector<Statement> out;
  Status s = pkg::testing::SharedExtractor().Extract(DocumentInput{"test.txt", bytes, ""}, [&](Statement&& st) { out.push_back(std::move(st)); });
  REQUIRE(s.ok());
  return out;
}

const NodeStatement* NodeById(const std::vector<Statement>& st, const std::string& id) {
  for (const auto& s : st) {
    if (auto* n = std::get_if<NodeStatement>(&s); n && n->id == id) return n;
  }
  return nullptr;
}

const EdgeStatement* EdgeOf(const std::vector<Statement>& st, const std::string& type, const std::string& to) {
  for (const auto& s : st) {
    if (auto* e = std::get_if<EdgeStatement>(&s); e && e->type == type && e->to == to) return e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("emit: a body named through its office takes the office's first place", "[emit]") {
  const std::string text =
      "工业和信息化部办公厅关于开展2024年度智能制造试点示范行动工作的通知\n\n"
      "各省、自治区、直辖市工业和信息化主管部门:\n"
      "为贯彻落实《“十四五”智能制造发展规划》，开展2024年度智能制造试点示范行动工作。现将有关事项通知如下。\n"
      "一、支持企业建设智能工厂。\n\n工业和信息化部办公厅\n2024年5月1日\n";
  const auto st = Run(text);
  const NodeStatement* office = NodeById(st, "Agency:工业和信息化部办公厅");
  const NodeStatement* body = NodeById(st, "Agency:工业和信息化部");
  REQUIRE(office);
  REQUIRE(body);
  REQUIRE(body->sources.size() == 1);
  const Provenance& b = body->sources[0];
  const Provenance& o = office->sources[0];
  CHECK(b.rule == "metadata.issuer_body");
  CHECK(b.begin == o.begin);
  CHECK(b.end == o.end);
  CHECK(b.sentence == o.sentence);
  CHECK(b.quote == o.quote);
  const EdgeStatement* responsible = nullptr;
  for (const auto& s : st) {
    if (auto* e = std::get_if<EdgeStatement>(&s); e && e->type == "RESPONSIBLE" && e->from == body->id) responsible = e;
  }
  REQUIRE(responsible);
  CHECK(responsible->sources[0].rule == "metadata.title_responsible");
  const EdgeStatement* mentions = EdgeOf(st, "MENTIONS", body->id);
  REQUIRE(mentions);
  CHECK(mentions->sources[0].rule == "metadata.issuer_body");
  CHECK(mentions->sources[0].begin == b.begin);
  CHECK(mentions->sources[0].quote.empty());
}

TEST_CASE("emit: sources are a node's first eight places, the first with its sentence", "[emit]") {
  std::string text = "某市方案\n\n";
  for (int i = 0; i < 10; ++i) text += "第" + std::to_string(i) + "条 支持集成电路产业发展。\n";
  const auto st = Run(text);
  const NodeStatement* n = nullptr;
  for (const auto& s : st) {
    if (auto* x = std::get_if<NodeStatement>(&s); x && x->type == "Industry" && x->sources.size() > 1) n = x;
  }
  REQUIRE(n);
  CHECK(n->sources.size() == 8);
  CHECK(!n->sources[0].quote.empty());
  for (size_t j = 1; j < n->sources.size(); ++j) {
    CHECK(n->sources[j].quote.empty());
    CHECK(n->sources[j].begin > n->sources[j - 1].begin);
  }
  const EdgeStatement* mentions = EdgeOf(st, "MENTIONS", n->id);
  REQUIRE(mentions);
  CHECK(mentions->sources[0].begin == n->sources[0].begin);
  CHECK(mentions->sources[0].end == n->sources[0].end);
  CHECK(mentions->sources[0].quote.empty());
}
