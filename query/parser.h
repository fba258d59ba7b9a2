// Parser: tokens → AST (ast.h). Hand-written recursive descent; each rule
// carries its grammar fragment in a comment (the full EBNF is in
// docs/query-language.md).
//
// Interface: Parse(text, &query, &error) lexes and parses one query. On
// failure the error reads "expected X for Y, got Z" and carries the offset of
// the offending token. Recursion only follows the nesting of the query text
// and is capped at kMaxQueryNesting levels ("query nested too deeply"); the
// text itself is capped at kMaxQueryBytes.
//
// It does not resolve names: labels, types, properties and variables are
// checked by binder.h.
//
// Tested in tests/query/parser_test.cc (tables of query → DumpQuery) and
// tests/query/error_test.cc (golden messages with carets).
#pragma once

#include <string_view>

#include "query/ast.h"
#include "query/position.h"

namespace pkg::query {

bool Parse(std::string_view text, Query* query, PosError* error);

}  // namespace pkg::query
