// Decode stage; see decode.h. UTF-8 is validated and copied; other charsets
// go through ICU's converters in blocks (ucnv_toUnicode with its offsets
// array, which gives the original offset of each character for the map).
#include "ingest/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "base/text.h"
#include "ingest/utf8.h"

namespace pkg::ingest {
namespace {

// The decoded text and its map, written through raw positions: the converted
// path puts one character at a time, and a push_back per byte and per map
// entry cost more than the conversion. Room() before each block of
// characters; Finish() trims to what was written.
class Sink {
 public:
  explicit Sink(DecodedText& out) : out_(out) {}
  // Room for `chars` more characters (four bytes and four map entries each).
  void Room(size_t chars) {
    const size_t need = used_ + 4 * chars;
    if (need > out_.utf8.size()) {
      out_.utf8.resize(std::max(need, 2 * out_.utf8.size()));
      out_.orig.resize(out_.utf8.size());
    }
  }
  // Appends one code point with its original offset, folding CR LF / CR to
  // LF; the map entries are PushOrig's (decode.h).
  void Put(char32_t c, uint32_t at, uint32_t len, bool& pending_cr) {
    if (pending_cr) {
      pending_cr = false;
      if (c == '\n') return;  // the LF of CR LF: already emitted
    }
    if (c == '\r') {
      pending_cr = true;
      c = '\n';
    }
    char* b = out_.utf8.data() + used_;
    uint32_t* o = out_.orig.data() + used_;
    if (len == 0) len = 1;
    o[0] = at;
    if (c < 0x80) {
      b[0] = static_cast<char>(c);
      used_ += 1;
      return;
    }
    size_t n;
    if (c < 0x800) {
      b[0] = static_cast<char>(0xC0 | (c >> 6));
      b[1] = static_cast<char>(0x80 | (c & 0x3F));
      n = 2;
    } else if (c < 0x10000) {
      b[0] = static_cast<char>(0xE0 | (c >> 12));
      b[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      b[2] = static_cast<char>(0x80 | (c & 0x3F));
      n = 3;
    } else {
      b[0] = static_cast<char>(0xF0 | (c >> 18));
      b[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      b[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      b[3] = static_cast<char>(0x80 | (c & 0x3F));
      n = 4;
    }
    for (size_t k = 1; k < n; ++k) o[k] = at + (k + 1 == n ? len - 1 : (k < len ? static_cast<uint32_t>(k) : len - 1));
    used_ += n;
  }
  void Finish() {
    out_.utf8.resize(used_);
    out_.orig.resize(used_);
  }

 private:
  DecodedText& out_;
  size_t used_ = 0;  // bytes of utf8 written; orig has as many entries
};

// orig[k] = first + k for k < n, four entries a step.
void Iota(uint32_t* orig, size_t n, uint32_t first) {
  size_t k = 0;
#if defined(__SSE2__)
  __m128i v = _mm_setr_epi32(static_cast<int>(first), static_cast<int>(first + 1), static_cast<int>(first + 2),
                             static_cast<int>(first + 3));
  const __m128i four = _mm_set1_epi32(4);
  for (; k + 4 <= n; k += 4) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(orig + k), v);
    v = _mm_add_epi32(v, four);
  }
#endif
  for (; k < n; ++k) orig[k] = first + static_cast<uint32_t>(k);
}

// A three-byte lead whose character is valid with any two continuation bytes
// (E0 and ED allow narrower second bytes: overlong forms and surrogates).
bool PlainLead3(unsigned char b) { return static_cast<unsigned char>(b - 0xE1) <= 0xEF - 0xE1 && b != 0xED; }

// IsValidUtf8 (base/text.h), with its verdict and offset, faster on what
// Chinese text is made of: sixteen ASCII bytes at a time, four or two plain
// three-byte characters at a time, two-byte characters; any other character
// is judged by IsValidUtf8 itself (validity is decided character by
// character from a character start, so judging a suffix gives the same).
bool ValidUtf8(std::string_view s, size_t* bad) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  // Two three-byte characters: leads E0..EF, then the continuation bytes.
  constexpr uint64_t kPairMask = 0x0000C0C0F0C0C0F0ull, kPair = 0x00008080E08080E0ull;
  auto plain_pair = [](uint64_t w) {  // neither lead is E0 or ED
    const auto l0 = static_cast<unsigned char>(w), l1 = static_cast<unsigned char>(w >> 24);
    return l0 != 0xE0 && l0 != 0xED && l1 != 0xE0 && l1 != 0xED;
  };
  while (i < n) {
    const unsigned char b = p[i];
    if (b >= 0xE1) {
      uint64_t w;
      while (i + 14 <= n) {  // four characters a step, then two
        std::memcpy(&w, p + i, 8);
        if ((w & kPairMask) != kPair || !plain_pair(w)) break;
        std::memcpy(&w, p + i + 6, 8);
        if ((w & kPairMask) != kPair || !plain_pair(w)) {
          i += 6;
          break;
        }
        i += 12;
      }
      if (i + 8 <= n && (std::memcpy(&w, p + i, 8), (w & kPairMask) == kPair) && plain_pair(w)) {
        i += 6;
        continue;
      }
      if (i >= n) break;
    }
    const unsigned char c = p[i];
#if defined(__SSE2__)
    if (c < 0x80 && i + 16 <= n &&
        _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i))) == 0) {
      i += 16;
      continue;
    }
#endif
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (PlainLead3(c) && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    // Two bytes: C2..DF and a continuation byte (C0, C1 would be overlong).
    if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    // Anything else: this character by IsValidUtf8, and when it is bad, its offset.
    const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 1;
    if (i + len <= n && len > 1 && IsValidUtf8(s.substr(i, len))) {
      i += len;
      continue;
    }
    size_t at = 0;
    if (IsValidUtf8(s.substr(i), &at)) return true;  // (a truncated or odd character that was good after all)
    *bad = i + at;
    return false;
  }
  return true;
}

