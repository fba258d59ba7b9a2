// Structure stage; see structure.h.
#include "ingest/structure.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ingest/utf8.h"

namespace pkg::ingest {
namespace {

constexpr uint32_t kMaxSentenceBytes = 4096;
constexpr uint32_t kMaxClauseBytes = 512;

bool IsCnDigit(char32_t c) {
  switch (c) {
    case U'一': case U'二': case U'三': case U'四': case U'五': case U'六': case U'七': case U'八':
    case U'九': case U'十': case U'百': case U'零': case U'〇': case U'两':
      return true;
    default:
      return false;
  }
}

// Length of a run of Chinese numerals at pos (0 if none).
size_t CnNumberLen(std::string_view s, size_t pos) {
  size_t i = pos;
  int n = 0;
  while (i < s.size() && n < 6) {
    size_t j = i;
    if (!IsCnDigit(NextCp(s, j))) break;
    i = j;
    ++n;
  }
  return i - pos;
}

size_t DigitLen(std::string_view s, size_t pos) {
  size_t i = pos;
  while (i < s.size() && i - pos < 3 && s[i] >= '0' && s[i] <= '9') ++i;
  return i - pos;
}

bool StartsWith(std::string_view s, size_t pos, std::string_view w) { return s.substr(pos, w.size()) == w; }

bool IsSentenceEnd(char32_t c) { return c == U'。' || c == '!' || c == '?' || c == ';' || c == U'…'; }

// The sentence scan decides at brackets, the ASCII sentence ends and 。 (E3 80
// 82) and … (E2 80 A6); the clause scan at , : ( ) | and space. Every other
// character is stepped over, sixteen bytes a step (SSE2).
bool SentenceByte(char b) { return b == '(' || b == ')' || b == '!' || b == '?' || b == ';'; }
bool ClauseByte(char b) { return b == ',' || b == ':' || b == '(' || b == ')' || b == '|' || b == ' '; }
// 。 or … starts at text[p] (its bytes may run past a scan's limit, not past the text).
bool WideEndAt(std::string_view text, uint32_t p) {
  if (p + 2 >= text.size() || text[p + 1] != '\x80') return false;
  return (text[p] == '\xE3' && text[p + 2] == '\x82') || (text[p] == '\xE2' && text[p + 2] == '\xA6');
}

// The first position in [q, lim) where the sentence scan has something to
// decide, else lim.
uint32_t SkipToSentenceByte(std::string_view text, uint32_t q, uint32_t lim) {
#if defined(__SSE2__)
  const __m128i open = _mm_set1_epi8('('), close = _mm_set1_epi8(')'), bang = _mm_set1_epi8('!'),
                ask = _mm_set1_epi8('?'), semi = _mm_set1_epi8(';'), e3 = _mm_set1_epi8('\xE3'),
                x82 = _mm_set1_epi8('\x82'), e2 = _mm_set1_epi8('\xE2'), xa6 = _mm_set1_epi8('\xA6'),
                x80 = _mm_set1_epi8('\x80');
  // Sixteen bytes a step; the last step may read past lim (not past the
  // text): its bits at or past lim are dropped.
  for (; q < lim && q + 18 <= text.size(); q += 16) {
    const char* d = text.data() + q;
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + 1));
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + 2));
    const __m128i ascii = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(a, open), _mm_cmpeq_epi8(a, close)),
                                       _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(a, bang), _mm_cmpeq_epi8(a, ask)),
                                                    _mm_cmpeq_epi8(a, semi)));
    const __m128i wide = _mm_and_si128(
        _mm_cmpeq_epi8(b, x80), _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi8(a, e3), _mm_cmpeq_epi8(c, x82)),
                                             _mm_and_si128(_mm_cmpeq_epi8(a, e2), _mm_cmpeq_epi8(c, xa6))));
    unsigned m = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(ascii, wide)));
    if (lim - q < 16) m &= (1u << (lim - q)) - 1;
    if (m) return q + static_cast<uint32_t>(__builtin_ctz(m));
  }
  if (q >= lim) return lim;
#endif
  for (; q < lim; ++q) {
    if (SentenceByte(text[q]) || WideEndAt(text, q)) return q;
  }
  return lim;
}

// The first position in [q, lim) holding a byte that may bound a clause, else lim.
uint32_t SkipToClauseByte(std::string_view text, uint32_t q, uint32_t lim) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), colon = _mm_set1_epi8(':'), open = _mm_set1_epi8('('),
                close = _mm_set1_epi8(')'), bar = _mm_set1_epi8('|'), space = _mm_set1_epi8(' ');
  for (; q < lim && q + 16 <= text.size(); q += 16) {  // past lim as above
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + q));
    const __m128i m = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(a, comma), _mm_cmpeq_epi8(a, colon)),
                     _mm_or_si128(_mm_cmpeq_epi8(a, open), _mm_cmpeq_epi8(a, close))),
        _mm_or_si128(_mm_cmpeq_epi8(a, bar), _mm_cmpeq_epi8(a, space)));
    unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(m));
    if (lim - q < 16) bits &= (1u << (lim - q)) - 1;
    if (bits) return q + static_cast<uint32_t>(__builtin_ctz(bits));
  }
  if (q >= lim) return lim;
