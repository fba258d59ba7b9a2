// Tests for ingest/aho_corasick.h: every occurrence, overlapping patterns,
// UTF-8, and agreement with a naive search on generated text.
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "ingest/aho_corasick.h"

using pkg::ingest::AhoCorasick;

namespace {

std::set<std::tuple<uint32_t, uint32_t, std::string>> Run(const std::vector<std::string>& patterns, const std::string& text) {
  AhoCorasick ac;
  for (const auto& p : patterns) ac.Add(p);
  ac.Build();
  std::set<std::tuple<uint32_t, uint32_t, std::string>> out;
  for (const auto& m : ac.FindAll(text)) out.insert({m.begin, m.end, text.substr(m.begin, m.end - m.begin)});
  return out;
}

std::set<std::tuple<uint32_t, uint32_t, std::string>> Naive(const std::vector<std::string>& patterns, const std::string& text) {
  std::set<std::tuple<uint32_t, uint32_t, std::string>> out;
  for (const auto& p : patterns) {
    if (p.empty()) continue;
    for (size_t at = text.find(p); at != std::string::npos; at = text.find(p, at + 1)) {
      out.insert({static_cast<uint32_t>(at), static_cast<uint32_t>(at + p.size()), p});
    }
  }
  return out;
}

}  // namespace

TEST_CASE("AhoCorasick finds every occurrence", "[ingest][aho_corasick]") {
  struct Case {
    const char* what;
    std::vector<std::string> patterns;
    std::string text;
  };
  const Case cases[] = {
      {"classic", {"he", "she", "his", "hers"}, "ushers"},
      {"nested", {"工业", "工业和信息化部", "信息化"}, "工业和信息化部印发"},
      {"repeated", {"aa"}, "aaaa"},
      {"none", {"基金"}, "没有匹配"},
      {"empty text", {"x"}, ""},
      {"duplicates and empty patterns", {"新型工业化", "新型工业化", ""}, "推进新型工业化"},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    CHECK(Run(c.patterns, c.text) == Naive(c.patterns, c.text));
  }
}

TEST_CASE("AhoCorasick agrees with a naive search on generated text", "[ingest][aho_corasick]") {
  std::mt19937 rng(7);
  const std::vector<std::string> alphabet = {"产", "业", "基", "金", "a", "b", "十"};
  auto gen = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int round = 0; round < 50; ++round) {
    std::vector<std::string> patterns;
    for (int k = 0; k < 20; ++k) patterns.push_back(gen(1 + rng() % 4));
    std::string text = gen(200);
    REQUIRE(Run(patterns, text) == Naive(patterns, text));
  }
}

TEST_CASE("AhoCorasick ids are dense and stable", "[ingest][aho_corasick]") {
  AhoCorasick ac;
  CHECK(ac.Add("a") == 0);
  CHECK(ac.Add("b") == 1);
  CHECK(ac.Add("a") == 0);
  CHECK(ac.Add("") == -1);
  ac.Build();
  CHECK(ac.num_patterns() == 2);
}

TEST_CASE("AhoCorasick finds valid patterns in text with invalid UTF-8 as a byte search would", "[ingest][aho_corasick]") {
  std::mt19937 rng(11);
  // Stray lead and continuation bytes, cut characters, among whole ones.
  const std::vector<std::string> alphabet = {"中", "文", "\xE4", "\xB8", "\xAD", "\xFF", "a", "\xE4\xB8", "\xF0\x9F"};
  const std::vector<std::string> words = {"中", "文", "中文", "a", "a中", "文a"};
  auto gen = [&](const std::vector<std::string>& from, size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += from[rng() % from.size()];
    return s;
  };
  for (int round = 0; round < 100; ++round) {
    std::vector<std::string> patterns;
    for (int k = 0; k < 6; ++k) patterns.push_back(gen(words, 1 + rng() % 3));
    std::string text = gen(alphabet, 120);
    REQUIRE(Run(patterns, text) == Naive(patterns, text));
  }
  // Patterns that are not valid UTF-8 are refused.
  AhoCorasick ac;
  CHECK(ac.Add("\xE4\xB8") == -1);
  CHECK(ac.Add("\xFF") == -1);
  CHECK(ac.Add("中") == 0);
}