Status CheckNoNul(std::string_view bytes) {
  size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    return Status::Invalid("binary data: NUL byte at offset " + std::to_string(nul) +
                           " (expected a text document in UTF-8, GB18030 or Big5)");
  }
  return Status::OK();
}

Result<DecodedText> FromUtf8(std::string_view bytes, size_t skip) {
  DecodedText out;
  out.encoding = "UTF-8";
  if (bytes.find('\r', skip) == std::string_view::npos) {
    // Nothing to fold: the text is the bytes, and byte i maps to skip + i.
    out.utf8.assign(bytes.substr(skip));
    out.orig.resize(out.utf8.size() + 1);
    Iota(out.orig.data(), out.utf8.size(), static_cast<uint32_t>(skip));
    out.orig.back() = static_cast<uint32_t>(bytes.size());
    return out;
  }
  // Runs between CRs are copied whole with their offsets; a CR becomes LF
  // (at the CR's offset) and swallows the LF of a CR LF. The input is valid
  // UTF-8 (Decode checked), so a CR is never inside a character.
  out.utf8.reserve(bytes.size() - skip);
  out.orig.reserve(bytes.size() - skip + 1);
  for (size_t i = skip; i < bytes.size();) {
    size_t r = bytes.find('\r', i);
    if (r == std::string_view::npos) r = bytes.size();
    out.utf8.append(bytes.substr(i, r - i));
    const size_t at = out.orig.size();
    out.orig.resize(at + (r - i));
    Iota(out.orig.data() + at, r - i, static_cast<uint32_t>(i));
    if (r == bytes.size()) break;
    out.utf8.push_back('\n');
    out.orig.push_back(static_cast<uint32_t>(r));
    i = r + 1;
    if (i < bytes.size() && bytes[i] == '\n') ++i;
  }
  out.orig.push_back(static_cast<uint32_t>(bytes.size()));
  return out;
}

