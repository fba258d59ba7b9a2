// Differential test of FindDocNumber's scan (ingest/doc_fields.cc), which
// steps over whole digit runs and asks for a 文号 only between bracket bytes:
// on random mixes of brackets, digit runs, 号 and Han it must give what trying
// the brackets before every four-digit position gives (the scan as it was).
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "ingest/doc_metadata.h"
#include "ingest/utf8.h"

using namespace pkg::ingest;

namespace {

size_t Digits(std::string_view s, size_t p, size_t max) {
  size_t i = p;
  while (i < s.size() && i - p < max && s[i] >= '0' && s[i] <= '9') ++i;
  return i - p;
}

std::pair<size_t, size_t> At(std::string_view s, size_t p) {
  static const char* kOpen[] = {"〔", "[", "(", "【"};
  static const char* kClose[] = {"〕", "]", ")", "】"};
  for (int k = 0; k < 4; ++k) {
    std::string_view o(kOpen[k]), c(kClose[k]);
    if (s.substr(p, o.size()) != o) continue;
    if (Digits(s, p + o.size(), 4) != 4 || s.substr(p + o.size() + 4, c.size()) != c) continue;
    const size_t q = p + o.size() + 4 + c.size();
    const size_t n = Digits(s, q, 4);
    if (!n || s.substr(q + n, 3) != "号") continue;
    static constexpr std::u32string_view kNotPrefix = U"为落实据照依贯彻的和及与将对在按根执关";
    size_t b = p;
    int han = 0;
    while (b > 0 && han < 8) {
      const size_t pb = PrevCpStart(s, b);
      size_t t = pb;
      const char32_t cp = NextCp(s, t);
      if (!IsHan(cp) || kNotPrefix.find(cp) != std::u32string_view::npos) break;
      b = pb;
      ++han;
    }
    if (han >= 1) return {b, q + n + 3};
  }
  return {std::string_view::npos, std::string_view::npos};
}

// Every digit position, four digits ahead, both bracket widths.
std::pair<size_t, size_t> Simple(std::string_view s, size_t from) {
  for (size_t d = from; d < s.size(); ++d) {
    if (d + 4 > s.size() || Digits(s, d, 4) != 4) continue;
    for (size_t olen : {3, 1}) {
      if (d < from + olen) continue;
      auto m = At(s, d - olen);
      if (m.first != std::string_view::npos) return m;
    }
  }
  return {std::string_view::npos, std::string_view::npos};
}

}  // namespace

TEST_CASE("FindDocNumber's run-stepping scan gives what every position gives", "[ingest][metadata][differential]") {
  const std::vector<std::string> pieces = {
      "〔", "〕", "[", "]", "(", ")", "【", "】", "2025", "2024", "12025", "202", "3", "12", "号", "号文",
      "国发", "沪经信规", "为落实", "年", "的", "a", " ", "\n", "〔2025〕3号", "[2024]12号", "(2023)7号",
      "【2022】45号", "0", "99999", "〈", "〉", "㐀", "】号",
  };
  std::mt19937 rng(1127);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), count(0, 40);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (size_t k = count(rng); k > 0; --k) text += pieces[pick(rng)];
    const size_t from = text.empty() ? 0 : rng() % (text.size() + 1);
    INFO(text << " from " << from);
    REQUIRE(FindDocNumber(text, from) == Simple(text, from));
  }
}
