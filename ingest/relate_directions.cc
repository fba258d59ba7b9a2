// Support directions of a fund named before them (relate stage).
//
// Fund texts list what the money is for as enumerated items under a heading
// that names no fund: a section "一、支持方向" (or 支持内容, 支持重点 …) of a
// call for applications whose fund is named only in the preamble, or a
// sentence "是次注资将主要用于以下三方面:" followed by (一)(二)(三). The fund
// named last before that heading FUNDS the measures of each direction: those
// of the item's heading, else those of the first sentence of its body that
// names any. A heading that names its fund itself ("专项资金重点支持以下方向:")
// is read by RelateStructure (funds_verb.items), not here.
//
// What it does not do: find the measures (recognize*.cc) or guess a fund that
// the text never names before the list.
//
// Tested in tests/ingest/extractor_test.cc ("Demonstration zones, …").
#include <string_view>
#include <vector>

#include "ingest/relate.h"
#include "ingest/rule_kinds.h"
#include "ingest/structure.h"

namespace pkg::ingest {

using namespace std::string_view_literals;

namespace {

bool Candidate(const Mention& m) {
  return IsMeasure(m.type) && !m.embedded && !m.cited && !m.doc_measure && !m.heading_goal;
}

std::string_view Trimmed(std::string_view t) {
  while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\r')) t.remove_suffix(1);
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  return t;
}

}  // namespace

void RelateDirections(const DocContext& ctx, const std::vector<Mention>& ms, const BySentence& by_sentence,
                      std::vector<Relation>& out) {
  const std::string_view s = ctx.text;
  const Structure& st = *ctx.st;
  const int n_items = static_cast<int>(st.items.size());
  if (n_items == 0) return;
  auto in_sentence = [&](int sentence) -> BySentence::Ids {
    return sentence >= 0 && sentence < static_cast<int>(by_sentence.size()) ? by_sentence[sentence] : by_sentence.back();
  };
  const KindWords invest = ctx.Words(RuleKind::funds_verb);
  const KindWords sections = ctx.Words(RuleKind::section_name);
  // The fund named last before offset p (mentions are sorted by their start; funds are few).
  std::vector<int> funds;
  for (int i = 0; i < static_cast<int>(ms.size()); ++i) {
    if (ms[i].type == "Fund"sv && !ms[i].embedded && !ms[i].cited) funds.push_back(i);
  }
  if (funds.empty()) return;
  auto fund_before = [&](uint32_t p) {
    int fund = -1;
    for (int i : funds) {
      if (ms[i].span.end > p) break;
      fund = i;
    }
    return fund;
  };
  // A heading names its own fund: RelateStructure reads it.
  auto names_fund = [&](int sentence) {
    for (int j : in_sentence(sentence)) {
      if (ms[j].type == "Fund"sv && !ms[j].embedded) return true;
    }
    return false;
  };
  auto fund_directions = [&](int fund, int first, int parent, int level) {
    for (int child = first; child < n_items; ++child) {
      const Item& it = st.items[child];
      if (it.level < level && child != first) break;  // the list is over
      if (it.parent != parent || it.level != level || it.heading_sentence < 0) continue;
      // The heading's measures, else those of the first body sentence naming any.
      bool found = false;
      for (int sen = it.heading_sentence; sen < static_cast<int>(st.sentences.size()) && !found; ++sen) {
        const Sentence& x = st.sentences[sen];
        if (x.span.begin >= it.span.end || (sen > it.heading_sentence && x.item != child)) break;
        for (int j : in_sentence(sen)) {
          if (!Candidate(ms[j]) || ms[j].key == ms[fund].key) continue;
          out.push_back({"FUNDS", fund, j, "funds_verb.directions", sen});
          found = true;
        }
      }
    }
  };
  // "一、支持方向": an item whose whole heading is a section name holding a
  // funds verb; its sub-items are the directions.
  for (int item = 0; item < n_items; ++item) {
    const Item& it = st.items[item];
    if (it.heading_sentence < 0 || item + 1 >= n_items || st.items[item + 1].parent != item) continue;
    const Span& hsp = st.sentences[it.heading_sentence].span;
    if (hsp.end <= it.body) continue;
    std::string_view head = Trimmed(s.substr(it.body, hsp.end - it.body));
    if (!head.empty() && head.back() == ':') head.remove_suffix(1);
    size_t len = 0;
    if (head.empty() || !sections.PrefixAt(head, 0, &len) || len != head.size() || invest.Find(head, 0) == std::string_view::npos) continue;
    const int fund = fund_before(it.span.begin);
    if (fund < 0) continue;
    fund_directions(fund, item + 1, item, st.items[item + 1].level);
  }
  // "是次注资将主要用于以下三方面:": a sentence that is no item's heading, ends
  // in a colon, says 以下 after a funds verb and names no fund; the items right
  // after it are the directions.
  int next_item = 0;
  for (const Sentence& sen : st.sentences) {
    if (sen.heading) continue;
    std::string_view t = Trimmed(s.substr(sen.span.begin, sen.span.end - sen.span.begin));
    if (t.empty() || t.back() != ':') continue;
    const size_t v = invest.Find(t, 0);
    if (v == std::string_view::npos || t.find("以下", v) == std::string_view::npos || names_fund(sen.index)) continue;
    while (next_item < n_items && st.items[next_item].span.begin < sen.span.end) ++next_item;
    if (next_item >= n_items) break;
    const Item& first = st.items[next_item];
    if (Trimmed(s.substr(sen.span.end, first.span.begin - sen.span.end)).size() > 3) continue;  // not right after
    const int fund = fund_before(sen.span.begin);
    if (fund < 0) continue;
    fund_directions(fund, next_item, first.parent, first.level);
  }
}

}  // namespace pkg::ingest
