// Document metadata fields read by pattern: dates (ParseDateAt), document
// numbers (FindDocNumber: 沪经信规〔2025〕3号) and the bodies a 来源: value
// names (Publishers). These are the pieces ReadMetadata (doc_metadata.cc)
// applies to the head and tail of a document; recognize_citations.cc uses
// FindDocNumber for cited numbers in the body.
// What it does not do: decide which line is which field (doc_metadata.cc).
//
// Tested in tests/ingest/doc_metadata_test.cc.
#include "ingest/doc_metadata.h"

#include <cstdio>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <vector>

#include "ingest/utf8.h"

namespace pkg::ingest {
namespace {

bool Digit(char c) { return c >= '0' && c <= '9'; }

size_t Digits(std::string_view s, size_t p, size_t max) {
  size_t i = p;
  while (i < s.size() && i - p < max && Digit(s[i])) ++i;
  return i - p;
}

}  // namespace

std::string ParseDateAt(std::string_view s, size_t pos, size_t* len) {
  size_t y = Digits(s, pos, 4);
  if (y != 4) return "";
  std::string year(s.substr(pos, 4));
  if (year < "1949" || year > "2100") return "";
  size_t i = pos + 4;
  auto two = [](int v) { char b[4]; std::snprintf(b, sizeof b, "%02d", v); return std::string(b); };
  if (s.substr(i, 3) == "年") {
    i += 3;
    size_t m = Digits(s, i, 2);
    if (!m || s.substr(i + m, 3) != "月") { *len = i - pos; return year; }
    int mo = std::stoi(std::string(s.substr(i, m)));
    i += m + 3;
    size_t d = Digits(s, i, 2);
    if (!d || s.substr(i + d, 3) != "日") { *len = i - pos; return mo >= 1 && mo <= 12 ? year + "-" + two(mo) : year; }
    int dd = std::stoi(std::string(s.substr(i, d)));
    *len = i + d + 3 - pos;
    if (mo < 1 || mo > 12 || dd < 1 || dd > 31) return year;
    return year + "-" + two(mo) + "-" + two(dd);
  }
  if (i < s.size() && (s[i] == '-' || s[i] == '.' || s[i] == '/')) {
    char sep = s[i];
    size_t m = Digits(s, i + 1, 2);
    if (!m) return "";
    int mo = std::stoi(std::string(s.substr(i + 1, m)));
    size_t j = i + 1 + m;
    if (j < s.size() && s[j] == sep) {
      size_t d = Digits(s, j + 1, 2);
      if (d) {
        int dd = std::stoi(std::string(s.substr(j + 1, d)));
        *len = j + 1 + d - pos;
        if (mo >= 1 && mo <= 12 && dd >= 1 && dd <= 31) return year + "-" + two(mo) + "-" + two(dd);
        return "";
      }
    }
    *len = j - pos;
    return mo >= 1 && mo <= 12 ? year + "-" + two(mo) : "";
  }
  return "";
}

namespace {

// The 文号 whose opening bracket is at p, as FindDocNumber returns it, or npos.
std::pair<size_t, size_t> DocNumberAt(std::string_view s, size_t p) {
  static const char* kOpen[] = {"〔", "[", "(", "【"};
  static const char* kClose[] = {"〕", "]", ")", "】"};
  for (int k = 0; k < 4; ++k) {
    std::string_view o(kOpen[k]), c(kClose[k]);
    if (s.substr(p, o.size()) != o) continue;
    size_t y = Digits(s, p + o.size(), 4);
    if (y != 4 || s.substr(p + o.size() + 4, c.size()) != c) continue;
    size_t q = p + o.size() + 4 + c.size();
    size_t n = Digits(s, q, 4);
    if (!n || s.substr(q + n, 3) != "号") continue;
    // Prefix: 1 to 8 Han characters before the bracket (沪经信规, 国发, 工信厅科函),
    // stopping at a character no issuer abbreviation uses but the words
    // before a cited number do (为落实国发…, 根据…, 按照…, …的).
    static constexpr std::u32string_view kNotPrefix = U"为落实据照依贯彻的和及与将对在按根执关";
    size_t b = p;
    int han = 0;
    while (b > 0 && han < 8) {
      size_t pb = PrevCpStart(s, b);
      size_t t = pb;
      char32_t cp = NextCp(s, t);
      if (!IsHan(cp) || kNotPrefix.find(cp) != std::u32string_view::npos) break;
      b = pb;
      ++han;
    }
    if (han >= 1) return {b, q + n + 3};
  }
  return {std::string_view::npos, std::string_view::npos};
}

// The first position in [d, s.size()) holding an ASCII digit, else s.size().
size_t NextDigit(std::string_view s, size_t d) {
#if defined(__SSE2__)
  const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
  for (; d + 16 <= s.size(); d += 16) {
    const __m128i t = _mm_sub_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + d)), zero);
    const int m = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(t, nine), t));  // t <= 9
    if (m) return d + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(m)));
  }
#endif
  while (d < s.size() && static_cast<unsigned char>(s[d] - '0') > 9) ++d;
  return d;
}

}  // namespace

std::vector<std::string_view> Publishers(std::string_view publisher) {
  std::vector<std::string_view> out;
  for (size_t b = 0; b < publisher.size();) {
    size_t e = b, step = 0;
    while (e < publisher.size()) {
      if (publisher.compare(e, 3, "、") == 0) { step = 3; break; }
      if (publisher[e] == ',') { step = 1; break; }
      ++e;
    }
    if (e > b) out.push_back(publisher.substr(b, e - b));
    b = e + (step ? step : 1);
  }
  return out;
}

std::pair<size_t, size_t> FindDocNumber(std::string_view s, size_t from) {
  // Every 文号 has four digits right after its opening bracket (one byte for
  // [ and (, three for 〔 and 【): the scan jumps from digit to digit and tries
  // the brackets before a run of four. Matches come in the order of their
  // brackets: a later match's digits start after an earlier one's close.
  // A year is a run of exactly four digits: a digit after a digit never
  // starts one, so the scan steps over whole runs. The byte before the run
  // must end an opening bracket ([, ( or the last byte of 〔 and 【) and the
  // byte after it start a closing one (], ) or the lead E3 of 〕 and 】);
  // other runs cannot match and DocNumberAt is not asked.
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t d = NextDigit(s, from); d < s.size();) {
    size_t e = d + 1;
    while (e < s.size() && static_cast<unsigned char>(u[e] - '0') <= 9) ++e;
    if (e - d == 4 && d > 0 && e < s.size()) {
      const unsigned char before = u[d - 1], after = u[e];
      if ((before == '[' || before == '(' || before == 0x94 || before == 0x90) &&
          (after == ']' || after == ')' || after == 0xE3)) {
        for (size_t olen : {3, 1}) {
          if (d < from + olen) continue;
          auto m = DocNumberAt(s, d - olen);
          if (m.first != std::string_view::npos) return m;
        }
      }
    }
    d = e < s.size() ? NextDigit(s, e + 1) : s.size();
  }
  return {std::string_view::npos, std::string_view::npos};
}

}  // namespace pkg::ingest
