// Tests for AppendSorted (ingest/recognize.h): merging added mentions into the
// sorted ones must give exactly what a stable sort of the concatenation by
// span.begin gives, on the in-place path (room in `all`) and on the path into
// a new vector, for many random inputs with repeated begins.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "ingest/recognize.h"

using namespace pkg::ingest;

namespace {

std::vector<Mention> RandomMentions(std::mt19937& rng, size_t n, uint32_t max_begin, const std::string& tag) {
  std::uniform_int_distribution<uint32_t> begin(0, max_begin);
  std::vector<Mention> out(n);
  for (size_t i = 0; i < n; ++i) {
    out[i].span = {begin(rng), 0};
    out[i].span.end = out[i].span.begin + 3;
    out[i].name = tag + std::to_string(i) + "一个足够长而不在字符串内联缓冲里的名字";
    out[i].aliases.push_back(tag);
  }
  return out;
}

std::vector<std::string> Names(const std::vector<Mention>& ms) {
  std::vector<std::string> out;
  for (const Mention& m : ms) out.push_back(m.name);
  return out;
}

}  // namespace

TEST_CASE("AppendSorted merges as a stable sort of the concatenation", "[recognize]") {
  std::mt19937 rng(20261127);
  auto by_begin = [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; };
  for (int round = 0; round < 400; ++round) {
    const size_t n = rng() % 40, m = rng() % 25;
    const uint32_t max_begin = 1 + rng() % 60;  // small ranges: many equal begins
    std::vector<Mention> all = RandomMentions(rng, n, max_begin, "a");
    std::stable_sort(all.begin(), all.end(), by_begin);
    std::vector<Mention> more = RandomMentions(rng, m, max_begin, "m");
    // The plain version.
    std::vector<Mention> expected;
    for (const Mention& x : all) expected.push_back(x);
    for (const Mention& x : more) expected.push_back(x);
    std::stable_sort(expected.begin(), expected.end(), by_begin);
    // With room (in place) on odd rounds, without on even ones.
    if (round % 2) all.reserve(n + m + rng() % 3);
    else all.shrink_to_fit();
    AppendSorted(all, more, round % 3);
    CHECK(more.empty());
    REQUIRE(all.size() == expected.size());
    CHECK(Names(all) == Names(expected));
    for (size_t i = 0; i < all.size(); ++i) {
      CHECK(all[i].span.begin == expected[i].span.begin);
      CHECK(all[i].aliases == expected[i].aliases);
    }
  }
}
