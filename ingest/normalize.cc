// Normalise stage; see normalize.h. Two passes: characters (NFKC, artifacts,
// pinyin, Traditional→Simplified), then lines (page chrome).
// Traditional→Simplified is base/text.h's SimplifyInPlace: it keeps every
// character's byte length (it rewrites three-byte characters only), so the
// map stays valid. The character pass applies its mapping to each character
// it emits, read once into a table (T2s below), rather than a second pass
// over the whole text; when SimplifyInPlace declines the text, the old
// second pass (ToSimplified) runs.
#include "ingest/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/text.h"
#include "ingest/utf8.h"

namespace pkg::ingest {
namespace {

const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* n = [] {
    UErrorCode st = U_ZERO_ERROR;
    const icu::Normalizer2* p = icu::Normalizer2::getNFKCInstance(st);
    return U_SUCCESS(st) ? p : nullptr;
  }();
  return n;
}

// SimplifyInPlace's mapping of the characters it may rewrite (three bytes,
// leads E3..E9: U+3000..U+9FFF), read once by applying it to every one of
// them; so the character pass gives exactly the bytes SimplifyInPlace would.
class T2s {
 public:
  static constexpr char32_t kBegin = 0x3000, kEnd = 0xA000;

  static const T2s& Get() {
    static const T2s t;
    return t;
  }
  // False when SimplifyInPlace declined (its tables change byte lengths):
  // the caller then simplifies the whole text afterwards, as before.
  bool ok() const { return ok_; }
  // Does SimplifyInPlace rewrite code point c (kBegin <= c < kEnd)? Never
  // when !ok().
  bool Changes(char32_t c) const {
    const uint32_t k = c - kBegin;
    return (changed_[k >> 6] >> (k & 63)) & 1;
  }
  // SimplifyInPlace on text[from, end): the characters of that range in place.
  // REQUIRES ok(); text[from, end) whole UTF-8 characters.
  void Apply(std::string& text, size_t from) const {
    auto* p = reinterpret_cast<unsigned char*>(text.data());
    for (size_t i = from; i + 2 < text.size();) {
      const unsigned char b = p[i];
      if (b < 0xE3 || b > 0xE9 || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) {
        ++i;
        continue;
      }
      const char32_t c = (char32_t{b & 0x0Fu} << 12) | (char32_t{p[i + 1] & 0x3Fu} << 6) | (p[i + 2] & 0x3Fu);
      if (Changes(c)) std::memcpy(p + i, to_.data() + 3 * (c - kBegin), 3);
      i += 3;
    }
  }

 private:
  T2s() {
    std::string all;
    all.reserve(3 * (kEnd - kBegin));
    for (char32_t c = kBegin; c < kEnd; ++c) AppendCp(all, c);
    to_ = all;
    ok_ = pkg::SimplifyInPlace(to_);
    if (!ok_) return;
    for (char32_t c = kBegin; c < kEnd; ++c) {
      const uint32_t k = c - kBegin;
      if (std::memcmp(all.data() + 3 * k, to_.data() + 3 * k, 3) != 0) changed_[k >> 6] |= uint64_t{1} << (k & 63);
    }
  }
  bool ok_ = false;
  std::string to_;  // three bytes per code point from kBegin: its simplified form
  uint64_t changed_[(kEnd - kBegin) / 64] = {};
};

bool Dropped(char32_t c);

// Three-byte characters of U+2000..U+4FFF the general path of the character
// pass copies as they are (before Traditional→Simplified): Han, and the
// NFKC-inert punctuation it neither drops nor rewrites (、。《》“”—). Read
// once from the general path's own tests, so the fast path may copy them.
class Plain3 {
 public:
  static constexpr char32_t kBegin = 0x2000, kEnd = 0x5000;

  static const Plain3& Get(const icu::Normalizer2* nfkc) {
    static const Plain3 t(nfkc);
    return t;
  }
  // REQUIRES kBegin <= c < kEnd.
  bool Has(char32_t c) const {
    const uint32_t k = c - kBegin;
    return (bits_[k >> 6] >> (k & 63)) & 1;
  }

