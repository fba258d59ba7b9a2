// Lexicon matching and look-ups: one Aho–Corasick pass, template instances composed at match time; see lexicon.h.
#include "ingest/lexicon.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "base/text.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

// The first position at or after `from` holding an ASCII letter, else
// text.size(); eight bytes a step (per byte: its low seven bits folded to
// lower case, tested for 'a'..'z' by two adds whose carries stay in the byte,
// bytes of 0x80 and above masked out).
size_t NextAsciiLetter(std::string_view text, size_t from) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = kOnes * 0x80;
  size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    const uint64_t y = (w & ~kHigh) | (kOnes * 0x20);
    const uint64_t hit = (y + kOnes * (0x80 - 'a')) & ~(y + kOnes * (0x80 - 'z' - 1)) & ~w & kHigh;
    if (hit) return i + static_cast<size_t>(std::countr_zero(hit) / 8);
  }
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return i;
  }
  return text.size();
}

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Whether [b, e) lies in a token of printable ASCII (no spaces) that is a web
// or mail address: it holds "://", "www.", '@' or a dot right before or after
// the span with a letter beyond it ("www.shanghai.gov.cn", "miit.gov.cn").
bool InAddress(std::string_view text, size_t b, size_t e) {
  auto token_char = [](char c) { return c > ' ' && c < 0x7F; };
  size_t tb = b, te = e;
  while (tb > 0 && token_char(text[tb - 1]) && b - tb < 256) --tb;
  while (te < text.size() && token_char(text[te]) && te - e < 256) ++te;
  const std::string_view token = text.substr(tb, te - tb);
  if (token.find("://") != std::string_view::npos || token.find("www.") != std::string_view::npos ||
      token.find('@') != std::string_view::npos) {
    return true;
  }
  const bool dot_before = b >= 2 && text[b - 1] == '.' && IsAsciiAlnum(text[b - 2]);
  const bool dot_after = e + 1 < text.size() && text[e] == '.' && IsAsciiAlnum(text[e + 1]);
  return dot_before || dot_after;
}

// Whether a match [b, e) that starts or ends with a Latin letter or digit
// cuts a word ("China" in "Chinatown", "MIIT" in "MIITs") or lies in a web or
// mail address (www.shanghai.gov.cn): such a match names nothing.
bool CutsWordOrAddress(std::string_view text, size_t b, size_t e) {
  // Most names begin and end with a Chinese character: no Latin end to judge.
  if (static_cast<unsigned char>(text[b]) >= 0x80 && static_cast<unsigned char>(text[e - 1]) >= 0x80) return false;
  const bool latin_begin = IsAsciiAlnum(text[b]), latin_end = IsAsciiAlnum(text[e - 1]);
  if ((latin_begin && b > 0 && IsAsciiAlnum(text[b - 1])) || (latin_end && e < text.size() && IsAsciiAlnum(text[e]))) {
    return true;
  }
  return (latin_begin || latin_end) && InAddress(text, b, e);
}

// A ministry's name ending in 部 run into 门 is the common noun 部门
// ("department(s)"): 市财政部门 is a city's finance department, not 财政部;
// 工业和信息化部门, 科技部门 likewise. (部 + 门户, the ministry's portal, stays.)
bool EndsInsideBumen(std::string_view text, size_t e) {
  return e >= 3 && text.substr(e - 3, 3) == "部" && text.substr(e, 3) == "门" && text.substr(e + 3, 3) != "户";
}

}  // namespace

struct Lexicon::Candidate {
  uint32_t begin, end;
  uint32_t entry;
  bool composed;                   // a template instance (loses to a surface of the same span)
  const std::string* bare_level;
  uint32_t region = kNoRegion;     // see Hit::region
};

void Lexicon::Compose(std::string_view text, const AhoCorasick::Match& m, const std::vector<AhoCorasick::Match>& all,
                      std::vector<Candidate>& out) const {
  static const std::string kNone;
  // The matches ending where the tail begins.
  auto q = std::lower_bound(all.begin(), all.end(), m.begin,
                            [](const AhoCorasick::Match& a, uint32_t end) { return a.end < end; });
  for (; q != all.end() && q->end == m.begin; ++q) {
    if (q->pattern >= form_regions_.size()) continue;
    const auto& regions = form_regions_[q->pattern];
    for (const TailRole& role : tail_roles_[m.pattern]) {
      const std::vector<uint32_t>& rs = regions[role.full];
      if (rs.empty()) continue;
      const size_t b = q->begin;
      if (b < role.prefix.size() || text.compare(b - role.prefix.size(), role.prefix.size(), role.prefix) != 0) continue;
      const uint32_t begin = static_cast<uint32_t>(b - role.prefix.size());
      if (!ambiguous_set_.empty() && ambiguous_set_.count(text.substr(begin, m.end - begin))) continue;
      // The first region (file order) of the template's levels: the instance
      // whose string was listed first.
      const Template& tp = templates_[role.tmpl];
      bool found = false;
      for (uint32_t r : rs) {
        if (std::find(tp.levels.begin(), tp.levels.end(), entries_[r].level) == tp.levels.end()) continue;
        auto inst = instance_of_.find(uint64_t{role.tmpl} << 32 | r);
        if (inst != instance_of_.end()) out.push_back(Candidate{begin, m.end, inst->second, true, &kNone});
        found = true;
        break;
      }
      // A city-level body written with a county or district (宿松县发展和改革委员会,
      // 包河区财政局): no instance exists; the name is composed by NameFor.
      // An ambiguous region form (会同县: 将会同县发展和改革委员会 is 会同 + 县…) composes none.
      if (!found && std::find(tp.levels.begin(), tp.levels.end(), "city") != tp.levels.end() &&
          !ambiguous_set_.count(text.substr(q->begin, q->end - q->begin))) {
        for (uint32_t r : rs) {
          if (entries_[r].level != "district") continue;
          out.push_back(Candidate{begin, m.end, template_bare_[role.tmpl], true, &kNone, r});
          break;
        }
      }
    }
  }
}

