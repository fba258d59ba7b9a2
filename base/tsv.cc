// TSV rows; see tsv.h.
#include "base/tsv.h"

namespace pkg {

Status ForEachTsvRow(std::string_view text,
                     const std::function<Status(size_t line_no, std::string_view line,
                                                std::vector<std::string>& fields)>& fn) {
  size_t line_no = 0;
  std::vector<std::string> f;
  for (size_t b = 0; b <= text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(b, e - b);
    b = e + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    f.clear();
    for (size_t p = 0;;) {
      size_t t = line.find('\t', p);
      f.emplace_back(line.substr(p, t == std::string_view::npos ? std::string_view::npos : t - p));
      if (t == std::string_view::npos) break;
      p = t + 1;
    }
    if (Status s = fn(line_no, line, f); !s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace pkg
