// Safe static file serving for the viewer (web/viewer/ or --viewer DIR).
//
// The root is fixed at start (made canonical once). A request path is served
// only when every check passes:
//   - it is the decoded path httplib gives (so %2e%2e is already "..") and has
//     no "..", "." or empty segment in the middle, no backslash, no NUL or
//     control byte, and is valid UTF-8;
//   - the file, with every symlink resolved, still lies under the root (a
//     symlink pointing out of the root is refused);
//   - it is a regular file of at most 16 MiB.
// "/" and a directory serve their index.html. Unknown files are 404 JSON.
// Responses carry a content type by extension and X-Content-Type-Options.
//
// It does not cache, list directories, or serve anything under /api/.
// Thread safety: immutable after construction.
// Tested in tests/web/static_files_test.cc (resolution table) and
// tests/web/bad_requests_test.cc (traversal requests against the server).
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>

#include "base/status.h"

namespace pkg {

class StaticFiles {
 public:
  // Fails when `root` does not exist or is not a directory.
  static Result<StaticFiles> Open(const std::string& root);

  // The file to serve for a decoded URL path, or kNotFound / kInvalidArgument
  // (a traversal attempt) with a message.
  Result<std::string> Resolve(std::string_view url_path) const;

  // Answers a GET: the file, or a JSON error.
  void Serve(const httplib::Request& req, httplib::Response& res) const;

  const std::string& root() const { return root_; }

 private:
  std::string root_;  // canonical, no trailing slash
};

// Content type for a file name by its extension ("application/octet-stream").
const char* ContentTypeFor(std::string_view path);

}  // namespace pkg
