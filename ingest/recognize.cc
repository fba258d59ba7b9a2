// Recognise stage driver; see recognize.h. Lexicon first (it also fixes the
// document's region, which bare agency abbreviations need), then the
// open-class recognisers, then overlap resolution.
#include "ingest/recognize.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <tuple>

#include "ingest/np_scan.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

// The document's region: the issuer's, else the region named most often.
std::string DocumentRegion(const DocContext& ctx, const std::vector<Mention>& lex) {
  const Lexicon& L = *ctx.lex;
  for (const Mention& m : lex) {
    if (m.type == "Agency"sv && m.lex_entry >= 0 && ctx.md->title_span.contains(m.span.begin) &&
        !L.entries()[m.lex_entry].region.empty()) {
      return L.entries()[m.lex_entry].region;
    }
  }
  // A region the title names: the most specific one (广州市黄埔区…措施 is 黄埔区's,
  // however often the text names 广州).
  const LexEntry* titled = nullptr;
  auto depth = [](const LexEntry& r) { return r.level == "district" ? 3 : r.level == "city" ? 2 : r.level == "province" ? 1 : 0; };
  for (const Mention& m : lex) {
    if (m.lex_entry < 0 || !ctx.md->title_span.contains(m.span.begin)) continue;
    const LexEntry& x = L.entries()[m.lex_entry];
    if (x.type == "Region"sv && depth(x) > 0 && (!titled || depth(x) > depth(*titled))) titled = &x;
  }
  if (titled) return titled->name;
  std::map<std::string, int> count;
  for (const Mention& m : lex) {
    if (m.lex_entry < 0) continue;
    const LexEntry& x = L.entries()[m.lex_entry];
    if (x.type == "Region"sv && x.level != "national") count[x.name] += x.level == "district" ? 1 : 2;
    if (x.type == "Agency"sv && !x.region.empty()) count[x.region] += 2;
  }
  std::string best;
  int n = 0;
  for (const auto& [r, c] : count) {
    if (c > n) { best = r; n = c; }
  }
  return best;
}

// The addressee line of a notice ("各省、自治区、直辖市…主管部门:", data/rules/metadata.tsv kind
// addressee, or any line opening with 各 and ending with a colon): whom the notice is sent to,
// which names no item of its own and does not give the document its region.
std::vector<Span> AddresseeLines(const DocContext& ctx) {
  std::vector<Span> out;
  std::string_view s = ctx.text;
  const KindWords words = ctx.Words(RuleKind::addressee);
  for (size_t b = ctx.md->body_begin; b < s.size() && out.size() < 4;) {
    size_t e = s.find('\n', b);
    if (e == std::string_view::npos) e = s.size();
    std::string_view line = s.substr(b, e - b);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    size_t len = 0;
    if (line.size() < 600 && !line.empty() && line.back() == ':' && line.find("。") == std::string_view::npos &&
        (words.PrefixAt(line, 0, &len) || line.substr(0, 3) == "各")) {
      out.push_back({static_cast<uint32_t>(line.data() - s.data()), static_cast<uint32_t>(line.data() - s.data() + line.size())});
    }
    b = e + 1;
  }
  return out;
}

