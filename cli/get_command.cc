// `policykg get GRAPH NAME`: one node by key, name or alias: its type,
// properties, provenance and neighbours.
#include <cstdio>

#include "base/text.h"
#include "cli/command.h"
#include "cli/graph_inputs.h"

namespace pkg::cli {
namespace {

void PrintProvenance(const std::vector<Provenance>& ps, const char* indent) {
  for (const auto& p : ps) {
    std::printf("%s%s [%llu,%llu) rule %s: %s\n", indent, p.document.c_str(), static_cast<unsigned long long>(p.begin),
                static_cast<unsigned long long>(p.end), p.rule.empty() ? "-" : p.rule.c_str(),
                std::string(Utf8Prefix(p.quote, 240)).c_str());
  }
}

void PrintNode(const Snapshot& g, NodeId n) {
  const Schema& s = g.schema();
  std::string labels;
  for (TypeId t : s.Labels(g.type(n))) labels += (labels.empty() ? "" : ":") + s.node_type(t).name;
  std::printf("%s  (%s %s)\n", std::string(g.name(n)).c_str(), labels.c_str(), s.node_type(g.type(n)).zh.c_str());
  std::printf("  id       %s\n", std::string(g.key(n)).c_str());
  if (!g.name_en(n).empty()) std::printf("  name_en  %s\n", std::string(g.name_en(n)).c_str());
  if (!g.aliases(n).empty()) std::printf("  aliases  %s\n", Value(g.aliases(n)).ToDisplay().c_str());
  for (const auto& [k, v] : g.properties(n)) {
    std::printf("  %s %s\n", PadToWidth(k, 8).c_str(), v.ToDisplay().c_str());
  }
  if (!g.provenance(n).empty()) {
    std::printf("  provenance\n");
    PrintProvenance(g.provenance(n), "    ");
  }
  auto show = [&](AdjacencyRange range, bool out) {
    size_t shown = 0;
    for (Adjacent a : range) {
      if (++shown > 50) {
        std::printf("    … %u more\n", range.size() - 50);
        break;
      }
      std::printf("    %s[%s]%s %s (%s)\n", out ? "-" : "<-", s.edge_type(a.type).name.c_str(), out ? "->" : "-",
                  std::string(g.name(a.node)).c_str(), s.node_type(g.type(a.node)).name.c_str());
    }
  };
  std::printf("  out %u, in %u\n", g.out(n).size(), g.in(n).size());
  show(g.out(n), true);
  show(g.in(n), false);
}

void Setup(CLI::App& app) {
  struct Args {
    std::string graph;
    std::string name;
    std::string schema;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("get", "Show a node by id, name or alias: properties, provenance, neighbours");
  cmd->add_option("GRAPH", args->graph, "snapshot file, statements file, document or folder")->required();
  cmd->add_option("NAME", args->name, "node id, name, English name or alias")->required();
  cmd->add_option("--schema", args->schema, "schema file (default: data/schema.json)");
  cmd->callback([args] {
    auto snap = OpenGraph({args->graph}, args->schema, false);
    if (!snap.ok()) return Fail(snap.status().message());
    const Snapshot& g = **snap;
    std::vector<NodeId> found;
    if (auto k = g.FindByKey(args->name)) found.push_back(*k);
    else found = g.FindByName(args->name);
    if (found.empty()) {
      std::string hint;
      for (NodeId n : g.Search(args->name, 5)) hint += (hint.empty() ? "" : ", ") + std::string(g.name(n));
      return Fail("no node is called \"" + args->name + "\"" + (hint.empty() ? "" : " (similar: " + hint + ")"));
    }
    for (NodeId n : found) PrintNode(g, n);
  });
}

PKG_REGISTER_COMMAND(get, 30, Setup);

}  // namespace
}  // namespace pkg::cli
