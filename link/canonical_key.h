// Canonical keys for linking: one string per name such that two names of the
// same item in different documents get the same key.
//
// Key of a name: NormalizeName (Traditional→Simplified, NFKC, case, quotes,
// spaces), then the rules of data/linking/rules.tsv: a leading tier word is
// dropped (三大先导产业 → 先导产业), a generic ending is unified (专项行动 →
// 行动, 投资基金 → 基金), and a phase marker is moved to the end (产业转型升级
// 二期基金 and 产业转型升级基金二期 → 产业转型升级基金#2), so different
// phases never share a key. A leading region name (from data/lexicon/
// regions.tsv: 上海市, 浦东新区 …) is split off into `region`, because a
// region prefix is only dropped when the context allows (linker.h).
//
// Thread safety: immutable after Load.
// Tested in tests/link/canonical_key_test.cc.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace pkg {

// Splits `s` at every `sep` (empty fields kept): the TSV reader of link/.
std::vector<std::string> SplitFields(std::string_view s, char sep);

struct NameKey {
  std::string key;     // canonical key without the region prefix
  std::string region;  // canonical name of the leading region ("上海"), or ""
  std::string phase;   // "#2" etc., also at the end of key; "" when none
};

class KeyRules {
 public:
  // Reads data_dir/linking/rules.tsv and data_dir/lexicon/regions.tsv.
  static Result<std::shared_ptr<const KeyRules>> Load(const std::string& data_dir);
  // Rules from text (for tests): rules.tsv content and region lines
  // "name<TAB>alias|alias[<TAB>parent]".
  static Result<std::shared_ptr<const KeyRules>> Parse(std::string_view rules_tsv, std::string_view regions,
                                                       const std::string& origin);

  NameKey Key(std::string_view name) const;

  // The canonical region name for a region name or alias ("上海市" → "上海"), or "".
  std::string CanonicalRegion(std::string_view name) const;

  // The generic endings of the rules (suffix `from` and `to`, phase markers),
  // normalised: a name written with any of them may have the key of a name
  // written with another (mention_scan.h anchors its candidates on them).
  std::vector<std::string> Endings() const;

  // The top region (province level) that holds a canonical region (浦东新区 →
  // 上海, 苏州 → 江苏); the region itself when it has no parent or is unknown.
  std::string Province(std::string_view canonical) const;

  // The words a name may start with before its key: region names and
  // aliases, tier words (mention_scan.h starts candidates only where a
  // name, or one of these, may start).
  std::vector<std::string> Leaders() const;

  // The `distinct` words of the rules found in a key, in rule order
  // ("实施|若干"): two names whose marks differ are different items however
  // similar they look (意见 / 实施意见, 办法 / 暂行办法).
  std::string DistinctMarks(std::string_view key) const;

  // True when the name stands for a different item in every region: it
  // starts with a `relative` level word (市财政局, 省工业和信息化厅, 区科经委)
  // and names no region. Such names never link items across documents.
  bool Relative(const NameKey& k) const;

 private:
  struct Rule { std::string from, to; };
  std::vector<Rule> suffixes_, prefixes_, phases_, distinct_, relative_;
  std::unordered_map<std::string, std::string> regions_;  // normalised name or alias → canonical
  std::unordered_map<std::string, std::string> parents_;  // canonical → canonical parent
  size_t longest_region_ = 0;
};

}  // namespace pkg
