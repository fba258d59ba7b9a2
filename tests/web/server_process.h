// Test support for tests/web/: runs the real `policykg serve` binary
// (PKG_BINARY) on an ephemeral loopback port and talks to it.
//
// ServerProcess::Start forks and execs `policykg serve ARGS --port 0 --host
// 127.0.0.1`, reads stdout until the "serving … at http://127.0.0.1:PORT/"
// line (the port comes from there), and keeps stderr (the access log) in a
// file. Stop() sends SIGTERM and waits; Kill9() is the crash. RawExchange
// sends bytes on a fresh socket and returns what comes back, for requests
// httplib::Client cannot make (chunked, broken framing).
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/json.h"

namespace pkg::testing {

inline std::string FixturePath(const std::string& name) {
  return std::string(PKG_TEST_DIR) + "/web/data/" + name;
}

class ServerProcess {
 public:
  ServerProcess() = default;
  ServerProcess(const ServerProcess&) = delete;
  ~ServerProcess() { Kill9(); }

  // Starts the server; false (with `error` set) when it did not come up in 30 s.
  bool Start(const std::vector<std::string>& args, const std::string& stderr_file,
             std::string* error) {
    int out[2];
    if (pipe(out) != 0) return Fail(error, "pipe failed");
    pid_ = fork();
    if (pid_ < 0) return Fail(error, "fork failed");
    if (pid_ == 0) {
      dup2(out[1], 1);
      int errfd = open(stderr_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      if (errfd >= 0) dup2(errfd, 2);
      close(out[0]);
      std::vector<std::string> all = {PKG_BINARY, "serve"};
      all.insert(all.end(), args.begin(), args.end());
      all.insert(all.end(), {"--port", "0", "--host", "127.0.0.1"});
      std::vector<char*> argv;
      for (auto& a : all) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(PKG_BINARY, argv.data());
      _exit(127);
    }
    close(out[1]);
    out_fd_ = out[0];
    std::string buf;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{out_fd_, POLLIN, 0};
      if (poll(&p, 1, 200) <= 0) continue;
      char tmp[512];
      ssize_t n = read(out_fd_, tmp, sizeof tmp);
      if (n <= 0) break;
      buf.append(tmp, static_cast<size_t>(n));
      size_t at = buf.find("http://127.0.0.1:");
      if (at != std::string::npos && buf.find('/', at + 17) != std::string::npos) {
        port_ = std::atoi(buf.c_str() + at + 17);
        stdout_ = buf;
        return port_ > 0;
      }
    }
    stdout_ = buf;
    Kill9();
    std::ifstream err(stderr_file);
    std::stringstream ss;
    ss << err.rdbuf();
    return Fail(error, "server did not start; stdout: " + buf + " stderr: " + ss.str());
  }

  // SIGTERM, then the exit status (-1 when it had to be killed).
  int Stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        Close();
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      usleep(50 * 1000);
    }
    Kill9();
    return -1;
  }

  void Kill9() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
    Close();
  }

  int port() const { return port_; }
  const std::string& stdout_text() const { return stdout_; }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    c.set_connection_timeout(5, 0);
    return c;
  }

 private:
  static bool Fail(std::string* error, const std::string& m) {
    if (error) *error = m;
    return false;
  }
  void Close() {
    if (out_fd_ >= 0) close(out_fd_);
    out_fd_ = -1;
  }
  pid_t pid_ = -1;
  int out_fd_ = -1;
  int port_ = -1;
  std::string stdout_;
};

// Sends `request` on a new connection, half-closes nothing, and returns what
// arrives within `timeout_ms` (until the server closes or goes quiet).
inline std::string RawExchange(int port, const std::string& request, int timeout_ms = 3000,
                               size_t extra_body_bytes = 0) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return {};
  }
  size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  // Optionally keep streaming body bytes (a client that will not stop), as
  // long as the server accepts them, without reading its answer first.
  std::string filler(65536, 'a');
  size_t streamed = 0;
  while (streamed < extra_body_bytes) {
    pollfd p{fd, POLLOUT | POLLIN, 0};
    if (poll(&p, 1, 200) <= 0 || (p.revents & POLLIN)) break;
    ssize_t n = send(fd, filler.data(), filler.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n <= 0) break;
    streamed += static_cast<size_t>(n);
  }
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) {
      if (!out.empty() && out.find("\r\n\r\n") != std::string::npos) {
        // Complete when the body length is reached.
        size_t cl = out.find("Content-Length: ");
        size_t hdr_end = out.find("\r\n\r\n");
        if (cl != std::string::npos && cl < hdr_end &&
            out.size() >= hdr_end + 4 + std::stoul(out.substr(cl + 16))) {
          break;
        }
      }
      continue;
    }
    char buf[8192];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  return out;
}

// The status code of a raw HTTP response ("HTTP/1.1 411 …" → 411), 0 if none.
inline int RawStatus(const std::string& response) {
  if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12) return 0;
  return std::atoi(response.c_str() + 9);
}

// The body of a raw HTTP response.
inline std::string RawBody(const std::string& response) {
  size_t at = response.find("\r\n\r\n");
  return at == std::string::npos ? std::string() : response.substr(at + 4);
}

// Parses a JSON response body; REQUIRE-friendly.
inline bool ParseBody(const std::string& body, rapidjson::Document& doc) {
  return !ParseJson(body, doc, 64).has_value();
}

// The string of member `key` (of an object), "" when absent.
inline std::string Str(const rapidjson::Value& v, const char* key) {
  if (!v.IsObject()) return {};
  auto it = v.FindMember(key);
  if (it == v.MemberEnd() || !it->value.IsString()) return {};
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

// The number of member `key` (numbers are kept as text by ParseJson).
inline double Num(const rapidjson::Value& v, const char* key) {
  if (!v.IsObject()) return -1;
  auto it = v.FindMember(key);
  if (it == v.MemberEnd()) return -1;
  auto d = JsonNumberOf(it->value);
  return d ? *d : -1;
}

}  // namespace pkg::testing
