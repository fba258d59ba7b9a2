// Document metadata stage; see doc_metadata.h. This file decides which lines
// are the title, the labelled fields, the reprint source and the signature;
// doc_fields.cc parses the dates, 文号 and publisher lists inside them.
#include "ingest/doc_metadata.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "ingest/utf8.h"

namespace pkg::ingest {
namespace {

// `s` without its leading and trailing spaces.
std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ')) s.remove_suffix(1);
  return s;
}
std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

bool EndsWithAny(std::string_view s, const WordSet& words) {
  size_t len = 0;
  return words.SuffixAt(s, s.size(), &len) != nullptr;
}

// What WordSet::Find(text, 0) gives for the words of `rules` (leftmost, then
// longest; a word's first rule), in one pass over the whole document
// (FindFirstOf in utf8.h): a scan of every position by the word set would cost
// several times more (docs/ingest.md, Speed).
size_t FindEarliest(std::string_view text, const std::vector<const Rule*>& rules, size_t* len, const Rule** rule) {
  // The words with their rules, in a buffer kept per thread (a call per document).
  thread_local std::vector<std::string_view> words;
  thread_local std::vector<const Rule*> of;
  words.clear();
  of.clear();
  for (const Rule* r : rules) {
    for (const auto& w : r->words) {
      words.push_back(w);
      of.push_back(r);
    }
  }
  size_t which = 0;
  const size_t at = FindFirstOf(text, words.data(), words.size(), &which);
  if (at != std::string_view::npos) {
    *len = words[which].size();
    *rule = of[which];
  }
  return at;
}

// An announcement's head near the top ("温州市人民代表大会常务委员会公告" or
// "上海市人民政府令", then a line "第35号"): its announcer publishes the text,
// and the signer and date lines that close the announcement are the
// document's signature and date, where none was read otherwise. Regulations
// and government rules are published this way, their own title above.
void ReadAnnouncement(std::string_view text, DocMetadata* md) {
  const size_t limit = std::min<size_t>(text.size(), 4096);
  std::vector<Span> lines;  // non-empty lines, trimmed
  for (size_t b = 0; b < limit && lines.size() < 40;) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    size_t lb = b, le = e;
    while (lb < le && (text[lb] == ' ' || text[lb] == '\r' || text[lb] == '\t')) ++lb;
    while (le > lb && (text[le - 1] == ' ' || text[le - 1] == '\r' || text[le - 1] == '\t')) --le;
    if (le > lb) lines.push_back({static_cast<uint32_t>(lb), static_cast<uint32_t>(le)});
    b = e + 1;
  }
  auto line = [&](size_t i) { return text.substr(lines[i].begin, lines[i].end - lines[i].begin); };
  auto plain = [](std::string_view s) {  // no sentence punctuation or spaces: a name line
    for (std::string_view p : {"。", ",", ":", " ", "、", "“", "《"}) {
      if (s.find(p) != std::string_view::npos) return false;
    }
    return true;
  };
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string_view t = line(i), num = line(i + 1);
    size_t cut = 0;
    if (t.size() > 6 && t.substr(t.size() - 6) == "公告") {
      cut = 6;
    } else if (t.size() > 3 && t.substr(t.size() - 3) == "令") {
      cut = 3;
    }
    if (!cut || t.find("关于") != std::string_view::npos) continue;
    std::string_view who = t.substr(0, t.size() - cut);
    if (CpCount(who) < 4 || CpCount(who) > 40 || !plain(who)) continue;
    if (num.size() > 2 && num.front() == '(' && num.back() == ')') num = num.substr(1, num.size() - 2);
    if (num.substr(0, 3) != "第" || num.size() < 7 || num.substr(num.size() - 3) != "号" || CpCount(num) > 12) continue;
    if (md->publisher.empty()) md->publisher = std::string(who);
    // The closing date within the next lines, the signer right above it.
    for (size_t k = i + 2; k < lines.size() && k < i + 10; ++k) {
      std::string_view d = line(k);
      size_t l = 0;
      std::string date = ParseDateAt(d, 0, &l);
      if (date.empty() || l + 2 < d.size()) continue;
      if (md->date.empty()) md->date = date;
      if (md->signature.end <= md->signature.begin && k > i + 2 && CpCount(line(k - 1)) <= 60 && plain(line(k - 1))) {
        md->signature = lines[k - 1];
      }
      break;
    }
    return;
  }
}

