// HTML to text; see html.h. One pass over the decoded text: runs of plain
// bytes are copied with their slice of the offset map; '<' starts a tag (or
// stays text when no tag can start there), '&' a character reference, and a
// run of white space is one space, or nothing at the start of a line (as a
// browser lays out a page: a source line break inside a paragraph is not a
// line of text).
#include "ingest/html.h"

#include <algorithm>
#include <array>
#include <string>

#include "ingest/utf8.h"

namespace pkg::ingest {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAlnum(char c) { return IsAlpha(c) || (c >= '0' && c <= '9'); }
bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Whether s[i..] starts with `w` (lower case), ignoring ASCII case.
bool StartsWithCi(std::string_view s, size_t i, std::string_view w) {
  if (i > s.size() || s.size() - i < w.size()) return false;
  for (size_t k = 0; k < w.size(); ++k) {
    if (Lower(s[i + k]) != w[k]) return false;
  }
  return true;
}

// The position of the first `w` (lower case) at or after i, ignoring case; npos when none.
size_t FindCi(std::string_view s, size_t i, std::string_view w) {
  for (; i + w.size() <= s.size(); ++i) {
    if (Lower(s[i]) == w[0] && StartsWithCi(s, i, w)) return i;
  }
  return std::string_view::npos;
}

struct Tag {
  std::string name;  // lower case; empty for <!…> and <?…>
  bool closing = false;
  size_t end = 0;  // one past its '>'
};

// The tag opening at s[i] == '<'; false when none can start there (then the
// '<' is text: "a < b", "<2025>").
bool ReadTag(std::string_view s, size_t i, Tag* tag) {
  size_t j = i + 1;
  if (j >= s.size()) return false;
  if (s[j] == '!' || s[j] == '?') {  // <!DOCTYPE …>, <?xml …?>; comments are handled before
    size_t e = s.substr(0, std::min(s.size(), i + 8192)).find('>', j);  // bounded, as below
    if (e == std::string_view::npos) return false;
    tag->name.clear();
    tag->end = e + 1;
    return true;
  }
  tag->closing = s[j] == '/';
  if (tag->closing) ++j;
  if (j >= s.size() || !IsAlpha(s[j])) return false;
  tag->name.clear();
  while (j < s.size() && (IsAlnum(s[j]) || s[j] == '-' || s[j] == ':')) tag->name.push_back(Lower(s[j++]));
  // To its '>', past quoted attribute values ("a>b" inside quotes is no end),
  // within 8 KB: an unclosed quote must not make every later '<' scan to the
  // end of the page (quadratic time on hostile input).
  char quote = 0;
  const size_t stop = std::min(s.size(), i + 8192);
  for (; j < stop; ++j) {
    const char c = s[j];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      tag->end = j + 1;
      return true;
    } else if (c == '<') {
      return false;  // "<p class=…<": broken markup; the '<' is text
    }
  }
  return false;
}

bool OneOf(const std::string& name, std::initializer_list<std::string_view> names) {
  for (auto n : names) {
    if (name == n) return true;
  }
  return false;
}

// Elements whose content is no text.
bool IsRawText(const std::string& name) {
  return OneOf(name, {"script", "style", "noscript", "template", "svg", "iframe", "object"});
}
// Elements that end a line, opening or closing.
bool IsBlock(const std::string& name) {
  return OneOf(name, {"p",       "div",     "br",     "li",         "ul",      "ol",    "h1",     "h2",    "h3",
                      "h4",      "h5",      "h6",     "tr",         "table",   "title", "section", "article",
                      "header",  "footer",  "nav",    "aside",      "main",    "dd",    "dt",     "dl",
                      "blockquote", "hr",   "pre",    "form",       "figure",  "figcaption", "center", "thead",
                      "tbody",   "tfoot",   "caption", "address",   "body",    "head",  "html"});
}

