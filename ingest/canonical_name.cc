// Canonical names; see canonical_name.h.
#include "ingest/canonical_name.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "base/text.h"
#include "graph/value.h"
#include "ingest/key_hash.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

bool IsMeasureOrGoal(std::string_view t) {
  return t == "Initiative" || t == "Fund" || t == "Platform" || t == "Pilot" || t == "Policy" || t == "Goal";
}

bool EndsWith(const std::string& s, std::string_view w) {
  return s.size() >= w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0;
}

// The normalised forms of a region's names, longest first. A document's
// mentions all ask for its one region: the last answer is kept per thread,
// keyed by the names themselves (not the entry's address, which another
// lexicon may reuse).
const std::vector<std::string>& RegionForms(const LexEntry& r) {
  thread_local std::string name;
  thread_local std::vector<std::string> aliases;
  thread_local std::vector<std::string> forms;
  if (forms.empty() || name != r.name || aliases != r.aliases) {
    name = r.name;
    aliases = r.aliases;
    forms.clear();
    for (const auto& a : r.aliases) forms.push_back(NormalizeName(a));
    forms.push_back(NormalizeName(r.name));
    std::stable_sort(forms.begin(), forms.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  }
  return forms;
}

// NormalizeName of a lexicon entry's name, remembered per thread by entry
// index: the lexicon's names recur from one document to the next. A slot
// answers only for the same bytes of name (another lexicon may put another
// name at the index), so the answer is always NormalizeName's.
const std::string& EntryForm(const Lexicon& lex, int e) {
  struct Slot {
    std::string name, form;
    bool set = false;
  };
  thread_local std::vector<Slot> memo;  // by entry index
  if (memo.size() <= static_cast<size_t>(e)) memo.resize(std::max(lex.entries().size(), static_cast<size_t>(e) + 1));
  const std::string& name = lex.entries()[e].name;
  Slot& slot = memo[e];
  if (!slot.set || slot.name != name) {
    slot.name = name;
    slot.form = NormalizeName(name);
    slot.set = true;
  }
  return slot.form;
}

// NormalizeName(name), remembered per thread in a direct-mapped table (a
// slot keeps the last name that hashed to it): the names of measures, goals
// and other open-class items recur from one document to the next, and
// NormalizeName is a pure function of the name, so a hit is its answer.
const std::string& NormalizedName(std::string_view name) {
  struct Slot {
    std::string name, form;
    bool set = false;
  };
  constexpr size_t kSlots = 4096;
  thread_local std::vector<Slot> memo(kSlots);
  Slot& slot = memo[KeyHash{}(name) & (kSlots - 1)];
  if (!slot.set || slot.name != name) {
    slot.name.assign(name);
    slot.form = NormalizeName(name);
    slot.set = true;
  }
  return slot.form;
}

// CanonicalForm with the document region's normalised forms (RegionForms)
// already looked up: null when the document has no region the lexicon knows.
std::string CanonicalFormIn(std::string_view type, std::string_view name, const std::vector<std::string>* region_forms,
                            const Lexicon* lex) {
  std::string n = NormalizedName(name);
  if (lex) {
    int e = lex->Find(type, name);
    if (e >= 0 && lex->entries()[e].template_id < 0) return EntryForm(*lex, e);
  }
  if (!IsMeasureOrGoal(type)) return n;
  // The document's own region prefix.
  if (region_forms) {
    for (const auto& fn : *region_forms) {
      if (n.size() > fn.size() + 6 && n.compare(0, fn.size(), fn) == 0) {
        n.erase(0, fn.size());
        break;
      }
    }
  }
  static constexpr std::pair<std::string_view, std::string_view> kFold[] = {
      {"专项行动计划", "行动"}, {"行动计划", "行动"}, {"专项行动", "行动"}, {"三年行动", "行动"},
      {"投资基金", "基金"}, {"产业基金", "基金"}, {"工作体系", "体系"}, {"实施方案", "方案"}};
  for (const auto& [from, to] : kFold) {
    const std::string_view f = from;
    if (EndsWith(n, f) && n.size() > f.size() + 3) {
      n.replace(n.size() - f.size(), f.size(), to);
      break;
    }
  }
  return n;
}

// The normalised forms of `region`'s names (see RegionForms), or null.
const std::vector<std::string>* RegionFormsOf(std::string_view region, const Lexicon* lex) {
  if (region.empty() || !lex) return nullptr;
  const LexEntry* r = lex->FindRegion(region);
  return r ? &RegionForms(*r) : nullptr;
}

// NodeKey with the region's forms looked up (RegionFormsOf).
std::string NodeKeyIn(const Mention& m, const DocContext& ctx, const std::vector<std::string>* region_forms) {
  std::string key;
  if (m.lex_entry >= 0 && ctx.lex) {
    const std::string& form = EntryForm(*ctx.lex, m.lex_entry);
    key.reserve(m.type.size() + 1 + form.size());
    key.append(m.type);
    key += ':';
    key += form;
  } else {
    const std::string form = CanonicalFormIn(m.type, m.name, region_forms, ctx.lex);
    key.reserve(m.type.size() + 1 + form.size());
    key.append(m.type);
    key += ':';
    key += form;
  }
  if (m.type == "Indicator"sv) {
    if (const Value* p = FindProperty(m.props, "period"); p && p->kind() == Value::Kind::kString) {
      key += '@';
      key += NormalizeName(p->as_string());
    }
  }
  return key;
}

// An indicator's period as NodeKey reads it, else null.
const std::string* PeriodOf(const Mention& m) {
  if (m.type != "Indicator"sv) return nullptr;
  const Value* p = FindProperty(m.props, "period");
  return p && p->kind() == Value::Kind::kString ? &p->as_string() : nullptr;
}

}  // namespace

