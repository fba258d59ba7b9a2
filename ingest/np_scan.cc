// Noun-phrase scanning helpers; see np_scan.h.
#include "ingest/np_scan.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <emmintrin.h>
#include <optional>
#include <vector>

#include "ingest/numbers.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;
namespace {

// s == literal, the length compared first (std::string == const char* does not).
template <size_t N>
bool Is(std::string_view s, const char (&w)[N]) {
  return s.size() == N - 1 && std::memcmp(s.data(), w, N - 1) == 0;
}

// Time words at p: "2025年", "今年", "前三季度", "目前", "近年来" …; returns length.
size_t TimeAt(std::string_view s, uint32_t p, uint32_t e) {
  static constexpr std::string_view kWords[] = {"今年以来"sv, "近年来"sv, "近年"sv, "今年"sv, "去年"sv, "目前"sv, "当前"sv,
                                                "截至目前"sv, "截至"sv, "前三季度"sv, "上半年"sv, "下半年"sv, "一季度"sv,
                                                "二季度"sv, "三季度"sv, "四季度"sv, "全年"sv, "年末"sv, "年底"sv, "年初"sv,
                                                "此外"sv, "同时"sv, "其中"sv, "期间"sv, "以来"sv};
  // Most positions start with none of these words (nor 到/至 or a digit):
  // one comparison of the first character instead of one per word. The
  // first characters (all three UTF-8 bytes) are packed into integers.
  auto pack3 = [](std::string_view v) {
    return uint32_t{static_cast<unsigned char>(v[0])} << 16 | uint32_t{static_cast<unsigned char>(v[1])} << 8 |
           static_cast<unsigned char>(v[2]);
  };
  static const std::vector<uint32_t> kFirst = [&] {
    std::vector<uint32_t> f = {pack3("到"), pack3("至")};
    for (std::string_view w : kWords) {
      if (std::find(f.begin(), f.end(), pack3(w)) == f.end()) f.push_back(pack3(w));
    }
    return f;
  }();
  // A 64-bit filter over the packed first characters: most positions fail it
  // without the linear search of kFirst.
  auto bit = [](uint32_t x) { return uint64_t{1} << ((x * 0x9E3779B1u) >> 26); };
  static const uint64_t kFilter = [&] {
    uint64_t m = 0;
    for (uint32_t x : kFirst) m |= bit(x);
    return m;
  }();
  if (p >= s.size()) return 0;
  if (!(s[p] >= '0' && s[p] <= '9')) {
    if (s.size() - p < 3) return 0;
    const uint32_t first = pack3(s.substr(p, 3));
    if (!(kFilter & bit(first)) || std::find(kFirst.begin(), kFirst.end(), first) == kFirst.end()) return 0;
  }
  for (std::string_view v : kWords) {
    if (p + v.size() <= e && At(s, p, v)) return v.size();
  }
  size_t i = p;
  if (At(s, p, "到") || At(s, p, "至")) i += 3;  // 到2027年
  size_t d = i;
  while (i < e && s[i] >= '0' && s[i] <= '9') ++i;
  if (i - d == 4 && At(s, static_cast<uint32_t>(i), "年")) {
    i += 3;
    if (At(s, static_cast<uint32_t>(i), "度")) i += 3;  // 2025年度
    if (At(s, static_cast<uint32_t>(i), "以来")) i += 6;
    return i - p;
  }
  return 0;
}

}  // namespace

uint32_t NextAsciiDigit(std::string_view s, uint32_t p, uint32_t e) {
  // Sixteen bytes a step (SSE2, part of x86-64): byte - '0' is below 10 exactly for a digit;
  // the unsigned test is a signed one after flipping the top bit.
  const __m128i zero = _mm_set1_epi8('0'), flip = _mm_set1_epi8(static_cast<char>(0x80));
  const __m128i ten = _mm_set1_epi8(static_cast<char>(0x80 + 10));
  for (; p + 16 <= e; p += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + p));
    const __m128i below = _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(x, zero), flip), ten);
    if (const unsigned m = static_cast<unsigned>(_mm_movemask_epi8(below))) return p + static_cast<uint32_t>(std::countr_zero(m));
  }
  if (p < e && e >= 16) {
    // The last sixteen bytes before e, overlapping what was read; lanes before p masked off.
    const uint32_t at = e - 16;
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at));
    const __m128i below = _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(x, zero), flip), ten);
    const unsigned m = static_cast<unsigned>(_mm_movemask_epi8(below)) & (0xFFFFu << (p - at));
    return m ? at + static_cast<uint32_t>(std::countr_zero(m)) : e;
  }
  for (; p < e; ++p) {
    if (s[p] >= '0' && s[p] <= '9') return p;
  }
  return e;
}

