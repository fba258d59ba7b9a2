// Result formatting (see result_format.h).
#include "query/result_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "base/json.h"
#include "base/text.h"

namespace pkg {

namespace {

// Shortest text that reads back as the same double; JSON has no NaN or infinity.
std::string Number(double d) {
  if (!std::isfinite(d)) return "null";
  if (d == std::trunc(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<int64_t>(d));  // 1e11 → 100000000000
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return ec == std::errc() ? std::string(buf, end) : "null";
}

std::string ValueToJson(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kNull: return "null";
    case Value::Kind::kBool: return v.as_bool() ? "true" : "false";
    case Value::Kind::kInt: return std::to_string(v.as_int());
    case Value::Kind::kDouble: return Number(v.as_double());
    case Value::Kind::kString: return JsonQuote(v.as_string());
    case Value::Kind::kAmount: {
      const Amount& a = v.as_amount();
      return "{\"value\":" + Number(a.value) + ",\"unit\":" + JsonQuote(a.unit) + ",\"cny\":" + Number(a.cny) + "}";
    }
    case Value::Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < v.as_list().size(); ++i) out += (i ? "," : "") + JsonQuote(v.as_list()[i]);
      return out + "]";
    }
  }
  return "null";
}

std::string NodeJson(const Snapshot& snap, NodeId n) {
  const Schema& s = snap.schema();
  const NodeTypeDef& t = s.node_type(snap.type(n));
  std::string labels;
  for (TypeId l : s.Labels(snap.type(n))) labels += (labels.empty() ? "" : ",") + JsonQuote(s.node_type(l).name);
  std::string out = "{\"id\":" + JsonQuote(snap.key(n)) + ",\"type\":" + JsonQuote(t.name) + ",\"labels\":[" + labels +
                    "],\"name\":" + JsonQuote(snap.name(n));
  if (!snap.name_en(n).empty()) out += ",\"name_en\":" + JsonQuote(snap.name_en(n));
  return out + ",\"type_zh\":" + JsonQuote(t.zh) + "}";
}

std::string EdgeJson(const Snapshot& snap, EdgeId e) {
  std::string out = "{\"id\":\"e" + std::to_string(e.v) + "\",\"type\":" +
                    JsonQuote(snap.schema().edge_type(snap.edge_type(e)).name) +
                    ",\"from\":" + JsonQuote(snap.key(snap.source(e))) + ",\"to\":" + JsonQuote(snap.key(snap.target(e)));
  std::string prov;
  for (const Provenance& p : snap.edge_provenance(e)) {
    prov += (prov.empty() ? "" : ",") + std::string("{\"document\":") + JsonQuote(p.document) + ",\"span\":[" +
            std::to_string(p.begin) + "," + std::to_string(p.end) + "],\"sentence\":" + std::to_string(p.sentence) +
            ",\"rule\":" + JsonQuote(p.rule) + ",\"quote\":" + JsonQuote(p.quote) + "}";
  }
  return out + ",\"provenance\":[" + prov + "]}";
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string CellToJson(const Cell& c, const Snapshot& snap) {
  switch (c.kind()) {
    case Cell::Kind::kValue: return ValueToJson(c.value());
    case Cell::Kind::kNode: return "{\"node\":" + NodeJson(snap, c.node()) + "}";
    case Cell::Kind::kEdge: return "{\"edge\":" + EdgeJson(snap, c.edge()) + "}";
    case Cell::Kind::kPath: {
      std::string nodes, edges;
      for (NodeId n : c.path().nodes) nodes += (nodes.empty() ? "" : ",") + NodeJson(snap, n);
      for (EdgeId e : c.path().edges) edges += (edges.empty() ? "" : ",") + EdgeJson(snap, e);
      return "{\"path\":{\"nodes\":[" + nodes + "],\"edges\":[" + edges + "]}}";
    }
    case Cell::Kind::kList: {
      std::string out = "[";
      for (size_t i = 0; i < c.list().size(); ++i) out += (i ? "," : "") + CellToJson(c.list()[i], snap);
      return out + "]";
    }
  }
  return "null";
}

std::string FormatTable(const QueryResult& r, const Snapshot& snap) {
  std::vector<std::vector<std::string>> text;
  std::vector<size_t> width(r.columns.size(), 0);
  for (size_t i = 0; i < r.columns.size(); ++i) width[i] = DisplayWidth(r.columns[i]);
  for (const auto& row : r.rows) {
    text.emplace_back();
    for (size_t i = 0; i < row.size(); ++i) {
      std::string s = row[i].ToDisplay(snap);
      std::replace(s.begin(), s.end(), '\n', ' ');
      width[i] = std::max(width[i], DisplayWidth(s));
      text.back().push_back(std::move(s));
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) out += " | ";
      out += i + 1 == cells.size() ? cells[i] : PadToWidth(cells[i], width[i]);
    }
    return out + "\n";
  };
  std::string out = line(r.columns);
  for (size_t i = 0; i < width.size(); ++i) out += (i ? "-+-" : "") + std::string(width[i], '-');
  out += "\n";
  for (const auto& row : text) out += line(row);
  out += "(" + std::to_string(r.rows.size()) + (r.rows.size() == 1 ? " row" : " rows") +
         (r.truncated ? ", truncated" : "") + ")\n";
  return out;
}

std::string FormatCsv(const QueryResult& r, const Snapshot& snap) {
  std::string out;
  for (size_t i = 0; i < r.columns.size(); ++i) out += (i ? "," : "") + CsvField(r.columns[i]);
  out += "\n";
  for (const auto& row : r.rows) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + CsvField(row[i].ToDisplay(snap));
    out += "\n";
  }
  return out;
}

std::string FormatJson(const QueryResult& r, const Snapshot& snap) {
  std::string out = "{\"columns\":[";
  for (size_t i = 0; i < r.columns.size(); ++i) out += (i ? "," : "") + JsonQuote(r.columns[i]);
  out += "],\"rows\":[";
  for (size_t k = 0; k < r.rows.size(); ++k) {
    out += k ? ",[" : "[";
    for (size_t i = 0; i < r.rows[k].size(); ++i) out += (i ? "," : "") + CellToJson(r.rows[k][i], snap);
    out += "]";
  }
  out += "],\"elapsed_ms\":" + Number(r.elapsed_ms) + ",\"truncated\":" + (r.truncated ? "true" : "false") + "}";
  return out;
}

Value ParseParamValue(const std::string& t) {
  if (t == "null") return Value();
  if (t == "true" || t == "false") return Value(t == "true");
  int64_t i = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), i);
  if (ec == std::errc() && p == t.data() + t.size() && !t.empty()) return Value(i);
  if (!t.empty() && (std::isdigit(static_cast<unsigned char>(t[0])) || t[0] == '-' || t[0] == '.')) {
    char* end = nullptr;
    double d = std::strtod(t.c_str(), &end);
    if (end == t.c_str() + t.size() && std::isfinite(d)) return Value(d);
  }
  if (t.size() >= 2 && (t.front() == '\'' || t.front() == '"') && t.back() == t.front())
    return Value(t.substr(1, t.size() - 2));
  return Value(t);
}

}  // namespace pkg
