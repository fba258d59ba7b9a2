// Write routes: POST /api/documents, POST /api/links, DELETE /api/links/{id},
// POST /api/merge, POST /api/split. See routes.h and docs/api.md.
//
// The bearer token, body size and content type were checked before the body
// was read (http_hardening.cc). Here: the body's fields, then LiveGraph does
// the write (committed before it returns) and the answer is 201/200. Status
// mapping for writes: an unknown node or edge type in a body is 422 (the
// request is well-formed but cannot apply), an unknown id in the path 404,
// a repeated deletion or split 409, too many waiting writes 429, no
// extractor 503.
#include "base/text.h"
#include "web/server/api_error.h"
#include "web/server/graph_json.h"
#include "web/server/request_input.h"
#include "web/server/routes.h"

namespace pkg {
namespace {

constexpr size_t kMaxReasonBytes = 2000;
constexpr size_t kMaxMergeItems = 100;

std::string Done(rapidjson::StringBuffer& sb) { return std::string(sb.GetString(), sb.GetSize()); }

void SendWriteError(httplib::Response& res, const Status& s, bool body_names_nodes) {
  switch (s.code()) {
    case StatusCode::kNotFound:
      SendError(res, body_names_nodes ? 422 : 404, StatusCodeName(s.code()), s.message());
      return;
    case StatusCode::kInvalidArgument:
      SendError(res, 422, StatusCodeName(s.code()), s.message());
      return;
    case StatusCode::kResourceExhausted:
      SendError(res, 429, "too_many_requests", s.message());
      return;
    case StatusCode::kFailedPrecondition:
      SendError(res, 503, "unavailable", s.message());
      return;
    default:
      SendStatus(res, s);
  }
}

WriteContext Context(const httplib::Request& req, std::string why) {
  WriteContext ctx;
  std::string user = req.get_header_value("X-PolicyKG-User");
  ctx.who = !user.empty() && user.size() <= 64 && IsValidUtf8(user) ? "token:" + user : "token";
  ctx.why = std::move(why);
  ctx.remote = req.remote_addr + ":" + std::to_string(req.remote_port);
  return ctx;
}

// The optional "reason" of a body, checked; nullopt after an error was sent.
std::optional<std::string> Reason(const rapidjson::Value& body, httplib::Response& res, bool required) {
  auto r = StringField(body, "reason", res, std::string());
  if (!r) return std::nullopt;
  if (required && r->find_first_not_of(" \t\r\n") == std::string::npos) {
    SendError(res, 422, "invalid_argument", "a curated link needs a \"reason\"");
    return std::nullopt;
  }
  if (r->size() > kMaxReasonBytes) {
    SendError(res, 400, "invalid_argument",
              "\"reason\" is longer than " + std::to_string(kMaxReasonBytes) + " bytes");
    return std::nullopt;
  }
  return r;
}

void PostDocument(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::string name = req.has_param("name") ? req.get_param_value("name") : "upload.txt";
  std::string bytes;
  std::string type = req.get_header_value("Content-Type");
  if (type.rfind("application/json", 0) == 0) {
    rapidjson::Document doc;
    if (!ParseJsonBody(req, res, doc)) return;
    auto n = StringField(doc, "name", res, name);
    if (!n) return;
    auto text = StringField(doc, "text", res);
    if (!text) return;
    name = *n;
    bytes = std::move(*text);
  } else {
    bytes = req.body;
  }
  if (name.empty() || name.size() > 255 || !IsValidUtf8(name)) {
    SendError(res, 400, "invalid_argument", "the document name must be 1 to 255 bytes of UTF-8");
    return;
  }
  if (bytes.empty()) {
    SendError(res, 400, "invalid_argument", "the document is empty");
    return;
  }
  std::string metadata = "{\"name\":" + JsonQuoteSafe(name) + ",\"content_type\":" +
                         JsonQuoteSafe(ScrubUtf8(type)) + "}";
  auto r = ctx.graph.IngestDocument(name, bytes, metadata, Context(req, ""));
  if (!r.ok()) {
    SendWriteError(res, r.status(), true);
    return;
  }
  SendJson(res, r->duplicate ? 200 : 201,
           "{\"id\":" + JsonQuoteSafe(r->id) + ",\"nodes\":" + std::to_string(r->nodes) +
               ",\"edges\":" + std::to_string(r->edges) +
               ",\"duplicate\":" + (r->duplicate ? "true" : "false") + "}");
}

void PostLink(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  rapidjson::Document doc;
  if (!ParseJsonBody(req, res, doc)) return;
  auto from = StringField(doc, "from", res);
  if (!from) return;
  auto to = StringField(doc, "to", res);
  if (!to) return;
  auto type = StringField(doc, "type", res, std::string("RELATED_TO"));
  if (!type) return;
  auto reason = Reason(doc, res, /*required=*/true);
  if (!reason) return;
  auto link = ctx.graph.AddLink(*from, *to, *type, Context(req, *reason));
  if (!link.ok()) {
    SendWriteError(res, link.status(), true);
    return;
  }
  auto view = ctx.graph.Current();
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  GraphJson g(*view, w);
  w.StartObject();
  w.Key("id");
  g.Str("link:" + std::to_string(link->id));
  w.Key("edge");
  // The edge as drawn now (a merge may have re-pointed its ends).
  bool written = false;
  auto a = view->snap->FindByKey(link->from);
  auto et = view->snap->schema().FindEdgeType(link->type);
  if (a && et) {
    for (Adjacent adj : view->snap->out(*a)) {
      if (adj.type == *et && view->snap->key(adj.node) == link->to) {
        g.Edge(adj.edge);
        written = true;
        break;
      }
    }
  }
  if (!written) w.Null();
  w.EndObject();
  SendJson(res, 201, Done(sb));
}

void DeleteLink(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  std::string id = req.matches[1];
  auto n = PrefixedId(id, "link:");
  if (!n) {
    SendError(res, 404, "not_found", "no curated link \"" + id + "\" (ids look like link:7)");
    return;
  }
  std::string why = req.has_param("reason") ? req.get_param_value("reason") : "";
  if (why.size() > kMaxReasonBytes || !IsValidUtf8(why)) {
    SendError(res, 400, "invalid_argument", "parameter \"reason\" is too long or not UTF-8");
    return;
  }
  Status s = ctx.graph.DeleteLink(*n, Context(req, why));
  if (!s.ok()) {
    SendWriteError(res, s, false);
    return;
  }
  SendJson(res, 200, "{\"deleted\":" + JsonQuoteSafe(id) + "}");
}

void PostMerge(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  rapidjson::Document doc;
  if (!ParseJsonBody(req, res, doc)) return;
  auto keep = StringField(doc, "keep", res);
  if (!keep) return;
  auto merged = StringListField(doc, "merge", kMaxMergeItems, res);
  if (!merged) return;
  auto reason = Reason(doc, res, false);
  if (!reason) return;
  auto m = ctx.graph.Merge(*keep, *merged, Context(req, *reason));
  if (!m.ok()) {
    SendWriteError(res, m.status(), true);
    return;
  }
  auto view = ctx.graph.Current();
  rapidjson::StringBuffer sb;
  JsonWriter w(sb);
  GraphJson g(*view, w);
  w.StartObject();
  w.Key("id");
  g.Str("merge:" + std::to_string(m->id));
  w.Key("node");
  if (auto n = view->snap->FindByKey(m->keep)) g.NodeFull(*n); else w.Null();
  w.EndObject();
  SendJson(res, 201, Done(sb));
}

void PostSplit(RouteContext& ctx, const httplib::Request& req, httplib::Response& res) {
  rapidjson::Document doc;
  if (!ParseJsonBody(req, res, doc)) return;
  auto decision = StringField(doc, "decision", res, std::string());
  if (!decision) return;
  auto node = StringField(doc, "node", res, std::string());
  if (!node) return;
  auto reason = Reason(doc, res, false);
  if (!reason) return;
  if (decision->empty() == node->empty()) {
    SendError(res, 400, "invalid_argument", "give exactly one of \"decision\" (merge:N) and \"node\"");
    return;
  }
  int64_t merge_id = 0;
  if (!decision->empty()) {
    auto id = PrefixedId(*decision, "merge:");
    if (!id) {
      SendError(res, 404, "not_found", "no merge decision \"" + *decision + "\" (ids look like merge:3)");
      return;
    }
    merge_id = *id;
  }
  auto s = ctx.graph.Split(merge_id, *node, Context(req, *reason));
  if (!s.ok()) {
    SendWriteError(res, s.status(), false);
    return;
  }
  std::string body = "{\"id\":\"split:" + std::to_string(s->id) + "\",\"decision\":";
  if (s->merge_id > 0) {
    body += "\"merge:" + std::to_string(s->merge_id) + "\"}";
  } else {
    // A split of the linker's merges: the pairs kept apart.
    body += "null,\"apart\":[";
    for (size_t i = 0; i < s->apart.size(); ++i) {
      body += std::string(i ? ",[" : "[") + JsonQuoteSafe(s->apart[i].first) + "," + JsonQuoteSafe(s->apart[i].second) + "]";
    }
    body += "]}";
  }
  SendJson(res, 201, body);
}

}  // namespace

bool IsWriteRequest(const httplib::Request& req) {
  if (req.method == "DELETE") return true;
  if (req.method != "POST" && req.method != "PUT" && req.method != "PATCH") return false;
  return req.path != "/api/query";
}

bool IsUploadRequest(const httplib::Request& req) {
  return req.method == "POST" && req.path == "/api/documents";
}

void AddWriteRoutes(httplib::Server& server, RouteContext& ctx) {
  auto bind = [&ctx](void (*fn)(RouteContext&, const httplib::Request&, httplib::Response&)) {
    return [&ctx, fn](const httplib::Request& req, httplib::Response& res) { fn(ctx, req, res); };
  };
  server.Post("/api/documents", bind(PostDocument));
  server.Post("/api/links", bind(PostLink));
  server.Delete("/api/links/(.+)", bind(DeleteLink));
  server.Post("/api/merge", bind(PostMerge));
  server.Post("/api/split", bind(PostSplit));
}

}  // namespace pkg
