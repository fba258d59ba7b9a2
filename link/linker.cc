// Linker; see linker.h.
#include "link/linker.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <unordered_set>

#include "base/text.h"
#include "graph/key_index.h"
#include "link/link_keys.h"

namespace pkg {

using link_keys::Bigrams;
using link_keys::DocNumberKey;
using link_keys::NamesOf;
using link_keys::SimilarityCandidate;

namespace {


// Union-find with the reason each non-root joined its parent.
class Clusters {
 public:
  explicit Clusters(size_t n) : parent_(n), reason_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // Joins the clusters of a and b unless a cannot-link pair would end up together.
  bool Union(size_t a, size_t b, const std::string& why,
             const std::vector<std::pair<size_t, size_t>>& cannot) {
    size_t ra = Find(a), rb = Find(b);
    if (ra == rb) return false;
    for (const auto& [x, y] : cannot) {
      size_t fx = Find(x), fy = Find(y);
      if ((fx == ra && fy == rb) || (fx == rb && fy == ra)) return false;
    }
    parent_[rb] = ra;
    if (reason_[b].empty()) reason_[b] = why;
    if (reason_[rb].empty()) reason_[rb] = why;
    return true;
  }
  const std::string& reason(size_t x) const { return reason_[x]; }

 private:
  std::vector<size_t> parent_;
  std::vector<std::string> reason_;
};

std::string Digits(std::string_view s) {
  static const std::string kChinese[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "亿"};
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') out += s[i];
    for (const auto& c : kChinese) {
      if (s.compare(i, c.size(), c) == 0) out += c;
    }
  }
  return out;
}

}  // namespace

Status Linker::AddEquivalences(std::string_view text, const std::string& origin) {
  size_t line_no = 0;
  for (const auto& line : SplitFields(text, '\n')) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto f = SplitFields(line, '\t');
    if (f.size() < 2) continue;
    auto type = schema_->FindNodeType(f[0]);
    if (!type) {
      return Status::Invalid(origin + ":" + std::to_string(line_no) + ": unknown node type \"" + f[0] + "\"");
    }
    std::string prefix = std::to_string(type->v) + "\t";
    std::string canonical = rules_->Key(f[1]).key;
    std::vector<std::string> names = {f[1]};
    if (f.size() > 2) for (auto& a : SplitFields(f[2], '|')) names.push_back(a);
    if (f.size() > 3) names.push_back(f[3]);
    for (const auto& n : names) {
      std::string k = rules_->Key(n).key;
      if (!k.empty()) equivalent_.emplace(prefix + k, canonical);
    }
  }
  return Status::OK();
}

Result<std::unique_ptr<Linker>> Linker::FromText(std::shared_ptr<const Schema> schema,
                                                 std::shared_ptr<const KeyRules> rules,
                                                 std::string_view equivalences) {
  std::unique_ptr<Linker> l(new Linker());
  l->agency_ = schema->FindNodeType("Agency");
  l->policy_ = schema->FindNodeType("Policy");
  l->schema_ = std::move(schema);
  l->rules_ = std::move(rules);
  PKG_RETURN_IF_ERROR(l->AddEquivalences(equivalences, "equivalences"));
  return l;
}

