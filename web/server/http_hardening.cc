// HTTP hardening: see http_hardening.h.
#include "web/server/http_hardening.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <mutex>
#include <thread>

#include "web/server/api_error.h"

namespace pkg {
namespace {

bool CarriesBody(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH";
}

// Content-Length as a number; false when absent, empty or not all digits.
bool ParseLength(const std::string& text, size_t* out) {
  if (text.empty() || text.size() > 19) return false;
  size_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<size_t>(c - '0');
  }
  *out = v;
  return true;
}

// The media type without parameters, lower case: "application/json".
std::string MediaType(const std::string& content_type) {
  std::string t = content_type.substr(0, content_type.find(';'));
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
  size_t b = t.find_first_not_of(" \t");
  t = b == std::string::npos ? std::string() : t.substr(b);
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
  return t;
}

// Start time of the request being handled on this thread (set in pre-routing).
thread_local std::chrono::steady_clock::time_point t_request_start{};

std::mutex g_log_mu;

// Set by pre-routing when it refuses a request whose body stays unread: the
// connection must then be closed, or the body would be parsed as the next
// request. httplib 0.11.4 offers no way to close it, so once the response is
// written (the logger runs after the write) we find this connection's socket
// by its peer address, half-close it (the client gets the whole response and
// a FIN), discard briefly what the client is still sending, and shut it down;
// httplib then sees end of stream and closes the socket.
thread_local bool t_close_after_response = false;

// The fd whose peer is peer_ip:peer_port, or -1. Lists /proc/self/fd with
// open + getdents64 rather than opendir: the fd number of a DIR is invisible
// to ThreadSanitizer's fd tracking (opendir is not intercepted), which then
// reports the number's earlier life as a socket in another thread as a race.
int FindConnectionSocket(const std::string& peer_ip, int peer_port) {
  int dir = ::open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return -1;
  int found = -1;
  alignas(8) char buf[4096];
  long got;
  while (found < 0 && (got = ::syscall(SYS_getdents64, dir, buf, sizeof buf)) > 0) {
    for (long off = 0; off < got && found < 0;) {
      // struct linux_dirent64: ino (8), off (8), reclen (2), type (1), name.
      unsigned short reclen;
      std::memcpy(&reclen, buf + off + 16, sizeof reclen);
      const char* name = buf + off + 19;
      off += reclen;
      char* end = nullptr;
      long fd = std::strtol(name, &end, 10);
      if (!end || end == name || *end != '\0' || fd < 0 || fd == dir) continue;
      sockaddr_storage addr{};
      socklen_t len = sizeof addr;
      if (getpeername(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&addr), &len) != 0) continue;
      char ip[INET6_ADDRSTRLEN] = {0};
      int port = -1;
      if (addr.ss_family == AF_INET) {
        auto* a = reinterpret_cast<sockaddr_in*>(&addr);
        inet_ntop(AF_INET, &a->sin_addr, ip, sizeof ip);
        port = ntohs(a->sin_port);
      } else if (addr.ss_family == AF_INET6) {
        auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
        inet_ntop(AF_INET6, &a->sin6_addr, ip, sizeof ip);
        port = ntohs(a->sin6_port);
      }
      if (port == peer_port && peer_ip == ip) found = static_cast<int>(fd);
    }
  }
  ::close(dir);
  return found;
}

void CloseConnection(const httplib::Request& req) {
  int fd = FindConnectionSocket(req.remote_addr, req.remote_port);
  if (fd < 0) return;
  ::shutdown(fd, SHUT_WR);
  // Discard at most 4 MiB or 300 ms of what the client still sends, so that
  // closing does not reset the connection before the client read the answer.
  char buf[16384];
  size_t drained = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
  while (drained < (size_t{4} << 20)) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n <= 0) break;
    drained += static_cast<size_t>(n);
  }
  ::shutdown(fd, SHUT_RD);
}

// Runs after every response is written.
void AfterResponse(const httplib::Request& req) {
  if (t_close_after_response) {
    t_close_after_response = false;
    CloseConnection(req);
  }
}

// A refusal in pre-routing: the body stays unread, so the connection closes.
httplib::Server::HandlerResponse Refuse(httplib::Response& res, int status, std::string_view code,
                                       const std::string& message) {
  SendError(res, status, code, message);
  res.set_header("Connection", "close");
  t_close_after_response = true;
  return httplib::Server::HandlerResponse::Handled;
}

void AccessLog(const httplib::Request& req, const httplib::Response& res, bool quiet) {
  if (quiet) {
    t_request_start = {};
    return;
  }
  char when[32];
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
  std::string ms = "-";
  if (t_request_start != std::chrono::steady_clock::time_point{}) {
    double d = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                          t_request_start)
                   .count();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2fms", d);
    ms = buf;
    t_request_start = {};
  }
  // The path is printed as received (percent-encoded), capped, so a log
  // line stays one line and bounded.
  std::string target = req.target.substr(0, 300);
  for (char& c : target) {
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  }
  std::lock_guard lock(g_log_mu);
  std::fprintf(stderr, "%s %s:%d \"%s %s\" %d %zu %s\n", when, req.remote_addr.c_str(),
               req.remote_port, req.method.c_str(), target.c_str(), res.status, res.body.size(),
               ms.c_str());
}