// Converts in blocks with ucnv_toUnicode, whose offsets array gives the
// source offset of every UTF-16 unit, so the map costs nothing extra. A
// character's original length is the distance to the next character's offset
// (or to the end of the input for the last one).
Result<DecodedText> WithIcu(std::string_view bytes, size_t skip, const char* charset) {
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(charset, &st), ucnv_close);
  if (U_FAILURE(st)) return Status::Internal(std::string("ICU has no converter for ") + charset);
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &st);
  DecodedText out;
  out.encoding = charset;
  Sink sink(out);
  const char* begin = bytes.data();
  const char* src = begin + skip;
  const char* end = begin + bytes.size();
  constexpr size_t kBlock = 16384;
  std::unique_ptr<UChar[]> units(new UChar[kBlock]);
  std::unique_ptr<int32_t[]> offs(new int32_t[kBlock]);
  bool cr = false;
  // The character converted last, put once the next one's offset is known.
  char32_t held = 0;
  uint32_t held_at = 0;
  bool holding = false;
  UChar lead = 0;  // a high surrogate waiting for its pair across blocks
  uint32_t lead_at = 0;
  auto take = [&](char32_t c, uint32_t at) {
    if (holding) sink.Put(held, held_at, at - held_at, cr);
    held = c;
    held_at = at;
    holding = true;
  };
  while (true) {
    const char* block_src = src;
    UChar* t = units.get();
    st = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &t, units.get() + kBlock, &src, end, offs.get(), /*flush=*/true, &st);
    size_t produced = static_cast<size_t>(t - units.get());
    sink.Room(produced + 1);  // this block's characters and the one held from the last
    uint32_t base = static_cast<uint32_t>(block_src - begin);
    for (size_t k = 0; k < produced; ++k) {
      UChar u = units[k];
      // Offsets are relative to this call's source start; -1 would mean
      // "from an earlier call" (never with flush and whole characters).
      uint32_t at = offs[k] >= 0 ? base + static_cast<uint32_t>(offs[k]) : base;
      if (U16_IS_LEAD(u)) {
        lead = u;
        lead_at = at;
        continue;
      }
      if (U16_IS_TRAIL(u) && lead) {
        take(U16_GET_SUPPLEMENTARY(lead, u), lead_at);
        lead = 0;
        continue;
      }
      if (lead) {  // an unpaired surrogate: ICU does not produce one, but be safe
        take(0xFFFD, lead_at);
        lead = 0;
      }
      take(U16_IS_SURROGATE(u) ? 0xFFFD : u, at);
    }
    if (st == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(st)) {
      char bad[32];
      int8_t bad_len = sizeof bad;
      UErrorCode st2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(cnv.get(), bad, &bad_len, &st2);
      size_t at = static_cast<size_t>(src - begin) - (U_SUCCESS(st2) ? static_cast<size_t>(bad_len) : 0);
      return Status::Invalid("byte offset " + std::to_string(at) + ": invalid " + charset +
                             " byte sequence (the file mixes encodings or is damaged)");
    }
    break;
  }
  sink.Room(2);
  if (lead) take(0xFFFD, lead_at);
  if (holding) sink.Put(held, held_at, static_cast<uint32_t>(bytes.size()) - held_at, cr);
  sink.Finish();
  out.orig.push_back(static_cast<uint32_t>(bytes.size()));
  return out;
}

// A cheap test that settles most legacy files without the statistical
// detector: in Big5 text about a third of the two-byte characters (and the
// common punctuation ,。) have a trail byte in 0x40–0x7E, in GB2312-range
// text almost none do; a GB18030 four-byte sequence (digit second byte)
// cannot occur in Big5. True when the bytes are clearly GB.
bool ClearlyGb(std::string_view bytes) {
  size_t pairs = 0, low_trail = 0;
  for (size_t i = 0; i + 1 < bytes.size();) {
    auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x81 || b == 0xFF) { ++i; continue; }
    auto t = static_cast<unsigned char>(bytes[i + 1]);
    if (t >= 0x30 && t <= 0x39) return true;  // GB18030 four-byte form
    ++pairs;
    low_trail += t >= 0x40 && t <= 0x7E;
    i += 2;
  }
  return pairs >= 16 && low_trail * 50 < pairs;  // under 2 %
}

