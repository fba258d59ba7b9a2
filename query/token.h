// Tokens of the query language, produced by lexer.h and read by parser.h.
//
// A token keeps its byte offset and length in the query text so that every
// later stage can point an error at it. Keywords are recognised
// case-insensitively by the lexer and carry their own kind; identifiers keep
// their spelling (back-quoted identifiers are unquoted).
#pragma once

#include <cstddef>
#include <string>

namespace pkg::query {

enum class Tok {
  kEnd,
  // literals and names
  kIdent, kInteger, kFloat, kString, kParam,
  // keywords
  kMatch, kOptional, kWhere, kReturn, kDistinct, kAs, kOrder, kBy, kAsc, kDesc,
  kSkip, kLimit, kAnd, kOr, kXor, kNot, kIn, kStarts, kEnds, kWith, kContains,
  kIs, kNull, kTrue, kFalse, kCall, kYield, kExplain, kShortest,
  // punctuation
  kLParen, kRParen, kLBracket, kRBracket, kLBrace, kRBrace, kComma, kDot,
  kDotDot, kColon, kPipe, kStar, kEq, kNe, kLt, kLe, kGt, kGe, kMinus, kPlus,
  kSlash, kPercent, kSemicolon,
};

// Human name for messages: "'('", "identifier", "end of query".
const char* TokName(Tok t);

struct Token {
  Tok kind = Tok::kEnd;
  size_t offset = 0;  // byte offset in the query
  size_t length = 0;  // bytes
  std::string text;   // identifier spelling, decoded string, number or parameter name
};

}  // namespace pkg::query
