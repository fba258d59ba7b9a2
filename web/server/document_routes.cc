// Document and curation read routes: GET /api/documents, GET /api/documents/{id}
// (the text with the byte spans of what was extracted from it), and
// GET /api/curation. See routes.h and docs/api.md.
#include <algorithm>
#include <ctime>
#include <optional>
#include <unordered_set>

#include "base/text.h"
#include "ingest/decode.h"
#include "web/server/api_error.h"
#include "web/server/graph_json.h"
#include "web/server/routes.h"

namespace pkg {
namespace {

std::string Done(rapidjson::StringBuffer& sb) { return std::string(sb.GetString(), sb.GetSize()); }

std::string StringProp(const Snapshot& snap, NodeId n, std::string_view name) {
  Value v = snap.property(n, name);
  if (v.kind() == Value::Kind::kString) return v.as_string();
  if (v.is_null()) return {};
  return v.ToDisplay();
}

void DocumentList(RouteContext& ctx, const httplib::Request&, httplib::Response& res) {
  auto view = ctx.graph.Current();
  const Snapshot& snap = *view->snap;
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  GraphJson g(*view, w);
  w.StartObject();
  w.Key("documents");
  w.StartArray();
  if (auto doc = snap.schema().FindNodeType("Document")) {
    for (NodeId n : snap.NodesWithLabel(*doc)) {
      std::string title = StringProp(snap, n, "title");
      w.StartObject();
      w.Key("id"); g.Str(snap.key(n));
      w.Key("title"); g.Str(title.empty() ? std::string(snap.name(n)) : title);
      w.Key("date"); g.Str(StringProp(snap, n, "date"));
      w.Key("publisher"); g.Str(StringProp(snap, n, "publisher"));
      w.Key("bytes");
      int64_t size = ctx.graph.DocumentSize(std::string(snap.key(n)));
      if (size >= 0) w.Int64(size); else w.Null();
      w.EndObject();
    }
  }
  w.EndArray();
  w.EndObject();
  SendJson(res, 200, Done(sb));
}

struct Span {
  uint64_t begin, end;
  std::string node, edge, rule;
};

// Spans of `doc` on the nodes it mentions and on their edges. Bounded: the
// document's neighbours and their edges, no wider.
std::vector<Span> DocumentSpans(const GraphView& view, NodeId doc, size_t max_spans) {
  const Snapshot& snap = *view.snap;
  std::string key(snap.key(doc));
  std::vector<Span> spans;
  std::unordered_set<uint32_t> items, edges;
  for (Adjacent a : snap.out(doc)) items.insert(a.node.v);
  for (Adjacent a : snap.in(doc)) items.insert(a.node.v);
  auto add = [&](const std::vector<Provenance>& prov, const std::string& node, const std::string& edge) {
    for (const Provenance& p : prov) {
      if (p.document != key || p.end <= p.begin || spans.size() >= max_spans) continue;
      spans.push_back(Span{p.begin, p.end, node, edge, p.rule});
    }
  };
  for (uint32_t i : items) {
    add(snap.provenance(NodeId(i)), std::string(snap.key(NodeId(i))), "");
    for (Adjacent a : snap.out(NodeId(i))) {
      if (!edges.insert(a.edge.v).second) continue;
      add(snap.edge_provenance(a.edge), "", "e" + std::to_string(a.edge.v));
    }
  }
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
  return spans;
}

void DocumentGet(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto view = ctx.graph.Current();
  const Snapshot& snap = *view->snap;
  std::string key = req.matches[1];
  auto n = snap.FindByKey(key);
  auto doc_type = snap.schema().FindNodeType("Document");
  if (!n || !doc_type || !snap.HasLabel(*n, *doc_type)) {
    SendError(res, 404, "not_found", "no document with id \"" + key + "\"");
    return;
  }
  std::vector<Span> spans = DocumentSpans(*view, *n, 20000);
  std::optional<std::string> text;
  auto stored = ctx.graph.GetDocumentText(key);
  if (stored.ok()) {
    if (IsValidUtf8(stored->bytes)) {
      text = std::move(stored->bytes);
    } else if (auto decoded = ingest::Decode(stored->bytes); decoded.ok()) {
      // Spans are offsets into the original bytes: map them into the text.
      const std::vector<uint32_t>& orig = decoded->orig;
      auto to_text = [&orig](uint64_t b) {
        return static_cast<uint64_t>(std::lower_bound(orig.begin(), orig.end(), b) - orig.begin());
      };
      for (Span& s : spans) {
        s.begin = to_text(s.begin);
        s.end = to_text(s.end);
      }
      text = std::move(decoded->utf8);
    }
  }
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  GraphJson g(*view, w);
  w.StartObject();
  w.Key("id"); g.Str(key);
  std::string title = StringProp(snap, *n, "title");
  w.Key("title"); g.Str(title.empty() ? std::string(snap.name(*n)) : title);
  w.Key("props"); g.Properties(snap.properties(*n));
  w.Key("text");
  if (text) g.Str(*text); else w.Null();
  w.Key("spans");
  w.StartArray();
  for (const Span& s : spans) {
    if (text && s.end > text->size()) continue;
    w.StartObject();
    w.Key("begin"); w.Uint64(s.begin);
    w.Key("end"); w.Uint64(s.end);
    if (!s.node.empty()) { w.Key("node"); g.Str(s.node); }
    if (!s.edge.empty()) { w.Key("edge"); g.Str(s.edge); }
    w.Key("rule"); g.Str(s.rule);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  SendJson(res, 200, Done(sb));
}

std::string IsoTime(int64_t ms) {
  std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void CurationRoute(RouteContext& ctx, const httplib::Request&, httplib::Response& res) {
  auto cur = ctx.graph.LoadCuration();
  if (!cur.ok()) {
    SendStatus(res, cur.status());
    return;
  }
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  auto str = [&w](std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); };
  w.StartObject();
  w.Key("links");
  w.StartArray();
  for (const CuratedLink& l : cur->links) {
    if (l.deleted) continue;
    w.StartObject();
    w.Key("id"); str("link:" + std::to_string(l.id));
    w.Key("from"); str(l.from);
    w.Key("to"); str(l.to);
    w.Key("type"); str(l.type);
    w.Key("reason"); str(l.reason);
    w.Key("at"); str(IsoTime(l.created_at));
    w.EndObject();
  }
  w.EndArray();
  w.Key("merges");
  w.StartArray();
  for (const MergeDecision& m : cur->merges) {
    w.StartObject();
    w.Key("id"); str("merge:" + std::to_string(m.id));
    w.Key("keep"); str(m.keep);
    w.Key("merge");
    w.StartArray();
    for (const std::string& k : m.merged) str(k);
    w.EndArray();
    w.Key("reason"); str(m.reason);
    w.Key("at"); str(IsoTime(m.created_at));
    w.Key("active"); w.Bool(m.active());
    w.EndObject();
  }
  w.EndArray();
  w.Key("splits");
  w.StartArray();
  for (const SplitDecision& s : cur->splits) {
    w.StartObject();
    w.Key("id"); str("split:" + std::to_string(s.id));
    w.Key("decision");
    if (s.merge_id > 0) {
      str("merge:" + std::to_string(s.merge_id));
    } else {
      w.Null();
      w.Key("apart");
      w.StartArray();
      for (const auto& [a, b] : s.apart) {
        w.StartArray(); str(a); str(b); w.EndArray();
      }
      w.EndArray();
    }
    if (!s.node.empty()) { w.Key("node"); str(s.node); }
    w.Key("reason"); str(s.reason);
    w.Key("at"); str(IsoTime(s.created_at));
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  SendJson(res, 200, Done(sb));
}

}  // namespace

void AddDocumentRoutes(httplib::Server& server, RouteContext& ctx) {
  auto bind = [&ctx](void (*fn)(RouteContext&, const httplib::Request&, httplib::Response&)) {
    return [&ctx, fn](const httplib::Request& req, httplib::Response& res) { fn(ctx, req, res); };
  };
  server.Get("/api/documents", bind(DocumentList));
  server.Get("/api/documents/(.+)", bind(DocumentGet));
  server.Get("/api/curation", bind(CurationRoute));
}

}  // namespace pkg
