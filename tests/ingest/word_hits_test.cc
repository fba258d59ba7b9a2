// Tests for ingest/word_hits.h: the one-pass index of every rule word must
// answer exactly as each kind's WordSet does (same rule, same length), for
// every kind of the shipped rules, every byte position, and view ends from
// the position to the end of the text (SuffixAt: every end, views from the
// text's start and from nearby positions); over real documents, over text with
// invalid UTF-8 and ASCII, and through KindWords for views inside the text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/rules.h"
#include "tests/ingest/shipped_rules.h"
#include "ingest/word_hits.h"

using namespace pkg::ingest;

namespace {

using pkg::testing::ReadFile;
using pkg::testing::ShippedRules;

// Compares hits with every kind's WordSet at every position of `text`, for
// ends at each later character boundary within `window` bytes and at the end.
int CompareAll(const RuleSet& rules, const std::string& text, size_t window) {
  WordHits hits;
  hits.Build(rules.All(), text);
  int found = 0;
  for (size_t k = 0; k < static_cast<size_t>(RuleKind::kCount); ++k) {
    const auto kind = static_cast<RuleKind>(k);
    const WordSet& words = rules.Words(kind);
    for (size_t pos = 0; pos < text.size(); ++pos) {
      std::vector<size_t> ends = {text.size()};
      for (size_t e = pos + 1; e < text.size() && e <= pos + window; ++e) ends.push_back(e);
      for (size_t end : ends) {
        size_t want_len = 0, got_len = 0;
        const Rule* want = words.PrefixAt(std::string_view(text).substr(0, end), pos, &want_len);
        const Rule* got = hits.PrefixAt(kind, pos, end, &got_len);
        if (want != got || want_len != got_len) {
          INFO("kind " << RuleKindName(kind) << " pos " << pos << " end " << end << " text " << text.substr(pos, 30));
          CHECK(got == want);
          CHECK(got_len == want_len);
          return -1;
        }
        found += want != nullptr;
      }
    }
    // SuffixAt at every end, for views from the text's start and from each
    // position within `window` bytes before the end.
    for (size_t end = 1; end <= text.size(); ++end) {
      for (size_t lo = end > window ? end - window : 0; lo < end; ++lo) {
        if (lo != 0 && lo + window / 2 < end && lo % 5 != 0) continue;  // fewer far views
        for (size_t from : {size_t{0}, lo}) {
          size_t want_len = 0, got_len = 0;
          const Rule* want = words.SuffixAt(std::string_view(text).substr(from, end - from), end - from, &want_len);
          const Rule* got = hits.SuffixAt(kind, from, end, &got_len);
          if (want != got || want_len != got_len) {
            INFO("SuffixAt kind " << RuleKindName(kind) << " lo " << from << " end " << end);
            CHECK(got == want);
            CHECK(got_len == want_len);
            return -1;
          }
          found += want != nullptr;
        }
      }
    }
    // Find from every position to the end and to a nearby end.
    for (size_t from = 0; from < text.size(); from += 7) {
      for (size_t end : {text.size(), std::min(text.size(), from + 40)}) {
        size_t want_len = 0, got_len = 0;
        const Rule* want_rule = nullptr;
        const Rule* got_rule = nullptr;
        size_t want = words.Find(std::string_view(text).substr(0, end), from, &want_len, &want_rule);
        size_t got = hits.Find(kind, from, end, &got_len, &got_rule);
        if (want != got || want_len != got_len || want_rule != got_rule) {
          INFO("Find kind " << RuleKindName(kind) << " from " << from << " end " << end);
          CHECK(got == want);
          return -1;
        }
      }
    }
  }
  return found;
}

}  // namespace

TEST_CASE("WordHits answers as every kind's WordSet over real documents", "[ingest][word_hits]") {
  const RuleSet& rules = ShippedRules();
  REQUIRE(!rules.All().empty());
  int read = 0;
  for (const char* doc : {"/corpus/news/hefei_quantum_news.txt", "/corpus/plan/hangzhou_embodied_ai_action_plan.txt",
                          "/../../shared/corpus/dev/seed.txt"}) {
    std::string text = ReadFile(std::string(PKG_TEST_DIR) + doc);
    if (text.empty()) continue;  // the shared corpus is not beside this checkout
    ++read;
    if (text.size() > 6000) text.resize(6000);
    INFO(doc);
    CHECK(CompareAll(rules, text, 24) > 50);
  }
  CHECK(read >= 2);
}

TEST_CASE("WordHits answers as WordSet on ASCII, cut characters and invalid UTF-8", "[ingest][word_hits]") {
  const RuleSet& rules = ShippedRules();
  std::string odd = "推进AI+制造行动,\xE6\x8E\xA8 和 \xFF\xFE设立基金\xE5,建设平台和中心等";
  odd += std::string("\0\x01", 2);
  odd += "实施\xE5\xAE";  // a character cut off at the end
  CHECK(CompareAll(rules, odd, 64) > 0);
  CHECK(CompareAll(rules, "", 8) == 0);
}

