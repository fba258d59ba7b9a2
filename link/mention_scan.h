// MentionScanner: finds, in a document's normalised text, the names of items
// known anywhere in the corpus — the second pass of a multi-document load
// (corpus_mentions.h), so that a document that names a fund only in passing
// (a news item, an English brief, a reprint) still mentions the fund's node.
//
// Items are added by name, aliases and English name. A stretch of text names
// an item when its canonical key (canonical_key.h: script, width, case,
// quotes, tier words, generic endings, phase position, region prefix split
// off) equals the key of one of the item's names:
//   - "上海市先导产业母基金", "先导产业母基金" and "三大先导产业母基金" all name
//     an item called 三大先导产业母基金;
//   - “人工智能+制造”专项行动 names 人工智能+制造行动; 产业转型升级基金二期 names
//     产业转型升级二期基金, but 一期基金 never names a 二期 fund.
// Candidates are the stretches that end with the last two characters of some
// name, or of a generic ending of the linking rules, and are at most as long
// as the longest name (plus the quotes and region around it); they never
// cross a line or a sentence or clause mark. Of overlapping matches the
// longest wins. Only names specific enough to be trusted count: a key of at
// least `min_key_chars` characters (phase marker excluded; 5 by default, so
// 引导基金 → 基金 or 二期基金 never match), or of `min_ascii_chars` for names
// without Chinese characters, which must also start and end on word
// boundaries ("Leading Industries Parent Fund").
// Region: an item's regions are those of its names (上海市…) and of the
// documents it was found in. An item found in documents of two or more
// regions, or of none, is general; one found only in documents of one region
// is regional. A match with a region prefix names the items of that region
// (by name, or regional or general items without a region in their name). A
// bare match names an item named with a region only in a document of that
// region or of none, and a regional item only in a document of its region or
// of none; when the items it could name disagree on their region, the
// document's region decides, else it names nothing (上海市X and 北京市X make a
// bare X ambiguous, as in the linker). For `region_relative` items
// (agencies: 市人民政府, 省工业和信息化厅 mean the document's own), names
// without a region are used only when the item is general, and a bare match
// names a regional one only in a document of its region.
//
// Thread safety: immutable after Finish(); Scan is const.
// Tested in tests/link/mention_scan_test.cc.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "link/canonical_key.h"

namespace pkg {

// A stretch of text that names an item.
struct NameHit {
  uint32_t begin = 0, end = 0;  // byte offsets in the scanned text
  int item = -1;                // the dictionary's item
};

// The candidate stretches of MentionScanner::Scan, for any dictionary:
// stretches that end where `anchors` (AnchorOf codes) holds the last two
// code points (Latin letters compared in lower case), that never cross a line
// end or a sentence or clause mark, and that start and end on word
// boundaries in Latin text; from the longest (`window` code points) to the
// shortest (`shortest`). `try_name(begin, end)` returns an item (>= 0: the
// longest match at this end), kGoOn or kStopHere. Of overlapping matches the
// longest wins; the result is sorted by begin. A stretch is tried only when
// its first code point is in `starters` (StarterOf the names and of
// KeyRules::Leaders, and the opening quotes), and at most `max_tries`
// stretches are tried per text (a line of 200 MB of 基金基金… would
// otherwise take hours); *truncated (when given) says the budget ran out.
constexpr int kGoOn = -1, kStopHere = -2;
constexpr size_t kMaxNameTries = 4'000'000;
std::vector<NameHit> ScanNames(std::string_view text, const std::unordered_set<uint64_t>& anchors,
                               const std::unordered_set<uint32_t>& starters, size_t window, size_t shortest,
                               const std::function<int(uint32_t, uint32_t)>& try_name,
                               size_t max_tries = kMaxNameTries, bool* truncated = nullptr);
// The anchor code of a normalised name (its last two code points); 0 when shorter.
uint64_t AnchorOf(std::string_view normalized_name);
// The starter code of a normalised name (its first code point, Latin in
// lower case); 0 when empty.
uint32_t StarterOf(std::string_view normalized_name);
// True when an item's names mark it as one item nationwide rather than a
// kind of measure every region has: an English name (the lexicon's items),
// a national prefix (国家, 中国, 全国, 国务院) or a quoted name. An item found in
// documents of several regions (or of none) is looked for elsewhere only
// when marked: 国家制造业转型升级基金 is; 工业互联网平台 and 一次性奖励 are not.
bool MarkedAsOneItem(std::string_view name, const std::vector<std::string>& aliases, std::string_view name_en);
// The starters every dictionary shares: the rules' leaders and opening quotes.
std::unordered_set<uint32_t> CommonStarters(const KeyRules& rules);

struct MentionScanOptions {
  size_t min_key_chars = 5;
  size_t min_ascii_chars = 12;
};
// True when a name's key is specific enough to look for in other documents:
// at least min_key_chars characters (phase marker excluded), or
// min_ascii_chars for a key without Chinese characters, and not relative to
// the reader's region (市财政局).
bool SpecificName(const KeyRules& rules, const NameKey& k, const MentionScanOptions& opts);

class MentionScanner {
 public:
  using Options = MentionScanOptions;
  MentionScanner(std::shared_ptr<const KeyRules> rules, Options opts);
  explicit MentionScanner(std::shared_ptr<const KeyRules> rules) : MentionScanner(std::move(rules), Options{}) {}

  // Adds an item: `id` (the node key) and `weight` (its provenance count,
  // which decides between several items of one key) are returned in hits;
  // `doc_regions` are the regions (any name; "" for a document without one)
  // of the documents it was found in, none for an item no document speaks of
  // (curated statements: looked for as if marked). Returns the number of its
  // names that were specific enough to be used.
  int AddItem(std::string_view id, std::string_view type, std::string_view name,
              const std::vector<std::string>& aliases, std::string_view name_en, size_t weight,
              const std::vector<std::string>& doc_regions = {}, bool region_relative = false);

  // REQUIRES: called once, after the last AddItem and before Scan.
  void Finish();

  using Hit = NameHit;  // item: index of the item (item())
  // Matches in `text` (normalised UTF-8), sorted by begin, never overlapping.
  // `doc_region` is the document's region (any name: 上海市, 上海), or "".
  // *truncated (when given): the candidate budget (kMaxNameTries) ran out.
  std::vector<Hit> Scan(std::string_view text, std::string_view doc_region, bool* truncated = nullptr) const;

  struct Item {
    std::string id, type;
    size_t weight = 0;
    std::vector<std::string> regions;  // canonical regions of names and documents, sorted, unique
    bool relative = false;             // region_relative (see AddItem)
    bool marked = false;               // MarkedAsOneItem
  };
  const Item& item(int i) const { return items_[i]; }
  size_t num_items() const { return items_.size(); }
  size_t num_names() const { return by_key_.size(); }

 private:
  struct Named {  // one item under one key
    int item;
    std::string region;  // canonical region of the name that gave the key
  };
  int Resolve(const NameKey& k, const std::string& doc_region) const;

  std::shared_ptr<const KeyRules> rules_;
  Options opts_;
  std::vector<Item> items_;
  std::unordered_map<std::string, std::vector<Named>> by_key_;
  std::unordered_set<uint64_t> anchors_;  // last two code points of names and endings
  std::unordered_set<uint32_t> starters_; // first code points of names, leaders and quotes
  size_t max_chars_ = 0;                  // longest name, in code points
};

}  // namespace pkg
