// The API routes of docs/api.md, registered on an httplib::Server.
//
//   read_routes.cc:  health, schema, stats, search, nodes, neighbors, paths
//   document_routes.cc: document list and text with spans, curation list
//   query_routes.cc: query (GET and POST), supporters
//   write_routes.cc: document upload, links, merge, split (token checked
//                    earlier, in http_hardening.cc, before the body is read)
//
// Handlers read one GraphView (LiveGraph::Current) per request, so a request
// sees one consistent graph even while a write swaps in the next one.
// Every failure is sent with api_error.h. Routes take node keys from the
// decoded path (httplib decodes %xx) and match "(.+)" so keys may hold '/'.
//
// Thread safety: handlers run on the server's thread pool concurrently.
// Tested in tests/web/endpoints_test.cc and tests/web/bad_requests_test.cc.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>

#include "web/server/live_graph.h"

namespace pkg {

struct RouteOptions {
  size_t max_concurrent_queries = 4;  // more at once get 429
  std::chrono::milliseconds query_budget{2000};
  size_t max_query_rows = 10000;
};

struct RouteContext {
  LiveGraph& graph;
  RouteOptions opts;
  std::atomic<size_t> running_queries{0};
  RouteContext(LiveGraph& g, RouteOptions o) : graph(g), opts(o) {}
};

void AddReadRoutes(httplib::Server& server, RouteContext& ctx);
void AddDocumentRoutes(httplib::Server& server, RouteContext& ctx);
void AddQueryRoutes(httplib::Server& server, RouteContext& ctx);
void AddWriteRoutes(httplib::Server& server, RouteContext& ctx);

// Write requests (for the token check) and upload requests (for the larger
// body limit), as the hardening layer asks.
bool IsWriteRequest(const httplib::Request& req);
bool IsUploadRequest(const httplib::Request& req);

}  // namespace pkg
