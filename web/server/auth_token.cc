// The bearer token: see auth_token.h.
#include "web/server/auth_token.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace pkg {
namespace {

Result<std::string> RandomHex(size_t bytes) {
  std::string raw(bytes, '\0');
  size_t got = 0;
  while (got < bytes) {
    ssize_t n = getrandom(raw.data() + got, bytes - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(std::string("getrandom: ") + std::strerror(errno));
    }
    got += static_cast<size_t>(n);
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string ModeText(mode_t m) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%03o", static_cast<unsigned>(m & 0777));
  return buf;
}

}  // namespace

Result<TokenSource> LoadOrCreateToken(const std::string& given, const std::string& file) {
  if (!given.empty()) {
    if (given.size() < 8) return Status::Invalid("--token must have at least 8 characters");
    return TokenSource{given, "", false};
  }
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd >= 0) {
    struct stat st{};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      return Status::IoError(file + ": the token file is not a regular file");
    }
    if (st.st_mode & 077) {
      ::close(fd);
      return Status::Precondition(file + ": the token file is readable by others (mode " +
                                  ModeText(st.st_mode) +
                                  "); run `chmod 600 " + file +
                                  "` or delete it to get a new token");
    }
    std::string text(4096, '\0');
    ssize_t n = ::read(fd, text.data(), text.size());
    ::close(fd);
    if (n < 0) return Status::IoError(file + ": " + std::strerror(errno));
    text.resize(static_cast<size_t>(n));
    text = Trim(text);
    if (text.size() < 8) {
      return Status::Corruption(file + ": the token file holds no usable token; delete it to get "
                                       "a new one");
    }
    return TokenSource{text, file, false};
  }
  if (errno != ENOENT) return Status::IoError(file + ": " + std::strerror(errno));
  auto token = RandomHex(32);
  if (!token.ok()) return token.status();
  fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return Status::IoError(file + ": cannot create the token file: " + std::strerror(errno));
  std::string line = *token + "\n";
  bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
            ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Status::IoError(file + ": cannot write the token file");
  return TokenSource{*token, file, true};
}

bool BearerMatches(std::string_view header_value, std::string_view token) {
  constexpr std::string_view kPrefix = "Bearer ";
  if (header_value.size() != kPrefix.size() + token.size()) return false;
  if (header_value.substr(0, kPrefix.size()) != kPrefix) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < token.size(); ++i) {
    diff |= static_cast<unsigned char>(header_value[kPrefix.size() + i] ^ token[i]);
  }
  return diff == 0 && !token.empty();
}

}  // namespace pkg
