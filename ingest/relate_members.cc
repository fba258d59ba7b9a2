// PART_OF from phrases: 包括 lists, 以X为代表的, listed sectors before their category
// or counted group, sub-sector tracks, 试点推行, lexicon groups. (Items under a heading:
// relate_structure.cc.) See relate_phrases.h. Tested in tests/ingest/relate_members_test.cc and extractor_test.cc.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "ingest/np_scan.h"
#include "ingest/relate_phrases.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined

namespace {

// True when a and b have a two-character word in common.
bool SharesBigram(std::string_view a, std::string_view b) {
  for (size_t i = 0; i < a.size();) {
    size_t j = i;
    NextCp(a, j);
    if (j >= a.size()) break;
    size_t k = j;
    NextCp(a, k);
    if (b.find(a.substr(i, k - i)) != std::string_view::npos) return true;
    i = j;
  }
  return false;
}

}  // namespace

int HeadingProgramme(const DocContext& ctx, const std::vector<Mention>& ms, const BySentence& by_sentence, int sentence) {
  if (sentence < 0 || sentence >= static_cast<int>(ctx.st->sentences.size())) return -1;
  const int item = ctx.st->sentences[sentence].item;
  if (item < 0) return -1;
  const int hs = ctx.st->items[item].heading_sentence;
  if (hs < 0 || hs == sentence) return -1;
  const Sentence& h = ctx.st->sentences[hs];
  if (WordChars(ctx.text.substr(h.span.begin, h.span.end - h.span.begin)) > 30) return -1;
  int found = -1;
  for (int j : by_sentence[hs]) {
    const Mention& m = ms[j];
    if (m.embedded || m.cited || m.doc_measure || m.heading_goal) continue;
    if (!(m.type == "Initiative"sv || m.type == "Policy"sv || m.type == "Pilot"sv)) continue;
    if (found >= 0 && ms[found].key != m.key) return -1;  // several: which one is unclear
    found = j;
  }
  return found;
}

int ParentHeadingProgramme(const DocContext& ctx, const std::vector<Mention>& ms, const BySentence& by_sentence, int i) {
  const Mention& y = ms[i];
  const Structure& st = *ctx.st;
  if (y.type != "Initiative"sv || y.sentence < 0 || y.sentence >= static_cast<int>(st.sentences.size())) return -1;
  const int item = st.sentences[y.sentence].item;
  if (item < 0 || st.items[item].heading_sentence != y.sentence || st.items[item].parent < 0) return -1;
  if (y.span.begin > st.items[item].body + 1) return -1;  // the name opens the heading
  const int hp = st.items[st.items[item].parent].heading_sentence;
  if (hp < 0 || hp >= static_cast<int>(by_sentence.size())) return -1;
  const Sentence& h = st.sentences[hp];
  if (WordChars(ctx.text.substr(h.span.begin, h.span.end - h.span.begin)) > 30) return -1;
  int found = -1;
  for (int j : by_sentence[hp]) {
    const Mention& m = ms[j];
    if (m.embedded || m.cited || m.doc_measure || m.heading_goal || m.type != "Initiative"sv) continue;
    if (found >= 0 && ms[found].key != m.key) return -1;  // several: which one is unclear
    found = j;
  }
  if (found < 0 || ms[found].key == y.key) return -1;
  // Of one kind: the same head word (the last two characters) ends both names.
  const std::string& a = ms[found].name;
  const std::string& b = y.name;
  if (a.size() < 6 || b.size() < 6 || a.compare(a.size() - 6, 6, b, b.size() - 6, 6) != 0) return -1;
  return found;
}

int SentenceProgramme(const DocContext& ctx, const std::vector<Mention>& ms, const BySentence& by_sentence, int i) {
  const Mention& y = ms[i];
  const Span* yc = ClauseOf(ctx, y);
  if (!yc || y.sentence < 0 || y.sentence >= static_cast<int>(by_sentence.size()) - 1) return -1;
  const KindWords institute = ctx.Words(RuleKind::pair_follow);
  // A lead-in naming the programme: "1.电子信息产业链数字化改造工程:建设20个…促进中心" (the
  // sentence's first mention, right before a colon) is instituted by what follows it.
  bool first = true;  // no mention of a name of its own before x
  for (int j : by_sentence[y.sentence]) {
    const Mention& x = ms[j];
    if (x.span.end > y.span.begin) break;
    if (x.embedded) continue;
    const bool lead = first;
    first = false;
    if (x.type != "Initiative"sv || x.cited || x.doc_measure || x.heading_goal) continue;
    if (lead && (At(ctx.text, x.span.end, ":") || At(ctx.text, x.span.end, "："))) return j;
    if (x.span.end > yc->begin) break;
    const Span* xc = ClauseOf(ctx, x);
    if (xc && WordBefore(ctx, institute, xc->begin, x.span.begin, 3) && SharesBigram(x.name, y.name)) return j;
  }
  return -1;
}

