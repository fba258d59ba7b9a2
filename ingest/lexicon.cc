// Lexicon loading, template instantiation and matching; see lexicon.h.
#include "ingest/lexicon.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "base/text.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

std::vector<std::string> SplitBar(std::string_view s) {
  std::vector<std::string> out;
  for (size_t p = 0; p <= s.size();) {
    size_t q = s.find('|', p);
    if (q == std::string_view::npos) q = s.size();
    if (q > p) out.emplace_back(s.substr(p, q - p));
    p = q + 1;
  }
  return out;
}

std::string Replace(std::string s, std::string_view from, std::string_view to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
    s.replace(p, from.size(), to);
  }
  return s;
}

std::string Capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

bool IsAsciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Whether [b, e) lies in a token of printable ASCII (no spaces) that is a web
// or mail address: it holds "://", "www.", '@' or a dot right before or after
// the span with a letter beyond it ("www.shanghai.gov.cn", "miit.gov.cn").
bool InAddress(std::string_view text, size_t b, size_t e) {
  auto token_char = [](char c) { return c > ' ' && c < 0x7F; };
  size_t tb = b, te = e;
  while (tb > 0 && token_char(text[tb - 1]) && b - tb < 256) --tb;
  while (te < text.size() && token_char(text[te]) && te - e < 256) ++te;
  const std::string_view token = text.substr(tb, te - tb);
  if (token.find("://") != std::string_view::npos || token.find("www.") != std::string_view::npos ||
      token.find('@') != std::string_view::npos) {
    return true;
  }
  const bool dot_before = b >= 2 && text[b - 1] == '.' && IsAsciiAlnum(text[b - 2]);
  const bool dot_after = e + 1 < text.size() && text[e] == '.' && IsAsciiAlnum(text[e + 1]);
  return dot_before || dot_after;
}

// Whether a match [b, e) that starts or ends with a Latin letter or digit
// cuts a word ("China" in "Chinatown", "MIIT" in "MIITs") or lies in a web or
// mail address (www.shanghai.gov.cn): such a match names nothing.
bool CutsWordOrAddress(std::string_view text, size_t b, size_t e) {
  const bool latin_begin = IsAsciiAlnum(text[b]), latin_end = IsAsciiAlnum(text[e - 1]);
  if ((latin_begin && b > 0 && IsAsciiAlnum(text[b - 1])) || (latin_end && e < text.size() && IsAsciiAlnum(text[e]))) {
    return true;
  }
  return (latin_begin || latin_end) && InAddress(text, b, e);
}

// A ministry's name ending in 部 run into 门 is the common noun 部门
// ("department(s)"): 市财政部门 is a city's finance department, not 财政部;
// 工业和信息化部门, 科技部门 likewise. (部 + 门户, the ministry's portal, stays.)
bool EndsInsideBumen(std::string_view text, size_t e) {
  return e >= 3 && text.substr(e - 3, 3) == "部" && text.substr(e, 3) == "门" && text.substr(e + 3, 3) != "户";
}

// The forms an English name is written in: as listed, all lower case, each
// word capitalised (in a headline), the first word capitalised (at a
// sentence start). "integrated circuits" → also "Integrated Circuits",
// "Integrated circuits".
std::vector<std::string> EnglishForms(const std::string& name) {
  std::string lower = name, title = name;
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (size_t i = 0; i < title.size(); ++i) {
    if ((i == 0 || title[i - 1] == ' ' || title[i - 1] == '-') && title[i] >= 'a' && title[i] <= 'z') {
      title[i] = static_cast<char>(title[i] - 'a' + 'A');
    }
  }
  std::vector<std::string> out{name, lower, title, Capitalised(lower)};
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Pinyin of many short names in one ICU call ("上海" → "shanghai"); far
// cheaper than a per-character table of every CJK code point.
std::vector<std::string> PinyinOf(const std::vector<std::string>& names) {
  std::vector<std::string> out(names.size());
  UErrorCode st = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> tr(
      icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, st));
  if (U_FAILURE(st) || !tr) return out;
  // In batches: every replacement that changes a length moves the rest of
  // the string, so one string of all 3,000 names costs quadratic time
  // (most of the start-up before this was batched).
  constexpr size_t kBatch = 32;
  for (size_t first = 0; first < names.size(); first += kBatch) {
    const size_t last = std::min(names.size(), first + kBatch);
    std::string joined;
    for (size_t i = first; i < last; ++i) joined += names[i] + "\n";
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(joined);
    tr->transliterate(u);
    std::string back;
    u.toUTF8String(back);
    size_t k = first, b = 0;
    for (size_t e = back.find('\n'); e != std::string::npos && k < last; e = back.find('\n', b)) {
      for (char c : back.substr(b, e - b)) {
        if (c != ' ' && c != '\'') out[k].push_back(c);
      }
      ++k;
      b = e + 1;
    }
  }
  return out;
}

