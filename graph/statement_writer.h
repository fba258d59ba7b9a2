// Statement writer: NodeStatement / EdgeStatement → one JSON line (no newline),
// in the form docs/statements.md describes and statement_reader.h reads back.
//
// Tested (round trip) in tests/graph/statement_reader_test.cc.
#pragma once

#include <string>

#include "graph/statement.h"
#include "graph/statement_reader.h"

namespace pkg {

std::string NodeStatementToJson(const NodeStatement& n);
std::string EdgeStatementToJson(const EdgeStatement& e);
std::string StatementToJson(const Statement& s);

}  // namespace pkg
