// JsonLinesWriter (declared in statement_writer.h): statements as JSON Lines
// straight into one reused buffer, the same bytes as StatementToJson in
// statement_writer.cc. Tested in tests/graph/statement_writer_test.cc.
#include <rapidjson/internal/dtoa.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>
#include <type_traits>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "graph/statement_writer.h"

namespace pkg {

// JsonLinesWriter writes the same bytes as the rapidjson Writer of statement_writer.cc
// (escapes, number forms), straight into one growable buffer through a
// cursor: each statement reserves its worst case once (a string 6 bytes a
// byte, as \u00XX; a number 32), then is written without further checks.
// Strings are copied 16 bytes at a time while they need no escape (one pass
// that tests and stores), their last bytes by overlapping 8- or 4-byte moves.
namespace {

class OutBuf {
 public:
  // Room for n more bytes at the end; invalidates earlier pointers.
  char* Reserve(size_t n) {
    if (cap_ - size_ < n) Grow(n);
    return data_.get() + size_;
  }
  void Commit(char* end) { size_ = static_cast<size_t>(end - data_.get()); }
  std::string_view view() const { return {data_.get(), size_}; }
  void clear() { size_ = 0; }

 private:
  void Grow(size_t n) {
    size_t cap = std::max<size_t>({cap_ * 2, size_ + n, 1 << 16});
    std::unique_ptr<char[]> d(new char[cap]);
    if (size_) std::memcpy(d.get(), data_.get(), size_);
    data_ = std::move(d);
    cap_ = cap;
  }
  std::unique_ptr<char[]> data_;
  size_t size_ = 0, cap_ = 0;
};

// Upper bounds of what LineOut writes for each piece.
constexpr size_t kNumberBytes = 32;  // an integer (20 digits and a sign) or dtoa's shortest form
size_t StrBound(std::string_view s) { return s.size() * 6 + 2; }

size_t ValueBound(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kString: return StrBound(v.as_string());
    case Value::Kind::kAmount: return 32 + 3 * kNumberBytes + StrBound(v.as_amount().unit);
    case Value::Kind::kList: {
      size_t n = 2;
      for (const auto& x : v.as_list()) n += StrBound(x) + 1;
      return n;
    }
    default: return kNumberBytes;
  }
}

size_t PropsBound(const PropertyMap& props) {
  size_t n = 16;
  for (const auto& [k, v] : props) n += StrBound(k) + 2 + ValueBound(v);
  return n;
}

template <class Ps>
size_t SourcesBound(const Ps& sources) {
  size_t n = 16;
  for (const auto& p : sources) {
    n += 64 + 3 * kNumberBytes + StrBound(p.document) + StrBound(p.rule) + StrBound(p.quote);
  }
  return n;
}

class LineOut {
 public:
  // Room for `bound` bytes; the line is committed by the destructor.
  LineOut(OutBuf& out, size_t bound) : out_(out), p_(out.Reserve(bound)) {}
  ~LineOut() { out_.Commit(p_); }
  LineOut(const LineOut&) = delete;
  LineOut& operator=(const LineOut&) = delete;

