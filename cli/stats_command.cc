// `policykg stats GRAPH...`: node and edge counts, by type.
#include <cstdio>
#include <map>

#include "base/text.h"
#include "cli/command.h"
#include "cli/graph_inputs.h"

namespace pkg::cli {
namespace {

void Setup(CLI::App& app) {
  struct Args {
    std::vector<std::string> inputs;
    std::string schema;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("stats", "Print node and edge counts by type");
  cmd->add_option("GRAPH", args->inputs, "snapshot file, statements, documents or folders")->required();
  cmd->add_option("--schema", args->schema, "schema file (default: data/schema.json)");
  cmd->callback([args] {
    auto snap = OpenGraph(args->inputs, args->schema, false);
    if (!snap.ok()) return Fail(snap.status().message());
    const Snapshot& g = **snap;
    const Schema& s = g.schema();
    std::vector<size_t> by_type(s.num_node_types()), by_edge(s.num_edge_types());
    for (uint32_t i = 0; i < g.num_nodes(); ++i) ++by_type[g.type(NodeId(i)).v];
    for (uint32_t i = 0; i < g.num_edges(); ++i) ++by_edge[g.edge_type(EdgeId(i)).v];
    std::printf("nodes %u\n", g.num_nodes());
    for (int t = 0; t < s.num_node_types(); ++t) {
      if (by_type[t]) std::printf("  %s %s %zu\n", PadToWidth(s.node_types()[t].name, 12).c_str(), PadToWidth(s.node_types()[t].zh, 10).c_str(), by_type[t]);
    }
    std::printf("edges %u\n", g.num_edges());
    for (int t = 0; t < s.num_edge_types(); ++t) {
      if (by_edge[t]) std::printf("  %s %s %zu\n", PadToWidth(s.edge_types()[t].name, 12).c_str(), PadToWidth(s.edge_types()[t].zh, 10).c_str(), by_edge[t]);
    }
  });
}

PKG_REGISTER_COMMAND(stats, 20, Setup);

}  // namespace
}  // namespace pkg::cli
