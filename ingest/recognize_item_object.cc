// Where an item's name starts: the object of the clause's governing verb
// (ObjectStart), after an actor and its own verb, after a prepositional or
// aimed phrase, a modal; and the lexicon look-ups the item walk uses around
// it. See recognize_items.h; tested through FindItems in
// tests/ingest/recognize_test.cc.
#include <algorithm>

#include "ingest/recognize_items.h"

namespace pkg::ingest::items {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined

// The first lexicon mention starting at or after p, or nullptr.
const Mention* LexiconFrom(const DocContext& ctx, uint32_t p) {
  if (!ctx.lexicon) return nullptr;
  const size_t i = ctx.LexiconFrom(p);
  return i == ctx.lexicon->size() ? nullptr : &(*ctx.lexicon)[i];
}

// When [b, e) opens with two or more region names joined by 、/和/及 (and
// more text follows), the position after the last of them; else b.
uint32_t AfterPlaceList(const DocContext& ctx, uint32_t b, uint32_t e) {
  const KindWords coord = ctx.Words(RuleKind::coord);
  uint32_t q = b;
  int places = 0;
  for (int guard = 0; guard < 12; ++guard) {
    const Mention* r = ctx.LexiconAt(q);
    if (!r || r->type != "Region"sv || r->span.end >= e) return b;
    ++places;
    size_t cl = 0;
    if (!coord.PrefixAt(ctx.text, r->span.end, &cl)) return places >= 2 ? r->span.end : b;
    q = static_cast<uint32_t>(r->span.end + cl);
  }
  return b;
}

// True when a lexicon Industry ends right before p, or before a field word
// there (量子科技企业, 生物医药领域顶尖人才); *sector gets where it starts.
bool SectorBefore(const DocContext& ctx, uint32_t p, uint32_t* sector) {
  if (!ctx.lexicon) return false;
  for (uint32_t end : {p, p >= 6 ? p - 6 : p}) {
    if (end != p && !(ctx.text.substr(end, 6) == "领域" || ctx.text.substr(end, 6) == "行业" || ctx.text.substr(end, 6) == "产业")) continue;
    for (size_t i = ctx.LexiconFrom(end > 48 ? end - 48 : 0); i < ctx.lexicon->size() && (*ctx.lexicon)[i].span.begin < end; ++i) {
      const Mention& m = (*ctx.lexicon)[i];
      // (A weak sector names its firms when it is no bare word like 工业: 制造业中小企业.)
      if (m.span.end == end && m.type == "Industry"sv && (!m.weak || m.span.end - m.span.begin >= 9)) {
        *sector = m.span.begin;
        return true;
      }
    }
  }
  return false;
}

// "继续支援制造商", "资助本地大学生": a group word up to four characters after a
// verb that aims at someone (kind aim) counts outside aimed clauses too; returns
// where its name may start (right after the verb), else 0.
uint32_t AimRightBefore(const DocContext& ctx, uint32_t clause_begin, uint32_t p) {
  const KindWords aim = ctx.Words(RuleKind::aim);
  uint32_t q = p;
  for (int k = 0; k <= 4 && q > clause_begin; ++k) {
    size_t len = 0;
    const Rule* r = aim.SuffixAt(ctx.text, q, &len);
    if (r && q >= clause_begin + len && len > 3) return q;  // a two-character verb, not 对 / 为
    size_t j = q - 3;
    if (q < clause_begin + 3 || !IsHan(NextCp(ctx.text, j))) return 0;
    q -= 3;
  }
  return 0;
}

// True when p falls strictly inside a lexicon name; `measures_too` false lets
// known measures (国家实验室) be extended by the item recognizer (中关村国家实验室).
bool InsideLexicon(const DocContext& ctx, uint32_t p, bool measures_too) {
  if (!ctx.lexicon) return false;
  // The last mention starting at or before p.
  const size_t up = ctx.LexiconFrom(p + 1);  // (upper_bound(p): the hinted search)
  if (up == 0) return false;
  const Mention* it = &(*ctx.lexicon)[up - 1];
  if (!measures_too && (it->type == "Platform"sv || it->type == "Fund"sv || it->type == "Pilot"sv ||
                        it->type == "Initiative"sv || it->type == "Policy"sv)) return false;
  return p > it->span.begin && p < it->span.end;
}

namespace {

// At(s, p, w) for any of the prepositions 在, 对, 通过, 围绕, 依托, 按照, 按, 结合, 针对,
// 以, 从, 于: one switch on the first character.
bool PrepAt(std::string_view s, size_t p) {
  if (p > s.size() || s.size() - p < 3) return false;
  switch (Pack3(s, p)) {
    case 0xE59CA8: case 0xE5AFB9: case 0xE68C89: case 0xE4BBA5: case 0xE4BB8E: case 0xE4BA8E:  // 在 对 按 以 从 于
      return true;
    case 0xE9809A: return At(s, p, "通过"sv);
    case 0xE59BB4: return At(s, p, "围绕"sv);
    case 0xE4BE9D: return At(s, p, "依托"sv);
    case 0xE7BB93: return At(s, p, "结合"sv);
    case 0xE99288: return At(s, p, "针对"sv);
    default: return false;
  }
}

// At(s, p, w) for any of the one-character modals 将, 要, 会, 应, 可, 须.
bool OneCharModalAt(std::string_view s, size_t p) {
  if (p > s.size() || s.size() - p < 3) return false;
  switch (Pack3(s, p)) {
    case 0xE5B086: case 0xE8A681: case 0xE4BC9A: case 0xE5BA94: case 0xE58FAF: case 0xE9A1BB:
      return true;
    default:
      return false;
  }
}

}  // namespace

// The start of the object of the clause segment [left, head): after the
// governing verb at the start, or after a verb preceded by a prepositional
// phrase; `left` itself when neither.
uint32_t ObjectStart(const DocContext& ctx, uint32_t left, uint32_t head, NpPrefix* info) {
  std::string_view s = ctx.text;
  // (SkipNoise's answer does not depend on `info`: SkipToObject's first step, done once.)
  uint32_t noise = SkipNoise(ctx, left, head, info);
  uint32_t b = SkipToObjectAfterNoise(ctx, noise, head, info);
  if (b != noise) {
    // "联合X局开展Y行动", "支持X公司建设Y平台": an actor and its own verb after the first
    // verb; the object is what that verb governs.
    size_t vl = 0;
    // So does a group ("支持企业建设智能工厂", "鼓励龙头企业建设X"): known, or named by a group head word.
    // (For a group, a verb of building or doing, not one of support: "推进人才发展体制机制综合改革试点" is one name.)
    if (const Mention* a = ctx.LexiconAt(b);
        a && (a->type == "Agency"sv || a->type == "Enterprise"sv || a->type == "TargetGroup"sv) && a->span.end < head) {
      const Rule* v = ctx.Words(RuleKind::trigger).PrefixAt(s, a->span.end, &vl);
      if (v && a->span.end + vl < head && (a->type != "TargetGroup"sv || v->id != "trigger.support"sv)) {
        return SkipToObject(ctx, a->span.end, head, info);
      }
    }
    // "支持长沙市、株洲市、湘潭市做好X试点工作": places as the subject of their own verb.
    if (const Mention* r = ctx.LexiconAt(b); r && r->type == "Region"sv && r->span.end < head) {
      uint32_t after = AfterPlaceList(ctx, b, head);
      if (after == b) after = r->span.end;
      if (ctx.Words(RuleKind::trigger).PrefixAt(s, after, &vl) && after + vl < head) return SkipToObject(ctx, after, head, info);
    }

    return b;
  }
  const KindWords trig = ctx.Words(RuleKind::trigger);
  // (按 as in 按因素法下达X资金: the allocation method before the verb.)
  // "…,并在新能源产业园建设X": a conjunction may open the clause before its preposition.
  const uint32_t lead = At(s, left, "并"sv) || At(s, left, "且"sv) || At(s, left, "还"sv) ? left + 3 : left;
  bool prep = PrepAt(s, noise) || PrepAt(s, left) || (lead < head && PrepAt(s, lead));
  size_t pl = 0;
  const bool aimed_lead = ctx.Words(RuleKind::targets_lead).PrefixAt(s, left, &pl) != nullptr;  // 面向X发放Y
  // "对创新药给予奖励": in a condition the verb right before the head governs the head alone.
  const bool condition = ctx.Words(RuleKind::condition_lead).PrefixAt(s, left, &pl) != nullptr;
  prep |= aimed_lead;
  bool short_subject = false, actor_subject = false;
  const Mention* subj = ctx.LexiconAt(noise);
  // The lexicon names from `noise` on, read as t advances: an actor (the first
  // name at a position, as LexiconAt gives it) starting at or before t.
  size_t li = ctx.lexicon ? ctx.LexiconFrom(noise) : 0;
  const size_t ln = ctx.lexicon ? ctx.lexicon->size() : 0;
  for (uint32_t t = noise; t < head; t = NextChar(s, t)) {
    // Only a position where a verb starts decides anything: jump there.
    if ((t = static_cast<uint32_t>(trig.Skip(s, t, head))) >= head) break;
    for (; li < ln && ctx.lexicon_begin[li] <= t; ++li) {
      if (li > 0 && ctx.lexicon_begin[li] == ctx.lexicon_begin[li - 1]) continue;
      const Mention& a = (*ctx.lexicon)[li];
      if (a.type == "Agency"sv || a.type == "Enterprise"sv || a.type == "Region"sv) actor_subject = true;
    }
    size_t len = 0;
    // (A verb of building or doing, not one of support: "推进人才发展体制机制综合改革试点" is one name.)
    const Rule* verb_rule = trig.PrefixAt(s, t, &len);
    if (!verb_rule || t + len > head || InsideLexicon(ctx, t)) continue;
    // After an aimed phrase the verb may abut the head: "面向中小企业发放算力券".
    // So may the verb of a group or actor subject ("支持企业建设智能工厂": the head alone may name a
    // platform class).
    size_t gl = 0;
    // The subject's characters, counted when first asked (up to three rules ask).
    size_t subject_chars = SIZE_MAX;
    auto chars = [&] { return subject_chars != SIZE_MAX ? subject_chars : (subject_chars = WordChars(s.substr(noise, t - noise))); };
    const Rule* group_head = verb_rule->id != "trigger.support"sv && t > noise && chars() <= 6
                                 ? ctx.Words(RuleKind::head).SuffixAt(s, t, &gl)
                                 : nullptr;
    const bool group_subject = verb_rule->id != "trigger.support"sv &&
                               ((subj && subj->span.end == t &&
                                 (subj->type == "TargetGroup"sv || subj->type == "Agency"sv || subj->type == "Enterprise"sv)) ||
                                (group_head && group_head->arg == "TargetGroup"sv));
    if (t + len == head && !aimed_lead && !condition && !group_subject) continue;
    // A known name that starts like a verb (创新药研发奖励) is not a verb.
    if (const Mention* known = ctx.LexiconAt(t); known && known->span.end > t + len) continue;
    short_subject = chars() <= 2;
    size_t l2 = 0;
    // "在工业领域试点推行X", "政府将推出X", "市经信局会同市统计局建立X".
    // "专项资金可注资X基金", "项目单位应当建立X": the modals of rules count too.
    bool modal = t >= 3 && (OneCharModalAt(s, t - 3) || (t >= 6 && (At(s, t - 6, "应当"sv) || At(s, t - 6, "可以"sv))) ||
                            ctx.Words(RuleKind::subject_follow).SuffixAt(s, t, &l2) != nullptr);  // 政府已设立X, 拟设立
    std::string_view subject = s.substr(noise, t - noise);
    bool list_subject = subject.find("、") != std::string_view::npos || subject.find("等") != std::string_view::npos;
    bool reported = ctx.Words(RuleKind::speech_verb).SuffixAt(subject, subject.size(), &l2) ||
                    ctx.Words(RuleKind::lead_verb).Find(subject, 0) != std::string_view::npos;
    // "支持湘江新区建设X先导区": a place the lexicon does not hold, named by its head word
    // (新区, 开发区), is the subject of the verb, as a known place is.
    const Rule* place = ctx.Words(RuleKind::head).SuffixAt(s, t, &l2);
    const bool place_subject = place && place->arg == "Region"sv && t - l2 > noise && chars() <= 8;
    if (prep || short_subject || actor_subject || modal || list_subject || reported || place_subject || group_subject) {
      // After a modal (可注资黑龙江省X基金) the object keeps its region: read it from the verb on.
      if (modal) return SkipToObject(ctx, t, head, info);
      // A place right after the verb opens the object, not a subject: "会议研究了设立湖南省X基金".
      const uint32_t after = static_cast<uint32_t>(t + len);
      return SkipToObjectAfterNoise(ctx, SkipNoise(ctx, after, head, info, kNoiseAll & ~kNoiseActors), head, info);
    }
    // A verb inside with a long subject before it: "中试平台建设纳入…规划" is a clause.
    return head;
  }
  return b;
}

}  // namespace pkg::ingest::items
