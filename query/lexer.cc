// Lexer: query text → tokens (see lexer.h). A single forward pass over the
// bytes; no recursion, no allocation beyond the token vector and token text.
#include "query/lexer.h"

#include <cctype>
#include <cstring>

#include "base/text.h"

namespace pkg::query {

const char* TokName(Tok t) {
  switch (t) {
    case Tok::kEnd: return "end of query";
    case Tok::kIdent: return "identifier";
    case Tok::kInteger: return "integer";
    case Tok::kFloat: return "number";
    case Tok::kString: return "string";
    case Tok::kParam: return "parameter";
    case Tok::kMatch: return "MATCH";
    case Tok::kOptional: return "OPTIONAL";
    case Tok::kWhere: return "WHERE";
    case Tok::kReturn: return "RETURN";
    case Tok::kDistinct: return "DISTINCT";
    case Tok::kAs: return "AS";
    case Tok::kOrder: return "ORDER";
    case Tok::kBy: return "BY";
    case Tok::kAsc: return "ASC";
    case Tok::kDesc: return "DESC";
    case Tok::kSkip: return "SKIP";
    case Tok::kLimit: return "LIMIT";
    case Tok::kAnd: return "AND";
    case Tok::kOr: return "OR";
    case Tok::kXor: return "XOR";
    case Tok::kNot: return "NOT";
    case Tok::kIn: return "IN";
    case Tok::kStarts: return "STARTS";
    case Tok::kEnds: return "ENDS";
    case Tok::kWith: return "WITH";
    case Tok::kContains: return "CONTAINS";
    case Tok::kIs: return "IS";
    case Tok::kNull: return "NULL";
    case Tok::kTrue: return "TRUE";
    case Tok::kFalse: return "FALSE";
    case Tok::kCall: return "CALL";
    case Tok::kYield: return "YIELD";
    case Tok::kExplain: return "EXPLAIN";
    case Tok::kShortest: return "SHORTEST";
    case Tok::kLParen: return "'('";
    case Tok::kRParen: return "')'";
    case Tok::kLBracket: return "'['";
    case Tok::kRBracket: return "']'";
    case Tok::kLBrace: return "'{'";
    case Tok::kRBrace: return "'}'";
    case Tok::kComma: return "','";
    case Tok::kDot: return "'.'";
    case Tok::kDotDot: return "'..'";
    case Tok::kColon: return "':'";
    case Tok::kPipe: return "'|'";
    case Tok::kStar: return "'*'";
    case Tok::kEq: return "'='";
    case Tok::kNe: return "'<>'";
    case Tok::kLt: return "'<'";
    case Tok::kLe: return "'<='";
    case Tok::kGt: return "'>'";
    case Tok::kGe: return "'>='";
    case Tok::kMinus: return "'-'";
    case Tok::kPlus: return "'+'";
    case Tok::kSlash: return "'/'";
    case Tok::kPercent: return "'%'";
    case Tok::kSemicolon: return "';'";
  }
  return "token";
}

namespace {

struct Keyword {
  const char* word;
  Tok tok;
};
constexpr Keyword kKeywords[] = {
    {"MATCH", Tok::kMatch},       {"OPTIONAL", Tok::kOptional}, {"WHERE", Tok::kWhere},
    {"RETURN", Tok::kReturn},     {"DISTINCT", Tok::kDistinct}, {"AS", Tok::kAs},
    {"ORDER", Tok::kOrder},       {"BY", Tok::kBy},             {"ASC", Tok::kAsc},
    {"ASCENDING", Tok::kAsc},     {"DESC", Tok::kDesc},         {"DESCENDING", Tok::kDesc},
    {"SKIP", Tok::kSkip},         {"LIMIT", Tok::kLimit},       {"AND", Tok::kAnd},
    {"OR", Tok::kOr},             {"XOR", Tok::kXor},           {"NOT", Tok::kNot},
    {"IN", Tok::kIn},             {"STARTS", Tok::kStarts},     {"ENDS", Tok::kEnds},
    {"WITH", Tok::kWith},         {"CONTAINS", Tok::kContains}, {"IS", Tok::kIs},
    {"NULL", Tok::kNull},         {"TRUE", Tok::kTrue},         {"FALSE", Tok::kFalse},
    {"CALL", Tok::kCall},         {"YIELD", Tok::kYield},       {"SHORTEST", Tok::kShortest},
    {"EXPLAIN", Tok::kExplain},
};

bool IsIdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool IsIdentPart(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

Tok KeywordOrIdent(std::string_view word) {
  if (word.size() > 10) return Tok::kIdent;
  char up[16];
  for (size_t i = 0; i < word.size(); ++i) up[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[i])));
  std::string_view u(up, word.size());
  for (const auto& k : kKeywords)
    if (u == k.word) return k.tok;
  return Tok::kIdent;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Lexer {
 public:
  Lexer(std::string_view s, std::vector<Token>* out, LexError* err) : s_(s), out_(out), err_(err) {}

  bool Run() {
    size_t bad = 0;
    if (!IsValidUtf8(s_, &bad)) return Fail(bad, "invalid UTF-8 in query");
    while (true) {
      if (!SkipSpaceAndComments()) return false;
      if (i_ >= s_.size()) break;
      if (!Next()) return false;
    }
    out_->push_back(Token{Tok::kEnd, s_.size(), 0, {}});
    return true;
  }

 private:
  bool Fail(size_t at, std::string msg) {
    err_->status = Status::Invalid(std::move(msg));
    err_->offset = at;
    return false;
  }

  void Emit(Tok t, size_t begin, std::string text = {}) {
    out_->push_back(Token{t, begin, i_ - begin, std::move(text)});
  }

  // U+3000 separates like a space (Chinese input methods type it).
  bool AtIdeographicSpace() const { return s_.substr(i_, 3) == "\xE3\x80\x80"; }

  bool SkipSpaceAndComments() {
    while (i_ < s_.size()) {
      unsigned char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        ++i_;
      } else if (s_.substr(i_, 3) == "\xE3\x80\x80") {  // ideographic space
        i_ += 3;
      } else if (s_.substr(i_, 2) == "//") {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else if (s_.substr(i_, 2) == "/*") {
        size_t end = s_.find("*/", i_ + 2);
        if (end == std::string_view::npos) return Fail(i_, "unterminated comment: expected '*/'");
        i_ = end + 2;
      } else {
        break;
      }
    }
    return true;
  }

  bool Next() {
    size_t b = i_;
    unsigned char c = s_[i_];
    if (IsIdentStart(c) && !AtIdeographicSpace()) {
      while (i_ < s_.size() && IsIdentPart(s_[i_]) && !AtIdeographicSpace()) ++i_;
      std::string_view w = s_.substr(b, i_ - b);
      Tok t = KeywordOrIdent(w);
      Emit(t, b, std::string(w));
      return true;
    }
    if (std::isdigit(c)) return Number(b);
    if (c == '\'' || c == '"') return String(b, static_cast<char>(c));
    if (c == '`') {
      size_t end = s_.find('`', i_ + 1);
      if (end == std::string_view::npos) return Fail(b, "unterminated quoted name: expected '`'");
      if (end == i_ + 1) return Fail(b, "empty quoted name");
      i_ = end + 1;
      Emit(Tok::kIdent, b, std::string(s_.substr(b + 1, end - b - 1)));
      return true;
    }
    if (c == '$') {
      ++i_;
      size_t nb = i_;
      while (i_ < s_.size() && IsIdentPart(s_[i_]) && !AtIdeographicSpace()) ++i_;
      if (i_ == nb) return Fail(b, "expected a parameter name after '$'");
      Emit(Tok::kParam, b, std::string(s_.substr(nb, i_ - nb)));
      return true;
    }
    auto two = s_.substr(i_, 2);
    struct P { const char* s; Tok t; };
    static constexpr P kTwo[] = {{"..", Tok::kDotDot}, {"<>", Tok::kNe}, {"!=", Tok::kNe},
                                 {"<=", Tok::kLe},     {">=", Tok::kGe}};
    for (const auto& p : kTwo) {
      if (two == p.s) {
        i_ += 2;
        Emit(p.t, b);
        return true;
      }
    }
    static constexpr P kOne[] = {{"(", Tok::kLParen}, {")", Tok::kRParen}, {"[", Tok::kLBracket},
                                 {"]", Tok::kRBracket}, {"{", Tok::kLBrace}, {"}", Tok::kRBrace},
                                 {",", Tok::kComma},  {".", Tok::kDot},    {":", Tok::kColon},
                                 {"|", Tok::kPipe},   {"*", Tok::kStar},   {"=", Tok::kEq},
                                 {"<", Tok::kLt},     {">", Tok::kGt},     {"-", Tok::kMinus},
                                 {"+", Tok::kPlus},   {"/", Tok::kSlash},  {"%", Tok::kPercent},
                                 {";", Tok::kSemicolon}};
    for (const auto& p : kOne) {
      if (c == static_cast<unsigned char>(p.s[0])) {
        ++i_;
        Emit(p.t, b);
        return true;
      }
    }
    return Fail(b, std::string("unexpected character '") + static_cast<char>(c) + "'");
  }

  bool Number(size_t b) {
    while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    bool is_float = false;
    // "1..5" is integer, range, integer: a '.' followed by '.' ends the number.
    if (i_ + 1 < s_.size() && s_[i_] == '.' && std::isdigit(static_cast<unsigned char>(s_[i_ + 1]))) {
      is_float = true;
      ++i_;
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      size_t j = i_ + 1;
      if (j < s_.size() && (s_[j] == '+' || s_[j] == '-')) ++j;
      if (j < s_.size() && std::isdigit(static_cast<unsigned char>(s_[j]))) {
        is_float = true;
        i_ = j;
        while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
      }
    }
    if (i_ < s_.size() && IsIdentStart(s_[i_])) return Fail(i_, "expected a space or operator after number");
    Emit(is_float ? Tok::kFloat : Tok::kInteger, b, std::string(s_.substr(b, i_ - b)));
    return true;
  }

  bool String(size_t b, char quote) {
    ++i_;
    std::string text;
    while (true) {
      if (i_ >= s_.size()) return Fail(b, std::string("unterminated string: expected closing ") + quote);
      char c = s_[i_];
      if (c == quote) {
        ++i_;
        break;
      }
      if (c != '\\') {
        text += c;
        ++i_;
        continue;
      }
      if (i_ + 1 >= s_.size()) return Fail(i_, "unterminated escape in string");
      char e = s_[i_ + 1];
      i_ += 2;
      switch (e) {
        case '\\': text += '\\'; break;
        case '\'': text += '\''; break;
        case '"': text += '"'; break;
        case 'n': text += '\n'; break;
        case 't': text += '\t'; break;
        case 'r': text += '\r'; break;
        case 'u': {
          if (i_ + 4 > s_.size()) return Fail(i_ - 2, "expected 4 hex digits after \\u");
          uint32_t cp = 0;
          for (int k = 0; k < 4; ++k) {
            char h = s_[i_ + k];
            if (!std::isxdigit(static_cast<unsigned char>(h))) return Fail(i_ - 2, "expected 4 hex digits after \\u");
            cp = cp * 16 + (std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
          }
          if (cp >= 0xD800 && cp < 0xE000) return Fail(i_ - 2, "surrogate code point in \\u escape");
          i_ += 4;
          AppendUtf8(text, cp);
          break;
        }
        default: {
          // Quote the whole code point after the backslash, never half of one.
          size_t len = (e & 0x80) == 0 ? 1 : (e & 0xE0) == 0xC0 ? 2 : (e & 0xF0) == 0xE0 ? 3 : 4;
          std::string_view cp = s_.substr(i_ - 1, std::min(len, s_.size() - (i_ - 1)));
          return Fail(i_ - 2, "unknown escape '\\" + std::string(cp) + "' in string");
        }
      }
    }
    Emit(Tok::kString, b, std::move(text));
    return true;
  }

  std::string_view s_;
  std::vector<Token>* out_;
  LexError* err_;
  size_t i_ = 0;
};

}  // namespace

bool Lex(std::string_view text, std::vector<Token>* tokens, LexError* error) {
  tokens->clear();
  return Lexer(text, tokens, error).Run();
}

}  // namespace pkg::query
