// Indicators; see recognize.h. In each clause, every number followed by a
// unit (%, money, a counter; data/rules/indicators.tsv) and then a boundary is
// read backwards: comparators (达到, 超, 近: not part of the name), then a
// metric word (同比增长, 年均增速: part of the name), then the subject back to
// the previous indicator or the clause start, without time words, regions and
// quantifiers. Counts of a noun subject are named "X数量" ("专精特新中小企业
// 超1.2万家"); counts of a verb phrase keep it ("获批国产1类创新药30个"). A
// metric with no subject borrows the sector named last in the sentence
// ("三大先导产业…,年均增速达到13.1%"). "到2027年…" makes a target.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>

#include "ingest/np_scan.h"
#include "ingest/numbers.h"
#include "ingest/recognize.h"
#include "ingest/recognize_cursor.h"
#include "ingest/utf8.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

bool EndsWith(std::string_view s, std::string_view w) { return s.size() >= w.size() && s.substr(s.size() - w.size()) == w; }

size_t Digits(std::string_view s, size_t p) {
  size_t i = p;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i - p;
}

// The last time expression in [b, e) of a sentence: "前三季度", "2024年", "“十四五”",
// "2021年至今年9月". One scan per sentence: Before(e) for growing e goes on
// from where the last call stopped (the scan reads no state but its position,
// the answer so far and the text, so stopping and going on changes nothing).
class PeriodScan {
 public:
  PeriodScan(std::string_view s, uint32_t b, int year) : s_(s), b_(b), p_(b), y_(year ? std::to_string(year) : "") {}

  // What a scan of [b, e) finds; *target: the period is a target (到2027年).
  const std::string& Before(uint32_t e, bool* target) {
    if (e < last_e_) {  // (not so in FindIndicators, whose positions grow: start again)
      p_ = b_;
      best_.clear();
      target_ = false;
    }
    last_e_ = e;
    const std::string_view s = s_;
    const std::string& y = y_;
    for (; p_ < e; ++p_) {
      const uint32_t p = p_;
      // Every time word below starts with a digit, 十, 前, 上, 一 or 今: step over other characters
      // (on valid UTF-8 no word starts inside one; the scan goes on from the character's last byte).
      if (const auto lead = static_cast<unsigned char>(s[p]); !(lead >= '0' && lead <= '9')) {
        if (lead < 0xE0 || lead >= 0xF0 || p + 2 >= s.size()) continue;
        const uint32_t c = uint32_t{lead} << 16 | uint32_t{static_cast<unsigned char>(s[p + 1])} << 8 | static_cast<unsigned char>(s[p + 2]);
        if (c != 0xE58D81 && c != 0xE5898D && c != 0xE4B88A && c != 0xE4B880 && c != 0xE4BB8A) {
          if ((c & 0xC0C0) == 0x8080) p_ += 2;  // (its two continuation bytes start nothing either)
          continue;
        }
      }
      if (At(s, p, "十四五") || At(s, p, "十五五") || At(s, p, "十三五")) {
        best_ = std::string(s.substr(p, 9));
        p_ += 8;
        continue;
      }
      if (At(s, p, "前三季度") || At(s, p, "上半年") || At(s, p, "一季度") || At(s, p, "前两个月")) {
        size_t n = At(s, p, "前三季度") ? 12 : At(s, p, "前两个月") ? 12 : 9;
        if (!(p >= 3 && At(s, p - 3, "年"))) best_ = (y.empty() ? "" : y + "年") + std::string(s.substr(p, n));
        p_ += static_cast<uint32_t>(n) - 1;
        continue;
      }
      if (At(s, p, "今年")) {
        if (!y.empty()) best_ = y + "年";
        p_ += 5;
        continue;
      }
      if (Digits(s, p) == 4 && At(s, p + 4, "年") && (p == 0 || !(s[p - 1] >= '0' && s[p - 1] <= '9'))) {
        size_t q = p + 7;
        if (size_t m = Digits(s, q); m && m <= 2 && At(s, q + m, "月")) q += m + 3;
        if (At(s, q, "至") || At(s, q, "到") || At(s, q, "-")) {
          size_t r = q + (s[q] == '-' ? 1 : 3);
          if (Digits(s, r) == 4 && At(s, r + 4, "年")) {
            q = r + 7;
          } else if (At(s, r, "今年") && !y.empty()) {
            q = r + 6;
          }
          if (size_t m = Digits(s, q); m && m <= 2 && At(s, q + m, "月")) q += m + 3;
        }
        std::string t(s.substr(p, q - p));
        size_t at = t.find("今年");
        if (at != std::string::npos) t.replace(at, 6, y + "年");
        bool tgt = (p >= 3 && (At(s, p - 3, "到") || At(s, p - 3, "至"))) || (p >= 6 && At(s, p - 6, "力争"));
        best_ = t;
        target_ = tgt;
        p_ = static_cast<uint32_t>(q) - 1;
      }
    }
    *target = target_;
    return best_;
  }