// Longer head lines are body text that carries labels (see ReadMetadata).
constexpr size_t kMaxHeadLineBytes = 2048;

}  // namespace

DocMetadata ReadMetadata(std::string_view text, const RuleSet& rules) {
  DocMetadata md;
  const WordSet& labels = rules.Words(RuleKind::meta_label);
  const WordSet& heads = rules.Words(RuleKind::doc_head);
  // Lines of the head (the first 12 non-empty lines).
  std::vector<Span> lines;
  for (size_t b = 0; b < text.size() && lines.size() < 12;) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    if (!TrimView(text.substr(b, e - b)).empty()) lines.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    b = e + 1;
  }
  int title_line = -1, last_meta = -1;
  for (int li = 0; li < static_cast<int>(lines.size()); ++li) {
    std::string_view line = text.substr(lines[li].begin, lines[li].end - lines[li].begin);
    // A line longer than any head line (a page flattened onto one line: 来源:X 日期:Y and
    // then the whole article) gives its fields but stays body. As a head line it would
    // leave the document no body, and every mention outside any sentence.
    const bool head_sized = line.size() <= kMaxHeadLineBytes;
    bool meta = false;
    // A WeChat byline, "原创 西海岸发布 西海岸发布 2026年05月20日 08:02 山东" (a label of arg
    // "byline" and a space): the account names, the date and the poster's province; no title.
    if (size_t bl = 0; head_sized && li < 4) {
      const Rule* r = labels.PrefixAt(line, 0, &bl);
      if (r && r->arg == "byline" && bl < line.size() && line[bl] == ' ') {
        for (size_t p = bl; p < line.size(); ++p) {
          if (line[p] < '0' || line[p] > '9' || (p > 0 && line[p - 1] >= '0' && line[p - 1] <= '9')) continue;
          size_t l = 0;
          std::string d = ParseDateAt(line, p, &l);
          if (d.size() == 10) {
            if (md.date.empty()) md.date = d;
            break;
          }
        }
        md.meta_lines.push_back(lines[li]);
        md.byline = true;
        last_meta = li;
        continue;
      }
    }
    // Labelled fields: "来源:X 日期:Y".
    for (size_t p = 0; p < line.size();) {
      if (p != 0 && line[p - 1] != ' ') {  // a label starts the line or follows a space
        const size_t space = line.find(' ', p);
        if (space == std::string_view::npos) break;
        p = space + 1;
        continue;
      }
      size_t len = 0;
      const Rule* r = labels.PrefixAt(line, p, &len);
      if (r && p + len < line.size() && line[p + len] == ':' && (p == 0 || line[p - 1] == ' ')) {
        size_t vb = p + len + 1;
        size_t ve = line.find(' ', vb);
        if (ve == std::string_view::npos) ve = line.size();
        std::string value = Trim(line.substr(vb, ve - vb));
        if (r->arg == "publisher" && md.publisher.empty()) md.publisher = value;
        if (r->arg == "date" && md.date.empty()) {
          size_t l = 0;
          md.date = ParseDateAt(line, vb, &l);
        }
        // 字号:[大 中 小] is the font-size widget, not a 文号: a number ends in 号.
        if (r->arg == "doc_number" && md.doc_number.empty() && value.find("号") != std::string::npos) {
          md.doc_number = value;
        }
        if (r->arg == "title" && md.title.empty() && head_sized) {
          md.title = Trim(line.substr(vb));
          md.title_span = {static_cast<uint32_t>(lines[li].begin + vb), lines[li].end};
          title_line = li;
        }
        meta = true;
        p = ve;
        continue;
      }
      p += CpLen(static_cast<unsigned char>(line[p]));
    }
    if (meta && head_sized) {
      md.meta_lines.push_back(lines[li]);
      last_meta = li;
    }
  }
  // A post or news page may name its source under the text ("来源:区工业和信息化局" above
  // 编辑: and the share widgets): read the last lines for it when the head named none.
  if (md.publisher.empty()) {
    size_t e = text.size();
    for (int k = 0; k < 12 && e > 0; ++k) {
      const size_t nl = e > 0 ? text.rfind('\n', e - 1) : std::string_view::npos;
      const size_t b = nl == std::string_view::npos ? 0 : nl + 1;
      const std::string_view line = text.substr(b, e - b);
      size_t len = 0;
      const Rule* r = line.size() <= 120 ? labels.PrefixAt(line, 0, &len) : nullptr;
      if (r && r->arg == "publisher" && len < line.size() && line[len] == ':') {
        const size_t ve = line.find(' ', len + 1);
        md.publisher = Trim(line.substr(len + 1, ve == std::string_view::npos ? std::string_view::npos : ve - len - 1));
        break;
      }
      if (nl == std::string_view::npos) break;
      e = nl;
    }
  }
  // Title: a labelled one, else the first title-like line, preferring one that
  // ends in a document head word among the first lines.
  auto title_like = [&](std::string_view l) {
    size_t cps = CpCount(l);
    return cps >= 4 && cps <= 90 && l.find("。") == std::string_view::npos && l.find(':') != 0;
  };
  if (title_line < 0) {
    for (int li = 0; li < static_cast<int>(lines.size()) && li < 6; ++li) {
      std::string_view l = text.substr(lines[li].begin, lines[li].end - lines[li].begin);
      std::string_view t = TrimView(l);
      if (title_like(t) && EndsWithAny(t, heads) && t.find("关于") != std::string::npos) { title_line = li; break; }
    }
  }
  // A line that is only a body's name (a portal's banner, 盐城经济技术开发区管理委员会, or an
  // issuer line above the title) is no title when a title-like line follows.
  auto body_name = [&](std::string_view l) {
    static const char* const kBodies[] = {"委员会", "管委会", "人民政府", "办公厅", "办公室", "局", "厅"};
    if (l.find("关于") != std::string_view::npos || CpCount(l) > 24 || l.find(' ') != std::string_view::npos) return false;
    for (const char* b : kBodies) {
      std::string_view w(b);
      if (l.size() > w.size() && l.substr(l.size() - w.size()) == w) return true;
    }
    return false;
  };
  if (title_line < 0) {
    int banner = -1;
    for (int li = 0; li < static_cast<int>(lines.size()) && li < 6; ++li) {
      bool is_meta = false;
      for (const auto& m : md.meta_lines) is_meta |= m.begin == lines[li].begin;
      std::string_view l = text.substr(lines[li].begin, lines[li].end - lines[li].begin);
      if (is_meta || !title_like(TrimView(l))) continue;
      if (banner < 0 && body_name(TrimView(l))) {
        banner = li;
        continue;
      }
      title_line = li;
      break;
    }
    if (title_line < 0) title_line = banner;
  }
  if (title_line >= 0 && md.title.empty()) {
    std::string_view l = text.substr(lines[title_line].begin, lines[title_line].end - lines[title_line].begin);
    md.title = Trim(l);
    size_t lead = l.find_first_not_of(' ');
    md.title_span = {static_cast<uint32_t>(lines[title_line].begin + (lead == std::string_view::npos ? 0 : lead)),
                     lines[title_line].end};
    md.meta_lines.push_back(lines[title_line]);
  }
  size_t colon = md.title.find(':');
  if (colon != std::string::npos && colon > 0 && CpCount(md.title.substr(0, colon)) <= 24) {
    md.issuer_text = md.title.substr(0, colon);
    md.title_short = Trim(md.title.substr(colon + 1));
  }
  // Body starts after the last head line consumed.
  int last = std::max(title_line, last_meta);
  md.body_begin = last >= 0 ? std::min<uint32_t>(lines[last].end + 1, static_cast<uint32_t>(text.size())) : 0;
  // A 文号 in the head lines.
  if (md.doc_number.empty()) {
    size_t head_end = lines.empty() ? 0 : lines[std::min<size_t>(lines.size() - 1, 7)].end;
    // Only a 文号 on a line of its own (a date or label beside it at most),
    // not one cited in a sentence.
    for (size_t from = 0;;) {
      auto dn = FindDocNumber(text.substr(0, head_end), from);
      if (dn.first == std::string_view::npos) break;
      from = dn.second;
      size_t ls = text.rfind('\n', dn.first);
      ls = ls == std::string_view::npos ? 0 : ls + 1;
      size_t le = text.find('\n', dn.first);
      if (le == std::string_view::npos) le = text.size();
      std::string rest = std::string(text.substr(ls, dn.first - ls)) + std::string(text.substr(dn.second, le - dn.second));
      if (CpCount(rest) > 12 || rest.find("。") != std::string::npos || rest.find(',') != std::string::npos ||
          rest.find("，") != std::string::npos) {
        continue;
      }
      md.doc_number = std::string(text.substr(dn.first, dn.second - dn.first));
      break;
    }
  }
  // Reprint source anywhere: "(转载自:X)" / "转载自:X".
  size_t rlen = 0;
  const Rule* rr = nullptr;
  size_t rp = FindEarliest(text, rules.OfKind(RuleKindName(RuleKind::reprint)), &rlen, &rr);
  if (rp != std::string_view::npos) {
    size_t vb = rp + rlen;
    if (vb < text.size() && text[vb] == ':') ++vb;
    size_t ve = vb;
    while (ve < text.size() && text[ve] != ')' && text[ve] != '\n' && text.substr(ve, 3) != "。") ve += CpLen(static_cast<unsigned char>(text[ve]));
    md.reprinted_from = Trim(text.substr(vb, ve - vb));
    size_t ls = text.rfind('\n', rp);
    ls = ls == std::string_view::npos ? 0 : ls + 1;
    size_t le = text.find('\n', rp);
    if (le == std::string_view::npos) le = text.size();
    if (CpCount(text.substr(ls, le - ls)) <= 60) md.meta_lines.push_back({static_cast<uint32_t>(ls), static_cast<uint32_t>(le)});
  }
  // Signature: a line near the end that is only a date, and above it the
  // signer line (short, no sentence punctuation) when there is one.
  {
    size_t e = text.size();
    for (int k = 0; k < 6 && e > 0; ++k) {
      size_t b = text.rfind('\n', e - 1);
      b = b == std::string_view::npos ? 0 : b + 1;
      std::string_view t = TrimView(text.substr(b, e - b));
      size_t l = 0;
      std::string d = ParseDateAt(t, 0, &l);
      if (!d.empty() && l + 2 >= t.size()) {
        if (md.date.empty()) md.date = d;
        size_t se = b;  // the signer: the last non-empty line above
        while (se > 0 && (text[se - 1] == '\n' || text[se - 1] == ' ')) --se;
        size_t sb = se > 0 ? text.rfind('\n', se - 1) : std::string_view::npos;
        sb = sb == std::string_view::npos ? 0 : sb + 1;
        std::string_view signer = text.substr(sb, se - sb);
        bool prose = signer.find("。") != std::string_view::npos || signer.find(',') != std::string_view::npos ||
                     signer.find(':') != std::string_view::npos;
        if (se > sb && !prose && CpCount(signer) <= 60 && sb >= md.body_begin) {
          md.signature = {static_cast<uint32_t>(sb), static_cast<uint32_t>(se)};
        }
        break;
      }
      if (b == 0) break;
      e = b - 1;
    }
  }
  if (md.publisher.empty() || md.date.empty() || md.signature.end <= md.signature.begin) ReadAnnouncement(text, &md);
  if (md.date.size() >= 4) md.year = std::stoi(md.date.substr(0, 4));
  return md;
}

}  // namespace pkg::ingest