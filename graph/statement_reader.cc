// Statement reader; see statement_reader.h and docs/statements.md.
#include "graph/statement_reader.h"

#include <cstring>

#include "base/json.h"
#include "base/text.h"

namespace pkg {
namespace {

// Builds "origin:line:col: " where col is the code-point column of `key`'s
// first occurrence as a JSON key in `line` (1 when not found).
class LineErrors {
 public:
  LineErrors(std::string_view line, const std::string& origin, size_t line_no)
      : line_(line), origin_(origin), line_no_(line_no) {}

  Status At(size_t col, const std::string& msg) const {
    return Status::Invalid(origin_ + ":" + std::to_string(line_no_) + ":" + std::to_string(col) + ": " + msg);
  }
  Status Key(std::string_view key, const std::string& msg) const {
    return At(ColumnOfKey(key), "key \"" + std::string(key) + "\": " + msg);
  }

 private:
  size_t ColumnOfKey(std::string_view key) const {
    std::string needle(1, '"');
    needle.append(key);
    needle.push_back('"');
    size_t pos = line_.find(needle);
    if (pos == std::string_view::npos) return 1;
    size_t col = 1;
    for (size_t i = 0; i < pos; ++i) {
      if ((static_cast<unsigned char>(line_[i]) & 0xC0) != 0x80) ++col;
    }
    return col;
  }
  std::string_view line_;
  const std::string& origin_;
  size_t line_no_;
};

std::string Shown(const rapidjson::Value& v) {
  if (JsonIsText(v)) {
    std::string s(v.GetString(), v.GetStringLength());
    if (s.size() > 40) s = std::string(Utf8Prefix(s, 40)) + "…";  // never half a character
    return "\"" + s + "\"";
  }
  return JsonKindName(v);
}

bool IsDate(std::string_view s) {
  // YYYY, YYYY-MM or YYYY-MM-DD
  auto digits = [&](size_t from, size_t n) {
    if (s.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  if (s.size() == 4) return digits(0, 4);
  if (s.size() == 7) return digits(0, 4) && s[4] == '-' && digits(5, 2);
  if (s.size() == 10) return digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2);
  return false;
}

Result<Value> ConvertProperty(const PropertyDef& def, const rapidjson::Value& v, const LineErrors& err,
                              const std::string& key) {
  auto expect = [&](const std::string& what) { return err.Key(key, "expected " + what + " (got " + Shown(v) + ")"); };
  switch (def.kind) {
    case PropertyKind::kString:
    case PropertyKind::kPeriod:
      if (!JsonIsText(v)) return expect("a string");
      return Value(std::string(v.GetString(), v.GetStringLength()));
    case PropertyKind::kDate: {
      if (!JsonIsText(v)) return expect("a date string YYYY-MM-DD");
      std::string s(v.GetString(), v.GetStringLength());
      if (!IsDate(s)) return expect("a date YYYY, YYYY-MM or YYYY-MM-DD");
      return Value(std::move(s));
    }
    case PropertyKind::kEnum: {
      if (!JsonIsText(v)) return expect("a string");
      std::string s(v.GetString(), v.GetStringLength());
      if (!def.values.empty()) {
        bool ok = false;
        for (const auto& x : def.values) ok = ok || x == s;
        if (!ok) {
          std::string all;
          for (const auto& x : def.values) all += (all.empty() ? "" : ", ") + x;
          return expect("one of " + all);
        }
      }
      return Value(std::move(s));
    }
    case PropertyKind::kNumber: {
      auto d = JsonNumberOf(v);
      if (!d) return expect("a finite number");
      if (v.IsString()) {
        if (auto i = ParseJsonInteger(std::string_view(v.GetString() + 1, v.GetStringLength() - 1))) return Value(*i);
      }
      return Value(*d);
    }
    case PropertyKind::kBool:
      if (!v.IsBool()) return expect("true or false");
      return Value(v.GetBool());
    case PropertyKind::kAmount: {
      if (!v.IsObject()) return expect("an amount object {\"value\", \"unit\", \"cny\"}");
      Amount a;
      auto val = v.FindMember("value");
      if (val == v.MemberEnd() || !JsonNumberOf(val->value)) return err.Key(key, "expected a number in \"value\"");
      a.value = *JsonNumberOf(val->value);
      if (auto u = v.FindMember("unit"); u != v.MemberEnd()) {
        if (!JsonIsText(u->value)) return err.Key(key, "expected a string in \"unit\"");
        a.unit.assign(u->value.GetString(), u->value.GetStringLength());
      }
      if (auto c = v.FindMember("cny"); c != v.MemberEnd()) {
        auto d = JsonNumberOf(c->value);
        if (!d) return err.Key(key, "expected a number in \"cny\"");
        a.cny = *d;
      }
      return Value(std::move(a));
    }
    case PropertyKind::kList: {
      StringList list;
      if (JsonIsText(v)) {
        list.emplace_back(v.GetString(), v.GetStringLength());
        return Value(std::move(list));
      }
      if (!v.IsArray()) return expect("a list of strings");
      for (const auto& x : v.GetArray()) {
        if (!JsonIsText(x)) return err.Key(key, "expected a list of strings (an item is " + JsonKindName(x) + ")");
        list.emplace_back(x.GetString(), x.GetStringLength());
      }
      return Value(std::move(list));
    }
  }
  return expect("a value");
}

Status ReadProps(const rapidjson::Value& obj, const Schema& schema, const LineErrors& err, PropertyMap& out) {
  auto it = obj.FindMember("props");
  if (it == obj.MemberEnd() || it->value.IsNull()) return Status::OK();
  if (!it->value.IsObject()) return err.Key("props", "expected an object (got " + Shown(it->value) + ")");
  for (const auto& m : it->value.GetObject()) {
    std::string key(m.name.GetString(), m.name.GetStringLength());
    const PropertyDef* def = schema.FindProperty(key);
    if (!def) {
      std::string hint = schema.SuggestProperty(key);
      return err.Key(key, "unknown property" + (hint.empty() ? std::string() : " (did you mean \"" + hint + "\"?)"));
    }
    if (m.value.IsNull()) continue;
    auto v = ConvertProperty(*def, m.value, err, key);
    if (!v.ok()) return v.status();
    SetProperty(out, key, std::move(v).value());
  }
  return Status::OK();
}

Status ReadOneSource(const rapidjson::Value& s, const LineErrors& err, Provenance& p) {
  if (!s.IsObject()) return err.Key("source", "expected an object (got " + Shown(s) + ")");
  for (const auto& m : s.GetObject()) {
    std::string_view k(m.name.GetString(), m.name.GetStringLength());
    const auto& v = m.value;
    if (k == "document" || k == "rule" || k == "quote") {
      if (!JsonIsText(v)) return err.Key(k, "expected a string (got " + Shown(v) + ")");
      std::string str(v.GetString(), v.GetStringLength());
      (k == "document" ? p.document : k == "rule" ? p.rule : p.quote) = std::move(str);
    } else if (k == "span") {
      if (!v.IsArray() || v.Size() != 2) return err.Key("span", "expected [begin, end] (got " + Shown(v) + ")");
      auto b = JsonNumberOf(v[0]), e = JsonNumberOf(v[1]);
      if (!b || !e || *b < 0 || *e < *b || *e > 1e15) return err.Key("span", "expected two offsets 0 <= begin <= end");
      p.begin = static_cast<uint64_t>(*b);
      p.end = static_cast<uint64_t>(*e);
    } else if (k == "sentence") {
      auto d = JsonNumberOf(v);
      if (!d || *d < -1 || *d > 1e12) return err.Key("sentence", "expected a sentence index (got " + Shown(v) + ")");
      p.sentence = static_cast<int64_t>(*d);
    }
  }
  return Status::OK();
}

Status ReadSources(const rapidjson::Value& obj, const LineErrors& err, std::vector<Provenance>& out) {
  auto it = obj.FindMember("source");
  if (it == obj.MemberEnd() || it->value.IsNull()) return Status::OK();
  if (it->value.IsArray()) {
    for (const auto& s : it->value.GetArray()) {
      Provenance p;
      PKG_RETURN_IF_ERROR(ReadOneSource(s, err, p));
      out.push_back(std::move(p));
    }
    return Status::OK();
  }
  Provenance p;
  PKG_RETURN_IF_ERROR(ReadOneSource(it->value, err, p));
  out.push_back(std::move(p));
  return Status::OK();
}

Status RequiredString(const rapidjson::Value& obj, const char* key, const LineErrors& err, std::string& out) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd()) return err.At(1, std::string("missing key \"") + key + "\"");
  if (!JsonIsText(it->value) || it->value.GetStringLength() == 0) {
    return err.Key(key, "expected a non-empty string (got " + Shown(it->value) + ")");
  }
  out.assign(it->value.GetString(), it->value.GetStringLength());
  return Status::OK();
}

}  // namespace