// The code point of the reference at s[i] == '&' and its length; false when
// none (the '&' is text).
bool ReadReference(std::string_view s, size_t i, char32_t* cp, size_t* len) {
  size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    uint32_t v = 0;
    size_t digits = 0;
    for (; j < s.size() && digits < 8; ++j, ++digits) {
      const char c = Lower(s[j]);
      if (c >= '0' && c <= '9') v = v * (hex ? 16 : 10) + static_cast<uint32_t>(c - '0');
      else if (hex && c >= 'a' && c <= 'f') v = v * 16 + static_cast<uint32_t>(c - 'a' + 10);
      else break;
    }
    if (!digits || j >= s.size() || s[j] != ';') return false;
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return false;
    *cp = v;
    *len = j + 1 - i;
    return true;
  }
  struct Named {
    std::string_view name;
    char32_t cp;
  };
  static constexpr std::array<Named, 24> kNamed{{
      {"nbsp", 0xA0},   {"amp", '&'},      {"lt", '<'},       {"gt", '>'},      {"quot", '"'},
      {"apos", '\''},   {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
      {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026}, {"middot", 0xB7}, {"times", 0xD7},
      {"yen", 0xA5},    {"copy", 0xA9},    {"reg", 0xAE},     {"emsp", 0x2003}, {"ensp", 0x2002},
      {"thinsp", 0x2009}, {"bull", 0x2022}, {"laquo", 0xAB},  {"raquo", 0xBB},
  }};
  size_t e = j;
  while (e < s.size() && e - j < 8 && IsAlnum(s[e])) ++e;
  if (e == j || e >= s.size() || s[e] != ';') return false;
  const std::string_view name = s.substr(j, e - j);
  for (const auto& n : kNamed) {
    if (n.name == name) {
      *cp = n.cp;
      *len = e + 1 - i;
      return true;
    }
  }
  return false;
}

}  // namespace

bool LooksLikeHtml(std::string_view s) {
  size_t i = 0;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < s.size() && IsSpace(s[i])) ++i;
  if (i >= s.size() || s[i] != '<') return false;
  const std::string_view head = s.substr(0, 4096);
  for (std::string_view w : {"<!doctype", "<html", "<head", "<body", "<p>", "<p ", "<div", "<br", "<table"}) {
    if (FindCi(head, 0, w) != std::string_view::npos) return true;
  }
  return false;
}

DecodedText StripHtml(const DecodedText& in) {
  const std::string_view s = in.utf8;
  DecodedText out;
  out.encoding = in.encoding;
  out.utf8.reserve(s.size());
  out.orig.reserve(s.size() + 1);
  auto emit_run = [&](size_t b, size_t e) {
    out.utf8.append(s.substr(b, e - b));
    out.orig.insert(out.orig.end(), in.orig.begin() + static_cast<std::ptrdiff_t>(b),
                    in.orig.begin() + static_cast<std::ptrdiff_t>(e));
  };
  auto at_line_start = [&] { return out.utf8.empty() || out.utf8.back() == '\n'; };
  auto emit_char = [&](char c, size_t at) {
    if (c == '\n' && !out.utf8.empty() && out.utf8.back() == ' ') {  // no space before a line end
      out.utf8.pop_back();
      out.orig.pop_back();
    }
    out.utf8.push_back(c);
    out.orig.push_back(in.orig[at]);
  };
  Tag tag;
  for (size_t i = 0; i < s.size();) {
    // Plain bytes up to the next markup, reference or white space.
    size_t j = i;
    while (j < s.size() && s[j] != '<' && s[j] != '&' && !IsSpace(s[j])) ++j;
    if (j > i) {
      emit_run(i, j);
      i = j;
      continue;
    }
    const char c = s[i];
    if (IsSpace(c)) {
      size_t e = i;
      while (e < s.size() && IsSpace(s[e])) ++e;
      if (!at_line_start()) emit_char(' ', i);
      i = e;
      continue;
    }
    if (c == '&') {
      char32_t cp = 0;
      size_t len = 0;
      if (!ReadReference(s, i, &cp, &len)) {
        emit_run(i, i + 1);
        ++i;
        continue;
      }
      const size_t before = out.utf8.size();
      AppendCp(out.utf8, cp);
      const uint32_t at = in.orig[i];
      PushOrig(out.orig, out.utf8.size() - before, at, in.orig[i + len - 1] - at + 1);
      i += len;
      continue;
    }
    // c == '<'
    if (StartsWithCi(s, i, "<!--")) {
      const size_t e = s.find("-->", i + 4);
      i = e == std::string_view::npos ? s.size() : e + 3;
      continue;
    }
    if (!ReadTag(s, i, &tag)) {
      emit_run(i, i + 1);
      ++i;
      continue;
    }
    const size_t at = i;
    i = tag.end;
    if (!tag.closing && IsRawText(tag.name) && s[tag.end - 2] != '/') {
      // Skip to its closing tag (or the end of the page).
      const size_t close = FindCi(s, i, "</" + tag.name);
      if (close == std::string_view::npos) {
        i = s.size();
      } else {
        const size_t gt = s.find('>', close);
        i = gt == std::string_view::npos ? s.size() : gt + 1;
      }
      continue;
    }
    if (IsBlock(tag.name)) {
      emit_char('\n', at);
    } else if ((tag.name == "td" || tag.name == "th") && !tag.closing && !at_line_start()) {
      emit_char(' ', at);
    }
  }
  out.orig.push_back(in.orig.empty() ? 0 : in.orig.back());
  return out;
}

}  // namespace pkg::ingest
