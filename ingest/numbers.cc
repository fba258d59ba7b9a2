// Number parsing; see numbers.h.
#include "ingest/numbers.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "ingest/utf8.h"

namespace pkg::ingest {
namespace {

int ChineseDigit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

int ChineseUnit(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    default: return 0;
  }
}

// Reads a magnitude word at text[pos]: 万亿, 千亿, 百亿, 亿, 千万, 百万, 万.
double MagnitudeAt(std::string_view text, size_t pos, std::string* word) {
  using namespace std::string_view_literals;
  static constexpr struct { std::string_view w; double m; } kMags[] = {
      {"万亿"sv, 1e12}, {"千亿"sv, 1e11}, {"百亿"sv, 1e10}, {"亿"sv, 1e8}, {"千万"sv, 1e7}, {"百万"sv, 1e6}, {"万"sv, 1e4}};
  // Every magnitude starts with 万 or 亿 (E4) or 千 (E5) or 百 (E7).
  if (pos >= text.size()) return 1;
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b != 0xE4 && b != 0xE5 && b != 0xE7) return 1;
  // The first match in kMags' order, read by character: 万亿 before 万, 千亿 before 千万.
  auto char_at = [&](size_t p) -> uint32_t {  // the three bytes at p, 0 past the end
    if (p + 3 > text.size()) return 0;
    return uint32_t{static_cast<unsigned char>(text[p])} << 16 | uint32_t{static_cast<unsigned char>(text[p + 1])} << 8 |
           static_cast<unsigned char>(text[p + 2]);
  };
  constexpr uint32_t kWan = 0xE4B887, kYi = 0xE4BABF, kQian = 0xE58D83, kBai = 0xE799BE;  // 万 亿 千 百
  const uint32_t first = char_at(pos), second = char_at(pos + 3);
  int k = -1;  // index into kMags
  if (first == kWan) k = second == kYi ? 0 : 6;
  else if (first == kQian) k = second == kYi ? 1 : second == kWan ? 4 : -1;
  else if (first == kBai) k = second == kYi ? 2 : second == kWan ? 5 : -1;
  else if (first == kYi) k = 3;
  if (k < 0) return 1;
  *word = kMags[k].w;
  return kMags[k].m;
}

// The value of the decimal digits[0, n) ("12.5", no sign or exponent), as
// strtod reads it: correctly rounded. Up to 15 significant digits the
// mantissa and the power of ten are exact doubles, and one division rounds
// correctly (the exact fast path of strtod implementations); longer strings
// go to strtod.
double DecimalValue(char* digits, size_t n) {
  uint64_t mant = 0;
  int frac = -1;  // digits after the point, -1 before it
  size_t count = 0;
  for (size_t k = 0; k < n; ++k) {
    if (digits[k] == '.') {
      frac = 0;
      continue;
    }
    mant = mant * 10 + static_cast<uint64_t>(digits[k] - '0');
    ++count;
    if (frac >= 0) ++frac;
  }
  if (count <= 15) {
    static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const double m = static_cast<double>(mant);
    return frac > 0 ? m / kPow10[frac] : m;
  }
  digits[n] = '\0';
  return std::strtod(digits, nullptr);
}

}  // namespace

bool IsNumberStartSlow(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  size_t i = pos;
  char32_t c = NextCp(text, i);
  return IsAsciiDigit(c) || ChineseDigit(c) >= 0 || (c == U'十' && i < text.size());
}

std::optional<ParsedNumber> ParseNumberAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  ParsedNumber out;
  size_t i = pos;
  if (IsAsciiDigit(static_cast<unsigned char>(text[i]))) {
    char digits[32];  // at most 30 kept, and the terminator strtod may need
    size_t nd = 0;
    bool point = false;
    while (i < text.size()) {
      char ch = text[i];
      if (ch >= '0' && ch <= '9') {
        digits[nd++] = ch;
      } else if (ch == '.' && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9' && !point) {
        digits[nd++] = ch;
        point = true;
      } else if (ch == ',' && i + 3 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9' &&
                 text[i + 2] >= '0' && text[i + 2] <= '9' && text[i + 3] >= '0' && text[i + 3] <= '9' &&
                 (i + 4 >= text.size() || text[i + 4] < '0' || text[i + 4] > '9')) {
        // thousands separator "3,700"
      } else {
        break;
      }
      ++i;
      if (nd > 30) return std::nullopt;
    }
    out.written = DecimalValue(digits, nd);
  } else {
    // Chinese numerals: [digit] (unit [digit])* ; e.g. 一百二十三, 二十, 十五, 三.
    double total = 0, current = 0;
    bool any = false;
    size_t last_good = i;
    while (i < text.size()) {
      size_t j = i;
      char32_t c = NextCp(text, j);
      int d = ChineseDigit(c);
      int u = ChineseUnit(c);
      if (d >= 0) {
        current = current * 10 + d;  // 二〇二五 reads digit by digit
        any = true;
      } else if (u) {
        total += (current == 0 ? 1 : current) * u;
        current = 0;
        any = true;
      } else {
        break;
      }
      i = j;
      last_good = i;
    }
    if (!any) return std::nullopt;
    i = last_good;
    out.written = total + current;
  }
  double mag = MagnitudeAt(text, i, &out.magnitude);
  if (!out.magnitude.empty()) i += out.magnitude.size();
  out.value = out.written * mag;
  out.end = i;
  if (!std::isfinite(out.value)) return std::nullopt;
  return out;
}

std::optional<ParsedAmount> ParseAmountAt(std::string_view text, size_t pos) {
  auto n = ParseNumberAt(text, pos);
  if (!n) return std::nullopt;
  return AmountAfter(text, *n);
}

std::optional<ParsedAmount> AmountAfter(std::string_view text, const ParsedNumber& n) {
  size_t i = n.end;
  ParsedAmount a;
  a.written = n.written;
  if (text.substr(i, 3) == "元") {
    a.unit = n.magnitude + "元";
    a.cny = n.value;
    a.end = i + 3;
    return a;
  }
  if (text.substr(i, 6) == "美元") {
    a.unit = n.magnitude + "美元";
    a.end = i + 6;
    return a;
  }
  return std::nullopt;
}

}  // namespace pkg::ingest
