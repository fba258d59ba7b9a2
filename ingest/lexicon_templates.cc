// Lexicon templates: agency names composed per region ({R}/{S}/{E}), English forms, pinyin; see lexicon.h.
#include "ingest/lexicon.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "base/text.h"

namespace pkg::ingest {

using namespace std::string_view_literals;  // "Fund"sv: type compares of known length, inlined
namespace {

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
    template_bare_.push_back(bare_id);
    for (const auto& a : tp.aliases) {
      if (a.find("{L}") != std::string::npos && a.find("{R}") == std::string::npos && a.find("{S}") == std::string::npos) {
        for (const char* lw : {"省", "市", "区", "县"}) AddSurface(Replace(a, "{L}", lw), bare_id, lw);
      }
    }
    for (size_t r = 0; r < plain; ++r) {
      const LexEntry& reg = entries_[r];
      if (reg.type != "Region"sv || reg.level == "national") continue;
      std::string lw = LevelWord(FullName(reg));
      // A county's bodies go by the county's own name (宿松县人民政府), a city
      // district's by the city's and the district's (合肥市包河区人民政府).
      const std::string& full = lw == "县" ? reg.name : FullName(reg);
      // A municipality (北京市, 天津市, 上海市, 重庆市) is a province whose bodies
      // are named as a city's: 天津市科学技术局, 北京市经济和信息化局.
      const bool municipality = reg.level == "province" && lw == "市";
      auto takes = [&](std::string_view level) {
        return std::find(tp.levels.begin(), tp.levels.end(), level) != tp.levels.end();
      };
      if (!takes(reg.level) && !(municipality && takes("city"))) continue;
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
    // A county's own name is also its full form ({R}: 宿松县人民政府).
    const bool county = LevelWord(FullName(reg)) == "县";
    for (int k = 0; k < 3; ++k) {
      if (k == 2 && !county) break;
      int32_t id = AddHelperPattern(k == 1 ? FullName(reg) : reg.name);
      if (id < 0) continue;
      if (form_regions_.size() <= static_cast<size_t>(id)) form_regions_.resize(static_cast<size_t>(id) + 1);
      form_regions_[static_cast<size_t>(id)][k == 2 ? 1 : k].push_back(r);
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
  for (LexEntry& e : entries_) e.rule = "lexicon." + e.type;
  // Guards (信息化 of 工业和信息化工作): spans no name may start inside. A
  // guard that is also a name, a region form or a template's tail stays that.
  for (const auto& g : guards_) {
    const int32_t id = AddHelperPattern(g);
    if (id < 0 || surfaces_[id].entry != kNoEntry) continue;
    const auto k = static_cast<size_t>(id);
    if (k < tail_roles_.size() && !tail_roles_[k].empty()) continue;
    if (k < form_regions_.size() && (!form_regions_[k][0].empty() || !form_regions_[k][1].empty())) continue;
    surfaces_[k].guard = true;
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

std::string Lexicon::ComposeName(uint32_t template_entry, std::string_view region, std::string_view level_word) const {
  const LexEntry& t = entries_[template_entry];
  if (t.template_id < 0) return "";
  std::string r(region);
  for (int hop = 0; hop < 4 && !r.empty(); ++hop) {
    const LexEntry* reg = FindRegion(r);
    if (!reg) return "";
    const std::string& full = FullName(*reg);
    if (LevelWord(full) == level_word) {
      // A county's bodies go by the county's own name (宿松县发展和改革委员会);
      // a city district's by the city's and the district's (合肥市包河区财政局).
      std::string s = Replace(templates_[t.template_id].name, "{R}", level_word == "县" ? reg->name : full);
      s = Replace(std::move(s), "{S}", reg->name);
      return Replace(std::move(s), "{L}", level_word);
    }
    r = reg->parent;
  }
  return "";
}

std::string Lexicon::NameFor(uint32_t template_entry, uint32_t region) const {
  const LexEntry& t = entries_[template_entry];
  if (t.template_id < 0 || region >= entries_.size()) return "";
  const LexEntry& reg = entries_[region];
  const std::string lw = LevelWord(FullName(reg));
  std::string s = Replace(templates_[t.template_id].name, "{R}", lw == "县" ? reg.name : FullName(reg));
  s = Replace(std::move(s), "{S}", reg.name);
  return Replace(std::move(s), "{L}", lw);
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

}  // namespace pkg::ingest
