// Tests for the fast paths of the keys, relate and emit stages: each must
// answer exactly as the plain version it replaced, on many inputs.
// - DocumentKey (canonical_name.h): FNV-1a eight bytes a round = byte by byte.
// - AssignNodeKeys (canonical_name.h): every mention's NodeKey, on mixes of
//   lexicon mentions, repeated names, regional measures and periods.
// - CanonicalForm's remembered NormalizeName: NormalizeName's answer for
//   names that share, evict and retake the memo's slots.
// - ChooseInstrument with a document's KindWords (instrument.h): the same
//   choice as with the plain WordSet, for names and sentences that are views
//   into the document (where the word index answers) and copies of them.
// - WordBefore (relate_phrases.h): the same answer as the walk back from p
//   testing SuffixAt at every character boundary, with the word index and
//   without it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/text.h"
#include "ingest/canonical_name.h"
#include "ingest/instrument.h"
#include "ingest/lexicon.h"
#include "ingest/mention.h"
#include "ingest/relate_phrases.h"
#include "ingest/rules.h"
#include "tests/ingest/shipped_rules.h"
#include "ingest/utf8.h"

using namespace pkg::ingest;

namespace {

using pkg::testing::ReadFile;
using pkg::testing::ShippedRules;

std::vector<std::string> Documents() {
  std::vector<std::string> docs;
  for (const char* doc : {"/corpus/news/hefei_quantum_news.txt", "/corpus/plan/hangzhou_embodied_ai_action_plan.txt",
                          "/corpus/plan/jiangxi_digital_manufacturing_15th_plan.txt"}) {
    std::string text = ReadFile(std::string(PKG_TEST_DIR) + doc);
    if (!text.empty()) docs.push_back(std::move(text));
  }
  return docs;
}

std::vector<size_t> Boundaries(std::string_view text) {
  std::vector<size_t> b;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) b.push_back(i);
  }
  return b;
}

// WordBefore as it was: a walk back from p over every character boundary.
bool PlainWordBefore(const DocContext& ctx, const KindWords& words, uint32_t lo, uint32_t p, size_t max_gap) {
  if (p <= lo || words.Find(ctx.text.substr(0, p), lo) == std::string_view::npos) return false;
  for (uint32_t e = p; e >= lo && p - e <= max_gap;) {
    size_t len = 0;
    if (words.SuffixAt(ctx.text.substr(0, e), e, &len) && e - len >= lo) return true;
    if (e == lo || e == 0) break;
    e = static_cast<uint32_t>(PrevCpStart(ctx.text, e));
  }
  return false;
}

}  // namespace

TEST_CASE("DocumentKey is FNV-1a of every byte", "[ingest][canonical_name]") {
  std::mt19937 rng(7);
  for (size_t n = 0; n < 300; ++n) {
    std::string bytes(n, '\0');
    for (auto& c : bytes) c = static_cast<char>(rng());
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
    char want[24];
    std::snprintf(want, sizeof want, "doc:%016llx", static_cast<unsigned long long>(h));
    CHECK(DocumentKey(bytes) == want);
  }
}

TEST_CASE("AssignNodeKeys gives every mention NodeKey's key", "[ingest][canonical_name]") {
  auto lex = Lexicon::LoadDir(std::string(PKG_TEST_DIR) + "/../data/lexicon");
  REQUIRE(lex.ok());
  const Lexicon& L = **lex;
  REQUIRE(L.entries().size() > 10);
  static constexpr const char* kTypes[] = {"Initiative", "Fund", "Policy", "Goal", "Agency", "Indicator", "Industry", "Pilot"};
  std::vector<std::string> names = {"上海市智能工厂领航计划", "智能工厂领航计划", "江西省制造业数字化转型行动计划",
                                    "产业投资基金", "“专精特新”企业", "Ａｉ 产业", "上海市实施方案", "新质生产力",
                                    "规上工业增加值", "工业和信息化部", "上海", "x"};
  std::mt19937 rng(11);
  for (int i = 0; i < 40; ++i) names.push_back(L.entries()[rng() % L.entries().size()].name);
  for (const char* region : {"", "上海", "江西", "没有这个地区"}) {
    DocContext ctx;
    ctx.lex = &L;
    ctx.region = region;
    std::vector<Mention> ms;
    for (int i = 0; i < 600; ++i) {
      Mention m;
      if (rng() % 3 == 0) {
        m.lex_entry = static_cast<int>(rng() % L.entries().size());
        const LexEntry& x = L.entries()[m.lex_entry];
        m.type = x.type;
        m.name = x.aliases.empty() || rng() % 2 ? x.name : x.aliases[0];
      } else {
        m.type = kTypes[rng() % std::size(kTypes)];
        m.name = names[rng() % names.size()];
      }
      if (m.type == "Indicator" && rng() % 3) {
        if (rng() % 4) {
          SetProperty(m.props, "period", pkg::Value(std::string(rng() % 2 ? "2025年" : "2027")));
        } else {
          SetProperty(m.props, "period", pkg::Value(int64_t{2025}));
        }
      }
      ms.push_back(std::move(m));
    }
    AssignNodeKeys(ms, ctx);
    for (const Mention& m : ms) {
      INFO(region << " " << m.type << " " << m.name << " " << m.lex_entry);
      CHECK(m.key == NodeKey(m, ctx));
    }
  }
}

