// Opening the GRAPH / INPUT arguments of subcommands: statements files,
// snapshot files, folders and text documents (through ingest's Extractor).
// Every subcommand that reads a graph uses OpenGraph, so they all accept the
// same inputs and print the same errors.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "graph/graph_loader.h"
#include "graph/schema.h"
#include "graph/snapshot.h"

namespace pkg::cli {

// Loads the schema from --schema or the default location.
Result<std::shared_ptr<const Schema>> OpenSchema(const std::string& schema_path);

// LoadOptions whose extract_document runs ingest's Extractor (created once,
// lazily, from the schema's data folder), and, when `link` is set, whose
// before_build runs the Linker (link/linker.h) across all inputs, keeping the
// `cannot_link` pairs of keys apart (curated splits, from serve's store).
LoadOptions DocumentAwareOptions(std::shared_ptr<const Schema> schema, bool skip_invalid, bool link = true,
                                 std::vector<std::pair<std::string, std::string>> cannot_link = {});

// Schema + inputs → snapshot, printing skipped lines to stderr. `jobs`:
// documents extracted at once (0: one per core; the graph is the same).
Result<SnapshotPtr> OpenGraph(const std::vector<std::string>& inputs, const std::string& schema_path,
                              bool skip_invalid, bool link = true, unsigned jobs = 0);

// The data folder (schema, lexicons, rules): the schema file's folder.
std::string DataDir();

}  // namespace pkg::cli
