// Query routes: GET /api/query?q=, POST /api/query {"query","params","limit"},
// GET /api/supporters/{id}. See routes.h and docs/api.md.
//
// At most RouteOptions::max_concurrent_queries run at once (more get 429) and
// each has the time budget of RouteOptions::query_budget, so slow queries
// cannot take every server thread.
#include <unordered_set>

#include "base/json.h"
#include "base/text.h"
#include "query/engine.h"
#include "web/server/api_error.h"
#include "web/server/graph_json.h"
#include "web/server/request_input.h"
#include "web/server/routes.h"

namespace pkg {
namespace {

constexpr size_t kMaxFragmentNodes = 2000;
constexpr int kMaxCellDepth = 64;

std::string Done(rapidjson::StringBuffer& sb) { return std::string(sb.GetString(), sb.GetSize()); }

// Holds one query slot; refused() when all are taken.
class QuerySlot {
 public:
  explicit QuerySlot(RouteContext& ctx) : ctx_(ctx) {
    ok_ = ctx_.running_queries.fetch_add(1) < ctx_.opts.max_concurrent_queries;
  }
  ~QuerySlot() { ctx_.running_queries.fetch_sub(1); }
  bool refused() const { return !ok_; }

 private:
  RouteContext& ctx_;
  bool ok_ = false;
};

struct Fragment {
  std::vector<NodeId> nodes;
  std::vector<EdgeId> edges;
  std::unordered_set<uint32_t> seen_nodes, seen_edges;
  void Node(NodeId n) {
    if (nodes.size() < kMaxFragmentNodes && seen_nodes.insert(n.v).second) nodes.push_back(n);
  }
  void Edge(EdgeId e) {
    if (edges.size() < kMaxFragmentNodes && seen_edges.insert(e.v).second) edges.push_back(e);
  }
};

// Writes one cell; lists nest at most kMaxCellDepth (deeper is null). The
// nesting of a result is bounded by the query's own nesting limit, so the
// recursion is too.
void WriteCell(GraphJson& g, const Snapshot& snap, const Cell& c, Fragment& frag, int depth) {
  JsonWriter& w = g.writer();
  switch (c.kind()) {
    case Cell::Kind::kValue: g.PropertyValue(c.value()); break;
    case Cell::Kind::kNode:
      w.StartObject();
      w.Key("node");
      g.NodeSummary(c.node());
      w.EndObject();
      frag.Node(c.node());
      break;
    case Cell::Kind::kEdge:
      w.StartObject();
      w.Key("edge");
      g.Edge(c.edge());
      w.EndObject();
      frag.Edge(c.edge());
      frag.Node(snap.source(c.edge()));
      frag.Node(snap.target(c.edge()));
      break;
    case Cell::Kind::kPath: {
      const PathValue& p = c.path();
      w.StartObject();
      w.Key("path");
      w.StartObject();
      w.Key("nodes");
      w.StartArray();
      for (NodeId n : p.nodes) {
        g.NodeSummary(n);
        frag.Node(n);
      }
      w.EndArray();
      w.Key("edges");
      w.StartArray();
      for (EdgeId e : p.edges) {
        g.Edge(e);
        frag.Edge(e);
      }
      w.EndArray();
      w.EndObject();
      w.EndObject();
      break;
    }
    case Cell::Kind::kList:
      if (depth >= kMaxCellDepth) {
        w.Null();
        break;
      }
      w.StartArray();
      for (const Cell& x : c.list()) WriteCell(g, snap, x, frag, depth + 1);
      w.EndArray();
      break;
  }
}

// A JSON parameter value as a Value; false for objects and mixed lists.
bool ParamValue(const rapidjson::Value& v, Value* out) {
  if (v.IsNull()) { *out = Value(); return true; }
  if (v.IsBool()) { *out = Value(v.GetBool()); return true; }
  if (v.IsString() && JsonIsText(v)) { *out = Value(std::string(v.GetString(), v.GetStringLength())); return true; }
  if (v.IsString()) {
    std::string_view token(v.GetString() + 1, v.GetStringLength() - 1);
    if (auto i = ParseJsonInteger(token)) { *out = Value(*i); return true; }
    if (auto d = ParseJsonNumber(token)) { *out = Value(*d); return true; }
    return false;
  }
  if (v.IsArray()) {
    StringList list;
    for (const auto& x : v.GetArray()) {
      if (!JsonIsText(x)) return false;
      list.emplace_back(x.GetString(), x.GetStringLength());
    }
    *out = Value(std::move(list));
    return true;
  }
  return false;
}

void RunAndSend(RouteContext& ctx, const std::string& text, QueryOptions opts, httplib::Response& res) {
  QuerySlot slot(ctx);
  if (slot.refused()) {
    SendError(res, 429, "too_many_requests", "too many queries are running; retry in a moment");
    return;
  }
  auto view = ctx.graph.Current();
  const Snapshot& snap = *view->snap;
  opts.time_budget = ctx.opts.query_budget;
  QueryError err;
  auto result = RunQuery(snap, text, opts, &err);
  if (!result.ok()) {
    if (err.status.ok()) err.status = result.status();
    SendQueryError(res, err);
    return;
  }
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  GraphJson g(*view, w);
  Fragment frag;
  w.StartObject();
  w.Key("columns");
  w.StartArray();
  for (const std::string& c : result->columns) g.Str(c);
  w.EndArray();
  w.Key("rows");
  w.StartArray();
  for (const auto& row : result->rows) {
    w.StartArray();
    for (const Cell& c : row) WriteCell(g, snap, c, frag, 0);
    w.EndArray();
  }
  w.EndArray();
  w.Key("graph");
  g.Fragment(frag.nodes, frag.edges);
  w.Key("elapsed_ms");
  w.Double(result->elapsed_ms);
  w.Key("truncated");
  w.Bool(result->truncated);
  w.EndObject();
  SendJson(res, 200, Done(sb));
}

void QueryGet(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto q = TextParam(req, "q", kMaxQueryBytes, res);
  if (!q) return;
  auto limit = IntParam(req, "limit", 1, static_cast<int64_t>(ctx.opts.max_query_rows), 100, res);
  if (!limit) return;
  QueryOptions opts;
  opts.max_rows = static_cast<size_t>(*limit);
  RunAndSend(ctx, *q, std::move(opts), res);
}

void QueryPost(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  rapidjson::Document doc;
  if (!ParseJsonBody(req, res, doc)) return;
  auto q = StringField(doc, "query", res);
  if (!q) return;
  if (q->empty() || q->size() > kMaxQueryBytes) {
    SendError(res, 400, "invalid_argument",
              "\"query\" must be a non-empty query of at most " + std::to_string(kMaxQueryBytes) + " bytes");
    return;
  }
  auto limit = IntField(doc, "limit", 1, static_cast<int64_t>(ctx.opts.max_query_rows), 100, res);
  if (!limit) return;
  QueryOptions opts;
  opts.max_rows = static_cast<size_t>(*limit);
  auto params = doc.FindMember("params");
  if (params != doc.MemberEnd() && !params->value.IsNull()) {
    if (!params->value.IsObject()) {
      SendError(res, 400, "invalid_argument", "\"params\" must be an object of name → value");
      return;
    }
    for (const auto& m : params->value.GetObject()) {
      std::string name(m.name.GetString(), m.name.GetStringLength());
      Value v;
      if (!ParamValue(m.value, &v)) {
        SendError(res, 400, "invalid_argument",
                  "parameter $" + name + " must be a string, number, boolean, null or list of strings");
        return;
      }
      opts.params.emplace_back(std::move(name), std::move(v));
    }
  }
  RunAndSend(ctx, *q, std::move(opts), res);
}

void Supporters(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto max = IntParam(req, "max", 1, kMaxHopsHardLimit, 10, res);
  if (!max) return;
  QuerySlot slot(ctx);
  if (slot.refused()) {
    SendError(res, 429, "too_many_requests", "too many queries are running; retry in a moment");
    return;
  }
  auto view = ctx.graph.Current();
  const Snapshot& snap = *view->snap;
  std::string key = req.matches[1];
  auto target = snap.FindByKey(key);
  if (!target) {
    SendError(res, 404, "not_found", "no node with key \"" + key + "\"");
    return;
  }
  QueryOptions opts;
  opts.max_hops = static_cast<int>(*max);
  opts.time_budget = ctx.opts.query_budget;
  auto rows = FindSupporters(snap, *target, opts);
  if (!rows.ok()) {
    SendStatus(res, rows.status());
    return;
  }
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  GraphJson g(*view, w);
  Fragment frag;
  frag.Node(*target);
  w.StartObject();
  w.Key("target");
  g.NodeSummary(*target);
  w.Key("measures");
  w.StartArray();
  for (const SupporterRow& r : *rows) {
    w.StartObject();
    w.Key("node");
    g.NodeSummary(r.measure);
    w.Key("path");
    w.StartObject();
    w.Key("nodes");
    w.StartArray();
    for (NodeId n : r.path.nodes) {
      g.NodeSummary(n);
      frag.Node(n);
    }
    w.EndArray();
    w.Key("edges");
    w.StartArray();
    for (EdgeId e : r.path.edges) {
      g.Edge(e);
      frag.Edge(e);
    }
    w.EndArray();
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("graph");
  g.Fragment(frag.nodes, frag.edges);
  w.EndObject();
  SendJson(res, 200, Done(sb));
}

}  // namespace

void AddQueryRoutes(httplib::Server& server, RouteContext& ctx) {
  server.Get("/api/query", [&ctx](const httplib::Request& req, httplib::Response& res) { QueryGet(ctx, req, res); });
  server.Post("/api/query", [&ctx](const httplib::Request& req, httplib::Response& res) { QueryPost(ctx, req, res); });
  server.Get("/api/supporters/(.+)",
             [&ctx](const httplib::Request& req, httplib::Response& res) { Supporters(ctx, req, res); });
}

}  // namespace pkg
