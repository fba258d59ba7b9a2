// ApiServer: the HTTP server of `policykg serve`, assembled.
//
// Puts together the hardening layer (http_hardening.h), the API routes
// (routes.h) over a LiveGraph, and the viewer's static files
// (static_files.h). Bind() picks the port (0: an ephemeral one, reported by
// port()); Run() serves until Stop() (safe from another thread or after a
// signal has been noticed).
//
// It does not parse the command line (cli/serve_command.cc does) or load the
// graph (LiveGraph and graph_loader.h do).
// Thread safety: Bind and Run from one thread; Stop from any.
// Tested in tests/web/ by running the policykg binary.
#pragma once

#include <httplib.h>

#include <memory>
#include <optional>
#include <string>

#include "base/status.h"
#include "web/server/http_hardening.h"
#include "web/server/live_graph.h"
#include "web/server/routes.h"
#include "web/server/static_files.h"

namespace pkg {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string token;       // REQUIRED: the bearer token for writes
  std::string viewer_dir;  // "" serves no viewer
  HttpLimits limits;
  RouteOptions routes;
};

class ApiServer {
 public:
  ApiServer(LiveGraph& graph, ServerOptions opts);
  ~ApiServer();

  // Opens the viewer directory (when given), registers routes and binds.
  Status Bind();
  int port() const { return port_; }
  // Serves until Stop(). Returns false when listening failed.
  bool Run();
  void Stop();

 private:
  LiveGraph& graph_;
  ServerOptions opts_;
  httplib::Server server_;
  std::unique_ptr<RouteContext> ctx_;
  std::optional<StaticFiles> viewer_;
  int port_ = -1;
};

}  // namespace pkg
