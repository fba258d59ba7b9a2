// StringColumn: many strings in one buffer, addressed by index.
//
// Append-only; string i is bytes[off[i], off[i+1]). One allocation for a
// million names instead of a million std::strings. Internal to graph/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pkg {

class StringColumn {
 public:
  StringColumn() : off_{0} {}
  uint32_t size() const { return static_cast<uint32_t>(off_.size() - 1); }
  std::string_view operator[](uint32_t i) const {
    return std::string_view(bytes_.data() + off_[i], off_[i + 1] - off_[i]);
  }
  uint32_t push_back(std::string_view s) {
    bytes_.append(s.data(), s.size());
    off_.push_back(bytes_.size());
    return size() - 1;
  }
  void reserve(size_t n, size_t bytes) { off_.reserve(n + 1); bytes_.reserve(bytes); }
  size_t memory() const { return bytes_.capacity() + off_.capacity() * sizeof(uint64_t); }

  // Raw access for snapshot files.
  std::string& bytes() { return bytes_; }
  std::vector<uint64_t>& offsets() { return off_; }
  const std::string& bytes() const { return bytes_; }
  const std::vector<uint64_t>& offsets() const { return off_; }

 private:
  std::string bytes_;
  std::vector<uint64_t> off_;
};

}  // namespace pkg
