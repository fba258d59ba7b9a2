// Tests for base/text_tables.inc (scripts/gen-text-tables): the checked-in
// per-character tables must say what the ICU the build links says, code
// point by code point, so that a new ICU that reads differently fails here
// until the script is run again.
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "base/text.h"

namespace pkg {
namespace {

constexpr UChar32 kBegin = 0x3400, kEnd = 0xA000;

// ICU's reading of every code point of [kBegin, kEnd), in blocks of 256
// separated by '\n' (one string of all of them costs quadratic time).
std::vector<std::string> Transliterate(const char* id) {
  std::vector<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  REQUIRE(U_SUCCESS(status));
  for (UChar32 first = kBegin; first < kEnd; first += 256) {
    icu::UnicodeString all;
    for (UChar32 c = first; c < std::min<UChar32>(kEnd, first + 256); ++c) {
      all.append(c);
      all.append(static_cast<UChar>('\n'));
    }
    tr->transliterate(all);
    int32_t start = 0;
    for (int32_t i = 0; i < all.length(); ++i) {
      if (all.charAt(i) != '\n') continue;
      std::string s;
      icu::UnicodeString(all, start, i - start).toUTF8String(s);
      out.push_back(s);
      start = i + 1;
    }
  }
  REQUIRE(out.size() == static_cast<size_t>(kEnd - kBegin));
  return out;
}

std::string Utf8(UChar32 c) {
  std::string s;
  icu::UnicodeString(c).toUTF8String(s);
  return s;
}

TEST_CASE("The Traditional-Simplified table is ICU's, code point by code point", "[text][tables]") {
  const auto simp = Transliterate("Traditional-Simplified");
  int changed = 0;
  for (UChar32 c = kBegin; c < kEnd; ++c) {
    const std::string& want = simp[static_cast<size_t>(c - kBegin)];
    // The table maps a code point only when ICU gives one other code point.
    icu::UnicodeString w = icu::UnicodeString::fromUTF8(want);
    const std::string expect = (w.countChar32() == 1) ? want : Utf8(c);
    INFO("U+" << std::hex << c);
    REQUIRE(ToSimplified(Utf8(c)) == expect);
    changed += expect != Utf8(c);
  }
  CHECK(changed > 2000);
}

TEST_CASE("The pinyin table is ICU's Han-Latin, code point by code point", "[text][tables]") {
  const auto latin = Transliterate("Han-Latin; Latin-ASCII");
  int readings = 0;
  for (UChar32 c = kBegin; c < kEnd; ++c) {
    const std::string& got = latin[static_cast<size_t>(c - kBegin)];
    bool ok = !got.empty() && got.size() <= 8;
    for (char ch : got) ok = ok && static_cast<unsigned char>(ch) < 0x80 && ch != ' ';
    INFO("U+" << std::hex << c);
    // A code point that Traditional→Simplified maps is read as its simplified form.
    const std::string simple = ToSimplified(Utf8(c));
    if (simple != Utf8(c)) continue;
    REQUIRE(ToPinyin(Utf8(c)) == (ok ? got : std::string()));
    readings += ok;
  }
  CHECK(readings > 20000);
}

}  // namespace
}  // namespace pkg
