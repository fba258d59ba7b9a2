// Cell: display text and equality (see engine.h).
#include "query/engine.h"
#include "query/eval.h"

namespace pkg {

namespace {
std::string EdgeArrow(const Snapshot& snap, EdgeId e) {
  return "-[:" + snap.schema().edge_type(snap.edge_type(e)).name + "]->";
}
}  // namespace

std::string Cell::ToDisplay(const Snapshot& snap) const {
  switch (kind()) {
    case Kind::kValue: return value().is_null() ? std::string() : value().ToDisplay();
    case Kind::kNode: return std::string(snap.name(node()));
    case Kind::kEdge: {
      EdgeId e = edge();
      return "(" + std::string(snap.name(snap.source(e))) + ")" + EdgeArrow(snap, e) + "(" +
             std::string(snap.name(snap.target(e))) + ")";
    }
    case Kind::kPath: {
      const PathValue& p = path();
      std::string out = p.nodes.empty() ? "" : std::string(snap.name(p.nodes[0]));
      for (size_t i = 0; i < p.edges.size(); ++i) {
        EdgeId e = p.edges[i];
        std::string t = snap.schema().edge_type(snap.edge_type(e)).name;
        bool forward = snap.source(e) == p.nodes[i];
        out += forward ? " -[:" + t + "]-> " : " <-[:" + t + "]- ";
        out += std::string(snap.name(p.nodes[i + 1]));
      }
      return out;
    }
    case Kind::kList: {
      std::string out = "[";
      const List& l = list();
      for (size_t i = 0; i < l.size(); ++i) {
        if (i) out += ", ";
        out += l[i].ToDisplay(snap);
      }
      return out + "]";
    }
  }
  return {};
}

bool Cell::operator==(const Cell& o) const {
  std::string a, b;
  query::AppendKey(*this, &a);
  query::AppendKey(o, &b);
  return a == b;
}

}  // namespace pkg