// Spans sorted by begin, for "does one of them overlap or hold x?": only those that begin at
// most the longest one's length before x and no later than x's end are looked at (a text of a
// thousand 《》 titles had every item compared with every title).
class NearSpans {
 public:
  explicit NearSpans(std::vector<Span> spans) : spans_(std::move(spans)) {
    std::sort(spans_.begin(), spans_.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    for (const Span& t : spans_) longest_ = std::max(longest_, t.end - t.begin);
  }
  // True when pred(t) holds for a span t that overlaps or holds x (pred decides which).
  template <class Pred>
  bool Any(const Span& x, Pred pred) const {
    auto it = std::upper_bound(spans_.begin(), spans_.end(), x.end, [](uint32_t p, const Span& t) { return p < t.begin; });
    while (it != spans_.begin()) {
      --it;
      if (it->begin + longest_ < x.begin) break;
      if (pred(*it)) return true;
    }
    return false;
  }

 private:
  std::vector<Span> spans_;
  uint32_t longest_ = 0;
};

// What ctx.lexicon's readers after the overlap step use of a lexicon mention
// (span, type, rule, sentence, entry, flags), set on `c` (a fresh mention): no
// name, aliases or properties.
void SetLight(const Mention& m, Mention& c) {
  c.span = m.span;
  c.type = m.type;
  c.rule = m.rule;
  c.sentence = m.sentence;
  c.lex_entry = m.lex_entry;
  c.embedded = m.embedded;
  c.weak = m.weak;
  c.heading_goal = m.heading_goal;
  c.doc_measure = m.doc_measure;
  c.cited = m.cited;
  c.purpose = m.purpose;
}

bool InSpans(const std::vector<Span>& spans, const Span& x) {
  for (const Span& a : spans) {
    if (x.begin >= a.begin && x.end <= a.end) return true;
  }
  return false;
}

}  // namespace

