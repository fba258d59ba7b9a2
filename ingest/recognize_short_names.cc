// Short names the text gives an item; see recognize.h (FindShortNames).
//   "无锡市集成电路产业发展专项资金(以下简称专项资金)" … "负责专项资金的预算安排"
// The bracket right after a measure's or a firm's name introduces its short
// name (data/rules/items.tsv kind short_name: 以下简称, 下称, 简称); every later
// occurrence of the short name that is not part of a longer name names the
// same item. Cited titles have their own rule (recognize_citations.cc). A
// counted group's name without its count (主导产业 of 三大主导产业) names the group.
#include <algorithm>

#include "ingest/np_scan.h"
#include "ingest/recognize.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;
namespace {

bool Named(std::string_view t) {
  return t == "Initiative" || t == "Fund" || t == "Platform" || t == "Pilot" || t == "Policy" || t == "Enterprise";
}

// True when y, all Han characters, is shorter than `name` and its characters
// appear in `name` in order (引导基金 of 创科产业引导基金, 加速计划 of 新型工业化加速计划).
bool Abbreviates(std::string_view y, std::string_view name) {
  if (y.size() >= name.size() || WordChars(y) > 8) return false;
  size_t at = 0;
  for (size_t i = 0; i < y.size();) {
    size_t j = i;
    const char32_t c = NextCp(y, j);
    if (!IsHan(c)) return false;
    at = name.find(y.substr(i, j - i), at);
    if (at == std::string_view::npos) return false;
    at += j - i;
    i = j;
  }
  return true;
}

// A counted group read from its list ("A、B、C三大主导产业", rule group.count) is
// named elsewhere in the document by its name without the count ("…等主导产业"):
// that open-class sector is the group (an alias of it), unless two groups of the
// document share the short form.
void GroupShortForms(const DocContext& ctx, std::vector<Mention>& all) {
  const KindWords counts = ctx.Words(RuleKind::group);
  struct Group { std::string short_form, name; std::string_view type; bool ambiguous = false; };
  std::vector<Group> groups;
  for (const Mention& g : all) {
    if (g.rule != "group.count" || g.embedded) continue;
    size_t cl = 0;
    if (!counts.PrefixAt(g.name, 0, &cl) || WordChars(std::string_view(g.name).substr(cl)) < 2) continue;
    const std::string tail = g.name.substr(cl);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& x) { return x.short_form == tail; });
    if (it == groups.end()) groups.push_back({tail, g.name, g.type});
    else if (it->name != g.name) it->ambiguous = true;
  }
  for (Mention& m : all) {
    if (groups.empty()) break;
    if (m.lex_entry >= 0 || m.embedded || m.rule == "group.count") continue;
    for (const Group& g : groups) {
      if (g.ambiguous || m.type != g.type || m.name != g.short_form) continue;
      m.name = g.name;
      m.aliases.push_back(g.short_form);
      break;
    }
  }
}

}  // namespace

