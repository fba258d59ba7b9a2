// Task tables; see relate.h.
#include <algorithm>
#include <cstring>
#include <string_view>
#include <vector>

#include "ingest/relate.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Agency"sv: type compares of known length, inlined
namespace {

// The cells of a table row: text between '|' separators, or (when `bar` is
// false, a table whose tabs became spaces) between runs of spaces. Cells are
// trimmed; empty cells are kept only between bars. Into `cells` (cleared first;
// one buffer for every line). The separators are found by memchr: most lines hold
// none or few.
void RowCells(std::string_view s, uint32_t b, uint32_t e, bool bar, std::vector<Span>& cells) {
  cells.clear();
  uint32_t cb = b;
  auto push = [&](uint32_t x, uint32_t y) {
    while (x < y && s[x] == ' ') ++x;
    while (y > x && s[y - 1] == ' ') --y;
    if (x < y || bar) cells.push_back({x, y});
  };
  const char sep = bar ? '|' : ' ';
  for (uint32_t p = b; p < e; ++p) {
    const void* hit = std::memchr(s.data() + p, sep, e - p);
    if (!hit) break;
    p = static_cast<uint32_t>(static_cast<const char*>(hit) - s.data());
    push(cb, p);
    if (!bar) while (p + 1 < e && s[p + 1] == ' ') ++p;
    cb = p + 1;
  }
  push(cb, e);
}

}  // namespace

// Task tables: a header row whose cells include a responsibility label
// (责任单位, 牵头单位, 配合单位) and the rows below it with as many cells. The
// agencies of a labelled column are RESPONSIBLE for the measures named in the
// other cells of their row (the table form of "(责任单位:X、Y)").
void RelateTables(const DocContext& ctx, const std::vector<Mention>& ms, std::vector<Relation>& out) {
  std::string_view s = ctx.text;
  const KindWords labels = ctx.Words(RuleKind::responsible);
  auto first_at = [&](uint32_t p) {
    return static_cast<int>(std::lower_bound(ms.begin(), ms.end(), p,
                                             [](const Mention& m, uint32_t x) { return m.span.begin < x; }) -
                            ms.begin());
  };
  std::vector<bool> resp_col;
  bool bar = false;
  std::vector<Span> cells;  // the current line's, reused
  std::vector<int> agencies, measures;
  for (uint32_t ls = 0; ls < s.size();) {
    size_t le = s.find('\n', ls);
    if (le == std::string_view::npos) le = s.size();
    uint32_t b = ls, e = static_cast<uint32_t>(le);
    ls = static_cast<uint32_t>(le + 1);
    std::string_view line = s.substr(b, e - b);
    if (line.find_first_not_of(' ') == std::string_view::npos) continue;
    if (!resp_col.empty()) {
      RowCells(s, b, e, bar, cells);
      if (cells.size() != resp_col.size()) {
        resp_col.clear();  // the table ended; this line may head another one
      } else {
        int sen = ctx.st->SentenceAt(b);
        agencies.clear();
        measures.clear();
        for (size_t c = 0; c < cells.size(); ++c) {
          for (int i = first_at(cells[c].begin); i < static_cast<int>(ms.size()) && ms[i].span.begin < cells[c].end; ++i) {
            const Mention& m = ms[i];
            if (m.embedded || m.span.end > cells[c].end) continue;
            if (resp_col[c] && m.type == "Agency"sv) agencies.push_back(i);
            if (!resp_col[c] && IsMeasure(m.type) && !m.cited && !m.doc_measure) measures.push_back(i);
          }
        }
        for (int a : agencies) {
          for (int m : measures) out.push_back({"RESPONSIBLE", a, m, "responsible.table", sen});
        }
        continue;
      }
    }
    // A header row? Its labelled cell starts with a label word, at some
    // position in [b, e]: without one there, no need to split the line.
    if (labels.Skip(s, b, size_t{e} + 1) > e) continue;
    for (bool try_bar : {true, false}) {
      if (try_bar && line.find('|') == std::string_view::npos) continue;
      RowCells(s, b, e, try_bar, cells);
      if (cells.size() < 3) continue;
      std::vector<bool> cols(cells.size(), false);
      bool any = false;
      for (size_t c = 0; c < cells.size(); ++c) {
        size_t len = 0;
        if (labels.PrefixAt(s, cells[c].begin, &len) && cells[c].end - cells[c].begin <= len + 3) cols[c] = any = true;
      }
      if (any) {
        resp_col = cols;
        bar = try_bar;
        break;
      }
    }
  }
}

}  // namespace pkg::ingest
