// Linker: one node per real-world item across documents.
//
// Runs over a GraphBuilder after every input is added and before Build. Two
// nodes of the same type are merged (GraphBuilder::MergeNodes, which records
// "merged_from" and "merge_reason" on the kept node) when:
//   1. key:        a name or alias of each has the same canonical key
//                  (canonical_key.h: script, width, quotes, tier words,
//                  generic endings, phase position); names relative to the
//                  reader's region (市财政局, 省工业和信息化厅: rules.tsv
//                  `relative`) never count;
//   2. lexicon:    a name of each is listed for the same item in the
//                  lexicons (data/lexicon/*.tsv, data/linking/equivalences.tsv);
//   3. region:     one name is the other with a region prefix (上海市先导产业
//                  母基金 / 先导产业母基金), and no other region prefixes that
//                  name anywhere in the graph (otherwise the bare name is
//                  ambiguous and stays apart); not for agencies (上海市发展
//                  改革委 is not the national 发展改革委);
//   4. 文号:       both are measures with the same doc_number property;
//   5. similarity: Dice similarity of character bigrams of the keys (of six
//                  characters or more, not relative: 市重点产业链)
//                  ≥ min_similarity (0.85), length ratio ≥ min_length_ratio
//                  (0.8), same phase, same digits, same region, the same
//                  `distinct` words (实施, 暂行…: rules.tsv). Only run when
//                  the graph has at most similarity_limit linkable nodes.
// Document and Indicator nodes are never merged (documents are identified by
// content; indicators differ by period). A pair in `cannot_link` (curated
// splits) is never merged, directly or through a chain. The kept node of a
// cluster is the one with the most provenance (then the first seen).
//
// Incremental linking (the server's writes): IndexSnapshot indexes the keys,
// 文号 and bigrams of an already-linked snapshot once; LinkNew then links only
// the given new nodes, against each other and against the snapshot's nodes
// that share a key, a 文号 or a bigram with them (found through the index),
// with the same rules as Link. A cluster keeps the snapshot's node when it
// has one (so keys clients already hold stay the node's key), else the node
// with the most provenance. Nodes of the snapshot are not re-linked among
// themselves (load linked them).
//
// Link is in linker.cc, IndexSnapshot and LinkNew in link_index.cc.
// Thread safety: a Linker and a LinkIndex are immutable; Link and LinkNew
// mutate only the builder given.
// Tested in tests/link/linker_test.cc; figures in docs/linking.md.
#pragma once

#include <functional>
#include <optional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/status.h"
#include "graph/graph_builder.h"
#include "graph/schema.h"
#include "graph/snapshot.h"
#include "link/canonical_key.h"

namespace pkg {

struct LinkOptions {
  double min_similarity = 0.85;
  double min_length_ratio = 0.8;
  size_t similarity_limit = 300000;
  std::vector<std::pair<std::string, std::string>> cannot_link;  // node keys
};

struct LinkReport {
  size_t linkable = 0;     // nodes considered
  size_t merged = 0;       // nodes merged into another
  size_t clusters = 0;     // clusters with more than one node
  bool similarity_run = false;
  std::vector<std::string> decisions;  // "kept <- merged: reason", one per merge
};

// Keys, 文号 and bigrams of a snapshot's linkable nodes (Linker::IndexSnapshot).
struct LinkIndex {
  struct Entry {
    uint64_t h;
    uint32_t node;  // NodeId in the indexed snapshot
    bool operator<(const Entry& o) const { return h != o.h ? h < o.h : node < o.node; }
  };
  SnapshotPtr snap;               // the indexed snapshot
  std::vector<Entry> keys;        // name key hashes (plain, lexicon, bare), sorted
  std::vector<Entry> numbers;     // hashes of measures' 文号, sorted
  std::vector<Entry> grams;       // bigram hashes of names (when similarity runs), sorted
  bool similarity = false;        // the snapshot is small enough for the similarity pass
  size_t memory() const { return (keys.size() + numbers.size() + grams.size()) * sizeof(Entry); }
};

class Linker {
 public:
  // Reads data_dir/linking/*.tsv and data_dir/lexicon/*.tsv.
  static Result<std::unique_ptr<Linker>> Create(std::shared_ptr<const Schema> schema, const std::string& data_dir);
  // For tests: rules and equivalence lines given as text (lexicon format:
  // type<TAB>name<TAB>aliases|…<TAB>name_en).
  static Result<std::unique_ptr<Linker>> FromText(std::shared_ptr<const Schema> schema,
                                                  std::shared_ptr<const KeyRules> rules,
                                                  std::string_view equivalences);

  Result<LinkReport> Link(GraphBuilder& builder, const LinkOptions& opts = {}) const;

  // Indexes `snap` for LinkNew. Linear in the snapshot's names.
  std::shared_ptr<const LinkIndex> IndexSnapshot(SnapshotPtr snap, const LinkOptions& opts = {}) const;
  // Links the nodes with keys `new_keys` (already in the builder, as is every
  // node of index.snap) against each other and the indexed nodes they may
  // denote. Keys not in the builder are ignored.
  Result<LinkReport> LinkNew(GraphBuilder& builder, const std::vector<std::string>& new_keys,
                             const LinkIndex& index, const LinkOptions& opts = {}) const;

  // The nodes of index.snap of type `type` that share a key of passes 1-3
  // with `name` (its canonical key, its lexicon item's, its key without a
  // region prefix): what the name, met in a new document, may denote.
  // Sorted by NodeId, unique. Relative names (市财政局) denote nothing.
  std::vector<NodeId> Denoted(const LinkIndex& index, TypeId type, std::string_view name) const;
  const KeyRules& rules() const { return *rules_; }

 private:
  // kBare: the name without its region prefix; kIssuer: a policy's title
  // without its issuer (工业和信息化部办公厅关于开展X的通知 → 关于开展X的通知).
  enum Kind : uint8_t { kPlain = 0, kLexicon = 1, kBare = 2, kIssuer = 3 };
  using KeyEmit = std::function<void(uint64_t hash, uint16_t name, Kind kind, uint64_t region_hash)>;
  // Calls emit(hash, name index, kind, region hash) for every pass 1-3 key of
  // the names of a node of `type` (region hash 0 unless kind is kBare, or
  // the issuer's hash for kIssuer).
  void ForEachKey(TypeId type, const std::vector<std::string_view>& names, const KeyEmit& emit) const;
  bool Linkable(TypeId type) const;
  // Passes 1-5 over `rows` of the builder, then the merges; a cluster keeps
  // an `established` row when it has one.
  Result<LinkReport> LinkRows(GraphBuilder& b, std::vector<size_t> rows, const LinkOptions& opts,
                              const std::unordered_set<size_t>& established) const;

  Status AddEquivalences(std::string_view text, const std::string& origin);

  std::shared_ptr<const Schema> schema_;
  std::optional<TypeId> agency_;  // names with a region are never the lexicon's bare agency
  std::optional<TypeId> policy_;  // titles "X关于Y" also link as "关于Y" (kIssuer)
  std::shared_ptr<const KeyRules> rules_;
  // type id + "\t" + canonical key of a listed name → canonical key of the item's name
  std::unordered_map<std::string, std::string> equivalent_;
};

}  // namespace pkg
