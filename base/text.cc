// Text utilities for Chinese names; see text.h.
//
// Traditional→Simplified and Han→pinyin are per code point, from tables of
// ICU's transforms ("Traditional-Simplified", "Han-Latin; Latin-ASCII") over
// every CJK code point, generated into text_tables.inc by
// scripts/gen-text-tables (building them at start-up cost every process
// 0.06 s, and the first search 0.3 s). Per-character tables make
// normalisation of millions of names (graph load) cheap; phrase-level
// conversions that ICU does not do per character are not needed for names.
#include "base/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace pkg {
namespace {

// CJK ranges covered by the tables (BMP only; supplementary Han is rare in policy text).
constexpr UChar32 kCjkBegin = 0x3400;
constexpr UChar32 kCjkEnd = 0xA000;  // exclusive

struct Tables {
  std::vector<char32_t> t2s;           // index c - kCjkBegin → simplified code point (0 = same)
  bool t2s_three_bytes = true;         // every simplified form is a three-byte UTF-8 character
  const icu::Normalizer2* nfkc = nullptr;
};

#include "base/text_tables.inc"

const Tables& GetTables() {
  static Tables* tables = [] {
    auto* t = new Tables;
    UErrorCode status = U_ZERO_ERROR;
    t->nfkc = icu::Normalizer2::getNFKCInstance(status);
    t->t2s.assign(kCjkEnd - kCjkBegin, 0);
    for (const auto& [from, to] : kT2sPairs) {
      t->t2s[from - kCjkBegin] = to;
      if (to < 0x800 || to > 0xFFFF) t->t2s_three_bytes = false;
    }
    return t;
  }();
  return *tables;
}

// Han → pinyin per code point, unpacked from the table on first use (only
// search needs it).
const std::vector<std::string>& PinyinTable() {
  static std::vector<std::string>* table = [] {
    auto* t = new std::vector<std::string>(kCjkEnd - kCjkBegin);
    const char* p = kPinyinPacked;
    for (auto& reading : *t) {
      reading = p;
      p += reading.size() + 1;
    }
    return t;
  }();
  return *table;
}

bool IsQuoteOrBracket(UChar32 c) {
  switch (c) {
    case 0x201C: case 0x201D: case 0x2018: case 0x2019:  // “ ” ‘ ’
    case 0x300C: case 0x300D: case 0x300E: case 0x300F:  // 「 」 『 』
    case 0x300A: case 0x300B: case 0x3008: case 0x3009:  // 《 》 〈 〉
    case '"': case '\'': case '`':
      return true;
    default:
      return false;
  }
}

void AppendUtf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
  if (!err) out.append(buf, n);
}

char32_t SimplifyCp(const Tables& t, UChar32 c) {
  if (c >= kCjkBegin && c < kCjkEnd) {
    char32_t s = t.t2s[c - kCjkBegin];
    if (s) return s;
  }
  return static_cast<char32_t>(c);
}

// Calls f(c, begin, end) for each code point of `s`, c < 0 for a bad byte
// sequence, [begin, end) its bytes: the one UTF-8 decoding loop of this file.
template <class F>
void ForEachCodePoint(std::string_view s, F&& f) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (!f(c, static_cast<size_t>(start), static_cast<size_t>(i))) return;
  }
}

}  // namespace