std::string CanonicalForm(std::string_view type, std::string_view name, std::string_view region, const Lexicon* lex) {
  return CanonicalFormIn(type, name, IsMeasureOrGoal(type) ? RegionFormsOf(region, lex) : nullptr, lex);
}

std::string NodeKey(const Mention& m, const DocContext& ctx) {
  const bool regional = !(m.lex_entry >= 0 && ctx.lex) && IsMeasureOrGoal(m.type);
  return NodeKeyIn(m, ctx, regional ? RegionFormsOf(ctx.region, ctx.lex) : nullptr);
}

void AssignNodeKeys(std::vector<Mention>& ms, const DocContext& ctx) {
  const std::vector<std::string>* region_forms = RegionFormsOf(ctx.region, ctx.lex);
  // The other mentions by (type, name, period): open addressing over the
  // index + 1 of the first mention of each, with its hash beside it.
  size_t cap = 16;
  while (cap < ms.size() * 2) cap <<= 1;
  std::vector<std::pair<uint64_t, uint32_t>> slots(cap, {0, 0});
  const KeyHash hash;
  for (size_t i = 0; i < ms.size(); ++i) {
    Mention& m = ms[i];
    if (m.lex_entry >= 0 && ctx.lex) {  // the entry's remembered form: no look-up needed
      m.key = NodeKeyIn(m, ctx, nullptr);
      continue;
    }
    const std::string* period = PeriodOf(m);
    const uint64_t h = (hash(m.type) * 0x9E3779B97F4A7C15ull) ^ hash(m.name) ^ (period ? hash(*period) * 31 : 0);
    size_t s = h & (cap - 1);
    for (;; s = (s + 1) & (cap - 1)) {
      const auto [sh, at] = slots[s];
      if (at == 0) break;
      if (sh != h) continue;
      const Mention& o = ms[at - 1];
      const std::string* op = PeriodOf(o);
      if (o.type == m.type && o.name == m.name && (period ? op && *op == *period : !op)) break;
    }
    if (slots[s].second) {
      m.key = ms[slots[s].second - 1].key;
    } else {
      m.key = NodeKeyIn(m, ctx, IsMeasureOrGoal(m.type) ? region_forms : nullptr);
      slots[s] = {h, static_cast<uint32_t>(i + 1)};
    }
  }
}

std::string DocumentKey(std::string_view bytes) {
  // FNV-1a, eight bytes a round (the same hash; the loop's overhead once per eight).
  constexpr uint64_t kPrime = 1099511628211ull;
  uint64_t h = 1469598103934665603ull;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    h = (h ^ p[i]) * kPrime;
    h = (h ^ p[i + 1]) * kPrime;
    h = (h ^ p[i + 2]) * kPrime;
    h = (h ^ p[i + 3]) * kPrime;
    h = (h ^ p[i + 4]) * kPrime;
    h = (h ^ p[i + 5]) * kPrime;
    h = (h ^ p[i + 6]) * kPrime;
    h = (h ^ p[i + 7]) * kPrime;
  }
  for (; i < bytes.size(); ++i) h = (h ^ p[i]) * kPrime;
  std::string key = "doc:0000000000000000";  // "doc:%016llx"
  for (size_t k = key.size(); k > 4; --k, h >>= 4) key[k - 1] = "0123456789abcdef"[h & 15];
  return key;
}

}  // namespace pkg::ingest
