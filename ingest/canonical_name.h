// Canonical names and node keys: the one place that decides when two
// mentions, in one document or in two, are the same node.
//
// Key = "<Type>:" + NormalizeName(canonical form) (base/text.h: NFKC,
// Traditional→Simplified, quotes and spaces removed, lower case), where the
// canonical form is
//   - for lexicon items: the lexicon's official name (so 市经信委 in a Shanghai
//     document, 上海市经信委 and 上海市经济和信息化委员会 are one Agency);
//   - for measures and goals: the name without a leading region prefix when
//     that region is the document's (上海市智能工厂领航计划 in a Shanghai text
//     = 智能工厂领航计划) and with generic suffix variants folded (行动计划 →
//     行动, 专项行动 → 行动, 投资基金 → 基金); phases stay (一期 ≠ 二期);
//   - for indicators: the name plus "@period" (2025 and 2027 values of one
//     subject are different nodes);
//   - documents are "doc:" + 16 hex digits of a 64-bit FNV-1a hash of the bytes.
// What it does not do: fuzzy matching across documents (the linker's job).
//
// Tested in tests/ingest/canonical_name_test.cc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/mention.h"

namespace pkg::ingest {

// The canonical form of a name of `type` in a document of `region`.
std::string CanonicalForm(std::string_view type, std::string_view name, std::string_view region,
                          const Lexicon* lex);

// The node key of a mention.
std::string NodeKey(const Mention& m, const DocContext& ctx);

// Sets every mention's key to NodeKey's answer, computing each distinct key
// once: a lexicon mention's from its entry's name (remembered across
// documents), the others once per (type, name, period) in the document.
void AssignNodeKeys(std::vector<Mention>& ms, const DocContext& ctx);

// "doc:" + first 16 hex digits of the content hash of `bytes`.
std::string DocumentKey(std::string_view bytes);

}  // namespace pkg::ingest
