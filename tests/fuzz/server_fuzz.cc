// Fuzz target: the HTTP server's request handling, in process, without
// sockets: raw request bytes → httplib's request parser → the hardening layer
// (web/server/http_hardening.h: pre-routing refusals, token check, limits,
// error and exception handlers) → the API routes (web/server/routes.h) over a
// LiveGraph of the fixture graph with a throw-away SQLite store and the real
// extractor (document upload) → the response bytes.
//
// httplib::Server::process_request(Stream&, …) is protected; ServerAccess
// reaches it through a derived class, and MemoryStream feeds it the input and
// keeps what it writes. Up to kMaxRequests pipelined requests are handled per
// input. The assembly mirrors ApiServer::Bind (web/server/api_server.cc) minus
// the listening socket; the viewer's files are served from web/viewer/.
// The write token is "fuzz-token" (seeds carry it, so writes are reached).
// PKG_FUZZ_VERBOSE=1 prints each response's status line (to check seeds).
//
// Invariants checked beyond "no crash, no sanitizer report":
//   - every response starts with an HTTP/1.1 status line;
//   - no response carries an EXCEPTION_WHAT header (no internal text leaks);
//   - every 4xx/5xx response with a body has the JSON error shape
//     {"error":{"code":…,"message":…}}, and every /api/ 2xx body is JSON;
//   - a viewer path that resolves stays inside the viewer directory.
#include <httplib.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "base/json.h"
#include "ingest/extractor.h"
#include "tests/fuzz/fuzz_support.h"
#include "web/server/api_error.h"
#include "web/server/auth_token.h"
#include "web/server/http_hardening.h"
#include "web/server/live_graph.h"
#include "web/server/routes.h"
#include "web/server/static_files.h"