// The level word of a region's full name: 上海市 → 市, 浙江省 → 省, 浦东新区 → 区.
std::string LevelWord(const std::string& full) {
  for (const char* w : {"省", "市", "区", "县"}) {
    std::string_view sv(w);
    if (full.size() >= sv.size() && full.compare(full.size() - sv.size(), sv.size(), sv) == 0) return w;
  }
  return "";
}

// A region's full name ({R}): the longest of its name and aliases, the first
// of equal length (上海 → 上海市, 浦东新区 → 上海市浦东新区).
const std::string& FullName(const LexEntry& reg) {
  const std::string* full = &reg.name;
  for (const auto& a : reg.aliases) {
    if (a.size() > full->size()) full = &a;
  }
  return *full;
}

}  // namespace

Status Lexicon::AddFile(std::string_view text, const std::string& origin, bool templates) {
  size_t line_no = 0;
  for (size_t b = 0; b <= text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(b, e - b);
    b = e + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    for (size_t p = 0;;) {
      size_t t = line.find('\t', p);
      f.emplace_back(line.substr(p, t == std::string_view::npos ? std::string_view::npos : t - p));
      if (t == std::string_view::npos) break;
      p = t + 1;
    }
    std::string where = origin + ":" + std::to_string(line_no);
    if (!IsValidUtf8(line)) return Status::Invalid(where + ": not valid UTF-8");
    if (f.size() < 2 || f[0].empty() || f[1].empty()) {
      return Status::Invalid(where + ": expected at least type and name (tab-separated), got " +
                             std::to_string(f.size()) + " field(s)");
    }
    f.resize(8);
    if (templates) {
      templates_.push_back(Template{f[1], f[3], SplitBar(f[2]), SplitBar(f[4])});
      if (templates_.back().levels.empty()) return Status::Invalid(where + ": a template needs its levels (5th field)");
      continue;
    }
    LexEntry x;
    x.type = f[0];
    x.name = f[1];
    x.aliases = SplitBar(f[2]);
    x.name_en = f[3];
    x.level = f[4];
    if (x.type == "Region"sv) {
      x.parent = f[5];
      x.pinyin = f[7];
    } else {
      x.part_of = SplitBar(f[5]);
    }
    uint32_t id = static_cast<uint32_t>(entries_.size());
    by_type_name_.emplace(x.type + "\t" + x.name, id);
    for (const auto& a : x.aliases) by_type_name_.emplace(x.type + "\t" + a, id);
    if (x.type == "Region"sv) {
      region_by_name_.emplace(x.name, id);
      for (const auto& a : x.aliases) region_by_name_.emplace(a, id);
    }
    entries_.push_back(std::move(x));
  }
  return Status::OK();
}

void Lexicon::AddSurface(const std::string& s, uint32_t entry, const std::string& bare_level) {
  if (s.empty()) return;
  int32_t id = ac_.Add(s);
  if (id < 0) return;
  if (static_cast<size_t>(id) == surfaces_.size()) surfaces_.push_back(Surface{entry, bare_level});
}

int32_t Lexicon::AddHelperPattern(std::string_view s) {
  int32_t id = ac_.Add(s);
  if (id >= 0 && static_cast<size_t>(id) == surfaces_.size()) surfaces_.push_back(Surface{kNoEntry, ""});
  return id;
}

