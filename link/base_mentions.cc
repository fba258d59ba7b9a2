// BaseNames; see base_mentions.h.
#include "link/base_mentions.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/text.h"

namespace pkg {

bool BaseNames::Wanted(TypeId t) const {
  return (measure_ && base_->schema().IsA(t, *measure_)) || (enterprise_ && t == *enterprise_);
}

std::shared_ptr<const BaseNames> BaseNames::Build(SnapshotPtr base, std::shared_ptr<const KeyRules> rules,
                                                  MentionScanner::Options opts) {
  std::shared_ptr<BaseNames> b(new BaseNames());
  b->base_ = std::move(base);
  b->rules_ = std::move(rules);
  b->opts_ = opts;
  const Snapshot& g = *b->base_;
  b->measure_ = g.schema().FindNodeType("Measure");
  b->enterprise_ = g.schema().FindNodeType("Enterprise");
  for (const auto& def : g.schema().node_types()) {
    auto t = g.schema().FindNodeType(def.name);
    if (t && !def.abstract && b->Wanted(*t)) b->types_.push_back(*t);
  }
  b->starters_ = CommonStarters(*b->rules_);
  for (const std::string& e : b->rules_->Endings()) {
    if (uint64_t a = AnchorOf(e)) b->anchors_.insert(a);
  }
  auto add = [&](std::string_view name) {
    if (name.empty()) return;
    std::string normal = NormalizeName(name);
    if (uint64_t a = AnchorOf(normal)) b->anchors_.insert(a);
    if (uint32_t f = StarterOf(normal)) b->starters_.insert(f);
    if (uint32_t f = StarterOf(b->rules_->Key(name).key)) b->starters_.insert(f);  // without region or tier
    b->max_chars_ = std::max(b->max_chars_, Utf8Length(normal));
  };
  for (uint32_t i = 0; i < g.num_nodes(); ++i) {
    NodeId n(i);
    if (!b->Wanted(g.type(n))) continue;
    add(g.name(n));
    add(g.name_en(n));
    for (const auto& a : g.aliases(n)) add(a);
  }
  return b;
}

std::vector<Statement> BaseNames::MentionsIn(const CorpusDocument& doc, const NormalizedDocument& text,
                                             std::string_view doc_region, size_t max_per_item,
                                             const Linker* linker, const LinkIndex* index) const {
  const bool by_key = linker && index && index->snap == base_;
  std::vector<Statement> out;
  if (text.orig.size() != text.text.size() + 1) return out;
  const Snapshot& g = *base_;
  const std::string region = doc_region.empty() ? std::string() : rules_->CanonicalRegion(doc_region);
  // The regions of the documents an item was found in (the first 32 places).
  // (*documents: whether any document speaks of it at all.)
  auto regions_of = [&](NodeId n, bool* documents = nullptr) {
    std::set<std::string> r;
    const auto& prov = g.provenance(n);
    if (documents) *documents = false;
    for (size_t i = 0; i < prov.size() && i < 32; ++i) {
      auto d = g.FindByKey(prov[i].document);
      if (!d) continue;
      if (documents) *documents = true;
      Value v = g.property(*d, "region");
      if (v.kind() == Value::Kind::kString && !v.as_string().empty()) {
        std::string c = rules_->CanonicalRegion(v.as_string());
        if (!c.empty()) r.insert(rules_->Province(c));
      }
    }
    return r;
  };
  std::vector<NodeId> items;  // hit item → node
  std::map<uint32_t, int> index_of;
  const size_t window = std::min<size_t>(max_chars_ + 8, 96);
  const size_t shortest = std::min(opts_.min_key_chars, opts_.min_ascii_chars);
  auto hits = ScanNames(text.text, anchors_, starters_, window, shortest, [&](uint32_t b, uint32_t e) -> int {
    std::string_view cand = std::string_view(text.text).substr(b, e - b);
    NameKey k = rules_->Key(cand);
    if (!SpecificName(*rules_, k, opts_)) return kGoOn;
    std::vector<NodeId> found;
    if (by_key) {
      for (TypeId t : types_) {
        auto d = linker->Denoted(*index, t, cand);
        found.insert(found.end(), d.begin(), d.end());
      }
    } else {
      found = g.FindByName(cand);
    }
    std::optional<NodeId> best;
    for (NodeId n : found) {
      if (!Wanted(g.type(n))) continue;
      // The regions its names carry.
      std::set<std::string> named;
      for (std::string_view x : {g.name(n), g.name_en(n)}) {
        if (!x.empty()) if (auto r = rules_->Key(x).region; !r.empty()) named.insert(r);
      }
      for (const auto& a : g.aliases(n)) {
        if (auto r = rules_->Key(a).region; !r.empty()) named.insert(r);
      }
      if (!k.region.empty()) {
        // 上海市X: X of 上海, or an X of no other region.
        if (!named.count(k.region)) {
          if (!named.empty()) continue;
          auto r = regions_of(n);
          if (r.size() == 1 && *r.begin() != rules_->Province(k.region)) continue;
        }
      } else {
        if (!region.empty() && !named.empty() && !named.count(region)) continue;  // 北京市X, read in 上海
        bool documents = false;
        auto r = regions_of(n, &documents);
        if (named.empty() && r.size() == 1 && !region.empty() && *r.begin() != rules_->Province(region)) continue;
        // A kind of measure every region has (工业互联网平台), not one item.
        if (named.empty() && r.size() != 1 && documents && !MarkedAsOneItem(g.name(n), g.aliases(n), g.name_en(n))) {
          continue;
        }
      }
      if (!best || g.provenance(n).size() > g.provenance(*best).size()) best = n;
    }
    // 北京市X where X is known only elsewhere: not X without its region.
    if (!best) return !k.region.empty() && !found.empty() ? kStopHere : kGoOn;
    auto [it, fresh] = index_of.emplace(best->v, static_cast<int>(items.size()));
    if (fresh) items.push_back(*best);
    return it->second;
  });
  std::unordered_set<std::string> mentioned(doc.mentioned.begin(), doc.mentioned.end());
  std::map<int, std::vector<const NameHit*>> by_item;
  for (const NameHit& h : hits) {
    uint64_t b = text.orig[h.begin], e = text.orig[h.end - 1] + 1;
    std::string key(g.key(items[h.item]));
    if (SkipPlace(doc, b, e, mentioned.count(key) > 0)) continue;
    auto& places = by_item[h.item];
    if (places.size() < max_per_item) places.push_back(&h);
  }
  for (const auto& [item, places] : by_item) {
    NodeId n = items[item];
    std::set<std::string> names{NormalizeName(g.name(n))};
    for (const auto& a : g.aliases(n)) names.insert(NormalizeName(a));
    MentionStatements(doc, text, std::string(g.key(n)), g.schema().node_type(g.type(n)).name, places,
                      [&](const std::string& x) { return names.count(x) > 0; }, out);
  }
  return out;
}

}  // namespace pkg
