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
struct ParsedAmount {
  double written = 0;
  std::string unit;
  double cny = 0;
  size_t end = 0;
};
std::optional<ParsedAmount> ParseAmountAt(std::string_view text, size_t pos);

// True when the code point starting at text[pos] begins a number.
bool IsNumberStart(std::string_view text, size_t pos);

}  // namespace pkg::ingest
