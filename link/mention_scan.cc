// MentionScanner; see mention_scan.h.
#include "link/mention_scan.h"

#include <algorithm>
#include <cctype>

#include "base/text.h"

namespace pkg {

namespace {

// One code point of UTF-8 at s[i] (advancing i); invalid bytes come out as
// themselves, one at a time.
uint32_t NextCodePoint(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (i + len > s.size()) len = 1;
  uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

uint32_t Fold(uint32_t cp) { return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp; }
bool AsciiWord(uint32_t cp) { return cp < 0x80 && (std::isalnum(static_cast<int>(cp)) != 0); }
uint64_t Pair(uint32_t a, uint32_t b) { return (uint64_t{Fold(a)} << 32) | Fold(b); }

// Marks no name crosses: line ends and sentence and clause punctuation.
bool Break(uint32_t cp) {
  switch (cp) {
    case '\n': case '\r': case ',': case ';': case '!': case '?': case ':':
    case 0x3002: /* 。 */ case 0xFF0C: /* ， */ case 0xFF1B: /* ； */ case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */ case 0x3001: /* 、 */ case 0xFF1A: /* ： */
      return true;
    default:
      return false;
  }
}

std::vector<uint32_t> CodePoints(std::string_view s) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < s.size();) out.push_back(NextCodePoint(s, i));
  return out;
}

}  // namespace

MentionScanner::MentionScanner(std::shared_ptr<const KeyRules> rules, Options opts)
    : rules_(std::move(rules)), opts_(opts), starters_(CommonStarters(*rules_)) {
  for (const std::string& e : rules_->Endings()) {
    auto cps = CodePoints(e);
    if (cps.size() >= 2) anchors_.insert(Pair(cps[cps.size() - 2], cps.back()));
  }
}

int MentionScanner::AddItem(std::string_view id, std::string_view type, std::string_view name,
                            const std::vector<std::string>& aliases, std::string_view name_en, size_t weight,
                            const std::vector<std::string>& doc_regions, bool region_relative) {
  int index = static_cast<int>(items_.size());
  // Items no document speaks of (curated statements) are taken as named.
  Item item{std::string(id), std::string(type), weight, {}, region_relative,
            doc_regions.empty() || MarkedAsOneItem(name, aliases, name_en)};
  std::vector<std::string_view> surfaces{name};
  for (const auto& a : aliases) surfaces.push_back(a);
  surfaces.push_back(name_en);
  std::vector<NameKey> keys;
  for (std::string_view surface : surfaces) keys.push_back(surface.empty() ? NameKey{} : rules_->Key(surface));
  // Where it was found, by province (浦东新区 and 上海 are one region here).
  for (const auto& r : doc_regions) {
    std::string c = r.empty() ? std::string() : rules_->CanonicalRegion(r);
    if (!c.empty()) item.regions.push_back(rules_->Province(c));
  }
  for (const auto& k : keys) {
    if (!k.region.empty()) item.regions.push_back(rules_->Province(k.region));
  }
  std::sort(item.regions.begin(), item.regions.end());
  item.regions.erase(std::unique(item.regions.begin(), item.regions.end()), item.regions.end());
  const bool regional = item.regions.size() == 1;
  int used = 0;
  for (size_t i = 0; i < surfaces.size(); ++i) {
    const NameKey& k = keys[i];
    if (surfaces[i].empty()) continue;
    if (region_relative && regional && k.region.empty()) continue;  // 经信委 of a city: the reader's own
    if (!SpecificName(*rules_, k, opts_)) continue;
    auto& named = by_key_[k.key];
    bool dup = false;
    for (const Named& n : named) dup = dup || (n.item == index && n.region == k.region);
    if (dup) continue;
    named.push_back(Named{index, k.region});
    std::string normal = NormalizeName(surfaces[i]);
    if (uint64_t a = AnchorOf(normal)) anchors_.insert(a);
    if (uint32_t f = StarterOf(normal)) starters_.insert(f);
    if (uint32_t f = StarterOf(k.key)) starters_.insert(f);  // without its region or tier word
    max_chars_ = std::max(max_chars_, Utf8Length(normal));
    ++used;
  }
  if (used > 0) items_.push_back(std::move(item));
  return used;
}

