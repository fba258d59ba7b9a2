// ApplyCuration: see curation_apply.h.
#include "store/curation_apply.h"

#include <algorithm>
#include <unordered_set>

namespace pkg {
namespace {

struct NodeInfo {
  std::string type, name;
};

void AddAlias(NodeStatement& n, const std::string& alias) {
  if (alias.empty() || alias == n.name) return;
  if (std::find(n.aliases.begin(), n.aliases.end(), alias) == n.aliases.end()) {
    n.aliases.push_back(alias);
  }
}

}  // namespace

std::string LinkEdgeKey(const std::string& from, const std::string& type, const std::string& to) {
  return from + '\t' + type + '\t' + to;
}

std::vector<std::pair<std::string, std::string>> CannotLinkPairs(const Curation& curation) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const SplitDecision& s : curation.splits) {
    out.insert(out.end(), s.apart.begin(), s.apart.end());
  }
  for (const MergeDecision& m : curation.merges) {
    if (m.active()) continue;
    for (const std::string& k : m.merged) out.emplace_back(m.keep, k);
  }
  return out;
}

CurationReport ApplyCuration(const Curation& curation, std::vector<NodeStatement>& nodes,
                             std::vector<EdgeStatement>& edges) {
  CurationReport report;
  auto& into = report.merged_into;

  // Resolve a key through the merges applied so far. Each step follows a
  // merge to a strictly earlier-applied keep; the map has no cycles (checked
  // on insertion), so the walk ends within into.size() steps.
  auto resolve = [&into](const std::string& key) {
    const std::string* cur = &key;
    for (size_t steps = 0; steps <= into.size(); ++steps) {
      auto it = into.find(*cur);
      if (it == into.end()) break;
      cur = &it->second;
    }
    return *cur;
  };

  for (const MergeDecision& m : curation.merges) {
    if (!m.active()) continue;
    std::string keep = resolve(m.keep);
    for (const std::string& k : m.merged) {
      if (resolve(k) == keep) {
        if (k == keep) {
          report.warnings.push_back("merge:" + std::to_string(m.id) + ": \"" + k +
                                    "\" is already the kept node; ignored");
        }
        continue;
      }
      // Re-point everything that resolved to k (and k itself) at keep.
      std::string old_root = resolve(k);
      for (auto& [from, to] : into) {
        if (to == old_root) to = keep;
      }
      into[old_root] = keep;
      if (old_root != k) into[k] = keep;
    }
  }
  for (auto& [from, to] : into) to = resolve(to);

  // Type and name of every key as first stated.
  std::unordered_map<std::string, NodeInfo> info;
  for (const NodeStatement& n : nodes) info.try_emplace(n.id, NodeInfo{n.type, n.name});

  for (NodeStatement& n : nodes) {
    auto it = into.find(n.id);
    if (it == into.end()) continue;
    const std::string& keep = it->second;
    auto kept = info.find(keep);
    std::string old_name = n.name;
    n.id = keep;
    if (kept != info.end()) {
      n.type = kept->second.type;
      n.name = kept->second.name;
    }
    AddAlias(n, old_name);
    // The kept node's names win: a merged node's English name becomes an
    // alias, never the kept node's English name.
    if (!n.name_en.empty()) {
      AddAlias(n, n.name_en);
      n.name_en.clear();
    }
  }
  // The kept node records what was merged into it (properties merged_from
  // and merge_reason of the schema), so a reader can tell a curated node.
  std::unordered_map<std::string, std::pair<StringList, StringList>> merge_props;
  for (const MergeDecision& m : curation.merges) {
    if (!m.active()) continue;
    std::string keep = resolve(m.keep);
    auto& [from, why] = merge_props[keep];
    for (const std::string& k : m.merged) {
      if (std::find(from.begin(), from.end(), k) == from.end() && k != keep) from.push_back(k);
    }
    if (!m.reason.empty()) why.push_back(m.reason);
  }
  for (auto& [keep, lists] : merge_props) {
    auto kept = info.find(keep);
    if (kept == info.end() || lists.first.empty()) continue;
    NodeStatement n;
    n.id = keep;
    n.type = kept->second.type;
    n.name = kept->second.name;
    SetProperty(n.props, "merged_from", Value(lists.first));
    if (!lists.second.empty()) SetProperty(n.props, "merge_reason", Value(lists.second));
    nodes.push_back(std::move(n));
  }

  // Drop edges that a merge turned into self-loops; re-point the others.
  std::vector<EdgeStatement> kept_edges;
  kept_edges.reserve(edges.size() + curation.links.size());
  for (EdgeStatement& e : edges) {
    if (!into.empty()) {
      auto f = into.find(e.from);
      if (f != into.end()) e.from = f->second;
      auto t = into.find(e.to);
      if (t != into.end()) e.to = t->second;
      if (e.from == e.to) continue;
    }
    kept_edges.push_back(std::move(e));
  }
  edges = std::move(kept_edges);

  for (const CuratedLink& l : curation.links) {
    if (l.deleted) continue;
    EdgeStatement e;
    e.type = l.type;
    e.from = resolve(l.from);
    e.to = resolve(l.to);
    if (e.from == e.to) {
      report.warnings.push_back("link:" + std::to_string(l.id) +
                                ": both ends are the same node after merges; not drawn");
      continue;
    }
    SetProperty(e.props, "curated", Value(true));
    if (!l.reason.empty()) SetProperty(e.props, "reason", Value(l.reason));
    Provenance p;
    p.rule = "curated";
    p.quote = l.reason;
    e.sources.push_back(std::move(p));
    report.link_edges[LinkEdgeKey(e.from, e.type, e.to)] = l.id;
    edges.push_back(std::move(e));
  }
  return report;
}

}  // namespace pkg
