// Small UTF-8 helpers shared by the ingest stages: step over code points,
// classify them (Han, ASCII letter), append them. Inline because they sit in
// every inner loop of normalisation and matching.
//
// Does not validate: callers pass text that decode.h produced (valid UTF-8);
// a malformed byte is returned as U+FFFD and stepped over one byte at a time.
// Tested in tests/ingest/normalize_test.cc (through its users).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace pkg::ingest {

// Decodes the code point at s[i] and advances i past it.
inline char32_t NextCp(std::string_view s, size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) { ++i; return b; }
  int n = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
  if (n < 0 || i + static_cast<size_t>(n) >= s.size()) { ++i; return 0xFFFD; }
  char32_t c = b & (0x3F >> n);
  for (int k = 1; k <= n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n + 1;
  return c;
}

// Does `w` occur in `s` at byte p? False when it would run past the end
// (p past the end included). The first byte is compared before the rest: most
// positions differ there, and with a literal `w` the whole compare inlines.
inline bool At(std::string_view s, size_t p, std::string_view w) {
  return p <= s.size() && s.size() - p >= w.size() &&
         (w.empty() || (s[p] == w[0] && std::memcmp(s.data() + p, w.data(), w.size()) == 0));
}

// Byte length of the code point starting with byte b (1 for stray bytes).
inline size_t CpLen(unsigned char b) { return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }

// Start of the code point before position i (i > 0).
inline size_t PrevCpStart(std::string_view s, size_t i) {
  size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80 && i - j < 4) --j;
  return j;
}

inline bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2FFFF) ||
         c == 0x3007;  // 〇
}
inline bool IsAsciiAlpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

inline void AppendCp(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Number of code points in s.
inline size_t CpCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char b : s) n += (b & 0xC0) != 0x80;
  return n;
}

// The end of the line holding p (the next '\n' at or after p, else s.size()), for
// positions that mostly grow: one scan of the text in all, where a search per position
// would make a document of one long line quadratic. Any p is answered correctly.
class NextNewline {
 public:
  explicit NextNewline(std::string_view s) : s_(s) {}
  size_t From(size_t p) {
    if (p < from_ || p > at_) {
      const void* nl = p < s_.size() ? std::memchr(s_.data() + p, '\n', s_.size() - p) : nullptr;
      at_ = nl ? static_cast<size_t>(static_cast<const char*>(nl) - s_.data()) : s_.size();
      from_ = p;
    }
    return at_;
  }

 private:
  std::string_view s_;
  size_t from_ = 1, at_ = 0;  // no '\n' in [from_, at_); at_ is one or s_.size()
};

}  // namespace pkg::ingest
