// GraphJson: nodes, edges, provenance and graph fragments as the JSON shapes
// of docs/api.md ("Shapes used below"), written with RapidJSON's Writer.
//
//   Node (summary): id, type, labels, name, name_en, type_zh
//   Node (full):    summary + aliases, props, instrument, provenance, degree
//   Edge:           id ("e<index>" or "link:<n>"), type, from, to, props, provenance
//   Provenance:     document, document_title, span, sentence, rule, quote
//   Fragment:       {"nodes":[summary…],"edges":[edge…]} (nodes de-duplicated)
//
// Values are typed (numbers as numbers; an amount as {value, unit, cny});
// non-finite numbers are written as null.
//
// It does not choose which nodes to show; the routes do.
// Thread safety: one GraphJson per response (it holds the writer).
// Tested through tests/web/endpoints_test.cc.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <string_view>
#include <vector>

#include "graph/snapshot.h"
#include "graph/value.h"
#include "web/server/live_graph.h"

namespace pkg {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

class GraphJson {
 public:
  GraphJson(const GraphView& view, JsonWriter& w) : view_(view), snap_(*view.snap), w_(w) {}

  void Str(std::string_view s) { w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void Key(std::string_view s) { w_.Key(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

  void NodeSummary(NodeId n);
  void NodeFull(NodeId n);
  // The summary's fields, without the enclosing object (shared by both shapes).
  void SummaryFields(NodeId n);
  void Edge(EdgeId e);
  std::string EdgeIdText(EdgeId e) const;
  void ProvenanceEntry(const Provenance& p);
  void PropertyValue(const Value& v);
  void Properties(const PropertyMap& props);
  // Writes {"nodes":[…],"edges":[…]}; nodes and edges de-duplicated, in order.
  void Fragment(const std::vector<NodeId>& nodes, const std::vector<EdgeId>& edges);
  // The "nodes" and "edges" members only, inside an object the caller opened.
  void FragmentMembers(const std::vector<NodeId>& nodes, const std::vector<EdgeId>& edges);

  JsonWriter& writer() { return w_; }

 private:
  const GraphView& view_;
  const Snapshot& snap_;
  JsonWriter& w_;
};

}  // namespace pkg
