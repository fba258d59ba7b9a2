// Tests for graph/statement_writer.h: JsonLinesWriter writes exactly what
// StatementToJson writes (escapes, numbers, lists, several sources), one line
// per statement, and reuses its buffer after clear(); statements given as
// views (NodeView, EdgeView) come out as the statements they view.
#include "graph/statement_writer.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

namespace pkg {
namespace {

Statement Tricky() {
  NodeStatement n;
  n.id = "fund:先导产业母基金";
  n.type = "Fund";
  n.name = std::string("q\"b\\s/\b\f\n\r\t\x01\x1f") + std::string(1, '\0') + "end “引号” \xff";
  n.name_en = "Leading Fund";
  n.aliases = {"三大先导产业母基金", "", "a\"b"};
  n.props = {{"size", Value(Amount{1000, "亿元", 1e11})},
             {"value", Value(5.25)},
             {"big", Value(1.5e20)},
             {"tiny", Value(1e-7)},
             {"neg", Value(-3.0)},
             {"nan", Value(std::numeric_limits<double>::quiet_NaN())},
             {"count", Value(int64_t{-42})},
             {"target", Value(true)},
             {"level", Value(StringList{"national", "municipal"})},
             {"empty", Value(StringList{})},
             {"none", Value()}};
  Provenance p;
  p.document = "doc:0123456789abcdef";
  p.begin = 12;
  p.end = 18446744073709551615ull;
  p.sentence = 3;
  p.rule = "fund.set_up";
  p.quote = "设立\"母基金\"\n";
  n.sources = {p, Provenance{"doc:x", 0, 1, -1, "", ""}};
  return n;
}

TEST_CASE("JsonLinesWriter writes what StatementToJson writes, a line each", "[statements]") {
  EdgeStatement e;
  e.type = "FUNDS";
  e.from = "fund:a";
  e.to = "industry:\"b\"";
  e.props = {{"confidence", Value(0.8)}};
  e.sources = {Provenance{"doc:x", 5, 9, 0, "r", ""}};
  EdgeStatement bare;
  bare.type = "MENTIONS";
  bare.from = "doc:x";
  bare.to = "fund:a";
  std::vector<Statement> all = {Tricky(), Statement(e), Statement(bare)};
  // An escape at every offset of strings longer than the 16- and 8-byte
  // fast scans, between ASCII and between multi-byte characters.
  for (size_t at = 0; at < 40; ++at) {
    for (char c : {'"', '\\', '\n', '\x01', '\x1f', '\x7f', ' '}) {
      EdgeStatement x = bare;
      x.to = std::string(at, 'a') + c + std::string(39 - at, 'b') + "产业";
      all.push_back(x);
      x.to = "产业" + std::string(at % 3, 'a') + c + "新型工业化推进专项资金" + std::string(at, 'z');
      all.push_back(x);
    }
  }
  // Short strings, around the 8- and 16-byte blocks: an escape at every offset.
  for (size_t len = 1; len <= 20; ++len) {
    for (size_t at = 0; at < len; ++at) {
      EdgeStatement x = bare;
      x.to = std::string(len, 'q');
      x.to[at] = at % 2 ? '"' : '\x02';
      all.push_back(x);
    }
  }
  // Every length up to three 16-byte blocks, plain, with one escape at each
  // offset, and with a second one at the end (the overlapping last block).
  for (size_t len = 0; len <= 50; ++len) {
    EdgeStatement x = bare;
    x.to.clear();
    for (size_t k = 0; k < len; ++k) x.to += static_cast<char>(k % 5 == 4 ? '\xe4' : 'a' + k % 26);
    all.push_back(x);
    for (size_t at = 0; at < len; ++at) {
      EdgeStatement y = x;
      y.to[at] = at % 3 == 0 ? '"' : at % 3 == 1 ? '\\' : '\x1f';
      all.push_back(y);
      y.to.back() = '\n';
      all.push_back(y);
    }
  }
  // Numbers of every length around the writer's digit-pair cases.
  for (uint64_t v : {0ull, 9ull, 10ull, 99ull, 100ull, 999ull, 1000ull, 9999ull, 10000ull, 99999ull, 100000ull, 999999ull,
                     1000000ull, 1234567ull, 4294967295ull, 18446744073709551615ull}) {
    for (uint64_t w : {v, v + 1, v / 3 * 2}) {
      EdgeStatement x = bare;
      x.sources = {Provenance{"doc:x", w, v, static_cast<int64_t>(w % 3000000), "r", ""}};
      all.push_back(x);
    }
  }
  std::string expected;
  for (const auto& s : all) expected += StatementToJson(s) + "\n";
  JsonLinesWriter w;
  for (const auto& s : all) w.Append(s);
  CHECK(w.view() == expected);
  w.clear();
  CHECK(w.view().empty());
  w.Append(all[1]);
  CHECK(w.view() == StatementToJson(all[1]) + "\n");
}

// The views of a statement's strings.
std::vector<ProvenanceView> Views(const std::vector<Provenance>& ps) {
  std::vector<ProvenanceView> v;
  for (const auto& p : ps) v.push_back(ProvenanceView{p.document, p.begin, p.end, p.sentence, p.rule, p.quote});
  return v;
}

TEST_CASE("JsonLinesWriter writes views as the statements they view", "[statements]") {
  std::vector<NodeStatement> nodes = {std::get<NodeStatement>(Tricky())};
  NodeStatement bare;
  bare.id = "doc:1";
  bare.type = "Document";
  bare.name = "x";
  nodes.push_back(bare);  // no name_en, aliases, props or sources
  bare.aliases = {"a\"b"};
  bare.sources = {Provenance{"doc:1", 0, 3, -1, "metadata.title", ""}};
  nodes.push_back(bare);
  for (const NodeStatement& n : nodes) {
    const std::vector<std::string_view> aliases(n.aliases.begin(), n.aliases.end());
    const std::vector<ProvenanceView> sources = Views(n.sources);
    JsonLinesWriter w;
    w.Append(NodeView{n.id, n.type, n.name, n.name_en, aliases, n.props.empty() ? nullptr : &n.props, sources});
    CHECK(w.view() == NodeStatementToJson(n) + "\n");
  }
  EdgeStatement e;
  e.type = "FUNDS";
  e.from = "fund:\"a\"";
  e.to = "industry:产业\n";
  for (int k = 0; k < 3; ++k) {
    const std::vector<ProvenanceView> sources = Views(e.sources);
    JsonLinesWriter w;
    w.Append(EdgeView{e.type, e.from, e.to, sources});
    CHECK(w.view() == EdgeStatementToJson(e) + "\n");
    e.sources.push_back(Provenance{"doc:x", 5, 9, k - 1, k ? "r" : "", k == 1 ? "设立\"母基金\"" : ""});
  }
}

}  // namespace
}  // namespace pkg
