// Normalise: decoded UTF-8 → the text every later stage reads, with a map
// from each byte back to the original file bytes.
//
// Per character: NFKC (full-width letters, digits and punctuation become
// ASCII: "，" → ",", "（" → "("), corner brackets 「」『』 → “”, Traditional → Simplified (base/text.h,
// per code point), tabs to spaces, control and zero-width characters dropped,
// U+FFFD and "??" placeholders for lost characters dropped, and inline pinyin
// left by scrapers removed ("產(chǎn)業(yè)" → "产业": a Han character followed
// by a parenthesised syllable with tone marks, or without them once the
// document has shown the habit). Per line: page chrome (navigation,
// breadcrumbs, menus, share widgets, related-article lists) is dropped
// (page_chrome.h decides).
// What it does not do: split sentences, or touch the meaning of the text
// (no word substitution).
//
// Tested in tests/ingest/normalize_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/decode.h"
#include "ingest/page_chrome.h"

namespace pkg::ingest {

struct NormalizedText {
  std::string text;            // normalised UTF-8, LF between lines
  // orig[i]: original-file offset of text byte i (size text.size()+1). The
  // first byte of a character maps to its first original byte, its last byte
  // to its last original byte, so spans come out exact.
  std::vector<uint32_t> orig;
  int pinyin_removed = 0;      // inline pinyin annotations dropped
  int chrome_lines = 0;        // page-chrome lines dropped

  // Original-file byte span [first, last) of normalised [begin, end).
  // REQUIRES: begin <= end <= text.size().
  std::pair<uint32_t, uint32_t> OriginalSpan(size_t begin, size_t end) const {
    if (end <= begin) return {orig[begin], orig[begin]};
    return {orig[begin], orig[end - 1] + 1};
  }
};

NormalizedText Normalize(const DecodedText& in, const PageChrome& chrome);

}  // namespace pkg::ingest
