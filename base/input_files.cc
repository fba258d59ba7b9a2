#include "base/input_files.h"

#include <algorithm>
#include <cstdio>
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

Result<std::string> ReadWholeFile(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return Status::Invalid(path + ": is a folder, not a file");
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::IoError("cannot open " + path + " (does the file exist and is it readable?)");
  std::string out;
  auto size = fs::file_size(path, ec);
  if (!ec && size > 0) out.reserve(static_cast<size_t>(size));
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  bool bad = std::ferror(f) != 0;
  std::fclose(f);
  if (bad) return Status::IoError("cannot read " + path);
  return out;
}

}  // namespace pkg
