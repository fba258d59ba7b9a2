// Graph loader: files and folders given on a command line → one Snapshot.
//
// Each input is a statements file (JSON Lines, see docs/statements.md), a
// snapshot file (snapshot_file.h, recognised by its magic), a folder (read
// recursively in name order), or a text document. Graph code knows nothing of
// text extraction: documents go to `extract_document`, which the caller wires
// to ingest/ (the CLI and the server do). Statements files are streamed in
// blocks, so memory does not grow with file size beyond the graph itself.
//
// By default any error fails the whole load and lists every error found (up
// to a cap); with skip_invalid, valid statements load and the rest are
// reported in LoadReport::skipped.
//
// Thread safety: one call at a time per builder; the function itself is reentrant.
// Tested in tests/graph/graph_loader_test.cc.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "graph/graph_builder.h"
#include "graph/schema.h"
#include "graph/snapshot.h"
#include "graph/statement_reader.h"

namespace pkg {

// Extracts statements from one text document (original bytes) into `sink`.
using DocumentExtractor =
    std::function<Status(const std::string& path, std::string_view bytes, const std::function<void(Statement&&)>& sink)>;

struct LoadReport {
  size_t files = 0, documents = 0, statements = 0;
  std::vector<std::string> skipped;  // with skip_invalid: what was left out and why
  std::vector<std::string> notes;    // what before_build did (e.g. "linked 12 nodes into 5")
};

struct LoadOptions {
  bool skip_invalid = false;
  size_t max_errors = 50;
  // Shows progress on stderr when it is a terminal.
  bool progress = true;
  // Text documents go here; nullptr makes a text document an error.
  DocumentExtractor extract_document;
  // Documents extracted at once (0: one per core). Their statements are
  // added in file order whatever the number, so the graph is the same;
  // above 1, extract_document and is_document are called from several
  // threads at once and must be safe for that.
  unsigned jobs = 0;
  // Decides whether a file is a text document (not statements) from its
  // path and first bytes; defaults to: extension .txt/.html/.htm/.md, or a
  // head that is not JSON.
  std::function<bool(std::string_view path, std::string_view head)> is_document;
  // Runs after every input is added and before the snapshot is built: the
  // place for passes over the whole graph (linking across documents, curated
  // merges). Its error fails the load.
  std::function<Status(GraphBuilder& builder, LoadReport& report)> before_build;
};


// Adds every input to `builder`. Errors (unless skipped) are returned in one
// Status whose message lists them, one per line.
Status AddInputs(const std::vector<std::string>& inputs, GraphBuilder& builder, const LoadOptions& opts,
                 LoadReport* report);

// AddInputs into a fresh builder, then Finish. A single snapshot file input
// is opened directly.
Result<SnapshotPtr> LoadGraphInputs(const std::vector<std::string>& inputs, std::shared_ptr<const Schema> schema,
                                    const LoadOptions& opts = {}, LoadReport* report = nullptr);

}  // namespace pkg