 private:
  explicit Plain3(const icu::Normalizer2* nfkc) {
    for (char32_t c = kBegin; c < kEnd; ++c) {
      bool plain = IsHan(c);
      if (!plain && !Dropped(c) && c != 0x3000 && c != U'「' && c != U'『' && c != U'」' && c != U'』') {
        plain = !(nfkc && !nfkc->isInert(static_cast<UChar32>(c)));
      }
      const uint32_t k = c - kBegin;
      if (plain) bits_[k >> 6] |= uint64_t{1} << (k & 63);
    }
  }
  uint64_t bits_[(kEnd - kBegin) / 64] = {};
};

bool IsToneVowel(char32_t c) {
  switch (c) {
    case U'ā': case U'á': case U'ǎ': case U'à': case U'ē': case U'é': case U'ě': case U'è':
    case U'ī': case U'í': case U'ǐ': case U'ì': case U'ō': case U'ó': case U'ǒ': case U'ò':
    case U'ū': case U'ú': case U'ǔ': case U'ù': case U'ǖ': case U'ǘ': case U'ǚ': case U'ǜ':
    case U'ü': case U'ê':
      return true;
    default:
      return false;
  }
}

// At s[i] == '(' or '（': the length of a pinyin annotation "(chǎn)" to skip,
// or 0. `habit` allows annotations without tone marks ("(de)").
size_t PinyinAt(std::string_view s, size_t i, bool habit) {
  size_t j = i;
  NextCp(s, j);
  int letters = 0;
  bool tone = false;
  while (j < s.size() && letters <= 7) {
    size_t k = j;
    char32_t c = NextCp(s, k);
    if (c == ')' || c == U'）') {
      if (letters >= 1 && (tone || habit)) return k - i;
      return 0;
    }
    if (c >= 'a' && c <= 'z') {
      ++letters;
    } else if (IsToneVowel(c)) {
      ++letters;
      tone = true;
    } else {
      return 0;
    }
    j = k;
  }
  return 0;
}

bool Dropped(char32_t c) {
  return (c < 0x20 && c != '\n') || c == 0x7F || c == 0xFFFD || c == 0x200B || c == 0x200C || c == 0x200D ||
         c == 0xFEFF || c == 0x00AD || (c >= 0x80 && c < 0xA0);
}

struct CharPass {
  std::string text;
  std::vector<uint32_t> orig;
  int pinyin = 0;

  void Emit(std::string_view bytes, uint32_t at, uint32_t len) {
    text.append(bytes);
    PushOrig(orig, bytes.size(), at, len);
  }
  void EmitCp(char32_t c, uint32_t at, uint32_t len) {
    size_t before = text.size();
    AppendCp(text, c);
    PushOrig(orig, text.size() - before, at, len);
  }
};

// When t2s.ok(), every emitted character is simplified (SimplifyInPlace's bytes).
CharPass Characters(const DecodedText& in, const T2s& t2s) {
  const std::string& s = in.utf8;
  const icu::Normalizer2* nfkc = Nfkc();
  const Plain3& plain3 = Plain3::Get(nfkc);
  CharPass out;
  out.text.reserve(s.size());
  out.orig.reserve(s.size() + 1);
  char32_t prev = 0;
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    // Fast path for most of a text: a run of Han characters of three bytes
    // (leads E3..E9), the punctuation Plain3 lists and plain printable ASCII
    // is copied as it is, with its
    // slice of the offset map, as the general path below would copy each
    // character (PushOrig of an unchanged character reproduces its entries).
    // '(' and '?' end the run: they may start pinyin or placeholders.
    size_t j = i;
    bool traditional = false;  // a character of the run that simplification rewrites
    const size_t n = s.size();
    while (j < n) {
      const unsigned char b = u[j];
      if (b < 0x80) {
        if ((b >= 0x20 && b < 0x7F && b != '(' && b != '?') || b == '\n') {
          prev = b;
          ++j;
          continue;
        }
        break;
      }
#if defined(__SSE2__)
      // Four Han characters of U+4E00..U+9FFF a step (twelve bytes): leads
      // E5..E9, or E4 with a second byte B8..BF.
      if (b >= 0xE4 && b <= 0xE9 && j + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(u + j));
        const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(0xE4)));
        const int lead = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(5)), d));
        const int cont = _mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0))), _mm_set1_epi8(static_cast<char>(0x80))));
        const int e4 = _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE4))));
        const int b8 = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(static_cast<char>(0xB8))), v));
        if ((lead & 0x249) == 0x249 && (cont & 0xDB6) == 0xDB6 && (((e4 & 0x249) << 1) & ~b8) == 0) {
          uint64_t lo, hi;  // bytes 0..7 and 6..13: characters at 0, 3 and 6, 9
          std::memcpy(&lo, u + j, 8);
          std::memcpy(&hi, u + j + 6, 8);
          auto cp = [](uint64_t x) {
            return static_cast<char32_t>(((x & 0x0F) << 12) | ((x >> 2) & 0xFC0) | ((x >> 16) & 0x3F));
          };
          const char32_t h0 = cp(lo), h1 = cp(lo >> 24), h2 = cp(hi), h3 = cp(hi >> 24);
          traditional |= t2s.Changes(h0) | t2s.Changes(h1) | t2s.Changes(h2) | t2s.Changes(h3);
          prev = h3;
          j += 12;
          continue;
        }
      }
