// Curated decisions as statements: see curated_export.h.
#include "store/curated_export.h"

#include "graph/statement_writer.h"

namespace pkg {

std::vector<Statement> CuratedStatements(const Curation& curation) {
  std::vector<Statement> out;
  for (const MergeDecision& m : curation.merges) {
    if (!m.active()) continue;
    NodeStatement n;
    n.id = m.keep;
    n.type = m.keep_type;
    n.name = m.keep_name;
    std::string keys;
    for (size_t i = 0; i < m.merged.size(); ++i) {
      if (i) keys += ", ";
      keys += m.merged[i];
      const std::string& alias = i < m.merged_names.size() ? m.merged_names[i] : m.merged[i];
      if (!alias.empty() && alias != n.name) n.aliases.push_back(alias);
    }
    Provenance p;
    p.rule = "curated";
    p.quote = "merge:" + std::to_string(m.id) + " of " + keys +
              (m.reason.empty() ? std::string() : ": " + m.reason);
    n.sources.push_back(std::move(p));
    out.emplace_back(std::move(n));
  }
  for (const SplitDecision& sp : curation.splits) {
    if (sp.merge_id != 0 || sp.apart.empty()) continue;
    NodeStatement n;
    n.id = sp.node;
    n.type = sp.node_type;
    n.name = sp.node_name;
    std::string keys;
    for (const auto& [a, b] : sp.apart) {
      const std::string& other = a == sp.node ? b : a;
      if (!keys.empty()) keys += ", ";
      keys += other;
    }
    Provenance p;
    p.rule = "curated";
    p.quote = "split:" + std::to_string(sp.id) + ": not the same item as " + keys +
              (sp.reason.empty() ? std::string() : ": " + sp.reason);
    n.sources.push_back(std::move(p));
    out.emplace_back(std::move(n));
  }
  for (const CuratedLink& l : curation.links) {
    if (l.deleted) continue;
    EdgeStatement e;
    e.type = l.type;
    e.from = l.from;
    e.to = l.to;
    Provenance p;
    p.rule = "curated";
    p.quote = l.reason;
    e.sources.push_back(std::move(p));
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
