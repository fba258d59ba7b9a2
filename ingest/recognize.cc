// Recognise stage driver; see recognize.h. Lexicon first (it also fixes the
// document's region, which bare agency abbreviations need), then the
// open-class recognisers, then overlap resolution.
#include "ingest/recognize.h"

#include <algorithm>
#include <iterator>
#include <map>

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

// Whether the agency of hits[hi] only owns a directive being carried out:
// "贯彻落实党中央、国务院关于推进新型工业化的决策部署", "按照市委、市政府部署要求".
// From the agency, past a list of agencies (、 / 和 / 及), either "关于…的" and a
// directive word (rule kind directive) before the clause ends, or a directive
// word of four characters or more at once (决策部署, 部署要求; not 要求 alone:
// "市经信局要求各区" is the agency acting). Such an agency names no participant.
bool DirectiveOwner(const DocContext& ctx, const std::vector<Lexicon::Hit>& hits, size_t hi) {
  std::string_view t = ctx.text;
  const Lexicon& L = *ctx.lex;
  const KindWords directive = ctx.Words(RuleKind::directive);
  size_t p = hits[hi].end;
  for (size_t k = hi + 1; k < hits.size() && hits[k].begin <= p + 3; ++k) {
    const size_t gap = hits[k].begin - p;
    if (L.entries()[hits[k].entry].type != "Agency"sv || hits[k].begin < p ||
        !(gap == 3 && (At(t, p, "、") || At(t, p, "和") || At(t, p, "及")))) {
      continue;
    }
    p = hits[k].end;
  }
  size_t len = 0;
  if (directive.PrefixAt(t, p, &len) && len >= 12) return true;
  if (!At(t, p, "关于")) return false;
  for (size_t q = p + 6; q < t.size() && q < p + 300;) {
    const auto c = static_cast<unsigned char>(t[q]);
    if (c == '\n' || c == ',' || c == ';' || c == ':' || At(t, q, "。")) return false;
    if (At(t, q, "的") && directive.PrefixAt(t, q + 3, &len)) {
      const size_t e = q + 3 + len;
      return e >= t.size() || t[e] == ',' || t[e] == ';' || At(t, e, "。") || At(t, e, "和") ||
             At(t, e, "及") || At(t, e, "精神");
    }
    q += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  return false;
}

bool InSpans(const std::vector<Span>& spans, const Span& x) {
  for (const Span& a : spans) {
    if (x.begin >= a.begin && x.end <= a.end) return true;
  }
  return false;
}

// Hits come sorted; only names found inside a descriptive alias are out of
// place (a stable sort of sorted mentions would still move every one).
void SortByBegin(std::vector<Mention>& ms) {
  auto by_begin = [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; };
  if (!std::is_sorted(ms.begin(), ms.end(), by_begin)) std::stable_sort(ms.begin(), ms.end(), by_begin);
}

}  // namespace