std::vector<Mention> Recognize(DocContext& ctx, std::vector<Mention>& lexicon_store) {
  bool saw_bare = false;
  const std::vector<Lexicon::Hit> hits = ctx.lex->Match(ctx.text);
  const std::vector<Span> addressee = AddresseeLines(ctx);
  std::vector<uint64_t> order;
  // Drops the mentions `dropped` says, keeping `ranks` (the reading order) in step.
  auto drop_if = [](std::vector<Mention>& ms, std::vector<uint64_t>* ranks, auto&& dropped) {
    size_t k = 0;
    for (size_t i = 0; i < ms.size(); ++i) {
      if (dropped(ms[i])) continue;
      if (k != i) {
        ms[k] = std::move(ms[i]);
        if (ranks) (*ranks)[k] = (*ranks)[i];
      }
      ++k;
    }
    ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(k), ms.end());
    if (ranks) ranks->resize(k);
  };
  // Names on an addressee line (各区县经信局:) are no actors of the text; nor is a party
  // committee in an official's title ("县委书记、县长出席", "市委副书记、市长": a name ending in 委
  // run into 书记 / 副书记 / 常委).
  auto addressed = [&](const Mention& m) { return !addressee.empty() && InSpans(addressee, m.span); };
  auto titled = [&](const Mention& m) {
    const Span sp = m.span;
    return m.type == "Agency"sv && sp.end >= 3 && At(ctx.text, sp.end - 3, "委") &&
           (At(ctx.text, sp.end, "书记") || At(ctx.text, sp.end, "副书记") || At(ctx.text, sp.end, "常委"));
  };
  auto drop_addressee = [&](std::vector<Mention>& ms, std::vector<uint64_t>* ranks = nullptr) {
    drop_if(ms, ranks, [&](const Mention& m) { return addressed(m) || titled(m); });
  };
  // The region is unknown while the names are read first, so bare
  // abbreviations (市经信委) are skipped; once the names give the region,
  // only those are read again and merged in, in the order one reading with
  // the region known would give.
  lexicon_store = FindLexiconMentions(ctx, &saw_bare, &hits, &order);
  drop_addressee(lexicon_store, &order);
  ctx.region = DocumentRegion(ctx, lexicon_store);
  if (!ctx.region.empty() && saw_bare) {
    std::vector<uint64_t> bare_order;
    std::vector<Mention> bare = FindLexiconMentions(ctx, nullptr, &hits, &bare_order, true);
    drop_addressee(bare, &bare_order);
    std::vector<Mention> merged;
    merged.reserve(lexicon_store.size() + bare.size());
    for (size_t i = 0, j = 0; i < lexicon_store.size() || j < bare.size();) {
      const bool take_bare = j < bare.size() && (i == lexicon_store.size() || bare_order[j] < order[i]);
      merged.push_back(std::move(take_bare ? bare[j++] : lexicon_store[i++]));
    }
    lexicon_store.swap(merged);
  }
  SortByBegin(lexicon_store);
  ctx.SetLexicon(&lexicon_store);

  std::vector<Mention> open;
  open.reserve(ctx.st->sentences.size() / 2 + 16);  // (about one item for every two sentences: fewer moves in growth)
  FindItems(ctx, open);
  FindHeadingGoals(ctx, open);
  FindPurposeGoals(ctx, open);
  FindCitations(ctx, open);
  FindAchievements(ctx, open);
  drop_addressee(open);

  // Items inside a cited title belong to the title: 《工业和信息化领域数据安全管理办法》;
  // an item that crosses its 《 or 》 is a misreading (国家能源局《氢能…规划》 is
  // the agency and the title, not one item).
  std::vector<Span> titles;
  for (const Mention& m : open) {
    if (m.cited || m.doc_measure) titles.push_back(m.span);
  }
  const NearSpans near_titles(std::move(titles));
  open.erase(std::remove_if(open.begin(), open.end(),
                            [&](const Mention& m) {
                              if (m.cited || m.doc_measure) return false;
                              return near_titles.Any(m.span, [&](const Span& t) {
                                if (m.span.begin >= t.begin && m.span.end <= t.end) return true;
                                return m.span.begin < t.end && t.begin < m.span.end &&
                                       !(m.span.begin <= t.begin && t.end <= m.span.end);  // crosses
                              });
                            }),
             open.end());
  // A purpose goal replaces an item read from the same words (…先行区 is a goal there).
  std::vector<Span> purposes;
  for (const Mention& m : open) {
    if (m.purpose) purposes.push_back(m.span);
  }
  const NearSpans near_purposes(std::move(purposes));
  open.erase(std::remove_if(open.begin(), open.end(),
                            [&](const Mention& m) {
                              if (m.purpose) return false;
                              return near_purposes.Any(
                                  m.span, [&](const Span& p) { return m.span.begin < p.end && p.begin < m.span.end; });
                            }),
             open.end());
  // Overlaps between open-class items and lexicon names. The lexicon mentions
  // move to the result; ctx.lexicon keeps what its later readers use (SetLight).
  std::vector<Mention> lex = std::move(lexicon_store);
  lexicon_store.clear();
  lexicon_store.reserve(lex.size());
  for (const Mention& m : lex) SetLight(m, lexicon_store.emplace_back());
  auto lex_from = [&](uint32_t p) {
    return std::lower_bound(lex.begin(), lex.end(), p, [](const Mention& m, uint32_t x) { return m.span.begin < x; });
  };
  // (The kept items are compacted in place: a move only for those after the first dropped.)
  size_t n_kept = 0;
  for (size_t i = 0; i < open.size(); ++i) {
    Mention& m = open[i];
    bool inside_lexicon = false;
    // Lexicon names are short: look back a bounded distance only.
    for (auto it = lex_from(m.span.begin > 256 ? m.span.begin - 256 : 0); it != lex.end() && it->span.begin <= m.span.begin; ++it) {
      if (it->span.end >= m.span.end && !m.heading_goal && !m.doc_measure && !m.purpose) {
        inside_lexicon = true;
        break;
      }
    }
    if (inside_lexicon) continue;
    if (n_kept != i) open[n_kept] = std::move(m);
    ++n_kept;
  }
  open.erase(open.begin() + static_cast<std::ptrdiff_t>(n_kept), open.end());
  std::vector<Mention>& kept = open;
  // "重点支持…公共服务平台建设" after "建设省级数字化转型公共服务平台": a platform named by a long
  // head word alone (four characters or more) repeats the one earlier platform whose name ends
  // in it; it takes that name (the short form stays an alias).
  {
    // One pass in text order: per bare head word, the last longer platform name ending in it and
    // how many runs of one name such platforms formed (a change of name starts a run), over the
    // platforms starting before the one asked about. (The pairwise loop this replaces was
    // quadratic in the platforms: 8 MB of "建成智能工厂、数字化车间" took 100 s.)
    const KindWords heads = ctx.Words(RuleKind::head);
    thread_local std::vector<uint32_t> platforms;
    platforms.clear();
    for (size_t i = 0; i < kept.size(); ++i) {
      if (kept[i].type == "Platform"sv) platforms.push_back(static_cast<uint32_t>(i));
    }
    struct Bare {
      std::string name;
      const Mention* full = nullptr;
      int runs = 0;
    };
    std::vector<Bare> bare;  // the distinct bare head names (a few)
    auto is_bare = [&](const Mention& m) {
      size_t hl = 0;
      return WordChars(m.name) >= 4 && heads.PrefixAt(m.name, 0, &hl) && hl == m.name.size();
    };
    for (const uint32_t i : platforms) {
      if (!is_bare(kept[i])) continue;
      if (std::none_of(bare.begin(), bare.end(), [&](const Bare& b) { return b.name == kept[i].name; })) {
        bare.push_back({kept[i].name});
      }
    }
    // (The items come in text order; should they not, the pairwise loop gives the same answers.)
    const bool in_order = std::is_sorted(platforms.begin(), platforms.end(), [&](uint32_t a, uint32_t b) {
      return kept[a].span.begin < kept[b].span.begin;
    });
    size_t next = 0;  // platforms[next…] not yet seen by the states
    for (const uint32_t i : platforms) {
      Mention& m = kept[i];
      if (!is_bare(m)) continue;
      if (!in_order) {
        const Mention* full = nullptr;
        int candidates = 0;
        for (const uint32_t j : platforms) {
          const Mention& o = kept[j];
          if (o.span.begin >= m.span.begin || o.name.size() <= m.name.size() ||
              o.name.compare(o.name.size() - m.name.size(), m.name.size(), m.name) != 0) continue;
          if (!full || full->name != o.name) ++candidates;
          full = &o;
        }
        if (candidates != 1) continue;
        m.aliases.push_back(m.name);
        m.name = full->name;
        continue;
      }
      for (; next < platforms.size() && kept[platforms[next]].span.begin < m.span.begin; ++next) {
        const Mention& o = kept[platforms[next]];
        for (Bare& b : bare) {
          if (o.name.size() <= b.name.size() || o.name.compare(o.name.size() - b.name.size(), b.name.size(), b.name) != 0) continue;
          if (!b.full || b.full->name != o.name) ++b.runs;
          b.full = &o;
        }
      }
      auto b = std::find_if(bare.begin(), bare.end(), [&](const Bare& x) { return x.name == m.name; });
      if (b == bare.end() || b->runs != 1) continue;
      m.aliases.push_back(m.name);
      m.name = b->full->name;
    }
  }
  for (const Mention& m : kept) {
    for (auto it = lex_from(m.span.begin); it != lex.end() && it->span.begin < m.span.end; ++it) {
      if (it->span.end <= m.span.end && (m.span.end - m.span.begin) > (it->span.end - it->span.begin)) it->embedded = true;
    }
  }
  // A known measure name run straight into more of a noun phrase is its
  // modifier (首台(套)装备推广应用, 首台(套)具身智能机器人产品): no item of its own.
  // A name boundary, a governing verb or a strip word after it ends it as usual.
  {
    const KindWords trig = ctx.Words(RuleKind::trigger);
    const KindWords strip = ctx.Words(RuleKind::strip);
    for (Mention& m : lex) {
      if (m.embedded || m.sentence < 0 || !(m.type == "Initiative"sv || m.type == "Policy"sv || m.type == "Pilot"sv)) continue;
      const uint32_t e = m.span.end, end = ctx.st->sentences[m.sentence].span.end;
      size_t j = e, len = 0, tail = 0;
      if (e >= end || !IsHan(NextCp(ctx.text, j)) || NameBoundary(ctx, e, end, &tail) ||
          trig.PrefixAt(ctx.text, e, &len) || strip.PrefixAt(ctx.text, e, &len) ||
          ctx.Words(RuleKind::head).PrefixAt(ctx.text, e, &len)) continue;
      m.embedded = true;
    }
  }
  // Lexicon mentions are sorted already: only what is added is sorted (AppendSorted).
  auto by_begin = [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; };
  std::vector<Mention> all = std::move(lex);
  if (!std::is_sorted(all.begin(), all.end(), by_begin)) std::stable_sort(all.begin(), all.end(), by_begin);
  // (Room for the short names, anaphors and indicators added below: most documents
  // have fewer than one for every eight mentions.)
  AppendSorted(all, kept, (all.size() + kept.size()) / 8 + 16);
  FindShortNames(ctx, all);
  FindAnaphors(ctx, all);
  std::vector<Mention> indicators;
  FindIndicators(ctx, all, indicators);
  CarryIndicatorPeriods(indicators);
  AppendSorted(all, indicators, 0);
  return all;
}

