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
#include <type_traits>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// CpCount, sixteen bytes a step (SSE2): the same answer for any bytes.
inline size_t CpCountFast(std::string_view s) {
  size_t n = 0, i = 0;
#if defined(__SSE2__)
  const __m128i c0 = _mm_set1_epi8(-64);  // 0xC0: continuation bytes are below it as signed bytes
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const int m = _mm_movemask_epi8(_mm_cmplt_epi8(v, c0));
    n += 16 - static_cast<size_t>(__builtin_popcount(static_cast<unsigned>(m)));
  }
#endif
  for (; i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

// The leftmost occurrence in `s` of any of words[0..n) (at one position the
// longest, then the first listed): its position, with *which its index; npos
// when none (empty words never match). The same answer as one memmem per word,
// in one pass: positions are candidates when they hold the first and the
// last byte of a word's leading key (its first three bytes, or two), tested
// sixteen at a time (SSE2), and only candidates compare whole words. More
// than eight keys, or a one-byte word, take the memmem path.
inline size_t FindFirstOf(std::string_view s, const std::string_view* words, size_t n, size_t* which) {
  size_t best = std::string_view::npos, best_len = 0;
  auto consider = [&](size_t at, size_t k) {
    if (at < best || (at == best && words[k].size() > best_len)) {
      best = at;
      best_len = words[k].size();
      *which = k;
    }
  };
  size_t key = 3;
  for (size_t k = 0; k < n; ++k) {
    if (!words[k].empty() && words[k].size() < key) key = words[k].size();
  }
  // Distinct keys: the key's first and last bytes.
  unsigned char first[8], last[8];
  size_t keys = 0;
  bool scan = key >= 2;
  for (size_t k = 0; k < n && scan; ++k) {
    if (words[k].empty()) continue;
    const auto f = static_cast<unsigned char>(words[k][0]), l = static_cast<unsigned char>(words[k][key - 1]);
    size_t q = 0;
    while (q < keys && (first[q] != f || last[q] != l)) ++q;
    if (q < keys) continue;
    if (keys == 8) scan = false;
    else { first[keys] = f; last[keys] = l; ++keys; }
  }
  if (!scan) {
    for (size_t k = 0; k < n; ++k) {
      const std::string_view w = words[k];
      if (w.empty() || w.size() > s.size()) continue;
      const void* hit = ::memmem(s.data(), s.size(), w.data(), w.size());
      if (hit) consider(static_cast<size_t>(static_cast<const char*>(hit) - s.data()), k);
    }
    return best;
  }
  if (keys == 0) return std::string_view::npos;
  // The words at p, if any: true when one matched (p is then the answer).
  auto at = [&](size_t p) {
    const char l = s[p + key - 1];  // a candidate has room for the key
    for (size_t k = 0; k < n; ++k) {
      if (!words[k].empty() && words[k][key - 1] == l && At(s, p, words[k])) consider(p, k);
    }
    return best != std::string_view::npos;
  };
  size_t i = 0;
#if defined(__SSE2__)
  // Four or eight keys in registers (the list padded with its first key).
  auto blocks = [&](auto count) {
    constexpr size_t kN = decltype(count)::value;
    __m128i vf[kN], vl[kN];
    for (size_t q = 0; q < kN; ++q) {
      vf[q] = _mm_set1_epi8(static_cast<char>(first[q < keys ? q : 0]));
      vl[q] = _mm_set1_epi8(static_cast<char>(last[q < keys ? q : 0]));
    }
    for (; i + 15 + key <= s.size(); i += 16) {
      const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i + key - 1));
      __m128i m = _mm_and_si128(_mm_cmpeq_epi8(a, vf[0]), _mm_cmpeq_epi8(b, vl[0]));
      for (size_t q = 1; q < kN; ++q) m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(a, vf[q]), _mm_cmpeq_epi8(b, vl[q])));
      for (auto bits = static_cast<unsigned>(_mm_movemask_epi8(m)); bits; bits &= bits - 1) {
        if (at(i + static_cast<size_t>(__builtin_ctz(bits)))) return true;
      }
    }
    return false;
  };
  if (keys <= 4 ? blocks(std::integral_constant<size_t, 4>{}) : blocks(std::integral_constant<size_t, 8>{})) return best;
#endif
  for (; i + key <= s.size(); ++i) {
    const auto f = static_cast<unsigned char>(s[i]), l = static_cast<unsigned char>(s[i + key - 1]);
    for (size_t q = 0; q < keys; ++q) {
      if (first[q] == f && last[q] == l) {
        if (at(i)) return best;
        break;
      }
    }
  }
  return best;
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
