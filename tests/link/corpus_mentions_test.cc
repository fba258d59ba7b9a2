// Tests for link/corpus_mentions.h: places that name items known from other
// documents become provenance and MENTIONS, with spans in the original bytes.
#include "link/corpus_mentions.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

namespace pkg {
namespace {

std::shared_ptr<const Schema> TestSchema() {
  static auto s = *Schema::Load(Schema::DefaultPath());
  return s;
}

NodeStatement Node(const std::string& id, const std::string& type, const std::string& name) {
  NodeStatement n;
  n.id = id;
  n.type = type;
  n.name = name;
  return n;
}

// An identity offset map, shifted by `shift` bytes (as if a BOM or pinyin
// had been dropped before the text).
NormalizedDocument Text(const std::string& text, uint32_t shift) {
  NormalizedDocument d{text, {}};
  for (uint32_t i = 0; i <= text.size(); ++i) d.orig.push_back(i + shift);
  return d;
}

TEST_CASE("names of items found elsewhere become mentions of the documents that name them", "[link][corpus]") {
  GraphBuilder b(TestSchema());
  NodeStatement doc_a = Node("doc:a", "Document", "甲");
  SetProperty(doc_a.props, "region", "上海");  // the fund is 上海's: looked for in b (no region)
  REQUIRE(b.AddNode(doc_a).ok());
  REQUIRE(b.AddNode(Node("doc:b", "Document", "乙")).ok());
  NodeStatement fund = Node("Fund:先导产业母基金", "Fund", "三大先导产业母基金");
  fund.sources.push_back(Provenance{"doc:a", 0, 27, 0, "head.fund", ""});
  REQUIRE(b.AddNode(fund).ok());
  const std::string a = "三大先导产业母基金设立。";
  const std::string bt = "新闻:上海市先导产业母基金完成首批遴选;先导产业母基金再投资。";
  std::map<std::string, NormalizedDocument> texts{{"a.txt", Text(a, 0)}, {"b.txt", Text(bt, 3)}};
  std::vector<CorpusDocument> docs{{"a.txt", "doc:a", {{0, 27}}, {"Fund:先导产业母基金"}},
                                   {"b.txt", "doc:b", {}, {}},
                                   {"gone.txt", "doc:c", {}, {}}};
  auto normalize = [&](const CorpusDocument& d) -> Result<NormalizedDocument> {
    auto it = texts.find(d.path);
    if (it == texts.end()) return Status::IoError("cannot open " + d.path);
    return it->second;
  };
  CorpusMentionOptions opts;
  opts.data_dir = PKG_SOURCE_DATA_DIR;
  size_t last_done = 0;
  opts.progress = [&](size_t done, size_t) { last_done = done; };
  auto r = AddCorpusMentions(b, docs, normalize, opts);
  REQUIRE(r.ok());
  CHECK(r->items == 1);
  CHECK(r->places == 2);     // both places in b; the one in a lies in a's own span
  CHECK(r->new_pairs == 1);  // (b, fund)
  REQUIRE(r->skipped.size() == 1);
  CHECK(r->skipped[0].find("gone.txt") != std::string::npos);
  CHECK(last_done == 3);

  auto snap = b.Build();
  REQUIRE(snap.ok());
  const Snapshot& g = **snap;
  NodeId f = *g.FindByKey("Fund:先导产业母基金"), db = *g.FindByKey("doc:b");
  bool mentions = false;
  for (Adjacent a : g.out(db)) mentions = mentions || (a.node == f && g.schema().edge_type(a.type).name == "MENTIONS");
  CHECK(mentions);
  // Provenance in b's original bytes (shifted by 3), with the sentence.
  std::vector<Provenance> in_b;
  for (const auto& p : g.provenance(f)) {
    if (p.document == "doc:b") in_b.push_back(p);
  }
  REQUIRE(in_b.size() == 2);
  size_t at = bt.find("上海市先导产业母基金");
  CHECK(in_b[0].begin == at + 3);
  CHECK(in_b[0].end == at + 3 + std::string("上海市先导产业母基金").size());
  CHECK(in_b[0].rule == "link.corpus_mention");
  CHECK(in_b[0].quote == bt.substr(0, bt.size() - std::string("。").size()));
  // The new written form is an alias.
  auto aliases = g.aliases(f);
  CHECK(std::find(aliases.begin(), aliases.end(), "上海市先导产业母基金") != aliases.end());
}

}  // namespace
}  // namespace pkg