std::vector<Lexicon::Hit> Lexicon::Match(std::string_view text, const std::vector<std::string>& types) const {
  static const std::string kNoLevel;
  const auto all = ac_.FindAll(text);
  std::vector<Candidate> cands;
  cands.reserve(all.size());
  for (const auto& m : all) {
    const Surface& s = surfaces_[m.pattern];
    if (CutsWordOrAddress(text, m.begin, m.end)) continue;
    if (EndsInsideBumen(text, m.end)) {
      // The whole noun phrase (农业农村部门) names no item: not 农业 either.
      cands.push_back(Candidate{m.begin, m.end + 3, kNoEntry, false, &kNoLevel});
      continue;
    }
    if (s.entry != kNoEntry) cands.push_back(Candidate{m.begin, m.end, s.entry, false, &s.bare_level});
    if (s.guard) cands.push_back(Candidate{m.begin, m.end, kNoEntry, false, &kNoLevel});  // blocks names starting inside
    if (m.pattern < tail_roles_.size() && !tail_roles_[m.pattern].empty()) Compose(text, m, all, cands);
  }
  // English names, in each run of ASCII (but '\n') that holds a letter and is
  // long enough: found from its letters (most ASCII runs are punctuation).
  auto in_run = [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '\n'; };
  for (size_t from = 0; from < text.size() && !en_entry_.empty();) {
    const size_t letter = NextAsciiLetter(text, from);
    if (letter >= text.size()) break;
    size_t b = letter, e = letter + 1;
    while (b > from && in_run(text[b - 1])) --b;  // the run began after the last one ended
    while (e < text.size() && in_run(text[e])) ++e;
    from = e;
    if (e - b >= 3) {
      for (const auto& m : ac_en_.FindAll(text.substr(b, e - b))) {
        const size_t mb = b + m.begin, me = b + m.end;
        if (CutsWordOrAddress(text, mb, me)) continue;
        cands.push_back(Candidate{static_cast<uint32_t>(mb), static_cast<uint32_t>(me), en_entry_[m.pattern], false, &kNoLevel});
      }
    }
  }
  if (!types.empty()) {
    cands.erase(std::remove_if(cands.begin(), cands.end(),
                               [&](const Candidate& c) {
                                 if (c.entry == kNoEntry) return false;  // a blocked span stays
                                 const std::string& t = entries_[c.entry].type;
                                 return std::find(types.begin(), types.end(), t) == types.end();
                               }),
                cands.end());
  }
  // Leftmost, then longest; of equal spans (one string) the surface, then
  // the instance listed first, as when each instance was a surface.
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    if (a.composed != b.composed) return !a.composed;
    return a.entry < b.entry;
  });
  std::vector<Hit> out;
  uint32_t covered = 0;
  for (const auto& c : cands) {
    if (c.begin < covered) continue;
    if (c.entry != kNoEntry) out.push_back(Hit{c.begin, c.end, c.entry, *c.bare_level, c.region});
    covered = c.end;
  }
  return out;
}

// Look-up keys are built in a per-thread buffer: no allocation per call.
const LexEntry* Lexicon::FindRegion(std::string_view name) const {
  thread_local std::string key;
  key.assign(name);
  auto it = region_by_name_.find(key);
  return it == region_by_name_.end() ? nullptr : &entries_[it->second];
}

bool Lexicon::MayHold(size_t hash) const {
  if (find_filter_.empty()) return true;
  const size_t mask = find_filter_.size() * 64 - 1;
  const size_t a = hash & mask, b = ((hash >> 32) ^ (hash * 0x9E3779B97F4A7C15ull)) & mask;
  return ((find_filter_[a >> 6] >> (a & 63)) & 1) && ((find_filter_[b >> 6] >> (b & 63)) & 1);
}

int Lexicon::Find(std::string_view type, std::string_view name) const {
  thread_local std::string key;
  key.assign(type);
  key += '\t';
  key.append(name);
  if (!MayHold(std::hash<std::string_view>{}(key))) return -1;
  auto it = by_type_name_.find(key);
  return it == by_type_name_.end() ? -1 : static_cast<int>(it->second);
}


}  // namespace pkg::ingest
