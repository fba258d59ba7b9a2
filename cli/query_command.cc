// `policykg query GRAPH QUERY`: runs one query (docs/query-language.md) and
// prints an aligned table, --csv or --json. --param name=value binds $name;
// --repeat N --timing runs it N times and prints the median time to stderr.
// Query errors print the message and the caret lines (display columns).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <iterator>

#include "cli/command.h"
#include "cli/graph_inputs.h"
#include "query/engine.h"
#include "query/result_format.h"

namespace pkg::cli {
namespace {

void Setup(CLI::App& app) {
  struct Args {
    std::string graph;
    std::string query;
    std::vector<std::string> params;
    std::string schema;
    bool json = false, csv = false, timing = false, skip_invalid = false;
    int repeat = 1;
    size_t max_rows = 10000;
    int max_hops = 10;
    int budget_ms = 2000;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("query", "Run a Cypher query (MATCH … RETURN, CALL supporters(…))");
  cmd->add_option("GRAPH", args->graph, "snapshot file, statements, documents or folder")->required();
  cmd->add_option("QUERY", args->query, "the query text, or - to read it from stdin")->required();
  cmd->add_option("--param", args->params, "NAME=VALUE for $NAME (integer, number, true/false/null or text)");
  auto* json = cmd->add_flag("--json", args->json, "print JSON (the /api/query shape)");
  cmd->add_flag("--csv", args->csv, "print CSV")->excludes(json);
  cmd->add_option("--repeat", args->repeat, "run the query N times (with --timing)")->check(CLI::Range(1, 100000));
  cmd->add_flag("--timing", args->timing, "print median/min/max execution time to stderr");
  cmd->add_option("--max-rows", args->max_rows, "row limit (default 10000)");
  cmd->add_option("--max-hops", args->max_hops, "default hop limit for * (default 10, at most 30)");
  cmd->add_option("--time-budget", args->budget_ms, "time budget in ms (default 2000)");
  cmd->add_option("--schema", args->schema, "schema file (default: data/schema.json)");
  cmd->add_flag("--skip-invalid", args->skip_invalid, "load valid statements and list the invalid ones");
  cmd->callback([args] {
    if (args->query == "-") {
      args->query.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    }
    QueryOptions opts;
    opts.max_rows = args->max_rows;
    opts.max_hops = args->max_hops;
    opts.time_budget = std::chrono::milliseconds(args->budget_ms);
    for (const auto& p : args->params) {
      auto eq = p.find('=');
      if (eq == std::string::npos || eq == 0) return Fail("--param expects NAME=VALUE (got \"" + p + "\")");
      opts.params.emplace_back(p.substr(0, eq), ParseParamValue(p.substr(eq + 1)));
    }
    auto snap = OpenGraph({args->graph}, args->schema, args->skip_invalid);
    if (!snap.ok()) return Fail(snap.status().message());
    const Snapshot& g = **snap;
    std::vector<double> times;
    Result<QueryResult> result = Status::Internal("not run");
    for (int i = 0; i < args->repeat; ++i) {
      QueryError err;
      result = RunQuery(g, args->query, opts, &err);
      if (!result.ok()) {
        Fail(result.status().message());
        if (!err.caret.empty()) std::fprintf(stderr, "%s\n", err.caret.c_str());
        return;
      }
      times.push_back(result->elapsed_ms);
    }
    if (args->json) std::printf("%s\n", FormatJson(*result, g).c_str());
    else if (args->csv) std::fputs(FormatCsv(*result, g).c_str(), stdout);
    else std::fputs(FormatTable(*result, g).c_str(), stdout);
    if (args->timing) {
      std::sort(times.begin(), times.end());
      std::fprintf(stderr, "timing: median %.3f ms, min %.3f ms, max %.3f ms over %d run(s); %zu row(s)\n",
                   times[times.size() / 2], times.front(), times.back(), args->repeat, result->rows.size());
    }
  });
}

PKG_REGISTER_COMMAND(query, 35, Setup);

}  // namespace
}  // namespace pkg::cli