void FindShortNames(const DocContext& ctx, std::vector<Mention>& all) {
  GroupShortForms(ctx, all);
  std::string_view s = ctx.text;
  const KindWords intro = ctx.Words(RuleKind::short_name);
  std::vector<Mention> more;
  for (size_t i = 0; i < all.size(); ++i) {
    const Mention& m = all[i];
    size_t p = m.span.end, len = 0;
    if (p >= s.size() || s[p] != '(') continue;  // (first: most names have no bracket after them)
    if (m.embedded || m.cited || m.doc_measure || !Named(m.type)) continue;
    // Without an intro word the bracket must abbreviate the name: "“创科产业引导基金”(引导基金)".
    const bool introduced = intro.PrefixAt(s, p + 1, &len) != nullptr;
    size_t yb = p + 1 + len;
    size_t close = s.find(')', yb);
    if (close == std::string_view::npos || close - yb > 40) continue;
    size_t ye = close;
    if (At(s, yb, "“")) yb += 3;
    if (ye >= yb + 3 && At(s, ye - 3, "”")) ye -= 3;
    std::string_view y = s.substr(yb, ye - yb);
    // (、 is three bytes: find_first_of(",、") would take any character holding 0x80 or 0x81, 速 of 加速计划, for one.)
    if (WordChars(y) < 2 || At(s, yb, "《") || y.find(',') != std::string_view::npos || y.find("、") != std::string_view::npos ||
        y == m.name) continue;
    if (!introduced && !Abbreviates(y, m.name)) continue;
    all[i].aliases.emplace_back(y);
    if (!introduced) {
      // The bracket itself names no item of its own (加速计划 read by its head word).
      for (Mention& x : all) {
        if (x.span.begin == yb && x.span.end == ye && x.type == m.type && x.lex_entry < 0) x.embedded = true;
      }
    }
    // Every later occurrence that is no part of a longer name.
    for (size_t at = s.find(y, close); at != std::string_view::npos; at = s.find(y, at + y.size())) {
      const uint32_t b = static_cast<uint32_t>(at), e = static_cast<uint32_t>(at + y.size());
      auto it = std::lower_bound(all.begin(), all.end(), b > 256 ? b - 256 : 0,
                                 [](const Mention& x, uint32_t v) { return x.span.begin < v; });
      // A name already read there wins, except an open-class item of the same
      // type and head that the short name ends (负责专项资金, 天使基金): the short
      // name says which item it is.
      bool taken = false;
      std::vector<Mention*> same;
      for (; it != all.end() && it->span.begin < e && !taken; ++it) {
        if (it->span.end <= b || it->embedded) continue;
        if (it->type == m.type && it->span.end == e && it->lex_entry < 0 && !it->cited && !it->doc_measure &&
            it->rule != "short_name.alias") {
          same.push_back(&*it);
        } else {
          taken = true;
        }
      }
      if (taken) continue;
      for (Mention* x : same) x->embedded = true;
      Mention k;
      k.span = {b, e};
      k.type = m.type;
      k.name = m.name;
      k.lex_entry = m.lex_entry;
      k.rule = "short_name.alias";
      k.sentence = ctx.st ? ctx.st->SentenceAt(b) : -1;
      more.push_back(std::move(k));
    }
  }
  if (more.empty()) return;
  auto by_begin = [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; };
  std::stable_sort(more.begin(), more.end(), by_begin);
  const size_t mid = all.size();
  for (Mention& k : more) all.push_back(std::move(k));
  std::inplace_merge(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(mid), all.end(), by_begin);
}

void FindAnaphors(const DocContext& ctx, std::vector<Mention>& all) {
  if (!ctx.st || all.empty()) return;
  std::string_view s = ctx.text;
  const KindWords heads = ctx.Words(RuleKind::head);
  const KindWords follow = ctx.Words(RuleKind::subject_follow);
  std::vector<Mention> more;
  size_t cursor = 0;  // mentions before the sentence (all is sorted)
  for (const Sentence& sen : ctx.st->sentences) {
    uint32_t p = sen.span.begin;
    bool demonstrative = false;
    for (std::string_view d : {"该", "此", "上述"}) {
      if (At(s, p, d)) { p += static_cast<uint32_t>(d.size()); demonstrative = true; break; }
    }
    size_t hl = 0, fl = 0;
    const Rule* h = heads.PrefixAt(s, p, &hl);
    if (!h || !Named(h->arg) || h->arg == "Enterprise"sv || WordChars(s.substr(p, hl)) != 2) continue;
    const uint32_t e = static_cast<uint32_t>(p + hl);
    // The head word alone is the subject: after a demonstrative (该基金总规模…), or before 由 (its
    // executor follows) or an adverb or modal.
    if (!(demonstrative || At(s, e, "由") || follow.PrefixAt(s, e, &fl))) continue;
    // (Moved on only for the sentences that get this far: the sentences' begins grow.)
    while (cursor < all.size() && all[cursor].span.begin < sen.span.begin) ++cursor;
    // A mention already there (a name read from these words) wins.
    if (cursor < all.size() && all[cursor].span.begin < e) continue;
    const Mention* antecedent = nullptr;
    for (size_t k = cursor; k-- > 0;) {
      const Mention& m = all[k];
      if (m.sentence >= 0 && m.sentence < sen.index - 3) break;
      // Of the same type and ending in the same head word (该基金 is no 专项资金).
      const std::string_view head_word = s.substr(p, hl);
      if (m.type == h->arg && !m.embedded && !m.cited && !m.doc_measure && m.sentence >= 0 && m.name.size() > head_word.size() &&
          std::string_view(m.name).substr(m.name.size() - head_word.size()) == head_word) {
        antecedent = &m;
        break;
      }
    }
    if (!antecedent) continue;
    Mention k;
    k.span = {p, e};
    k.type = antecedent->type;
    k.name = antecedent->name;
    k.lex_entry = antecedent->lex_entry;
    k.rule = "anaphor.head";
    k.sentence = sen.index;
    more.push_back(std::move(k));
  }
  if (more.empty()) return;
  auto by_begin = [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; };
  const size_t mid = all.size();
  for (Mention& k : more) all.push_back(std::move(k));
  std::inplace_merge(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(mid), all.end(), by_begin);
}

}  // namespace pkg::ingest