 private:
  std::string_view s_;
  uint32_t b_;
  uint32_t p_;        // the next position to read
  uint32_t last_e_ = 0;
  std::string y_;     // the document's year, "" when unknown
  std::string best_;  // the last period found
  bool target_ = false;
};

// "2024年,面对…。全年规上工业增加值增长8.2%", "今年…主要目标是:…增长7.5%以上": a
// period that opens the paragraph holds for the figures of its later
// sentences that name none. Empty when the paragraph (line) does not open
// with one, or its start is more than 4 KB back.
std::string ParagraphPeriod(std::string_view s, uint32_t sentence_begin, int year) {
  const uint32_t floor = sentence_begin > 4096 ? sentence_begin - 4096 : 0;
  uint32_t ls = floor;  // (memrchr: the last newline in [floor, sentence_begin))
  if (const void* nl = sentence_begin > floor ? memrchr(s.data() + floor, '\n', sentence_begin - floor) : nullptr) {
    ls = static_cast<uint32_t>(static_cast<const char*>(nl) - s.data()) + 1;
  }
  if (ls > 0 && s[ls - 1] != '\n') return "";
  if (ls == sentence_begin) return "";
  if (At(s, ls, "去年")) return year ? std::to_string(year - 1) + "年" : "";
  const bool opens = At(s, ls, "今年") || At(s, ls, "上半年") || At(s, ls, "前三季度") || At(s, ls, "一季度") ||
                     (Digits(s, ls) == 4 && At(s, ls + 4, "年"));
  if (!opens) return "";
  bool target = false;
  PeriodScan scan(s, ls, year);
  return scan.Before(std::min<uint32_t>(sentence_begin, ls + 24), &target);
}

}  // namespace

namespace {

// Whether a subject is only a comparison with its base ("比上年", "较上年末增加",
// "比去年同期"): then the figure is a change of the indicator before it.
bool BaseComparisonOnly(std::string_view subject) {
  if (!(At(subject, 0, "比") || At(subject, 0, "较"))) return false;
  std::string_view rest = subject.substr(3);
  bool base = false;
  for (std::string_view b : {"上年同期", "上年末", "上年底", "上年", "去年同期", "去年", "上月"}) {
    if (At(rest, 0, b)) {
      rest.remove_prefix(b.size());
      base = true;
      break;
    }
  }
  if (!base) return false;
  if (rest.empty()) return true;
  for (std::string_view v : {"增加", "增长", "减少", "下降", "提高", "降低"}) {
    if (rest == v) return true;
  }
  return false;
}

// The fund a size clause at p speaks of: the last Fund in `known` starting
// before p, in p's sentence or the one before; nullptr when none.
Mention* FundBefore(std::vector<Mention>& known, uint32_t p, int sentence) {
  auto it = std::lower_bound(known.begin(), known.end(), p, [](const Mention& m, uint32_t x) { return m.span.begin < x; });
  while (it != known.begin()) {
    --it;
    if (it->sentence >= 0 && it->sentence < sentence - 1) break;
    if (it->type == "Fund"sv && (it->sentence == sentence || it->sentence == sentence - 1)) return &*it;
  }
  return nullptr;
}

}  // namespace

