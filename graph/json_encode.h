// JSON text primitives for JsonLinesWriter (json_lines_writer.cc): a
// string with rapidjson's escapes and a non-negative integer in decimal,
// written at a cursor into a buffer reserved for the worst case (a string
// 6 bytes a byte plus its quotes; a number 24). The same bytes as
// rapidjson's Writer; tested through tests/graph/statement_writer_test.cc.
// Internal to graph/.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pkg::json {

// The byte c (one that needs it) escaped at p; returns the end.
inline char* Escape(char* p, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  *p++ = '\\';
  switch (c) {
    case '"': *p++ = '"'; break;
    case '\\': *p++ = '\\'; break;
    case '\b': *p++ = 'b'; break;
    case '\t': *p++ = 't'; break;
    case '\n': *p++ = 'n'; break;
    case '\f': *p++ = 'f'; break;
    case '\r': *p++ = 'r'; break;
    default:
      *p++ = 'u';
      *p++ = '0';
      *p++ = '0';
      *p++ = kHex[c >> 4];
      *p++ = kHex[c & 15];
  }
  return p;
}

inline bool Plain(unsigned char c) { return c >= 0x20 && c != '"' && c != '\\'; }
// n bytes, each escaped as needed.
inline char* EscapeRun(char* p, const char* s, size_t n) {
  for (size_t k = 0; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[k]);
    if (Plain(c)) {
      *p++ = static_cast<char>(c);
    } else {
      p = Escape(p, c);
    }
  }
  return p;
}

#if defined(__SSE2__)
// Bit k set when byte k needs an escape.
inline unsigned EscapeMask16(__m128i x) {
  // A control byte is one whose unsigned minimum with 0x1F is itself.
  const __m128i hit =
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
                   _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x));
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}
#endif

// Whether any of 8 (4) bytes is a control byte, '"' or '\\' (SWAR: a byte
// is flagged when subtracting from it borrows, i.e. it is below the bound
// or equal to the byte compared with after an XOR).
inline bool NeedsEscape8(const char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto below = [&](uint64_t v, uint8_t n) { return (v - kOnes * n) & ~v & kHigh; };
  return (below(x, 0x20) | below(x ^ (kOnes * '"'), 1) | below(x ^ (kOnes * '\\'), 1)) != 0;
}

inline bool NeedsEscape4(const char* p) {
  uint32_t x;
  std::memcpy(&x, p, 4);
  constexpr uint32_t kOnes = 0x01010101u, kHigh = 0x80808080u;
  auto below = [&](uint32_t v, uint8_t n) { return (v - kOnes * n) & ~v & kHigh; };
  return (below(x, 0x20) | below(x ^ (kOnes * '"'), 1) | below(x ^ (kOnes * '\\'), 1)) != 0;
}

// A JSON string: '"', '\\' and control bytes escaped as rapidjson does;
// other bytes (UTF-8 included) copied as they are.
[[gnu::always_inline]] inline char* WriteString(char* p, std::string_view s) {
  const char* src = s.data();
  const size_t n = s.size();
  *p++ = '"';
#if defined(__SSE2__)
  if (n >= 16) {
    // Store 16 (32) bytes, keep those before the first that needs an
    // escape. (p + 32 stays within the bound: p is at most 1 + 6 i bytes past
    // the string's start, and i + 32 <= n.)
    size_t i = 0;
    size_t raw = 0;  // the output since src[raw] is a plain copy of src[raw, i)
    // 32 bytes a step while they last (one test for both halves), then 16.
    while (i + 32 <= n) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
      const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i + 16));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(p), x);
      _mm_storeu_si128(reinterpret_cast<__m128i*>(p + 16), y);
      const unsigned m = EscapeMask16(x) | (EscapeMask16(y) << 16);
      if (m == 0) {
        i += 32;
        p += 32;
        continue;
      }
      const unsigned k = static_cast<unsigned>(__builtin_ctz(m));
      i += k;
      p = Escape(p + k, static_cast<unsigned char>(src[i]));
      raw = ++i;
    }
    while (i + 16 <= n) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(p), x);
      const unsigned m = EscapeMask16(x);
      if (m == 0) {
        i += 16;
        p += 16;
        continue;
      }
      const unsigned k = static_cast<unsigned>(__builtin_ctz(m));
      i += k;
      p = Escape(p + k, static_cast<unsigned char>(src[i]));
      raw = ++i;
    }
    if (i < n) {
      // The last 16 bytes, overlapping those done: stored over their own
      // plain copy when none of the new ones needs an escape.
      const size_t r = n - i;
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + n - 16));
      if (n - 16 >= raw && (EscapeMask16(x) >> (16 - r)) == 0) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(p + r - 16), x);
        p += r;
      } else {
        p = EscapeRun(p, src + i, r);
      }
    }
    *p++ = '"';
    return p;
  }