namespace {

using pkg::fuzz::FuzzCheck;
constexpr int kMaxRequests = 8;
const char kToken[] = "fuzz-token";

class MemoryStream : public httplib::Stream {
 public:
  explicit MemoryStream(std::string_view in) : in_(in) {}
  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    size_t n = std::min(size, in_.size() - pos_);
    std::copy_n(in_.data() + pos_, n, ptr);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    out_.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 40000;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 8080;
  }
  socket_t socket() const override { return INVALID_SOCKET; }
  bool exhausted() const { return pos_ >= in_.size(); }
  std::string take_output() { return std::exchange(out_, {}); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
  std::string out_;
};

// Reaches the protected Server::process_request (a pointer to member named
// through a derived class may be applied to any Server).
struct ServerAccess : httplib::Server {
  static bool Process(httplib::Server& s, httplib::Stream& strm, bool& closed) {
    auto fn = &ServerAccess::process_request;
    return (s.*fn)(strm, false, closed, nullptr);
  }
};

struct Fixture {
  std::string dir;
  std::unique_ptr<pkg::WorkspaceStore> store;
  std::unique_ptr<pkg::LiveGraph> graph;
  std::unique_ptr<pkg::RouteContext> ctx;
  std::optional<pkg::StaticFiles> viewer;
  httplib::Server server;
};

Fixture& Setup() {
  static Fixture* f = [] {
    auto* fx = new Fixture;  // lives for the process
    std::string base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : "/tmp";
    std::string tmpl = base + "/pkg-server-fuzz-XXXXXX";
    FuzzCheck(mkdtemp(tmpl.data()) != nullptr, "temp dir", tmpl);
    fx->dir = tmpl;
    static std::string dir_to_remove = fx->dir;
    std::atexit([] { std::error_code ec; std::filesystem::remove_all(dir_to_remove, ec); });
    auto store = pkg::WorkspaceStore::Open(fx->dir + "/ws.db");
    FuzzCheck(store.ok(), "store opens", store.ok() ? "" : store.status().message());
    fx->store = std::move(store).value();
    pkg::LiveGraphOptions go;
    go.schema = pkg::fuzz::FuzzSchema();
    go.base = pkg::fuzz::FuzzFixtureGraph();
    go.store = fx->store.get();
    auto extractor = pkg::Extractor::Create(go.schema, "");
    FuzzCheck(extractor.ok(), "extractor loads", extractor.ok() ? "" : extractor.status().message());
    std::shared_ptr<const pkg::Extractor> ex(std::move(extractor).value());
    go.extract = [ex](const std::string& name, const std::string& bytes, const std::string& id,
                      const std::function<void(pkg::Statement&&)>& sink) {
      pkg::DocumentInput in{name, bytes, id};
      return ex->Extract(in, sink);
    };
    auto graph = pkg::LiveGraph::Create(std::move(go));
    FuzzCheck(graph.ok(), "live graph builds", graph.ok() ? "" : graph.status().message());
    fx->graph = std::move(graph).value();

    pkg::RouteOptions ro;
    ro.query_budget = std::chrono::milliseconds(50);
    ro.max_query_rows = 500;
    fx->ctx = std::make_unique<pkg::RouteContext>(*fx->graph, ro);
    pkg::HttpLimits limits;
    limits.quiet = true;
    pkg::RouteRules rules;
    rules.is_write = pkg::IsWriteRequest;
    rules.is_upload = pkg::IsUploadRequest;
    rules.authorized = [](const httplib::Request& req) {
      return pkg::BearerMatches(req.get_header_value("Authorization"), kToken);
    };
    pkg::Harden(fx->server, limits, std::move(rules));
    pkg::AddReadRoutes(fx->server, *fx->ctx);
    pkg::AddDocumentRoutes(fx->server, *fx->ctx);
    pkg::AddQueryRoutes(fx->server, *fx->ctx);
    pkg::AddWriteRoutes(fx->server, *fx->ctx);
    auto viewer = pkg::StaticFiles::Open(std::string(PKG_SOURCE_DATA_DIR) + "/../web/viewer");
    if (viewer.ok()) fx->viewer.emplace(std::move(viewer).value());
    fx->server.Get("/.*", [fx](const httplib::Request& req, httplib::Response& res) {
      if (req.path.rfind("/api/", 0) == 0 || req.path == "/api" || !fx->viewer) {
        pkg::SendError(res, 404, "not_found", "no such endpoint: GET " + req.path);
        return;
      }
      auto file = fx->viewer->Resolve(req.path);
      if (file.ok()) {
        FuzzCheck(file->rfind(fx->viewer->root() + "/", 0) == 0, "viewer files stay inside the viewer",
                  req.path + " -> " + *file);
      }
      fx->viewer->Serve(req, res);
    });
    return fx;
  }();
  return *f;
}

void CheckResponse(const std::string& out) {
  static const bool verbose = std::getenv("PKG_FUZZ_VERBOSE") != nullptr;
  if (verbose) std::fprintf(stderr, "  -> %s\n", out.substr(0, std::min(out.find('\r'), size_t{100})).c_str());
  FuzzCheck(out.rfind("HTTP/1.1 ", 0) == 0 && out.size() >= 12, "responses start with a status line",
            out.substr(0, 80));
  int status = std::atoi(out.c_str() + 9);
  size_t head_end = out.find("\r\n\r\n");
  FuzzCheck(head_end != std::string::npos, "responses have a header block", out.substr(0, 200));
  std::string head = out.substr(0, head_end);
  FuzzCheck(head.find("EXCEPTION_WHAT") == std::string::npos, "no EXCEPTION_WHAT header", head);
  std::string body = out.substr(head_end + 4);
  bool json = head.find("application/json") != std::string::npos;
  if (status >= 400 && !body.empty()) {
    rapidjson::Document doc;
    auto err = pkg::ParseJson(body, doc, 64);
    FuzzCheck(!err && doc.IsObject() && doc.HasMember("error") && doc["error"].IsObject() &&
                  doc["error"].HasMember("code") && doc["error"].HasMember("message"),
              "error responses are JSON {\"error\":{code,message}}", out.substr(0, 400));
  } else if (json && !body.empty()) {
    rapidjson::Document doc;
    auto err = pkg::ParseJson(body, doc, 64);
    FuzzCheck(!err, "JSON responses parse", err ? err->message + "\n" + out.substr(0, 400) : "");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Fixture& fx = Setup();
  MemoryStream strm(std::string_view(reinterpret_cast<const char*>(data), size));
  for (int i = 0; i < kMaxRequests && !strm.exhausted(); ++i) {
    bool closed = false;
    bool ok = ServerAccess::Process(fx.server, strm, closed);
    std::string out = strm.take_output();
    if (!out.empty()) CheckResponse(out);
    if (!ok || closed) break;
  }
  return 0;
}