void DocContext::SetLexicon(const std::vector<Mention>* mentions) {
  lexicon = mentions;
  lexicon_begin.clear();
  if (!mentions) return;
  lexicon_begin.reserve(mentions->size());
  for (const Mention& m : *mentions) lexicon_begin.push_back(m.span.begin);
}

size_t DocContext::LexiconFrom(uint32_t p) const {
  // The stages ask about nearby positions in turn: the last answer (per
  // thread), or the one after it, is tried first. Either is taken only when
  // it is the lower bound (the one index i with begins[i - 1] < p <= begins[i]),
  // so a hint left by another document costs a binary search, never an error.
  thread_local size_t hint = 0;
  const uint32_t* begins = lexicon_begin.data();
  const size_t n = lexicon_begin.size();
  auto lower_bound_at = [&](size_t i) { return i <= n && (i == 0 || begins[i - 1] < p) && (i == n || begins[i] >= p); };
  if (lower_bound_at(hint)) return hint;
  if (lower_bound_at(hint + 1)) return ++hint;
  hint = static_cast<size_t>(std::lower_bound(lexicon_begin.begin(), lexicon_begin.end(), p) - lexicon_begin.begin());
  return hint;
}

void DocContext::IndexWords() { hits_.Build(rules->All(), text); }

const Mention* DocContext::LexiconAt(uint32_t p) const {
  if (!lexicon) return nullptr;
  const size_t i = LexiconFrom(p);
  return i < lexicon_begin.size() && lexicon_begin[i] == p ? &(*lexicon)[i] : nullptr;
}

bool InCompound(const DocContext& ctx, uint32_t pos) {
  const KindWords compounds = ctx.Words(RuleKind::compound);
  // A compound starts at most a few characters before the conjunction.
  uint32_t b = pos;
  for (int back = 0; back <= 8 && b > 0; ++back) {
    do {
      --b;
    } while (b > 0 && (static_cast<unsigned char>(ctx.text[b]) & 0xC0) == 0x80);
    size_t len = 0;
    if (compounds.PrefixAtDoc(b, &len) && b + len > pos) return true;
  }
  return false;
}

