// Numbers as Chinese policy texts write them: Arabic ("5.2", "3,700", "1.2万"),
// Chinese numerals ("三", "二十", "一百二十", "两"), magnitudes (万, 亿, 万亿,
// 千亿, 百亿, 千万, 百万) and money ("1000亿元" → 1.0e11 CNY).
//
// What it does not do: ranges ("3~5") and approximations ("近", "超") are
// the caller's (recognize_indicators.cc reads the words around a number).
//
// Tested in tests/ingest/numbers_test.cc.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pkg::ingest {

struct ParsedNumber {
  double value = 0;       // with the magnitude applied: "1.2万" → 12000
  double written = 0;     // as written, before the magnitude: 1.2
  std::string magnitude;  // "万", "亿", … or ""
  size_t end = 0;         // byte offset just past the number and magnitude
};

// The number starting at text[pos], or nullopt. A lone 十/百/千 is not a number;
// nor is a Chinese numeral glued to a following Han word that makes it a
// word ("一批", "一是", "三大" are numbers only when a caller wants them).
std::optional<ParsedNumber> ParseNumberAt(std::string_view text, size_t pos);

// Money: a number, a magnitude and a currency unit ("1000亿元", "5万元",
// "2亿美元"). `unit` is the unit as written ("亿元"); cny is the value in yuan
// (0 for foreign currencies).
// IsNumberStart for any code point (the inline one's rare cases).
bool IsNumberStartSlow(std::string_view text, size_t pos);

struct ParsedAmount {
  double written = 0;
  std::string unit;
  double cny = 0;
  size_t end = 0;
};
std::optional<ParsedAmount> ParseAmountAt(std::string_view text, size_t pos);
// The same for a number already read: n = ParseNumberAt(text, pos) gives what
// ParseAmountAt(text, pos) gives, without reading the number twice.
std::optional<ParsedAmount> AmountAfter(std::string_view text, const ParsedNumber& n);

// True when the code point starting at text[pos] (as NextCp reads it) begins
// a number: an ASCII digit, a Chinese digit, or 十 with text after it.
// Inline: the recognisers ask at most positions of a clause.
inline bool IsNumberStart(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) return b >= '0' && b <= '9';
  // NextCp: a stray byte is U+FFFD, two bytes give no more than U+07FF (no
  // digit but a malformed ASCII one), three bytes as decoded here.
  if (b < 0xC0) return false;
  if (b < 0xE0 || b >= 0xF0 || pos + 2 >= text.size()) return IsNumberStartSlow(text, pos);
  const char32_t c = (char32_t{b & 0x0Fu} << 12) | (char32_t{static_cast<unsigned char>(text[pos + 1]) & 0x3Fu} << 6) |
                     (static_cast<unsigned char>(text[pos + 2]) & 0x3Fu);
  switch (c) {
    case U'〇': case U'零': case U'一': case U'二': case U'两': case U'三': case U'四':
    case U'五': case U'六': case U'七': case U'八': case U'九':
      return true;
    case U'十':
      return pos + 3 < text.size();
    default:
      return false;
  }
}

}  // namespace pkg::ingest
