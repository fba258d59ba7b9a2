// Fuzz target: text ingestion (ingest/extractor.h Extractor::Extract: decode →
// normalise → metadata → structure → recognise → relate → emit).
//
// The input is the file bytes of one document, in any encoding (the decoder
// guesses UTF-8, GB18030, Big5, UTF-16 with a BOM…). The extractor is created
// once from the checked-in lexicons and rules.
// Invariants checked beyond "no crash, no sanitizer report" (the contract in
// extractor.h):
//   - failure is a Status with a non-empty, valid UTF-8 message;
//   - on success the first statement is the Document node, every node comes
//     before any edge naming it, every string emitted is valid UTF-8 (names,
//     aliases, quotes: Chinese text is never cut mid-character), and every
//     provenance span lies within the input bytes (begin <= end <= size);
//   - the statements build into a graph without errors (the extractor emits
//     only what the schema allows).
//   - the corpus mentions pass (link/corpus_mentions.h) over the document,
//     with its own items' names and a few known ones, runs, and what it adds
//     still builds with every provenance span within the input.
// Not covered here: the linker (link/linker.h), which runs on many inputs.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "base/text.h"
#include "ingest/extractor.h"
#include "link/corpus_mentions.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

using pkg::fuzz::FuzzCheck;

void CheckSources(const std::vector<pkg::Provenance>& sources, size_t size) {
  for (const auto& p : sources) {
    FuzzCheck(p.begin <= p.end && p.end <= size, "provenance spans lie within the input",
              std::to_string(p.begin) + ".." + std::to_string(p.end) + " of " + std::to_string(size));
    FuzzCheck(pkg::IsValidUtf8(p.quote), "quotes are valid UTF-8", p.quote);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pkg;
  static const Extractor* extractor = [] {
    auto e = Extractor::Create(fuzz::FuzzSchema(), "");
    FuzzCheck(e.ok(), "extractor loads its data", e.ok() ? "" : e.status().message());
    return std::move(e).value().release();  // lives for the process
  }();

  DocumentInput doc;
  doc.path = "fuzz.txt";
  doc.bytes.assign(reinterpret_cast<const char*>(data), size);
  std::vector<Statement> out;
  Status s = extractor->Extract(doc, [&](Statement&& st) { out.push_back(std::move(st)); });
  if (!s.ok()) {
    FuzzCheck(!s.message().empty(), "extract errors have a message");
    FuzzCheck(IsValidUtf8(s.message()), "extract error messages are valid UTF-8", s.message());
    return 0;
  }
  FuzzCheck(!out.empty(), "a document yields at least its Document node");
  const auto* first = std::get_if<NodeStatement>(&out.front());
  FuzzCheck(first != nullptr && first->type == "Document", "the first statement is the Document node");

  const std::string doc_key = first->id;  // the statements are moved into the builder below
  std::set<std::string> seen;
  GraphBuilder builder(fuzz::FuzzSchema());
  for (auto& st : out) {
    if (auto* n = std::get_if<NodeStatement>(&st)) {
      FuzzCheck(IsValidUtf8(n->id) && IsValidUtf8(n->name) && IsValidUtf8(n->name_en),
                "node ids and names are valid UTF-8", n->id);
      for (const auto& a : n->aliases) FuzzCheck(IsValidUtf8(a), "aliases are valid UTF-8", a);
      CheckSources(n->sources, size);
      seen.insert(n->id);
      Status added = builder.AddNode(std::move(*n));
      FuzzCheck(added.ok(), "extracted nodes fit the schema", added.message());
    } else {
      auto& e = std::get<EdgeStatement>(st);
      FuzzCheck(seen.count(e.from) && seen.count(e.to), "nodes come before the edges naming them",
                e.from + " -" + e.type + "-> " + e.to);
      CheckSources(e.sources, size);
      Status added = builder.AddEdge(std::move(e));
      FuzzCheck(added.ok(), "extracted edges fit the schema", added.message());
    }
  }
  // The corpus mentions pass (link/corpus_mentions.h) over this document,
  // with the names of its own items and of a few known items: what it adds
  // points into the input and still builds.
  CorpusDocument cd;
  cd.path = doc.path;
  cd.key = doc_key;
  static const std::vector<NodeStatement> known = [] {
    std::vector<NodeStatement> k;
    k.push_back(NodeStatement{"Fund:先导产业母基金", "Fund", "三大先导产业母基金", "Leading Industries Parent Fund",
                              {"上海市先导产业母基金"}});
    k.push_back(NodeStatement{"Fund:产业转型升级二期基金", "Fund", "产业转型升级二期基金", "", {}});
    k.push_back(NodeStatement{"Initiative:AI+制造行动", "Initiative", "AI+制造行动", "", {"人工智能+制造"}});
    return k;
  }();
  for (const auto& n : known) (void)builder.AddNode(n);
  CorpusMentionOptions co;
  co.data_dir = fuzz::FuzzDataDir();
  auto normalize = [&](const CorpusDocument&) -> Result<NormalizedDocument> {
    auto norm = extractor->Normalized(doc);
    if (!norm.ok()) return norm.status();
    return NormalizedDocument{std::move(norm->text), std::move(norm->orig)};
  };
  auto pass = AddCorpusMentions(builder, {cd}, normalize, co);
  FuzzCheck(pass.ok(), "the corpus mentions pass runs", pass.ok() ? "" : pass.status().message());
  auto built = builder.Build();
  FuzzCheck(built.ok(), "extracted statements build", built.ok() ? "" : built.status().message());
  const Snapshot& g = **built;
  for (uint32_t i = 0; i < g.num_nodes(); ++i) CheckSources(g.provenance(NodeId(i)), size);
  for (uint32_t i = 0; i < g.num_edges(); ++i) CheckSources(g.edge_provenance(EdgeId(i)), size);
  return 0;
}
