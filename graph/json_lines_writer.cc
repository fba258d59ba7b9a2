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
  // A JSON string (json_encode.h).
  [[gnu::always_inline]] void Str(std::string_view s) { p_ = json::WriteString(p_, s); }
  void Key(std::string_view k) {  // "k":  (the caller writes the comma)
    Str(k);
    Raw(':');
  }
  void Int(int64_t v) { p_ = v >= 0 ? json::WriteDecimal(p_, static_cast<uint64_t>(v)) : std::to_chars(p_, p_ + 24, v).ptr; }
  void Uint(uint64_t v) { p_ = json::WriteDecimal(p_, v); }
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
