// Graph export; see graph_export.h.
#include "graph/graph_export.h"

#include <boost/graph/graphml.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>

#include "graph/snapshot_data.h"
#include "graph/statement_writer.h"

namespace pkg {

NodeStatement NodeToStatement(const Snapshot& snap, NodeId n) {
  NodeStatement st;
  st.id = snap.key(n);
  st.type = snap.schema().node_type(snap.type(n)).name;
  st.name = snap.name(n);
  st.name_en = snap.name_en(n);
  st.aliases = snap.aliases(n);
  st.props = snap.properties(n);
  st.sources = snap.provenance(n);
  return st;
}

EdgeStatement EdgeToStatement(const Snapshot& snap, EdgeId e) {
  EdgeStatement st;
  st.type = snap.schema().edge_type(snap.edge_type(e)).name;
  st.from = snap.key(snap.source(e));
  st.to = snap.key(snap.target(e));
  st.props = snap.edge_properties(e);
  st.sources = snap.edge_provenance(e);
  return st;
}

Status ExportJsonl(const Snapshot& snap, std::ostream& out) {
  for (uint32_t i = 0; i < snap.num_nodes(); ++i) out << NodeStatementToJson(NodeToStatement(snap, NodeId(i))) << '\n';
  for (uint32_t i = 0; i < snap.num_edges(); ++i) out << EdgeStatementToJson(EdgeToStatement(snap, EdgeId(i))) << '\n';
  out.flush();
  if (!out) return Status::IoError("write failed while exporting JSON Lines");
  return Status::OK();
}

namespace {

// Property maps over the snapshot for write_graphml: vertex and edge
// descriptors of the CSR graph are dense indexes, mapped to strings here.
struct NodeAttr {
  using key_type = uint32_t;
  using value_type = std::string;
  using reference = std::string;
  using category = boost::readable_property_map_tag;
  const Snapshot* snap;
  int which;  // 0 key, 1 type, 2 name, 3 name_en
};
std::string get(const NodeAttr& m, uint32_t v) {
  NodeId n(v);
  switch (m.which) {
    case 0: return std::string(m.snap->key(n));
    case 1: return m.snap->schema().node_type(m.snap->type(n)).name;
    case 2: return std::string(m.snap->name(n));
    default: return std::string(m.snap->name_en(n));
  }
}

struct EdgeAttr {
  using key_type = boost::detail::csr_edge_descriptor<uint32_t, uint32_t>;
  using value_type = std::string;
  using reference = std::string;
  using category = boost::readable_property_map_tag;
  const Snapshot* snap;
};
std::string get(const EdgeAttr& m, const EdgeAttr::key_type& e) {
  return m.snap->schema().edge_type(m.snap->edge_type(EdgeId(e.idx))).name;
}

std::string CsvField(std::string_view s) {
  bool quote = s.find_first_of(",\"\n\r") != std::string_view::npos;
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

Status ExportGraphml(const Snapshot& snap, std::ostream& out) {
  const CsrGraph& g = snap.data().graph;
  boost::dynamic_properties dp;
  dp.property("key", NodeAttr{&snap, 0});
  dp.property("type", NodeAttr{&snap, 1});
  dp.property("name", NodeAttr{&snap, 2});
  dp.property("name_en", NodeAttr{&snap, 3});
  dp.property("type", EdgeAttr{&snap});
  boost::write_graphml(out, g, boost::typed_identity_property_map<uint32_t>(), dp, true);
  out.flush();
  if (!out) return Status::IoError("write failed while exporting GraphML");
  return Status::OK();
}

Status ExportCsv(const Snapshot& snap, const std::string& dir, bool csv_header) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError("cannot create folder " + dir + ": " + ec.message());
  {
    std::ofstream nodes(dir + "/nodes.csv", std::ios::binary);
    if (!nodes) return Status::IoError("cannot create " + dir + "/nodes.csv: " + std::strerror(errno));
    if (csv_header) nodes << "id:ID,type:LABEL,name,name_en\n";
    for (uint32_t i = 0; i < snap.num_nodes(); ++i) {
      NodeId n(i);
      nodes << CsvField(snap.key(n)) << ',' << snap.schema().node_type(snap.type(n)).name << ','
            << CsvField(snap.name(n)) << ',' << CsvField(snap.name_en(n)) << '\n';
    }
    if (!nodes.flush()) return Status::IoError("write failed: " + dir + "/nodes.csv");
  }
  std::map<uint8_t, std::ofstream> files;
  for (uint32_t i = 0; i < snap.num_edges(); ++i) {
    EdgeId e(i);
    uint8_t t = snap.edge_type(e).v;
    auto it = files.find(t);
    if (it == files.end()) {
      std::string path = dir + "/edges_" + snap.schema().edge_type(EdgeTypeId(t)).name + ".csv";
      it = files.emplace(t, std::ofstream(path, std::ios::binary)).first;
      if (!it->second) return Status::IoError("cannot create " + path + ": " + std::strerror(errno));
      if (csv_header) it->second << ":START_ID,:END_ID\n";
    }
    it->second << CsvField(snap.key(snap.source(e))) << ',' << CsvField(snap.key(snap.target(e))) << '\n';
  }
  for (auto& [t, f] : files) {
    if (!f.flush()) return Status::IoError("write failed in " + dir);
  }
  return Status::OK();
}

}  // namespace pkg
