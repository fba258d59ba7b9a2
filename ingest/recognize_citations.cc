// Citations, the document's own measure, and landmark achievements; see
// recognize.h.
//   《X》 (optionally followed by its 文号 in brackets) is a cited document,
//   typed by its head word (data/rules/metadata.tsv doc_head: 方案 →
//   Initiative, 办法/意见/通知 → Policy; laws and others → Policy).
//   A title ending in a head word makes the document's own measure
//   (ontology convention 3): the 《X》 it issues ("关于印发《X》的通知"), else
//   the title without its issuing agency.
//   A 文号 standing alone (国发〔2025〕11号文件) is a cited Policy of that number.
//   Achievements: "<name> 首飞/下水/交付…" where the name ends in a product
//   word (舰, 星座, 燃气轮机: kind achievement_head), is quoted, or mixes
//   Latin letters and digits (C919).
#include <algorithm>
#include <cstring>

#include "ingest/doc_metadata.h"
#include "ingest/np_scan.h"
#include "ingest/recognize.h"
#include "ingest/recognize_cursor.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

StableName TypeOfTitle(const DocContext& ctx, std::string_view title, const Rule** rule) {
  size_t len = 0;
  std::string_view t = title;
  // "(试行)", "(2025—2027年)" after the head word.
  while (!t.empty() && t.back() == ')') {
    size_t open = t.rfind('(');
    if (open == std::string_view::npos) break;
    t = t.substr(0, open);
  }
  const Rule* r = ctx.Words(RuleKind::doc_head).SuffixAt(t, t.size(), &len);
  if (rule) *rule = r;
  if (r) return r->arg;
  return "";
}

}  // namespace