void AppendSorted(std::vector<Mention>& all, std::vector<Mention>& more, size_t room) {
  if (more.empty()) return;
  // `more` by begin, then index (a stable order), sorted as keys: no mention moves.
  thread_local std::vector<uint64_t> keys;
  keys.clear();
  keys.reserve(more.size());
  for (size_t i = 0; i < more.size(); ++i) keys.push_back(uint64_t{more[i].span.begin} << 32 | i);
  std::sort(keys.begin(), keys.end());
  const size_t n = all.size();
  if (all.capacity() >= n + more.size()) {
    // In place from the back: the mentions before the first one added stay.
    all.resize(n + more.size());
    size_t i = n, w = n + more.size();
    for (size_t k = keys.size(); k-- > 0;) {
      const uint32_t b = static_cast<uint32_t>(keys[k] >> 32);
      while (i > 0 && all[i - 1].span.begin > b) all[--w] = std::move(all[--i]);
      all[--w] = std::move(more[static_cast<uint32_t>(keys[k])]);
    }
    more.clear();
    return;
  }
  std::vector<Mention> merged;
  merged.reserve(n + more.size() + room);
  size_t i = 0;
  for (const uint64_t k : keys) {
    const uint32_t b = static_cast<uint32_t>(k >> 32);
    while (i < n && all[i].span.begin <= b) merged.push_back(std::move(all[i++]));
    merged.push_back(std::move(more[static_cast<uint32_t>(k)]));
  }
  while (i < n) merged.push_back(std::move(all[i++]));
  all.swap(merged);
  more.clear();
}