uint32_t SkipNoise(const DocContext& ctx, uint32_t b, uint32_t e, NpPrefix* info, int flags) {
  std::string_view s = ctx.text;
  const RuleSet& R = *ctx.rules;
  // Looked up once per call, and only the kinds `flags` use.
  std::optional<KindWords> strip, level, units;
  if (flags & kNoiseAdverbs) strip = ctx.Words(RuleKind::strip);
  if (flags & kNoiseLevels) level = ctx.Words(RuleKind::level);
  if (flags & kNoiseObject) units = ctx.Words(RuleKind::count_unit);
  const WordSet* strip_object = (flags & kNoiseObject) && !(flags & kNoiseAdverbs) ? &R.Words(RuleKind::strip, "object") : nullptr;
  bool verb_seen = false;
  // LexiconAt(b) for the growing b of this call: one binary search, then steps.
  size_t li = SIZE_MAX;
  auto lexicon_at = [&](uint32_t p) -> const Mention* {
    if (!ctx.lexicon) return nullptr;
    if (li == SIZE_MAX) li = ctx.LexiconFrom(p);
    const std::vector<uint32_t>& begins = ctx.lexicon_begin;
    while (li < begins.size() && begins[li] < p) ++li;
    return li < begins.size() && begins[li] == p ? &(*ctx.lexicon)[li] : nullptr;
  };
  // "Is there an ASCII digit in [b, lim)?" for the growing b of this call:
  // none in [b, clean_to); the first one at or after clean_to is digit_at when known.
  uint32_t clean_to = b, digit_at = UINT32_MAX;
  auto digit_before = [&](uint32_t from, uint32_t lim) {
    if (digit_at != UINT32_MAX && digit_at >= from) return digit_at < lim;
    const uint32_t start = std::max(from, clean_to);
    if (start >= lim) return false;
    const uint32_t d = NextAsciiDigit(s, start, lim);
    if (d < lim) {
      digit_at = clean_to = d;
      return true;
    }
    clean_to = lim;
    digit_at = UINT32_MAX;
    return false;
  };
  for (int guard = 0; b < e && guard < 64; ++guard) {
    while (b < e && s[b] == ' ') ++b;
    size_t len = 0;
    if (const Rule* r = level ? level->PrefixAtDoc(b, &len) : nullptr; r && b + len < e) {
      if (info) {
        size_t p = 0;
        std::string_view arg = r->arg;
        while (p <= arg.size()) {
          size_t q = arg.find(',', p);
          if (q == std::string_view::npos) q = arg.size();
          if (q > p) info->levels.emplace_back(arg.substr(p, q - p));
          p = q + 1;
        }
      }
      b += static_cast<uint32_t>(len);
      continue;
    }
    if ((flags & kNoiseObject) && IsNumberStart(s, b)) {
      auto n = ParseNumberAt(s, b);
      if (n && n->end < e) {
        // A range counts as its lower bound: "培育2至3个跨行业跨领域工业互联网平台", "3—5家".
        size_t after = n->end;
        for (std::string_view dash : {"至"sv, "到"sv, "—"sv, "-"sv, "~"sv}) {
          if (!At(s, after, dash) || !IsNumberStart(s, after + dash.size())) continue;
          if (auto upper = ParseNumberAt(s, after + dash.size()); upper && upper->end < e) after = upper->end;
          break;
        }
        size_t ul = 0;
        if (units->PrefixAtDoc(after, &ul) && after + ul < e) {
          if (info) info->count = static_cast<int64_t>(n->value);
          b = static_cast<uint32_t>(after + ul);
          continue;
        }
      }
    }
    // "总规模1000亿元的", "500亿元的": a modifier holding a number, up to its 的.
    // (The scan below reads at most 16 characters, 64 bytes: without an
    // ASCII digit among them it cannot find one.)
    if ((flags & kNoiseAmount) && digit_before(b, static_cast<uint32_t>(std::min<size_t>(std::min<size_t>(e, s.size()), size_t{b} + 64)))) {
      uint32_t q = b;
      bool digit = false;
      uint32_t de = 0;
      for (int k = 0; q < e && k < 16; ++k) {
        if (s[q] >= '0' && s[q] <= '9') digit = true;
        if (At(s, q, "的")) { de = q; break; }
        if (s[q] == ',' || At(s, q, "、")) break;
        q += static_cast<uint32_t>(CpLen(static_cast<unsigned char>(s[q])));
      }
      if (digit && de && (flags & kNoiseAmount)) {
        if (info) {
          for (uint32_t k = b; k < de; ++k) {
            if (IsNumberStart(s, k) && (s[k] >= '0' && s[k] <= '9')) {
              if (auto a = ParseAmountAt(s, k)) info->size = Amount{a->written, a->unit, a->cny};
              break;
            }
          }
        }
        b = de + 3;
        continue;
      }
    }
    if (size_t t = (flags & kNoiseTime) ? TimeAt(s, b, e) : 0) { b += static_cast<uint32_t>(t); continue; }
    // After a host's verb stripped as an adverb (发挥, 依托, 借助: kind host_lead), a
    // place, body or firm is the host's own (发挥重庆产业投资母基金的引导作用), not
    // the clause's subject.
    if (const Mention* m = (flags & kNoiseActors) && !verb_seen ? lexicon_at(b) : nullptr; m && m->span.end < e &&
        (Is(m->type, "Region") || Is(m->type, "Agency") || Is(m->type, "Enterprise"))) {
      // A scope that is no jurisdiction acting (全国, 全球) stays in the name: 全国农机作业指挥调度平台.
      size_t nl = 0;
      if (Is(m->type, "Region") && ctx.Words(RuleKind::name_region).PrefixAtDoc(b, &nl) && b + nl == m->span.end) break;
      b = m->span.end;
      continue;
    }
    if ((strip ? strip->PrefixAtDoc(b, &len) : strip_object ? strip_object->PrefixAt(s, b, &len) : nullptr) &&
        b + len < e) {
      // A fixed compound is never stripped in part: 研究与试验发展(R&D)经费 keeps 研究与.
      size_t cl = 0;
      if (ctx.Words(RuleKind::compound).PrefixAtDoc(b, &cl)) break;
      size_t vl = 0;
      verb_seen |= ctx.Words(RuleKind::host_lead).PrefixAtDoc(b, &vl) && vl == len;
      b += static_cast<uint32_t>(len);
      continue;
    }
    break;
  }
  return b;
}