void FindCitations(const DocContext& ctx, std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  const DocMetadata& md = *ctx.md;
  std::string instituted;
  // Short titles: "《X》(以下简称《Y》)" makes a later 《Y》 a citation of X.
  std::vector<std::pair<std::string, size_t>> short_titles;  // Y, index of X's mention in out
  const size_t first_citation = out.size();
  // 《…》 anywhere (title included).
  for (size_t p = s.find("《"); p != std::string_view::npos; p = s.find("《", p + 3)) {
    // A title is at most 300 bytes and on one line: look no further (a search of the whole
    // text from every 《 would make unbalanced brackets or one long line quadratic).
    const std::string_view reach = s.substr(p, 303);
    size_t q = reach.find("》");
    if (q == std::string_view::npos || reach.substr(0, q).find('\n') != std::string_view::npos) continue;
    q += p;
    std::string full = CleanName(s.substr(p + 3, q - p - 3));
    std::string name = full;
    while (!name.empty() && name.back() == ')') {
      size_t open = name.rfind('(');
      if (open == std::string::npos || open == 0) break;
      name.resize(open);
    }
    bool short_title = false;
    for (const auto& [y, x] : short_titles) {
      if (y != name) continue;
      Mention m = out[x];
      m.span = {static_cast<uint32_t>(p), static_cast<uint32_t>(q + 3)};
      m.rule = "cite.short_title";
      m.sentence = ctx.st->SentenceAt(static_cast<uint32_t>(p));
      out.push_back(std::move(m));
      short_title = true;
      break;
    }
    if (short_title || WordChars(name) < 4) continue;
    const Rule* r = nullptr;
    StableName type = TypeOfTitle(ctx, name, &r);
    Mention m;
    m.span = {static_cast<uint32_t>(p), static_cast<uint32_t>(q + 3)};
    m.type = type.empty() ? "Policy" : type;
    m.name = name;
    m.aliases.push_back(std::string(s.substr(p, q + 3 - p)));
    if (full != name) m.aliases.push_back(full);
    m.rule = r ? std::string_view(r->id) : "cite.title"sv;
    m.cited = true;
    m.sentence = ctx.st->SentenceAt(static_cast<uint32_t>(p));
    // Its 文号 right after: 《X》(国发〔2025〕11号).
    auto dn = NextDocNumber(s.substr(0, std::min(s.size(), q + 60)), q + 3);
    if (dn.first != std::string_view::npos && dn.first <= q + 6) {
      SetProperty(m.props, "doc_number", std::string(s.substr(dn.first, dn.second - dn.first)));
    }
    // "(以下简称《Y》)" or "(以下简称“Y”)" right after, also after the 文号 in the same
    // bracket ("(京政办发〔2025〕2号,以下简称《实施方案》)"): Y is an alias, and names X from here on.
    size_t a = q + 3;
    if (dn.first == q + 4 && At(s, a, "(") && dn.second < s.size() && s[dn.second] == ',') {
      a = dn.second;  // the comma: "(以下简称" is looked for right after it
    }
    if (At(s, a, "(以下简称") || At(s, a, "(下称") || At(s, a, ",以下简称") || At(s, a, ",下称")) {
      a = s.find("称", a) + 3;
      size_t close = s.substr(0, std::min(s.size(), a + 61)).find(')', a);
      if (close != std::string_view::npos) {
        std::string y = CleanName(s.substr(a, close - a));
        if (!y.empty() && y != name) {
          m.aliases.push_back(y);
          if (At(s, a, "《")) m.aliases.push_back("《" + y + "》");
          short_titles.push_back({y, out.size()});
        }
      }
    }
    bool in_title = md.title_span.contains(static_cast<uint32_t>(p));
    if (in_title) {
      m.doc_measure = true;
      m.cited = false;
      instituted = name;
    }
    out.push_back(std::move(m));
  }
  // A short title used before the bracket that defines it (a question "《若干政策措施》出台的背景是什么?"
  // above the answer that cites the full title) names the same item.
  for (const auto& [y, x] : short_titles) {
    for (size_t i = first_citation; i < x; ++i) {
      if (!out[i].cited || out[i].name != y || out[i].rule == "cite.short_title") continue;
      const Span at = out[i].span;
      const int sentence = out[i].sentence;
      out[i] = out[x];
      out[i].span = at;
      out[i].sentence = sentence;
      out[i].rule = "cite.short_title";
    }
  }
  // A 文号 cited on its own ("为落实国发〔2025〕11号文件精神"): a Policy named by
  // its number, which the linker joins with the policy of that doc_number.
  // Not the 文号 right after a 《title》 (it belongs to the title), not the
  // document's own, and nothing on the metadata lines (blanked before this).
  for (size_t from = md.body_begin; from < s.size();) {
    auto dn = NextDocNumber(s, from);
    if (dn.first == std::string_view::npos) break;
    from = dn.second;
    std::string number(s.substr(dn.first, dn.second - dn.first));
    bool taken = number == md.doc_number;
    for (const Mention& c : out) {
      if (!c.cited && !c.doc_measure) continue;
      // Inside a 《》 or within a few bytes after one (its bracketed number).
      if ((c.span.begin <= dn.first && dn.first < c.span.end) || (dn.first >= c.span.end && dn.first <= c.span.end + 6)) taken = true;
    }
    if (taken) continue;
    Mention m;
    m.span = {static_cast<uint32_t>(dn.first), static_cast<uint32_t>(dn.second)};
    m.type = "Policy";
    m.name = number;
    SetProperty(m.props, "doc_number", number);
    m.rule = "cite.doc_number";
    m.cited = true;
    m.sentence = ctx.st->SentenceAt(static_cast<uint32_t>(dn.first));
    out.push_back(std::move(m));
  }
  // "关于印发X的通知" without 《》: the document institutes X.
  if (instituted.empty() && !md.title.empty()) {
    std::string_view t = s.substr(md.title_span.begin, md.title_span.end - md.title_span.begin);
    for (const char* verb : {"印发", "发布", "转发", "颁布"}) {
      size_t v = t.find(verb);
      size_t de = t.rfind("的");
      if (v == std::string_view::npos || de == std::string_view::npos || de <= v + 6) continue;
      uint32_t b = static_cast<uint32_t>(md.title_span.begin + v + 6), e = static_cast<uint32_t>(md.title_span.begin + de);
      const Rule* r = nullptr;
      std::string full = CleanName(s.substr(b, e - b));
      std::string name = full;
      while (!name.empty() && name.back() == ')') {
        size_t open = name.rfind('(');
        if (open == std::string::npos || open == 0) break;
        name.resize(open);
      }
      StableName type = TypeOfTitle(ctx, name, &r);
      if (type.empty() || WordChars(name) < 4) break;
      Mention m;
      m.span = {b, e};
      m.type = type;
      m.name = name;
      if (full != name) m.aliases.push_back(full);
      m.rule = r->id;
      m.doc_measure = true;
      out.push_back(std::move(m));
      instituted = name;
      break;
    }
  }
  // The document's own measure from its title's head word; not a news report's headline
  // ("天津出台生物制造行动方案"), known by a byline near the start of its body (kind news_byline)
  // or a WeChat byline above the title.
  size_t bl = 0;
  const bool news = ctx.Words(RuleKind::news_byline).Find(s.substr(0, std::min(s.size(), size_t{md.body_begin} + 600)),
                                                         md.body_begin, &bl) != std::string_view::npos ||
                    md.byline;
  if (instituted.empty() && !md.title.empty() && !news) {
    const Rule* r = nullptr;
    std::string title = md.title_short.empty() ? md.title : md.title_short;
    // "X招商引资优惠政策简介(2025年版)": a summary of X, which is the document's measure
    // (the title's span ends before the summary word).
    uint32_t title_end = md.title_span.end;
    {
      std::string base = title;  // a copy: `title` is replaced below
      while (!base.empty() && base.back() == ')' && base.rfind('(') != std::string::npos) base.resize(base.rfind('('));
      const std::string_view span_text = s.substr(md.title_span.begin, md.title_span.end - md.title_span.begin);
      for (std::string_view w : {"简介"sv, "摘要"sv}) {
        const size_t at = span_text.rfind(w);
        if (base.size() > w.size() && std::string_view(base).substr(base.size() - w.size()) == w &&
            at != std::string_view::npos) {
          title = base.substr(0, base.size() - w.size());
          title_end = static_cast<uint32_t>(md.title_span.begin + at);
          break;
        }
      }
    }
    StableName type = TypeOfTitle(ctx, title, &r);
    if (!type.empty()) {
      uint32_t b = md.title_span.begin, e = title_end;
      // Without the issuing agency ("上海市人民政府关于…" → "关于…").
      for (int guard = 0; guard < 4; ++guard) {
        const Mention* a = ctx.LexiconAt(b);
        if (!a || a->type != "Agency"sv || a->span.end >= e) break;
        b = a->span.end;
        while (b < e && s[b] == ' ') ++b;  // co-issuers apart: "农业农村部办公厅 工业和信息化部办公厅关于…"
        if (At(s, b, "、") || At(s, b, ":")) b += At(s, b, ":") ? 1 : 3;
      }
      if (At(s, b, ":")) ++b;
      Mention m;
      m.span = {b, e};
      TrimSpan(s, m.span.begin, m.span.end);
      m.type = type;
      // Without a trailing "(2025—2027年)" or "(试行)"; the full form stays an alias.
      while (m.span.end > m.span.begin && s[m.span.end - 1] == ')') {
        size_t open = s.substr(m.span.begin, m.span.end - m.span.begin).rfind('(');
        if (open == std::string_view::npos || open == 0) break;
        m.aliases.push_back(CleanName(s.substr(m.span.begin, m.span.end - m.span.begin)));
        m.span.end = static_cast<uint32_t>(m.span.begin + open);
      }
      m.name = CleanName(s.substr(m.span.begin, m.span.end - m.span.begin));
      if (At(m.name, 0, "关于")) m.aliases.push_back(m.name.substr(6));
      if (m.name != CleanName(md.title)) m.aliases.push_back(CleanName(md.title));
      m.rule = r->id;
      m.doc_measure = true;
      m.sentence = -1;
      if (WordChars(m.name) >= 4) out.push_back(std::move(m));
    }
  }
}

