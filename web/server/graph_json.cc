// GraphJson: see graph_json.h.
#include "web/server/graph_json.h"

#include <cmath>
#include <unordered_set>

#include "store/curation_apply.h"

namespace pkg {

// The fields every node shape starts with (see docs/api.md, "Node (summary)").
void GraphJson::SummaryFields(NodeId n) {
  const Schema& schema = snap_.schema();
  const NodeTypeDef& t = schema.node_type(snap_.type(n));
  Key("id");
  Str(snap_.key(n));
  Key("type");
  Str(t.name);
  Key("labels");
  w_.StartArray();
  for (TypeId l : schema.Labels(snap_.type(n))) Str(schema.node_type(l).name);
  w_.EndArray();
  Key("name");
  Str(snap_.name(n));
  Key("name_en");
  Str(snap_.name_en(n));
  Key("type_zh");
  Str(t.zh);
}

void GraphJson::NodeSummary(NodeId n) {
  w_.StartObject();
  SummaryFields(n);
  w_.EndObject();
}

void GraphJson::PropertyValue(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull: w_.Null(); break;
    case Value::Kind::kBool: w_.Bool(v.as_bool()); break;
    case Value::Kind::kInt: w_.Int64(v.as_int()); break;
    case Value::Kind::kDouble:
      if (std::isfinite(v.as_double())) {
        w_.Double(v.as_double());
      } else {
        w_.Null();
      }
      break;
    case Value::Kind::kString: Str(v.as_string()); break;
    case Value::Kind::kAmount: {
      const Amount& a = v.as_amount();
      w_.StartObject();
      Key("value");
      std::isfinite(a.value) ? w_.Double(a.value) : w_.Null();
      Key("unit");
      Str(a.unit);
      Key("cny");
      std::isfinite(a.cny) ? w_.Double(a.cny) : w_.Null();
      w_.EndObject();
      break;
    }
    case Value::Kind::kList:
      w_.StartArray();
      for (const std::string& s : v.as_list()) Str(s);
      w_.EndArray();
      break;
  }
}

void GraphJson::Properties(const PropertyMap& props) {
  w_.StartObject();
  for (const auto& [k, v] : props) {
    Key(k);
    PropertyValue(v);
  }
  w_.EndObject();
}

void GraphJson::ProvenanceEntry(const Provenance& p) {
  w_.StartObject();
  Key("document");
  Str(p.document);
  Key("document_title");
  std::string title;
  if (!p.document.empty()) {
    if (auto d = snap_.FindByKey(p.document)) {
      Value t = snap_.property(*d, "title");
      title = t.kind() == Value::Kind::kString ? t.as_string() : std::string(snap_.name(*d));
    }
  }
  Str(title);
  Key("span");
  w_.StartArray();
  w_.Uint64(p.begin);
  w_.Uint64(p.end);
  w_.EndArray();
  Key("sentence");
  w_.Int64(p.sentence);
  Key("rule");
  Str(p.rule);
  Key("quote");
  Str(p.quote);
  w_.EndObject();
}

void GraphJson::NodeFull(NodeId n) {
  w_.StartObject();
  SummaryFields(n);
  Key("aliases");
  w_.StartArray();
  for (const std::string& a : snap_.aliases(n)) Str(a);
  w_.EndArray();
  Key("props");
  Properties(snap_.properties(n));
  Key("instrument");
  const Value* inst = FindProperty(snap_.properties(n), "instrument");
  if (inst && inst->kind() == Value::Kind::kString) {
    Str(inst->as_string());
  } else {
    w_.Null();
  }
  Key("provenance");
  w_.StartArray();
  for (const Provenance& p : snap_.provenance(n)) ProvenanceEntry(p);
  w_.EndArray();
  Key("degree");
  w_.StartObject();
  Key("in");
  w_.Uint(snap_.in(n).size());
  Key("out");
  w_.Uint(snap_.out(n).size());
  w_.EndObject();
  w_.EndObject();
}

std::string GraphJson::EdgeIdText(EdgeId e) const {
  if (!view_.link_edges.empty()) {
    const Schema& schema = snap_.schema();
    auto it = view_.link_edges.find(LinkEdgeKey(std::string(snap_.key(snap_.source(e))),
                                                schema.edge_type(snap_.edge_type(e)).name,
                                                std::string(snap_.key(snap_.target(e)))));
    if (it != view_.link_edges.end()) return "link:" + std::to_string(it->second);
  }
  return "e" + std::to_string(e.v);
}

void GraphJson::Edge(EdgeId e) {
  w_.StartObject();
  Key("id");
  Str(EdgeIdText(e));
  Key("type");
  Str(snap_.schema().edge_type(snap_.edge_type(e)).name);
  Key("from");
  Str(snap_.key(snap_.source(e)));
  Key("to");
  Str(snap_.key(snap_.target(e)));
  Key("props");
  Properties(snap_.edge_properties(e));
  Key("provenance");
  w_.StartArray();
  for (const Provenance& p : snap_.edge_provenance(e)) ProvenanceEntry(p);
  w_.EndArray();
  w_.EndObject();
}

void GraphJson::Fragment(const std::vector<NodeId>& nodes, const std::vector<EdgeId>& edges) {
  w_.StartObject();
  FragmentMembers(nodes, edges);
  w_.EndObject();
}

void GraphJson::FragmentMembers(const std::vector<NodeId>& nodes,
                                const std::vector<EdgeId>& edges) {
  std::unordered_set<uint32_t> seen_nodes, seen_edges;
  Key("nodes");
  w_.StartArray();
  for (NodeId n : nodes) {
    if (seen_nodes.insert(n.v).second) NodeSummary(n);
  }
  // Endpoints of the edges are part of the fragment too.
  for (EdgeId e : edges) {
    for (NodeId n : {snap_.source(e), snap_.target(e)}) {
      if (seen_nodes.insert(n.v).second) NodeSummary(n);
    }
  }
  w_.EndArray();
  Key("edges");
  w_.StartArray();
  for (EdgeId e : edges) {
    if (seen_edges.insert(e.v).second) Edge(e);
  }
  w_.EndArray();
}

}  // namespace pkg
