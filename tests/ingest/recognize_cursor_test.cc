// Tests for the clause cursors (ingest/recognize_cursor.h): asked for spans in
// reading order, out of order and overlapping, with the word index and
// without it, a cursor must never say "nothing here" where the plain scan
// (KindWords::Skip, FindWord, the lexicon walk) finds something.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "ingest/mention.h"
#include "ingest/np_scan.h"
#include "ingest/recognize_cursor.h"
#include "ingest/rules.h"

using namespace pkg::ingest;

namespace {

std::vector<uint32_t> CharStarts(const std::string& text) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(static_cast<uint32_t>(i));
  }
  return out;
}

// Spans [b, e) over character starts: all in reading order first, then random ones.
std::vector<std::pair<uint32_t, uint32_t>> Spans(const std::vector<uint32_t>& at, unsigned seed) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (size_t i = 0; i + 1 < at.size(); i += 2) out.push_back({at[i], at[std::min(at.size() - 1, i + 3)]});
  std::mt19937 rng(seed);
  for (int k = 0; k < 400; ++k) {
    uint32_t a = at[rng() % at.size()], b = at[rng() % at.size()];
    if (a > b) std::swap(a, b);
    out.push_back({a, b});
  }
  return out;
}

}  // namespace

TEST_CASE("WordCursor and LiteralCursor miss no word a scan finds", "[ingest][recognize]") {
  RuleSet rules;
  REQUIRE(rules.AddText("head.a\thead\tPlatform\t平台|中心|创新中心\n"
                        "firm.a\tfirm_list\tEnterprise\t企业|龙头企业\n",
                        "test")
              .ok());
  const std::string text =
      "支持龙头企业建设创新中心、平台和中心。领域内企业,“数转贷”平台;重点领域平台企业。"
      "中心中心“”领域";
  const bool indexed = GENERATE(false, true);
  DocContext ctx;
  ctx.text = text;
  ctx.rules = &rules;
  if (indexed) ctx.IndexWords();
  const std::vector<uint32_t> at = CharStarts(text);
  for (RuleKind k : {RuleKind::head, RuleKind::firm_list}) {
    WordCursor cursor(ctx, k);
    const KindWords words = ctx.Words(k);
    int yes = 0;
    for (const auto& [b, e] : Spans(at, 7)) {
      const bool any = b < e && words.Skip(text, b, e) < e && [&] {
        for (uint32_t p = b; p < e; ++p) {
          size_t len = 0;
          if (words.PrefixAt(text, p, &len)) return true;
        }
        return false;
      }();
      const bool may = cursor.MayStartIn(b, e);
      INFO("indexed " << indexed << " kind " << RuleKindName(k) << " span " << b << ".." << e);
      if (any) REQUIRE(may);
      if (indexed) REQUIRE(may == (b < e && words.Skip(text, b, e) < e));  // the index's exact answer
      yes += may;
    }
    CHECK(yes > 20);
  }
  for (std::string_view w : {"领域", "“"}) {
    LiteralCursor cursor(text, w);
    for (const auto& [b, e] : Spans(at, 11)) {
      const size_t found = std::string_view(text).find(w, b);
      INFO("word " << w << " span " << b << ".." << e);
      REQUIRE(cursor.MayStartIn(b, e) == (found != std::string_view::npos && found < e));
    }
  }
}

TEST_CASE("DigitCursor finds the ASCII digits a scan finds", "[ingest][recognize]") {
  const std::string text = "到2027年,产值达到500亿元。无数字的句子;第3批、“十四五”12项abc9";
  const std::vector<uint32_t> at = CharStarts(text);
  DigitCursor cursor(text);
  for (const auto& [b, e] : Spans(at, 5)) {
    bool want = false;
    for (uint32_t k = b; k < e; ++k) want |= text[k] >= '0' && text[k] <= '9';
    INFO("span " << b << ".." << e);
    REQUIRE(cursor.MayStartIn(b, e) == want);
  }
}

TEST_CASE("CompoundSectorCursor finds the sectors that start inside a span", "[ingest][recognize]") {
  const std::string text(200, 'x');
  std::vector<Mention> lex;
  auto add = [&](uint32_t b, uint32_t e, StableName type, bool weak) {
    Mention m;
    m.span = {b, e};
    m.type = type;
    m.weak = weak;
    lex.push_back(std::move(m));
  };
  add(3, 9, "Industry", false);
  add(10, 16, "Region", false);
  add(20, 26, "Industry", true);
  add(30, 36, "Industry", false);
  add(30, 33, "Industry", false);
  add(90, 99, "Industry", false);
  DocContext ctx;
  ctx.text = text;
  ctx.SetLexicon(&lex);
  CompoundSectorCursor cursor(ctx);
  std::vector<uint32_t> at;
  for (uint32_t i = 0; i <= 120; ++i) at.push_back(i);
  for (const auto& [b, e] : Spans(at, 3)) {
    bool want = false;
    for (const Mention& m : lex) want |= m.type == "Industry" && !m.weak && m.span.begin > b && m.span.begin < e;
    INFO("span " << b << ".." << e);
    REQUIRE(cursor.MayStartIn(b, e) == want);
  }
}

TEST_CASE("NextDocNumber answers as FindDocNumber does", "[ingest][recognize]") {
  // Texts of 文号 pieces: brackets of each kind, digit runs, 号, issuer and
  // non-issuer characters, nested and broken numbers, a number of 号 without one.
  const std::vector<std::string> pieces = {"〔", "〕", "[", "]", "(", ")", "【", "】", "号", "号", "国", "发", "沪经信规",
                                           "为", "的", "2025", "2024", "1", "12", "123", "12345", "0", " ", "a", "号召",
                                           "国发〔2025〕11号", "[2024]3号", "第9号"};
  std::mt19937 rng(11);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    // Every start position, and the loop FindCitations runs (from the end of each match).
    for (size_t from = 0; from <= text.size(); ++from) {
      INFO("text " << text << " from " << from);
      REQUIRE(NextDocNumber(text, from) == FindDocNumber(text, from));
    }
    for (size_t from = 0; from < text.size();) {
      const auto want = FindDocNumber(text, from);
      REQUIRE(NextDocNumber(text, from) == want);
      if (want.first == std::string_view::npos) break;
      from = want.second;
    }
  }
  // A long gap between the bracket's text and a distant 号 finds nothing before it.
  const std::string long_text = "国发〔2025〕" + std::string(100, 'x') + "11号 沪经信规〔2024〕3号";
  REQUIRE(NextDocNumber(long_text, 0) == FindDocNumber(long_text, 0));
}
