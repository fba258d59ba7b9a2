// Lexer: query text → tokens.
//
// Interface: Lex(text) returns every token followed by one kEnd token, or the
// first lexical error (unterminated string, bad escape, stray character,
// invalid UTF-8) with its byte offset. Identifiers may contain any non-ASCII
// code point (Chinese variable names work); `back-quoted` identifiers may
// contain anything but a back quote. Strings take '…' or "…" with the
// escapes \\ \' \" \n \t \r \uXXXX. Comments: // to end of line, /* … */.
// It does not know the grammar: `<` `-` is two tokens; the parser decides
// whether they form an arrow.
//
// Tested in tests/query/lexer_test.cc.
#pragma once

#include <string_view>
#include <vector>

#include "base/status.h"
#include "query/position.h"
#include "query/token.h"

namespace pkg::query {

using LexError = PosError;

// Returns false and fills *error on a lexical error.
bool Lex(std::string_view text, std::vector<Token>* tokens, LexError* error);

}  // namespace pkg::query
