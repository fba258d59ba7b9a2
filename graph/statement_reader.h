// Statement reader: JSON Lines → NodeStatement / EdgeStatement, checked.
//
// Parses with RapidJSON's iterative parser (no recursion), validates UTF-8,
// takes numbers as strings and converts them here (Debian's RapidJSON 1.1.0
// overflows on some numbers, CVE-2024-38517), and caps nesting depth at
// kMaxJsonDepth. Each line is checked against the schema: kind, unknown
// types, property kinds. Errors read "FILE:LINE:COL: key \"k\": expected X (got Y)".
//
// Thread safety: stateless functions.
// Tested in tests/graph/statement_reader_test.cc.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/status.h"
#include "graph/schema.h"
#include "graph/statement.h"

namespace pkg {

inline constexpr int kMaxJsonDepth = 32;

using Statement = std::variant<NodeStatement, EdgeStatement>;

// Parses one line (without its newline). `origin` and `line_no` only shape
// error messages ("origin:line_no:col: ...").
Result<Statement> ParseStatementLine(std::string_view line, const Schema& schema,
                                     const std::string& origin, size_t line_no);

struct ReadOptions {
  size_t max_errors = 50;  // stop collecting after this many
};

// Reads a whole JSONL buffer. Valid statements go to `sink` in order; errors
// are collected in `errors` (at most opts.max_errors, then one "... and N more").
// Blank lines and lines starting with "//" are skipped.
void ReadStatements(std::string_view text, const Schema& schema, const std::string& origin,
                    const std::function<void(Statement&&)>& sink, std::vector<std::string>& errors,
                    const ReadOptions& opts = {});

}  // namespace pkg