void RelatePilotOf(const RelateScope& r, const Sentence& sen, const Span* clause, int i) {
  const DocContext& ctx = r.ctx;
  const std::vector<Mention>& ms = r.ms;
  std::vector<Relation>& out = r.out;
  const Mention& m = r.ms[i];
  // A measure tried out under a pilot: "试点推行X" → X PART_OF the pilot before.
  if (IsMeasure(m.type) && !m.embedded && WordBefore(ctx, ctx.Words(RuleKind::pilot_of), clause->begin, m.span.begin, 3)) {
    for (int j = i - 1; j >= 0; --j) {
      if (ms[j].type == "Pilot"sv && !ms[j].embedded && ms[j].sentence >= sen.index - 2 && ms[j].key != m.key) {
        out.push_back({"PART_OF", i, j, "pilot_of.trial", sen.index});
        break;
      }
    }
  }
}

void RelateMembers(const RelateScope& r, const Sentence& sen) {
  const DocContext& ctx = r.ctx;
  const std::vector<Mention>& ms = r.ms;
  const std::string_view s = r.ctx.text;
  std::vector<Relation>& out = r.out;
  BySentence::Ids ids = r.by_sentence[sen.index];
  // Membership lists: "X包括A、B、C" / "以A为代表的X" / "A、B等细分赛道".
  for (int i : ids) {
    const Mention& m = ms[i];
    if (m.embedded) continue;
    size_t len = 0;
    if (ctx.Words(RuleKind::member_list).PrefixAt(s, m.span.end, &len) || (At(s, m.span.end, ",") && ctx.Words(RuleKind::member_list).PrefixAt(s, m.span.end + 1, &len))) {
      for (int j : ids) {
        if (j == i || ms[j].span.begin <= m.span.end || ms[j].embedded || ms[j].key == m.key) continue;
        if (ms[j].type == m.type || (IsMeasure(ms[j].type) && IsMeasure(m.type)) ||
            (ms[j].type == "Industry"sv && m.type == "Industry"sv)) {
          out.push_back({"PART_OF", j, i, "member_list.include", sen.index});
        }
      }
    }
    if (At(s, m.span.begin >= 3 ? m.span.begin - 3 : 0, "以") && m.span.begin >= 3) {
      if (ctx.Words(RuleKind::representative).PrefixAt(s, m.span.end + 3, &len) && At(s, m.span.end, "为")) {
        uint32_t after = static_cast<uint32_t>(m.span.end + 3 + len);
        for (int j : ids) {
          if (ms[j].span.begin >= after && ms[j].span.begin <= after + 6 && ms[j].type == m.type && !ms[j].embedded) {
            out.push_back({"PART_OF", i, j, "representative.rep", sen.index});
            break;
          }
        }
      }
    }
    if (m.rule == "domain_list.member") {
      for (int j : ids) {
        if (ms[j].rule == "domain_list.parent" && ms[j].span.end <= m.span.begin) {
          out.push_back({"PART_OF", i, j, "domain_list.member", sen.index});
          break;
        }
      }
    } else if (m.type == "Industry"sv && !m.embedded) {
      // A member the lexicon knows, inside the list: "未来信息领域重点发展通用人工智能、6G、元宇宙、
      // 量子信息和光电子" (6G between two open-class members) is the field's part too.
      int parent = -1, later = -1;
      for (int j : ids) {
        if (ms[j].rule == "domain_list.parent" && ms[j].span.end <= m.span.begin) parent = j;
        if (ms[j].rule == "domain_list.member" && ms[j].span.begin > m.span.begin) { later = j; break; }
      }
      if (parent >= 0 && later >= 0) {
        const std::string_view between = s.substr(ms[parent].span.end, ms[later].span.begin - ms[parent].span.end);
        const bool listed = At(s, m.span.end, "、") || At(s, m.span.end, "和") || At(s, m.span.end, "及");
        if (listed && between.find_first_of(";,:") == std::string_view::npos && between.find("。") == std::string_view::npos) {
          out.push_back({"PART_OF", i, parent, "domain_list.member", sen.index});
        }
      }
    }
    // "A、B等未来产业", "A、B等战略性产业集群": the listed sectors are parts of
    // the category named after 等, when it is an item of its own.
    // (The last member may follow 和 or 及, "A、B及C等策略性产业", but a conjunction
    // inside one member, "现代化工及能源、大健康等", joins no two.)
    bool penultimate = false;
    if (At(s, m.span.end, "和") || At(s, m.span.end, "及")) {
      const std::string_view next = s.substr(m.span.end, 39);  // a bounded look: 等 within 12 characters
      const size_t etc = next.find("等");
      penultimate = etc != std::string_view::npos && next.substr(0, etc).find("、") == std::string_view::npos &&
                    next.substr(0, etc).find_first_of(",;") == std::string_view::npos;
    }
    // (A member may carry a bracketed alias first: "新一代信息技术(光电子信息)、汽车制造等".)
    uint32_t after = m.span.end;
    if (At(s, after, "(")) {
      const size_t close = s.substr(after, 40).find(')');
      if (close != std::string_view::npos) after = static_cast<uint32_t>(after + close + 1);
    }
    if (m.type == "Industry"sv && !m.embedded && (At(s, after, "、") || At(s, after, "等") || penultimate)) {
      for (int j : ids) {
        const Mention& g = ms[j];
        if (g.span.begin < after || g.type != "Industry"sv || g.embedded || g.key == m.key) continue;
        if (g.span.begin >= 3 && (At(s, g.span.begin - 3, "、") || At(s, g.span.begin - 3, "和") || At(s, g.span.begin - 3, "及"))) {
          continue;  // a member
        }
        if (g.span.begin >= 1 && s[g.span.begin - 1] == '(') continue;  // a member's bracketed short form: 第六代移动通信(6G)
        if (g.weak) break;  // a generic word (工业) names no category of its own
        // Nor does a ranking phrase (kind group_anaphor): "工程机械、航空动力等优势产业" says
        // which sectors the region ranks, not a sector they are parts of (传统优势产业 is one).
        if (ctx.Words(RuleKind::group_anaphor).Contains(g.name)) break;
        std::string_view gap = s.substr(m.span.end, g.span.begin - m.span.end);
        size_t etc = gap.rfind("等");
        if (etc != std::string_view::npos && gap.size() - etc <= 24 && gap.find(',') == std::string_view::npos &&
            gap.find(';') == std::string_view::npos && gap.find("。") == std::string_view::npos) {
          out.push_back({"PART_OF", i, j, "sector_list.category", sen.index});
        }
        break;
      }
    }
    // "A、B、C五大重点产业": every listed sector, a known one too (whose lexicon
    // mention stands in for the list item, the last one right before the count too),
    // is PART_OF the counted group.
    const auto abuts_group = [&] {
      for (int j : ids) {
        if (ms[j].span.begin == m.span.end && ms[j].rule == "group.count") return true;
      }
      return false;
    };
    if (m.type == "Industry"sv && !m.embedded && m.rule != "group.count" &&
        (m.rule == "group.member" || At(s, m.span.end, "、") || At(s, m.span.end, "等") || abuts_group())) {
      for (int j : ids) {
        if (ms[j].span.begin < m.span.end || ms[j].rule != "group.count") continue;
        std::string_view gap = s.substr(m.span.end, ms[j].span.begin - m.span.end);
        if (gap.size() <= 120 && gap.find_first_of(",;:") == std::string_view::npos && gap.find("。") == std::string_view::npos) {
          out.push_back({"PART_OF", i, j, "group.member", sen.index});
        }
        break;
      }
    }
    if (m.rule == "subsector.track") {
      // The sector named before the list, preferring one that shares a word with the item.
      // A sector inside a fund's name counts when no other is named ("X产业子基金, 重点投向A、B等细分领域").
      int nearest = -1, sharing = -1, inside = -1;
      for (int j = i - 1; j >= 0 && (ms[j].sentence == sen.index || ms[j].sentence < 0); --j) {
        if (ms[j].type != "Industry"sv || ms[j].rule == "subsector.track") continue;
        if (ms[j].embedded) {
          if (inside < 0) inside = j;
          continue;
        }
        if (nearest < 0) nearest = j;
        if (sharing < 0 && SharesBigram(m.name, ms[j].name)) sharing = j;
      }
      int parent = sharing >= 0 ? sharing : nearest >= 0 ? nearest : inside;
      if (parent >= 0) out.push_back({"PART_OF", i, parent, "subsector.track", sen.index});
    }
  }
}