void MentionScanner::Finish() {
  for (auto& [key, named] : by_key_) {
    std::sort(named.begin(), named.end(), [](const Named& a, const Named& b) {
      return a.region != b.region ? a.region < b.region : a.item < b.item;
    });
  }
}

int MentionScanner::Resolve(const NameKey& k, const std::string& doc_region) const {
  auto it = by_key_.find(k.key);
  if (it == by_key_.end()) return -1;
  const std::string doc_province = doc_region.empty() ? std::string() : rules_->Province(doc_region);
  // Which items this stretch may name (see the header), and the region each
  // reading puts it in.
  std::vector<std::pair<int, std::string>> ok;
  for (const Named& n : it->second) {
    const Item& item = items_[n.item];
    const bool general = item.regions.size() != 1;
    if (!k.region.empty()) {
      if (n.region == k.region ||
          (n.region.empty() && (general || item.regions[0] == rules_->Province(k.region)))) {
        ok.emplace_back(n.item, k.region);
      }
    } else if (item.relative) {
      // An agency named without its region is the reader's own.
      const std::string& own = !n.region.empty() ? n.region : general ? std::string() : item.regions[0];
      if (own.empty() ? n.region.empty() && general && item.marked : own == doc_region || own == doc_province) {
        ok.emplace_back(n.item, own);
      }
    } else if (!n.region.empty()) {
      if (doc_region.empty() || doc_region == n.region || doc_province == rules_->Province(n.region)) {
        ok.emplace_back(n.item, n.region);
      }
    } else if (general) {
      if (item.marked) ok.emplace_back(n.item, std::string());
    } else if (doc_region.empty() || doc_province == item.regions[0]) {
      ok.emplace_back(n.item, item.regions[0]);
    }
  }
  // Readings in two regions: the document's region decides, else none.
  std::string first;
  bool several = false;
  for (const auto& [i, r] : ok) {
    if (r.empty()) continue;
    if (first.empty()) first = r;
    else if (r != first) several = true;
  }
  if (several) {
    std::erase_if(ok, [&](const auto& x) { return x.second != doc_region; });
    if (doc_region.empty()) ok.clear();
  }
  int best = -1;
  for (const auto& [i, r] : ok) {
    if (best < 0 || items_[i].weight > items_[best].weight ||
        (items_[i].weight == items_[best].weight && items_[i].id < items_[best].id)) {
      best = i;
    }
  }
  return best;
}

bool SpecificName(const KeyRules& rules, const NameKey& k, const MentionScanOptions& opts) {
  std::string_view core(k.key);
  core.remove_suffix(std::min(core.size(), k.phase.size()));
  bool ascii = std::all_of(core.begin(), core.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii ? core.size() < opts.min_ascii_chars : Utf8Length(core) < opts.min_key_chars) return false;
  return !rules.Relative(k);
}

uint64_t AnchorOf(std::string_view name) {
  auto cps = CodePoints(name);
  return cps.size() >= 2 ? Pair(cps[cps.size() - 2], cps.back()) : 0;
}

uint32_t StarterOf(std::string_view name) {
  if (name.empty()) return 0;
  size_t i = 0;
  return Fold(NextCodePoint(name, i));
}

bool MarkedAsOneItem(std::string_view name, const std::vector<std::string>& aliases, std::string_view name_en) {
  if (!name_en.empty()) return true;
  auto marked = [](std::string_view n) {
    for (std::string_view p : {"国家", "中国", "全国", "国务院"}) {
      if (n.substr(0, p.size()) == p) return true;
    }
    return n.find("\xE2\x80\x9C") != std::string_view::npos || n.find("\xE3\x80\x8A") != std::string_view::npos;  // “ 《
  };
  if (marked(name)) return true;
  for (const auto& a : aliases) {
    if (marked(a)) return true;
  }
  return false;
}