#endif
  for (; q < lim; ++q) {
    if (ClauseByte(text[q])) return q;
  }
  return lim;
}
// The start of the character holding byte q (q itself unless a continuation byte).
uint32_t CharStart(std::string_view text, uint32_t q, uint32_t floor) {
  while (q > floor && (static_cast<unsigned char>(text[q]) & 0xC0) == 0x80) --q;
  return q;
}

}  // namespace

int MarkerAt(std::string_view s, size_t pos, size_t* len, bool inline_only) {
  size_t n = CnNumberLen(s, pos);
  if (n && StartsWith(s, pos + n, "是")) {  // 一是 二是
    *len = n + 3;
    return 5;
  }
  if (inline_only) return -1;
  if (StartsWith(s, pos, "第")) {
    size_t m = CnNumberLen(s, pos + 3);
    if (!m) m = DigitLen(s, pos + 3);
    if (m && StartsWith(s, pos + 3 + m, "章")) { *len = 6 + m; return 0; }
    if (m && StartsWith(s, pos + 3 + m, "条")) { *len = 6 + m; return 1; }
    if (m && StartsWith(s, pos + 3 + m, "节")) { *len = 6 + m; return 1; }
    // 第一,…第二,… opening paragraphs: a speech's or report's points, at the
    // level of (一) (第一批, 第一次 are words, not markers: the comma decides).
    if (m && StartsWith(s, pos + 3 + m, ",")) { *len = 4 + m; return 2; }
    return -1;
  }
  if (StartsWith(s, pos, "专栏")) {  // a plan's box: 专栏2 重点产业链数字化改造工程, its 1. 2. 3. below
    size_t m = CnNumberLen(s, pos + 6);
    if (!m) m = DigitLen(s, pos + 6);
    if (m && (pos + 6 + m == s.size() || s[pos + 6 + m] == ' ' || StartsWith(s, pos + 6 + m, ":"))) {
      *len = 6 + m;
      return 2;
    }
    return -1;
  }
  if (n && (StartsWith(s, pos + n, "、") || StartsWith(s, pos + n, "."))) {
    *len = n + (s[pos + n] == '.' ? 1 : 3);
    return 1;
  }
  if (StartsWith(s, pos, "(")) {
    size_t m = CnNumberLen(s, pos + 1);
    if (m && StartsWith(s, pos + 1 + m, ")")) { *len = m + 2; return 2; }
    m = DigitLen(s, pos + 1);
    if (m && StartsWith(s, pos + 1 + m, ")")) { *len = m + 2; return 4; }
    return -1;
  }
  size_t d = DigitLen(s, pos);
  if (d && (StartsWith(s, pos + d, "、") || (StartsWith(s, pos + d, ".") && !(pos + d + 1 < s.size() && s[pos + d + 1] >= '0' && s[pos + d + 1] <= '9')))) {
    *len = d + (s[pos + d] == '.' ? 1 : 3);
    return 3;
  }
  // "01 强化算力供给": a post's numbered sections, two digits (01 … 19) and a space before Chinese text.
  if (d == 2 && (s[pos] == '0' || s[pos] == '1') && StartsWith(s, pos + 2, " ") && pos + 3 < s.size() &&
      static_cast<unsigned char>(s[pos + 3]) >= 0xE3) {
    *len = 3;
    return 1;
  }
  if (pos < s.size()) {
    size_t j = pos;
    char32_t c = NextCp(s, j);
    if (c >= 0x2460 && c <= 0x2473) { *len = j - pos; return 4; }  // ① … ⑳
  }
  return -1;
}

int Structure::SentenceAt(uint32_t p) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), p,
                             [](uint32_t x, const Sentence& s) { return x < s.span.begin; });
  if (it == sentences.begin()) return -1;
  --it;
  return it->span.contains(p) || p == it->span.end ? static_cast<int>(it - sentences.begin()) : -1;
}