void RelateHeadingSectorParts(const RelateScope& r) {
  if (r.doc_measure < 0) return;
  const Mention& doc = r.ms[r.doc_measure];
  int title_sector = -1;
  for (int j = 0; j < static_cast<int>(r.ms.size()); ++j) {
    const Mention& g = r.ms[j];
    if (g.type != "Industry"sv || g.weak || g.span.begin < doc.span.begin || g.span.end > doc.span.end) continue;
    // A sector named as an industry ("海洋装备产业高质量发展"), not a field word (制造业数字化转型).
    const bool industry = At(r.ctx.text, g.span.end, "产业") ||
                          (g.span.end - g.span.begin > 6 && At(r.ctx.text, g.span.end - 6, "产业"));
    if (!industry) continue;
    if (title_sector >= 0 && r.ms[title_sector].key != g.key) return;  // two sectors: which one is unclear
    title_sector = j;
  }
  if (title_sector < 0) return;
  for (int i = 0; i < static_cast<int>(r.ms.size()); ++i) {
    const Mention& m = r.ms[i];
    if (m.type != "Industry"sv || m.rule != "heading_goal.sector" || m.embedded || m.key == r.ms[title_sector].key) continue;
    r.out.push_back({"PART_OF", i, title_sector, "heading_sector.title", m.sentence});
  }
}

