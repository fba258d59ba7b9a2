// Fuzz target: the query pipeline (query/engine.h RunQuery: lexer → parser →
// binder → planner → executor) over the fixture graph of fuzz_support.h.
//
// The input is the query text. Budgets are tight so that a slow input is a
// clean kDeadlineExceeded rather than a libFuzzer timeout: 50 ms, 500 rows,
// max_hops 6 by default. One parameter, $p, is always bound (a string), so
// parameter handling is reached too.
// Invariants checked beyond "no crash, no sanitizer report":
//   - a failure has a non-empty, valid UTF-8 message; a positioned error
//     points inside the text (offset <= size) with line and column >= 1, and
//     its caret (which quotes the query) is valid UTF-8 when the query is;
//   - a result has as many cells in every row as it has columns, at most
//     max_rows rows, and every cell renders (Cell::ToDisplay) to valid UTF-8;
//   - the run ends well within the budget (a query that overshoots its
//     budget tenfold is a hang the server would suffer too).
// Not covered here: the HTTP wrapping of queries (server_fuzz.cc).
#include <chrono>
#include <ctime>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/text.h"
#include "query/engine.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pkg;
  static const SnapshotPtr snap = fuzz::FuzzFixtureGraph();
  std::string_view text(reinterpret_cast<const char*>(data), size);

  QueryOptions opts;
  opts.max_rows = 500;
  opts.max_hops = 6;
  opts.time_budget = std::chrono::milliseconds(50);
  opts.params.emplace_back("p", Value(std::string("新型工业化")));
  QueryError error;
  // Measured in CPU time of the process (the engine may use a helper thread):
  // a fuzzer run at low priority beside other work can wait seconds for a
  // core, which is no fault of the query (a 50 ms query once took 2 s of wall
  // time that way). A query that ignores its budget spins, and spinning
  // shows as CPU time; blocking hangs are libFuzzer's -timeout.
  auto cpu_ms = [] {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
  };
  double started = cpu_ms();
  auto result = RunQuery(*snap, text, opts, &error);
  double took = cpu_ms() - started;
  // Sanitizer builds run several times slower; a tenfold overshoot is a hang.
  fuzz::FuzzCheck(took < 2000, "a query ends near its time budget",
                  std::to_string(static_cast<long>(took)) + " ms of CPU");

  if (!result.ok()) {
    const std::string m = result.status().message();  // status() returns a copy
    fuzz::FuzzCheck(!m.empty(), "query errors have a message");
    fuzz::FuzzCheck(IsValidUtf8(m), "query error messages are valid UTF-8", m);
    fuzz::FuzzCheck(error.offset <= size, "error offsets point inside the query", m);
    if (!error.caret.empty()) {
      fuzz::FuzzCheck(error.line >= 1 && error.column >= 1, "positioned errors have line and column", m);
      // The caret line quotes the query, so it is valid UTF-8 when the query is.
      if (IsValidUtf8(text)) fuzz::FuzzCheck(IsValidUtf8(error.caret), "carets are valid UTF-8", error.caret);
    }
    return 0;
  }
  const QueryResult& r = *result;
  fuzz::FuzzCheck(r.rows.size() <= opts.max_rows, "at most max_rows rows");
  for (const auto& row : r.rows) {
    fuzz::FuzzCheck(row.size() == r.columns.size(), "every row has one cell per column");
    for (const Cell& c : row) {
      std::string shown = c.ToDisplay(*snap);
      fuzz::FuzzCheck(IsValidUtf8(shown), "cells render to valid UTF-8", shown);
    }
  }
  return 0;
}