std::vector<Mention> FindLexiconMentions(const DocContext& ctx, bool* saw_bare, const std::vector<Lexicon::Hit>* hits,
                                         std::vector<uint64_t>* order, bool only_bare) {
  std::vector<Mention> out;
  const Lexicon& L = *ctx.lex;
  std::vector<Lexicon::Hit> own;
  if (!hits) {
    own = L.Match(ctx.text);
    hits = &own;
  }
  out.reserve(hits->size());  // a Mention is large: no moves while growing
  // A counted group's short form that is also a common phrase (重点产业 for
  // 六大重点产业; rule kind group_anaphor) refers back to the group only where
  // the document names the group in full. Distinctive short forms (先导产业)
  // name the group anywhere.
  const KindWords counts = ctx.Words(RuleKind::group);
  const KindWords anaphors = ctx.Words(RuleKind::group_anaphor);
  std::vector<uint32_t> named_in_full;
  auto short_form = [&](const Lexicon::Hit& h) {
    const LexEntry& x = L.entries()[h.entry];
    std::string_view surface = ctx.text.substr(h.begin, h.end - h.begin);
    size_t cl = 0;
    return x.name.size() > surface.size() && anaphors.Contains(surface) && counts.PrefixAt(x.name, 0, &cl) &&
           std::string_view(x.name).substr(cl) == surface;
  };
  for (const Lexicon::Hit& h : *hits) {
    if (!short_form(h)) named_in_full.push_back(h.entry);
  }
  std::sort(named_in_full.begin(), named_in_full.end());
  if (order) order->clear();
  for (size_t hi = 0; hi < hits->size(); ++hi) {
    const Lexicon::Hit& h = (*hits)[hi];
    const LexEntry& x = L.entries()[h.entry];
    if (only_bare && (x.template_id < 0 || h.region != Lexicon::kNoRegion)) continue;
    if (short_form(h) && !std::binary_search(named_in_full.begin(), named_in_full.end(), h.entry)) continue;
    Mention m;
    m.span = {h.begin, h.end};
    m.type = x.type;
    m.lex_entry = static_cast<int>(h.entry);
    m.weak = x.weak() || (x.type == "Agency"sv && DirectiveOwner(ctx, *hits, hi));
    m.rule = "lexicon." + x.type;
    m.sentence = ctx.st ? ctx.st->SentenceAt(h.begin) : -1;
    std::string surface(ctx.text.substr(h.begin, h.end - h.begin));
    if (h.region != Lexicon::kNoRegion) {
      // A city-level body written with its county or district (宿松县发展和改革委员会).
      m.lex_entry = -1;
      m.name = L.NameFor(h.entry, h.region);
    } else if (x.template_id >= 0) {
      if (saw_bare) *saw_bare = true;
      int inst = ctx.region.empty() ? -1 : L.Resolve(h.entry, ctx.region, h.bare_level);
      if (inst >= 0) {
        m.lex_entry = inst;
        m.name = L.entries()[inst].name;
      } else if (std::string composed = ctx.region.empty() ? "" : L.ComposeName(h.entry, ctx.region, h.bare_level);
                 !composed.empty() && (h.bare_level == "区" || h.bare_level == "县")) {
        // A district's bureau: the city-level template for the district
        // (区财政局 in 包河区 is 合肥市包河区财政局), named without an entry.
        m.lex_entry = -1;
        m.name = std::move(composed);
      } else {
        continue;  // "区政府" with no known region: not a name we can pin down
      }
    } else {
      m.name = x.name;
    }
    if (std::string clean = CleanName(surface); clean != m.name) m.aliases.push_back(std::move(clean));
    if (surface.find("“") != std::string::npos) m.aliases.push_back(surface);
    // A sub-unit after an agency: 工业和信息化部中小企业局, 财政部经济建设司,
    // 国家统计局嘉兴调查队 (a survey team of the statistics bureau); not
    // across a governing verb with its object (中国人民银行设立X中心: the bank
    // sets up a centre) or a conjunction.
    if (m.type == "Agency"sv) {
      std::string_view t = ctx.text;
      size_t e = h.end, k = h.end;
      int chars = 0;
      static const char* const kUnits[] = {"司", "局", "处", "办公室", "中心", "调查队", "调查总队"};
      auto unit_at = [&](size_t p) {
        for (const char* unit : kUnits) {
          std::string_view u(unit);
          if (t.substr(p, u.size()) == u) return true;
        }
        return false;
      };
      const KindWords verbs = ctx.Words(RuleKind::trigger);
      const KindWords coord = ctx.Words(RuleKind::coord);
      while (k < t.size() && chars < 10) {
        size_t vl = 0;
        if ((verbs.PrefixAt(t, k, &vl) && !unit_at(k + vl)) || coord.PrefixAt(t, k, &vl)) break;
        size_t j = k;
        char32_t c = NextCp(t, j);
        if (!IsHan(c)) break;
        k = j;
        ++chars;
        for (const char* unit : kUnits) {
          std::string_view u(unit);
          if (k >= u.size() && t.substr(k - u.size(), u.size()) == u && chars >= 2) e = k;
        }
      }
      // The unit ends the name where the text goes on with no more of it: a
      // non-Han character, a conjunction or a verb (…征信中心和X, …中小企业局负责).
      size_t fl = 0;
      const bool ends = e >= t.size() || !IsHan([&] { size_t j = e; return NextCp(t, j); }()) ||
                        coord.PrefixAt(t, e, &fl) || verbs.PrefixAt(t, e, &fl) ||
                        ctx.Words(RuleKind::lead_verb).PrefixAt(t, e, &fl);
      if (e > h.end && ends) {
        uint32_t b = h.begin;
        if (b >= 6 && t.substr(b - 6, 6) == "中共") b -= 6;
        m.span = {b, static_cast<uint32_t>(e)};
        m.name = CleanName(t.substr(b, e - b));
        m.lex_entry = -1;
        m.aliases.clear();
      }
    }
    bool descriptive = (x.type == "Initiative"sv || x.type == "Goal"sv || x.type == "Policy"sv) && h.end - h.begin >= 24;
    int sentence = m.sentence;
    // A zone's committee: "苏州工业园区管委会", "宿松经济开发区管理委员会" (a head
    // of rule head.agency_zone right after the region) is an agency; the
    // region is inside its name.
    Mention committee;
    if (m.type == "Region"sv && !m.weak) {
      size_t len = 0;
      const Rule* r = ctx.Words(RuleKind::head).PrefixAt(ctx.text, h.end, &len);
      if (r && r->id == "head.agency_zone" && r->arg == "Agency") {
        committee.span = {h.begin, static_cast<uint32_t>(h.end + len)};
        committee.type = "Agency";
        committee.rule = r->id;
        committee.sentence = m.sentence;
        committee.name = CleanName(ctx.text.substr(h.begin, h.end + len - h.begin));
        m.embedded = true;
      }
    }
    out.push_back(std::move(m));
    uint64_t rank = uint64_t{hi} << 32;
    if (order) order->push_back(rank++);
    if (!committee.name.empty()) {
      out.push_back(std::move(committee));
      if (order) order->push_back(rank++);
    }
    // A descriptive alias ("先进制造业和现代服务业深度融合") names sectors too.
    if (descriptive) {
      for (const Lexicon::Hit& in : L.Match(surface, {"Industry", "TargetGroup"})) {
        if (order) order->push_back(rank++);
        const LexEntry& y = L.entries()[in.entry];
        Mention k;
        k.span = {h.begin + in.begin, h.begin + in.end};
        k.type = y.type;
        k.lex_entry = static_cast<int>(in.entry);
        k.weak = y.weak();
        k.rule = "lexicon." + y.type;
        k.sentence = sentence;
        k.name = y.name;
        out.push_back(std::move(k));
      }
    }
  }
  if (!order) SortByBegin(out);
  return out;
}