std::string NormalizeName(std::string_view s) {
  bool ascii = true;
  for (char ch : s) {
    if (static_cast<unsigned char>(ch) >= 0x80) { ascii = false; break; }
  }
  std::string out;
  out.reserve(s.size());
  if (ascii) {
    for (char ch : s) {
      if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '"' || ch == '\'' || ch == '`') continue;
      out.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
    }
    return out;
  }
  const Tables& t = GetTables();
  // Fast path: names of ASCII, CJK ideographs (basic block and extension A)
  // and quotes only. All of these are NFKC already, and the ideographs have
  // no case, so the result is the loop below without ICU strings.
  // The output is never longer than the input there (an ideograph and its
  // simplified form are three bytes each), so it is written in place.
  if (t.t2s_three_bytes) {
    bool simple = true;
    out.resize(s.size());
    char* w = out.data();
    // One decoding loop (U8_NEXT's answers; three-byte characters led by
    // E3..E9, U+3000..U+9FFF, decoded inline), stopping at the first code
    // point outside the fast path.
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t n = static_cast<int32_t>(s.size());
    const char32_t* t2s = t.t2s.data();
    for (int32_t i = 0; i < n && simple;) {
      // A run of ideographs: decoded, looked up and written with no other test.
      while (i + 2 < n && p[i] >= 0xE4 && p[i] <= 0xE9 && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
        const UChar32 c = ((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
        if (c < 0x4E00) break;  // (E4 leads U+4000..U+4FFF)
        if (const char32_t to = t2s[c - kCjkBegin]) {
          w[0] = static_cast<char>(0xE0 | (to >> 12));
          w[1] = static_cast<char>(0x80 | ((to >> 6) & 0x3F));
          w[2] = static_cast<char>(0x80 | (to & 0x3F));
        } else {
          std::memcpy(w, p + i, 3);
        }
        w += 3;
        i += 3;
      }
      if (i >= n) break;
      const int32_t b = i;
      UChar32 c = p[i];
      if (c < 0x80) {
        ++i;
      } else if (c >= 0xE3 && c <= 0xE9 && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
        c = ((c & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
        i += 3;
      } else {
        U8_NEXT(p, i, n, c);
      }
      if (c < 0) {
        simple = false;
      } else if (c < 0x80) {
        if (c == ' ' || (c >= 0x09 && c <= 0x0D) || IsQuoteOrBracket(c)) continue;
        *w++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
      } else if ((c >= 0x4E00 && c < 0xA000) || (c >= 0x3400 && c < 0x4DC0)) {
        const char32_t to = SimplifyCp(t, c);
        if (to == static_cast<char32_t>(c)) {
          std::memcpy(w, p + b, 3);
        } else {
          w[0] = static_cast<char>(0xE0 | (to >> 12));
          w[1] = static_cast<char>(0x80 | ((to >> 6) & 0x3F));
          w[2] = static_cast<char>(0x80 | (to & 0x3F));
        }
        w += 3;
      } else if (!IsQuoteOrBracket(c)) {
        simple = false;
      }
    }
    if (simple) {
      out.resize(static_cast<size_t>(w - out.data()));
      return out;
    }
    out.clear();
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (t.nfkc && !t.nfkc->isNormalized(u, status)) {
    status = U_ZERO_ERROR;
    icu::UnicodeString n = t.nfkc->normalize(u, status);
    if (U_SUCCESS(status)) u = n;
  }
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (IsQuoteOrBracket(c) || u_isUWhiteSpace(c)) continue;
    c = static_cast<UChar32>(SimplifyCp(t, c));
    c = u_tolower(c);
    AppendUtf8(out, c);
  }
  return out;
}

std::string ToSimplified(std::string_view s) {
  const Tables& t = GetTables();
  std::string out;
  out.reserve(s.size());
  ForEachCodePoint(s, [&](UChar32 c, size_t b, size_t e) {
    if (c < 0) out.append(s.substr(b, e - b));
    else AppendUtf8(out, static_cast<UChar32>(SimplifyCp(t, c)));
    return true;
  });
  return out;
}

bool SimplifyInPlace(std::string& s) {
  const Tables& t = GetTables();
  if (!t.t2s_three_bytes) return false;
  auto* p = reinterpret_cast<unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned char b = p[i];
    if (b < 0x80) { ++i; continue; }
    // The table's range, U+3400..U+9FFF, is E3 90 80 .. E9 BF BF: three-byte
    // sequences with leads E3..E9 (checked whole below).
    if (b < 0xE3 || b > 0xE9 || i + 2 >= n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) {
      ++i;  // another character or a stray byte: left as it is, byte by byte
      continue;
    }
    const char32_t c = (char32_t{b & 0x0Fu} << 12) | (char32_t{p[i + 1] & 0x3Fu} << 6) | (p[i + 2] & 0x3Fu);
    if (c >= static_cast<char32_t>(kCjkBegin) && c < static_cast<char32_t>(kCjkEnd)) {
      if (const char32_t r = t.t2s[c - kCjkBegin]) {
        p[i] = static_cast<unsigned char>(0xE0 | (r >> 12));
        p[i + 1] = static_cast<unsigned char>(0x80 | ((r >> 6) & 0x3F));
        p[i + 2] = static_cast<unsigned char>(0x80 | (r & 0x3F));
      }
    }
    i += 3;
  }
  return true;
}

std::string ToPinyin(std::string_view s) {
  const Tables& t = GetTables();
  const std::vector<std::string>& pinyin = PinyinTable();
  std::string out;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(static_cast<char>(c));
      else if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
      continue;
    }
    c = static_cast<UChar32>(SimplifyCp(t, c));
    if (c >= kCjkBegin && c < kCjkEnd) out += pinyin[c - kCjkBegin];
  }
  return out;
}

size_t DisplayWidth(std::string_view s) {
  size_t w = 0;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) { w += 1; continue; }
    if (c < 0x80) { w += (c >= 0x20 && c != 0x7f) ? 1 : 0; continue; }
    int8_t cat = u_charType(c);
    if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK || c == 0x200B || c == 0x200D) continue;
    int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    w += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return w;
}

std::string PadToWidth(std::string_view s, size_t width) {
  std::string out(s);
  size_t w = DisplayWidth(s);
  if (w < width) out.append(width - w, ' ');
  return out;
}

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  // Fast path for what Chinese text is made of: ASCII (8 bytes at a time)
  // and three-byte characters that are certainly well formed (leads E1..EC
  // and EE..EF with two continuation bytes; E0 and ED have narrower second
  // bytes). Anything else is decided by ICU's U8_NEXT, as before, so the
  // verdict and the offset of the first bad byte are ICU's.
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const uint8_t b = p[i];
    if (b < 0x80) {
      uint64_t w;
      if (i + 8 <= n && (std::memcpy(&w, p + i, 8), (w & 0x8080808080808080ull) == 0)) {
        i += 8;
      } else {
        ++i;
      }
      continue;
    }
    if (static_cast<uint8_t>(b - 0xE1) <= 0xEF - 0xE1 && b != 0xED && i + 2 < n) {
      uint16_t t;
      std::memcpy(&t, p + i + 1, 2);
      if ((t & 0xC0C0) == 0x8080) {
        i += 3;
        continue;
      }
    }
    int32_t j = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(p, j, static_cast<int32_t>(n), c);
    if (c < 0) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i = static_cast<size_t>(j);
  }
  return true;
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string_view Utf8Prefix(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace pkg
