// Parser, expressions (see parser.h). Precedence, lowest first:
// OR, XOR, AND, NOT, comparison, predicates (IN, STARTS WITH, ENDS WITH,
// CONTAINS, IS [NOT] NULL), + -, * / %, unary -, property access, atoms.
// Each level that can nest (parentheses, lists, NOT, unary minus, function
// arguments) counts depth and stops at kMaxQueryNesting.
#include <algorithm>
#include <charconv>
#include <cstdlib>

#include "query/parser_internal.h"

namespace pkg::query {

namespace {
ExprPtr MakeExpr(ExprKind k, size_t offset) {
  auto e = std::make_unique<Expr>();
  e->kind = k;
  e->offset = offset;
  return e;
}
ExprPtr MakeBinary(BinOp op, ExprPtr a, ExprPtr b, size_t offset) {
  auto e = MakeExpr(ExprKind::kBinary, offset);
  e->op = op;
  e->args.push_back(std::move(a));
  e->args.push_back(std::move(b));
  return e;
}
}  // namespace

// expr = or_expr
ExprPtr Parser::ParseExpr() {
  if (!Enter()) return nullptr;
  ExprPtr e = ParseOr();
  Leave();
  return e;
}

// or_expr = xor_expr { "OR" xor_expr }
ExprPtr Parser::ParseOr() {
  ExprPtr a = ParseXor();
  while (a && At(Tok::kOr)) {
    size_t off = Peek().offset;
    ++i_;
    ExprPtr b = ParseXor();
    if (!b) return nullptr;
    a = MakeBinary(BinOp::kOr, std::move(a), std::move(b), off);
  }
  return a;
}

// xor_expr = and_expr { "XOR" and_expr }
ExprPtr Parser::ParseXor() {
  ExprPtr a = ParseAnd();
  while (a && At(Tok::kXor)) {
    size_t off = Peek().offset;
    ++i_;
    ExprPtr b = ParseAnd();
    if (!b) return nullptr;
    a = MakeBinary(BinOp::kXor, std::move(a), std::move(b), off);
  }
  return a;
}

// and_expr = not_expr { "AND" not_expr }
ExprPtr Parser::ParseAnd() {
  ExprPtr a = ParseNot();
  while (a && At(Tok::kAnd)) {
    size_t off = Peek().offset;
    ++i_;
    ExprPtr b = ParseNot();
    if (!b) return nullptr;
    a = MakeBinary(BinOp::kAnd, std::move(a), std::move(b), off);
  }
  return a;
}

// not_expr = "NOT" not_expr | comparison
ExprPtr Parser::ParseNot() {
  if (!At(Tok::kNot)) return ParseComparison();
  size_t off = Peek().offset;
  ++i_;
  if (!Enter()) return nullptr;
  ExprPtr a = ParseNot();
  Leave();
  if (!a) return nullptr;
  auto e = MakeExpr(ExprKind::kNot, off);
  e->args.push_back(std::move(a));
  return e;
}

// comparison = predicate [ ( "=" | "<>" | "<" | "<=" | ">" | ">=" ) predicate ]
ExprPtr Parser::ParseComparison() {
  ExprPtr a = ParsePredicate();
  if (!a) return nullptr;
  BinOp op;
  switch (Peek().kind) {
    case Tok::kEq: op = BinOp::kEq; break;
    case Tok::kNe: op = BinOp::kNe; break;
    case Tok::kLt: op = BinOp::kLt; break;
    case Tok::kLe: op = BinOp::kLe; break;
    case Tok::kGt: op = BinOp::kGt; break;
    case Tok::kGe: op = BinOp::kGe; break;
    default: return a;
  }
  size_t off = Peek().offset;
  ++i_;
  ExprPtr b = ParsePredicate();
  if (!b) return nullptr;
  return MakeBinary(op, std::move(a), std::move(b), off);
}

// predicate = additive { "IN" additive | "STARTS" "WITH" additive | "ENDS" "WITH" additive
//                      | "CONTAINS" additive | "IS" [ "NOT" ] "NULL" }
ExprPtr Parser::ParsePredicate() {
  ExprPtr a = ParseAdditive();
  while (a) {
    size_t off = Peek().offset;
    BinOp op;
    if (Accept(Tok::kIn)) {
      op = BinOp::kIn;
    } else if (Accept(Tok::kStarts)) {
      if (!Expect(Tok::kWith, "STARTS WITH")) return nullptr;
      op = BinOp::kStartsWith;
    } else if (Accept(Tok::kEnds)) {
      if (!Expect(Tok::kWith, "ENDS WITH")) return nullptr;
      op = BinOp::kEndsWith;
    } else if (Accept(Tok::kContains)) {
      op = BinOp::kContains;
    } else if (Accept(Tok::kIs)) {
      bool neg = Accept(Tok::kNot);
      if (!Expect(Tok::kNull, neg ? "IS NOT NULL" : "IS NULL")) return nullptr;
      auto e = MakeExpr(neg ? ExprKind::kIsNotNull : ExprKind::kIsNull, off);
      e->args.push_back(std::move(a));
      a = std::move(e);
      continue;
    } else {
      return a;
    }
    ExprPtr b = ParseAdditive();
    if (!b) return nullptr;
    a = MakeBinary(op, std::move(a), std::move(b), off);
  }
  return a;
}

// additive = multiplicative { ( "+" | "-" ) multiplicative }
ExprPtr Parser::ParseAdditive() {
  ExprPtr a = ParseMultiplicative();
  while (a && (At(Tok::kPlus) || At(Tok::kMinus))) {
    BinOp op = At(Tok::kPlus) ? BinOp::kAdd : BinOp::kSub;
    size_t off = Peek().offset;
    ++i_;
    ExprPtr b = ParseMultiplicative();
    if (!b) return nullptr;
    a = MakeBinary(op, std::move(a), std::move(b), off);
  }
  return a;
}

// multiplicative = unary { ( "*" | "/" | "%" ) unary }
ExprPtr Parser::ParseMultiplicative() {
  ExprPtr a = ParseUnary();
  while (a && (At(Tok::kStar) || At(Tok::kSlash) || At(Tok::kPercent))) {
    BinOp op = At(Tok::kStar) ? BinOp::kMul : At(Tok::kSlash) ? BinOp::kDiv : BinOp::kMod;
    size_t off = Peek().offset;
    ++i_;
    ExprPtr b = ParseUnary();
    if (!b) return nullptr;
    a = MakeBinary(op, std::move(a), std::move(b), off);
  }
  return a;
}

// unary = ( "-" | "+" ) unary | postfix
ExprPtr Parser::ParseUnary() {
  if (At(Tok::kPlus)) {
    ++i_;
    if (!Enter()) return nullptr;
    ExprPtr a = ParseUnary();
    Leave();
    return a;
  }
  if (!At(Tok::kMinus)) return ParsePostfix();
  size_t off = Peek().offset;
  ++i_;
  if (!Enter()) return nullptr;
  ExprPtr a = ParseUnary();
  Leave();
  if (!a) return nullptr;
  if (a->kind == ExprKind::kLiteral && a->literal.is_number()) {  // fold "-5"
    if (a->literal.kind() == Value::Kind::kInt) a->literal = Value(-a->literal.as_int());
    else a->literal = Value(-a->literal.as_double());
    a->offset = off;
    return a;
  }
  auto e = MakeExpr(ExprKind::kNeg, off);
  e->args.push_back(std::move(a));
  return e;
}

// postfix = atom { "." name }
ExprPtr Parser::ParsePostfix() {
  ExprPtr a = ParseAtom();
  while (a && At(Tok::kDot)) {
    ++i_;
    auto e = MakeExpr(ExprKind::kProperty, Peek().offset);  // errors point at the name
    if (!AcceptName(&e->name)) {
      FailExpected("a property name", "property access");
      return nullptr;
    }
    e->args.push_back(std::move(a));
    a = std::move(e);
  }
  return a;
}

// atom = integer | float | string | "TRUE" | "FALSE" | "NULL" | parameter
//      | "(" expr ")" | "[" [ expr { "," expr } ] "]" | function_call | name
ExprPtr Parser::ParseAtom() {
  const Token& tok = Peek();
  size_t off = tok.offset;
  switch (tok.kind) {
    case Tok::kInteger: {
      auto e = MakeExpr(ExprKind::kLiteral, off);
      int64_t v = 0;
      auto [p, ec] = std::from_chars(tok.text.data(), tok.text.data() + tok.text.size(), v);
      if (ec != std::errc()) {
        Fail("integer out of range: " + tok.text, off);
        return nullptr;
      }
      e->literal = Value(v);
      ++i_;
      return e;
    }
    case Tok::kFloat: {
      auto e = MakeExpr(ExprKind::kLiteral, off);
      e->literal = Value(std::strtod(tok.text.c_str(), nullptr));
      ++i_;
      return e;
    }
    case Tok::kString: {
      auto e = MakeExpr(ExprKind::kLiteral, off);
      e->literal = Value(tok.text);
      ++i_;
      return e;
    }
    case Tok::kTrue:
    case Tok::kFalse: {
      auto e = MakeExpr(ExprKind::kLiteral, off);
      e->literal = Value(tok.kind == Tok::kTrue);
      ++i_;
      return e;
    }
    case Tok::kNull: {
      ++i_;
      return MakeExpr(ExprKind::kLiteral, off);
    }
    case Tok::kParam: {
      auto e = MakeExpr(ExprKind::kParam, off);
      e->name = tok.text;
      ++i_;
      return e;
    }
    case Tok::kLParen: {
      ++i_;
      ExprPtr e = ParseExpr();
      if (!e) return nullptr;
      if (!Expect(Tok::kRParen, "parenthesised expression")) return nullptr;
      return e;
    }
    case Tok::kLBracket: {
      ++i_;
      if (!Enter()) return nullptr;
      auto e = MakeExpr(ExprKind::kList, off);
      if (!At(Tok::kRBracket)) {
        do {
          if (e->args.size() >= 10000) {
            Fail("list literal too long (more than 10000 items)", Peek().offset);
            return nullptr;
          }
          ExprPtr item = ParseExpr();
          if (!item) return nullptr;
          e->args.push_back(std::move(item));
        } while (Accept(Tok::kComma));
      }
      Leave();
      if (!Expect(Tok::kRBracket, "list")) return nullptr;
      return e;
    }
    default:
      break;
  }
  std::string name;
  if (tok.kind == Tok::kIdent) {
    name = tok.text;
    ++i_;
    if (At(Tok::kLParen)) return ParseFunctionCall(std::move(name), off);
    auto e = MakeExpr(ExprKind::kVar, off);
    e->name = std::move(name);
    return e;
  }
  FailExpected("an expression", "expression");
  return nullptr;
}

// function_call = name "(" [ "DISTINCT" ] ( "*" | [ expr { "," expr } ] ) ")"
ExprPtr Parser::ParseFunctionCall(std::string name, size_t offset) {
  Expect(Tok::kLParen, "function call");
  if (!Enter()) return nullptr;
  auto e = MakeExpr(ExprKind::kCall, offset);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  e->name = std::move(name);
  e->distinct = Accept(Tok::kDistinct);
  if (Accept(Tok::kStar)) {
    e->star = true;
  } else if (!At(Tok::kRParen)) {
    do {
      ExprPtr a = ParseExpr();
      if (!a) return nullptr;
      e->args.push_back(std::move(a));
    } while (Accept(Tok::kComma));
  }
  Leave();
  if (!Expect(Tok::kRParen, "function call")) return nullptr;
  return e;
}

}  // namespace pkg::query
