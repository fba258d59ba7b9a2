// Quoted slogans with no head word (抓“两个转型”, “算力券”), typed by the
// verb before them or by their own last word; a quoted name ending in a
// measure's head word (“再工业化资助计划”). See recognize_items.h; tested
// through FindItems in tests/ingest/recognize_test.cc.
#include <algorithm>

#include "ingest/recognize_items.h"

namespace pkg::ingest::items {

using namespace std::string_view_literals;
namespace {

bool IsMeasureType(std::string_view t) {
  return t == "Initiative" || t == "Fund" || t == "Platform" || t == "Pilot" || t == "Policy";
}

}  // namespace

// Quoted slogans with no head word, typed by the verb before them:
// 抓“两个转型” → Initiative.
void Slogans(const DocContext& ctx, int sentence, Span sp, std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  const KindWords verbs = ctx.Words(RuleKind::slogan_type);
  const KindWords heads = ctx.Words(RuleKind::head);
  // The opening quotes that start before sp.end (one may run past it by two bytes).
  const std::string_view opens = s.substr(0, std::min(s.size(), size_t{sp.end} + 2));
  for (uint32_t p = sp.begin; p < sp.end; p = NextChar(s, p)) {
    // Only an opening quote starts anything: jump to the next.
    if (const size_t o = opens.find("“"sv, p); o == std::string_view::npos || o >= sp.end) break;
    else p = static_cast<uint32_t>(o);
    // The closing quote within the clause (a search of the whole text from every opening
    // quote would make a text of unbalanced quotes quadratic).
    size_t q = s.substr(0, size_t{sp.end} + 3).find("”", p);
    if (q == std::string_view::npos) return;
    uint32_t qe = static_cast<uint32_t>(q + 3);
    size_t len = 0;
    std::string inner = CleanName(s.substr(p + 3, q - p - 3));
    // "“链主+配套”协同提升计划": the quote modifies a name that a head word
    // ends a few characters on; ItemsInClause reads that name.
    bool modifies = false;
    for (uint32_t k = qe; k < sp.end && k - qe <= 24 && !modifies;) {
      size_t j = k;
      if (!IsHan(NextCp(s, j))) break;
      size_t hl = 0, tail = 0;
      if (heads.PrefixAt(s, k, &hl)) {
        uint32_t he = static_cast<uint32_t>(k + hl);
        modifies = he >= sp.end || s[he] == ',' || s[he] == ';' || s[he] == ':' || At(s, he, "。") ||
                   NameBoundary(ctx, he, sp.end, &tail);
      }
      k = static_cast<uint32_t>(j);
    }
    // The slogan's last word may say what it is, whatever the verb: “数转贷” a
    // loan product (Fund), “算力券” a voucher, “链长制” a system (Policy); a head
    // word right after it then starts another phrase (“数转贷”专项信贷产品).
    size_t tl = 0;
    const Rule* r = ctx.Words(RuleKind::slogan_tail).SuffixAt(s, q, &tl);
    // “再工业化资助计划”, “创科产业引导基金”: a quoted name that ends in a measure's head
    // word is that measure, whatever verb (or none) comes before it.
    // (Such a name modifies what follows only when a noun runs straight on: "“甬江人才工程”数字经济
    // 专项", not "透过“X计划”继续支援制造商"; a count makes a slogan: “五个中心”.)
    bool headed = false;
    if (size_t hl = 0, vl = 0; !r) {
      const Rule* h = heads.SuffixAt(s, q, &hl);
      size_t k = p + 3;
      const char32_t first = NextCp(s, k);
      const bool counted = IsAsciiDigit(first) || std::u32string_view(U"一二三四五六七八九十两百千").find(first) != std::u32string_view::npos;
      // (Nor a head that also ends goals, 中心 of “国际创新科技中心”: ambiguous in quotes; a longer
      // measure head is not, 超算中心 of “人工智能超算中心”.)
      size_t gl = 0;
      const bool goalish = ctx.Words(RuleKind::goal_head).SuffixAt(s, q, &gl) != nullptr && (!h || gl >= hl);
      if (h && !counted && !goalish && q >= p + 3 + hl + 6 && (IsMeasureType(h->arg) || h->arg == "Industry"sv)) {
        r = h;
        headed = qe >= sp.end || !IsHan(NextCp(s, k = qe)) || ctx.Words(RuleKind::trigger).PrefixAt(s, qe, &vl) ||
                 ctx.Words(RuleKind::strip).PrefixAt(s, qe, &vl);
      }
    }
    // "实施“制造强市”战略": a strategy, so the slogan is a goal; "深化“亩均论英雄”改革": a reform,
    // a policy named with its word. A word right after the quote that says what the slogan is
    // (slogan_type rules with ids slogan_after.*) decides before the verb.
    size_t after = 0;
    if (!r) {
      const Rule* a = verbs.PrefixAt(s, qe, &after);
      if (a && a->id.rfind("slogan_after.", 0) == 0) {
        r = a;
      } else {
        after = 0;
      }
    }
    // "采取“母基金+子基金”方式运作": a quoted pattern of operation names no item.
    const bool manner = At(s, qe, "方式"sv) || At(s, qe, "形式"sv);
    if (WordChars(inner) < 2 || WordChars(inner) > 12 || (modifies && !headed) || (!r && heads.PrefixAt(s, qe, &len)) ||
        ctx.LexiconAt(p) || manner) {
      p = static_cast<uint32_t>(q);
      continue;
    }
    for (uint32_t b = p; !r && b > sp.begin && p - b <= 12;) {
      b = static_cast<uint32_t>(PrevCpStart(s, b));
      if ((r = verbs.PrefixAt(s, b, &len)) && b + len == p && r->id.rfind("slogan_after.", 0) != 0) break;
      r = nullptr;
    }
    if (r) {
      Mention m;
      m.span = {p, qe};
      m.type = r->arg;
      m.name = inner;
      m.aliases.push_back(std::string(s.substr(p, qe - p)));
      if (after) {
        m.aliases.push_back(std::string(s.substr(p, qe + after - p)));
        if (r->id == "slogan_after.named") {
          m.span.end = static_cast<uint32_t>(qe + after);
          m.name = inner + std::string(s.substr(qe, after));
        }
      }
      m.rule = r->id;
      m.sentence = sentence;
      out.push_back(std::move(m));
    }
    p = static_cast<uint32_t>(q);
  }
}

}  // namespace pkg::ingest::items