#endif
      if (b >= 0xE2 && b <= 0xE9 && j + 2 < n) {
        uint16_t t;  // the two bytes after the lead
        std::memcpy(&t, u + j + 1, 2);
        if ((t & 0xC0C0) == 0x8080) {
          const char32_t h = (char32_t{b & 0x0Fu} << 12) | (char32_t{t & 0x3Fu} << 6) | ((t >> 8) & 0x3Fu);
          // Leads E5..E9 are U+5000..U+9FFF: all Han.
          if (b >= 0xE5 || plain3.Has(h)) {
            prev = h;
            if (b >= 0xE3) traditional |= t2s.Changes(h);  // never with a declined table (no bit set)
            j += 3;
            continue;
          }
        }
      }
      break;
    }
    if (j > i) {
      const size_t at = out.text.size();
      out.text.append(s, i, j - i);
      if (traditional) t2s.Apply(out.text, at);
      out.orig.insert(out.orig.end(), in.orig.begin() + i, in.orig.begin() + j);
      i = j;
      continue;
    }
    // Full-width ASCII (，：；）) becomes ASCII, as the general path below
    // would make it; （ and ？ go there (pinyin, placeholders).
    if (u[i] == 0xEF && i + 2 < s.size() && (u[i + 1] == 0xBC || u[i + 1] == 0xBD) && (u[i + 2] & 0xC0) == 0x80) {
      const char32_t h = 0xF000 | (char32_t{u[i + 1] & 0x3Fu} << 6) | (u[i + 2] & 0x3Fu);
      if (h >= 0xFF01 && h <= 0xFF5E && h != U'（' && h != U'？') {
        prev = h - 0xFEE0;
        out.text.push_back(static_cast<char>(prev));
        out.orig.push_back(in.orig[i]);
        i += 3;
        continue;
      }
    }
    const size_t emitted = out.text.size();
    size_t start = i;
    char32_t c = NextCp(s, i);
    uint32_t at = in.orig[start];
    uint32_t len = in.orig[i - 1] - at + 1;
    if (c == '(' || c == U'（') {
      if (IsHan(prev)) {
        size_t skip = PinyinAt(s, start, out.pinyin >= 3);
        if (skip) {
          i = start + skip;
          ++out.pinyin;
          continue;
        }
      }
    }
    if (c == '?' || c == U'？') {
      size_t j = i;
      char32_t d = j < s.size() ? NextCp(s, j) : 0;
      if (d == '?' || d == U'？') {
        // A run of two or more: placeholders for characters the scraper lost.
        while (i < s.size()) {
          size_t k = i;
          char32_t d = NextCp(s, k);
          if (d != '?' && d != U'？') break;
          i = k;
        }
        continue;
      }
    }
    if (c == '\t') c = ' ';
    if (Dropped(c)) continue;
    // Corner brackets are quotes: one quote style for every later stage.
    if (c == U'「' || c == U'『' || c == U'」' || c == U'』') {
      out.EmitCp(c == U'「' || c == U'『' ? U'“' : U'”', at, len);
      if (t2s.ok()) t2s.Apply(out.text, emitted);
      prev = c;
      continue;
    }
    if (c < 0x80 || IsHan(c)) {
      out.EmitCp(c, at, len);
    } else if (c >= 0xFF01 && c <= 0xFF5E) {
      c -= 0xFEE0;
      out.EmitCp(c, at, len);
    } else if (c == 0x3000) {
      c = ' ';
      out.EmitCp(c, at, len);
    } else if (nfkc && !nfkc->isInert(static_cast<UChar32>(c))) {
      UErrorCode st = U_ZERO_ERROR;
      icu::UnicodeString u(static_cast<UChar32>(c));
      icu::UnicodeString n = nfkc->normalize(u, st);
      std::string tmp;
      if (U_SUCCESS(st)) n.toUTF8String(tmp);
      if (tmp.empty()) AppendCp(tmp, c);
      out.Emit(tmp, at, len);
    } else {
      out.Emit(std::string_view(s).substr(start, i - start), at, len);
    }
    if (t2s.ok()) t2s.Apply(out.text, emitted);
    prev = c;
  }
  return out;
}

}  // namespace

NormalizedText Normalize(const DecodedText& in, const PageChrome& chrome) {
  const T2s& t2s = T2s::Get();
  CharPass chars = Characters(in, t2s);
  uint32_t end_offset = in.orig.empty() ? 0 : in.orig.back();
  // Offsets into chars.text stay valid only if no character changes length.
  if (!t2s.ok() && !SimplifyInPlace(chars.text)) {
    std::string simplified = ToSimplified(chars.text);
    if (simplified.size() == chars.text.size()) chars.text.swap(simplified);
  }

  NormalizedText out;
  out.pinyin_removed = chars.pinyin;
  out.text.reserve(chars.text.size());
  out.orig.reserve(chars.text.size() + 1);
  std::string_view t = chars.text;
  bool tail = false;
  for (size_t b = 0; b < t.size() && !tail;) {
    size_t e = t.find('\n', b);
    size_t next = e == std::string_view::npos ? t.size() : e + 1;
    std::string_view line = t.substr(b, (e == std::string_view::npos ? t.size() : e) - b);
    auto verdict = chrome.Classify(line);
    if (verdict == PageChrome::Verdict::kText) {
      out.text.append(t.substr(b, next - b));
      out.orig.insert(out.orig.end(), chars.orig.begin() + b, chars.orig.begin() + next);
    } else {
      ++out.chrome_lines;
      tail = verdict == PageChrome::Verdict::kTail;
    }
    b = next;
  }
  out.orig.push_back(end_offset);
  return out;
}

}  // namespace pkg::ingest