void FindIndicators(const DocContext& ctx, std::vector<Mention>& known, std::vector<Mention>& out) {
  std::string_view s = ctx.text;
  const RuleSet& R = *ctx.rules;
  const KindWords metric = ctx.Words(RuleKind::metric);
  const KindWords cmp = ctx.Words(RuleKind::comparator);
  const KindWords count_unit = ctx.Words(RuleKind::count_unit);
  const KindWords pct = ctx.Words(RuleKind::pct_unit);
  const KindWords trig = ctx.Words(RuleKind::trigger);
  const WordSet& have = R.Words(RuleKind::comparator, "have");
  int year = ctx.md ? ctx.md->year : 0;
  DigitCursor digits(s);  // (every figure read below starts at an ASCII digit)
  for (const Sentence& sen : ctx.st->sentences) {
    bool any_digit = false;
    for (const Span& c : sen.clauses) any_digit = any_digit || digits.MayStartIn(c.begin, c.end);
    if (!any_digit) continue;
    std::string prev_name, prev_subject, prev_level;  // prev_level: its level metric (规模, 营业收入)
    std::string prev_full;  // the name of the indicator before
    PeriodScan periods(s, sen.span.begin, year);
    for (const Span& c : sen.clauses) {
      if (!digits.MayStartIn(c.begin, c.end)) continue;
      uint32_t seg = c.begin;
      std::string carried_verb;  // an increment verb (新增) that the next item of a 、-list shares
      // Not the item's marker: "(三)关键工序数控化率达到70%".
      if (sen.item >= 0) {
        uint32_t body = ctx.st->items[sen.item].body;
        if (body > seg && body < c.end) seg = body;
      }
      for (uint32_t p = c.begin; p < c.end; ++p) {
        if ((p = NextAsciiDigit(s, p, c.end)) >= c.end) break;
        if ((p > c.begin && ((s[p - 1] >= '0' && s[p - 1] <= '9') || s[p - 1] == '.' ||
                                                             IsAsciiAlpha(static_cast<unsigned char>(s[p - 1]))))) continue;
        auto n = ParseNumberAt(s, p);
        if (!n || n->end > c.end) continue;
        size_t ue = 0, len = 0;
        std::string unit, kind_hint;
        double value = n->value;
        std::optional<ParsedAmount> amount;
        if (auto a = AmountAfter(s, *n); a && a->end <= c.end) {
          amount = a;
          ue = a->end;
          unit = a->unit.find("美元") != std::string::npos ? "美元" : "元";
          value = a->unit.find("美元") != std::string::npos ? n->value : a->cny;
        } else if (pct.PrefixAt(s, n->end, &len)) {
          ue = n->end + len;
          unit = std::string(s.substr(n->end, len));
          value = n->written;
        } else if (count_unit.PrefixAt(s, n->end, &len)) {
          ue = n->end + len;
          unit = std::string(s.substr(n->end, len));
        } else {
          continue;
        }
        // What follows must end the indicator.
        size_t after = ue;
        if (At(s, after, "以上") || At(s, after, "左右")) after += 6;
        bool boundary = after >= c.end || At(s, after, "、") || s[after] == '(' || s[after] == ')' ||
                        At(s, after, "新阶段") || At(s, after, "大关") || At(s, after, "台阶") || s[after] == ' ';
        if (!boundary) { p = static_cast<uint32_t>(ue) - 1; continue; }
        // Backwards: comparators, then a metric word.
        uint32_t q = p;
        std::string approx;
        for (int k = 0; k < 2; ++k) {
          const Rule* r = cmp.SuffixAt(s, q, &len);
          if (!r || q - len < seg) break;
          if (r->arg == "have"sv) approx = "have"; else if (approx.empty()) approx = r->arg;
          q -= static_cast<uint32_t>(len);
        }
        const Rule* mr = metric.SuffixAt(s, q, &len);
        uint32_t mb = mr && q - len >= seg ? static_cast<uint32_t>(q - len) : q;
        if (mb == q) mr = nullptr;
        // Subsidies and caps ("给予最高500万元奖励", "每家每年最高") are not indicators.
        if (ctx.Words(RuleKind::subsidy).Find(s.substr(0, p), c.begin) != std::string_view::npos) {
          seg = static_cast<uint32_t>(after);
          p = static_cast<uint32_t>(ue) - 1;
          continue;
        }
        uint32_t sb = SkipNoise(ctx, seg, mb, nullptr, kNoiseAll & ~kNoiseLevels & ~kNoiseAmount);
        bool verb_subject = false, increment = false;
        if (const Rule* hr = have.PrefixAt(s, sb, &len); hr && sb + len < mb) {
          // "新增国家级工业互联网平台2个": an increment is a quantity of its own, named with its verb.
          increment = hr->id == "comparator.increment"sv;
          if (increment) carried_verb = std::string(s.substr(sb, len));
          if (!increment) sb = SkipNoise(ctx, static_cast<uint32_t>(sb + len), mb, nullptr, kNoiseAll & ~kNoiseLevels & ~kNoiseAmount);
          approx = "have";
        } else if (trig.PrefixAt(s, sb, &len)) {
          verb_subject = true;
          carried_verb.clear();
        } else if (!carried_verb.empty() && !mr && sb >= 3 && At(s, sb - 3, "、")) {
          increment = true;  // "新增A2个、B10个": B is an increment too
        } else {
          carried_verb.clear();
        }
        uint32_t se = mb;
        // "以青岛、烟台、威海三大X基地产值占全省比重": the noise skip took the first place of a
        // list of places; the others are no part of the subject either.
        for (int guard = 0; guard < 12 && At(s, sb, "、"); ++guard) {
          const Mention* r = ctx.LexiconAt(sb + 3);
          if (!r || r->type != "Region" || r->span.end >= se) break;
          sb = r->span.end;
        }
        TrimSpan(s, sb, se);
        // "具有国际竞争力的X企业": the modifier is not part of the subject.
        if (ctx.Words(RuleKind::modifier).PrefixAt(s, sb, &len)) {
          size_t de = RFind(s.substr(sb, se - sb), "的"sv);
          if (de != std::string_view::npos) sb = static_cast<uint32_t>(sb + de + 3);
        }
        std::string subject = sb < se ? CleanName(s.substr(sb, se - sb)) : "";
        // A plain-text table row ("三级指标 指标值": "项目单位满意度 ≥90%"): a value cell holding
        // no subject takes the cell before it, when that names no number of its own.
        if (subject.empty() && !mr && &c != sen.clauses.data() && c.begin > sen.span.begin && s[c.begin - 1] == ' ') {
          const Span& cell = (&c)[-1];
          uint32_t cb = cell.begin, ce = cell.end;
          TrimSpan(s, cb, ce);
          bool digits = false;
          for (uint32_t k = cb; k < ce; ++k) digits |= s[k] >= '0' && s[k] <= '9';
          if (cb < ce && !digits && s.substr(cb, ce - cb).find(' ') == std::string_view::npos &&
              WordChars(s.substr(cb, ce - cb)) <= 30) {
            sb = cb;
            se = ce;
            subject = CleanName(s.substr(sb, se - sb));
            verb_subject |= trig.PrefixAt(s, sb, &len) != nullptr;
          }
        }
        if (increment && s.substr(sb, carried_verb.size()) != carried_verb) subject = carried_verb + subject;
        // "能耗较2024年下降10%": the base year of a change is not part of the subject.
        for (std::string_view base : {"较"sv, "比"sv}) {
          size_t at = RFind(subject, base);
          if (at == std::string::npos || at == 0) continue;
          std::string_view rest = std::string_view(subject).substr(at + 3);
          while (!rest.empty() && rest.front() >= '0' && rest.front() <= '9') rest.remove_prefix(1);
          if (rest == "年" || rest == "上年" || rest == "去年" || rest == "上年同期") {
            subject.resize(at);
            break;
          }
        }
        seg = static_cast<uint32_t>(after);
        if (At(s, seg, "、")) seg += 3;
        p = static_cast<uint32_t>(ue) - 1;
        // "占地区生产总值的比重为3.45%": the share's base may take 的 (占X的比重 is 占X比重).
        if (mr && mr->arg == "share"sv && EndsWith(subject, "的") && subject.find("占") != std::string::npos) subject.resize(subject.size() - 3);
        if (subject.find("从"sv) != std::string::npos || subject.find("的"sv) == subject.size() - 3) continue;
        std::string name, count_alias, kind_of_change;
        // "实现地区生产总值7865亿元,按不变价格计算,比上年增长6.1%", "有效高新技术企业4205家,
        // 比上年末增加386家": a change of the indicator before it.
        const bool change_only = BaseComparisonOnly(subject) && !prev_full.empty();
        const size_t subject_chars = WordChars(subject);  // (asked by up to three branches below)
        if (change_only && count_unit.Contains(unit)) {
          name = prev_full + subject + (mr ? std::string(s.substr(mb, q - mb)) : "");  // 高新技术企业数量比上年末增加
          subject = prev_full;
          kind_of_change = "yoy_growth";
        } else if (change_only && mr) {
          subject = prev_subject.empty() ? prev_name : prev_subject;
          name = subject + std::string(s.substr(mb, q - mb));
        } else if (At(subject, 0, "占") && !prev_name.empty()) {
          std::string rest = subject.substr(3);
          size_t de = rest.find("的");
          if (de != std::string::npos) rest.erase(de, 3);
          name = prev_name + "占" + rest + "比重";
        } else if (subject_chars < 2 && mr && (!prev_subject.empty() || (!prev_name.empty() && mr->arg != "level"sv))) {
          // "产业规模突破500亿元,年均增长25%": the subject of the indicator before, with its level
          // metric ("营业收入达到3000亿元,年均增长10%" → 营业收入年均增长); one named without a
          // metric word lends its name ("实现地区生产总值7865亿元,比上年增长6.1%").
          const std::string& before = prev_subject.empty() ? prev_name : prev_subject;
          name = before + (mr->arg == "level"sv || prev_subject.empty() ? "" : prev_level) + std::string(s.substr(mb, q - mb));
          subject = before;
        } else if (subject_chars < 2 && mr) {
          // Borrow the sector named last before it in the sentence.
          const Mention* last = nullptr;
          auto from = std::lower_bound(known.begin(), known.end(), sen.span.begin,
                                       [](const Mention& m, uint32_t x) { return m.span.begin < x; });
          for (auto it = from; it != known.end() && it->span.begin < p; ++it) {
            if (it->span.end <= p && (it->type == "Industry"sv || it->type == "TargetGroup"sv)) last = &*it;
          }
          if (!last) continue;
          name = last->name + std::string(s.substr(mb, q - mb));
          subject = last->name;
        } else if (subject_chars >= 2) {
          name = subject + (mr ? std::string(s.substr(mb, q - mb)) : "");
          if (!mr && count_unit.Contains(unit) && increment) count_alias = name + "数量";
          else if (!mr && count_unit.Contains(unit) && !verb_subject && !EndsWith(name, "数量")) name += "数量";
        } else {
          continue;
        }
        if (WordChars(name) > 40) continue;
        // "研究与试验发展(R&D)经费支出": a Latin abbreviation in brackets glosses the words before it
        // (the name as written stays an alias).
        const std::string glossed = name;
        for (size_t o = name.find('('); o != std::string::npos; o = name.find('(', o + 1)) {
          const size_t cl = name.find(')', o);
          if (cl == std::string::npos || cl == o + 1) break;
          bool latin = true, letter = false;
          for (size_t k = o + 1; k < cl; ++k) {
            const char x = name[k];
            letter |= IsAsciiAlpha(static_cast<unsigned char>(x));
            latin &= IsAsciiAlpha(static_cast<unsigned char>(x)) || x == '&' || x == '-';
          }
          if (latin && letter) name.erase(o, cl + 1 - o);
        }
        // "下达X专项资金(第一批)38600万元": an amount right after a fund's name is what the fund
        // holds or hands out (its size, a property), not an indicator.
        if (amount && !mr && unit == "元" && sb < se) {
          uint32_t fe = se;
          if (fe > sb && s[fe - 1] == ')') {
            const size_t open = s.substr(sb, fe - sb).rfind('(');
            if (open != std::string_view::npos) fe = static_cast<uint32_t>(sb + open);
          }
          const Rule* fh = ctx.Words(RuleKind::head).SuffixAt(s, fe, &len);
          if (fh && fh->arg == "Fund"sv) continue;
        }
        // "基金规模100亿元", "该基金总规模50亿元": the size of the fund just named.
        if (mr && mr->arg == "level"sv && amount && unit == "元" &&
            (EndsWith(subject, "基金") || EndsWith(subject, "基金总")) &&
            (EndsWith(name, "基金规模") || EndsWith(name, "基金总规模"))) {
          if (Mention* fund = FundBefore(known, mb, sen.index)) {  // the subject's own fund (天使基金) too
            if (!FindProperty(fund->props, "size")) {
              SetProperty(fund->props, "size", Amount{amount->written, amount->unit, amount->cny});
            }
            continue;
          }
        }
        bool target = false;
        std::string period = periods.Before(p, &target);
        if (period.empty()) {
          period = ParagraphPeriod(s, sen.span.begin, year);
          // "主要目标是:…增长7.5%以上": a stated aim for this year or later is a target.
          const size_t aim = s.substr(sen.span.begin, p - sen.span.begin).find("目标");
          target = !period.empty() && aim != std::string_view::npos && year &&
                   period.compare(0, 4, std::to_string(year)) >= 0;
        }
        Mention m;
        m.span = {sb < se ? sb : mb, static_cast<uint32_t>(ue)};
        m.type = "Indicator";
        m.name = name;
        if (!count_alias.empty()) m.aliases.push_back(count_alias);
        if (glossed != name) m.aliases.push_back(glossed);
        m.rule = mr ? std::string_view(mr->id) : "indicator.count"sv;
        m.sentence = sen.index;
        m.props.reserve(6);  // value, unit, kind, period, target, subject: one allocation
        SetProperty(m.props, "value", value);
        SetProperty(m.props, "unit", unit);
        if (!kind_of_change.empty()) SetProperty(m.props, "kind", kind_of_change);
        else if (mr) SetProperty(m.props, "kind", mr->arg);
        else if (approx == "have" || count_unit.Contains(unit)) SetProperty(m.props, "kind", std::string("level"));
        if (!period.empty()) SetProperty(m.props, "period", period);
        if (target) SetProperty(m.props, "target", true);
        if (!subject.empty()) SetProperty(m.props, "subject", subject);
        prev_name = subject.empty() ? name : subject;
        prev_full = name;
        if (mr && !subject.empty()) {
          prev_level = mr->arg == "level"sv && prev_subject != subject ? std::string(s.substr(mb, q - mb)) : "";
          prev_subject = subject;
        }
        out.push_back(std::move(m));
      }
    }
  }
}

}  // namespace pkg::ingest
