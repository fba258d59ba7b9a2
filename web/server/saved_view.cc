// Saved views: see saved_view.h.
#include "web/server/saved_view.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "graph/snapshot_file.h"
#include "store/sha256.h"

namespace pkg {
namespace {

namespace fs = std::filesystem;

constexpr char kTagHeader[] = "policykg saved view 1";

std::string TagText(const SavedViewTag& tag, uint64_t bytes) {
  return std::string(kTagHeader) + "\nseq " + std::to_string(tag.seq) + "\ninputs " + tag.inputs + "\nbytes " +
         std::to_string(bytes) + "\n";
}

Status WriteFileAtomically(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Status::IoError("cannot create " + tmp + ": " + std::strerror(errno));
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    std::remove(tmp.c_str());
    return Status::IoError("cannot write " + path + ": " + std::strerror(err));
  }
  return Status::OK();
}

}  // namespace

Status SaveView(const Snapshot& snap, const std::string& path, const SavedViewTag& tag) {
  PKG_RETURN_IF_ERROR(WriteSnapshotFile(snap, path));
  std::error_code ec;
  uint64_t bytes = fs::file_size(path, ec);
  if (ec) return Status::IoError("cannot stat " + path + ": " + ec.message());
  return WriteFileAtomically(path + ".tag", TagText(tag, bytes));
}

Result<SnapshotPtr> OpenSavedView(const std::string& path, const SavedViewTag& expect,
                                  std::shared_ptr<const Schema> schema) {
  std::ifstream in(path + ".tag", std::ios::binary);
  if (!in) return Status::NotFound("no saved view at " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::error_code ec;
  uint64_t bytes = fs::file_size(path, ec);
  if (ec) return Status::NotFound("no saved view at " + path + " (" + ec.message() + ")");
  if (ss.str() != TagText(expect, bytes)) {
    return Status::Precondition("the saved view " + path +
                                " was made from other inputs or an older store, or its tag is damaged");
  }
  return ReadSnapshotFile(path, std::move(schema));
}

std::string InputsFingerprint(const std::vector<std::string>& paths) {
  std::vector<std::string> lines;
  auto add = [&lines](const fs::path& p) {
    std::error_code ec;
    auto size = fs::file_size(p, ec);
    auto time = fs::last_write_time(p, ec);
    lines.push_back(p.string() + "\t" + std::to_string(ec ? 0 : size) + "\t" +
                    std::to_string(ec ? 0 : time.time_since_epoch().count()));
  };
  for (const std::string& input : paths) {
    std::error_code ec;
    fs::path p = fs::absolute(input, ec);
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) add(it->path());
      }
    } else if (fs::exists(p, ec)) {
      add(p);
    } else {
      lines.push_back(p.string() + "\tmissing");
    }
  }
  std::sort(lines.begin(), lines.end());
  std::string all;
  for (const auto& l : lines) all += l + "\n";
  return Sha256Hex(all);
}

}  // namespace pkg