void CarryIndicatorPeriods(std::vector<Mention>& indicators) {
  // (name, value, unit) → the one period stated with it, or "" when none or several.
  std::map<std::tuple<std::string_view, std::string, std::string>, std::optional<std::string>> stated;
  auto figure = [](const Mention& m) {
    const Value* v = FindProperty(m.props, "value");
    const Value* u = FindProperty(m.props, "unit");
    return std::tuple<std::string_view, std::string, std::string>(m.name, v ? v->ToDisplay() : "",
                                                                  u ? u->ToDisplay() : "");
  };
  // Only figures named like one stated without a period are looked up below: the others
  // are not read (their value and unit not formatted).
  std::vector<std::string_view> open_names;
  for (const Mention& m : indicators) {
    if (m.type == "Indicator"sv && !FindProperty(m.props, "period")) open_names.push_back(m.name);
  }
  if (open_names.empty()) return;
  std::sort(open_names.begin(), open_names.end());
  std::vector<std::string_view> names;  // the names of the stated figures
  for (const Mention& m : indicators) {
    if (m.type != "Indicator"sv) continue;
    const Value* p = FindProperty(m.props, "period");
    if (!p || p->kind() != Value::Kind::kString) continue;
    if (!std::binary_search(open_names.begin(), open_names.end(), std::string_view(m.name))) continue;
    auto [it, fresh] = stated.try_emplace(figure(m), p->as_string());
    if (!fresh && it->second && *it->second != p->as_string()) it->second = std::nullopt;  // several
    if (fresh) names.push_back(m.name);
  }
  if (stated.empty()) return;
  // (A figure whose name no stated one has is not looked up: its value and unit unread.)
  std::sort(names.begin(), names.end());
  for (Mention& m : indicators) {
    if (m.type != "Indicator"sv || FindProperty(m.props, "period")) continue;
    if (!std::binary_search(names.begin(), names.end(), std::string_view(m.name))) continue;
    auto it = stated.find(figure(m));
    if (it != stated.end() && it->second) SetProperty(m.props, "period", *it->second);
  }
}

}  // namespace pkg::ingest