std::vector<Mention> Recognize(DocContext& ctx, std::vector<Mention>& lexicon_store) {
  bool saw_bare = false;
  const std::vector<Lexicon::Hit> hits = ctx.lex->Match(ctx.text);
  const std::vector<Span> addressee = AddresseeLines(ctx);
  std::vector<uint64_t> order;
  auto drop_addressee = [&](std::vector<Mention>& ms, std::vector<uint64_t>* ranks = nullptr) {
    if (addressee.empty()) return;
    size_t k = 0;
    for (size_t i = 0; i < ms.size(); ++i) {
      if (InSpans(addressee, ms[i].span)) continue;
      if (k != i) {
        ms[k] = std::move(ms[i]);
        if (ranks) (*ranks)[k] = (*ranks)[i];
      }
      ++k;
    }
    ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(k), ms.end());
    if (ranks) ranks->resize(k);
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
  open.erase(std::remove_if(open.begin(), open.end(),
                            [&](const Mention& m) {
                              if (m.cited || m.doc_measure) return false;
                              for (const Span& t : titles) {
                                if (m.span.begin >= t.begin && m.span.end <= t.end) return true;
                                const bool crosses = m.span.begin < t.end && t.begin < m.span.end &&
                                                     !(m.span.begin <= t.begin && t.end <= m.span.end);
                                if (crosses) return true;
                              }
                              return false;
                            }),
             open.end());
  // A purpose goal replaces an item read from the same words (…先行区 is a goal there).
  std::vector<Span> purposes;
  for (const Mention& m : open) {
    if (m.purpose) purposes.push_back(m.span);
  }
  open.erase(std::remove_if(open.begin(), open.end(),
                            [&](const Mention& m) {
                              if (m.purpose) return false;
                              for (const Span& p : purposes) {
                                if (m.span.begin < p.end && p.begin < m.span.end) return true;
                              }
                              return false;
                            }),
             open.end());
  // Overlaps between open-class items and lexicon names.
  std::vector<Mention> lex = lexicon_store;
  std::vector<Mention> kept;
  auto lex_from = [&](uint32_t p) {
    return std::lower_bound(lex.begin(), lex.end(), p, [](const Mention& m, uint32_t x) { return m.span.begin < x; });
  };
  for (Mention& m : open) {
    bool inside_lexicon = false;
    // Lexicon names are short: look back a bounded distance only.
    for (auto it = lex_from(m.span.begin > 256 ? m.span.begin - 256 : 0); it != lex.end() && it->span.begin <= m.span.begin; ++it) {
      if (it->span.end >= m.span.end && !m.heading_goal && !m.doc_measure && !m.purpose) {
        inside_lexicon = true;
        break;
      }
    }
    if (!inside_lexicon) kept.push_back(std::move(m));
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
  // Lexicon mentions are sorted already: sort only what is added, then merge
  // into a new vector (the same order as a stable sort of the concatenation;
  // each mention moved once).
  auto by_begin = [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; };
  auto append_sorted = [&](std::vector<Mention>& all, std::vector<Mention>& more) {
    if (more.empty()) return;
    std::stable_sort(more.begin(), more.end(), by_begin);
    std::vector<Mention> merged;
    merged.reserve(all.size() + more.size());
    std::merge(std::make_move_iterator(all.begin()), std::make_move_iterator(all.end()),
               std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()), std::back_inserter(merged),
               by_begin);
    all.swap(merged);
  };
  std::vector<Mention> all = std::move(lex);
  if (!std::is_sorted(all.begin(), all.end(), by_begin)) std::stable_sort(all.begin(), all.end(), by_begin);
  append_sorted(all, kept);
  FindShortNames(ctx, all);
  FindAnaphors(ctx, all);
  std::vector<Mention> indicators;
  FindIndicators(ctx, all, indicators);
  append_sorted(all, indicators);
  return all;
}

}  // namespace pkg::ingest
