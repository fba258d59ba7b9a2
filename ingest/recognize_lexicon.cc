// Lexicon names as mentions; see recognize.h (FindLexiconMentions).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "ingest/np_scan.h"
#include "ingest/recognize.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

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

// Whether CleanName(s) == s: no byte that may start a dropped character or
// a space (np_scan.cc: '"', ' ', E2, E3).
bool Plain(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = kOnes * 0x80;
  auto has = [](uint64_t w, unsigned char b) {  // a byte of w equal to b
    const uint64_t x = w ^ (kOnes * b);
    return ((x - kOnes) & ~x & kHigh) != 0;
  };
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {  // eight bytes a step
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (has(w, ' ') || has(w, '"') || has(w, 0xE2) || has(w, 0xE3)) return false;
  }
  for (; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b == ' ' || b == '"' || b == 0xE2 || b == 0xE3) return false;
  }
  return true;
}

}  // namespace

// Hits come sorted; only names found inside a descriptive alias are out of
// place (a stable sort of sorted mentions would still move every one).
void SortByBegin(std::vector<Mention>& ms) {
  auto by_begin = [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; };
  if (!std::is_sorted(ms.begin(), ms.end(), by_begin)) std::stable_sort(ms.begin(), ms.end(), by_begin);
}

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
  // Made when the first short form is met (most documents have none).
  bool named_ready = false;
  auto named = [&]() -> const std::vector<uint32_t>& {
    if (!named_ready) {
      for (const Lexicon::Hit& h : *hits) {
        if (!short_form(h)) named_in_full.push_back(h.entry);
      }
      std::sort(named_in_full.begin(), named_in_full.end());
      named_ready = true;
    }
    return named_in_full;
  };
  if (order) order->clear();
  // Structure::SentenceAt, from the last answer: the hits come by begin.
  size_t after = 0;  // the sentences beginning at or before the last position asked about
  auto sentence_at = [&](uint32_t p) -> int {
    if (!ctx.st) return -1;
    const auto& ss = ctx.st->sentences;
    if (after > 0 && ss[after - 1].span.begin > p) return ctx.st->SentenceAt(p);  // went back: not kept
    while (after < ss.size() && ss[after].span.begin <= p) ++after;
    if (after == 0) return -1;
    const Sentence& s = ss[after - 1];
    return s.span.contains(p) || p == s.span.end ? static_cast<int>(after - 1) : -1;
  };
  for (size_t hi = 0; hi < hits->size(); ++hi) {
    const Lexicon::Hit& h = (*hits)[hi];
    const LexEntry& x = L.entries()[h.entry];
    if (only_bare && (x.template_id < 0 || h.region != Lexicon::kNoRegion)) continue;
    if (short_form(h) && !std::binary_search(named().begin(), named().end(), h.entry)) continue;
    Mention& m = out.emplace_back();  // in place: a Mention is large (dropped again below if it names nothing)
    m.span = {h.begin, h.end};
    m.type = x.type;
    m.lex_entry = static_cast<int>(h.entry);
    m.weak = x.weak() || (x.type == "Agency"sv && DirectiveOwner(ctx, *hits, hi));
    m.rule = x.rule;
    m.sentence = sentence_at(h.begin);
    const std::string_view surface = ctx.text.substr(h.begin, h.end - h.begin);
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
                 !composed.empty()) {
        // A body whose template has no instance at that level, named without an
        // entry: 区财政局 in 包河区 is 合肥市包河区财政局 (from the city-level
        // template), 省投资促进局 in 四川 is 四川省投资促进局.
        m.lex_entry = -1;
        m.name = std::move(composed);
      } else {
        out.pop_back();
        continue;  // "区政府" with no known region: not a name we can pin down
      }
    } else {
      m.name = x.name;
    }
    if (Plain(surface)) {
      if (surface != m.name) m.aliases.emplace_back(surface);  // CleanName(surface) is the surface
    } else if (std::string clean = CleanName(surface); clean != m.name) {
      m.aliases.push_back(std::move(clean));
    }
    if (surface.find("“") != std::string::npos) m.aliases.emplace_back(surface);
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
    const Rule* zone = nullptr;
    size_t zone_len = 0;
    if (m.type == "Region"sv && !m.weak) {
      const Rule* r = ctx.Words(RuleKind::head).PrefixAt(ctx.text, h.end, &zone_len);
      if (r && r->id == "head.agency_zone" && r->arg == "Agency") {
        zone = r;
        m.embedded = true;
      }
    }
    uint64_t rank = uint64_t{hi} << 32;
    if (order) order->push_back(rank++);
    if (zone) {  // m is not used from here on: out may grow
      Mention& committee = out.emplace_back();
      committee.span = {h.begin, static_cast<uint32_t>(h.end + zone_len)};
      committee.type = "Agency";
      committee.rule = zone->id;
      committee.sentence = sentence;
      committee.name = CleanName(ctx.text.substr(h.begin, h.end + zone_len - h.begin));
      if (committee.name.empty()) {
        out.pop_back();
      } else if (order) {
        order->push_back(rank++);
      }
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
        k.rule = y.rule;
        k.sentence = sentence;
        k.name = y.name;
        out.push_back(std::move(k));
      }
    }
  }
  if (!order) SortByBegin(out);
  return out;
}

}  // namespace pkg::ingest
