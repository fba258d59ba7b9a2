// The rule kinds the stages name in code (data/rules/*.tsv, column 2).
//
// A stage that reads a kind's words in an inner loop names it as
// RuleKind::<name> instead of a string, and RuleSet::Words(RuleKind) is then
// an array index resolved once when the rules are loaded, not a hash of the
// name per call. The words themselves stay data; this list only names the
// kinds whose meaning the code implements. A kind listed here but absent
// from the data has no words (an empty WordSet), as with the string form.
#pragma once

#include <cstdint>
#include <string_view>

namespace pkg::ingest {

#define PKG_RULE_KINDS(X) \
  X(achievement_head) \
  X(achievement_verb) \
  X(addressee) \
  X(aim) \
  X(chrome_line) \
  X(cite) \
  X(comparator) \
  X(compound) \
  X(condition_lead) \
  X(coord) \
  X(count_unit) \
  X(directive) \
  X(doc_head) \
  X(duration) \
  X(domain_list) \
  X(firm_list) \
  X(fund_of) \
  X(funds_verb) \
  X(goal_head) \
  X(group) \
  X(group_anaphor) \
  X(head) \
  X(heading_goal) \
  X(host_lead) \
  X(instrument_keyword) \
  X(lead_verb) \
  X(level) \
  X(list_end) \
  X(member_list) \
  X(meta_label) \
  X(metric) \
  X(modifier) \
  X(name_follow) \
  X(name_end) \
  X(name_region) \
  X(name_tail) \
  X(news_byline) \
  X(pair_follow) \
  X(pair_lead) \
  X(pct_unit) \
  X(pilot_of) \
  X(purpose) \
  X(purpose_tail) \
  X(report_shift) \
  X(representative) \
  X(reprint) \
  X(responsible) \
  X(scope_opener) \
  X(section_name) \
  X(sector_list) \
  X(serve_as) \
  X(short_name) \
  X(slogan_tail) \
  X(slogan_type) \
  X(speech_verb) \
  X(strip) \
  X(subject_follow) \
  X(subsector) \
  X(subsidy) \
  X(supports_ind) \
  X(targets) \
  X(targets_lead) \
  X(trigger) \
  X(vision) \
  /* end */

enum class RuleKind : uint8_t {
#define PKG_RULE_KIND_ENUM(name) name,
  PKG_RULE_KINDS(PKG_RULE_KIND_ENUM)
#undef PKG_RULE_KIND_ENUM
  kCount
};

// The kind's name as written in the rule files.
constexpr std::string_view RuleKindName(RuleKind k) {
  constexpr std::string_view kNames[] = {
#define PKG_RULE_KIND_NAME(name) #name,
      PKG_RULE_KINDS(PKG_RULE_KIND_NAME)
#undef PKG_RULE_KIND_NAME
  };
  return kNames[static_cast<size_t>(k)];
}

}  // namespace pkg::ingest
