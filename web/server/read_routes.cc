// Read routes: health, schema, stats, search, nodes, neighbors, paths. See routes.h and docs/api.md.
#include <algorithm>
#include <cmath>

#include "base/text.h"
#include "web/server/api_error.h"
#include "web/server/graph_json.h"
#include "web/server/request_input.h"
#include "web/server/routes.h"
#include "web/server/shortest_path.h"

namespace pkg {
namespace {

constexpr size_t kMaxKeyBytes = 1024;

std::string Done(rapidjson::StringBuffer& sb) { return std::string(sb.GetString(), sb.GetSize()); }

// The node named by a path capture, or a 404 sent.
std::optional<NodeId> NodeFromPath(const GraphView& view, const std::string& key,
                                   httplib::Response& res) {
  if (key.size() > kMaxKeyBytes || !IsValidUtf8(key)) {
    SendError(res, 400, "invalid_argument", "the node key is too long or not valid UTF-8");
    return std::nullopt;
  }
  if (auto n = view.snap->FindByKey(key)) return n;
  auto m = view.merged_into.find(key);
  if (m != view.merged_into.end()) {
    if (auto n = view.snap->FindByKey(m->second)) return n;
  }
  SendError(res, 404, "not_found", "no node with key \"" + key + "\"");
  return std::nullopt;
}

std::optional<NodeId> NodeFromParam(const GraphView& view, const httplib::Request& req,
                                    const char* name, httplib::Response& res) {
  auto key = TextParam(req, name, kMaxKeyBytes, res);
  if (!key) return std::nullopt;
  return NodeFromPath(view, *key, res);
}

void Health(RouteContext& ctx, const httplib::Request&, httplib::Response& res) {
  auto view = ctx.graph.Current();
  SendJson(res, 200,
           "{\"status\":\"ok\",\"version\":\"0.1.0\",\"snapshot_version\":" +
               std::to_string(view->version) + "}");
}

void SchemaRoute(RouteContext& ctx, const httplib::Request&, httplib::Response& res) {
  const Schema& schema = ctx.graph.schema();
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  auto str = [&w](std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); };
  auto types = [&](const std::vector<TypeId>& ts) {
    w.StartArray();
    for (TypeId t : ts) str(schema.node_type(t).name);
    w.EndArray();
  };
  w.StartObject();
  w.Key("node_types");
  w.StartArray();
  for (const NodeTypeDef& t : schema.node_types()) {
    w.StartObject();
    w.Key("name"); str(t.name);
    w.Key("parent");
    if (t.parent.valid()) str(schema.node_type(t.parent).name); else w.Null();
    w.Key("zh"); str(t.zh);
    w.Key("en"); str(t.en);
    w.Key("abstract"); w.Bool(t.abstract);
    w.EndObject();
  }
  w.EndArray();
  w.Key("edge_types");
  w.StartArray();
  for (const EdgeTypeDef& e : schema.edge_types()) {
    w.StartObject();
    w.Key("name"); str(e.name);
    w.Key("zh"); str(e.zh);
    w.Key("en"); str(e.en);
    w.Key("from"); types(e.from);
    w.Key("to"); types(e.to);
    w.EndObject();
  }
  w.EndArray();
  static const char* kKinds[] = {"string", "number", "bool", "amount", "date", "period", "list", "enum"};
  w.Key("properties");
  w.StartArray();
  for (const PropertyDef& p : schema.properties()) {
    w.StartObject();
    w.Key("name"); str(p.name);
    w.Key("kind"); str(kKinds[static_cast<int>(p.kind)]);
    w.Key("zh"); str(p.zh);
    if (!p.values.empty()) {
      w.Key("values");
      w.StartArray();
      for (const std::string& v : p.values) str(v);
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("instruments");
  w.StartArray();
  for (const InstrumentDef& i : schema.instruments()) {
    w.StartObject();
    w.Key("name"); str(i.name);
    w.Key("side"); str(i.side);
    w.Key("zh"); str(i.zh);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  SendJson(res, 200, Done(sb));
}

void Stats(RouteContext& ctx, const httplib::Request&, httplib::Response& res) {
  auto view = ctx.graph.Current();
  const Snapshot& snap = *view->snap;
  const Schema& schema = snap.schema();
  const std::vector<size_t>& by_type = view->nodes_by_type;
  const std::vector<size_t>& by_edge = view->edges_by_type;
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  w.StartObject();
  w.Key("nodes"); w.Uint(snap.num_nodes());
  w.Key("edges"); w.Uint(snap.num_edges());
  w.Key("by_type");
  w.StartObject();
  for (int t = 0; t < schema.num_node_types() && t < static_cast<int>(by_type.size()); ++t) {
    if (!by_type[t]) continue;
    w.Key(schema.node_types()[t].name.c_str());
    w.Uint64(by_type[t]);
  }
  w.EndObject();
  w.Key("by_edge_type");
  w.StartObject();
  for (int t = 0; t < schema.num_edge_types() && t < static_cast<int>(by_edge.size()); ++t) {
    if (!by_edge[t]) continue;
    w.Key(schema.edge_types()[t].name.c_str());
    w.Uint64(by_edge[t]);
  }
  w.EndObject();
  w.Key("documents"); w.Uint64(view->documents);
  w.Key("snapshot_version"); w.Uint64(view->version);
  w.EndObject();
  SendJson(res, 200, Done(sb));
}

// Which text of the node the query matched, for display.
std::string MatchedText(const Snapshot& snap, NodeId n, const std::string& norm_query) {
  auto matches = [&](std::string_view s) {
    return NormalizeName(s).compare(0, norm_query.size(), norm_query) == 0;
  };
  if (matches(snap.name(n))) return std::string(snap.name(n));
  for (const std::string& a : snap.aliases(n)) {
    if (matches(a)) return a;
  }
  if (!snap.name_en(n).empty() && matches(snap.name_en(n))) return std::string(snap.name_en(n));
  return std::string(snap.name(n));
}

void Search(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto q = TextParam(req, "q", 200, res);
  if (!q) return;
  auto limit = IntParam(req, "limit", 1, 1000, 20, res);
  if (!limit) return;
  size_t n = static_cast<size_t>(std::min<int64_t>(*limit, 20));
  auto view = ctx.graph.Current();
  const Snapshot& snap = *view->snap;
  std::vector<NodeId> hits = snap.Search(*q, n);
  std::string norm = NormalizeName(*q);
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  GraphJson g(*view, w);
  w.StartObject();
  w.Key("results");
  w.StartArray();
  for (size_t i = 0; i < hits.size(); ++i) {
    NodeId h = hits[i];
    const NodeTypeDef& t = snap.schema().node_type(snap.type(h));
    std::string matched = MatchedText(snap, h, norm);
    // Rank-based score in (0, 1]: an exact name match is 1.
    double score = NormalizeName(matched) == norm ? 1.0 : 0.9 - 0.4 * double(i) / double(n);
    w.StartObject();
    w.Key("id"); g.Str(snap.key(h));
    w.Key("type"); g.Str(t.name);
    w.Key("type_zh"); g.Str(t.zh);
    w.Key("name"); g.Str(snap.name(h));
    w.Key("name_en"); g.Str(snap.name_en(h));
    w.Key("matched"); g.Str(matched);
    w.Key("score"); w.Double(std::round(score * 100) / 100);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  SendJson(res, 200, Done(sb));
}

void Node(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto view = ctx.graph.Current();
  auto n = NodeFromPath(*view, req.matches[1], res);
  if (!n) return;
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  GraphJson(*view, w).NodeFull(*n);
  SendJson(res, 200, Done(sb));
}

void Neighbors(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto view = ctx.graph.Current();
  const Snapshot& snap = *view->snap;
  auto n = NodeFromPath(*view, req.matches[1], res);
  if (!n) return;
  auto limit = IntParam(req, "limit", 1, 1000, 50, res);
  if (!limit) return;
  std::string direction = req.has_param("direction") ? req.get_param_value("direction") : "both";
  if (direction != "in" && direction != "out" && direction != "both") {
    SendError(res, 400, "invalid_argument", "parameter \"direction\" must be in, out or both");
    return;
  }
  uint64_t type_mask = ~uint64_t{0};
  std::string types = req.has_param("types") ? req.get_param_value("types") : "";
  if (!types.empty()) {
    type_mask = 0;
    size_t start = 0;
    while (start <= types.size()) {
      size_t comma = std::min(types.find(',', start), types.size());
      std::string t = types.substr(start, comma - start);
      auto et = snap.schema().FindEdgeType(t);
      if (!et) {
        std::string hint = snap.schema().SuggestEdgeType(t);
        SendError(res, 400, "invalid_argument",
                  "unknown edge type \"" + ScrubUtf8(t) + "\" in \"types\"" +
                      (hint.empty() ? "" : "; did you mean " + hint + "?"));
        return;
      }
      type_mask |= uint64_t{1} << et->v;
      start = comma + 1;
    }
  }
  std::vector<EdgeId> edges;
  bool truncated = false;
  auto collect = [&](AdjacencyRange range) {
    for (Adjacent a : range) {
      if (!((type_mask >> a.type.v) & 1)) continue;
      if (edges.size() >= static_cast<size_t>(*limit)) {
        truncated = true;
        return;
      }
      edges.push_back(a.edge);
    }
  };
  if (direction != "in") collect(snap.out(*n));
  if (direction != "out") collect(snap.in(*n));
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  GraphJson g(*view, w);
  w.StartObject();
  g.FragmentMembers({*n}, edges);
  w.Key("truncated");
  w.Bool(truncated);
  w.EndObject();
  SendJson(res, 200, Done(sb));
}

void Paths(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto view = ctx.graph.Current();
  auto from = NodeFromParam(*view, req, "from", res);
  if (!from) return;
  auto to = NodeFromParam(*view, req, "to", res);
  if (!to) return;
  auto max = IntParam(req, "max", 1, 10, 6, res);
  if (!max) return;
  auto path = ShortestPath(*view->snap, *from, *to, static_cast<int>(*max));
  if (!path.ok()) {
    SendStatus(res, path.status());
    return;
  }
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  GraphJson g(*view, w);
  w.StartObject();
  w.Key("paths");
  w.StartArray();
  if (*path) {
    w.StartObject();
    w.Key("nodes");
    w.StartArray();
    for (NodeId n : (*path)->nodes) g.NodeSummary(n);
    w.EndArray();
    w.Key("edges");
    w.StartArray();
    for (EdgeId e : (*path)->edges) g.Edge(e);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  SendJson(res, 200, Done(sb));
}

}  // namespace

void AddReadRoutes(httplib::Server& server, RouteContext& ctx) {
  auto bind = [&ctx](void (*fn)(RouteContext&, const httplib::Request&, httplib::Response&)) {
    return [&ctx, fn](const httplib::Request& req, httplib::Response& res) { fn(ctx, req, res); };
  };
  server.Get("/api/health", bind(Health));
  server.Get("/api/schema", bind(SchemaRoute));
  server.Get("/api/stats", bind(Stats));
  server.Get("/api/search", bind(Search));
  server.Get("/api/nodes/(.+)/neighbors", bind(Neighbors));
  server.Get("/api/nodes/(.+)", bind(Node));
  server.Get("/api/paths", bind(Paths));
}

}  // namespace pkg