Structure AnalyzeStructure(std::string_view text, uint32_t begin, uint32_t end) {
  Structure st;
  std::vector<int> open;  // stack of open items by level (indices)
  thread_local std::vector<Span> clauses;  // the current sentence's
  auto start_item = [&](uint32_t pos, size_t len, int level) {
    Item it;
    it.span = {pos, end};
    it.body = static_cast<uint32_t>(pos + len);
    it.level = level;
    it.marker = std::string(text.substr(pos, len));
    // Close items of the same or a deeper level.
    while (!open.empty() && st.items[open.back()].level >= level) {
      st.items[open.back()].span.end = pos;
      open.pop_back();
    }
    it.parent = open.empty() ? -1 : open.back();
    st.items.push_back(it);
    open.push_back(static_cast<int>(st.items.size()) - 1);
  };

  for (uint32_t ls = begin; ls < end;) {
    size_t le = text.find('\n', ls);
    if (le == std::string_view::npos || le > end) le = end;
    // Skip leading spaces of the line.
    uint32_t p = ls;
    while (p < le && (text[p] == ' ')) ++p;
    bool line_start = true;
    while (p < le) {
      size_t mlen = 0;
      int level = MarkerAt(text, p, &mlen, !line_start);
      if (level >= 0) start_item(p, mlen, level);
      // The sentence runs to the next sentence end on this line.
      uint32_t s = p, q = p;
      uint32_t stop = static_cast<uint32_t>(le);
      int depth = 0;  // inside "(牵头单位:X;责任单位:Y)" a ";" does not end the sentence
      while (q < le) {
        // Fast: skip to the next byte that matters, while the sentence is
        // short of the cut (the cut is decided at character starts below).
        if (q - s < kMaxSentenceBytes) {
          const uint32_t lim = std::min(static_cast<uint32_t>(le), s + kMaxSentenceBytes);
          const uint32_t at = SkipToSentenceByte(text, q, lim);
          if (at >= le) break;  // no end on this line
          q = at < lim ? at : CharStart(text, lim, q);
        }
        size_t j = q;
        char32_t c = NextCp(text, j);
        if (c == '(') ++depth;
        if (c == ')' && depth > 0) --depth;
        if (IsSentenceEnd(c) && !(c == ';' && depth > 0)) { stop = q; break; }
        // A run-on "sentence" (a table flattened into one line, a damaged file)
        // is cut every kMaxSentenceBytes so that no later stage sees a huge one.
        if (q - s >= kMaxSentenceBytes && (c == ',' || c == ' ' || q - s >= kMaxSentenceBytes + 64)) { stop = q; break; }
        q = static_cast<uint32_t>(j);
      }
      Sentence sen;
      sen.span = {s, stop};
      sen.index = static_cast<int>(st.sentences.size());
      sen.line_start = line_start;
      sen.item = open.empty() ? -1 : open.back();
      if (level >= 0) {
        sen.heading = true;
        st.items.back().heading_sentence = sen.index;
      }
      // Clauses, gathered in a buffer kept across sentences and copied once
      // (one allocation a sentence, not one per doubling).
      clauses.clear();
      uint32_t cb = s;
      for (uint32_t k = s; k < stop;) {
        // Fast: characters before the clause cut that bound nothing are
        // stepped over; the first character start at or past the cut and
        // every delimiter are decided below.
        if (k - cb < kMaxClauseBytes) {
          const uint32_t lim = std::min(stop, cb + kMaxClauseBytes);
          const uint32_t at = SkipToClauseByte(text, k, lim);
          if (at < lim) {
            k = at;
          } else {
            k = lim;
            while (k < stop && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) ++k;
            if (k >= stop) break;
          }
        }
        size_t j = k;
        char32_t c = NextCp(text, j);
        if (k - cb >= kMaxClauseBytes) {  // the same for clauses
          clauses.push_back({cb, k});
          cb = k;
        }
        if (c == '(' && text.substr(j, 12).find(')') != std::string_view::npos && text.substr(j, 12).find(')') <= 9 &&
            text.substr(j, text.substr(j, 12).find(')')).find_first_of("0123456789") == std::string_view::npos) {
          // A short bracket inside a name: 合肥市产业投资控股(集团)有限公司.
          size_t close = j + text.substr(j, 12).find(')') + 1;
          k = static_cast<uint32_t>(close);
          continue;
        }
        // A space between Chinese words (the tabs of a table, a headline's two
        // parts) bounds a clause; one between Latin letters is part of a name.
        bool gap = c == ' ' && !(k > s && std::isalpha(static_cast<unsigned char>(text[k - 1]))) &&
                   !(j < stop && std::isalpha(static_cast<unsigned char>(text[j])));
        if (c == ',' || c == ':' || c == '(' || c == ')' || c == '|' || gap) {
          // Brackets bound clauses too: "(以下简称X)", "(责任单位:…)" stand apart.
          if (k > cb) clauses.push_back({cb, k});
          cb = static_cast<uint32_t>(c == '(' ? k : j);
        }
        k = static_cast<uint32_t>(j);
      }
      if (stop > cb) clauses.push_back({cb, stop});
      sen.clauses.assign(clauses.begin(), clauses.end());
      if (stop > s) st.sentences.push_back(std::move(sen));
      // Past the terminal punctuation.
      p = stop;
      if (p < le) {
        size_t j = p;
        NextCp(text, j);
        p = static_cast<uint32_t>(j);
      }
      while (p < le && text[p] == ' ') ++p;
      line_start = false;
    }
    ls = static_cast<uint32_t>(le + 1);
  }
  return st;
}

}  // namespace pkg::ingest
