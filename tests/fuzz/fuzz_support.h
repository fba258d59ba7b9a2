// Shared pieces of the fuzz targets (tests/fuzz/*_fuzz.cc): the schema, the
// fixture graph (tests/fuzz/fixture_graph.jsonl), and the one way a target
// reports a broken invariant (FuzzCheck aborts, which libFuzzer and the
// replay runner both report as a crash with the message on stderr).
//
// Each target is a file defining LLVMFuzzerTestOneInput; it is linked either
// with libFuzzer (tests/fuzz/CMakeLists.txt, clang, -DPKG_FUZZ=ON) or with
// tests/fuzz_replay/replay_main.cc (any compiler, every ctest run).
// Setup here happens once per process and aborts when the checked-in data is
// missing: that is a broken build, not a fuzz finding.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph_builder.h"
#include "graph/schema.h"
#include "graph/snapshot.h"
#include "graph/statement_reader.h"

#ifndef PKG_FUZZ_DIR
#error "PKG_FUZZ_DIR must name tests/fuzz (set by the CMakeLists that build the targets)"
#endif

namespace pkg::fuzz {

// Aborts with `what` when `ok` is false: an invariant the code promises broke.
inline void FuzzCheck(bool ok, const char* what, std::string_view detail = {}) {
  if (ok) return;
  std::string text(detail);  // never a null pointer for %s, even when empty
  std::fprintf(stderr, "fuzz invariant broken: %s\n  %s\n", what, text.c_str());
  std::abort();
}

inline std::shared_ptr<const Schema> FuzzSchema() {
  static std::shared_ptr<const Schema> schema = [] {
    auto s = Schema::Load(Schema::DefaultPath());
    FuzzCheck(s.ok(), "schema loads", s.ok() ? "" : s.status().message());
    return *s;
  }();
  return schema;
}

// The data folder (lexicons, rules, linking rules): the schema's folder.
inline std::string FuzzDataDir() {
  std::string path = Schema::DefaultPath();
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

// The fixture graph, built once per process.
inline SnapshotPtr FuzzFixtureGraph() {
  static SnapshotPtr snap = [] {
    std::string path = std::string(PKG_FUZZ_DIR) + "/fixture_graph.jsonl";
    std::FILE* f = std::fopen(path.c_str(), "rb");
    FuzzCheck(f != nullptr, "fixture graph opens", path);
    std::string text;
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    std::fclose(f);
    GraphBuilder builder(FuzzSchema());
    std::vector<std::string> errors;
    ReadStatements(text, *FuzzSchema(), path, [&](Statement&& st) {
      Status s = std::holds_alternative<NodeStatement>(st) ? builder.AddNode(std::get<NodeStatement>(std::move(st)))
                                                           : builder.AddEdge(std::get<EdgeStatement>(std::move(st)));
      if (!s.ok()) errors.push_back(s.message());
    }, errors);
    FuzzCheck(errors.empty(), "fixture graph reads", errors.empty() ? "" : errors.front());
    auto built = builder.Build();
    FuzzCheck(built.ok(), "fixture graph builds", built.ok() ? "" : built.status().message());
    return *built;
  }();
  return snap;
}

}  // namespace pkg::fuzz
