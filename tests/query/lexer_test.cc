// Lexer: token kinds, literals, escapes, comments and lexical errors.
#include <catch2/catch.hpp>

#include "query/lexer.h"

namespace pkg::query {
namespace {

std::string Kinds(const std::string& text) {
  std::vector<Token> toks;
  LexError e;
  if (!Lex(text, &toks, &e)) return "ERROR " + e.status.message() + " @" + std::to_string(e.offset);
  std::string out;
  for (const auto& t : toks) {
    if (!out.empty()) out += ' ';
    out += TokName(t.kind);
    if (t.kind == Tok::kIdent || t.kind == Tok::kString || t.kind == Tok::kInteger || t.kind == Tok::kFloat ||
        t.kind == Tok::kParam)
      out += "(" + t.text + ")";
  }
  return out;
}

TEST_CASE("lexer: tokens") {
  struct Case {
    const char* text;
    const char* kinds;
  } cases[] = {
      {"match (n) return n", "MATCH '(' identifier(n) ')' RETURN identifier(n) end of query"},
      {"(a)<-[:T*1..3]->(b)",
       "'(' identifier(a) ')' '<' '-' '[' ':' identifier(T) '*' integer(1) '..' integer(3) ']' '-' '>' '(' "
       "identifier(b) ')' end of query"},
      {"a<>b a!=b a<=b a>=b", "identifier(a) '<>' identifier(b) identifier(a) '<>' identifier(b) identifier(a) '<=' "
                              "identifier(b) identifier(a) '>=' identifier(b) end of query"},
      {"1 1.5 2e3 .. 7", "integer(1) number(1.5) number(2e3) '..' integer(7) end of query"},
      {"'it\\'s' \"双\\\"引\" '\\u4e2d\\n'", "string(it's) string(双\"引) string(中\n) end of query"},
      {"$名称 $p1", "parameter(名称) parameter(p1) end of query"},
      {"节点.名称", "identifier(节点) '.' identifier(名称) end of query"},
      {"`odd name` x", "identifier(odd name) identifier(x) end of query"},
      {"a // comment\n/* block\n */ b", "identifier(a) identifier(b) end of query"},
      {"a\xE3\x80\x80" "b", "identifier(a) identifier(b) end of query"},  // ideographic space separates
      {"'unterminated", "ERROR unterminated string: expected closing ' @0"},
      {"'bad \\q'", "ERROR unknown escape '\\q' in string @5"},
      {"'\\中'", "ERROR unknown escape '\\中' in string @1"},  // found by the fuzzer: no half characters
      {"'\\u12'", "ERROR expected 4 hex digits after \\u @1"},
      {"'\\ud800'", "ERROR surrogate code point in \\u escape @1"},
      {"a ~ b", "ERROR unexpected character '~' @2"},
      {"/* open", "ERROR unterminated comment: expected '*/' @0"},
      {"12abc", "ERROR expected a space or operator after number @2"},
      {"$", "ERROR expected a parameter name after '$' @0"},
      {"``", "ERROR empty quoted name @0"},
      {"'\xFF'", "ERROR invalid UTF-8 in query @1"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(Kinds(c.text) == c.kinds);
  }
}

TEST_CASE("lexer: offsets are byte offsets") {
  std::vector<Token> toks;
  LexError e;
  REQUIRE(Lex("中文 x", &toks, &e));
  REQUIRE(toks.size() == 3);
  CHECK(toks[0].offset == 0);
  CHECK(toks[0].length == 6);
  CHECK(toks[1].offset == 7);
}

}  // namespace
}  // namespace pkg::query