TEST_CASE("CanonicalForm remembers NormalizeName's answers", "[ingest][canonical_name]") {
  std::mt19937 rng(5);
  const std::vector<std::string> parts = {"智能", "工厂", "A", "b", " ", "“", "”", "產業", "ｘ", "-", "9"};
  std::vector<std::string> names;
  for (int i = 0; i < 12000; ++i) {
    std::string n;
    for (size_t k = 1 + rng() % 6; k > 0; --k) n += parts[rng() % parts.size()];
    names.push_back(n);
  }
  for (int round = 0; round < 3; ++round) {
    for (const std::string& n : names) {
      INFO(n);
      CHECK(CanonicalForm("Industry", n, "", nullptr) == pkg::NormalizeName(n));
    }
    std::shuffle(names.begin(), names.end(), rng);
  }
}

TEST_CASE("ChooseInstrument through the word index chooses as the WordSet does", "[ingest][instrument]") {
  const RuleSet& rules = ShippedRules();
  int compared = 0;
  std::set<std::string, std::less<>> rules_chosen;  // keyword rules and type defaults
  for (const std::string& text : Documents()) {
    DocContext ctx;
    ctx.text = text;
    ctx.rules = &rules;
    ctx.IndexWords();
    const KindWords indexed = ctx.Words(RuleKind::instrument_keyword);
    const std::vector<size_t> b = Boundaries(text);
    // Names: every run of 2..12 characters starting at every 7th boundary;
    // sentences: runs of up to 100 characters.
    for (size_t i = 0; i < b.size(); i += 7) {
      for (size_t len : {2, 5, 8, 12, 100}) {
        if (i + len >= b.size()) continue;
        const std::string_view view = std::string_view(text).substr(b[i], b[i + len] - b[i]);
        const std::string copy(view);
        for (std::string_view type : {"Initiative", "Policy", "Fund", "Platform"}) {
          const InstrumentChoice want = ChooseInstrument(rules, type, copy, copy);
          const InstrumentChoice got = ChooseInstrument(rules, indexed, type, view, view);
          const InstrumentChoice mixed = ChooseInstrument(rules, indexed, type, copy, view);
          if (got.instrument != want.instrument || got.rule != want.rule || mixed.rule != want.rule) {
            FAIL_CHECK(type << " " << copy << ": " << got.rule << " / " << mixed.rule << " vs " << want.rule);
          }
          ++compared;
          rules_chosen.emplace(want.rule);
        }
      }
    }
  }
  CHECK(compared > 1000);
  CHECK(rules_chosen.size() > 8);
}

TEST_CASE("WordBefore answers as the walk back from p", "[ingest][relate]") {
  const RuleSet& rules = ShippedRules();
  const bool index = GENERATE(false, true);
  int compared = 0, found = 0;
  for (const std::string& text : Documents()) {
    DocContext ctx;
    ctx.text = text;
    ctx.rules = &rules;
    if (index) ctx.IndexWords();
    const std::vector<size_t> b = Boundaries(text);
    for (RuleKind kind : {RuleKind::cite, RuleKind::responsible, RuleKind::pilot_of, RuleKind::supports_ind,
                          RuleKind::targets_lead}) {
      const KindWords words = ctx.Words(kind);
      for (size_t j = 0; j < b.size(); j += 5) {
        const uint32_t p = static_cast<uint32_t>(b[j]);
        for (size_t back : {0, 1, 4, 20, 60}) {
          const uint32_t lo = static_cast<uint32_t>(b[j >= back ? j - back : 0]);
          for (size_t gap : {3, 12, 60}) {
            const bool want = PlainWordBefore(ctx, words, lo, p, gap);
            if (WordBefore(ctx, words, lo, p, gap) != want) FAIL_CHECK("lo " << lo << " p " << p << " gap " << gap);
            ++compared;
            found += want;
          }
        }
      }
    }
  }
  CHECK(compared > 10000);
  CHECK(found > 100);
}
