// Graph export: a Snapshot as statements JSON Lines, GraphML, or CSV.
//
// - jsonl: the statements format (docs/statements.md); loading it back gives
//   the same graph (tested).
// - graphml: through Boost's write_graphml, for Gephi, yEd and Cytoscape
//   desktop; node attributes key, type, name, name_en; edge attribute type.
// - csv: bulk-import layout shared by Kuzu's COPY, Neo4j's
//   `neo4j-admin database import` and NebulaGraph's importer: nodes.csv
//   (id,type,name,name_en), and one edges_<TYPE>.csv per edge type (from,to),
//   written into a folder, with a header line when `csv_header` is set
//   (Neo4j wants headers; Kuzu's COPY takes HEADER=true).
//
// Tested in tests/graph/graph_export_test.cc.
#pragma once

#include <ostream>
#include <string>

#include "base/status.h"
#include "graph/snapshot.h"

namespace pkg {

Status ExportJsonl(const Snapshot& snap, std::ostream& out);
Status ExportGraphml(const Snapshot& snap, std::ostream& out);
// Writes nodes.csv and edges_<TYPE>.csv into `dir` (created if missing).
Status ExportCsv(const Snapshot& snap, const std::string& dir, bool csv_header);

// Every node and edge of a snapshot as statements (what ExportJsonl prints).
NodeStatement NodeToStatement(const Snapshot& snap, NodeId n);
EdgeStatement EdgeToStatement(const Snapshot& snap, EdgeId e);

}  // namespace pkg
