// Query engine: the public interface of query/ (a Cypher subset).
//
// RunQuery takes one query text and runs the whole pipeline over an immutable
// Snapshot: lexer.h → parser.h (AST) → binder.h (names checked against the
// Schema) → planner.h (anchor choice, traversal direction) → executor.h.
// The language is documented in docs/query-language.md.
//
// What it does not do: no writes (CREATE, MERGE, SET, DELETE are rejected),
// no caching of plans across calls, no I/O. Formatting of results for people
// (tables, CSV, JSON) lives in query/result_format.h and web/.
//
// Thread safety: RunQuery and FindSupporters are reentrant; any number of
// concurrent calls may share one Snapshot. Each call allocates its own
// scratch state (visited bitsets sized num_nodes).
// Tested in tests/query/engine_test.cc (end to end) and one test file per stage.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "base/status.h"
#include "graph/ids.h"
#include "graph/snapshot.h"
#include "graph/value.h"

namespace pkg {

// Hard maximum for variable-length hops: `*1..31` is rejected, never clamped.
inline constexpr int kMaxHopsHardLimit = 30;
// Parser nesting limit (parentheses, lists, NOT chains).
inline constexpr int kMaxQueryNesting = 64;
// Longest accepted query text, in bytes.
inline constexpr size_t kMaxQueryBytes = 64 * 1024;

struct QueryOptions {
  // Values for $name parameters. A parameter used but not given is an error.
  std::vector<std::pair<std::string, Value>> params;
  // Rows returned at most; more set QueryResult::truncated (not an error).
  size_t max_rows = 10000;
  // Upper bound for `*` and `*n..` without an explicit maximum. An explicit
  // bound above this (but at most kMaxHopsHardLimit) is allowed; a bound above
  // kMaxHopsHardLimit, or max_hops itself above it, is an error.
  int max_hops = 10;
  // Wall-clock budget for one query; exceeding it ends the query with
  // StatusCode::kDeadlineExceeded "time budget exceeded (2000 ms)".
  std::chrono::milliseconds time_budget{2000};
  // When non-null and set to true by another thread, the query stops with
  // kDeadlineExceeded "query cancelled".
  const std::atomic<bool>* cancel = nullptr;
};

// Where a query failed. line and column are 1-based; column counts display
// columns (a Chinese character is 2 wide). offset is the byte offset.
struct QueryError {
  Status status;
  int line = 0;
  int column = 0;
  size_t offset = 0;
  // Two lines, DuckDB style, caret measured in display columns:
  //   "LINE 1: MATCH (n:Fnud) RETURN n\n                 ^"
  // Empty when the error has no position (a runtime limit).
  std::string caret;
};

// A path: nodes.size() == edges.size() + 1 (a single node is a path of length 0).
struct PathValue {
  std::vector<NodeId> nodes;
  std::vector<EdgeId> edges;
  bool operator==(const PathValue&) const = default;
};

// One result cell: a scalar Value (null included), a node, an edge, a path or
// a list of cells.
class Cell {
 public:
  enum class Kind { kValue, kNode, kEdge, kPath, kList };
  using List = std::vector<Cell>;

  Cell() = default;  // null
  Cell(Value v) : v_(std::move(v)) {}  // NOLINT: implicit by design
  static Cell Node(NodeId n) { Cell c; c.v_ = n; return c; }
  static Cell Edge(EdgeId e) { Cell c; c.v_ = e; return c; }
  static Cell Path(PathValue p) { Cell c; c.v_ = std::move(p); return c; }
  static Cell MakeList(List items) { Cell c; c.v_ = std::make_shared<const List>(std::move(items)); return c; }

  Kind kind() const { return static_cast<Kind>(v_.index()); }
  bool is_null() const { return kind() == Kind::kValue && value().is_null(); }
  // REQUIRES: the matching kind.
  const Value& value() const { return std::get<Value>(v_); }
  NodeId node() const { return std::get<NodeId>(v_); }
  EdgeId edge() const { return std::get<EdgeId>(v_); }
  const PathValue& path() const { return std::get<PathValue>(v_); }
  const List& list() const { return *std::get<std::shared_ptr<const List>>(v_); }

  // Text for tables and CSV: values via Value::ToDisplay (null → ""), a node
  // by its name, an edge as "(a)-[:T]->(b)" by names, a path as
  // "a -[:T]-> b <-[:U]- c", a list as "[x, y]".
  std::string ToDisplay(const Snapshot& snap) const;

  bool operator==(const Cell& o) const;

 private:
  std::variant<Value, NodeId, EdgeId, PathValue, std::shared_ptr<const List>> v_;
};

struct QueryResult {
  std::vector<std::string> columns;  // as written, or the alias: "m.name", "c"
  std::vector<std::vector<Cell>> rows;
  bool truncated = false;  // more rows existed than QueryOptions::max_rows (LIMIT does not set it)
  double elapsed_ms = 0;   // parse to last row
};

// Parses, binds, plans and runs one read-only query over `snap`.
// On failure returns the Status (kInvalidArgument for a bad query with a
// message "expected X for Y at line L, column C"; kDeadlineExceeded for the
// time budget; kResourceExhausted for internal memory caps) and, when `error`
// is non-null, fills it with the position and caret.
Result<QueryResult> RunQuery(const Snapshot& snap, std::string_view text, const QueryOptions& opts,
                             QueryError* error = nullptr);

// The supporters procedure (also `CALL supporters('X') YIELD measure, path`):
// every node carrying the Measure label (other than `target`) from which
// `target` is reached over the schema's contributing edges (SUPPORTS, PART_OF,
// FUNDS, IMPLEMENTS), within opts.max_hops hops, each with one shortest path
// measure → … → target. Ordered by path length, then NodeId. At most
// opts.max_rows rows; *truncated (when given) tells whether more existed.
struct SupporterRow {
  NodeId measure;
  PathValue path;
};
Result<std::vector<SupporterRow>> FindSupporters(const Snapshot& snap, NodeId target,
                                                 const QueryOptions& opts, bool* truncated = nullptr);

}  // namespace pkg