Result<Statement> ParseStatementLine(std::string_view line, const Schema& schema, const std::string& origin,
                                     size_t line_no) {
  LineErrors err(line, origin, line_no);
  // One memory pool per thread, reset per line: parsing millions of lines
  // must not pay a malloc and free for every value.
  thread_local rapidjson::MemoryPoolAllocator<> pool(64 * 1024);
  thread_local rapidjson::CrtAllocator stack_allocator;
  pool.Clear();
  rapidjson::Document doc(&pool, 1024, &stack_allocator);
  if (auto e = ParseJson(line, doc, kMaxJsonDepth)) return err.At(e->column, e->message);
  if (!doc.IsObject()) return err.At(1, "expected a JSON object (got " + Shown(doc) + ")");
  std::string kind;
  PKG_RETURN_IF_ERROR(RequiredString(doc, "kind", err, kind));
  if (kind == "node") {
    NodeStatement n;
    PKG_RETURN_IF_ERROR(RequiredString(doc, "id", err, n.id));
    PKG_RETURN_IF_ERROR(RequiredString(doc, "type", err, n.type));
    auto t = schema.FindNodeType(n.type);
    if (!t) {
      std::string hint = schema.SuggestNodeType(n.type);
      return err.Key("type", "unknown node type \"" + n.type + "\"" +
                                 (hint.empty() ? std::string() : " (did you mean \"" + hint + "\"?)"));
    }
    if (schema.node_type(*t).abstract) {
      return err.Key("type", "\"" + n.type + "\" is abstract: use one of its subtypes");
    }
    PKG_RETURN_IF_ERROR(RequiredString(doc, "name", err, n.name));
    if (auto it = doc.FindMember("name_en"); it != doc.MemberEnd() && !it->value.IsNull()) {
      if (!JsonIsText(it->value)) return err.Key("name_en", "expected a string (got " + Shown(it->value) + ")");
      n.name_en.assign(it->value.GetString(), it->value.GetStringLength());
    }
    if (auto it = doc.FindMember("aliases"); it != doc.MemberEnd() && !it->value.IsNull()) {
      if (!it->value.IsArray()) return err.Key("aliases", "expected a list of strings (got " + Shown(it->value) + ")");
      for (const auto& a : it->value.GetArray()) {
        if (!JsonIsText(a)) return err.Key("aliases", "expected a list of strings (an item is " + JsonKindName(a) + ")");
        if (a.GetStringLength() > 0) n.aliases.emplace_back(a.GetString(), a.GetStringLength());
      }
    }
    PKG_RETURN_IF_ERROR(ReadProps(doc, schema, err, n.props));
    PKG_RETURN_IF_ERROR(ReadSources(doc, err, n.sources));
    return Statement(std::move(n));
  }
  if (kind == "edge") {
    EdgeStatement e;
    PKG_RETURN_IF_ERROR(RequiredString(doc, "type", err, e.type));
    if (!schema.FindEdgeType(e.type)) {
      std::string hint = schema.SuggestEdgeType(e.type);
      return err.Key("type", "unknown edge type \"" + e.type + "\"" +
                                 (hint.empty() ? std::string() : " (did you mean \"" + hint + "\"?)"));
    }
    PKG_RETURN_IF_ERROR(RequiredString(doc, "from", err, e.from));
    PKG_RETURN_IF_ERROR(RequiredString(doc, "to", err, e.to));
    PKG_RETURN_IF_ERROR(ReadProps(doc, schema, err, e.props));
    PKG_RETURN_IF_ERROR(ReadSources(doc, err, e.sources));
    return Statement(std::move(e));
  }
  if (kind == "query") return err.Key("kind", "\"query\" lines are gold-file answers, not statements");
  return err.Key("kind", "expected \"node\" or \"edge\" (got \"" + kind + "\")");
}

void ReadStatements(std::string_view text, const Schema& schema, const std::string& origin,
                    const std::function<void(Statement&&)>& sink, std::vector<std::string>& errors,
                    const ReadOptions& opts) {
  size_t line_no = 0, extra = 0, pos = 0;
  if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) pos = 3;  // BOM
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line.substr(first, 2) == "//") continue;
    auto r = ParseStatementLine(line, schema, origin, line_no);
    if (r.ok()) {
      sink(std::move(r).value());
    } else if (errors.size() < opts.max_errors) {
      errors.push_back(r.status().message());
    } else {
      ++extra;
    }
  }
  if (extra > 0) errors.push_back("... and " + std::to_string(extra) + " more errors in " + origin);
}

}  // namespace pkg