#endif
  // Short: whole when none of it needs an escape (two overlapping moves),
  // else byte by byte.
  if (n >= 16) {  // (only without SSE2)
    p = EscapeRun(p, src, n);
  } else if (n >= 8) {
#if defined(__SSE2__)
    // The first and the last 8 bytes in one register, tested at once.
    const __m128i x = _mm_unpacklo_epi64(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(src)),
                                         _mm_loadl_epi64(reinterpret_cast<const __m128i*>(src + n - 8)));
    const bool escape = EscapeMask16(x) != 0;
#else
    const bool escape = NeedsEscape8(src) || NeedsEscape8(src + n - 8);
#endif
    if (escape) {
      p = EscapeRun(p, src, n);
    } else {
      std::memcpy(p, src, 8);
      std::memcpy(p + n - 8, src + n - 8, 8);
      p += n;
    }
  } else if (n >= 4) {
#if defined(__SSE2__)
    // The first and the last 4 bytes in the low 8 bytes of one register.
    uint32_t a, b;
    std::memcpy(&a, src, 4);
    std::memcpy(&b, src + n - 4, 4);
    const __m128i x = _mm_unpacklo_epi32(_mm_cvtsi32_si128(static_cast<int>(a)), _mm_cvtsi32_si128(static_cast<int>(b)));
    const bool escape = (EscapeMask16(x) & 0xFF) != 0;
#else
    const bool escape = NeedsEscape4(src) || NeedsEscape4(src + n - 4);
#endif
    if (escape) {
      p = EscapeRun(p, src, n);
    } else {
      std::memcpy(p, src, 4);
      std::memcpy(p + n - 4, src + n - 4, 4);
      p += n;
    }
  } else {
    p = EscapeRun(p, src, n);
  }
  *p++ = '"';
  return p;
}

// v in decimal at p (what std::to_chars writes); returns the end. Up to
// six digits (spans, sentences) by pairs from a table, inline.
inline char* WriteDecimal(char* p, uint64_t v) {
  static constexpr char kPairs[] =
      "0001020304050607080910111213141516171819202122232425262728293031323334353637383940414243444546474849"
      "5051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";
  auto pair = [&](char* at, uint64_t two) { std::memcpy(at, kPairs + 2 * two, 2); };
  if (v < 10) {
    *p = static_cast<char>('0' + v);
    return p + 1;
  }
  if (v < 100) {
    pair(p, v);
    return p + 2;
  }
  if (v < 1000) {
    *p = static_cast<char>('0' + v / 100);
    pair(p + 1, v % 100);
    return p + 3;
  }
  if (v < 10000) {
    pair(p, v / 100);
    pair(p + 2, v % 100);
    return p + 4;
  }
  if (v < 100000) {
    *p = static_cast<char>('0' + v / 10000);
    pair(p + 1, v / 100 % 100);
    pair(p + 3, v % 100);
    return p + 5;
  }
  if (v < 1000000) {
    pair(p, v / 10000);
    pair(p + 2, v / 100 % 100);
    pair(p + 4, v % 100);
    return p + 6;
  }
  return std::to_chars(p, p + 24, v).ptr;
}

}  // namespace pkg::json
