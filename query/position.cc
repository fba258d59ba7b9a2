// Positions and caret lines for query errors (see position.h).
#include "query/position.h"

#include <algorithm>

#include "base/text.h"

namespace pkg::query {

namespace {
constexpr size_t kMaxShownWidth = 120;

// Start of the code point containing byte i.
size_t CodePointStart(std::string_view s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}
}  // namespace

std::string FormatCaret(std::string_view text, size_t offset, int* line, int* column) {
  offset = CodePointStart(text, std::min(offset, text.size()));
  size_t line_begin = 0;
  int line_no = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line_no;
      line_begin = i + 1;
    }
  }
  size_t line_end = text.find('\n', offset);
  if (line_end == std::string_view::npos) line_end = text.size();
  std::string_view before = text.substr(line_begin, offset - line_begin);
  std::string_view after = text.substr(offset, line_end - offset);
  if (!after.empty() && after.back() == '\r') after.remove_suffix(1);
  size_t col = DisplayWidth(before);
  *line = line_no;
  *column = static_cast<int>(col) + 1;
  // Keep the shown window bounded: drop whole code points from the left of
  // the fault, and cut the right side at a code point boundary.
  std::string prefix;
  while (DisplayWidth(before) > kMaxShownWidth / 2) {
    size_t cut = std::min<size_t>(before.size(), 16);
    while (cut < before.size() && (static_cast<unsigned char>(before[cut]) & 0xC0) == 0x80) ++cut;
    before.remove_prefix(cut);
    prefix = "...";
  }
  std::string_view tail = Utf8Prefix(after, kMaxShownWidth);
  std::string head = "LINE " + std::to_string(line_no) + ": ";
  std::string out = head + prefix + std::string(before) + std::string(tail);
  if (tail.size() < after.size()) out += "...";
  out += '\n';
  out += std::string(head.size() + prefix.size() + DisplayWidth(before), ' ');
  out += '^';
  return out;
}

QueryError MakeQueryError(std::string_view text, const PosError& e) {
  QueryError q;
  if (!e.positioned) {
    q.status = e.status;
    return q;
  }
  q.offset = std::min(e.offset, text.size());
  q.caret = FormatCaret(text, q.offset, &q.line, &q.column);
  q.status = Status(e.status.code(), e.status.message() + " at line " + std::to_string(q.line) +
                                          ", column " + std::to_string(q.column));
  return q;
}

}  // namespace pkg::query