void Lexicon::Instantiate() {
  size_t plain = entries_.size();
  // English (pinyin) names of the regions that templates use.
  std::vector<std::string> region_names;
  std::vector<size_t> region_ids;
  for (size_t r = 0; r < plain; ++r) {
    if (entries_[r].type == "Region"sv && entries_[r].level != "national" && entries_[r].level != "regional" &&
        entries_[r].name_en.empty()) {
      region_names.push_back(entries_[r].name);
      region_ids.push_back(r);
    }
  }
  // The pinyin column where the data has it; ICU's transform (slow: most of
  // the start-up when every region needed it) for the rest.
  std::unordered_map<size_t, std::string> english;
  std::vector<std::string> missing;
  std::vector<size_t> missing_ids;
  for (size_t k = 0; k < region_ids.size(); ++k) {
    const std::string& given = entries_[region_ids[k]].pinyin;
    if (!given.empty()) {
      english[region_ids[k]] = Capitalised(given);
    } else {
      missing.push_back(region_names[k]);
      missing_ids.push_back(region_ids[k]);
    }
  }
  if (!missing.empty()) {
    // Place readings first (成都 → Chengdu), as the column's generator does.
    for (std::string& name : missing) {
      std::string out;
      for (size_t i = 0; i < name.size();) {
        bool replaced = false;
        for (const auto& [word, latin] : place_readings_) {
          if (name.compare(i, word.size(), word) == 0) {
            out += " " + latin + " ";
            i += word.size();
            replaced = true;
            break;
          }
        }
        if (!replaced) out += name[i++];
      }
      name = std::move(out);
    }
    std::vector<std::string> pinyin = PinyinOf(missing);
    for (size_t k = 0; k < missing_ids.size(); ++k) english[missing_ids[k]] = Capitalised(pinyin[k]);
  }
  // Provinces and cities without an English name of their own get their
  // romanised name (成都 → Chengdu), so that English queries and documents
  // find them; districts and counties keep none (their short names carry the
  // level word: Changningqu would be no English name).
  for (size_t r : region_ids) {
    LexEntry& reg = entries_[r];
    if ((reg.level == "province" || reg.level == "city") && reg.name_en.empty() && !english[r].empty()) {
      reg.name_en = english[r];
    }
  }
  uint32_t first_instance = kNoEntry;  // entries from here on are instances or bare templates
  for (size_t t = 0; t < templates_.size(); ++t) {
    const Template& tp = templates_[t];
    if (first_instance == kNoEntry) first_instance = static_cast<uint32_t>(entries_.size());
    // The bare placeholder ("市经信委" → template t).
    LexEntry bare;
    bare.type = "Agency";
    bare.name = tp.name;
    bare.template_id = static_cast<int>(t);
    uint32_t bare_id = static_cast<uint32_t>(entries_.size());
    entries_.push_back(bare);
    for (const auto& a : tp.aliases) {
      if (a.find("{L}") != std::string::npos && a.find("{R}") == std::string::npos && a.find("{S}") == std::string::npos) {
        for (const char* lw : {"省", "市", "区"}) AddSurface(Replace(a, "{L}", lw), bare_id, lw);
      }
    }
    for (size_t r = 0; r < plain; ++r) {
      const LexEntry& reg = entries_[r];
      if (reg.type != "Region"sv || reg.level == "national") continue;
      if (std::find(tp.levels.begin(), tp.levels.end(), reg.level) == tp.levels.end()) continue;
      const std::string& full = FullName(reg);
      std::string lw = LevelWord(full);
      auto fill = [&](std::string s) {
        s = Replace(std::move(s), "{R}", full);
        s = Replace(std::move(s), "{S}", reg.name);
        s = Replace(std::move(s), "{E}", reg.name_en.empty() ? english[r] : reg.name_en);
        return Replace(std::move(s), "{L}", lw);
      };
      LexEntry x;
      x.type = "Agency";
      x.name = fill(tp.name);
      x.name_en = fill(tp.name_en);
      x.level = reg.level;
      x.region = reg.name;
      for (const auto& a : tp.aliases) {
        if (a.find("{R}") != std::string::npos || a.find("{S}") != std::string::npos) x.aliases.push_back(fill(a));
      }
      uint32_t id = static_cast<uint32_t>(entries_.size());
      instances_.emplace(std::to_string(t) + "\t" + reg.name, id);
      instance_of_.emplace(uint64_t{t} << 32 | r, id);
      by_type_name_.emplace("Agency\t" + x.name, id);
      entries_.push_back(std::move(x));
    }
  }
  ambiguous_set_.insert(ambiguous_.begin(), ambiguous_.end());
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const LexEntry& x = entries_[i];
    if (x.template_id >= 0 || i >= first_instance) continue;  // instances: composed by Match
    if (!ambiguous_set_.count(x.name)) AddSurface(x.name, i, "");
    for (const auto& a : x.aliases) {
      if (!ambiguous_set_.count(a)) AddSurface(a, i, "");
    }
  }
  // English names, so that English texts (and English words in Chinese ones)
  // name the same items: "Shanghai", "integrated circuits", "Ministry of
  // Industry and Information Technology". Only names of one entry: pinyin
  // names shared by two places (苏州 and 宿州 are both Suzhou) name neither.
  // Instances of agency templates are left out (tens of thousands of long
  // names). Match keeps ASCII word boundaries ("China" not in "Chinatown").
  std::unordered_map<std::string, std::vector<uint32_t>> english_forms;
  for (uint32_t i = 0; i < entries_.size() && i < first_instance; ++i) {
    const LexEntry& x = entries_[i];
    if (x.template_id >= 0 || x.name_en.size() < 3) continue;
    for (auto& f : EnglishForms(x.name_en)) {
      auto& ids = english_forms[f];
      if (std::find(ids.begin(), ids.end(), i) == ids.end()) ids.push_back(i);
    }
  }
  std::vector<std::pair<std::string, uint32_t>> unique_english;
  for (auto& [form, ids] : english_forms) {
    if (ids.size() == 1 && !ambiguous_set_.count(form)) unique_english.emplace_back(form, ids[0]);
  }
  std::sort(unique_english.begin(), unique_english.end());  // the same automaton on every run
  for (const auto& [form, id] : unique_english) {
    bool ascii = true;
    for (char ch : form) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
    if (!ascii) {
      AddSurface(form, id, "");
      continue;
    }
    const int32_t pid = ac_en_.Add(form);
    if (pid >= 0 && static_cast<size_t>(pid) == en_entry_.size()) en_entry_.push_back(id);
  }
  ac_en_.Build();
  // The forms of the regions the templates were instantiated for, and the
  // templates' tails (added last: a tail equal to a surface keeps the surface).
  for (uint32_t r = 0; r < plain; ++r) {
    const LexEntry& reg = entries_[r];
    if (reg.type != "Region"sv || reg.level == "national") continue;
    for (int k = 0; k < 2; ++k) {
      int32_t id = AddHelperPattern(k ? FullName(reg) : reg.name);
      if (id < 0) continue;
      if (form_regions_.size() <= static_cast<size_t>(id)) form_regions_.resize(static_cast<size_t>(id) + 1);
      form_regions_[static_cast<size_t>(id)][k].push_back(r);
    }
  }
  for (uint32_t t = 0; t < templates_.size(); ++t) {
    const Template& tp = templates_[t];
    std::vector<std::string> forms{tp.name};
    forms.insert(forms.end(), tp.aliases.begin(), tp.aliases.end());
    for (const auto& f : forms) {
      size_t at = f.find("{R}");
      bool full = at != std::string::npos;
      if (!full) at = f.find("{S}");
      if (at == std::string::npos || f.size() == at + 3) continue;
      int32_t id = AddHelperPattern(std::string_view(f).substr(at + 3));
      if (id < 0) continue;
      if (tail_roles_.size() <= static_cast<size_t>(id)) tail_roles_.resize(static_cast<size_t>(id) + 1);
      TailRole role{t, full, f.substr(0, at)};
      auto& roles = tail_roles_[static_cast<size_t>(id)];
      bool seen = false;
      for (const auto& o : roles) seen |= o.tmpl == t && o.full == full && o.prefix == role.prefix;
      if (!seen) roles.push_back(std::move(role));
    }
  }
  ac_.Build();
  // The Find filter: about 16 bits a key, a power of two.
  size_t bits = 64;
  while (bits < by_type_name_.size() * 16) bits *= 2;
  find_filter_.assign(bits / 64, 0);
  const size_t mask = bits - 1;
  for (const auto& kv : by_type_name_) {
    const size_t h = std::hash<std::string_view>{}(kv.first);
    const size_t a = h & mask, b = ((h >> 32) ^ (h * 0x9E3779B97F4A7C15ull)) & mask;
    find_filter_[a >> 6] |= uint64_t{1} << (a & 63);
    find_filter_[b >> 6] |= uint64_t{1} << (b & 63);
  }
}

