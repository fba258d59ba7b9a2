// Relate: edges between the mentions of one document, each with the rule
// and the sentence it was read from.
//
// From structure (relate_structure.cc; texts with no measure of their own in
// relate_reports.cc): measures under an item SUPPORT the
// goal its heading states; a sub-goal "…的新型工业化" is PART_OF the goal it
// ends in; a sub-theme opened by 抓“X” collects the measures after it; in
// "推进X行动,实施Y计划" Y SUPPORTS X.
// From phrases (relate.cc drives the relate_*.cc files listed in
// relate_phrases.h; words in data/rules/relations.tsv): 把X作为Y的支撑
// (SUPPORTS), 为…/旨在… purpose clauses (SUPPORTS), 贯彻落实《X》 (IMPLEMENTS),
// 责任单位/牵头 (RESPONSIBLE), 包括/以X为代表的/等细分赛道 (PART_OF), 面向/吸引
// (TARGETS), 支持/发展 + sector (SUPPORTS), funds named after or investing in a
// sector (FUNDS), 试点推行 (PART_OF), indicators and their subjects (MEASURES),
// lexicon groups (PART_OF), the issuer (ISSUED).
// What it does not do: MENTIONS and APPLIES_IN (extractor.cc adds those for
// every node), or check endpoint types (extractor.cc asks the schema).
//
// Tested in tests/ingest/relate_test.cc.
#pragma once

#include <set>
#include <span>
#include <string>
#include <vector>

#include "ingest/mention.h"

namespace pkg::ingest {

// `type` and `rule` are views of string literals or of the RuleSet's rule
// ids, which outlive every relation: a relation allocates nothing (a text of
// one 8 MB line holds millions of them).
struct Relation {
  std::string_view type;  // edge type
  int from = -1, to = -1;  // indices into the mentions
  std::string_view rule;
  int sentence = -1;
};

// REQUIRES: mentions sorted by span.begin, keys set.
std::vector<Relation> Relate(const DocContext& ctx, const std::vector<Mention>& mentions);

// Mention indices by sentence, in order; the last bucket holds mentions
// outside any sentence (the title). Every pairwise look-up stays within a
// sentence, so the work is linear in the document, not quadratic. One array
// cut at each sentence's first index (no vector per sentence).
class BySentence {
 public:
  using Ids = std::span<const int>;
  // REQUIRES: s < size().
  Ids operator[](size_t s) const { return Ids(ids_.data() + begin_[s], begin_[s + 1] - begin_[s]); }
  Ids back() const { return (*this)[size() - 1]; }
  size_t size() const { return begin_.size() - 1; }

 private:
  friend BySentence IndexBySentence(const DocContext& ctx, const std::vector<Mention>& mentions);
  std::vector<uint32_t> begin_{0};  // by bucket, one extra at the end
  std::vector<int> ids_;
};
BySentence IndexBySentence(const DocContext& ctx, const std::vector<Mention>& mentions);

// Structure-driven relations (relate_structure.cc), appended to `out`.
void RelateStructure(const DocContext& ctx, const std::vector<Mention>& mentions, const BySentence& by_sentence,
                     std::vector<Relation>& out);

// With no measure of the document's own (a press release, a news report): purpose clauses
// served by the measure their sentence names, and the parts of a plan the text reports
// (relate_reports.cc; `hosts` are the measures 依托 names, no parts), appended to `out`.
void RelateReports(const DocContext& ctx, const std::vector<Mention>& mentions, const BySentence& by_sentence,
                   const std::set<int>& hosts, std::vector<Relation>& out);

// Task tables: a header row whose cells include a responsibility label and
// the rows below it; the agencies of a labelled column are RESPONSIBLE for the
// measures in the other cells of their row (relate_tables.cc).
void RelateTables(const DocContext& ctx, const std::vector<Mention>& mentions, std::vector<Relation>& out);

// Support directions listed under a heading that names no fund ("一、支持方向",
// "…用于以下三方面:"): the fund named last before them FUNDS their measures
// (relate_directions.cc), appended to `out`.
void RelateDirections(const DocContext& ctx, const std::vector<Mention>& mentions, const BySentence& by_sentence,
                      std::vector<Relation>& out);

// True for the measure types, the subtypes of Measure in data/schema.json
// (Initiative, Fund, Platform, Pilot, Policy). Asked about a million times
// per thousand documents, so the length picks the one name to compare (and
// inlined everywhere: GCC left out-of-line copies in the long relaters).
[[gnu::always_inline]] inline bool IsMeasure(std::string_view t) {
  switch (t.size()) {
    case 4: return t == "Fund";
    case 5: return t == "Pilot";
    case 6: return t == "Policy";
    case 8: return t == "Platform";
    case 10: return t == "Initiative";
    default: return false;
  }
}

// A measure the body itself sets up: not inside a longer name, not cited, not the document's
// own measure nor a heading's goal (the candidates of the structure rules).
[[gnu::always_inline]] inline bool BodyMeasure(const Mention& m) {
  return IsMeasure(m.type) && !m.embedded && !m.cited && !m.doc_measure && !m.heading_goal;
}

}  // namespace pkg::ingest
