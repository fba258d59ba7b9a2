// Name keys shared by the linker's passes (linker.cc, link_index.cc): the
// pieces of a node's names that the key, 文号 and similarity passes compare.
// Internal to link/.
//
// Thread safety: pure functions.
// Tested through tests/link/linker_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/ids.h"
#include "link/canonical_key.h"

namespace pkg::link_keys {

// Distinct character bigrams of `s` (by code point), sorted.
std::vector<std::string> Bigrams(std::string_view s);

// 文号 in one spelling: 国发〔2025〕11号, 国发[2025]11号 and 国发【2025】11号 agree.
std::string DocNumberKey(std::string_view number);

// A node's names in the order the passes number them: name, aliases, English name.
std::vector<std::string_view> NamesOf(std::string_view name, const std::vector<std::string>& aliases,
                                      std::string_view name_en);

// Names of five characters or fewer are too short to compare by bigrams.
bool SimilarityCandidate(const NameKey& k);

// Hash of a bigram within a node type (similarity postings).
uint64_t GramHash(TypeId type, const std::string& gram);

}  // namespace pkg::link_keys