  template <size_t N>
  void Raw(const char (&lit)[N]) {  // a literal, without its terminating NUL
    std::memcpy(p_, lit, N - 1);
    p_ += N - 1;
  }
  void Raw(std::string_view s) {
    if (s.empty()) return;  // (an empty view's data may be null: no memcpy from it)
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  void Raw(char c) { *p_++ = c; }
  // A JSON string: '"', '\\' and control bytes escaped as rapidjson does;
  // other bytes (UTF-8 included) copied as they are.
  [[gnu::always_inline]] void Str(std::string_view s) {
    const char* src = s.data();
    const size_t n = s.size();
    char* p = p_;
    *p++ = '"';
#if defined(__SSE2__)
    if (n >= 16) {
      // Store 16 (32) bytes, keep those before the first that needs an
      // escape. (p + 32 stays within the bound: p <= 1 + 6 i and i + 32 <= n.)
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
      p_ = p;
      return;
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
    p_ = p;
  }
  // The byte c (one that needs it) escaped at p; returns the end.
  static char* Escape(char* p, unsigned char c) {
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
  static bool Plain(unsigned char c) { return c >= 0x20 && c != '"' && c != '\\'; }
  // n bytes, each escaped as needed.
  static char* EscapeRun(char* p, const char* s, size_t n) {
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
  static unsigned EscapeMask16(__m128i x) {
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
  static bool NeedsEscape8(const char* p) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    auto below = [&](uint64_t v, uint8_t n) { return (v - kOnes * n) & ~v & kHigh; };
    return (below(x, 0x20) | below(x ^ (kOnes * '"'), 1) | below(x ^ (kOnes * '\\'), 1)) != 0;
  }
  static bool NeedsEscape4(const char* p) {
    uint32_t x;
    std::memcpy(&x, p, 4);
    constexpr uint32_t kOnes = 0x01010101u, kHigh = 0x80808080u;
    auto below = [&](uint32_t v, uint8_t n) { return (v - kOnes * n) & ~v & kHigh; };
    return (below(x, 0x20) | below(x ^ (kOnes * '"'), 1) | below(x ^ (kOnes * '\\'), 1)) != 0;
  }
  void Key(std::string_view k) {  // "k":  (the caller writes the comma)
    Str(k);
    Raw(':');
  }
  void Int(int64_t v) { p_ = v >= 0 ? Decimal(p_, static_cast<uint64_t>(v)) : std::to_chars(p_, p_ + 24, v).ptr; }
  void Uint(uint64_t v) { p_ = Decimal(p_, v); }
  // v in decimal at p (what std::to_chars writes); returns the end. Up to
  // six digits (spans, sentences) by pairs from a table, inline.
  static char* Decimal(char* p, uint64_t v) {
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
  void Num(double d) {  // as Num() above
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) {
      Int(static_cast<int64_t>(d));
    } else if (std::isfinite(d)) {
      char buf[32];
      char* end = rapidjson::internal::dtoa(d, buf, 324);  // Writer's default precision
      Raw(std::string_view(buf, static_cast<size_t>(end - buf)));
    } else {
      Raw("null");
    }
  }
  void Value(const pkg::Value& v) {
    switch (v.kind()) {
      case Value::Kind::kNull: Raw("null"); break;
      case Value::Kind::kBool:
        if (v.as_bool()) {
          Raw("true");
        } else {
          Raw("false");
        }
        break;
      case Value::Kind::kInt: Int(v.as_int()); break;
      case Value::Kind::kDouble: Num(v.as_double()); break;
      case Value::Kind::kString: Str(v.as_string()); break;
      case Value::Kind::kAmount:
        Raw("{\"value\":");
        Num(v.as_amount().value);
        Raw(",\"unit\":");
        Str(v.as_amount().unit);
        Raw(",\"cny\":");
        Num(v.as_amount().cny);
        Raw('}');
        break;
      case Value::Kind::kList: {
        Raw('[');
        bool first = true;
        for (const auto& x : v.as_list()) {
          if (!first) Raw(',');
          first = false;
          Str(x);
        }
        Raw(']');
        break;
      }
    }
  }
  void Props(const PropertyMap& props) {
    if (props.empty()) return;
    Raw(",\"props\":{");
    bool first = true;
    for (const auto& [k, v] : props) {
      if (!first) Raw(',');
      first = false;
      Key(k);
      Value(v);
    }
    Raw('}');
  }
  template <class P>  // Provenance or ProvenanceView
  void Source(const P& p) {
    Raw("{\"document\":");
    Str(p.document);
    Raw(",\"span\":[");
    Uint(p.begin);
    Raw(',');
    Uint(p.end);
    Raw(']');
    if (p.sentence >= 0) {
      Raw(",\"sentence\":");
      Int(p.sentence);
    }
    if (!p.rule.empty()) {
      Raw(",\"rule\":");
      Str(p.rule);
    }
    if (!p.quote.empty()) {
      Raw(",\"quote\":");
      Str(p.quote);
    }
    Raw('}');
  }
  template <class Ps>  // std::vector<Provenance> or std::span<const ProvenanceView>
  void Sources(const Ps& sources) {
    if (sources.empty()) return;
    Raw(",\"source\":");
    if (sources.size() == 1) return Source(sources[0]);
    Raw('[');
    for (size_t i = 0; i < sources.size(); ++i) {
      if (i) Raw(',');
      Source(sources[i]);
    }
    Raw(']');
  }
  template <class N>  // NodeStatement or NodeView
  void Node(const N& n) {
    Raw("{\"kind\":\"node\",\"id\":");
    Str(n.id);
    Raw(",\"type\":");
    Str(n.type);
    Raw(",\"name\":");
    Str(n.name);
    if (!n.name_en.empty()) {
      Raw(",\"name_en\":");
      Str(n.name_en);
    }
    if (!n.aliases.empty()) {
      Raw(",\"aliases\":[");
      for (size_t i = 0; i < n.aliases.size(); ++i) {
        if (i) Raw(',');
        Str(n.aliases[i]);
      }
      Raw(']');
    }
    if constexpr (std::is_same_v<N, NodeView>) {
      if (n.props) Props(*n.props);
    } else {
      Props(n.props);
    }
    Sources(n.sources);
    Raw("}\n");
  }
  template <class E>  // EdgeStatement or EdgeView
  void Edge(const E& e) {
    Raw("{\"kind\":\"edge\",\"type\":");
    Str(e.type);
    Raw(",\"from\":");
    Str(e.from);
    Raw(",\"to\":");
    Str(e.to);
    if constexpr (!std::is_same_v<E, EdgeView>) Props(e.props);
    Sources(e.sources);
    Raw("}\n");
  }

 private:
  OutBuf& out_;
  char* p_;
};

template <class N>
size_t NodeBound(const N& n) {
  size_t b = 96 + StrBound(n.id) + StrBound(n.type) + StrBound(n.name) + StrBound(n.name_en);
  for (const auto& a : n.aliases) b += StrBound(a) + 1;
  if constexpr (std::is_same_v<N, NodeView>) {
    b += n.props ? PropsBound(*n.props) : 0;
  } else {
    b += PropsBound(n.props);
  }
  return b + SourcesBound(n.sources);
}

size_t EdgeBound(const EdgeStatement& e) {
  return 64 + StrBound(e.type) + StrBound(e.from) + StrBound(e.to) + PropsBound(e.props) + SourcesBound(e.sources);
}

size_t EdgeBound(const EdgeView& e) {
  return 64 + StrBound(e.type) + StrBound(e.from) + StrBound(e.to) + SourcesBound(e.sources);
}

}  // namespace

struct JsonLinesWriter::Impl {
  OutBuf buf;
};

JsonLinesWriter::JsonLinesWriter() : impl_(std::make_unique<Impl>()) {}
JsonLinesWriter::~JsonLinesWriter() = default;

void JsonLinesWriter::Append(const Statement& s) {
  if (const auto* n = std::get_if<NodeStatement>(&s)) return Append(*n);
  Append(std::get<EdgeStatement>(s));
}

void JsonLinesWriter::Append(const NodeStatement& n) {
  LineOut out(impl_->buf, NodeBound(n));
  out.Node(n);
}

void JsonLinesWriter::Append(const EdgeStatement& e) {
  LineOut out(impl_->buf, EdgeBound(e));
  out.Edge(e);
}

void JsonLinesWriter::Append(const NodeView& n) {
  LineOut out(impl_->buf, NodeBound(n));
  out.Node(n);
}

void JsonLinesWriter::Append(const EdgeView& e) {
  LineOut out(impl_->buf, EdgeBound(e));
  out.Edge(e);
}

std::string_view JsonLinesWriter::view() const { return impl_->buf.view(); }

void JsonLinesWriter::clear() { impl_->buf.clear(); }

}  // namespace pkg
