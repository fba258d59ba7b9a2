// Differential test of the character pass's fast paths (ingest/normalize.cc):
// Normalize on random mixes of Han (Simplified and Traditional), punctuation,
// full-width ASCII, pinyin, placeholders and control characters must give the
// text and offset map of a character-by-character pass written the simple way
// (every character through the general rules, then SimplifyInPlace, then
// the same page-chrome line pass).
#include <catch2/catch.hpp>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <random>
#include <string>
#include <vector>

#include "base/text.h"
#include "ingest/decode.h"
#include "ingest/normalize.h"
#include "ingest/utf8.h"

using namespace pkg::ingest;

namespace {

bool Tone(char32_t c) { return std::u32string_view(U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê").find(c) != std::u32string_view::npos; }

size_t Pinyin(std::string_view s, size_t i, bool habit) {
  size_t j = i;
  NextCp(s, j);
  int letters = 0;
  bool tone = false;
  while (j < s.size() && letters <= 7) {
    size_t k = j;
    char32_t c = NextCp(s, k);
    if (c == ')' || c == U'）') return letters >= 1 && (tone || habit) ? k - i : 0;
    if (c >= 'a' && c <= 'z') {
      ++letters;
    } else if (Tone(c)) {
      ++letters;
      tone = true;
    } else {
      return 0;
    }
    j = k;
  }
  return 0;
}

// The character pass one character at a time, as before its fast paths.
NormalizedText Simple(const DecodedText& in, const PageChrome& chrome) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(st);
  const std::string& s = in.utf8;
  NormalizedText out;
  char32_t prev = 0;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    char32_t c = NextCp(s, i);
    const uint32_t at = in.orig[start], len = in.orig[i - 1] - at + 1;
    if ((c == '(' || c == U'（') && IsHan(prev)) {
      if (size_t skip = Pinyin(s, start, out.pinyin_removed >= 3)) {
        i = start + skip;
        ++out.pinyin_removed;
        continue;
      }
    }
    if (c == '?' || c == U'？') {
      size_t j = i;
      char32_t d = j < s.size() ? NextCp(s, j) : 0;
      if (d == '?' || d == U'？') {
        while (i < s.size()) {
          size_t k = i;
          char32_t e = NextCp(s, k);
          if (e != '?' && e != U'？') break;
          i = k;
        }
        continue;
      }
    }
    if (c == '\t') c = ' ';
    if ((c < 0x20 && c != '\n') || c == 0x7F || c == 0xFFFD || c == 0x200B || c == 0x200C || c == 0x200D ||
        c == 0xFEFF || c == 0x00AD || (c >= 0x80 && c < 0xA0)) {
      continue;
    }
    std::string bytes;
    if (c == U'「' || c == U'『') {
      AppendCp(bytes, U'“');
    } else if (c == U'」' || c == U'』') {
      AppendCp(bytes, U'”');
    } else if (c < 0x80 || IsHan(c)) {
      AppendCp(bytes, c);
    } else if (c >= 0xFF01 && c <= 0xFF5E) {
      c -= 0xFEE0;
      AppendCp(bytes, c);
    } else if (c == 0x3000) {
      c = ' ';
      AppendCp(bytes, c);
    } else if (nfkc && !nfkc->isInert(static_cast<UChar32>(c))) {
      UErrorCode e = U_ZERO_ERROR;
      nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(c)), e).toUTF8String(bytes);
      if (bytes.empty()) AppendCp(bytes, c);
    } else {
      bytes = s.substr(start, i - start);
    }
    out.text += bytes;
    PushOrig(out.orig, bytes.size(), at, len);
    prev = c;
  }
  REQUIRE(pkg::SimplifyInPlace(out.text));
  // The line pass, as Normalize makes it.
  NormalizedText lines;
  lines.pinyin_removed = out.pinyin_removed;
  const std::string_view t = out.text;
  for (size_t b = 0; b < t.size();) {
    const size_t e = t.find('\n', b), next = e == std::string_view::npos ? t.size() : e + 1;
    const auto verdict = chrome.Classify(t.substr(b, (e == std::string_view::npos ? t.size() : e) - b));
    if (verdict == PageChrome::Verdict::kTail) break;
    if (verdict == PageChrome::Verdict::kText) {
      lines.text.append(t.substr(b, next - b));
      lines.orig.insert(lines.orig.end(), out.orig.begin() + b, out.orig.begin() + next);
    }
    b = next;
  }
  lines.orig.push_back(in.orig.empty() ? 0 : in.orig.back());
  return lines;
}

}  // namespace

TEST_CASE("The character pass's fast paths give what one character at a time gives",
          "[ingest][normalize][differential]") {
  const std::vector<std::string> pieces = {
      "中", "国", "产", "業", "國", "們", "經", "濟", "〇", "㐀", "一", "鿿", "、", "。", "《", "》", "“", "”",
      "—", "…", "「", "」", "『", "』", "〔", "〕", "【", "】", "　", "，", "：", "；", "（", "）", "？", "Ａ",
      "２", "～", "(", ")", "?", "??", "a", "Z", "1", " ", "\n", "\t", "\x01", "\u200b", "\u00ad", "①", "㎡",
      "™", "ℂ", "\u2002", "ǎ", "(chǎn)", "（de）", "(de)", "中国中国中国中国", "產業規劃與經濟發展", "𠀀", "é", "䷀", "䶵", "一中业", "䷀中",
  };
  PageChrome chrome;
  chrome.line_markers = {"当前位置", "分享到"};
  chrome.tail_markers = {"相关文章"};
  // A Traditional character alone at each place of a four-character step.
  for (const char* trad : {"國", "們", "經", "濟"}) {
    for (int at = 0; at < 8; ++at) {
      std::string text;
      for (int k = 0; k < 12; ++k) text += k == at ? trad : k % 2 ? "国" : "中";
      auto d = Decode(text);
      REQUIRE(d.ok());
      INFO(text);
      REQUIRE(Normalize(*d, chrome).text == Simple(*d, chrome).text);
    }
  }
  std::mt19937 rng(20261127);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), count(0, 60);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (size_t k = count(rng); k > 0; --k) text += pieces[pick(rng)];
    auto d = Decode(text);
    REQUIRE(d.ok());
    const NormalizedText fast = Normalize(*d, chrome);
    const NormalizedText simple = Simple(*d, chrome);
    INFO(text);
    REQUIRE(fast.text == simple.text);
    REQUIRE(fast.orig == simple.orig);
    REQUIRE(fast.pinyin_removed == simple.pinyin_removed);
  }
}
