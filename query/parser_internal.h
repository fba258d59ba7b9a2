// Internal to the parser (parser.cc: clauses and patterns, parser_expr.cc:
// expressions). Not part of the query/ interface.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "query/ast.h"
#include "query/position.h"
#include "query/token.h"

namespace pkg::query {

class Parser {
 public:
  Parser(std::string_view text, const std::vector<Token>& toks) : text_(text), t_(toks) {}

  bool ParseQuery(Query* q);
  const PosError& error() const { return err_; }

  // ---- expressions (parser_expr.cc); nullptr after an error
  ExprPtr ParseExpr();

 private:
  // ---- token helpers
  const Token& Peek(size_t k = 0) const { return t_[std::min(i_ + k, t_.size() - 1)]; }
  bool At(Tok k) const { return Peek().kind == k; }
  bool Accept(Tok k) {
    if (!At(k)) return false;
    ++i_;
    return true;
  }
  // Consumes `k` or fails with "expected <k> for <what>, got <token>".
  bool Expect(Tok k, const char* what);
  bool Fail(const std::string& message, size_t offset);
  bool FailExpected(const std::string& expected, const char* what);
  std::string Describe(const Token& tok) const;
  bool Enter();  // nesting depth check
  void Leave() { --depth_; }
  // An identifier, or a keyword used as a name (labels, properties, functions).
  bool AcceptName(std::string* out, size_t* offset = nullptr);

  // ---- clauses and patterns (parser.cc)
  bool ParseMatch(MatchClause* m);
  bool ParseCall(CallClause* c);
  bool ParseReturn(ReturnClause* r);
  bool ParsePathPattern(PathPattern* p);
  bool ParseChain(PathPattern* p);
  bool ParseNodePattern(NodePattern* n);
  bool ParseRelPattern(RelPattern* r);
  bool ParseRange(RelPattern* r);
  bool ParsePropMap(std::vector<PropEntry>* props, const char* what);

  // ---- expression levels (parser_expr.cc)
  ExprPtr ParseOr();
  ExprPtr ParseXor();
  ExprPtr ParseAnd();
  ExprPtr ParseNot();
  ExprPtr ParseComparison();
  ExprPtr ParsePredicate();
  ExprPtr ParseAdditive();
  ExprPtr ParseMultiplicative();
  ExprPtr ParseUnary();
  ExprPtr ParsePostfix();
  ExprPtr ParseAtom();
  ExprPtr ParseFunctionCall(std::string name, size_t offset);

  std::string_view text_;
  const std::vector<Token>& t_;
  size_t i_ = 0;
  int depth_ = 0;
  PosError err_;
  bool failed_ = false;
};

}  // namespace pkg::query
