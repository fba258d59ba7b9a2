// Canonical keys for linking; see canonical_key.h.
#include "link/canonical_key.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/text.h"

namespace pkg {

std::vector<std::string> SplitFields(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (true) {
    size_t next = s.find(sep, pos);
    out.emplace_back(s.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return out;
}

namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(s.size() - p.size()) == p; }

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Result<std::shared_ptr<const KeyRules>> KeyRules::Load(const std::string& data_dir) {
  auto rules = ReadFile(data_dir + "/linking/rules.tsv");
  if (!rules.ok()) return rules.status();
  std::string regions;
  // regions.tsv: type name aliases name_en level parent code; keep "name<TAB>aliases".
  if (auto r = ReadFile(data_dir + "/lexicon/regions.tsv"); r.ok()) {
    std::istringstream in(*r);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto f = SplitFields(line, '\t');
      if (f.size() >= 3 && f[0] == "Region") regions += f[1] + "\t" + f[2] + "\t" + (f.size() > 5 ? f[5] : "") + "\n";
    }
  }
  return Parse(*rules, regions, data_dir + "/linking/rules.tsv");
}

Result<std::shared_ptr<const KeyRules>> KeyRules::Parse(std::string_view rules_tsv, std::string_view regions,
                                                        const std::string& origin) {
  auto r = std::make_shared<KeyRules>();
  size_t line_no = 0;
  for (const auto& line : SplitFields(rules_tsv, '\n')) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto f = SplitFields(line, '\t');
    if (f.size() < 2 || f[1].empty()) {
      return Status::Invalid(origin + ":" + std::to_string(line_no) + ": expected kind<TAB>from<TAB>to");
    }
    Rule rule{NormalizeName(f[1]), f.size() > 2 ? f[2] : ""};
    if (f[0] == "suffix") r->suffixes_.push_back(rule);
    else if (f[0] == "prefix") r->prefixes_.push_back(rule);
    else if (f[0] == "phase") r->phases_.push_back(rule);
    else if (f[0] == "distinct") r->distinct_.push_back(rule);
    else if (f[0] == "relative") r->relative_.push_back(rule);
    else return Status::Invalid(origin + ":" + std::to_string(line_no) + ": unknown rule kind \"" + f[0] +
                                "\" (expected suffix, prefix, phase, distinct or relative)");
  }
  // Longer phase markers first (第二期 before 二期).
  std::stable_sort(r->phases_.begin(), r->phases_.end(), [](const Rule& a, const Rule& b) { return a.from.size() > b.from.size(); });
  std::stable_sort(r->suffixes_.begin(), r->suffixes_.end(), [](const Rule& a, const Rule& b) { return a.from.size() > b.from.size(); });
  for (const auto& line : SplitFields(regions, '\n')) {
    if (line.empty()) continue;
    auto f = SplitFields(line, '\t');
    std::string canonical = NormalizeName(f[0]);
    if (f.size() > 2 && !f[2].empty()) r->parents_.emplace(canonical, NormalizeName(f[2]));
    if (CodePoints(canonical) < 2) continue;  // one-character names (沪) are too ambiguous as prefixes
    r->regions_.emplace(canonical, canonical);
    r->longest_region_ = std::max(r->longest_region_, canonical.size());
    if (f.size() > 1) {
      for (const auto& a : SplitFields(f[1], '|')) {
        std::string n = NormalizeName(a);
        if (CodePoints(n) < 2) continue;
        r->regions_.emplace(n, canonical);
        r->longest_region_ = std::max(r->longest_region_, n.size());
      }
    }
  }
  return std::shared_ptr<const KeyRules>(std::move(r));
}

std::string KeyRules::CanonicalRegion(std::string_view name) const {
  auto it = regions_.find(NormalizeName(name));
  return it == regions_.end() ? std::string() : it->second;
}

std::vector<std::string> KeyRules::Endings() const {
  std::vector<std::string> out;
  for (const auto& r : suffixes_) {
    out.push_back(r.from);
    if (!r.to.empty()) out.push_back(NormalizeName(r.to));
  }
  for (const auto& r : phases_) out.push_back(r.from);
  return out;
}

std::string KeyRules::Province(std::string_view canonical) const {
  std::string at(canonical);
  for (int guard = 0; guard < 6; ++guard) {
    auto it = parents_.find(at);
    if (it == parents_.end() || it->second.empty()) break;
    at = it->second;
  }
  return at;
}

std::vector<std::string> KeyRules::Leaders() const {
  std::vector<std::string> out;
  for (const auto& [name, canonical] : regions_) out.push_back(name);
  for (const auto& r : prefixes_) out.push_back(r.from);
  return out;
}

std::string KeyRules::DistinctMarks(std::string_view key) const {
  std::string out;
  for (const auto& r : distinct_) {
    if (key.find(r.from) != std::string_view::npos) out += r.from + "|";
  }
  return out;
}

bool KeyRules::Relative(const NameKey& k) const {
  if (!k.region.empty()) return false;
  for (const auto& r : relative_) {
    if (!StartsWith(k.key, r.from)) continue;
    bool exception = false;
    for (const auto& x : SplitFields(r.to, '|')) {
      if (!x.empty() && StartsWith(k.key, NormalizeName(x))) exception = true;
    }
    if (!exception) return true;
  }
  return false;
}

NameKey KeyRules::Key(std::string_view name) const {
  NameKey k;
  std::string s = NormalizeName(name);
  // Leading region: the longest region name that leaves at least 3 characters.
  for (size_t len = std::min(longest_region_, s.size()); len >= 4; --len) {
    if ((static_cast<unsigned char>(s[len]) & 0xC0) == 0x80) continue;  // not a character boundary
    auto it = regions_.find(s.substr(0, len));
    if (it != regions_.end() && CodePoints(std::string_view(s).substr(len)) >= 3) {
      k.region = it->second;
      s.erase(0, len);
      break;
    }
  }
  for (const auto& p : prefixes_) {
    if (StartsWith(s, p.from) && CodePoints(s) > CodePoints(p.from) + 1) {
      s.erase(0, p.from.size());
      break;
    }
  }
  for (const auto& p : phases_) {
    size_t pos = s.find(p.from);
    if (pos != std::string::npos) {
      s.erase(pos, p.from.size());
      k.phase = p.to;
      break;
    }
  }
  for (const auto& suf : suffixes_) {
    if (EndsWith(s, suf.from)) {
      s.replace(s.size() - suf.from.size(), suf.from.size(), suf.to);
      break;
    }
  }
  k.key = s + k.phase;
  return k;
}

}  // namespace pkg