TEST_CASE("KindWords uses the hits for views inside the text and the WordSet elsewhere", "[ingest][word_hits]") {
  const RuleSet& rules = ShippedRules();
  const std::string text = "各区要设立产业基金,建设创新平台和服务中心。";
  WordHits hits;
  hits.Build(rules.All(), text);
  const KindWords head(rules.Words(RuleKind::head), RuleKind::head, &hits, text);
  const WordSet& words = rules.Words(RuleKind::head);
  // Every view [b, e) of the text, and the same bytes copied elsewhere.
  for (size_t b = 0; b <= text.size(); b += 3) {
    for (size_t e = b; e <= text.size(); e += 3) {
      std::string_view view = std::string_view(text).substr(b, e - b);
      std::string copy(view);
      for (size_t p = 0; p <= view.size(); ++p) {
        size_t l1 = 0, l2 = 0, l3 = 0;
        const Rule* want = words.PrefixAt(copy, p, &l1);
        CHECK(head.PrefixAt(view, p, &l2) == want);
        CHECK(head.PrefixAt(copy, p, &l3) == want);
        CHECK(l2 == l1);
        CHECK(l3 == l1);
        CHECK(head.Find(view, p) == words.Find(copy, p));
        size_t s1 = 0, s2 = 0, s3 = 0;
        const Rule* want_suffix = words.SuffixAt(copy, p, &s1);
        CHECK(head.SuffixAt(view, p, &s2) == want_suffix);
        CHECK(head.SuffixAt(copy, p, &s3) == want_suffix);
        CHECK(s2 == s1);
        CHECK(s3 == s1);
      }
    }
  }
  size_t len = 0;
  CHECK(head.PrefixAt(text, text.find("基金"), &len) != nullptr);
  CHECK(len == 6);
}

TEST_CASE("KindWords::Skip jumps over no word of its kind", "[ingest][word_hits]") {
  const RuleSet& rules = ShippedRules();
  std::string text = ReadFile(std::string(PKG_TEST_DIR) + "/corpus/news/hefei_quantum_news.txt");
  REQUIRE(!text.empty());
  if (text.size() > 3000) text.resize(3000);
  WordHits hits;
  hits.Build(rules.All(), text);
  int jumped = 0;
  for (RuleKind k : {RuleKind::head, RuleKind::trigger, RuleKind::coord, RuleKind::group, RuleKind::achievement_verb,
                     RuleKind::sector_list}) {
    const KindWords words(rules.Words(k), k, &hits, text);
    for (size_t from = 0; from < text.size(); from += 5) {
      const size_t end = std::min(text.size(), from + 90);
      const size_t to = words.Skip(text, from, end);
      REQUIRE(to >= from);
      REQUIRE(to <= end);
      size_t len = 0;
      for (size_t p = from; p < to; ++p) {
        INFO("kind " << RuleKindName(k) << " from " << from << " skipped " << p);
        REQUIRE(rules.Words(k).PrefixAt(text, p, &len) == nullptr);
      }
      if (to < end) CHECK(rules.Words(k).PrefixAt(text, to, &len) != nullptr);
      jumped += to > from;
    }
    // Without hits, Skip never moves.
    const KindWords plain(rules.Words(k), k, nullptr, text);
    CHECK(plain.Skip(text, 10, 50) == 10);
  }
  CHECK(jumped > 100);
}

TEST_CASE("WordHits::NextStart answers the same in any order of questions", "[ingest][word_hits]") {
  // Seek keeps each kind's last answer: rising, falling, repeated and far
  // questions must all give the first start at or after `from`.
  const RuleSet& rules = ShippedRules();
  std::string text = ReadFile(std::string(PKG_TEST_DIR) + "/corpus/plan/hangzhou_embodied_ai_action_plan.txt");
  REQUIRE(!text.empty());
  if (text.size() > 4000) text.resize(4000);
  WordHits hits;
  hits.Build(rules.All(), text);
  for (RuleKind k : {RuleKind::head, RuleKind::trigger, RuleKind::coord, RuleKind::strip, RuleKind::group}) {
    // The starts of kind k, by brute force: any word of the kind at p.
    std::vector<size_t> starts;
    for (size_t p = 0; p < text.size(); ++p) {
      bool any = false;
      rules.Words(k).ForEachPrefixAt(text, p, [&](const Rule*, size_t) { any = true; });
      if (any) starts.push_back(p);
    }
    uint64_t x = 12345;
    for (int q = 0; q < 3000; ++q) {
      x = x * 6364136223846793005ull + 1442695040888963407ull;
      const size_t step = (x >> 33) % 4;
      size_t from = step == 0 ? (x >> 20) % text.size() : step == 1 ? (q * 7) % text.size() : (q * 3) % 600;
      const size_t end = std::min(text.size(), from + 1 + (x >> 40) % 200);
      auto it = std::lower_bound(starts.begin(), starts.end(), from);
      const size_t want = it != starts.end() && *it < end ? *it : end;
      INFO("kind " << RuleKindName(k) << " from " << from << " end " << end);
      REQUIRE(hits.NextStart(k, from, end) == want);
    }
  }
}

TEST_CASE("KindWords::PrefixAtDoc answers as PrefixAt over the document, with hits or without", "[ingest][word_hits]") {
  const RuleSet& rules = ShippedRules();
  std::string text = ReadFile(std::string(PKG_TEST_DIR) + "/corpus/news/hefei_quantum_news.txt");
  REQUIRE(!text.empty());
  if (text.size() > 3000) text.resize(3000);
  WordHits hits;
  hits.Build(rules.All(), text);
  for (RuleKind k : {RuleKind::head, RuleKind::trigger, RuleKind::coord, RuleKind::level, RuleKind::strip,
                     RuleKind::name_tail, RuleKind::compound}) {
    const KindWords indexed(rules.Words(k), k, &hits, text);
    const KindWords plain(rules.Words(k), k, nullptr, text);
    for (size_t p = 0; p <= text.size() + 1; ++p) {
      size_t l1 = 0, l2 = 0, l3 = 0;
      INFO("kind " << RuleKindName(k) << " at " << p);
      const Rule* want = p < text.size() ? rules.Words(k).PrefixAt(text, p, &l1) : nullptr;
      REQUIRE(indexed.PrefixAtDoc(p, &l2) == want);
      if (p < text.size()) REQUIRE(plain.PrefixAtDoc(p, &l3) == want);
      if (want) CHECK((l1 == l2 && l1 == l3));
    }
  }
}
