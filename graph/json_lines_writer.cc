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

#include "graph/json_encode.h"
#include "graph/statement_writer.h"

namespace pkg {

// JsonLinesWriter writes the same bytes as the rapidjson Writer of statement_writer.cc
// (escapes, number forms), straight into one growable buffer through a
// cursor: each statement reserves its worst case once (a string 6 bytes a
// byte, as \u00XX; a number 32), then is written without further checks.
// Strings and numbers are written by json_encode.h (strings 16 or 32 bytes
// a step while they need no escape, one pass that tests and stores).
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

// Upper bounds of what the writers below (namespace w) write for each piece.
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

// The writers of a line's pieces: each writes at the cursor p and returns
// the end, so that the cursor stays in a register (a store through a char*
// could alias a cursor kept in memory, which would be reloaded after each).
namespace w {

template <size_t N>
[[gnu::always_inline]] inline char* Raw(char* p, const char (&lit)[N]) {  // a literal, without its terminating NUL
  std::memcpy(p, lit, N - 1);
  return p + N - 1;
}
inline char* Raw(char* p, std::string_view s) {
  if (s.empty()) return p;  // (an empty view's data may be null: no memcpy from it)
  std::memcpy(p, s.data(), s.size());
  return p + s.size();
}
[[gnu::always_inline]] inline char* Raw(char* p, char c) {
  *p = c;
  return p + 1;
}
// A JSON string (json_encode.h).
[[gnu::always_inline]] inline char* Str(char* p, std::string_view s) { return json::WriteString(p, s); }
inline char* Key(char* p, std::string_view k) {  // "k":  (the caller writes the comma)
  return Raw(Str(p, k), ':');
}
inline char* Int(char* p, int64_t v) {
  return v >= 0 ? json::WriteDecimal(p, static_cast<uint64_t>(v)) : std::to_chars(p, p + 24, v).ptr;
}
inline char* Uint(char* p, uint64_t v) { return json::WriteDecimal(p, v); }
char* Num(char* p, double d) {  // as rapidjson's Writer: integral values as integers
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) return Int(p, static_cast<int64_t>(d));
  if (std::isfinite(d)) {
    char buf[32];
    char* end = rapidjson::internal::dtoa(d, buf, 324);  // Writer's default precision
    return Raw(p, std::string_view(buf, static_cast<size_t>(end - buf)));
  }
  return Raw(p, "null");
}
char* Val(char* p, const pkg::Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull: return Raw(p, "null");
    case Value::Kind::kBool: return v.as_bool() ? Raw(p, "true") : Raw(p, "false");
    case Value::Kind::kInt: return Int(p, v.as_int());
    case Value::Kind::kDouble: return Num(p, v.as_double());
    case Value::Kind::kString: return Str(p, v.as_string());
    case Value::Kind::kAmount:
      p = Raw(p, "{\"value\":");
      p = Num(p, v.as_amount().value);
      p = Raw(p, ",\"unit\":");
      p = Str(p, v.as_amount().unit);
      p = Raw(p, ",\"cny\":");
      p = Num(p, v.as_amount().cny);
      return Raw(p, '}');
    case Value::Kind::kList: {
      p = Raw(p, '[');
      bool first = true;
      for (const auto& x : v.as_list()) {
        if (!first) p = Raw(p, ',');
        first = false;
        p = Str(p, x);
      }
      return Raw(p, ']');
    }
  }
  return p;
}
char* Props(char* p, const PropertyMap& props) {
  if (props.empty()) return p;
  p = Raw(p, ",\"props\":{");
  bool first = true;
  for (const auto& [k, v] : props) {
    if (!first) p = Raw(p, ',');
    first = false;
    p = Key(p, k);
    p = Val(p, v);
  }
  return Raw(p, '}');
}
template <class P>  // Provenance or ProvenanceView
char* Source(char* p, const P& s) {
  p = Raw(p, "{\"document\":");
  p = Str(p, s.document);
  p = Raw(p, ",\"span\":[");
  p = Uint(p, s.begin);
  p = Raw(p, ',');
  p = Uint(p, s.end);
  p = Raw(p, ']');
  if (s.sentence >= 0) {
    p = Raw(p, ",\"sentence\":");
    p = Int(p, s.sentence);
  }
  if (!s.rule.empty()) {
    p = Raw(p, ",\"rule\":");
    p = Str(p, s.rule);
  }
  if (!s.quote.empty()) {
    p = Raw(p, ",\"quote\":");
    p = Str(p, s.quote);
  }
  return Raw(p, '}');
}
template <class Ps>  // std::vector<Provenance> or std::span<const ProvenanceView>
char* Sources(char* p, const Ps& sources) {
  if (sources.empty()) return p;
  p = Raw(p, ",\"source\":");
  if (sources.size() == 1) return Source(p, sources[0]);
  p = Raw(p, '[');
  for (size_t i = 0; i < sources.size(); ++i) {
    if (i) p = Raw(p, ',');
    p = Source(p, sources[i]);
  }
  return Raw(p, ']');
}
template <class N>  // NodeStatement or NodeView
char* Node(char* p, const N& n) {
  p = Raw(p, "{\"kind\":\"node\",\"id\":");
  p = Str(p, n.id);
  p = Raw(p, ",\"type\":");
  p = Str(p, n.type);
  p = Raw(p, ",\"name\":");
  p = Str(p, n.name);
  if (!n.name_en.empty()) {
    p = Raw(p, ",\"name_en\":");
    p = Str(p, n.name_en);
  }
  if (!n.aliases.empty()) {
    p = Raw(p, ",\"aliases\":[");
    for (size_t i = 0; i < n.aliases.size(); ++i) {
      if (i) p = Raw(p, ',');
      p = Str(p, n.aliases[i]);
    }
    p = Raw(p, ']');
  }
  if constexpr (std::is_same_v<N, NodeView>) {
    if (n.props) p = Props(p, *n.props);
  } else {
    p = Props(p, n.props);
  }
  p = Sources(p, n.sources);
  return Raw(p, "}\n");
}
template <class E>  // EdgeStatement or EdgeView
char* Edge(char* p, const E& e) {
  p = Raw(p, "{\"kind\":\"edge\",\"type\":");
  p = Str(p, e.type);
  p = Raw(p, ",\"from\":");
  p = Str(p, e.from);
  p = Raw(p, ",\"to\":");
  p = Str(p, e.to);
  if constexpr (!std::is_same_v<E, EdgeView>) p = Props(p, e.props);
  p = Sources(p, e.sources);
  return Raw(p, "}\n");
}

}  // namespace w

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
  OutBuf& b = impl_->buf;
  b.Commit(w::Node(b.Reserve(NodeBound(n)), n));
}

void JsonLinesWriter::Append(const EdgeStatement& e) {
  OutBuf& b = impl_->buf;
  b.Commit(w::Edge(b.Reserve(EdgeBound(e)), e));
}

void JsonLinesWriter::Append(const NodeView& n) {
  OutBuf& b = impl_->buf;
  b.Commit(w::Node(b.Reserve(NodeBound(n)), n));
}

void JsonLinesWriter::Append(const EdgeView& e) {
  OutBuf& b = impl_->buf;
  b.Commit(w::Edge(b.Reserve(EdgeBound(e)), e));
}

std::string_view JsonLinesWriter::view() const { return impl_->buf.view(); }

void JsonLinesWriter::clear() { impl_->buf.clear(); }

}  // namespace pkg
