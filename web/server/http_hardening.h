// HTTP hardening for Debian's cpp-httplib 0.11.4: limits, early rejections,
// JSON errors and the access log, installed on an httplib::Server before any
// route runs.
//
// What Harden() sets up:
//   - set_tcp_nodelay(true) (without it keep-alive clients wait ~40 ms per
//     request), read/write timeouts, keep-alive count and timeout, a thread
//     pool sized for the machine, and a payload cap (the upload limit);
//   - a pre-routing handler (and the same checks as the Expect: 100-continue
//     handler, so such clients never send a refused body) that runs before
//     any request body is read and refuses: Transfer-Encoding (411: chunked bodies bypass the payload limit
//     in 0.11.4) and Content-Encoding (415: a gzip bomb is inflated whole);
//     a body-carrying method without Content-Length (411); a Content-Length
//     that is not a number (400) or is over the limit of its route (413:
//     `json_body_max` for JSON, `upload_body_max` for document upload); a
//     write without the bearer token (401); a JSON route whose Content-Type is
//     not JSON (415);
//   - an exception handler (500, a generic JSON message, the detail only in the
//     server log: no EXCEPTION_WHAT header leaks) and an error handler that
//     turns every bodiless 4xx/5xx (unknown route, httplib's own 400/413/414)
//     into the JSON error shape;
//   - one access-log line per request on stderr unless `quiet`.
//
// It does not know the routes beyond the RouteRules it is given.
// Thread safety: configure before listen(); the handlers are thread-safe.
// Tested in tests/web/bad_requests_test.cc (the bad-request table).
#pragma once

#include <httplib.h>

#include <cstddef>
#include <ctime>
#include <functional>
#include <string>

namespace pkg {

struct HttpLimits {
  size_t json_body_max = size_t{1} << 20;     // 1 MiB for JSON bodies
  size_t upload_body_max = size_t{8} << 20;   // 8 MiB for POST /api/documents
  time_t read_timeout_s = 5;
  time_t write_timeout_s = 10;
  size_t keep_alive_max_count = 1000;  // then the connection closes (fair turns)
  time_t keep_alive_timeout_s = 5;
  size_t threads = 0;  // 0: max(64, 16 × hardware threads)
  bool quiet = false;  // no access log
};

// What the pre-routing handler needs to know about the routes.
struct RouteRules {
  // True for requests that change the workspace (need the token).
  std::function<bool(const httplib::Request&)> is_write;
  // True for requests whose body is a document upload (the larger limit and
  // text/plain allowed); other bodies must be JSON.
  std::function<bool(const httplib::Request&)> is_upload;
  // True when the request carries the right bearer token.
  std::function<bool(const httplib::Request&)> authorized;
};

void Harden(httplib::Server& server, const HttpLimits& limits, RouteRules rules);

// Thread count Harden uses for `threads == 0`.
size_t DefaultThreadCount();

}  // namespace pkg
