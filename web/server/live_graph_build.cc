// BuildGraphView: see live_graph_build.h.
#include "web/server/live_graph_build.h"

#include <algorithm>
#include <unordered_map>

#include "graph/graph_builder.h"
#include "store/curation_apply.h"

namespace pkg {

namespace {

// Counts the view's nodes and edges by type, once per view (not per request).
void CountTypes(GraphView& view, const Schema& schema) {
  const Snapshot& snap = *view.snap;
  view.nodes_by_type.assign(schema.num_node_types(), 0);
  view.edges_by_type.assign(schema.num_edge_types(), 0);
  for (uint32_t i = 0; i < snap.num_nodes(); ++i) ++view.nodes_by_type[snap.type(NodeId(i)).v];
  for (uint32_t i = 0; i < snap.num_edges(); ++i) ++view.edges_by_type[snap.edge_type(EdgeId(i)).v];
  if (auto doc = schema.FindNodeType("Document")) {
    for (TypeId t : schema.Descendants(*doc)) view.documents += view.nodes_by_type[t.v];
  }
}

// link_edges of a view: curated link edges by the keys their ends have now
// (the linker may have merged an end into another node after the curation
// was applied). REQUIRES: view.merged_into set.
void IndexLinks(GraphView& view, const Curation& curation) {
  const Snapshot& g = *view.snap;
  auto now_key = [&](const std::string& k) -> std::string {
    auto c = view.merged_into.find(k);
    const std::string& key = c == view.merged_into.end() ? k : c->second;
    auto n = g.FindByKey(key);
    return n ? std::string(g.key(*n)) : key;
  };
  for (const CuratedLink& l : curation.links) {
    if (!l.deleted) view.link_edges[LinkEdgeKey(now_key(l.from), l.type, now_key(l.to))] = l.id;
  }
}

}  // namespace

GraphViewPtr ViewOfSnapshot(const std::shared_ptr<const Schema>& schema, SnapshotPtr snap,
                            const Curation& curation, uint64_t version) {
  auto view = std::make_shared<GraphView>();
  view->snap = std::move(snap);
  view->version = version;
  std::vector<NodeStatement> no_nodes;
  std::vector<EdgeStatement> no_edges;
  view->merged_into = ApplyCuration(curation, no_nodes, no_edges).merged_into;
  IndexLinks(*view, curation);
  CountTypes(*view, *schema);
  return view;
}

Result<GraphViewPtr> BuildGraphView(
    const std::shared_ptr<const Schema>& schema, const SnapshotPtr& base,
    const std::vector<std::pair<std::string, std::vector<Statement>>>& documents,
    const Curation& curation, uint64_t version, std::vector<std::string>* dropped,
    const ViewLinking* linking) {
  bool merging = false;
  for (const MergeDecision& m : curation.merges) merging = merging || m.active();

  bool curated_links = false;
  for (const CuratedLink& l : curation.links) curated_links = curated_links || !l.deleted;
  if (base && documents.empty() && !merging && !curated_links) {
    // Nothing to add or change: serve the base snapshot itself (no copy).
    auto view = std::make_shared<GraphView>();
    view->snap = base;
    view->version = version;
    CountTypes(*view, *schema);
    return GraphViewPtr(std::move(view));
  }

  GraphBuilder builder(schema);
  if (base) builder.AddSnapshot(*base);
  std::vector<std::string> new_keys;  // the documents' nodes, for the linker
  auto add_node = [&](NodeStatement n) {
    std::string id = n.id;
    Status s = builder.AddNode(std::move(n));
    if (!s.ok() && dropped) dropped->push_back("node " + id + ": " + s.message());
    if (s.ok() && linking) new_keys.push_back(std::move(id));
  };
  auto add_edge = [&](EdgeStatement e) {
    std::string what = e.from + " -" + e.type + "-> " + e.to;
    Status s = builder.AddEdge(std::move(e));
    if (!s.ok() && dropped) dropped->push_back("edge " + what + ": " + s.message());
  };
  for (const auto& [key, statements] : documents) {
    for (const Statement& s : statements) {
      if (const auto* n = std::get_if<NodeStatement>(&s)) {
        add_node(*n);
      } else {
        add_edge(std::get<EdgeStatement>(s));
      }
    }
  }
  // Curation on the builder, not on statements (the base is never turned
  // back into statements): ApplyCuration over no statements resolves the
  // merge chains and words the curated link edges; every merged key is then
  // merged into its kept node (edges follow at Finish).
  std::vector<NodeStatement> no_nodes;
  std::vector<EdgeStatement> curated_edges;
  CurationReport report = ApplyCuration(curation, no_nodes, curated_edges);
  if (dropped) dropped->insert(dropped->end(), report.warnings.begin(), report.warnings.end());
  std::unordered_map<std::string, std::string> why;  // merged key → reason
  for (const MergeDecision& m : curation.merges) {
    if (!m.active()) continue;
    for (const std::string& k : m.merged) {
      why[k] = "curated merge:" + std::to_string(m.id) + (m.reason.empty() ? "" : ": " + m.reason);
    }
  }
  std::vector<std::pair<std::string, std::string>> merges(report.merged_into.begin(), report.merged_into.end());
  std::sort(merges.begin(), merges.end());
  for (const auto& [merged, keep] : merges) {
    auto w = why.find(merged);
    Status s = builder.MergeNodes(keep, merged, w == why.end() ? "curated merge" : w->second);
    if (!s.ok() && s.code() != StatusCode::kAlreadyExists && dropped) {
      dropped->push_back("merge of " + merged + " into " + keep + ": " + s.message());
    }
  }
  for (EdgeStatement& e : curated_edges) add_edge(std::move(e));
  if (linking && linking->linker && linking->base_index && !new_keys.empty()) {
    auto rep = linking->linker->LinkNew(builder, new_keys, *linking->base_index, linking->options);
    if (!rep.ok()) return rep.status();
    if (linking->report) *linking->report = std::move(*rep);
  }
  GraphBuilder::BuildOptions bo;
  bo.skip_invalid = true;
  bo.dropped = dropped;
  bo.version = version;
  auto snap = std::move(builder).Finish(bo);
  if (!snap.ok()) return snap.status();
  auto view = std::make_shared<GraphView>();
  view->snap = *snap;
  view->version = version;
  view->merged_into = std::move(report.merged_into);
  IndexLinks(*view, curation);
  CountTypes(*view, *schema);
  return GraphViewPtr(std::move(view));
}

}  // namespace pkg
