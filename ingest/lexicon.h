// Lexicon: named items known in advance (agencies by region, regions,
// industries, goals, target groups, well-known initiatives, enterprises,
// achievements) with their official names, aliases and English names, loaded
// from data/lexicon/*.tsv and matched with one Aho–Corasick automaton.
//
// Files: one item a line,  type <TAB> name <TAB> aliases(|) <TAB> name_en
// <TAB> level <TAB> part_of(|); regions.tsv: … level <TAB> parent <TAB> code
// <TAB> pinyin (the romanised name templates write for {E} when the region
// has no English name; computed with ICU at load time where missing). agency_templates.tsv instead holds local
// agencies with placeholders, instantiated for every region of the listed
// levels: {R} full region name (上海市), {S} short name (上海), {L} level word
// (市), {E} English (pinyin) region name. Its forms with {L} but no region
// ("市经信委") are "bare": Match reports them with the template, and
// Resolve() picks the instance of the document's region. The forms with a
// region ("上海市经信委") are not written into the automaton one per region
// (about 150,000 strings, most of the memory and start-up time): the
// automaton holds the part after the placeholder ("经信委"), and Match
// composes an instance where a form of a region of the template's levels
// ends right before it. The result is the same as matching every
// instantiated string: the same spans, and for a string several instances
// share, the instance listed first. ambiguous.tsv lists
// surfaces never matched alone. level "weak" marks generic items (工业,
// 企业) that are emitted only when a relation uses them.
//
// What it does not do: decide node ids (canonical_name.h) or resolve
// overlaps with open-class items (recognize.h).
//
// Thread safety: immutable after LoadDir.
// Tested in tests/ingest/lexicon_test.cc.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/status.h"
#include "ingest/aho_corasick.h"

namespace pkg::ingest {

struct LexEntry {
  std::string type;     // schema node type: "Agency", "Region", …
  std::string name;     // canonical name (for templates: the pattern "{R}…")
  std::string name_en;
  std::string level;    // "national", "city", "weak", …
  std::vector<std::string> aliases;
  std::vector<std::string> part_of;  // names of groups this item belongs to
  std::string region;   // short name of the region an instantiated agency belongs to
  std::string parent;   // for regions: the short name of the enclosing region
  std::string pinyin;   // for regions: romanised short name for templates' {E} (column 8)
  std::string rule;     // "lexicon.<type>": the rule id its mentions carry (set by Instantiate)
  int template_id = -1; // for bare template placeholders: index into templates
  // Emitted only when a relation uses it: generic words (level "weak"), and the
  // nation as a region (全国, 我国: mostly adverbial, "在全国率先", "全国领先").
  bool weak() const { return level == "weak" || (level == "national" && type == "Region"); }
};

class Lexicon {
 public:
  struct Hit {
    uint32_t begin, end;  // byte span in the text
    uint32_t entry;       // index into entries()
    std::string_view bare_level;  // for bare forms ("市经信委"): the level word, "市" (the Lexicon's storage)
    // For a template's name written with a county or district that has no
    // instance of it (宿松县发展和改革委员会 from the city-level template): that
    // region's entry, with `entry` the template's bare entry; kNoRegion otherwise.
    uint32_t region = kNoRegion;
  };
  static constexpr uint32_t kNoRegion = 0xFFFFFFFF;

  // Reads every *.tsv in `dir`. Errors name the file and line.
  static Result<std::shared_ptr<const Lexicon>> LoadDir(const std::string& dir);

