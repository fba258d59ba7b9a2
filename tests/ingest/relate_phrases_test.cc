// FindText (ingest/relate_phrases.h) against std::string_view::find: the same
// answer on random texts of Chinese, ASCII and stray bytes, for words found
// and not, at every starting offset.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/relate_phrases.h"

using pkg::ingest::FindText;

TEST_CASE("FindText gives string_view::find's answer", "[ingest][relate]") {
  const std::vector<std::string> pieces = {"双方", "财政", "作为", "负责", "人", "的", "、", "全市", "占", "a", " ", "(", "\xE5", "\x80"};
  std::mt19937 rng(11);
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    const std::string_view s = text;
    std::vector<std::string> words = {"", "双方", "财政", "负责人", "的、", "a", "全市占", "\xE5\x80", text};
    words.push_back(text.substr(text.size() / 3, text.size() / 4));
    for (const std::string& w : words) {
      for (size_t from = 0; from <= s.size() + 1; ++from) {
        INFO("text " << text << " word " << w << " from " << from);
        REQUIRE(FindText(s, w, from) == s.find(w, from));
      }
    }
  }
}

TEST_CASE("FindText finds the leftmost occurrence in a long text", "[ingest][relate]") {
  std::string text;
  for (int k = 0; k < 50; ++k) text += "推进产业发展,";
  text += "双方将共建平台,双方";
  const std::string_view s = text;
  CHECK(FindText(s, "双方") == s.find("双方"));
  CHECK(FindText(s, "双方", s.find("双方") + 1) == s.rfind("双方"));
  CHECK(FindText(s, "平台,双方") == s.find("平台,双方"));
  CHECK(FindText(s, "没有") == std::string_view::npos);
}
