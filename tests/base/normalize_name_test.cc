// Tests for NormalizeName's fast path (base/text.h): names of ASCII, CJK
// ideographs and quotes are normalised code point by code point, so a name
// gives the concatenation of its pieces' forms; broken bytes anywhere send
// the whole name through ICU (U+FFFD for each bad sequence).
#include "base/text.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

namespace pkg {
namespace {

TEST_CASE("NormalizeName of a fast-path name is the concatenation of its pieces'", "[text]") {
  const std::vector<std::string> pieces = {
      "产", "業", "基", "金", "經", "濟", "㐀", "鿿", "一", "A", "z", "5", "+", "-", " ", "\t", "\n",
      "“", "”", "‘", "’", "《", "》", "「", "」", "『", "』", "〈", "〉", "\"", "'", "`", "(", ")"};
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string name, expected;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) {
      const std::string& p = pieces[rng() % pieces.size()];
      name += p;
      expected += NormalizeName(p);
    }
    INFO(name);
    CHECK(NormalizeName(name) == expected);
  }
}

TEST_CASE("NormalizeName replaces broken sequences wherever they are", "[text]") {
  CHECK(NormalizeName("产\xE4\xBA业") == "产\uFFFD业");
  CHECK(NormalizeName("产业\xE3\x80") == "产业\uFFFD");
  CHECK(NormalizeName("\xE9\x80" "a") == "\uFFFDa");
  CHECK(NormalizeName("產業\xFF") == "产业\uFFFD");
}

}  // namespace
}  // namespace pkg
