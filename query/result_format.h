// Result formatting for people and programs: an aligned text table (columns
// padded by display width, so Chinese lines up), CSV (RFC 4180 quoting) and
// JSON in the shape of the HTTP API's /api/query answer (docs/api.md): cells
// are scalars, {"node":{…}}, {"edge":{…}}, {"path":{"nodes":[…],"edges":[…]}}
// or lists.
//
// Used by cli/query_command.cc; the server may reuse CellToJson.
// Tested in tests/query/result_format_test.cc.
#pragma once

#include <string>

#include "graph/snapshot.h"
#include "query/engine.h"

namespace pkg {

std::string FormatTable(const QueryResult& r, const Snapshot& snap);
std::string FormatCsv(const QueryResult& r, const Snapshot& snap);
std::string FormatJson(const QueryResult& r, const Snapshot& snap);
// One cell as JSON text.
std::string CellToJson(const Cell& c, const Snapshot& snap);
// Parses a --param value: integer, number, true, false, null, else a string
// ('quoted' or "quoted" strings lose their quotes).
Value ParseParamValue(const std::string& text);

}  // namespace pkg
