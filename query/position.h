// Positions and errors in the query text.
//
// Every stage reports an expected failure as a PosError: a Status plus the
// byte offset of the fault. MakeQueryError turns it into the public
// QueryError (engine.h) with line, display column and the DuckDB-style caret
// lines; FormatCaret is exposed for tests. Columns count display columns
// (DisplayWidth: a Chinese character is 2 wide), so the caret sits under the
// fault in a terminal. Lines longer than 120 columns are shown as a window
// around the fault, cut only at code point boundaries.
//
// Tested in tests/query/error_test.cc.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "query/engine.h"

namespace pkg::query {

struct PosError {
  Status status;
  size_t offset = 0;
  bool positioned = true;  // false for runtime limits with no place in the text
};

// Fills line, column, offset and caret; the status message gets
// " at line L, column C" appended when positioned.
QueryError MakeQueryError(std::string_view text, const PosError& e);

// "LINE 1: <line>\n<spaces>^" for the byte offset in text.
std::string FormatCaret(std::string_view text, size_t offset, int* line, int* column);

}  // namespace pkg::query