  const std::vector<LexEntry>& entries() const { return entries_; }
  // Leftmost-longest non-overlapping matches in `text`; with `types`
  // non-empty, only entries of those types take part.
  std::vector<Hit> Match(std::string_view text, const std::vector<std::string>& types = {}) const;
  // The instance of a bare template entry for a region (short name), walking
  // up to the enclosing region whose level word is `level_word`; -1 if none.
  int Resolve(uint32_t template_entry, std::string_view region, std::string_view level_word) const;
  // The name a bare template entry would have for that region when the
  // template has no instance at its level (区财政局 in 包河区: 合肥市包河区财政局,
  // from the city-level {R}财政局); "" when the region or level is not found.
  std::string ComposeName(uint32_t template_entry, std::string_view region, std::string_view level_word) const;
  // The name of a template entry for a region entry (a Hit's `region`):
  // 宿松县发展和改革委员会, 合肥市包河区财政局.
  std::string NameFor(uint32_t template_entry, uint32_t region) const;
  // Region entry by short or full name; nullptr when unknown.
  const LexEntry* FindRegion(std::string_view name) const;
  // Entry by type and canonical name or alias; -1 when unknown.
  int Find(std::string_view type, std::string_view name) const;

 private:
  Status AddFile(std::string_view text, const std::string& origin, bool templates);
  void Instantiate();
  void AddSurface(const std::string& s, uint32_t entry, const std::string& bare_level);
  // A pattern that is no surface of its own (a region form, a template's
  // tail) unless an entry already made it one; its id, or -1 when empty.
  int32_t AddHelperPattern(std::string_view s);

  struct Template {
    std::string name, name_en;
    std::vector<std::string> aliases, levels;
  };
  static constexpr uint32_t kNoEntry = 0xFFFFFFFF;
  struct Surface {
    uint32_t entry;          // kNoEntry: the pattern is only a template's tail (or a guard)
    std::string bare_level;
    bool guard = false;      // a word of guards.tsv: no name may start inside it
  };
  // A template form with a region placeholder, by the automaton pattern of
  // the text after the placeholder: "中共{R}委员会" is {tmpl, full, "中共"}.
  struct TailRole {
    uint32_t tmpl;
    bool full;           // {R} (the region's full name) rather than {S}
    std::string prefix;  // text before the placeholder, usually empty
  };
  struct SvHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Candidate;
  // Adds to `out` the instances whose region form (a match in `all`, which
  // is ordered by end) ends where tail match m begins (see Match).
  void Compose(std::string_view text, const AhoCorasick::Match& m, const std::vector<AhoCorasick::Match>& all,
               std::vector<Candidate>& out) const;
  std::vector<LexEntry> entries_;
  std::vector<Template> templates_;
  std::vector<Surface> surfaces_;  // by AC pattern id
  std::unordered_map<std::string, uint32_t> region_by_name_;
  std::unordered_map<std::string, uint32_t> by_type_name_;  // "Type\tname" → entry
  // A Bloom filter over the keys of by_type_name_ (two bits a key, built by
  // Instantiate): most look-ups are of names the lexicon does not hold, and
  // this answers them without touching the large table.
  std::vector<uint64_t> find_filter_;
  bool MayHold(size_t hash) const;
  std::unordered_map<std::string, uint32_t> instances_;     // "template\tregion" → entry
  std::vector<std::string> ambiguous_;
  std::vector<std::string> guards_;  // guards.tsv
  // place_readings.tsv: (word, pinyin), longest word first, for romanising
  // region names the pinyin column does not cover.
  std::vector<std::pair<std::string, std::string>> place_readings_;
  std::unordered_set<std::string, SvHash, std::equal_to<>> ambiguous_set_;
  std::vector<std::vector<TailRole>> tail_roles_;  // by AC pattern id; empty for most
  // By AC pattern id: the regions (entries, file order) whose short name
  // ([0]) or full name ([1]) the pattern is; empty for most patterns.
  std::vector<std::array<std::vector<uint32_t>, 2>> form_regions_;
  std::vector<uint32_t> template_bare_;  // by template: its bare entry
  std::unordered_map<uint64_t, uint32_t> instance_of_;  // template << 32 | region entry → entry
  AhoCorasick ac_;
  // English names (all ASCII) in an automaton of their own, run only over a
  // text's runs of ASCII: in the main one their letters doubled the states
  // every Chinese character's step hashes into.
  AhoCorasick ac_en_;
  std::vector<uint32_t> en_entry_;  // by ac_en_ pattern id
};

}  // namespace pkg::ingest