std::unordered_set<uint32_t> CommonStarters(const KeyRules& rules) {
  std::unordered_set<uint32_t> out;
  for (const std::string& w : rules.Leaders()) {
    if (uint32_t f = StarterOf(w)) out.insert(f);
  }
  // Opening quotes and brackets the key drops (the text is NFKC: （ is '(').
  for (uint32_t q : {0x201Cu, 0x2018u, 0x300Au, 0x300Cu, 0x300Eu, uint32_t('"'), uint32_t('\''), uint32_t('(')}) out.insert(q);
  return out;
}

std::vector<NameHit> ScanNames(std::string_view text, const std::unordered_set<uint64_t>& anchors,
                               const std::unordered_set<uint32_t>& starters, size_t window, size_t shortest,
                               const std::function<int(uint32_t, uint32_t)>& try_name, size_t max_tries,
                               bool* truncated) {
  std::vector<NameHit> hits;
  if (truncated) *truncated = false;
  if (anchors.empty()) return hits;
  size_t tries = 0;
  std::vector<uint32_t> cps;
  std::vector<uint32_t> offs;  // byte offset of each code point, plus the segment's end
  size_t i = 0;
  while (i < text.size()) {
    // One segment: the code points up to the next break.
    cps.clear();
    offs.clear();
    while (i < text.size()) {
      size_t at = i;
      uint32_t cp = NextCodePoint(text, i);
      if (Break(cp)) {
        offs.push_back(static_cast<uint32_t>(at));
        break;
      }
      cps.push_back(cp);
      offs.push_back(static_cast<uint32_t>(at));
    }
    if (offs.size() == cps.size()) offs.push_back(static_cast<uint32_t>(i));
    const size_t n = cps.size();
    for (size_t e = 2; e <= n; ++e) {
      if (!anchors.count(Pair(cps[e - 2], cps[e - 1]))) continue;
      if (AsciiWord(cps[e - 1]) && e < n && AsciiWord(cps[e])) continue;  // inside a word
      for (size_t s = e > window ? e - window : 0; s + shortest <= e; ++s) {
        if (!starters.count(Fold(cps[s]))) continue;
        if (AsciiWord(cps[s]) && s > 0 && AsciiWord(cps[s - 1])) continue;
        if (++tries > max_tries) {
          if (truncated) *truncated = true;
          i = text.size();
          e = n;
          break;
        }
        int item = try_name(offs[s], offs[e]);
        if (item >= 0) {
          hits.push_back(NameHit{offs[s], offs[e], item});
          break;  // the longest candidate ending here
        }
        if (item == kStopHere) break;
      }
    }
  }
  // Longest first; a match overlapping a longer (or earlier equal) one goes.
  std::sort(hits.begin(), hits.end(), [](const NameHit& a, const NameHit& b) {
    return a.end - a.begin != b.end - b.begin ? a.end - a.begin > b.end - b.begin : a.begin < b.begin;
  });
  std::vector<NameHit> kept;
  for (const NameHit& h : hits) {
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const NameHit& k) { return h.begin < k.end && k.begin < h.end; });
    if (!overlaps) kept.push_back(h);
  }
  std::sort(kept.begin(), kept.end(), [](const NameHit& a, const NameHit& b) { return a.begin < b.begin; });
  return kept;
}

std::vector<NameHit> MentionScanner::Scan(std::string_view text, std::string_view doc_region, bool* truncated) const {
  if (items_.empty()) return {};
  const std::string region = doc_region.empty() ? std::string() : rules_->CanonicalRegion(doc_region);
  // Room around the longest name for quotes, a region and a tier word.
  const size_t window = std::min<size_t>(max_chars_ + 8, 96);
  const size_t shortest = std::min(opts_.min_key_chars, opts_.min_ascii_chars);
  return ScanNames(text, anchors_, starters_, window, shortest, [&](uint32_t b, uint32_t e) {
    NameKey k = rules_->Key(text.substr(b, e - b));
    int item = Resolve(k, region);
    if (item >= 0) return item;
    // 常州市X where X is known only elsewhere: not X without its region.
    return !k.region.empty() && by_key_.count(k.key) ? kStopHere : kGoOn;
  }, kMaxNameTries, truncated);
}

}  // namespace pkg