uint32_t SkipToObject(const DocContext& ctx, uint32_t b, uint32_t e, NpPrefix* info) {
  return SkipToObjectAfterNoise(ctx, SkipNoise(ctx, b, e, info, kNoiseAll), e, info);
}

uint32_t SkipToObjectAfterNoise(const DocContext& ctx, uint32_t b, uint32_t e, NpPrefix* info) {
  const KindWords trig = ctx.Words(RuleKind::trigger);
  bool verb = false;
  for (int guard = 0; guard < 8; ++guard) {
    if (guard > 0) b = SkipNoise(ctx, b, e, info, verb ? kNoiseAfterVerb : kNoiseAll);
    size_t len = 0;
    // A known name that starts like a verb (创新药) is not a verb.
    const Mention* known = nullptr;
    if (trig.PrefixAtDoc(b, &len) && b + len < e && !((known = ctx.LexiconAt(b)) && known->span.end > b + len)) {
      b += static_cast<uint32_t>(len);
      verb = true;
      // Coordinated verbs: "规范和加强X", "建设和运营X".
      size_t cl = 0, vl = 0;
      if (ctx.Words(RuleKind::coord).PrefixAtDoc(b, &cl) && trig.PrefixAtDoc(b + cl, &vl) &&
          b + cl + vl < e) {
        b += static_cast<uint32_t>(cl);
      }
      continue;
    }
    break;
  }
  return b;
}

bool NameBoundary(const DocContext& ctx, uint32_t pos, uint32_t e, size_t* tail) {
  std::string_view s = ctx.text;
  *tail = 0;
  if (pos >= e) return true;
  size_t len = 0;
  if (ctx.Words(RuleKind::name_tail).PrefixAtDoc(pos, &len)) {
    size_t t2 = 0;
    if (pos + len >= e || NameBoundary(ctx, static_cast<uint32_t>(pos + len), e, &t2)) {
      *tail = len;
      return true;
    }
  }
  // (These answer true whatever the word look-ups below say: asked first, they are cheaper.)
  char c = s[pos];
  if (c == '(' || c == ')' || c == ' ' || c == '.' || c == '"') return true;
  if (ctx.Words(RuleKind::coord).PrefixAtDoc(pos, &len)) return true;
  if (ctx.Words(RuleKind::name_follow).PrefixAtDoc(pos, &len)) return true;
  if (ctx.Words(RuleKind::subject_follow).PrefixAtDoc(pos, &len)) return true;  // "X基金将…"
  if (ctx.Words(RuleKind::list_end).PrefixAtDoc(pos, &len)) return true;
  if (c >= '0' && c <= '9') return true;  // (IsNumberStart holds at any ASCII digit)
  if (s.size() - pos < 3) return false;
  switch (Pack3(s, pos)) {
    case 0xE2809C: case 0xE2809D: case 0xE3808B: case 0xE3808A:  // “ ” 》 《
      return false;
    case 0xE8BF91: case 0xE8B685: case 0xE7BAA6:  // 近 超 约 and a figure
      return pos + 3 < e && s[pos + 3] >= '0' && s[pos + 3] <= '9';
    default:
      return false;
  }
}