// How many of the most frequent Chinese characters, the same in Simplified
// and Traditional script (的, 是, 在, 和, 发展 excluded: 發), `utf8` holds.
size_t CommonChineseChars(std::string_view utf8) {
  static constexpr std::u32string_view kCommon =
      U"的一是在不了有和人中大上以要他用生到作地出就分成可主年同工也能下子方而多定行法所民得十三之等部度家力如水化"
      U"高自二理起小物加都制使本去把性好合因由其些然前外天政四日社事平形相全表重新内正心明原又利比或但第向道此意建月公"
      U"者最立代已通提直展五果位入常文次品式件求基少山强放先任取府研信支持推";
  static const std::vector<bool> common = [] {
    std::vector<bool> t(0x10000, false);
    for (char32_t c : kCommon) t[c] = true;
    return t;
  }();
  size_t n = 0;
  for (size_t i = 0; i < utf8.size();) {
    const char32_t c = NextCp(utf8, i);
    n += c < common.size() && common[c];
  }
  return n;
}

// ICU's detector, limited to the two legacy Chinese charsets we accept.
const char* DetectChinese(std::string_view bytes) {
  UErrorCode st = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&st);
  if (U_FAILURE(st)) return "GB18030";
  size_t n = bytes.size() < 65536 ? bytes.size() : 65536;
  ucsdet_setText(det, bytes.data(), static_cast<int32_t>(n), &st);
  int32_t found = 0;
  const UCharsetMatch** all = ucsdet_detectAll(det, &found, &st);
  const char* pick = "GB18030";
  for (int32_t k = 0; U_SUCCESS(st) && k < found; ++k) {
    std::string name = ucsdet_getName(all[k], &st);
    if (name == "Big5") { pick = "Big5"; break; }
    if (name == "GB18030") break;
  }
  ucsdet_close(det);
  return pick;
}

}  // namespace

Result<DecodedText> Decode(std::string_view bytes) {
  if (bytes.size() > kMaxDocumentBytes) {
    return Status::Exhausted("document of " + std::to_string(bytes.size()) + " bytes is over the " +
                             std::to_string(kMaxDocumentBytes >> 20) + " MiB limit; split it into smaller files");
  }
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE)
    return WithIcu(bytes, 2, "UTF-16LE");
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE && static_cast<unsigned char>(bytes[1]) == 0xFF)
    return WithIcu(bytes, 2, "UTF-16BE");
  PKG_RETURN_IF_ERROR(CheckNoNul(bytes));
  size_t skip = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  size_t bad = 0;
  if (ValidUtf8(bytes.substr(skip), &bad)) return FromUtf8(bytes, skip);
  bad += skip;
  // Valid UTF-8 Chinese (three-byte sequences) before the first bad byte means
  // the file mixes encodings: converting the whole of it as GB18030 would give
  // mojibake. Two-byte sequences do not count: GB18030 pairs such as 一图
  // (D2 BB CD BC) are valid two-byte UTF-8 by accident.
  size_t multibyte = 0;
  for (size_t i = skip; i < bad; ++i) multibyte += static_cast<unsigned char>(bytes[i]) >= 0xE0;
  if (multibyte >= 2 || skip) {
    return Status::Invalid("byte offset " + std::to_string(bad) +
                           ": invalid UTF-8 after " + std::to_string(multibyte) +
                           " valid three-byte UTF-8 characters (the file mixes encodings; convert it to UTF-8)");
  }
  // GB18030 accepts most byte pairs, Big5 fewer: the statistical detector
  // (costly, n-gram tables) is asked only when the bytes read strictly as both.
  // ICU's detector (n-gram tables, costly) decides only what ClearlyGb cannot.
  if (ClearlyGb(bytes)) return WithIcu(bytes, 0, "GB18030");
  // Both readings, and the one that reads as Chinese wins: in the wrong one
  // the common characters are rare. Only when the vote is unclear (a few
  // characters) is ICU's statistical detector asked; it costs about forty
  // times a decoding (n-gram tables for every charset it knows).
  auto gb = WithIcu(bytes, 0, "GB18030");
  auto big5 = WithIcu(bytes, 0, "Big5");
  if (!big5.ok()) return gb;
  if (!gb.ok()) return big5;
  const size_t g = CommonChineseChars(gb->utf8), b = CommonChineseChars(big5->utf8);
  if (g >= 2 * b + 3) return gb;
  if (b >= 2 * g + 3) return big5;
  return std::string_view(DetectChinese(bytes)) == "Big5" ? std::move(big5) : std::move(gb);
}

}  // namespace pkg::ingest
