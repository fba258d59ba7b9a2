// Curated decisions as statements: see curated_export.h.
#include "store/curated_export.h"

#include "graph/statement_writer.h"

namespace pkg {

namespace {
// The provenance every curated statement carries: rule "curated", the quote
// saying which decision and why.
Provenance Curated(std::string quote) {
  Provenance p;
  p.rule = "curated";
  p.quote = std::move(quote);
  return p;
}

std::string WithReason(std::string text, const std::string& reason) {
  return reason.empty() ? text : text + ": " + reason;
}

NodeStatement DecisionNode(const std::string& id, const std::string& type, const std::string& name) {
  NodeStatement n;
  n.id = id;
  n.type = type;
  n.name = name;
  return n;
}
}  // namespace

std::vector<Statement> CuratedStatements(const Curation& curation) {
  std::vector<Statement> out;
  for (const MergeDecision& m : curation.merges) {
    if (!m.active()) continue;
    NodeStatement n = DecisionNode(m.keep, m.keep_type, m.keep_name);
    std::string keys;
    for (size_t i = 0; i < m.merged.size(); ++i) {
      if (i) keys += ", ";
      keys += m.merged[i];
      const std::string& alias = i < m.merged_names.size() ? m.merged_names[i] : m.merged[i];
      if (!alias.empty() && alias != n.name) n.aliases.push_back(alias);
    }
    n.sources.push_back(Curated(WithReason("merge:" + std::to_string(m.id) + " of " + keys, m.reason)));
    out.emplace_back(std::move(n));
  }
  for (const SplitDecision& sp : curation.splits) {
    if (sp.merge_id != 0 || sp.apart.empty()) continue;
    NodeStatement n = DecisionNode(sp.node, sp.node_type, sp.node_name);
    std::string keys;
    for (const auto& [a, b] : sp.apart) {
      const std::string& other = a == sp.node ? b : a;
      if (!keys.empty()) keys += ", ";
      keys += other;
    }
    n.sources.push_back(
        Curated(WithReason("split:" + std::to_string(sp.id) + ": not the same item as " + keys, sp.reason)));
    out.emplace_back(std::move(n));
  }
  for (const CuratedLink& l : curation.links) {
    if (l.deleted) continue;
    EdgeStatement e;
    e.type = l.type;
    e.from = l.from;
    e.to = l.to;
    e.sources.push_back(Curated(l.reason));
    out.emplace_back(std::move(e));
  }
  return out;
}

std::string CuratedStatementsJsonl(const Curation& curation) {
  std::string out;
  for (const Statement& s : CuratedStatements(curation)) {
    out += StatementToJson(s);
    out += '\n';
  }
  return out;
}

}  // namespace pkg
