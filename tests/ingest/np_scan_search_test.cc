// Tests for the byte searches of ingest/np_scan.h (RFind, FindWord,
// NextAsciiDigit, Pack3): each must answer exactly as the plain search it
// stands for (std::string_view::rfind / find, a byte loop), at every start
// and for every word, on random text of Chinese characters, digits,
// punctuation and stray bytes.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/np_scan.h"

using namespace pkg::ingest;

namespace {

std::string RandomText(std::mt19937& rng, size_t pieces) {
  static const std::vector<std::string> kPieces = {"等", "的", "、", "以", "为代表的", "领域", "“", "”", ")", "(",
                                                   "产业", "企业", "1", "9", "0", ".", "a", " ", "\xE7", "\x89",
                                                   "\xAD", "\xE7\xAD", "为", "代表", "亿元"};
  std::uniform_int_distribution<size_t> pick(0, kPieces.size() - 1);
  std::string t;
  for (size_t i = 0; i < pieces; ++i) t += kPieces[pick(rng)];
  return t;
}

}  // namespace

TEST_CASE("RFind and FindWord answer as rfind and find", "[ingest][np_scan]") {
  std::mt19937 rng(7);
  const std::vector<std::string> words = {"等", "的", "、", "以", "为代表的", "领域", "“", ")、", ")以及", "代表的", "元"};
  for (int round = 0; round < 300; ++round) {
    const std::string text = RandomText(rng, round % 40);
    const std::string_view t = text;
    for (const std::string& w : words) {
      for (size_t pos = 0; pos <= t.size() + 1; ++pos) {
        INFO(text << " | " << w << " @ " << pos);
        REQUIRE(FindWord(t, w, pos) == t.find(w, pos));
        REQUIRE(RFind(t, w, pos) == t.rfind(w, pos));
      }
      REQUIRE(RFind(t, w) == t.rfind(w));
    }
  }
}

TEST_CASE("NextAsciiDigit finds the first digit in a range", "[ingest][np_scan]") {
  std::mt19937 rng(11);
  for (int round = 0; round < 300; ++round) {
    const std::string text = RandomText(rng, round % 60);
    for (uint32_t e = 0; e <= text.size(); e += 1 + e / 8) {
      for (uint32_t p = 0; p <= e; ++p) {
        uint32_t want = p;
        while (want < e && !(text[want] >= '0' && text[want] <= '9')) ++want;
        INFO(text << " [" << p << ", " << e << ")");
        REQUIRE(NextAsciiDigit(text, p, e) == want);
      }
    }
  }
}

TEST_CASE("Pack3 packs three bytes", "[ingest][np_scan]") {
  CHECK(Pack3("等", 0) == 0xE7AD89u);
  CHECK(Pack3("a的", 1) == 0xE79A84u);
}