Result<std::shared_ptr<const Lexicon>> Lexicon::LoadDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("lexicon folder " + dir + " does not exist");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  auto lex = std::make_shared<Lexicon>();
  for (const auto& p : files) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return Status::IoError("cannot read " + p.string());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string name = p.filename().string();
    if (name == "place_readings.tsv") {
      std::string line;
      while (std::getline(ss, line)) {
        if (line.empty() || line[0] == '#') continue;
        const size_t tab = line.find('\t');
        if (tab == std::string::npos || tab == 0 || tab + 1 >= line.size()) {
          return Status::Invalid(p.string() + ": expected 'word<TAB>pinyin', got '" + line + "'");
        }
        lex->place_readings_.emplace_back(line.substr(0, tab), line.substr(tab + 1));
      }
      // Longer words first (长子 before 长), as add_region_pinyin.py does.
      std::stable_sort(lex->place_readings_.begin(), lex->place_readings_.end(),
                       [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
      continue;
    }
    if (name == "ambiguous.tsv") {
      std::string line;
      while (std::getline(ss, line)) {
        if (!line.empty() && line[0] != '#') lex->ambiguous_.push_back(line);
      }
      continue;
    }
    PKG_RETURN_IF_ERROR(lex->AddFile(ss.str(), p.string(), name == "agency_templates.tsv"));
  }
  lex->Instantiate();
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

struct Lexicon::Candidate {
  uint32_t begin, end;
  uint32_t entry;
  bool composed;                   // a template instance (loses to a surface of the same span)
  const std::string* bare_level;
};

void Lexicon::Compose(std::string_view text, const AhoCorasick::Match& m, const std::vector<AhoCorasick::Match>& all,
                      std::vector<Candidate>& out) const {
  static const std::string kNone;
  // The matches ending where the tail begins.
  auto q = std::lower_bound(all.begin(), all.end(), m.begin,
                            [](const AhoCorasick::Match& a, uint32_t end) { return a.end < end; });
  for (; q != all.end() && q->end == m.begin; ++q) {
    if (q->pattern >= form_regions_.size()) continue;
    const auto& regions = form_regions_[q->pattern];
    for (const TailRole& role : tail_roles_[m.pattern]) {
      const std::vector<uint32_t>& rs = regions[role.full];
      if (rs.empty()) continue;
      const size_t b = q->begin;
      if (b < role.prefix.size() || text.compare(b - role.prefix.size(), role.prefix.size(), role.prefix) != 0) continue;
      const uint32_t begin = static_cast<uint32_t>(b - role.prefix.size());
      if (!ambiguous_set_.empty() && ambiguous_set_.count(text.substr(begin, m.end - begin))) continue;
      // The first region (file order) of the template's levels: the instance
      // whose string was listed first.
      const Template& tp = templates_[role.tmpl];
      for (uint32_t r : rs) {
        if (std::find(tp.levels.begin(), tp.levels.end(), entries_[r].level) == tp.levels.end()) continue;
        auto inst = instance_of_.find(uint64_t{role.tmpl} << 32 | r);
        if (inst != instance_of_.end()) out.push_back(Candidate{begin, m.end, inst->second, true, &kNone});
        break;
      }
    }
  }
}

std::vector<Lexicon::Hit> Lexicon::Match(std::string_view text, const std::vector<std::string>& types) const {
  static const std::string kNoLevel;
  const auto all = ac_.FindAll(text);
  std::vector<Candidate> cands;
  cands.reserve(all.size());
  for (const auto& m : all) {
    const Surface& s = surfaces_[m.pattern];
    if (CutsWordOrAddress(text, m.begin, m.end)) continue;
    if (EndsInsideBumen(text, m.end)) {
      // The whole noun phrase (农业农村部门) names no item: not 农业 either.
      cands.push_back(Candidate{m.begin, m.end + 3, kNoEntry, false, &kNoLevel});
      continue;
    }
    if (s.entry != kNoEntry) cands.push_back(Candidate{m.begin, m.end, s.entry, false, &s.bare_level});
    if (m.pattern < tail_roles_.size() && !tail_roles_[m.pattern].empty()) Compose(text, m, all, cands);
  }
  // English names, in each run of ASCII that holds a letter and is long enough.
  for (size_t b = 0; b < text.size() && !en_entry_.empty();) {
    // Past non-ASCII text, 8 bytes at a time while all of them are.
    for (uint64_t w; b + 8 <= text.size() && (std::memcpy(&w, text.data() + b, 8), (w & 0x8080808080808080ull) == 0x8080808080808080ull);) b += 8;
    while (b < text.size() && (static_cast<unsigned char>(text[b]) >= 0x80 || text[b] == '\n')) ++b;
    size_t e = b;
    bool letter = false;
    while (e < text.size() && static_cast<unsigned char>(text[e]) < 0x80 && text[e] != '\n') {
      letter = letter || (text[e] >= 'a' && text[e] <= 'z') || (text[e] >= 'A' && text[e] <= 'Z');
      ++e;
    }
    if (letter && e - b >= 3) {
      for (const auto& m : ac_en_.FindAll(text.substr(b, e - b))) {
        const size_t mb = b + m.begin, me = b + m.end;
        if (CutsWordOrAddress(text, mb, me)) continue;
        cands.push_back(Candidate{static_cast<uint32_t>(mb), static_cast<uint32_t>(me), en_entry_[m.pattern], false, &kNoLevel});
      }
    }
    b = e;
  }
  if (!types.empty()) {
    cands.erase(std::remove_if(cands.begin(), cands.end(),
                               [&](const Candidate& c) {
                                 if (c.entry == kNoEntry) return false;  // a blocked span stays
                                 const std::string& t = entries_[c.entry].type;
                                 return std::find(types.begin(), types.end(), t) == types.end();
                               }),
                cands.end());
  }
  // Leftmost, then longest; of equal spans (one string) the surface, then
  // the instance listed first, as when each instance was a surface.
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    if (a.composed != b.composed) return !a.composed;
    return a.entry < b.entry;
  });
  std::vector<Hit> out;
  uint32_t covered = 0;
  for (const auto& c : cands) {
    if (c.begin < covered) continue;
    if (c.entry != kNoEntry) out.push_back(Hit{c.begin, c.end, c.entry, *c.bare_level});
    covered = c.end;
  }
  return out;
}