void RelateLexiconGroups(const RelateScope& r) {
  const DocContext& ctx = r.ctx;
  const std::vector<Mention>& ms = r.ms;
  std::vector<Relation>& out = r.out;
  const int n = static_cast<int>(r.ms.size());
  // Lexicon groups: 生物医药 PART_OF 三大先导产业 when both are named.
  // The groups any mention's entry belongs to, and the mentions (in order)
  // whose entry bears a group's name: the first is the group's node.
  std::unordered_map<std::string_view, int> group_slot;
  uint64_t group_sizes = 0;  // bit (size % 64) of each group name: a name of no such size hashes for nothing
  for (int i = 0; i < n; ++i) {
    if (ms[i].lex_entry < 0) continue;
    for (const auto& g : ctx.lex->entries()[ms[i].lex_entry].part_of) {
      group_slot.try_emplace(g, static_cast<int>(group_slot.size()));
      group_sizes |= uint64_t{1} << (g.size() % 64);
    }
  }
  if (group_slot.empty()) return;
  std::vector<std::vector<int>> named(group_slot.size());
  for (int i = 0; i < n; ++i) {
    if (ms[i].lex_entry < 0) continue;
    const std::string_view name = ctx.lex->entries()[ms[i].lex_entry].name;
    if (!(group_sizes >> (name.size() % 64) & 1)) continue;
    if (auto it = group_slot.find(name); it != group_slot.end()) {
      named[it->second].push_back(i);
    }
  }
  // A sector the text itself groups (未来信息领域重点发展6G、元宇宙: PART_OF 未来信息) takes no
  // lexicon group over that nearer parent.
  std::unordered_set<std::string_view> grouped;
  for (const Relation& rel : out) {
    if (rel.type == "PART_OF" && rel.from >= 0 && ms[rel.from].type == "Industry"sv && ms[rel.to].type == "Industry"sv) {
      grouped.insert(ms[rel.from].key);
    }
  }
  // The group named in the member's own paragraph ("三大先导产业引领提升…。生物医药全链条创新发展"): a
  // category the text names only elsewhere (战略性新兴产业 in another paragraph) is the lexicon's
  // grouping, not the text's.
  const std::string_view s = ctx.text;
  auto same_paragraph = [&](const Mention& a, const Mention& b) {
    const uint32_t lo = std::min(a.span.begin, b.span.begin), hi = std::max(a.span.end, b.span.end);
    return s.substr(lo, hi - lo).find('\n') == std::string_view::npos;
  };
  for (int i = 0; i < n; ++i) {
    if (ms[i].lex_entry < 0) continue;
    const auto& part_of = ctx.lex->entries()[ms[i].lex_entry].part_of;
    if (part_of.empty() || grouped.count(ms[i].key)) continue;
    bool any = false;
    for (const auto& g : part_of) {
      const std::vector<int>& with_name = named[group_slot.find(g)->second];
      for (int j : with_name) {
        if (!same_paragraph(ms[i], ms[j])) continue;
        out.push_back({"PART_OF", i, with_name.front(), "lexicon.part_of", ms[i].sentence});
        any = true;
        break;
      }
    }
    if (any) grouped.insert(ms[i].key);
  }
}

}  // namespace pkg::ingest
