// Statement writer; see statement_writer.h (JsonLinesWriter: json_lines_writer.cc).
#include "graph/statement_writer.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

namespace pkg {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void Str(Writer& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

void Num(Writer& w, double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e15) {
    w.Int64(static_cast<int64_t>(d));
  } else if (std::isfinite(d)) {
    w.Double(d);
  } else {
    w.Null();
  }
}

void WriteValue(Writer& w, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull: w.Null(); break;
    case Value::Kind::kBool: w.Bool(v.as_bool()); break;
    case Value::Kind::kInt: w.Int64(v.as_int()); break;
    case Value::Kind::kDouble: Num(w, v.as_double()); break;
    case Value::Kind::kString: Str(w, v.as_string()); break;
    case Value::Kind::kAmount:
      w.StartObject();
      w.Key("value"); Num(w, v.as_amount().value);
      w.Key("unit"); Str(w, v.as_amount().unit);
      w.Key("cny"); Num(w, v.as_amount().cny);
      w.EndObject();
      break;
    case Value::Kind::kList:
      w.StartArray();
      for (const auto& s : v.as_list()) Str(w, s);
      w.EndArray();
      break;
  }
}

void WriteProps(Writer& w, const PropertyMap& props) {
  if (props.empty()) return;
  w.Key("props");
  w.StartObject();
  for (const auto& [k, v] : props) {
    Str(w, k);
    WriteValue(w, v);
  }
  w.EndObject();
}

void WriteSource(Writer& w, const Provenance& p) {
  w.StartObject();
  w.Key("document"); Str(w, p.document);
  w.Key("span");
  w.StartArray(); w.Uint64(p.begin); w.Uint64(p.end); w.EndArray();
  if (p.sentence >= 0) { w.Key("sentence"); w.Int64(p.sentence); }
  if (!p.rule.empty()) { w.Key("rule"); Str(w, p.rule); }
  if (!p.quote.empty()) { w.Key("quote"); Str(w, p.quote); }
  w.EndObject();
}

void WriteSources(Writer& w, const std::vector<Provenance>& sources) {
  if (sources.empty()) return;
  w.Key("source");
  if (sources.size() == 1) {
    WriteSource(w, sources[0]);
    return;
  }
  w.StartArray();
  for (const auto& p : sources) WriteSource(w, p);
  w.EndArray();
}

void WriteNode(Writer& w, const NodeStatement& n) {
  w.StartObject();
  w.Key("kind"); w.String("node");
  w.Key("id"); Str(w, n.id);
  w.Key("type"); Str(w, n.type);
  w.Key("name"); Str(w, n.name);
  if (!n.name_en.empty()) { w.Key("name_en"); Str(w, n.name_en); }
  if (!n.aliases.empty()) {
    w.Key("aliases");
    w.StartArray();
    for (const auto& a : n.aliases) Str(w, a);
    w.EndArray();
  }
  WriteProps(w, n.props);
  WriteSources(w, n.sources);
  w.EndObject();
}

void WriteEdge(Writer& w, const EdgeStatement& e) {
  w.StartObject();
  w.Key("kind"); w.String("edge");
  w.Key("type"); Str(w, e.type);
  w.Key("from"); Str(w, e.from);
  w.Key("to"); Str(w, e.to);
  WriteProps(w, e.props);
  WriteSources(w, e.sources);
  w.EndObject();
}

}  // namespace

std::string NodeStatementToJson(const NodeStatement& n) {
  rapidjson::StringBuffer sb;
  Writer w(sb);
  WriteNode(w, n);
  return std::string(sb.GetString(), sb.GetSize());
}

std::string EdgeStatementToJson(const EdgeStatement& e) {
  rapidjson::StringBuffer sb;
  Writer w(sb);
  WriteEdge(w, e);
  return std::string(sb.GetString(), sb.GetSize());
}

std::string StatementToJson(const Statement& s) {
  if (const auto* n = std::get_if<NodeStatement>(&s)) return NodeStatementToJson(*n);
  return EdgeStatementToJson(std::get<EdgeStatement>(s));
}

// JsonLinesWriter: json_lines_writer.cc.

}  // namespace pkg
