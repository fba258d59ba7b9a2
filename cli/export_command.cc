// `policykg export GRAPH --format jsonl|graphml|csv [-o PATH]`, and
// `policykg export --curated --store PATH`: curated decisions as statements.
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/graph_inputs.h"
#include "graph/graph_export.h"
#include "store/curated_export.h"
#include "store/workspace_store.h"

namespace pkg::cli {
namespace {

void Setup(CLI::App& app) {
  struct Args {
    std::vector<std::string> inputs;
    std::string format = "jsonl";
    std::string output;
    std::string schema;
    std::string store;
    bool curated = false;
    bool header = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("export", "Write a graph as statements JSONL, GraphML or CSV, or the curated decisions of a workspace");
  cmd->add_option("GRAPH", args->inputs, "snapshot file, statements, documents or folders");
  cmd->add_option("--format", args->format, "jsonl, graphml or csv")
      ->check(CLI::IsMember({"jsonl", "graphml", "csv"}))->capture_default_str();
  cmd->add_option("-o,--output", args->output, "output file (a folder for csv); default: standard output");
  cmd->add_option("--schema", args->schema, "schema file (default: data/schema.json)");
  cmd->add_flag("--curated", args->curated, "export the curated links and identity decisions of --store");
  cmd->add_option("--store", args->store, "workspace store (SQLite) for --curated");
  cmd->add_flag("--header", args->header, "csv: write header lines (Neo4j import layout)");
  cmd->callback([args] {
    if (args->curated) {
      if (args->store.empty()) return Fail("--curated needs --store PATH (the workspace of policykg serve)");
      auto store = WorkspaceStore::Open(args->store);
      if (!store.ok()) return Fail(store.status().message());
      auto cur = (*store)->LoadCuration();
      if (!cur.ok()) return Fail(cur.status().message());
      std::string text = CuratedStatementsJsonl(*cur);
      if (args->output.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
      } else {
        std::ofstream out(args->output, std::ios::binary);
        out << text;
        if (!out.flush()) return Fail("cannot write " + args->output);
      }
      return;
    }
    if (args->inputs.empty()) return Fail("export needs a GRAPH (or --curated --store PATH)");
    auto snap = OpenGraph(args->inputs, args->schema, false);
    if (!snap.ok()) return Fail(snap.status().message());
    Status s;
    if (args->format == "csv") {
      if (args->output.empty()) return Fail("--format csv writes a folder: give it with -o DIR");
      s = ExportCsv(**snap, args->output, args->header);
    } else {
      std::ofstream file;
      if (!args->output.empty()) {
        file.open(args->output, std::ios::binary);
        if (!file) return Fail("cannot create " + args->output);
      }
      std::ostream& out = args->output.empty() ? std::cout : file;
      s = args->format == "graphml" ? ExportGraphml(**snap, out) : ExportJsonl(**snap, out);
    }
    if (!s.ok()) return Fail(s.message());
  });
}

PKG_REGISTER_COMMAND(export, 40, Setup);

}  // namespace
}  // namespace pkg::cli