void FindAchievements(const DocContext& ctx, std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  const KindWords verbs = ctx.Words(RuleKind::achievement_verb);
  const KindWords heads = ctx.Words(RuleKind::achievement_head);
  WordCursor next_verb(ctx, RuleKind::achievement_verb);  // (most clauses have none)
  for (const Sentence& sen : ctx.st->sentences) {
    for (const Span& c : sen.clauses) {
      if (!next_verb.MayStartIn(c.begin, c.end)) continue;
      for (uint32_t p = c.begin; p < c.end; p += static_cast<uint32_t>(CpLen(static_cast<unsigned char>(s[p])))) {
        if ((p = static_cast<uint32_t>(verbs.Skip(s, p, c.end))) >= c.end) break;
        size_t len = 0;
        if (!verbs.PrefixAt(s, p, &len)) continue;
        uint32_t b = SkipNoise(ctx, c.begin, p, nullptr);
        uint32_t e = p;
        // Cut at 从 ("C919大飞机从首次商业运营到…").
        std::string_view sub = s.substr(b, e - b);
        size_t from = sub.find("从");
        if (from != std::string_view::npos) e = static_cast<uint32_t>(b + from);
        // A quoted name inside wins: 航天“一箭41星”首发 → 一箭41星.
        size_t qo = s.substr(b, e - b).find("“");
        size_t qc = s.substr(b, e - b).find("”");
        if (qo != std::string_view::npos && qc != std::string_view::npos && qc > qo) {
          e = static_cast<uint32_t>(b + qc + 3);
          b = static_cast<uint32_t>(b + qo);
        }
        TrimSpan(s, b, e);
        if (b >= e) break;
        std::string name = CleanName(s.substr(b, e - b));
        size_t chars = WordChars(name);
        bool latin_digit = false, digit = false, latin = false;
        for (char ch : name) {
          digit |= ch >= '0' && ch <= '9';
          latin |= (ch >= 'A' && ch <= 'Z');
        }
        latin_digit = digit && latin;
        bool quoted = s.substr(b, 3) == "“";
        if (chars < 2 || chars > 20 || !(latin_digit || quoted || heads.SuffixAt(s, e, &len))) break;
        if (ctx.LexiconAt(b)) break;  // the lexicon already has it
        Mention m;
        m.span = {b, e};
        m.type = "Achievement";
        m.name = name;
        m.rule = verbs.PrefixAt(s, p, &len)->id;
        m.sentence = sen.index;
        out.push_back(std::move(m));
        break;
      }
    }
  }
}

}  // namespace pkg::ingest