Result<std::unique_ptr<Linker>> Linker::Create(std::shared_ptr<const Schema> schema, const std::string& data_dir) {
  auto rules = KeyRules::Load(data_dir);
  if (!rules.ok()) return rules.status();
  std::unique_ptr<Linker> l(new Linker());
  l->agency_ = schema->FindNodeType("Agency");
  l->policy_ = schema->FindNodeType("Policy");
  l->schema_ = std::move(schema);
  l->rules_ = *rules;
  std::vector<std::string> files;
  std::error_code ec;
  for (const char* sub : {"/lexicon", "/linking"}) {
    for (auto it = std::filesystem::directory_iterator(data_dir + sub, ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
      std::string p = it->path().string();
      if (it->path().extension() == ".tsv" && it->path().filename() != "rules.tsv" &&
          it->path().filename() != "regions.tsv") {
        files.push_back(p);
      }
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    // Lexicon files of other shapes (templates, ambiguity lists) have a
    // non-type first column; only lines starting with a schema type count.
    std::string filtered;
    std::istringstream lines(ss.str());
    std::string line;
    while (std::getline(lines, line)) {
      auto tab = line.find('\t');
      if (tab != std::string::npos && l->schema_->FindNodeType(line.substr(0, tab))) filtered += line + "\n";
      else filtered += "#\n";  // keep line numbers
    }
    PKG_RETURN_IF_ERROR(l->AddEquivalences(filtered, f));
  }
  return l;
}

bool Linker::Linkable(TypeId type) const {
  static constexpr const char* kNever[] = {"Document", "Indicator"};
  if (!type.valid()) return false;
  for (const char* t : kNever) {
    if (auto never = schema_->FindNodeType(t); never && *never == type) return false;
  }
  return true;
}

void Linker::ForEachKey(TypeId type, const std::vector<std::string_view>& names, const KeyEmit& emit) const {
  auto hash_of = [](const std::string& tp, const std::string& key) { return HashBytes(tp + key) | 1; };
  std::string tp = std::to_string(type.v) + "\t";
  for (size_t k = 0; k < names.size() && k < 65535; ++k) {
    NameKey key = rules_->Key(names[k]);
    if (key.key.empty() || rules_->Relative(key)) continue;  // 市财政局: another item in every city
    std::string full = key.region.empty() ? key.key : key.region + key.key;
    uint16_t ni = static_cast<uint16_t>(k);
    emit(hash_of(tp, full), ni, kPlain, uint64_t{0});
    if (auto eq = equivalent_.find(tp + full); eq != equivalent_.end() && eq->second != full) {
      emit(hash_of(tp, eq->second), ni, kLexicon, uint64_t{0});
    }
    // The name without its region (and the lexicon's item for it), except
    // for agencies: 上海市发展改革委 is not the national 发展改革委.
    if (!key.region.empty() && !(agency_ && type == *agency_)) {
      emit(hash_of(tp, key.key), ni, kBare, HashBytes(key.region) | 1);
      if (auto eq = equivalent_.find(tp + key.key); eq != equivalent_.end() && eq->second != key.key) {
        emit(hash_of(tp, eq->second), ni, kLexicon, uint64_t{0});
      }
    }
    // A policy's title without its issuer, when what is left is specific (12
    // characters or more): 关于开展人工智能赋能制造业试点工作的通知 cited bare is
    // 工业和信息化部办公厅关于开展…的通知 unless two issuers' titles read so.
    if (policy_ && type == *policy_) {
      if (size_t at = full.find("关于"); at != std::string::npos && at > 0 && Utf8Length(full.substr(at)) >= 12) {
        emit(hash_of(tp, full.substr(at)), ni, kIssuer, HashBytes(full.substr(0, at)) | 1);
      }
    }
  }
}

Result<LinkReport> Linker::Link(GraphBuilder& b, const LinkOptions& opts) const {
  std::vector<size_t> rows;
  for (size_t r = 0; r < b.num_nodes(); ++r) {
    auto v = b.node(r);
    if (!Linkable(v.type)) continue;
    if (*b.FindRow(v.key) != r) continue;  // merged earlier
    rows.push_back(r);
  }
  LinkOptions o = opts;
  if (rows.size() > opts.similarity_limit) o.similarity_limit = 0;
  else o.similarity_limit = rows.size();
  return LinkRows(b, std::move(rows), o, {});
}

// Passes 1-5 over `rows`; the similarity pass runs when rows.size() <= opts.similarity_limit.
Result<LinkReport> Linker::LinkRows(GraphBuilder& b, std::vector<size_t> rows, const LinkOptions& opts,
                                    const std::unordered_set<size_t>& established) const {
  LinkReport rep;
  const Schema& s = *schema_;
  auto measure = s.FindNodeType("Measure");
  size_t n = b.num_nodes();
  std::sort(rows.begin(), rows.end());
  rep.linkable = rows.size();
  Clusters cl(n);
  std::vector<std::pair<size_t, size_t>> cannot;
  for (const auto& [x, y] : opts.cannot_link) {
    auto rx = b.FindRow(x), ry = b.FindRow(y);
    if (rx && ry) cannot.emplace_back(*rx, *ry);
  }
  // Passes 1-3: exact keys, lexicon equivalences, region prefixes. Entries
  // hold 64-bit hashes of (type, key) rather than strings, so a graph of
  // millions of names links in little memory; the text of a key is
  // recomputed only to word the reason of a merge.
  struct Entry { uint64_t h; uint32_t row; uint16_t name; uint8_t kind; };
  std::vector<Entry> entries;
  entries.reserve(rows.size() * 2);
  std::unordered_map<uint64_t, uint64_t> bare_region;  // hash(type, bare key) → hash(region), or 0 when several
  auto names_of = [&](const GraphBuilder::NodeView& v) { return NamesOf(v.name, *v.aliases, v.name_en); };
  for (size_t r : rows) {
    auto v = b.node(r);
    ForEachKey(v.type, names_of(v), [&](uint64_t h, uint16_t ni, Kind kind, uint64_t rh) {
      entries.push_back({h, static_cast<uint32_t>(r), ni, kind});
      if (kind == kBare || kind == kIssuer) {
        auto [it, fresh] = bare_region.emplace(h, rh);
        if (!fresh && it->second != rh) it->second = 0;
      }
    });
  }
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.h != b.h ? a.h < b.h : a.row < b.row;
  });
  auto reason = [&](const Entry& e) {
    auto v = b.node(e.row);
    auto names = names_of(v);
    NameKey key = rules_->Key(names[e.name]);
    if (e.kind == kLexicon) return "listed as the same item in the lexicon (\"" + std::string(names[e.name]) + "\")";
    if (e.kind == kBare) return "same name without the region prefix " + key.region + " (\"" + key.key + "\")";
    if (e.kind == kIssuer) return "same title without the issuer (\"" + std::string(names[e.name]) + "\")";
    return "same canonical name \"" + (key.region + key.key) + "\"";
  };
  for (size_t i = 0; i < entries.size();) {
    size_t j = i;
    while (j < entries.size() && entries[j].h == entries[i].h) ++j;
    // A bare name that several regions prefix is ambiguous: its region-stripped entries do not link.
    bool ambiguous = false;
    if (auto it = bare_region.find(entries[i].h); it != bare_region.end() && it->second == 0) ambiguous = true;
    size_t anchor = j;
    for (size_t k = i; k < j; ++k) {
      if (ambiguous && (entries[k].kind == kBare || entries[k].kind == kIssuer)) continue;
      if (anchor == j) { anchor = k; continue; }
      if (entries[k].row == entries[anchor].row) continue;
      const Entry& why = entries[k].kind != kPlain ? entries[k] : entries[anchor];
      cl.Union(entries[anchor].row, entries[k].row, reason(why), cannot);
    }
    i = j;
  }
  // Pass 4: measures with the same 文号.
  if (measure) {
    std::unordered_map<std::string, size_t> by_number;
    for (size_t r : rows) {
      auto v = b.node(r);
      if (!s.IsA(v.type, *measure)) continue;
      const Value* num = FindProperty(*v.props, "doc_number");
      if (!num || num->kind() != Value::Kind::kString || num->as_string().empty()) continue;
      std::string key = DocNumberKey(num->as_string());
      auto [it, fresh] = by_number.emplace(key, r);
      if (!fresh) cl.Union(it->second, r, "same document number " + num->as_string(), cannot);
    }
  }
  // Pass 5: similar names within a type.
  if (!rows.empty() && rows.size() <= opts.similarity_limit) {
    rep.similarity_run = true;
    struct Cand { size_t row; std::string type_prefix; NameKey key; std::vector<std::string> grams; std::string digits, marks; };
    std::vector<Cand> cands;
    for (size_t r : rows) {
      auto v = b.node(r);
      NameKey k = rules_->Key(v.name);
      if (!SimilarityCandidate(k) || rules_->Relative(k)) continue;
      cands.push_back({r, std::to_string(v.type.v) + "\t", k, Bigrams(k.key), Digits(k.key), rules_->DistinctMarks(k.key)});
    }
    std::unordered_map<std::string, std::vector<size_t>> postings;
    for (size_t i = 0; i < cands.size(); ++i) {
      for (const auto& g : cands[i].grams) postings[cands[i].type_prefix + g].push_back(i);
    }
    for (size_t i = 0; i < cands.size(); ++i) {
      std::unordered_map<size_t, size_t> shared;
      for (const auto& g : cands[i].grams) {
        const auto& list = postings[cands[i].type_prefix + g];
        if (list.size() > 64) continue;  // too common to discriminate
        for (size_t j : list) if (j > i) ++shared[j];
      }
      for (const auto& [j, common] : shared) {
        const Cand& a = cands[i];
        const Cand& c = cands[j];
        double dice = 2.0 * common / double(a.grams.size() + c.grams.size());
        double la = static_cast<double>(a.key.key.size()), lc = static_cast<double>(c.key.key.size());
        if (dice < opts.min_similarity || std::min(la, lc) / std::max(la, lc) < opts.min_length_ratio) continue;
        if (a.key.phase != c.key.phase || a.digits != c.digits || a.key.region != c.key.region || a.marks != c.marks) continue;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", dice);
        cl.Union(a.row, c.row, std::string("similar names (bigram Dice ") + buf + ")", cannot);
      }
    }
  }
  // Apply: keep an established member if there is one, then the member with
  // the most provenance, then the first seen.
  std::unordered_map<size_t, std::vector<size_t>> members;
  for (size_t r : rows) members[cl.Find(r)].push_back(r);
  std::vector<std::vector<size_t>> groups;
  for (auto& [root, list] : members) if (list.size() > 1) groups.push_back(std::move(list));
  std::sort(groups.begin(), groups.end());
  for (auto& list : groups) {
    ++rep.clusters;
    size_t keep = list[0];
    auto est = [&](size_t r) { return established.count(r) > 0; };
    for (size_t r : list) {
      if (est(r) != est(keep) ? est(r) : b.node(r).provenance > b.node(keep).provenance) keep = r;
    }
    std::string keep_key(b.node(keep).key);
    for (size_t r : list) {
      if (r == keep) continue;
      std::string drop_key(b.node(r).key);
      std::string why = cl.reason(r).empty() ? "linked with " + keep_key : cl.reason(r);
      Status st = b.MergeNodes(keep_key, drop_key, "linker: " + why);
      if (!st.ok()) continue;
      ++rep.merged;
      rep.decisions.push_back(keep_key + " <- " + drop_key + ": " + why);
    }
  }
  return rep;
}

}  // namespace pkg