void TrimSpan(std::string_view s, uint32_t& b, uint32_t& e) {
  for (int guard = 0; guard < 8 && b < e; ++guard) {
    if (s[b] == ' ') { ++b; continue; }
    if (s[e - 1] == ' ') { --e; continue; }
    // An unmatched closing quote at the start or opening quote at the end.
    if (At(s, b, "”") || At(s, b, "》") || At(s, b, "」")) { b += 3; continue; }
    if (e >= b + 3 && (At(s, e - 3, "“") || At(s, e - 3, "《") || At(s, e - 3, "「"))) { e -= 3; continue; }
    if (s[b] == ')' || s[b] == ',' || s[b] == ':') { ++b; continue; }
    if (s[b] == '(' && s.substr(b, e - b).find(')') == std::string_view::npos) { ++b; continue; }
    if (s[e - 1] == '(' || s[e - 1] == ',' || s[e - 1] == ':') { --e; continue; }
    break;
  }
}

std::string CleanName(std::string_view s) {
  // Byte-wise over valid UTF-8: every dropped character starts with '"',
  // ' ', E2 80 (“”‘’: 98 99 9C 9D) or E3 80 (《》「」『』: 8A..8F); lead
  // bytes never occur inside a character, so runs between them are copied whole.
  // A space between two Latin words stays, one for a run ("State Council",
  // "AI Agent创新中心"); beside a Chinese character or a dropped one it goes.
  std::string out;
  out.reserve(s.size());
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  auto latin = [](unsigned char c) { return c > ' ' && c < 0x80 && c != '"'; };
  size_t run = 0;
  // The bytes that may start a dropped character or a space.
  static constexpr auto kStop = [] {
    std::array<bool, 256> t{};
    t[' '] = t['"'] = t[0xE2] = t[0xE3] = true;
    return t;
  }();
  // The first stop byte at or after i (s.size() when none): sixteen bytes a step (SSE2).
  auto next_stop = [&](size_t i) {
    const __m128i space = _mm_set1_epi8(' '), quote = _mm_set1_epi8('"');
    const __m128i e2 = _mm_set1_epi8(static_cast<char>(0xE2)), e3 = _mm_set1_epi8(static_cast<char>(0xE3));
    for (; i + 16 <= s.size(); i += 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, space), _mm_cmpeq_epi8(x, quote)),
                                       _mm_or_si128(_mm_cmpeq_epi8(x, e2), _mm_cmpeq_epi8(x, e3)));
      if (const unsigned m = static_cast<unsigned>(_mm_movemask_epi8(hit))) return i + static_cast<size_t>(std::countr_zero(m));
    }
    while (i < s.size() && !kStop[u[i]]) ++i;
    return i;
  };
  for (size_t i = 0; i < s.size();) {
    if (!kStop[u[i]]) {
      i = next_stop(i + 1);
      continue;
    }
    const unsigned char b = u[i];
    size_t n = 0;
    if (b == ' ') {
      size_t j = i;
      while (j < s.size() && u[j] == ' ') ++j;
      out.append(s, run, i - run);
      if (!out.empty() && latin(static_cast<unsigned char>(out.back())) && j < s.size() && latin(u[j])) out.push_back(' ');
      i = j;
      run = i;
      continue;
    }
    if (b == '"') {
      n = 1;
    } else if ((b == 0xE2 || b == 0xE3) && i + 2 < s.size() && u[i + 1] == 0x80) {
      const unsigned char t = u[i + 2];
      if (b == 0xE2 ? (t == 0x98 || t == 0x99 || t == 0x9C || t == 0x9D) : (t >= 0x8A && t <= 0x8F)) n = 3;
    }
    if (n == 0) {
      ++i;
      continue;
    }
    out.append(s, run, i - run);
    i += n;
    run = i;
  }
  out.append(s, run, s.size() - run);
  return out;
}

size_t WordChars(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII: a letter or digit counts
      n += IsAsciiAlpha(b) || IsAsciiDigit(b);
      ++i;
    } else if (b >= 0xE5 && b <= 0xE9 && i + 2 < s.size()) {  // U+5000..U+9FFF: all Han, as NextCp reads them
      ++n;
      i += 3;
    } else {
      char32_t c = NextCp(s, i);  // (a malformed sequence may decode to an ASCII letter or digit)
      n += IsHan(c) || IsAsciiAlpha(c) || IsAsciiDigit(c);
    }
  }
  return n;
}

}  // namespace pkg::ingest
