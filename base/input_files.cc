#include "base/input_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace pkg {

namespace fs = std::filesystem;

Status ExpandInput(const std::string& input, std::vector<std::string>* files) {
  std::error_code ec;
  auto st = fs::status(input, ec);
  if (ec || !fs::exists(st)) return Status::NotFound("no such file or folder: " + input);
  if (fs::is_regular_file(st)) {
    files->push_back(input);
    return Status::OK();
  }
  if (!fs::is_directory(st)) return Status::Invalid(input + ": not a regular file or a folder");
  std::vector<std::string> found;
  for (auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code fec;
    if (!it->is_regular_file(fec)) continue;
    std::string name = it->path().filename().string();
    if (!name.empty() && name[0] != '.') found.push_back(it->path().string());
  }
  if (ec) return Status::IoError("cannot list folder " + input + ": " + ec.message());
  std::sort(found.begin(), found.end());
  files->insert(files->end(), found.begin(), found.end());
  return Status::OK();
}

Status ExpandInputs(const std::vector<std::string>& inputs, std::vector<std::string>* files) {
  for (const auto& in : inputs) {
    Status s = ExpandInput(in, files);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status ReadFileInto(const std::string& path, std::string* out) {
  out->clear();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::NotFound("cannot open " + path + " (does the file exist and is it readable?)");
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size > 0) out->reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      out->append(buf, static_cast<size_t>(n));
    } else if (n == 0) {
      break;
    } else if (errno != EINTR) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      return Status::IoError("cannot read " + path + ": " + why);
    }
  }
  ::close(fd);
  return Status::OK();
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return Status::Invalid(path + ": is a folder, not a file");
  std::string out;
  PKG_RETURN_IF_ERROR(ReadFileInto(path, &out));
  return out;
}

}  // namespace pkg
