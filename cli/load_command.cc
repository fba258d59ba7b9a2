// `policykg load INPUT... -o graph.pkg`: statements, documents and folders →
// a snapshot file (graph/snapshot_file.h), with a summary line.
#include <chrono>
#include <cstdio>

#include "cli/command.h"
#include "cli/graph_inputs.h"
#include "graph/snapshot_file.h"

namespace pkg::cli {
namespace {

void Setup(CLI::App& app) {
  struct Args {
    std::vector<std::string> inputs;
    std::string output = "graph.pkg";
    std::string schema;
    bool skip_invalid = false;
    bool no_link = false;
    unsigned jobs = 0;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("load", "Load statements files, text documents or folders into a snapshot file");
  cmd->add_option("INPUT", args->inputs, "statements (.jsonl), documents (.txt, .html), snapshots or folders")
      ->required();
  cmd->add_option("-o,--output", args->output, "snapshot file to write")->capture_default_str();
  cmd->add_option("--schema", args->schema, "schema file (default: data/schema.json)");
  cmd->add_flag("--skip-invalid", args->skip_invalid, "load the valid statements and report the rest");
  cmd->add_flag("--no-link", args->no_link, "do not link items across documents (inputs already linked)");
  cmd->add_option("-j,--jobs", args->jobs, "text documents extracted at once (default: one per core); the graph is the same")
      ->check(CLI::Range(0u, 256u));
  cmd->callback([args] {
    auto t0 = std::chrono::steady_clock::now();
    auto snap = OpenGraph(args->inputs, args->schema, args->skip_invalid, !args->no_link, args->jobs);
    if (!snap.ok()) return Fail(snap.status().message());
    Status s = WriteSnapshotFile(**snap, args->output);
    if (!s.ok()) return Fail(s.message());
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("loaded %u nodes, %u edges into %s in %.2f s\n", (*snap)->num_nodes(), (*snap)->num_edges(),
                args->output.c_str(), secs);
  });
}

PKG_REGISTER_COMMAND(load, 10, Setup);

}  // namespace
}  // namespace pkg::cli