int Lexicon::Resolve(uint32_t template_entry, std::string_view region, std::string_view level_word) const {
  const LexEntry& t = entries_[template_entry];
  if (t.template_id < 0) return -1;
  std::string r(region);
  for (int hop = 0; hop < 4 && !r.empty(); ++hop) {
    const LexEntry* reg = FindRegion(r);
    if (!reg) return -1;
    if (LevelWord(FullName(*reg)) == level_word) {
      auto it = instances_.find(std::to_string(t.template_id) + "\t" + reg->name);
      return it == instances_.end() ? -1 : static_cast<int>(it->second);
    }
    r = reg->parent;
  }
  return -1;
}

// Look-up keys are built in a per-thread buffer: no allocation per call.
const LexEntry* Lexicon::FindRegion(std::string_view name) const {
  thread_local std::string key;
  key.assign(name);
  auto it = region_by_name_.find(key);
  return it == region_by_name_.end() ? nullptr : &entries_[it->second];
}

bool Lexicon::MayHold(size_t hash) const {
  if (find_filter_.empty()) return true;
  const size_t mask = find_filter_.size() * 64 - 1;
  const size_t a = hash & mask, b = ((hash >> 32) ^ (hash * 0x9E3779B97F4A7C15ull)) & mask;
  return ((find_filter_[a >> 6] >> (a & 63)) & 1) && ((find_filter_[b >> 6] >> (b & 63)) & 1);
}

int Lexicon::Find(std::string_view type, std::string_view name) const {
  thread_local std::string key;
  key.assign(type);
  key += '\t';
  key.append(name);
  if (!MayHold(std::hash<std::string_view>{}(key))) return -1;
  auto it = by_type_name_.find(key);
  return it == by_type_name_.end() ? -1 : static_cast<int>(it->second);
}

}  // namespace pkg::ingest
