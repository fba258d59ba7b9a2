// Safe static file serving: see static_files.h.
#include "web/server/static_files.h"

#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/text.h"
#include "web/server/api_error.h"

namespace pkg {
namespace {

constexpr off_t kMaxFileBytes = 16 << 20;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// realpath(3) as a std::string; "" when it fails.
std::string RealPath(const std::string& p) {
  char buf[PATH_MAX];
  if (!::realpath(p.c_str(), buf)) return {};
  return buf;
}

}  // namespace

const char* ContentTypeFor(std::string_view path) {
  struct Entry {
    const char* ext;
    const char* type;
  };
  static const Entry kTypes[] = {
      {".html", "text/html; charset=utf-8"},  {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},    {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},               {".png", "image/png"},
      {".jpg", "image/jpeg"},                  {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},                {".woff", "font/woff"},
      {".map", "application/json; charset=utf-8"}, {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
  };
  for (const Entry& e : kTypes) {
    if (EndsWith(path, e.ext)) return e.type;
  }
  return "application/octet-stream";
}

Result<StaticFiles> StaticFiles::Open(const std::string& root) {
  std::string real = RealPath(root);
  struct stat st{};
  if (real.empty() || ::stat(real.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return Status::NotFound(root + ": the viewer directory does not exist");
  }
  StaticFiles f;
  f.root_ = real;
  return f;
}

Result<std::string> StaticFiles::Resolve(std::string_view url_path) const {
  if (url_path.empty() || url_path[0] != '/') return Status::Invalid("the path must start with /");
  if (!IsValidUtf8(url_path)) return Status::Invalid("the path is not valid UTF-8");
  for (unsigned char c : url_path) {
    if (c < 0x20 || c == 0x7f || c == '\\') {
      return Status::Invalid("the path holds a control character or a backslash");
    }
  }
  // Segment checks: no "..", no ".", no empty segment except a trailing "/".
  std::string_view rest = url_path.substr(1);
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    std::string_view seg = rest.substr(0, slash);
    if (seg == ".." || seg == ".") return Status::Invalid("the path leaves the viewer directory");
    if (seg.empty() && slash != std::string_view::npos) {
      return Status::Invalid("the path has an empty segment");
    }
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  std::string candidate = root_ + std::string(url_path);
  if (candidate.back() == '/') candidate += "index.html";
  std::string real = RealPath(candidate);
  if (real.empty()) return Status::NotFound("no viewer file " + std::string(url_path));
  struct stat st{};
  if (::stat(real.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    real = RealPath(real + "/index.html");
    if (real.empty()) return Status::NotFound("no viewer file " + std::string(url_path));
  }
  // Symlinks resolved: the file must still be inside the root.
  if (real.compare(0, root_.size(), root_) != 0 ||
      (real.size() > root_.size() && real[root_.size()] != '/')) {
    return Status::Invalid("the path leaves the viewer directory");
  }
  if (::stat(real.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return Status::NotFound("no viewer file " + std::string(url_path));
  }
  if (st.st_size > kMaxFileBytes) return Status::NotFound("viewer file too large to serve");
  return real;
}

void StaticFiles::Serve(const httplib::Request& req, httplib::Response& res) const {
  auto file = Resolve(req.path);
  if (!file.ok()) {
    // A traversal attempt is a bad request (400); a missing file is 404.
    SendError(res, file.status().code() == StatusCode::kInvalidArgument ? 400 : 404,
              file.status().code() == StatusCode::kInvalidArgument ? "bad_request" : "not_found",
              file.status().message());
    return;
  }
  std::ifstream in(*file, std::ios::binary);
  if (!in) {
    SendError(res, 404, "not_found", "no viewer file " + req.path);
    return;
  }
  std::ostringstream body;
  body << in.rdbuf();
  res.status = 200;
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-cache");
  res.set_content(body.str(), ContentTypeFor(*file));
}

}  // namespace pkg
