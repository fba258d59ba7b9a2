// ApiServer: see api_server.h.
#include "web/server/api_server.h"

#include "web/server/api_error.h"
#include "web/server/auth_token.h"

namespace pkg {

ApiServer::ApiServer(LiveGraph& graph, ServerOptions opts) : graph_(graph), opts_(std::move(opts)) {}

ApiServer::~ApiServer() { Stop(); }

Status ApiServer::Bind() {
  if (opts_.token.empty()) return Status::Invalid("the server needs a write token");
  if (!opts_.viewer_dir.empty()) {
    auto v = StaticFiles::Open(opts_.viewer_dir);
    if (!v.ok()) return v.status();
    viewer_.emplace(std::move(v).value());
  }
  ctx_ = std::make_unique<RouteContext>(graph_, opts_.routes);
  RouteRules rules;
  rules.is_write = IsWriteRequest;
  rules.is_upload = IsUploadRequest;
  rules.authorized = [token = opts_.token](const httplib::Request& req) {
    return BearerMatches(req.get_header_value("Authorization"), token);
  };
  Harden(server_, opts_.limits, std::move(rules));
  AddReadRoutes(server_, *ctx_);
  AddDocumentRoutes(server_, *ctx_);
  AddQueryRoutes(server_, *ctx_);
  AddWriteRoutes(server_, *ctx_);
  // Everything else under GET: the viewer, or a JSON 404 under /api/.
  server_.Get("/.*", [this](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0 || req.path == "/api") {
      SendError(res, 404, "not_found", "no such endpoint: GET " + req.path);
      return;
    }
    if (!viewer_) {
      SendError(res, 404, "not_found", "this server has no viewer (start it with --viewer DIR)");
      return;
    }
    viewer_->Serve(req, res);
  });
  if (opts_.port == 0) {
    port_ = server_.bind_to_any_port(opts_.host);
  } else {
    port_ = server_.bind_to_port(opts_.host, opts_.port) ? opts_.port : -1;
  }
  if (port_ < 0) {
    return Status::IoError("cannot listen on " + opts_.host + ":" + std::to_string(opts_.port) +
                           " (in use, or not an address of this machine)");
  }
  return Status::OK();
}

bool ApiServer::Run() { return server_.listen_after_bind(); }

void ApiServer::Stop() {
  if (server_.is_running()) server_.stop();
}

}  // namespace pkg
