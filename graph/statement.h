// Statements: the interchange format between ingestion, curation and the graph.
//
// One statement says "this node exists" or "this edge exists", with the place
// it was read from. The JSON Lines form is documented in docs/statements.md;
// statement_reader.h parses it, statement_writer.h prints it. The extractor
// (ingest/) produces statements, the builder (graph_builder.h) consumes them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/value.h"

namespace pkg {

// Where a fact was read: a byte span of the original file of a document.
struct Provenance {
  std::string document;   // node key of the Document
  uint64_t begin = 0;     // byte offset in the original file, inclusive
  uint64_t end = 0;       // byte offset, exclusive
  int64_t sentence = -1;  // sentence index in the document, -1 when unknown
  std::string rule;       // id of the rule that produced it ("curated" for curators)
  std::string quote;      // the sentence, normalised, for display
  bool operator==(const Provenance&) const = default;
};

struct NodeStatement {
  std::string id;    // stable key, unique per node
  std::string type;  // schema node type name, e.g. "Fund"
  std::string name;
  std::string name_en;
  std::vector<std::string> aliases;
  PropertyMap props;
  std::vector<Provenance> sources;  // "source" in JSON: one object or a list
};

struct EdgeStatement {
  std::string type;  // schema edge type name, e.g. "SUPPORTS"
  std::string from;  // node key
  std::string to;    // node key
  PropertyMap props;
  std::vector<Provenance> sources;
};

}  // namespace pkg
