// Tests for ingest/utf8.h: the text helpers every stage shares.
#include <catch2/catch.hpp>

#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/utf8.h"

using namespace pkg::ingest;

TEST_CASE("NextNewline answers like a search from each position", "[ingest][utf8]") {
  const std::string texts[] = {"", "\n", "一行", "甲\n乙\n\n丙", "\n\n首尾\n", std::string(5000, 'x') + "\n" + "尾"};
  for (const std::string& s : texts) {
    INFO(s.size());
    auto want = [&](size_t p) { size_t e = s.find('\n', p); return e == std::string::npos ? s.size() : e; };
    NextNewline up(s);  // growing positions, as the callers ask
    for (size_t p = 0; p <= s.size() + 2; ++p) CHECK(up.From(p) == want(p));
    NextNewline down(s);  // and any order
    for (size_t p = s.size() + 2; p-- > 0;) CHECK(down.From(p) == want(p));
    NextNewline jump(s);
    for (size_t p : {size_t{3}, size_t{0}, s.size(), size_t{1}, size_t{2}}) CHECK(jump.From(p) == want(p));
  }
}

TEST_CASE("CpCountFast counts like CpCount on any bytes", "[ingest][utf8]") {
  uint64_t x = 88172645463325252ull;
  auto next = [&] { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x; };
  for (int round = 0; round < 300; ++round) {
    std::string s(next() % 100, '\0');
    for (char& c : s) c = static_cast<char>(next() & 0xFF);
    INFO(round);
    CHECK(CpCountFast(s) == CpCount(s));
  }
  CHECK(CpCountFast("当前位置:首页 > 新闻动态 > 通知公告") == CpCount("当前位置:首页 > 新闻动态 > 通知公告"));
}

TEST_CASE("FindFirstOf answers like one memmem per word", "[ingest][utf8]") {
  // The slow answer: leftmost, then longest, then first listed.
  auto want = [](std::string_view s, const std::vector<std::string_view>& w, size_t* which) {
    size_t best = std::string_view::npos, len = 0;
    for (size_t k = 0; k < w.size(); ++k) {
      if (w[k].empty() || w[k].size() > s.size()) continue;
      const size_t at = s.find(w[k]);
      if (at != std::string_view::npos && (at < best || (at == best && w[k].size() > len))) {
        best = at;
        len = w[k].size();
        *which = k;
      }
    }
    return best;
  };
  const std::vector<std::vector<std::string_view>> sets = {
      {"转载自", "转自", "原载", "来源于", "转载于", "本文来源", "原文来源", "原标题"},
      {"ab", "abc", "b"},                               // a one-byte word: the memmem path
      {"转自", "转自", "", "转载自"},                   // duplicates and an empty word
      {"一", "二", "三", "四", "五", "六", "七", "八", "九"},  // nine keys: the memmem path
      {"ab", "xab", "bx"}};
  const std::string_view pieces[] = {"转", "载", "自", "原", "文", "来源", "于", "本", "标题", "a", "b", "x", "c",
                                     "。", "一", "九", "\n", " ", "的", "\xE8", "\xBD"};
  uint64_t x = 0x9E3779B97F4A7C15ull;
  auto next = [&] { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x; };
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const size_t n = next() % 40;
    for (size_t k = 0; k < n; ++k) s += pieces[next() % std::size(pieces)];
    for (const auto& w : sets) {
      size_t got_which = 99, want_which = 99;
      const size_t got = FindFirstOf(s, w.data(), w.size(), &got_which);
      INFO(s);
      REQUIRE(got == want(s, w, &want_which));
      if (got != std::string_view::npos) CHECK(got_which == want_which);
    }
  }
}
