// Parser, clauses and patterns (see parser.h); expressions are in
// parser_expr.cc. Grammar fragments are quoted above each rule.
#include "query/parser.h"

#include <algorithm>
#include <charconv>

#include "base/text.h"
#include "query/lexer.h"
#include "query/parser_internal.h"

namespace pkg::query {

bool Parser::Fail(const std::string& message, size_t offset) {
  if (!failed_) {
    failed_ = true;
    err_.status = Status::Invalid(message);
    err_.offset = offset;
  }
  return false;
}

std::string Parser::Describe(const Token& tok) const {
  if (tok.kind == Tok::kEnd) return "end of query";
  std::string_view src = text_.substr(tok.offset, tok.length);
  std::string_view shown = Utf8Prefix(src, 40);
  return "'" + std::string(shown) + (shown.size() < src.size() ? "...'" : "'");
}

bool Parser::FailExpected(const std::string& expected, const char* what) {
  return Fail("expected " + expected + " for " + what + ", got " + Describe(Peek()), Peek().offset);
}

bool Parser::Expect(Tok k, const char* what) {
  if (Accept(k)) return true;
  return FailExpected(TokName(k), what);
}

bool Parser::Enter() {
  if (++depth_ > kMaxQueryNesting) {
    return Fail("query nested too deeply (more than " + std::to_string(kMaxQueryNesting) + " levels)",
                Peek().offset);
  }
  return true;
}

bool Parser::AcceptName(std::string* out, size_t* offset) {
  const Token& tok = Peek();
  bool keyword = tok.kind >= Tok::kMatch && tok.kind <= Tok::kShortest;
  if (tok.kind != Tok::kIdent && !keyword) return false;
  *out = tok.text;
  if (offset) *offset = tok.offset;
  ++i_;
  return true;
}

// query = [ "EXPLAIN" ] { reading_clause } return_clause [ ";" ]
// reading_clause = match_clause | call_clause
bool Parser::ParseQuery(Query* q) {
  q->explain = Accept(Tok::kExplain);
  while (!failed_) {
    if (At(Tok::kMatch) || At(Tok::kOptional)) {
      ReadingClause rc;
      rc.kind = ReadingClause::kMatch;
      if (!ParseMatch(&rc.match)) return false;
      q->clauses.push_back(std::move(rc));
    } else if (At(Tok::kCall)) {
      ReadingClause rc;
      rc.kind = ReadingClause::kCall;
      if (!ParseCall(&rc.call)) return false;
      q->clauses.push_back(std::move(rc));
    } else {
      break;
    }
  }
  if (failed_) return false;
  if (At(Tok::kWith)) return Fail("WITH is not supported yet; use one MATCH … RETURN", Peek().offset);
  if (At(Tok::kIdent)) {
    std::string up = Peek().text;
    std::transform(up.begin(), up.end(), up.begin(), [](unsigned char c) { return std::toupper(c); });
    for (const char* w : {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "UNWIND", "UNION", "LOAD"}) {
      if (up == w) return Fail(up + " is not supported: queries are read-only (MATCH, OPTIONAL MATCH, CALL, RETURN)",
                               Peek().offset);
    }
  }
  if (!At(Tok::kReturn)) return FailExpected(q->clauses.empty() ? "MATCH, CALL or RETURN" : "MATCH, CALL or RETURN", "query");
  if (!ParseReturn(&q->ret)) return false;
  Accept(Tok::kSemicolon);
  if (!At(Tok::kEnd)) return FailExpected("end of query", "query (after RETURN)");
  return true;
}

// match_clause = [ "OPTIONAL" ] "MATCH" path_pattern { "," path_pattern } [ "WHERE" expr ]
bool Parser::ParseMatch(MatchClause* m) {
  m->offset = Peek().offset;
  if (Accept(Tok::kOptional)) {
    m->optional = true;
    if (!Expect(Tok::kMatch, "OPTIONAL MATCH")) return false;
  } else {
    if (!Expect(Tok::kMatch, "MATCH clause")) return false;
  }
  do {
    PathPattern p;
    if (!ParsePathPattern(&p)) return false;
    m->patterns.push_back(std::move(p));
  } while (Accept(Tok::kComma));
  if (Accept(Tok::kWhere)) {
    m->where = ParseExpr();
    if (!m->where) return false;
  }
  return true;
}

// call_clause = "CALL" name "(" [ expr { "," expr } ] ")"
//               [ "YIELD" name [ "AS" name ] { "," name [ "AS" name ] } ] [ "WHERE" expr ]
bool Parser::ParseCall(CallClause* c) {
  c->offset = Peek().offset;
  Expect(Tok::kCall, "CALL clause");
  if (!AcceptName(&c->proc)) return FailExpected("a procedure name", "CALL");
  std::transform(c->proc.begin(), c->proc.end(), c->proc.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (!Expect(Tok::kLParen, "CALL arguments")) return false;
  if (!At(Tok::kRParen)) {
    do {
      ExprPtr e = ParseExpr();
      if (!e) return false;
      c->args.push_back(std::move(e));
    } while (Accept(Tok::kComma));
  }
  if (!Expect(Tok::kRParen, "CALL arguments")) return false;
  if (Accept(Tok::kYield)) {
    do {
      YieldItem y;
      y.offset = Peek().offset;
      if (!AcceptName(&y.name)) return FailExpected("a column name", "YIELD");
      y.alias = y.name;
      if (Accept(Tok::kAs) && !AcceptName(&y.alias)) return FailExpected("a name", "YIELD … AS");
      c->yields.push_back(std::move(y));
    } while (Accept(Tok::kComma));
  }
  if (Accept(Tok::kWhere)) {
    c->where = ParseExpr();
    if (!c->where) return false;
  }
  return true;
}

// return_clause = "RETURN" [ "DISTINCT" ] ( "*" | item { "," item } )
//                 [ "ORDER" "BY" sort_item { "," sort_item } ] [ "SKIP" expr ] [ "LIMIT" expr ]
// item = expr [ "AS" name ];  sort_item = expr [ "ASC" | "DESC" ]
bool Parser::ParseReturn(ReturnClause* r) {
  r->offset = Peek().offset;
  Expect(Tok::kReturn, "RETURN clause");
  r->distinct = Accept(Tok::kDistinct);
  if (Accept(Tok::kStar)) {
    r->star = true;
  } else {
    do {
      ReturnItem item;
      item.offset = Peek().offset;
      item.expr = ParseExpr();
      if (!item.expr) return false;
      const Token& last = t_[i_ - 1];
      item.alias = std::string(text_.substr(item.offset, last.offset + last.length - item.offset));
      if (Accept(Tok::kAs)) {
        if (!AcceptName(&item.alias)) return FailExpected("a column name", "RETURN … AS");
        item.has_alias = true;
      }
      r->items.push_back(std::move(item));
    } while (Accept(Tok::kComma));
  }
  if (Accept(Tok::kOrder)) {
    if (!Expect(Tok::kBy, "ORDER BY")) return false;
    do {
      SortItem s;
      s.expr = ParseExpr();
      if (!s.expr) return false;
      if (Accept(Tok::kDesc)) s.desc = true;
      else Accept(Tok::kAsc);
      r->order.push_back(std::move(s));
    } while (Accept(Tok::kComma));
  }
  if (Accept(Tok::kSkip)) {
    r->skip = ParseExpr();
    if (!r->skip) return false;
  }
  if (Accept(Tok::kLimit)) {
    r->limit = ParseExpr();
    if (!r->limit) return false;
  }
  return true;
}

// path_pattern = [ name "=" ] ( ( "shortestPath" | "allShortestPaths" ) "(" chain ")" | chain )
bool Parser::ParsePathPattern(PathPattern* p) {
  p->offset = Peek().offset;
  if (At(Tok::kIdent) && Peek(1).kind == Tok::kEq) {
    p->var = Peek().text;
    i_ += 2;
  }
  if (At(Tok::kIdent) && Peek(1).kind == Tok::kLParen) {
    std::string fn = Peek().text;
    std::transform(fn.begin(), fn.end(), fn.begin(), [](unsigned char c) { return std::tolower(c); });
    if (fn == "shortestpath" || fn == "allshortestpaths") {
      p->mode = fn == "shortestpath" ? PathMode::kShortest : PathMode::kAllShortest;
      i_ += 2;
      if (!ParseChain(p)) return false;
      if (p->rels.size() != 1) return Fail("expected exactly one relationship for " + std::string(fn == "shortestpath" ? "shortestPath" : "allShortestPaths"), p->offset);
      return Expect(Tok::kRParen, "shortestPath(...)");
    }
    return FailExpected("'(' to start a node pattern", "MATCH pattern");
  }
  if (!ParseChain(p)) return false;
  for (const RelPattern& r : p->rels) {
    if (!r.shortest) continue;
    if (p->rels.size() != 1)
      return Fail("expected exactly one relationship for '* SHORTEST' (shortest path)", r.range_offset);
    p->mode = PathMode::kShortest;
  }
  return true;
}

// chain = node_pattern { rel_pattern node_pattern }
bool Parser::ParseChain(PathPattern* p) {
  NodePattern first;
  if (!ParseNodePattern(&first)) return false;
  p->nodes.push_back(std::move(first));
  while (At(Tok::kMinus) || (At(Tok::kLt) && Peek(1).kind == Tok::kMinus)) {
    if (p->rels.size() >= 64) return Fail("pattern too long (more than 64 relationships)", Peek().offset);
    RelPattern r;
    if (!ParseRelPattern(&r)) return false;
    p->rels.push_back(std::move(r));
    NodePattern n;
    if (!ParseNodePattern(&n)) return false;
    p->nodes.push_back(std::move(n));
  }
  return true;
}

// node_pattern = "(" [ name ] { ":" name } [ prop_map ] ")"
bool Parser::ParseNodePattern(NodePattern* n) {
  n->offset = Peek().offset;
  if (!Expect(Tok::kLParen, "node pattern")) return false;
  if (At(Tok::kIdent)) {
    n->var = Peek().text;
    ++i_;
  }
  while (Accept(Tok::kColon)) {
    std::string label;
    size_t off = 0;
    if (!AcceptName(&label, &off)) return FailExpected("a label", "node pattern");
    n->labels.push_back(std::move(label));
    n->label_offsets.push_back(off);
  }
  if (At(Tok::kLBrace) && !ParsePropMap(&n->props, "node properties")) return false;
  return Expect(Tok::kRParen, "node pattern");
}

// rel_pattern = [ "<" ] "-" [ "[" [ name ] [ ":" name { "|" [ ":" ] name } ] [ range ] [ prop_map ] "]" ] "-" [ ">" ]
bool Parser::ParseRelPattern(RelPattern* r) {
  r->offset = Peek().offset;
  bool left = Accept(Tok::kLt);
  if (!Expect(Tok::kMinus, "relationship pattern")) return false;
  if (Accept(Tok::kLBracket)) {
    if (At(Tok::kIdent)) {
      r->var = Peek().text;
      ++i_;
    }
    if (Accept(Tok::kColon)) {
      do {
        Accept(Tok::kColon);
        std::string type;
        size_t off = 0;
        if (!AcceptName(&type, &off)) return FailExpected("a relationship type", "relationship pattern");
        r->types.push_back(std::move(type));
        r->type_offsets.push_back(off);
      } while (Accept(Tok::kPipe));
    }
    if (At(Tok::kStar) && !ParseRange(r)) return false;
    if (At(Tok::kLBrace) && !ParsePropMap(&r->props, "relationship properties")) return false;
    if (!Expect(Tok::kRBracket, "relationship pattern")) return false;
  }
  if (!Expect(Tok::kMinus, "relationship pattern")) return false;
  bool right = Accept(Tok::kGt);
  if (left && right) return Fail("a relationship cannot point both ways; use -[...]- for either direction", r->offset);
  r->dir = left ? Direction::kIn : right ? Direction::kOut : Direction::kBoth;
  return true;
}

// range = "*" [ "SHORTEST" ] [ integer ] [ ".." [ integer ] ]
// ("* SHORTEST a..b" is Kuzu's spelling of shortestPath; ParsePathPattern
//  turns a one-relationship path carrying it into a shortestPath.)
bool Parser::ParseRange(RelPattern* r) {
  r->range_offset = Peek().offset;
  Expect(Tok::kStar, "variable-length relationship");
  r->var_length = true;
  r->shortest = Accept(Tok::kShortest);
  auto read_int = [&](int* out) {
    const Token& tok = Peek();
    long long v = 0;
    auto [p, ec] = std::from_chars(tok.text.data(), tok.text.data() + tok.text.size(), v);
    if (ec != std::errc() || v > 1000000) return Fail("hop count too large", tok.offset);
    *out = static_cast<int>(v);
    ++i_;
    return true;
  };
  bool have_min = false;
  if (At(Tok::kInteger)) {
    if (!read_int(&r->min_hops)) return false;
    have_min = true;
  }
  if (Accept(Tok::kDotDot)) {
    if (!have_min) r->min_hops = 1;
    if (At(Tok::kInteger) && !read_int(&r->max_hops)) return false;
  } else if (have_min) {
    r->max_hops = r->min_hops;  // "*3" means exactly 3
  }
  if (r->max_hops >= 0 && r->max_hops < r->min_hops)
    return Fail("expected a range with minimum <= maximum for variable-length relationship", r->range_offset);
  return true;
}

// prop_map = "{" [ name ":" expr { "," name ":" expr } ] "}"
bool Parser::ParsePropMap(std::vector<PropEntry>* props, const char* what) {
  if (!Enter()) return false;
  Expect(Tok::kLBrace, what);
  if (!At(Tok::kRBrace)) {
    do {
      PropEntry e;
      e.offset = Peek().offset;
      if (!AcceptName(&e.key)) return FailExpected("a property name", what);
      if (!Expect(Tok::kColon, what)) return false;
      e.value = ParseExpr();
      if (!e.value) return false;
      props->push_back(std::move(e));
    } while (Accept(Tok::kComma));
  }
  Leave();
  return Expect(Tok::kRBrace, what);
}

bool Parse(std::string_view text, Query* query, PosError* error) {
  if (text.size() > kMaxQueryBytes) {
    error->status = Status::Invalid("query too long (" + std::to_string(text.size()) + " bytes; the limit is " +
                                    std::to_string(kMaxQueryBytes) + ")");
    error->offset = 0;
    return false;
  }
  std::vector<Token> toks;
  if (!Lex(text, &toks, error)) return false;
  Parser p(text, toks);
  if (!p.ParseQuery(query)) {
    *error = p.error();
    return false;
  }
  return true;
}

}  // namespace pkg::query