// Every check that can refuse a request from its headers alone. Runs before
// any body byte is read (0.11.4 reads the body after pre-routing, and the
// Expect: 100-continue handler runs before that); a refusal of a request
// with a body closes the connection (see Refuse).
httplib::Server::HandlerResponse CheckBeforeBody(const HttpLimits& limits, const RouteRules& rules,
                                                 const httplib::Request& req,
                                                 httplib::Response& res) {
  using HR = httplib::Server::HandlerResponse;
  t_request_start = std::chrono::steady_clock::now();
  t_close_after_response = false;
  // Everything here runs before any body byte is read (0.11.4 reads the
  // body after pre-routing); a refusal closes the connection (see Refuse).
  if (req.has_header("Transfer-Encoding")) {
    return Refuse(res, 411, "length_required",
                  "Transfer-Encoding is not accepted (chunked bodies are refused); send the "
                  "body with a Content-Length");
  }
  if (req.has_header("Content-Encoding")) {
    return Refuse(res, 415, "unsupported_media_type",
                  "Content-Encoding is not accepted (compressed bodies are refused); send the "
                  "body uncompressed");
  }
  bool has_body = CarriesBody(req.method) || req.has_header("Content-Length");
  size_t length = 0;
  if (req.has_header("Content-Length") &&
      !ParseLength(req.get_header_value("Content-Length"), &length)) {
    return Refuse(res, 400, "bad_request", "Content-Length is not a number");
  }
  if (CarriesBody(req.method) && !req.has_header("Content-Length")) {
    return Refuse(res, 411, "length_required", req.method + " needs a Content-Length header");
  }
  bool write = rules.is_write && rules.is_write(req);
  if (write && !(rules.authorized && rules.authorized(req))) {
    res.set_header("WWW-Authenticate", "Bearer realm=\"policykg\"");
    std::string why = req.has_header("Authorization")
                          ? "the bearer token is wrong; use the token printed at server start "
                            "(or in its token file)"
                          : "this write needs an \"Authorization: Bearer <token>\" header";
    if (has_body && length > 0) return Refuse(res, 401, "unauthenticated", why);
    SendError(res, 401, "unauthenticated", why);
    return HR::Handled;
  }
  if (CarriesBody(req.method)) {
    bool upload = rules.is_upload && rules.is_upload(req);
    size_t max = upload ? limits.upload_body_max : limits.json_body_max;
    if (length > max) {
      return Refuse(res, 413, "payload_too_large",
                    "the body has " + std::to_string(length) + " bytes; the limit for " +
                        (upload ? "a document upload" : "a JSON body") + " is " +
                        std::to_string(max) + " bytes");
    }
    std::string type = MediaType(req.get_header_value("Content-Type"));
    bool json = type == "application/json";
    bool text = type == "text/plain";
    if (!(json || (upload && text))) {
      return Refuse(res, 415, "unsupported_media_type",
                    "Content-Type \"" + type + "\" is not accepted here; send " +
                        (upload ? "text/plain or application/json" : "application/json"));
    }
  } else if (length > 0) {
    return Refuse(res, 400, "bad_request", req.method + " requests take no body");
  }
  return HR::Unhandled;
}

}  // namespace

size_t DefaultThreadCount() {
  size_t hw = std::max(1u, std::thread::hardware_concurrency());
  // httplib serves one connection per pool thread for as long as it is kept
  // alive, so the pool must cover the clients that keep connections open
  // (a browser holds ~6, a load test 64); idle threads cost little.
  return std::max<size_t>(64, 16 * hw);
}

void Harden(httplib::Server& server, const HttpLimits& limits, RouteRules rules) {
  size_t threads = limits.threads ? limits.threads : DefaultThreadCount();
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_tcp_nodelay(true);
  server.set_read_timeout(limits.read_timeout_s, 0);
  server.set_write_timeout(limits.write_timeout_s, 0);
  server.set_keep_alive_max_count(limits.keep_alive_max_count);
  server.set_keep_alive_timeout(limits.keep_alive_timeout_s);
  server.set_payload_max_length(std::max(limits.upload_body_max, limits.json_body_max));

  server.set_pre_routing_handler([limits, rules](const httplib::Request& req,
                                                 httplib::Response& res) {
    return CheckBeforeBody(limits, rules, req, res);
  });
  // curl and others send large bodies with "Expect: 100-continue": refuse
  // those before the client sends the body at all.
  server.set_expect_100_continue_handler([limits, rules](const httplib::Request& req,
                                                         httplib::Response& res) {
    if (CheckBeforeBody(limits, rules, req, res) == httplib::Server::HandlerResponse::Handled) {
      t_close_after_response = true;
      return res.status;
    }
    return 100;
  });

  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res,
                                  std::exception_ptr ep) {
    std::string what = "unknown exception";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    {
      std::lock_guard lock(g_log_mu);
      std::fprintf(stderr, "policykg: internal error in %s %s: %s\n", req.method.c_str(),
                   req.path.c_str(), what.c_str());
    }
    res.headers.clear();
    SendError(res, 500, "internal", "internal error; the server log has the details");
  });

  server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                   httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string message;
    switch (res.status) {
      case 404: message = "no such resource: " + req.method + " " + req.path; break;
      case 413: message = "the request body is over the size limit"; break;
      case 414: message = "the request target is too long"; break;
      case 400: message = "the request is malformed"; break;
      default: message = "the request failed (HTTP " + std::to_string(res.status) + ")";
    }
    SendError(res, res.status, ErrorCodeForHttpStatus(res.status), message);
    return httplib::Server::HandlerResponse::Handled;
  }));

  // The logger runs after each response is written, for every request.
  server.set_logger([quiet = limits.quiet](const httplib::Request& req,
                                           const httplib::Response& res) {
    AccessLog(req, res, quiet);
    AfterResponse(req);
  });
}

}  // namespace pkg
